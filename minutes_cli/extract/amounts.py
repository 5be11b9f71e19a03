"""Money amounts: every "2,2 mill. kr.", "400.000 kroner", "t.kr. 500" as a value in kroner.

Each amount keeps its raw text, the sentence it stands in and the section
heading above it. A range ("2-3 mio. kr.") gives two amounts, its ends.
Percentages, counts, dates, phone numbers and case numbers have no currency
unit and so never match.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import Amount
from ..patterns import AMOUNT_RE, CURRENCY_HINT_RE, SENTENCE_END_RE

# Multipliers of the scale words, by their first three letters.
SCALES: dict[str, float] = {"mia": 1e9, "mrd": 1e9, "mil": 1e6, "mio": 1e6}
THOUSAND = 1e3



FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def parse_number(text: str) -> float:
    """A Danish-formatted number: "1.316.000" -> 1316000, "2,2" -> 2.2, "2.5" -> 2.5, "2½" -> 2.5."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if text[-1:] in FRACTIONS:
        return (parse_number(text[:-1]) if text[:-1] else 0.0) + FRACTIONS[text[-1]]
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    parts = text.split(".")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    return float(text)


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    word = word.lower()
    if word.startswith("milliard"):
        return 1e9
    return SCALES.get(word[:3], 1.0)


def _range_start(low: str, high: str) -> float:
    """The start of a range; "10-15.000 kr." shares the thousands: 10.000 to 15.000."""
    value = parse_number(low)
    groups = len(regex.findall(r"\.\d{3}", high.split(",")[0]))
    if groups and "." not in low and value < 1000:
        candidate = value * 1000**groups
        if candidate <= parse_number(high):
            return float(candidate)
    return value


def _values(match: regex.Match[str]) -> list[float]:
    """The kroner values of one match: one, or two for a range."""
    if match.group("pnum"):
        return [parse_number(match.group("pnum")) * _scale(match.group("pscale"))]
    if match.group("tnum"):
        return [parse_number(match.group("tnum")) * THOUSAND]
    factor = THOUSAND if match.group("thousands") else _scale(match.group("scale"))
    sign = -1.0 if match.group("sign") else 1.0
    values = [sign * parse_number(match.group("num")) * factor]
    if match.group("lo"):
        values.insert(0, _range_start(match.group("lo"), match.group("num")) * factor)
    return values


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end]."""
    left = 0
    for boundary in SENTENCE_END_RE.finditer(text, 0, start):
        left = boundary.end()
    right_match = SENTENCE_END_RE.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right].strip()


# An amount stands within this many characters before its currency word ("mellem
# 240 og 260 mio. kr." is 24) and this many after it ("DKK 2.000.000 mio."); the
# pattern runs only in those windows, not over the whole paragraph.
WINDOW_BEFORE = 64
WINDOW_AFTER = 40
# A match ending this close to a window's end may be cut short: "mio. kr." is 8 characters.
UNIT_TAIL_CHARS = 10


def _amount_matches(text: str) -> Iterator[regex.Match[str]]:
    """AMOUNT_RE's matches in the text, found by looking only around currency words."""
    end_of_last = 0
    for hint in CURRENCY_HINT_RE.finditer(text):
        start = max(end_of_last, hint.start() - WINDOW_BEFORE)
        stop = min(len(text), hint.end() + WINDOW_AFTER)
        for match in AMOUNT_RE.finditer(text, start, stop):
            if stop < len(text) and match.end() >= stop - UNIT_TAIL_CHARS:
                break  # the window may have cut it short ("850.000 kr" of "850.000 kr."): the next one sees it whole
            if match.start() >= end_of_last:
                end_of_last = match.end()
                yield match


def find_amounts(text: str, section: str | None = None) -> Iterator[Amount]:
    """Every money amount in the text, in order."""
    for match in _amount_matches(text):
        raw = " ".join(match.group(0).split())
        context = _sentence(text, match.start(), match.end())
        for value in _values(match):
            yield Amount(text=raw, value=round(value, 2), currency="DKK", context=context, section=section)
