#!/usr/bin/env python3
"""Accuracy on generated layouts: per-field F1 per format over a fixed seed (issue #10's yardstick).

    python benchmarks/generated_layouts.py                    # seed 2026, 200 documents per format
    python benchmarks/generated_layouts.py --formats html text --count 50
    python benchmarks/generated_layouts.py --misses 40        # also list misses, grouped by field
    python benchmarks/generated_layouts.py --json out.json    # everything as JSON

Generates the documents with the layout generator in tests/layouts (random
meetings under random templates, each as an HTML page, a text export and that
page printed by headless Chromium), parses each with `minutes_cli.extract_file`,
scores it with `minutes_cli.evaluation` and prints:

- a table of per-field F1, one column per format, and the overall field F1;
- the worst documents per format with their template (so a failure can be
  reproduced: `tests/layouts` draws document i of seed s from Random(f"{s}-{i}"));
- mean document F1 per template choice (item style, heading form, …), which
  points at the layout feature a failure comes from;
- with --misses, the misses of each field, most frequent first.

Files are cached under $MINUTES_LAYOUTS_CACHE or <tmp>/minutes-layouts, keyed by
seed and a hash of the generator's sources, so PDFs are printed once (Chromium
takes about 1 s per page; 200 PDFs take a few minutes on 2 cores the first time).
The gold files are written beside the documents, so the same set can be scored
with `minutes evaluate <folder>/gold/html --root <folder> --explain`.
Nothing here is a test: the script exits 0 unless it breaks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from layouts.corpus import FORMATS, Case, build_set, set_folder  # noqa: E402
from layouts.render_pdf import find_chromium  # noqa: E402
from layouts.templates import Template  # noqa: E402

from minutes_cli import evaluation  # noqa: E402

DEFAULT_SEED = 2026
DEFAULT_COUNT = 200
TEMPLATE_KEYS = ("item_style", "case_label", "heading_form", "point_style", "attachment_style", "header_style",
                 "date_style", "skin", "kind_word", "upper_headings", "toc", "closed_marker", "wrap_width",
                 "page_lines")
"""Template choices reported in the breakdown (the others vary too little to point at a failure)."""


def field_table(reports: dict[str, evaluation.Report]) -> list[str]:
    """Per-field F1 with one column per format, and the overall figure last."""
    names = sorted({f.field for r in reports.values() for f in r.fields})
    formats = list(reports)
    lines = [f"{'field':<22}" + "".join(f"{fmt:>10}" for fmt in formats)]
    for name in names:
        cells = []
        for fmt in formats:
            score = reports[fmt].field(name)
            cells.append(f"{score.f1:>10.3f}" if score else f"{'-':>10}")
        lines.append(f"{name:<22}" + "".join(cells))
    lines.append(f"{'overall':<22}" + "".join(f"{reports[f].overall_f1:>10.3f}" for f in formats))
    return lines


def describe(template: Template) -> str:
    """The template choices of a document in one line."""
    return " ".join(f"{k}={getattr(template, k)}" for k in TEMPLATE_KEYS)


def worst(report: evaluation.Report, cases: list[Case], count: int) -> list[str]:
    """The `count` lowest-scoring documents with their F1, error and template."""
    by_name = {c.name: c for c in cases}
    lines = []
    for doc in sorted(report.documents, key=lambda d: d.f1)[:count]:
        case = by_name[doc.document]
        error = f" ERROR {doc.error}" if doc.error else ""
        lines.append(f"  {doc.f1:.3f} {case.path}{error}")
        lines.append(f"        {describe(case.template)}")
    return lines


def by_template(report: evaluation.Report, cases: list[Case]) -> dict[str, dict[str, tuple[float, int]]]:
    """Mean document F1 and document count for each value of each template choice."""
    f1 = {d.document: d.f1 for d in report.documents}
    groups: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        for key in TEMPLATE_KEYS:
            groups[key][str(getattr(case.template, key))].append(f1[case.name])
    return {key: {value: (sum(v) / len(v), len(v)) for value, v in sorted(values.items())}
            for key, values in groups.items()}


def misses_by_field(report: evaluation.Report, limit: int) -> list[str]:
    """Misses grouped by field and kind, each with its count and up to `limit` examples."""
    grouped: dict[tuple[str, str], list[evaluation.Miss]] = defaultdict(list)
    for miss in report.misses:
        grouped[(miss.field, miss.kind)].append(miss)
    lines = []
    for (field, kind), misses in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {field} {kind}: {len(misses)}")
        for miss in misses[:limit]:
            lines.append(f"      {miss.document} [{miss.item}] expected={_short(miss.expected)!s} "
                         f"found={_short(miss.found)!s}")
    return lines


def _short(value: object, width: int = 90) -> object:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def report_json(reports: dict[str, evaluation.Report], cases: dict[str, list[Case]]) -> dict[str, Any]:
    """Everything measured, as JSON (the evaluation report plus templates and the breakdown)."""
    out: dict[str, Any] = {}
    for fmt, report in reports.items():
        data = evaluation.report_to_dict(report)
        data["templates"] = {c.name: {f.name: getattr(c.template, f.name) for f in fields(c.template)}
                             for c in cases[fmt]}
        data["by_template"] = by_template(report, cases[fmt])
        out[fmt] = data
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", default=DEFAULT_SEED, help="which fixed set (default %(default)s)")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="documents per format (default 200)")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--worst", type=int, default=8, help="worst documents listed per format")
    parser.add_argument("--misses", type=int, default=0, help="examples per (field, kind) of misses; 0: none")
    parser.add_argument("--jobs", type=int, default=2, help="Chromium processes printing at once")
    parser.add_argument("--json", type=Path, help="write everything measured to this JSON file")
    args = parser.parse_args(argv)

    formats = list(args.formats)
    if "pdf" in formats and find_chromium() is None:
        print("chromium is not installed: PDF left out (apt-get install chromium)", file=sys.stderr)
        formats.remove("pdf")
    started = time.perf_counter()
    cases = build_set(args.seed, args.count, formats, jobs=args.jobs)
    built = time.perf_counter()
    print(f"{args.count} documents per format, seed {args.seed}, in {set_folder(args.seed)} "
          f"(generated/printed in {built - started:.1f} s)", file=sys.stderr)
    reports = {fmt: _score(cases[fmt]) for fmt in formats}
    print(f"parsed and scored in {time.perf_counter() - built:.1f} s", file=sys.stderr)

    print(f"Generated layouts: seed {args.seed}, {args.count} documents per format\n")
    print("\n".join(field_table(reports)))
    for fmt in formats:
        report = reports[fmt]
        print(f"\n[{fmt}] worst documents (document F1):")
        print("\n".join(worst(report, cases[fmt], args.worst)))
        print(f"[{fmt}] mean document F1 by template choice (lowest first):")
        flat = [(f1, n, key, value) for key, values in by_template(report, cases[fmt]).items()
                for value, (f1, n) in values.items()]
        for f1, n, key, value in sorted(flat)[:10]:
            print(f"  {f1:.3f}  {key}={value}  ({n} documents)")
        if args.misses:
            counts = Counter(m.field for m in report.misses)
            print(f"[{fmt}] misses by field: {dict(counts.most_common())}")
            print("\n".join(misses_by_field(report, args.misses)))
    if args.json:
        args.json.write_text(json.dumps(report_json(reports, cases), ensure_ascii=False, indent=1,
                                        default=lambda o: asdict(o) if hasattr(o, "__dataclass_fields__") else str(o)),
                             encoding="utf-8")
    return 0


def _score(cases: list[Case]) -> evaluation.Report:
    from layouts.corpus import score_cases

    return score_cases(cases)


if __name__ == "__main__":
    sys.exit(main())
