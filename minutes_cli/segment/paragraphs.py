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
    LABEL_MAX_CHARS,
    LIST_MARKER_RE,
    NUMBERED_ITEM_RE,
    OPENER_HINT_RE,
    PUNKT_INITIALS,
    PUNKT_ITEM_RE,
    SUBITEM_RE,
    TRAILING_CASE_RE,
    match_recommender,
)
from ..vocabulary import OUTCOME_WORDS, normalise_label
from .headings import is_caps_heading, is_known_heading


def _is_item_row(text: str) -> bool:
    """A row of a printed item table: number, title and case number on one line ("2 Ansøgning fra
    foreningen 2023-59287"); it stands alone as its own paragraph."""
    return text[:1].isdigit() and TRAILING_CASE_RE.search(text) is not None and \
        NUMBERED_ITEM_RE.match(text) is not None


# A printed item table's row without a case number is at most this long ("4 Eventuelt").
MAX_BARE_ROW_CHARS = 120


def _is_row_before_heading(text: str, lines: list[Line], position: int) -> bool:
    """A printed item table's row without a case number, glued to the row above ("4 Eventuelt"),
    that a section heading follows ("Beslutning"): it starts the item, so it stands alone."""
    if not text[:1].isdigit() or len(text) > MAX_BARE_ROW_CHARS or text.endswith((".", ",", ":")):
        return False
    following = lines[position + 1] if position + 1 < len(lines) else None
    if following is None or not following.heading or not is_known_heading(following.text):
        return False
    row = NUMBERED_ITEM_RE.match(text)
    return row is not None and row.group("title")[:1].isupper()  # titles are capitalised; "4 kommuner" is prose


# A sentence has at least this many words; a shorter line ending in a full stop is the end of one
# that wrapped ("… på Aarhus" / "Ø.").
MIN_SENTENCE_WORDS = 3


def _is_sentence_after_row(row: str, text: str) -> bool:
    """A sentence glued under a numbered title ("5 Lukket punkt: Køb af ejendom" / "Punktet er
    behandlet for lukkede døre."): the item's first text, not more of its title. A title that wraps
    goes on without ending in a full stop ("… til Vejle" / "Spildevand A/S 21/08812")."""
    first = row[:1]  # the cheapest test first: a numbered title starts with its number or an item word
    if not ((first.isdigit() or first in PUNKT_INITIALS) and text[:1].isupper() and text.endswith(".")
            and len(row) <= MAX_BARE_ROW_CHARS and not row.endswith((",", ":", *WRAPPING_HEADING_ENDS))):
        return False
    # a sentence of three words or more, or a decision of one or two ("Godkendt.", "Taget til efterretning.")
    sentence = text.count(" ") + 1 >= MIN_SENTENCE_WORDS or normalise_label(text) in OUTCOME_WORDS
    if row[:1].isdigit():
        return sentence and not row.endswith(".") and NUMBERED_ITEM_RE.match(row) is not None
    # "§ 1. Godkendelse af protokollen." / "Protokollen blev oplæst og godkendt.": an item word's title may
    # end in a full stop (old protocols write them so), and then whatever follows is no more of it ("Intet.")
    return row[:1] in PUNKT_INITIALS and (row.endswith(".") or sentence) and PUNKT_ITEM_RE.match(row) is not None


def _starts_with_marker_or_label(text: str) -> bool:
    """True for a line that opens a paragraph by its own shape (a marker, label or heading); the
    caller has already found that it `could_open_paragraph`."""
    return bool(
        LIST_MARKER_RE.match(text)
        or _is_item_row(text)
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


def could_open_paragraph(text: str) -> bool:
    """A cheap test that rules out ordinary prose lines before the pattern checks.

    A line can open (or close) a paragraph only when it starts like a marker or
    label, is short and not in lower case, names "beslutning", "indstil" or
    "deltog ikke", or is in capitals; everything else is prose and needs no
    further checks.
    """
    if OPENER_HINT_RE.match(text):
        return True
    if len(text) <= SHORT_LINE_CHARS:
        # a short line in lower case goes on a sentence ("afsat til formålet."); headings and
        # labels are capitalised, and lower-case markers ("a) ", "at ") matched above
        return not text[0].islower()
    head = text[:SHORT_LINE_CHARS * 2].lower()
    return "beslutning" in head or "indstil" in head or "deltog ikke" in head or text.isupper()


# Headings and labels alone on a line are short; longer lines are checked by their opening only.
SHORT_LINE_CHARS = 60


def _is_inline_label(text: str) -> bool:
    """A known heading followed by a colon and its text on the same line: "Beslutning: Godkendt."."""
    colon = text.find(":", 0, LABEL_MAX_CHARS + 1)
    return colon > 0 and text[colon + 1: colon + 2] == " " and is_known_heading(text[: colon + 1])




# A recommendation lead-in stands on a line of its own ("Direktøren for … indstiller");
# longer lines that happen to contain "indstiller" are prose.
MAX_LEAD_IN_CHARS = 120


def _is_lead_in(text: str) -> bool:
    return len(text) <= MAX_LEAD_IN_CHARS and bool(match_recommender(text)) and "indstil" in text.lower()


def _is_label_line(text: str) -> bool:
    """True for a line after which nothing may follow in the same paragraph (a heading or label);
    the caller has already found that it `could_open_paragraph`."""
    return bool(is_known_heading(text) or CASE_VALUE_RE.match(text) or DATED_DECISION_RE.match(text)
                or is_caps_heading(text) or _is_item_row(text))


# The ends of a heading line that wraps on: a dash or hyphen ("… Fritidsudvalget –",
# "(EMN-2018-"), a comma, or a word that cannot end a title ("Erhvervs- og").
WRAPPING_HEADING_ENDS = ("–", "-", ",", " og", " i", " for", " af", " til", " på", " med", " om")


def _wraps_heading(previous: Line, line: Line) -> bool:
    """True when a heading line goes on from the heading line above it: the same heading type
    (level and size), and the line above breaks off or this one goes on in lower case
    ("Dagsorden af Beskæftigelsesudvalgets møde fredag" / "den 1. januar 2021")."""
    if not previous.heading or previous.level != line.level or previous.size != line.size:
        return False
    return previous.text.endswith(WRAPPING_HEADING_ENDS) or line.text[:1].islower()


def to_paragraphs(lines: list[Line]) -> list[Block]:
    """Paragraphs of the lines, in order; every line lands in exactly one.

    A line starts a paragraph after a gap, as a heading, as an inline label
    ("Beslutning: Godkendt."), or when its shape is a marker or label; the line
    before it ends one when it is a heading or label. The shape tests run only
    on lines that `could_open_paragraph`, decided at most once per line.
    """
    blocks: list[Block] = []
    current: list[Line] = []
    previous_opens: bool | None = None  # could_open_paragraph of current[-1], once it was needed
    for position, line in enumerate(lines):
        opens: bool | None = None
        if current:
            text = line.text
            split = line.gap_before or line.heading or _is_inline_label(text)
            # a heading wrapped onto a second line of its own type is one heading (large type
            # stands further apart than the body's pitch, so the gap says nothing there)
            wrapped = split and line.heading and _wraps_heading(current[-1], line)
            if wrapped:
                split = False
            elif not split:
                opens = could_open_paragraph(text)
                split = opens and (_starts_with_marker_or_label(text)
                                   or _is_row_before_heading(text, lines, position))
            if not split and not wrapped:
                previous = current[-1]
                if previous.heading or (len(current) == 1 and _is_sentence_after_row(previous.text, text)):
                    split = True
                else:
                    if previous_opens is None:
                        previous_opens = could_open_paragraph(previous.text)
                    split = previous_opens and _is_label_line(previous.text)
            if split:
                blocks.append(Block.of(tuple(current)))
                current = []
        current.append(line)
        previous_opens = opens
    if current:
        blocks.append(Block.of(tuple(current)))
    return blocks
