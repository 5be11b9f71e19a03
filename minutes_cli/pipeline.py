"""The pipeline in one place: read -> clean -> segment -> extract -> Document.

Each stage is a module of its own; this file only wires them together and
turns a path or bytes into a `Document`.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from .cleanup import clean
from .errors import InputNotFound
from .extract import build_item, guess_municipality, read_header
from .model import Document, RawDocument, Source, SourceFormat, Warning
from .readers import detect_format, read
from .segment import split_items, to_paragraphs

# A municipality named only in the body must be named this often to count as the document's.
MIN_BODY_MUNICIPALITY_MENTIONS = 3


def build_document(raw: RawDocument, source: Source) -> Document:
    """The structured document for a reader's output."""
    lines, furniture = clean(raw)
    blocks = to_paragraphs(lines)
    segmented = split_items(blocks, memo_needs_structure=raw.format == "html")
    meeting = read_header(segmented.header, furniture, raw.aside).or_stated(raw.meeting)
    if meeting.municipality is None:
        body = "\n".join(line.text for line in lines)
        meeting = replace(meeting, municipality=guess_municipality(body, MIN_BODY_MUNICIPALITY_MENTIONS))
    # readers that mark headings (HTML, bold PDF text) make guessing free headings unnecessary
    free_headings = not any(map(attrgetter("heading"), lines))
    results = [build_item(raw_item, meeting.date, free_headings) for raw_item in segmented.items]
    items = [r.item for r in results]
    if source.format != "pdf":
        items = [item if item.pages is None else replace(item, pages=None) for item in items]
    if meeting.kind == "agenda":
        # an agenda is published before the meeting: a "Beslutning" in it is part of a
        # proposal's text or an empty placeholder, never this meeting's decision
        items = [replace(item, decision=None) for item in items]
    absent = list(meeting.absent) + [name for r in results for name in r.absent]
    meeting = replace(meeting, absent=tuple(dict.fromkeys(absent)))
    # a single-item print has no header: the decision heading says who met and when
    decided = [r for r in results if r.decided_on or (r.item.decision and r.item.decision.by)]
    if decided and meeting.committee is None:
        meeting = replace(meeting, committee=next((r.item.decision.by for r in decided
                                                   if r.item.decision and r.item.decision.by), None))
    if decided and meeting.date is None:
        meeting = replace(meeting, date=next((r.decided_on for r in decided if r.decided_on), None))
    warnings = list(raw.warnings)
    if not items:
        warnings.append(Warning("no-items", "no agenda items were recognised in the document"))
    return Document(source=source, meeting=meeting, items=tuple(items), warnings=tuple(warnings))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one parse.

    A parse allocates hundreds of thousands of small objects (lines, paragraphs,
    matches) with no reference cycles; the collector's passes over them cost about
    a tenth of the time (measured on the benchmark's text) and reclaim nothing.
    Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_bytes(data: bytes, path: str, fmt: SourceFormat | None = None) -> Document:
    """Parse a document held in memory; `path` names it in the output and in errors."""
    with _collector_paused():
        return _extract_bytes(data, path, fmt)


def _extract_bytes(data: bytes, path: str, fmt: SourceFormat | None) -> Document:
    fmt = fmt or detect_format(data, path)
    raw = read(data, path, fmt)
    # pages are a PDF notion: form feeds in a text export help find running headers, no more
    pages = raw.pages if fmt == "pdf" else None
    source = Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=pages)
    return build_document(raw, source)


def read_input(path: str | Path) -> bytes:
    """The bytes of an input file; `InputNotFound` naming it when it is missing, a folder or unreadable."""
    name = str(path)
    file = Path(path)
    if not file.exists():
        raise InputNotFound(name, "no such file")
    if file.is_dir():
        raise InputNotFound(name, "is a directory", "use --recursive to read the files in it")
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputNotFound(name, f"cannot be read ({error.strerror})") from error


def extract_file(path: str | Path) -> Document:
    """Parse a PDF, HTML, text, Word or XML-export file."""
    return extract_bytes(read_input(path), str(path))


def extract_text(text: str, path: str = "-") -> Document:
    """Parse a string of plain text."""
    return extract_bytes(text.encode("utf-8"), path, "text")
