"""Read plain-text (and Markdown-ish) exports into lines.

Bytes are decoded as UTF-8; failing that as cp1252 (a superset of latin-1 in
the printable range), with a warning so nobody trusts a guess blindly. Form
feeds separate pages; a blank line marks the start of a paragraph.
"""

from __future__ import annotations

from ..cleanup.characters import normalise_characters, strip_markdown
from ..errors import EmptyInput
from ..model import Line, RawDocument, Warning


def decode(data: bytes, path: str) -> tuple[str, list[Warning]]:
    """Text of the bytes, with a warning when they were not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        note = Warning("encoding", f"{path} is not valid UTF-8 (byte {error.start}); read as cp1252/latin-1")
        return data.decode("cp1252", errors="replace"), [note]


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
