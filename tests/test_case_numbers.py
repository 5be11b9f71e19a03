"""Case numbers (sagsnr./journalnr.): the pattern registry and `find_case_numbers`, table-driven.

An item's own case number stands after a label, in the title's trailing
parentheses, or as a paragraph of its own right under the title. References
to other cases in the running text, document numbers (Dok.nr.) and dates are
not the item's case numbers.
"""

from __future__ import annotations

import pytest
from helpers import items

from minutes_cli.extract import find_case_numbers, find_case_officer
from minutes_cli.model import Block, Line
from minutes_cli.patterns import CASE_LABEL_RE, CASE_VALUE_RE, TITLE_CASE_RE


def block(*lines: str) -> Block:
    """A paragraph of the given lines."""
    return Block.of(tuple(Line(text) for text in lines))


# --- the value itself -------------------------------------------------------------------------

VALUES = [
    # seed layouts
    pytest.param("2009-66012", id="seed-year-serial"),
    pytest.param("2016/05156", id="seed-gladsaxe-slash"),
    pytest.param("15.20.05-P08-1-19", id="seed-kle-journal-plan"),
    pytest.param("2010-113567", id="seed-six-digit-serial"),
    pytest.param("2009-6315", id="seed-four-digit-serial"),
    # corpus layouts
    pytest.param("12/27845", id="acadre-two-digit-year"),
    pytest.param("EMN-2025-009242", id="firstagenda-emn-prefix"),
    pytest.param("21-014420", id="two-digit-year-dash"),
    pytest.param("2012-28504", id="edoc-sagsnr"),
    pytest.param("00.01.00-A00-1-13", id="kle-with-letter-facet"),
]

NOT_VALUES = [
    pytest.param("20.02.2018", id="date-dots"),
    pytest.param("20-02-2018", id="date-dashes"),
    pytest.param("2018-02-20", id="iso-date"),
    pytest.param("2018", id="year"),
    pytest.param("SUD 257/2007", id="other-committee-reference"),
    pytest.param("39 57 52 40", id="phone-number"),
    pytest.param("1.316.000", id="amount"),
    pytest.param("Sagsnr. 2016/05156 vedrørende takster", id="not-alone-on-the-line"),
]


@pytest.mark.parametrize("text", VALUES)
def test_case_value(text: str) -> None:
    match = CASE_VALUE_RE.match(text)
    assert match is not None and match.group("case") == text


@pytest.mark.parametrize("text", NOT_VALUES)
def test_not_a_case_value(text: str) -> None:
    assert CASE_VALUE_RE.match(text) is None


# --- labels -----------------------------------------------------------------------------------

LABELS = [
    pytest.param("Sagsnr.: 15.20.05-P08-1-19 Sagsbehandler: Lisbeth Blaabjerg", "15.20.05-P08-1-19",
                 id="seed-herning-label-and-officer"),
    pytest.param("Sagsnr.: 2012-28504", "2012-28504", id="edoc-sagsnr"),
    pytest.param("Sagsnr. 2009-66012.", "2009-66012", id="trailing-full-stop"),
    pytest.param("Sags nr.: 12/27845", "12/27845", id="acadre-sags-nr"),
    pytest.param("Sags nr. 12/27845", "12/27845", id="sags-nr-no-colon"),
    pytest.param("J.nr. 2016/05156", "2016/05156", id="j-nr"),
    pytest.param("J.nr.: 2016/05156", "2016/05156", id="j-nr-colon"),
    pytest.param("Journalnr.: 21-014420", "21-014420", id="journalnr"),
    pytest.param("Sagsnummer: 2009-6315", "2009-6315", id="sagsnummer"),
    pytest.param("Emnenr.: 2013-003869", "2013-003869", id="emnenr"),
    pytest.param("Sagsnr.: EMN-2025-009242", "EMN-2025-009242", id="firstagenda-emn"),
    pytest.param("sagsnr 2016/05156", "2016/05156", id="lower-case-no-dot"),
    pytest.param("Sagsid: 24/1234", "24/1234", id="sagsid"),
    pytest.param("J.nr. 1968/14", "1968/14", id="old-journal-number"),
    pytest.param("Sags-id: 23/9876", "23/9876", id="sags-id"),
    pytest.param("Sagsnr.:", None, id="value-on-next-line"),
    pytest.param("Sagsnr.: 20.02.2018", None, id="date-after-label-is-no-value"),
]

NOT_LABELS = [
    pytest.param("Dok.nr.: 2012-203438", id="edoc-document-number"),
    pytest.param("Dok.nr. 2012-203438", id="document-number-no-colon"),
    pytest.param("Se sagsnr. 2016/05156 om taksterne", id="reference-in-a-sentence"),
    pytest.param("Sagsbehandler: Lisbeth Blaabjerg", id="case-officer"),
]


@pytest.mark.parametrize(("text", "value"), LABELS)
def test_case_label(text: str, value: str | None) -> None:
    match = CASE_LABEL_RE.match(text)
    assert match is not None
    assert match.group("case") == value


@pytest.mark.parametrize("text", NOT_LABELS)
def test_not_a_case_label(text: str) -> None:
    assert CASE_LABEL_RE.match(text) is None


TITLES = [
    pytest.param("Projekt Bedre Serviceveje (2009-66012)", "2009-66012", id="seed-title-parentheses"),
    pytest.param("Evaluering af strategi og handleplan (2010-113567)", "2010-113567", id="seed-long-serial"),
    pytest.param("Kulturkommune 2017 (12/27845)", "12/27845", id="acadre-title"),
    pytest.param("Projektbevilling ( 2016/05156 )", "2016/05156", id="spaces-inside"),
    pytest.param("Budget 2019 (2019)", None, id="year-in-parentheses"),
    pytest.param("Møde med Ældrerådet (20.02.2018)", None, id="date-in-parentheses"),
    pytest.param("Opfølgning (BIU 2009-9399)", None, id="other-committee-reference"),
    pytest.param("Lån (2009-66012) til idrætshal", None, id="not-at-the-end"),
    pytest.param("Tilskud til byfest i Ringe (Sag: 23/00456)", "23/00456", id="labelled-sag"),
    pytest.param("Vejplan (Sagsnr. 2016/05156)", "2016/05156", id="labelled-sagsnr"),
    pytest.param("Vejplan (sagsnr.: emn-2025-009242)", "emn-2025-009242", id="labelled-lower-case"),
    pytest.param("Status (Sag 12)", None, id="a-short-number-is-no-case"),
]


@pytest.mark.parametrize(("title", "value"), TITLES)
def test_title_case(title: str, value: str | None) -> None:
    match = TITLE_CASE_RE.search(title)
    assert (match.group("case") if match else None) == value


# --- find_case_numbers on paragraphs ----------------------------------------------------------

PARAGRAPHS = [
    pytest.param("2009-66012", None, [block("Settlementerne har ansøgt om støtte.")], ["2009-66012"],
                 id="from-title"),
    pytest.param(None, block("Punkt 7: Meddelelser"), [block("2016/05156"),
                                                       block("Meddelelser fra formanden.")],
                 ["2016/05156"], id="bare-number-under-title"),
    pytest.param(None, block("Punkt 3: Samarbejde"),
                 [block("Sagsnr.: 15.20.05-P08-1-19 Sagsbehandler: Lisbeth Blaabjerg"), block("Sagsresume")],
                 ["15.20.05-P08-1-19"], id="labelled"),
    pytest.param(None, block("Punkt 4: Budget"), [block("Sags nr.:", "12/27845"), block("Teksten.")],
                 ["12/27845"], id="label-value-on-next-line"),
    pytest.param(None, block("Punkt 4: Budget"), [block("Sagsnr.:"), block("12/27845"), block("Teksten.")],
                 ["12/27845"], id="label-value-in-next-paragraph"),
    pytest.param("2009-66012", None, [block("Sagsnr.: 2009-66012"), block("Teksten.")], ["2009-66012"],
                 id="title-and-label-once"),
    pytest.param(None, block("Punkt 5: Takster"),
                 [block("Taksterne følger tidligere beslutninger (BIU 2009-9399 og SUD 2008-75120)."),
                  block("Se også SUD 257/2007.")], [], id="references-in-body-text"),
    pytest.param(None, block("Punkt 5: Takster"), [block("Dok.nr.: 2012-203438"), block("Teksten.")], [],
                 id="document-number"),
    pytest.param(None, block("Punkt 6: Orientering"), [block("20.02.2018"), block("Orientering om status.")],
                 [],
                 id="date-paragraph"),
    pytest.param(None, block("Punkt 6: Orientering"),
                 [block("Sagsfremstilling"), block("Teksten."), block("Økonomi"), block("2016/05156")], [],
                 id="bare-number-deep-in-body"),
]


@pytest.mark.parametrize(("title_case", "heading", "blocks", "expected"), PARAGRAPHS)
def test_find_case_numbers(title_case: str | None, heading: Block | None, blocks: list[Block],
                           expected: list[str]) -> None:
    assert list(find_case_numbers(title_case, heading, tuple(blocks))) == expected


# --- whole documents ---------------------------------------------------------------------------

def test_each_item_keeps_its_own_case_numbers() -> None:
    found = items("""
        Punkt 3: Samarbejde om social investeringsmodel

        Sagsnr.: 15.20.05-P08-1-19 Sagsbehandler: Lisbeth Blaabjerg

        Sagsresume

        Udvalget anmodes om at godkende projektet (BIU 2009-9399 og SUD 2008-75120). Se også SUD 257/2007.

        Punkt 4: Budgetopfølgning

        Sags nr.:
        12/27845

        Sagsfremstilling

        Forvaltningen fremlægger budgetopfølgning pr. 20.02.2018.

        Punkt 5: Takster

        J.nr. 2016/05156

        Dok.nr.: 2012-203438

        Sagsfremstilling

        Taksterne reguleres.
        """)
    assert [(i["number"], i["case_numbers"]) for i in found] == [
        ("3", ["15.20.05-P08-1-19"]), ("4", ["12/27845"]), ("5", ["2016/05156"])]
    assert found[0]["case_officer"] == "Lisbeth Blaabjerg"


def test_numbered_items_with_case_numbers_in_titles() -> None:
    found = items("""
        10. Projekt Bedre Serviceveje (2009-66012)

        Settlementerne har ansøgt om støtte.

        11. Kulturaftale

        Sagsnr.: EMN-2025-009242

        Aftalen fornyes for 2026.
        """)
    assert [(i["number"], i["title"], i["case_numbers"]) for i in found] == [
        ("10", "Projekt Bedre Serviceveje", ["2009-66012"]), ("11", "Kulturaftale", ["EMN-2025-009242"])]


def test_year_range_in_title_is_not_a_case_number() -> None:
    found = items("""
        10. Projekt Bedre Serviceveje (2009-66012)

        Settlementerne har ansøgt om støtte.

        11. Handleplan for de fælles borgere (2013-2016)

        Sagsnr.: 2010-113567

        Handleplanen evalueres.
        """)
    assert (found[1]["title"], found[1]["case_numbers"]) == (
        "Handleplan for de fælles borgere (2013-2016)", ["2010-113567"])


@pytest.mark.parametrize(
    ("paragraph", "officer"),
    [
        ("Sagsbehandler: Lisbeth Blaabjerg", "Lisbeth Blaabjerg"),
        ("SAGSBEHANDLER: Jens Ole Hansen", "Jens Ole Hansen"),
        ("Kontaktperson: Mette Lykke", "Mette Lykke"),
        ("Yderligere oplysninger fås hos kontakt: Søren Kragelund", "Søren Kragelund"),
        ("Borgerne har kontakt med hjemmeplejen hver dag.", None),
        ("Øvrige sagsbehandlere: Ole Juhl", None),
    ],
)
def test_case_officer(paragraph: str, officer: str | None) -> None:
    assert find_case_officer((Block.of((Line(paragraph),)),)) == officer
