"""Meeting facts from the header: committee, kind, date, time, place, who came and who did not.

Labelled lines ("Udvalg:", "Mødedato", "Sted:", "Deltagere:", "Afbud:") are
read first; a title line ("REFERAT <udvalg> - 2016-2021 d. 20-02-2018",
"Dagsorden for <udvalg>") and a memo's "Til <udvalg>" fill what is left.
The municipality is the "<Navn> Kommune"/"Region <navn>" that the header or
the running header names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from ..model import Block, Meeting, MeetingKind
from ..patterns import HEADER_LABEL_RE, MUNICIPALITY_RE
from ..vocabulary import (
    ABSENCE_LABELS,
    COMMITTEE_LABELS,
    COMMITTEE_NOUNS,
    DATE_LABELS,
    KIND_WORDS,
    PARTICIPANT_LABELS,
    PLACE_LABELS,
    TIME_LABELS,
)
from .dates import find_date, find_time
from .names import split_names

# A header line longer than this is prose, not a title or a committee name.
MAX_HEADER_LINE_CHARS = 120

# Participant lists longer than this are not a list of names any more.
MAX_PARTICIPANTS = 60

_COMMITTEE_WORD_RE = regex.compile(
    r"(?<![\w])[\w-]*(?:" + "|".join(sorted(COMMITTEE_NOUNS, key=len, reverse=True)) + r")(?![\w])", regex.I)
_KIND_RE = regex.compile(r"^(?:åbent\s+|lukket\s+|endeligt?\s+)?(?P<word>" + "|".join(w for w, _ in KIND_WORDS)
                         + r")\b[\s:]*(?P<rest>.*)$", regex.I)
_KIND_SUFFIX_RE = regex.compile(r"^(?P<who>[^\W\d_].{2,100}?)\s+[-–]\s+(?:åbent\s+|lukket\s+)?(?P<word>"
                                + "|".join(w for w, _ in KIND_WORDS) + r")\b\s*$", regex.I)
# "Ældrerådets møde", "Byrådets ordinære møde": the body whose meeting it is
_MEETING_OF_RE = regex.compile(r"^(?P<body>[^\W\d_][\w-]*?(?:et|en|udvalg|råd))s\s+(?:\w+\s+)?møde\b", regex.I)
_TO_RE = regex.compile(r"^til\s*:?\s+(?P<who>\S.{1,100})$", regex.I)
# Trailing period and date on a title line: " - 2016-2021 d. 20-02-2018", " den 20. juni 2013"
_TITLE_TAIL_RE = regex.compile(
    r"\s*(?:[-–]\s*\d{4}\s*[-–]\s*\d{4})?\s*(?:\b(?:d\.|den)\s+.*|[-–,]?\s*\d{1,2}[.-].*|[-–,]\s*(?:ordinært\s+|ekstraordinært\s+)?"
    r"(?:møde|mødet)\b.*)?$", regex.I)
_PHONE_TAIL_RE = regex.compile(r",?\s*(?:tlf|telefon)\.?\s*[\d ]+$", regex.I)


@dataclass
class _Header:
    committee: str | None = None
    kind: MeetingKind | None = None
    date: str | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)


def _is_committee(text: str) -> bool:
    """A committee's name: it holds a committee word and is no sentence, menu entry or bare noun ("Udvalg")."""
    return (bool(_COMMITTEE_WORD_RE.search(text)) and len(text) <= MAX_HEADER_LINE_CHARS and not text.endswith(".")
            and text[:1].isalpha() and text.lower().strip(" :") not in COMMITTEE_NOUNS
            and not any(mark in text for mark in BREADCRUMB_MARKS))


# Separators of breadcrumb trails ("Forside › Politik › Udvalg › Beskæftigelsesudvalget").
BREADCRUMB_MARKS = ("›", "»", " > ", " / ")


# A line of names has at most this many words ("Jesper Mathiesen (A)", "Henrik Bach Mortensen, Lise Tønner").
MAX_NAME_LINE_WORDS = 40
_ANY_LABEL_RE = regex.compile(r"^[^\W\d_][\w .-]{0,30}:(?:\s|$)")


def _is_name_line(line: str) -> bool:
    """True for a line that can continue a list of names."""
    return bool(
        line[:1].isalpha()
        and not HEADER_LABEL_RE.match(line)
        and not _ANY_LABEL_RE.match(line)
        and not _KIND_RE.match(line)
        and len(line.split()) <= MAX_NAME_LINE_WORDS
        and not line.rstrip().endswith((".", ":"))
        and line[:1].isupper()
        and not any(ch.isdigit() for ch in line)  # "Download referatet (PDF, 2,4 MB)"
    )


def _apply_label(header: _Header, label: str, value: str, following: list[str]) -> int:
    """Store one labelled value; returns how many following lines it consumed."""
    label = " ".join(label.lower().split())
    if label in COMMITTEE_LABELS and value:
        header.committee = header.committee or value
    elif label in DATE_LABELS:
        header.date = header.date or find_date(value)
        header.time = header.time or (find_time(value) if "kl" in value.lower() else None)
    elif label in TIME_LABELS:
        header.time = header.time or find_time(value)
    elif label in PLACE_LABELS and value:
        header.location = header.location or _PHONE_TAIL_RE.sub("", value).strip(" ,")
    elif label in PARTICIPANT_LABELS or label in ABSENCE_LABELS:
        target = header.absent if label in ABSENCE_LABELS else header.participants
        taken = 0
        values = [value] if value else []
        for line in following:
            # a name list goes on over lines of names; a label, a heading or an item ends it
            if not _is_name_line(line) or len(values) >= MAX_PARTICIPANTS:
                break
            if values and not (values[-1].rstrip().endswith(",") or "," in line or not value):
                break  # one line of names after a labelled value is the value's only line
            values.append(line)
            taken += 1
        joined = " ".join(values) if any("," in v for v in values) else None
        target.extend(split_names(joined) if joined else [n for v in values for n in split_names(v)])
        return taken
    return 0


def _title_line(header: _Header, text: str) -> None:
    suffix = _KIND_SUFFIX_RE.match(text)
    if suffix and header.kind is None:
        # "Børne- og Ungeudvalget - Referat": the committee first, the kind after a dash
        header.kind = dict(KIND_WORDS)[suffix.group("word").lower()]  # type: ignore[assignment]
        if _is_committee(suffix.group("who")):
            header.committee = header.committee or suffix.group("who").strip()
        return
    match = _KIND_RE.match(text)
    if match and header.kind is None:
        header.kind = dict(KIND_WORDS)[match.group("word").lower()]  # type: ignore[assignment]
        rest = match.group("rest").strip()
        if rest.lower().startswith(("for ", "fra ", "af ")):
            rest = rest.split(" ", 1)[1] if " " in rest else ""
        rest = _MEETING_OF_RE.sub(r"\g<body>", rest)  # "Ældrerådets møde 12. november" -> "Ældrerådet 12. …"
        candidate = _TITLE_TAIL_RE.sub("", rest).strip(" ,-–")
        if candidate and _is_committee(candidate):
            header.committee = header.committee or candidate
        header.date = header.date or find_date(rest)


def read_header(blocks: tuple[Block, ...], furniture: list[str], aside: tuple[str, ...] = ()) -> Meeting:
    """Meeting facts from the header paragraphs, the running-header lines removed as furniture,
    and (for the municipality only) the text around the document: page title, footer, logo."""
    header = _Header()
    lines = [line.text for block in blocks for line in block.lines]
    # "Dato:\nTid:\nSted:\n6. oktober 2016\n13:00 - 15:00\nRådhuset": labels first, values after
    lines = _pair_stacked_labels(lines)
    index = 0
    while index < len(lines):
        text = lines[index]
        label = HEADER_LABEL_RE.match(text)
        if label:
            index += 1 + _apply_label(header, label.group("label"), label.group("value").strip(), lines[index + 1:])
            continue
        _title_line(header, text)
        to = _TO_RE.match(text)
        if to and header.committee is None:
            header.committee = to.group("who").strip()
        index += 1
    if header.committee is None:
        for text in _with_breadcrumb_parts(lines):
            if _is_committee(text) and not _KIND_RE.match(text) and not text.lower().startswith("til"):
                header.committee = _TITLE_TAIL_RE.sub("", text).strip(" ,-–") or None
                break
    if header.date is None:
        header.date = next((d for t in lines + furniture if (d := find_date(t))), None)
    if header.time is None:
        header.time = next((t for text in lines if "kl" in text.lower() and (t := find_time(text))), None)
    if header.committee is None:
        header.committee = next((_TITLE_TAIL_RE.sub("", t).strip(" ,-–") for t in furniture if _is_committee(t)),
                                None)
    return Meeting(
        municipality=_municipality(lines + furniture) or _municipality(list(aside)),
        committee=header.committee,
        kind=header.kind,
        date=header.date,
        start_time=header.time,
        location=header.location,
        participants=tuple(dict.fromkeys(p for p in header.participants if p)),
        absent=tuple(dict.fromkeys(a for a in header.absent if a)),
    )


def _with_breadcrumb_parts(lines: list[str]) -> list[str]:
    """The lines, with a breadcrumb trail replaced by its parts, last (most specific) first."""
    out: list[str] = []
    for text in lines:
        mark = next((m for m in BREADCRUMB_MARKS if m in text), None)
        out += [p.strip() for p in reversed(text.split(mark))] if mark else [text]
    return out


def _pair_stacked_labels(lines: list[str]) -> list[str]:
    """Join runs of empty labels with the run of values that follows them."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        run = index
        while run < len(lines) and (m := HEADER_LABEL_RE.match(lines[run] + " ")) and not m.group("value").strip() \
                and lines[run].rstrip().endswith(":"):
            run += 1
        count = run - index
        values = lines[run:run + count]
        if count >= 2 and run + count <= len(lines) and not any(HEADER_LABEL_RE.match(v) for v in values):
            out += [f"{lines[index + k].rstrip()} {lines[run + k]}" for k in range(count)]
            index = run + count
            continue
        out.append(lines[index])
        index += 1
    return out


def _municipality(lines: list[str]) -> str | None:
    counts = Counter(_title_case(m.group(0)) for text in lines for m in MUNICIPALITY_RE.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


def _title_case(name: str) -> str:
    """"TØNDER KOMMUNE" -> "Tønder Kommune"; names already in mixed case are kept."""
    return name.title() if name.isupper() else name


def guess_municipality(text: str, minimum: int) -> str | None:
    """The municipality named most often in a text, when it is named at least `minimum` times."""
    counts = Counter(_title_case(m.group(0)) for m in MUNICIPALITY_RE.finditer(text))
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= minimum else None


__all__ = ["guess_municipality", "read_header"]
