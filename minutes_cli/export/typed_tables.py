"""Typed rows of the three tables (items, amounts, attachments) for Parquet and Excel.

The columns follow the CSV tables (csv_exporter.TABLES) but keep their types:
a date is a date, an amount a number, `closed` a boolean, a list a list (not
" | "-joined text), a missing value a null (not an empty string), and an
item's pages are two integers, `first_page` and `last_page`, instead of
"3-5". The rows are plain JSON values, so a worker process renders them as
one line of JSON text and the parent decodes them; `decode_cell` turns a date
back into a `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from ..model import Document, Item

# Column kinds: "string", "date" (ISO text in the JSON, a date in the file), "float", "int", "bool",
# "list" (a list of strings).
Column = tuple[str, str]

MEETING_COLUMNS: list[Column] = [
    ("source", "string"), ("municipality", "string"), ("committee", "string"), ("kind", "string"),
    ("date", "date"), ("start_time", "string"), ("location", "string"),
]

ITEM_KEY_COLUMNS: list[Column] = [("item_number", "string"), ("item_title", "string")]

TYPED_TABLES: dict[str, list[Column]] = {
    "items": MEETING_COLUMNS + [
        ("item_number", "string"), ("title", "string"), ("closed", "bool"), ("case_numbers", "list"),
        ("case_officer", "string"), ("recommendation_by", "string"), ("recommendation_points", "list"),
        ("decision", "string"), ("decision_outcome", "string"), ("attachments", "list"),
        ("amount_count", "int"), ("first_page", "int"), ("last_page", "int"),
    ],
    "amounts": MEETING_COLUMNS + ITEM_KEY_COLUMNS + [
        ("text", "string"), ("value_dkk", "float"), ("currency", "string"), ("section", "string"),
        ("context", "string"),
    ],
    "attachments": MEETING_COLUMNS + ITEM_KEY_COLUMNS + [
        ("attachment_number", "string"), ("attachment_title", "string"),
    ],
}


def _meeting(doc: Document) -> list[Any]:
    m = doc.meeting
    return [doc.source.path, m.municipality, m.committee, m.kind, m.date, m.start_time, m.location]


def _items(doc: Document) -> Iterator[list[Any]]:
    for item in doc.items:
        rec, dec = item.recommendation, item.decision
        yield _meeting(doc) + [
            item.number, item.title, item.closed, list(item.case_numbers), item.case_officer,
            rec.by if rec else None, list(rec.points) if rec else [],
            dec.text if dec else None, dec.outcome if dec else None,
            [a.title for a in item.attachments], len(item.amounts),
            item.pages[0] if item.pages else None, item.pages[1] if item.pages else None,
        ]


def _key(item: Item) -> list[Any]:
    return [item.number, item.title]


def _amounts(doc: Document) -> Iterator[list[Any]]:
    for item in doc.items:
        for amount in item.amounts:
            yield _meeting(doc) + _key(item) + [amount.text, float(amount.value), amount.currency, amount.section,
                                                amount.context]


def _attachments(doc: Document) -> Iterator[list[Any]]:
    for item in doc.items:
        for att in item.attachments:
            yield _meeting(doc) + _key(item) + [att.number, att.title]


_ROWS = {"items": _items, "amounts": _amounts, "attachments": _attachments}


def typed_rows(doc: Document, table: str) -> list[list[Any]]:
    """One document's rows of `table`, as JSON values in the order of `TYPED_TABLES[table]`."""
    return list(_ROWS[table](doc))


def render_tables(doc: Document, tables: tuple[str, ...]) -> str:
    """One document's rows of each of `tables` as one line of JSON: {"items": [[…], …], …}."""
    return json.dumps({table: typed_rows(doc, table) for table in tables}, ensure_ascii=False) + "\n"


def decode_tables(rendered: str) -> dict[str, list[list[Any]]]:
    """The rows `render_tables` wrote, with dates as `datetime.date` (see `decode_cell`)."""
    tables: dict[str, list[list[Any]]] = json.loads(rendered)
    for table, rows in tables.items():
        kinds = [kind for _name, kind in TYPED_TABLES[table]]
        tables[table] = [[decode_cell(cell, kind) for cell, kind in zip(row, kinds, strict=True)] for row in rows]
    return tables


def decode_cell(cell: Any, kind: str) -> Any:
    """A cell's value as the file stores it: an ISO date becomes a `datetime.date` (text that is not a
    whole date, which the schema does not allow, becomes null rather than failing the run)."""
    if kind == "date" and isinstance(cell, str):
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            return None
    return cell
