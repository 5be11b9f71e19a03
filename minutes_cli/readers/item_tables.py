"""Tables that list a meeting's items: a header row naming a number column and a title column.

Publishing systems print the agenda as a table ("Nr. | Titel | Sagsnr.") whose
rows are the items, each followed by its text. HTML pages and text exports
(tab-separated) both do; their readers state each row as an item heading
(`Line.item`, `Line.case`) when its table's header says so.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..lazy_patterns import lazy_regex

# Column headers: "Nr.", "Pkt.", "Punkt", "Dagsordenpunkt" for the number; "Titel", "Overskrift",
# "Emne", "Sag", "Beskrivelse" for the title; "Sagsnr.", "J.nr.", "Journalnr." for the case number.
NUMBER_HEADER_RE = lazy_regex(r"^(?:nr|pkt|punkt|punktnr|dagsordenpunkt)\.?$", regex.I)
TITLE_HEADER_RE = lazy_regex(r"^(?:titel|overskrift|emne|sag|punkt|beskrivelse)\.?$", regex.I)
CASE_HEADER_RE = lazy_regex(r"^(?:sagsnr|sags\s?nr|sagsnummer|j\.?\s?nr|journalnr)\.?$", regex.I)
# An item row's number cell: "1", "12.", "3a".
ROW_NUMBER_RE = lazy_regex(r"^\d{1,4}[a-z]?\.?$")

# Item numbers in one table rise by at most this much from row to row (closed items left out
# leave gaps); a row further on is a row of another table ("2015 | Anlægsarbejdet påbegyndt").
MAX_ROW_NUMBER_STEP = 30


class ItemColumns(NamedTuple):
    """Where an item table keeps the number, the title and (when it has one) the case number."""

    number: int
    title: int
    case: int | None
    width: int


def item_columns(headers: list[str]) -> ItemColumns | None:
    """The columns of an item table whose header row these cells are, or None for any other row."""
    number = next((i for i, h in enumerate(headers) if NUMBER_HEADER_RE.match(h)), None)
    title = next((i for i, h in enumerate(headers) if i != number and TITLE_HEADER_RE.match(h)), None)
    if number is None or title is None:
        return None
    case = next((i for i, h in enumerate(headers) if CASE_HEADER_RE.match(h)), None)
    return ItemColumns(number, title, case, len(headers))


def row_number(cells: list[str], columns: ItemColumns) -> str | None:
    """The item number of a row of the table, without its dot; None when the row states no item."""
    if len(cells) <= max(columns.number, columns.title) or not cells[columns.title]:
        return None
    number = cells[columns.number].strip()
    return number.rstrip(".") if ROW_NUMBER_RE.match(number) else None


def follows(number: str, previous: str | None) -> bool:
    """True when a row's item number can follow the table's previous item number."""
    if previous is None:
        return True
    digits, earlier = int(regex.sub(r"\D", "", number)), int(regex.sub(r"\D", "", previous))
    return earlier <= digits <= earlier + MAX_ROW_NUMBER_STEP
