"""The layout generator (tests/layouts): its truth is honest, and the parser recovers what it generated.

A small fixed set (`SEED`, `COUNT` documents per format) is generated, parsed
and scored with `minutes_cli.evaluation`; each field's F1 must reach its floor
in `FLOORS`. The floors are what the parser reached on this set when the test
was written, minus `FLOOR_MARGIN`: they stop a regression, and are raised as
the parser improves (issue #10 aims at 0.98 for every field in every format).
The full report over 200 documents per format is `benchmarks/generated_layouts.py`.

PDFs are the HTML pages printed by headless Chromium. Without Chromium the PDF
cases skip, except under CI (CI=true), where a missing browser is a failure:
.ci/run installs it.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layouts import content
from layouts.corpus import FORMATS, Case, build_set, draw, parse, score_cases
from layouts.generator import amount, case_number, generate_meeting
from layouts.meeting import gold
from layouts.render_html import render_html
from layouts.render_pdf import find_chromium
from layouts.render_text import render_text

from minutes_cli import evaluation
from minutes_cli.evaluation import normalise

SEED = "floor"
COUNT = 30
FLOOR_MARGIN = 0.02
# Issue #10's goal for generated layouts, in every format (the 200-document report measures it too).
TARGET_OVERALL = 0.98
"""Slack under today's figures: with 30 documents one meeting field more or less moves its F1 by
about 0.02-0.03, so a harmless shift of one value does not fail the suite."""

# Per-field F1 the parser reached on SEED/COUNT (raised 2026-11-30 after the structure work of
# issue #10, and again that day after the committee-title and print fixes; first written at 536077e
# with overall 0.939/0.846/0.800), before FLOOR_MARGIN is taken off. Raise them when the parser
# improves; never lower one without saying why in the commit.
TODAY: dict[str, dict[str, float]] = {
    "html": {
        "amounts_dkk": 1.0, "attachments": 1.0, "case_numbers": 1.0, "closed": 1.0, "decision": 1.0,
        "decision_outcome": 1.0, "items": 1.0, "meeting.committee": 1.0, "meeting.date": 1.0, "meeting.kind": 1.0,
        "meeting.municipality": 1.0, "number": 1.0, "recommendation": 1.0, "recommendation_by": 1.0, "title": 1.0,
        "overall": 1.0,
    },
    "text": {
        "amounts_dkk": 1.0, "attachments": 0.986, "case_numbers": 1.0, "closed": 1.0, "decision": 1.0,
        "decision_outcome": 1.0, "items": 1.0, "meeting.committee": 1.0, "meeting.date": 1.0, "meeting.kind": 1.0,
        "meeting.municipality": 1.0, "number": 1.0, "recommendation": 1.0, "recommendation_by": 1.0,
        "title": 1.0, "overall": 0.999,
    },
    "pdf": {
        "amounts_dkk": 1.0, "attachments": 1.0, "case_numbers": 1.0, "closed": 1.0, "decision": 1.0,
        "decision_outcome": 1.0, "items": 1.0, "meeting.committee": 1.0, "meeting.date": 1.0,
        "meeting.kind": 0.983, "meeting.municipality": 1.0, "number": 1.0, "recommendation": 1.0,
        "recommendation_by": 1.0, "title": 1.0, "overall": 0.999,
    },
}


def require_chromium() -> None:
    """Skip without Chromium; under CI (CI=true) a missing Chromium fails instead."""
    if find_chromium() is not None:
        return
    message = "chromium is not installed (apt-get install chromium); .ci/run installs it"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def generated() -> dict[str, list[Case]]:
    """The fixed small set in every format available (PDF only with Chromium)."""
    formats = [f for f in FORMATS if f != "pdf" or find_chromium() is not None]
    return build_set(SEED, COUNT, formats)


# --- The generator itself.


def test_same_seed_same_document() -> None:
    first, second = draw(SEED, 3), draw(SEED, 3)
    assert first == second
    assert render_html(*first) == render_html(*second)
    assert render_text(*first) == render_text(*second)
    assert draw(SEED, 4) != first


def test_gold_has_the_shape_the_scorer_checks() -> None:
    for index in range(20):
        meeting, _ = draw("shape", index)
        evaluation.check_gold(f"doc-{index}", gold(meeting, "x.txt"))


SCALES = {"mio. kr.": 1_000_000, "mia. kr.": 1_000_000_000, "t.kr.": 1000, "kr.": 1, "kroner": 1}
"""What each unit multiplies by, for `_kroner` (an independent reading of the generated text)."""


def _kroner(text: str) -> float:
    """The value of a generated amount, read back the simple way: "1,5 mio. kr." -> 1500000."""
    if text.startswith("kr. "):
        text = text[4:] + " kr."
    number, unit = text.split(" ", 1)
    return float(number.replace(".", "").replace(",", ".")) * SCALES[unit]


def test_each_drawn_amount_prints_the_value_the_gold_gives_it() -> None:
    rng = random.Random(0)
    drawn = [amount(rng) for _ in range(500)]
    assert {text.split(" ", 1)[1] if not text.startswith("kr.") else "prefix" for text, _ in drawn} == {
        "mio. kr.", "mia. kr.", "t.kr.", "kr.", "kroner", "prefix"}
    for text, value in drawn:
        assert abs(_kroner(text) - value) < 0.5, text


@pytest.mark.parametrize("style", ["dash", "kk", "slash", "kle", "emn"])
def test_case_numbers_look_real(style: str) -> None:
    shapes = {
        "dash": r"\d{4}-\d{5}",                    # 2009-66012
        "kk": r"\d{4}-\d{7}",                      # 2019-0034521
        "slash": r"\d{2}(\d{2})?/\d{5}",           # 2016/05156, 16/05156
        "kle": r"\d\d\.\d\d\.\d\d-[A-Z]\d\d-\d+-\d\d",  # 15.20.05-P08-1-19
        "emn": r"EMN-\d{4}-\d{6}",                 # EMN-2025-009242
    }
    rng = random.Random(style)
    for _ in range(50):
        assert re.fullmatch(shapes[style], case_number(rng, style, 2016))


def _flat(text: str) -> str:
    """Text with line wraps, page breaks and running lines undone enough to search in."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("index", range(40))
def test_every_gold_value_is_printed_in_each_rendering(index: int) -> None:
    """The truth is honest: each title, case number, point, decision and attachment is in the document."""
    meeting, template = draw("honest", index)
    documents = {"html": _flat(re.sub(r"<[^>]+>", " ", render_html(meeting, template))).replace("&amp;", "&"),
                 "text": _flat(render_text(meeting, template).replace("\f", " "))}
    truth = gold(meeting, "x")
    for name, document in documents.items():
        texts = [truth["meeting"]["committee"], truth["meeting"]["municipality"]]
        for item in truth["items"]:
            texts += [item["title"], *item["case_numbers"], *item["recommendation"], *item["attachments"]]
            texts += [item["decision"]] if item["decision"] else []
            texts += [item["recommendation_by"]] if item["recommendation_by"] else []
        missing = [t for t in texts if _flat(t) not in document]
        assert not missing, f"{name}: {missing}"


def test_the_open_heading_list_holds_words_the_vocabulary_does_not_know() -> None:
    from minutes_cli.vocabulary import KNOWN_HEADINGS

    unknown = [h for h in content.UNKNOWN_BODY_HEADINGS if h.lower() not in KNOWN_HEADINGS]
    assert unknown == list(content.UNKNOWN_BODY_HEADINGS)


def test_meetings_vary() -> None:
    """Over a few seeds every item style and both kinds occur (the set is not one layout)."""
    kinds = {generate_meeting(random.Random(i)).kind for i in range(20)}
    styles = {draw("vary", i)[1].item_style for i in range(60)}
    assert kinds == {"agenda", "minutes"}
    assert styles == {"dot", "punkt_colon", "punkt", "sag_nr", "dagsordenspunkt", "pkt", "table"}


# --- The parser on the fixed set.


@pytest.mark.parametrize("fmt", FORMATS)
def test_field_f1_reaches_its_floor(fmt: str, generated: dict[str, list[Case]]) -> None:
    if fmt == "pdf":
        require_chromium()
    report = score_cases(generated[fmt])
    floors = {name: value - FLOOR_MARGIN for name, value in TODAY[fmt].items()}
    below = [f"{f.field}: {f.f1:.3f} < floor {floors[f.field]:.3f}" for f in report.fields
             if f.field in floors and f.f1 < floors[f.field]]
    figures = ", ".join(f"{f.field} {f.f1:.3f}" for f in report.fields)
    assert not below, f"{fmt} ({figures}; overall {report.overall_f1:.3f}): " + "; ".join(below)
    assert report.overall_f1 >= TODAY[fmt].get("overall", 0.0) - FLOOR_MARGIN
    assert report.overall_f1 >= TARGET_OVERALL, f"{fmt}: overall {report.overall_f1:.3f} < issue #10's target"


# --- Property: the items of any generated meeting are found (issue #10's target).

ITEMS_NOT_YET_FOUND: dict[str, str] = {}


@pytest.mark.parametrize("fmt", [
    pytest.param(fmt, marks=[pytest.mark.xfail(strict=True, reason=ITEMS_NOT_YET_FOUND[fmt])]
                 if fmt in ITEMS_NOT_YET_FOUND else [])
    for fmt in ("html", "text")
])
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(min_value=0, max_value=10_000))
def test_every_generated_item_is_found_with_its_number_and_title(fmt: str, index: int, tmp_path: Path) -> None:
    meeting, template = draw("property", index)
    suffix = {"html": ".html", "text": ".txt"}[fmt]
    path = tmp_path / f"doc-{index}{suffix}"
    path.write_text(render_html(meeting, template) if fmt == "html" else render_text(meeting, template),
                    encoding="utf-8")
    found = [(str(i["number"]), normalise(i["title"])) for i in parse(path)["items"]]
    expected = [(str(i.number), normalise(i.title)) for i in meeting.items]
    assert found == expected, repr(template)
