#!/usr/bin/env python3
"""Start-up cost of `minutes`, measured side by side with the libraries it cannot do without.

    python benchmarks/startup.py            # 20 rounds
    python benchmarks/startup.py --rounds 40 --importtime

A shell loop over thousands of files pays the start of every process. Each
round runs, in turn and each in a fresh process, `python -c "import typer"`,
`minutes --version`, `python -c "import typer, pypdfium2"` and `minutes
extract` of a one-page PDF (made here with tests/pdf_factory.py) to
/dev/null, as hyperfine would; the order rotates between rounds so that noise
falls on all alike. The package's bytecode is written first, as an installed
copy has it (see `compile_bytecode`). It prints the median and the best wall time of each and
the two ratios of issue #15, with their goals (version <= 1.5x typer; one-page
extract <= 1.8x typer + pypdfium2). With --importtime it also lists the
slowest imports of the one-page extract (`python -X importtime`). The figures
are information: the script exits 0 unless it breaks.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from pdf_factory import make_pdf, page_of_lines  # noqa: E402

# One page of minutes: a meeting, an item with a case number, an amount and a decision.
PAGE = ["Referat", "Teknik- og Miljøudvalget", "Mødedato: 20. februar 2018 kl. 16:30", None,
        "Punkt 1: Vejbelysning", "Sagsnr.: 2016/05156", None, "Sagsfremstilling",
        "Udgiften er 2,5 mio. kr. til nye armaturer.", None, "Beslutning", "Godkendt."]

GOALS = {"version": 1.5, "extract": 1.8}


def commands(pdf: Path) -> dict[str, list[str]]:
    """The four commands, by name: each pair is a baseline and what it is compared with."""
    python = sys.executable
    script = shutil.which("minutes", path=str(Path(python).parent)) or shutil.which("minutes")
    minutes = [script] if script else [python, "-m", "minutes_cli"]
    return {
        "typer": [python, "-c", "import typer"],
        "version": [*minutes, "--version"],
        "typer+pypdfium2": [python, "-c", "import typer, pypdfium2"],
        "extract": [*minutes, "extract", str(pdf), "-q", "-o", os.devnull],
    }


def compile_bytecode() -> None:
    """Write the package's .pyc files, as `pip install` does for an installed package.

    An editable install writes them on the first run, unless PYTHONDONTWRITEBYTECODE
    is set (it is on some machines, ours included): then every run would compile
    the parser's source again, ~50 ms that no installed copy pays.
    """
    import compileall

    import minutes_cli

    compileall.compile_dir(str(Path(minutes_cli.__file__).parent), quiet=1)


def run_once(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def slowest_imports(command: list[str], count: int = 12) -> list[tuple[int, str]]:
    """The imports of `command` (a minutes run) with the largest cumulative time, in microseconds."""
    code = ("import sys; from minutes_cli.cli import main; sys.argv = ['minutes', *sys.argv[1:]]; main()")
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *command[1:]], capture_output=True,
                          text=True)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(2)) <= 3:  # top-level imports and their children only
            rows.append((int(match.group(1)), match.group(3)))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports of the extract")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "one_page.pdf"
        pdf.write_bytes(make_pdf([page_of_lines(PAGE)]))
        named = commands(pdf)
        compile_bytecode()
        for command in named.values():  # warm the file cache
            run_once(command)
        times: dict[str, list[float]] = {name: [] for name in named}
        names = list(named)
        for round_number in range(args.rounds):
            shift = round_number % len(names)
            for name in names[shift:] + names[:shift]:
                times[name].append(run_once(named[name]))
        print(f"start-up, {args.rounds} rounds (wall seconds; median, best)")
        for name, values in times.items():
            print(f"  {name:18} {statistics.median(values):.3f}  {min(values):.3f}")
        for name, baseline in (("version", "typer"), ("extract", "typer+pypdfium2")):
            ratio = statistics.median(times[name]) / statistics.median(times[baseline])
            verdict = "PASS" if ratio <= GOALS[name] else "MISS"
            print(f"  {name} / {baseline}: {ratio:.2f}x (goal <= {GOALS[name]}x) {verdict}")
        if args.importtime:
            print("slowest imports of the one-page extract (cumulative ms):")
            for micros, module in slowest_imports(named["extract"]):
                print(f"  {micros / 1000:7.1f}  {module}")


if __name__ == "__main__":
    main()
