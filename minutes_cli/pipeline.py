"""The pipeline in one place: read -> clean -> segment -> extract -> Document.

Each stage is a module of its own; this file only wires them together and
turns a path or bytes into `Document`s (one per meeting in the file).
"""

from __future__ import annotations

import gc
import os
import stat
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputNotFound, InputTooLarge, MinutesError

# The model, the readers and the parser are imported in the functions that use them, so that the CLI
# can import this module (for its size limits) at start without loading them.
if TYPE_CHECKING:
    from .model import Block, Document, RawDocument, Source, SourceFormat
    from .readers.options import ReadOptions


def build_documents(raw: RawDocument, source: Source) -> tuple[Document, ...]:
    """The documents of a reader's output: one per meeting the file holds."""
    # imported here, on the first parse: `minutes --version` and the CLI's start need none of the parser
    from .cleanup import clean
    from .extract.document import build_document
    from .segment import split_items, split_meetings, to_paragraphs

    lines, furniture, furniture_at = clean(raw)
    meetings = split_meetings(to_paragraphs(lines))
    # readers that mark headings (HTML, bold PDF text) make guessing free headings unnecessary
    free_headings = not any(line.heading for line in lines)
    html = raw.format == "html"
    if len(meetings) == 1:
        body = "\n".join(line.text for line in lines)
        return (build_document(split_items(meetings[0], memo_needs_structure=html), raw, source, furniture, body,
                               free_headings),)
    # each meeting keeps the file's cleaned paragraphs; the running headers cleanup removed
    # within its stretch of the file are its own furniture (they name its committee and municipality)
    documents = []
    parts = _with_furniture(raw, meetings, furniture, furniture_at)
    for number, (blocks, part_furniture) in enumerate(parts, start=1):
        body = "\n".join(block.text for block in blocks)
        documents.append(build_document(split_items(blocks, memo_needs_structure=html), raw,
                                        replace(source, part=number), part_furniture, body, free_headings))
    return tuple(documents)


def _with_furniture(raw: RawDocument, meetings: list[list[Block]], furniture: list[str],
                    furniture_at: list[int]) -> list[tuple[list[Block], list[str]]]:
    """Each meeting's paragraphs with the furniture removed from its stretch of the reader's lines.

    `furniture_at` says where each furniture line stood among the reader's lines. Cleanup
    keeps the reader's line values, so a meeting's first line is found among them by value
    (a search in C). The run of furniture right above it (its first page's running header)
    goes with it.
    """
    if not furniture:
        return [(blocks, []) for blocks in meetings]
    edges = [0]
    search_from = 0
    for blocks in meetings[1:]:
        try:
            found = raw.lines.index(blocks[0].lines[0], search_from)
        except ValueError:
            edges.append(edges[-1])  # changed by cleanup: the meeting before keeps the furniture
            continue
        search_from = found
        position = bisect_left(furniture_at, found)
        while position > edges[-1] and furniture_at[position - 1] == found - 1:
            position, found = position - 1, found - 1
        edges.append(position)
    edges.append(len(furniture))
    return [(blocks, furniture[edges[k]: edges[k + 1]]) for k, blocks in enumerate(meetings)]


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


# Default size limits, by format, so that a file at its limit peaks under 400 MB RSS
# (measured with `minutes extract FILE -o out.json` on generated minutes, 2026-11-30): a text
# parse holds about 15 times its input (19.9 MB of text: 307 MB), an HTML parse about 33
# times (9.95 MB of HTML: 342 MB, 11.9 MB: 398 MB; its tree of elements is heavier than
# lines). A PDF's bytes are mostly fonts and images and its pages are read one at a time (a
# 17 MB, 520-page PDF peaks at 148 MB), so it may be much larger. A scanned image (a
# multi-page TIFF) is likewise decoded and read by OCR one page at a time, each page image
# released after use, so it has the PDF's limit.
MB = 1_000_000
MAX_BYTES_BY_FORMAT: dict[str, int] = {"pdf": 200 * MB, "html": 10 * MB, "text": 20 * MB, "image": 200 * MB}
# The limit of a format without an entry above (readers added later): the stricter one, HTML's.
DEFAULT_MAX_BYTES = 10 * MB
# Before the format is known only the largest limit applies.
MAX_READ_BYTES = max(MAX_BYTES_BY_FORMAT.values())


def size_limit(fmt: str | None, max_size: int | None) -> int | None:
    """The size limit in bytes: `max_size` when given (0: none), else the format's default."""
    if max_size is not None:
        return max_size or None
    if fmt is None:
        return MAX_READ_BYTES
    return MAX_BYTES_BY_FORMAT.get(fmt, DEFAULT_MAX_BYTES)


SIZE_HINT = "raise it with --max-size, e.g. --max-size 1GB, or 0 for none"


def _megabytes(size: int) -> str:
    if size < MB:
        return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"
    return f"{size / MB:.1f} MB" if size < 10 * MB else f"{size / MB:.0f} MB"


def check_size(size: int, path: str, fmt: str | None, max_size: int | None) -> None:
    """Raise `InputTooLarge` when `size` bytes exceed the limit for the format."""
    limit = size_limit(fmt, max_size)
    if limit is not None and size > limit:
        kind = f" for {fmt} input" if fmt and max_size is None else ""
        raise InputTooLarge(path, f"the file is {_megabytes(size)}, more than the {_megabytes(limit)} limit{kind}",
                            SIZE_HINT)


def extract_documents_from_bytes(data: bytes, path: str, fmt: SourceFormat | None = None,
                                 max_size: int | None = None,
                                 options: ReadOptions | None = None) -> tuple[Document, ...]:
    """Every meeting in a document held in memory, in order: one `Document` each (`source.part` numbers them
    when there are several); `path` names it in the output and in errors.

    `max_size` is the size limit in bytes (0: none); by default each format has its own
    (`MAX_BYTES_BY_FORMAT`). `options` say how to read it (OCR of scans), the defaults when None.
    """
    with _collector_paused():
        return _extract_bytes(data, path, fmt, max_size, options)


def extract_bytes(data: bytes, path: str, fmt: SourceFormat | None = None, max_size: int | None = None,
                  options: ReadOptions | None = None) -> Document:
    """Parse a document held in memory; `path` names it in the output and in errors.

    A file that holds several meetings gives its first here, with a `several-meetings`
    warning; `extract_documents_from_bytes` gives them all. `max_size`, `options`: see there.
    """
    return _first(extract_documents_from_bytes(data, path, fmt, max_size, options))


def _first(documents: tuple[Document, ...]) -> Document:
    from .model import Warning

    first = documents[0]
    if len(documents) == 1:
        return first
    note = Warning("several-meetings", f"the file holds {len(documents)} meetings; this is the first "
                   "(extract_documents gives them all)")
    return replace(first, warnings=(*first.warnings, note))


def _extract_bytes(data: bytes, path: str, fmt: SourceFormat | None,
                   max_size: int | None = None, options: ReadOptions | None = None) -> tuple[Document, ...]:
    import hashlib

    from .model import PAGED_FORMATS, Source
    from .readers import detect_format, read

    fmt = fmt or detect_format(data, path)
    check_size(len(data), path, fmt, max_size)
    raw = read(data, path, fmt, options)
    # pages are a PDF (and scan) notion: form feeds in a text export help find running headers, no more
    pages = raw.pages if fmt in PAGED_FORMATS else None
    source = Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=pages,
                    ocr_pages=raw.ocr_pages)
    return build_documents(raw, source)


# What a path that is not a regular file is, for the message that refuses it.
_SPECIAL_FILES: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_input(path: str | Path, max_size: int | None = None) -> bytes:
    """The bytes of an input file; `InputNotFound` naming it when it is missing, a folder, a special
    file (a FIFO or device would block or never end) or unreadable; `InputTooLarge` past the size limit."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputNotFound(name, "is a symbolic link to a file that does not exist") from None
        raise InputNotFound(name, "no such file") from None
    except OSError as error:
        raise InputNotFound(name, f"cannot be read ({error.strerror or error})") from error
    if stat.S_ISDIR(info.st_mode):
        raise InputNotFound(name, "is a directory", "give a file; `minutes extract -r` reads the files in a folder")
    if not stat.S_ISREG(info.st_mode):
        what = next((label for test, label in _SPECIAL_FILES if test(info.st_mode)), "not a regular file")
        raise InputNotFound(name, f"is {what}, not a file", "save it to a file, or pipe it to standard input as -")
    check_size(info.st_size, name, None, max_size)
    if max_size is None and info.st_size > min(MAX_BYTES_BY_FORMAT.values()):
        _check_size_by_kind(name, info.st_size)
    limit = size_limit(None, max_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except FileNotFoundError:
        raise InputNotFound(name, "no such file (it was removed while the batch ran)") from None
    except OSError as error:
        raise InputNotFound(name, f"cannot be read ({error.strerror or error})") from error
    check_size(len(data), name, None, max_size)  # it may have grown since it was looked at
    return data


# Bytes enough to tell a file's kind (detect_kind looks at the first 8 KB at most).
KIND_SNIFF_BYTES = 8192


def _check_size_by_kind(name: str, size: int) -> None:
    """Refuse a large file by its kind's limit before reading it all (a 100 MB text is refused at once)."""
    from .readers import READERS, detect_kind

    try:
        with open(name, "rb") as handle:
            kind = detect_kind(handle.read(KIND_SNIFF_BYTES), name)
    except (OSError, MinutesError):
        return  # reading it whole will say what is wrong
    if kind in READERS:  # a kind no reader reads is refused for what it is, whatever its size
        check_size(size, name, kind, None)


def read_stream(stream: BinaryIO, name: str, max_size: int | None = None) -> bytes:
    """All bytes of a stream (standard input), reading no more than the size limit allows."""
    limit = size_limit(None, max_size)
    data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:  # only limit + 1 bytes were read: the size is unknown
        raise InputTooLarge(name, f"the input is more than the {_megabytes(limit)} limit", SIZE_HINT)
    return data


def extract_file(path: str | Path, max_size: int | None = None, options: ReadOptions | None = None) -> Document:
    """Parse a PDF, HTML, text, Word, XML-export or scanned image file (the first meeting, when it holds
    several: see `extract_documents`; `max_size`, `options`: see `extract_documents_from_bytes`)."""
    return extract_bytes(read_input(path, max_size), str(path), max_size=max_size, options=options)


def extract_documents(path: str | Path, max_size: int | None = None,
                      options: ReadOptions | None = None) -> tuple[Document, ...]:
    """Every meeting in a PDF, HTML, text, Word, XML-export or scanned image file, one `Document` each."""
    return extract_documents_from_bytes(read_input(path, max_size), str(path), max_size=max_size,
                                        options=options)


def extract_text(text: str, path: str = "-") -> Document:
    """Parse a string of plain text."""
    return extract_bytes(text.encode("utf-8"), path, "text")
