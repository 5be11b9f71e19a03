"""Exporters: turn parsed `Document`s into JSON, JSON Lines or CSV text, or Parquet and Excel files.

`EXPORTERS` maps each text `--format` name to its writer and `FILE_FORMATS`
names the binary ones (written by `open_table_file` to -o FILE); the CLI's
choices come from these two. `Renderer` and `OutputStream` give the same text
one document at a time, for batches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Document
from .csv_exporter import TABLES, CsvOptions, to_csv
from .json_exporter import document_to_dict, json_line, pretty_json, to_json, to_jsonl
from .stream import OutputStream, Renderer
from .table_file import FILE_FORMATS, TableFile, open_table_file
from .typed_tables import TYPED_TABLES

Exporter = Callable[[Sequence[Document], CsvOptions], str]

EXPORTERS: dict[str, Exporter] = {
    "json": lambda docs, _options: to_json(docs),
    "jsonl": lambda docs, _options: to_jsonl(docs),
    "csv": to_csv,
}

__all__ = ["EXPORTERS", "FILE_FORMATS", "TABLES", "TYPED_TABLES", "CsvOptions", "OutputStream", "Renderer",
           "TableFile", "document_to_dict", "json_line", "open_table_file", "pretty_json", "to_csv", "to_json",
           "to_jsonl"]
