"""Streamed output for batches: each document rendered on its own, written as it comes.

A batch of thousands of files holds only the output of the few documents in
flight in the parent process. A `Renderer` turns one document into its share of the
output; it is picklable, so worker processes run it and send back text, not
documents. `OutputStream` writes those shares in input order and adds what the
format needs around them: the CSV header, the brackets and commas of a JSON
array. The result is byte for byte what `EXPORTERS` gives for the same
documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from ..model import Document
from .csv_exporter import CsvOptions, csv_header, csv_rows
from .json_exporter import json_line, pretty_json
from .typed_tables import TYPED_TABLES, render_tables

DEFAULT_CSV = CsvOptions()

# A JSON array's elements are its documents' own pretty JSON, indented one level.
JSON_INDENT = "  "


@dataclass(frozen=True)
class Renderer:
    """One document's share of the output in a format: "json" (pretty), "jsonl" or "csv" rows; for
    "parquet" (the chosen table) and "xlsx" (every table) its typed rows as a line of JSON."""

    fmt: str
    options: CsvOptions = DEFAULT_CSV

    def __call__(self, doc: Document) -> str:
        if self.fmt == "jsonl":
            return json_line(doc)
        if self.fmt == "csv":
            return csv_rows(doc, self.options)
        if self.fmt == "parquet":
            return render_tables(doc, (self.options.table,))
        if self.fmt == "xlsx":
            return render_tables(doc, tuple(TYPED_TABLES))
        return pretty_json(doc)

    def whole(self, parts: tuple[str, ...]) -> str:
        """The rendered meetings of one file as that file's own output: one JSON object, or a
        list of them when the file holds several meetings; JSON Lines and CSV rows in order."""
        if self.fmt == "json" and len(parts) > 1:
            return "[\n" + ",\n".join(_indented(part.rstrip("\n")) for part in parts) + "\n]\n"
        return "".join(parts)


class OutputStream:
    """Writes rendered documents (and, in JSON Lines, failure records) to a text handle in order.

    JSON is a list (`[]` when no document parsed), or with `single` the one
    document's object (nothing at all when it failed). CSV always has its header
    row, so a batch in which every file failed still gives a valid, empty table.
    JSON Lines has a line per document and per failure.
    """

    def __init__(self, handle: TextIO, fmt: str, options: CsvOptions | None = None, bom: bool = False,
                 single: bool = False) -> None:
        self.handle = handle
        self.fmt = fmt
        self.options = options or DEFAULT_CSV
        self.bom = bom
        self.single = single
        self.documents = 0
        self._started = False

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        if self.fmt == "csv":
            self.handle.write(("\ufeff" if self.bom else "") + csv_header(self.options))

    def document(self, rendered: str) -> None:
        """Write one document's share (a `Renderer`'s text)."""
        self._start()
        self.documents += 1
        if self.fmt == "json":
            self._json_element(rendered)
        else:
            self.handle.write(rendered)

    def failure(self, record: dict[str, object]) -> None:
        """A failed file's record: a line of its own in JSON Lines, nothing in the other formats."""
        if self.fmt == "jsonl":
            self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _json_element(self, rendered: str) -> None:
        if self.single:
            if self.documents > 1:
                raise ValueError("a single-document JSON output got a second document")
            self.handle.write(rendered + "\n")
            return
        self.handle.write(("[\n" if self.documents == 1 else ",\n") + _indented(rendered))

    def close(self) -> None:
        """Finish the output: the CSV header if no row came, the end of the JSON array (or `[]`)."""
        self._start()
        if self.fmt != "json" or self.single:
            return
        self.handle.write("\n]\n" if self.documents else "[]\n")


def _indented(text: str) -> str:
    # JSON strings hold no raw line breaks, so every line break is the formatter's own
    return JSON_INDENT + text.replace("\n", "\n" + JSON_INDENT)
