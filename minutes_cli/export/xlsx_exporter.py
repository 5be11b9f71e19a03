"""Excel export (XlsxWriter, the `xlsx` extra): one workbook, a sheet per table.

Sheets items, amounts and attachments, each with a bold header row frozen at
the top and an autofilter. Cells are typed, so Danish Excel reads them without
guessing delimiters or decimal commas: dates are dates (shown yyyy-mm-dd),
amounts and counts numbers, `closed` a boolean; a list is one text cell joined
with " | ", as in CSV. Text is always written as text, never as a formula.
Column widths follow the longest value seen (within `MIN_WIDTH`..`MAX_WIDTH`).
The workbook streams its rows to disk (XlsxWriter's constant-memory mode).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from .csv_exporter import LIST_JOINER
from .table_file import TableFile
from .typed_tables import TYPED_TABLES

# Column widths in characters: wide enough for a header, never wider than a screen's third.
MIN_WIDTH = 8
MAX_WIDTH = 60
# Excel's limits: rows per sheet and characters per cell.
MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
DATE_FORMAT = "yyyy-mm-dd"


class XlsxFile(TableFile):
    """The three tables as sheets of one workbook."""

    tables = tuple(TYPED_TABLES)

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                     "strings_to_numbers": False, "strings_to_urls": False})
        self._header = self._book.add_format({"bold": True})
        self._date = self._book.add_format({"num_format": DATE_FORMAT})
        self._sheets = {table: self._book.add_worksheet(table) for table in self.tables}
        self._next_row = dict.fromkeys(self.tables, 1)
        self._widths = {table: [max(MIN_WIDTH, len(name) + 2) for name, _kind in TYPED_TABLES[table]]
                        for table in self.tables}
        for table, sheet in self._sheets.items():
            sheet.write_row(0, 0, [name for name, _kind in TYPED_TABLES[table]], self._header)
            sheet.freeze_panes(1, 0)

    def add_rows(self, table: str, rows: list[list[Any]]) -> None:
        sheet, widths = self._sheets[table], self._widths[table]
        for row in rows:
            number = self._next_row[table]
            if number >= MAX_ROWS:
                raise ValueError(f"the {table} sheet is full (Excel holds {MAX_ROWS} rows); use --format parquet")
            for column, value in enumerate(row):
                shown = self._write(sheet, number, column, value)
                widths[column] = min(MAX_WIDTH, max(widths[column], shown))
            self._next_row[table] = number + 1

    def _write(self, sheet: Any, row: int, column: int, value: Any) -> int:
        """Write one typed cell; the width it needs in characters."""
        if value is None or value == []:
            return 0
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
            return 5
        if isinstance(value, dt.date):
            sheet.write_datetime(row, column, value, self._date)
            return 10
        if isinstance(value, int | float):
            sheet.write_number(row, column, value)
            return len(str(value))
        text = LIST_JOINER.join(value) if isinstance(value, list) else str(value)
        sheet.write_string(row, column, text[:MAX_CELL_CHARS])
        return len(text) + 1

    def close(self) -> None:
        for table, sheet in self._sheets.items():
            for column, width in enumerate(self._widths[table]):
                sheet.set_column(column, column, width)
            sheet.autofilter(0, 0, max(0, self._next_row[table] - 1), len(self._widths[table]) - 1)
        self._book.close()
