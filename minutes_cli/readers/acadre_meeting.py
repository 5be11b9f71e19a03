"""Acadre's meeting XML (`3687981.XML`, root `<root>` with `<table name="agenda">`).

A generic record dump: each `<table name="…">` is a record whose `<fields>`
hold `<field name="…">` values, and whose child tables are its sub-records.
The agenda record names the document ("Referat", "Dagsorden"); its
`committee` and `meeting` records give the committee, date, place and
members; each `agendaitemparents` record gives an item's number (`sort`) and
holds the `agendaitem` (`name`, `caseno`, `accessname` "Åben"/"Lukket"),
whose `bullet` records are its fields (`bulletname` caption, `bulletcontent`
HTML, in `bulletsortorder`) and whose `enclosure` records are its attachments.
"""

from __future__ import annotations

from lxml import etree

from ..model import Line, Meeting, RawDocument
from .xml_support import attachment_lines, clean, html_field, item_heading, stated_date, stated_kind

# accessname values of a closed item.
CLOSED_ACCESS_WORDS = ("lukket", "fortrolig")


def is_acadre_meeting(root: etree._Element) -> bool:
    """True for Acadre's meeting XML: `<root>` whose first record is `<table name="agenda">`."""
    first = root.find("table")
    return root.tag == "root" and first is not None and first.get("name") == "agenda"


def _fields(table: etree._Element) -> dict[str, str]:
    return {str(f.get("name")): f.text or "" for f in table.iterfind("fields/field")}


def _records(table: etree._Element, name: str) -> list[etree._Element]:
    return [t for t in table.iterfind("table") if t.get("name") == name]


def _sort_key(text: str) -> int:
    value = clean(text)
    return int(value) if value.isdigit() else 0


def _item_lines(number: str, item: etree._Element) -> list[Line]:
    facts = _fields(item)
    access = clean(facts.get("accessname")).lower()
    closed = any(word in access for word in CLOSED_ACCESS_WORDS) if access else None
    lines = [item_heading(number, facts.get("name", ""), facts.get("caseno"), closed)]
    bullets = sorted(_records(item, "bullet"), key=lambda b: _sort_key(_fields(b).get("bulletsortorder", "")))
    for bullet in bullets:
        field = _fields(bullet)
        lines += html_field(field.get("bulletname", ""), field.get("bulletcontent"))
    enclosures = sorted(_records(item, "enclosure"), key=lambda e: _sort_key(_fields(e).get("sort", "")))
    lines += attachment_lines(_fields(e).get("name", "") for e in enclosures)
    return lines


def _meeting(agenda: etree._Element) -> Meeting:
    committee = next(iter(_records(agenda, "committee")), None)
    meeting = next(iter(_records(agenda, "meeting")), None)
    facts = _fields(meeting) if meeting is not None else {}
    date, time = stated_date(facts.get("date"))
    present: list[str] = []
    absent: list[str] = []
    for group in _records(meeting, "meetmember") if meeting is not None else []:
        for member in _records(group, "member"):
            member_facts = _fields(member)
            name = clean(member_facts.get("name"))
            if name:
                (absent if clean(member_facts.get("absent")) not in ("", "0") else present).append(name)
    return Meeting(committee=clean(_fields(committee).get("name")) or None if committee is not None else None,
                   kind=stated_kind(_fields(agenda).get("name")), date=date, start_time=time,
                   location=clean(facts.get("location")) or None, participants=tuple(present), absent=tuple(absent))


def read_acadre_meeting(root: etree._Element, path: str) -> RawDocument:
    """The items of the agenda in their stated order, and the meeting facts."""
    agenda = root.find("table")
    lines: list[Line] = []
    if agenda is not None:
        parents = sorted(_records(agenda, "agendaitemparents"), key=lambda p: _sort_key(_fields(p).get("sort", "")))
        for parent in parents:
            for item in _records(parent, "agendaitem"):
                lines += _item_lines(clean(_fields(parent).get("sort")), item)
    return RawDocument(tuple(lines), "xml", meeting=_meeting(agenda) if agenda is not None else None)
