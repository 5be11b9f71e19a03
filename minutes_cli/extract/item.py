"""Build one `Item` from a segmented item: every field of SCHEMA.md."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Amount, Item, Section
from ..segment import RawItem, RawSection, split_sections
from ..vocabulary import SIGNATURE_HEADINGS, normalise_label
from .amounts import find_section_amounts
from .attachments import find_attachments
from .case_numbers import find_case_numbers, find_case_officer
from .decision import find_decision
from .recommendation import find_recommendation


@dataclass(frozen=True)
class ItemResult:
    """The item and the names its decision reported absent."""

    item: Item
    absent: tuple[str, ...]
    decided_on: str | None = None  # date of the decision heading, for documents without a header


def _pages(raw: RawItem) -> tuple[int, int] | None:
    pages = [line.page for block in ((raw.heading,) if raw.heading else ()) + raw.blocks
             for line in block.lines if line.page is not None]
    return (min(pages), max(pages)) if pages else None


def _amounts(sections: list[RawSection]) -> tuple[Amount, ...]:
    found: list[Amount] = []
    for section in sections:
        if section.kind == "attachments":
            continue  # an attachment's title ("Tilskud på 90 mio. kr.") names a document, not a sum of this item
        found += find_section_amounts(section.title, section.blocks)
    return tuple(found)


def is_signature_sheet(title: str) -> bool:
    """True for an item that is the page members sign ("Underskriftsark", "Underskrifter"): it
    records no decision, whatever approving words its printed form holds."""
    return normalise_label(title) in SIGNATURE_HEADINGS


def build_item(raw: RawItem, meeting_date: str | None, free_headings: bool) -> ItemResult:
    """Every field of one item."""
    sections = split_sections(raw.blocks, free_headings)
    decision = find_decision(sections, meeting_date, raw.closed, raw.title)
    if is_signature_sheet(raw.title):
        decision = replace(decision, decision=None)
    item = Item(
        number=raw.number,
        title=raw.title,
        closed=raw.closed,
        case_numbers=find_case_numbers(raw.title_case, raw.heading, raw.blocks),
        case_officer=find_case_officer(raw.blocks),
        recommendation=find_recommendation(sections),
        decision=decision.decision,
        attachments=find_attachments(sections),
        amounts=_amounts(sections),
        # the heading's text and the paragraphs joined as RawSection.title and .text give them
        sections=tuple([Section(s.heading.text if s.heading else None, "\n".join([b.text for b in s.blocks]))
                        for s in sections if s.blocks or (s.heading and s.heading.text)]),
        pages=_pages(raw),
    )
    return ItemResult(item, decision.absent, decision.date)
