"""Segmentation stage: paragraphs, then the meeting header and items, then each item's sections."""

from __future__ import annotations

from .headings import heading_kind, is_caps_heading, is_known_heading, known_heading_kind
from .items import RawItem, Segmented, split_items
from .meetings import split_meetings
from .paragraphs import to_paragraphs
from .sections import RawSection, split_sections

__all__ = ["RawItem", "RawSection", "Segmented", "heading_kind", "is_caps_heading", "is_known_heading",
           "known_heading_kind", "split_items", "split_meetings", "split_sections", "to_paragraphs"]
