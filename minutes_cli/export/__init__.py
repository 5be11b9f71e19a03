"""Exporters: turn parsed `Document`s into JSON, JSON Lines or CSV text, or Parquet and Excel files.

`EXPORTERS` maps each text `--format` name to its writer and `FILE_FORMATS`
names the binary ones (written by `open_table_file` to -o FILE, or for
Parquet to a dataset folder, -o FOLDER/); `Renderer`
and `OutputStream` give the same text one document at a time, for batches.

The CLI builds its choices from `TEXT_FORMATS`, `FILE_FORMATS` and
`TABLE_NAMES`, plain names defined here, so that it can start without
importing the exporters (tests check they name what `EXPORTERS` and `TABLES`
hold). Every other name is imported on first use (PEP 562).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Document
    from .csv_exporter import TABLES, CsvOptions, to_csv
    from .json_exporter import document_to_dict, json_line, pretty_json, to_json, to_jsonl
    from .stream import OutputStream, Renderer
    from .table_file import TableFile, open_table_file
    from .typed_tables import TYPED_TABLES

# The names of the --format and --table choices (the keys of EXPORTERS and TABLES, and the file formats).
TEXT_FORMATS = ("json", "jsonl", "csv")
TABLE_NAMES = ("items", "amounts", "attachments")
# --format names written by a `TableFile` (to -o FILE only), and the extra that brings each one's library.
FILE_FORMATS: dict[str, str] = {"parquet": "parquet", "xlsx": "xlsx"}

Exporter = Callable[[Sequence["Document"], "CsvOptions"], str]

if TYPE_CHECKING:
    EXPORTERS: dict[str, Exporter]  # each text --format name -> its writer (built on first use)

# Each lazily imported name and the module it lives in.
_HOMES = {
    **dict.fromkeys(["TABLES", "CsvOptions", "to_csv"], ".csv_exporter"),
    **dict.fromkeys(["document_to_dict", "json_line", "pretty_json", "to_json", "to_jsonl"], ".json_exporter"),
    **dict.fromkeys(["OutputStream", "Renderer"], ".stream"),
    **dict.fromkeys(["TableFile", "open_table_file"], ".table_file"),
    "TYPED_TABLES": ".typed_tables",
}


def _exporters() -> dict[str, Exporter]:
    from .csv_exporter import to_csv
    from .json_exporter import to_json, to_jsonl
    return {
        "json": lambda docs, _options: to_json(docs),
        "jsonl": lambda docs, _options: to_jsonl(docs),
        "csv": to_csv,
    }


def __getattr__(name: str) -> Any:
    """A name of the package, imported from its module on first use and kept."""
    if name == "EXPORTERS":
        value: Any = _exporters()
    elif name in _HOMES:
        value = getattr(import_module(_HOMES[name], __name__), name)
    else:
        raise AttributeError(f"module 'minutes_cli.export' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["EXPORTERS", "FILE_FORMATS", "TABLES", "TABLE_NAMES", "TEXT_FORMATS", "TYPED_TABLES", "CsvOptions",
           "OutputStream", "Renderer", "TableFile", "document_to_dict", "json_line", "open_table_file",
           "pretty_json", "to_csv", "to_json", "to_jsonl"]
