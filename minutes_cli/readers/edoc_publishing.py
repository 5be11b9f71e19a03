"""eDoc's AgendaPublishing export (`eDocAgendaPublishing.xml`, root `<Meeting>`).

The export states the committee, the meeting date and state ("Referat endeligt
godkendt"), and per agenda type ("Åben dagsorden", "Lukket dagsorden") its items:
`AgendaItemNumber`, `Document/Title`, the attached documents, and `FullText`,
the item's text exactly as eDoc printed it (the PDF is made from it). The items
stand in the file in no particular order; the stated numbers order them.

The full text repeats the item's number and title on its first line (dropped:
the heading states both) and holds its own "Bilag" list as printed. The
`Attachment` records carry the titles the documents are filed under, which
can differ from the printed list ("…takstreduktion … 2013" for the printed
"…taksreduktioner …"); they are listed only for an item whose text prints no
Bilag list, so an attachment is never counted twice under two names.
"""

from __future__ import annotations

from lxml import etree

from ..model import Line, Meeting, RawDocument
from ..patterns import CLOSED_PART_RE
from ..segment.headings import known_heading_kind
from .text_reader import text_to_lines
from .xml_support import attachment_lines, clean, item_heading, stated_date, stated_kind


def is_edoc_publishing(root: etree._Element) -> bool:
    """True for eDoc's AgendaPublishing export: `<Meeting>` holding `<MeetingAgendaTypes>`."""
    return root.tag == "Meeting" and root.find("MeetingAgendaTypes") is not None


def _number_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def _without_repeated_heading(lines: list[Line], number: str, title: str) -> list[Line]:
    """The item's text without its first line(s) when they repeat "2.<tab>Title"."""
    heading = f"{number}. {clean(title)}".lower()
    seen = ""
    for count, line in enumerate(lines[:3], start=1):
        seen = f"{seen} {line.text}".strip().lower()
        if seen == heading:
            return lines[count:]
        if not heading.startswith(seen):
            break
    return lines


def _prints_attachments(lines: list[Line]) -> bool:
    return any(known_heading_kind(line.text) == "attachments" for line in lines)


def _item_lines(item: etree._Element, closed: bool) -> list[Line]:
    number = clean(item.findtext("AgendaItemNumber"))
    title = clean(item.findtext("Document/Title")) or clean(item.findtext("Document/NeutralTitle"))
    body = _without_repeated_heading(text_to_lines(item.findtext("FullText") or ""), number, title)
    lines = [item_heading(number, title, None, closed)] + body
    if not _prints_attachments(body):
        lines += attachment_lines(a.findtext("Title") or "" for a in item.iterfind("Document/Attachments/Attachment"))
    return lines


def read_edoc_publishing(root: etree._Element, path: str) -> RawDocument:
    """The lines of every item (agenda types in the export's order, items by number) and the meeting facts."""
    lines: list[Line] = []
    for agenda in root.iterfind("MeetingAgendaTypes/MeetingAgendaType"):
        closed = bool(CLOSED_PART_RE.match(clean(agenda.findtext("AgendaType"))))
        items = sorted(agenda.iterfind("MeetingAgendaItems/MeetingAgendaItem"),
                       key=lambda item: _number_key(clean(item.findtext("AgendaItemNumber"))))
        for item in items:
            lines += _item_lines(item, closed)
    date, time = stated_date(root.findtext("MeetingDate"))
    meeting = Meeting(committee=clean(root.findtext("Committee")) or None, date=date, start_time=time,
                      kind=stated_kind(root.findtext("MeetingState")))
    return RawDocument(tuple(lines), "xml", meeting=meeting)
