"""Cross-format agreement: one meeting as an HTML page, as that page printed by Chromium and as a text export.

The three must parse to the same items, numbers, titles, case numbers,
decisions (text and outcome), recommendation points, attachments and amounts
(texts compared after `evaluation.normalise`, so line wraps do not count).
Meetings tested: every HTML fixture (its text export written by
`layouts.export_text.html_to_text`, as a browser's "save as text" would) and a
few generated meetings (their text export by `layouts.render_text`). The PDF is
the page printed by headless Chromium with the browser's header and footer on
(cached beside the generated sets; see `layouts.corpus.cache_root`).

Where the formats disagree today the case is a strict xfail naming the
disagreement (`KNOWN`), so a parser change that makes them agree is noticed
and the entry removed. Without Chromium the PDF cases skip, except under CI.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES
from layouts.corpus import build_set, cache_root, parse
from layouts.export_text import html_to_text
from layouts.render_pdf import print_pdfs
from test_generated_layouts import require_chromium

from minutes_cli.evaluation import normalise, prediction_view

HTML_FIXTURES = sorted(FIXTURES.glob("*.html")) + sorted((FIXTURES / "standins").glob("*.html"))
GENERATED_SEED = "cross"
GENERATED_COUNT = 6
OTHER_FORMATS = ("pdf", "text")

# (meeting, format) -> what disagrees with the HTML parse today. Each is a strict xfail:
# when the parser makes the formats agree, the test fails until the entry goes.
KNOWN: dict[tuple[str, str], str] = {
    ("h8_wp_aeroe_tmu", "pdf"): "the page's sidebar amount (3.100 kr.) prints after item 6 and lands in it",
    ("s6_os2_oekonomiudvalg_referat", "pdf"): "the print draws the <ul> bullets of the two points after 'indstiller, "
                                              "at:' as graphics, not text, so they read as one wrapped point",
    ("s12_table_fields_referat", "pdf"): "the print sets a short label cell and its text ('Beslutning | Godkendt.') "
                                         "a word space apart, so they read as one line and the decision is lost",
    ("h9_accordion_vordingborg_br", "pdf"): "items 46 and 48 lose case number, recommendation, decision and amounts; "
                                            "item 47 loses its decision (the accordion's panels print apart)",
}

Summary = dict[str, Any]


def summary(document: Mapping[str, Any]) -> Summary:
    """What must agree across formats: per item number, its title and scored fields (texts normalised).

    Items are read as the scorer reads them (`evaluation.prediction_view`), so the fields are
    exactly those the gold format scores.
    """
    items: dict[str, dict[str, Any]] = {}
    for item in document["items"]:
        view = prediction_view(item)
        key = str(view.number)
        while key in items:  # two items with one number (or none) stay apart
            key += "'"
        items[key] = {
            "title": normalise(view.title),
            "closed": view.closed,
            "case_numbers": list(view.case_numbers),
            "decision": normalise(view.decision),
            "decision_outcome": view.decision_outcome,
            "recommendation_by": normalise(view.recommendation_by),
            "recommendation": [normalise(p) for p in view.recommendation],
            "attachments": [normalise(a) for a in view.attachments],
            "amounts": list(view.amounts_dkk),
        }
    return items


def disagreements(html: Summary, other: Summary, name: str) -> list[str]:
    """Each difference between the HTML parse and the other format's, one line each."""
    lines = []
    if list(html) != list(other):
        lines.append(f"item numbers: html {list(html)} vs {name} {list(other)}")
    for number in [n for n in html if n in other]:
        for field, value in html[number].items():
            if other[number][field] != value:
                lines.append(f"item {number} {field}: html {value!r} vs {name} {other[number][field]!r}")
    return lines


def _fixture_pdf(html: Path) -> Path:
    """The fixture page printed by Chromium (cached; printed again when the page changes)."""
    pdf = cache_root() / "fixtures" / f"{html.stem}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    print_pdfs([(html, pdf)], jobs=1)
    return pdf


def _fixture_text(html: Path) -> Path:
    text = cache_root() / "fixtures" / f"{html.stem}.txt"
    text.parent.mkdir(parents=True, exist_ok=True)
    export = html_to_text(html.read_text(encoding="utf-8"))
    if not text.exists() or text.read_text(encoding="utf-8") != export:
        text.write_text(export, encoding="utf-8")
    return text


def _cases() -> list[Any]:
    params = []
    meetings = [(p.stem, "fixture") for p in HTML_FIXTURES]
    meetings += [(f"generated-{i:03d}", "generated") for i in range(GENERATED_COUNT)]
    for meeting, kind in meetings:
        for fmt in OTHER_FORMATS:
            marks = []
            reason = KNOWN.get((meeting, fmt))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(pytest.param(meeting, kind, fmt, id=f"{meeting}-{fmt}", marks=marks))
    return params


@pytest.fixture(scope="module")
def generated_paths() -> dict[str, dict[str, Path]]:
    """Paths of the generated meetings per format; PDFs only when Chromium is there."""
    from layouts.render_pdf import find_chromium

    formats = ["html", "text"] + (["pdf"] if find_chromium() else [])
    cases = build_set(GENERATED_SEED, GENERATED_COUNT, formats)
    return {fmt: {f"generated-{i:03d}": c.path for i, c in enumerate(cases[fmt])} for fmt in formats}


@pytest.mark.parametrize(("meeting", "kind", "fmt"), _cases())
def test_formats_agree(meeting: str, kind: str, fmt: str, generated_paths: dict[str, dict[str, Path]]) -> None:
    if fmt == "pdf":
        require_chromium()
    if kind == "fixture":
        html_path = next(p for p in HTML_FIXTURES if p.stem == meeting)
        other_path = _fixture_pdf(html_path) if fmt == "pdf" else _fixture_text(html_path)
    else:
        html_path = generated_paths["html"][meeting]
        other_path = generated_paths[fmt][meeting]
    html, other = summary(parse(html_path)), summary(parse(other_path))
    found = disagreements(html, other, fmt)
    assert not found, f"{meeting}: {fmt} ({other_path}) disagrees with the HTML page:\n" + "\n".join(found)


def test_summary_sees_a_changed_value() -> None:
    """The comparison is not blind: one changed amount or title is a disagreement."""
    item = {"number": "3", "title": "Salg af grund", "case_numbers": ["21/10021"],
            "decision": {"text": "Godkendt.", "outcome": "approved"}, "recommendation": {"points": ["at …"]},
            "attachments": [{"title": "Kort"}], "amounts": [{"value": 45000.0, "currency": "DKK"}]}
    changed = dict(item, amounts=[{"value": 45001.0, "currency": "DKK"}])
    retitled = dict(item, title="Salg af jord")
    base = summary({"items": [item]})
    assert disagreements(base, summary({"items": [item]}), "x") == []
    assert disagreements(base, summary({"items": [changed]}), "x") == ["item 3 amounts: html [45000.0] vs x [45001.0]"]
    assert len(disagreements(base, summary({"items": [retitled]}), "x")) == 1
    assert disagreements(base, summary({"items": []}), "x") == ["item numbers: html ['3'] vs x []"]
