"""The patterns compiled with the standard library's `re` match exactly as `regex` would.

`patterns.py` compiles its hottest anchored patterns with `re` for speed; the
parser was written and tested against `regex`. Each such pattern is compiled
again with `regex` here and both must give the same match, span and groups on
generated lines of Danish minutes text.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_cli import patterns
from minutes_cli.lazy_patterns import engine_of

STDLIB_PATTERNS = {name: value for name, value in vars(patterns).items()
                   if name.endswith("_RE") and engine_of(value) == "re"}


def _regex_twin(pattern: re.Pattern[str]) -> regex.Pattern[str]:
    flags = (regex.VERBOSE if pattern.flags & re.VERBOSE else 0) | (
        regex.IGNORECASE if pattern.flags & re.IGNORECASE else 0)
    return regex.compile(pattern.pattern, flags)


# Pieces of real lines: labels, numbers, case numbers, bullets, Danish letters, odd spaces.
PIECES = st.sampled_from([
    "Punkt", "Pkt.", "Sag", "nr.", "Bilag", "bilag", "at", "At", "Sagsnr.:", "J.nr.", "Journalnr.", "Side", "side",
    "af", "of", "page", "Indholdsfortegnelse", "Lukket", "åben", "Åbent", "punkt", "Status:", "kr.", "EMN-2025-009242",
    "2016/05156", "15.20.05-P08-1-19", "2009-66012", "12/27845", "200906126", "1", "12", "3a", "2.1", "715",
    "1.316.000", ".", ":", ")", "(", "-", "–", "•", "\uf0b7", "*", " ", "  ", "\t", "\u00a0", "æ", "ø", "å", "Æ",
    "Ø", "Å", "Budget", "Meddelelser", "a", "B", "....", "…", "3", "Udvalg", "møde", "Åben", "fortrolig",
    "a\u030a", "\u030a", "ß", "İ", "K", "ſ",
])
LINES = st.lists(PIECES, max_size=14).map("".join)


def test_the_fast_patterns_are_found() -> None:
    assert {"LIST_MARKER_RE", "BILAG_LINE_RE", "PUNKT_ITEM_RE", "CASE_VALUE_RE"} <= set(STDLIB_PATTERNS)


@pytest.mark.parametrize("name", sorted(STDLIB_PATTERNS))
@settings(max_examples=200, deadline=None)
@given(text=LINES)
def test_re_and_regex_agree(name: str, text: str) -> None:
    fast = STDLIB_PATTERNS[name]
    twin = _regex_twin(fast)
    for method in ("match", "search"):
        mine, theirs = getattr(fast, method)(text), getattr(twin, method)(text)
        assert (mine is None) == (theirs is None), (method, text)
        if mine is not None and theirs is not None:
            assert mine.span() == theirs.span() and mine.groupdict() == theirs.groupdict(), (method, text)
