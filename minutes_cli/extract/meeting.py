"""Meeting facts from the header: committee, kind, date, time, place, who came and who did not.

Labelled lines ("Udvalg:", "Mødedato", "Sted:", "Deltagere:", "Afbud:") are
read first; a title line ("REFERAT <udvalg> - 2016-2021 d. 20-02-2018",
"Dagsorden for <udvalg>") and a memo's "Til <udvalg>" fill what is left.
The municipality is the "<Navn> Kommune"/"Region <navn>" that the header or
the running header names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ..lazy_patterns import lazy_regex
from ..model import Block, Meeting, MeetingKind
from ..patterns import (
    HEADER_LABEL_RE,
    MUNICIPALITY_RE,
    NAME_SEPARATOR_RE,
    POSTCODE_LINE_RE,
    PROSE_PLACE_RE,
    ROLE_SUFFIX_RE,
    TITLE_SEPARATOR_RE,
)
from ..vocabulary import (
    ABSENCE_LABELS,
    COMMITTEE_LABELS,
    COMMITTEE_NOUNS,
    COUNCIL_NAMES,
    DATE_LABELS,
    KIND_WORDS,
    PARTICIPANT_LABELS,
    PLACE_LABELS,
    ROLE_WORDS,
    TIME_LABELS,
    normalise_label,
)
from .dates import find_date, find_time
from .names import split_names

# A header line longer than this is prose, not a title or a committee name.
MAX_HEADER_LINE_CHARS = 120

# Participant lists longer than this are not a list of names any more.
MAX_PARTICIPANTS = 60

_COMMITTEE_WORD_RE = lazy_regex(
    r"(?<![\w])[\w-]*(?:" + "|".join(sorted(COMMITTEE_NOUNS, key=len, reverse=True)) + r")(?![\w])", regex.I)
_KIND_RE = lazy_regex(r"^(?:åbent\s+|lukket\s+|endeligt?\s+)?(?P<word>" + "|".join(w for w, _ in KIND_WORDS)
                      + r")\b[\s:]*(?P<rest>.*)$", regex.I)
_KIND_SUFFIX_RE = lazy_regex(r"^(?P<who>[^\W\d_].{2,100}?)\s+[-–]\s+(?:åbent\s+|lukket\s+)?(?P<word>"
                             + "|".join(w for w, _ in KIND_WORDS) + r")\b\s*$", regex.I)
# What stands between a title's kind word and the body whose meeting it is: "Dagsorden til mødet i Byrådet".
MEETING_OF_LEADS = ("mødet i ", "møde i ", "mødet for ", "møde for ")
# The kind each kind word gives, looked up by a title part: "Referat" -> minutes.
_KIND_OF: dict[str, str] = {**dict(KIND_WORDS), **{f"åbent {w}": k for w, k in KIND_WORDS},
                            **{f"lukket {w}": k for w, k in KIND_WORDS}}
# "Ældrerådets møde", "Social- og Sundhedsudvalgets ordinære møde": the body whose meeting it is
_MEETING_OF_RE = lazy_regex(r"^(?P<body>[^\W\d_](?:[\w-]|\s(?=\w))*?(?:et|en|udvalg|råd))s\s+(?:\w+\s+)?møde\b",
                            regex.I)
_TO_RE = lazy_regex(r"^til\s*:?\s+(?P<who>\S.{1,100})$", regex.I)
# Trailing period and date on a title line: " - 2016-2021 d. 20-02-2018", " den 20. juni 2013"
_TITLE_TAIL_RE = lazy_regex(
    r"\s*(?:[-–]\s*\d{4}\s*[-–]\s*\d{4})?\s*(?:\b(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?"
    r"(?:d\.|den)(?:\s+.*)?|[-–,]?\s*\d{1,2}[.-].*|[-–,]\s*(?:ordinært\s+|ekstraordinært\s+)?"
    r"(?:møde|mødet)\b.*)?$", regex.I)
_PHONE_TAIL_RE = lazy_regex(r",?\s*(?:tlf|telefon)\.?\s*[\d ]+$", regex.I)


@dataclass
class _Header:
    municipality: str | None = None  # from a page title ("Middelfart Kommune – Økonomiudvalget – Referat – …")
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
            and text[:1].isalpha()
            and (text.lower().strip(" :") not in COMMITTEE_NOUNS or text.lower().strip(" :") in COUNCIL_NAMES)
            and not any(mark in text for mark in BREADCRUMB_MARKS))


# Separators of breadcrumb trails ("Forside › Politik › Udvalg › Beskæftigelsesudvalget").
BREADCRUMB_MARKS = ("›", "»", " > ", " / ")


# A line of names has at most this many words ("Jesper Mathiesen (A)", "Henrik Bach Mortensen, Lise Tønner").
MAX_NAME_LINE_WORDS = 40
_ANY_LABEL_RE = lazy_regex(r"^[^\W\d_][\w .-]{0,30}:(?:\s|$)")


def _is_name_line(line: str) -> bool:
    """True for a line that can continue a list of names (not a label, a role alone such as
    "Sekretær", a title or a sentence)."""
    label = normalise_label(line)
    return bool(
        line[:1].isalpha()
        and label not in ROLE_WORDS
        and label not in PARTICIPANT_LABELS
        and label not in ABSENCE_LABELS
        and not HEADER_LABEL_RE.match(line)
        and not _ANY_LABEL_RE.match(line)
        and not _KIND_RE.match(line)
        and len(line.split()) <= MAX_NAME_LINE_WORDS
        and not line.rstrip().endswith((".", ":"))
        and line[:1].isupper()
        and not any(ch.isdigit() for ch in line)  # "Download referatet (PDF, 2,4 MB)"
    )


# A single name has two to five words ("Tilde Ølholm", "Anne Arndt Nielsen", "Jesper Mathiesen (A)").
MAX_SINGLE_NAME_WORDS = 5


def _is_single_name(line: str) -> bool:
    """True for a line that is one person's name: a few capitalised words, perhaps a party letter."""
    words = [w for w in line.replace(",", " ").split() if not (w.startswith("(") and w.endswith(")"))]
    return 2 <= len(words) <= MAX_SINGLE_NAME_WORDS and all(
        w[:1].isupper() or w in NAME_PARTICLES for w in words)


def _is_names_line(line: str) -> bool:
    """True for a line of one or more full names: "Lolan Ottesen (A) - formand",
    "Michael Bo Jensen (A), Steen Hasselriis (V)"; not "Punkter" or "Download referat"."""
    parts = [p for p in NAME_SEPARATOR_RE.split(ROLE_SUFFIX_RE.sub("", line)) if p.strip()]
    return bool(parts) and all(_is_single_name(ROLE_SUFFIX_RE.sub("", part)) for part in parts)


# Lower-case words inside names: "Anne af Rosenborg", "Peter van Dijk".
NAME_PARTICLES = ("af", "von", "van", "de", "la", "le")


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
            if not value and not _is_names_line(line):
                break  # under a label with no value ("Fraværende" / "Hent referat som PDF") only names go on
            if values and not (values[-1].rstrip().endswith(",") or "," in line or not value
                               or (_is_single_name(values[-1]) and _is_single_name(line))):
                break  # one line of names after a labelled value is the value's only line, unless
                # both are one name each ("Deltagere: Jeppe Kirkegaard" / "Tilde Ølholm" / …)
            values.append(line)
            taken += 1
        joined = " ".join(values) if any("," in v for v in values) else None
        target.extend(split_names(joined) if joined else [n for v in values for n in split_names(v)])
        return taken
    return 0


# A title wraps over at most this many lines ("Struer Kommune – Kultur- og Fritidsudvalget –" /
# "Referat – onsdag den 9. december 2009 kl. 16:30 –" / "Udvalgsværelse 2").
MAX_TITLE_LINES = 3


def _header_lines(block: Block) -> list[str]:
    """The header lines of a paragraph: a title wrapped over a few lines is read whole, as one line
    (a page title, "Referat af Beskæftigelsesudvalgets møde fredag" / "den 1. januar 2021");
    any other paragraph line by line."""
    texts = [line.text for line in block.lines]
    if not 1 < len(texts) <= MAX_TITLE_LINES or HEADER_LABEL_RE.match(texts[0]):
        return texts
    text = block.text
    dashes = text.count(" – ") + text.count(" - ")
    if block.lines[0].heading or _KIND_RE.match(text) or dashes >= MIN_TITLE_PARTS - 1:
        return [text]
    return texts


def _without_kind(text: str) -> str:
    """A running header without the kind word it starts with: "Referat Byrådet 17.05.2021" -> "Byrådet 17.05.2021"."""
    kind = _KIND_RE.match(text)
    return str(kind.group("rest")) if kind and kind.group("rest") else text


def _page_title(header: _Header, text: str) -> bool:
    """Read a page title of dash-separated parts that names the document's kind:
    "<Kommune> – <Udvalg> – Referat – <dato> kl. 08:00 – <sted>" (or with hyphens, in any
    order). Each part fills the field it names, and only fields still empty; True when
    the text was such a title."""
    parts = [p.strip() for p in TITLE_SEPARATOR_RE.split(text) if p.strip()]
    if len(parts) < MIN_TITLE_PARTS:
        return False
    kinds = [p for p in parts if normalise_label(p) in _KIND_OF]
    if not kinds:
        return False
    header.kind = header.kind or _KIND_OF[normalise_label(kinds[0])]  # type: ignore[assignment]
    dated = False
    for part in parts:
        if part in kinds:
            continue
        municipality = MUNICIPALITY_RE.fullmatch(part)
        date = find_date(part)
        if municipality:
            header.municipality = header.municipality or _title_case(part)
        elif date:
            header.date = header.date or date
            header.time = header.time or (find_time(part) if "kl" in part.lower() else None)
            dated = True
        elif _is_committee(part) and not dated:
            header.committee = header.committee or part
        elif dated:
            header.location = header.location or part  # what follows the date and time is the place
    return True


# A page title has at least this many parts ("<Udvalg> – Referat – <dato>"); two parts
# ("Aarhus Byråd - Byrådssalen") are a name and a place, read elsewhere.
MIN_TITLE_PARTS = 3


def _bare_label(text: str) -> str | None:
    """A participants or absence label alone on its line, without a colon: "Tilstede",
    "Medlemmer", "Afbud/Fraværende"."""
    label = normalise_label(text)
    return label if label in PARTICIPANT_LABELS or label in ABSENCE_LABELS else None


# An address block (a place, a street, a postcode and town) has at most this many lines.
MAX_ADDRESS_LINES = 4
# An address line is short: "Kaløvig Kursuscenter", "Præstekravevej 46".
MAX_ADDRESS_LINE_CHARS = 60


def _address_after_time(lines: list[str], end: int) -> str | None:
    """The address whose postcode line is lines[end], when it stands right after the
    line giving the meeting's date or time ("Kl. 10:30" / "Kaløvig Kursuscenter" /
    "Præstekravevej 46" / "8410 Rønde"): a letterhead's address has no time above it."""
    start = end
    while start > 0 and end - start < MAX_ADDRESS_LINES - 1:
        previous = lines[start - 1]
        if find_date(previous) or find_time(previous) or len(previous) > MAX_ADDRESS_LINE_CHARS \
                or HEADER_LABEL_RE.match(previous) or _KIND_RE.match(previous) or _is_committee(previous):
            break
        start -= 1
    if start == 0 or not (find_date(lines[start - 1]) or find_time(lines[start - 1])):
        return None
    return ", ".join(lines[start:end + 1])


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
        if rest.lower().startswith(("for ", "fra ", "af ", "til ")):
            rest = rest.split(" ", 1)[1] if " " in rest else ""
        # "Referat fra mødet i Økonomiudvalget onsdag den 4. marts 2020": the body after "mødet i"
        lead = next((lead for lead in MEETING_OF_LEADS if rest.lower().startswith(lead)), None)
        if lead:
            rest = rest[len(lead):]
        rest = _MEETING_OF_RE.sub(r"\g<body>", rest)  # "Ældrerådets møde 12. november" -> "Ældrerådet 12. …"
        candidate = _TITLE_TAIL_RE.sub("", rest).strip(" ,-–")
        if candidate and _is_committee(candidate):
            header.committee = header.committee or candidate
        header.date = header.date or find_date(rest)


def read_header(blocks: tuple[Block, ...], furniture: list[str], aside: tuple[str, ...] = ()) -> Meeting:
    """Meeting facts from the header paragraphs, the running-header lines removed as furniture,
    and (for the municipality only) the text around the document: page title, footer, logo."""
    header = _Header()
    lines = [text for block in blocks for text in _header_lines(block)]
    # "Dato:\nTid:\nSted:\n6. oktober 2016\n13:00 - 15:00\nRådhuset": labels first, values after
    lines = _pair_stacked_labels(lines)
    index = 0
    while index < len(lines):
        text = lines[index]
        label = HEADER_LABEL_RE.match(text)
        if label:
            index += 1 + _apply_label(header, label.group("label"), label.group("value").strip(), lines[index + 1:])
            continue
        bare = _bare_label(text)
        if bare:
            index += 1 + _apply_label(header, bare, "", lines[index + 1:])
            continue
        if _page_title(header, text):
            index += 1
            continue
        place = PROSE_PLACE_RE.match(text) if header.location is None and len(text) <= MAX_HEADER_LINE_CHARS else None
        if place:
            header.location = place.group("place").strip(" ,.")
            index += 1
            continue
        if header.location is None and POSTCODE_LINE_RE.match(text):
            header.location = _address_after_time(lines, index)
        _title_line(header, text)
        to = _TO_RE.match(text)
        if to and header.committee is None:
            header.committee = to.group("who").strip()
        index += 1
    if header.committee is None:
        for text in _with_breadcrumb_parts(lines):
            if _is_committee(text) and not _KIND_RE.match(text) and not text.lower().startswith("til"):
                header.committee = _TITLE_TAIL_RE.sub("", _without_municipality(header, text)).strip(" ,-–") or None
                break
    if header.date is None:
        header.date = next((d for t in lines + furniture if (d := find_date(t))), None)
    if header.time is None:
        header.time = next((t for text in lines if "kl" in text.lower() and (t := find_time(text))), None)
    for text in furniture:  # a browser print's running header is the page title
        if header.committee is not None:
            break
        _page_title(header, text)
    if header.committee is None:
        header.committee = next((_TITLE_TAIL_RE.sub("", t).strip(" ,-–") for t in map(_without_kind, furniture)
                                 if _is_committee(t)), None)
    for text in aside:  # the HTML <title>: "Hennys testudvalg - Dagsorden - 2. maj 2017 kl. 10:00"
        _page_title(header, text)
    return Meeting(
        municipality=header.municipality or _municipality(lines + furniture) or _municipality(list(aside)),
        committee=header.committee,
        kind=header.kind,
        date=header.date,
        start_time=header.time,
        location=header.location,
        participants=tuple(dict.fromkeys(p for p in header.participants if p)),
        absent=tuple(dict.fromkeys(a for a in header.absent if a)),
    )


def _without_municipality(header: _Header, text: str) -> str:
    """A committee line without the municipality before it, which fills the municipality instead:
    "Favrskov Kommune – Erhvervs- og Turismeudvalget" -> "Erhvervs- og Turismeudvalget"."""
    parts = [part.strip() for part in TITLE_SEPARATOR_RE.split(text) if part.strip()]
    if len(parts) < 2 or not MUNICIPALITY_RE.fullmatch(parts[0]) or not _is_committee(" – ".join(parts[1:])):
        return text
    header.municipality = header.municipality or _title_case(parts[0])
    return " – ".join(parts[1:])


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


# Every match of MUNICIPALITY_RE holds one of these words ("Gladsaxe Kommune", "Region Hovedstaden").
MUNICIPALITY_WORDS = ("Kommune", "KOMMUNE", "Region")


def _municipality_matches(text: str) -> Iterator[regex.Match[str]]:
    """MUNICIPALITY_RE's matches in a long text, in order, as its `finditer` gives them, found
    without scanning all of it: only the sentences that hold one of MUNICIPALITY_WORDS are
    searched. No match holds a full stop, and at one the pattern's closing \\b holds as at the
    end of the text, so each stretch between full stops is searched on its own."""
    found = sorted({at for word in MUNICIPALITY_WORDS for at in _occurrences(text, word)})
    done = 0
    for at in found:
        if at < done:
            continue  # in the stretch searched last
        start = text.rfind(".", 0, at) + 1
        end = text.find(".", at)
        end = len(text) if end < 0 else end
        yield from MUNICIPALITY_RE.finditer(text, start, end)
        done = end


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def guess_municipality(text: str, minimum: int) -> str | None:
    """The municipality named most often in a text, when it is named at least `minimum` times."""
    counts = Counter(_title_case(m.group(0)) for m in _municipality_matches(text))
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= minimum else None


__all__ = ["guess_municipality", "read_header"]
