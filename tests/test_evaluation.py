"""Tests of minutes_cli.evaluation: text and list matching, item alignment, scoring,
the gold loader and `evaluate`, the pinned gate, and equivalence with the reference
scorer shared/tools/score.py (skipped when shared/ is absent)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_cli import evaluation as ev
from minutes_cli.errors import InputNotFound, MinutesError

SHARED = Path(__file__).parents[1].parent / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
SHARED_GOLD = SHARED / "gold"


# --- Builders: gold items in the gold format, predictions in the SCHEMA.md shape.


def gold_item(**overrides: Any) -> dict[str, Any]:
    """A gold item with every key; `overrides` replace fields."""
    item: dict[str, Any] = {
        "number": "9",
        "title": "Placering af en skole til Forberedende Grunduddannelse",
        "closed": False,
        "case_numbers": ["2018/01267"],
        "recommendation_by": "Social- og Sundhedsforvaltningen",
        "recommendation": ["at det godkendes, at skolen placeres i Gladsaxe", "at der gives anlægsbevilling"],
        "decision": "Anbefales.",
        "decision_outcome": "recommended",
        "attachments": ["Aftale om Bedre veje til uddannelse og job"],
        "amounts_dkk": [400000, 1250000.5],
    }
    item.update(overrides)
    return item


def predicted_item(gold: dict[str, Any]) -> dict[str, Any]:
    """The SCHEMA.md item that a perfect extraction of `gold` would give."""
    return {
        "number": gold["number"],
        "title": gold["title"],
        "closed": gold["closed"],
        "case_numbers": list(gold["case_numbers"]),
        "case_officer": None,
        "recommendation": (
            {"by": gold["recommendation_by"], "text": " ".join(gold["recommendation"]),
             "points": list(gold["recommendation"])}
            if gold["recommendation"] or gold["recommendation_by"] else None
        ),
        "decision": (
            {"text": gold["decision"], "outcome": gold["decision_outcome"], "by": None}
            if gold["decision"] or gold["decision_outcome"] else None
        ),
        "attachments": [{"number": str(i), "title": t} for i, t in enumerate(gold["attachments"], 1)],
        "amounts": [{"text": f"{a} kr.", "value": float(a), "currency": "DKK", "context": "", "section": None}
                    for a in gold["amounts_dkk"]],
        "sections": [],
        "pages": None,
    }


def gold_doc(items: list[dict[str, Any]], meeting: dict[str, Any] | None = None) -> dict[str, Any]:
    """A gold file's JSON."""
    return {"source": "seeds/x.txt", "meeting": meeting or {}, "items": items}


def prediction(items: list[dict[str, Any]], meeting: dict[str, Any] | None = None) -> dict[str, Any]:
    """A SCHEMA.md document holding `items` (already in SCHEMA.md shape)."""
    full_meeting: dict[str, Any] = {"municipality": None, "committee": None, "kind": None, "date": None,
                                    "start_time": None, "location": None, "participants": [], "absent": []}
    full_meeting.update(meeting or {})
    source = {"path": "x.txt", "format": "text", "sha256": "", "pages": None}
    return {"schema_version": "1.0", "source": source, "meeting": full_meeting, "items": items,
            "warnings": []}


def perfect(gold: dict[str, Any]) -> dict[str, Any]:
    """The prediction that a perfect extraction of a gold document would give."""
    return prediction([predicted_item(i) for i in gold["items"]], gold.get("meeting"))


def counts(report: ev.Report, field: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one field, (0, 0, 0) when it was not scored."""
    score = report.field(field)
    return (score.tp, score.fp, score.fn) if score else (0, 0, 0)


# --- Normalisation and text matching.


@dataclass(frozen=True)
class TextCase:
    """One comparison of a gold text with a found text."""

    name: str
    expected: object
    found: object
    same: bool


NORMALISE_CASES = [
    # (name, input, normalised) — typography seen in Danish municipal PDFs and HTML
    ("trailing full stop", "  Godkendt. ", "godkendt"),
    ("trailing colon and semicolon", "Beslutning;:", "beslutning"),
    ("low and high quotes", "\u201eBedre veje\u201c", '"bedre veje"'),
    ("curly apostrophe", "Byr\u00e5dets\u2019", "byr\u00e5dets'"),
    ("en dash", "2018\u20132020", "2018-2020"),
    ("no-break space", "400\u00a0000", "400 000"),
    ("soft hyphen", "an\u00adl\u00e6gs\u00adbevilling", "anl\u00e6gsbevilling"),
    ("markdown emphasis", "**Bilag** __1__", "bilag 1"),
    ("single underscore kept", "a_b", "a_b"),
    ("newlines collapsed", "Til\n\n  efterretning", "til efterretning"),
    ("fullwidth letters (NFKC)", "\uff21\uff22", "ab"),
    ("None is empty", None, ""),
    ("numbers as text", 9, "9"),
]


@pytest.mark.parametrize(("value", "expected"), [pytest.param(v, e, id=n) for n, v, e in NORMALISE_CASES])
def test_normalise(value: object, expected: str) -> None:
    assert ev.normalise(value) == expected


NINE = "et to tre fire fem seks syv otte ni"
TEXT_CASES = [
    # Exact and normalised equality.
    TextCase("identical", "Godkendt", "Godkendt", True),
    TextCase("case and full stop", "Godkendt.", "godkendt", True),
    TextCase("both empty", "", None, True),
    TextCase("empty against text", "", "Godkendt", False),
    # Word F1 at the 0.9 threshold: 9 gold words found with 2 extra words is exactly 0.9.
    TextCase("F1 exactly 0.9 (9 words + 2 extra)", NINE, NINE + " ti elleve", True),
    TextCase("F1 0.857 (9 words + 3 extra)", NINE, NINE + " ti elleve tolv", False),
    TextCase("F1 0.9 (10 words, 9 found + 1 wrong)", NINE + " ti", NINE + " tolv", True),
    TextCase("F1 0.947 (10 words, 9 found)", NINE + " ti", NINE, True),
    TextCase("F1 0.889 (4 words + 1 extra)", "et to tre fire", "et to tre fire fem", False),
    TextCase("word order ignored", "to et", "et to", True),
    TextCase("no common word", "Godkendt", "Afvist", False),
]


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name)
def test_same_text(case: TextCase) -> None:
    assert ev.same_text(case.expected, case.found) is case.same


def test_token_f1_values() -> None:
    assert ev.token_f1("a b", "a b") == 1.0
    assert ev.token_f1("", "") == 1.0
    assert ev.token_f1("a", "") == 0.0
    assert ev.token_f1("a b c d", "a b") == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("expected", "found", "same"),
    [
        pytest.param(400000, 400000.0, True, id="equal"),
        pytest.param(400000, 400000.49, True, id="within 0.49"),
        pytest.param(400000, 399999.51, True, id="within 0.49 below"),
        pytest.param(400000, 400000.5, False, id="0.5 is too far"),
        pytest.param(400000, 40000.0, False, id="a factor of ten"),
    ],
)
def test_same_amount(expected: float, found: float, same: bool) -> None:
    assert ev.same_amount(expected, found) is same


@pytest.mark.parametrize(
    ("expected", "found", "same"),
    [
        pytest.param("9", "9", True, id="equal"),
        pytest.param("9", "9.", True, id="trailing dot"),
        pytest.param("9", " 9 ", True, id="spaces"),
        pytest.param("9", "9a", False, id="different"),
        pytest.param("9", 9, True, id="int found"),
    ],
)
def test_same_number(expected: object, found: object, same: bool) -> None:
    assert ev.same_number(expected, found) is same


# --- List matching.


def test_match_lists_greedy_one_to_one() -> None:
    match = ev.match_lists(["a", "a", "b"], ["a", "c"], ev.same_normalised)
    assert (match.tp, match.extra, match.missed) == (1, ("c",), ("a", "b"))


def test_match_lists_first_equal_prediction_taken() -> None:
    # Greedy, not optimal: gold "x y" takes the first prediction it matches and leaves "x y z" nothing.
    eq = ev.same_text
    gold = ["et to tre fire fem seks syv otte ni ti", "et to tre fire fem seks syv otte ni ti elleve"]
    found = ["et to tre fire fem seks syv otte ni ti elleve", "noget helt andet"]
    match = ev.match_lists(gold, found, eq)
    assert match.tp == 1
    assert match.missed == (gold[1],)


def test_match_lists_amounts() -> None:
    match = ev.match_lists([400000, 400000, 5], [400000.2, 5.6, 400000.0], ev.same_amount)
    assert (match.tp, match.extra, match.missed) == (2, (5.6,), (5,))


# --- Item views and alignment.


def test_prediction_view_reads_schema_shape() -> None:
    view = ev.prediction_view(predicted_item(gold_item()))
    assert view == ev.gold_item_view(gold_item(amounts_dkk=[400000.0, 1250000.5]))


def test_prediction_view_tolerates_plain_strings() -> None:
    view = ev.prediction_view({"number": "3.", "recommendation": "at sagen godkendes", "decision": "Godkendt",
                               "case_numbers": ["2018/1", {"raw": "2018/2"}, {"value": "2018/3"}],
                               "attachments": ["Bilag A", {"title": "Bilag B"}],
                               "amounts": [5, {"value": 7.004}, {"value": 9, "currency": "EUR"},
                                           {"value": None}]})
    assert view.recommendation == ("at sagen godkendes",)
    assert view.recommendation_by is None
    assert view.decision == "Godkendt" and view.decision_outcome is None
    assert view.case_numbers == ("2018/1", "2018/2", "2018/3")
    assert view.attachments == ("Bilag A", "Bilag B")
    assert view.amounts_dkk == (5.0, 7.0)
    assert view.closed is False


def view(number: str | None, title: str) -> ev.ItemView:
    """An item view with only a number and a title."""
    return ev.gold_item_view(gold_item(number=number, title=title))


@dataclass(frozen=True)
class AlignCase:
    """Gold and predicted (number, title) pairs, and which predicted index each gold item gets."""

    name: str
    gold: list[tuple[str | None, str]]
    found: list[tuple[str | None, str]]
    partners: list[int | None]


ALIGN_CASES = [
    AlignCase("same number and title", [("1", "Budget 2019")], [("1", "Budget 2019")], [0]),
    AlignCase("same number, other title", [("1", "Budget 2019")], [("1.", "Meddelelser")], [0]),
    AlignCase("same title, no number", [(None, "Budget 2019")], [("4", "Budget 2019")], [0]),
    AlignCase("title F1 0.667 passes 0.6", [(None, "Budget 2019 vedtagelse")], [("4", "Budget 2019")], [0]),
    AlignCase("title F1 0.571 fails", [("2", "Budget 2019 vedtagelse anlæg drift")], [("4", "Budget 2019")],
              [None]),
    AlignCase("gold number absent gives no bonus", [(None, "A")], [(None, "B")], [None]),
    AlignCase("best partner wins", [("2", "Budget")], [("1", "Budget"), ("2", "Budget")], [1]),
    AlignCase("first of equals wins", [(None, "Budget")], [("1", "Budget"), ("2", "Budget")], [0]),
    AlignCase("a partner is used once", [("1", "Budget"), ("2", "Budget")], [("1", "Budget")], [0, None]),
    AlignCase("gold order decides", [(None, "Budget"), ("1", "Budget")], [("1", "Budget")], [0, None]),
]


@pytest.mark.parametrize("case", ALIGN_CASES, ids=lambda c: c.name)
def test_align_items(case: AlignCase) -> None:
    gold = [view(n, t) for n, t in case.gold]
    found = [view(n, t) for n, t in case.found]
    alignment = ev.align_items(gold, found)
    index = {id(f): i for i, f in enumerate(found)}
    partners = [None if p is None else index[id(p)] for _, p in alignment.pairs]
    assert partners == case.partners
    assert len(alignment.extra) == len(found) - sum(p is not None for p in partners)


# --- Scoring.


def test_exact_match_scores_one() -> None:
    gold = gold_doc([gold_item(), gold_item(number="10", title="Meddelelser", closed=True)],
                    {"committee": "Byrådet", "date": "2018-02-20"})
    report = ev.score([("doc", gold, perfect(gold))])
    assert report.overall_f1 == 1.0
    assert report.micro.f1 == 1.0
    assert [d.f1 for d in report.documents] == [1.0]
    assert report.misses == ()
    assert report.missing == ()
    assert counts(report, "items") == (2, 0, 0)
    assert counts(report, "meeting.committee") == (1, 0, 0)
    assert report.field("meeting.kind") is None  # not in the gold: not scored


def test_missing_item_misses_every_field() -> None:
    gold = gold_doc([gold_item(), gold_item(number="10", title="Meddelelser")])
    pred = prediction([predicted_item(gold_item())])
    report = ev.score([("doc", gold, pred)])
    assert counts(report, "items") == (1, 0, 1)
    assert counts(report, "closed") == (1, 0, 1)
    assert counts(report, "title") == (1, 0, 1)
    assert counts(report, "attachments") == (1, 0, 1)
    assert counts(report, "amounts_dkk") == (2, 0, 2)
    missed = {m.field for m in report.misses if m.item == "10. Meddelelser"}
    assert missed == {"items", "closed", "title", "number", "case_numbers", "recommendation_by",
                      "recommendation", "decision", "decision_outcome", "attachments", "amounts_dkk"}
    assert all(m.kind == "missed" for m in report.misses)


def test_extra_item_counts_its_lists_as_false_positives() -> None:
    gold = gold_doc([gold_item()])
    extra = predicted_item(gold_item(number="77", title="Noget helt andet", decision="Godkendt"))
    report = ev.score([("doc", gold, prediction([predicted_item(gold_item()), extra]))])
    assert counts(report, "items") == (1, 1, 0)
    assert counts(report, "case_numbers") == (1, 1, 0)
    assert counts(report, "recommendation") == (2, 2, 0)
    assert counts(report, "attachments") == (1, 1, 0)
    assert counts(report, "amounts_dkk") == (2, 2, 0)
    assert counts(report, "title") == (1, 0, 0)  # an extra item's scalars are not scored
    assert counts(report, "decision") == (1, 0, 0)
    extras = [m for m in report.misses if m.item == "77. Noget helt andet"]
    assert {m.kind for m in extras} == {"extra"}
    assert sum(m.fp for m in extras) == 1 + 1 + 2 + 1 + 2


@pytest.mark.parametrize(
    ("gold_value", "found_value", "expected_counts"),
    [
        pytest.param(None, None, (0, 0, 0), id="both absent"),
        pytest.param("Godkendt", None, (0, 0, 1), id="value missed"),
        pytest.param(None, "Godkendt", (0, 1, 0), id="value invented"),
        pytest.param("Godkendt", "Afvist", (0, 1, 1), id="wrong value"),
        pytest.param("", "", (0, 0, 0), id="empty strings are absent"),
        pytest.param("Godkendt.", "godkendt", (1, 0, 0), id="normalised match"),
    ],
)
def test_none_against_value(gold_value: str | None, found_value: str | None,
                            expected_counts: tuple[int, int, int]) -> None:
    gold = gold_doc([gold_item(decision=gold_value)])
    pred_item = predicted_item(gold_item())
    pred_item["decision"] = {"text": found_value, "outcome": "recommended", "by": None}
    report = ev.score([("doc", gold, prediction([pred_item]))])
    assert counts(report, "decision") == expected_counts


def test_closed_mismatch_is_a_false_positive_only() -> None:
    gold = gold_doc([gold_item(closed=True)])
    pred = prediction([predicted_item(gold_item(closed=False))])
    report = ev.score([("doc", gold, pred)])
    assert counts(report, "closed") == (0, 1, 0)
    (miss,) = report.misses
    assert (miss.field, miss.expected, miss.found, miss.kind) == ("closed", True, False, "wrong")


def test_amounts_within_half_a_krone() -> None:
    gold = gold_doc([gold_item(amounts_dkk=[400000, 1000, 25])])
    pred_item = predicted_item(gold_item())
    pred_item["amounts"] = [{"value": 400000.4}, {"value": 1000.5}, {"value": 25, "currency": "EUR"}]
    report = ev.score([("doc", gold, prediction([pred_item]))])
    assert counts(report, "amounts_dkk") == (1, 1, 2)


def test_meeting_keys_missing_from_gold_are_not_scored() -> None:
    gold = gold_doc([gold_item()], {"committee": "Økonomiudvalget", "date": None})
    pred = perfect(gold)
    pred["meeting"].update({"committee": "økonomiudvalget.", "date": "2020-01-01", "kind": "minutes",
                            "municipality": "Gladsaxe Kommune"})
    report = ev.score([("doc", gold, pred)])
    assert counts(report, "meeting.committee") == (1, 0, 0)
    assert counts(report, "meeting.date") == (0, 1, 0)  # gold says "no date"; one was invented
    assert report.field("meeting.kind") is None
    assert report.field("meeting.municipality") is None
    (miss,) = report.misses
    assert (miss.item, miss.field, miss.expected, miss.found) == (None, "meeting.date", None, "2020-01-01")


def test_missing_document() -> None:
    gold = gold_doc([gold_item()], {"committee": "Byrådet"})
    report = ev.score([("a", gold, perfect(gold)), ("b", gold, None)], errors={"b": "b.pdf: damaged"})
    assert report.missing == ("b",)
    assert [(d.document, d.f1, d.error) for d in report.documents] == [("a", 1.0, None),
                                                                     ("b", 0.0, "b.pdf: damaged")]
    assert counts(report, "items") == (1, 0, 1)
    assert counts(report, "meeting.committee") == (1, 0, 1)


def test_empty_document_scores_one() -> None:
    report = ev.score([("empty", gold_doc([]), prediction([]))])
    assert report.fields == ()
    assert report.overall_f1 == 1.0
    assert report.documents[0].f1 == 1.0


def test_overall_is_the_mean_of_field_f1() -> None:
    gold = gold_doc([gold_item(attachments=[f"Bilag {i}" for i in range(10)])])
    pred_item = predicted_item(gold_item(attachments=[], decision="Afvist"))
    report = ev.score([("doc", gold, prediction([pred_item]))])
    f1s = [f.f1 for f in report.fields]
    assert report.overall_f1 == pytest.approx(sum(f1s) / len(f1s))
    assert report.micro.tp == sum(f.tp for f in report.fields)


def test_misses_add_up_to_the_counts() -> None:
    report = ev.score(varied_pairs())
    for field in report.fields:
        misses = [m for m in report.misses if m.field == field.field]
        assert (sum(m.fp for m in misses), sum(m.fn for m in misses)) == (field.fp, field.fn), field.field


def test_invalid_gold_is_a_minutes_error() -> None:
    with pytest.raises(MinutesError, match="lacks title"):
        ev.score([("doc", {"items": [{"number": "1"}]}, None)])


def test_report_to_dict() -> None:
    data = ev.report_to_dict(ev.score(varied_pairs()))
    assert {"fields", "overall_f1", "micro", "per_doc", "missing", "counts", "errors", "misses"} <= set(data)
    assert data["missing"] == ["missing_doc"]
    json.dumps(data)  # serialisable as is
    miss = data["misses"][0]
    assert set(miss) == {"document", "item", "field", "kind", "expected", "found", "fp", "fn"}


# --- Gold files, roots and evaluate.


def write_json(path: Path, data: Any) -> Path:
    """Write `data` as JSON to `path`, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_gold_is_recursive_and_sorted(tmp_path: Path) -> None:
    for name in ("b/2.json", "a/9.json", "1.json"):
        write_json(tmp_path / "gold" / name, gold_doc([]))
    names = [g.name for g in ev.load_gold(tmp_path / "gold")]
    assert names == ["1", "9", "2"]  # sorted by path: gold/1.json, gold/a/9.json, gold/b/2.json
    (single,) = ev.load_gold(tmp_path / "gold" / "a" / "9.json")
    assert single.source == "seeds/x.txt"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{", "cannot read gold JSON", id="bad JSON"),
        pytest.param("[]", "JSON object", id="not an object"),
        pytest.param('{"items": []}', "source", id="no source"),
        pytest.param('{"source": "x", "items": {}}', "items", id="items not a list"),
    ],
)
def test_load_gold_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MinutesError, match=message):
        ev.load_gold(path)


def test_load_gold_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        ev.load_gold(tmp_path / "nope")
    with pytest.raises(MinutesError, match="no gold"):
        ev.load_gold(tmp_path)


def make_shared_like(tmp_path: Path) -> Path:
    """A shared/-like tree: seeds/a.txt, seeds/b.txt and gold/seeds/{a,b}.json; returns gold/seeds."""
    shared = tmp_path / "shared"
    (shared / "seeds").mkdir(parents=True)
    (shared / "seeds" / "a.txt").write_text("a", encoding="utf-8")
    gold_a = gold_doc([gold_item()], {"committee": "Byrådet"}) | {"source": "seeds/a.txt"}
    gold_b = gold_doc([gold_item(number="2", title="Andet")]) | {"source": "seeds/b.txt"}
    write_json(shared / "gold" / "seeds" / "a.json", gold_a)
    write_json(shared / "gold" / "seeds" / "b.json", gold_b)
    return shared / "gold" / "seeds"


def test_default_root_searches_upward(tmp_path: Path) -> None:
    gold_dir = make_shared_like(tmp_path)
    golds = ev.load_gold(gold_dir)
    assert ev.default_root(gold_dir, golds) == (tmp_path / "shared").resolve()
    assert ev.default_root(gold_dir / "a.json", golds) == (tmp_path / "shared").resolve()
    assert ev.resolve_source(golds[0], tmp_path / "shared") == tmp_path / "shared" / "seeds" / "a.txt"


def test_default_root_falls_back_to_the_gold_directorys_parent(tmp_path: Path) -> None:
    write_json(tmp_path / "gold" / "x.json", gold_doc([]) | {"source": "nowhere/x.txt"})
    golds = ev.load_gold(tmp_path / "gold")
    assert ev.default_root(tmp_path / "gold", golds) == tmp_path.resolve()


def test_evaluate_extracts_scores_and_keeps_errors(tmp_path: Path) -> None:
    gold_dir = make_shared_like(tmp_path)
    seen: list[Path] = []

    def extract(path: Path) -> dict[str, Any]:
        seen.append(path)
        if not path.exists():
            raise InputNotFound(str(path), "no such file", "check the path")
        return perfect(json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8")))

    report = ev.evaluate(gold_dir, None, extract)
    assert seen == [(tmp_path / "shared").resolve() / "seeds" / n for n in ("a.txt", "b.txt")]
    assert report.missing == ("b",)
    (b,) = [d for d in report.documents if d.document == "b"]
    assert b.error is not None and "no such file" in b.error
    assert report.documents[0].f1 == 1.0
    assert ev.report_to_dict(report)["errors"] == {"b": b.error}


def test_evaluate_with_explicit_root(tmp_path: Path) -> None:
    gold_dir = make_shared_like(tmp_path)
    seen: list[Path] = []

    def extract(path: Path) -> dict[str, Any]:
        seen.append(path)
        return prediction([])

    ev.evaluate(gold_dir / "a.json", tmp_path / "elsewhere", extract)
    assert seen == [tmp_path / "elsewhere" / "seeds" / "a.txt"]


def test_evaluate_lets_bugs_through(tmp_path: Path) -> None:
    gold_dir = make_shared_like(tmp_path)

    def extract(path: Path) -> dict[str, Any]:
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        ev.evaluate(gold_dir, None, extract)


# --- The pinned gate.


def sample_report() -> ev.Report:
    """Decision wrong, attachments half found, everything else right."""
    gold = gold_doc([gold_item(attachments=["A", "B"])])
    report = ev.score([("doc", gold, prediction([predicted_item(gold_item(attachments=["A"],
                                                                           decision="Afvist"))]))])
    assert report.field("decision") is not None and report.field("decision").f1 == 0.0  # type: ignore[union-attr]
    return report


def test_check_pins_passes_at_and_above_minimum() -> None:
    report = sample_report()
    attachments = report.field("attachments")
    assert attachments is not None
    pins = {"overall": report.overall_f1, "attachments": attachments.f1, "title": 1.0, "micro": 0.5}
    assert ev.check_pins(report, pins) == []
    assert ev.check_pins(report, {}) == []


def test_check_pins_reports_each_drop() -> None:
    report = sample_report()
    failures = ev.check_pins(report, {"overall": 0.99, "decision": 0.1, "title": 1.0, "meeting.date": 0.5})
    assert len(failures) == 3
    assert failures[0].startswith("overall: F1 ")
    assert failures[1].startswith("decision: F1 0.000000 is below its pinned minimum 0.100000")
    assert "meeting.date" in failures[2] and "no longer scored" in failures[2]


def test_pins_from_report_round_down_and_pass() -> None:
    report = sample_report()
    pins = ev.pins_from_report(report)
    assert pins["decision"] == 0.0 and pins["title"] == 1.0
    assert pins["overall"] <= report.overall_f1 < pins["overall"] + 0.001
    assert ev.check_pins(report, pins) == []


def test_load_pins(tmp_path: Path) -> None:
    path = write_json(tmp_path / "pins.json", {"seeds": {"overall": 0.5, "title": 1}, "corpus": {}})
    assert ev.load_pins(path) == {"seeds": {"overall": 0.5, "title": 1.0}, "corpus": {}}
    write_json(path, {"seeds": {"overall": 1.5}})
    with pytest.raises(MinutesError, match="from 0 to 1"):
        ev.load_pins(path)
    with pytest.raises(InputNotFound):
        ev.load_pins(tmp_path / "absent.json")


def test_repo_pins_file_loads() -> None:
    pins = ev.load_pins(Path(__file__).parents[1] / "accuracy_pins.json")
    assert {"seeds", "corpus", "fixtures"} <= set(pins)


def test_gold_set_name(tmp_path: Path) -> None:
    gold_dir = make_shared_like(tmp_path)
    assert ev.gold_set_name(gold_dir) == "seeds"
    assert ev.gold_set_name(gold_dir / "a.json") == "seeds"


# --- Equivalence with the reference scorer shared/tools/score.py.

needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason="shared/tools/score.py is not here")


def varied_pairs() -> list[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """Hand-made (name, gold, prediction) triples covering every scoring rule."""
    perfect_gold = gold_doc([gold_item(), gold_item(number="10", title="Meddelelser", closed=True,
                                                    case_numbers=[], recommendation=[], attachments=[],
                                                    amounts_dkk=[], decision="Til efterretning",
                                                    decision_outcome="noted")],
                            {"committee": "Byrådet", "date": "2018-02-20", "kind": "minutes",
                             "municipality": "Gladsaxe Kommune"})

    partial_gold = gold_doc(
        [gold_item(number="1", title="Budget 2019 for ældreområdet"),
         gold_item(number="2", title="Lokalplan 1234 for boliger ved søen", attachments=["Kort", "Notat"],
                   amounts_dkk=[1_000_000, 2_500_000]),
         gold_item(number="3", title="Eventuelt", case_numbers=[], recommendation=[], attachments=[],
                   amounts_dkk=[], decision=None, decision_outcome=None, recommendation_by=None)],
        {"committee": "Økonomiudvalget", "date": "2019-05-01"},
    )
    partial_items = [predicted_item(i) for i in partial_gold["items"]]
    partial_items[0]["title"] = "Budget 2019 for ældreområdet."            # normalised match
    partial_items[0]["decision"] = {"text": "Godkendt", "outcome": "approved", "by": None}
    partial_items[1]["number"] = "2."
    partial_items[1]["attachments"] = [{"title": "Kort over området"}, {"title": "Notat"}, {"title": "X"}]
    partial_items[1]["amounts"] = [{"value": 1_000_000.3}, {"value": 2_500_000.55}]  # 0.55 off: missed
    partial_items[1]["closed"] = True
    partial_items[2]["recommendation"] = {"by": "Forvaltningen", "text": "x", "points": []}
    partial_pred = prediction(partial_items, {"committee": "økonomiudvalget:", "date": "2019-05-02",
                                              "kind": "agenda"})

    extra_gold = gold_doc([gold_item(number="5", title="Orientering om status")])
    extra_items = [predicted_item(extra_gold["items"][0]),
                   predicted_item(gold_item(number="6", title="Noget andet", attachments=["A", "B"])),
                   predicted_item(gold_item(number=None, title="Lukket punkt", closed=True, case_numbers=[],
                                            recommendation=[], attachments=[], amounts_dkk=[]))]
    extra_pred = prediction(extra_items)

    missed_item_gold = gold_doc([gold_item(number="1", title="Første"), gold_item(number="2", title="Andet"),
                                 gold_item(number=None, title="Uden nummer")], {"date": "2021-01-01"})
    missed_item_pred = prediction([predicted_item(missed_item_gold["items"][1]),
                                   predicted_item(gold_item(number="1", title="Helt forkert titel"))])

    missing_gold = gold_doc([gold_item()], {"committee": "Socialudvalget"})

    text_gold = gold_doc([gold_item(number=None, title=NINE, recommendation=[NINE, NINE + " ti"],
                                    decision=NINE + " ti")])
    text_item = predicted_item(text_gold["items"][0])
    text_item["title"] = NINE + " ti elleve"
    text_item["recommendation"]["points"] = [NINE + " ti elleve tolv", NINE + " ti"]
    text_item["decision"]["text"] = NINE + " tolv"
    text_pred = prediction([text_item])

    return [
        ("perfect", perfect_gold, perfect(perfect_gold)),
        ("partial", partial_gold, partial_pred),
        ("extra_items", extra_gold, extra_pred),
        ("missed_item", missed_item_gold, missed_item_pred),
        ("missing_doc", missing_gold, None),
        ("text_thresholds", text_gold, text_pred),
        ("empty_prediction", gold_doc([gold_item()]), prediction([])),
        ("no_items", gold_doc([], {"kind": "agenda"}), prediction([], {"kind": "agenda"})),
    ]


def run_score_py(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """The reference scorer's --json output."""
    done = subprocess.run([sys.executable, str(SCORE_PY), str(gold_dir), str(pred_dir), "--json"],
                          capture_output=True, text=True, check=True)
    parsed: dict[str, Any] = json.loads(done.stdout.splitlines()[0])
    return parsed


def assert_same_figures(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    """Our report_to_dict agrees with score.py's --json to 6 decimal places, keys in the same order."""
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, list):
            return [rounded(v) for v in value]
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        return value

    for key in ("fields", "overall_f1", "micro", "per_doc", "missing"):
        assert rounded(ours[key]) == rounded(theirs[key]), key
    assert list(ours["fields"]) == list(theirs["fields"])
    assert list(ours["per_doc"]) == list(theirs["per_doc"])


@needs_shared
def test_same_figures_as_score_py_on_hand_made_pairs(tmp_path: Path) -> None:
    pairs = varied_pairs()
    for name, gold, pred in pairs:
        write_json(tmp_path / "gold" / f"{name}.json", gold)
        if pred is not None:
            write_json(tmp_path / "pred" / f"{name}.json", pred)
    (tmp_path / "pred").mkdir(exist_ok=True)
    theirs = run_score_py(tmp_path / "gold", tmp_path / "pred")
    report = ev.score((g.name, g.data, pairs_by_name(pairs)[g.name]) for g in ev.load_gold(tmp_path / "gold"))
    assert_same_figures(json.loads(json.dumps(ev.report_to_dict(report))), theirs)
    assert 0 < report.overall_f1 < 1


def pairs_by_name(pairs: list[tuple[str, dict[str, Any], dict[str, Any] | None]]) -> dict[str, Any]:
    """Prediction by document name."""
    return {name: pred for name, _, pred in pairs}


@needs_shared
@pytest.mark.parametrize("pair", varied_pairs(), ids=lambda p: p[0])
def test_same_figures_as_score_py_per_document(tmp_path: Path, pair: tuple[str, Any, Any]) -> None:
    name, gold, pred = pair
    write_json(tmp_path / "gold" / f"{name}.json", gold)
    (tmp_path / "pred").mkdir()
    if pred is not None:
        write_json(tmp_path / "pred" / f"{name}.json", pred)
    theirs = run_score_py(tmp_path / "gold", tmp_path / "pred")
    assert_same_figures(ev.report_to_dict(ev.score([pair])), theirs)


def perturb(gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible, imperfect prediction of a real gold document."""
    items = []
    for item in gold["items"]:
        roll = rng.random()
        if roll < 0.1:
            continue  # item missed
        pred = predicted_item(copy.deepcopy(item))
        if roll < 0.2:
            pred["title"] = " ".join(str(item["title"]).split()[:2])
        if rng.random() < 0.2:
            pred["number"] = None
        if rng.random() < 0.1:
            pred["closed"] = not item["closed"]
        if rng.random() < 0.3:
            pred["attachments"] = pred["attachments"][1:] + [{"title": "Ekstra bilag"}]
        if rng.random() < 0.3:
            pred["amounts"] = [dict(a, value=a["value"] * 1000) for a in pred["amounts"][::2]]
        if rng.random() < 0.2 and pred["decision"]:
            pred["decision"]["outcome"] = "other"
        if rng.random() < 0.2 and pred["recommendation"]:
            points = pred["recommendation"]["points"]
            pred["recommendation"]["points"] = [p + " og mere tekst" for p in points]
        items.append(pred)
        if rng.random() < 0.1:
            items.append(predicted_item(gold_item(number="99", title="Opfundet punkt")))
    rng.shuffle(items)
    meeting = dict(gold.get("meeting") or {})
    if meeting and rng.random() < 0.5:
        meeting[rng.choice(sorted(meeting))] = "forkert"
    return prediction(items, meeting)


@needs_shared
def test_same_figures_as_score_py_on_the_shared_gold(tmp_path: Path) -> None:
    rng = random.Random(20240601)
    golds = ev.load_gold(SHARED_GOLD)
    preds: dict[str, dict[str, Any] | None] = {}
    for gold in golds:
        preds[gold.name] = None if rng.random() < 0.1 else perturb(dict(gold.data), rng)
        if preds[gold.name] is not None:
            write_json(tmp_path / "pred" / f"{gold.name}.json", preds[gold.name])
    theirs = run_score_py(SHARED_GOLD, tmp_path / "pred")
    report = ev.score((g.name, g.data, preds[g.name]) for g in golds)
    assert_same_figures(ev.report_to_dict(report), theirs)


def load_score_module() -> ModuleType:
    """shared/tools/score.py imported as a module (for the property test)."""
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDS = ["budget", "lokalplan", "godkendt", "bilag", "Anbefales.", "at", "det", "Kort", "notat", "2018/1"]
texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
gold_items = st.fixed_dictionaries({
    "number": st.one_of(st.none(), st.sampled_from(["1", "2", "3"])),
    "title": texts, "closed": st.booleans(),
    "case_numbers": st.lists(st.sampled_from(["2018/1", "2018/2"]), max_size=2),
    "recommendation_by": st.one_of(st.none(), texts), "recommendation": st.lists(texts, max_size=2),
    "decision": st.one_of(st.none(), texts),
    "decision_outcome": st.one_of(st.none(), st.sampled_from(["approved", "noted"])),
    "attachments": st.lists(texts, max_size=3),
    "amounts_dkk": st.lists(st.sampled_from([100, 100.4, 100.5, 250000, 0]), max_size=3),
})
meetings = st.dictionaries(st.sampled_from(ev.MEETING_FIELDS),
                           st.one_of(st.none(), st.sampled_from(["a", "b", "A."])))


@needs_shared
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gold=st.lists(gold_items, max_size=4), found=st.lists(gold_items, max_size=4), gold_meeting=meetings,
       found_meeting=meetings, missing=st.booleans())
def test_same_counts_as_score_py_property(gold: list[dict[str, Any]], found: list[dict[str, Any]],
                                         gold_meeting: dict[str, Any], found_meeting: dict[str, Any],
                                         missing: bool) -> None:
    reference = load_score_module()
    gold_json = gold_doc(gold, gold_meeting)
    pred = None if missing else prediction([predicted_item(i) for i in found], found_meeting)
    tally = reference.Tally()
    reference.score_doc(tally, gold_json, pred)
    report = ev.score([("doc", gold_json, pred)])
    theirs = {f: (tally.tp[f], tally.fp[f], tally.fn[f]) for f in tally.fields()}
    assert {f.field: (f.tp, f.fp, f.fn) for f in report.fields} == theirs
    assert report.overall_f1 == tally.macro_f1()
    assert (report.micro.precision, report.micro.recall, report.micro.f1) == tally.prf()
