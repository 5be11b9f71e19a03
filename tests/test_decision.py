"""Decisions (beslutning): `classify_outcome` for every phrase of SCHEMA.md, and whole-item decisions.

The outcome table follows SCHEMA.md's mapping; "other" covers decisions that
state no outcome ("Drøftet."). Document-level cases check what the decision
text is: not the recommendation, without attendance lines, and only this
meeting's decision when earlier bodies' decisions are shown as history.
"""

from __future__ import annotations

import pytest
from helpers import only_item, parse

from minutes_cli.extract import classify_outcome
from minutes_cli.segment.headings import is_dated_decision_label

SCHEMA_PHRASES = [
    # approved
    pytest.param("Godkendt.", "approved", id="godkendt"),
    pytest.param("Tiltrådt.", "approved", id="tiltraadt"),
    pytest.param("Vedtaget.", "approved", id="vedtaget"),
    pytest.param("Bevilget.", "approved", id="bevilget"),
    pytest.param("Indstillingen blev godkendt.", "approved", id="indstillingen-blev-godkendt"),
    # recommended
    pytest.param("Anbefales.", "recommended", id="anbefales"),
    pytest.param("Indstilles til godkendelse.", "recommended", id="indstilles-til-godkendelse"),
    # noted
    pytest.param("Til efterretning.", "noted", id="til-efterretning"),
    pytest.param("Taget til efterretning.", "noted", id="taget-til-efterretning"),
    pytest.param("Orienteringen blev taget til efterretning.", "noted",
                 id="orienteringen-taget-til-efterretning"),
    # rejected
    pytest.param("Ikke godkendt.", "rejected", id="ikke-godkendt"),
    pytest.param("Forkastet.", "rejected", id="forkastet"),
    pytest.param("Afvist.", "rejected", id="afvist"),
    pytest.param("Faldt.", "rejected", id="faldt"),
    # postponed
    pytest.param("Udsat.", "postponed", id="udsat"),
    pytest.param("Sagen blev udsat.", "postponed", id="sagen-blev-udsat"),
    pytest.param("Hjemvist.", "postponed", id="hjemvist"),
]

CORPUS_VARIANTS = [
    pytest.param("Oversendes til Byrådet med anbefaling.", "recommended", id="forwarded-with-recommendation"),
    pytest.param("Sendes uden anbefaling til Byrådet.", "other", id="forwarded-without-recommendation"),
    pytest.param("Til orientering.", "noted", id="for-information"),
    pytest.param("Godkendt og sendes til orientering i Byrådet.", "approved", id="approved-then-for-information"),
    pytest.param("Indstillingen godkendt.", "approved", id="edoc-indstillingen-godkendt"),
    pytest.param("Godkendt med den ændring, at mødet flyttes til 14. marts.", "approved",
                 id="approved-with-change"),
    pytest.param("Vedtaget med 5 stemmer mod 2.", "approved", id="vote-count"),
    pytest.param("GODKENDT", "approved", id="capitals-no-full-stop"),
    pytest.param("Godkendes.", "approved", id="godkendes"),
    pytest.param("Tiltrædes.", "approved", id="tiltraedes"),
    pytest.param("Indstillingen anbefales.", "recommended", id="indstillingen-anbefales"),
    pytest.param("Anbefales over for Byrådet.", "recommended", id="anbefales-over-for"),
    pytest.param("Udvalget tog orienteringen til efterretning.", "noted", id="tog-til-efterretning"),
    pytest.param("Orienteringen blev taget til efterretning. Godkendt.", "noted", id="first-phrase-wins"),
    pytest.param("Forslaget faldt med 3 stemmer mod 4.", "rejected", id="faldt-vote"),
    pytest.param("Ansøgningen blev afvist.", "rejected", id="blev-afvist"),
    pytest.param("Indstillingen blev ikke godkendt.", "rejected", id="blev-ikke-godkendt"),
    pytest.param("Anbefales ikke.", "rejected", id="anbefales-ikke"),
    pytest.param("Ikke tiltrådt.", "rejected", id="ikke-tiltraadt"),
    pytest.param("Sagen udsættes til næste møde.", "postponed", id="udsaettes"),
    pytest.param("Sagen hjemvises til forvaltningen.", "postponed", id="hjemvises"),
    pytest.param("Punktet blev udsat.", "postponed", id="punktet-blev-udsat"),
    pytest.param("Udvalget godkendte indstillingen.", "approved", id="godkendte-past-tense"),
    pytest.param("Udvalget besluttede at godkende indstillingen.", "approved", id="besluttede-at-godkende"),
    pytest.param("Indstillingen kunne ikke tiltrædes.", "rejected", id="kunne-ikke-tiltraedes"),
    pytest.param("Ikke vedtaget.", "rejected", id="ikke-vedtaget"),
    pytest.param("Taget til orientering.", "noted", id="taget-til-orientering"),
    pytest.param("Der var enighed om at udsætte sagen.", "postponed", id="enighed-om-at-udsaette"),
]

# The outcome stated by a later sentence: the sentence that names the committee's own act decides.
LATER_SENTENCES = [
    pytest.param("Administrationen tilføjede, at der kommer en ny plan i foråret. "
                 "Orienteringen blev taget til efterretning.", "noted", id="blind-act-in-second-sentence"),
    pytest.param("Formanden orienterede om status. Udvalget godkendte indstillingen.", "approved",
                 id="committee-act-after-a-report"),
    pytest.param("Forvaltningen oplyste, at budgettet er godkendt af byrådet. "
                 "Udvalget tog orienteringen til efterretning.", "noted", id="report-of-others-approval-loses"),
    pytest.param("Udvalget drøftede sagen. Sagen blev herefter udsat.", "postponed", id="later-udsat"),
    pytest.param("Et flertal kunne tiltræde indstillingen. Solveig Munk kunne ikke tiltræde indstillingen.",
                 "approved", id="minority-reservation-is-no-act"),
    pytest.param("Økonomiudvalget drøftede sagen. Økonomiudvalget anbefaler indstillingen.", "recommended",
                 id="named-committee-subject"),
    # sending a case back is putting it off
    pytest.param("Sagen sendes tilbage til administrationen.", "postponed", id="sendes-tilbage"),
    pytest.param("Sagen sendes retur til forvaltningen med henblik på yderligere belysning.", "postponed",
                 id="sendes-retur"),
    pytest.param("Punktet udsættes.", "postponed", id="punktet-udsaettes"),
]

OTHER = [
    pytest.param("Drøftet.", id="droeftet"),
    pytest.param("Udvalget drøftede sagen.", id="droeftede-sagen"),
    pytest.param("Formanden orienterede.", id="formanden-orienterede"),
    pytest.param("Oversendes til Økonomiudvalget.", id="oversendes"),
    pytest.param("Sagen blev drøftet, og forvaltningen arbejder videre.", id="droeftet-videre"),
    pytest.param("Drøftet. Sagen genoptages på næste møde, hvor den forventes godkendt.",
                 id="outcome-word-in-a-later-sentence"),
    pytest.param("Sagen blev drøftet. Forvaltningen oplyste, at planen er godkendt af ministeriet.",
                 id="report-of-an-approval-elsewhere"),
]


@pytest.mark.parametrize(("text", "outcome"), SCHEMA_PHRASES + CORPUS_VARIANTS + LATER_SENTENCES)
def test_outcome(text: str, outcome: str) -> None:
    assert classify_outcome(text) == outcome


@pytest.mark.parametrize("text", OTHER)
def test_outcome_other(text: str) -> None:
    assert classify_outcome(text) == "other"


# --- whole documents ---------------------------------------------------------------------------

def test_agenda_with_indstilling_og_beslutning_has_no_decision() -> None:
    item = only_item("""
        10. Projekt Bedre Serviceveje (2009-66012)

        Settlementerne har ansøgt om støtte til projektet.

        INDSTILLING OG Beslutning

        Beskæftigelses- og Integrationsforvaltningen indstiller,

        1. at Beskæftigelses- og Integrationsudvalget godkender partnerskabserklæringen.

        Problemstilling

        Puljen skal bidrage til innovation.
        """)
    assert item["decision"] is None
    assert item["recommendation"] is not None


MINUTES_WITH_ATTENDANCE = """
    REFERAT Teknik- og Miljøudvalget d. 20-02-2018

    Punkt 1: Vejbelysning

    Sagsnr.: 2016/05156

    Sagsfremstilling

    Forvaltningen foreslår ny belysning.

    Beslutning

    Godkendt.

    Afbud: Tilde Bork, Lise Berg

    Punkt 2: Cykelsti

    Sagsnr.: 2016/05157

    Sagsfremstilling

    Der anlægges en cykelsti.

    Beslutning

    Anbefales.

    Fraværende: Karen Holm.
    """


def test_attendance_lines_leave_the_decision_and_name_the_absent() -> None:
    doc = parse(MINUTES_WITH_ATTENDANCE)
    assert [(i["decision"]["text"], i["decision"]["outcome"]) for i in doc["items"]] == [
        ("Godkendt.", "approved"), ("Anbefales.", "recommended")]
    assert doc["meeting"]["absent"] == ["Tilde Bork", "Lise Berg", "Karen Holm"]


@pytest.mark.parametrize(
    "attendance",
    [
        pytest.param("Afbud: Tilde,", id="afbud-trailing-comma"),
        pytest.param("Afbud: Karen Holm.", id="afbud-full-stop"),
        pytest.param("Fraværende: Karen Holm", id="fravaerende-no-punctuation"),
    ],
)
def test_attendance_line_before_the_decision_text(attendance: str) -> None:
    doc = parse(f"""
        REFERAT Teknik- og Miljøudvalget d. 20-02-2018

        Punkt 2: Cykelsti

        Sagsnr.: 2016/05157

        Sagsfremstilling

        Der anlægges en cykelsti.

        Beslutning

        {attendance}

        Anbefales.
        """)
    [item] = doc["items"]
    assert item["decision"] is not None
    assert (item["decision"]["text"], item["decision"]["outcome"]) == ("Anbefales.", "recommended")
    assert len(doc["meeting"]["absent"]) == 1


def test_absent_names_lose_their_party_letter() -> None:
    doc = parse("""
        REFERAT Teknik- og Miljøudvalget d. 20-02-2018

        Punkt 1: Vejbelysning

        Sagsfremstilling

        Forvaltningen foreslår ny belysning.

        Beslutning

        Godkendt.

        Afbud: Jens Hansen (A), Lise Berg (V)
        """)
    assert doc["meeting"]["absent"] == ["Jens Hansen", "Lise Berg"]


def test_dated_decisions_pick_the_meeting_day() -> None:
    doc = parse("""
        Referat

        Udvalget for plan, udvikling og kultur

        Torsdag den 20. juni 2013 kl. 16:00

        715. Kulturkommune 2017 (12/27845)

        Sagsfremstilling

        Syddjurs Kommune søger om at blive kulturkommune.

        Beslutning i Udvalget for plan, udvikling og kultur den 07-05-2013

        Drøftet.

        Beslutning i Økonomiudvalget den 15-05-2013

        Anbefales.

        Beslutning i Udvalget for plan, udvikling og kultur den 20-06-2013

        Godkendt.
        """)
    assert doc["meeting"]["date"] == "2013-06-20"
    [item] = doc["items"]
    assert item["decision"] == {"text": "Godkendt.", "outcome": "approved",
                                "by": "Udvalget for plan, udvikling og kultur"}


@pytest.mark.parametrize(("heading", "by"), [
    pytest.param("Beslutning Byrådet den 12-03-2019", "Byrådet", id="noun-then-body"),
    pytest.param("Beslutning i Byrådet den 12-03-2019", "Byrådet", id="noun-i-body"),
    pytest.param("Byrådets beslutning den 12-03-2019", "Byrådet", id="genitive"),
    pytest.param("Beslutning Kommunalbestyrelsen den 12.03.2019", "Kommunalbestyrelsen", id="noun-then-council"),
])
def test_a_dated_decision_heading_without_i(heading: str, by: str) -> None:
    doc = parse(f"""
        Byrådet

        Referat af mødet den 12. marts 2019

        33. Anlægsbevilling til ny skole

        Sagsnr.: 18/20567

        Beslutning Økonomiudvalget den 05-03-2019
        Anbefales.

        {heading}
        Godkendt.

        Vedhæftede bilag
        Skitseprojekt for ny skole
        """)
    [item] = doc["items"]
    assert item["decision"] == {"text": "Godkendt.", "outcome": "approved", "by": by}
    assert [a["title"] for a in item["attachments"]] == ["Skitseprojekt for ny skole"]


def test_committee_beslutning_heading_names_the_body() -> None:
    doc = parse("""
        Punkt 2: Bygningsvedligeholdelse 2013 - anlægsbevilling

        Sagsnr.: 2012-28504

        Sagsfremstilling

        Der søges om anlægsbevilling på 1.316.000 kr.

        Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2

        Indstillingen godkendt.

        Fraværende: Ole Hansen
        """)
    [item] = doc["items"]
    assert item["decision"] == {"text": "Indstillingen godkendt.", "outcome": "approved",
                                "by": "Sundheds- og Forebyggelsesudvalget"}
    assert doc["meeting"]["absent"] == ["Ole Hansen"]
    # a single-item print without a header: the decision heading says who met and when
    assert doc["meeting"]["committee"] == "Sundheds- og Forebyggelsesudvalget"
    assert doc["meeting"]["date"] == "2012-12-04"


def test_history_decision_is_not_this_meetings_decision() -> None:
    doc = parse("""
        Dagsorden

        Byrådet

        Onsdag den 26. juni 2013 kl. 18:00

        715. Kulturkommune 2017 (12/27845)

        Sagsfremstilling

        Syddjurs Kommune søger om at blive kulturkommune.

        Indstilling

        Direktionen indstiller, at ansøgningen godkendes.

        Beslutning i Økonomiudvalget den 15-05-2013

        Anbefales.
        """)
    assert doc["meeting"]["kind"] == "agenda"
    assert doc["items"][0]["decision"] is None


def test_inline_dated_decision() -> None:
    item = only_item("""
        Punkt 4: Anlægsbevilling til skole

        Sagsfremstilling

        Der søges om bevilling.

        Økonomiudvalget den 13.03.2018: Anbefales
        """)
    assert item["decision"] == {"text": "Anbefales", "outcome": "recommended", "by": "Økonomiudvalget"}


def test_agenda_item_without_decision_section() -> None:
    item = only_item("""
        Punkt 9: Meddelelser

        Sagsfremstilling

        Formanden orienterede om status.
        """)
    assert item["decision"] is None


def test_decision_before_the_body_stops_at_the_next_heading() -> None:
    found = parse("""
        REFERAT Beskæftigelses- og Integrationsudvalget - 2016-2021 d. 20-02-2018

        Punkt 8: Introduktion til udvalgets arbejdsområde, orientering

        2017/05150

        Beslutning

        Til efterretning.

        Plancherne er vedlagt som Bilag 1 og lagt i First Agenda.

        Gennemgang af sagen

        En større del af udvalgets medlemmer er nyvalgte.

        Punkt 9: Placering af skole, behandling

        2018/01267

        Beslutning

        Anbefales, idet Venstre dog ønsker en anden placering.

        Afbud: Tilde,

        Indstilling

        Social- og Sundhedsforvaltningen indstiller,

        1. at skolen placeres i Gladsaxe.
        """)
    assert [(i["decision"]["text"], i["decision"]["outcome"]) for i in found["items"]] == [
        ("Til efterretning.\nPlancherne er vedlagt som Bilag 1 og lagt i First Agenda.", "noted"),
        ("Anbefales, idet Venstre dog ønsker en anden placering.", "recommended"),
    ]
    assert found["meeting"]["absent"] == ["Tilde"]
    assert found["items"][1]["recommendation"]["points"] == ["at skolen placeres i Gladsaxe."]


@pytest.mark.parametrize(
    ("text", "is_label"),
    [
        ("Økonomiudvalget den 13.03.2018:", True),
        ("Byrådet den 27. marts 2018, pkt. 45:", True),
        ("Udvalget for Klima, Miljø og Natur den 04-12-2012:", True),
        ("Beslutning i Økonomiudvalget den 15-05-2013", True),
        ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2", True),
        # no colon: a running header or the document's title
        ("Økonomiudvalget den 13.03.2018", False),
        # a sentence about a meeting, not a label
        ("Byrådet den 12.03.2018 besluttede at udsætte sagen:", False),
        # not a body that decides
        ("Mødet den 13.03.2018:", False),
        ("Tidsplan den 13.03.2018:", False),
    ],
)
def test_dated_decision_labels(text: str, is_label: bool) -> None:
    assert is_dated_decision_label(text) is is_label


def test_history_lines_give_way_to_the_meetings_own_dated_decision() -> None:
    item = only_item("""
        Referat fra Byrådet, mødet den 27.03.2018

        Punkt 4: Anlægsbevilling til skole

        Der søges om bevilling.

        Økonomiudvalget den 13.03.2018: Anbefales

        Byrådet den 27.03.2018: Godkendt
        """)
    assert item["decision"] == {"text": "Godkendt", "outcome": "approved", "by": "Byrådet"}


FIRSTAGENDA_BYRAAD = """
    Referat Aarhus Byråd den 27. august 2025

    Punkt 2: Svar på forslag fra DD om Havnens Perle

    EMN-2025-003383

    Beslutninger

    Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025.

    BESLUTNINGSFORSLAG FRA DD

    Baggrund:

    Forslaget blev behandlet i byrådet.

    Punkt 5: Revisionspåtegning for 2024

    EMN-2025-008579

    Beslutninger

    Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har vedtaget indstillingen.

    .

    Resume

    Borgmesterens Afdeling har modtaget beretningen.

    Punkt 21: Lukket: Køb af landbrugsejendom

    EMN-2025-007940

    Tilbagesendes Magistratsafdelingen for Teknik og Miljø med bemærkning, at byrådet har vedtaget
    Magistratens foranstående indstilling af 19. august 2025.

    Punkt 22: Lukket: Personalesag

    EMN-2025-007941

    Sagen blev drøftet.

    Punkt 23: Orientering om vejarbejder

    Vejarbejdet er godkendt af politiet.
    """


def test_decision_ends_before_an_empty_field_or_a_title_in_capitals() -> None:
    decisions = {i["number"]: i["decision"] for i in parse(FIRSTAGENDA_BYRAAD)["items"]}
    assert decisions["2"]["text"] == ("Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i "
                                      "byrådets møde den 27. august 2025.")
    assert decisions["5"]["text"] == ("Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har "
                                      "vedtaget indstillingen.")


@pytest.mark.parametrize(
    ("number", "decision"),
    [
        # a closed item printed with its decision only, no heading above it
        pytest.param("21", ("Tilbagesendes Magistratsafdelingen for Teknik og Miljø med bemærkning, at byrådet har "
                            "vedtaget Magistratens foranstående indstilling af 19. august 2025.", "approved"),
                     id="closed-bare-decision"),
        # a closed item whose text states no outcome has no decision
        pytest.param("22", None, id="closed-text-without-outcome"),
        # an open item's unheaded text is its case, not a decision, outcome words or not
        pytest.param("23", None, id="open-item-text"),
    ],
)
def test_closed_item_with_only_a_decision(number: str, decision: tuple[str, str] | None) -> None:
    item = next(i for i in parse(FIRSTAGENDA_BYRAAD)["items"] if i["number"] == number)
    found = item["decision"] and (item["decision"]["text"], item["decision"]["outcome"])
    assert found == decision


SIGNATURE_SHEET = """\
    Punkt 1: Godkendelse af dagsorden
    Beslutning
    Godkendt.
    Punkt 2: Underskriftsark
    Beslutning
    Referatet blev godkendt og underskrevet.
"""


@pytest.mark.parametrize(
    ("title", "has_decision"),
    [
        pytest.param("Underskriftsark", False, id="underskriftsark"),
        pytest.param("Underskriftsblad", False, id="underskriftsblad"),
        pytest.param("Underskrifter", False, id="underskrifter"),
        pytest.param("Godkendelse af referat", True, id="ordinary-item"),
    ],
)
def test_signature_sheet_item_has_no_decision(title: str, has_decision: bool) -> None:
    found = parse(SIGNATURE_SHEET.replace("Underskriftsark", title))["items"]
    assert [i["title"] for i in found] == ["Godkendelse af dagsorden", title]
    assert found[0]["decision"]["outcome"] == "approved"
    assert (found[1]["decision"] is not None) == has_decision


# FirstAgenda's Byråd print sets the item's summary right after its decision: a sentence that
# restates the title in a heading-like phrase and decides nothing is no part of the decision.
SUMMARY_CASES = [
    pytest.param("Afsluttede anlægsregnskaber for Teknik og Miljø",
                 "Tilbagesendes Magistratsafdelingen med bemærkning, at byrådet har vedtaget indstillingen.\n\n"
                 "Indstillingen vedrører anlægsregnskaber for anlægsprojekter afsluttet i 2024.",
                 "Tilbagesendes Magistratsafdelingen med bemærkning, at byrådet har vedtaget indstillingen.",
                 id="indstillingen-vedroerer"),
    pytest.param("Mulighed for skoleskift til Ravnbakkeskolen",
                 "Fremsendes til Børn og Unge-udvalget til behandling. Forslag om udvidelse af retten til "
                 "skoleskift til Ravnbakkeskolen ved åbning af skolen.",
                 "Fremsendes til Børn og Unge-udvalget til behandling.", id="forslag-om-in-the-same-paragraph"),
    pytest.param("Anlægsbevilling til nyt idrætsanlæg i Lisbjerg",
                 "Godkendt. Forvaltningen udarbejder notat.\n\nAnlægsbevilling til etablering af to kunstgræsbaner.",
                 "Godkendt. Forvaltningen udarbejder notat.", id="noun-til-after-two-sentences"),
    # negatives: a follow-up sentence of the decision itself stays
    pytest.param("Lokalplan 1221 for Kattrup", "Godkendt. Udvalget ønsker en status på lokalplanen til næste møde.",
                 "Godkendt. Udvalget ønsker en status på lokalplanen til næste møde.", id="follow-up-with-a-verb"),
    pytest.param("Lokalplan 1221 for Kattrup", "Endelig vedtagelse af lokalplanen blev godkendt.",
                 "Endelig vedtagelse af lokalplanen blev godkendt.", id="only-sentence-stays"),
    pytest.param("Lokalplan 1221 for Kattrup", "Drøftet. Sagen sendes til lokalplanudvalget.",
                 "Drøftet. Sagen sendes til lokalplanudvalget.", id="act-subject-stays"),
    pytest.param("Budget 2026", "Godkendt. Forslag om ny vejplan udarbejdes af forvaltningen.",
                 "Godkendt. Forslag om ny vejplan udarbejdes af forvaltningen.", id="nothing-of-the-title"),
]


@pytest.mark.parametrize(("title", "body", "decision"), SUMMARY_CASES)
def test_item_summary_after_the_decision_is_left_out(title: str, body: str, decision: str) -> None:
    paragraphs = "\n\n".join(body.split("\n\n"))
    document = f"Punkt 1: {title}\nSagsnr.: 2025/001234\n\nBeslutning\n\n{paragraphs}\n"
    found = only_item(document)["decision"]["text"]
    assert " ".join(found.split()) == " ".join(decision.split())


# What follows the last decision but belongs to no item (README known weak spot).
TRAILER_CASES = [
    pytest.param("Næste møde afholdes den 5. maj 2025 kl. 16.00.", "Intet.", id="naeste-moede"),
    pytest.param("Mødet hævet kl. 17.40.", "Intet.", id="moedet-haevet"),
    pytest.param("www.egedal.dk | Tlf. 72 59 00 00", "Intet.", id="site-footer"),
    # negatives: the decision's own second paragraph stays
    pytest.param("Udvalget ønsker en status på næste møde.", "Intet.\nUdvalget ønsker en status på næste møde.",
                 id="mentions-the-next-meeting-in-passing"),
    pytest.param("Se mere på www.egedal.dk/trafik, hvor planen er offentliggjort sammen med de øvrige høringssvar "
                 "og kortmaterialet fra borgermødet i juni.",
                 "Intet.\nSe mere på www.egedal.dk/trafik, hvor planen er offentliggjort sammen med de øvrige "
                 "høringssvar og kortmaterialet fra borgermødet i juni.", id="long-sentence-with-an-address"),
]


@pytest.mark.parametrize(("trailer", "decision"), TRAILER_CASES)
def test_text_after_the_last_decision_that_belongs_to_no_item(trailer: str, decision: str) -> None:
    document = f"Punkt 9: Eventuelt\nSagsnr.: 2025/001235\n\nBeslutning\n\nIntet.\n\n{trailer}\n"
    assert only_item(document)["decision"]["text"] == decision
