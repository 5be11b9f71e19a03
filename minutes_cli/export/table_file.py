"""A binary table file (Parquet, Excel) written atomically from rendered documents.

Parquet and Excel are files, not text streams: they go to `-o FILE` only. A
`TableFile` takes each document's rendered rows (`typed_tables.render_tables`)
as they arrive, in input order, and writes them into a temporary file beside
the target, renamed into place at the end; an error or an interrupt leaves the
target as it was. Subclasses say how the rows are stored.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import OutputNotWritable
from ..outputs import sync_file
from .typed_tables import decode_tables


class TableFile:
    """Rows of one or more tables, written to `path` (a temporary file) by a subclass.

    It has `OutputStream`'s interface (`document`, `failure`, `close`, `documents`, `single`)
    so a batch writes to either alike.
    """

    tables: tuple[str, ...] = ()

    def __init__(self, path: Path) -> None:
        self.path = path
        self.documents = 0
        self.single = False  # one file, whatever the number of documents

    def document(self, rendered: str) -> None:
        """Add one document's rows (the text a `Renderer` for this format gave)."""
        self.documents += 1
        for table, rows in decode_tables(rendered).items():
            if rows:
                self.add_rows(table, rows)

    def failure(self, record: dict[str, object]) -> None:
        """A failed file has no rows; it is named on stderr only, as in CSV."""

    def add_rows(self, table: str, rows: list[list[Any]]) -> None:
        """Store rows of `table` (values as `typed_tables.decode_cell` gives them)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file: a table with no rows still gets its header (its schema)."""
        raise NotImplementedError


@contextmanager
def atomic_path(target: Path, hint: str = "give a file name") -> Iterator[Path]:
    """A temporary path beside `target`, renamed to `target` when the block ends without an error; `hint`
    says what to give instead of a folder."""
    shown = str(target)
    if target.is_dir():
        raise OutputNotWritable(shown, "is a directory", hint)
    real = Path(os.path.realpath(target))
    temporary = real.with_name(f".{real.name}.{os.getpid()}.tmp")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        temporary.touch()
    except OSError as error:
        raise OutputNotWritable(shown, f"cannot be written ({error.strerror or error})",
                                "check the folder exists and is writable") from error
    try:
        yield temporary
        sync_file(temporary)  # the writer (pyarrow, XlsxWriter) has closed it
        os.replace(temporary, real)
    finally:
        if temporary.exists():
            temporary.unlink()



@contextmanager
def open_table_file(fmt: str, target: Path, table: str, folder: bool = False) -> Iterator[TableFile]:
    """The `TableFile` of `fmt` ("parquet": the one `table`; "xlsx": every table) writing `target` atomically;
    with `folder` (Parquet only) a dataset folder of part files (`parquet_dataset`).

    The writer's library is imported here, so the other formats never load it.
    """
    if folder:
        if fmt != "parquet":
            raise ValueError(f"a dataset folder is written in Parquet, not {fmt}")
        from .parquet_dataset import open_dataset
        with open_dataset(target, table) as dataset:
            yield dataset
        return
    hint = "give a file name, or FOLDER/ (ending in /) for a Parquet dataset folder" if fmt == "parquet" else None
    with atomic_path(target, hint or "give a file name") as temporary:
        if fmt == "parquet":
            from .parquet_exporter import ParquetFile
            sink: TableFile = ParquetFile(temporary, table)
        else:
            from .xlsx_exporter import XlsxFile
            sink = XlsxFile(temporary)
        yield sink
