"""Document-level rules: from one meeting's segmented paragraphs to its `Document`.

The meeting header is read, each item is extracted, and then the facts that
only the whole meeting settles are applied: an agenda's "Beslutning" is never
this meeting's decision, absentees named in decisions join the meeting's,
and a single-item print with no header takes its committee and date from the
decision's heading.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import PAGED_FORMATS, Document, Meeting, RawDocument, Source, Warning
from ..segment import Segmented
from .item import ItemResult, build_item
from .meeting import guess_municipality, read_header

# A municipality named only in the body must be named this often to count as the document's.
MIN_BODY_MUNICIPALITY_MENTIONS = 3


def build_document(segmented: Segmented, raw: RawDocument, source: Source, furniture: list[str],
                   body_text: str, free_headings: bool) -> Document:
    """The structured document of one meeting.

    `body_text` is the meeting's running text, where its municipality is looked for when the
    header does not name it; `free_headings` says whether short lines may be guessed to be
    headings (only when the reader marked none).
    """
    meeting = read_header(segmented.header, furniture, raw.aside).or_stated(raw.meeting)
    if meeting.municipality is None:
        meeting = replace(meeting, municipality=guess_municipality(body_text, MIN_BODY_MUNICIPALITY_MENTIONS))
    results = [build_item(raw_item, meeting.date, free_headings) for raw_item in segmented.items]
    items = [r.item for r in results]
    if source.format not in PAGED_FORMATS:  # only PDF and scanned pages say where an item stands
        items = [item if item.pages is None else replace(item, pages=None) for item in items]
    if meeting.kind == "agenda":
        # an agenda is published before the meeting: a "Beslutning" in it is part of a
        # proposal's text or an empty placeholder, never this meeting's decision
        items = [replace(item, decision=None) for item in items]
    absent = list(meeting.absent) + [name for r in results for name in r.absent]
    meeting = replace(meeting, absent=tuple(dict.fromkeys(absent)))
    meeting = _from_decisions(meeting, results)
    warnings = list(raw.warnings)
    if not items:
        warnings.append(Warning("no-items", "no agenda items were recognised in the document"))
    return Document(source=source, meeting=meeting, items=tuple(items), warnings=tuple(warnings))


def _from_decisions(meeting: Meeting, results: list[ItemResult]) -> Meeting:
    """A single-item print has no header: the decision heading says who met and when."""
    decided = [r for r in results if r.decided_on or (r.item.decision and r.item.decision.by)]
    if decided and meeting.committee is None:
        meeting = replace(meeting, committee=next((r.item.decision.by for r in decided
                                                   if r.item.decision and r.item.decision.by), None))
    if decided and meeting.date is None:
        meeting = replace(meeting, date=next((r.decided_on for r in decided if r.decided_on), None))
    return meeting
