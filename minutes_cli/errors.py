"""The one error hierarchy of the library.

Every failure a user can cause (a missing file, a damaged PDF, an unsupported
format) is a `MinutesError` whose message names the file, what was wrong and
what to try. The CLI prints it as one line; the library never prints.
"""

from __future__ import annotations


class MinutesError(Exception):
    """Base class: a problem with one input that the user can act on."""

    def __init__(self, path: str, reason: str, hint: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        message = f"{path}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class InputNotFound(MinutesError):
    """The path does not exist or is not a readable file."""


class EmptyInput(MinutesError):
    """The input has no bytes or no text at all."""


class UnsupportedFormat(MinutesError):
    """The input is of a kind minutes does not read (XML, images, binaries)."""


class UnreadableDocument(MinutesError):
    """The input claims a format but cannot be opened as one (damaged, encrypted)."""


class ExtractionTimeout(MinutesError):
    """Parsing one input took longer than the allowed time."""


class InputTooLarge(MinutesError):
    """The input is larger than the size limit (`--max-size`)."""


class SchedulerUnreachable(MinutesError):
    """--scheduler names no Dask scheduler that answers (a wrong address, or none running there)."""


class OutputNotWritable(MinutesError):
    """The place to write an output to is a folder, missing or not writable."""


class NotADocument(UnsupportedFormat):
    """The input is of a kind recognised and not read (a GIF image, an archive, an unknown XML export).

    A folder walk (`-r`) names such files as skipped instead of failed.
    """


class OcrUnavailable(MinutesError):
    """Reading a scan needs OCR, and Tesseract (tesserocr) or its language model is not installed."""
