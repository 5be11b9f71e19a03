#!/usr/bin/env python3
"""Files/s with 1 and 2 local workers and on Dask (2 workers), the same files in one run.

    python benchmarks/cluster.py [--copies 3] [--rounds 3]

The files are ../shared/seeds and ../shared/corpus, copied `--copies` times
into a temporary folder. Each round runs `minutes extract -r FOLDER -f jsonl
-q -o /dev/null` with `-j 1`, `-j 2`, `--executor dask -j 2` (a local cluster
started by the run, its start included) and `--executor dask --scheduler
ADDRESS` (a LocalCluster of 2 single-threaded worker processes started here
once, as a running `dask scheduler` would be); the best round of each is
reported, with the Dask overhead against 2 local workers (goal <= 15 %).
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
                                                      cluster.scheduler_address]}
            best = dict.fromkeys(runs, float("inf"))
            for _round in range(args.rounds):
                for label, extra in runs.items():
                    best[label] = min(best[label], timed(folder, extra))
    print(f"{files} files, best of {args.rounds}")
    for label, seconds in best.items():
        print(f"  {label:48} {seconds:6.2f} s  {files / seconds:6.1f} files/s")
    overhead = best["dask, --scheduler (2 workers)"] / best["local, 2 workers"] - 1
    print(f"  Dask (--scheduler) against 2 local workers: {overhead:+.1%} (goal <= +15 %)")


if __name__ == "__main__":
    main()
