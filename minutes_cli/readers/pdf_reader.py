"""Read PDFs into lines that know their page, with paragraph gaps and bold hints.

pypdfium2 does the work: it extracts a page's text about twenty times faster
than pdfplumber and gives, per character, the baseline and font that tell
paragraph breaks (a vertical gap larger than the usual line pitch) and
headings (a bold font) apart. Pages are read one at a time and released, so
memory stays flat on long documents. A page without a text layer is reported
as a `no-text-layer` warning; OCR is out of scope.
"""

from __future__ import annotations

import ctypes
import statistics

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..cleanup.characters import normalise_characters
from ..errors import EmptyInput, UnreadableDocument
from ..model import Line, RawDocument, Warning

# A page with fewer visible characters than this has no usable text layer
# (scans often carry a stray page number or a few garbage glyphs).
MIN_PAGE_CHARS = 10

# A line starts a paragraph when its baseline is this many times the page's
# usual line pitch below the line before. 1.3 sits between single spacing
# (1.0-1.2 in the corpus) and the smallest paragraph gap seen (1.43, Aarhus FirstAgenda).
PARAGRAPH_GAP_RATIO = 1.3

# Lines longer than this are body text even when set in bold.
MAX_HEADING_CHARS = 90

# Bold is a font weight of at least this, or "Bold"/"Black"/"Heavy" in the font name.
BOLD_WEIGHT = 600
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = str(error)
        if "password" in reason.lower():
            raise UnreadableDocument(path, "the PDF is encrypted and needs a password",
                                     "save an unprotected copy") from error
        raise UnreadableDocument(path, f"the PDF cannot be opened ({reason})",
                                 "the file may be damaged or incomplete") from error


def _baseline(textpage: pdfium.PdfTextPage, index: int) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
    return y.value


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= BOLD_WEIGHT:
        return True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value[: max(size - 1, 0)].decode("utf-8", "replace").lower()
    return any(word in name for word in _BOLD_NAMES)


def _page_lines(textpage: pdfium.PdfTextPage, page_number: int) -> list[Line]:
    """The page's lines with gap and bold hints from character positions and fonts."""
    text = textpage.get_text_range()
    positioned: list[tuple[str, float, bool, float]] = []
    offset = 0
    for raw in text.split("\r\n"):
        start = offset
        offset += len(raw) + 2
        stripped = raw.strip()
        if not stripped:
            continue
        first = start + (len(raw) - len(raw.lstrip()))
        size = round(pdfium_c.FPDFText_GetFontSize(textpage.raw, first), 1)
        positioned.append((raw, _baseline(textpage, first), _is_bold(textpage, first), size))
    pitches = [a[1] - b[1] for a, b in zip(positioned, positioned[1:]) if 0 < a[1] - b[1] < 60]
    pitch = statistics.median(pitches) if pitches else 0.0
    lines: list[Line] = []
    previous_y: float | None = None
    for raw, y, bold, size in positioned:
        gap = previous_y is None or (pitch > 0 and not 0 <= previous_y - y <= pitch * PARAGRAPH_GAP_RATIO)
        cleaned = " ".join(normalise_characters(raw).split())
        if cleaned:
            heading = bold and len(cleaned) <= MAX_HEADING_CHARS
            lines.append(Line(cleaned, page_number, heading=heading, gap_before=gap, size=size))
        previous_y = y
    return lines


def read_pdf(data: bytes, path: str) -> RawDocument:
    """A PDF's lines, page by page; warnings for pages with no text layer."""
    pdf = _open(data, path)
    try:
        lines: list[Line] = []
        warnings: list[Warning] = []
        page_count = len(pdf)
        for index in range(page_count):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                page_lines = _page_lines(textpage, index + 1)
            finally:
                textpage.close()
                page.close()
            if sum(len(line.text.replace(" ", "")) for line in page_lines) < MIN_PAGE_CHARS:
                warnings.append(Warning("no-text-layer", f"page {index + 1} has no text; it may need OCR", index + 1))
            lines.extend(page_lines)
    finally:
        pdf.close()
    if not lines:
        raise EmptyInput(path, f"the PDF has {page_count} page(s) but no text layer", "it may be a scan that needs OCR")
    return RawDocument(tuple(lines), "pdf", page_count, tuple(warnings))
