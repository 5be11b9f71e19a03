"""Read plain-text (and Markdown-ish) exports into lines.

Bytes are decoded by `encoding.decode`: a byte-order mark or clean UTF-8 is
trusted; anything else (UTF-16 without a mark, cp1252, latin-1 …) is guessed
with a warning so nobody trusts a guess blindly. Form feeds separate pages; a
blank line marks the start of a paragraph.
"""

from __future__ import annotations

from ..cleanup.characters import normalise_characters, strip_markdown
from ..errors import EmptyInput
from ..model import Line, RawDocument
from .encoding import decode
from .item_tables import ItemColumns, follows, item_columns, row_number

# Stands in for a tab while the text is normalised (which turns tabs into spaces): a tab
# between words separates the cells of a table row ("1<TAB>Godkendelse af dagsorden<TAB>2023-35921").
_CELL_MARK = "\ue000"


def text_to_lines(text: str) -> list[Line]:
    """Split normalised text into lines; blank lines become `gap_before` on the next line.

    A line with tabs between its words is a table row: each cell becomes a line of its own
    with `cell` = (table, row, column), so the row's structure travels on; consecutive rows
    (blank lines between them allowed) with the same number of cells are one table. Under
    a header that names a number and a title column ("Nr.<TAB>Titel<TAB>Sagsnr."), a row
    states an item heading (`Line.item`, `Line.case`), also where the items' text stands
    between the rows.
    """
    if "\t" in text:
        text = text.replace("\t", _CELL_MARK)
    text = strip_markdown(normalise_characters(text))
    cells_possible = _CELL_MARK in text  # most exports have no table: no line is tested for cells
    page: int | None = 1 if "\x0c" in text else None  # form feeds number the pages
    lines: list[Line] = []
    append = lines.append  # the loop runs once per line of a long export
    gap = True  # the first line opens a paragraph
    table, row, width = -1, -1, 0
    items: ItemColumns | None = None  # the columns of the item table met last, if any
    previous_item: str | None = None
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if raw == "\x0c" and page is not None:
                page += 1
            gap = True
            continue
        if cells_possible and _CELL_MARK in stripped:
            cells = [" ".join(c.split()) for c in stripped.split(_CELL_MARK)]
            if sum(1 for c in cells if c) > 1:
                if len(cells) != width or row < 0:
                    table, row, width = table + 1, -1, len(cells)
                row += 1
                header = item_columns(cells)
                if header is not None:
                    # the item table goes on past other tables between its rows (an item's
                    # years and events); their rows differ in width or number too much to pass
                    items, previous_item = header, None
                    gap = False
                    continue  # the item table's column headers label the listing; no text of the meeting
                # an exporter may drop a row's empty last cells ("1<TAB>Godkendelse af dagsorden" with no case number)
                number = row_number(cells, items) if items is not None and len(cells) <= items.width else None
                if items is not None and number is not None and follows(number, previous_item):
                    # a row of the table that lists the items: it states an item heading
                    previous_item = number
                    case = cells[items.case] if items.case is not None and items.case < len(cells) else ""
                    append(Line(cells[items.title], page, True, True, cell=(table, row, items.title),
                                item=number, case=case or None))
                else:
                    for column, cell in enumerate(cells):
                        if cell:  # a row opens a paragraph; its other cells follow in it
                            append(Line(cell, page, False, column == 0, cell=(table, row, column)))
                gap = False
                continue
            stripped = " ".join(stripped.replace(_CELL_MARK, " ").split())
            if not stripped:
                continue
        elif "  " in stripped:  # normalise_characters made every other whitespace a plain space
            stripped = " ".join(stripped.split())
        row, width = -1, 0  # a line of prose ends a table
        append(Line(stripped, page, False, gap))
        gap = False
    return lines


def read_text(data: bytes, path: str) -> RawDocument:
    """A text document's lines; `EmptyInput` when there is no text."""
    text, warnings = decode(data, path)
    lines = text_to_lines(text)
    if not lines:
        raise EmptyInput(path, "the file has no text", "check that it is the right file")
    pages = (lines[-1].page or 1) if lines[0].page is not None else None
    return RawDocument(tuple(lines), "text", None if pages is None else pages, tuple(warnings))
