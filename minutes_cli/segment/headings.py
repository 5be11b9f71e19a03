"""Decide whether a paragraph is a heading, and of which kind.

Known headings come from `vocabulary.py`. Other short, unpunctuated,
capitalised one-line paragraphs count as free headings ("Resultatmål",
"Byggetekniske forundersøgelser") when the reader gave no layout hints.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from ..model import Block
from ..patterns import (
    ABSENCE_LINE_RE,
    BILAG_LINE_RE,
    CASE_VALUE_RE,
    COMMITTEE_DECISION_LABEL_RE,
    DATED_DECISION_RE,
    LIST_MARKER_RE,
    match_recommender,
)
from ..vocabulary import (
    ATTACHMENT_HEADINGS,
    BODY_HEADINGS,
    DECISION_HEADINGS,
    INLINE_DECISION_LABELS,
    RECOMMENDATION_HEADINGS,
    normalise_label,
)

HeadingKind = Literal["decision", "recommendation", "attachments", "body", "free"]

_KINDS: dict[str, HeadingKind] = {
    **{h: "body" for h in BODY_HEADINGS},
    **{h: "attachments" for h in ATTACHMENT_HEADINGS},
    **{h: "decision" for h in DECISION_HEADINGS},
    **{h: "recommendation" for h in RECOMMENDATION_HEADINGS},
}

# A free heading is at most this long: the longest seen ("Forundersøgelse af en egnet
# lokalitet til en FGU-institution i Gladsaxe Kommune") is 77 characters.
MAX_FREE_HEADING_CHARS = 90
MAX_FREE_HEADING_WORDS = 12


def known_heading_kind(text: str) -> HeadingKind | None:
    """The kind of a heading the vocabulary knows, else None."""
    if len(text) <= MAX_KNOWN_HEADING_CHARS:
        return _short_heading_kind(text)
    # a paragraph of text is never looked up (nor cached): only a dated decision heading is long
    return "decision" if is_dated_decision_label(text) else None


def is_dated_decision_label(text: str) -> bool:
    """"Beslutning i Økonomiudvalget den 04.12.2012", "Økonomiudvalget den 13.03.2018:"."""
    stripped = text.strip()
    if "eslutning" in stripped and DATED_DECISION_RE.match(stripped):
        return True
    return stripped.endswith(":") and " den " in stripped and COMMITTEE_DECISION_LABEL_RE.match(stripped) is not None


@lru_cache(maxsize=8192)
def _short_heading_kind(text: str) -> HeadingKind | None:
    label = normalise_label(text)
    if label in _KINDS:
        return _KINDS[label]
    if label in INLINE_DECISION_LABELS and text.rstrip().endswith(":"):
        return "decision"
    return "decision" if is_dated_decision_label(text) else None


# The longest heading in the vocabulary is 39 characters ("økonomiske konsekvenser og
# finansiering"); longer paragraphs are looked up only as dated decision headings.
MAX_KNOWN_HEADING_CHARS = 60


def is_known_heading(text: str) -> bool:
    """True for headings the vocabulary knows, with or without a trailing colon."""
    return known_heading_kind(text) is not None


def is_caps_heading(text: str) -> bool:
    """"BESLUTNINGSFORSLAG FRA DD": an all-capitals line of two or more words."""
    if len(text) > MAX_FREE_HEADING_CHARS or not text.isupper():
        return False  # str.isupper is true when every cased character is a capital
    return len(text.split()) >= 2 and sum(ch.isalpha() for ch in text) >= 6 and not text.rstrip().endswith(".")


def heading_kind(block: Block, free_headings: bool) -> HeadingKind | None:
    """The heading kind of a paragraph, or None when it is body text."""
    text = block.text
    if len(block.lines) != 1 or len(text) > MAX_FREE_HEADING_CHARS:
        return known_heading_kind(text)
    return _line_heading_kind(text, block.lines[0].heading, free_headings)


@lru_cache(maxsize=8192)  # short one-line paragraphs repeat from item to item ("Beslutning", "Bilag")
def _line_heading_kind(text: str, heading: bool, free_headings: bool) -> HeadingKind | None:
    """heading_kind of a paragraph of one short line, from its text and whether the reader marked it a heading."""
    known = known_heading_kind(text)
    if known:
        return known
    if heading or is_caps_heading(text):
        return (head_word_kind(text) or "free") if not LIST_MARKER_RE.match(text) else None
    # the cheap tests first: most one-line paragraphs end a sentence or start in lower case
    if (not free_headings or not text[:1].isupper() or text.rstrip().endswith((".", ",", ";", "!", "?", ":"))
            or len(text.split()) > MAX_FREE_HEADING_WORDS):
        return None
    # an attachment, list item, case number, absence or lead-in line; the cheapest tests first
    if BILAG_LINE_RE.match(text) or LIST_MARKER_RE.match(text) or CASE_VALUE_RE.match(text) \
            or ABSENCE_LINE_RE.match(text) or match_recommender(text):
        return None
    return head_word_kind(text) or "free"


# Words that tie a heading's head noun to the body it names: "Beslutning i Økonomiudvalget",
# "Indstilling fra direktionen", "Bilag til punktet".
_TIE_WORDS = frozenset({"i", "fra", "til", "på", "for", "af", "vedr", "vedr.", "om"})
# A heading that names its kind by a head noun is at most this many words long.
MAX_HEAD_WORD_HEADING_WORDS = 8


@lru_cache(maxsize=8192)  # headings repeat from item to item ("BESLUTNING I ØKONOMIUDVALGET")
def head_word_kind(text: str) -> HeadingKind | None:
    """The kind a heading the vocabulary does not know names by its head noun.

    The noun stands first and a tie word follows ("BESLUTNING I KLIMA- OG MILJØUDVALGET",
    "Indstilling fra direktionen"), or it stands last after a genitive ("Direktørens
    indstilling", "SOCIALUDVALGETS BESLUTNING"). Only for lines already read as headings.
    """
    words = normalise_label(text).split()
    if not 2 <= len(words) <= MAX_HEAD_WORD_HEADING_WORDS:
        return None
    if words[1] in _TIE_WORDS:
        kind = _KINDS.get(words[0])
        if kind in ("decision", "recommendation", "attachments"):
            return kind
    if words[-2].endswith("s"):
        kind = _KINDS.get(words[-1])
        if kind in ("decision", "recommendation"):
            return kind
    return None
