"""Drop tables of contents: dot-leader lines ("Meddelelser.....3"), runs of numbered
entries ending in page numbers ("2. Bygningsvedligeholdelse 2013 3", "Dagsordenspunkt 1:
Godkendelse af dagsorden 2"), and their headings."""

from __future__ import annotations

import re

from ..model import Line
from ..patterns import PUNKT_INITIALS, TOC_ENTRY_RE, TOC_HEADING_RE, TOC_LINE_RE, TOC_PUNKT_ENTRY_RE, TOC_TAIL_RE


def drop_table_of_contents(lines: list[Line]) -> list[Line]:
    """Lines without TOC entries; a TOC entry wrapped over two lines goes with its second line."""
    keep = [True] * len(lines)
    for index, line in enumerate(lines):
        text = line.text  # stripped by the reader
        ends_in_digit = text[-1:].isdigit()  # as every dot-leader entry does
        if len(text) > MAX_TOC_HEADING_CHARS and not ends_in_digit:
            continue  # neither a TOC heading nor a line ending in a page number
        if len(text) <= MAX_TOC_HEADING_CHARS and TOC_HEADING_RE.match(text):
            keep[index] = False
        elif ends_in_digit and _has_dot_leader(text):
            keep[index] = False
            # a long entry wraps: "715. Kulturkommune 2017. Politiske" / "fokusområder.....2"
            previous = lines[index - 1] if index else None
            if previous is not None and keep[index - 1] and not line.gap_before \
                    and not _has_dot_leader(previous.text) and _is_toc_start(lines, index - 1):
                keep[index - 1] = False
    for index in _numbered_entry_runs(lines):
        keep[index] = False
    return [line for line, k in zip(lines, keep, strict=True) if k]


# A run of numbered entries is a TOC only with at least this many entries, numbered upwards;
# two numbered lines ending in a number happen in prose ("2. Budget 2013").
MIN_TOC_ENTRIES = 3


def _numbered_entry_runs(lines: list[Line]) -> set[int]:
    """Indexes of runs of "N. Title page" entries (with wrapped tails) that number upwards."""
    found: set[int] = set()
    taken = 0  # lines before this belong to a run already found
    # a run opens with a numbered entry: only lines starting with a digit or an item word can open one
    initials = PUNKT_INITIALS
    # _may_be_entry, inline: it runs on every line of a document
    for index in [i for i, line in enumerate(lines)
                  if (text := line.text)[:1].isdigit() or (text[:1] in initials and text[-1:].isdigit())]:
        if index < taken:
            continue
        run: list[int] = []
        numbers: list[int] = []
        pages: list[int] = []
        cursor = index
        while cursor < len(lines):
            text = lines[cursor].text
            entry = _entry(text)
            # entries number upwards and their pages never go back
            if entry and (not numbers or (int(entry.group("number")) > numbers[-1]
                                          and int(entry.group("page")) >= pages[-1])):
                numbers.append(int(entry.group("number")))
                pages.append(int(entry.group("page")))
                run.append(cursor)
            elif run and TOC_TAIL_RE.match(text) and not _entry(text):
                run.append(cursor)
            elif run and not _may_be_entry(text) and cursor + 1 < len(lines) \
                    and TOC_TAIL_RE.match(lines[cursor + 1].text) and not _entry(lines[cursor + 1].text):
                run.append(cursor)  # an entry wrapped before its page number
            else:
                break
            cursor += 1
        if len(numbers) >= MIN_TOC_ENTRIES:
            found.update(run)
            taken = cursor
    return found


def _may_be_entry(text: str) -> bool:
    """A cheap test before the patterns: an entry starts with its number or an item word, and an
    item word's entry ends in its page number (most lines of prose start with an S, P or D)."""
    return text[:1].isdigit() or (text[:1] in PUNKT_INITIALS and text[-1:].isdigit())


def _entry(text: str) -> re.Match[str] | None:
    """A numbered entry with its page: "2. Bygningsvedligeholdelse 3", "Dagsordenspunkt 1: Godkendelse 2"."""
    if text[:1].isdigit():
        return TOC_ENTRY_RE.match(text)
    return TOC_PUNKT_ENTRY_RE.match(text) if _may_be_entry(text) else None


# "Indholdsfortegnelse" and its kin are short.
MAX_TOC_HEADING_CHARS = 30

# A dot leader and page number sit at the end of a line; looking only at its tail keeps the
# check linear on pathological lines of thousands of dots.
DOT_LEADER_TAIL_CHARS = 24


def _has_dot_leader(text: str) -> bool:
    tail = text.rstrip()[-DOT_LEADER_TAIL_CHARS:]
    return bool(tail[-1:].isdigit() and TOC_LINE_RE.search(tail))


def _is_toc_start(lines: list[Line], index: int) -> bool:
    """The line before a dot-leader line belongs to the entry if it follows another TOC line."""
    return index > 0 and _is_toc_line(lines[index - 1].text)


def _is_toc_line(text: str) -> bool:
    """True for a TOC heading or a dot-leader entry."""
    stripped = text.strip()
    return bool(TOC_HEADING_RE.match(stripped) or _has_dot_leader(stripped))
