"""What every reader of a publishing system's XML export shares.

A safe parser (these files come from elsewhere: no entity expansion, no network,
no DTD, lxml's size limits left on) and the few kinds of `Line` an export's stated
structure becomes:

- an item heading: the item's title with its stated number, case number and
  open/closed status in `item`, `case` and `closed` (level 2);
- a field's caption ("Indstilling", "Beslutning", "SAGSFREMSTILLING") as a
  heading (level 3), and its HTML content as the lines the HTML reader makes of
  the same markup;
- the attachments: a "Bilag" heading and one list entry per attachment title.

Nothing is written back into text for a pattern to find again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ..cleanup.characters import normalise_characters
from ..errors import UnreadableDocument
from ..extract.dates import find_date
from ..model import Line, MeetingKind
from ..vocabulary import EMPTY_FIELD_WORDS, KIND_WORDS, normalise_label
from .html_reader import html_fragment_lines

# Heading levels of an export's structure: the item, then its fields.
ITEM_LEVEL = 2
FIELD_LEVEL = 3

# Captions of the fields the readers add from an export's own elements (its attachment list, a
# decision element), in the words a printed item uses for them.
ATTACHMENTS_CAPTION = "Bilag"
DECISION_CAPTION = "Beslutning"
ATTACHMENT_MARKER = "•"

# A character reference to a control character that XML 1.0 forbids: "&#xC;" (eDoc writes a
# form feed for each page break of its full text), "&#12;". lxml refuses the whole file for
# one; the reader reads it as a space, as the text reader reads a form feed.
_FORBIDDEN_CHAR_REF_RE = re.compile(rb"&#(?:[xX]0*(?P<hex>[0-9a-fA-F]{1,2})|0*(?P<dec>\d{1,2}));")
_ALLOWED_CONTROLS = frozenset({9, 10, 13})


def _control_reference_as_space(match: re.Match[bytes]) -> bytes:
    code = int(match.group("hex"), 16) if match.group("hex") else int(match.group("dec"))
    return b" " if code < 32 and code not in _ALLOWED_CONTROLS else match.group(0)


def _parser() -> etree.XMLParser:
    # resolve_entities=False: an entity is never expanded ("billion laughs"); no_network and
    # load_dtd=False: nothing is fetched; huge_tree=False keeps libxml2's depth and size limits
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, path: str) -> etree._Element:
    """The root element of an XML file; `UnreadableDocument` when it is not well-formed."""
    if b"&#" in data:
        data = _FORBIDDEN_CHAR_REF_RE.sub(_control_reference_as_space, data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        reason = " ".join(str(error.msg or error).split())
        raise UnreadableDocument(path, f"the XML is not well-formed ({reason})",
                                 "check that the export was copied completely") from error
    if root is None:
        raise UnreadableDocument(path, "the XML has no root element")
    return root


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace: "{http://…}Title" -> "Title"."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def clean(text: str | None) -> str:
    """Text of a stated value with whitespace collapsed; "" for none."""
    return " ".join(normalise_characters(text or "").split())


# The clock time of a stated timestamp: "13:00:00" in "04-12-2012 13:00:00", "10:30" in "2013-06-20 10:30".
_STATED_TIME_RE = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:])")


def stated_date(text: str | None) -> tuple[str | None, str | None]:
    """ISO date and HH:MM time of a stated timestamp ("04-12-2012 13:00:00", "2013-06-20 10:30")."""
    value = clean(text)
    time = _STATED_TIME_RE.search(value)
    return find_date(value), f"{int(time.group('h')):02d}:{time.group('m')}" if time else None


def stated_kind(*texts: str | None) -> MeetingKind | None:
    """Agenda or minutes from a stated document type ("Referat endeligt godkendt", "Dagsorden")."""
    for text in texts:
        words = clean(text).lower()
        for word, kind in KIND_WORDS:
            if word in words:
                return "minutes" if kind == "minutes" else "agenda"
    return None


def item_heading(number: str | None, title: str, case: str | None = None, closed: bool | None = None) -> Line:
    """The heading line of an item whose number, case number and status the export states.

    An item the export lists without a number still starts an item: its `item` is "" (stated, unnumbered).
    """
    return Line(clean(title) or f"Punkt {clean(number)}".strip(), heading=True, level=ITEM_LEVEL, gap_before=True,
                item=clean(number), case=clean(case) or None, closed=closed)


def caption_line(caption: str) -> Line | None:
    """A field's caption as a heading line; None for a field without one."""
    text = clean(caption)
    return Line(text, heading=True, level=FIELD_LEVEL, gap_before=True) if text else None


def _is_placeholder(lines: list[Line]) -> bool:
    """A field whose only text says it is empty ("Tomt indhold")."""
    return len(lines) == 1 and normalise_label(lines[0].text) in EMPTY_FIELD_WORDS


def html_field(caption: str, html: str | None) -> list[Line]:
    """A field: its caption as a heading, its HTML content as lines; nothing when it is empty."""
    content = html_fragment_lines(html) if html and html.strip() else []
    if not content or _is_placeholder(content):
        return []
    heading = caption_line(caption)
    return ([heading] if heading else []) + content


def attachment_lines(titles: Iterable[str]) -> list[Line]:
    """A "Bilag" heading and one list entry per attachment title; nothing when there are none."""
    entries = [Line(title, gap_before=True, list_marker=ATTACHMENT_MARKER) for t in titles if (title := clean(t))]
    if not entries:
        return []
    return [Line(ATTACHMENTS_CAPTION, heading=True, level=FIELD_LEVEL, gap_before=True)] + entries


__all__ = [
    "ATTACHMENTS_CAPTION",
    "DECISION_CAPTION",
    "attachment_lines",
    "caption_line",
    "clean",
    "html_field",
    "item_heading",
    "local_name",
    "parse_xml",
    "stated_date",
    "stated_kind",
]
