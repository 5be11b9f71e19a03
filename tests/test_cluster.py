"""--executor dask / --scheduler: a run on a Dask cluster gives the bytes a local --workers 1 run gives.

One LocalCluster (two single-threaded worker processes) serves the module: its
address goes to --scheduler, as a running `dask scheduler` would. A run with
--executor dask alone starts its own local cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURE_DOCUMENTS, SHARED
from typer.testing import CliRunner

from minutes_cli.cli import app

distributed = pytest.importorskip("distributed")


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


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor dask"),
    (["--executor", "dask", "--timeout", "5"], "--timeout is not yet enforced on Dask workers"),
])
def test_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(FIXTURE_DOCUMENTS[0]), *args])
    assert result.exit_code == 2
    assert message in result.stderr


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
    import json
    import shutil
    import subprocess
    import time

    dask = shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command is not installed")
    address_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address",
                                  ":0", "--scheduler-file", str(address_file)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        worker = subprocess.Popen([dask, "worker", "--scheduler-file", str(address_file), "--nthreads", "1",
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
