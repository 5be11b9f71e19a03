"""OCR of scans: line structure from word boxes, honesty warnings, options, and scanned twins of our fixtures.

A scanned twin (scan_factory.py) is a born-digital fixture rasterised, skewed
and noised, as an image-only PDF and as a multi-page TIFF: its answer is the
fixture's own gold. The twins here are small (two or three pages at 150-200
dpi) so the suite stays fast; benchmarks/ocr_twins.py runs the full check over
the corpus. Tests that need Tesseract skip when tesserocr is not installed,
except in CI (CI=true), where a missing OCR install is a failure.
"""

from __future__ import annotations

import io
import json
import os
import random
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from helpers import FIXTURES, schema_errors
from pdf_factory import make_pdf, page_of_lines
from PIL import Image, ImageChops
from scan_factory import Twin, image_pdf, make_twin, multipage_tiff, scan_pages
from typer.testing import CliRunner

from minutes_cli import document_to_dict, extract_bytes
from minutes_cli.cli import app
from minutes_cli.errors import EmptyInput, OcrUnavailable, UnsupportedFormat
from minutes_cli.evaluation import score
from minutes_cli.model import Line
from minutes_cli.readers import ocr
from minutes_cli.readers.ocr import OCR_CONFIDENCE_FLOOR, OcrPage, _RawLine, _Word, build_lines, page_warnings
from minutes_cli.readers.options import ReadOptions

# --- line structure from word boxes (no Tesseract needed) -----------------------------------------

DPI = 200
# Body text of 11 pt at 200 dpi: Tesseract's row height is about 0.70 of the font size.
BODY_ROW = 11 / ocr.POINTS_PER_ROW_POINT * DPI / 72
PITCH = 40  # pixels from baseline to baseline in a paragraph


def _raw(text: str, bottom: int, row: float = BODY_ROW, new_block: bool = False) -> _RawLine:
    words = tuple(_Word(word, 95.0, (100 + 60 * i, bottom - 30, 150 + 60 * i, bottom))
                  for i, word in enumerate(text.split()))
    return _RawLine(words, (100, bottom - 30, 100 + 60 * len(words), bottom), row, new_block)


def _lines(*specs: tuple[str, int] | tuple[str, int, float]) -> list[Any]:
    return list(build_lines([_raw(*spec) for spec in specs], 3, DPI))


def test_lines_carry_page_and_size_in_points() -> None:
    (line,) = _lines(("Beslutning", 200))
    assert line.page == 3 and line.size == pytest.approx(11, abs=0.1)


@pytest.mark.parametrize(
    ("bottoms", "gaps"),
    [
        pytest.param([200, 240, 280], [True, False, False], id="one-paragraph"),
        pytest.param([200, 240, 320, 360], [True, False, True, False], id="blank-line-between-paragraphs"),
        pytest.param([200, 240, 280, 150], [True, False, False, True], id="next-column-starts-higher"),
        pytest.param([200, 251, 291], [True, False, False], id="slightly-loose-pitch"),
    ],
)
def test_paragraphs_by_vertical_gaps(bottoms: list[int], gaps: list[bool]) -> None:
    lines = _lines(*[(f"Linje nummer {i} med tekst", b) for i, b in enumerate(bottoms)])
    assert [line.gap_before for line in lines] == gaps


@pytest.mark.parametrize(
    ("specs", "headings"),
    [
        pytest.param([("Sagsfremstilling", 200, BODY_ROW * 1.3), ("Udvalget godkendte planen.", 300),
                      ("Næste linje i afsnittet.", 340)], [True, False, False], id="larger-and-isolated"),
        pytest.param([("Udvalget godkendte planen.", 200), ("Sagsfremstilling", 240, BODY_ROW * 1.3),
                      ("Næste linje i afsnittet.", 280)], [False, False, False], id="larger-inside-a-paragraph"),
        pytest.param([("Beslutning", 200), ("Godkendt.", 300)], [False, False], id="body-size-is-not-a-heading"),
        pytest.param([("Udvalget " * 15, 200, BODY_ROW * 1.3), ("Godkendt.", 300)], [False, False],
                     id="long-line-is-body-text"),
    ],
)
def test_headings_are_larger_and_isolated(specs: list[tuple[str, int, float]], headings: list[bool]) -> None:
    body = [("Almindelig brødtekst i afsnittet her " * 3, 600 + 40 * i) for i in range(6)]  # sets the body size
    lines = _lines(*specs, *body)
    assert [line.heading for line in lines[: len(specs)]] == headings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("+ Projektbeskrivelse Ung i Job", "• Projektbeskrivelse Ung i Job", id="plus"),
        pytest.param("« Budget for 2019", "• Budget for 2019", id="guillemet"),
        pytest.param("2 + 2 er fire", "2 + 2 er fire", id="plus-inside-a-line"),
        pytest.param("+45 70 10 20 30", "+45 70 10 20 30", id="phone-number"),
    ],
)
def test_bullets_read_as_signs_become_bullets(text: str, expected: str) -> None:
    (line,) = _lines((text, 200))
    assert line.text == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        pytest.param("Tilpasning af budget på aflastnings-", "institutionen, Torvevej 31.",
                     ["Tilpasning af budget på aflastningsinstitutionen, Torvevej 31."], id="broken-word"),
        pytest.param("Mødet i Sundheds-", "og Forebyggelsesudvalget", ["Mødet i Sundheds- og Forebyggelsesudvalget"],
                     id="shortened-compound"),
        pytest.param("Bygningsvedligeholdelse 2013 -", "anlægsbevilling",
                     ["Bygningsvedligeholdelse 2013 -", "anlægsbevilling"], id="dash-after-a-number"),
        pytest.param("Det gælder Nord-", "Amerika", ["Det gælder Nord-", "Amerika"], id="capital-after-hyphen"),
    ],
)
def test_a_word_broken_at_the_line_end_is_joined_as_pdfium_joins_it(first: str, second: str,
                                                                      expected: list[str]) -> None:
    assert [line.text for line in _lines((first, 200), (second, 240))] == expected


def test_a_hanging_number_joins_its_line() -> None:
    number = _RawLine((_Word("2.", 90.0, (100, 170, 130, 200)),), (100, 170, 130, 200), BODY_ROW, True, 200)
    title = _RawLine(tuple(_Word(w, 95.0, (300 + 200 * i, 170, 480 + 200 * i, 200))
                           for i, w in enumerate(["Bygningsvedligeholdelse", "2013"])),
                     (300, 170, 680, 200), BODY_ROW, True, 201)
    body = _raw("Det årlige bygningssyn er nu afsluttet.", 300)
    # Tesseract hands the number column over first, as a block of its own
    lines = build_lines(ocr._attach_markers([number, body, title]), 1, DPI)
    assert [line.text for line in lines] == ["Det årlige bygningssyn er nu afsluttet.",
                                             "2. Bygningsvedligeholdelse 2013"]


def test_words_a_column_apart_are_two_lines() -> None:
    row = BODY_ROW
    words = [_Word("Til:", 95.0, (100, 170, 160, 200)), _Word("SFU", 95.0, (180, 170, 240, 200)),
             _Word("SOCIAL", 95.0, (round(240 + row * 20), 170, round(400 + row * 20), 200))]
    assert [[w.text for w in part] for part in ocr._columns(words, row)] == [["Til:", "SFU"], ["SOCIAL"]]


def test_a_picture_read_as_letters_is_dropped() -> None:
    crest = _RawLine((_Word("BALLERUP", 34.0, (100, 100, 400, 160)), _Word("”TÆRN", 20.0, (420, 100, 600, 160))),
                     (100, 100, 600, 160), BODY_ROW * 2, True)
    lines = build_lines([crest, _raw("Notat om budgettet", 300)], 1, DPI)
    assert [line.text for line in lines] == ["Notat om budgettet"]


def test_a_scanned_page_is_rendered_at_its_own_pixels() -> None:
    # A4 landscape at 150 dpi: the page size is not a whole number of points, and a
    # rounded scale would resample the page by a pixel
    image = Image.frombytes("L", (1754, 1240), random.Random(3).randbytes(1754 * 1240))
    pdf = pdfium.PdfDocument(image_pdf([image], dpi=150))
    (page,) = list(ocr.pdf_page_images(pdf, [1], None))
    assert page.dpi == 150 and page.image.size == image.size
    assert ImageChops.difference(page.image, image).getbbox() is None  # the same pixels


@pytest.mark.parametrize(
    ("confidence", "words", "codes"),
    [
        pytest.param(93.0, 240, ["ocr"], id="clean-scan"),
        pytest.param(OCR_CONFIDENCE_FLOOR - 0.5, 120, ["ocr", "ocr-low-confidence"], id="below-floor"),
        pytest.param(0.0, 0, ["ocr"], id="blank-page"),
    ],
)
def test_every_ocr_page_is_reported(confidence: float, words: int, codes: list[str]) -> None:
    warnings = page_warnings(OcrPage(4, (), confidence, words))
    assert [w.code for w in warnings] == codes
    assert all(w.page == 4 for w in warnings)
    if words:
        assert f"{confidence:.0f}" in warnings[0].message  # the mean word confidence is stated


@pytest.mark.parametrize(("texts", "expected"), [
    pytest.param(["8 1. Godkendelse af protokollen.", "Godkendt.", "S 2. Vejbelysning.", "$ 3. Eventuelt."],
                 ["§ 1. Godkendelse af protokollen.", "Godkendt.", "§ 2. Vejbelysning.", "§ 3. Eventuelt."],
                 id="signs-read-as-8-S-dollar"),
    pytest.param(["8 1. Godkendelse af protokollen.", "Tekst om sagen."],
                 ["8 1. Godkendelse af protokollen.", "Tekst om sagen."], id="one-line-alone-is-left"),
    pytest.param(["8 2. Vejbelysning.", "8 1. Eventuelt."], ["8 2. Vejbelysning.", "8 1. Eventuelt."],
                 id="numbers-going-back-are-left"),
    pytest.param(["8 1. maj blev mødet holdt.", "8 2. juni igen."], ["8 1. maj blev mødet holdt.", "8 2. juni igen."],
                 id="lower-case-after-the-number-is-left"),
])
def test_paragraph_signs_read_as_other_signs_are_restored(texts: list[str], expected: list[str]) -> None:
    lines = [Line(text, 1) for text in texts]
    assert [line.text for line in ocr._paragraph_signs(lines)] == expected


# --- with Tesseract -----------------------------------------------------------------------------------


@pytest.fixture(autouse=False)
def tesseract() -> None:
    """Skip without tesserocr, but never in CI: there OCR must be installed and tested."""
    if not ocr.ocr_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the OCR tests: install the ocr extra (pip install -e '.[test,ocr]')")
        pytest.skip("tesserocr is not installed (pip install 'minutes[ocr]')")


needs_ocr = pytest.mark.usefixtures("tesseract")

TWIN_SOURCE = FIXTURES / "p2_os2_silkeborg.pdf"


@cache
def _twin() -> Twin:
    return make_twin(TWIN_SOURCE.read_bytes())


@cache
def _parsed(kind: str, workers: int = 1) -> dict[str, Any]:
    data = _twin().pdf if kind == "pdf" else _twin().tiff
    doc = document_to_dict(extract_bytes(data, f"scan.{kind}", options=ReadOptions(ocr_workers=workers)))
    return json.loads(json.dumps(doc))


def _fixture_score(doc: dict[str, Any]) -> float:
    gold = json.loads((FIXTURES / "gold" / f"{TWIN_SOURCE.stem}.json").read_text(encoding="utf-8"))
    return score([(TWIN_SOURCE.stem, gold, doc)]).overall_f1


@needs_ocr
def test_twin_pdf_reads_like_the_original() -> None:
    doc = _parsed("pdf")
    born = json.loads(json.dumps(document_to_dict(extract_bytes(TWIN_SOURCE.read_bytes(), "born.pdf"))))
    assert doc["source"]["ocr_pages"] == [1, 2, 3] and doc["source"]["pages"] == 3
    assert [i["number"] for i in doc["items"]] == [i["number"] for i in born["items"]]
    assert doc["meeting"] == born["meeting"]
    assert _fixture_score(doc) >= 0.9
    assert schema_errors(doc) == []


@needs_ocr
def test_twin_pages_are_each_reported_with_their_confidence() -> None:
    warnings = _parsed("pdf")["warnings"]
    ocr_warnings = [w for w in warnings if w["code"] == "ocr"]
    assert [w["page"] for w in ocr_warnings] == [1, 2, 3]
    assert not [w for w in warnings if w["code"] in ("no-text-layer", "ocr-low-confidence")]
    assert all("mean word confidence" in w["message"] for w in ocr_warnings)


@needs_ocr
def test_tiff_reads_exactly_like_the_image_pdf() -> None:
    pdf, tiff = _parsed("pdf"), _parsed("tiff")
    assert tiff["source"]["format"] == "image" and tiff["source"]["ocr_pages"] == [1, 2, 3]
    parts = ("meeting", "items", "warnings")
    assert {k: tiff[k] for k in parts} == {k: pdf[k] for k in parts}
    assert tiff["items"][0]["pages"] is not None  # a scan has pages like a PDF
    assert schema_errors(tiff) == []


@needs_ocr
def test_two_ocr_workers_give_the_same_document() -> None:
    assert _parsed("pdf", workers=2) == _parsed("pdf")


@needs_ocr
@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_single_page_images_are_read(fmt: str) -> None:
    buffer = io.BytesIO()
    _twin().images[0].save(buffer, format=fmt, dpi=(DPI, DPI))
    doc = document_to_dict(extract_bytes(buffer.getvalue(), f"side1.{fmt.lower()}"))
    assert doc["source"]["format"] == "image" and doc["source"]["ocr_pages"] == [1]
    assert doc["meeting"]["committee"] == _parsed("pdf")["meeting"]["committee"]


def _mixed_pdf() -> bytes:
    """Page 1 with a text layer, page 2 a scan of a typed page."""
    text_page = make_pdf([page_of_lines(["Punkt 1: Vejbelysning", None, "Beslutning", "Godkendt."])])
    scanned = make_pdf([page_of_lines(["Punkt 2: Cykelsti langs Ringvejen", None, "Beslutning", "Anbefales."])])
    scan_image = scan_pages(scanned, dpi=DPI)[0]
    doc = pdfium.PdfDocument(text_page)
    doc.import_pages(pdfium.PdfDocument(image_pdf([scan_image])))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@needs_ocr
def test_only_pages_without_a_text_layer_are_ocrd() -> None:
    doc = document_to_dict(extract_bytes(_mixed_pdf(), "blandet.pdf"))
    assert doc["source"]["ocr_pages"] == [2]
    assert [(i["number"], i["decision"]["outcome"] if i["decision"] else None) for i in doc["items"]] == [
        ("1", "approved"), ("2", "recommended")]
    assert [i["pages"] for i in doc["items"]] == [[1, 1], [2, 2]]


@needs_ocr
def test_ocr_always_reads_text_pages_too() -> None:
    doc = document_to_dict(extract_bytes(_mixed_pdf(), "blandet.pdf", options=ReadOptions(ocr="always")))
    assert doc["source"]["ocr_pages"] == [1, 2]
    assert [i["number"] for i in doc["items"]] == ["1", "2"]


def test_ocr_never_keeps_the_no_text_layer_warning() -> None:
    doc = document_to_dict(extract_bytes(_mixed_pdf(), "blandet.pdf", options=ReadOptions(ocr="never")))
    assert doc["source"]["ocr_pages"] == []
    assert [(w["code"], w["page"]) for w in doc["warnings"]] == [("no-text-layer", 2)]


def test_ocr_never_on_a_scan_gives_todays_message() -> None:
    with pytest.raises(EmptyInput, match="no text layer.*needs OCR"):
        extract_bytes(image_pdf(scan_pages(TWIN_SOURCE.read_bytes(), dpi=72)[:1], dpi=72), "scan.pdf",
                      options=ReadOptions(ocr="never"))


def test_ocr_never_refuses_an_image() -> None:
    with pytest.raises(UnsupportedFormat, match="scan.tif.*OCR is off"):
        extract_bytes(multipage_tiff(scan_pages(TWIN_SOURCE.read_bytes(), dpi=72)[:1], dpi=72), "scan.tif",
                      options=ReadOptions(ocr="never"))


def test_without_tesserocr_a_scanned_page_is_a_warning_and_an_image_an_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise OcrUnavailable("tesserocr", "OCR needs the tesserocr package", ocr.INSTALL_HINT)

    monkeypatch.setattr(ocr, "_tesserocr", missing)
    doc = document_to_dict(extract_bytes(_mixed_pdf(), "blandet.pdf"))
    assert [(w["code"], w["page"]) for w in doc["warnings"]] == [("no-text-layer", 2)]
    with pytest.raises(OcrUnavailable, match=r"minutes\[ocr\]"):
        extract_bytes(multipage_tiff(scan_pages(TWIN_SOURCE.read_bytes(), dpi=72)[:1], dpi=72), "scan.tif")


@needs_ocr
def test_a_missing_language_model_is_named() -> None:
    with pytest.raises(OcrUnavailable, match="'xyz'"):
        extract_bytes(_mixed_pdf(), "blandet.pdf", options=ReadOptions(ocr_lang="xyz"))


@needs_ocr
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_turned_on_the_glass_is_read_right_side_up(turn: int) -> None:
    source = make_pdf([page_of_lines(["Punkt 4: Renovering af Byens Skole", None, "Sagsnr.: 2019/04512", None,
                                      "Beslutning", "Udvalget godkendte indstillingen uden bemærkninger."])])
    tiff = multipage_tiff(scan_pages(source, dpi=DPI, turns=[turn]), dpi=DPI)
    doc = document_to_dict(extract_bytes(tiff, "vendt.tif"))
    assert [(i["number"], i["case_numbers"]) for i in doc["items"]] == [("4", ["2019/04512"])]
    assert [w["code"] for w in doc["warnings"]] == ["ocr"]  # confident: read the right way up
    # upside down needs a second reading at 180° (Tesseract turns lines on their side itself, one way round)
    assert turn != 180 or "turned 180°" in doc["warnings"][0]["message"]


@needs_ocr
def test_cli_reads_a_tiff_with_ocr_options(tmp_path: Path) -> None:
    scan = tmp_path / "referat.tif"
    scan.write_bytes(_twin().tiff)
    result = CliRunner().invoke(app, ["extract", str(scan), "--ocr", "auto", "--ocr-lang", "dan", "--workers", "2"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"]["ocr_pages"] == [1, 2, 3]
    assert doc["items"] == _parsed("tiff")["items"]


@needs_ocr
def test_a_folder_walk_reads_scans_by_content(tmp_path: Path) -> None:
    archive = tmp_path / "arkiv"
    (archive / "1998").mkdir(parents=True)
    (archive / "1998" / "byraad-marts").write_bytes(_twin().tiff)  # no suffix: a TIFF by its signature
    (archive / "logo.gif").write_bytes(b"GIF89a" + bytes(64))
    (archive / "referat.pdf").write_bytes(TWIN_SOURCE.read_bytes())
    result = CliRunner().invoke(app, ["extract", "-r", str(archive), "-f", "jsonl", "-j", "2"])
    assert result.exit_code == 0, result.output
    docs = {Path(d["source"]["path"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert sorted(docs) == ["byraad-marts", "referat.pdf"]
    scan = docs["byraad-marts"]
    assert scan["source"]["format"] == "image" and scan["source"]["ocr_pages"] == [1, 2, 3]
    assert scan["items"] == _parsed("tiff")["items"]
    assert docs["referat.pdf"]["source"]["ocr_pages"] == []
    assert "skipped:" in result.stderr and "logo.gif" in result.stderr and "GIF image" in result.stderr


def test_cli_ocr_never_on_an_image_fails_naming_it(tmp_path: Path) -> None:
    scan = tmp_path / "referat.tif"
    scan.write_bytes(multipage_tiff(scan_pages(TWIN_SOURCE.read_bytes(), dpi=72)[:1], dpi=72))
    result = CliRunner().invoke(app, ["extract", str(scan), "--ocr", "never"])
    assert result.exit_code == 1
    assert "referat.tif" in result.output and "OCR is off" in result.output


@needs_ocr
def test_a_scanned_protocol_with_paragraph_signs_reads_its_items() -> None:
    protocol = ["HVIDSTEN SOGNERÅD", None, "Forhandlingsprotokol", None,
                "Mødet den 14. marts 1968 kl. 19.30 på Hvidsten Skole.", None,
                "§ 1. Godkendelse af protokollen fra sidste møde.", "Protokollen blev oplæst og godkendt.", None,
                "§ 2. Ansøgning om tilskud til vandværket.", "J.nr. 1968/14",
                "Formanden indstillede, at der ydes et tilskud på kr. 8.000.",
                "Beslutning: Vedtaget med 4 stemmer mod 1.", None,
                "§ 3. Eventuelt.", "Intet."]
    scan = make_twin(make_pdf([page_of_lines(protocol)]), seed=3)
    doc = document_to_dict(extract_bytes(scan.pdf, "protokol.pdf"))
    assert doc["source"]["ocr_pages"] == [1]
    assert [(i["number"], i["title"].rstrip(".")) for i in doc["items"]] == [
        ("1", "Godkendelse af protokollen fra sidste møde"), ("2", "Ansøgning om tilskud til vandværket"),
        ("3", "Eventuelt")]
    assert doc["items"][1]["decision"]["outcome"] == "approved"
