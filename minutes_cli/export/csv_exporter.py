"""CSV export: one row per item, amount or attachment, for spreadsheets.

Meeting fields repeat on every row so a row stands alone. List cells are
joined with " | ". With `excel=True` the separator is a semicolon and decimals
use a comma, as Danish Excel expects, and a text cell that Excel would run as
a formula (it begins with =, +, -, @, a tab or a carriage return) gets a
leading apostrophe, which Excel shows as text (OWASP's advice for CSV
injection). Numbers are never written with thousands separators.

An item row counts its amounts but gives no total: an item mentions the same
amount again (in the summary, the recommendation and the decision) and both
ends of a range, so a sum of its mentions overstates what it costs.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Document, Item

LIST_JOINER = " | "

MEETING_COLUMNS = ["source", "municipality", "committee", "kind", "date", "start_time", "location"]


@dataclass(frozen=True)
class CsvOptions:
    """Which table to write and in which dialect."""

    table: str = "items"
    excel: bool = False


def _number(value: float, excel: bool) -> str:
    """A plain number: 400000 not 400.000; 2.5 or, for Danish Excel, 2,5."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if excel else text


def _meeting_cells(doc: Document) -> list[str]:
    m = doc.meeting
    return [doc.source.path, m.municipality or "", m.committee or "", m.kind or "", m.date or "",
            m.start_time or "", m.location or ""]


def _item_rows(doc: Document, excel: bool) -> Iterator[list[str]]:
    for item in doc.items:
        rec, dec = item.recommendation, item.decision
        yield _meeting_cells(doc) + [
            item.number or "",
            item.title,
            "yes" if item.closed else "no",
            LIST_JOINER.join(item.case_numbers),
            item.case_officer or "",
            (rec.by or "") if rec else "",
            LIST_JOINER.join(rec.points) if rec else "",
            dec.text if dec else "",
            dec.outcome if dec else "",
            LIST_JOINER.join(a.title for a in item.attachments),
            str(len(item.amounts)),
            f"{item.pages[0]}-{item.pages[1]}" if item.pages else "",
        ]


def _amount_rows(doc: Document, excel: bool) -> Iterator[list[str]]:
    for item in doc.items:
        for amount in item.amounts:
            yield _meeting_cells(doc) + _item_key(item) + [
                amount.text, _number(amount.value, excel), amount.currency, amount.section or "", amount.context,
            ]


def _attachment_rows(doc: Document, excel: bool) -> Iterator[list[str]]:
    for item in doc.items:
        for att in item.attachments:
            yield _meeting_cells(doc) + _item_key(item) + [att.number or "", att.title]


def _item_key(item: Item) -> list[str]:
    return [item.number or "", item.title]


RowMaker = Callable[[Document, bool], Iterator[list[str]]]

# table name -> (header, row maker); `--table` choices come from here.
TABLES: dict[str, tuple[list[str], RowMaker]] = {
    "items": (
        MEETING_COLUMNS + ["item_number", "title", "closed", "case_numbers", "case_officer", "recommendation_by",
                           "recommendation_points", "decision", "decision_outcome", "attachments",
                           "amount_count", "pages"],
        _item_rows,
    ),
    "amounts": (
        MEETING_COLUMNS + ["item_number", "item_title", "text", "value_dkk", "currency", "section", "context"],
        _amount_rows,
    ),
    "attachments": (MEETING_COLUMNS + ["item_number", "item_title", "attachment_number", "attachment_title"],
                    _attachment_rows),
}


def _writer(buffer: io.StringIO, options: CsvOptions) -> Any:
    return csv.writer(buffer, delimiter=";" if options.excel else ",", lineterminator="\r\n")


# First characters that make Excel read a cell as a formula: "=SUM(A1)", "+45 …", "-1+2", "@cmd", tab, CR.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number as `_number` writes it ("-2500000", "-12,5") is a value, not a formula, and stays one.
_PLAIN_NUMBER_RE = re.compile(r"-?\d+(?:[.,]\d+)?")


def excel_safe(cell: str) -> str:
    """The cell as Excel shows it as text: a leading apostrophe before a formula's first character."""
    if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER_RE.fullmatch(cell):
        return "'" + cell
    return cell


def csv_header(options: CsvOptions) -> str:
    """The header line of the chosen table."""
    buffer = io.StringIO()
    _writer(buffer, options).writerow(TABLES[options.table][0])
    return buffer.getvalue()


def csv_rows(doc: Document, options: CsvOptions) -> str:
    """One document's rows of the chosen table."""
    buffer = io.StringIO()
    rows = TABLES[options.table][1](doc, options.excel)
    if options.excel:
        rows = ([excel_safe(cell) for cell in row] for row in rows)
    _writer(buffer, options).writerows(rows)
    return buffer.getvalue()


def to_csv(docs: Sequence[Document], options: CsvOptions) -> str:
    """The chosen table for all documents as CSV text (no BOM; the writer adds it)."""
    return csv_header(options) + "".join(csv_rows(doc, options) for doc in docs)
