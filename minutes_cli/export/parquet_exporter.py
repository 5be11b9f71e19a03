"""Parquet export (pyarrow, the `parquet` extra): one table per file, with typed columns.

Types: text `string`, `date` `date32`, `value_dkk` `float64`, `amount_count`,
`first_page`, `last_page` `int32`, `closed` `bool`, lists `list<string>`; a
missing value is null. Rows are written in row groups of `ROW_GROUP_ROWS` as
they arrive, so a large run holds only one group in memory, and that as
Arrow record batches (`RowBuffer`), not Python lists. A dataset folder
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
# Rows kept as Python lists before they become an Arrow record batch. As lists a row of the amounts table costs
# about 4.5 KB (benchmarks/dataset_memory.py: 10,462 rows held added 45 MB to the peak RSS), in Arrow's columns
# little more than its text, so a row group waits as batches; 2,000 rows as lists are some 9 MB.
BATCH_ROWS = 2_000
# zstd: smaller files than snappy (pyarrow's default) at a small CPU cost; pandas, polars and DuckDB all read it.
COMPRESSION = "zstd"

_ARROW_TYPES = {
    "string": pa.string(), "date": pa.date32(), "float": pa.float64(), "int": pa.int32(), "bool": pa.bool_(),
    "list": pa.list_(pa.string()),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one of the tables (`TYPED_TABLES`)."""
    return pa.schema([pa.field(name, _ARROW_TYPES[kind]) for name, kind in TYPED_TABLES[table]])


def arrow_batch(rows: list[list[Any]], schema: pa.Schema) -> pa.RecordBatch:
    """Rows (lists in the schema's column order) as an Arrow record batch with the schema's types."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


class RowBuffer:
    """Rows waiting to be written, in arrival order: the newest as Python lists, the rest as Arrow record batches
    (of `BATCH_ROWS`), so a row group's worth of rows costs about what its text does."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.batch_rows = BATCH_ROWS  # read when the buffer is made, so a test may set a smaller size
        self.rows = 0  # rows held, in both forms
        self._lists: list[list[Any]] = []
        self._batches: list[pa.RecordBatch] = []

    @property
    def as_lists(self) -> int:
        """Rows held as Python lists (fewer than `batch_rows`)."""
        return len(self._lists)

    def extend(self, rows: list[list[Any]]) -> None:
        """Add rows at the end."""
        self._lists.extend(rows)
        self.rows += len(rows)
        if len(self._lists) >= self.batch_rows:
            self._batches.append(arrow_batch(self._lists, self.schema))
            self._lists = []

    def take(self, count: int) -> pa.Table:
        """The first `count` rows held (all of them if fewer) as a table; the rest stay held. With no rows held,
        an empty table with the schema's columns."""
        if self._lists:
            self._batches.append(arrow_batch(self._lists, self.schema))
            self._lists = []
        held = pa.Table.from_batches(self._batches, schema=self.schema)
        rest = held.slice(count)  # zero-copy: what stays shares the batches' buffers
        self._batches, self.rows = rest.to_batches(), rest.num_rows
        return held.slice(0, count)


class ParquetFile(TableFile):
    """One table's rows in a Parquet file (zstd-compressed)."""

    def __init__(self, path: Path, table: str) -> None:
        super().__init__(path)
        self.tables = (table,)
        self.schema = arrow_schema(table)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression=COMPRESSION)
        self._rows = RowBuffer(self.schema)
        self._groups = 0

    def add_rows(self, table: str, rows: list[list[Any]]) -> None:
        self._rows.extend(rows)
        while self._rows.rows >= ROW_GROUP_ROWS:
            self._flush(ROW_GROUP_ROWS)

    def _flush(self, count: int) -> None:
        self._writer.write_table(self._rows.take(count))
        self._groups += 1

    def close(self) -> None:
        if self._rows.rows or not self._groups:
            self._flush(self._rows.rows)  # an empty run still gives a readable file with the table's columns
        self._writer.close()
