"""A Parquet dataset folder (`-o FOLDER/`): one table's rows in part files of at most `PART_ROWS` rows.

A run over hundreds of thousands of files writes its rows as they arrive into
`part-00000.parquet`, `part-00001.parquet`, …, in input order, every part with
the table's schema (`parquet_exporter.arrow_schema`), so neither a part nor
the rows held in memory grow with the run: at most one row group
(`parquet_exporter.ROW_GROUP_ROWS`, kept as Arrow batches) plus one
document's rows. The folder reads
as one table: `pyarrow.dataset.dataset(FOLDER)`, DuckDB's
`read_parquet('FOLDER/*.parquet')`, `polars.scan_parquet('FOLDER/*.parquet')`,
`pandas.read_parquet(FOLDER)`.

A part is written under a hidden temporary name (`.part-00000.parquet.PID.tmp`,
which neither `*.parquet` nor pyarrow, which skips names starting with "." or
"_", picks up) and renamed when it is complete, so a part that looks complete
is complete. An error or an interrupt removes the part being written and
keeps the complete ones. A run without rows writes one empty part, so the
folder still has the table's columns. A folder that already holds Parquet files
is refused: a dataset is read as all its files, and an earlier run's parts
would be read as rows of this one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import OutputNotWritable
from ..outputs import sync_file
from . import parquet_exporter
from .parquet_exporter import COMPRESSION, RowBuffer, arrow_schema
from .table_file import TableFile

# Rows per part file: five row groups. An items row of the corpus (../shared/corpus and seeds: 126 items, 139
# amounts) takes about 900 bytes in Arrow once read and at most 300 in the zstd file (a file that small is part
# header), an amounts row 450 and 100; so an items part is some 75 MB on disk and
# 225 MB read whole, a size pandas or polars load on a laptop, and a crash loses at most one part's work. 700,000
# documents give some ten million items, so about 40 parts, which DuckDB or Spark read one per thread.
PART_ROWS = 250_000
# The name of part N; the zero-padded number sorts the parts in input order.
PART_NAME = "part-{:05d}.parquet"


def prepare_folder(folder: Path) -> None:
    """Create the dataset folder; `OutputNotWritable` when it is a file, holds Parquet files already, or cannot
    be written."""
    shown = f"{folder}{os.sep}"
    if folder.exists() and not folder.is_dir():
        raise OutputNotWritable(shown, "is a file, not a folder", "leave out the trailing / to write one Parquet file")
    if folder.is_dir() and any(folder.glob("*.parquet")):
        raise OutputNotWritable(shown, "holds Parquet files already (an earlier run's parts?)",
                                "a dataset is read as all its *.parquet files: remove them or name a new folder")
    probe = folder / f".minutes-probe.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise OutputNotWritable(shown, f"cannot be written ({error.strerror or error})",
                                "check the folder's parent exists and is writable") from error


class ParquetDataset(TableFile):
    """One table's rows in the part files of a folder (see the module docstring)."""

    def __init__(self, folder: Path, table: str) -> None:
        super().__init__(folder)
        self.tables = (table,)
        self.schema = arrow_schema(table)
        # read when the dataset is made, so a test (or a benchmark) may set smaller sizes
        self.part_rows = PART_ROWS
        self.group_rows = parquet_exporter.ROW_GROUP_ROWS
        self.parts: list[Path] = []  # the complete parts, in order
        self._rows = RowBuffer(self.schema)  # rows not yet written
        self._writer: pq.ParquetWriter | None = None
        self._temporary: Path | None = None
        self._in_part = 0  # rows written to the open part

    @property
    def held(self) -> int:
        """Rows received and not yet written (fewer than a row group between documents)."""
        return self._rows.rows

    def add_rows(self, table: str, rows: list[list[Any]]) -> None:
        self._rows.extend(rows)
        while self._rows.rows >= self._room():
            self._write(self._room())

    def _room(self) -> int:
        """Rows the next row group takes: a whole group, or what the open part still has room for."""
        return min(self.group_rows, self.part_rows - self._in_part)

    def _write(self, count: int) -> None:
        """Write the first `count` held rows as a row group of the open part (opened if none is)."""
        if self._writer is None:
            self._temporary = self.path / f".{PART_NAME.format(len(self.parts))}.{os.getpid()}.tmp"
            self._writer = pq.ParquetWriter(str(self._temporary), self.schema, compression=COMPRESSION)
        group = self._rows.take(count)
        self._writer.write_table(group)
        self._in_part += group.num_rows
        if self._in_part >= self.part_rows:
            self._finish_part()

    def _finish_part(self) -> None:
        """Close the open part and give it its name: from now on it is complete."""
        assert self._writer is not None and self._temporary is not None
        self._writer.close()
        sync_file(self._temporary)
        final = self.path / PART_NAME.format(len(self.parts))
        os.replace(self._temporary, final)
        self.parts.append(final)
        self._writer, self._temporary, self._in_part = None, None, 0

    def close(self) -> None:
        if self._rows.rows or (not self.parts and self._writer is None):
            self._write(self._rows.rows)  # a run without rows still gives a part with the table's columns
        if self._writer is not None:
            self._finish_part()

    def abandon(self) -> None:
        """Remove the part being written (after an error or an interrupt); the complete parts stay."""
        if self._writer is not None:
            self._writer.close()
        if self._temporary is not None and self._temporary.exists():
            self._temporary.unlink()
        self._writer, self._temporary, self._rows = None, None, RowBuffer(self.schema)


@contextmanager
def open_dataset(folder: Path, table: str) -> Iterator[ParquetDataset]:
    """A `ParquetDataset` writing `table` into `folder`; on an error or an interrupt the unfinished part goes."""
    prepare_folder(folder)
    dataset = ParquetDataset(folder, table)
    try:
        yield dataset
    finally:
        dataset.abandon()  # after `close` there is nothing left to remove
