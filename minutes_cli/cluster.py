"""Run a batch on a Dask cluster (dask.distributed, the `dask` extra): `--executor dask`, `--scheduler ADDRESS`.

`batch.run_batch(..., client=CLIENT)` comes here. Each task is a short
stretch of consecutive files: a worker runs `batch.parse_one` on each, with
the same renderer as a local run, and sends back a `FileResult` per file:
the rendered text for `extract`, the documents for `index` (which has no
renderer; documents pickle as their field values). The parent keeps a
bounded window of tasks in flight and yields the results in input order, so
the output is byte for byte that of `--workers 1`. A file that fails, fails
alone: `parse_one` turns every error into the same error record as a local
run; a worker lost under a file gives that file an error and the batch goes
on. `--timeout` holds on the workers: a task runs on a worker's thread,
where `parse_one` limits each file with a watchdog instead of a timer signal
(`minutes_cli.deadline`), and a file that takes too long gets the same error
record as locally. Workers read the input paths themselves, so they must see
the same files at the same paths (one machine, or a shared file system);
standard input travels with its task.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .batch import FileResult, Input, Render, one_tesseract_thread, parse_one
from .errors import SchedulerUnreachable
from .readers.options import ReadOptions

if TYPE_CHECKING:
    from distributed import Client, Future

# Tasks in flight per worker thread: enough to keep every worker busy while results come back in
# input order, few enough that the parent holds little on a batch of thousands of files.
TASKS_PER_WORKER = 4
# Files per task: a task costs the scheduler a few milliseconds, as much as parsing a small file, so
# consecutive files travel together (a failure still fails only its own file).
FILES_PER_TASK = 4


def parse_several(items: list[Input], timeout: float | None, render: Render | None, max_size: int | None,
                  options: ReadOptions | None) -> list[FileResult]:
    """`batch.parse_one` for each of `items` in turn, on a worker, each within `timeout` seconds."""
    # a worker runs this on a thread of its own: parse_one's time limit is then a watchdog (minutes_cli.deadline)
    return [parse_one(item, timeout, render, max_size, options) for item in items]


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at `scheduler` (tcp://HOST:PORT), or of a local cluster of `workers`
    single-threaded worker processes, closed (and the local cluster stopped) at the end.
    `SchedulerUnreachable` when no scheduler answers at `scheduler`."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler)  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as error:  # no answer in time (OSError), or not an address (ValueError)
            raise SchedulerUnreachable(scheduler, f"no Dask scheduler answers at this address ({error})",
                                       "start one with `dask scheduler`, or check --scheduler") from None
        with client:
            yield client
        return
    one_tesseract_thread()  # the local cluster's worker processes inherit it (remote workers: see the README)
    # distributed has no type annotations on these
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                      dashboard_address=":0") as cluster, \
            Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def run_on_dask(client: Client, inputs: Sequence[Input], fail_fast: bool, skipped: Callable[[Input], bool],
                render: Render | None = None, max_size: int | None = None,
                options: ReadOptions | None = None, timeout: float | None = None) -> Iterator[FileResult]:
    """Parse every input on the cluster of `client`; results in input order (see the module docstring)."""
    threads = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
    options = options or ReadOptions()

    def submit(items: list[Input]) -> Future[list[FileResult]] | None:
        if not items:
            return None
        # pure=False: the same path given twice is two tasks (its file may change between them)
        return client.submit(parse_several, items, timeout, render, max_size, options, pure=False)

    def results(items: list[Input], future: Future[list[FileResult]] | None) -> list[FileResult]:
        if future is None:
            return []
        try:
            return future.result()
        except Exception as error:  # noqa: BLE001 - a worker lost under these files: they fail, the batch goes on
            return [FileResult(item.path, item.relative, error=f"{item.path}: the Dask task failed "
                               f"({type(error).__name__}: {error})") for item in items]
        finally:
            future.release()  # type: ignore[no-untyped-call]

    # each entry: one stretch of inputs in order, which of them are skipped (unchanged), and the task of the rest
    window: deque[tuple[list[Input], list[bool], Any]] = deque()
    position = 0
    try:
        while position < len(inputs) or window:
            while position < len(inputs) and len(window) < threads * TASKS_PER_WORKER:
                stretch = list(inputs[position:position + FILES_PER_TASK])
                position += len(stretch)
                skips = [skipped(item) for item in stretch]
                sent = [item for item, skip in zip(stretch, skips, strict=True) if not skip]
                window.append((stretch, skips, submit(sent)))
            stretch, skips, future = window.popleft()
            parsed = iter(results([item for item, skip in zip(stretch, skips, strict=True) if not skip], future))
            for item, skip in zip(stretch, skips, strict=True):
                result = FileResult(item.path, item.relative, skipped=True) if skip else next(parsed)
                yield result
                if fail_fast and not result.ok:
                    return
    finally:
        for _stretch, _skips, future in window:
            if future is not None:
                future.cancel()
