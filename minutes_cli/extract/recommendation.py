"""The recommendation (indstilling): who recommends and each "at …" point.

The lead-in ("Social- og Sundhedsforvaltningen indstiller, at") is looked for
first in a recommendation section, then anywhere in the item (some layouts
put it after the body). Points are the list entries or "at …" paragraphs that
follow it; when the lead-in ends with "at" and a point does not repeat it,
the point gets it ("at Beskæftigelses- og Integrationsudvalget godkender …").
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..lazy_patterns import lazy_re, lazy_regex
from ..model import Block, Recommendation
from ..patterns import LEADING_AT_RE, LIST_MARKER_RE, RECOMMENDER_RE, match_recommender
from ..segment import RawSection
from ..vocabulary import ANNOUNCING_VERBS, AUTHOR_WORDS, CONTINUATION_WORDS

# Outside a recommendation section, a lead-in must name an author in at most this
# many words and name it by a word that a recommending body has.
MAX_LOOSE_AUTHOR_WORDS = 12
# Searched in the lower-cased author: a case-blind search costs a case lookup per letter.
# "Det indstilles" names no author but is a lead-in all the same.
AUTHOR_WORD_RE = lazy_re("|".join(re.escape(word) for word in AUTHOR_WORDS) + "|^det$")

# RECOMMENDER_RE's groups by number: `regex` reads a group name by first failing to read
# it as a number, an exception each time (see amounts._VALUE_GROUPS).
_BY, _REST = RECOMMENDER_RE.groupindex["by"], RECOMMENDER_RE.groupindex["rest"]

# Authors that are not a body: "Det indstilles" has nobody.
IMPERSONAL_AUTHORS = ("det", "der", "hermed")
# A lead-in ends with "at" when it opens the points: "indstiller, at" / "indstiller at:".
LEAD_ENDS_WITH_AT_RE = lazy_regex(r"\bat\s*[:,]?\s*$", regex.I)


def _is_point(block: Block) -> bool:
    text = block.text
    return bool(LIST_MARKER_RE.match(text)) or text[:3].lower() == "at "


@lru_cache(maxsize=8192)  # each line's style is asked for several times while its points are grouped
def _marker_style(text: str) -> str | None:
    """The kind of point a line opens: "at" ("At 1) …", "1. at …", "• at …", "at …"), "number"
    ("1) forslag …"), "letter" ("a) (…), at …"), "bullet", "sub" ("1.1 Kortlægning …"), or None."""
    if SUB_NUMBER_RE.match(text):
        return "sub"
    # a marker alone on its line ("A)" above its text, as exports print it) counts too
    marker = LIST_MARKER_RE.match(text) or LIST_MARKER_RE.match(text + " ")
    rest = text[marker.end():] if marker else text
    if (marker and marker.group("at")) or rest[:3].lower() == "at ":
        return "at"
    if marker is None:
        return None
    first = marker.group(0).lstrip()[:1]
    return "number" if first.isdigit() else "letter" if first.isalpha() else "bullet"


# A sub-point's number: "1.1 Kortlægning …", "2.4 Åbenhed: …" (a point keeps its sub-points).
SUB_NUMBER_RE = lazy_regex(r"^\d{1,2}\.\d{1,2}\.?\s")


def _opens_point(line: str, top: str | None, before: str | None) -> bool:
    """True when a line opens a new point: it has the first point's style; an unmarked "at …"
    line only after a finished point (a wrapped "at" belongs to the sentence before it)."""
    if before is None:
        return True
    style = _marker_style(line)
    if style is None or style != top:
        return False
    return style != "at" or bool(LIST_MARKER_RE.match(line)) or before.rstrip().endswith(POINT_ENDINGS)


def _group_points(lines: list[str], points: list[str]) -> tuple[list[str], int]:
    """The points of a recommendation's lines, after any points already read (inline in the
    lead-in), and how many lines they take.

    A point opens at a line in the style of the first point ("At 1)", "1.", "a)", "at …");
    every other line goes on the point above it, so a point keeps its wrapped lines
    ("… i 2027, dels" / "ved 18,4 mio. kr. …") and its sub-points ("1.1 …", "a) …")
    until the next point. Past the last point, a line goes on it only while it reads
    as its continuation: in lower case, after a sentence left open, or a sub-point under
    a point that announces them (":"); the first other line ends the recommendation.
    """
    top = next((style for line in lines if (style := _marker_style(line))), None)
    unmarked = _unmarked_points(lines) if top is None and not points else None
    if unmarked:
        return unmarked, len(lines)
    last_open, before = -1, points[-1] if points else None
    for index, line in enumerate(lines):
        if _opens_point(line, top, before):
            last_open = index
        before = line
    points = list(points)
    used = 0
    sub_points = False
    for index, line in enumerate(lines):
        if index <= last_open and _opens_point(line, top, points[-1] if points else None):
            points.append(line)
            sub_points = False
        elif index <= last_open:
            points[-1] += " " + line
        else:
            style = _marker_style(line)
            unfinished = not points[-1].rstrip().endswith((".", "!", "?"))
            sub = style not in (None, top) and (points[-1].rstrip().endswith(":") or sub_points)
            if not (line[:1].islower() or unfinished or sub):
                break
            sub_points = sub_points or sub
            points[-1] += " " + line
        used = index + 1
    return points, used


# A list whose bullets were images has at least this many points ("der gives …," / "rådighedsbeløbet … , og").
MIN_UNMARKED_POINTS = 2

# A line ending in a number and a full stop ends no clause: "… af budgetforliget af 12." / "september 2022,"
_ORDINAL_END_RE = lazy_regex(r"\d\.$")


def _unmarked_points(lines: list[str]) -> list[str] | None:
    """The points of lines whose bullets the print lost, or None when they are not such a list.

    Each point starts in lower case (it goes on the lead-in's "at") and ends a clause
    ("," ", og" ";" "."); a line that ends mid-clause, or the next line opening with a
    word that continues a sentence ("som", "hvor", "men"), goes on the point. Two or
    more points, with nothing left open at the end, make such a list.
    """
    points: list[str] = []
    open_point = False
    for line in lines:
        first = line.split(" ", 1)[0].lower()
        if points and (open_point or first in CONTINUATION_WORDS):
            points[-1] += " " + line
        elif line[:1].islower():
            points.append(line)
        else:
            return None
        end = points[-1].rstrip()
        open_point = not end.endswith(POINT_ENDINGS) or end.endswith(":") or bool(_ORDINAL_END_RE.search(end))
    return points if len(points) >= MIN_UNMARKED_POINTS and not open_point else None


# A letter marker: "A) ", "b. "
LETTER_MARKER_RE = lazy_regex(r"^[a-zA-Z]\s*[.)]")

# How a finished point ends: ". ", "; ", ", og", ", samt" (the next "at" opens a new one).
POINT_ENDINGS = (".", ";", ",", " og", " samt", " eller", ":")


def _clean_point(text: str, add_at: bool) -> str:
    marker = LIST_MARKER_RE.match(text)
    lettered = bool(marker and LETTER_MARKER_RE.match(marker.group(0)))
    if marker:
        # "At 1) forslaget …" keeps its "At": the number goes, the word is part of the point;
        # "At 1) at …" has it twice and keeps one ("At" is not doubled into "At at")
        rest = text[marker.end():].strip()
        at = (marker.group("at") or "").strip()
        text = f"{at} {rest}" if at and rest[:3].lower() != "at " else rest
    # "indstiller, at / 1. Udvalget godkender" reads "at Udvalget godkender"; capitalised
    # lettered points ("A) De foreslåede arbejder godkendes") are sentences of their own
    standalone = lettered and text[:1].isupper()
    if add_at and not standalone and text[:3].lower() != "at ":
        text = "at " + text
    return text


def _author(by: str) -> str | None:
    by = by.strip(" ,:;*")
    return None if by.lower() in IMPERSONAL_AUTHORS else by


def _lead_in(block: Block, strict: bool) -> regex.Match[str] | None:
    # most paragraphs hold no recommending verb: that test (a few substring scans) goes first
    match = match_recommender(block.text)
    if not match or LIST_MARKER_RE.match(block.text):
        return None
    by = match.group(_BY).strip()
    if strict:
        # outside a recommendation section only "indstiller" makes a recommendation:
        # a party that "foreslår" in a proposal's text is not the item's indstilling
        if "indstil" not in match.group(0)[len(by): len(by) + 30].lower():
            return None
        words = by.split()
        if len(words) > MAX_LOOSE_AUTHOR_WORDS or not AUTHOR_WORD_RE.search(by.lower()) or "." in by.rstrip("."):
            return None
    return match


def _build(blocks: list[Block], start: int, match: regex.Match[str], whole: bool) -> Recommendation:
    """The recommendation whose lead-in is `blocks[start]`; its points are read from the lines
    after the lead-in: to the end of `blocks` when they are the recommendation's own (`whole`),
    else over the blocks that are points or continue one."""
    lead = blocks[start]
    first_line = match_recommender(lead.lines[0].text) if len(lead.lines) > 1 else None
    points: list[str] = []
    if first_line and (_is_point(Block.of(lead.lines[1:2]))
                       or LEAD_ENDS_WITH_AT_RE.fullmatch(first_line.group(_REST).strip())):
        # the lead-in has a line of its own ("Direktionen indstiller, at") and the points follow
        # in the same paragraph (a PDF without gaps): read them line by line like a list
        lead_has_at = bool(LEAD_ENDS_WITH_AT_RE.search(lead.lines[0].text))
        by = first_line.group(_BY)
        lines = [line.text for line in lead.lines[1:]]
        # a first point on the lead-in's own line ("Forvaltningen indstiller, at budgettet godkendes,")
        rest = first_line.group(_REST).strip()
        inline = LEADING_AT_RE.sub("", rest, count=1).strip() if LEADING_AT_RE.match(rest) else ""
        if inline and not _introduces_points(inline):
            lines.insert(0, rest)
    else:
        by = match.group(_BY)
        rest = match.group(_REST).strip()
        lead_has_at = bool(LEADING_AT_RE.match(rest)) or bool(LEAD_ENDS_WITH_AT_RE.search(lead.text))
        inline = LEADING_AT_RE.sub("", rest, count=1).strip() if LEADING_AT_RE.match(rest) else rest
        # "… over for regionsrådet at anbefale:" introduces the points; it is none itself
        if inline and not LEAD_ENDS_WITH_AT_RE.fullmatch(inline) and not _introduces_points(inline):
            points = _split_inline_points(inline)
        lines = []
    following = blocks[start + 1:] if whole else _continuing_blocks(blocks[start + 1:], bool(points or lines))
    line_blocks = [lead] * len(lines)
    for block in following:
        lines += [line.text for line in block.lines]
        line_blocks += [block] * len(block.lines)
    grouped, used = _group_points(lines, points)
    used_blocks = list(dict.fromkeys([lead] + line_blocks[:used]))
    text = "\n".join(block.text for block in used_blocks)
    return Recommendation(by=_author(by), text=text, points=tuple(_clean_point(p, lead_has_at) for p in grouped))


def _continuing_blocks(blocks: list[Block], started: bool) -> list[Block]:
    """Outside a recommendation section: the blocks after a lead-in that are points, or stand
    between points, or continue the text before them (in lower case)."""
    taken: list[Block] = []
    for index, block in enumerate(blocks):
        between = index + 1 < len(blocks) and _is_point(blocks[index + 1]) and (started or taken)
        if not (_is_point(block) or between or block.text[:1].islower()):
            break
        taken.append(block)
    return taken


def _introduces_points(text: str) -> bool:
    """True for a lead-in's rest that announces the points rather than being one: "anbefale:",
    "Børne- og Skoleudvalget over for Byrådet anbefaler,"."""
    stripped = text.rstrip()
    if stripped.endswith(":") and len(text.split()) <= MAX_INTRODUCTION_WORDS:
        return True
    return stripped.endswith((",", ":")) and ANNOUNCING_END_RE.search(stripped) is not None


# A lead-in's rest that ends in a verb announcing the points: "… over for Byrådet anbefaler,"
ANNOUNCING_END_RE = lazy_regex(rf"\b(?:{'|'.join(ANNOUNCING_VERBS)})\s*[:,]$", regex.I)


# "anbefale:", "godkende følgende:": a verb that announces a list, not a point.
MAX_INTRODUCTION_WORDS = 3


# Inline numbered points: "At 1) Byrådet godkender … At 2) …"
_INLINE_POINT_RE = lazy_regex(r"(?:(?<=\s)|^)(?:at\s+)?\d{1,2}\s*\)\s+", regex.I)


def _split_inline_points(text: str) -> list[str]:
    parts = [p.strip() for p in _INLINE_POINT_RE.split(text) if p.strip()]
    return parts or [text]


def find_recommendation(sections: list[RawSection]) -> Recommendation | None:
    """The item's recommendation, or None when it has none."""
    for position, section in enumerate(sections):
        if section.kind != "recommendation":
            continue
        blocks = list(section.blocks) + _split_off_sub_points(sections, position)
        for index, block in enumerate(blocks):
            match = _lead_in(block, strict=False)
            if match:
                return _build(blocks, index, match, whole=True)
        if blocks and _is_point(blocks[0]):
            heading = section.title or ""
            by_match = match_recommender(heading)
            grouped, used = _group_points([line.text for b in blocks for line in b.lines], [])
            used_blocks = _blocks_of_lines(blocks, used)
            return Recommendation(by=_author(by_match.group(_BY)) if by_match else None,
                                  text="\n".join(b.text for b in used_blocks),
                                  points=tuple(_clean_point(p, False) for p in grouped))
    blocks = [b for s in sections for b in s.blocks]
    for index in range(len(blocks) - 1, -1, -1):
        match = _lead_in(blocks[index], strict=True)
        if match and (match.group(_REST).strip() or index + 1 < len(blocks) and _is_point(blocks[index + 1])):
            return _build(blocks, index, match, whole=False)
    return None


def _blocks_of_lines(blocks: list[Block], count: int) -> list[Block]:
    """The blocks that hold the first `count` lines of `blocks`."""
    used: list[Block] = []
    for block in blocks:
        if count <= 0:
            break
        used.append(block)
        count -= len(block.lines)
    return used


def _split_off_sub_points(sections: list[RawSection], position: int) -> list[Block]:
    """The sections right after a recommendation section whose headings are its sub-points
    ("1.1 Kortlägning …", "a) …"): a point's sub-points read as headings end the section
    early, so the rest of the recommendation ("At 2) …") stands under them."""
    found: list[Block] = []
    for section in sections[position + 1:]:
        title = section.title or ""
        if section.heading is None or not (SUB_NUMBER_RE.match(title) or LIST_MARKER_RE.match(title)):
            break
        found += [section.heading, *section.blocks]
    return found
