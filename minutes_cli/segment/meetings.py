"""Split a file that holds several meetings into one run of paragraphs per meeting.

A year's referater concatenated into one PDF, or a text export of four
meetings, repeats the same shape: a meeting title ("Referat", "Dagsorden for
Teknisk Udvalg", "Kommune – Udvalg – Referat – 1. marts 2024") with a date
near it, then items numbered from the start again. A title splits the file
only when items stand between it and the meeting before, and either the
numbering after it starts again at or below where the meeting before ended,
or a meeting header of its own (labelled date, place, members) follows it,
as where items are numbered through the year (Acadre's "715."). A title page
and a "Referat" heading over the items of one meeting therefore never split it.
"""

from __future__ import annotations

import regex

from ..lazy_patterns import lazy_regex
from ..model import Block
from ..patterns import HEADER_LABEL_RE, MUNICIPALITY_RE, NUMERIC_DATE_RE, WORD_DATE_RE
from ..vocabulary import COMMITTEE_NOUNS, KIND_WORDS
from .items import item_numbers, punkt_number_ends

_KIND_ALTERNATION = "|".join(word for word, _ in KIND_WORDS)

# A meeting's title: a kind word first ("Referat", "Åbent referat", "Dagsorden for Teknisk Udvalg",
# "Beslutningsprotokol"), or between dashes in a page title ("Lejre Kommune – Teknisk Udvalg – Referat – …").
MEETING_TITLE_RE = lazy_regex(
    rf"""
    ^(?:(?:åbent|åben|lukket|endeligt?|offentligt?)\s+)?(?:{_KIND_ALTERNATION})\b   # "Referat", "Åbent referat"
    | \s[-–]\s(?:{_KIND_ALTERNATION})\s[-–]\s                                      # " – Referat – "
    """,
    regex.I | regex.V1 | regex.X,
)

# The words a title's paragraph starts with, as written, capitalised or in capitals: a cheap
# test (str.startswith with a tuple, in C) before MEETING_TITLE_RE.
_TITLE_STARTS = tuple(form for word in [w for w, _ in KIND_WORDS] + ["åben", "lukket", "endelig", "offentlig"]
                      for form in (word, word.capitalize(), word.upper()))

# A title is longer than this only as prose ("Referatet blev godkendt …").
MAX_MEETING_TITLE_CHARS = 160
# The meeting's date stands in the title or within this many paragraphs after it.
MEETING_DATE_SPAN = 6


# Lines that name the municipality or committee may stand just above the title ("TØNDER
# KOMMUNE" / "Kultur- og Fritidsudvalget" / "REFERAT"): at most this many paragraphs, each short.
MAX_PREAMBLE_BLOCKS = 3
MAX_PREAMBLE_CHARS = 100
# A first page's counter: "Side 1 af 4", "Side 1", "1/12", "1 af 5".
FIRST_PAGE_RE = lazy_regex(r"(?<![\d.,])(?:side\s+1|1\s*(?:af|/)\s*\d+)(?![\d.,])", regex.I)
_BODY_WORD_RE = lazy_regex("|".join(sorted(COMMITTEE_NOUNS, key=len, reverse=True)), regex.I)


def _preamble_start(blocks: list[Block], title: int, floor: int) -> int:
    """Where a meeting's header begins: its title, or the lines naming municipality or committee above it."""
    start = title
    while start - 1 > floor and title - (start - 1) <= MAX_PREAMBLE_BLOCKS:
        text = blocks[start - 1].text
        # a line with digits (a date, a page counter) is the meeting before's running footer, unless
        # it counts page 1: then it is the running header of this meeting's first page
        if len(text) > MAX_PREAMBLE_CHARS or text.endswith(".") or (
                any(ch.isdigit() for ch in text) and not FIRST_PAGE_RE.search(text)) or not (
                MUNICIPALITY_RE.search(text) or _BODY_WORD_RE.search(text)):
            break
        start -= 1
    return start


def _has_date(text: str) -> bool:
    return bool(WORD_DATE_RE.search(text) or NUMERIC_DATE_RE.search(text))


def _meeting_titles(blocks: list[Block]) -> list[int]:
    """Indexes of paragraphs that read as a meeting's title with its date near.

    A cheap test in C picks the paragraphs that start with a title's word or hold a page
    title's dash; only those are matched by MEETING_TITLE_RE.
    """
    found: list[int] = []
    # one comprehension over a long file's paragraphs: few pass the cheap test
    candidates = [index for index, block in enumerate(blocks)
                  if len(text := block.text) <= MAX_MEETING_TITLE_CHARS
                  and (text.startswith(_TITLE_STARTS) or " – " in text or " - " in text)]
    for index in candidates:
        text = blocks[index].text
        if not MEETING_TITLE_RE.search(text):
            continue
        if any(_has_date(other.text) for other in blocks[index: index + 1 + MEETING_DATE_SPAN]):
            found.append(index)
    return found


# A meeting's own header: at least this many labelled facts (date, place, members) right after its title.
MIN_HEADER_LABELS = 2


def _header_follows(blocks: list[Block], title: int) -> bool:
    """True when labelled meeting facts follow a title within MEETING_DATE_SPAN paragraphs."""
    labels = sum(1 for block in blocks[title + 1: title + 1 + MEETING_DATE_SPAN]
                 if HEADER_LABEL_RE.match(block.lines[0].text))
    return labels >= MIN_HEADER_LABELS


def _numbers(blocks: list[Block]) -> list[int]:
    """The item numbers the segmenter finds in these paragraphs (numeric part only)."""
    digits = []
    for number in item_numbers(blocks):
        head = "".join(ch for ch in number[:4] if ch.isdigit())
        if head:
            digits.append(int(head))
    return digits


def _number_ends(blocks: list[Block]) -> tuple[int, int] | None:
    """The first and last of `_numbers(blocks)`, or None when there are none; "Punkt N"
    headings are found from both ends without segmenting the paragraphs between them."""
    ends = punkt_number_ends(blocks)
    if ends is not None:  # "Punkt 3a": its number starts with a digit
        return tuple(int("".join(ch for ch in number[:4] if ch.isdigit())) for number in ends)  # type: ignore[return-value]
    digits = _numbers(blocks)
    return (digits[0], digits[-1]) if digits else None


def split_meetings(blocks: list[Block]) -> list[list[Block]]:
    """The paragraphs of each meeting in the file, in order; one list when it holds one meeting.

    The stretches between titles are segmented once each, so a long file costs one more
    segmentation pass at most.
    """
    titles = _meeting_titles(blocks)
    if len(titles) < 2:
        return [blocks]
    edges = [0, *titles, len(blocks)]
    ends = [_number_ends(blocks[a:b]) if b > a else None for a, b in zip(edges, edges[1:], strict=False)]
    bounds = [0]
    for position in range(1, len(ends)):
        before, after = ends[position - 1], ends[position]
        if before is None or after is None or edges[position] <= bounds[-1]:
            continue
        # numbering starts again, or (where a system numbers items through the year, "715.")
        # a meeting header of its own follows the title: "Mødetidspunkt:", "Mødested:", "Medlemmer:"
        if after[0] <= before[1] or _header_follows(blocks, edges[position]):
            bounds.append(_preamble_start(blocks, edges[position], bounds[-1]))
    if len(bounds) == 1:
        return [blocks]
    return [blocks[start:end] for start, end in zip(bounds, bounds[1:] + [len(blocks)], strict=True)]
