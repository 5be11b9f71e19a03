"""Core-hours for a national archive, projected from the measured CPU cost of a page.

    python benchmarks/projection.py                          # corpus PDFs, 6 OCR'd twin pages, best of 3
    python benchmarks/projection.py --scanned 0 10 25 100 --ocr-pages 10
    python benchmarks/projection.py --no-corpus              # generated PDFs (tests/pdf_factory.py)

Issue #15's archive: 98 municipalities × 15 years ≈ 700,000 documents and 20
million pages, some of them old scans. Two costs are measured, each as CPU
seconds (`time.process_time`, the process's every thread) of the whole
pipeline in one process, as one batch worker runs it: read, parse and render
the JSON Lines record.

- **Born-digital page**: every page of the PDFs in `../shared/corpus` (or,
  without it, PDFs written by tests/pdf_factory.py from run.py's generated
  minutes text), whole files parsed, best of `--rounds` per file, divided by
  the pages. A document's fixed costs (opening it, the meeting split) are
  spread over these files' pages per document.
- **OCR'd page**: the scanned twins of `ocr_twins.py` (200 dpi grey, skewed,
  light noise) of the first pages of those PDFs, `--ocr-pages` in all, read
  with OCR by one worker with one Tesseract thread (`OMP_THREAD_LIMIT=1`),
  best of `--rounds`; `--twin-dpi 300` for scans at 300 dpi.

Core-hours = pages × (share scanned × OCR page + rest × born-digital page) /
3600, for each share given with `--scanned` (percent). Left out: the batch
layer's own CPU (process start, moving results; about 1.2× one worker's CPU
with 2 workers in the README's batch figure), reading the files from storage,
and the Parquet writer (in the parent, a small share). Scans at 300 dpi cost
more than the 200 dpi twins (`--twin-dpi 300` measures them). The
load average is printed beside the figures: a busy machine slows a core too
(shared caches), even in CPU time. Markdown goes to stdout, every figure to
benchmarks/out/projection.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one Tesseract thread per worker, before tesserocr loads

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # ocr_twins (the scanned twins) and run (generated minutes text)
sys.path.insert(0, str(ROOT / "tests"))  # pdf_factory: PDFs without a corpus

from ocr_twins import twin_of_first_pages  # noqa: E402

from minutes_cli.export import json_line  # noqa: E402
from minutes_cli.pipeline import extract_documents_from_bytes  # noqa: E402
from minutes_cli.readers.options import ReadOptions  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = HERE / "out"

# The archive of issue #15.
DOCUMENTS = 700_000
PAGES = 20_000_000
# Generated PDFs when there is no corpus: this many, of about this many bytes of minutes text each.
GENERATED_PDFS = 6
GENERATED_BYTES = 30_000
# Lines of a generated page, and characters of a line (11 pt Helvetica across an A4 column).
LINES_PER_PAGE = 50
LINE_CHARS = 90


def load_average() -> str:
    """The machine's load average now (1, 5, 15 minutes)."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def generated_pdfs(folder: Path) -> list[Path]:
    """PDFs of generated minutes text written with tests/pdf_factory.py (no corpus needed)."""
    from pdf_factory import make_pdf, page_of_lines
    from run import minutes_text

    paths = []
    for seed in range(GENERATED_PDFS):
        text, _items = minutes_text(GENERATED_BYTES, seed=seed)
        lines: list[str | None] = []
        for paragraph in text.split("\n"):
            lines += textwrap.wrap(paragraph, LINE_CHARS) if paragraph.strip() else [None]
        pages = [page_of_lines(lines[start:start + LINES_PER_PAGE]) for start in range(0, len(lines), LINES_PER_PAGE)]
        path = folder / f"generated_{seed}.pdf"
        path.write_bytes(make_pdf(pages))
        paths.append(path)
    return paths


def parse_cpu(data: bytes, name: str) -> tuple[float, int]:
    """CPU seconds to parse one file and render its JSON Lines record(s) in this process, and its pages."""
    started = time.process_time()
    documents = extract_documents_from_bytes(data, name, options=ReadOptions(ocr_workers=1))
    for document in documents:
        json_line(document)
    return time.process_time() - started, documents[0].source.pages or 0


def born_digital(pdfs: list[Path], rounds: int) -> dict[str, Any]:
    """CPU seconds per page of born-digital PDFs: each file's best of `rounds`, summed, over the pages."""
    files = [(path, path.read_bytes()) for path in pdfs]
    parse_cpu(files[0][1], files[0][0].name)  # warm-up: imports, compiled patterns
    best: dict[str, float] = {}
    pages: dict[str, int] = {}
    for _ in range(rounds):
        for path, data in files:
            seconds, pages[path.name] = parse_cpu(data, path.name)
            best[path.name] = min(seconds, best.get(path.name, seconds))
    total_pages = sum(pages.values())
    return {"files": len(files), "pages": total_pages, "cpu_seconds": round(sum(best.values()), 3),
            "per_page": sum(best.values()) / total_pages}


def ocr(pdfs: list[Path], pages: int, rounds: int, dpi: int) -> dict[str, Any]:
    """CPU seconds per OCR'd page: the scanned twins (at `dpi`) of the first pages of the PDFs, `pages` in all."""
    share = -(-pages // len(pdfs))
    twins, left = [], pages
    for path in pdfs:
        if left <= 0:
            break
        twin = twin_of_first_pages(path, min(share, left), dpi)
        twins.append((path.name, twin.pdf, len(twin.images)))
        left -= len(twin.images)
    parse_cpu(twins[0][1], "warm-up.pdf")  # the Danish model loaded
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, data, _count in twins:
            seconds, _pages = parse_cpu(data, name)
            best[name] = min(seconds, best.get(name, seconds))
    total_pages = sum(count for _name, _data, count in twins)
    return {"files": len(twins), "pages": total_pages, "dpi": dpi, "cpu_seconds": round(sum(best.values()), 3),
            "per_page": sum(best.values()) / total_pages}


def project(born: float, scanned: float, shares: list[float]) -> list[dict[str, Any]]:
    """Core-hours for the archive at each share of scanned pages (percent)."""
    rows = []
    for share in shares:
        seconds = PAGES * (share / 100 * scanned + (1 - share / 100) * born)
        rows.append({"scanned_percent": share, "core_hours": seconds / 3600,
                     "days_on_2_cores": seconds / 3600 / 2 / 24, "hours_on_64_cores": seconds / 3600 / 64})
    return rows


def markdown(result: dict[str, Any]) -> str:
    """The measured costs and the projection as Markdown tables."""
    b, o = result["born_digital"], result["ocr"]
    lines = [
        "| page | measured on | CPU per page |",
        "|---|---|---|",
        f"| born-digital | {b['pages']} pages of {b['files']} PDFs ({result['pdf_source']}) | "
        f"{b['per_page'] * 1000:.1f} ms |",
        f"| OCR'd (twin, {o['dpi']} dpi) | {o['pages']} pages of {o['files']} twins | {o['per_page']:.2f} s |",
        "",
        f"| scanned pages | core-hours for {DOCUMENTS:,} documents / {PAGES:,} pages | on 2 cores | on 64 cores |",
        "|---|---|---|---|",
    ]
    for row in result["projection"]:
        lines.append(f"| {row['scanned_percent']:g} % | {row['core_hours']:,.0f} | {row['days_on_2_cores']:,.1f} days "
                     f"| {row['hours_on_64_cores']:,.1f} hours |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="folder of born-digital PDFs")
    parser.add_argument("--no-corpus", action="store_true", help="use generated PDFs even when the corpus exists")
    parser.add_argument("--scanned", type=float, nargs="+", default=[0, 25, 100], help="percent of pages scanned")
    parser.add_argument("--ocr-pages", type=int, default=6, help="twin pages to OCR (about 1 s each)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs of every file")
    parser.add_argument("--twin-dpi", type=int, default=200, help="resolution of the scanned twins (ocr_twins: 200)")
    args = parser.parse_args()
    started, load_start = time.perf_counter(), load_average()
    with tempfile.TemporaryDirectory() as scratch:
        pdfs = sorted(args.corpus.rglob("*.pdf")) if args.corpus.is_dir() and not args.no_corpus else []
        source = str(args.corpus)
        if not pdfs:
            pdfs, source = generated_pdfs(Path(scratch)), "generated with tests/pdf_factory.py"
        print(f"born-digital: {len(pdfs)} PDFs from {source}", file=sys.stderr)
        born = born_digital(pdfs, args.rounds)
        print(f"OCR: twins of {args.ocr_pages} pages at {args.twin_dpi} dpi", file=sys.stderr)
        scanned = ocr(pdfs, args.ocr_pages, args.rounds, args.twin_dpi)
    result = {
        "pdf_source": source, "born_digital": born, "ocr": scanned,
        "projection": project(born["per_page"], scanned["per_page"], args.scanned),
        "documents": DOCUMENTS, "pages": PAGES, "rounds": args.rounds,
        "load": {"start": load_start, "end": load_average()}, "cores": os.cpu_count(),
        "utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "seconds": round(time.perf_counter() - started, 1),
    }
    print(markdown(result))
    print(f"\n{result['utc']} UTC, {result['cores']} cores, load average {result['load']['start']} at start, "
          f"{result['load']['end']} at end; best of {args.rounds}; {result['seconds']} s")
    OUT.mkdir(exist_ok=True)
    (OUT / "projection.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
