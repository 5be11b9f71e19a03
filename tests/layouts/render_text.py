"""Write a generated meeting as a plain-text export, the way an agenda system's text export reads.

Headings stand on their own lines (in capitals when the template says so),
paragraphs are separated by blank lines, numbered lists keep "1. " and bullets
"- ", table rows become tab-separated cells, recommendation points and
attachments one per line. Templates may wrap long lines at a fixed width (so a
wrapped line can start with "25. september 2012" or "2018") and cut the text
into pages separated by form feeds, each with a running header and a footer
"Side N af M".
"""

from __future__ import annotations

import textwrap

from . import templates as t
from .meeting import Block, Item, ListBlock, Meeting, Paragraph, TableBlock
from .templates import Template

# A line in the unwrapped export: (text, wrappable). Headings and labels are never wrapped.
Line = tuple[str, bool]
BLANK: Line = ("", False)


def _block(block: Block) -> list[Line]:
    if isinstance(block, Paragraph):
        return [(block.text, True), BLANK]
    if isinstance(block, ListBlock):
        markers = [f"{n}. " if block.ordered else "- " for n in range(1, len(block.entries) + 1)]
        return [(m + e, True) for m, e in zip(markers, block.entries, strict=True)] + [BLANK]
    assert isinstance(block, TableBlock)
    return [("\t".join(block.header), False)] + [("\t".join(row), False) for row in block.rows] + [BLANK]


def item_lines(template: Template, item: Item) -> list[Line]:
    """The export of one item: heading (or table row), case number, sections, indstilling, beslutning, bilag."""
    lines: list[Line] = []
    if template.item_style == "table":
        title = item.title + (" (Lukket punkt)" if item.closed and template.closed_marker == "paren" else "")
        lines.append((f"{item.number}\t{title}\t{item.case_numbers[0] if item.case_numbers else ''}", False))
    else:
        lines.append((t.item_heading(template, item), False))
    lines.append(BLANK)
    if item.closed and template.closed_marker == "line":
        lines += [("Lukket punkt", False), BLANK]
    lines += [(c, False) for c in t.case_lines(template, item)]
    if item.officer:
        lines.append((f"Sagsbehandler: {item.officer}", False))
    if lines[-1] != BLANK:
        lines.append(BLANK)
    for section in item.sections:
        lines += [(t.section_heading(template, section.heading), False), BLANK]
        for block in section.blocks:
            lines += _block(block)
    rec = item.recommendation
    if rec is not None:
        lines += [(t.section_heading(template, template.recommendation_heading), False), BLANK, (rec.intro, True)]
        lines += [(p, True) for p in t.recommendation_points(template, rec.points)]
        lines.append(BLANK)
    if item.decision is not None:
        lines += [(t.section_heading(template, template.decision_heading), False), BLANK,
                  (item.decision.text, True), BLANK]
    if item.attachments:
        lines += [(t.section_heading(template, template.attachment_heading), False), BLANK]
        attachment_lines = t.attachment_lines(template, item.attachments)
        if template.attachment_style == "links":
            attachment_lines = [f"- {line}" for line in attachment_lines]
        lines += [(line, False) for line in attachment_lines]
        lines.append(BLANK)
    return lines


def _header(template: Template, meeting: Meeting) -> list[Line]:
    lines: list[Line] = []
    for role, text in t.header_lines(template, meeting):
        lines.append((text.replace("\t", ": ") if role == "fact" else text, False))
        if role in ("h1", "h2"):
            lines.append(BLANK)
    return lines + [BLANK]


def _wrap(lines: list[Line], width: int | None) -> list[str]:
    out: list[str] = []
    for text, wrappable in lines:
        if wrappable and width and len(text) > width:
            out.extend(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))
        else:
            out.append(text)
    return out


def _paginate(template: Template, meeting: Meeting, lines: list[str]) -> list[str]:
    """Pages of `template.page_lines` lines joined by form feeds, with running header and footer."""
    size = template.page_lines
    if not size:
        return lines
    pages = [lines[i:i + size] for i in range(0, len(lines), size)]
    running = f"{meeting.committee} – {t.header_date(template, meeting)}"
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        if number > 1:
            out.append("\f" + (running if template.running_header else ""))
            out.append("")
        out.extend(page)
        out += ["", f"Side {number} af {len(pages)}"]
    return out


def render_text(meeting: Meeting, template: Template) -> str:
    """The whole text export of the meeting."""
    lines = _header(template, meeting)
    if template.toc:
        lines += [("Indholdsfortegnelse", False), BLANK]
        lines += [(line, False) for line in t.toc_lines(template, meeting)] + [BLANK]
    if template.item_style == "table":
        lines += [("Nr.\tTitel\tSagsnr.", False), BLANK]  # the page's table head, once
    for item in meeting.items:
        lines += item_lines(template, item)
    return "\n".join(_paginate(template, meeting, _wrap(lines, template.wrap_width))) + "\n"
