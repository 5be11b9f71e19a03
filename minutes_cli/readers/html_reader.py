"""Read HTML pages into lines, using the page's structure.

Scripts, styles, navigation and cookie banners are dropped; headings become
lines with the `heading` hint; block elements (p, li, tr, div) start new
lines; paragraphs and headings start new paragraphs. The declared charset is
honoured (bs4 reads the meta tag), falling back to UTF-8.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from ..cleanup.characters import normalise_characters
from ..errors import EmptyInput
from ..model import Line, RawDocument

# Elements that never hold meeting text.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form", "button",
             "iframe", "select", "input", "meta", "link", "head")

# id/class words of page chrome: cookie banners, menus, breadcrumbs, modals.
CHROME_WORDS = ("cookie", "consent", "navbar", "breadcrumb", "menu", "skip-link", "sr-only", "visually-hidden",
                "modal", "offcanvas", "footer", "site-header")

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = HEADING_TAGS + ("p", "div", "li", "tr", "br", "table", "ul", "ol", "section", "article", "dd", "dt",
                             "blockquote", "pre", "td", "th", "caption")
PARAGRAPH_TAGS = HEADING_TAGS + ("p", "table", "ul", "ol", "section", "article", "blockquote", "pre", "tr")


def _is_chrome(tag: Tag) -> bool:
    attrs = getattr(tag, "attrs", None)
    if not attrs:
        return False
    words = " ".join([str(attrs.get("id") or "")] + [str(c) for c in attrs.get("class") or []]).lower()
    return any(word in words for word in CHROME_WORDS) or attrs.get("aria-hidden") == "true"


class _LineCollector:
    """Walks the tree and gathers text into lines, one per block element."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.heading = False
        self.gap = True

    def flush(self) -> None:
        text = " ".join(normalise_characters("".join(self.parts)).split())
        if text:
            self.lines.append(Line(text, None, heading=self.heading, gap_before=self.gap))
            self.gap = False
        self.parts = []
        self.heading = False

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # skip comments, CDATA, doctype
                    self.parts.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in DROP_TAGS or _is_chrome(child):
                continue
            if child.name in BLOCK_TAGS:
                self.flush()
                if child.name in PARAGRAPH_TAGS:
                    self.gap = True
                self.heading = child.name in HEADING_TAGS
                self.walk(child)
                self.flush()
                if child.name in PARAGRAPH_TAGS:
                    self.gap = True
            else:
                self.walk(child)


def read_html(data: bytes, path: str) -> RawDocument:
    """An HTML page's text lines, headings marked."""
    soup = BeautifulSoup(data, "lxml")
    body = soup.body or soup
    collector = _LineCollector()
    collector.walk(body)
    collector.flush()
    if not collector.lines:
        raise EmptyInput(path, "the HTML page has no visible text")
    return RawDocument(tuple(collector.lines), "html", None, ())
