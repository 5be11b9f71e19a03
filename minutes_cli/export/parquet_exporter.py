"""Parquet export (pyarrow, the `parquet` extra): one table per file, with typed columns.

Types: text `string`, `date` `date32`, `value_dkk` `float64`, `amount_count`,
`first_page`, `last_page` `int32`, `closed` `bool`, lists `list<string>`; a
missing value is null. Rows are written in row groups of `ROW_GROUP_ROWS` as
they arrive, so a large run holds only one group in memory. A dataset folder
of part files (`-o FOLDER/`) is `parquet_dataset`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .table_file import TableFile
from .typed_tables import TYPED_TABLES

# Rows held before a row group is written: large enough for good compression, small in memory.
ROW_GROUP_ROWS = 50_000
# zstd: smaller files than snappy (pyarrow's default) at a small CPU cost; pandas, polars and DuckDB all read it.
COMPRESSION = "zstd"

_ARROW_TYPES = {
    "string": pa.string(), "date": pa.date32(), "float": pa.float64(), "int": pa.int32(), "bool": pa.bool_(),
    "list": pa.list_(pa.string()),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one of the tables (`TYPED_TABLES`)."""
    return pa.schema([pa.field(name, _ARROW_TYPES[kind]) for name, kind in TYPED_TABLES[table]])


def arrow_table(rows: list[list[Any]], schema: pa.Schema) -> pa.Table:
    """Rows (lists in the schema's column order) as an Arrow table; no rows give an empty table with
    the schema's columns."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


class ParquetFile(TableFile):
    """One table's rows in a Parquet file (zstd-compressed)."""

    def __init__(self, path: Path, table: str) -> None:
        super().__init__(path)
        self.tables = (table,)
        self.schema = arrow_schema(table)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression=COMPRESSION)
        self._rows: list[list[Any]] = []
        self._groups = 0

    def add_rows(self, table: str, rows: list[list[Any]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._writer.write_table(arrow_table(self._rows, self.schema))
        self._rows = []
        self._groups += 1

    def close(self) -> None:
        if self._rows or not self._groups:
            self._flush()  # an empty run still gives a readable file with the table's columns
        self._writer.close()
