"""OCR: page images to lines that know their page, size, paragraph gaps and headings (Tesseract via tesserocr).

A scanned page arrives as a `PageImage` (a PDF page rendered by pypdfium2, or
a frame of a TIFF/PNG/JPEG). Tesseract reads it with the Danish model shipped
in `minutes_cli/tessdata/` (or a model found through TESSDATA_PREFIX), and
its result iterator gives every word with its box and confidence. Words are
grouped into Tesseract's text lines, and each line becomes a `Line` as a PDF
reader would make it:

- `page`: the page number;
- `size`: the font size in points, from the line's row height (Tesseract's
  fit of the word boxes' x-height and ascenders) at the page's resolution;
- `gap_before`: the line's baseline lies further below the line before than
  the page's usual line pitch allows, or it starts a new text block;
- `bold`: its letters' strokes are clearly wider, for their size, than the
  body text's (stroke width measured on Tesseract's binarised page: ink area
  over half its outline);
- `heading`: a short line set in bold (as the PDF reader marks bold lines), or
  set larger than the page's body text and standing apart (a gap before it
  and after it), as a title is.

Where Tesseract's layout differs from a text layer's, the lines are mended as
pdfium would give them: words a column apart become two lines, a hanging
item number in a block of its own goes back in front of its title (read again
together with it when it was misread or skipped), a word broken by a hyphen at
a line end is joined, pictures read as letters (low confidence) are dropped.

Tesseract deskews and thresholds (Otsu) the page itself, and it turns text
lines it finds standing on their side. A page that reads poorly at 0° (upside
down, or on its side the other way) is read at 180°, and while it still reads
poorly, at 90° and 270°; the reading with the best mean word confidence is
kept (the tessdata_fast model comes without orientation-detection data, and
trying turns costs nothing on the pages that read well at 0°).

Pages are read in parallel by `read_pages`: up to `ocr_workers` threads, each
with its own Tesseract instance (tesserocr releases the GIL while Tesseract
works), a bounded number of page images in flight, each dropped once read.
"""

from __future__ import annotations

import os
import statistics
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cleanup.characters import normalise_characters
from ..errors import OcrUnavailable
from ..lazy_patterns import lazy_re
from ..model import Line, Warning
from .options import ReadOptions

if TYPE_CHECKING:
    from PIL.Image import Image

# Resolution a PDF page is rendered at when it holds no image that states its own
# (the figure; Tesseract's own recommendation is at least 300 dpi).
DEFAULT_DPI = 300
# A page image's own resolution is used when it lies within these bounds; outside
# them (a thumbnail, a 1200 dpi line-art scan) the page is rendered at DEFAULT_DPI.
MIN_OWN_DPI, MAX_OWN_DPI = 150, 600

# A page whose mean word confidence is below this gets an `ocr-low-confidence`
# warning. Pages of the scanned twins read at 95-96 (fixtures/p1) and no page of the
# ten corpus twins falls below 70; a page read the wrong way round reads 21-23
# (tests/test_ocr.py). 70 leaves room for an older, greyer scan that still reads usefully.
OCR_CONFIDENCE_FLOOR = 70.0

# A page read at 0° with a mean confidence below this, or with fewer words than
# MIN_ORIENTED_WORDS, is read at the other orientations too: a page the wrong way
# round reads 21-23, the same page upright 96 (tests/test_ocr.py's turned page).
ORIENTATION_RETRY_CONFIDENCE = 65.0
MIN_ORIENTED_WORDS = 5

# Tesseract's row height (x-height plus ascenders) is this fraction of the font
# size: measured on fixtures/p1_kk_bif.pdf rendered at 200 dpi, 16 pt body text has
# rows of 31 px (11.2 pt) and its 32 pt title rows of 61 px: 1/0.70 = 1.43.
POINTS_PER_ROW_POINT = 1.43
# A row height above this many times the line's box is a misfit (a lone rule or
# stroke); the box height, scaled as a body line's box relates to its font, stands in.
MAX_ROW_TO_BOX = 1.3
POINTS_PER_BOX_POINT = 1.15

# A line starts a paragraph when its baseline is more than this many times the
# page's usual line pitch below the line before: the PDF reader's ratio
# (pdf_reader.PARAGRAPH_GAP_RATIO), for the same documents scanned.
PARAGRAPH_GAP_RATIO = 1.3
# Words further apart than this many row heights (about 8 em) stand in different
# columns: a letterhead's "Til: SFU" beside "SOCIAL, SUNDHED OG" (32 rows apart,
# Ballerup eDoc). A tab after a label ("Tlf.:<tab>4477 3830", 3 rows) or a hanging
# item number ("1.<tab>Meddelelser", 5-6 rows) stays on its line, as pdfium keeps it.
COLUMN_GAP_ROWS = 12.0

# A line whose words have a mean confidence below this is not text but a picture read
# as letters: the twins' logos ("BALLERUP" in a crest) read at 30-50, text lines at 85
# or more; an old scan's text lines at 60-80 stay. (They still count in the page's
# confidence.)
MIN_LINE_CONFIDENCE = 55.0

# Line pitches above this many body font sizes are not line spacing (a gap of
# several blank lines), so they do not count towards the usual pitch.
MAX_PITCH_SIZES = 3.0

# A line that ends in a word broken by a hyphen. Matches "…på aflastnings-", not "… 2013 -".
LINE_END_HYPHEN_RE = lazy_re(r"[^\W\d_]-$")
# The next line goes on a shortened compound: "og Forebyggelse" after "Sundheds-".
COMPOUND_CONTINUATION_RE = lazy_re(r"(?:og|eller|samt)\b")

# A hanging marker: an item or list number alone in its column. Matches "1.", "12.", "a.", "b)".
HANGING_MARKER_RE = lazy_re(r"^(?:\d{1,3}|[a-zæøå])[.)]$")
# …joins the line to its right whose baseline lies within this many row heights of its own.
MARKER_BASELINE_ROWS = 0.5
# A lone word this short beside a line may be a misread marker ("T:" for "1."), read again with its line.
MAX_MARKER_CHARS = 4
# Ink up to this many row heights left of a line, where Tesseract found no word, is read
# again as a possible marker (a hanging "2." Tesseract skipped: Ballerup eDoc twins).
LOST_MARKER_ROWS = 6.0

# Lines of one paragraph whose sizes differ by at most this share of their median are
# set in one size (OCR measures the same font within about 5 % line to line).
SIZE_JITTER = 0.1

# A heading by size is set at least this many times the page's body size, is at most
# MAX_HEADING_CHARS long, and has gaps before and after. OCR sizes of a short line
# vary by up to 20 % (a two-word continuation line in a Ballerup memo read 1.2x its
# paragraph), so only clearly larger lines count: titles are 1.4-2x (fixtures/p1: 22.4
# and 32 pt over 16 pt body). Section headings a little larger are bold as well.
HEADING_SIZE_RATIO = 1.3
MAX_HEADING_CHARS = 90

# A line is bold when its letters' stroke width per point of size is at least this
# many times the page's body text's. Measured on the corpus twins (200 dpi): body
# text 0.15-0.17 px/pt, bold item headings ("1 First Agenda", Aarhus SBSYS) 0.27-0.29,
# i.e. 1.6-1.8x; grey or thin text 0.6-0.9x.
BOLD_STROKE_RATIO = 1.3
MIN_BOLD_LETTERS = 3

# Page images waiting for or in OCR per worker thread: enough to keep each busy
# while the next page renders, few enough to bound memory (a 300 dpi A4 page in
# grey is about 9 MB).
PAGES_IN_FLIGHT_PER_WORKER = 2

INSTALL_HINT = "install OCR support with: pip install 'minutes[ocr]'"

# A list bullet that OCR read as a sign: "+ Projektbeskrivelse", "« Budget", "* Bilag 1"
# (the Danish model has no "•" in its alphabet). Turned back into "• ", which every
# later stage knows as a bullet.
OCR_BULLET_RE = lazy_re(r"^[+«»*·°] (?=\S)")

# The paragraph sign that old protocols number their items with ("§ 1. Godkendelse …"), as the
# Danish model reads it: "8 1.", "S 1.", "$ 1.". Turned back only where several lines read so with
# rising numbers (one "8 1." line alone may be anything).
OCR_PARAGRAPH_SIGN_RE = lazy_re(r"^[8S$§]\s?(?P<number>\d{1,3})\.\s+(?=[A-ZÆØÅ])")
# How many such lines make the sign certain.
MIN_PARAGRAPH_SIGNS = 2


@dataclass(frozen=True)
class PageImage:
    """A page to read: its number in the document, its image and the image's resolution."""

    number: int
    image: Image
    dpi: int


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page: its lines, the mean word confidence (0-100), the word count
    and the clockwise rotation (0, 90, 180, 270) that read best."""

    number: int
    lines: tuple[Line, ...]
    confidence: float
    words: int
    rotation: int = 0


@dataclass(frozen=True)
class _Word:
    text: str
    confidence: float
    box: tuple[int, int, int, int]  # left, top, right, bottom in pixels


@dataclass(frozen=True)
class _RawLine:
    words: tuple[_Word, ...]
    box: tuple[int, int, int, int]
    row_height: float
    new_block: bool
    baseline: float | None = None  # y of the baseline where the line starts (None: the box's bottom)
    stroke: float = 0.0  # mean stroke width of its letters in pixels (0: unknown)

    @property
    def base(self) -> float:
        return self.box[3] if self.baseline is None else self.baseline

    @property
    def confidence(self) -> float:
        return statistics.fmean(w.confidence for w in self.words)


def _tesserocr() -> Any:
    """The tesserocr module, or `OcrUnavailable` naming the install command."""
    try:
        import tesserocr
    except ImportError as error:  # the optional extra is not installed
        raise OcrUnavailable("tesserocr", "OCR needs the tesserocr package", INSTALL_HINT) from error
    return tesserocr


def ocr_available() -> bool:
    """True when tesserocr can be imported (the `ocr` extra is installed)."""
    try:
        _tesserocr()
    except OcrUnavailable:
        return False
    return True


def _tessdata_folders() -> list[Path]:
    """Where language models are looked for: the package's own, then TESSDATA_PREFIX, then tesserocr's default."""
    folders = [Path(str(files("minutes_cli") / "tessdata"))]
    if os.environ.get("TESSDATA_PREFIX"):
        prefix = Path(os.environ["TESSDATA_PREFIX"])
        folders += [prefix, prefix / "tessdata"]
    try:
        default, _ = _tesserocr().get_languages()
        if default:
            folders.append(Path(default))
    except (OcrUnavailable, RuntimeError):
        pass
    return folders


@cache
def tessdata_for(lang: str) -> str:
    """The folder holding every model `lang` names ("dan", "dan+eng"); `OcrUnavailable` when there is none."""
    needed = [f"{name}.traineddata" for name in lang.split("+") if name]
    for folder in _tessdata_folders():
        if needed and all((folder / name).is_file() for name in needed):
            return str(folder)
    raise OcrUnavailable(lang, f"no Tesseract model for language '{lang}'",
                         "install its .traineddata (e.g. Debian's tesseract-ocr-LANG) and set TESSDATA_PREFIX")


# One Tesseract instance per thread and language: loading the model takes about
# 0.1 s, so a worker process reuses it for every page of every file it reads.
_ENGINES = threading.local()


def _engine(lang: str) -> Any:
    engines: dict[str, Any] = getattr(_ENGINES, "by_lang", None) or {}
    if lang not in engines:
        tesserocr = _tesserocr()
        path = tessdata_for(lang)
        try:
            engines[lang] = tesserocr.PyTessBaseAPI(path=path, lang=lang)
        except RuntimeError as error:
            raise OcrUnavailable(lang, f"Tesseract could not load the '{lang}' model from {path}") from error
        _ENGINES.by_lang = engines
    return engines[lang]


def _words(api: Any) -> list[_RawLine]:
    """The recognised words grouped into Tesseract's text lines, in reading order."""
    from tesserocr import RIL

    iterator = api.GetIterator()
    lines: list[_RawLine] = []
    if iterator is None:
        return lines
    current: list[_Word] = []
    row_height, new_block = 0.0, True
    baseline: tuple[tuple[int, int], tuple[int, int]] | None = None

    def flush() -> None:
        for index, part in enumerate(_columns(current, row_height)):
            boxes = [w.box for w in part]
            box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                   max(b[3] for b in boxes))
            lines.append(_RawLine(tuple(part), box, row_height, new_block or index > 0, _y_at(baseline, box[0])))

    iterator.Begin()
    while True:
        if iterator.IsAtBeginningOf(RIL.TEXTLINE):
            flush()
            current = []
            new_block = iterator.IsAtBeginningOf(RIL.BLOCK)
            row_height = iterator.RowAttributes().get("row_height", 0.0)
            baseline = iterator.Baseline(RIL.TEXTLINE)
        try:
            text, box = iterator.GetUTF8Text(RIL.WORD), iterator.BoundingBox(RIL.WORD)
        except RuntimeError:  # "No text returned": an empty element (a blank page gives only that)
            text, box = "", None
        if text and text.strip() and box:
            current.append(_Word(text.strip(), iterator.Confidence(RIL.WORD), box))
        if not iterator.Next(RIL.WORD):
            break
    flush()
    return lines


def _partner(lines: list[_RawLine], index: int, skip: set[int]) -> int | None:
    """The line a lone marker at `index` belongs to: to its right, baseline nearest and within half a row."""
    marker = lines[index]
    reach = max(marker.row_height, 1.0)
    candidates = [(abs(other.base - marker.base), j) for j, other in enumerate(lines)
                  if j != index and j not in skip and other.box[0] > marker.box[2]
                  and other.box[0] - marker.box[2] <= reach * COLUMN_GAP_ROWS
                  and abs(other.base - marker.base) <= reach * MARKER_BASELINE_ROWS]
    return min(candidates)[1] if candidates else None


def _reread_markers(api: Any, lines: list[_RawLine]) -> list[_RawLine]:
    """Lone short words beside a line read again together with that line, for their marker.

    In its own narrow block a hanging "1." reads as "T:", "[N)" or "hb", or is
    skipped (Ballerup eDoc twins); read as one line with the title beside it,
    "1. Meddelelser", it reads right. Only the marker is taken from the second
    reading. Must run after everything else is taken from the page's
    recognition: setting a rectangle discards it.
    """
    lone = [i for i, raw in enumerate(lines) if len(raw.words) == 1 and len(raw.words[0].text) <= MAX_MARKER_CHARS
            and not HANGING_MARKER_RE.match(raw.words[0].text)]
    pairs = [(i, j) for i in lone if (j := _partner(lines, i, set(lone))) is not None]
    if not pairs:
        return lines
    from tesserocr import PSM

    lines = list(lines)
    api.SetPageSegMode(PSM.SINGLE_LINE)
    try:
        for i, j in pairs:
            marker, line = lines[i], lines[j]
            pad = round(marker.row_height / 4)
            top, bottom = min(marker.box[1], line.box[1]) - pad, max(marker.box[3], line.box[3]) + pad
            api.SetRectangle(max(0, marker.box[0] - pad), max(0, top), line.box[2] - marker.box[0] + 2 * pad,
                             bottom - max(0, top))
            first = (api.GetUTF8Text().split() or [""])[0]
            if HANGING_MARKER_RE.match(first):
                lines[i] = replace(marker, words=(_Word(first, float(api.MeanTextConf()), marker.box),))
    finally:
        api.SetPageSegMode(PSM.AUTO)
    return lines


def _attach_markers(lines: list[_RawLine]) -> list[_RawLine]:
    """Hanging item and list numbers put back in front of their text.

    Tesseract reads a column of hanging numbers ("1.", "a." left of the text,
    Ballerup eDoc items) as a block of its own, out of reading order; pdfium
    reads "1. Meddelelser" as one line. A line that is a lone marker joins the
    line to its right whose baseline is nearest its own (within half a row).
    """
    markers = {i for i, raw in enumerate(lines) if len(raw.words) == 1 and HANGING_MARKER_RE.match(raw.words[0].text)}
    if not markers:
        return lines
    merged = list(lines)
    dropped: set[int] = set()
    for i in sorted(markers):
        marker = lines[i]
        j = _partner(lines, i, markers)
        if j is None:
            continue
        target = merged[j]
        box = (marker.box[0], min(marker.box[1], target.box[1]), target.box[2], max(marker.box[3], target.box[3]))
        merged[j] = replace(target, words=marker.words + target.words, box=box, baseline=target.base)
        dropped.add(i)
    return [raw for i, raw in enumerate(merged) if i not in dropped]


def _y_at(baseline: tuple[tuple[int, int], tuple[int, int]] | None, x: float) -> float | None:
    """The baseline's y at x (a skewed page's baseline slopes: lines are compared where they start)."""
    if not baseline:
        return None
    (x1, y1), (x2, y2) = baseline
    if x2 == x1:
        return None  # vertical text
    return y1 + (y2 - y1) * (x - x1) / (x2 - x1)


def _columns(words: list[_Word], row_height: float) -> list[list[_Word]]:
    """A Tesseract line cut where the space between two words is a column gap ("Til: SFU      SOCIAL, SUNDHED")."""
    if not words:
        return []
    limit = max(row_height, 1.0) * COLUMN_GAP_ROWS
    parts = [[words[0]]]
    for before, word in zip(words[:-1], words[1:], strict=True):
        if word.box[0] - before.box[2] > limit:
            parts.append([])
        parts[-1].append(word)
    return parts


def _size(line: _RawLine, dpi: int) -> float:
    """The line's font size in points."""
    box_height = line.box[3] - line.box[1]
    if 0 < line.row_height <= box_height * MAX_ROW_TO_BOX:
        return line.row_height * 72 / dpi * POINTS_PER_ROW_POINT
    return box_height * 72 / dpi * POINTS_PER_BOX_POINT


def build_lines(raw_lines: list[_RawLine], page_number: int, dpi: int) -> tuple[Line, ...]:
    """`Line`s from Tesseract's lines: text, page, size, paragraph gaps and headings by size and isolation."""
    raw_lines = [raw for raw in raw_lines if raw.confidence >= MIN_LINE_CONFIDENCE]
    texts = [OCR_BULLET_RE.sub("• ", " ".join(normalise_characters(" ".join(w.text for w in raw.words)).split()))
             for raw in raw_lines]
    kept = [(raw, text) for raw, text in zip(raw_lines, texts, strict=True) if text]
    if not kept:
        return ()
    sizes = [round(_size(raw, dpi), 1) for raw, _ in kept]
    counts = [len(text) for _, text in kept]
    body = _body_value(sizes, counts)  # the size most characters are set in
    # weight: stroke width per point of size (a larger regular font has wider strokes too)
    weights = [raw.stroke / size if size > 0 else 0.0 for (raw, _), size in zip(kept, sizes, strict=True)]
    body_weight = _body_value(weights, counts)
    bottoms = [raw.base for raw, _ in kept]
    max_pitch = body * dpi / 72 * MAX_PITCH_SIZES
    pitches = [b - a for a, b in zip(bottoms[:-1], bottoms[1:], strict=True) if 0 < b - a <= max_pitch]
    pitch = statistics.median(pitches) if pitches else 0.0
    gaps = []
    for index, (raw, _) in enumerate(kept):
        if index == 0 or raw.new_block:
            gaps.append(True)
            continue
        step = bottoms[index] - bottoms[index - 1]
        # a new column or a line above the one before starts a paragraph too
        gaps.append(pitch > 0 and not 0 <= step <= pitch * PARAGRAPH_GAP_RATIO)
    sizes = _paragraph_sizes(sizes, gaps)
    lines: list[Line] = []
    for index, ((_, text), size) in enumerate(zip(kept, sizes, strict=True)):
        isolated = gaps[index] and (index + 1 == len(kept) or gaps[index + 1])
        # a few letters at least: the stroke width of a short number ("2013.") is too rough a measure
        bold = (body_weight > 0 and weights[index] >= body_weight * BOLD_STROKE_RATIO
                and sum(ch.isalpha() for ch in text) >= MIN_BOLD_LETTERS)
        # as the PDF reader: a short bold line is a heading; and a larger line standing apart
        heading = len(text) <= MAX_HEADING_CHARS and (bold or (isolated and size >= body * HEADING_SIZE_RATIO))
        lines.append(Line(text, page_number, heading=heading, gap_before=gaps[index], size=size, bold=bold))
    return tuple(_join_hyphenated(lines))


def _join_hyphenated(lines: list[Line]) -> list[Line]:
    """A line ending in a word broken by a hyphen joined with the next line of its paragraph, as pdfium joins
    them in a PDF's text layer: "aflastnings-" + "institutionen, …" is one line "aflastningsinstitutionen, …".

    It keeps a wrapped title in one piece (each line of a bold title is a heading,
    and every heading starts a paragraph); the hyphen stays before "og"/"eller"/"samt"
    ("Sundheds- og Forebyggelsesudvalget").
    """
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and not line.gap_before and LINE_END_HYPHEN_RE.search(previous.text) \
                and line.text[:1].islower():
            keep = COMPOUND_CONTINUATION_RE.match(line.text) is not None
            text = previous.text + " " + line.text if keep else previous.text[:-1] + line.text
            joined[-1] = previous._replace(text=text)
            continue
        joined.append(line)
    return joined


def _paragraph_sizes(sizes: list[float], gaps: list[bool]) -> list[float]:
    """Sizes with each paragraph's lines set to their median when they differ by OCR's jitter only.

    A PDF's wrapped title has one font size on every line; OCR measures each line
    within a few percent, and "the largest line" would otherwise pick a title's
    second line (Ballerup eDoc memos).
    """
    smoothed: list[float] = []
    start = 0
    for end in range(1, len(sizes) + 1):
        if end < len(sizes) and not gaps[end]:
            continue
        run = sizes[start:end]
        middle = statistics.median(run)
        same = all(abs(size - middle) <= middle * SIZE_JITTER for size in run)
        smoothed += [round(middle, 1)] * len(run) if same else run
        start = end
    return smoothed


def _body_value(values: list[float], counts: list[int]) -> float:
    """The value most characters have: the median of `values` weighted by `counts`."""
    ordered = sorted(zip(values, counts, strict=True))
    half, running = sum(counts) / 2, 0
    for value, count in ordered:
        running += count
        if running >= half:
            return value
    return ordered[-1][0] if ordered else 0.0


def _stroke_width(ink: Image, box: tuple[int, int, int, int]) -> float:
    """Mean stroke width in a box of a binary image whose ink is 255: ink area over half its outline.

    The outline is counted as the ink/paper changes between neighbouring pixels,
    across and down; a stroke of width w and length l has area w*l and outline 2*l.
    """
    from PIL import ImageChops

    crop = ink.crop(box)
    area = crop.histogram()[255]
    if area == 0 or crop.width < 2 or crop.height < 2:
        return 0.0
    across = ImageChops.difference(crop.crop((1, 0, crop.width, crop.height)),
                                   crop.crop((0, 0, crop.width - 1, crop.height))).histogram()[255]
    down = ImageChops.difference(crop.crop((0, 1, crop.width, crop.height)),
                                 crop.crop((0, 0, crop.width, crop.height - 1))).histogram()[255]
    return 2 * area / (across + down) if across + down else 0.0


def _ink(api: Any) -> Image:
    """Tesseract's binarised page with ink 255 and paper 0."""
    from PIL import ImageChops

    return ImageChops.invert(api.GetThresholdedImage().convert("L"))  # Tesseract's ink is black


def _with_strokes(ink: Image, raw_lines: list[_RawLine]) -> list[_RawLine]:
    """The lines with the stroke width of their letters, measured on the binarised page."""
    return [replace(raw, stroke=_stroke_width(ink, raw.box)) for raw in raw_lines]


def _lost_markers(ink: Image, lines: list[_RawLine]) -> list[_RawLine]:
    """One-word lines for ink left of a line where Tesseract found no word (a hanging "2." it skipped).

    The ink's box becomes a word with no text; `_reread_markers` reads it.
    """
    found: list[_RawLine] = []
    for raw in lines:
        reach = max(raw.row_height, 1.0)
        left = max(0, round(raw.box[0] - reach * LOST_MARKER_ROWS))
        strip = (left, raw.box[1], max(left, raw.box[0] - round(reach / 2)), raw.box[3])
        if strip[2] - strip[0] < reach or any(_overlaps(strip, other.box) for other in lines):
            continue
        box = ink.crop(strip).getbbox()
        if box is None or box[3] - box[1] < reach * 0.4 or box[2] - box[0] < reach * 0.15:
            continue  # nothing there, or a speck
        ink_box = (strip[0] + box[0], strip[1] + box[1], strip[0] + box[2], strip[1] + box[3])
        found.append(_RawLine((_Word("", 0.0, ink_box),), ink_box, raw.row_height, True, raw.base))
    return lines + found


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _read_once(api: Any, image: Image, dpi: int) -> tuple[list[_RawLine], float, int]:
    api.SetImage(image)
    api.SetSourceResolution(dpi)
    api.Recognize()
    raw_lines = _words(api)
    confidences = [w.confidence for raw in raw_lines for w in raw.words if w.confidence >= 0]
    if raw_lines:
        ink = _ink(api)
        raw_lines = _lost_markers(ink, _with_strokes(ink, raw_lines))
        del ink
        raw_lines = _attach_markers(_reread_markers(api, raw_lines))  # last: it discards the page's recognition
    raw_lines = [raw for raw in raw_lines if raw.words[0].text]  # ink that read as no marker
    return raw_lines, (statistics.fmean(confidences) if confidences else 0.0), len(confidences)


def recognise(page: PageImage, lang: str) -> OcrPage:
    """Read one page image: its lines, mean word confidence and the orientation that read best."""
    api = _engine(lang)
    image = page.image if page.image.mode in ("L", "1", "RGB") else page.image.convert("L")
    raw_lines, confidence, words = _read_once(api, image, page.dpi)
    rotation = 0
    if words and (confidence < ORIENTATION_RETRY_CONFIDENCE or words < MIN_ORIENTED_WORDS):  # not a blank page
        for turn in (180, 90, 270):
            # PIL rotates counter-clockwise: turning the image back by `turn` reads a page turned by `turn`
            turned = image.rotate(turn, expand=True, fillcolor=255 if image.mode == "L" else None)
            candidate = _read_once(api, turned, page.dpi)
            del turned
            if candidate[2] >= MIN_ORIENTED_WORDS and candidate[1] > confidence:
                raw_lines, confidence, words = candidate
                rotation = turn
            if confidence >= ORIENTATION_RETRY_CONFIDENCE:
                break  # upside down is the common case; a page on its side Tesseract mostly turns itself
    api.Clear()  # release Tesseract's copy of the image and its results
    return OcrPage(page.number, build_lines(raw_lines, page.number, page.dpi), round(confidence, 1), words, rotation)


def read_pages(pages: Iterable[PageImage], options: ReadOptions) -> Iterator[OcrPage]:
    """Read page images in order; with `options.ocr_workers` > 1, that many pages at once.

    `pages` is consumed in the calling thread (so a PDF renderer that is not
    thread-safe is only ever called from there), at most a few pages ahead of the
    page being handed back; each image is released once read.
    """
    lang = options.ocr_lang
    _tesserocr()  # fail before rendering anything when tesserocr or the model is missing
    tessdata_for(lang)
    workers = max(1, options.ocr_workers)
    if workers == 1:
        for page in pages:
            yield recognise(page, lang)
        return
    window: deque[Future[OcrPage]] = deque()
    source = iter(pages)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        submit: Callable[[PageImage], Future[OcrPage]] = lambda p: pool.submit(recognise, p, lang)  # noqa: E731
        for page in source:
            window.append(submit(page))
            del page
            if len(window) >= workers * PAGES_IN_FLIGHT_PER_WORKER:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def page_warnings(page: OcrPage) -> list[Warning]:
    """The `ocr` warning every OCR'd page gets, and `ocr-low-confidence` below the floor."""
    if not page.words:  # a blank page (the back of a sheet): nothing to doubt
        return [Warning("ocr", f"page {page.number} was read by OCR and holds no text", page.number)]
    turned = f", turned {page.rotation}°" if page.rotation else ""
    found = [Warning("ocr", f"page {page.number} was read by OCR (mean word confidence {page.confidence:.0f}"
                            f" over {page.words} words{turned})", page.number)]
    if page.confidence < OCR_CONFIDENCE_FLOOR:
        found.append(Warning("ocr-low-confidence", f"page {page.number}: OCR mean word confidence "
                             f"{page.confidence:.0f} is below {OCR_CONFIDENCE_FLOOR:.0f}; check the text",
                             page.number))
    return found


@dataclass(frozen=True)
class OcrResult:
    """The lines and warnings of the pages read by OCR, and their numbers."""

    lines: tuple[Line, ...]
    warnings: tuple[Warning, ...]
    pages: tuple[int, ...]


def read_all(pages: Iterable[PageImage], options: ReadOptions, path: str) -> OcrResult:
    """Read every page image of the file at `path`; lines in page order with their warnings.

    `OcrUnavailable` names the file (the engine that raises it does not know it).
    """
    lines: list[Line] = []
    warnings: list[Warning] = []
    numbers: list[int] = []
    try:
        for page in read_pages(pages, options):
            lines.extend(page.lines)
            warnings.extend(page_warnings(page))
            numbers.append(page.number)
    except OcrUnavailable as error:
        raise OcrUnavailable(path, error.reason, error.hint) from error
    return OcrResult(tuple(_paragraph_signs(lines)), tuple(warnings), tuple(numbers))


def _paragraph_signs(lines: list[Line]) -> list[Line]:
    """The lines with an item's paragraph sign restored ("8 2. Ansøgning …" -> "§ 2. Ansøgning …") when
    `MIN_PARAGRAPH_SIGNS` or more lines open so, numbered upwards."""
    found = [(index, match) for index, line in enumerate(lines)
             if line.text[:1] in "8S$§" and (match := OCR_PARAGRAPH_SIGN_RE.match(line.text))]
    numbers = [int(match.group("number")) for _, match in found]
    if len(found) < MIN_PARAGRAPH_SIGNS or numbers != sorted(set(numbers)):
        return lines
    fixed = list(lines)
    for index, match in found:
        line = lines[index]
        fixed[index] = line._replace(text=f"§ {match.group('number')}. {line.text[match.end():]}")
    return fixed


# --- PDF pages: render the pages without a text layer.

# The page's largest image must cover this share of the page for its resolution to
# be the page's (a scan fills the page; a logo on an empty page does not).
MIN_IMAGE_COVER = 0.5
# A page whose one object is an image covering this share of it is that scan alone.
MIN_SCAN_COVER = 0.9
RENDER_SHORTFALL_PX = 0.01


def own_scale(page: Any) -> float | None:
    """Pixels per point of the scan a PDF page holds (its largest image, when it covers most of the page).

    Rendering at exactly this scale gives the scan's own pixels back, one for one
    (a rounded dpi would resample an A4 page by a pixel and change what OCR reads).
    """
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        cover = (right - left) * (top - bottom)
        if cover < MIN_IMAGE_COVER * width * height or (best and cover <= best[0]):
            continue
        pixels = max(obj.get_px_size())
        points = max(right - left, top - bottom)
        if points > 0:
            # pypdfium2 renders ceil(points * scale) pixels, and a page size stored as a float
            # (595.44 pt for 1654 px at 200 dpi) would give one pixel more and resample the whole
            # scan: aim a hundredth of a pixel short, and the scan's pixels come back one for one
            best = (cover, (pixels - RENDER_SHORTFALL_PX) / points)
    if best is None or not MIN_OWN_DPI <= round(best[1] * 72) <= MAX_OWN_DPI:
        return None
    return best[1]


def _only_scan(page: Any) -> PageImage | None:
    """The scan itself, when a page is nothing but one image covering it: its pixels, one for one.

    Rendering the page instead resamples it whenever its size in points is not a
    whole number of pixels (A4 at 150 or 300 dpi), and OCR reads the resampled
    page a little differently from the same scan as a TIFF.
    """
    import pypdfium2.raw as pdfium_c

    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    scan = objects[0]
    width, height = page.get_size()
    left, bottom, right, top = scan.get_bounds()
    points = max(right - left, top - bottom)
    if (right - left) * (top - bottom) < MIN_SCAN_COVER * width * height or points <= 0:
        return None
    dpi = round(max(scan.get_px_size()) / points * 72)
    if not MIN_OWN_DPI <= dpi <= MAX_OWN_DPI:
        return None
    a, b, c, d, _, _ = scan.get_matrix().get()
    # placed upright (a plain scale, as scanners write it): the stored pixels as they are; turned,
    # flipped or skewed: drawn through its matrix (which may round the size by a pixel)
    upright = b == 0 and c == 0 and a > 0 and d > 0
    image = scan.get_bitmap(render=not upright).to_pil().convert("L")
    if page.get_rotation():
        image = image.rotate(-page.get_rotation(), expand=True)  # /Rotate turns clockwise, PIL counter-clockwise
    return PageImage(0, image, dpi)


def pdf_page_images(pdf: Any, numbers: Iterable[int], dpi: int | None) -> Iterator[PageImage]:
    """The pages numbered `numbers` (from 1) in grey: a page that is only a scan as the scan's own pixels,
    else rendered at `dpi`, else the page image's own resolution, else 300."""
    for number in numbers:
        page = pdf[number - 1]
        try:
            scan = None if dpi else _only_scan(page)
            if scan is not None:
                yield PageImage(number, scan.image, scan.dpi)
                continue
            scale = dpi / 72 if dpi else own_scale(page) or DEFAULT_DPI / 72
            bitmap = page.render(scale=scale, grayscale=True)
            image = bitmap.to_pil().convert("L")  # a copy: the bitmap's buffer goes with the bitmap
            bitmap.close()
        finally:
            page.close()
        yield PageImage(number, image, round(scale * 72))


def read_pdf_pages(pdf: Any, numbers: Iterable[int], options: ReadOptions, path: str) -> OcrResult:
    """OCR the given pages of an open pypdfium2 document, the file at `path`."""
    return read_all(pdf_page_images(pdf, numbers, options.ocr_dpi), options, path)
