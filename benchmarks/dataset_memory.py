"""Peak memory of `minutes extract -f parquet` as a batch grows: one file against a dataset folder.

    python benchmarks/dataset_memory.py                    # 125, 500 and 2000 files of about 40 KB
    python benchmarks/dataset_memory.py --counts 100 400 --workers 1
python benchmarks/dataset_memory.py --counts 6000 --outputs csv folder   # past a default part (250,000 rows)

Generated Danish minutes (`minutes_text` of run.py, about 20 items and 40
amounts a file; the larger counts link the same texts again under other
names) are extracted with `-t amounts` in a fresh `minutes` process for each
count and each output:

- `csv`: `-f csv -o /dev/null`, the streamed text output of the same table (the baseline);
- `file`: `-f parquet -o amounts.parquet`, row groups of `ROW_GROUP_ROWS`;
- `folder`: `-f parquet -o amounts/`, parts of `PART_ROWS` rows;
- `folder, small parts`: the same with parts of 20,000 rows in row groups of
  5,000, set in the child before the run, so that parts roll over.

The peak RSS is the largest of the run's processes (the parent, which holds
the rows, and its workers), read by a small launcher interpreter with
`getrusage(RUSAGE_CHILDREN)` after the run exits (run.py explains why a
launcher). Run it with `nice -n 10` on a shared machine; a table goes to
stdout and benchmarks/out/dataset_memory.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the text generator is shared with run.py

from run import minutes_text  # noqa: E402

OUT = HERE / "out"
# Distinct generated texts; larger counts link them again under other names (the parse cost is the same).
DISTINCT = 125
FILE_BYTES = 40_000

# The child: minutes' own CLI, with the dataset's sizes set first for the "small parts" runs.
CHILD = ("import sys\n"
         "from minutes_cli.export import parquet_dataset, parquet_exporter\n"
         "if sys.argv[1] == 'small':\n"
         "    parquet_dataset.PART_ROWS, parquet_exporter.ROW_GROUP_ROWS = 20_000, 5_000\n"
         "from minutes_cli.cli import main\n"
         "sys.argv = ['minutes', *sys.argv[2:]]\n"
         "main()\n")

LAUNCHER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"returncode": done.returncode, "stderr": done.stderr.decode()[-500:], "maxrss_kb": peak}))
"""

OUTPUTS = {
    "csv": ("default", ["-f", "csv", "-o", os.devnull]),
    "file": ("default", ["-f", "parquet", "-o", "{scratch}/amounts.parquet"]),
    "folder": ("default", ["-f", "parquet", "-o", "{scratch}/amounts/"]),
    "folder, small parts": ("small", ["-f", "parquet", "-o", "{scratch}/small/"]),
}


def _load() -> str:
    return os.popen("uptime").read().strip().split("load average:")[-1].strip()


def make_inputs(folder: Path, count: int) -> None:
    """`count` minutes files in `folder`: DISTINCT generated texts, linked again under more names."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for seed in range(DISTINCT):
        if not (texts / f"m{seed:03d}.txt").exists():
            (texts / f"m{seed:03d}.txt").write_text(minutes_text(FILE_BYTES, seed=seed)[0], encoding="utf-8")
    batch = folder / f"in-{count}"
    batch.mkdir()
    for n in range(count):
        os.link(texts / f"m{n % DISTINCT:03d}.txt", batch / f"m{n:05d}.txt")


def measure(inputs: Path, output: str, workers: int, scratch: Path) -> dict[str, Any]:
    """One run's peak RSS (MB), seconds and rows written."""
    sizes, args = OUTPUTS[output]
    args = [a.format(scratch=scratch) for a in args]
    command = [sys.executable, "-c", CHILD, sizes, "extract", "-r", str(inputs), "-t", "amounts", "-q",
               "-j", str(workers), *args]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, check=True)
    seconds = time.perf_counter() - started
    report = json.loads(done.stdout)
    if report["returncode"] != 0:
        raise RuntimeError(f"{output}: minutes failed ({report['returncode']}): {report['stderr']}")
    rows, parts = None, None
    if output != "csv":
        import pyarrow.dataset as ds
        target = Path(args[-1])
        rows = ds.dataset(target).count_rows()
        parts = len(list(target.glob("*.parquet"))) if target.is_dir() else 1
    return {"output": output, "peak_rss_mb": round(report["maxrss_kb"] / 1024, 1), "seconds": round(seconds, 1),
            "rows": rows, "parts": parts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[125, 500, 2000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--outputs", nargs="+", choices=list(OUTPUTS), default=list(OUTPUTS))
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    load_start = _load()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for count in args.counts:
            make_inputs(scratch, count)
            for output in args.outputs:
                out = scratch / f"out-{count}-{len(results)}"
                out.mkdir()
                row = {"files": count, **measure(scratch / f"in-{count}", output, args.workers, out)}
                print(f"{row}", file=sys.stderr)
                results.append(row)
    load = {"start": load_start, "end": _load()}
    print(f"| files | {' | '.join(args.outputs)} | rows |")
    print("|---" * (len(args.outputs) + 2) + "|")
    for count in args.counts:
        rows = [r for r in results if r["files"] == count]
        cells = [f"{r['peak_rss_mb']:.0f} MB" + (f" ({r['parts']} parts)" if r["output"].startswith("folder") else "")
                 for r in rows]
        written = [r["rows"] for r in rows if r["rows"] is not None]
        print(f"| {count} | {' | '.join(cells)} | {written[0] if written else '-'} |")
    print(f"\nworkers {args.workers}, load average {load}")
    OUT.mkdir(exist_ok=True)
    (OUT / "dataset_memory.json").write_text(json.dumps({"runs": results, "workers": args.workers, "load": load},
                                                        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
