"""A plain-text export of any HTML page, the way a browser's "save as text" writes it.

Used for the cross-format test on the HTML fixtures, whose meetings exist only
as pages (the generated meetings have their own text renderer). The rules
follow a browser's text serialiser: scripts, styles and the head are dropped;
headings, paragraphs and other blocks stand on their own lines, with a blank
line after headings and paragraphs; <br> breaks a line; list items start with
"1. " in an <ol> (respecting `start`) and "- " in a <ul>; the cells of a table
row are joined by tabs; runs of spaces inside a line collapse to one.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import Comment, Doctype, NavigableString, ProcessingInstruction, Tag

DROPPED = frozenset({"script", "style", "head", "noscript", "template", "svg", "button", "select", "input"})
"""Elements whose text a reader never sees as part of the page."""

BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
                    "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "li",
                    "main", "nav", "ol", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "ul",
                    "caption"})
"""Elements that start and end a line."""

SPACED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
"""Blocks followed by a blank line."""

SPACES_RE = re.compile(r"""
    [ \t\r\n\f\v]+     # a run of ASCII whitespace inside a line: "a \n  b" -> "a b"
""", re.VERBOSE)
BLANK_LINES_RE = re.compile(r"""
    \n{3,}             # more than one blank line in a row: kept as one
""", re.VERBOSE)


class _Writer:
    """Collects lines; `text` is added to the current line, `newline`/`blank` end it."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]

    def text(self, value: str) -> None:
        value = SPACES_RE.sub(" ", value)
        if not self.lines[-1]:
            value = value.lstrip()
        elif self.lines[-1].endswith((" ", "\t")):
            value = value.lstrip(" ")
        self.lines[-1] += value

    def newline(self) -> None:
        self.lines[-1] = self.lines[-1].rstrip(" ")
        if self.lines[-1]:
            self.lines.append("")

    def blank(self) -> None:
        self.newline()
        if len(self.lines) < 2 or self.lines[-2] != "":
            self.lines.append("")


def _walk(node: Tag, out: _Writer) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            out.text(str(child))
            continue
        if not isinstance(child, Tag) or child.name in DROPPED:
            continue
        name = child.name
        if name == "br":
            out.newline()
        elif name == "tr":
            out.newline()
            cells = child.find_all(["td", "th"], recursive=False)
            for index, cell in enumerate(cells):
                if index:
                    out.lines[-1] = out.lines[-1].rstrip(" ") + "\t"
                _walk(cell, out)
            out.newline()
        elif name == "li":
            out.newline()
            out.text(_marker(child))
            _walk(child, out)
            out.newline()
        elif name in SPACED:
            out.blank()
            _walk(child, out)
            out.blank()
        elif name in BLOCKS:
            out.newline()
            _walk(child, out)
            out.newline()
        else:
            _walk(child, out)


def _marker(item: Tag) -> str:
    parent = item.parent
    if isinstance(parent, Tag) and parent.name == "ol":
        start = int(str(parent.get("start") or 1)) if str(parent.get("start") or "1").isdigit() else 1
        index = list(parent.find_all("li", recursive=False)).index(item)
        return f"{start + index}. "
    return "- "


def html_to_text(html: str) -> str:
    """The page as a plain-text export (see the module docstring)."""
    soup = BeautifulSoup(html, "html.parser")
    out = _Writer()
    _walk(soup, out)
    text = "\n".join(line.rstrip() for line in out.lines)
    return BLANK_LINES_RE.sub("\n\n", text).strip() + "\n"
