"""SBSYS eDagsorden's publication export (`Publication32.xml`, root `<Publication>`).

What OS2web imports from SBSYS: per `Agendas/Agenda` its meeting (`When`,
`Where`, members), committee (`Name`) and `Items/Item`, each with `Number`,
`Caption`, `IsPublic`, `Case/Number`, its `Fields/ItemField` (a `Caption` and
HTML `Content`, in the order of their `Index`) and `Enclosures/Enclosure`
(attachments, by `Name`). `PublicationTypeAsEnum` says what was published:
"Draft" and "Final" are agendas; a minutes publication names minutes.
"""

from __future__ import annotations

from lxml import etree

from ..model import Line, Meeting, RawDocument
from .xml_support import attachment_lines, clean, html_field, item_heading, stated_date

# PublicationTypeAsEnum values that publish minutes; every other value ("Draft", "Final") is an agenda.
MINUTES_PUBLICATION_WORDS = ("minute", "referat", "protocol", "protokol")


def is_sbsys_publication(root: etree._Element) -> bool:
    """True for an SBSYS eDagsorden publication: `<Publication>` holding `<Agendas>`."""
    return root.tag == "Publication" and root.find("Agendas") is not None


def _index(field: etree._Element) -> int:
    text = clean(field.findtext("Index"))
    return int(text) if text.isdigit() else 0


def _item_lines(item: etree._Element) -> list[Line]:
    public = clean(item.findtext("IsPublic")).lower()
    closed = public == "false" if public else None
    case = clean(item.findtext("Case/Number"))
    lines = [item_heading(item.findtext("Number"), item.findtext("Caption") or "", case or None, closed)]
    for field in sorted(item.iterfind("Fields/ItemField"), key=_index):
        lines += html_field(field.findtext("Caption") or "", field.findtext("Content"))
    enclosures = sorted(item.iterfind("Enclosures/Enclosure"), key=lambda e: _index(e))
    lines += attachment_lines(e.findtext("Name") or "" for e in enclosures)
    return lines


def _members(agenda: etree._Element) -> tuple[str, ...]:
    names = (clean(m.findtext("Name")) for m in agenda.iterfind("Meeting/Members/MeetingMember"))
    return tuple(dict.fromkeys(name for name in names if name))


def read_sbsys_publication(root: etree._Element, path: str) -> RawDocument:
    """The items of every agenda in the publication, and the meeting facts of the first."""
    lines: list[Line] = []
    for agenda in root.iterfind("Agendas/Agenda"):
        for item in agenda.iterfind("Items/Item"):
            lines += _item_lines(item)
    first = root.find("Agendas/Agenda")
    publication = clean(root.findtext("PublicationTypeAsEnum")).lower()
    meeting = Meeting(kind="minutes" if any(w in publication for w in MINUTES_PUBLICATION_WORDS) else "agenda")
    if first is not None:
        date, time = stated_date(first.findtext("Meeting/When"))
        meeting = Meeting(committee=clean(first.findtext("Committee/Name")) or clean(first.findtext("Name")) or None,
                          kind=meeting.kind, date=date, start_time=time,
                          location=clean(first.findtext("Meeting/Where")) or None, participants=_members(first))
    return RawDocument(tuple(lines), "xml", meeting=meeting)
