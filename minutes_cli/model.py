"""Typed, frozen data model shared by every pipeline stage.

Readers produce `Line`s, cleanup and segmentation pass `Line`s and `Block`s
along, and extraction builds the `Document` that exporters turn into the
JSON of SCHEMA.md. Nothing here parses or prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Literal, NamedTuple

SCHEMA_VERSION = "1.1"

SourceFormat = Literal["pdf", "html", "text", "xml", "docx", "image"]
# Formats whose lines carry page numbers that the output reports (source.pages, items[].pages).
PAGED_FORMATS: tuple[SourceFormat, ...] = ("pdf", "image")
MeetingKind = Literal["agenda", "minutes"]
Outcome = Literal["approved", "recommended", "noted", "rejected", "postponed", "other"]


class Line(NamedTuple):
    """One line of document text with what the document states about it.

    `text` is never empty, has no space at either end and no run of spaces
    inside (every reader collapses whitespace; later stages rely on it).

    The other fields are structure a reader saw, handed forward so that later
    stages need not guess it back from the words:

    - `heading`: the document marks the line as a heading (an HTML <h3>, a
      paragraph all in <strong>, a bold or larger PDF line), whatever its words;
      `level` is its rank, 1 (largest) to 6, when the reader knows it;
    - `gap_before`: a blank line or visible vertical gap separates it from the
      line before, i.e. a paragraph starts here;
    - `size`: font size in points, when the reader knows it; `bold`: the line is
      set in bold;
    - `section_break`: an empty heading or rule stands before it, so the section
      above ends here;
    - `list_marker`: the line is an entry of a list the markup states (an HTML
      <li>: "•", or its number "1.", "a)");
    - `cell`: the line is the text of a table cell: (table, row, column), each
      counted from 0 within the document;
    - `item`: the document states this line is the heading of an agenda item
      with this number (a known publishing system's item markup, an item table's
      row, an export's item element); `case` is the case number the markup
      states beside it; `closed` its stated open/closed status.

    A named tuple rather than a frozen dataclass: a long document has tens of
    thousands of lines, and a tuple is built in a fraction of the time.
    """

    text: str
    page: int | None = None
    heading: bool = False
    gap_before: bool = False
    size: float | None = None
    section_break: bool = False
    level: int | None = None
    bold: bool = False
    list_marker: str | None = None
    cell: tuple[int, int, int] | None = None
    item: str | None = None
    case: str | None = None
    closed: bool | None = None


class Block(NamedTuple):
    """A paragraph: consecutive lines with no gap between them, and their text joined by single spaces.

    Build one with `Block.of(lines)`. A named tuple like `Line`, and for the same
    reason: a long document has tens of thousands of paragraphs.
    """

    lines: tuple[Line, ...]
    text: str

    @classmethod
    def of(cls, lines: tuple[Line, ...]) -> Block:
        """The paragraph of these lines."""
        return cls(lines, lines[0].text if len(lines) == 1 else " ".join([line.text for line in lines]))

    @property
    def first_page(self) -> int | None:
        """Page of the first line, if known."""
        return self.lines[0].page if self.lines else None

    @property
    def last_page(self) -> int | None:
        """Page of the last line, if known."""
        return self.lines[-1].page if self.lines else None


class _Record:
    """Base of the output records: each pickles as its class and field values.

    Batch workers send whole documents back to the parent process; rebuilt from
    a tuple, a document unpickles in about half the time the default (an empty
    object whose attribute dict is then filled) takes.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Warning(_Record):
    """Something the parser could not do cleanly."""

    code: str
    message: str
    page: int | None = None


@dataclass(frozen=True)
class RawDocument:
    """What a reader hands to the pipeline: lines with pages, and reader warnings."""

    lines: tuple[Line, ...]
    format: SourceFormat
    pages: int | None = None
    warnings: tuple[Warning, ...] = ()
    aside: tuple[str, ...] = ()  # text around the document (page title, site footer, logo) naming its publisher
    ocr_pages: tuple[int, ...] = ()  # pages whose lines were read by OCR
    meeting: Meeting | None = None  # meeting facts the input states as data (an export's committee, date, kind)


@dataclass(frozen=True)
class Source(_Record):
    """The input the document was parsed from."""

    path: str
    format: SourceFormat
    sha256: str
    pages: int | None = None
    part: int | None = None  # 1, 2, … when the file holds several meetings, each its own document
    ocr_pages: tuple[int, ...] = ()  # pages whose text was read by OCR


@dataclass(frozen=True)
class Meeting(_Record):
    """Facts about the meeting as a whole."""

    municipality: str | None = None
    committee: str | None = None
    kind: MeetingKind | None = None
    date: str | None = None
    start_time: str | None = None
    location: str | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

    def or_stated(self, stated: Meeting | None) -> Meeting:
        """This meeting with every fact it lacks taken from `stated` (an export's own data)."""
        if stated is None:
            return self
        return replace(self, **{f.name: getattr(stated, f.name) for f in fields(self) if not getattr(self, f.name)})


@dataclass(frozen=True)
class Recommendation(_Record):
    """An item's indstilling: who recommends and each "at …" point."""

    by: str | None
    text: str
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision(_Record):
    """An item's beslutning at this meeting."""

    text: str
    outcome: Outcome
    by: str | None = None


@dataclass(frozen=True)
class Attachment(_Record):
    """One bilag."""

    number: str | None
    title: str


@dataclass(frozen=True)
class Amount(_Record):
    """A money amount with the raw text it was read from."""

    text: str
    value: float
    currency: str
    context: str
    section: str | None = None


@dataclass(frozen=True)
class Section(_Record):
    """Part of an item's body under one of its own headings."""

    heading: str | None
    text: str


@dataclass(frozen=True)
class Item(_Record):
    """One item (punkt) of the meeting."""

    number: str | None
    title: str
    closed: bool = False
    case_numbers: tuple[str, ...] = ()
    case_officer: str | None = None
    recommendation: Recommendation | None = None
    decision: Decision | None = None
    attachments: tuple[Attachment, ...] = ()
    amounts: tuple[Amount, ...] = ()
    sections: tuple[Section, ...] = ()
    pages: tuple[int, int] | None = None


@dataclass(frozen=True)
class Document(_Record):
    """One parsed document: the top-level object of the output contract."""

    source: Source
    meeting: Meeting
    items: tuple[Item, ...] = ()
    warnings: tuple[Warning, ...] = field(default_factory=tuple)
    schema_version: str = SCHEMA_VERSION
