"""The pipeline in one place: read -> clean -> segment -> extract -> Document.

Each stage is a module of its own; this file only wires them together and
turns a path or bytes into `Document`s (one per meeting in the file).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .cleanup import clean
from .errors import InputNotFound
from .extract.document import build_document
from .model import Block, Document, RawDocument, Source, SourceFormat, Warning
from .readers import detect_format, read
from .segment import split_items, split_meetings, to_paragraphs


def build_documents(raw: RawDocument, source: Source) -> tuple[Document, ...]:
    """The documents of a reader's output: one per meeting the file holds."""
    lines, furniture = clean(raw)
    meetings = split_meetings(to_paragraphs(lines))
    # readers that mark headings (HTML, bold PDF text) make guessing free headings unnecessary
    free_headings = not any(line.heading for line in lines)
    html = raw.format == "html"
    if len(meetings) == 1:
        body = "\n".join(line.text for line in lines)
        return (build_document(split_items(meetings[0], memo_needs_structure=html), raw, source, furniture, body,
                               free_headings),)
    # each meeting is cleaned again on its own: its running headers repeat through its own
    # pages, not the file's, and they name its own committee and municipality
    documents = []
    kept = {id(line) for line in lines}
    for number, part in enumerate(_meeting_parts(raw, meetings, kept), start=1):
        part_lines, part_furniture = clean(part)
        blocks = to_paragraphs(part_lines)
        body = "\n".join(line.text for line in part_lines)
        documents.append(build_document(split_items(blocks, memo_needs_structure=html), part,
                                        replace(source, part=number), part_furniture, body, free_headings))
    return tuple(documents)


def _meeting_parts(raw: RawDocument, meetings: list[list[Block]], kept: set[int]) -> list[RawDocument]:
    """The reader's lines cut where each meeting's first line stands (cleanup keeps line values).

    Running headers that cleanup removed just above a meeting's first line, on its page, go
    with that meeting: they are the top of its first page. `kept` holds the ids of the lines
    cleanup kept.
    """
    cuts = [0]
    cursor = 0
    for blocks in meetings[1:]:
        first = blocks[0].lines[0]
        while cursor < len(raw.lines) and raw.lines[cursor] != first:
            cursor += 1
        if cursor == len(raw.lines):
            break  # not found (cleanup changed the line): the rest stays with the meeting before
        start = cursor
        while start - 1 > cuts[-1] and id(raw.lines[start - 1]) not in kept \
                and raw.lines[start - 1].page == first.page:
            start -= 1
        cuts.append(start)
    cuts.append(len(raw.lines))
    parts = [raw.lines[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    if raw.format != "pdf":
        # a text export's form feeds may number the file's pages while a meeting spans one of
        # them: without page breaks of its own, its running headers are found as unpaged runs
        parts = [lines if len({line.page for line in lines}) > 1 else tuple(line._replace(page=None) for line in lines)
                 for lines in parts]
    return [replace(raw, lines=lines) for lines in parts]


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


def extract_documents_from_bytes(data: bytes, path: str, fmt: SourceFormat | None = None) -> tuple[Document, ...]:
    """Every meeting in a document held in memory, in order: one `Document` each (`source.part` numbers them
    when there are several); `path` names it in the output and in errors."""
    with _collector_paused():
        return _extract_bytes(data, path, fmt)


def extract_bytes(data: bytes, path: str, fmt: SourceFormat | None = None) -> Document:
    """Parse a document held in memory; `path` names it in the output and in errors.

    A file that holds several meetings gives its first here, with a `several-meetings`
    warning; `extract_documents_from_bytes` gives them all.
    """
    return _first(extract_documents_from_bytes(data, path, fmt))


def _first(documents: tuple[Document, ...]) -> Document:
    first = documents[0]
    if len(documents) == 1:
        return first
    note = Warning("several-meetings", f"the file holds {len(documents)} meetings; this is the first "
                   "(extract_documents gives them all)")
    return replace(first, warnings=(*first.warnings, note))


def _extract_bytes(data: bytes, path: str, fmt: SourceFormat | None) -> tuple[Document, ...]:
    fmt = fmt or detect_format(data, path)
    raw = read(data, path, fmt)
    # pages are a PDF notion: form feeds in a text export help find running headers, no more
    pages = raw.pages if fmt == "pdf" else None
    source = Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=pages)
    return build_documents(raw, source)


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
    """Parse a PDF, HTML or text file (the first meeting, when it holds several: see `extract_documents`)."""
    return extract_bytes(read_input(path), str(path))


def extract_documents(path: str | Path) -> tuple[Document, ...]:
    """Every meeting in a PDF, HTML or text file, one `Document` each."""
    return extract_documents_from_bytes(read_input(path), str(path))


def extract_text(text: str, path: str = "-") -> Document:
    """Parse a string of plain text."""
    return extract_bytes(text.encode("utf-8"), path, "text")
