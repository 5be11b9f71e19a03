"""Cleanup stage: turn a reader's raw lines into clean lines of running text.

Order matters: page furniture goes first (it splits sentences and words),
then a site footer after the last item, tables of contents and signature
pages, then words hyphenated across lines are rejoined.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Line, RawDocument
from .furniture import remove_furniture_at
from .hyphenation import join_hyphenated
from .signatures import drop_signature_pages
from .toc import drop_table_of_contents
from .trailer import drop_site_footer


class Cleaned(NamedTuple):
    """Clean lines of running text, the furniture lines removed, and where each of those stood
    among the reader's lines (a site footer counts as the last line's)."""

    lines: list[Line]
    furniture: list[str]
    furniture_at: list[int]


def clean(raw: RawDocument) -> Cleaned:
    """Clean lines of running text, and the furniture lines that were removed."""
    lines, furniture, furniture_at = remove_furniture_at(list(raw.lines))
    lines, footer = drop_site_footer(lines)
    lines = drop_signature_pages(drop_table_of_contents(lines))
    return Cleaned(join_hyphenated(lines), furniture + footer, furniture_at + [len(raw.lines) - 1] * len(footer))


__all__ = ["Cleaned", "clean"]
