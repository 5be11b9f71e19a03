"""Every output validates against the packaged JSON Schema of SCHEMA.md, and the schema is strict."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from helpers import SEEDS, parse, schema_errors, validator

from minutes_cli import document_to_dict, extract_file

SEED_FILES = sorted(SEEDS.glob("*")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is absent")
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_seed_output_validates(path: Path) -> None:
    doc = document_to_dict(extract_file(path))
    assert schema_errors(doc) == []
    assert doc["items"], "every seed document has items"


SMALL_DOCUMENTS = [
    pytest.param("Referat", id="one-word"),
    pytest.param("Punkt 1: Meddelelser", id="one-item-heading"),
    pytest.param("""
        REFERAT Beskæftigelses- og Integrationsudvalget - 2016-2021 d. 20-02-2018

        Mødedato Tirsdag d. 20. februar 2018 kl. 16:30

        Mødested Mødelokale 2608, tlf. 39 57 52 40

        Mødedeltagere Michael Dorph Jensen, Kristine Henriksen

        Afbud: Lise Tønner

        Punkt 9: Placering af en skole, behandling

        2018/01267

        Indstilling

        Social- og Sundhedsforvaltningen indstiller,

        1. at der gives anlægsbevilling på 400.000 kroner, og
        2. at sagen sendes videre.

        Beslutning

        Anbefales.

        Bilag

        Bilag 1. Aftale om Bedre veje til uddannelse og job
        """, id="full-minutes"),
    pytest.param("""
        Dagsorden

        Økonomiudvalget

        Lukkede sager

        Punkt 14: Lukket: Personalesag

        Sagen behandles for lukkede døre.
        """, id="closed-agenda-item"),
    pytest.param("""
        Notat

        Til: Socialudvalget

        Orientering om status på Fælles Ansvar II

        Der er bevilget 35,9 mill. kr. til projektet.

        Sagsbehandler: Jesper Blådahl-Hansen
        """, id="memo-without-items"),
    pytest.param("Beløb: 2-3 mio. kr., 40 pct., § 17, stk. 4, tlf. 39 57 52 40", id="numbers-only"),
]


@pytest.mark.parametrize("text", SMALL_DOCUMENTS)
def test_small_documents_validate(text: str) -> None:
    assert schema_errors(parse(text)) == []


def test_closed_item_is_marked() -> None:
    doc = parse("""
        Punkt 13: Meddelelser

        Ingen.

        Punkt 14: Lukket: Personalesag

        Sagen behandles for lukkede døre.
        """)
    assert [(i["title"], i["closed"]) for i in doc["items"]] == [("Meddelelser", False), ("Personalesag",
                                                                                          True)]


def _valid() -> dict[str, Any]:
    return parse("""
        Punkt 1: Vejbelysning

        Sagsnr.: 2016/05156

        Indstilling

        Forvaltningen indstiller, at der bevilges 400.000 kr.

        Beslutning

        Godkendt.

        Bilag

        1. Kort over vejene
        """)


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    *parents, last = path.split(".")
    target: Any = changed
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return changed


def _drop(doc: dict[str, Any], path: str) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    *parents, last = path.split(".")
    target: Any = changed
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    del target[last]
    return changed


def test_the_reference_document_is_valid_and_complete() -> None:
    doc = _valid()
    assert schema_errors(doc) == []
    item = doc["items"][0]
    assert item["recommendation"] and item["decision"] and item["attachments"] and item["amounts"]


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: _drop(d, "warnings"), id="missing-top-level-key"),
        pytest.param(lambda d: _drop(d, "meeting.absent"), id="missing-meeting-key"),
        pytest.param(lambda d: _drop(d, "items.0.pages"), id="missing-item-key"),
        pytest.param(lambda d: _set(d, "extra", 1), id="extra-top-level-key"),
        pytest.param(lambda d: _set(d, "items.0.decision.extra", 1), id="extra-decision-key"),
        pytest.param(lambda d: _set(d, "items.0.amounts.0.extra", 1), id="extra-amount-key"),
        pytest.param(lambda d: _set(d, "source.format", "odt"), id="unknown-format"),
        pytest.param(lambda d: _set(d, "meeting.kind", "protokol"), id="unknown-kind"),
        pytest.param(lambda d: _set(d, "items.0.decision.outcome", "accepted"), id="unknown-outcome"),
        pytest.param(lambda d: _set(d, "items.0.pages", [1]), id="pages-one-number"),
        pytest.param(lambda d: _set(d, "items.0.pages", [1, 2, 3]), id="pages-three-numbers"),
        pytest.param(lambda d: _set(d, "items.0.pages", ["1", "2"]), id="pages-strings"),
        pytest.param(lambda d: _set(d, "meeting.date", "20-02-2018"), id="date-not-iso"),
        pytest.param(lambda d: _set(d, "meeting.start_time", "16.30"), id="time-not-hh-mm"),
        pytest.param(lambda d: _set(d, "items.0.closed", "no"), id="closed-not-boolean"),
        pytest.param(lambda d: _set(d, "items.0.amounts.0.value", "400.000"), id="value-not-number"),
        pytest.param(lambda d: _set(d, "items.0.case_numbers", "2016/05156"), id="case-numbers-not-list"),
        pytest.param(lambda d: _set(d, "schema_version", "2.0"), id="other-schema-version"),
    ],
)
def test_schema_rejects(mutate: Any) -> None:
    assert not validator().is_valid(mutate(_valid()))


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: _set(d, "items.0.decision", None), id="decision-null"),
        pytest.param(lambda d: _set(d, "items.0.recommendation", None), id="recommendation-null"),
        pytest.param(lambda d: _set(d, "items.0.pages", [8, 14]), id="pages-pair"),
        pytest.param(lambda d: _set(d, "meeting.kind", None), id="kind-null"),
        pytest.param(lambda d: _set(d, "source.pages", 30), id="source-pages"),
    ],
)
def test_schema_accepts(mutate: Any) -> None:
    assert schema_errors(mutate(_valid())) == []
