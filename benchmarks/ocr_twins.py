"""OCR accuracy and speed on scanned twins of born-digital PDFs.

A scanned twin (tests/scan_factory.py) rasterises every page of a PDF at
200 dpi in grey, skews it by a fraction of a degree and adds light noise, and
saves the pages as an image-only PDF and as a multi-page TIFF. Its answer is
known: the gold of the original.

    python benchmarks/ocr_twins.py accuracy            # twins of the gold corpus PDFs, scored against their gold
    python benchmarks/ocr_twins.py speed               # pages/s: minutes vs plain Tesseract; 1 vs 2 workers
    python benchmarks/ocr_twins.py accuracy --gold DIR --root DIR --workers 2

`accuracy` builds the twins in a temporary folder, runs the whole pipeline on
each twin PDF and TIFF (OCR on), scores them with `minutes_cli.evaluation`
against the originals' gold beside the born-digital score, and checks that the
TIFF parses exactly as the image PDF and that no page is left without text
(`no-text-layer`). `speed` times, on the same page images in the same run:
plain Tesseract (tesserocr: set the image, read the text; the floor any OCR
tool pays), minutes end to end on the twin PDF with one worker (render, OCR,
line building, parse), and with two; and a pure-Python loop in 2 processes vs 1
(the parallelism the machine allowed at that moment). Run it with `nice -n 10`
on a shared machine. Results go to stdout as Markdown and to
benchmarks/out/ocr_twins.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one Tesseract thread per worker, before tesserocr loads

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the twin builder is shared with the tests

from scan_factory import TWIN_DPI, Twin, make_twin  # noqa: E402

from minutes_cli import document_to_dict, extract_bytes  # noqa: E402
from minutes_cli.evaluation import load_gold, resolve_source, score  # noqa: E402
from minutes_cli.readers.options import ReadOptions  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = Path(__file__).resolve().parent / "out"


def _load() -> str:
    return os.popen("uptime").read().strip().split("load average:")[-1].strip()


def _parse(data: bytes, name: str, workers: int = 1) -> dict[str, Any]:
    return json.loads(json.dumps(document_to_dict(extract_bytes(data, name, options=ReadOptions(ocr_workers=workers)))))


def accuracy(gold_dir: Path, root: Path, workers: int) -> dict[str, Any]:
    """Score the twins of every PDF that has a gold file."""
    golds = [g for g in load_gold(gold_dir) if g.source.lower().endswith(".pdf")]
    rows: list[dict[str, Any]] = []
    pairs_twin, pairs_tiff, pairs_born = [], [], []
    load_start = _load()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for gold in golds:
            source = resolve_source(gold, root)
            original = source.read_bytes()
            twin = make_twin(original)
            (Path(scratch) / f"{gold.name}.pdf").write_bytes(twin.pdf)
            (Path(scratch) / f"{gold.name}.tif").write_bytes(twin.tiff)
            pages = len(twin.images)
            del twin
            born = _parse(original, gold.source)
            t0 = time.perf_counter()
            scanned = _parse((Path(scratch) / f"{gold.name}.pdf").read_bytes(), gold.source, workers)
            seconds = time.perf_counter() - t0
            tiff = _parse((Path(scratch) / f"{gold.name}.tif").read_bytes(), gold.source, workers)
            same_tiff = all(tiff[key] == scanned[key] for key in ("meeting", "items", "warnings"))
            codes = [w["code"] for w in scanned["warnings"]]
            pairs_born.append((gold.name, gold.data, born))
            pairs_twin.append((gold.name, gold.data, scanned))
            pairs_tiff.append((gold.name, gold.data, tiff))
            low = [w["page"] for w in scanned["warnings"] if w["code"] == "ocr-low-confidence"]
            rows.append({"document": gold.name, "pages": pages, "ocr_pages": len(scanned["source"]["ocr_pages"]),
                         "seconds": round(seconds, 1), "tiff_same": same_tiff,
                         "no_text_layer": codes.count("no-text-layer"), "low_confidence_pages": low})
            print(f"{gold.name}: {pages} pages in {seconds:.1f} s, tiff same: {same_tiff}", file=sys.stderr)
    report_born, report_twin, report_tiff = score(pairs_born), score(pairs_twin), score(pairs_tiff)
    for row, b, t, f in zip(rows, report_born.documents, report_twin.documents, report_tiff.documents, strict=True):
        row.update(born_f1=round(b.f1, 3), twin_f1=round(t.f1, 3), tiff_f1=round(f.f1, 3))
    return {
        "documents": rows,
        "overall": {"born": round(report_born.overall_f1, 3), "twin": round(report_twin.overall_f1, 3),
                    "tiff": round(report_tiff.overall_f1, 3)},
        "fields": {f.field: round(f.f1, 3) for f in report_twin.fields},
        "seconds": round(time.perf_counter() - started, 1),
        "load": {"start": load_start, "end": _load()},
        "workers": workers,
    }


def _plain_tesseract(images: list[Any], dpi: int) -> float:
    """Seconds for plain Tesseract on the images: one engine, set each image, read its text."""
    import tesserocr

    from minutes_cli.readers.ocr import tessdata_for

    with tesserocr.PyTessBaseAPI(path=tessdata_for("dan"), lang="dan") as api:
        started = time.perf_counter()
        for image in images:
            api.SetImage(image)
            api.SetSourceResolution(dpi)
            api.GetUTF8Text()
        return time.perf_counter() - started


def _spin(count: int) -> None:
    total = 0
    for value in range(count):
        total += value * value


def _ceiling(count: int = 12_000_000) -> float:
    """How much faster a pure-Python loop runs in 2 processes than in 1, now."""
    started = time.perf_counter()
    _spin(count)
    _spin(count)
    one = time.perf_counter() - started
    started = time.perf_counter()
    procs = [multiprocessing.Process(target=_spin, args=(count,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return one / (time.perf_counter() - started)


def twin_of_first_pages(pdf: Path, pages: int, dpi: int = TWIN_DPI) -> Twin:
    """The scanned twin, at `dpi`, of the first `pages` pages of a PDF (used by projection.py too)."""
    import io

    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf.read_bytes())
    keep = pdfium.PdfDocument.new()
    keep.import_pages(source, list(range(min(pages, len(source)))))
    buffer = io.BytesIO()
    keep.save(buffer)
    return make_twin(buffer.getvalue(), dpi)


def speed(pdf: Path, pages: int, repeats: int) -> dict[str, Any]:
    """Pages/s of plain Tesseract and of minutes (1 and 2 workers) on the same twin pages."""
    twin = twin_of_first_pages(pdf, pages)
    count = len(twin.images)
    load_start = _load()
    _parse(twin.pdf, "warm-up.pdf")  # models loaded, imports done
    plain, one, two, ceilings, busy = [], [], [], [], []
    for _ in range(repeats):
        plain.append(_plain_tesseract(list(twin.images), twin.dpi))
        started = time.perf_counter()
        _parse(twin.pdf, "twin.pdf", workers=1)
        one.append(time.perf_counter() - started)
        started, cpu = time.perf_counter(), time.process_time()
        _parse(twin.pdf, "twin.pdf", workers=2)
        two.append(time.perf_counter() - started)
        busy.append((time.process_time() - cpu) / two[-1])  # cores' worth of CPU the two threads got
        ceilings.append(_ceiling())
    return {
        "pages": count, "dpi": twin.dpi, "source": pdf.name, "repeats": repeats,
        "plain_tesseract_pages_per_s": round(count / min(plain), 3),
        "minutes_1_worker_pages_per_s": round(count / min(one), 3),
        "minutes_2_workers_pages_per_s": round(count / min(two), 3),
        "overhead_vs_plain": round(min(one) / min(plain) - 1, 3),
        "speedup_2_workers": round(min(one) / min(two), 2),
        "machine_ceiling_2_vs_1": round(max(ceilings), 2),
        "cpu_per_wall_2_workers": round(max(busy), 2),
        "times": {"plain": plain, "one": one, "two": two, "ceilings": ceilings, "busy": busy},
        "load": {"start": load_start, "end": _load()},
    }


def _markdown_accuracy(result: dict[str, Any]) -> str:
    lines = ["| document | pages | born-digital F1 | twin PDF F1 | twin TIFF F1 | TIFF = PDF | no-text-layer |",
             "|---|---|---|---|---|---|---|"]
    for row in result["documents"]:
        lines.append(f"| {row['document']} | {row['pages']} | {row['born_f1']:.3f} | {row['twin_f1']:.3f} | "
                     f"{row['tiff_f1']:.3f} | {'yes' if row['tiff_same'] else 'NO'} | {row['no_text_layer']} |")
    o = result["overall"]
    lines.append(f"| **overall** | | {o['born']:.3f} | {o['twin']:.3f} | {o['tiff']:.3f} | | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("accuracy", "speed"))
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "corpus")
    parser.add_argument("--root", type=Path, default=SHARED)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--pdf", type=Path, default=ROOT / "fixtures" / "p7_esbjerg_br_referat.pdf")
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.mode == "accuracy":
        if not args.gold.is_dir():
            print(f"no gold folder at {args.gold}", file=sys.stderr)
            return 1
        result = accuracy(args.gold, args.root, args.workers)
        print(_markdown_accuracy(result))
        print(f"\nfields: {result['fields']}\n{result['seconds']} s, load {result['load']}")
    else:
        result = speed(args.pdf, args.pages, args.repeats)
        print(json.dumps({k: v for k, v in result.items() if k != "times"}, indent=2))
    (OUT / f"ocr_twins_{args.mode}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
