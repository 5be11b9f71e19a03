"""Money amounts: `find_amounts` and `parse_number`, table-driven.

Cases are grouped by where they come from: the seed documents' layouts, the
corpus layouts (eDoc, SBSYS, Acadre, FirstAgenda), and invented negatives
(SCHEMA.md: percentages, counts, dates, case numbers, phone numbers and years
are not amounts). Each snippet is a short, real-looking Danish sentence.
"""

from __future__ import annotations

import pytest
from helpers import only_item
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_cli.extract import find_amounts, parse_number
from minutes_cli.extract.amounts import _amount_matches
from minutes_cli.patterns import (
    AMOUNT_RE,
    CURRENCY_HINT_RE,
    CURRENCY_HINTS,
    SENTENCE_END_RE,
    has_currency_word,
    sentence_ends,
)

# (snippet, [(raw text as printed, value in kroner), ...])
SEED_LAYOUTS = [
    pytest.param("fase 1 er estimeret til at udgøre 2,2 mill. kr., hvoraf", [("2,2 mill. kr.", 2_200_000)],
                 id="seed-mill-decimal"),
    pytest.param("Der er i alt bevilget 6,7 mil. kr. til projektet", [("6,7 mil. kr.", 6_700_000)],
                 id="seed-mil"),
    pytest.param("Der er i alt bevilget 35,9 mill. kr. til Projekt", [("35,9 mill. kr.", 35_900_000)],
                 id="seed-mill-two-digits"),
    pytest.param("anlægsbevilling og rådighedsbeløb på 400.000 kroner til forundersøgelser",
                 [("400.000 kroner", 400_000)], id="seed-kroner"),
    pytest.param("Projektet har et samlet budget på 238.000 kr. fordelt over to år", [("238.000 kr.",
                                                                                       238_000)],
                 id="seed-kr-thousands"),
    pytest.param("udgiften på 16,2 mill. kr., hvoraf 8,1 mill. kr. søges finansieret",
                 [("16,2 mill. kr.", 16_200_000), ("8,1 mill. kr.", 8_100_000)], id="seed-two-in-a-sentence"),
]

CORPUS_LAYOUTS = [
    pytest.param("Prisen er kr. 1.500 pr. deltager", [("kr. 1.500", 1_500)], id="kr-prefix"),
    pytest.param("Kr. 250.000 overføres til 2019", [("Kr. 250.000", 250_000)], id="kr-prefix-capital"),
    pytest.param("Egenbetalingen er 1.198,- kr. om måneden", [("1.198,- kr.", 1_198)], id="comma-dash"),
    pytest.param("Rammen udvides med t.kr. 500 i 2019", [("t.kr. 500", 500_000)], id="tkr-prefix"),
    pytest.param("Merforbruget udgør 500 tkr. i 2018", [("500 tkr.", 500_000)], id="tkr-suffix"),
    pytest.param("Der er afsat ca. 400 t. kr. til formålet", [("400 t. kr.", 400_000)], id="t-space-kr"),
    pytest.param("Anlægsrammen er på 1,5 mia. kr. over fire år", [("1,5 mia. kr.", 1_500_000_000)], id="mia"),
    pytest.param("Regionens samlede udgift er 2 mrd. kr.", [("2 mrd. kr.", 2_000_000_000)], id="mrd"),
    pytest.param("Tilskuddet udgør DKK 2.000.000 i alt", [("DKK 2.000.000", 2_000_000)], id="dkk-prefix"),
    pytest.param("Der er afsat 2,5 mio. DKK til udbuddet", [("2,5 mio. DKK", 2_500_000)], id="mio-dkk"),
    pytest.param("Der søges om 3 mio. kr. fra puljen", [("3 mio. kr.", 3_000_000)], id="mio"),
    pytest.param("Regionen har afsat 100 mio. kr. og 0,9 mio. kr. til drift",
                 [("100 mio. kr.", 100_000_000), ("0,9 mio. kr.", 900_000)], id="sbsys-two-mio"),
    pytest.param("Der søges om anlægsbevilling på 1.316.000 \nkr. til bygningsvedligeholdelse",
                 [("1.316.000 kr.", 1_316_000)], id="edoc-line-break-before-unit"),
    pytest.param("Taksten nedsættes til 64 kr. i døgnet", [("64 kr.", 64)], id="edoc-per-day"),
    pytest.param("Projektet forventes at koste 2-3 mio. kr. årligt",
                 [("2-3 mio. kr.", 2_000_000), ("2-3 mio. kr.", 3_000_000)], id="range-two-values"),
    pytest.param("Rammen er 12 mio. kroner", [("12 mio. kroner", 12_000_000)], id="mio-kroner"),
    pytest.param("Der er budgetteret med 5 millioner kroner", [("5 millioner kroner", 5_000_000)],
                 id="millioner-spelled-out"),
    pytest.param("Udgiften på 38 916 000 kr. afholdes af rammen", [("38 916 000 kr.", 38_916_000)],
                 id="space-thousands"),
    pytest.param("Beløbet er 1.000.000,00 kr. inkl. moms", [("1.000.000,00 kr.", 1_000_000)],
                 id="decimals-00"),
    pytest.param("En reduktion på 2 mio.kr. i 2020", [("2 mio.kr.", 2_000_000)], id="mio-kr-no-space"),
    pytest.param("Anlægsudgiften er kr. 2 mio. i 2019", [("kr. 2 mio.", 2_000_000)],
                 id="kr-prefix-with-scale"),
    pytest.param("Budgettet for 2026 er på 3 milliarder kr.", [("3 milliarder kr.", 3_000_000_000)],
                 id="milliarder-spelled-out"),
    pytest.param("Tilskuddet ligger typisk på 10-15.000 kr. pr. forening",
                 [("10-15.000 kr.", 10_000), ("10-15.000 kr.", 15_000)], id="range-shared-thousands"),
]

# Ranges and fractions written out in words: the scale word covers both ends. Only the values are
# pinned: whether the raw text starts at "mellem" is the implementer's choice.
WORD_RANGES = [
    pytest.param("Udgiften skønnes at ligge mellem 2 og 3 mio. kr. om året", [2_000_000, 3_000_000],
                 id="mellem-2-og-3-mio"),
    pytest.param("Udgiften forventes at blive 2 til 3 mio. kr.", [2_000_000, 3_000_000], id="2-til-3-mio"),
    pytest.param("Projektet koster 2½ mio. kr. over tre år", [2_500_000], id="half-fraction"),
    # the unit distributes over a range or pair whose start names its own scale (issue 10, blind set)
    pytest.param("Budgettet reduceres fra 227,6 mio. til 219,2 mio. kr. i 2026", [227_600_000, 219_200_000],
                 id="fra-mio-til-mio-kr"),
    pytest.param("Der er afsat 4,2 og 5,1 mio. kr. i de to år", [4_200_000, 5_100_000], id="decimal-pair-og"),
    pytest.param("Prisen bliver 4 mio. eller 5 mio. kr. afhængigt af udbuddet", [4_000_000, 5_000_000],
                 id="pair-eller-with-scales"),
    pytest.param("mellem 1,5 mia. og 2 mia. kr.", [1_500_000_000, 2_000_000_000], id="mellem-mia-og-mia"),
    # a stray space after the decimal comma: still one number
    pytest.param("Udgiften udgør 13, 43 mio. kr. årligt", [13_430_000], id="stray-space-after-comma"),
    # not a pair: a year, or a count without a decimal comma, before "og"
    pytest.param("Der er afsat 5 mio. kr. i 2025 og 5 mio. kr. i 2026", [5_000_000, 5_000_000], id="two-amounts"),
    pytest.param("i 2025 og 5 mio. kr. i 2026", [5_000_000], id="year-og-is-no-pair"),
    pytest.param("i 2025, 43 mio. kr. i 2026", [43_000_000], id="year-comma-is-no-decimal"),
    pytest.param("de 3 skoler og 2 mio. kr. til drift", [2_000_000], id="count-og-is-no-pair"),
]

INVENTED_NEGATIVES = [
    pytest.param("målet for aktiveringsgraden bliver 40 pct. i 2010", id="percent-pct"),
    pytest.param("Andelen steg til 100 % af målgruppen", id="percent-sign"),
    pytest.param("I gennemsnit deltog 38,5 borgere pr. forløb", id="count-decimal"),
    pytest.param("Mødested Mødelokale 2608, tlf. 39 57 52 40", id="phone-number"),
    pytest.param("Strategien blev vedtaget i 2013", id="year"),
    pytest.param("for perioden 2008 – 2012", id="year-range"),
    pytest.param("Introduktionen på udvalgets møde 20.02.2018, punkt 5", id="date"),
    pytest.param("Sagsnr. 2016/05156", id="case-number-slash"),
    pytest.param("Sagsnr.: 15.20.05-P08-1-19", id="case-number-kle"),
    pytest.param("Sagen behandles efter § 17, stk. 4 i styrelsesloven", id="paragraph-stk"),
    pytest.param("Mødet begynder kl. 16.30 i mødelokale 2", id="clock-time"),
    pytest.param("Der er ansat 1.200 medarbejdere på området", id="count-thousands"),
    pytest.param("Bygningen er på 2.500 m2 fordelt på tre etager", id="area"),
    pytest.param("Se side 3 af 12 i bilaget", id="page-counter"),
    pytest.param("Kommunen har 69.000 indbyggere", id="population"),
    pytest.param("Der er bestilt 1.500 stk. af pjecen", id="pieces"),
    pytest.param("Tlf. 4477 2000, CVR 29189854", id="phone-and-cvr"),
    pytest.param("Beløb i kr.:", id="unit-without-number"),
    pytest.param("Der bevilges 4 mio. euro fra EU", id="euro-is-not-dkk"),
]


def _pairs(text: str) -> list[tuple[str, float]]:
    return [(a.text, a.value) for a in find_amounts(text)]


@pytest.mark.parametrize(("text", "expected"), SEED_LAYOUTS + CORPUS_LAYOUTS)
def test_amounts_found(text: str, expected: list[tuple[str, float]]) -> None:
    assert _pairs(text) == [(raw, float(value)) for raw, value in expected]


@pytest.mark.parametrize(("text", "values"), WORD_RANGES)
def test_word_range_values(text: str, values: list[float]) -> None:
    assert [a.value for a in find_amounts(text)] == [float(v) for v in values]


@pytest.mark.parametrize("text", INVENTED_NEGATIVES)
def test_not_an_amount(text: str) -> None:
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("1.316.000", 1_316_000, id="thousands-dots"),
        pytest.param("2,2", 2.2, id="decimal-comma"),
        pytest.param("1.000.000,50", 1_000_000.5, id="thousands-and-decimals"),
        pytest.param("38 916 000", 38_916_000, id="space-thousands"),
        pytest.param("38\u00a0916\u00a0000", 38_916_000, id="nbsp-thousands"),
        pytest.param("2.5", 2.5, id="english-decimal-point"),
        pytest.param("400", 400, id="plain"),
        pytest.param("0,9", 0.9, id="below-one"),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_currency_is_dkk_and_section_is_passed_on() -> None:
    [amount] = find_amounts("Udgiften er 400.000 kr.", section="Økonomi")
    assert amount.currency == "DKK"
    assert amount.section == "Økonomi"


@pytest.mark.parametrize(
    ("text", "contexts"),
    [
        pytest.param("Det koster 2,2 mill. kr. i alt. Heraf betaler staten 1,1 mill. kr. Resten er lokalt.",
                     ["Det koster 2,2 mill. kr. i alt.", "Heraf betaler staten 1,1 mill. kr."],
                     id="two-sentences"),
        pytest.param("Der er afsat 400.000 kroner.", ["Der er afsat 400.000 kroner."], id="one-sentence"),
        pytest.param("Midlerne fordeles bl.a. til to projekter. Settlementerne modtager 300.000 kr. i 2019.",
                     ["Settlementerne modtager 300.000 kr. i 2019."], id="abbreviation-then-lower-case"),
        pytest.param("Midlerne fordeles til bl.a. Settlementerne, som modtager 300.000 kr. i 2019.",
                     ["Midlerne fordeles til bl.a. Settlementerne, som modtager 300.000 kr. i 2019."],
                     id="abbreviation-bl-a-before-capital"),
        pytest.param("Jf. Budget 2019 afsættes 500.000 kr. til formålet.",
                     ["Jf. Budget 2019 afsættes 500.000 kr. til formålet."],
                     id="abbreviation-jf-before-capital"),
    ],
)
def test_context_is_the_sentence(text: str, contexts: list[str]) -> None:
    assert [a.context for a in find_amounts(text)] == contexts


def test_raw_text_is_kept_beside_the_value() -> None:
    [amount] = find_amounts("Taksten er 1.198,- kr. pr. måned")
    assert (amount.text, amount.value) == ("1.198,- kr.", 1198.0)


def test_item_amounts_in_order_with_their_sections() -> None:
    item = only_item("""
        Punkt 9: Placering af en skole til Forberedende Grunduddannelse

        Sagsnr.: 2018/01267

        Sagsfremstilling

        Målgruppen er ca. 400 unge, heraf 40 pct. uden job. Se § 17, stk. 4.

        Byggetekniske forundersøgelser

        Der gives anlægsbevilling og rådighedsbeløb på 400.000 kroner til forundersøgelser.

        Økonomi

        Udgiften på 400.000 kroner finansieres af puljen, og driften koster 2,2 mill. kr. årligt.
        """)
    assert [(a["text"], a["value"], a["section"]) for a in item["amounts"]] == [
        ("400.000 kroner", 400_000, "Byggetekniske forundersøgelser"),
        ("400.000 kroner", 400_000, "Økonomi"),
        ("2,2 mill. kr.", 2_200_000, "Økonomi"),
    ]
    assert all(a["currency"] == "DKK" for a in item["amounts"])
    assert item["amounts"][0]["context"] == (
        "Der gives anlægsbevilling og rådighedsbeløb på 400.000 kroner til forundersøgelser.")


# --- the windowed search finds exactly what a full scan finds -------------------

AMOUNT_PIECES = st.sampled_from([
    "1.316.000", "2,2", "mio.", "mill.", "mia.", "kr.", "kr", "kroner", "DKK", "t.kr.", "tkr.", "-", "–", "til", "og",
    "mellem", "ca.", " ", " ", "\n", "500", "1.198,-", "½", "Udgiften", "pct.", "2016/05156", ".", ",", "(", ")",
    "krav", "beskrevet", "Budget", "MIO.", "Til", "OG", "t. kr.", "38 916 000", "−", "÷", "2.5", "milliarder", "Kr.",
    "%", "\u00a0", "millioner", "dkk", "mrd.", "Kragelund", "kraft", "KRONER", "DKKA", "eller", "13, 43", "fra",
])


@settings(max_examples=600, deadline=None)
@given(st.tuples(st.lists(AMOUNT_PIECES, max_size=60), st.sampled_from([" ", "", "  "]))
       .map(lambda pieces_and_glue: pieces_and_glue[1].join(pieces_and_glue[0])))
def test_window_search_equals_full_scan(text: str) -> None:
    full = [(m.span(), m.group(0)) for m in AMOUNT_RE.finditer(text)]
    windowed = [(m.span(), m.group(0)) for m in _amount_matches(text)]
    assert windowed == full


SENTENCE_PIECES = st.sampled_from([
    "Beløbet", "er", "afsat", ".", "!", "?", " ", "  ", "\n", "bl.a.", "jf.", "f.eks.", "Syddjurs", "2025", "ca.",
    "Kommune", "\"", "“", "Økonomi", "m.v.", "m.fl.", "kr.", "1.316.000", "Å", "æ", ",", "pkt.", "Bilag",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=50).map(" ".join))
def test_sentence_ends_equal_a_full_scan(text: str) -> None:
    assert sentence_ends(text) == [match.span() for match in SENTENCE_END_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="kKrRdDæ .1", max_size=12))
def test_currency_word_test_agrees_with_the_pattern(text: str) -> None:
    assert has_currency_word(text) == bool(CURRENCY_HINT_RE.search(text))
    assert set(CURRENCY_HINTS) == set(CURRENCY_HINT_RE.pattern.split("|"))


# --- budget tables: the unit stands once in the header, the cells are amounts in it ---------

TABLE_CASES = [
    pytest.param("Beløb i 1.000 kr. Korrigeret budget Forventet regnskab Afvigelse\n"
                 "Ældreområdet 412.300 421.900 9.600\nØvrige områder 1.203.500 1.197.000 -6.500",
                 [412_300_000, 421_900_000, 9_600_000, 1_203_500_000, 1_197_000_000, -6_500_000],
                 id="label-grid-1000-kr"),
    pytest.param("Anlægsudgifter (mio. kr.)\n2025 2026 2027\nSkolebyggeri 12,5 3,2 -\nI alt 12,5 3,2 -",
                 [12_500_000, 3_200_000, 12_500_000, 3_200_000], id="mio-kr-header-years-and-empty-cell"),
    pytest.param("Mio. kr. Budget Regnskab\nDrift 31,4 32,0", [31_400_000, 32_000_000], id="unit-opens-header"),
    pytest.param("(t.kr.)\nHjemmepleje 650", [650_000], id="t-kr"),
    # prose under or before a table keeps its own amounts, in order
    pytest.param("Merforbruget er 14,6 mio. kr.\n\nBeløb i 1.000 kr. Budget\nEnergi 18.200\n\n"
                 "Energiudgifterne stiger med 6,5 mio. kr.", [14_600_000, 18_200_000, 6_500_000],
                 id="prose-around-table"),
    # negatives: numbers without a unit header, a header without rows, prose lines
    pytest.param("Antal elever\nSkole A 412\nSkole B 380", [], id="no-unit-no-amounts"),
    pytest.param("Beløb i 1.000 kr.\n\nDer er ansøgt om midler til tre projekter i 2025.", [],
                 id="header-without-rows"),
    pytest.param("Udgiften er 1.000 kr. pr. deltager.\nDeltagere 45", [1_000], id="amount-is-no-unit-header"),
    pytest.param("(mio. kr.)\nDen samlede ramme for de kommende års anlægsprojekter i kommunen er 45", [],
                 id="long-prose-line-is-no-row"),
]


@pytest.mark.parametrize(("body", "values"), TABLE_CASES)
def test_budget_table_cells(body: str, values: list[float]) -> None:
    document = "Punkt 1: Budgetopfølgning\nSagsnr.: 2025/001234\n\nSagsfremstilling\n\n" + body + "\n"
    assert [a["value"] for a in only_item(document)["amounts"]] == [float(v) for v in values]
