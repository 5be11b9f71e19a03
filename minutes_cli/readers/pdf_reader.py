"""Read PDFs into lines that know their page, paragraph gaps, size, weight and heading level.

pypdfium2 does the work on every page it can open: it extracts a page's text about twenty times faster
than pdfplumber and gives, per character, the baseline and font that tell
paragraph breaks (a vertical gap larger than the page's single-spaced pitch)
and headings apart: a bold line, or one set larger than the document's body,
is a heading, its level the rank of its size among the headings' sizes. Pages are read one at a time and released, so
memory stays flat on long documents. A page without a text layer is reported
as a `no-text-layer` warning, or, with OCR on (`ReadOptions.ocr`), rendered and
read by OCR (readers/ocr.py; the hook is `_wants_ocr`/`_with_ocr`). When pdfium cannot parse a
damaged file at all, pdfplumber (pdfminer), slower but more lenient, gets a
try before the file is reported as unreadable; a single page pdfium cannot
load is read with pdfplumber, or left out with a `damaged-page` warning.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..cleanup.characters import normalise_characters
from ..errors import EmptyInput, UnreadableDocument
from ..lazy_patterns import lazy_regex
from ..model import Line, RawDocument, Warning
from ..vocabulary import KNOWN_HEADINGS, normalise_label
from .options import current_options

# A page with fewer visible characters than this has no usable text layer
# (scans often carry a stray page number or a few garbage glyphs).
MIN_PAGE_CHARS = 10

# A line starts a paragraph when its baseline is this many times the page's
# usual line pitch below the line before. 1.3 sits between single spacing
# (1.0-1.2 in the corpus) and the smallest paragraph gap seen (1.43, Aarhus FirstAgenda).
PARAGRAPH_GAP_RATIO = 1.3

# Which of a page's baseline steps (sorted, as a share) is taken as its single-spaced pitch.
# 0.2 finds the pitch when up to four steps in five are paragraph gaps, and equals the
# median on ordinary pages, where nearly every step is single spacing.
PITCH_QUANTILE = 0.2

# Lines longer than this are body text even when set in bold.
MAX_HEADING_CHARS = 90

# Bold is a font weight of at least this, or "Bold"/"Black"/"Heavy" in the font name.
BOLD_WEIGHT = 600
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _open(data: bytes, path: str) -> pdfium.PdfDocument | None:
    """The pdfium document, or None when pdfium cannot parse it (damaged structure)."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # pdfium's last error is process-wide and stale after some failures (a PDF with no pages
        # reports the password error of an encrypted file read before it): the file must say so too
        if "password" in str(error).lower() and b"/Encrypt" in data:
            raise UnreadableDocument(path, "the PDF is encrypted and needs a password",
                                     "save an unprotected copy") from error
        return None


def _plumber_page_lines(page: Any, number: int) -> list[Line]:
    """A pdfplumber page's lines, with paragraph gaps from line positions (no bold hints)."""
    lines: list[Line] = []
    previous_bottom: float | None = None
    for entry in page.extract_text_lines(return_chars=False):
        text = " ".join(normalise_characters(entry["text"]).split())
        if not text:
            continue
        height = entry["bottom"] - entry["top"]
        gap = previous_bottom is None or entry["top"] - previous_bottom > height * (PARAGRAPH_GAP_RATIO - 1)
        lines.append(Line(text, number, gap_before=gap))
        previous_bottom = entry["bottom"]
    page.flush_cache()
    return lines


def _damage_reason(error: Exception) -> str:
    """What went wrong, in words a user can act on (pdfminer's own exception names mean nothing to them)."""
    detail = str(error).strip().rstrip(".")
    if not detail or len(detail) > MAX_REASON_CHARS or detail.startswith(("<", "(")):
        return "its structure is damaged"
    return f"its structure is damaged: {detail}"


# A parser's message longer than this is a dump, not a reason.
MAX_REASON_CHARS = 120


def _read_with_pdfplumber(data: bytes, path: str) -> RawDocument:
    """The slow, lenient path: pdfminer parses some damaged files that pdfium rejects.

    Lines carry their page and paragraph gaps from line positions; there are no bold hints.
    A page that pdfminer cannot read either is left out with a `damaged-page` warning.
    """
    import pdfplumber

    lines: list[Line] = []
    warnings = [Warning("damaged-pdf", f"{path}: pdfium could not parse the file; read it with pdfplumber")]
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        page_count = len(pdf.pages)
    except Exception as error:  # pdfminer raises many private exception types on broken files
        raise UnreadableDocument(path, f"the PDF cannot be opened ({_damage_reason(error)})",
                                 "the file may be damaged or incomplete") from error
    try:
        for number in range(1, page_count + 1):
            try:
                page_lines = _plumber_page_lines(pdf.pages[number - 1], number)
            except Exception as error:  # noqa: BLE001 - one damaged page must not lose the others
                warnings.append(_damaged_page(number, error))
                continue
            if not page_lines:
                warnings.append(Warning("no-text-layer", f"page {number} has no text; it may need OCR", number))
            lines.extend(page_lines)
    finally:
        _close_quietly(pdf)
    if not lines and page_count == 0:
        raise EmptyInput(path, "the PDF has no pages", "check that it was downloaded completely")
    if not lines:
        raise EmptyInput(path, f"the PDF has {page_count} page(s) but no text layer", "it may be a scan that needs OCR")
    return RawDocument(tuple(lines), "pdf", page_count, tuple(warnings))


def _damaged_page(number: int, error: Exception) -> Warning:
    return Warning("damaged-page", f"page {number} cannot be read ({_damage_reason(error)}); it is left out", number)


class _PlumberPages:
    """pdfplumber opened once, on the first page pdfium cannot load, to read such pages one by one."""

    def __init__(self, data: bytes, page_count: int) -> None:
        self.data = data
        self.page_count = page_count
        self.pdf: Any = None

    def lines(self, index: int) -> list[Line]:
        """The page's lines as pdfplumber reads them; raises what pdfminer raises on a page it cannot read."""
        if self.pdf is None:
            import pdfplumber

            self.pdf = pdfplumber.open(io.BytesIO(self.data))
        if len(self.pdf.pages) != self.page_count:
            # pdfminer leaves out the pages it cannot find: its page N is not pdfium's page N
            raise LookupError("pdfplumber sees a different number of pages")
        return _plumber_page_lines(self.pdf.pages[index], index + 1)

    def close(self) -> None:
        if self.pdf is not None:
            _close_quietly(self.pdf)


def _close_quietly(pdf: Any) -> None:
    """Close a pdfplumber document; closing parses the page tree again, which fails as reading it did."""
    with contextlib.suppress(Exception):  # the pages were read or reported already
        pdf.close()


_MERGED_HYPHEN_RE = lazy_regex(r"(?<=\w)\ufffe(?=[a-zæøå])")
# …except before "og"/"eller", where the hyphen belongs to a shortened compound: "Sundheds- og Forebyggelse"
_MERGED_COMPOUND_RE = lazy_regex(r"\ufffe(?=(?:og|eller|samt)\b)")


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


# A space drawn inside the letter before it is an accent the font left unmapped: Word
# exports in some fonts draw "å" as "a" plus a ring that extracts as a space ("Sager pa
# vej"). Only the ring over a/A is repaired: it is the one accent Danish text depends on.
_OVERLAY_CANDIDATE_RE = lazy_regex(r"[aA] ")
_RING = {"a": "å", "A": "Å"}
# The overlay lies within the letter's box, give or take this many points.
OVERLAY_TOLERANCE = 0.5
# A gap wider than this after the letter is the word space the overlay stood in for.
WORD_SPACE_GAP = 2.0


def _repair_rings(textpage: pdfium.PdfTextPage, start: int, raw: str) -> str:
    """The line with "a" + overlaid space turned back into "å" (and the word space kept)."""
    pieces: list[str] = []
    last = 0
    for match in _OVERLAY_CANDIDATE_RE.finditer(raw):
        letter, space = start + match.start(), start + match.start() + 1
        a_left, _, a_right, _ = textpage.get_charbox(letter)
        s_left, _, s_right, _ = textpage.get_charbox(space)
        if s_left + OVERLAY_TOLERANCE < a_left or s_right > a_right + OVERLAY_TOLERANCE or s_right <= s_left:
            continue
        following = space + 1
        gap = (textpage.get_charbox(following)[0] - a_right) if match.end() < len(raw) else 0.0
        pieces.append(raw[last: match.start()] + _RING[match.group(0)[0]] + (" " if gap > WORD_SPACE_GAP else ""))
        last = match.end()
    return "".join(pieces) + raw[last:] if pieces else raw


# A side label ("Beslutning", "Sagsfremstilling") stands in a column left of its text;
# the gap to the text is wider than this many times the font size (a word space is ~0.3).
SIDE_LABEL_GAP_RATIO = 1.5
# Labels that stand in a column beside their text: every section heading, and the facts
# of an item (case number, case officer). A status ("Status   Lukket punkt") stays one line.
SIDE_LABELS = KNOWN_HEADINGS | {"sagsnr", "sags nr", "sagsnummer", "j.nr", "journalnr", "journalnummer",
                                "sagsbehandler"}

# Labels are at most this many words ("Økonomiske konsekvenser og finansiering").
MAX_SIDE_LABEL_WORDS = 5


def _side_label_end(textpage: pdfium.PdfTextPage, start: int, raw: str, size: float) -> int:
    """Where a side label ends in the line ("Beslutning   Anbefales …"), or 0 when there is none."""
    if not raw[:1].isupper() or size <= 0:
        return 0  # labels are capitalised; most lines are not labelled at all
    words = raw.split(" ")
    position = 0
    for count in range(1, min(MAX_SIDE_LABEL_WORDS, len(words) - 1) + 1):
        position = len(" ".join(words[:count]))
        label = raw[:position].strip()
        if normalise_label(label) not in SIDE_LABELS:
            continue
        next_char = position + len(raw[position:]) - len(raw[position:].lstrip())
        if next_char >= len(raw):
            return 0
        label_right = textpage.get_charbox(start + position - 1)[2]
        text_left = textpage.get_charbox(start + next_char)[0]
        if text_left - label_right > SIDE_LABEL_GAP_RATIO * size:
            return len(" ".join(normalise_characters(raw[:position]).split()))
    return 0


# A line set this many times the body's size or more is a heading by its size alone, bold or
# not. 1.3 clears the larger type of a printed web page's meeting facts (16 pt over a 13.3 pt
# body, 1.2x, in a browser print) and is below every title step seen (1.6x in the Aarhus prints).
HEADING_SIZE_RATIO = 1.3
# Heading levels rank the sizes of the document's headings, largest first; sizes closer than
# this many points are one size (pdfium reports 18.66 and 18.7 for one font).
SIZE_STEP = 0.5
MAX_LEVEL = 6


def _body_size(lines: list[Line]) -> float:
    """The document's usual font size: the size that sets the most characters."""
    weights: dict[float, int] = {}
    for line in lines:
        if line.size:
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=lambda size: weights[size]) if weights else 0.0


def _size_key(size: float) -> float:
    return round(size / SIZE_STEP) * SIZE_STEP


def _with_levels(lines: list[Line]) -> list[Line]:
    """The lines marked as headings by size (against the whole document's body size) or weight,
    each with its level: the rank of its size among the headings' sizes, largest first."""
    body = _body_size(lines)

    def is_heading(line: Line) -> bool:
        if line.level is not None or len(line.text) > MAX_HEADING_CHARS or not line.size:
            return False
        return line.bold or (body > 0 and line.size >= body * HEADING_SIZE_RATIO)

    headings = [is_heading(line) for line in lines]  # decided once per line
    sizes = sorted({_size_key(line.size or 0.0) for line, heading in zip(lines, headings, strict=True) if heading},
                   reverse=True)
    rank = {size: min(position + 1, MAX_LEVEL) for position, size in enumerate(sizes)}
    return [line._replace(heading=True, level=rank[_size_key(line.size or 0.0)]) if heading else line
            for line, heading in zip(lines, headings, strict=True)]


def _page_lines(textpage: pdfium.PdfTextPage, page_number: int) -> list[Line]:
    """The page's lines with gap and bold hints from character positions and fonts."""
    text = textpage.get_text_range()
    positioned: list[tuple[str, float, bool, float, int]] = []
    offset = 0
    for raw in text.split("\r\n"):
        start = offset
        offset += len(raw) + 2
        stripped = raw.strip()
        if not stripped:
            continue
        first = start + (len(raw) - len(raw.lstrip()))
        last = start + len(raw.rstrip()) - 1
        if "a " in raw or "A " in raw:
            raw = _repair_rings(textpage, start, raw)
        size = round(pdfium_c.FPDFText_GetFontSize(textpage.raw, first), 1)
        label_end = _side_label_end(textpage, start, raw, size)
        # bold from end to end: a bold label before plain text ("Beslutning: Godkendt.") is no bold line
        bold = _is_bold(textpage, first) and (last == first or _is_bold(textpage, last))
        positioned.append((raw, _baseline(textpage, first), bold, size, label_end))
    pitches = sorted(a[1] - b[1] for a, b in zip(positioned[:-1], positioned[1:], strict=True) if 0 < a[1] - b[1] < 60)
    # the single-spaced pitch: a low quantile, not the median, since on a page of one-line
    # paragraphs (a printed web page) most steps between lines are paragraph gaps
    pitch = pitches[int(len(pitches) * PITCH_QUANTILE)] if pitches else 0.0
    lines: list[Line] = []
    previous_y: float | None = None
    for raw, y, bold, size, label_end in positioned:
        gap = previous_y is None or (pitch > 0 and not 0 <= previous_y - y <= pitch * PARAGRAPH_GAP_RATIO)
        # pdfium marks a line-end hyphen with U+FFFE; when it merged the two lines itself
        # the mark stands mid-line before the rest of the word: a soft hyphen, not a hyphen
        raw = _MERGED_COMPOUND_RE.sub("- ", raw)  # "Sundheds\ufffeog" -> "Sundheds- og"
        cleaned = " ".join(normalise_characters(_MERGED_HYPHEN_RE.sub("", raw)).split())
        if cleaned and label_end:
            # a label in a column of its own beside its text: two lines, the label a heading
            label, rest = cleaned[:label_end].strip(), cleaned[label_end:].strip()
            lines.append(Line(label, page_number, heading=True, gap_before=True, size=size, bold=True))
            lines.append(Line(rest, page_number, heading=False, gap_before=False, size=size))
        elif cleaned:
            # heading and level are settled once the whole document's body size is known
            lines.append(Line(cleaned, page_number, gap_before=gap, size=size, bold=bold))
        previous_y = y
    return lines


# --- OCR hook: pages without a usable text layer are read by OCR (readers/ocr.py).


def _is_scanned(page_lines: list[Line]) -> bool:
    """True when a page has no usable text layer (fewer than MIN_PAGE_CHARS visible characters)."""
    return sum(len(line.text.replace(" ", "")) for line in page_lines) < MIN_PAGE_CHARS


def _wants_ocr(scanned: bool) -> bool:
    """True when this page goes to OCR: `--ocr always`, or `auto` and it has no usable text layer."""
    mode = current_options().ocr
    if mode == "never" or (mode == "auto" and not scanned):
        return False
    from . import ocr  # imported for the first page that needs it: born-digital PDFs never load it

    return mode == "always" or ocr.ocr_available()


def _with_ocr(pdf: pdfium.PdfDocument, numbers: list[int], lines: list[Line],
              path: str) -> tuple[list[Line], list[Warning], tuple[int, ...]]:
    """The text-layer lines with the OCR'd pages' lines put in page order, their warnings and page numbers."""
    from . import ocr

    result = ocr.read_pdf_pages(pdf, numbers, current_options(), path)
    merged = sorted([*lines, *result.lines], key=lambda line: line.page or 0)  # stable: each page keeps its order
    return merged, list(result.warnings), result.pages


# After this many unreadable pages in a row the rest are not tried: the page count itself is
# damaged or a lie (a page tree claiming a million pages took 13 s to refuse page by page).
MAX_DAMAGED_PAGES_IN_A_ROW = 100


def read_pdf(data: bytes, path: str) -> RawDocument:
    """A PDF's lines, page by page; warnings for pages with no text layer and for damaged pages.

    A page pdfium cannot load is read with pdfplumber; a page neither can read is
    left out with a `damaged-page` warning, and the rest of the document is kept.
    """
    pdf = _open(data, path)
    if pdf is None:
        return _read_with_pdfplumber(data, path)
    page_count = len(pdf)
    fallback = _PlumberPages(data, page_count)
    try:
        lines: list[Line] = []
        warnings: list[Warning] = []
        damaged_in_a_row = 0
        to_ocr: list[int] = []
        ocr_pages: tuple[int, ...] = ()
        for index in range(page_count):
            if damaged_in_a_row >= MAX_DAMAGED_PAGES_IN_A_ROW:
                warnings.append(Warning("damaged-page", f"pages {index + 1}-{page_count} were not tried: the "
                                        f"{damaged_in_a_row} pages before them could not be read", index + 1))
                break
            try:
                page = pdf[index]
            except pdfium.PdfiumError as error:
                try:
                    page_lines = fallback.lines(index)
                except Exception:  # noqa: BLE001 - pdfminer's errors are many and private; the page is lost
                    warnings.append(_damaged_page(index + 1, error))
                    damaged_in_a_row += 1
                    continue
                warnings.append(Warning("damaged-page", f"page {index + 1} is damaged; read it with pdfplumber",
                                        index + 1))
            else:
                damaged_in_a_row = 0
                textpage = page.get_textpage()
                try:
                    page_lines = _page_lines(textpage, index + 1)
                finally:
                    textpage.close()
                    page.close()
                # OCR hook (see _wants_ocr): only a page pdfium loads can be rendered for OCR
                if _wants_ocr(_is_scanned(page_lines)):
                    to_ocr.append(index + 1)
                    continue
            if _is_scanned(page_lines):
                warnings.append(Warning("no-text-layer", f"page {index + 1} has no text; it may need OCR", index + 1))
            lines.extend(page_lines)
        # heading levels rank the text layer's sizes (as without OCR); OCR'd lines carry the
        # headings readers/ocr.py found, as an image input's do, so a scan PDF reads as its TIFF
        lines = _with_levels(lines)
        if to_ocr:  # OCR hook: see _wants_ocr
            lines, ocr_warnings, ocr_pages = _with_ocr(pdf, to_ocr, lines, path)
            warnings.extend(ocr_warnings)
    finally:
        fallback.close()
        pdf.close()
    if not lines:
        if page_count == 0:
            raise EmptyInput(path, "the PDF has no pages", "check that it was downloaded completely")
        if any(w.code == "damaged-page" for w in warnings):
            raise UnreadableDocument(path, f"none of the PDF's {page_count} page(s) can be read",
                                     "the file may be damaged or incomplete")
        if to_ocr:
            raise EmptyInput(path, f"OCR found no text on the PDF's {page_count} page(s)",
                             "check that it is a scan of a document")
        raise EmptyInput(path, f"the PDF has {page_count} page(s) but no text layer", "it may be a scan that needs OCR")
    return RawDocument(tuple(lines), "pdf", page_count, tuple(warnings), ocr_pages=ocr_pages)
