"""Extraction stage: from segmented paragraphs to the meeting and its items."""

from __future__ import annotations

from .amounts import find_amounts, parse_number
from .attachments import find_attachments
from .case_numbers import find_case_numbers, find_case_officer
from .dates import find_date, find_time
from .decision import classify_outcome, find_decision
from .item import ItemResult, build_item
from .meeting import guess_municipality, read_header
from .recommendation import find_recommendation

__all__ = [
    "ItemResult", "build_item", "classify_outcome", "find_amounts", "find_attachments", "find_case_numbers",
    "find_case_officer", "find_date", "find_decision", "find_recommendation", "find_time", "guess_municipality",
    "parse_number", "read_header",
]
