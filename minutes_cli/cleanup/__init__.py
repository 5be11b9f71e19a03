"""Cleanup stage: turn a reader's raw lines into clean lines of running text.

Order matters: page furniture goes first (it splits sentences and words),
then a site footer after the last item, tables of contents and signature
pages, then words hyphenated across lines are rejoined.
"""

from __future__ import annotations

from ..model import Line, RawDocument
from .furniture import remove_furniture
from .hyphenation import join_hyphenated
from .signatures import drop_signature_pages
from .toc import drop_table_of_contents
from .trailer import drop_site_footer


def clean(raw: RawDocument) -> tuple[list[Line], list[str]]:
    """Clean lines of running text, and the furniture lines that were removed."""
    lines, furniture = remove_furniture(list(raw.lines))
    lines, footer = drop_site_footer(lines)
    lines = drop_signature_pages(drop_table_of_contents(lines))
    return join_hyphenated(lines), furniture + footer


__all__ = ["clean"]
