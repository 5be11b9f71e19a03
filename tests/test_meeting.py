"""Meeting facts from the header: page titles, participant and absence lists, the place.

Table-driven over small invented headers in the layouts of the corpus and the blind
set's symptoms (issue 10): a page title "<Kommune> – <Udvalg> – Referat – <dato> kl.
08:00 – <sted>" (also as an HTML <title>), "Tilstede"/"Medlemmer" lists without a
colon, a labelled name followed by one name per line, an address block under the
time, and a prose place line ("i Mødecenter C, Lokale 32 på Ballerup Rådhus").
Negatives: a letterhead address, links and part headings under "Fraværende", a
two-part title, a title without a kind word.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from helpers import parse
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_cli import document_to_dict, extract_bytes
from minutes_cli.extract.meeting import _municipality_matches
from minutes_cli.patterns import MUNICIPALITY_RE

ITEM = """
    Punkt 1: Godkendelse af dagsorden
    Sagsnr.: 2023/001234
    Beslutning
    Godkendt.
    """

# (header lines, expected meeting fields; a key left out is not checked)
HEADERS = [
    pytest.param("""\
        Middelfart Kommune – Økonomiudvalget – Referat – 14. marts 2023 kl. 08:00 – Mødelokale 1, Rådhuset
        """,
        {"municipality": "Middelfart Kommune", "committee": "Økonomiudvalget", "kind": "minutes",
         "date": "2023-03-14", "start_time": "08:00", "location": "Mødelokale 1, Rådhuset"},
        id="page-title-en-dash"),
    pytest.param("""\
        Vejle Kommune - Børne- og Familieudvalget - Dagsorden - 3. april 2024 kl. 15:00 - Byrådssalen
        """,
        {"municipality": "Vejle Kommune", "committee": "Børne- og Familieudvalget", "kind": "agenda",
         "date": "2024-04-03", "start_time": "15:00", "location": "Byrådssalen"},
        id="page-title-hyphen-agenda"),
    pytest.param("""\
        Referat
        Sundheds- og Forebyggelsesudvalget
        tirsdag den 4. december 2012, kl. 13:00
        i Mødecenter C, Lokale 32 på Ballerup Rådhus
        Tilstede
        Lolan Ottesen (A) - formand
        Grethe Larsen (A) - næstformand
        Birte Kramhøft (F)
        Afbud/Fraværende
        Per Mortensen (A)
        Sekretær
        Mie Helene Andresen
        """,
        {"committee": "Sundheds- og Forebyggelsesudvalget", "location": "Mødecenter C, Lokale 32 på Ballerup Rådhus",
         "participants": ["Lolan Ottesen", "Grethe Larsen", "Birte Kramhøft"], "absent": ["Per Mortensen"]},
        id="edoc-bare-labels-prose-place-roles"),
    pytest.param("""\
        Referat
        Udvalget for plan, udvikling og kultur
        Torsdag den 20. juni 2013
        Kl. 10:30
        Kaløvig Kursuscenter
        Præstekravevej 46
        8410 Rønde
        Medlemmer
        Jesper Mathiesen (A)
        Ole Bollesen (A)
        Fraværende
        """,
        {"start_time": "10:30", "location": "Kaløvig Kursuscenter, Præstekravevej 46, 8410 Rønde",
         "participants": ["Jesper Mathiesen", "Ole Bollesen"], "absent": []},
        id="acadre-address-block-and-medlemmer"),
    pytest.param("""\
        Referat
        Mødesystemgruppen
        Dato: 6. oktober 2016
        Sted: Rådhuset lokale 233
        Deltagere: Jeppe Kirkegaard
        Tilde Ølholm
        Anne Arndt Nielsen
        Afbud: Mona Olesen
        """,
        {"location": "Rådhuset lokale 233", "participants": ["Jeppe Kirkegaard", "Tilde Ølholm", "Anne Arndt Nielsen"],
         "absent": ["Mona Olesen"]},
        id="sbsys-labelled-name-then-one-per-line"),
    pytest.param("""\
        Referat
        Socialudvalget
        Mødedato: 5. maj 2021 kl. 16:00
        Mødested: Udvalgsværelse 2
        Medlemmer: Anne Hansen (A), Bo Jensen (V), Carl Berg (O)
        Fraværende: Dorte Lund (F)
        """,
        {"location": "Udvalgsværelse 2", "participants": ["Anne Hansen", "Bo Jensen", "Carl Berg"],
         "absent": ["Dorte Lund"]},
        id="comma-separated-lists"),
    pytest.param("""\
        Dagsorden
        Klima- og Miljøudvalget
        Mødedato: 5. marts 2024
        Deltagere
        Michael Bo Jensen (A), Steen Hasselriis (V), Anne-Mette Ravn (SF)
        Fraværende
        Steen Hasselriis (V)
        Hent referat som PDF
        """,
        {"participants": ["Michael Bo Jensen", "Steen Hasselriis", "Anne-Mette Ravn"], "absent": ["Steen Hasselriis"]},
        id="label-then-comma-list-then-a-link"),
    # negatives
    pytest.param("""\
        Notat
        Teknik og Miljø
        Rådhuset
        Stiager 2
        8541 Skødstrup
        """,
        {"location": None}, id="letterhead-address-is-no-place"),
    pytest.param("""\
        Referat
        Økonomiudvalget
        Mødedato: 5. maj 2021
        Fraværende
        Download referat
        Punkter
        """,
        {"absent": []}, id="links-under-fravaerende-are-no-names"),
    pytest.param("""\
        Referat
        Økonomiudvalget - Rådhuset
        Mødedato: 5. maj 2021
        i forbindelse med budgettet
        """,
        {"location": None}, id="two-part-title-and-prose-without-a-place"),
    pytest.param("""\
        Økonomiudvalget - 14. marts 2023 - Rådhuset
        """,
        {"kind": None, "location": None}, id="title-without-a-kind-word"),
    pytest.param("""\
        Lolland Kommune
        Dagsorden af Social- og Sundhedsudvalgets møde den 23-11-2012 kl. 08:30
        """,
        {"committee": "Social- og Sundhedsudvalget", "kind": "agenda", "date": "2012-11-23", "start_time": "08:30"},
        id="agenda-of-a-two-word-committees-meeting"),
    pytest.param("""\
        Referat af Børne- og Skoleudvalgets ordinære møde torsdag den 14. november 2024 kl. 16:30
        """,
        {"committee": "Børne- og Skoleudvalget", "kind": "minutes", "date": "2024-11-14"},
        id="minutes-of-a-committees-ordinary-meeting"),
    pytest.param("""\
        Dagsorden af Kommunalbestyrelsens møde den

        01.10.2015 kl. 15:00
        """,
        {"committee": "Kommunalbestyrelsen", "kind": "agenda"}, id="title-wrapped-after-den"),
    pytest.param("""\
        Favrskov Kommune – Erhvervs- og Turismeudvalget
        Udvalgsværelse 2
        """,
        {"committee": "Erhvervs- og Turismeudvalget", "municipality": "Favrskov Kommune"},
        id="municipality-before-the-committee"),
    pytest.param("""\
        Referat fra mødet i Økonomiudvalget onsdag den 4. marts 2020
        Mødetidspunkt: kl. 15.30
        Afbud fra: Lone Jensen (V)
        """,
        {"committee": "Økonomiudvalget", "kind": "minutes", "date": "2020-03-04", "absent": ["Lone Jensen"]},
        id="minutes-from-the-meeting-in-a-committee"),
    pytest.param("""\
        Dagsorden til mødet i Byrådet den 12. marts 2019
        """,
        {"committee": "Byrådet", "kind": "agenda", "date": "2019-03-12"}, id="agenda-for-the-meeting-in-the-council"),
    pytest.param("""\
        HVIDSTEN SOGNERÅD

        Forhandlingsprotokol

        Mødet den 14. marts 1968 kl. 19.30 på Hvidsten Skole.
        """,
        {"committee": "HVIDSTEN SOGNERÅD", "kind": "minutes", "date": "1968-03-14", "start_time": "19:30"},
        id="an-old-protocol"),
]


def _meeting(header: str) -> dict[str, Any]:
    return dict(parse(textwrap.dedent(header) + textwrap.dedent(ITEM))["meeting"])


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_meeting_header(header: str, expected: dict[str, Any]) -> None:
    meeting = _meeting(header)
    assert {key: meeting[key] for key in expected} == expected


def test_html_title_gives_the_meeting() -> None:
    """An HTML page whose only meeting facts are in its <title> (readers hand it over as aside)."""
    page = textwrap.dedent("""\
        <html><head><title>Middelfart Kommune – Økonomiudvalget – Referat – 14. marts 2023 kl. 08:00 – Mødelokale 1
        </title></head><body>
        <h2>Punkt 1: Godkendelse af dagsorden</h2>
        <p>Sagsnr.: 2023/001234</p>
        <h3>Beslutning</h3><p>Godkendt.</p>
        </body></html>
        """).encode()
    meeting = document_to_dict(extract_bytes(page, "page.html"))["meeting"]
    assert (meeting["municipality"], meeting["committee"], meeting["kind"], meeting["date"], meeting["start_time"],
            meeting["location"]) == ("Middelfart Kommune", "Økonomiudvalget", "minutes", "2023-03-14", "08:00",
                                     "Mødelokale 1")


# --- the municipality search reads only the sentences that name one ------------------------

_MUNICIPALITY_PIECES = ["Gladsaxe", "Kommune", "KOMMUNE", "Region", "Hovedstaden", "Sjælland", ".", " ", "\n", "-",
                        "Ringkøbing-Skjern", "kommune", "Kommunen", "Regionen", "s", "(", "TØNDER", "\u00a0",
                        "a\u030a", "1"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_MUNICIPALITY_PIECES), max_size=12).map("".join))
def test_municipality_search_finds_what_a_full_scan_finds(text: str) -> None:
    assert [m.span() for m in _municipality_matches(text)] == [m.span() for m in MUNICIPALITY_RE.finditer(text)]
