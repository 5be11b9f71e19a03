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
