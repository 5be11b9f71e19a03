"""--executor dask / --scheduler: a run on a Dask cluster gives the bytes a local --workers 1 run gives.

One LocalCluster (two single-threaded worker processes) serves the module: its
address goes to --scheduler, as a running `dask scheduler` would. A run with
--executor dask alone starts its own local cluster. `extract` and `index` both
take the executor; --timeout holds on the workers (a watchdog, see
tests/test_deadline.py), shown with a file made slow on the workers and, for
the local run compared with, in this process. Without the dask extra the
module skips, except under CI (CI=true), where the extra is installed and the
tests must run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURE_DOCUMENTS, SEEDS, SHARED
from typer.testing import CliRunner

from minutes_cli import batch
from minutes_cli.cli import app

try:
    import distributed
except ImportError:
    if os.environ.get("CI") == "true":
        raise  # .ci/run installs the dask extra (in .[test]): CI runs these tests, it never skips them
    pytest.skip("the dask extra is not installed (pip install 'minutes[dask]')", allow_module_level=True)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _run(args: list[str]) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, ["extract", *args, "-q"])
    return result.exit_code, result.stdout_bytes, result.stderr


def _inputs(tmp_path: Path) -> list[str]:
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")  # fails: the same error line and record as a local run
    return [str(p) for p in FIXTURE_DOCUMENTS] + [str(empty)]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_scheduler_output_is_byte_identical_to_one_local_worker(scheduler: str, tmp_path: Path, fmt: str) -> None:
    inputs = _inputs(tmp_path)
    local = _run([*inputs, "-f", fmt, "-j", "1"])
    dask = _run([*inputs, "-f", fmt, "--executor", "dask", "--scheduler", scheduler])
    assert local[0] == dask[0] == 1  # tom.txt failed alone
    assert local[1] == dask[1] and len(local[1]) > 1000
    assert "tom.txt: the file is empty" in dask[2]


def test_local_cluster_output_is_byte_identical(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)[:6]
    local = _run([*inputs, "-f", "jsonl", "-j", "1"])
    dask = _run([*inputs, "-f", "jsonl", "--executor", "dask", "-j", "2"])
    assert local == dask


def test_output_dir_and_skip_unchanged_on_dask(scheduler: str, tmp_path: Path) -> None:
    inputs = [str(p) for p in FIXTURE_DOCUMENTS[:4]]
    out_local, out_dask = tmp_path / "local", tmp_path / "dask"
    assert _run([*inputs, "--output-dir", str(out_local), "-j", "1"])[0] == 0
    assert _run([*inputs, "--output-dir", str(out_dask), "--executor", "dask", "--scheduler", scheduler])[0] == 0
    files = sorted(p.relative_to(out_local) for p in out_local.rglob("*.json"))
    assert len(files) == 4
    assert all((out_local / f).read_bytes() == (out_dask / f).read_bytes() for f in files)
    again = CliRunner().invoke(app, ["extract", *inputs, "--output-dir", str(out_dask), "--skip-unchanged",
                                     "--executor", "dask", "--scheduler", scheduler])
    assert again.exit_code == 0
    assert "4 unchanged" in again.stderr


@pytest.mark.parametrize("command", ["extract", "index"])
def test_usage_errors_are_the_same_for_extract_and_index(command: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # index would make minutes.db here
    scheduler_alone = CliRunner().invoke(app, [command, str(FIXTURE_DOCUMENTS[0]), "--scheduler", "tcp://127.0.0.1:1"])
    assert scheduler_alone.exit_code == 2
    assert "--scheduler needs --executor dask" in scheduler_alone.stderr
    import importlib.util
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "distributed" else real_find_spec(name, *args))
    no_extra = CliRunner().invoke(app, [command, str(FIXTURE_DOCUMENTS[0]), "--executor", "dask"])
    assert no_extra.exit_code == 2
    assert "--executor dask needs dask.distributed: pip install 'minutes[dask]'" in no_extra.stderr
    assert not (tmp_path / "minutes.db").exists()


@pytest.mark.parametrize("command", ["extract", "index"])
@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "nonsense"])
def test_a_scheduler_that_does_not_answer_is_one_line(command: str, address: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import dask

    monkeypatch.chdir(tmp_path)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):  # nothing listens on port 1
        result = CliRunner().invoke(app, [command, str(FIXTURE_DOCUMENTS[0]), "--executor", "dask",
                                          "--scheduler", address])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {address}: no Dask scheduler answers at this address (")
    assert result.stderr.endswith("(start one with `dask scheduler`, or check --scheduler)\n")
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is absent")
def test_seeds_and_corpus_are_byte_identical_through_a_scheduler(scheduler: str) -> None:
    inputs = [str(SHARED / "seeds"), str(SHARED / "corpus")]
    local = _run(["-r", *inputs, "-f", "jsonl", "-j", "1"])
    dask = _run(["-r", *inputs, "-f", "jsonl", "--executor", "dask", "--scheduler", scheduler])
    assert local[0] == dask[0]
    assert local[1] == dask[1] and local[1].count(b"\n") >= 10


def test_a_real_dask_scheduler_and_worker_on_localhost(tmp_path: Path) -> None:
    # `dask scheduler` and `dask worker` as an analyst starts them, on 127.0.0.1; the scheduler writes its
    # address to a file, which the worker and this test read
    import subprocess

    dask = [sys.executable, "-m", "dask"]  # the `dask` command of this environment, found without PATH
    address_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address",
                                  ":0", "--scheduler-file", str(address_file)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        worker = subprocess.Popen([*dask, "worker", "--scheduler-file", str(address_file), "--nthreads", "1",
                                   "--nworkers", "1", "--dashboard-address", ":0"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        address = json.loads(address_file.read_text(encoding="utf-8"))["address"]
        with distributed.Client(address) as client:
            client.wait_for_workers(1, timeout=60)
        inputs = [str(p) for p in FIXTURE_DOCUMENTS[:6]]
        local = _run([*inputs, "-f", "csv", "-j", "1"])
        dask_run = _run([*inputs, "-f", "csv", "--executor", "dask", "--scheduler", address])
        assert local == dask_run and local[0] == 0
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def test_fail_fast_stops_at_the_same_file_as_a_local_run(scheduler: str, tmp_path: Path) -> None:
    # the failing file sits inside a task of several files; the files after it are not written
    inputs = _inputs(tmp_path)
    inputs = [*inputs[:2], inputs[-1], *inputs[2:7]]
    local = _run([*inputs, "-f", "jsonl", "-j", "1", "--fail-fast"])
    dask = _run([*inputs, "-f", "jsonl", "--executor", "dask", "--scheduler", scheduler, "--fail-fast"])
    assert local == dask
    assert local[0] == 1 and local[1].count(b"\n") == 3  # two documents and the failure record


# --- --timeout on the workers -------------------------------------------------------------------------------
# A file whose name starts with SLOW_NAME is made slow where it is parsed: on the workers (client.run) for a
# Dask run, in this process for the local run it is compared with. It waits in a Python loop, which a time
# limit can interrupt, for far longer than the limit; the other files parse in well under it (0.2 s at most).

SLOW_NAME = "langsom"
SLOW_SECONDS = 60
TIMEOUT = "2"


def _slow_extract(real: Callable[..., Any]) -> Callable[..., Any]:
    """`extract_documents_from_bytes`, made slow for SLOW_NAME files."""
    def extract(data: bytes, path: str, **options: Any) -> Any:
        if Path(path).name.startswith(SLOW_NAME):
            end = time.perf_counter() + SLOW_SECONDS
            while time.perf_counter() < end:
                time.sleep(0.01)
            raise AssertionError("the time limit did not hold")
        return real(data, path, **options)
    return extract


def _make_slow() -> None:
    """Run on each worker: slow SLOW_NAME files (the original is kept to restore)."""
    if not hasattr(batch, "_unslowed"):
        batch._unslowed = batch.extract_documents_from_bytes  # type: ignore[attr-defined]
        batch.extract_documents_from_bytes = _slow_extract(batch.extract_documents_from_bytes)


def _make_quick() -> None:
    """Run on each worker: undo `_make_slow`."""
    if hasattr(batch, "_unslowed"):
        batch.extract_documents_from_bytes = batch._unslowed
        del batch._unslowed


@pytest.fixture()
def slow_files(scheduler: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """SLOW_NAME files are slow on the module's cluster and in this process, for one test."""
    monkeypatch.setattr(batch, "extract_documents_from_bytes", _slow_extract(batch.extract_documents_from_bytes))
    with distributed.Client(scheduler) as client:
        client.run(_make_slow)
        try:
            yield
        finally:
            client.run(_make_quick)


def _with_a_slow_file(tmp_path: Path) -> list[str]:
    slow = tmp_path / f"{SLOW_NAME}.txt"
    slow.write_text("Punkt 1: Budget 2025\n\nBeslutning\n\nGodkendt.\n", encoding="utf-8")
    fixtures = [str(p) for p in FIXTURE_DOCUMENTS[:7]]
    return [*fixtures[:3], str(slow), *fixtures[3:]]  # in a task with three other files, four after it


@pytest.mark.usefixtures("slow_files")
def test_timeout_holds_on_dask_workers_with_the_record_of_a_local_run(scheduler: str, tmp_path: Path) -> None:
    inputs = _with_a_slow_file(tmp_path)
    started = time.perf_counter()
    local = _run([*inputs, "-f", "jsonl", "-j", "1", "--timeout", TIMEOUT])
    dask = _run([*inputs, "-f", "jsonl", "--executor", "dask", "--scheduler", scheduler, "--timeout", TIMEOUT])
    assert time.perf_counter() - started < SLOW_SECONDS, "a time limit did not hold"
    assert local[0] == dask[0] == 1  # the slow file failed, alone
    assert local[1] == dask[1] and local[1].count(b"\n") == len(inputs)  # the others byte for byte
    message = f"{inputs[3]}: parsing took longer than {TIMEOUT} s (raise --timeout)"
    assert local[2] == dask[2] and message in dask[2]
    records = [json.loads(line) for line in dask[1].splitlines()]
    assert [record.get("error") for record in records if record.get("error")] == [message]


@pytest.mark.usefixtures("slow_files")
def test_timeout_holds_when_indexing_on_dask(scheduler: str, tmp_path: Path) -> None:
    inputs = _with_a_slow_file(tmp_path)
    for name, executor in (("local", ["-j", "1"]), ("dask", ["--executor", "dask", "--scheduler", scheduler])):
        result = CliRunner().invoke(app, ["index", *inputs, "--db", str(tmp_path / f"{name}.db"), "-q",
                                          "--timeout", TIMEOUT, *executor])
        assert result.exit_code == 1, result.stderr
    assert _archive_rows(tmp_path / "local.db") == _archive_rows(tmp_path / "dask.db")
    failures = _archive_rows(tmp_path / "dask.db")["failures"]
    assert [row[3] for row in failures] == [f"{inputs[3]}: parsing took longer than {TIMEOUT} s (raise --timeout)"]


# --- minutes index --executor dask ---------------------------------------------------------------------------

# Columns that say when a run happened, not what it found.
RUN_TIME_COLUMNS = {"indexed_at", "failed_at"}


def _archive_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every archive table (ids included: rows are inserted in input order), run times left out."""
    from minutes_cli.archive.schema import TABLES

    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT {', '.join(c for c in columns if c not in RUN_TIME_COLUMNS)} "
                                  f"FROM {table} ORDER BY id").fetchall()
                for table, columns in TABLES.items()}


def test_index_on_a_local_cluster_stores_the_rows_of_one_local_worker(tmp_path: Path) -> None:
    pytest.importorskip("sqlite_utils")
    corpus = SHARED / "corpus"
    inputs = [str(SEEDS), str(corpus)] if SEEDS.is_dir() and corpus.is_dir() else [str(p) for p in FIXTURE_DOCUMENTS]
    runs = {"local": ["-j", "1"], "dask": ["--executor", "dask", "-j", "2"]}  # dask: a local cluster of its own
    codes = set()
    for name, executor in runs.items():
        result = CliRunner().invoke(app, ["index", *inputs, "--db", str(tmp_path / f"{name}.db"), "-q", *executor])
        assert result.exit_code in (0, 1), result.stderr
        codes.add(result.exit_code)
    assert len(codes) == 1
    local, dask = _archive_rows(tmp_path / "local.db"), _archive_rows(tmp_path / "dask.db")
    assert len(local["documents"]) >= 10 and len(local["items"]) > 50
    assert local == dask
    # indexing again on the cluster parses only the files that failed (a newer minutes may read them)
    again = CliRunner().invoke(app, ["index", *inputs, "--db", str(tmp_path / "dask.db"), *runs["dask"]])
    assert again.exit_code in codes
    files_indexed = len({row[1] for row in dask["documents"]})  # (id, path, ...): a file may hold several meetings
    assert f"(0 indexed, {files_indexed} unchanged" in again.stderr, again.stderr
    assert _archive_rows(tmp_path / "dask.db")["items"] == dask["items"]


# --- the progress bar -----------------------------------------------------------------------------------------


class _ProgressRecorder:
    """Stands in for rich's Progress: records the total and when each update came."""

    def __init__(self) -> None:
        self.total = 0
        self.updates: list[tuple[float, int]] = []  # (time, files advanced)

    def __enter__(self) -> _ProgressRecorder:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def add_task(self, _description: str, total: int, **_fields: Any) -> int:
        self.total = total
        return 0

    def update(self, _task: int, advance: int = 0, **_fields: Any) -> None:
        self.updates.append((time.perf_counter(), advance))


@pytest.mark.usefixtures("slow_files")
@pytest.mark.parametrize("command", ["extract", "index"])
def test_the_progress_bar_follows_the_tasks_as_they_finish(command: str, scheduler: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # the last task holds the slow file: the bar has moved for the first task's files long before it ends
    from io import StringIO

    from rich.console import Console

    from minutes_cli import cli

    recorder = _ProgressRecorder()
    monkeypatch.setattr(cli._Stderr, "_console", Console(file=StringIO(), force_terminal=True))  # a terminal
    monkeypatch.setattr(cli, "_progress", lambda columns, disable=False, **_options: recorder)
    slow = _with_a_slow_file(tmp_path)
    inputs = [*slow[:3], *slow[4:], slow[3]]  # 7 quick files, then the slow one: tasks of 4 files
    target = ["--db", str(tmp_path / "a.db")] if command == "index" else ["-f", "jsonl"]
    result = CliRunner().invoke(app, [command, *inputs, *target, "--timeout", TIMEOUT, "--executor", "dask",
                                      "--scheduler", scheduler])
    assert result.exit_code == 1
    assert recorder.total == len(inputs)
    assert [advance for _, advance in recorder.updates] == [1] * len(inputs)
    first_task_done, last = recorder.updates[3][0], recorder.updates[-1][0]
    assert last - first_task_done > float(TIMEOUT) / 2


def _tesseract_threads() -> str | None:
    """Run on a worker: its OMP_THREAD_LIMIT."""
    return os.environ.get("OMP_THREAD_LIMIT")


def test_a_local_cluster_runs_one_tesseract_thread_per_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    # as local worker processes do: an OpenMP Tesseract would otherwise start a thread per core in each worker
    from minutes_cli.cluster import dask_client

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    with dask_client(None, 1) as client:
        assert list(client.run(_tesseract_threads).values()) == ["1"]
