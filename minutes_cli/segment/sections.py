"""Split an item's paragraphs into sections under its own headings."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Block
from .headings import HeadingKind, heading_kind


@dataclass(frozen=True)
class RawSection:
    """A heading (None for text before the first heading) and the paragraphs under it."""

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
        return "\n".join(block.text for block in self.blocks)


def split_sections(blocks: tuple[Block, ...], free_headings: bool) -> list[RawSection]:
    """Sections of an item body, in order; text before the first heading is a section with no heading."""
    kinds = [heading_kind(block, free_headings) for block in blocks]
    # a free heading needs body text after it, else it is a short line of text
    for position, kind in enumerate(kinds):
        if kind == "free" and (position + 1 >= len(kinds) or kinds[position + 1] is not None):
            kinds[position] = None
    # under a Bilag heading set in a heading font, a plain line named like a heading
    # ("Indstilling") is an attachment's title, not the end of the list
    listing = False
    for position, (block, kind) in enumerate(zip(blocks, kinds)):
        if kind == "attachments":
            listing = block.lines[0].heading
        elif kind in ("recommendation", "body") and listing and not block.lines[0].heading:
            kinds[position] = None
        elif kind is not None:
            listing = False
    sections: list[RawSection] = []
    heading: Block | None = None
    kind: HeadingKind | None = None
    current: list[Block] = []
    for block, found in zip(blocks, kinds):
        if found:
            if heading is not None or current:
                sections.append(RawSection(heading, kind, tuple(current)))
            heading, kind, current = block, found, []
        else:
            current.append(block)
    if heading is not None or current:
        sections.append(RawSection(heading, kind, tuple(current)))
    return sections
