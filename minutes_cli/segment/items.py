"""Split a document's paragraphs into the meeting header and its items.

An item starts at "Punkt N: Title" wherever that form is used. Otherwise a
numbered paragraph "N. Title" starts one when something confirms it is a
heading and not a list entry: a case number in the title's parentheses, a
case-number label right after it, or a heading font; and item numbers must
rise through the document. A document with no item starts is a memo: one
item without a number, titled by its first real paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..lazy_patterns import lazy_re, lazy_regex
from ..model import Block, Line
from ..patterns import (
    CASE_LABEL_RE,
    CASE_VALUE_RE,
    CLOSED_PART_RE,
    CLOSED_RE,
    HEADER_LABEL_RE,
    LABEL_MAX_CHARS,
    NUMBER_ONLY_RE,
    NUMBERED_ITEM_RE,
    NUMERIC_DATE_RE,
    OPEN_MARKER_RE,
    OPEN_PART_RE,
    PART_INITIALS,
    PUNKT_INITIALS,
    PUNKT_ITEM_RE,
    PUNKT_NUMBER_SEPARATOR_RE,
    STATUS_LINE_RE,
    TITLE_CASE_RE,
    TRAILING_CASE_RE,
    WORD_DATE_RE,
)
from .headings import is_known_heading, known_heading_kind
from .sequence import CONFIRMED_EVIDENCE, HEADING_EVIDENCE, PLAUSIBLE_EVIDENCE, Candidate, choose_sequence

# How many paragraphs after a numbered heading may hold its case-number label.
CASE_LABEL_LOOKAHEAD = 3

# A numbered paragraph longer than this is a list entry, not an item title.
MAX_TITLE_CHARS = 250


# Lines of a memo's letterhead that are never its title.
MEMO_NOISE_RE = lazy_regex(
    r"^(?:til|fra|kopi|cc|dato|emne|vedr|sagsnr|dok\.?\s*nr|dokumentnr|j\.?\s*nr|tlf|telefon|fax|e-?mail|kontakt|"
    r"sagsbehandler|notat|referat|dagsorden|side\s+\d|www\.|ajourført|init)\b",
    regex.I,
)


@dataclass(frozen=True)
class RawItem:
    """An item's heading facts and the paragraphs of its body."""

    number: str | None
    title: str
    closed: bool
    heading: Block | None
    blocks: tuple[Block, ...]
    title_case: str | None = None


@dataclass(frozen=True)
class Segmented:
    """The meeting header's paragraphs and the items after it."""

    header: tuple[Block, ...]
    items: tuple[RawItem, ...]


def _split_title(title: str) -> tuple[str, bool, str | None]:
    """Title without a closed marker or trailing "(case no.)", whether closed, and the case no."""
    case = None
    match = TITLE_CASE_RE.search(title) or TRAILING_CASE_RE.search(title)
    if match:
        case = match.group("case")
        title = title[: match.start()]
    closed = False
    if title[:1] == "(":
        title = OPEN_MARKER_RE.sub("", title)  # "(Åben) Godkendelse af dagsorden"
    marker = CLOSED_RE.search(title)
    if marker and (marker.start() == 0 or marker.group(0).startswith("(")):
        closed = True
        title = (title[: marker.start()] + title[marker.end():]).strip()
    return title.strip(" \t:–-"), closed, case


def _confirmed_by_case(blocks: list[Block], index: int, title: str) -> bool:
    """True when a case number confirms a numbered paragraph as an item heading: in its title's
    parentheses, or a case-number label among the paragraphs right after it."""
    if TITLE_CASE_RE.search(title) or TRAILING_CASE_RE.search(title):
        return True
    row = blocks[index].lines[0].cell
    following_block = blocks[index + 1] if index + 1 < len(blocks) else None
    if row is not None and following_block is not None and following_block.lines[0].cell is not None \
            and following_block.lines[0].cell[:2] == row[:2] and CASE_VALUE_RE.match(following_block.text):
        return True  # an item table's row: number, title and case number in cells of one row
    for following in blocks[index + 1: index + 1 + CASE_LABEL_LOOKAHEAD]:
        if NUMBERED_ITEM_RE.match(following.text) or PUNKT_ITEM_RE.match(following.text):
            break  # the label belongs to the next numbered heading
        if CASE_LABEL_RE.match(following.text):
            return True
    return False


@dataclass(frozen=True)
class _ItemStart:
    """Where an item heading stands: its first paragraph, the paragraph holding the title, number and title."""

    index: int
    title_index: int
    number: str
    title: str
    stated: Line | None = None  # the heading line, where the markup states the item (`Line.item`)


# "Punkt 3 Title" without a colon is a heading only when it is short and no sentence
# ("Punkt 3 blev behandlet før punkt 2." is prose).
MAX_BARE_PUNKT_CHARS = 200



def _is_punkt_heading(block: Block, match: re.Match[str]) -> bool:
    text = block.text
    separated = text[match.start("title") - 1: match.start("title")].strip() != "" or \
        PUNKT_NUMBER_SEPARATOR_RE.match(text) is not None
    if separated:
        return True
    return block.lines[0].heading or (len(text) <= MAX_BARE_PUNKT_CHARS and not text.rstrip().endswith("."))


def _punkt_start(index: int, block: Block) -> _ItemStart | None:
    """The "Punkt N: Title" heading a paragraph is, or None (the test `_item_starts` makes of each)."""
    text = block.text
    if text[:1] not in PUNKT_INITIALS:
        return None
    match = PUNKT_ITEM_RE.match(text)
    if match is None or not _is_punkt_heading(block, match):
        return None
    return _ItemStart(index, index, match.group("number"), match.group("title"))


def _item_starts(blocks: list[Block]) -> list[_ItemStart]:
    """Every item heading, in order."""
    punkt = [_ItemStart(i, i, m.group("number"), m.group("title")) for i, b in enumerate(blocks)
             if b.text[:1] in PUNKT_INITIALS and (m := PUNKT_ITEM_RE.match(b.text)) and _is_punkt_heading(b, m)]
    if punkt:
        return punkt
    found: list[tuple[_ItemStart, float]] = []
    for index, block in enumerate(blocks):
        if not block.text[:1].isdigit():
            # only a line with list markup can be numbered by it; most paragraphs have none
            numbered = _numbered_by_markup(index, block) if block.lines[0].list_marker is not None else None
            if numbered is not None and (evidence := _evidence(blocks, numbered)) > 0:
                found.append((numbered, evidence))
            continue
        match = NUMBERED_ITEM_RE.match(block.text)
        title_index = index
        if not match and NUMBER_ONLY_RE.match(block.text) and index + 1 < len(blocks):
            # "1." on a line of its own and the title on the next
            match, title_index = NUMBER_ONLY_RE.match(block.text), index + 1
            title = blocks[title_index].text
        elif match:
            title = match.group("title")
        if not match:
            continue
        start = _ItemStart(index, title_index, match.group("number"), title)
        evidence = _evidence(blocks, start)
        if evidence > 0:
            found.append((start, evidence))
    chosen = [found[i] for i in choose_sequence([Candidate(int(s.number), e) for s, e in found])]
    # weak candidates only fill gaps beside stronger ones: a run of short numbered lines alone is a list
    if not any(evidence >= HEADING_EVIDENCE for _, evidence in chosen):
        return []
    return [start for start, _ in chosen]


# The number a heading's list markup gives it, the text holding only the title: "1." of a Word heading
# that Word numbers itself (the number is no text of the paragraph).
MARKUP_NUMBER_RE = lazy_re(r"^(?P<number>\d{1,4})[.)]?$")


def _numbered_by_markup(index: int, block: Block) -> _ItemStart | None:
    """A heading with a level (Word's "Heading 1", an HTML <h2>) whose number is only in its list marker."""
    first = block.lines[0]
    if first.list_marker is None or first.level is None:
        return None
    match = MARKUP_NUMBER_RE.match(first.list_marker)
    return _ItemStart(index, index, match.group("number"), block.text) if match else None


# A number this large printed without a dot after it is a year or a postcode more often than an
# item ("2018 Tidligere behandling", "8410 Rønde"); Acadre's running item numbers carry a dot ("715.").
MIN_YEAR_LIKE = 1000
# What such a number costs a candidate: more than a heading form alone brings.
YEAR_LIKE_COST = 1.0


def _evidence(blocks: list[Block], start: _ItemStart) -> float:
    """How strongly a numbered paragraph reads as an item heading (0 or less: not at all)."""
    block = blocks[start.title_index]
    title = start.title
    if len(title) > MAX_TITLE_CHARS or len(block.lines) > 4 or WORD_DATE_RE.match(blocks[start.index].text):
        return 0.0  # a list entry's paragraph, or a date ("25. september 2012")
    if _confirmed_by_case(blocks, start.title_index, title):
        evidence = CONFIRMED_EVIDENCE
    elif block.lines[0].cell is not None:
        return 0.0  # a row of a table that is not an item table: "2015 Anlægsarbejdet blev påbegyndt."
    elif not title[:1].isupper():
        return 0.0  # titles are capitalised; "3 medlemmer deltog" is prose
    elif block.lines[0].heading or _has_closed_marker(title):
        evidence = HEADING_EVIDENCE  # a heading's form, or a status only an item has ("(Lukket punkt)")
    elif _in_list_run(blocks, start.index):
        return 0.0  # "4. Udarbejdelse af en samlet tidsplan" under "3. …" with no gap: a list entry
    elif len(block.text) <= MAX_SEQUENCE_TITLE_CHARS and not block.text.rstrip().endswith((".", ":", ",")):
        # an item's own sections follow its heading ("Beslutning: Godkendt."): heading evidence
        evidence = HEADING_EVIDENCE if _section_follows(blocks, start.title_index) else PLAUSIBLE_EVIDENCE
    else:
        return 0.0
    number_text = blocks[start.index].lines[0].list_marker or blocks[start.index].text
    if int(start.number) >= MIN_YEAR_LIKE and number_text[len(start.number): len(start.number) + 1] != ".":
        evidence -= YEAR_LIKE_COST
    return evidence


# An item's first section heading stands within this many paragraphs of its title.
SECTION_LOOKAHEAD = 3


def _section_follows(blocks: list[Block], index: int) -> bool:
    """True when a decision or recommendation heading (or its inline label) follows a numbered
    paragraph before the next numbered one: "1. Godkendelse af dagsorden" / "Beslutning: Godkendt."."""
    for following in blocks[index + 1: index + 1 + SECTION_LOOKAHEAD]:
        text = following.text
        if text[:1].isdigit():
            return False
        label = text.split(":", 1)[0] + ":" if ":" in text[:LABEL_MAX_CHARS] else text
        if known_heading_kind(label) in ("decision", "recommendation"):
            return True
    return False


def _has_closed_marker(title: str) -> bool:
    marker = CLOSED_RE.search(title)
    return marker is not None and (marker.start() == 0 or marker.group(0).startswith("("))


def _in_list_run(blocks: list[Block], index: int) -> bool:
    """True when a numbered paragraph touches another numbered one with no gap between them: a list."""
    def numbered(position: int) -> bool:
        return 0 <= position < len(blocks) and NUMBERED_ITEM_RE.match(blocks[position].text) is not None
    if not blocks[index].lines[0].gap_before and numbered(index - 1):
        return True
    return index + 1 < len(blocks) and not blocks[index + 1].lines[0].gap_before and numbered(index + 1)


# An unconfirmed numbered heading fills a gap in the sequence of confirmed ones when
# it is this short and no sentence: "1. Godkendelse af dagsorden" before "2. … / Sagsnr.".
MAX_SEQUENCE_TITLE_CHARS = 120


# A title set in a heading font may wrap onto this many more lines.
MAX_TITLE_CONTINUATIONS = 2


def _title_continuations(blocks: list[Block], index: int) -> int:
    """How many paragraphs after an item heading continue its title (a wrapped heading-font title)."""
    start = blocks[index]
    if not start.lines[-1].heading or TITLE_CASE_RE.search(start.text):
        return 0  # a title that ends in its case number is complete
    taken = 0
    title = start.text
    level = start.lines[-1].level
    for block in blocks[index + 1: index + 1 + MAX_TITLE_CONTINUATIONS]:
        text = block.text
        # a wrapped title goes on in the same type: a heading of another level is the next section's
        if (not block.lines[0].heading or block.lines[0].level != level or len(block.lines) > 1
                or title.rstrip().endswith((".", ":"))
                or is_known_heading(text) or CASE_LABEL_RE.match(text) or CASE_VALUE_RE.match(text)
                or PUNKT_ITEM_RE.match(text) or NUMBERED_ITEM_RE.match(text) or STATUS_LINE_RE.match(text)):
            break
        title += " " + text
        taken += 1
    return taken


def _join_title(title: str, continuation: str) -> str:
    """A wrapped title's lines: "… (2019-" + "0050023)" join without a space, words with one."""
    if title.endswith("-") and continuation[:1].isdigit():
        return title + continuation
    return f"{title} {continuation}"


def _memo_title(blocks: list[Block]) -> int | None:
    """Index of the paragraph that titles a memo: the first heading-like, non-letterhead one."""
    def plausible(block: Block) -> bool:
        text = block.text
        return (
            len(text) <= MAX_TITLE_CHARS
            and any(ch.isalpha() for ch in text)
            and not MEMO_NOISE_RE.match(text)
            and not HEADER_LABEL_RE.match(text)
            and not CASE_VALUE_RE.match(text)
            and not (NUMERIC_DATE_RE.search(text) or WORD_DATE_RE.search(text)) or len(text) > 40
        ) and not text.isupper()
    largest = _largest_type(blocks)
    if largest is not None:
        return largest
    for index, block in enumerate(blocks):
        if block.lines[0].heading and plausible(block):
            return index
    for index, block in enumerate(blocks):
        if plausible(block):
            return index
    return None


# A memo's title is set larger than its body text: at least this many times the usual size.
TITLE_SIZE_RATIO = 1.15


def _largest_type(blocks: list[Block]) -> int | None:
    """Index of the first-page paragraph set in the largest type, when it stands out from the body."""
    first_page = blocks[0].first_page if blocks else None
    sized = [(i, b.lines[0].size) for i, b in enumerate(blocks)
             if b.first_page == first_page and b.lines[0].size and _title_like(b)]
    sizes = sorted(line.size for b in blocks for line in b.lines if line.size and b.first_page == first_page)
    if not sized or not sizes:
        return None
    body = sizes[len(sizes) // 2]
    index, size = max(sized, key=lambda pair: (pair[1] or 0, -pair[0]))
    return index if size and size >= body * TITLE_SIZE_RATIO else None


def _title_like(block: Block) -> bool:
    text = block.text
    return len(text) <= MAX_TITLE_CHARS and sum(ch.isalpha() for ch in text) >= 3 and not MEMO_NOISE_RE.match(text)


# The status line stands right under the heading ("Lukket punkt", "Åben"), after a few
# facts at most ("Sagsnr.", "Sagsbehandler", "Punkttype: Lukket punkt").
STATUS_LOOKAHEAD = 6


def _status_says_closed(body: list[Block]) -> bool:
    for block in body[:STATUS_LOOKAHEAD]:
        # the label and its value on one line, or on two lines of one paragraph ("Punkttype" / "Lukket punkt"),
        # or a status line under the case number's in one paragraph ("Sagsid: 24/0456" / "Fortroligt punkt")
        match = STATUS_LINE_RE.match(block.lines[0].text)
        if match is None and len(block.lines) > 1:
            match = next((m for line in block.lines[1:] if (m := STATUS_LINE_RE.match(line.text))), None) or (
                STATUS_LINE_RE.match(block.text) if len(block.lines) == 2 else None)
        if match:
            return str(match.group("status")).lower().startswith(("lukket", "lukkede", "fortrolig"))
    return False


def _closed_after(blocks: list[Block] | tuple[Block, ...], closed: bool) -> bool:
    """Whether the items after these paragraphs are closed: the last "Åbne/Lukkede sager" heading says."""
    for block in blocks:
        if block.text[:1] not in PART_INITIALS:
            continue
        if CLOSED_PART_RE.match(block.text):
            closed = True
        elif OPEN_PART_RE.match(block.text):
            closed = False
    return closed


def _stated_starts(blocks: list[Block]) -> list[_ItemStart]:
    """The item headings the document's markup states (`Line.item`), in order.

    A reader that knows the layout (a publishing system's item rows, an item
    table, an export's item elements) says where each item starts, its number,
    case number and status; nothing is guessed from the words.
    """
    return [_ItemStart(index, index, block.lines[0].item or "", block.text, block.lines[0])
            for index, block in enumerate(blocks) if block.lines[0].item is not None]


def item_numbers(blocks: list[Block]) -> list[str]:
    """The numbers of the item headings in these paragraphs, in order (stated or found), without building items."""
    return [start.number for start in _stated_starts(blocks) or _item_starts(blocks) if start.number]


def punkt_number_ends(blocks: list[Block]) -> tuple[str, str] | None:
    """The first and last of `item_numbers(blocks)` where the items are "Punkt N" headings and
    the markup states none; None otherwise (then `item_numbers` must be read).

    Only the paragraphs before the first and after the last heading are read: a long file's
    meetings are told apart by where their numbering starts and ends.
    """
    if any([block.lines[0].item is not None for block in blocks]):
        return None
    first = next((start for index, block in enumerate(blocks) if (start := _punkt_start(index, block))), None)
    if first is None:
        return None
    last = next(start for index in range(len(blocks) - 1, -1, -1) if (start := _punkt_start(index, blocks[index])))
    return first.number, last.number


def split_items(blocks: list[Block], memo_needs_structure: bool = False) -> Segmented:
    """The header paragraphs and the items of the document.

    Items the markup states come first (`_stated_starts`). With
    `memo_needs_structure` (web pages), a document without item headings is
    read as one memo item only when it has an item's structure (a case-number
    label or a known section heading); a page that lists meetings has none and
    gives no items.
    """
    starts = _stated_starts(blocks) or _item_starts(blocks)
    if not starts:
        if memo_needs_structure and not any(is_known_heading(b.text) or CASE_LABEL_RE.match(b.text) for b in blocks):
            return Segmented(tuple(blocks), ())
        title_index = _memo_title(blocks)
        if title_index is None:
            return Segmented(tuple(blocks), ())
        title, closed, case = _split_title(blocks[title_index].text)
        memo = RawItem(None, title, closed, blocks[title_index], tuple(blocks[title_index + 1:]), case)
        return Segmented(tuple(blocks[:title_index]), (memo,))
    items: list[RawItem] = []
    closed_part = _closed_after(blocks[: starts[0].index], False)
    for position, start in enumerate(starts):
        end = starts[position + 1].index if position + 1 < len(starts) else len(blocks)
        at = start.title_index
        stated = start.stated
        more = 0 if stated else _title_continuations(blocks, at)  # a stated title is whole
        raw_title = start.title
        for continuation in blocks[at + 1: at + 1 + more]:
            raw_title = _join_title(raw_title, continuation.text)
        body = list(blocks[at + 1 + more: end])
        title, closed, case = _split_title(raw_title)
        if stated is not None and stated.closed is not None:
            closed = stated.closed  # the markup's status overrides the words
        else:
            closed = closed or _status_says_closed(body) or closed_part
        items.append(RawItem(start.number or None, title, closed, blocks[at], tuple(body),
                             (stated.case if stated else None) or case))
        closed_part = _closed_after(body, closed_part)
    return Segmented(tuple(blocks[: starts[0].index]), tuple(items))
