"""Readers: turn the bytes of a PDF, HTML page, text file or scanned image into lines with pages.

`READERS` maps a format name to its reader; `detect_format` decides the
format from the content (magic bytes, markup), using the file name only to
break ties. An XML export is recognised by its root element (`xml_reader`), a
ZIP by its members (`archive`: a .docx, or a ZIP holding one export). A scan
(TIFF, PNG, JPEG) is an "image", read by OCR (`image_reader`). Kinds we
recognise but do not read (other XML and ZIPs, GIF images, an old .doc) are
data in `UNREAD_KINDS` or raise `UnsupportedFormat` with a clear reason.
`read` makes its `ReadOptions` current while the reader runs (see
readers/options.py).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..errors import EmptyInput, NotADocument, UnsupportedFormat
from .options import ReadOptions, using

if TYPE_CHECKING:
    from ..model import RawDocument, SourceFormat

# Each reader, and the sniffing helpers that need a reader's library, is imported when first called:
# importing this package (for ReadOptions) or reading a PDF does not load bs4, lxml, python-docx or
# charset-normalizer. The functions below only forward to them.


def _on_first_use(module: str, name: str, libraries: str) -> Reader:
    """A reader that imports `module` (and so its libraries) only when it is first called."""
    def read(data: bytes, path: str) -> RawDocument:
        reader: Reader = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        return reader(data, path)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = f"`{module}.{name}` ({libraries}), imported on first use."
    return read


read_pdf = _on_first_use("pdf_reader", "read_pdf", "pypdfium2, pdfplumber")
read_html = _on_first_use("html_reader", "read_html", "BeautifulSoup, lxml")
read_text = _on_first_use("text_reader", "read_text", "charset-normalizer")
read_xml = _on_first_use("xml_reader", "read_xml", "lxml")
read_docx = _on_first_use("docx_reader", "read_docx", "python-docx")
read_image = _on_first_use("image_reader", "read_image", "Pillow, Tesseract")


def as_utf8_head(data: bytes, size: int) -> bytes:
    """`encoding.as_utf8_head`."""
    from .encoding import as_utf8_head as head
    return head(data, size)


def looks_like_text(data: bytes) -> bool:
    """`encoding.looks_like_text`."""
    from .encoding import looks_like_text as wide
    return wide(data)


def declares_xml(head: bytes) -> bool:
    """`xml_reader.declares_xml`."""
    from .xml_reader import declares_xml as declares
    return declares(head)


def check_xml(data: bytes, path: str) -> None:
    """`xml_reader.check_xml`."""
    from .xml_reader import check_xml as check
    check(data, path)


def is_export(data: bytes) -> bool:
    """`xml_reader.is_export`."""
    from .xml_reader import is_export as export
    return export(data)


Reader = Callable[[bytes, str], "RawDocument"]

READERS: dict[SourceFormat, Reader] = {"pdf": read_pdf, "html": read_html, "text": read_text, "xml": read_xml,
                                       "docx": read_docx, "image": read_image}


@dataclass(frozen=True)
class Kind:
    """A kind of file `detect_format` recognises but no reader reads, and what to tell the user about it."""

    name: str  # "a GIF image"
    hint: str | None = None


# Kinds recognised and not read, by the name detection gives them. Adding a reader for one
# of them is one line in `READERS` (its key taking precedence over the entry here); a batch
# walking a folder (`-r`) names every file of these kinds as skipped, with this reason.
UNREAD_KINDS: dict[str, Kind] = {
    "zip": Kind("a ZIP archive (or DOCX/XLSX)"),
    "gif": Kind("a GIF image"),
    "ole": Kind("an old Microsoft Office file (DOC/XLS)", "save it as PDF"),
    "gzip": Kind("a gzip archive", "unpack it first"),
    "rtf": Kind("an RTF file", "save it as PDF or text"),
    "json": Kind("JSON data (perhaps an output of minutes itself)"),
    "binary": Kind("a binary file"),
}

@cache
def signatures() -> tuple[tuple[bytes, str], ...]:
    """Leading bytes of kinds we recognise by their signature (of the raw bytes: a TIFF's header
    and tags may have the NULs of UTF-16 text, which `as_utf8_head` would decode).

    A function, not a constant, because the image signatures live in `image_reader`, whose OCR
    module is slow to import (it is imported when first needed, not with this package).
    """
    from .image_reader import IMAGE_SIGNATURES
    return (
        (b"PK\x03\x04", "zip"),
        (b"PK\x05\x06", "zip"),  # an empty ZIP archive
        *((signature, "image") for signature in IMAGE_SIGNATURES),  # a scan (TIFF, PNG, JPEG), read by OCR
        (b"GIF8", "gif"),
        (b"\xd0\xcf\x11\xe0", "ole"),
        (b"\x1f\x8b", "gzip"),
        (b"{\\rtf", "rtf"),
    )


def __getattr__(name: str) -> object:
    """`SIGNATURES`, the value of `signatures()`, for code that reads it as a constant."""
    if name == "SIGNATURES":
        return signatures()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The first tag of a markup file: b"<?xml", b"<root", b"<div"
_FIRST_TAG_RE = re.compile(rb"^<([?!]?[a-z][\w:.-]*)")
# Tags an HTML fragment (a saved part of a page, no <html>) may open with.
_HTML_FRAGMENT_TAGS = frozenset({b"!doctype", b"head", b"meta", b"title", b"link", b"style", b"script", b"div", b"p",
                                 b"table", b"section", b"article", b"main", b"span", b"h1", b"h2", b"h3", b"h4",
                                 b"ul", b"ol", b"a", b"!--", b"br", b"header", b"form", b"body"})


# Text has almost no control characters besides tab, newline, carriage return and form
# feed; binary data has them everywhere (1 in 8 bytes for random data). 1 % tolerates a
# few stray ones in a damaged export.
MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c")
# Every byte that is not such a control character: deleting them leaves the controls to count.
_NOT_CONTROLS = bytes(byte for byte in range(256) if not ((byte < 32 and byte not in _TEXT_CONTROLS) or byte == 127))


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return len(sample.translate(None, _NOT_CONTROLS)) / len(sample)  # counted in C, not byte by byte


def detect_kind(data: bytes, path: str) -> str:
    """The kind of the bytes, judged by content first and the name second: a key of `READERS` or `UNREAD_KINDS`."""
    if not data.strip():
        raise EmptyInput(path, "the file is empty", "check that it was downloaded completely")
    head = as_utf8_head(data, 2048).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    from .archive import OLE_SIGNATURE, ZIP_SIGNATURE, container_format

    if head.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
        return container_format(data, path, is_export)  # a .docx, a ZIP holding an export; a .doc is refused
    for signature, kind in signatures():
        if head.startswith(signature) or data.startswith(signature):
            return kind
    if declares_xml(head):
        check_xml(data, path)  # an export we read, else an error naming its root element
        return "xml"
    lowered = head[:1024].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered or b"<body" in lowered:
        return "html"
    first_tag = _FIRST_TAG_RE.match(lowered)
    if first_tag and first_tag.group(1) not in _HTML_FRAGMENT_TAGS:
        # "<?xml …>" or a document element that is not HTML ("<Root xmlns:edoc=…>", "<Publication>")
        check_xml(data, path)  # an export we read, else an error naming its root element
        return "xml"
    if first_tag:
        return "html"
    if path.lower().endswith(".pdf"):
        raise UnsupportedFormat(path, "named .pdf but it is not a PDF (no %PDF header)",
                                "the download may have failed")
    wide_text = looks_like_text(data)
    if not wide_text and (b"\x00" in data[:8192] or _control_share(data[:8192]) > MAX_CONTROL_SHARE):
        return "binary"
    if path.lower().endswith((".htm", ".html")) and b"<" in head:
        return "html"
    if head[:1] in (b"{", b"[") and _is_json(data):
        return "json"
    return "text"


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def detect_format(data: bytes, path: str) -> SourceFormat:
    """The format of the bytes (see `detect_kind`); `UnsupportedFormat` for a kind no reader reads."""
    kind = detect_kind(data, path)
    if kind in READERS:
        return kind
    unread = UNREAD_KINDS[kind]
    raise NotADocument(path, f"this is {unread.name}, not a PDF, HTML or text document", unread.hint)


def read(data: bytes, path: str, fmt: SourceFormat | None = None, options: ReadOptions | None = None) -> RawDocument:
    """Lines of the document with its format and page count; `options` (OCR) apply while it is read."""
    with using(options):
        return READERS[fmt or detect_format(data, path)](data, path)


__all__ = ["READERS", "ReadOptions", "SIGNATURES", "UNREAD_KINDS", "Kind", "detect_format", "detect_kind", "read"]
