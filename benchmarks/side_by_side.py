#!/usr/bin/env python3
"""Throughput of this checkout against another version of minutes, measured side by side.

    git worktree add /tmp/minutes-base <ref>            # the version to compare with
    python -m venv /tmp/base-venv && /tmp/base-venv/bin/pip install -e /tmp/minutes-base
    python benchmarks/side_by_side.py --baseline /tmp/base-venv/bin/python

Each round times, in a fresh interpreter of each version in turn, `extract_file`
over the PDFs of ../shared/corpus (or --pdfs) and `extract_text` over a
generated 5 MB Danish minutes text (benchmarks/run.py's generator), in CPU
seconds of the child (process time: a machine shared with other work steals
wall time, not CPU time). Rounds alternate which version goes first, and the
best round of each is reported, so what noise is left disturbs both alike. The figures are
information: the script exits 0 unless it breaks.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import DEFAULT_CORPUS, minutes_text  # noqa: E402

# Each version's own child: it imports the minutes_cli its interpreter has installed.
CHILD = r"""
import json, sys, time
from pathlib import Path
import pypdfium2
from minutes_cli import extract_file, extract_text
pdfs, text_path = json.loads(sys.argv[1]), sys.argv[2]
pages = sum(len(pypdfium2.PdfDocument(p)) for p in pdfs)
# warm up: a version that imports its readers on first use pays that once, outside the timing
extract_file(pdfs[0])
extract_text("Punkt 1: Budget\n\nSagsnr.: 2018/00001\n\nBeslutning\n\nGodkendt.\n")
started = time.process_time()
for path in pdfs:
    extract_file(path)
pdf_seconds = time.process_time() - started
text = Path(text_path).read_text(encoding="utf-8")
started = time.process_time()
extract_text(text)
text_seconds = time.process_time() - started
print(json.dumps({"pages_per_s": pages / pdf_seconds,
                  "mb_per_s": len(text.encode("utf-8")) / 1e6 / text_seconds}))
"""


def measure(python: str, pdfs: list[str], text_path: str) -> dict[str, float]:
    """One round of one version, in a fresh interpreter."""
    # run outside any checkout, so that each interpreter imports its own installed minutes_cli
    done = subprocess.run([python, "-c", CHILD, json.dumps(pdfs), text_path], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONHASHSEED": "0"}, cwd=Path(text_path).parent)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="python of the version to compare with")
    parser.add_argument("--current", default=sys.executable, help="python of this version (default: this one)")
    parser.add_argument("--pdfs", type=Path, default=DEFAULT_CORPUS, help="folder of PDFs")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--text-mb", type=float, default=5.0)
    args = parser.parse_args(argv)
    pdfs = sorted(str(p) for p in args.pdfs.rglob("*") if p.suffix.lower() == ".pdf")
    with tempfile.TemporaryDirectory() as scratch:
        text_path = Path(scratch) / "minutes.txt"
        text_path.write_text(minutes_text(int(args.text_mb * 1e6))[0], encoding="utf-8")
        versions = {"baseline": args.baseline, "current": args.current}
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
        for number in range(args.rounds):
            order = list(versions) if number % 2 == 0 else list(versions)[::-1]
            for name in order:
                rounds[name].append(measure(versions[name], pdfs, str(text_path)))
    best = {name: {key: max(r[key] for r in results) for key in results[0]} for name, results in rounds.items()}
    print(f"{len(pdfs)} PDFs, {args.text_mb:g} MB text, best of {args.rounds} rounds, load {os.getloadavg()[0]:.2f}")
    print(f"{'':10} {'PDF pages/s':>12} {'text MB/s':>10}")
    for name, figures in best.items():
        print(f"{name:10} {figures['pages_per_s']:12.1f} {figures['mb_per_s']:10.2f}")
    ratio = {key: best["current"][key] / best["baseline"][key] for key in best["current"]}
    print(f"{'ratio':10} {ratio['pages_per_s']:12.3f} {ratio['mb_per_s']:10.3f}")
    print(json.dumps({"best": best, "ratio": ratio, "rounds": rounds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
