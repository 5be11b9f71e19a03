"""eDoc/Fujitsu AgendaWeb XML (root `<Root>`, namespace http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/).

The XML that AgendaWeb's XSLT turns into the published web page.
`Committee/Name`, `Meeting/MeetingDateTime`, `MeetingLocation` and the
participants (`Participate` true or false) describe the meeting;
`Agenda/Type` ("Dagsorden", "Referat") says what was published. Each
`AgendaElement` (`AccessIsPublic` false for a closed item) holds one
`HandlingItem` with `SerialNo`, `Title`, `CaseNumber`, its
`CasePresentations` (a `Title` caption and HTML `Content` each), the decision
of this meeting in its handling plan (`Handling` placed "This": its
`Decision`, "Beslutning ikke frigivet" until released), read when no case
presentation is marked `IsDecision`, and `Attachments` (by `Title`).
"""

from __future__ import annotations

from lxml import etree

from ..model import Line, Meeting, RawDocument
from .xml_support import DECISION_CAPTION, attachment_lines, clean, html_field, item_heading, stated_date, stated_kind

NAMESPACE = "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"
_NS = {"e": NAMESPACE}


def is_agendaweb(root: etree._Element) -> bool:
    """True for AgendaWeb XML: a `Root` element whose children are in the Fujitsu agenda namespace."""
    return etree.QName(root).localname == "Root" and root.find("e:Committee", _NS) is not None


def _text(element: etree._Element, path: str) -> str:
    return clean(element.findtext(path, namespaces=_NS))


def _item_lines(element: etree._Element) -> list[Line]:
    handling = element.find("e:HandlingItem", _NS)
    if handling is None:
        return []
    public = _text(element, "e:AccessIsPublic").lower()
    closed = public == "false" if public else None
    lines = [item_heading(_text(handling, "e:SerialNo"), _text(handling, "e:Title"),
                          _text(handling, "e:CaseNumber") or None, closed)]
    decided = False
    for presentation in handling.iterfind("e:CasePresentations/e:CasePresentation", _NS):
        field = html_field(_text(presentation, "e:Title"), presentation.findtext("e:Content", namespaces=_NS))
        decided = decided or bool(field) and _text(presentation, "e:IsDecision").lower() == "true"
        lines += field
    if not decided:
        # this meeting's decision as the handling plan states it ("Beslutning ikke frigivet" until released)
        decision = handling.findtext("e:HandlingPlan/e:Handling[e:Placement='This']/e:Decision", namespaces=_NS)
        lines += html_field(DECISION_CAPTION, decision)
    lines += attachment_lines(_text(a, "e:Title") for a in handling.iterfind("e:Attachments/e:Attachment", _NS))
    return lines


def _meeting(root: etree._Element, meeting: etree._Element | None) -> Meeting:
    if meeting is None:
        return Meeting(committee=_text(root, "e:Committee/e:Name") or None)
    date, time = stated_date(meeting.findtext("e:MeetingDateTime", namespaces=_NS))
    present: list[str] = []
    absent: list[str] = []
    for participant in meeting.iterfind("e:MeetingParticipants/e:MeetingParticipant", _NS):
        name = _text(participant, "e:Name")
        if name:
            (absent if _text(participant, "e:Participate").lower() == "false" else present).append(name)
    return Meeting(committee=_text(root, "e:Committee/e:Name") or None,
                   kind=stated_kind(_text(meeting, "e:Agenda/e:Type"), _text(root, "e:OutputTypeEnumName")),
                   date=date, start_time=time, location=_text(meeting, "e:MeetingLocation") or None,
                   participants=tuple(present), absent=tuple(absent))


def read_agendaweb(root: etree._Element, path: str) -> RawDocument:
    """The items of the meeting's agenda in their stated order, and the meeting facts."""
    meeting = root.find("e:Committee/e:Meeting", _NS)
    lines: list[Line] = []
    if meeting is not None:
        for element in meeting.iterfind("e:Agenda/e:AgendaElements/e:AgendaElement", _NS):
            lines += _item_lines(element)
    return RawDocument(tuple(lines), "xml", meeting=_meeting(root, meeting))
