"""Read HTML pages into lines, using the page's structure.

Scripts, styles, navigation, menus, modals and cookie banners are dropped;
headings become lines with the `heading` hint; block elements start new
lines and paragraphs; a table row becomes one line with its cells side by
side ("Udvalg: Teknisk Udvalg"); list entries get a bullet so that lists stay
lists. Publishing systems whose item markup we know (`ITEM_LAYOUTS`) have
each item turned into the plain form the segmenter reads everywhere
("Punkt 3: Title" and "Sagsnr.: EMN-2025-009242"), so their rows are
recognised without guessing. A declared charset is honoured when the bytes
decode with it; otherwise the encoding is found as for text (`encoding.py`),
with a warning when it is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from ..cleanup.characters import normalise_characters
from ..errors import EmptyInput, UnreadableDocument
from ..lazy_patterns import lazy_regex
from ..model import Line, RawDocument, Warning
from ..patterns import LIST_MARKER_RE
from ..vocabulary import names_a_section
from .encoding import bom_encoding, decode
from .item_tables import follows, item_columns, row_number


@dataclass(frozen=True)
class ItemLayout:
    """CSS selectors that pick out items in one publishing system's HTML."""

    system: str
    row: str  # one element per item
    title: str
    number: str | None = None
    case: str | None = None


# Known item markup, as data. Add a system here rather than code.
ITEM_LAYOUTS: tuple[ItemLayout, ...] = (
    # FirstAgenda publication web (Aarhus): <tr class="punktrow"> with a number label,
    # <h2 class="overskrift"> title and <span class="sagsnummer">.
    ItemLayout("FirstAgenda", row="tr.punktrow", title=".overskrift", number="span.label:not(.pdf-label)",
               case="span.sagsnummer"),
)

# Elements that never hold meeting text.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "button", "iframe",
             "select", "input", "textarea", "meta", "link", "head", "object", "embed")

# Selectors of page chrome inside the content: file-type badges, menus, modals, counters.
DROP_SELECTORS = (".pdf-label", ".dropdown", ".dropdown-menu", ".modal", ".lydfiler-og-bilag", ".fil-ikon",
                  ".expand", ".spinner", "[role=dialog]", "[aria-hidden=true]", ".sr-only", ".visually-hidden",
                  "#cookie-banner", ".cookie", ".cookies", ".breadcrumb", ".tilbage-wrapper")

# id/class words of page chrome not caught by a selector.
CHROME_WORDS = ("cookie", "consent", "navbar", "topbar", "breadcrumb", "skip-link", "offcanvas", "site-header",
                "site-footer")

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = HEADING_TAGS + ("p", "div", "li", "tr", "br", "table", "ul", "ol", "section", "article", "dd", "dt",
                             "blockquote", "pre", "caption", "header", "main", "dl", "hr")
PARAGRAPH_TAGS = HEADING_TAGS + ("p", "table", "ul", "ol", "section", "article", "blockquote", "pre", "dl", "hr")
CELL_TAGS = ("td", "th")
BULLET = "• "


def _is_chrome(tag: Tag) -> bool:
    attrs = getattr(tag, "attrs", None)
    if not attrs:
        return False
    words = " ".join([str(attrs.get("id") or "")] + [str(c) for c in attrs.get("class") or []]).lower()
    return any(word in words for word in CHROME_WORDS)


# Markup that sets its text in bold: a paragraph all inside these is a heading by its form.
BOLD_TAGS = ("strong", "b")

# A bold paragraph longer than this, or ending a sentence, is emphasised text, not a heading.
MAX_BOLD_HEADING_CHARS = 90
SENTENCE_ENDS = (".", ",", ";", "!", "?")

# A declaration that sets text in bold: "font-weight: bold", "font-weight:700".
BOLD_STYLE_RE = lazy_regex(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", regex.I)
# A style rule: its selectors and its declarations.
STYLE_RULE_RE = lazy_regex(r"(?P<selectors>[^{}]+)\{(?P<body>[^{}]*)\}")
# A selector that names one class, alone or on a tag: ".FieldCaption", "div.FieldCaption".
CLASS_SELECTOR_RE = lazy_regex(r"^\s*[a-z0-9]*\.(?P<name>[\w-]+)\s*$", regex.I)


def _bold_classes(soup: BeautifulSoup) -> frozenset[str]:
    """Classes the page's own stylesheet sets in bold (SBSYS prints its field captions so)."""
    names: set[str] = set()
    for style in soup.find_all("style"):
        for rule in STYLE_RULE_RE.finditer(style.get_text()):
            if BOLD_STYLE_RE.search(rule.group("body")):
                names.update(m.group("name") for selector in rule.group("selectors").split(",")
                             if (m := CLASS_SELECTOR_RE.match(selector)))
    return frozenset(names)


# The heading level given to an item heading a known layout or item table states.
ITEM_LEVEL = 2

# Attributes by which the soup carries what an item table states to the line collector.
STATED_ITEM_ATTR = "data-minutes-item-number"
STATED_CASE_ATTR = "data-minutes-case"


class _LineCollector:
    """Walks the tree and gathers text into lines, one per block element.

    Each line carries what the markup says about it (`Line`): heading and level
    (h1–h6, or a paragraph all in bold), list marker (<li>), table cell
    (table, row, first column of a row's line) and the items a layout states.
    """

    def __init__(self, layout: ItemLayout | None, bold_classes: frozenset[str] = frozenset()) -> None:
        self.layout = layout
        self.bold_classes = bold_classes
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.bold_parts: list[bool] = []  # per part: set in bold
        self.bold_depth = 0
        self.level: int | None = None
        self.list_marker: str | None = None
        # the marker of a list entry whose content starts with a block (<li><h3>…</h3>, <li><p>…</p>):
        # it goes to the first line inside the entry instead of standing as a line of its own
        self.entry_marker: str | None = None
        self.open_entry: str | None = None  # the list's marker for the entry being read ("•", "3.")
        self.cell: tuple[int, int, int] | None = None
        self.stated_item: str | None = None
        self.stated_case: str | None = None
        self.pending_break = False
        self.tables = -1
        self.rows: list[int] = []  # row counter of each open table, innermost last
        self.table_ids: list[int] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.bold_parts.append(self.bold_depth > 0)

    def _all_bold(self) -> bool:
        seen = False
        for text, bold in zip(self.parts, self.bold_parts, strict=True):
            if text.strip():
                if not bold:
                    return False
                seen = True
        return seen

    def flush(self) -> None:
        text = " ".join(normalise_characters("".join(self.parts)).split())
        if self.parts[:1] == [BULLET] and text == BULLET.strip() and self.open_entry is not None:
            # a list entry whose content starts with a block: its marker waits for the first line inside
            self.parts, self.bold_parts = [], []
            self.entry_marker = self.open_entry
            return
        if text and self.entry_marker is not None:
            if self.level is None:
                text = BULLET + text  # list entries read "• …" in the text, as a browser shows them
            self.list_marker, self.entry_marker = self.entry_marker, None
        if text:
            level = self.level
            bold = self._all_bold()
            heading = level is not None or self.stated_item is not None
            if not heading and bold and self.list_marker is None and self.cell is None \
                    and len(text) <= MAX_BOLD_HEADING_CHARS and not text.endswith(SENTENCE_ENDS):
                heading = True  # a paragraph all in bold is a heading by its form, known word or not
            # HTML has no soft line wraps: every line it shows is a paragraph of its own
            self.lines.append(Line(text, None, heading=heading, gap_before=True,
                                   section_break=self.pending_break and not heading, level=level,
                                   bold=bold, list_marker=self.list_marker, cell=self.cell,
                                   item=self.stated_item, case=self.stated_case))
            self.pending_break = False
        elif self.level is not None or self.parts == ["<hr>"]:
            self.pending_break = True  # an empty heading still ends the section above it
        self.parts = []
        self.bold_parts = []
        self.level = None
        self.list_marker = None
        self.stated_item = None
        self.stated_case = None

    def item(self, row: Tag, layout: ItemLayout) -> None:
        """An item row: its title as a line stating the item, then the rest of its content."""
        def take(selector: str | None) -> str:
            found = row.select_one(selector) if selector else None
            if found is None:
                return ""
            text = " ".join(found.get_text(" ").split())
            found.decompose()
            return text
        number, title, case = take(layout.number), take(layout.title), take(layout.case)
        self.flush()
        self.level, self.stated_item, self.stated_case = ITEM_LEVEL, number.rstrip(".") if number else "", case or None
        self.add(title)
        self.flush()
        self.walk(row)
        self.flush()

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # skip comments, CDATA, doctype
                    self.add(str(child))
                continue
            if not isinstance(child, Tag) or child.name in DROP_TAGS or _is_chrome(child):
                continue
            name = child.name
            if self.layout is not None and child.get("data-minutes-item") == "1":
                self.flush()
                self.item(child, self.layout)
            elif name in CELL_TAGS:
                self.add(" ")
                self.walk(child)
                self.add(" ")
            elif name == "table":
                self.flush()
                self.tables += 1
                self.table_ids.append(self.tables)
                self.rows.append(-1)
                self.walk(child)
                self.flush()
                self.table_ids.pop()
                self.rows.pop()
            elif name == "tr" and self.rows:
                self.flush()
                self.rows[-1] += 1
                outer = self.cell
                self.cell = (self.table_ids[-1], self.rows[-1], 0)
                label = _section_label_cell(child)
                if label is not None:
                    # "Beslutning | Godkendt.": the label cell is the section's heading, the other its text
                    self.walk(label)
                    self.level = self.level or LABEL_CELL_LEVEL
                    self.flush()
                    label.decompose()
                self.walk(child)
                self.flush()
                self.cell = outer
            elif name in BLOCK_TAGS:
                self.flush()
                if name in HEADING_TAGS:
                    self.level = int(name[1])
                    if child.get(STATED_ITEM_ATTR) is not None:
                        self.stated_item = str(child.get(STATED_ITEM_ATTR))
                        self.stated_case = str(child.get(STATED_CASE_ATTR) or "") or None
                if name == "li":
                    self.add(BULLET)
                    self.open_entry, self.entry_marker = _entry_marker(child), None
                elif name == "hr":
                    self.parts, self.bold_parts = ["<hr>"], [False]
                bold = self._styled_bold(child)
                self.bold_depth += bold
                self.walk(child)
                self.bold_depth -= bold
                if name == "li":
                    self._end_entry(_entry_marker(child))
                self.flush()
            elif name in BOLD_TAGS or self._styled_bold(child):
                self.bold_depth += 1
                self.walk(child)
                self.bold_depth -= 1
            else:
                self.walk(child)

    def _end_entry(self, marker: str) -> None:
        """Give the list entry ending now its marker: its own ("1.", "a)") or the list's (`marker`)."""
        self.open_entry, self.entry_marker = None, None
        if self.parts[:1] != [BULLET]:
            return  # the entry began with a block, whose first line took the marker
        entry = "".join(self.parts)[len(BULLET):].lstrip()
        own = LIST_MARKER_RE.match(entry)
        if not entry.strip():
            self.parts, self.bold_parts = [], []
        elif own:
            self.parts[0] = ""  # the entry has its own number or bullet
            self.list_marker = own.group(0).strip()
        else:
            self.list_marker = marker

    def _styled_bold(self, tag: Tag) -> bool:
        """True for an element its style sets in bold: a class the page's stylesheet makes bold, or an inline style."""
        style = tag.get("style")
        if style and BOLD_STYLE_RE.search(str(style)):
            return True
        classes = tag.get("class")
        return bool(classes and self.bold_classes and not self.bold_classes.isdisjoint(classes))


def _entry_marker(entry: Tag) -> str:
    """The marker a browser shows before a list entry: its number in an <ol> ("3.", after start= and
    value=), else a bullet."""
    parent = entry.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return BULLET.strip()
    number = _integer(parent.get("start"), 1)
    for sibling in parent.find_all("li", recursive=False):
        number = _integer(sibling.get("value"), number)
        if sibling is entry:
            return f"{number}."
        number += 1
    return BULLET.strip()


def _integer(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default


# The heading level a table's label cell gets ("Beslutning" beside its text): below the page's own headings.
LABEL_CELL_LEVEL = 6


def _section_label_cell(row: Tag) -> Tag | None:
    """The first cell of a two-cell row when it names a section of an item ("Beslutning", "Indstilling",
    "Bilag") and the other cell holds its text; None for any other row (facts "Udvalg: …", data)."""
    cells = _cells(row)
    if len(cells) != 2:
        return None
    if not names_a_section(" ".join(cells[0].get_text(" ").split())):
        return None
    return cells[0] if cells[1].get_text(" ").strip() else None


def _cells(row: Tag) -> list[Tag]:
    return [c for c in row.find_all(["td", "th"], recursive=False)]


def _mark_item_tables(soup: BeautifulSoup) -> None:
    """Rows of tables that list items (header "Nr. | Titel | Sagsnr.") become item headings.

    Each such row is replaced by the plain lines "Punkt N: Title" and "Sagsnr.: …",
    so the segmenter reads it like any other item start; the item's text follows
    in the rows or elements after it.
    """
    for table in soup.find_all("table"):
        # the table's own rows: a table inside an item's text (years and events) lists no items
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        for position, row in enumerate(rows):
            columns = item_columns([" ".join(c.get_text(" ").split()) for c in _cells(row)])
            if columns is None:
                continue
            row.decompose()
            previous: str | None = None
            for item_row in rows[position + 1:]:
                cells = [" ".join(c.get_text(" ").split()) for c in _cells(item_row)]
                number = row_number(cells, columns)
                if number is None or not follows(number, previous):
                    continue
                previous = number
                heading = soup.new_tag("h3")
                heading.string = cells[columns.title]
                heading[STATED_ITEM_ATTR] = number
                if columns.case is not None and columns.case < len(cells) and cells[columns.case]:
                    heading[STATED_CASE_ATTR] = cells[columns.case]
                item_row.replace_with(heading)
            break


def _layout(soup: BeautifulSoup) -> ItemLayout | None:
    """The first known item layout present in the page; its rows are marked for the walker.

    The column headers of the table that lists the items ("Punkt | Titel") go, as
    the header row of a generic item table does: they label the listing, they are
    no text of the meeting.
    """
    for layout in ITEM_LAYOUTS:
        rows = soup.select(layout.row)
        if rows:
            for row in rows:
                row["data-minutes-item"] = "1"
                table = row.find_parent("table")
                for thead in table.find_all("thead", recursive=False) if table else ():
                    thead.decompose()
            return layout
    return None


def _aside(soup: BeautifulSoup) -> tuple[str, ...]:
    """Texts that name the publisher without being part of the minutes: title, site name, logo, footer."""
    texts: list[str] = []
    if soup.title and soup.title.string:
        texts.append(str(soup.title.string))
    for meta in soup.find_all("meta", attrs={"property": "og:site_name"}):
        texts.append(str(meta.get("content") or ""))
    texts += [str(img.get("alt") or "") for img in soup.find_all("img")]
    texts += [footer.get_text(" ") for footer in soup.find_all("footer")]
    return tuple(" ".join(t.split()) for t in texts if t and t.strip())


# A charset declared in the page: <meta charset="utf-8">, <meta http-equiv="Content-Type"
# content="text/html; charset=windows-1252"> or <?xml version="1.0" encoding="iso-8859-1"?>
_DECLARED_CHARSET_RE = regex.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_.:-]+)""", regex.I)
# The declaration is looked for in the page's first bytes, as browsers do (the HTML standard says 1024).
CHARSET_SCAN_BYTES = 1024
# Browsers read a page declared latin-1 or ASCII as windows-1252 (the HTML standard's encoding table).
_BROWSER_CHARSETS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                     "ascii": "cp1252"}


def _decode_html(data: bytes, path: str) -> tuple[str, list[Warning]]:
    """The page as text: a byte-order mark, else a declared charset the bytes decode with, else a guess."""
    if bom_encoding(data) is None:
        declared = _DECLARED_CHARSET_RE.search(data[:CHARSET_SCAN_BYTES])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            try:
                return data.decode(_BROWSER_CHARSETS.get(name, name)), []
            except (LookupError, UnicodeDecodeError):
                pass  # an unknown name or a wrong one ("utf-8" on cp1252 bytes): not trustworthy
    return decode(data, path)


def _walk_depth_guarded(collector: _LineCollector, root: Tag, path: str) -> None:
    """Walk the tree; a page nested too deeply for the walk is one clear error, not a crash."""
    try:
        collector.walk(root)
    except RecursionError:
        raise UnreadableDocument(path, "the HTML is nested too deeply to read",
                                 "thousands of elements inside one another; is it a real page?") from None


def read_html(data: bytes, path: str) -> RawDocument:
    """An HTML page's text lines, headings marked, known item rows normalised."""
    text, warnings = _decode_html(data, path)
    soup = BeautifulSoup(text, "lxml")
    aside = _aside(soup)
    bold_classes = _bold_classes(soup)
    for selector in DROP_SELECTORS:
        for element in soup.select(selector):
            element.decompose()
    layout = _layout(soup)
    if layout is None:
        _mark_item_tables(soup)
    collector = _LineCollector(layout, bold_classes)
    _walk_depth_guarded(collector, soup.body or soup, path)
    collector.flush()
    if not collector.lines:
        raise EmptyInput(path, "the HTML page has no visible text")
    return RawDocument(tuple(collector.lines), "html", None, tuple(warnings), aside)


def html_fragment_lines(html: str) -> list[Line]:
    """The lines of an HTML fragment (a field of an export), collected as a page's body is.

    The readers of the publishing systems' XML exports hand each field's HTML content
    here, so a field reads exactly as the same markup on a web page would.
    """
    soup = BeautifulSoup(html, "lxml")
    collector = _LineCollector(None)
    collector.walk(soup.body or soup)
    collector.flush()
    return collector.lines
