"""The batch layer: input expansion, order, failures, time limits, atomic and resumable output."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest
from helpers import FIXTURES

from minutes_cli import batch
from minutes_cli.batch import (
    Input,
    expand_inputs,
    is_unchanged,
    parse_one,
    run_batch,
    write_atomic,
    write_output,
)
from minutes_cli.export import pretty_json

MINUTES = "Punkt {n}: Sag nummer {n}\n\nSagsnr.: 2020/0{n:04d}\n\nBeslutning\n\nGodkendt.\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    for n in range(1, 6):
        (tmp_path / f"referat{n}.txt").write_text(MINUTES.format(n=n), encoding="utf-8")
    (tmp_path / "sub" / "referat9.txt").write_text(MINUTES.format(n=9), encoding="utf-8")
    (tmp_path / "sub" / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "sub" / "scan.tif").write_bytes(b"II*\x00")
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf at all")
    return tmp_path


def test_a_recursive_batch_reads_documents_and_names_what_it_skips(folder: Path) -> None:
    inputs = expand_inputs([str(folder)], recursive=True)
    found = [i.relative for i in inputs]
    assert {"sub/referat9.txt", "broken.pdf", "sub/logo.gif", "sub/scan.tif"} <= set(found)
    results = {r.relative: r for r in run_batch(inputs)}
    logo = results["sub/logo.gif"]
    assert logo.ok and logo.not_read == "this is a GIF image, not a PDF, HTML or text document"
    # a scan is a document, read by OCR: a truncated one fails like a damaged PDF, it is not skipped
    scan = results["sub/scan.tif"]
    assert not scan.ok and scan.not_read is None and "the image cannot be opened" in (scan.error or "")
    assert not results["broken.pdf"].ok, "a damaged document fails, it is not skipped"
    assert results["sub/referat9.txt"].document is not None


def test_expand_glob_and_keep_unmatched_names(folder: Path) -> None:
    found = expand_inputs([str(folder / "referat*.txt"), str(folder / "mangler.txt")], recursive=False)
    assert [Path(i.path).name for i in found] == [f"referat{n}.txt" for n in range(1, 6)] + ["mangler.txt"]


def test_expand_stdin_reads_once() -> None:
    found = expand_inputs(["-"], recursive=False, stdin=lambda: b"Punkt 1: X")
    assert found == [Input("-", "stdin", b"Punkt 1: X")]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order_with_failures_in_place(folder: Path, workers: int) -> None:
    inputs = expand_inputs([str(folder / "referat1.txt"), str(folder / "broken.pdf"), str(folder / "referat2.txt"),
                            str(folder / "mangler.txt"), str(folder / "referat3.txt")], recursive=False)
    results = list(run_batch(inputs, workers=workers))
    assert [Path(r.path).name for r in results] == ["referat1.txt", "broken.pdf", "referat2.txt", "mangler.txt",
                                                   "referat3.txt"]
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert "broken.pdf" in (results[1].error or "") and "mangler.txt" in (results[3].error or "")
    assert results[2].document is not None and results[2].document.items[0].number == "2"


@pytest.mark.parametrize("workers", [1, 2])
def test_fail_fast_stops_after_the_first_failure(folder: Path, workers: int) -> None:
    inputs = expand_inputs([str(folder / "referat1.txt"), str(folder / "broken.pdf"), str(folder / "referat2.txt")],
                           recursive=False)
    results = list(run_batch(inputs, workers=workers, fail_fast=True))
    assert [r.ok for r in results] == [True, False]


def test_timeout_fails_only_the_slow_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(data: bytes, path: str, **_options: object) -> object:
        time.sleep(5)
        raise AssertionError("should have timed out")

    monkeypatch.setattr(batch, "extract_documents_from_bytes", slow)
    started = time.perf_counter()
    result = parse_one(Input(str(folder / "referat1.txt"), "referat1.txt"), timeout=0.2)
    assert time.perf_counter() - started < 3
    assert not result.ok and "longer than 0.2 s" in (result.error or "")


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "alle.json"
    write_atomic(target, '{"a": "æøå"}\n')
    assert target.read_text(encoding="utf-8") == '{"a": "æøå"}\n'
    assert [p.name for p in target.parent.iterdir()] == ["alle.json"]


def test_skip_unchanged_needs_the_same_bytes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "json"
    item = expand_inputs([str(folder / "referat1.txt")], recursive=False)[0]
    result = next(run_batch([item]))
    assert result.document is not None
    write_output(out, item.relative, pretty_json(result.document))
    assert is_unchanged(out, item)
    assert next(run_batch([item], skip_unchanged_in=out)).skipped
    (folder / "referat1.txt").write_text(MINUTES.format(n=7), encoding="utf-8")
    assert not is_unchanged(out, item)



def test_a_document_survives_the_trip_from_a_worker_unchanged() -> None:
    # workers send documents back pickled; records pickle as their class and field values
    results = [parse_one(item, None) for item in expand_inputs([str(FIXTURES)], recursive=True)]
    documents = [result.document for result in results if result.document is not None]
    assert documents
    for document in documents:
        assert pickle.loads(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)) == document


def test_a_folder_that_cannot_be_read_is_a_failure_named_in_its_place(folder: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # as root a chmod 000 folder stays readable, so the refusal is simulated where the walk lists a folder
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "sub":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    results = {r.relative: r for r in run_batch(expand_inputs([str(folder)], recursive=True))}
    assert not results["sub"].ok and "the folder cannot be read (Permission denied)" in (results["sub"].error or "")
    assert results["referat1.txt"].document is not None


def test_a_glob_names_the_folders_it_matches_without_r(folder: Path) -> None:
    inputs = expand_inputs([str(folder / "*")], recursive=False)
    results = {r.relative: r for r in run_batch(inputs)}
    assert results["sub"].not_read == "a folder (add -r to read the files in it)"
    with_r = {i.relative for i in expand_inputs([str(folder / "*")], recursive=True)}
    assert {"sub/referat9.txt", "sub/logo.gif", "sub/scan.tif"} <= with_r
