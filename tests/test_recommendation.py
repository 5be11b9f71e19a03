"""Recommendations (indstilling) of whole items: who recommends and each "at …" point.

Each case is a small item document in one of the layouts seen in Danish
minutes; points lose their numbering or bullet and read "at …".
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import only_item

CASES = [
    # seed layouts
    pytest.param("""
        Punkt 1: Takster 2019

        Sagsnr.: 2018/01267

        Indstilling

        Social- og Sundhedsforvaltningen indstiller,

        1. at taksterne for 2019 godkendes, og

        2. at der gives anlægsbevilling på 400.000 kroner.
        """,
        "Social- og Sundhedsforvaltningen",
        ["at taksterne for 2019 godkendes, og", "at der gives anlægsbevilling på 400.000 kroner."],
        id="seed-numbered-points"),
    pytest.param("""
        Punkt 3: Samarbejde om social investeringsmodel

        Indstilling

        Direktøren for Social, Sundhed og Beskæftigelse indstiller
        at udvalget godkender samarbejdet.
        """,
        "Direktøren for Social, Sundhed og Beskæftigelse", ["at udvalget godkender samarbejdet."],
        id="seed-single-at-line"),
    pytest.param("""
        12. Evaluering af strategi for de fælles borgere (2010-113567)

        INDSTILLING OG Beslutning

        Beskæftigelses- og Integrationsforvaltningen og Socialforvaltningen indstiller, at

        1. udvalgene tager evalueringen til efterretning.
        2. målet for aktiveringsgraden bliver 40 pct.
        """,
        "Beskæftigelses- og Integrationsforvaltningen og Socialforvaltningen",
        ["at udvalgene tager evalueringen til efterretning.",
         "at målet for aktiveringsgraden bliver 40 pct."],
        id="seed-two-recommenders-at-added"),
    pytest.param("""
        Punkt 1: Takster 2019

        Indstilling

        Forvaltningen indstiller, at

        1. at taksterne for 2019 godkendes som beskrevet
        i sagsfremstillingen, og
        2. at sagen sendes videre til Byrådet.
        """,
        "Forvaltningen",
        ["at taksterne for 2019 godkendes som beskrevet i sagsfremstillingen, og",
         "at sagen sendes videre til Byrådet."],
        id="wrapped-point"),
    # corpus layouts
    pytest.param("""
        Punkt 2: Cykelsti

        Indstilling

        Teknik- og Miljøforvaltningen indstiller, at

        - at cykelstien anlægges i 2019,
        - at udgiften finansieres af puljen.
        """,
        "Teknik- og Miljøforvaltningen", ["at cykelstien anlægges i 2019,",
                                          "at udgiften finansieres af puljen."],
        id="bullets-with-at"),
    pytest.param("""
        Punkt 2: Cykelsti

        Indstilling

        Teknik- og Miljøforvaltningen indstiller, at

        - cykelstien anlægges i 2019,
        - udgiften finansieres af puljen.
        """,
        "Teknik- og Miljøforvaltningen", ["at cykelstien anlægges i 2019,",
                                          "at udgiften finansieres af puljen."],
        id="bullets-without-at"),
    pytest.param("""
        Punkt 4: Budget 2020

        Indstilling

        Direktionen indstiller, at

        A) budgetforslaget godkendes

        B) forslaget sendes i høring
        """,
        "Direktionen", ["at budgetforslaget godkendes", "at forslaget sendes i høring"],
        id="lettered-points"),
    pytest.param("""
        Punkt 10: Lokalplan for Søvej

        Indstilling

        Magistraten indstiller, At 1) Byrådet godkender planen. At 2) planen sendes i offentlig høring.
        """,
        "Magistraten", ["at Byrådet godkender planen.", "at planen sendes i offentlig høring."],
        id="firstagenda-inline-numbered"),
    pytest.param("""
        Punkt 5: Vandløb

        Sagsfremstilling

        Forvaltningen har undersøgt vandløbet.

        Teknik- og Miljøforvaltningen indstiller, at restaureringen igangsættes.

        Beslutning

        Godkendt.
        """,
        "Teknik- og Miljøforvaltningen", ["at restaureringen igangsættes."],
        id="lead-in-after-the-body"),
    pytest.param("""
        Punkt 1: Takster 2019

        Indstilling

        at taksterne for 2019 godkendes, og

        at sagen sendes videre til Byrådet.
        """,
        None, ["at taksterne for 2019 godkendes, og", "at sagen sendes videre til Byrådet."],
        id="points-without-lead-in"),
    pytest.param("""
        Punkt 8: Høring

        Sagsfremstilling

        Forslaget har været i høring.

        Det indstilles, at forslaget vedtages endeligt.
        """,
        None, ["at forslaget vedtages endeligt."],
        id="impersonal-det-indstilles"),
    pytest.param("""
        Punkt 7: Skolestruktur

        Sagsfremstilling

        Det indstilles derfor, at der nedsættes en arbejdsgruppe.

        Indstilling

        Børne- og Kulturforvaltningen indstiller, at

        1. skolestrukturen godkendes.
        """,
        "Børne- og Kulturforvaltningen", ["at skolestrukturen godkendes."],
        id="body-det-indstilles-not-taken-over-section"),
    pytest.param("""
        Punkt 1: Takster 2019

        Indstilling

        Rådmanden for Teknik og Miljø indstiller over for Økonomiudvalget og Byrådet, at

        1. taksterne godkendes.
        """,
        "Rådmanden for Teknik og Miljø", ["at taksterne godkendes."],
        id="indstiller-over-for-two-bodies"),
]


# Issue 10: a point runs until the next point or the end of the recommendation, keeps its
# wrapped lines and sub-points, and "At 1) at …" does not become "At at".
CONTINUATION_CASES = [
    pytest.param("""
        Punkt 12: Anlægsbevilling til nyt idrætsanlæg

        Beslutningspunkter

        Det indstilles:

        At 1) der frigives anlægsbevilling på 21,5 mio. kr. til etablering af nyt idrætsanlæg.
        At 2) Anlægsbevillingen på i alt 30,7 mio. kr. finansieres dels ved 12,3 mio. kr. fra reserven i 2027, dels

        ved 18,4 mio. kr. fra Byudviklingsøkonomien for Lisbjerg.
        At 3) Der afsættes 0,86 mio. kr. til drift.

        Sagsforløb

        Udvalg: Magistraten
        """,
        None,
        ["At der frigives anlægsbevilling på 21,5 mio. kr. til etablering af nyt idrætsanlæg.",
         "At Anlægsbevillingen på i alt 30,7 mio. kr. finansieres dels ved 12,3 mio. kr. fra reserven "
         "i 2027, dels ved 18,4 mio. kr. fra Byudviklingsøkonomien for Lisbjerg.",
         "At Der afsættes 0,86 mio. kr. til drift."],
        id="point-continues-over-a-paragraph"),
    pytest.param("""
        Punkt 4: Skoleskift

        Beslutningspunkter

        Det indstilles:
        At 1) byrådet tager til efterretning, at den fælles ledelse ophører pr. 1. januar 2026
        At) byrådet godkender, at eleverne får mulighed for et skoleskift.
        """,
        None,
        ["At byrådet tager til efterretning, at den fælles ledelse ophører pr. 1. januar 2026",
         "At byrådet godkender, at eleverne får mulighed for et skoleskift."],
        id="at-marker-whose-number-was-lost"),
    pytest.param("""
        Punkt 5: Takster

        Indstilling

        Direktionen indstiller:

        At 1) at taksterne godkendes.
        At 2) at lejen fastsættes til 200 kr. pr. time.
        """,
        "Direktionen",
        ["at taksterne godkendes.", "at lejen fastsættes til 200 kr. pr. time."],
        id="at-1-at-is-not-at-at"),
    pytest.param("""
        Punkt 16: Anbefalinger fra udvalget

        Beslutningspunkter

        Det indstilles:

        At 1) Byrådet vedtager følgende anbefalinger:

        1.1 Kortlægning af arbejdsbelastningen

        a) (…), at der indføres en tidsfrist for foretræde.

        b) (…), at fremtidige udvalg har et klart kommissorium.

        2.4 Åbenhed

        c) (…), at der oprettes en ny underside.

        Ift. a) vedtages punktet som en henstilling til udvalgene.

        At 2) Byrådet tager udvalgets øvrige anbefalinger til efterretning

        Sagsforløb:

        Udvalg: Magistraten
        """,
        None,
        ["At Byrådet vedtager følgende anbefalinger: 1.1 Kortlægning af arbejdsbelastningen a) (…), at der indføres "
         "en tidsfrist for foretræde. b) (…), at fremtidige udvalg har et klart kommissorium. 2.4 Åbenhed c) (…), at "
         "der oprettes en ny underside. Ift. a) vedtages punktet som en henstilling til udvalgene.",
         "At Byrådet tager udvalgets øvrige anbefalinger til efterretning"],
        id="point-keeps-its-sub-points"),
    pytest.param("""
        Punkt 7: Byggeri

        Indstilling

        Forvaltningen indstiller, at

        1. byggeriet godkendes, og
        2. der gives en bevilling på 2 mio. kr.

        Sagen afgøres i Byrådet.
        """,
        "Forvaltningen",
        ["at byggeriet godkendes, og", "at der gives en bevilling på 2 mio. kr."],
        id="prose-after-the-last-point-is-no-part-of-it"),
    # bullets printed as images: each line ends a clause and goes on the lead-in's "at"
    pytest.param("""
        Punkt 89: Anlægsbevilling til udvidelse af skolen

        Indstilling

        Direktionen indstiller, at
        der gives en anlægsbevilling på 17,4 mio. kr. til udvidelse af skolen,
        rådighedsbeløbet på 16,0 mio. kr. frigives, og
        restfinansieringen på 1,4 mio. kr. sker af kassebeholdningen.
        """,
        "Direktionen",
        ["at der gives en anlægsbevilling på 17,4 mio. kr. til udvidelse af skolen,",
         "at rådighedsbeløbet på 16,0 mio. kr. frigives, og",
         "at restfinansieringen på 1,4 mio. kr. sker af kassebeholdningen."],
        id="image-bullets-one-clause-per-line"),
    pytest.param("""
        Punkt 112: Budget 2023-2026

        Indstilling

        Direktionen indstiller, at
        budgetforslaget vedtages med de ændringer, der fremgår af budgetforliget af 12.
        september 2022,
        der optages lån på 35 mio. kr. til energirenovering.
        """,
        "Direktionen",
        ["at budgetforslaget vedtages med de ændringer, der fremgår af budgetforliget af 12. september 2022,",
         "at der optages lån på 35 mio. kr. til energirenovering."],
        id="image-bullets-date-wrapped-inside-a-point"),
    # negatives: one sentence wrapped over lines stays one point
    pytest.param("""
        Punkt 113: Svømmehal

        Indstilling

        Direktøren indstiller, at
        der gives en anlægsbevilling på 38,4 mio. kr. til renovering af svømmehallen,
        som finansieres af de afsatte rådighedsbeløb i 2023 og 2024.
        """,
        "Direktøren",
        ["at der gives en anlægsbevilling på 38,4 mio. kr. til renovering af svømmehallen, som finansieres af de "
         "afsatte rådighedsbeløb i 2023 og 2024."],
        id="wrapped-after-a-comma-continues-with-som"),
    pytest.param("""
        Punkt 114: Lokalplan

        Indstilling

        Direktøren indstiller, at
        lokalplan 412 vedtages endeligt med den ændring, der er beskrevet i
        sagsfremstillingen.
        """,
        "Direktøren",
        ["at lokalplan 412 vedtages endeligt med den ændring, der er beskrevet i sagsfremstillingen."],
        id="wrapped-mid-clause"),
    # an export prints each marker alone on its line, the point's text under it
    pytest.param("""
        Punkt 4: Takstreduktion

        Indstilling

        Center for Social, Sundhed og Beskæftigelse indstiller, at

        A)
        Forslaget om takstreduktion med 2 pct. i 2013
        godkendes.

        B)
        Forslaget om at udskyde vurderingen til 2013 godkendes.
        """,
        "Center for Social, Sundhed og Beskæftigelse",
        ["Forslaget om takstreduktion med 2 pct. i 2013 godkendes.",
         "Forslaget om at udskyde vurderingen til 2013 godkendes."],
        id="marker-alone-on-its-line"),
    pytest.param("""
        Punkt 2 (Åben) Kapacitetsudvidelse

        Indstilling
        Direktøren for Børn og Unge indstiller, at Børne- og Skoleudvalget over for
        Økonomiudvalget og Byrådet anbefaler,
        • at der gives en anlægsbevilling på 2.500.000 kr. til projektering,
        • at udgiften finansieres af kassebeholdningen.
        """,
        "Direktøren for Børn og Unge",
        ["at der gives en anlægsbevilling på 2.500.000 kr. til projektering,",
         "at udgiften finansieres af kassebeholdningen."],
        id="lead-in-ending-in-an-announcing-verb-is-no-point"),
    pytest.param("""
        Punkt 3: Budget

        Indstilling
        Forvaltningen indstiller, at budgettet godkendes,
        at rammen fastholdes.
        """,
        "Forvaltningen",
        ["at budgettet godkendes,", "at rammen fastholdes."],
        id="a-point-ending-in-a-comma-stays-a-point"),
    pytest.param("""
        § 2. Ansøgning om tilskud til vandværket.

        Hvidsten Vandværk ansøger om et tilskud på kr. 12.000 til en ny boring.
        Formanden indstillede, at der ydes et tilskud på kr. 8.000.
        Beslutning: Vedtaget med 4 stemmer mod 1.
        """,
        "Formanden", ["at der ydes et tilskud på kr. 8.000."], id="past-tense-in-old-minutes"),
]


@pytest.mark.parametrize(("document", "by", "points"), CASES + CONTINUATION_CASES)
def test_recommendation(document: str, by: str | None, points: list[str]) -> None:
    recommendation: dict[str, Any] | None = only_item(document)["recommendation"]
    assert recommendation is not None
    assert (recommendation["by"], recommendation["points"]) == (by, points)


def test_recommendation_text_holds_lead_in_and_points() -> None:
    recommendation = only_item("""
        Punkt 1: Takster 2019

        Indstilling

        Forvaltningen indstiller, at taksterne godkendes.

        Sagsfremstilling

        Taksterne stiger med 2 pct.
        """)["recommendation"]
    assert recommendation == {"by": "Forvaltningen",
                              "text": "Forvaltningen indstiller, at taksterne godkendes.",
                              "points": ["at taksterne godkendes."]}


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("""
            Punkt 9: Meddelelser

            Sagsfremstilling

            Formanden orienterede om status.
            """, id="no-indstilling"),
        pytest.param("""
            Punkt 9: Høring

            Sagsfremstilling

            Forvaltningen har i sin redegørelse tidligere anbefalet en anden løsning,
            og borgerne foreslår nu en
            tredje. Sagen forelægges til orientering.
            """, id="verbs-in-prose"),
    ],
)
def test_no_recommendation(document: str) -> None:
    assert only_item(document)["recommendation"] is None


def test_a_wrapped_lower_case_line_that_names_a_heading_goes_on_the_sentence() -> None:
    # "finansiering." is a heading word, but a short line in lower case continues the line above
    item = only_item("""
        Punkt 3: Kunstgræsbane i Toftlund

        Indstilling:
        Forvaltningen indstiller, at sagen drøftes, og at forvaltningen kommer med forslag til
        finansiering.

        Beslutning:
        Drøftet.
        """)
    assert item["recommendation"]["points"] == [
        "at sagen drøftes, og at forvaltningen kommer med forslag til finansiering."]
    assert [s["heading"] for s in item["sections"]] == ["Indstilling:", "Beslutning:"]
