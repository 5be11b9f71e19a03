"""Read scanned images (TIFF, multi-page too; PNG; JPEG) into lines by OCR.

Archives keep pre-2008 minutes as scans; a TIFF often holds a whole meeting,
one frame per page. Pillow decodes the frames one at a time, each becomes a
grey `PageImage` at the resolution the file states (or `--ocr-dpi`, else
300 dpi), and readers/ocr.py reads it. Every page is an OCR page, so every
page gets an `ocr` warning and `ocr_pages` lists them all.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import EmptyInput, UnreadableDocument, UnsupportedFormat
from ..model import RawDocument
from . import ocr
from .options import current_options

# Leading bytes of the image formats we read (detect_format routes them here).
IMAGE_SIGNATURES: tuple[bytes, ...] = (
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
)


def _stated_dpi(frame: Any) -> int | None:
    """The resolution a frame states, when it is a plausible scanning resolution."""
    dpi = frame.info.get("dpi")
    if not dpi:
        return None
    try:
        value = round(float(dpi[0]))
    except (TypeError, ValueError, IndexError):
        return None
    return value if ocr.MIN_OWN_DPI <= value <= ocr.MAX_OWN_DPI else None


def _frames(image: Any, path: str, fallback_dpi: int) -> Iterator[ocr.PageImage]:
    """Each frame as a grey page image, decoded only when it is asked for."""
    from PIL import ImageSequence

    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            yield ocr.PageImage(number, frame.convert("L"), _stated_dpi(frame) or fallback_dpi)
    except (OSError, ValueError, EOFError) as error:
        raise UnreadableDocument(path, f"the image cannot be decoded ({error})",
                                 "the file may be damaged or incomplete") from error


def read_image(data: bytes, path: str) -> RawDocument:
    """A scanned image's lines, read by OCR page by page (frame by frame)."""
    options = current_options()
    if options.ocr == "never":
        raise UnsupportedFormat(path, "this is a scanned image and OCR is off (--ocr never)", "use --ocr auto")
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        page_count = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise UnreadableDocument(path, f"the image cannot be opened ({error})",
                                 "the file may be damaged or incomplete") from error
    with image:
        result = ocr.read_all(_frames(image, path, options.ocr_dpi or ocr.DEFAULT_DPI), options, path)
    if not result.lines:
        raise EmptyInput(path, f"OCR found no text on the image's {page_count} page(s)",
                         "check that it is a scan of a document")
    return RawDocument(result.lines, "image", page_count, result.warnings, ocr_pages=result.pages)
