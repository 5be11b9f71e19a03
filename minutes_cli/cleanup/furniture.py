"""Remove page furniture: running headers and footers, page numbers.

Two signals, both general rather than per system:
- on paged input, a line that stands in the top or bottom band of many pages
  and nowhere else (page counters compared as one symbol, so "Side 3" and
  "Side 4" are the same);
- on unpaged input, a run of lines that repeats through the document and holds
  a date or a page number (a committee/date/municipality block that an export
  put in the middle of the text, cutting sentences and words in two).
Where a removed run cut a sentence, the text on both sides is rejoined.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex

from ..lazy_patterns import lazy_regex
from ..model import Line
from ..patterns import (
    DIGITS_RE,
    HAS_DIGIT_RE,
    NUMERIC_DATE_RE,
    PAGE_COUNTER_RE,
    PAGE_NUMBER_RE,
    PAGE_REFERENCE_HINT_RE,
    PAGE_REFERENCE_LOWER_RE,
    PAGE_REFERENCE_RE,
    TIME_RE,
    WORD_DATE_RE,
    WORD_RE,
)
from ..vocabulary import KNOWN_HEADINGS, OUTCOME_WORDS, normalise_label

# How many lines at the top and at the bottom of a page can be a repeated header/footer.
# Four covers the running headers seen; more lets item headings at page tops qualify.
PAGE_BAND_LINES = 4

# A page number may stand deeper: Ballerup eDoc prints committee, "Referat", "Åbent
# referat" and "Dato: …" before "Side N". Six covers that with one spare.
PAGE_NUMBER_BAND_LINES = 6

# A band line is furniture when it is on at least this share of pages (and on two or more).
# 0.4 keeps headers that skip the first page or an appendix, on documents of 3+ pages.
MIN_PAGE_SHARE = 0.4

# A band line is furniture only when most of its occurrences are in the bands (a committee
# name in a running header also stands in the text now and then).
BAND_ONLY_SHARE = 0.5

# In unpaged text, a line must repeat this often before it can be furniture; two
# repeats happen naturally (an attachment listed twice), three rarely do.
MIN_TEXT_REPEATS = 3

# Words that may stand beside a date in a running header's date line.
DATE_FILLER_WORDS = frozenset({"kl", "den", "d", "dato", "mødedato", "mandag", "tirsdag", "onsdag", "torsdag",
                               "fredag", "lørdag", "søndag"})

# A run member must repeat at least this share of its anchor's count. Running
# headers repeat together (every line as often as the date in it); half allows
# for a header line that a page break split or an extractor dropped.
RUN_MEMBER_SHARE = 0.5

# A running header or footer is one printed line: about 150 characters at most across a
# landscape A4 page (the longest seen, "Lemvig Kommune · Børne- og Skoleudvalget · 13. juni
# 2022 Side 4", is 63). A longer line with a page reference ("jf. side 3") is running text.
MAX_FURNITURE_CHARS = 160

# Headings and one-line decisions ("Godkendt.") repeat on many pages of a
# document whose items each take a page; they are text, never furniture.
_KNOWN_HEADINGS = KNOWN_HEADINGS | OUTCOME_WORDS


# How a page-number line (PAGE_NUMBER_RE) can start besides a digit: "side 3", "page 3", "- 3 -".
PAGE_NUMBER_INITIALS = frozenset("sp-– ")


def _key(text: str) -> str:
    """Lines compare in lower case (readers already collapsed their spaces); a page number
    or counter ("… Side 2") counts as one symbol."""
    folded = text.lower()
    if len(folded) <= 20 and (folded[:1] in PAGE_NUMBER_INITIALS or folded[:1].isdigit()) \
            and PAGE_NUMBER_RE.match(folded):
        return str(DIGITS_RE.sub("#", folded))
    # " af " stands in most Danish sentences: the hint (a digit beside it) keeps the pattern off most of them
    if (("side" in folded or "/" in folded or " af " in folded or " of " in folded)
            and PAGE_REFERENCE_HINT_RE.search(folded) and PAGE_REFERENCE_LOWER_RE.search(folded)):
        return str(PAGE_REFERENCE_LOWER_RE.sub("#", folded))
    return folded


def _band_key(text: str) -> str:
    """Header/footer lines compare with their page counter as one symbol ("Referat Side 3" = "Referat Side 4").

    Other digits stay: a case number at the top of every page ("EMN-2025-003383",
    "EMN-2025-003928") is different text each time, not a running header.
    """
    folded = " ".join(text.lower().split())
    # every page counter holds a digit: most lines are decided without the pattern
    return str(PAGE_COUNTER_RE.sub("#", folded)) if HAS_DIGIT_RE.search(folded) else folded


def _is_date_or_page(text: str) -> bool:
    """A line that is only a page number, or only a date (with weekday or time): "20.02.2018",
    or any line that carries a page counter ("Lemvig Kommune · 13. juni 2022 Side 2")."""
    if HAS_DIGIT_RE.search(text) is None:
        return False  # every page number, counter and date has a digit: most repeated lines are decided here
    stripped = text.strip(" ,.-–")
    if PAGE_NUMBER_RE.match(stripped) or PAGE_REFERENCE_RE.search(stripped):
        return True
    match = NUMERIC_DATE_RE.search(stripped) or WORD_DATE_RE.search(stripped)
    if not match:
        return False
    rest = TIME_RE.sub(" ", stripped[: match.start()] + " " + stripped[match.end():])
    return all(word in DATE_FILLER_WORDS for word in WORD_RE.findall(rest.lower()))


def _paged_furniture(lines: list[Line]) -> set[int]:
    """Indexes of lines in the top/bottom bands that repeat across pages."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.page is not None:
            by_page[line.page].append(index)
    if len(by_page) < 2:
        return set()
    band: dict[int, set[int]] = {}
    pages_with_key: dict[str, set[int]] = defaultdict(set)
    pages_at_place: dict[tuple[str, int], set[int]] = defaultdict(set)
    found: set[int] = set()
    keys = {index: _band_key(lines[index].text) for indexes in by_page.values() for index in indexes}  # once each
    for indexes in by_page.values():
        edges = indexes[:PAGE_NUMBER_BAND_LINES] + indexes[-PAGE_NUMBER_BAND_LINES:]
        found.update(index for index in edges if PAGE_NUMBER_RE.match(lines[index].text))
    for page, indexes in by_page.items():
        band[page] = set(indexes[:PAGE_BAND_LINES] + indexes[-PAGE_BAND_LINES:])
        # where in the band: a running header keeps its place (first line, last line, …) from page to
        # page; a line of text that a page break happens to put near an edge lands anywhere
        for place, index in [*enumerate(indexes[:PAGE_BAND_LINES]),
                             *((-1 - n, i) for n, i in enumerate(reversed(indexes[-PAGE_BAND_LINES:])))]:
            pages_with_key[keys[index]].add(page)
            pages_at_place[keys[index], place].add(page)
    threshold = max(2.0, MIN_PAGE_SHARE * len(by_page))
    # a running header stands only in the bands; a line that also stands mid-page
    # ("Udvalg: Aarhus Byråd" in a history list) is text that sometimes reaches a page edge
    everywhere = Counter(keys.values())
    steady: dict[str, int] = defaultdict(int)  # the most pages on which a line stands at one place
    for (key, _place), pages in pages_at_place.items():
        steady[key] = max(steady[key], len(pages))
    in_bands = Counter(keys[index] for members in band.values() for index in members)
    for members in band.values():
        for index in members:
            text = lines[index].text
            if normalise_label(text) in _KNOWN_HEADINGS:
                continue  # items that start on a new page put their headings in the top band
            key = keys[index]
            if PAGE_NUMBER_RE.match(text) or (len(pages_with_key[key]) >= threshold
                                              and in_bands[key] >= BAND_ONLY_SHARE * everywhere[key]
                                              and steady[key] >= threshold):
                found.add(index)
    return found


def _repeated_runs(lines: list[Line]) -> set[int]:
    """Indexes of lines in repeated runs anchored on a date or page number.

    A run member must repeat about as often as the run's anchor: a heading or
    lead-in that happens to repeat a few times next to a running header that
    repeats on every page is text, not furniture.
    """
    # a line longer than furniture can be is running text, whatever repeats it: no key; a
    # repeated line (the signal looked for) is keyed once
    key_of: dict[str, str] = {}
    keys: list[str | None] = []
    append = keys.append
    for line in lines:
        text = line.text
        if len(text) > MAX_FURNITURE_CHARS:
            append(None)
            continue
        key = key_of.get(text)
        if key is None:
            key = key_of[text] = _key(text)
        append(key)
    counts = Counter(keys)
    anchors_seen: dict[str | None, bool] = {}

    def anchor_of(key: str | None, text: str) -> bool:
        # a running header repeats the same few lines: decide each distinct line once
        if key not in anchors_seen:
            anchors_seen[key] = _is_date_or_page(text)
        return anchors_seen[key]

    # a repeated line is often repeated many times: look each distinct one up once, by the text
    # of its first line (texts are keyed in the order they first stand)
    first_text: dict[str, str] = {}
    for text, key in key_of.items():
        if key not in first_text and counts[key] >= MIN_TEXT_REPEATS:
            first_text[key] = text
    candidates = {key for key, text in first_text.items() if normalise_label(text) not in _KNOWN_HEADINGS}
    # the repeated lines, in runs of consecutive indexes
    positions = [index for index, key in enumerate(keys) if key in candidates]
    found: set[int] = set()
    at = 0
    while at < len(positions):
        last = at
        while last + 1 < len(positions) and positions[last + 1] == positions[last] + 1:
            last += 1
        run = range(positions[at], positions[last] + 1)
        anchors = [counts[keys[i]] for i in run if anchor_of(keys[i], lines[i].text)]
        # a meeting's own header repeats in a volume of one committee's meetings, but names where
        # and with whom the meeting was held, as no running header does: it is text
        if anchors and not any(MEETING_FACT_RE.match(lines[i].text) for i in run):
            floor = max(anchors) * RUN_MEMBER_SHARE
            found.update(i for i in run if counts[keys[i]] >= floor)
        at = last + 1
    return found


# The labels of a meeting header's facts that no running header carries: place and people.
# Matches "Mødested: Mødelokale B", "Deltagere: Kim Printz Rasmussen", "Til stede: …".
MEETING_FACT_RE = lazy_regex(r"^(?:mødested|sted|lokale|mødedeltagere|deltagere|medlemmer|til\s+stede)\b\s*:?",
                             regex.I)


def _ends_open(text: str) -> bool:
    """True when a line does not end a sentence, so the text may go on after furniture."""
    return not text.rstrip().endswith((".", "!", "?", ":", ";"))


# The date and time a browser stamps before the page title in a printed page's header:
# "11/30/26, 9:23 AM Hedensted Kommune – …", "30.11.2026 09:23 …". The title after it names
# the publisher; the stamp names nothing.
PRINT_STAMP_RE = lazy_regex(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+")


def remove_furniture(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Lines without furniture, and the text of the furniture lines removed."""
    kept, removed, _ = remove_furniture_at(lines)
    return kept, removed


def remove_furniture_at(lines: list[Line]) -> tuple[list[Line], list[str], list[int]]:
    """Lines without furniture, the text of the furniture lines removed, and where each stood in `lines`."""
    # with pages, headers and footers are found by position; repetition through the text
    # is the signal only where pages are unknown (a PDF's history lists repeat too)
    paged = any(line.page is not None for line in lines)
    drop = _paged_furniture(lines) if paged else _repeated_runs(lines)
    # the document's own first line is its title even when later pages repeat it as a running header
    if lines and not PAGE_REFERENCE_RE.search(lines[0].text) and not PAGE_NUMBER_RE.match(lines[0].text):
        drop.discard(0)
    if not drop:
        return lines, [], []
    kept: list[Line] = []
    removed: list[str] = []
    removed_at: list[int] = []
    cut = False
    for index, line in enumerate(lines):
        if index in drop:
            removed.append(PRINT_STAMP_RE.sub("", line.text))
            removed_at.append(index)
            cut = True
            continue
        if cut and kept and line.text[:1].islower() and _ends_open(kept[-1].text):
            line = line._replace(gap_before=False)  # the furniture cut a sentence: mend it
        elif cut and not line.gap_before and kept and not _ends_open(kept[-1].text):
            line = line._replace(gap_before=True)
        kept.append(line)
        cut = False
    return kept, removed, removed_at
