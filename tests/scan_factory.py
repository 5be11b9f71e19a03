"""Scanned twins of born-digital PDFs: the same pages as a scanner would give them, with a known answer.

Every page is rasterised (200 dpi, grey), rotated by a fraction of a degree
as a sheet lies on the glass, and given light noise; the pages are saved as an
image-only PDF and as a multi-page TIFF holding exactly the same pixels (the
PDF's images are stored losslessly), so the two must parse alike. The noise
comes from a seeded generator: a twin is the same on every run.

    twin = make_twin(Path("fixtures/p1_kk_bif.pdf").read_bytes())
    twin.pdf, twin.tiff   # bytes

Used by tests/test_ocr.py and benchmarks/ocr_twins.py.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

TWIN_DPI = 200
# Skew of each page in degrees, either way: a sheet laid by hand on a flatbed.
MIN_SKEW, MAX_SKEW = 0.2, 0.6
# Share of uniform noise blended into each page: paper white becomes 235-255, text
# stays near black (light noise, as a clean office scan has).
NOISE_SHARE = 0.08


@dataclass(frozen=True)
class Twin:
    """A scanned twin: the page images, and the same pages as an image-only PDF and a multi-page TIFF."""

    images: tuple[Image.Image, ...]
    pdf: bytes
    tiff: bytes
    dpi: int


def scan_pages(pdf_bytes: bytes, dpi: int = TWIN_DPI, seed: int = 0, turns: Sequence[int] = ()) -> list[Image.Image]:
    """The pages as scanned images; `turns[i]` (degrees counter-clockwise) turns page i on the glass too."""
    rng = random.Random(seed)
    images: list[Image.Image] = []
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
            page.close()
            skew = rng.choice((-1, 1)) * rng.uniform(MIN_SKEW, MAX_SKEW)
            turn = turns[index] if index < len(turns) else 0
            image = image.rotate(skew + turn, resample=Image.Resampling.BILINEAR, expand=bool(turn), fillcolor=255)
            noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
            images.append(Image.blend(image, noise, NOISE_SHARE))
    finally:
        pdf.close()
    return images


def image_pdf(images: Sequence[Image.Image], dpi: int = TWIN_DPI) -> bytes:
    """An image-only PDF: one page per image, the image filling the page at `dpi`, no text layer."""
    pdf = pdfium.PdfDocument.new()
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        page = pdf.new_page(width, height)
        picture = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.from_pil(image)
        picture.set_bitmap(bitmap)
        picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page.insert_obj(picture)
        page.gen_content()
        bitmap.close()
        page.close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def multipage_tiff(images: Sequence[Image.Image], dpi: int = TWIN_DPI) -> bytes:
    """A multi-page TIFF of the images (deflate, lossless) stating its resolution."""
    buffer = io.BytesIO()
    images[0].save(buffer, format="TIFF", save_all=True, append_images=list(images[1:]), dpi=(dpi, dpi),
                   compression="tiff_deflate")
    return buffer.getvalue()


def make_twin(pdf_bytes: bytes, dpi: int = TWIN_DPI, seed: int = 0, turns: Sequence[int] = ()) -> Twin:
    """The scanned twin of a born-digital PDF."""
    images = tuple(scan_pages(pdf_bytes, dpi, seed, turns))
    return Twin(images, image_pdf(images, dpi), multipage_tiff(images, dpi), dpi)
