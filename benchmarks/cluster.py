#!/usr/bin/env python3
"""Files/s with 1 and 2 local workers and on Dask (2 workers), the same files in one run.

    python benchmarks/cluster.py [--copies 3] [--rounds 3]

The files are ../shared/seeds and ../shared/corpus, copied `--copies` times
into a temporary folder. Each round runs `minutes extract -r FOLDER -f jsonl
-q -o /dev/null` with `-j 1`, `-j 2`, `--executor dask -j 2` (a local cluster
started by the run, its start included) and `--executor dask --scheduler
ADDRESS` (a LocalCluster of 2 single-threaded worker processes started here
once, as a running `dask scheduler` would be), and the last two again with
`--timeout 60`; the best round of each is reported, with the Dask overhead
against 2 local workers (goal <= 15 %) and the cost of --timeout on Dask
(a watchdog thread per file, minutes_cli/deadline.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def timed(folder: Path, args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(["minutes", "extract", "-r", str(folder), "-f", "jsonl", "-q", "-o", os.devnull, *args],
                   check=False)
    return time.perf_counter() - started


def watchdog_cost(rounds: int) -> tuple[int, float, float]:
    """Files, and the best time of `batch.parse_one` over seeds + corpus on a thread (as on a Dask worker)
    without a time limit and with --timeout 60 (a watchdog per file), the rounds interleaved."""
    import threading

    from minutes_cli.batch import expand_inputs, parse_one
    from minutes_cli.export import Renderer

    inputs = expand_inputs([str(SHARED / "seeds"), str(SHARED / "corpus")], recursive=True)
    render = Renderer("jsonl")
    best = {None: float("inf"), 60.0: float("inf")}
    for _round in range(rounds):
        for timeout in best:
            spent: list[float] = []

            def run(limit: float | None = timeout, into: list[float] = spent) -> None:
                started = time.perf_counter()
                for item in inputs:
                    parse_one(item, limit, render)
                into.append(time.perf_counter() - started)

            thread = threading.Thread(target=run)
            thread.start()
            thread.join()
            best[timeout] = min(best[timeout], spent[0])
    return len(inputs), best[None], best[60.0]


def main() -> None:
    import distributed

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for copy in range(args.copies):
            shutil.copytree(SHARED / "seeds", folder / f"seeds{copy}")
            shutil.copytree(SHARED / "corpus", folder / f"corpus{copy}")
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster:
            runs = {"local, 1 worker": ["-j", "1"], "local, 2 workers": ["-j", "2"],
                    "dask, local cluster of 2 (its start included)": ["--executor", "dask", "-j", "2"],
                    "dask, --scheduler (2 workers)": ["--executor", "dask", "--scheduler",
                                                      cluster.scheduler_address],
                    # the time limit: a watchdog thread per file on a worker's thread, SIGALRM locally
                    "local, 2 workers, --timeout 60": ["-j", "2", "--timeout", "60"],
                    "dask, --scheduler (2 workers), --timeout 60": ["--executor", "dask", "--scheduler",
                                                                    cluster.scheduler_address, "--timeout", "60"]}
            best = dict.fromkeys(runs, float("inf"))
            for _round in range(args.rounds):
                for label, extra in runs.items():
                    best[label] = min(best[label], timed(folder, extra))
    print(f"{files} files, best of {args.rounds}")
    for label, seconds in best.items():
        print(f"  {label:48} {seconds:6.2f} s  {files / seconds:6.1f} files/s")
    overhead = best["dask, --scheduler (2 workers)"] / best["local, 2 workers"] - 1
    print(f"  Dask (--scheduler) against 2 local workers: {overhead:+.1%} (goal <= +15 %)")
    watchdog = best["dask, --scheduler (2 workers), --timeout 60"] / best["dask, --scheduler (2 workers)"] - 1
    print(f"  --timeout on Dask (a watchdog per file) against none: {watchdog:+.1%}")
    files, without, with_limit = watchdog_cost(max(args.rounds, 4))
    print(f"  parse_one on a thread, {files} files, best of {max(args.rounds, 4)}: {without:.3f} s, with a "
          f"60 s time limit {with_limit:.3f} s ({with_limit / without - 1:+.1%})")


if __name__ == "__main__":
    main()
