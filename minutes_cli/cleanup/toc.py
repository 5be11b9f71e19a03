"""Drop tables of contents: dot-leader lines ("Meddelelser.....3") and their headings."""

from __future__ import annotations

from ..model import Line
from ..patterns import TOC_HEADING_RE, TOC_LINE_RE


def drop_table_of_contents(lines: list[Line]) -> list[Line]:
    """Lines without TOC entries; a TOC entry wrapped over two lines goes with its second line."""
    keep = [True] * len(lines)
    for index, line in enumerate(lines):
        text = line.text.strip()
        if TOC_HEADING_RE.match(text):
            keep[index] = False
        elif TOC_LINE_RE.search(text):
            keep[index] = False
            # a long entry wraps: "715. Kulturkommune 2017. Politiske" / "fokusområder.....2"
            if index and keep[index - 1] and not lines[index].gap_before and not TOC_LINE_RE.search(
                    lines[index - 1].text) and _is_toc_start(lines, index - 1):
                keep[index - 1] = False
    return [line for line, k in zip(lines, keep) if k]


def _is_toc_start(lines: list[Line], index: int) -> bool:
    """The line before a dot-leader line belongs to the entry if it follows another TOC line."""
    return index > 0 and not keep_text(lines[index - 1].text)


def keep_text(text: str) -> bool:
    """True for lines that are not TOC entries or TOC headings."""
    stripped = text.strip()
    return not (TOC_HEADING_RE.match(stripped) or TOC_LINE_RE.search(stripped))
