"""Cleanup: characters, Markdown remnants, line-end hyphenation, page furniture, tables of contents."""

from __future__ import annotations

import textwrap
import unicodedata

import pytest
from helpers import items, parse

from minutes_cli.cleanup.characters import TRANSLATION, normalise_characters, strip_markdown
from minutes_cli.cleanup.furniture import remove_furniture
from minutes_cli.cleanup.hyphenation import join_hyphenated
from minutes_cli.cleanup.toc import drop_table_of_contents
from minutes_cli.model import Line

# --- characters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("Mødelokale\u00a02608", "Mødelokale 2608", id="nbsp"),
        pytest.param("38\u202f916\u202f000 kr.", "38 916 000 kr.", id="narrow-nbsp"),
        pytest.param("dæk\u00adnings\u00adområder", "dækningsområder", id="soft-hyphen"),
        pytest.param("Sundheds\u200budvalget", "Sundhedsudvalget", id="zero-width-space"),
        pytest.param("\ufeffReferat", "Referat", id="bom"),
        pytest.param("dæk\ufffe", "dæk-", id="pdfium-line-end-hyphen"),
        pytest.param("Referat\r\nBeslutning", "Referat\nBeslutning", id="crlf"),
        pytest.param("Æ Ø Å æ ø å é – “”", "Æ Ø Å æ ø å é – “”", id="visible-characters-kept"),
        pytest.param("A\u030abent m\u00f8de, Kulturudvalg i Ha\u030ars", "Åbent møde, Kulturudvalg i Hårs",
                     id="combining-ring-composed"),
        pytest.param("Caf\u0065\u0301 Ren\u00e9", "Café René", id="combining-acute-composed"),
    ],
)
def test_normalise_characters(raw: str, clean: str) -> None:
    assert normalise_characters(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("[1: Ansøgning fra Settlementerne](#)", "1: Ansøgning fra Settlementerne", id="link"),
        pytest.param("Se [bilaget](https://example.dk/bilag.pdf) for detaljer", "Se bilaget for detaljer",
                     id="link-in-text"),
        pytest.param("*én sammenhængende ungeindsats*", "én sammenhængende ungeindsats", id="italic"),
        pytest.param("2 * 3 * 4", "2 * 3 * 4", id="stars-in-arithmetic"),
        pytest.param("Dagsordenpunkt**Placering af en skole**", "Dagsordenpunkt\n\nPlacering af en skole\n\n",
                     id="bold-becomes-paragraph-break"),
    ],
)
def test_strip_markdown(raw: str, clean: str) -> None:
    assert strip_markdown(raw) == clean


def test_bold_heading_glued_to_text_becomes_its_own_heading() -> None:
    [item] = items("""
        Punkt 9: Placering af en skole

        **Beslutning**Anbefales.
        """)
    assert item["decision"] is not None
    assert item["decision"]["text"] == "Anbefales."


# --- hyphenation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        pytest.param(["indenfor kommunens dæk-", "ningsområder er der"],
                     ["indenfor kommunens dækningsområder er der"],
                     id="word-split"),
        pytest.param(["der gives anlægs-", "bevilling, og"], ["der gives anlægsbevilling, og"],
                     id="before-comma"),
        pytest.param(["Sundheds-", "og Forebyggelsesudvalget"], ["Sundheds- og Forebyggelsesudvalget"],
                     id="og-keeps-hyphen-and-space"),
        pytest.param(["Børne-", "eller ungeudvalg"], ["Børne- eller ungeudvalg"],
                     id="eller-keeps-hyphen-and-space"),
        pytest.param(["Social-, Sundheds-", "og Beskæftigelse"], ["Social-, Sundheds- og Beskæftigelse"],
                     id="list-of-compounds"),
        pytest.param(["en ny FGU-", "institution i kommunen"], ["en ny FGU-institution i kommunen"],
                     id="abbreviation-keeps-hyphen"),
        pytest.param(["nye IT-", "systemer"], ["nye IT-systemer"], id="it-keeps-hyphen"),
        pytest.param(["Nord-", "Syd forbindelsen"], ["Nord-Syd forbindelsen"], id="capital-keeps-hyphen"),
        pytest.param(["i 2013-", "budgettet"], ["i 2013-budgettet"], id="digit-keeps-hyphen"),
    ],
)
def test_join_hyphenated(lines: list[str], joined: list[str]) -> None:
    assert [line.text for line in join_hyphenated([Line(text) for text in lines])] == joined


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param([Line("kommunens dæk-"), Line("ningsområder", gap_before=True)], id="paragraph-gap"),
        pytest.param([Line("Punkter:"), Line("-"), Line("punkt")], id="lone-dash"),
        pytest.param([Line("over-"), Line(", under")], id="comma-line"),
        pytest.param([Line("Sundheds-"), Line("Beslutning", heading=True)], id="heading-follows"),
    ],
)
def test_not_joined(lines: list[Line]) -> None:
    assert join_hyphenated(lines) == lines


def test_hyphenation_inside_a_document() -> None:
    [item] = items("""
        Punkt 9: Placering af en FGU-institution

        Sagsfremstilling

        Kommunen skal sikre, at alle dæk-
        ningsområder har en FGU-
        institution, og Sundheds-
        og Forebyggelsesudvalget skal høres.
        """)
    assert item["sections"][-1]["text"] == (
        "Kommunen skal sikre, at alle dækningsområder har en FGU-institution, "
        "og Sundheds- og Forebyggelsesudvalget skal høres.")


# --- page furniture -------------------------------------------------------------------------------

RUNNING_BLOCK = """
    Teknik- og Miljøudvalget,

    20.02.2018

    Gladsaxe Kommune
    """


def _gladsaxe_like(cut: str) -> str:
    """Minutes whose export repeats a committee/date/municipality block, once in the middle of a sentence."""
    return f"""
        REFERAT Teknik- og Miljøudvalget d. 20-02-2018

        Punkt 1: Vejbelysning

        2016/05156
        {RUNNING_BLOCK}
        Sagsfremstilling

        {cut}

        Beslutning

        Godkendt.

        Punkt 2: Cykelsti

        2016/05157
        {RUNNING_BLOCK}
        Sagsfremstilling

        Der anlægges en cykelsti.

        Beslutning

        Godkendt.
        """


def test_repeated_block_cutting_a_word_is_removed_and_the_word_mended() -> None:
    doc = parse(_gladsaxe_like(f"""Forvaltningen foreslår, at belysningen udskiftes, så dæk-
        {RUNNING_BLOCK}
        ningsområdet bliver større og energiforbruget falder."""))
    first = doc["items"][0]
    assert first["sections"][-2] == {
        "heading": "Sagsfremstilling",
        "text": "Forvaltningen foreslår, at belysningen udskiftes, så dækningsområdet bliver større og "
                "energiforbruget falder."}
    text = " ".join(s["text"] for i in doc["items"] for s in i["sections"])
    assert "Gladsaxe Kommune" not in text and "20.02.2018" not in text
    assert doc["meeting"]["municipality"] == "Gladsaxe Kommune"


def test_repeated_block_cutting_a_sentence_is_removed_and_the_sentence_mended() -> None:
    doc = parse(_gladsaxe_like(f"""Forvaltningen foreslår, at belysningen udskiftes, så
        {RUNNING_BLOCK}
        dækningsområdet bliver større."""))
    assert doc["items"][0]["sections"][-2]["text"] == (
        "Forvaltningen foreslår, at belysningen udskiftes, så dækningsområdet bliver større.")


def test_repeated_headings_and_decisions_are_kept() -> None:
    doc = parse(_gladsaxe_like("Forvaltningen foreslår ny belysning."))
    assert [i["decision"]["text"] for i in doc["items"]] == ["Godkendt.", "Godkendt."]
    assert [s["heading"] for s in doc["items"][1]["sections"]][-2:] == ["Sagsfremstilling", "Beslutning"]


def test_a_repeated_paragraph_beside_a_running_block_is_not_furniture() -> None:
    # longer than any printed header line: running text, even where it repeats next to one
    paragraph = ("Sagen har ingen økonomiske konsekvenser for kommunen, idet udgiften afholdes inden for "
                 "udvalgets eksisterende budgetramme og de midler, der allerede er afsat til formålet i 2018.")
    assert len(paragraph) > 160
    lines = []
    for _ in range(3):
        lines += [Line("Teknik- og Miljøudvalget,", gap_before=True), Line("20.02.2018", gap_before=True),
                  Line(paragraph, gap_before=True)]
    kept, removed = remove_furniture(lines)
    assert [line.text for line in kept].count(paragraph) == 3
    assert removed.count("20.02.2018") == 3


def _paged(top: int = 2) -> list[Line]:
    """Four pages of 14 lines each: a running header and "Side N" at the top, body text below."""
    lines: list[Line] = []
    for page in range(1, 5):
        lines += [Line("Udvalget for Teknik", page), Line(f"Side {page} af 4", page)][:top]
        lines += [Line(f"Linje {n} af brødteksten på den {page}. side om vejbelysning og cykelstier.", page,
                       gap_before=n == 1) for n in range(1, 12)]
        lines.append(Line("Beslutning", page, gap_before=True))
    return lines


def test_paged_running_header_and_page_numbers_removed() -> None:
    kept, removed = remove_furniture(_paged())
    body = kept[2:]  # the first page's header is the document's own first lines
    assert not any(line.text == "Udvalget for Teknik" or line.text.startswith("Side ") for line in body)
    assert "Side 2 af 4" in removed and "Side 4 af 4" in removed
    assert sum(line.text == "Beslutning" for line in kept) == 4, "a heading repeated on every page is kept"
    assert sum(line.text.startswith("Linje") for line in kept) == 44


def _pages_with(band_lines: dict[int, tuple[str, int]], pages: int = 4) -> list[Line]:
    """`pages` pages of ten body lines; `band_lines` puts a line at a place (0 = first, -1 = last) of a page."""
    lines: list[Line] = []
    for page in range(1, pages + 1):
        body = [Line(f"Linje {n} om vejbelysning på side {page}, med flere ord i sætningen.", page) for n in range(10)]
        if page in band_lines:
            text, place = band_lines[page]
            body.insert(place if place >= 0 else len(body) + 1 + place, Line(text, page))
        lines += body
    return lines


@pytest.mark.parametrize(("band_lines", "removed"), [
    pytest.param({2: ("Administrationen indstiller,", 1), 3: ("Administrationen indstiller,", -2)}, False,
                 id="text-near-page-edges-at-different-places-is-kept"),
    pytest.param({1: ("Jens Hansen", 2), 2: ("Jens Hansen", -3)}, False, id="names-in-a-list-near-edges-are-kept"),
    pytest.param({2: ("Teknisk Udvalg – referat", 0), 3: ("Teknisk Udvalg – referat", 0),
                  4: ("Teknisk Udvalg – referat", 0)}, True, id="a-running-header-keeps-its-place"),
    pytest.param({2: ("www.kommune.dk/dagsorden", -1), 3: ("www.kommune.dk/dagsorden", -1)}, True,
                 id="a-running-footer-keeps-its-place"),
])
def test_a_band_line_is_furniture_only_where_it_keeps_its_place(band_lines: dict[int, tuple[str, int]],
                                                                  removed: bool) -> None:
    text = next(iter(band_lines.values()))[0]
    kept, dropped = remove_furniture(_pages_with(band_lines))
    assert (text in dropped) is removed
    assert sum(line.text == text for line in kept) == (0 if removed else len(band_lines))


def test_bare_page_numbers_removed() -> None:
    topics = ["vejbelysning", "cykelstier", "vandløb"]
    lines = [line for page, topic in enumerate(topics, start=1) for line in
             [Line(f"Afsnit {n} handler om {topic} og lidt om andre ting.", page) for n in "ABCDEFGH"]
             + [Line(str(page), page)]]
    kept, removed = remove_furniture(lines)
    assert removed == ["1", "2", "3"]
    assert len(kept) == 24


def _paged_minutes(case_number: str) -> str:
    """Form-feed paged text: one item per page, each ending with its decision, a running header on top."""
    topics = ["vejbelysning", "cykelstier", "vandløb", "skoler", "plejecentre"]
    pages = []
    for n, topic in enumerate(topics, start=1):
        pages.append(f"""Udvalget for Teknik
Side {n}

Punkt {n}: Sag om {topic}

Sagsnr.: {case_number.format(n)}

Sagsfremstilling

Forvaltningen har udarbejdet et forslag om {topic}.
Forslaget om {topic} er beskrevet i bilaget.
Der er afsat {n}00.000 kr. til {topic} i budgettet.
Udvalget bedes tage stilling til {topic}.

Beslutning

Godkendt.""")
    return "\n\x0c".join(pages)


def test_decision_at_the_foot_of_every_page_is_kept() -> None:
    found = items(_paged_minutes("2016-0515{}"))
    assert [i["decision"] and i["decision"]["text"] for i in found] == ["Godkendt."] * 5


def test_case_number_at_the_top_of_every_page_is_kept() -> None:
    found = items(_paged_minutes("2016/0515{}"))
    assert [i["case_numbers"] for i in found] == [[f"2016/0515{n}"] for n in range(1, 6)]


def test_furniture_free_input_is_untouched() -> None:
    lines = [Line("Punkt 1: Vejbelysning"), Line("Beslutning", gap_before=True), Line("Godkendt.")]
    assert remove_furniture(lines) == (lines, [])


# --- tables of contents ---------------------------------------------------------------------------


def test_table_of_contents_dropped() -> None:
    lines = [
        Line("Indholdsfortegnelse"),
        Line("Meddelelser.....\t3"),
        Line("Placering af en skole til Forberedende"),
        Line("Grunduddannelse, behandling.....8"),
        Line("Projektbevilling – Samtaler med jobeffekt . . . . . 15"),
        Line("Lukket: Meddelelser……30"),
        Line("Punkt 7: Meddelelser", gap_before=True),
        Line("Der er ingen meddelelser..."),
    ]
    assert [line.text for line in drop_table_of_contents(lines)] == ["Punkt 7: Meddelelser",
                                                                      "Der er ingen meddelelser..."]


@pytest.mark.parametrize(("texts", "kept"), [
    pytest.param(["Indholdsfortegnelse", "Dagsordenspunkt 1: Godkendelse af dagsorden 2",
                  "Dagsordenspunkt 2: Affaldstakster 2024 2", "Dagsordenspunkt 3: Renovering af Hestkøbvej 3",
                  "Dagsordenspunkt 1: Godkendelse af dagsorden"], ["Dagsordenspunkt 1: Godkendelse af dagsorden"],
                 id="item-word-entries-with-pages"),
    pytest.param(["Punkt 1. Budget 2", "Punkt 2. Takster 2", "Punkt 3. Eventuelt 4", "Punkt 1. Budget"],
                 ["Punkt 1. Budget"], id="punkt-entries-without-a-heading"),
    pytest.param(["Punkt 1: Lokalplan 123", "Sagsnr.: 23/1", "Punkt 2: Lokalplan 124", "Sagsnr.: 23/2",
                  "Punkt 3: Lokalplan 125"],
                 ["Punkt 1: Lokalplan 123", "Sagsnr.: 23/1", "Punkt 2: Lokalplan 124", "Sagsnr.: 23/2",
                  "Punkt 3: Lokalplan 125"], id="item-headings-ending-in-a-number-are-no-toc"),
])
def test_item_word_entries_of_a_table_of_contents_dropped(texts: list[str], kept: list[str]) -> None:
    assert [line.text for line in drop_table_of_contents([Line(text) for text in texts])] == kept


def test_table_of_contents_titles_do_not_become_items() -> None:
    found = items("""
        REFERAT Beskæftigelses- og Integrationsudvalget d. 20-02-2018

        Indholdsfortegnelse

        Meddelelser.....\t3
        Projektbevilling – Samtaler med jobeffekt, behandling.....\t5

        Punkt 7: Meddelelser

        Der er ingen meddelelser.

        Punkt 8: Projektbevilling – Samtaler med jobeffekt, behandling

        Beslutning

        Godkendt.
        """)
    assert [(i["number"], i["title"]) for i in found] == [
        ("7", "Meddelelser"), ("8", "Projektbevilling – Samtaler med jobeffekt, behandling")]


# --- signature pages ------------------------------------------------------

SIGNATURE_CASES = [
    pytest.param("Punkt 1: Budget\n\nBeslutning\n\nGodkendt.\n\nUnderskriftsblad\n\nJens Hansen\n\nLise Berg\n",
                 "Godkendt.", id="signature-page-after-last-item"),
    pytest.param("Punkt 1: Budget\n\nBeslutning\n\nGodkendt.\n\nUnderskrifter:\n\nJens Hansen\n",
                 "Godkendt.", id="signature-label-with-colon"),
]


@pytest.mark.parametrize(("text", "decision"), SIGNATURE_CASES)
def test_signature_page_is_not_part_of_the_last_item(text: str, decision: str) -> None:
    from minutes_cli import extract_text

    item = extract_text(text).items[-1]
    assert item.decision is not None and item.decision.text == decision
    assert not any("Jens Hansen" in section.text for section in item.sections)


def test_every_whitespace_character_but_line_feed_and_space_is_normalised() -> None:
    # the text reader collapses only runs of plain spaces; every other kind must be gone by then
    whitespace = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert [hex(ord(ch)) for ch in whitespace if ord(ch) not in TRANSLATION] == ["0xa", "0x20"]


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        pytest.param(["Godkendt.", "Region Midtjylland · Skottenborg 26 · 8800 Viborg · Tlf. 7841 0000 · CVR 29190925",
                      "Privatlivspolitik | Tilgængelighedserklæring"], ["Godkendt."], id="address-and-links"),
        pytest.param(["Intet.", "Halsnæs Kommune, Rådhuspladsen 1, 3300 Frederiksværk. Tlf. 47 78 40 00"], ["Intet."],
                     id="address-line"),
        pytest.param(["Godkendt.", "Kontakt forvaltningen på tlf. 70 12 34 56 for spørgsmål.", "Næste møde 5. maj."],
                     ["Godkendt.", "Kontakt forvaltningen på tlf. 70 12 34 56 for spørgsmål.", "Næste møde 5. maj."],
                     id="phone-in-text-before-the-end"),
        pytest.param(["Godkendt."], ["Godkendt."], id="no-footer"),
    ],
)
def test_site_footer_after_the_last_item_is_dropped(tail: list[str], kept: list[str]) -> None:
    from minutes_cli.cleanup.trailer import drop_site_footer

    lines = [Line("Punkt 1: Budget", None, gap_before=True)] + [Line(t, None, gap_before=True) for t in tail]
    remaining, removed = drop_site_footer(lines)
    assert [line.text for line in remaining[1:]] == kept
    assert removed == tail[len(kept):]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        pytest.param("Godkendelse af dagsorden (EMN-2018-", "995389)", "Godkendelse af dagsorden (EMN-2018-995389)",
                     id="case-number-in-a-wrapped-heading"),
        pytest.param("Udvidelse af undervis-", "ningsfaciliteter", "Udvidelse af undervisningsfaciliteter",
                     id="word-in-a-wrapped-heading"),
    ],
)
def test_a_heading_wrapped_onto_a_line_of_its_own_type_is_rejoined(first: str, second: str, joined: str) -> None:
    from minutes_cli.cleanup.hyphenation import join_hyphenated

    lines = [Line(first, 1, heading=True, gap_before=True, size=18.7, level=2),
             Line(second, 1, heading=True, gap_before=True, size=18.7, level=2)]
    assert [line.text for line in join_hyphenated(lines)] == [joined]
    body = [Line(first, 1, heading=True, gap_before=True, size=18.7, level=2),
            Line(second, 1, heading=True, gap_before=True, size=14.7, level=3)]
    assert len(join_hyphenated(body)) == 2, "a heading of another type is the next heading"


def test_a_meeting_header_repeated_through_a_volume_is_not_furniture() -> None:
    header = ["TØNDER KOMMUNE", "Kultur- og Fritidsudvalget", "REFERAT", "Mødedato: Mandag den 9. marts 2020",
              "Mødested: Mødelokale B, Rådhuset"]
    lines = []
    for number in range(4):
        lines += [Line(text, None, gap_before=True) for text in header]
        lines += [Line(f"{number + 1}. Sag nummer {number} om noget andet", None, gap_before=True),
                  Line(f"Teksten i sag {number} er sin egen.", None, gap_before=True)]
    kept, removed = remove_furniture(lines)
    assert removed == [] and kept == lines


def test_minutes_in_decomposed_letters_read_as_composed() -> None:
    text = textwrap.dedent("""\
        Referat
        Teknik- og Miljøudvalget, mødedato 3. maj 2022

        Punkt 1: Åbent punkt: Vejplan for Hårby
        Sagsnr.: 05.01.00-P20-1-22

        Beslutning
        Godkendt, idet udgiften på 2,5 mio. kr. afholdes af rådighedsbeløbet.
        """)
    composed = parse(text)
    decomposed = parse(unicodedata.normalize("NFD", text))
    assert decomposed["items"] == composed["items"] and decomposed["meeting"] == composed["meeting"]
    assert composed["items"][0]["decision"]["outcome"] == "approved"
