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

DEFAULT_CSV = CsvOptions()

# A JSON array's elements are its documents' own pretty JSON, indented one level.
JSON_INDENT = "  "


@dataclass(frozen=True)
class Renderer:
    """One document's share of the output in a format: "json" (pretty), "jsonl" or "csv" rows."""

    fmt: str
    options: CsvOptions = DEFAULT_CSV

    def __call__(self, doc: Document) -> str:
        if self.fmt == "jsonl":
            return json_line(doc)
        if self.fmt == "csv":
            return csv_rows(doc, self.options)
        return pretty_json(doc)


class OutputStream:
    """Writes rendered documents (and, in JSON Lines, failure records) to a text handle in order.

    JSON is one object for a single document and an array for several, as
    SCHEMA.md says; the first document is held back until a second one shows
    which of the two to write. Nothing is written for a batch without documents
    (but JSON Lines still records its failures).
    """

    def __init__(self, handle: TextIO, fmt: str, options: CsvOptions | None = None, bom: bool = False) -> None:
        self.handle = handle
        self.fmt = fmt
        self.options = options or DEFAULT_CSV
        self.bom = bom
        self.documents = 0
        self._held: str | None = None  # JSON: the first document, until a second one arrives

    def document(self, rendered: str) -> None:
        """Write one document's share (a `Renderer`'s text)."""
        self.documents += 1
        if self.fmt == "csv":
            if self.documents == 1:
                self.handle.write(("\ufeff" if self.bom else "") + csv_header(self.options))
            self.handle.write(rendered)
        elif self.fmt == "json":
            self._json_element(rendered)
        else:
            self.handle.write(rendered)

    def failure(self, record: dict[str, object]) -> None:
        """A failed file's record: a line of its own in JSON Lines, nothing in the other formats."""
        if self.fmt == "jsonl":
            self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _json_element(self, rendered: str) -> None:
        if self.documents == 1:
            self._held = rendered
            return
        if self._held is not None:
            self.handle.write("[\n" + _indented(self._held))
            self._held = None
        self.handle.write(",\n" + _indented(rendered))

    def close(self) -> None:
        """Finish the output: the single held JSON object, or the end of the array."""
        if self.fmt != "json" or not self.documents:
            return
        if self._held is not None:
            self.handle.write(self._held + "\n")
            self._held = None
        else:
            self.handle.write("\n]\n")


def _indented(text: str) -> str:
    # JSON strings hold no raw line breaks, so every line break is the formatter's own
    return JSON_INDENT + text.replace("\n", "\n" + JSON_INDENT)
