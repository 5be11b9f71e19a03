"""Readers: format detection, text decoding, PDFs built inside the test, HTML structure."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from helpers import FIXTURE_DOCUMENTS, FIXTURES, schema_errors
from pdf_factory import LEFT_MARGIN, Text, make_pdf, page_of_lines

from minutes_cli import document_to_dict, extract_bytes
from minutes_cli.errors import EmptyInput, MinutesError, UnreadableDocument, UnsupportedFormat
from minutes_cli.readers import detect_format, read
from minutes_cli.readers.html_reader import read_html
from minutes_cli.readers.options import OcrMode, ReadOptions
from minutes_cli.readers.text_reader import read_text, text_to_lines

# --- format detection -----------------------------------------------------------------------------

MINIMAL_PDF = make_pdf([page_of_lines(["Punkt 1: Vejbelysning"])])


@pytest.mark.parametrize(
    ("data", "path", "fmt"),
    [
        pytest.param(MINIMAL_PDF, "referat.pdf", "pdf", id="pdf"),
        pytest.param(MINIMAL_PDF, "1552814.PDF", "pdf", id="pdf-upper-case-suffix"),
        pytest.param(MINIMAL_PDF, "download", "pdf", id="pdf-without-suffix"),
        pytest.param(b"\xef\xbb\xbf" + MINIMAL_PDF, "referat.pdf", "pdf", id="pdf-after-bom"),
        pytest.param(b"<!DOCTYPE html><html><body><p>Referat</p></body></html>", "referat.html", "html",
                     id="html"),
        pytest.param(b"<html><body><p>Referat</p></body></html>", "referat.txt", "html", id="html-named-txt"),
        pytest.param(b"  \n<!doctype html>\n<html lang='da'>", "side", "html", id="html-leading-space"),
        pytest.param(b"<p>Punkt 1: Vejbelysning</p>", "referat.htm", "html", id="html-fragment-htm"),
        pytest.param(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
                     "x.html",
                     "html", id="xhtml"),
        pytest.param(b"Referat\n\nPunkt 1: Vejbelysning\n", "referat.txt", "text", id="text"),
        pytest.param("Referat – Mødelokale 2608".encode("cp1252"), "referat.txt", "text", id="text-cp1252"),
        pytest.param(b"Punkt 1 < Punkt 2", "noter.md", "text", id="text-with-angle-bracket"),
        # scans, read by OCR: detected by content, whatever the name says
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "scan.png", "image", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0" + b"\x00" * 40, "scan.jpg", "image", id="jpeg"),
        pytest.param(b"II*\x00" + b"\x00" * 40, "referat-1998.tif", "image", id="tiff-little-endian"),
        pytest.param(b"MM\x00*" + b"\x00" * 40, "referat-1998", "image", id="tiff-big-endian-no-suffix"),
        pytest.param(b"II*\x00" + b"\x00" * 40, "referat.pdf", "image", id="tiff-named-pdf"),
        # tags whose bytes alternate with NULs, as UTF-16 text does: the signature of the raw bytes decides
        pytest.param(b"II*\x00" + b"A\x00" * 200, "scan.tif", "image", id="tiff-with-utf16-like-bytes"),
    ],
)
def test_detect_format(data: bytes, path: str, fmt: str) -> None:
    assert detect_format(data, path) == fmt


@pytest.mark.parametrize(
    ("data", "path", "error"),
    [
        pytest.param(b'<?xml version="1.0" encoding="utf-8"?><Publication><Item/></Publication>', "p.xml",
                     UnsupportedFormat, id="xml-export"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 40, "bilag.docx", UnreadableDocument,
                     id="damaged-zip"),
        pytest.param(b"GIF89a" + b"\x00" * 40, "logo.gif", UnsupportedFormat, id="gif"),
        pytest.param(bytes(range(256)) * 4, "data.bin", UnsupportedFormat, id="binary"),
        pytest.param(b"", "tom.txt", EmptyInput, id="empty"),
        pytest.param(b" \n\t\r\n", "tom.txt", EmptyInput, id="whitespace-only"),
        pytest.param(b"Referat\n\nPunkt 1: Vejbelysning", "referat.pdf", UnsupportedFormat,
                     id="pdf-suffix-but-text"),
        pytest.param(bytes(range(1, 256)) * 4, "data.bin", UnsupportedFormat, id="binary-without-nul-bytes"),
    ],
)
def test_detect_format_refuses(data: bytes, path: str, error: type[MinutesError]) -> None:
    with pytest.raises(error) as raised:
        detect_format(data, path)
    assert path in str(raised.value), "the message names the file"


# --- text -----------------------------------------------------------------------------------------


def test_cp1252_text_decodes_with_an_encoding_warning() -> None:
    data = "Referat\n\nMødested: Mødelokale 2 på Rådhuset\n\nPunkt 1: Vejbelysning\n".encode("cp1252")
    doc = document_to_dict(extract_bytes(data, "gammel.txt"))
    assert doc["meeting"]["location"] == "Mødelokale 2 på Rådhuset"
    assert [w["code"] for w in doc["warnings"]] == ["encoding"]
    assert "gammel.txt" in doc["warnings"][0]["message"]


def test_utf8_with_bom_reads_without_warning() -> None:
    raw = read_text("\ufeffReferat\n\nPunkt 1: Vejbelysning\n".encode(), "bom.txt")
    assert raw.warnings == ()
    assert raw.lines[0].text == "Referat"


def test_blank_lines_start_paragraphs() -> None:
    raw = read_text(b"Beslutning\nGodkendt.\n\n\nFravaerende: ingen\n", "x.txt")
    assert [(line.text, line.gap_before) for line in raw.lines] == [
        ("Beslutning", True), ("Godkendt.", False), ("Fravaerende: ingen", True)]


@pytest.mark.parametrize(
    ("raw_line", "expected"),
    [
        ("  Sagsnr.:   2016/05156  ", "Sagsnr.: 2016/05156"),
        ("Bilag 1\t", "Bilag 1"),  # a tab at the end separates no cells
        ("Udgift\u2003400.000 kr.", "Udgift 400.000 kr."),  # em space
        ("Punkt\x1f3", "Punkt 3"),  # a control character str.split counts as space
        ("Godkendt.", "Godkendt."),
    ],
)
def test_text_lines_collapse_every_kind_of_inner_space(raw_line: str, expected: str) -> None:
    raw = read_text(f"{raw_line}\nnæste linje\n".encode(), "x.txt")
    assert raw.lines[0].text == expected


def test_text_has_no_pages_even_with_form_feeds() -> None:
    data = "Punkt 1: Vejbelysning\n\nBeslutning\n\nGodkendt.\n\x0cPunkt 2: Cykelsti\n\nBeslutning\n\nUdsat.\n"
    doc = document_to_dict(extract_bytes(data.encode(), "x.txt"))
    assert doc["source"]["pages"] is None
    assert [i["pages"] for i in doc["items"]] == [None, None]


# --- PDF ------------------------------------------------------------------------------------------

RUNNING_HEADER = "Udvalget for Teknik / Side {}"

MINUTES_PAGES: list[list[Any]] = [
    [("**", "REFERAT"), None, "Udvalget for Teknik", "Mødedato: 20. februar 2018 kl. 16:30",
     "Mødested: Rådhuset, mødelokale 2", None,
     ("**", "Punkt 1: Vejbelysning"), None, "Sagsnr.: 2016-05156", None, ("**", "Sagsfremstilling"),
     "Forvaltningen foreslår, at belysningen på de kommunale veje udskiftes, så dæk-",
     "ningsområdet bliver større og energiforbruget falder med omkring en tredjedel.",
     "Udskiftningen sker i etaper over de kommende tre år, begyndende med de veje,",
     "hvor lamperne er ældst og driftsudgifterne størst. Borgerne på de berørte",
     "strækninger får besked, inden arbejdet går i gang, og der tages hensyn til",
     "skoleveje og busstoppesteder, så trafiksikkerheden ikke forringes undervejs."],
    ["De gamle armaturer bortskaffes efter gældende regler, og entreprenøren skal",
     "dokumentere, at det sker korrekt. Forvaltningen følger op på arbejdet og",
     "orienterer udvalget, når første etape er afsluttet.", None, ("**", "Økonomi"),
     "Udgiften er anslået til 2,5 mio. kr., som finansieres af anlægspuljen.", None,
     ("**", "Beslutning"), "Godkendt.", None,
     ("**", "Punkt 2: Cykelsti langs Søvej"), None, "Sagsnr.: 2016-05157", None, ("**", "Sagsfremstilling"),
     "Der anlægges en dobbeltrettet cykelsti langs Søvej mellem skolen og stationen.",
     "Cykelstien bliver tre meter bred og adskilles fra kørebanen med en kantsten."],
    ["Stien skal give skolebørn en sikker vej til og fra skole, og den forventes",
     "også at blive brugt af pendlere, der cykler til stationen om morgenen.",
     "Anlægget kan gå i gang til foråret, når vejret tillader det.", None,
     ("**", "Beslutning"), "Anbefales."],
]


@pytest.fixture(scope="module")
def minutes_pdf() -> bytes:
    """Three pages of minutes, a running header on each, an item crossing each page break."""
    return make_pdf([page_of_lines(lines, header=RUNNING_HEADER.format(n))
                     for n, lines in enumerate(MINUTES_PAGES, start=1)])


@pytest.fixture(scope="module")
def minutes_doc(minutes_pdf: bytes) -> dict[str, Any]:
    return document_to_dict(extract_bytes(minutes_pdf, "referat.pdf"))


def _all_item_text(doc: dict[str, Any]) -> str:
    sections = [s for i in doc["items"] for s in i["sections"]]
    return "\n".join([i["title"] for i in doc["items"]] + [s["text"] for s in sections]
                     + [s["heading"] or "" for s in sections])


def test_pdf_source_and_schema(minutes_pdf: bytes, minutes_doc: dict[str, Any]) -> None:
    assert minutes_doc["source"] == {"path": "referat.pdf", "format": "pdf",
                                     "sha256": hashlib.sha256(minutes_pdf).hexdigest(), "pages": 3,
                                     "part": None, "ocr_pages": []}
    assert schema_errors(minutes_doc) == []
    assert minutes_doc["warnings"] == []


def test_pdf_items_know_their_pages(minutes_doc: dict[str, Any]) -> None:
    assert [(i["number"], i["title"], i["pages"]) for i in minutes_doc["items"]] == [
        ("1", "Vejbelysning", [1, 2]), ("2", "Cykelsti langs Søvej", [2, 3])]


def test_pdf_fields(minutes_doc: dict[str, Any]) -> None:
    first, second = minutes_doc["items"]
    assert first["case_numbers"] == ["2016-05156"]
    assert (first["decision"]["text"], first["decision"]["outcome"]) == ("Godkendt.", "approved")
    assert (second["decision"]["text"], second["decision"]["outcome"]) == ("Anbefales.", "recommended")
    assert [(a["text"], a["value"], a["section"]) for a in first["amounts"]] == [("2,5 mio. kr.", 2_500_000,
                                                                                  "Økonomi")]
    meeting = minutes_doc["meeting"]
    assert (meeting["kind"], meeting["date"], meeting["start_time"]) == ("minutes", "2018-02-20", "16:30")


def test_pdf_running_header_not_in_items(minutes_doc: dict[str, Any]) -> None:
    text = _all_item_text(minutes_doc)
    assert "Side 2" not in text and "Side 3" not in text and "/ Side" not in text


def test_pdf_paragraph_continues_across_the_page_break(minutes_doc: dict[str, Any]) -> None:
    second = minutes_doc["items"][1]
    body = next(s["text"] for s in second["sections"] if s["heading"] == "Sagsfremstilling")
    assert "kantsten." in body and "Stien skal give skolebørn" in body


def test_pdf_running_header_not_in_meeting(minutes_doc: dict[str, Any]) -> None:
    assert minutes_doc["meeting"]["committee"] == "Udvalget for Teknik"


def test_pdf_hyphenation_joined(minutes_doc: dict[str, Any]) -> None:
    assert "så dækningsområdet bliver større" in _all_item_text(minutes_doc)


def test_pdf_page_without_text_is_a_warning_without_ocr() -> None:
    text_page = page_of_lines(["Punkt 1: Vejbelysning", None, "Beslutning", "Godkendt.", None,
                               "Punkt 2: Cykelsti", None, "Beslutning", "Anbefales."])
    doc = document_to_dict(extract_bytes(make_pdf([text_page, []]), "scannet.pdf", options=ReadOptions(ocr="never")))
    assert doc["source"]["pages"] == 2
    assert [(w["code"], w["page"]) for w in doc["warnings"]] == [("no-text-layer", 2)]
    assert [i["number"] for i in doc["items"]] == ["1", "2"]
    assert schema_errors(doc) == []


@pytest.mark.parametrize("ocr", ["never", "auto"])
def test_pdf_without_any_text_is_empty_input(ocr: OcrMode) -> None:
    with pytest.raises(EmptyInput, match="scan.pdf"):  # blank pages: OCR (when on) finds nothing either
        extract_bytes(make_pdf([[], []]), "scan.pdf", options=ReadOptions(ocr=ocr))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\n" + bytes(range(256)) * 4, id="garbage-after-header"),
        pytest.param(MINIMAL_PDF[: len(MINIMAL_PDF) // 3], id="truncated"),
        pytest.param(b"%PDF-1.7\n", id="header-only"),
    ],
)
def test_corrupt_pdf_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableDocument, match="beskadiget.pdf"):
        extract_bytes(data, "beskadiget.pdf")


# --- HTML -----------------------------------------------------------------------------------------

HTML_MINUTES = """<!DOCTYPE html>
<html lang="da"><head><meta charset="windows-1252"><title>Referat</title>
<style>.punkt { color: red }</style>
<script>var punkt = "Punkt 99: Fra et script";</script></head>
<body>
<nav><a href="/">Forside</a> <a href="/moeder">Møder og referater</a></nav>
<div class="cookie-banner">Vi bruger cookies til statistik</div>
<h1>Referat – Teknik- og Miljøudvalget</h1>
<p>Mødedato: 20. februar 2018 kl. 16:30</p>
<h2>Punkt 1: Vejbelysning</h2>
<h3>Sagsfremstilling</h3><p>Forvaltningen foreslår ny belysning på de kommunale veje.</p>
<h3>Bilag</h3><ul><li>Kort over vejene</li><li>Tidsplan</li></ul>
<h3>Beslutning</h3><p>Godkendt.</p>
<h2>Punkt 2: Cykelsti</h2>
<h3>Beslutning</h3><p>Udsat.</p>
<footer>Kontakt kommunen på 12 34 56 78</footer>
</body></html>
""".encode("cp1252")


def test_html_drops_scripts_styles_navigation_and_banners() -> None:
    texts = [line.text for line in read_html(HTML_MINUTES, "referat.html").lines]
    joined = "\n".join(texts)
    for chrome in ("Fra et script", "color: red", "Forside", "Møder og referater", "cookies"):
        assert chrome not in joined
    assert texts[0] == "Referat – Teknik- og Miljøudvalget", "the declared charset is honoured"


def test_html_marks_headings_and_list_entries() -> None:
    lines = read_html(HTML_MINUTES, "referat.html").lines
    headings = [line.text for line in lines if line.heading]
    assert headings == ["Referat – Teknik- og Miljøudvalget", "Punkt 1: Vejbelysning", "Sagsfremstilling",
                        "Bilag",
                        "Beslutning", "Punkt 2: Cykelsti", "Beslutning"]
    assert "• Kort over vejene" in [line.text for line in lines]


def test_html_document() -> None:
    doc = document_to_dict(extract_bytes(HTML_MINUTES, "referat.html"))
    assert schema_errors(doc) == []
    assert doc["source"]["format"] == "html" and doc["source"]["pages"] is None
    assert doc["meeting"]["committee"] == "Teknik- og Miljøudvalget"
    assert doc["meeting"]["date"] == "2018-02-20"
    first = doc["items"][0]
    assert (first["number"], first["title"], first["pages"]) == ("1", "Vejbelysning", None)
    assert [a["title"] for a in first["attachments"]] == ["Kort over vejene", "Tidsplan"]
    assert first["decision"]["text"] == "Godkendt."


def test_html_page_footer_is_not_part_of_the_last_decision() -> None:
    doc = document_to_dict(extract_bytes(HTML_MINUTES, "referat.html"))
    assert doc["items"][1]["decision"] == {"text": "Udsat.", "outcome": "postponed", "by": None}


FIRSTAGENDA_PAGE = """<html><body>
<table><tbody>
<tr><td>Udvalg:</td><td>Teknisk Udvalg</td></tr>
<tr><td>Mødedato:</td><td>onsdag den 1. oktober 2025 kl. 15.45</td></tr>
<tr><td>Mødedeltagere:</td><td class="deltagere"></td></tr>
</tbody></table>
<table class="dagsorden"><thead><tr><th>Punkt</th><th>Titel</th></tr></thead>
<tbody><tr class="punktrow"><td><span class="label">1</span></td><td><h2 class="overskrift">Vejbelysning</h2>
<div class="details"><span class="sagsnummer">EMN-2025-010561</span><h3>Beslutninger</h3><div>Godkendt.</div></div>
</td></tr></tbody></table></body></html>""".encode()


def test_the_column_headers_of_a_known_item_table_are_no_text() -> None:
    # "Punkt | Titel" labels the listing; after an empty "Mødedeltagere:" it was read as a participant
    assert "Punkt Titel" not in [line.text for line in read_html(FIRSTAGENDA_PAGE, "x.html").lines]
    doc = document_to_dict(extract_bytes(FIRSTAGENDA_PAGE, "x.html"))
    assert doc["meeting"]["participants"] == []
    assert [(i["number"], i["title"], i["case_numbers"]) for i in doc["items"]] == [
        ("1", "Vejbelysning", ["EMN-2025-010561"])]


def test_html_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInput, match="tom.html"):
        extract_bytes(b"<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body></html>",
                      "tom.html")


@pytest.mark.parametrize("name", [p.name for p in FIXTURE_DOCUMENTS])
def test_every_reader_gives_stripped_collapsed_lines(name: str) -> None:
    # later stages rely on it (model.Line): no spaces at the ends, no runs of spaces, no empty lines
    path = FIXTURES / name
    data = path.read_bytes()
    for line in read(data, str(path)).lines:
        assert line.text and line.text == " ".join(line.text.split()), (name, line.text)


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        pytest.param("Dato\tSted\n1. maj\tRådhuset", [("Dato", (0, 0, 0)), ("Sted", (0, 0, 1)),
                                                       ("1. maj", (0, 1, 0)), ("Rådhuset", (0, 1, 1))],
                     id="facts-table"),
        pytest.param("År\tBehandling\n\n2015\tPåbegyndt.\nProsa\n2016\tSlut",
                     [("År", (0, 0, 0)), ("Behandling", (0, 0, 1)), ("2015", (0, 1, 0)), ("Påbegyndt.", (0, 1, 1)),
                      ("Prosa", None), ("2016", (1, 0, 0)), ("Slut", (1, 0, 1))], id="prose-ends-table"),
        pytest.param("Bilag\t1\tBudget", [("Bilag", (0, 0, 0)), ("1", (0, 0, 1)), ("Budget", (0, 0, 2))],
                     id="one-row"),
    ],
)
def test_text_tab_rows_become_cells(text: str, cells: list[tuple[str, tuple[int, int, int] | None]]) -> None:
    lines = text_to_lines(text)
    assert [(line.text, line.cell) for line in lines] == cells
    # a row is one paragraph: its first cell opens it, the others follow without a gap
    assert [line.gap_before for line in lines if line.cell and line.cell[2] > 0] == [False] * sum(
        1 for line in lines if line.cell and line.cell[2] > 0)


def test_text_item_table_rows_state_items() -> None:
    lines = text_to_lines("Nr.\tTitel\tSagsnr.\n\n1\tBudget\t2023-35921\n\nTekst om budget.\n\n"
                          "År\tBehandling\n2015\tPåbegyndt.\n\n2\tLukket: Klagesag\t\n\n3\tVejplan\t2023-4")
    stated = [(line.text, line.item, line.case) for line in lines if line.item is not None]
    assert stated == [("Budget", "1", "2023-35921"), ("Lukket: Klagesag", "2", None), ("Vejplan", "3", "2023-4")]
    assert not any(line.text.startswith("Nr.") for line in lines)


@pytest.mark.parametrize(("runs", "bold"), [
    pytest.param([("Beslutning:", True, 0), ("Godkendt.", False, 68)], False, id="bold-label-then-plain-text"),
    pytest.param([("Beslutning:", True, 0), ("Godkendt.", True, 68)], True, id="all-bold"),
    pytest.param([("Beslutning:", False, 0), ("Godkendt.", True, 68)], False, id="plain-then-bold"),
    pytest.param([("Beslutning", True, 0)], True, id="one-bold-word"),
])
def test_a_pdf_line_is_bold_from_end_to_end(runs: list[tuple[str, bool, float]], bold: bool) -> None:
    page = [Text(LEFT_MARGIN + dx, 700, text, bold=is_bold) for text, is_bold, dx in runs]
    page.append(Text(LEFT_MARGIN, 600, "Almindelig brødtekst om vejbelysning i kommunen."))
    (line, _body) = read(make_pdf([page]), "x.pdf").lines
    assert line.text == " ".join(text for text, _, _ in runs)
    assert (line.bold, line.heading) == (bold, bold)
