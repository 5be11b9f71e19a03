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


@pytest.mark.parametrize(("document", "expected"), CASES)
def test_attachments(document: str, expected: list[tuple[str | None, str]]) -> None:
    attachments = only_item(document)["attachments"]
    assert [(a["number"], a["title"]) for a in attachments] == expected
