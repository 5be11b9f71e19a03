"""Score extracted documents against hand-made gold annotations (`minutes evaluate`).

The figures are identical to those of the reference scorer `shared/tools/score.py`
(the gold format is described in `shared/gold/README.md`). Its algorithm is
reimplemented here so the package does not need `shared/` at run time:

- text is normalised (Unicode NFKC, curly quotes and dashes made plain, Markdown
  emphasis markers dropped, whitespace collapsed, lower case, trailing `.,;:`
  dropped); two texts match when equal after normalisation or when their
  word-level F1 is at least `TEXT_MATCH_MIN_F1`;
- gold items are aligned with predicted items by title word F1 plus a bonus for
  an equal number; a gold item without a partner misses all its fields, an
  extra predicted item counts the values of its lists as false positives;
- lists (case numbers, recommendation points, attachments, amounts) are matched
  greedily one to one;
- a single-valued field scores a true positive when gold and prediction match,
  otherwise a false positive when the prediction has a value and a false
  negative when gold has one; a meeting key absent from the gold is not scored;
- each field's counts are summed over documents; the headline `overall_f1` is
  the mean of the per-field F1 values over fields with any counts; a
  document's own F1 is the same mean over its own fields.

Besides the figures a `Report` keeps one `Miss` per false positive or false
negative, for an "explain" view. An accuracy gate pins per-field minimums in
`accuracy_pins.json` (`load_pins`, `check_pins`) so accuracy only goes up.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from .errors import InputNotFound, MinutesError

Scalar = str | int | float | bool | None
"""A JSON value as it appears in a scored field (text, number, flag or null)."""

T = TypeVar("T")
S = TypeVar("S", bound=Scalar)

# --- Thresholds: all taken over unchanged from shared/tools/score.py, so that our
# --- figures equal the reference scorer's. Change them there first, never here alone.

TEXT_MATCH_MIN_F1 = 0.9
"""Word-level F1 at which two texts count as the same (score.py's `same_text`);
high enough that a changed word in a short title fails, low enough that one
stray word in a long decision text passes."""

ALIGN_MIN_SCORE = 0.6
"""Least alignment score (title word F1, plus `NUMBER_MATCH_BONUS`) for pairing a
gold item with a predicted one (score.py's `align`)."""

NUMBER_MATCH_BONUS = 1.0
"""Added to the alignment score when the item numbers are equal, so an equal
number alone pairs two items whatever their titles."""

AMOUNT_TOLERANCE_DKK = 0.5
"""Two amounts match when they differ by less than this many kroner (rounding)."""

PIN_TOLERANCE = 1e-9
"""Slack when comparing a figure with its pinned minimum: float noise only."""

PIN_PLACES = 3
"""Decimal places `pins_from_report` keeps, rounding down so a fresh pin passes."""

PIN_OVERALL = "overall"
"""The pin key for `Report.overall_f1`; every other key names a field (or `micro`)."""

PIN_MICRO = "micro"
"""The pin key for the micro F1 over all fields' summed counts."""

MEETING_FIELDS = ("committee", "date", "municipality", "kind")
"""Meeting keys a gold file may give; each is scored only when the gold has the key."""

LIST_FIELDS = ("case_numbers", "recommendation", "attachments", "amounts_dkk")
"""Item fields holding lists; an extra predicted item's values here are false positives."""

GOLD_ITEM_KEYS = (
    "number", "title", "closed", "case_numbers", "recommendation_by", "recommendation",
    "decision", "decision_outcome", "attachments", "amounts_dkk",
)
"""Keys every gold item must have (shared/gold/README.md)."""

GOLD_HINT = "the format is in the README, 'Gold annotations'"
JSON_HINT = "check the file is UTF-8 JSON"

# --- Text normalisation, in the order `normalise` applies it.

PLAIN_PUNCTUATION = str.maketrans({
    "\u201d": '"',  # ” right double quote
    "\u201c": '"',  # “ left double quote
    "\u201e": '"',  # „ low double quote (Danish opening quote)
    "\u2019": "'",  # ’ right single quote
    "\u2018": "'",  # ‘ left single quote
    "\u2013": "-",  # – en dash
    "\u2014": "-",  # — em dash
    "\u00a0": " ",  # no-break space
    "\u00ad": "",   # soft hyphen
})
"""Typographic characters made plain before comparing texts."""

EMPHASIS_RE = re.compile(
    r"""
    [*_]{2,}    # Markdown emphasis markers: the "**" of "**Bilag**", the "__" of "__x__"
    """,
    re.VERBOSE,
)
WHITESPACE_RE = re.compile(
    r"""
    \s+         # any run of spaces, tabs or newlines: "a \n  b" -> "a b"
    """,
    re.VERBOSE,
)
WORD_RE = re.compile(
    r"""
    \w+         # a word of letters, digits or "_": "Bilag", "2018", "øst"
    """,
    re.VERBOSE,
)
TRAILING_PUNCTUATION = " .,;:"
"""Stripped from the end of a normalised text: "Godkendt." equals "godkendt"."""


# --- Result types.


@dataclass(frozen=True)
class GoldFile:
    """One gold annotation file: its path, its name (the file stem) and its JSON."""

    path: Path
    name: str
    source: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class FieldScore:
    """Precision, recall and F1 of one field, from its counts summed over documents."""

    field: str
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


@dataclass(frozen=True)
class DocumentScore:
    """One document's F1 (the mean of its fields' F1) and whether extraction failed."""

    document: str
    f1: float
    missing: bool
    error: str | None = None


@dataclass(frozen=True)
class Miss:
    """One false positive and/or false negative of one field, for an explain view.

    `item` labels the gold item ("9. Title") or, for an extra item, the predicted
    one; it is None for meeting fields. `expected` is the gold value (None when
    gold has none) and `found` the predicted one (None when there is none). A
    wrong single value counts as both a false positive and a false negative.
    """

    document: str
    item: str | None
    field: str
    expected: Scalar
    found: Scalar
    fp: int
    fn: int

    @property
    def kind(self) -> str:
        """"missed" (gold value not found), "extra" (found, not in gold) or "wrong"."""
        if self.fn and not self.fp:
            return "missed"
        if self.fp and not self.fn and self.expected is None:
            return "extra"
        return "wrong"


@dataclass(frozen=True)
class Report:
    """The result of scoring a set of documents against their gold annotations."""

    fields: tuple[FieldScore, ...]
    documents: tuple[DocumentScore, ...]
    overall_f1: float
    micro: FieldScore
    misses: tuple[Miss, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the documents with no prediction (extraction failed)."""
        return tuple(d.document for d in self.documents if d.missing)

    def field(self, name: str) -> FieldScore | None:
        """The score of field `name`, or None when the field had nothing to score."""
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True)
class ListMatch(Generic[T]):
    """A one-to-one matching of two lists: how many matched, and what was left over."""

    tp: int
    extra: tuple[T, ...]
    missed: tuple[T, ...]


@dataclass(frozen=True)
class ItemView:
    """An item reduced to the scored fields, in the gold format's shape."""

    number: Scalar
    title: Scalar
    closed: Scalar
    case_numbers: tuple[Scalar, ...]
    recommendation_by: Scalar
    recommendation: tuple[Scalar, ...]
    decision: Scalar
    decision_outcome: Scalar
    attachments: tuple[Scalar, ...]
    amounts_dkk: tuple[float, ...]


@dataclass(frozen=True)
class Alignment:
    """Gold items paired with predicted items (None when unmatched), and the extras."""

    pairs: tuple[tuple[ItemView, ItemView | None], ...]
    extra: tuple[ItemView, ...]


EMPTY_ITEM = ItemView(None, None, False, (), None, (), None, None, (), ())
"""What a missed gold item is scored against: a predicted item with nothing in it."""


# --- Text matching.


def normalise(value: object) -> str:
    """The text as compared: NFKC, plain quotes, collapsed space, lower case, no trailing punctuation."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(PLAIN_PUNCTUATION)
    text = EMPHASIS_RE.sub("", text)
    text = WHITESPACE_RE.sub(" ", text).strip().lower()
    return text.rstrip(TRAILING_PUNCTUATION)


def words(value: object) -> list[str]:
    """The words of the normalised text."""
    return WORD_RE.findall(normalise(value))


def token_f1(expected: object, found: object) -> float:
    """Word-level F1 of `found` against `expected` (1.0 when both have no words)."""
    gold_words, found_words = Counter(words(expected)), Counter(words(found))
    if not gold_words and not found_words:
        return 1.0
    common = sum((gold_words & found_words).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(found_words.values()), common / sum(gold_words.values())
    return 2 * precision * recall / (precision + recall)


def same_text(expected: object, found: object) -> bool:
    """True when the texts are equal after normalisation or their word F1 reaches the threshold."""
    return normalise(expected) == normalise(found) or token_f1(expected, found) >= TEXT_MATCH_MIN_F1


def same_normalised(expected: object, found: object) -> bool:
    """True when the texts are equal after normalisation (case numbers, outcomes, meeting keys)."""
    return normalise(expected) == normalise(found)


def same_number(expected: object, found: object) -> bool:
    """True when an item number equals the gold one, ignoring a trailing dot ("9." is "9")."""
    return str(expected) == str(found).strip(". ")


def same_amount(expected: float, found: float) -> bool:
    """True when two amounts in kroner differ by less than `AMOUNT_TOLERANCE_DKK`."""
    return abs(expected - found) < AMOUNT_TOLERANCE_DKK


def is_filled(value: object) -> bool:
    """True unless the value is null, the empty string or the empty list ("absent")."""
    return value not in (None, "", [])


def match_lists(expected: Sequence[T], found: Sequence[T], eq: Callable[[T, T], bool]) -> ListMatch[T]:
    """Greedy one-to-one matching: each gold value takes the first unused equal prediction."""
    left = list(found)
    missed: list[T] = []
    matched = 0
    for gold_value in expected:
        for index, found_value in enumerate(left):
            if eq(gold_value, found_value):
                matched += 1
                left.pop(index)
                break
        else:
            missed.append(gold_value)
    return ListMatch(matched, tuple(left), tuple(missed))


# --- Item views and alignment.


def gold_item_view(item: Mapping[str, Any]) -> ItemView:
    """A gold item (shared/gold/README.md shape) as an `ItemView`, values unchanged."""
    return ItemView(
        number=item["number"],
        title=item["title"],
        closed=item["closed"],
        case_numbers=tuple(item["case_numbers"]),
        recommendation_by=item["recommendation_by"],
        recommendation=tuple(item["recommendation"]),
        decision=item["decision"],
        decision_outcome=item["decision_outcome"],
        attachments=tuple(item["attachments"]),
        amounts_dkk=tuple(item["amounts_dkk"]),
    )


def _as_mapping(value: object) -> Mapping[str, Any]:
    """A recommendation or decision as a mapping: plain text becomes {"text": ...}."""
    if isinstance(value, str):
        return {"text": value} if value else {}
    return value if isinstance(value, Mapping) else {}


def _case_number(value: object) -> Scalar:
    """A predicted case number as text: as printed (`raw`) or else its `value`."""
    if isinstance(value, Mapping):
        return value.get("raw") or value.get("value") or ""
    return value if isinstance(value, str) else str(value)


def _attachment_title(value: object) -> Scalar:
    """A predicted attachment as its title."""
    if isinstance(value, Mapping):
        return value.get("title") or ""
    return value if isinstance(value, str) else str(value)


def _amounts_dkk(values: Iterable[Any]) -> tuple[float, ...]:
    """The kroner values of predicted amounts, rounded to øre; other currencies dropped."""
    kroner: list[float] = []
    for amount in values:
        value = amount.get("value") if isinstance(amount, Mapping) else amount
        currency = (amount.get("currency") or "DKK") if isinstance(amount, Mapping) else "DKK"
        if value is None or currency != "DKK":
            continue
        try:
            kroner.append(round(float(value), 2))
        except (TypeError, ValueError):
            continue
    return tuple(kroner)


def prediction_view(item: Mapping[str, Any]) -> ItemView:
    """A predicted item (SCHEMA.md shape) reduced to the gold format's fields."""
    recommendation = _as_mapping(item.get("recommendation"))
    decision = _as_mapping(item.get("decision"))
    text = recommendation.get("text")
    points = recommendation.get("points") or ([text] if text else [])
    return ItemView(
        number=item.get("number"),
        title=item.get("title"),
        closed=bool(item.get("closed")),
        case_numbers=tuple(_case_number(c) for c in item.get("case_numbers") or []),
        recommendation_by=recommendation.get("by"),
        recommendation=tuple(points),
        decision=decision.get("text"),
        decision_outcome=decision.get("outcome"),
        attachments=tuple(_attachment_title(a) for a in item.get("attachments") or []),
        amounts_dkk=_amounts_dkk(item.get("amounts") or []),
    )


def _alignment_score(gold: ItemView, found: ItemView) -> float:
    """Title word F1, plus `NUMBER_MATCH_BONUS` when the gold has a number and it is equal."""
    score = token_f1(gold.title, found.title)
    if gold.number is not None and str(found.number or "").strip(". ") == str(gold.number):
        score += NUMBER_MATCH_BONUS
    return score


def align_items(gold_items: Sequence[ItemView], found_items: Sequence[ItemView]) -> Alignment:
    """Pair each gold item, in order, with the best-scoring unused predicted item above the threshold."""
    pairs: list[tuple[ItemView, ItemView | None]] = []
    used: set[int] = set()
    for gold in gold_items:
        best, best_score = None, 0.0
        for index, found in enumerate(found_items):
            if index in used:
                continue
            score_ = _alignment_score(gold, found)
            if score_ > best_score:
                best, best_score = index, score_
        if best is not None and best_score >= ALIGN_MIN_SCORE:
            used.add(best)
            pairs.append((gold, found_items[best]))
        else:
            pairs.append((gold, None))
    extra = tuple(found for index, found in enumerate(found_items) if index not in used)
    return Alignment(tuple(pairs), extra)


def item_label(item: ItemView) -> str:
    """A short label for an item in an explain view: "9. Title", or the title alone."""
    title = "" if item.title is None else str(item.title)
    number = str(item.number or "").strip(". ")
    if number:
        return f"{number}. {title}".rstrip()
    return title or "(untitled item)"


# --- Scoring.


class _Tally:
    """Running tp/fp/fn counts per field, and the misses behind them."""

    def __init__(self, document: str = "") -> None:
        self.document = document
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.misses: list[Miss] = []

    def add(self, field: str, tp: int, fp: int, fn: int) -> None:
        self.tp[field] += tp
        self.fp[field] += fp
        self.fn[field] += fn

    def miss(self, item: str | None, field: str, expected: Scalar, found: Scalar, fp: int, fn: int) -> None:
        self.misses.append(Miss(self.document, item, field, expected, found, fp, fn))

    def merge(self, other: _Tally) -> None:
        for field in set(other.tp) | set(other.fp) | set(other.fn):
            self.add(field, other.tp[field], other.fp[field], other.fn[field])
        self.misses.extend(other.misses)

    def fields(self) -> list[str]:
        """Fields with any counts, sorted; a field absent from gold and prediction is left out."""
        keys = set(self.tp) | set(self.fp) | set(self.fn)
        return sorted(k for k in keys if self.tp[k] + self.fp[k] + self.fn[k])

    def score(self, name: str, keys: Sequence[str]) -> FieldScore:
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return FieldScore(name, precision, recall, f1, tp, fp, fn)

    def field_scores(self) -> tuple[FieldScore, ...]:
        return tuple(self.score(f, [f]) for f in self.fields())

    def macro_f1(self) -> float:
        """The mean of the per-field F1 values (1.0 when nothing was scored)."""
        scores = self.field_scores()
        return sum(s.f1 for s in scores) / len(scores) if scores else 1.0


def _score_scalar(
    tally: _Tally, item: str | None, field: str, expected: Scalar, found: Scalar,
    eq: Callable[[Scalar, Scalar], bool],
) -> None:
    """A single-valued field: a gold null means 'absent' and must be absent in the prediction."""
    gold_has, found_has = is_filled(expected), is_filled(found)
    if gold_has and found_has and eq(expected, found):
        tally.add(field, 1, 0, 0)
        return
    tally.add(field, 0, int(found_has), int(gold_has))
    if gold_has or found_has:
        tally.miss(item, field, expected if gold_has else None, found if found_has else None,
                   int(found_has), int(gold_has))


def _score_list(
    tally: _Tally, item: str | None, field: str, expected: Sequence[S], found: Sequence[S],
    eq: Callable[[S, S], bool],
) -> None:
    """A list field: one-to-one matches are true positives, leftovers false positives/negatives."""
    match = match_lists(expected, found, eq)
    tally.add(field, match.tp, len(match.extra), len(match.missed))
    for value in match.missed:
        tally.miss(item, field, value, None, 0, 1)
    for value in match.extra:
        tally.miss(item, field, None, value, 1, 0)


def _score_item(tally: _Tally, gold: ItemView, found: ItemView | None) -> None:
    """Every field of one gold item against its partner (or against nothing when missed)."""
    label = item_label(gold)
    if found is None:
        found = EMPTY_ITEM
        tally.add("closed", 0, 0, 1)
        tally.miss(label, "closed", gold.closed, None, 0, 1)
    elif gold.closed == found.closed:
        tally.add("closed", 1, 0, 0)
    else:  # score.py counts a wrong flag as a false positive only
        tally.add("closed", 0, 1, 0)
        tally.miss(label, "closed", gold.closed, found.closed, 1, 0)
    _score_scalar(tally, label, "title", gold.title, found.title, same_text)
    _score_scalar(tally, label, "number", gold.number, found.number, same_number)
    _score_list(tally, label, "case_numbers", gold.case_numbers, found.case_numbers, same_normalised)
    _score_scalar(tally, label, "recommendation_by", gold.recommendation_by, found.recommendation_by,
                  same_text)
    _score_list(tally, label, "recommendation", gold.recommendation, found.recommendation, same_text)
    _score_scalar(tally, label, "decision", gold.decision, found.decision, same_text)
    _score_scalar(tally, label, "decision_outcome", gold.decision_outcome, found.decision_outcome,
                  same_normalised)
    _score_list(tally, label, "attachments", gold.attachments, found.attachments, same_text)
    _score_list(tally, label, "amounts_dkk", gold.amounts_dkk, found.amounts_dkk, same_amount)


def _score_extra_item(tally: _Tally, found: ItemView) -> None:
    """A predicted item with no gold partner: every value of its lists is a false positive."""
    label = item_label(found)
    for field in LIST_FIELDS:
        values: tuple[Scalar, ...] = getattr(found, field)
        tally.add(field, 0, len(values), 0)
        for value in values:
            tally.miss(label, field, None, value, 1, 0)


def _score_document(tally: _Tally, gold: Mapping[str, Any], prediction: Mapping[str, Any] | None) -> None:
    """Score one document's meeting fields and items into `tally`."""
    gold_meeting = gold.get("meeting") or {}
    predicted = prediction or {}
    found_meeting = predicted.get("meeting") or {}
    if not isinstance(found_meeting, Mapping):
        found_meeting = {}
    for key in MEETING_FIELDS:
        if key in gold_meeting:
            _score_scalar(tally, None, "meeting." + key, gold_meeting.get(key), found_meeting.get(key),
                          same_normalised)
    gold_items = [gold_item_view(i) for i in gold["items"]]
    found_items = [prediction_view(i) for i in predicted.get("items") or [] if isinstance(i, Mapping)]
    alignment = align_items(gold_items, found_items)
    paired = sum(1 for _, found in alignment.pairs if found is not None)
    tally.add("items", paired, len(alignment.extra), len(alignment.pairs) - paired)
    for gold_item, found in alignment.pairs:
        if found is None:
            tally.miss(item_label(gold_item), "items", gold_item.title, None, 0, 1)
    for found in alignment.extra:
        tally.miss(item_label(found), "items", None, found.title, 1, 0)
    for gold_item, found in alignment.pairs:
        _score_item(tally, gold_item, found)
    for found in alignment.extra:
        _score_extra_item(tally, found)


def check_gold(name: str, data: object) -> None:
    """Raise `MinutesError` unless `data` has the shape of a gold file (shared/gold/README.md)."""
    if not isinstance(data, Mapping):
        raise MinutesError(name, "a gold file must hold a JSON object", GOLD_HINT)
    meeting = data.get("meeting")
    if meeting is not None and not isinstance(meeting, Mapping):
        raise MinutesError(name, '"meeting" must be an object or null', GOLD_HINT)
    items = data.get("items")
    if not isinstance(items, list):
        raise MinutesError(name, 'a gold file needs an "items" list', GOLD_HINT)
    for index, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise MinutesError(name, f"gold item {index} is not an object", GOLD_HINT)
        absent = [key for key in GOLD_ITEM_KEYS if key not in item]
        if absent:
            raise MinutesError(name, f"gold item {index} lacks {', '.join(absent)}", GOLD_HINT)
        for key in LIST_FIELDS:
            if not isinstance(item[key], list):
                raise MinutesError(name, f"gold item {index}: {key} must be a list", "use [] for none")
        if not all(isinstance(a, int | float) and not isinstance(a, bool) for a in item["amounts_dkk"]):
            raise MinutesError(name, f"gold item {index}: amounts_dkk must hold numbers", "e.g. [400000]")


def score(
    pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any] | None]],
    errors: Mapping[str, str] | None = None,
) -> Report:
    """Score (document name, gold, prediction or None) triples; `errors` maps names to failure messages."""
    errors = errors or {}
    total = _Tally()
    documents: list[DocumentScore] = []
    for name, gold, prediction in pairs:
        check_gold(name, gold)
        tally = _Tally(name)
        _score_document(tally, gold, prediction)
        total.merge(tally)
        documents.append(DocumentScore(name, tally.macro_f1(), prediction is None, errors.get(name)))
    return Report(
        fields=total.field_scores(),
        documents=tuple(documents),
        overall_f1=total.macro_f1(),
        micro=total.score(PIN_MICRO, total.fields()),
        misses=tuple(total.misses),
    )


# --- Gold files and evaluation.


def _read_gold(path: Path) -> GoldFile:
    """One gold file, parsed and checked."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MinutesError(str(path), f"cannot read gold JSON: {exc}", JSON_HINT) from exc
    check_gold(str(path), data)
    source = data.get("source")
    if not isinstance(source, str) or not source:
        raise MinutesError(str(path), 'a gold file needs a "source" path', 'e.g. "seeds/000_x.txt"')
    return GoldFile(path=path, name=path.stem, source=source, data=data)


def load_gold(path: Path) -> list[GoldFile]:
    """The gold file at `path`, or every `*.json` below a directory (recursive, sorted by path)."""
    if path.is_file():
        return [_read_gold(path)]
    if not path.is_dir():
        raise InputNotFound(str(path), "no such gold file or directory", "give a gold .json file or folder")
    files = sorted(path.rglob("*.json"))
    if not files:
        raise MinutesError(str(path), "holds no gold .json files", "give a folder of gold .json files")
    return [_read_gold(f) for f in files]


def resolve_source(gold: GoldFile, root: Path) -> Path:
    """The document a gold file annotates: its `source`, relative to `root`."""
    return root / gold.source


def default_root(gold_path: Path, golds: Sequence[GoldFile]) -> Path:
    """Where gold `source` paths start when no root is given.

    The gold directory is `gold_path` itself, or the folder holding it when it is
    a file. Shared gold sources are relative to `shared/` ("seeds/000_….txt" for
    `shared/gold/seeds/000_….json`), so we search upward: the first ancestor,
    starting with the gold directory's parent, under which the first gold's
    source exists. When there is none, the gold directory's parent.
    """
    gold_dir = (gold_path if gold_path.is_dir() else gold_path.parent).resolve()
    fallback = gold_dir.parent
    if not golds:
        return fallback
    for candidate in (fallback, *fallback.parents):
        if (candidate / golds[0].source).exists():
            return candidate
    return fallback


def evaluate(gold_path: Path, root: Path | None, extract: Callable[[Path], dict[str, Any]]) -> Report:
    """Extract each gold file's source with `extract` and score the results.

    `gold_path` is a gold file or a directory of them (see `load_gold`). Each
    gold's `source` is resolved against `root`; when `root` is None, against
    `default_root(gold_path, golds)`: the first ancestor of the gold directory
    (starting with its parent) under which the first gold's source exists, else
    the gold directory's parent. A `MinutesError` raised by `extract` counts the
    document as missing and keeps its message in the report; other exceptions
    propagate. Predictions pass through a JSON round trip, so they are scored
    exactly as `minutes extract --format json` output would be.
    """
    golds = load_gold(gold_path)
    base = root if root is not None else default_root(gold_path, golds)
    pairs: list[tuple[str, Mapping[str, Any], Mapping[str, Any] | None]] = []
    errors: dict[str, str] = {}
    for gold in golds:
        try:
            prediction: Mapping[str, Any] | None = json.loads(json.dumps(extract(resolve_source(gold, base))))
        except MinutesError as exc:
            prediction = None
            errors[gold.name] = str(exc)
        pairs.append((gold.name, gold.data, prediction))
    return score(pairs, errors)


def _miss_to_dict(miss: Miss) -> dict[str, Any]:
    return {
        "document": miss.document, "item": miss.item, "field": miss.field, "kind": miss.kind,
        "expected": miss.expected, "found": miss.found, "fp": miss.fp, "fn": miss.fn,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON: score.py's `--json` keys, plus "counts", "errors" and "misses"."""
    return {
        "fields": {f.field: [f.precision, f.recall, f.f1] for f in report.fields},
        "overall_f1": round(report.overall_f1, 6),
        "micro": [report.micro.precision, report.micro.recall, report.micro.f1],
        "per_doc": {d.document: d.f1 for d in report.documents},
        "missing": list(report.missing),
        "counts": {f.field: {"tp": f.tp, "fp": f.fp, "fn": f.fn} for f in report.fields},
        "errors": {d.document: d.error for d in report.documents if d.error},
        "misses": [_miss_to_dict(m) for m in report.misses],
    }


# --- The accuracy gate.


def gold_set_name(gold_path: Path) -> str:
    """The name a gold set's pins are kept under: its directory's name ("seeds", "corpus")."""
    gold_dir = gold_path if gold_path.is_dir() else gold_path.parent
    return gold_dir.resolve().name


def load_pins(path: Path) -> dict[str, dict[str, float]]:
    """The pinned minimums: {gold set name: {"overall" | "micro" | field: minimum F1}}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputNotFound(str(path), "no pins file", "create accuracy_pins.json at the repo root") from exc
    except (OSError, ValueError) as exc:
        raise MinutesError(str(path), f"cannot read pins JSON: {exc}", JSON_HINT) from exc
    hint = 'expected {"<gold set>": {"overall": 0.8, "<field>": 0.9}}'
    if not isinstance(data, dict):
        raise MinutesError(str(path), "pins must be a JSON object", hint)
    pins: dict[str, dict[str, float]] = {}
    for name, minimums in data.items():
        if name.startswith("_"):
            continue  # "_lowered": reasons for pins that were lowered on purpose
        if not isinstance(minimums, dict):
            raise MinutesError(str(path), f"pins for {name!r} must be an object", hint)
        for key, value in minimums.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise MinutesError(str(path), f"pin {name}.{key} must be a number from 0 to 1", hint)
        pins[name] = {key: float(value) for key, value in minimums.items()}
    return pins


def _pinned_figure(report: Report, key: str) -> float | None:
    """The report's figure for a pin key, or None when that field was not scored."""
    if key == PIN_OVERALL:
        return report.overall_f1
    if key == PIN_MICRO:
        return report.micro.f1
    field = report.field(key)
    return field.f1 if field else None


def check_pins(report: Report, pins: Mapping[str, float]) -> list[str]:
    """One message per figure below its pinned minimum (`pins` is one gold set's minimums)."""
    failures: list[str] = []
    for key, minimum in pins.items():
        value = _pinned_figure(report, key)
        if value is None:
            failures.append(f"{key}: pinned at F1 >= {minimum:.6g} but no longer scored (nothing in gold "
                            "or prediction); check the gold set")
        elif value + PIN_TOLERANCE < minimum:
            failures.append(f"{key}: F1 {value:.6f} is below its pinned minimum {minimum:.6f}")
    return failures


def pins_from_report(report: Report, places: int = PIN_PLACES) -> dict[str, float]:
    """Minimums that the report just meets: overall and each field's F1, rounded down."""
    scale = float(10**places)

    def floor(value: float) -> float:
        return math.floor(value * scale + PIN_TOLERANCE) / scale

    pins = {PIN_OVERALL: floor(report.overall_f1)}
    pins.update({f.field: floor(f.f1) for f in report.fields})
    return pins


LOWERED_KEY = "_lowered"


@dataclass(frozen=True)
class PinUpdate:
    """The pins file after an update, and which pins went up or down."""

    data: dict[str, Any]
    raised: tuple[str, ...]
    lowered: tuple[str, ...]


def update_pins(data: Mapping[str, Any], pin_set: str, report: Report, reason: str | None = None) -> PinUpdate:
    """Pins raised to what the report reaches; a pin that would fall needs `reason`.

    Without a reason, pins that would go down keep their old value (the gate then
    fails, as it should). With one, they are lowered and the reason is recorded
    under "_lowered" as "<set>.<field>", for the commit to repeat in its message.
    """
    updated: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    old: dict[str, float] = dict(updated.get(pin_set) or {})
    new = pins_from_report(report)
    raised: list[str] = []
    lowered: list[str] = []
    merged = dict(old)
    for key, value in new.items():
        previous = old.get(key)
        if previous is None or value > previous + PIN_TOLERANCE:
            merged[key] = value
            raised.append(key)
        elif value < previous - PIN_TOLERANCE and reason:
            merged[key] = value
            lowered.append(key)
    updated[pin_set] = dict(sorted(merged.items()))
    if lowered:
        reasons = dict(updated.get(LOWERED_KEY) or {})
        reasons.update({f"{pin_set}.{key}": reason for key in lowered})
        updated[LOWERED_KEY] = reasons
    return PinUpdate(updated, tuple(raised), tuple(lowered))
