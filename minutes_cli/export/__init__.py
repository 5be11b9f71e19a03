"""Exporters: turn parsed `Document`s into JSON, JSON Lines or CSV text.

`EXPORTERS` maps each `--format` name to its writer; the CLI's choices come
from this registry. `Renderer` and `OutputStream` give the same text one
document at a time, for batches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Document
from .csv_exporter import TABLES, CsvOptions, to_csv
from .json_exporter import document_to_dict, json_line, pretty_json, to_json, to_jsonl
from .stream import OutputStream, Renderer

Exporter = Callable[[Sequence[Document], CsvOptions], str]

EXPORTERS: dict[str, Exporter] = {
    "json": lambda docs, _options: to_json(docs),
    "jsonl": lambda docs, _options: to_jsonl(docs),
    "csv": to_csv,
}

__all__ = ["EXPORTERS", "TABLES", "CsvOptions", "OutputStream", "Renderer", "document_to_dict", "json_line",
           "pretty_json", "to_csv", "to_json", "to_jsonl"]
