"""Item headings are chosen as one rising sequence (segment/sequence.py and segment/items.py)."""

from __future__ import annotations

import pytest

from minutes_cli import extract_text
from minutes_cli.segment.sequence import (
    CONFIRMED_EVIDENCE as C,
)
from minutes_cli.segment.sequence import (
    HEADING_EVIDENCE as H,
)
from minutes_cli.segment.sequence import (
    PLAUSIBLE_EVIDENCE as P,
)
from minutes_cli.segment.sequence import (
    Candidate,
    choose_sequence,
)


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        pytest.param([(1, H), (2, H), (3, H)], [0, 1, 2], id="plain-run"),
        pytest.param([(25, H), (1, H), (2, H), (3, H), (4, H)], [1, 2, 3, 4], id="date-before-run"),
        pytest.param([(1, C), (2, C), (2018, H), (3, C), (4, C)], [0, 1, 3, 4], id="year-inside-run"),
        pytest.param([(8410, H), (715, C)], [1], id="postcode-before-continuing-number"),
        pytest.param([(715, C), (716, C)], [0, 1], id="continuing-numbers"),
        pytest.param([(1, C), (2, C), (5, C)], [0, 1, 2], id="gap-of-closed-items"),
        pytest.param([(1, C), (2, C), (1, P), (2, P), (3, C)], [0, 1, 4], id="numbered-list-in-body"),
        pytest.param([(1, P), (2, C), (3, P)], [0, 1, 2], id="weak-fill-gaps"),
        pytest.param([(3, C), (3, C, "a"), (4, C)], [0, 1, 2], id="sub-lettered"),
        pytest.param([(1, 0.0), (2, -1.0)], [], id="no-evidence"),
        pytest.param([], [], id="empty"),
    ],
)
def test_choose_sequence(candidates: list[tuple], chosen: list[int]) -> None:  # type: ignore[type-arg]
    assert choose_sequence([Candidate(*c) for c in candidates]) == chosen


TEXT_WITH_DATE_AND_YEAR = """Referat
Teknisk Udvalg
25. september 2012

1. Godkendelse af dagsorden

Sagsnr.: 12/1001

Godkendt.

2. Vejbelysning

Sagsnr.: 12/1002

2018 Tidligere behandling

Udvalget behandlede sagen i 2018.

3. Cykelsti

Sagsnr.: 12/1003

4. Eventuelt

Intet.
"""


def test_a_date_and_a_year_do_not_become_items() -> None:
    items = extract_text(TEXT_WITH_DATE_AND_YEAR).items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Vejbelysning"), ("3", "Cykelsti"), ("4", "Eventuelt")]


def test_an_item_title_may_start_with_an_ordinal() -> None:
    text = "Referat\n\n1. 2. behandling af forslag til ændret styrelsesvedtægt\n\nSagsnr.: 18011245\n\n" \
           "2. Anvendelse af uforbrugte midler\n\nSagsnr.: 18009876\n"
    items = extract_text(text).items
    assert [(item.number, item.title) for item in items] == [
        ("1", "2. behandling af forslag til ændret styrelsesvedtægt"), ("2", "Anvendelse af uforbrugte midler")]


@pytest.mark.parametrize(
    ("texts", "paragraphs"),
    [
        pytest.param(["Struer Kommune – Kultur- og Fritidsudvalget –", "Referat – onsdag den 9. december 2009 –",
                      "Udvalgsværelse 2"], 1, id="page-title-wrapped-at-dashes"),
        pytest.param(["Dagsorden af Beskæftigelsesudvalgets møde fredag", "den 1. januar 2021"], 1,
                     id="title-wrapped-before-lower-case"),
        pytest.param(["Plan- og", "Boligudvalget"], 1, id="wrapped-after-og"),
        pytest.param(["Sagsfremstilling", "Indstilling"], 2, id="two-headings"),
    ],
)
def test_a_heading_wrapped_over_lines_of_its_type_is_one_paragraph(texts: list[str], paragraphs: int) -> None:
    from minutes_cli.model import Line
    from minutes_cli.segment import to_paragraphs

    lines = [Line(text, 1, heading=True, gap_before=True, size=24.0, level=1) for text in texts]
    assert len(to_paragraphs(lines)) == paragraphs
