"""Attachments (bilag): numbered lists under a Bilag heading, "Bilag 1. Title" lines, link lists.

Titles lose their "Bilag N." / "Bilag N" / "N." / document-number prefix but
keep a number that belongs to them ("2. udkast af …"); paragraphs of prose
under a Bilag heading are no titles; a document that
lists its attachments twice (a list and then links) yields each once. Under a
numbered list, the first unnumbered line ends the list (signatures follow).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_patterns import lazy_re
from ..model import Attachment, Block, Line
from ..patterns import (
    ATTACHMENT_PREFIX_RE,
    BILAG_LINE_RE,
    DOCUMENT_NUMBER_RE,
    FILE_SIZE_RE,
    LIST_MARKER_RE,
    TRAILING_DOCUMENT_NUMBER_RE,
    sentence_ends,
)
from ..segment import RawSection
from ..vocabulary import NO_ATTACHMENT_WORDS, normalise_label


@lru_cache(maxsize=4096)  # an item lists its attachments more than once, and items share them
def _split(line: str) -> tuple[str | None, str]:
    """(number, title) of one attachment line: "• Bilag 2: Budget" -> ("2", "Budget").

    A number that opens the title itself stays: "2. udkast af aftalen" is an
    ordinal (a word in lower case follows it), not a list number.
    """
    number = None
    for _ in range(2):  # a bullet may stand before "Bilag 2:", a number before a document number
        match = BILAG_LINE_RE.match(line)
        if match:
            number, line = number or match.group("number") or match.group("spaced"), match.group("title")
        prefix = ATTACHMENT_PREFIX_RE.match(line)
        if prefix and prefix.group(0) and not _is_ordinal(line, prefix):
            number = number or prefix.group("number")
            line = line[prefix.end():]
    # both trail the title: a document number holds a "/", a file size ends in ")"
    if "/" in line:
        line = TRAILING_DOCUMENT_NUMBER_RE.sub(_unless_years, line)
    if line.rstrip().endswith(")"):
        line = FILE_SIZE_RE.sub("", line)
    return number, line.strip()


def _unless_years(number: re.Match[str]) -> str:
    """Nothing for a trailing document number ("… 123456/19"); a season or budget year stays
    ("Regnskab for vintertjeneste 2019/20": the second year follows the first)."""
    first, second = number.group(0).strip().split("/")
    return number.group(0) if len(first) == 4 and (int(first) + 1) % 100 == int(second) else ""


def _is_ordinal(line: str, prefix: re.Match[str]) -> bool:
    """True when the number of a prefix is part of the title: "2. udkast af …", "3. behandling"."""
    return bool(prefix.group("number")) and line[prefix.end():prefix.end() + 1].islower()


# A title is one line or a short entry; a paragraph of prose under a Bilag heading (an
# explanation of the attachments) is none. The longest title of the gold sets that ends
# in a full stop has 14 words ("Grafisk fremstilling af status over … og Christiania.").
MAX_SENTENCE_TITLE_WORDS = 20


@lru_cache(maxsize=4096)  # the same list of attachments stands above and below an item's text
def _is_prose(text: str) -> bool:
    """True for a paragraph of sentences: it ends a sentence and holds another sentence's end, or
    is longer than any title ("Forvaltningen har vedlagt et notat, som … . Notatet er …")."""
    text = text.rstrip()
    if not text.endswith((".", "!", "?")):
        return False
    body = _split(text)[1]  # "1. Ansøgning …" : the marker's full stop ends no sentence
    return len(body.split()) > MAX_SENTENCE_TITLE_WORDS or bool(sentence_ends(body))


@lru_cache(maxsize=4096)
def _is_numbered(line: str) -> bool:
    """A "Bilag N." line or a list entry; "2. udkast af …" opens with an ordinal, not a list number."""
    if BILAG_LINE_RE.match(line):
        return True
    return bool(LIST_MARKER_RE.match(line)) and not _opens_with_ordinal(line)


def _opens_with_ordinal(line: str) -> bool:
    """"2. udkast af …", "3. behandling": a number with a word in lower case after it."""
    marker = LIST_MARKER_RE.match(line)
    return marker is not None and line[:1].isdigit() and line[marker.end():marker.end() + 1].islower()


def _has_document_number(line: str) -> bool:
    return bool(DOCUMENT_NUMBER_RE.match(line))


def _from_section(blocks: tuple[Block, ...]) -> list[Attachment]:
    """Attachments of a Bilag section, read line by line in the style its first line sets.

    numbered ("1. Title", "Bilag 1. Title"): an unnumbered line ends the list
    (signatures follow) unless it continues a wrapped title in lower case;
    document numbers ("2012-200782 - Title"): other lines continue the title
    before them, a list marker ("c. Konference …", or "c." alone) ends the list;
    plain: every line is a title, a lower-case line continues the one before.
    A line whose list marker the markup states (`Line.list_marker`) is always a
    title of its own.
    """
    entries = [entry for block in blocks if not _is_prose(block.text) for line in block.lines
               for entry in (_listed_on_one_line(line) if ";" in line.text else (line,))]
    if not entries:
        return []
    lines = [line.text for line in entries]
    style = "numbered" if _is_numbered(lines[0]) else "docno" if _has_document_number(lines[0]) else "plain"
    found: list[Attachment] = []
    for entry, line in zip(entries, lines, strict=True):
        if entry.list_marker is not None:
            starts_new = True  # the markup states each entry (an export's attachment list, <li>, Word numbering)
        elif style == "numbered":
            starts_new = _is_numbered(line)
        elif style == "docno":
            starts_new = _has_document_number(line)
        else:
            starts_new = (not line[:1].islower() or entry.gap_before) and (
                not LIST_MARKER_RE.match(line) or _opens_with_ordinal(line))
        if not starts_new:
            # a list marker ends the list, also one alone on its line ("c." above "Konference …")
            marker = LIST_MARKER_RE.match(line) or LIST_MARKER_RE.match(line + " ")
            # a title wraps onto the next line in lower case, never over a paragraph gap: a line of its own
            # (an HTML element, a line after a blank one) is a title even in lower case ("geosager der …")
            continues = found and not marker and ((line[:1].islower() and not entry.gap_before) or style == "docno")
            if continues:
                found[-1] = Attachment(found[-1].number, f"{found[-1].title} {line}")
                continue
            break
        number, title = _split(line)
        if title and normalise_label(title) not in NO_ATTACHMENT_WORDS:
            found.append(Attachment(number, title))
    return found


# Numbered attachments listed on one line, separated by semicolons: "1. Regnskab 2019/20; 2. Oversigt".
ENTRY_SEPARATOR_RE = lazy_re(r";\s*(?=\d{1,2}\.\s)")


def _listed_on_one_line(line: Line) -> list[Line]:
    """A line of numbered attachments separated by semicolons as a line per attachment; any other line as it is."""
    if not _is_numbered(line.text):
        return [line]
    parts = ENTRY_SEPARATOR_RE.split(line.text)
    if len(parts) < 2 or not all(_is_numbered(part) for part in parts):
        return [line]
    return [line._replace(text=part.strip()) for part in parts]


def _key(title: str) -> str:
    return " ".join(title.lower().split()).rstrip(" .")


def find_attachments(sections: list[RawSection]) -> tuple[Attachment, ...]:
    """The item's attachments in order, each title once."""
    found: list[Attachment] = []
    for section in sections:
        if section.kind == "attachments":
            found += _from_section(section.blocks)
        else:
            for block in section.blocks:
                if block.text[:5].lower() != "bilag":
                    continue
                match = BILAG_LINE_RE.match(block.text)
                if match and (match.group("number") or match.group("spaced")):
                    found.append(Attachment(*_split(block.text)))
    unique: dict[str, Attachment] = {}
    for attachment in found:
        unique.setdefault(_key(attachment.title), attachment)
    return tuple(unique.values())
