"""Options that change how readers read, handed to them without changing the reader signature.

Readers are called as `reader(data, path)` from `READERS`. The few options a
reader needs (today only OCR's) travel in one frozen `ReadOptions`, which
`readers.read` makes current for the duration of one read with `using`; a
reader asks for it with `current_options()`. A context variable rather than a
new parameter keeps every reader's signature (and the HTML and text readers,
which need no options) unchanged, and it is per thread and per task, so
concurrent reads in one process never see each other's options.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")


@dataclass(frozen=True)
class ReadOptions:
    """How to read an input.

    - `ocr`: `auto` reads by OCR the PDF pages that have no usable text layer
      (and every image); `always` every PDF page, ignoring its text layer;
      `never` none (a scan then gives a `no-text-layer` warning or error, and
      an image input is an error);
    - `ocr_lang`: Tesseract language(s), e.g. `dan` or `dan+eng`;
    - `ocr_dpi`: resolution to render PDF pages at for OCR (default: the page
      image's own resolution, else 300), and the resolution assumed for an
      image file that does not state one;
    - `ocr_workers`: pages read by OCR at once within one document (threads,
      each with its own one-threaded Tesseract).
    """

    ocr: OcrMode = "auto"
    ocr_lang: str = "dan"
    ocr_dpi: int | None = None
    ocr_workers: int = 1


DEFAULT_OPTIONS = ReadOptions()

_CURRENT: ContextVar[ReadOptions] = ContextVar("minutes_read_options", default=DEFAULT_OPTIONS)


def current_options() -> ReadOptions:
    """The options of the read in progress (the defaults outside one)."""
    return _CURRENT.get()


@contextmanager
def using(options: ReadOptions | None) -> Iterator[None]:
    """Make `options` current while the block runs (None keeps the current ones)."""
    if options is None:
        yield
        return
    token = _CURRENT.set(options)
    try:
        yield
    finally:
        _CURRENT.reset(token)
