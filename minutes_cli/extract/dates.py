"""Dates and times in the forms Danish minutes print them, as ISO strings."""

from __future__ import annotations

import datetime as dt

from ..patterns import HAS_DIGIT_RE, NUMERIC_DATE_RE, TIME_RE, WORD_DATE_RE
from ..vocabulary import MONTHS

# Two-digit years: 00-69 are 20xx, 70-99 are 19xx (the oldest digitised minutes are from the 1970s).
TWO_DIGIT_YEAR_PIVOT = 70


def _iso(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first valid date in the text as YYYY-MM-DD, word or numeric form, whichever comes first."""
    if not HAS_DIGIT_RE.search(text):
        return None  # both forms hold digits: most headings and lines are decided here
    found: list[tuple[int, str]] = []
    for match in WORD_DATE_RE.finditer(text):
        month = MONTHS[match.group("month").lower().rstrip(".")]
        iso = _iso(int(match.group("y")), month, int(match.group("d")))
        if iso:
            found.append((match.start(), iso))
            break
    for match in NUMERIC_DATE_RE.finditer(text):
        if match.group("y2"):
            iso = _iso(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
        elif match.group("y3"):
            iso = _iso(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
        else:
            iso = _iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if iso:
            found.append((match.start(), iso))
            break
    return min(found)[1] if found else None


def find_time(text: str) -> str | None:
    """The first clock time in the text as HH:MM ("kl. 16:30", "13:00 - 15:00")."""
    for match in TIME_RE.finditer(text):
        hour = int(match.group("h") or match.group("h2"))
        minute = int(match.group("m") or match.group("m2") or 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None
