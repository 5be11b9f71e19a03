"""The generated meeting: what the document says, independent of how it is laid out.

Every text that holds money keeps the kroner values of the amounts it prints
(`amounts`), so the gold lists every amount of an item without parsing
anything back. `gold(meeting, source)` writes the ground truth in the format of
shared/gold/README.md.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text and the kroner values of the amounts it prints."""

    text: str
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class ListBlock:
    """A list inside a body: numbered ("1. Etablering af …") or bulleted."""

    entries: tuple[str, ...]
    ordered: bool
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class TableBlock:
    """A small table inside a body (a budget table, a history of earlier decisions)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    amounts: tuple[float, ...] = ()


Block = Paragraph | ListBlock | TableBlock


@dataclass(frozen=True)
class Section:
    """A body section: its heading as printed (known to the vocabulary or not) and its blocks."""

    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Recommendation:
    """The indstilling: who recommends (`by`, None when unnamed), the intro line and the "at"-points."""

    by: str | None
    intro: str
    points: tuple[str, ...]
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class Decision:
    """The beslutning as printed and its outcome (approved, recommended, noted, …)."""

    text: str
    outcome: str
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class Item:
    """One agenda item; a closed item has a number and a title and nothing else."""

    number: int
    title: str
    closed: bool
    case_numbers: tuple[str, ...] = ()
    officer: str | None = None
    sections: tuple[Section, ...] = ()
    recommendation: Recommendation | None = None
    decision: Decision | None = None
    attachments: tuple[str, ...] = ()

    @property
    def amounts(self) -> list[float]:
        """Every kroner amount the item prints, in reading order (body, indstilling, beslutning)."""
        values: list[float] = []
        for section in self.sections:
            for block in section.blocks:
                values.extend(block.amounts)
        if self.recommendation is not None:
            values.extend(self.recommendation.amounts)
        if self.decision is not None:
            values.extend(self.decision.amounts)
        return values


@dataclass(frozen=True)
class Meeting:
    """A meeting: header facts and items. `kind` is "agenda" (Dagsorden) or "minutes" (Referat)."""

    municipality: str
    committee: str
    date: datetime.date
    start_time: str
    location: str
    kind: str
    items: tuple[Item, ...] = field(default_factory=tuple)


def gold_item(item: Item) -> dict[str, Any]:
    """One item in the gold format (shared/gold/README.md)."""
    recommendation = item.recommendation
    return {
        "number": str(item.number),
        "title": item.title,
        "closed": item.closed,
        "case_numbers": list(item.case_numbers),
        "recommendation_by": recommendation.by if recommendation else None,
        "recommendation": list(recommendation.points) if recommendation else [],
        "decision": item.decision.text if item.decision else None,
        "decision_outcome": item.decision.outcome if item.decision else None,
        "attachments": list(item.attachments),
        "amounts_dkk": [int(v) if float(v).is_integer() else v for v in item.amounts],
    }


def gold(meeting: Meeting, source: str) -> dict[str, Any]:
    """The meeting's ground truth in the gold format; `source` is the document's path."""
    return {
        "source": source,
        "meeting": {
            "municipality": meeting.municipality,
            "committee": meeting.committee,
            "date": meeting.date.isoformat(),
            "kind": meeting.kind,
        },
        "items": [gold_item(item) for item in meeting.items],
    }
