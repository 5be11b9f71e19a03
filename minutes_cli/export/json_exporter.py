"""JSON and JSON Lines export in the shape of SCHEMA.md.

Every key is always present; unknown values are null or []. Danish letters are
written as themselves (ensure_ascii=False).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Amount, Attachment, Decision, Document, Item, Meeting, Recommendation, Section, Source


def _source(source: Source) -> dict[str, Any]:
    return {"path": source.path, "format": source.format, "sha256": source.sha256, "pages": source.pages,
            "part": source.part, "ocr_pages": list(source.ocr_pages)}


def _meeting(meeting: Meeting) -> dict[str, Any]:
    return {
        "municipality": meeting.municipality,
        "committee": meeting.committee,
        "kind": meeting.kind,
        "date": meeting.date,
        "start_time": meeting.start_time,
        "location": meeting.location,
        "participants": list(meeting.participants),
        "absent": list(meeting.absent),
    }


def _recommendation(rec: Recommendation | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {"by": rec.by, "text": rec.text, "points": list(rec.points)}


def _decision(dec: Decision | None) -> dict[str, Any] | None:
    if dec is None:
        return None
    return {"text": dec.text, "outcome": dec.outcome, "by": dec.by}


def _attachment(att: Attachment) -> dict[str, Any]:
    return {"number": att.number, "title": att.title}


def _amount(amount: Amount) -> dict[str, Any]:
    return {
        "text": amount.text,
        "value": amount.value,
        "currency": amount.currency,
        "context": amount.context,
        "section": amount.section,
    }


def _section(section: Section) -> dict[str, Any]:
    return {"heading": section.heading, "text": section.text}


def item_to_dict(item: Item) -> dict[str, Any]:
    """One item as the JSON object of SCHEMA.md."""
    return {
        "number": item.number,
        "title": item.title,
        "closed": item.closed,
        "case_numbers": list(item.case_numbers),
        "case_officer": item.case_officer,
        "recommendation": _recommendation(item.recommendation),
        "decision": _decision(item.decision),
        "attachments": [_attachment(a) for a in item.attachments],
        "amounts": [_amount(a) for a in item.amounts],
        "sections": [_section(s) for s in item.sections],
        "pages": list(item.pages) if item.pages else None,
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """A whole document as the JSON object of SCHEMA.md."""
    return {
        "schema_version": doc.schema_version,
        "source": _source(doc.source),
        "meeting": _meeting(doc.meeting),
        "items": [item_to_dict(i) for i in doc.items],
        "warnings": [{"code": w.code, "message": w.message, "page": w.page} for w in doc.warnings],
    }


def to_json(docs: Sequence[Document], single: bool = False) -> str:
    """A JSON list of the documents (`[]` for none), or with `single` the one document's object.

    Whether the top level is an object or a list depends on what was asked for,
    never on how many documents parsed: `minutes extract` gives an object for one
    input path and a list for several, a folder, a glob or -r.
    """
    if single:
        if len(docs) != 1:
            raise ValueError(f"single=True needs exactly one document, not {len(docs)}")
        return pretty_json(docs[0]) + "\n"
    payload: Any = [document_to_dict(d) for d in docs]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# The items of a document sit two levels deep in its indented JSON.
ITEM_INDENT = "\n    "


def pretty_json(doc: Document) -> str:
    """One document as indented JSON, without a final line break.

    Byte for byte `json.dumps(document_to_dict(doc), indent=2)`, but made one item at a
    time: a dictionary of the whole document would double the memory a long document
    takes at its peak (measured: 20 MB of text, 230 MB parsed, 407 MB rendered whole).
    """
    shell = document_to_dict(replace(doc, items=()))
    text = json.dumps(shell, ensure_ascii=False, indent=2)
    if not doc.items:
        return text
    # JSON strings hold no raw line breaks, so every line break is the formatter's own
    items = ",".join(ITEM_INDENT + json.dumps(item_to_dict(item), ensure_ascii=False, indent=2).replace(
        "\n", ITEM_INDENT) for item in doc.items)
    empty = '"items": [],'
    at = text.index(empty)  # the first key holding a list is "items": meeting lists are indented deeper
    return text[:at] + '"items": [' + items + "\n  ]," + text[at + len(empty):]


def json_line(doc: Document) -> str:
    """One document as a compact JSON line."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False) + "\n"


def to_jsonl(docs: Sequence[Document]) -> str:
    """One compact JSON object per line."""
    return "".join(json_line(d) for d in docs)
