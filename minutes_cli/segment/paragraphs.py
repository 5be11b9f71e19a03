"""Group clean lines into paragraphs (`Block`s).

A paragraph starts at a blank line or vertical gap, at a heading, at a list
marker ("1.", "-", "a)"), and at any line that is a label or heading the
vocabulary knows ("Sagsnr.: …", "Beslutning", "Punkt 7: …"), because PDFs do
not always leave a gap before those.
"""

from __future__ import annotations

from ..model import Block, Line
from ..patterns import (
    ABSENCE_LINE_RE,
    BILAG_LINE_RE,
    CASE_LABEL_RE,
    CASE_VALUE_RE,
    DATED_DECISION_RE,
    HEADER_LABEL_RE,
    LIST_MARKER_RE,
    OPENER_HINT_RE,
    PUNKT_ITEM_RE,
    SUBITEM_RE,
    match_recommender,
)
from .headings import is_caps_heading, is_known_heading


def starts_paragraph(line: Line) -> bool:
    """True when the line begins a new paragraph whatever came before it."""
    if line.gap_before or line.heading:
        return True
    text = line.text
    if _is_inline_label(text):
        return True  # "Indstilling: Forvaltningen indstiller, at …" under other text
    if not could_open_paragraph(text):
        return False  # the common case, prose, decided without a dozen regexes
    return bool(
        LIST_MARKER_RE.match(text)
        or is_known_heading(text)
        or PUNKT_ITEM_RE.match(text)
        or SUBITEM_RE.match(text)
        or CASE_LABEL_RE.match(text)
        or CASE_VALUE_RE.match(text)
        or BILAG_LINE_RE.match(text)
        or DATED_DECISION_RE.match(text)
        or HEADER_LABEL_RE.match(text)
        or ABSENCE_LINE_RE.match(text)
        or _is_lead_in(text)
        or is_caps_heading(text)
    )


# A line opens a paragraph only when it starts like a marker or label, or names one
# of these words; everything else is prose and needs no further checks.
_OPENER_WORDS = ("beslutning", "indstil", "deltog ikke")


def could_open_paragraph(text: str) -> bool:
    """A cheap test that rules out ordinary prose lines before the pattern checks."""
    if OPENER_HINT_RE.match(text) or len(text) <= SHORT_LINE_CHARS:
        return True
    head = text[:SHORT_LINE_CHARS * 2].lower()
    return any(word in head for word in _OPENER_WORDS) or text.isupper()


# Headings and labels alone on a line are short; longer lines are checked by their opening only.
SHORT_LINE_CHARS = 60


def _is_inline_label(text: str) -> bool:
    """A known heading followed by a colon and its text on the same line: "Beslutning: Godkendt."."""
    colon = text.find(":", 0, INLINE_LABEL_MAX_CHARS)
    return colon > 0 and text[colon + 1: colon + 2] == " " and is_known_heading(text[: colon + 1])


# A label before a colon is at most this long ("Økonomiske konsekvenser og finansiering:").
INLINE_LABEL_MAX_CHARS = 48


# A recommendation lead-in stands on a line of its own ("Direktøren for … indstiller");
# longer lines that happen to contain "indstiller" are prose.
MAX_LEAD_IN_CHARS = 120


def _is_lead_in(text: str) -> bool:
    return len(text) <= MAX_LEAD_IN_CHARS and bool(match_recommender(text)) and "indstil" in text.lower()


def _closes_paragraph(line: Line) -> bool:
    """True when nothing may follow the line in the same paragraph (a heading or label)."""
    text = line.text
    if line.heading:
        return True
    if not could_open_paragraph(text):
        return False
    return bool(line.heading or is_known_heading(text) or CASE_VALUE_RE.match(text) or DATED_DECISION_RE.match(text)
                or is_caps_heading(text))


def to_paragraphs(lines: list[Line]) -> list[Block]:
    """Paragraphs of the lines, in order; every line lands in exactly one."""
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if current and (starts_paragraph(line) or _closes_paragraph(current[-1])):
            blocks.append(Block.of(tuple(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(Block.of(tuple(current)))
    return blocks
