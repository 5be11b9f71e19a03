"""Read plain-text (and Markdown-ish) exports into lines.

Bytes are decoded by `encoding.decode`: a byte-order mark or clean UTF-8 is
trusted; anything else (UTF-16 without a mark, cp1252, latin-1 …) is guessed
with a warning so nobody trusts a guess blindly. Form feeds separate pages; a
blank line marks the start of a paragraph.
"""

from __future__ import annotations

from ..cleanup.characters import normalise_characters, strip_markdown
from ..errors import EmptyInput
from ..model import Line, RawDocument
from .encoding import decode


def text_to_lines(text: str) -> list[Line]:
    """Split normalised text into lines; blank lines become `gap_before` on the next line."""
    text = strip_markdown(normalise_characters(text))
    page: int | None = 1 if "\x0c" in text else None  # form feeds number the pages
    lines: list[Line] = []
    append = lines.append  # the loop runs once per line of a long export
    gap = True  # the first line opens a paragraph
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if raw == "\x0c" and page is not None:
                page += 1
            gap = True
            continue
        if "  " in stripped:  # normalise_characters made every other whitespace a plain space
            stripped = " ".join(stripped.split())
        append(Line(stripped, page, False, gap))
        gap = False
    return lines


def read_text(data: bytes, path: str) -> RawDocument:
    """A text document's lines; `EmptyInput` when there is no text."""
    text, warnings = decode(data, path)
    lines = text_to_lines(text)
    if not lines:
        raise EmptyInput(path, "the file has no text", "check that it is the right file")
    pages = (lines[-1].page or 1) if lines[0].page is not None else None
    return RawDocument(tuple(lines), "text", None if pages is None else pages, tuple(warnings))
