"""Money amounts: every "2,2 mill. kr.", "400.000 kroner", "t.kr. 500" as a value in kroner.

Each amount keeps its raw text, the sentence it stands in and the section
heading above it. A range ("2-3 mio. kr.", "fra 227,6 mio. til 219,2 mio. kr.")
or a pair ("4,2 og 5,1 mio. kr.") gives two amounts: the unit covers both.
Percentages, counts, dates, phone numbers and case numbers have no currency
unit and so never match. A budget table states its unit once, in its header
("(mio. kr.)", "Beløb i 1.000 kr."): the numbers in the rows under it are
amounts in that unit (`find_lines_amounts`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from ..model import Amount, Block
from ..patterns import (
    AMOUNT_LEAD_REVERSED_RE,
    AMOUNT_RE,
    CURRENCY_HINT_RE,
    TABLE_CELL_RE,
    TABLE_ROW_RE,
    TABLE_SUBHEADER_RE,
    TABLE_UNIT_RE,
    THOUSANDS_GROUP_RE,
    THOUSANDS_NUMBER_RE,
    has_currency_word,
    sentence_ends,
)
from ..vocabulary import SCALE_WORDS

THOUSAND = 1e3

FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def parse_number(text: str) -> float:
    """A Danish-formatted number: "1.316.000" -> 1316000, "2,2" -> 2.2, "2.5" -> 2.5, "2½" -> 2.5."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if text[-1:] in FRACTIONS:
        return (parse_number(text[:-1]) if text[:-1] else 0.0) + FRACTIONS[text[-1]]
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if THOUSANDS_NUMBER_RE.fullmatch(text):
        return float(text.replace(".", ""))
    return float(text)


def _scale(word: str | None) -> float:
    """The factor of a scale word as printed: "mill." -> 1e6, "Mia" -> 1e9 (the lexicon's SCALE_WORDS)."""
    return SCALE_WORDS.get(word.lower().rstrip(". "), 1.0) if word else 1.0


def _range_start(low: str, high: str) -> float:
    """The start of a range; "10-15.000 kr." shares the thousands: 10.000 to 15.000."""
    value = parse_number(low)
    groups = len(THOUSANDS_GROUP_RE.findall(high.split(",")[0]))
    if groups and "." not in low and value < 1000:
        candidate = value * 1000**groups
        if candidate <= parse_number(high):
            return float(candidate)
    return value


# The groups _values reads, by number: `regex` looks a group name up by first failing to
# read it as a number (an exception each time), a cost paid eight times per amount.
_VALUE_GROUPS = tuple(AMOUNT_RE.groupindex[name]
                      for name in ("pnum", "pscale", "tnum", "thousands", "scale", "sign", "num", "lo", "loscale"))


def _values(match: regex.Match[str]) -> list[float]:
    """The kroner values of one match: one, or two for a range."""
    pnum, pscale, tnum, thousands, scale, sign, num, low, low_scale = match.group(*_VALUE_GROUPS)
    if pnum:
        return [parse_number(pnum) * _scale(pscale)]
    if tnum:
        return [parse_number(tnum) * THOUSAND]
    factor = THOUSAND if thousands else _scale(scale)
    values = [(-1.0 if sign else 1.0) * parse_number(num) * factor]
    if low:
        # "fra 227,6 mio. til 219,2 mio. kr.": the start may name its own scale
        values.insert(0, _range_start(low, num) * (_scale(low_scale) if low_scale else factor))
    return values


class _Sentences(NamedTuple):
    """Where a text's sentence boundaries start and end (both ascending: they never overlap).

    A named tuple: one is built for every paragraph with an amount, and a tuple is built faster
    than a frozen dataclass.
    """

    starts: list[int]
    ends: list[int]

    @staticmethod
    def of(text: str) -> _Sentences:
        spans = sentence_ends(text)
        return _Sentences([start for start, _ in spans], [end for _, end in spans])

    def around(self, text: str, start: int, end: int) -> str:
        """The sentence holding text[start:end]."""
        before = bisect_right(self.ends, start)  # boundaries that end at or before the start
        left = self.ends[before - 1] if before else 0
        after = bisect_left(self.starts, end)  # the first boundary at or after the end
        right = self.starts[after] if after < len(self.starts) else len(text)
        return text[left:right].strip()


# An amount starts within this many characters before its currency word ("mellem 240
# og 260 mio. kr." is 24) and may end this many after it ("DKK 2.000.000 mio.").
WINDOW_BEFORE = 64
WINDOW_AFTER = 40
# A match ending this close to a window's end may be cut short: "mio. kr." is 8 characters.
UNIT_TAIL_CHARS = 10


def _amount_matches(text: str) -> Iterator[regex.Match[str]]:
    """AMOUNT_RE's matches in the text (the same as a scan of all of it), found from the currency words.

    Every amount holds one currency word, and only digits, separators and scale
    words stand between its start and that word; so for each word the pattern
    is tried from where that run of amount text begins, not over the paragraph.
    """
    end_of_last = 0
    for hint in CURRENCY_HINT_RE.finditer(text):
        at = hint.start()
        if at < end_of_last:
            continue  # part of the amount found last
        before = text[at - 1] if at else " "
        if before.isalpha() and before not in "tT":
            continue  # the "kr" of "beskrevet"; the t of "tkr." may stand before one
        if text[hint.end():hint.end() + 1].isalpha() and text[at:at + 6].lower() != "kroner":
            continue  # the "kr" of "krav" or "kraft": a currency word ends there, or is "kroner"
        window_start = max(end_of_last, at - WINDOW_BEFORE)
        start = at - AMOUNT_LEAD_REVERSED_RE.match(text[window_start:at][::-1]).end()  # type: ignore[union-attr]
        stop = min(len(text), hint.end() + WINDOW_AFTER)
        match = AMOUNT_RE.search(text, start, stop)
        if match and stop < len(text) and match.end() >= stop - UNIT_TAIL_CHARS:
            match = AMOUNT_RE.search(text, start)  # the window may have cut it short: look again to the end
        if match is None or match.start() > at:
            continue  # no amount uses this word; an amount further on has a currency word of its own
        end_of_last = match.end()
        yield match


def find_amounts(text: str, section: str | None = None) -> list[Amount]:
    """Every money amount in the text, in order."""
    if not has_currency_word(text):
        return []  # most paragraphs
    return _amounts_in(text, section)


def _amounts_in(text: str, section: str | None) -> list[Amount]:
    """find_amounts on a text known to hold a currency word."""
    found: list[Amount] = []
    sentences: _Sentences | None = None  # found once, and only in a text that holds an amount
    for match in _amount_matches(text):
        sentences = sentences or _Sentences.of(text)
        raw = " ".join(match.group(0).split())
        context = sentences.around(text, match.start(), match.end())
        found += [Amount(text=raw, value=round(value, 2), currency="DKK", context=context, section=section)
                  for value in _values(match)]
    return found


# --- budget tables ----------------------------------------------------------

# A table's unit header is a short line ("Beløb i 1.000 kr. Korrigeret budget Forventet
# regnskab Afvigelse" is 64 characters); a row's label a few words ("Energi i kommunale
# bygninger" is 4). Longer lines are prose that happens to end in a number.
MAX_TABLE_HEADER_CHARS = 120
MAX_ROW_LABEL_WORDS = 8


def _table_unit(text: str) -> tuple[float, regex.Match[str]] | None:
    """The factor a table header's unit gives its cells ("(mio. kr.)" -> 1e6), and the unit's match."""
    if len(text) > MAX_TABLE_HEADER_CHARS or not has_currency_word(text):
        return None
    match = TABLE_UNIT_RE.search(text)
    if match is None:
        return None
    unit = match.group("unit").lower()
    factor = THOUSAND if unit.startswith(("1", "t")) else _scale(unit.rstrip("."))
    return factor, match


def _row_amounts(text: str, factor: float, section: str | None) -> list[Amount] | None:
    """The amounts of one table row in the header's unit, or None when the line is no row."""
    row = TABLE_ROW_RE.match(text)
    if row is None or len(row.group("label").split()) > MAX_ROW_LABEL_WORDS:
        return None
    return [Amount(text=cell.group(0), value=round((-1.0 if cell.group("sign") else 1.0)
                                                   * parse_number(cell.group("num")) * factor, 2),
                   currency="DKK", context=text.strip(), section=section)
            for cell in TABLE_CELL_RE.finditer(row.group("cells"))]


def _tables(lines: Sequence[str], section: str | None) -> tuple[dict[int, list[Amount]], dict[int, regex.Match[str]]]:
    """The cell amounts of every budget table in the lines, by row index, and the unit match of
    each header that has rows under it, by header index."""
    rows: dict[int, list[Amount]] = {}
    headers: dict[int, regex.Match[str]] = {}
    # a header has a row (or a line of years and then a row) under it, or names "1.000 kr.": the
    # unit pattern is tried only on such lines (most lines with "kr" are prose amounts)
    ends_like_row = [line[-1:] in ROW_ENDINGS for line in lines] + [False, False]
    if not any(ends_like_row) and not any("1.000" in line for line in lines):
        return rows, headers
    unit: tuple[float, regex.Match[str]] | None = None  # the header over the rows being read
    header_at = -1
    for index, text in enumerate(lines):
        if unit is not None:
            found = _row_amounts(text, unit[0], section) if ends_like_row[index] else None
            if found is not None:
                rows[index] = found
                headers[header_at] = unit[1]
                continue
            if index == header_at + 1 and TABLE_SUBHEADER_RE.match(text):
                continue  # column headings under the unit line: "2025 2026 2027"
        unit = _table_unit(text) if (ends_like_row[index + 1] or ends_like_row[index + 2]
                                     or "1.000" in text) else None
        if unit:
            header_at = index
            if unit[1].group(0)[:1] in "iIbB":
                headers[index] = unit[1]  # "Beløb i 1.000 kr.": a unit, rows or not, never 1.000 kroner
    return rows, headers


# The last character of a table row: a number's last digit or an empty cell's dash.
ROW_ENDINGS = frozenset("0123456789-–")


def find_section_amounts(heading: str | None, blocks: Sequence[Block]) -> list[Amount]:
    """Every amount of a section, in order: each paragraph's amounts as `find_amounts` reads
    them, and the cells of budget tables, whose unit header may be the section's heading.

    A paragraph with no table row or header is read as one text, as before; around a
    table the prose before and after it is read apart from the rows, and a header's own
    unit ("Beløb i 1.000 kr.") is no amount.
    """
    # a currency word never spans two paragraphs: one test of their joined text settles most sections
    if not has_currency_word("\n".join([block.text for block in blocks])) and not (
            heading and has_currency_word(heading)):
        return []  # most sections: no amount, no table unit
    holds = [has_currency_word(block.text) for block in blocks]
    lines = [heading or ""] + [line.text for block in blocks for line in block.lines]
    rows, headers = _tables(lines, heading)
    if not rows and not headers:
        return [amount for block, holds_currency in zip(blocks, holds, strict=True) if holds_currency
                for amount in _amounts_in(block.text, heading)]
    found: list[Amount] = []
    index = 1
    for block, holds_currency in zip(blocks, holds, strict=True):
        span = range(index, index + len(block.lines))
        index += len(block.lines)
        if not any(i in rows or i in headers for i in span):
            if holds_currency:
                found += _amounts_in(block.text, heading)
            continue
        run: list[str] = []
        for at in span:
            text = lines[at]
            if at in rows:
                found += find_amounts(" ".join(run), heading) + rows[at]
                run = []
            elif at in headers:
                unit = headers[at]
                run.append(text[:unit.start()] + text[unit.end():])
            else:
                run.append(text)
        found += find_amounts(" ".join(run), heading)
    return found
