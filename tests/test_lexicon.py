"""One lexicon: every Danish word list lives in `vocabulary.py`, the patterns are built from it,
and each speed prefilter accepts everything the pattern beside it matches.

Three kinds of test: every word of a list is matched by the pattern built from
it (a word added to the lexicon reaches the pattern); hypothesis properties
that a prefilter never turns away a text its pattern matches (the
"Dagsordenspunkt" item that OPENER_HINT_RE did not know was glued to the
paragraph above and lost); and a check that no list of the lexicon is dead.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_cli import extract_text, vocabulary
from minutes_cli.cleanup.furniture import _is_date_or_page
from minutes_cli.patterns import (
    ABSENCE_LINE_RE,
    BILAG_LINE_RE,
    CASE_LABEL_INITIALS,
    CASE_LABEL_RE,
    CASE_OFFICER_RE,
    CASE_VALUE_RE,
    CLOSED_PART_RE,
    CURRENCY_HINT_RE,
    HEADER_LABEL_RE,
    INLINE_LABEL_RE,
    LABEL_MAX_CHARS,
    LIST_MARKER_RE,
    NUMERIC_DATE_RE,
    OPEN_PART_RE,
    OPENER_HINT_RE,
    PAGE_NUMBER_RE,
    PAGE_REFERENCE_HINT_RE,
    PAGE_REFERENCE_LOWER_RE,
    PAGE_REFERENCE_RE,
    PART_HEADING_RE,
    PART_INITIALS,
    PUNKT_INITIALS,
    PUNKT_ITEM_RE,
    RECOMMENDER_RE,
    STATUS_LINE_RE,
    SUBITEM_RE,
    WORD_DATE_RE,
    has_currency_word,
    match_recommender,
    sentence_ends,
)
from minutes_cli.vocabulary import (
    ABBREVIATIONS,
    ABSENCE_LABELS,
    CASE_NUMBER_LABELS,
    CASE_OFFICER_LABELS,
    CLOSED_PART_WORDS,
    CLOSED_STATUS_WORDS,
    CURRENCY_WORDS,
    HEADER_LABELS,
    ITEM_WORDS,
    MONTHS,
    OPEN_PART_WORDS,
    OPEN_STATUS_WORDS,
    PART_NOUNS,
    RECOMMENDER_VERB_STEMS,
    RECOMMENDER_VERBS,
)

PACKAGE = Path(vocabulary.__file__).parent


def _cases(word: str) -> list[str]:
    return [word, word.capitalize(), word.upper()]


# --- every word of a list reaches the pattern built from it ------------------------------


@pytest.mark.parametrize("word", ITEM_WORDS)
def test_item_words_open_item_headings(word: str) -> None:
    for form in _cases(word):
        match = PUNKT_ITEM_RE.match(f"{form} 2: Budgetopfølgning")
        assert match and match.group("number") == "2", form
        assert form[0] in PUNKT_INITIALS


@pytest.mark.parametrize("label", HEADER_LABELS)
def test_header_labels(label: str) -> None:
    match = HEADER_LABEL_RE.match(f"{label.capitalize()}: Rådhuset, lokale 2")
    assert match and " ".join(match.group("label").lower().split()) == label


@pytest.mark.parametrize("label", ABSENCE_LABELS)
def test_absence_labels(label: str) -> None:
    match = ABSENCE_LINE_RE.match(f"{label.capitalize()}: Jens Hansen (A)")
    assert match and match.group("names") == "Jens Hansen (A)"


@pytest.mark.parametrize("label", CASE_NUMBER_LABELS)
def test_case_number_labels(label: str) -> None:
    for form in (label, label.replace(" ", "")):
        text = f"{form.capitalize()}.: 2016/05156"
        match = CASE_LABEL_RE.match(text)
        assert match and match.group("case") == "2016/05156", text
        assert text[0] in CASE_LABEL_INITIALS


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_months(month: str) -> None:
    match = WORD_DATE_RE.search(f"Mødet holdes den 4. {month} 2025 kl. 16")
    assert match and match.group("month").lower() == month


@pytest.mark.parametrize("word", CLOSED_STATUS_WORDS + OPEN_STATUS_WORDS)
def test_status_words(word: str) -> None:
    assert STATUS_LINE_RE.match(word.capitalize())


@pytest.mark.parametrize("verb", RECOMMENDER_VERBS)
def test_recommender_verbs_and_their_stems(verb: str) -> None:
    assert any(verb.startswith(stem) for stem in RECOMMENDER_VERB_STEMS)
    match = match_recommender(f"Teknik og Miljø {verb}, at planen godkendes.")
    assert match and match.group("by") == "Teknik og Miljø"


@pytest.mark.parametrize("word", CURRENCY_WORDS)
def test_currency_words(word: str) -> None:
    for form in _cases(word):
        assert has_currency_word(f"i alt 400 {form}") and CURRENCY_HINT_RE.search(form)


@pytest.mark.parametrize("noun", PART_NOUNS)
def test_part_words(noun: str) -> None:
    for word in CLOSED_PART_WORDS:
        assert CLOSED_PART_RE.match(f"{word.capitalize()} {noun}") and not OPEN_PART_RE.match(f"{word} {noun}")
        assert PART_HEADING_RE.match(f"{word.capitalize()} {noun}:")
    for word in OPEN_PART_WORDS:
        assert OPEN_PART_RE.match(f"{word.capitalize()} {noun}") and not CLOSED_PART_RE.match(f"{word} {noun}")
    assert not CLOSED_PART_RE.match("Lukket referat")  # a running header opens no part


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_abbreviations_end_no_sentence(abbreviation: str) -> None:
    assert sentence_ends(f"Udgiften er afsat, {abbreviation}. Bilag 2. Beløbet er 4 mio. kr.") == [
        (len(f"Udgiften er afsat, {abbreviation}. Bilag 2."), len(f"Udgiften er afsat, {abbreviation}. Bilag 2. "))]


@pytest.mark.parametrize("label", CASE_OFFICER_LABELS)
def test_case_officer_labels(label: str) -> None:
    match = CASE_OFFICER_RE.search(f"{label.capitalize()}: Lisbeth Blaabjerg")
    assert match and match.group("name") == "Lisbeth Blaabjerg"


def test_item_word_case_label_keeps_items_apart() -> None:
    """"Sag nr. 1: Title" is an item; "Sag nr. 2016/05156" a case number (the guard on item words)."""
    assert CASE_LABEL_RE.match("Sag nr. 1: Budget") is None
    assert CASE_LABEL_RE.match("Sag nr. 2016/05156")
    assert CASE_LABEL_RE.match("Sagsnr. 15.20.05-P08-1-19")


# --- every prefilter accepts what its pattern matches ----------------------------------

OPENING_WORDS = st.sampled_from(
    [form for word in ITEM_WORDS + HEADER_LABELS + ABSENCE_LABELS + CASE_NUMBER_LABELS + ("bilag", "at")
     for form in _cases(word)] + ["Mødet", "Byrådet", "Der", "a", "B", "1", "12", "1.1", "2a", "•", "-", "EMN"])
SEPARATORS = st.sampled_from([" ", ": ", ". ", ") ", " – ", ".: ", "", "  ", ".", "-"])
REST = st.sampled_from(["2", "12", "2a", "Budget", "Rådhuset", "2016/05156", "Jens Hansen (A)", "at udvalget",
                        "nr. 3", "godkender", "udkast", "2025-009242", "Lokale 32", ""])
LONG_TAIL = " og de øvrige forhold, som fremgår af sagsfremstillingen ovenfor"  # past the short-line rule


@st.composite
def openings(draw: st.DrawFn) -> str:
    """A line that opens like a label, item heading, marker or prose."""
    parts = [draw(OPENING_WORDS)]
    for _ in range(draw(st.integers(0, 3))):
        parts += [draw(SEPARATORS), draw(REST)]
    return "".join(parts) + draw(st.sampled_from(["", LONG_TAIL]))


# The patterns whose lines open a paragraph by their shape; OPENER_HINT_RE is their prefilter.
OPENER_PATTERNS = {
    "PUNKT_ITEM_RE": PUNKT_ITEM_RE,
    "HEADER_LABEL_RE": HEADER_LABEL_RE,
    "CASE_LABEL_RE": CASE_LABEL_RE,
    "BILAG_LINE_RE": BILAG_LINE_RE,
    "LIST_MARKER_RE": LIST_MARKER_RE,
    "SUBITEM_RE": SUBITEM_RE,
    "CASE_VALUE_RE": CASE_VALUE_RE,
}


@settings(max_examples=1500, deadline=None)
@given(openings())
def test_opener_hint_accepts_every_opener(text: str) -> None:
    for name, pattern in OPENER_PATTERNS.items():
        if pattern.match(text):
            assert OPENER_HINT_RE.match(text), (name, text)
    absence = ABSENCE_LINE_RE.match(text)
    if absence and "deltog" not in text.lower():
        assert OPENER_HINT_RE.match(text), ("ABSENCE_LINE_RE", text)


@settings(max_examples=800, deadline=None)
@given(openings())
def test_first_letter_sets_accept_their_patterns(text: str) -> None:
    if PUNKT_ITEM_RE.match(text):
        assert text[0] in PUNKT_INITIALS, text
    if CASE_LABEL_RE.match(text):
        assert text[0] in CASE_LABEL_INITIALS, text


PART_WORDS = st.sampled_from(["Lukkede", "lukkede", "Lukket", "Åbne", "åbne", "Åben", "ÅBNE", "LUKKEDE", "Lukket"])
PART_NOUNS = st.sampled_from(["sager", "punkter", "dagsorden", "møde", "del", "referat"])


@settings(max_examples=300, deadline=None)
@given(PART_WORDS, PART_NOUNS, st.sampled_from(["", ":", " "]))
def test_part_initials_accept_part_headings(word: str, noun: str, end: str) -> None:
    text = f"{word} {noun}{end}"
    if PART_HEADING_RE.match(text) or CLOSED_PART_RE.match(text) or OPEN_PART_RE.match(text):
        assert text[0] in PART_INITIALS, text


LEAD_PIECES = st.sampled_from(["Direktøren", "Teknik", "og", "Miljø", "for", "Det", "Forvaltningen", "hermed",
                               "derfor", "til", "Byrådet", ",", "at", ":"] + [v for w in RECOMMENDER_VERBS
                                                                            for v in _cases(w)])


@settings(max_examples=600, deadline=None)
@given(st.lists(LEAD_PIECES, min_size=1, max_size=10).map(" ".join))
def test_recommender_prefilter_accepts_every_lead_in(text: str) -> None:
    assert bool(match_recommender(text)) == bool(RECOMMENDER_RE.match(text))


PAGE_PIECES = st.sampled_from(["side", "Side", "page", "s.", "3", "12", "2016", "af", "of", "/", "-", " ", "  ",
                                "\t", "\u00a0", "\u2009", "\u3000", "\x85", "referat", "Kommune", "2016/05156", "."])


@settings(max_examples=1500, deadline=None)
@given(st.lists(PAGE_PIECES, max_size=10).map("".join))
def test_page_reference_hint_accepts_every_page_reference(text: str) -> None:
    folded = text.lower()
    if PAGE_REFERENCE_LOWER_RE.search(folded):
        assert PAGE_REFERENCE_HINT_RE.search(folded), folded


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["20.02.2018", "7/5 2013", "3. juni 2022", "Side 3", "3 af 12", "4", "- 5 -",
                                 "Mandag", "kl. 16:30", "Referat", "Side", "juni", " ", ",", "."]),
                max_size=5).map(" ".join))
def test_date_or_page_lines_hold_a_digit(text: str) -> None:
    """furniture._is_date_or_page turns away a line without a digit before its patterns."""
    patterns_say = bool(PAGE_NUMBER_RE.match(text.strip(" ,.-–")) or PAGE_REFERENCE_RE.search(text)
                        or NUMERIC_DATE_RE.search(text) or WORD_DATE_RE.search(text))
    if patterns_say:
        assert any(ch.isdigit() for ch in text), text
    if not any(ch.isdigit() for ch in text):
        assert not _is_date_or_page(text), text


# --- one limit for a label before a colon -------------------------------------------------

@pytest.mark.parametrize(
    ("label", "inline"),
    [
        pytest.param("Beslutning", True, id="short"),
        pytest.param("Økonomiske konsekvenser og finansiering", True, id="longest-known-heading"),
        pytest.param("x" * LABEL_MAX_CHARS, True, id="at-the-limit"),
        pytest.param("x" * (LABEL_MAX_CHARS + 1), False, id="past-the-limit"),
    ],
)
def test_inline_label_limit(label: str, inline: bool) -> None:
    match = INLINE_LABEL_RE.match(f"{label}: Godkendt.")
    assert bool(match and match.group("label") == label) == inline


def test_label_limits_are_named_once() -> None:
    """No module spells out its own label-before-a-colon limit (48, 60 and 64 were three)."""
    for path in (PACKAGE / "segment" / "paragraphs.py", PACKAGE / "segment" / "sections.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r'find\(":", 0, \d+\)', source), path.name
        assert "LABEL_MAX_CHARS" in source, path.name


# --- the regression that led here ------------------------------------------------------------

def test_dagsordenspunkt_heading_after_a_long_line_is_an_item() -> None:
    """Before the lexicon fed OPENER_HINT_RE, item 2 was glued to item 1's decision and lost."""
    document = extract_text(textwrap.dedent("""\
        Dagsordenspunkt 1: Godkendelse af dagsorden til mødet i udvalget for teknik og miljø
        Sagsnr.: 2025/001234
        Beslutning
        Godkendt.
        Dagsordenspunkt 2: Budgetopfølgning pr. 30. juni 2025 for udvalgets samlede område og anlæg
        Sagsnr.: 2025/004321
        Beslutning
        Taget til efterretning.
        """))
    assert [(i.number, i.decision and i.decision.outcome) for i in document.items] == [
        ("1", "approved"), ("2", "noted")]


# --- no dead lists -----------------------------------------------------------------------

def _lexicon_names() -> list[str]:
    tree = ast.parse((PACKAGE / "vocabulary.py").read_text(encoding="utf-8"))
    return [node.target.id for node in tree.body
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)]


@pytest.mark.parametrize("name", _lexicon_names())
def test_every_lexicon_list_is_used(name: str) -> None:
    sources = [p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "vocabulary.py"]
    own = (PACKAGE / "vocabulary.py").read_text(encoding="utf-8")
    used_inside = own.count(name) > 1  # a list the lexicon builds another from (KNOWN_HEADINGS, HEADER_LABELS)
    assert used_inside or any(re.search(rf"\b{name}\b", source) for source in sources), f"{name} is dead"
