"""Split an item's paragraphs into sections under its own headings."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Block
from ..patterns import INLINE_LABEL_RE, LABEL_MAX_CHARS, PART_HEADING_RE, PART_INITIALS, SUBITEM_RE
from .headings import HeadingKind, heading_kind, is_known_heading


class RawSection(NamedTuple):
    """A heading (None for text before the first heading) and the paragraphs under it.

    A named tuple, like the lines and paragraphs it holds: items have many sections.
    """

    heading: Block | None
    kind: HeadingKind | None
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        """The heading's text, if any."""
        return self.heading.text if self.heading else None

    @property
    def text(self) -> str:
        """The section's paragraphs joined by newlines."""
        return "\n".join([block.text for block in self.blocks])


def _split_inline_labels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """"Referat: Alle skal …" becomes a heading paragraph "Referat:" and a body paragraph "Alle skal …"."""
    # a paragraph's text starts with its first line's: most paragraphs have no colon near their
    # start, and most that have one ("Sagsnr.: …") are no heading; the others are copied as they are
    split: dict[int, tuple[Block, Block]] = {}
    for index in [index for index, block in enumerate(blocks) if block.text.find(":", 0, LABEL_MAX_CHARS + 1) >= 0]:
        block = blocks[index]
        first = block.lines[0]
        match = INLINE_LABEL_RE.match(first.text) if first.text.find(":", 0, LABEL_MAX_CHARS + 1) >= 0 else None
        if match and is_known_heading(match.group("label") + ":"):
            label = first._replace(text=match.group("label") + ":")
            rest = first._replace(text=match.group("rest"), gap_before=False)
            split[index] = (Block.of((label,)), Block.of((rest,) + block.lines[1:]))
    if not split:
        return tuple(blocks)
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index in split:
            out += split[index]
        else:
            out.append(block)
    return tuple(out)


def _is_part_or_subitem(text: str) -> bool:
    first = text[:1]
    if first.isdigit():
        return bool(SUBITEM_RE.match(text))
    return first in PART_INITIALS and bool(PART_HEADING_RE.match(text))


def split_sections(blocks: tuple[Block, ...], free_headings: bool) -> list[RawSection]:
    """Sections of an item body, in order; text before the first heading is a section with no heading."""
    blocks = _split_inline_labels(blocks)
    # a sub-item ("1.2 Status på udviklingsønsker") or the start of the open/closed part of an agenda
    # ("Lukkede sager") ends the section before it; checked first, since a part heading set as a
    # heading would otherwise be a free heading, which needs text after it
    kinds = [("body" if _is_part_or_subitem(block.text) else heading_kind(block, free_headings)) for block in blocks]
    last = len(kinds) - 1
    sections: list[RawSection] = []
    heading: Block | None = None
    kind: HeadingKind | None = None
    current: list[Block] = []
    listing = False
    # one pass: each block's kind is settled from the guesses around it, then it opens a section or joins one
    for position, block in enumerate(blocks):
        found = kinds[position]
        if found == "free" and (position == last or kinds[position + 1] is not None):
            found = None  # a free heading needs body text after it, else it is a short line of text
        elif found in ("free", "attachments") and kind == "attachments" and not current \
                and not block.lines[0].heading:
            # the first short line under "Bilag" in a text export is an attachment's title, also when
            # it starts with the word ("Bilag til budgetopfølgning (77 KB)")
            found = None
        # under a Bilag heading set in a heading font, a plain line named like a heading
        # ("Indstilling") is an attachment's title, not the end of the list
        if found == "attachments":
            listing = block.lines[0].heading
        elif found in ("recommendation", "body") and listing and not block.lines[0].heading:
            found = None
        elif found is not None:
            listing = False
        if not found and block.lines[0].section_break and (heading is not None or current):
            sections.append(RawSection(heading, kind, tuple(current)))
            heading, kind, current = None, None, [block]
        elif found:
            if heading is not None or current:
                sections.append(RawSection(heading, kind, tuple(current)))
            heading, kind, current = block, found, []
        else:
            current.append(block)
    if heading is not None or current:
        sections.append(RawSection(heading, kind, tuple(current)))
    if sections and not sections[-1].blocks and sections[-1].heading is not None \
            and PART_HEADING_RE.match(sections[-1].heading.text):
        # the agenda's next part starts after the item's last section: it heads the items after it
        # (they are closed or open by it), not a section of this one
        sections.pop()
    return sections
