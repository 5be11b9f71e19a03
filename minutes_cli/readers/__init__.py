"""Readers: turn the bytes of a PDF, HTML page, text file or scanned image into lines with pages.

`READERS` maps a format name to its reader; `detect_format` decides the
format from the content (magic bytes, markup), using the file name only to
break ties. Formats we know but do not read (XML exports, GIF, archives)
raise `UnsupportedFormat` with a clear reason. `read` makes its
`ReadOptions` current while the reader runs (see readers/options.py).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..errors import EmptyInput, UnsupportedFormat
from ..model import RawDocument, SourceFormat
from .html_reader import read_html
from .image_reader import IMAGE_SIGNATURES, read_image
from .options import ReadOptions, using
from .pdf_reader import read_pdf
from .text_reader import read_text

Reader = Callable[[bytes, str], RawDocument]

READERS: dict[SourceFormat, Reader] = {"pdf": read_pdf, "html": read_html, "text": read_text, "image": read_image}

# Leading bytes of formats that are not documents we read, with a name for the error.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (DOC/XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file"),
)


# The first tag of a markup file: b"<?xml", b"<root", b"<div"
_FIRST_TAG_RE = regex.compile(rb"^<([?!]?[a-z][\w:.-]*)")
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


def detect_format(data: bytes, path: str) -> SourceFormat:
    """The format of the bytes, judged by content first and the name second."""
    if not data.strip():
        raise EmptyInput(path, "the file is empty", "check that it was downloaded completely")
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(IMAGE_SIGNATURES):  # a scan: TIFF, PNG or JPEG, read by OCR
        return "image"
    for signature, name in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedFormat(path, f"this is {name}, not a PDF, HTML or text document")
    lowered = head[:1024].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered or b"<body" in lowered:
        return "html"
    first_tag = _FIRST_TAG_RE.match(lowered)
    if first_tag and first_tag.group(1) not in _HTML_FRAGMENT_TAGS:
        # "<?xml …>" or a document element that is not HTML ("<Root xmlns:edoc=…>", "<Publication>")
        raise UnsupportedFormat(path, "XML exports are not supported", "give the PDF or HTML version of the meeting")
    if first_tag:
        return "html"
    if path.lower().endswith(".pdf"):
        raise UnsupportedFormat(path, "named .pdf but it is not a PDF (no %PDF header)")
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > MAX_CONTROL_SHARE:
        raise UnsupportedFormat(path, "this is a binary file, not a PDF, HTML or text document")
    if path.lower().endswith((".htm", ".html")) and b"<" in head:
        return "html"
    return "text"


def read(data: bytes, path: str, fmt: SourceFormat | None = None, options: ReadOptions | None = None) -> RawDocument:
    """Lines of the document with its format and page count; `options` (OCR) apply while it is read."""
    with using(options):
        return READERS[fmt or detect_format(data, path)](data, path)


__all__ = ["READERS", "ReadOptions", "detect_format", "read"]
