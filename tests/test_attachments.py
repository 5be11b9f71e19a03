"""Attachments (bilag) of whole items: numbered, "Bilag N." lines, link lists, eDoc/Acadre document numbers.

Titles lose their "Bilag N." / "N." / document-number prefix, each attachment
is listed once even when the document lists it twice, and what follows a
numbered list (signatures) is not an attachment.
"""

from __future__ import annotations

import pytest
from helpers import only_item

CASES = [
    # seed layouts
    pytest.param("""
        Punkt 8: Introduktion til udvalgets arbejdsområde

        2017/05150

        Bilag

        Bilag 1. Præsentation, BIU – 2. del

        Bilag 2: Oversigt over politikker

        Beslutning

        Til efterretning.
        """,
        [("1", "Præsentation, BIU – 2. del"), ("2", "Oversigt over politikker")],
        id="seed-bilag-n-lines"),
    pytest.param("""
        10. Projekt Bedre Serviceveje (2009-66012)

        Settlementerne har ansøgt om støtte.

        BILAG

        1. Ansøgning fra Settlementerne med partnerskabserklæring.
        2. Budget for projektet

        Morten Binder

        / Kaj Ove Christiansen

        bilag

        [1: Ansøgning fra Settlementerne med partnerskabserklæring.](#)
        [2: Budget for projektet](#)
        """,
        [("1", "Ansøgning fra Settlementerne med partnerskabserklæring."), ("2", "Budget for projektet")],
        id="seed-numbered-list-signatures-then-links"),
    pytest.param("""
        Punkt 3: Budget

        Sagsfremstilling

        Budgettet fremlægges.

        BILAG

        1. Budgetnotat 2019
        2. Tidsplan
        Morten Binder
        / Kaj Ove Christiansen
        """,
        [("1", "Budgetnotat 2019"), ("2", "Tidsplan")],
        id="seed-signature-right-after-list"),
    pytest.param("""
        Punkt 3: Budget

        Bilag

        1. Budgetnotat 2019.

        [1: Budgetnotat 2019](#)
        """,
        [("1", "Budgetnotat 2019.")],
        id="seed-duplicate-differs-by-full-stop"),
    # corpus layouts
    pytest.param("""
        Punkt 3: Budget

        Sagsfremstilling

        Budgettet fremlægges.

        Bilag

        [1: Budgetnotat 2019](#)
        [2: Tidsplan](#)
        [1: Budgetnotat 2019](#)
        """,
        [("1", "Budgetnotat 2019"), ("2", "Tidsplan")],
        id="link-lines-de-duplicated"),
    pytest.param("""
        Punkt 1: Meddelelser

        Sagsnr.: 2012-28504

        Bilag

        2012-200782 - Referat fra dialogmøde med Ældrerådet
        2012-208960 - Notat om status på
        sundhedsaftalen

        Beslutning

        Taget til efterretning.
        """,
        [(None, "Referat fra dialogmøde med Ældrerådet"), (None, "Notat om status på sundhedsaftalen")],
        id="edoc-document-numbers"),
    pytest.param("""
        Punkt 4: Lokalplan

        Bilag

        222359/12 Opsamlingsnotat fra temamøde
        222360/12 Tidsplan
        """,
        [(None, "Opsamlingsnotat fra temamøde"), (None, "Tidsplan")],
        id="acadre-document-numbers"),
    pytest.param("""
        Punkt 4: Lokalplan

        Bilag

        • Lokalplanforslag nr. 412
        • Miljøscreening
        """,
        [(None, "Lokalplanforslag nr. 412"), (None, "Miljøscreening")],
        id="bullets"),
    pytest.param("""
        Punkt 3: Budget

        Bilag

        Budgetnotat
        Tidsplan for budgetlægningen
        """,
        [(None, "Budgetnotat"), (None, "Tidsplan for budgetlægningen")],
        id="plain-lines"),
    # invented negatives
    pytest.param("""
        Punkt 3: Budget

        Sagsfremstilling

        Budgettet fremlægges.

        Bilag

        Ingen
        """,
        [], id="ingen-bilag"),
    pytest.param("""
        Punkt 3: Budget

        Sagsfremstilling

        Plancherne er vedlagt som Bilag 1 og lagt i First Agenda.

        Beslutning

        Godkendt.
        """,
        [], id="bilag-mentioned-in-body-text"),
]


# Issue 10's blind-set symptoms as a class: a "Bilag N" prefix goes whether a separator
# follows or not, a number that is part of the title stays, prose under the heading is no title.
PREFIX_CASES = [
    pytest.param("Bilag 1 Lokalplan 1234 - høringssvar\nBilag 2a. Kort over området",
                 [("1", "Lokalplan 1234 - høringssvar"), ("2a", "Kort over området")], id="bilag-n-space-and-2a"),
    pytest.param("Bilag 3 2. udkast af aftalen", [("3", "2. udkast af aftalen")], id="bilag-n-then-ordinal"),
    pytest.param("1. Notat om økonomi\n2. 2. udkast af samarbejdsaftale",
                 [("1", "Notat om økonomi"), ("2", "2. udkast af samarbejdsaftale")], id="list-number-then-ordinal"),
    pytest.param("2. udkast af samarbejdsaftale\nNotat om økonomi",
                 [(None, "2. udkast af samarbejdsaftale"), (None, "Notat om økonomi")], id="ordinal-opens-the-title"),
    pytest.param("3. behandling af lokalplan", [(None, "3. behandling af lokalplan")], id="ordinal-behandling"),
    # the whole line is the title: nothing but a parenthesis, or lower case, follows "Bilag N"
    pytest.param("Bilag 1A (opdateret 11.08.2025)\nBilag 2 til notat: Busbane",
                 [(None, "Bilag 1A (opdateret 11.08.2025)"), (None, "Bilag 2 til notat: Busbane")],
                 id="bilag-n-is-the-title"),
    pytest.param("Forvaltningen har vedlagt et notat om økonomien, som beskriver de samlede udgifter til projektet "
                 "i perioden 2025-2028. Notatet er udarbejdet i samarbejde med Økonomi.\n\nNotat om økonomi",
                 [(None, "Notat om økonomi")], id="prose-paragraph-is-no-title"),
    pytest.param("Bilagene beskriver, hvordan de foreslåede ændringer vil påvirke trafikken i området omkring "
                 "skolen og de tilstødende boligveje i de kommende år.\n\n1. Trafiknotat\n2. Kort",
                 [("1", "Trafiknotat"), ("2", "Kort")], id="long-sentence-is-no-title"),
    pytest.param("Grafisk fremstilling af status over implementering af FA II.",
                 [(None, "Grafisk fremstilling af status over implementering af FA II.")],
                 id="title-ending-in-a-full-stop"),
    pytest.param("1. Regnskab for vintertjeneste 2019/20; 2. Oversigt over vejbudgettet",
                 [("1", "Regnskab for vintertjeneste 2019/20"), ("2", "Oversigt over vejbudgettet")],
                 id="numbered-on-one-line-with-semicolons"),
    pytest.param("1. Notat om budget; tillæg og rettelser", [("1", "Notat om budget; tillæg og rettelser")],
                 id="a-semicolon-inside-one-title"),
    pytest.param("Geosager på forkert ejendom.msg\n\ngeosager der er tilknyttet en forkert ejendom.docx",
                 [(None, "Geosager på forkert ejendom.msg"),
                  (None, "geosager der er tilknyttet en forkert ejendom.docx")],
                 id="lower-case-title-standing-apart"),
    pytest.param("Notat om budgettet for\nskoleområdet 2024", [(None, "Notat om budgettet for skoleområdet 2024")],
                 id="lower-case-line-wrapping-a-title"),
    pytest.param("Notat om budgettet 123456/19\nBudgetoversigt 2024/25",
                 [(None, "Notat om budgettet"), (None, "Budgetoversigt 2024/25")],
                 id="document-number-goes-a-season-stays"),
]


@pytest.mark.parametrize(("body", "expected"), PREFIX_CASES)
def test_attachment_titles(body: str, expected: list[tuple[str | None, str]]) -> None:
    document = "Punkt 1: Test\nSagsnr.: 2025/001234\nSagsfremstilling\nTekst her.\n\nBilag\n\n" + body + "\n"
    assert [(a["number"], a["title"]) for a in only_item(document)["attachments"]] == expected


@pytest.mark.parametrize(("document", "expected"), CASES)
def test_attachments(document: str, expected: list[tuple[str | None, str]]) -> None:
    attachments = only_item(document)["attachments"]
    assert [(a["number"], a["title"]) for a in attachments] == expected
