"""Table-driven tests of segment/: paragraph breaks, item starts and sections.

Each row is a few lines of a document as a reader hands them on (text and the
structure it saw), and what the segmenter must make of them.
"""

from __future__ import annotations

import pytest

from minutes_cli.model import Line
from minutes_cli.segment import split_items, split_sections, to_paragraphs


def _lines(rows: list[tuple[str, dict[str, object]] | str]) -> list[Line]:
    """Lines from plain strings (a text line after a blank line) or (text, structure) pairs."""
    out = []
    for row in rows:
        text, fields = (row, {}) if isinstance(row, str) else row
        out.append(Line(text, None, **{"gap_before": True, **fields}))  # type: ignore[arg-type]
    return out


GLUED = {"gap_before": False}
H3 = {"heading": True, "level": 3}

# --- paragraph breaks -------------------------------------------------------

PARAGRAPHS = [
    pytest.param(["Godkendt.", ("Sagen er drøftet.", GLUED)], ["Godkendt. Sagen er drøftet."], id="prose-joins"),
    pytest.param(["Tekst om sagen", ("Beslutning", GLUED), ("Godkendt.", GLUED)],
                 ["Tekst om sagen", "Beslutning", "Godkendt."], id="known-heading-breaks-without-gap"),
    pytest.param(["Indstilling", ("1. at planen godkendes", GLUED), ("2. at den offentliggøres", GLUED)],
                 ["Indstilling", "1. at planen godkendes", "2. at den offentliggøres"], id="list-markers-break"),
    pytest.param(["Nr. Titel Sagsnr.", ("1 Godkendelse af dagsorden 2023-35921", GLUED),
                  ("2 Ansøgning fra foreningen 2023-59287", GLUED)],
                 ["Nr. Titel Sagsnr.", "1 Godkendelse af dagsorden 2023-35921",
                  "2 Ansøgning fra foreningen 2023-59287"], id="printed-item-table-rows-stand-alone"),
    pytest.param([("Fremstilling", H3), ("Sagen handler om veje.", GLUED)],
                 ["Fremstilling", "Sagen handler om veje."], id="heading-by-form-breaks"),
    pytest.param([("Plan- og", H3), ("Boligudvalget", H3)], ["Plan- og Boligudvalget"], id="wrapped-heading-joins"),
    pytest.param(["Dagsordenspunkt 2: Budget", ("Sagsnr.: 23/1", GLUED)],
                 ["Dagsordenspunkt 2: Budget", "Sagsnr.: 23/1"], id="item-word-and-label-break"),
    pytest.param(["Oversigtskort Horsensvej 112", ("4 Eventuelt", GLUED), ("Beslutning", H3), "Intet."],
                 ["Oversigtskort Horsensvej 112", "4 Eventuelt", "Beslutning", "Intet."],
                 id="item-row-without-case-number-before-a-heading"),
    pytest.param(["Afsnittet slutter med", ("4 kommuner", GLUED), ("Beslutning", H3)],
                 ["Afsnittet slutter med 4 kommuner", "Beslutning"], id="lower-case-after-number-joins"),
    pytest.param(["5 Lukket punkt: Køb af ejendom", ("Punktet er behandlet for lukkede døre.", GLUED)],
                 ["5 Lukket punkt: Køb af ejendom", "Punktet er behandlet for lukkede døre."],
                 id="sentence-under-a-numbered-title-breaks"),
    pytest.param(["2 Kommunegaranti for lån til Vejle", ("Spildevand A/S 21/08812", GLUED)],
                 ["2 Kommunegaranti for lån til Vejle Spildevand A/S 21/08812"], id="wrapped-numbered-title-joins"),
    pytest.param(["1. Byrådet finder en permanent placering til Havnens Perle på Aarhus", ("Ø.", GLUED)],
                 ["1. Byrådet finder en permanent placering til Havnens Perle på Aarhus Ø."],
                 id="a-word-ending-a-wrapped-point-joins"),
]


@pytest.mark.parametrize(("rows", "paragraphs"), PARAGRAPHS)
def test_paragraph_breaks(rows: list[tuple[str, dict[str, object]] | str], paragraphs: list[str]) -> None:
    assert [block.text for block in to_paragraphs(_lines(rows))] == paragraphs


# --- item starts --------------------------------------------------------------

ITEMS = [
    pytest.param(["Referat", "1 - Godkendelse af dagsorden (Sag: 23/01234)", ("Beslutning:", GLUED),
                  ("Godkendt.", GLUED), "2 - Lokalplan 1187 (Sag: 22/18765)", ("Beslutning:", GLUED)],
                 [("1", "Godkendelse af dagsorden"), ("2", "Lokalplan 1187")], id="number-dash-title"),
    pytest.param(["Referat", "1)\tGodkendelse af dagsorden", ("Sagsnr.: 23/01234", GLUED),
                  "2)\tVejplan 2024", ("Sagsnr.: 23/02345", GLUED)],
                 [("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2024")], id="number-parenthesis-tab-title"),
    pytest.param(["Referat", "Ad 1. Godkendelse af dagsorden", ("Godkendt.", GLUED), "Ad 2. Vejplan 2024",
                  ("Beslutning: Udsat.", GLUED)],
                 [("1", "Godkendelse af dagsorden"), ("2", "Vejplan 2024")],
                 id="ad-n-with-a-decision-glued"),
    pytest.param(["Indstilling", "Forvaltningen indstiller, at", "1) Budgettet godkendes",
                  ("2) Rammen fastholdes", GLUED),
                  "Beslutning", "Godkendt."], [(None, "Indstilling")], id="numbered-points-in-a-list-are-no-items"),
    pytest.param(["Forhandlingsprotokol", "§ 1. Godkendelse af protokollen fra sidste møde.",
                  ("Protokollen blev oplæst og godkendt.", GLUED), "§ 2. Ansøgning om tilskud til vandværket.",
                  ("J.nr. 1968/14", GLUED), "§ 3. Eventuelt.", ("Intet.", GLUED)],
                 [("1", "Godkendelse af protokollen fra sidste møde."),
                  ("2", "Ansøgning om tilskud til vandværket."), ("3", "Eventuelt.")],
                 id="old-protocol-paragraph-items"),
    pytest.param(["Dagsorden", "Punkt 1 (Åben) Godkendelse af dagsorden", "Sagsnummer: EMN-2022-012345",
                  "Punkt 2 (Lukket) Klagesag", "Sagsnummer: EMN-2022-020001"],
                 [("1", "Godkendelse af dagsorden"), ("2", "Klagesag")], id="punkt-with-status-in-parentheses"),
    pytest.param(["Dagsorden", "1. (Offentlig) Godkendelse af dagsorden", "Sagsnr.: 23/1", "Beslutning",
                  "2. (Lukket) Klagesag", "Sagsnr.: 23/2", "Beslutning"],
                 [("1", "Godkendelse af dagsorden"), ("2", "Klagesag")], id="numbered-with-status-in-parentheses"),
    pytest.param(["Referat", "Punkt 7 - Salg af jord", "Sagsid: 24/0456", ("Fortroligt punkt", GLUED), "Beslutning",
                  "Godkendt."], [("7", "Salg af jord")], id="status-line-glued-under-the-case-number"),
    pytest.param(["Referat", "Punkt 1: Godkendelse", "Godkendt.", "Punkt 2: Vejplan", "Udsat."],
                 [("1", "Godkendelse"), ("2", "Vejplan")], id="punkt"),
    pytest.param(["Referat", "Dagsordenspunkt 1: Godkendelse", "Godkendt.", "Dagsordenspunkt 2: Vejplan"],
                 [("1", "Godkendelse"), ("2", "Vejplan")], id="dagsordenspunkt"),
    pytest.param(["Referat", "Sag nr. 1: Godkendelse", "Godkendt.", "Sag nr. 2: Vejplan"],
                 [("1", "Godkendelse"), ("2", "Vejplan")], id="sag-nr"),
    pytest.param(["Referat", "1. Godkendelse (2023-1001)", "Godkendt.", "25. september 2012",
                  "2. Vejplan (2023-1002)"], [("1", "Godkendelse"), ("2", "Vejplan")], id="date-in-body-is-no-item"),
    pytest.param(["Referat", ("Budget", {**H3, "item": "4", "case": "23/4"}), "Godkendt."], [("4", "Budget")],
                 id="stated-item"),
    pytest.param(["Referat", "1. Godkendelse", "Sagsnr.: 23/1", "Godkendt.", "Projektet har to dele:",
                  "1. Udskiftning af belysning", ("2. Nye stier", GLUED), "2. Vejplan", "Sagsnr.: 23/2"],
                 [("1", "Godkendelse"), ("2", "Vejplan")], id="numbered-list-in-body-is-no-item"),
    pytest.param(["Notat", "Til Socialudvalget", "Status på projekterne", "Der er fire projekter."],
                 [(None, "Status på projekterne")], id="memo-is-one-item-titled-past-its-addressee"),
]


@pytest.mark.parametrize(("rows", "items"), ITEMS)
def test_item_starts(rows: list[tuple[str, dict[str, object]] | str], items: list[tuple[str | None, str]]) -> None:
    segmented = split_items(to_paragraphs(_lines(rows)))
    assert [(item.number, item.title) for item in segmented.items] == items


def test_a_status_in_parentheses_before_the_title_says_open_or_closed() -> None:
    rows = ["Dagsorden", "Punkt 1 (Åben) Godkendelse", "Sagsnr.: 23/1", "Punkt 2 (Lukket) Klagesag", "Sagsnr.: 23/2"]
    assert [item.closed for item in split_items(to_paragraphs(_lines(rows))).items] == [False, True]


def test_a_status_line_glued_under_the_case_number_closes_the_item() -> None:
    rows = ["Punkt 7 - Salg af jord", "Sagsid: 24/0456", ("Fortroligt punkt", GLUED), "Beslutning", "Godkendt.",
            "Punkt 8 - Eventuelt", "Sagsid: 24/0001", "Beslutning", "Intet."]
    assert [item.closed for item in split_items(to_paragraphs(_lines(rows))).items] == [True, False]


# --- sections -------------------------------------------------------------------

# (rows, whether short lines may be guessed to be headings (text exports: no heading marks), sections)
SECTIONS = [
    pytest.param([("Fremstilling", H3), "Vejen er slidt.", ("Beslutning", H3), "Godkendt."], False,
                 [("Fremstilling", "free"), ("Beslutning", "decision")], id="unknown-heading-by-form"),
    pytest.param([("BESLUTNING I KLIMA- OG MILJØUDVALGET", {"heading": True, "bold": True}), "Godkendt."], False,
                 [("BESLUTNING I KLIMA- OG MILJØUDVALGET", "decision")], id="decision-by-head-noun"),
    pytest.param([("Direktørens indstilling", H3), "Direktøren indstiller, at planen godkendes."], False,
                 [("Direktørens indstilling", "recommendation")], id="recommendation-by-genitive"),
    pytest.param(["SAGSPROCEDURE", "Sagen behandles i to udvalg.", "Beslutning", "Godkendt."], True,
                 [("SAGSPROCEDURE", "free"), ("Beslutning", "decision")], id="capitals-heading-in-text-export"),
    pytest.param(["Beslutning i Økonomiudvalget", "Anbefales.", "Sagsprocedure", "Sagen sendes videre."], True,
                 [("Beslutning i Økonomiudvalget", "decision"), ("Sagsprocedure", "free")],
                 id="decision-ends-at-an-unknown-heading"),
    pytest.param(["Bilag", "Evalueringsrapport 2014", "2. udkast af lokalplan 1187", "Punkt 3 Anlægsregnskab"], True,
                 [("Bilag", "attachments")], id="first-attachment-of-a-text-export-is-no-heading"),
    pytest.param(["BILAGSLISTE", "Bilag til budgetopfølgning (77 KB)", "Oversigt over takster"], True,
                 [("BILAGSLISTE", "attachments")], id="attachment-named-bilag-is-no-second-list"),
    pytest.param([("Beslutning", H3), "Taget til efterretning.", ("Lukkede sager", {"heading": True, "bold": True})],
                 False, [("Beslutning", "decision")], id="part-heading-set-as-heading-after-a-decision"),
    pytest.param(["Indstilling", "Forvaltningen indstiller, at planen godkendes.", "Lukket dagsorden"], True,
                 [("Indstilling", "recommendation")], id="part-heading-in-a-text-export"),
    pytest.param([("Beslutning", H3), "Godkendt.", ("Lukkede punkter", H3), "Tekst"], False,
                 [("Beslutning", "decision"), ("Lukkede punkter", "body")], id="part-heading-with-text-after-it-stays"),
]


@pytest.mark.parametrize(("rows", "texts"), [
    pytest.param([("Beslutning", H3), "Taget til efterretning.", ("Lukkede sager", H3)], ["Taget til efterretning."],
                 id="heading"),
    pytest.param(["Beslutning", "Godkendt.", "Lukket dagsorden"], ["Godkendt."], id="text-export"),
])
def test_a_part_heading_after_the_last_section_is_no_text_of_it(rows: list[tuple[str, dict[str, object]] | str],
                                                               texts: list[str]) -> None:
    found = split_sections(tuple(to_paragraphs(_lines(rows))), free_headings=True)
    assert [section.text for section in found] == texts


@pytest.mark.parametrize(("rows", "free", "sections"), SECTIONS)
def test_sections(rows: list[tuple[str, dict[str, object]] | str], free: bool, sections: list[tuple[str, str]]) -> None:
    found = split_sections(tuple(to_paragraphs(_lines(rows))), free_headings=free)
    assert [(section.title, section.kind) for section in found if section.title] == sections
