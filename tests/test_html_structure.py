"""The HTML reader hands the page's structure forward on each line (heading level, bold
paragraphs, list markers, table cells, stated items) instead of writing it into the text."""

from __future__ import annotations

import pytest

from minutes_cli.readers.html_reader import read_html


def _lines(body: str):  # type: ignore[no-untyped-def]
    return read_html(f"<html><body>{body}</body></html>".encode(), "x.html").lines


@pytest.mark.parametrize(
    ("body", "text", "heading", "level", "bold"),
    [
        pytest.param("<h3>Fremstilling</h3>", "Fremstilling", True, 3, False, id="h3-unknown-word"),
        pytest.param("<h1>Referat</h1>", "Referat", True, 1, False, id="h1"),
        pytest.param("<p><strong>Sagsprocedure</strong></p>", "Sagsprocedure", True, None, True, id="all-bold-p"),
        pytest.param("<p><b>Baggrund og formål</b></p>", "Baggrund og formål", True, None, True, id="all-b-p"),
        pytest.param("<p><strong>Beslutning:</strong> Godkendt.</p>", "Beslutning: Godkendt.", False, None, False,
                     id="bold-label-inline"),
        pytest.param("<p><strong>Godkendt.</strong></p>", "Godkendt.", False, None, True, id="bold-sentence"),
        pytest.param("<p>Almindelig tekst</p>", "Almindelig tekst", False, None, False, id="plain"),
    ],
)
def test_heading_by_form(body: str, text: str, heading: bool, level: int | None, bold: bool) -> None:
    (line,) = _lines(body)
    assert (line.text, line.heading, line.level, line.bold) == (text, heading, level, bold)


@pytest.mark.parametrize(
    ("body", "marker", "text"),
    [
        pytest.param("<ul><li>at planen godkendes</li></ul>", "•", "• at planen godkendes", id="bullet"),
        pytest.param("<ol><li>1. at planen godkendes</li></ol>", "1.", "1. at planen godkendes", id="own-number"),
        pytest.param("<ul><li>a) Budget</li></ul>", "a)", "a) Budget", id="own-letter"),
    ],
)
def test_list_entries_carry_their_marker(body: str, marker: str, text: str) -> None:
    (line,) = _lines(body)
    assert (line.list_marker, line.text) == (marker, text)


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        pytest.param("<ol><li>at planen godkendes</li><li>at sagen sendes videre</li></ol>",
                     [("• at planen godkendes", "1."), ("• at sagen sendes videre", "2.")], id="ol-numbers"),
        pytest.param('<ol start="4"><li>x</li><li value="9">y</li><li>z</li></ol>',
                     [("• x", "4."), ("• y", "9."), ("• z", "10.")], id="ol-start-and-value"),
        pytest.param("<ul><li><p>Bilag 1: Tegning</p></li></ul>", [("• Bilag 1: Tegning", "•")],
                     id="entry-of-a-paragraph-has-no-bullet-line"),
        pytest.param("<ol><li><h2>Vejplan 2023</h2><p>Sagsnr.: 21/08812</p></li></ol>",
                     [("Vejplan 2023", "1."), ("Sagsnr.: 21/08812", None)], id="numbered-heading"),
        pytest.param("<ul><li><p>Bilag 2</p>ab</li></ul>", [("• Bilag 2", "•"), ("ab", None)],
                     id="short-text-after-a-block-is-kept"),
        pytest.param("<ul><li></li><li><div></div></li><li>Bilag 3</li></ul>", [("• Bilag 3", "•")],
                     id="empty-entries-leave-nothing"),
    ],
)
def test_list_entries_holding_blocks(body: str, lines: list[tuple[str, str | None]]) -> None:
    assert [(line.text, line.list_marker) for line in _lines(body)] == lines


def test_table_rows_carry_table_and_row() -> None:
    lines = _lines("<table><tr><td>Udvalg:</td><td>Teknisk Udvalg</td></tr>"
                   "<tr><td>Dato:</td><td>1. oktober 2025</td></tr></table>"
                   "<p>Efter</p><table><tr><td>Drift</td><td>1,5</td></tr></table>")
    assert [(line.text, line.cell) for line in lines] == [
        ("Udvalg: Teknisk Udvalg", (0, 0, 0)), ("Dato: 1. oktober 2025", (0, 1, 0)), ("Efter", None),
        ("Drift 1,5", (1, 0, 0))]


def test_item_table_rows_state_items_without_rewriting_text() -> None:
    lines = _lines("<table><tr><th>Nr.</th><th>Titel</th><th>Sagsnr.</th></tr>"
                   "<tr><td>3.</td><td>Vejbelysning</td><td>21/08812</td></tr></table><p>Tekst</p>")
    stated = [line for line in lines if line.item is not None]
    assert [(line.text, line.item, line.case, line.heading) for line in stated] == [
        ("Vejbelysning", "3", "21/08812", True)]
    assert not any(line.text.startswith(("Punkt", "Sagsnr")) for line in lines)


@pytest.mark.parametrize(
    ("page", "bold"),
    [
        pytest.param("<style>.FieldCaption { font-weight: bold; }</style><div class='FieldCaption'>Sagsprocedure</div>",
                     True, id="stylesheet-class"),
        pytest.param("<style>div.Cap, .X{font-weight:700}</style><div class='Cap'>Sagsprocedure</div>", True,
                     id="tag-class-selector"),
        pytest.param("<p style='font-weight: 600'>Sagsprocedure</p>", True, id="inline-style"),
        pytest.param("<style>.Cap { color: red }</style><div class='Cap'>Sagsprocedure</div>", False, id="not-bold"),
    ],
)
def test_bold_by_style_is_a_heading_by_form(page: str, bold: bool) -> None:
    (line,) = _lines(page)
    assert (line.bold, line.heading) == (bold, bold)


def test_headings_numbered_by_an_ordered_list_are_items() -> None:
    from minutes_cli import document_to_dict, extract_bytes

    page = ("<html><body><p>Teknisk Udvalg</p><ol>"
            "<li><h2>Vejplan 2023</h2><p>Sagsnr.: 05.01.00-P20-1-22</p><h3>Beslutning</h3><p>Godkendt.</p></li>"
            "<li><h2>Cykelsti langs Ringvejen</h2><p>Sagsnr.: 05.01.00-P20-2-22</p><h3>Beslutning</h3>"
            "<p>Udsat.</p></li></ol></body></html>")
    items = document_to_dict(extract_bytes(page.encode(), "referat.html"))["items"]
    assert [(i["number"], i["title"], i["case_numbers"]) for i in items] == [
        ("1", "Vejplan 2023", ["05.01.00-P20-1-22"]), ("2", "Cykelsti langs Ringvejen", ["05.01.00-P20-2-22"])]



@pytest.mark.parametrize(("row", "lines"), [
    pytest.param("<tr><td>Beslutning</td><td>Godkendt.</td></tr>", [("Beslutning", True), ("Godkendt.", False)],
                 id="section-label-cell-is-a-heading"),
    pytest.param("<tr><td>Indstilling</td><td>Forvaltningen indstiller, at planen godkendes.</td></tr>",
                 [("Indstilling", True), ("Forvaltningen indstiller, at planen godkendes.", False)],
                 id="recommendation-label-cell"),
    pytest.param("<tr><td>Udvalg:</td><td>Teknisk Udvalg</td></tr>", [("Udvalg: Teknisk Udvalg", False)],
                 id="fact-with-a-colon-stays-one-line"),
    pytest.param("<tr><td>Drift</td><td>1,5</td></tr>", [("Drift 1,5", False)], id="data-row-stays-one-line"),
    pytest.param("<tr><td>Beslutning</td><td></td></tr>", [("Beslutning", False)], id="label-with-nothing-beside-it"),
])
def test_a_section_label_in_a_table_cell(row: str, lines: list[tuple[str, bool]]) -> None:
    assert [(line.text, line.heading) for line in _lines(f"<table>{row}</table>")] == lines
