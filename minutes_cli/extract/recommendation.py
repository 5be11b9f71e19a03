"""The recommendation (indstilling): who recommends and each "at …" point.

The lead-in ("Social- og Sundhedsforvaltningen indstiller, at") is looked for
first in a recommendation section, then anywhere in the item (some layouts
put it after the body). Points are the list entries or "at …" paragraphs that
follow it; when the lead-in ends with "at" and a point does not repeat it,
the point gets it ("at Beskæftigelses- og Integrationsudvalget godkender …").
"""

from __future__ import annotations

import re

import regex

from ..model import Block, Recommendation
from ..patterns import LEADING_AT_RE, LIST_MARKER_RE, RECOMMENDER_RE, match_recommender
from ..segment import RawSection
from ..vocabulary import AUTHOR_WORDS

# Outside a recommendation section, a lead-in must name an author in at most this
# many words and name it by a word that a recommending body has.
MAX_LOOSE_AUTHOR_WORDS = 12
# Searched in the lower-cased author: a case-blind search costs a case lookup per letter.
# "Det indstilles" names no author but is a lead-in all the same.
AUTHOR_WORD_RE = re.compile("|".join(re.escape(word) for word in AUTHOR_WORDS) + "|^det$")

# RECOMMENDER_RE's groups by number: `regex` reads a group name by first failing to read
# it as a number, an exception each time (see amounts._VALUE_GROUPS).
_BY, _REST = RECOMMENDER_RE.groupindex["by"], RECOMMENDER_RE.groupindex["rest"]

# Authors that are not a body: "Det indstilles" has nobody.
IMPERSONAL_AUTHORS = ("det", "der", "hermed")
# A lead-in ends with "at" when it opens the points: "indstiller, at" / "indstiller at:".
LEAD_ENDS_WITH_AT_RE = regex.compile(r"\bat\s*[:,]?\s*$", regex.I)


def _is_point(block: Block) -> bool:
    text = block.text
    return bool(LIST_MARKER_RE.match(text)) or text[:3].lower() == "at "


def _points_of(block: Block) -> list[str]:
    """A block's points: one per line that opens with a marker or with "at" after a finished
    point (PDFs drop bullet glyphs and paragraph gaps), wrapped lines joined."""
    points: list[str] = []
    for line in block.lines:
        text = line.text
        opens = bool(LIST_MARKER_RE.match(text)) or (
            text[:3].lower() == "at " and bool(points) and points[-1].rstrip().endswith(POINT_ENDINGS))
        if not points or opens:
            points.append(text)
        else:
            points[-1] += " " + text
    return points


# A letter marker: "A) ", "b. "
LETTER_MARKER_RE = regex.compile(r"^[a-zA-Z]\s*[.)]")

# How a finished point ends: ". ", "; ", ", og", ", samt" (the next "at" opens a new one).
POINT_ENDINGS = (".", ";", ",", " og", " samt", " eller", ":")


def _clean_point(text: str, add_at: bool) -> str:
    marker = LIST_MARKER_RE.match(text)
    lettered = bool(marker and LETTER_MARKER_RE.match(marker.group(0)))
    if marker:
        # "At 1) forslaget …" keeps its "At": the number goes, the word is part of the point
        text = (marker.group("at") or "") + text[marker.end():].strip()
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
    if LIST_MARKER_RE.match(block.text):
        return None
    match = match_recommender(block.text)
    if not match:
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


def _build(blocks: list[Block], start: int, match: regex.Match[str]) -> Recommendation:
    lead = blocks[start]
    first_line = match_recommender(lead.lines[0].text) if len(lead.lines) > 1 else None
    if first_line and _is_point(Block.of(lead.lines[1:2])):
        # the lead-in has a line of its own and the points follow in the same paragraph
        # (a PDF without gaps): read them line by line like a list
        lead_has_at = bool(LEAD_ENDS_WITH_AT_RE.search(lead.lines[0].text))
        points = [_clean_point(p, lead_has_at) for p in _points_of(Block.of(lead.lines[1:]))]
        return Recommendation(by=_author(first_line.group(_BY)), text=lead.text, points=tuple(points))
    rest = match.group(_REST).strip()
    lead_has_at = bool(LEADING_AT_RE.match(rest)) or bool(LEAD_ENDS_WITH_AT_RE.search(lead.text))
    inline = LEADING_AT_RE.sub("", rest, count=1).strip() if LEADING_AT_RE.match(rest) else rest
    points = []
    used = [lead]
    # "… over for regionsrådet at anbefale:" introduces the points; it is none itself
    if inline and not LEAD_ENDS_WITH_AT_RE.fullmatch(inline) and not _introduces_points(inline):
        for part in _split_inline_points(inline):
            points.append(_clean_point(part, lead_has_at))
    for block in blocks[start + 1:]:
        if not _is_point(block):
            break
        points += [_clean_point(point, lead_has_at) for point in _points_of(block)]
        used.append(block)
    text = "\n".join(block.text for block in used)
    return Recommendation(by=_author(match.group(_BY)), text=text, points=tuple(points))


def _introduces_points(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= MAX_INTRODUCTION_WORDS


# "anbefale:", "godkende følgende:": a verb that announces a list, not a point.
MAX_INTRODUCTION_WORDS = 3


# Inline numbered points: "At 1) Byrådet godkender … At 2) …"
_INLINE_POINT_RE = regex.compile(r"(?:(?<=\s)|^)(?:at\s+)?\d{1,2}\s*\)\s+", regex.I)


def _split_inline_points(text: str) -> list[str]:
    parts = [p.strip() for p in _INLINE_POINT_RE.split(text) if p.strip()]
    return parts or [text]


def find_recommendation(sections: list[RawSection]) -> Recommendation | None:
    """The item's recommendation, or None when it has none."""
    for section in sections:
        if section.kind != "recommendation":
            continue
        blocks = list(section.blocks)
        for index, block in enumerate(blocks):
            match = _lead_in(block, strict=False)
            if match:
                return _build(blocks, index, match)
        point_blocks = [b for b in blocks if _is_point(b)]
        if point_blocks and _is_point(blocks[0]):
            heading = section.title or ""
            by_match = match_recommender(heading)
            return Recommendation(by=_author(by_match.group(_BY)) if by_match else None,
                                  text="\n".join(b.text for b in point_blocks),
                                  points=tuple(_clean_point(p, False) for b in point_blocks for p in _points_of(b)))
    blocks = [b for s in sections for b in s.blocks]
    for index in range(len(blocks) - 1, -1, -1):
        match = _lead_in(blocks[index], strict=True)
        if match and (match.group(_REST).strip() or index + 1 < len(blocks) and _is_point(blocks[index + 1])):
            return _build(blocks, index, match)
    return None
