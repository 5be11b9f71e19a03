"""The decision (beslutning) of this meeting and its outcome.

The decision is the text under a decision heading ("Beslutning",
"<Udvalg>s beslutning den 04.12.2012 Punkt 2", "Beslutning i <udvalg> den
…"). When several dated decisions stand in one item, the one dated on the
meeting day is this meeting's; the others are history. Attendance lines
("Afbud: …", "Fraværende: …") are not part of the decision: their names are
returned separately for `meeting.absent`. A closed item whose only text is
one short paragraph that reads as a decision has that paragraph as its decision:
published minutes often print nothing else of a closed item.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import regex

from ..lazy_patterns import lazy_regex
from ..model import Decision, Outcome
from ..patterns import (
    ABSENCE_LINE_RE,
    CASE_VALUE_RE,
    COMMITTEE_DECISION_LABEL_RE,
    DATED_DECISION_RE,
    SENTENCE_END_RE,
    SUMMARY_OPENER_RE,
    WORD_RE,
    sentence_ends,
)
from ..segment import RawSection, is_caps_heading
from ..vocabulary import (
    ACT_SUBJECT_ENDINGS,
    ACT_SUBJECTS,
    MEETING_TRAILER_LEADS,
    NAMELESS_DECISION_HEADINGS,
    OUTCOME_PHRASES,
    SUMMARY_LEADS,
    normalise_label,
)
from .dates import find_date
from .names import split_names

# Without a sentence stating the act, the outcome is read from the decision's first
# sentence (at most this many characters): long decisions mention "godkendt" or "ikke
# tiltræde" in passing. 300 holds the longest first sentence seen ("Tilbagesendes … har vedtaget
# Magistratens foranstående indstilling af 19. august 2025.", 160 characters).
OUTCOME_WINDOW_CHARS = 300

def _phrase_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for a list of phrases, longest first, as whole words, to search lower-cased text
    (a case-blind search pays a case lookup per letter)."""
    choices = "|".join(regex.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return lazy_regex(rf"(?<!\w)(?:{choices})(?!\w)")


_OUTCOME_RES: tuple[tuple[Outcome, regex.Pattern[str]], ...] = tuple(
    (cast(Outcome, outcome), _phrase_pattern(phrases)) for outcome, phrases in OUTCOME_PHRASES
)


@dataclass(frozen=True)
class DecisionResult:
    """The decision (or None) and the names reported absent inside it."""

    decision: Decision | None
    absent: tuple[str, ...]
    date: str | None = None  # the date in the decision heading ("… beslutning den 04.12.2012")


@lru_cache(maxsize=2048)  # decisions repeat from item to item ("Godkendt.", "Taget til efterretning.")
def classify_outcome(text: str) -> Outcome:
    """The outcome of a decision text.

    Every sentence is read. The sentence that states the committee's own act
    ("Udvalget tog orienteringen til efterretning", "Godkendt.", "Sagen sendes
    tilbage …") decides, the first such one winning; a report of what others
    did ("Administrationen oplyste, at budgettet er godkendt") does not. When
    no sentence states an act, the earliest phrase in the first sentence counts,
    and a later sentence only when it puts the item off or turns it down.
    """
    window = text[:OUTCOME_SCAN_CHARS]
    sentences = SENTENCE_END_RE.split(window)
    for sentence in sentences:
        found = _act_outcome(sentence)
        if found:
            return found
    first_sentence = sentences[0][:OUTCOME_WINDOW_CHARS]
    found = _earliest_outcome(first_sentence)
    if found:
        return found
    # "Udvalget drøftede sagen, og besluttede herefter at udsætte sagens behandling"
    later = _earliest_outcome(" ".join(sentences[1:]))
    return later if later in ("postponed", "rejected") else "other"


# A decision is read for its outcome over at most this many characters: the longest
# decision of the corpus that states its act late ("… Orienteringen blev taget til
# efterretning") does so within 1,000; past that a text holds history, not the act.
OUTCOME_SCAN_CHARS = 2000

# An act's outcome phrase starts within this many characters of its sentence's start
# ("Udvalget besluttede herefter at udsætte sagens behandling": 36).
ACT_PHRASE_WITHIN = 60


def _act_outcome(sentence: str) -> Outcome | None:
    """The outcome of a sentence that states an act: it opens with its outcome phrase
    ("Godkendt.", "Ikke tiltrådt.", "Til efterretning.") or with the body or matter acted
    on ("Udvalget …", "Orienteringen blev …", "Sagen sendes …") and names the outcome soon after."""
    stripped = sentence.lstrip()
    if _OUTCOME_START_RE.match(stripped):
        return _earliest_outcome(stripped[:ACT_PHRASE_WITHIN + 20])
    first = stripped.split(" ", 1)[0].lower().strip(",")
    if first in ACT_SUBJECTS or first.endswith(ACT_SUBJECT_ENDINGS):
        # in the main clause only: "Sagen genoptages på næste møde, hvor den forventes godkendt"
        comma = stripped.find(",", 0, ACT_PHRASE_WITHIN + 20)
        return _earliest_outcome(stripped[:comma if comma > 0 else ACT_PHRASE_WITHIN + 20])
    return None


# An outcome phrase that opens a sentence: "Godkendt.", "Anbefales", "Taget til efterretning", "Ikke …".
_OUTCOME_START_RE = lazy_regex(r"^(?:godkend|tiltr|vedta|anbefal|til\s+efterretning|taget\s+til|udsat|udsættes"
                               r"|hjemvis|forkast|afvis|bevilg|ikke\s+)", regex.I)


def _earliest_outcome(window: str) -> Outcome | None:
    """The outcome whose phrase starts first in the window (longest phrase on a tie)."""
    best: tuple[int, int, Outcome] | None = None
    lowered = window.lower()
    for outcome, pattern in _OUTCOME_RES:
        match = pattern.search(lowered)
        if match and (best is None or (match.start(), -len(match.group(0))) < (best[0], best[1])):
            best = (match.start(), -len(match.group(0)), outcome)
    return best[2] if best else None


def _body(title: str | None) -> str | None:
    if not title or normalise_label(title) in NAMELESS_DECISION_HEADINGS:
        return None  # a plain "Beslutning" names nobody
    match = DATED_DECISION_RE.match(title.strip())
    if match:
        body = (match.group("body1") or match.group("body2") or match.group("body4") or "").strip(" ,")
        return body or None
    labelled = COMMITTEE_DECISION_LABEL_RE.match(title.strip())
    return labelled.group("body3").strip(" ,") if labelled else None


def _pick(sections: list[RawSection], meeting_date: str | None) -> RawSection | None:
    candidates = [s for s in sections if s.kind == "decision" and s.blocks]
    if not candidates:
        return None
    if meeting_date:
        for section in candidates:
            if section.title and find_date(section.title) == meeting_date:
                return section
    dated = [s for s in candidates if s.title and find_date(s.title)]
    undated = [s for s in candidates if s not in dated]
    return undated[0] if undated else dated[-1]


def _is_decision_text(text: str) -> bool:
    """False for what may close a decision section but says nothing of the decision: a lone
    "." left by an empty field, or a title in capitals ("BESLUTNINGSFORSLAG FRA DD") over
    the part that follows."""
    return any(ch.isalnum() for ch in text) and not is_caps_heading(text)


# A site footer or contact line is short: "www.egedal.dk | Tlf. 72 59 00 00".
MAX_FOOTER_CHARS = 120


def _is_trailer(text: str) -> bool:
    """True for a paragraph after the last decision that belongs to no item: the next
    meeting, the meeting's end ("Næste møde afholdes …", "Mødet hævet kl. 17"), or a
    site footer with a web address (README known weak spot)."""
    lowered = text.lower()
    if lowered.startswith(MEETING_TRAILER_LEADS):
        return True
    return len(text) <= MAX_FOOTER_CHARS and ("www." in lowered or "http" in lowered)


def find_decision(sections: list[RawSection], meeting_date: str | None, closed: bool = False,
                  title: str | None = None) -> DecisionResult:
    """This meeting's decision for the item, and absentees named in it; with the item's
    title, a summary of the item printed after the decision is left out of it."""
    section = _pick(sections, meeting_date)
    if section is None:
        return DecisionResult(_bare_decision(sections) if closed else None, ())
    kept: list[str] = []
    absent: list[str] = []
    for block in section.blocks:
        match = ABSENCE_LINE_RE.match(block.text)
        if match:
            absent += split_names(match.group("names"))
            continue
        kept.append(block.text)
    while len(kept) > 1 and (not _is_decision_text(kept[-1]) or _is_trailer(kept[-1])):
        kept.pop()
    text = _without_trailing_summary("\n".join(kept).strip(), title)
    date = find_date(section.title) if section.title else None
    if not text:
        return DecisionResult(None, tuple(absent), date)
    decision = Decision(text=text, outcome=classify_outcome(text), by=_body(section.title))
    return DecisionResult(decision, tuple(absent), date)


def _stems(text: str) -> set[str]:
    """The content words of a text by their first letters: "anlægsregnskaber" and "anlægsregnskab" meet."""
    return {word[:STEM_CHARS] for word in WORD_RE.findall(text.lower()) if len(word) >= STEM_CHARS}


# Words compare by this many first letters; shorter words ("og", "til", "der") are no content.
STEM_CHARS = 5


def _is_item_summary(sentence: str, title_stems: set[str]) -> bool:
    """True for a sentence that restates the item, not the decision: a heading-like phrase
    ("Forslag om …", "Anlægsbevilling til …", "Endelig vedtagelse af …", "Indstillingen
    vedrører …") that names something of the title and states no outcome. FirstAgenda's
    Byråd print sets the item's summary right after its decision (README: Aarhus Byråd)."""
    words = sentence.split()
    if len(words) < 3:
        return False
    # the opening is tested first: it is the cheapest of the conditions, and fails most often
    # ("Sagen sendes til …" has an act's subject: it goes on the decision)
    if not (sentence.lower().startswith(SUMMARY_LEADS)
            or SUMMARY_OPENER_RE.match(sentence) is not None and words[0].lower() not in ACT_SUBJECTS):
        return False
    return bool(title_stems & _stems(sentence)) and not _earliest_outcome(sentence)


def _without_trailing_summary(text: str, title: str | None) -> str:
    """The decision text without the item's summary sentences at its end (see _is_item_summary);
    its first sentence always stays."""
    if not title or not text:
        return text
    ends = [0, *_sentence_end_offsets(text)]
    if len(ends) == 1:
        return text  # one sentence: it stays
    title_stems = _stems(title)
    while len(ends) > 1 and _is_item_summary(text[ends[-1]:].strip(), title_stems):
        text = text[:ends.pop()].rstrip()
    return text


@lru_cache(maxsize=2048)  # decisions repeat from item to item
def _sentence_end_offsets(text: str) -> tuple[int, ...]:
    """Where each sentence after the first starts (the ends of `sentence_ends_or_lines`)."""
    return tuple(end for _, end in sentence_ends_or_lines(text))


def sentence_ends_or_lines(text: str) -> list[tuple[int, int]]:
    """Where the text's sentences end: at sentence ends and at paragraph breaks."""
    spans = sentence_ends(text) + [(m.start(), m.end()) for m in _NEWLINE_RE.finditer(text)]
    return sorted(set(spans))


_NEWLINE_RE = lazy_regex(r"\n+")


# A closed item's bare decision is one paragraph of at most this many characters (the
# longest seen, "Tilbagesendes … indstilling af 19. august 2025.", is 176).
MAX_BARE_DECISION_CHARS = 400


def _bare_decision(sections: list[RawSection]) -> Decision | None:
    """The decision of a closed item whose body, past its case numbers, is one short
    unheaded paragraph with a decision's outcome ("Tilbagesendes … har vedtaget …")."""
    if len(sections) != 1 or sections[0].heading is not None:
        return None
    texts = [block.text for block in sections[0].blocks if not CASE_VALUE_RE.match(block.text)]
    if len(texts) != 1 or len(texts[0]) > MAX_BARE_DECISION_CHARS:
        return None
    outcome = classify_outcome(texts[0])
    return Decision(text=texts[0], outcome=outcome) if outcome != "other" else None
