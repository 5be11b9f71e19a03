"""Build a numbered set of generated documents (with gold) in a cache folder, and score a parse of them.

    cases = build_set(seed=2026, count=200, formats=("html", "text", "pdf"))
    report = score_cases(cases["html"])

Document `i` of seed `s` is drawn from `random.Random(f"{s}-{i}")`, so it is the
same in every run and does not depend on `count`. Files go under
`cache_root()/seed-<s>/`: `html/`, `text/`, `pdf/` and the gold files in
`gold/<format>/` (their `source` is relative to that folder, so
`minutes evaluate <folder>/gold/html --root <folder>` scores them too). HTML,
text and gold are rewritten whenever they differ from what the generator now
makes; a PDF is printed again only when the HTML page it was printed from
changed (render_pdf keeps the page's hash beside it), since printing is slow.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_cli import document_to_dict, evaluation, extract_file

from .generator import generate_meeting
from .meeting import Meeting, gold
from .render_html import render_html
from .render_pdf import print_pdfs
from .render_text import render_text
from .templates import Template, random_template

FORMATS = ("html", "text", "pdf")
SUFFIXES = {"html": ".html", "text": ".txt", "pdf": ".pdf"}
CACHE_ENV = "MINUTES_LAYOUTS_CACHE"
"""Environment variable naming the cache folder (default: <tmp>/minutes-layouts)."""


@dataclass(frozen=True)
class Case:
    """One generated document: its name ("doc-007"), format, file, gold and the template it used."""

    name: str
    format: str
    path: Path
    gold: dict[str, Any]
    template: Template
    meeting: Meeting


def cache_root() -> Path:
    """Where generated sets are kept: $MINUTES_LAYOUTS_CACHE or <tmp>/minutes-layouts."""
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir()) / "minutes-layouts")


def set_folder(seed: int | str) -> Path:
    """The folder of one seed's documents."""
    return cache_root() / f"seed-{seed}"


def draw(seed: int | str, index: int) -> tuple[Meeting, Template]:
    """Document `index` of `seed`: its meeting and template."""
    rng = random.Random(f"{seed}-{index}")
    meeting = generate_meeting(rng)
    return meeting, random_template(rng, meeting)


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build_set(seed: int | str, count: int, formats: Sequence[str] = FORMATS, folder: Path | None = None,
              jobs: int = 2) -> dict[str, list[Case]]:
    """Generate `count` documents of `seed` in each format (PDF needs Chromium); return the cases by format."""
    root = folder or set_folder(seed)
    cases: dict[str, list[Case]] = {f: [] for f in formats}
    to_print: list[tuple[Path, Path]] = []
    for index in range(count):
        meeting, template = draw(seed, index)
        name = f"doc-{index:03d}"
        html = render_html(meeting, template)
        html_path = root / "html" / f"{name}.html"
        if "html" in formats or "pdf" in formats:
            _write(html_path, html)
        for fmt in formats:
            path = root / fmt / f"{name}{SUFFIXES[fmt]}"
            if fmt == "text":
                _write(path, render_text(meeting, template))
            elif fmt == "pdf":
                path.parent.mkdir(parents=True, exist_ok=True)
                to_print.append((html_path, path))
            truth = gold(meeting, path.relative_to(root).as_posix())
            _write(root / "gold" / fmt / f"{name}.json", json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
            cases[fmt].append(Case(name, fmt, path, truth, template, meeting))
    print_pdfs(to_print, jobs=jobs)
    return cases


def parse(path: Path) -> dict[str, Any]:
    """The parser's JSON for one file, as `minutes extract` would print it."""
    parsed: dict[str, Any] = json.loads(json.dumps(document_to_dict(extract_file(path))))
    return parsed


def score_cases(cases: Iterable[Case]) -> evaluation.Report:
    """Parse each case and score it against its gold (a failed parse counts as a missing document)."""
    pairs: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
    errors: dict[str, str] = {}
    for case in cases:
        try:
            prediction: dict[str, Any] | None = parse(case.path)
        except Exception as exc:  # noqa: BLE001 - a crash is a result to report, not a reason to stop
            prediction = None
            errors[case.name] = f"{type(exc).__name__}: {exc}"
        pairs.append((case.name, case.gold, prediction))
    return evaluation.score(pairs, errors)
