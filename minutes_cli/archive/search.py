"""Find items in the archive: a parsed query and filters become one SQL query over `items` and `items_fts`.

Each query word becomes the substrings that find it (`stemming.search_forms`:
its stem, in both spellings of "å"), each phrase its own text; the trigram
index `items_fts` finds them anywhere in an item's title or body, inside
compounds too; a condition on the item's text confirms each candidate. Hits
are scored like bm25 (`score`), a title match counting `TITLE_WEIGHT` times a
body match, and each gets a snippet of its body around the first match, the
matches marked `**like this**`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from .query import Query, QueryError, Term, parse_query
from .schema import FTS_TABLE
from .stemming import MIN_SUBSTRING, fold_spelling, search_forms, spellings

# Score weight of a match in the title against one in the body: a title names what the item
# is about, the body mentions much in passing. Chosen by hand on the relevance set in
# the fixtures (1 put incidental mentions above items named for the word; 10 does not).
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0

# Characters of body text a snippet shows around its first match.
SNIPPET_CHARS = 160
# What marks a match inside a snippet (Markdown bold, readable as plain text too).
MARK = "**"

# Hits shown when no limit is given.
DEFAULT_LIMIT = 20


@dataclass(frozen=True)
class Filters:
    """Conditions on the item and its meeting besides the words; None means no condition."""

    municipality: str | None = None  # part of the name, case and aa/å aside: "ballerup"
    committee: str | None = None  # part of the name: "økonomi"
    since: str | None = None  # meeting on or after: "2013", "2013-06", "2013-06-20"
    until: str | None = None  # meeting on or before, same forms (a year means to its end)
    outcome: str | None = None  # decision outcome: approved, recommended, noted, rejected, postponed, other
    min_amount: float | None = None  # the item names an amount of at least this many kroner
    closed: bool | None = None  # True: closed items only; False: open items only


@dataclass(frozen=True)
class Hit:
    """One item found: where it is, what it is, why it matched."""

    path: str
    date: str | None
    municipality: str | None
    committee: str | None
    number: str | None
    title: str
    outcome: str | None
    closed: bool
    max_amount: float | None
    snippet: str
    score: float
    item_id: int
    document_id: int


HIT_FIELDS = ("path", "date", "municipality", "committee", "number", "title", "outcome", "closed", "max_amount",
              "snippet", "score", "item_id", "document_id")


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """A hit as a JSON-ready dict, keys in `HIT_FIELDS` order."""
    return {name: getattr(hit, name) for name in HIT_FIELDS}


def search(db: sqlite_utils.Database, query: str | Query, filters: Filters = Filters(),
           limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """The items that match a query and the filters, best first; `QueryError` for a query with nothing to find.

    Matches are ranked by `score` among the `RANKED_CANDIDATES` most recently indexed matching
    items: exact for any search with fewer matches, and it keeps a common word fast in a large
    archive (ranking every one of 100,000 matches costs seconds).
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    _prepare_connection(db)
    plan = plan_search(parsed, filters)
    marker = match_pattern(parsed.terms)
    if plan.fts is None:
        rows = db.execute(f"SELECT {_SELECT} FROM items JOIN documents ON documents.id = items.document_id "
                          f"WHERE {plan.where} ORDER BY items.date DESC, items.id LIMIT ?",
                          [*plan.params, limit]).fetchall()
        return [_hit(row, marker, 0.0) for row in rows]
    # newest first lets FTS5 stop after enough matches; the score then orders those
    candidates = db.execute(
        f"SELECT {_SELECT} FROM {FTS_TABLE} JOIN items ON items.id = {FTS_TABLE}.rowid "
        f"JOIN documents ON documents.id = items.document_id "
        f"WHERE {FTS_TABLE} MATCH ? AND {plan.where} ORDER BY {FTS_TABLE}.rowid DESC LIMIT ?",
        [plan.fts, *plan.params, max(RANKED_CANDIDATES, limit)]).fetchall()
    average = sum(len(row[_BODY] or "") for row in candidates) / len(candidates) if candidates else 1.0
    scored = [(score(row[_TITLE], row[_BODY] or "", marker, average), row) for row in candidates]
    scored.sort(key=lambda pair: (-pair[0], -pair[1][0]))
    return [_hit(row, marker, value) for value, row in scored[:limit]]


# bm25's constants: how fast repeated matches stop adding to the score, and how much a long body
# dilutes them (the usual values, as FTS5's bm25 uses them).
K1 = 1.2
B = 0.75


def score(title: str, body: str, marker: re.Pattern[str] | None, average_body: float) -> float:
    """How well an item matches: its matches in the title (`TITLE_WEIGHT` each) and body, saturating and
    normalised by body length as bm25 does (without bm25's rarity weight, which FTS5 could only give by
    reading every match's positions: the most costly part of a search in a large archive)."""
    if marker is None:
        return 0.0
    frequency = TITLE_WEIGHT * len(marker.findall(title)) + BODY_WEIGHT * len(marker.findall(body))
    length = 1 - B + B * len(body) / max(average_body, 1.0)
    return round(frequency * (K1 + 1) / (frequency + K1 * length), 3) if frequency else 0.0


# Matching items ranked per search: the most recently indexed this many. Chosen on the benchmark's
# 1,000,000 generated items: with a filter that keeps one item in twenty, 2,000 cost up to half a second
# for a common word and 500 up to 300 ms (each candidate is a row read); 200 keeps p95 near the goal.
RANKED_CANDIDATES = 200


@dataclass(frozen=True)
class SearchPlan:
    """A query split for SQL: an FTS5 expression that finds candidates (None when no clause can use the
    index), and conditions on `items` with their parameters that decide."""

    fts: str | None
    where: str
    params: tuple[Any, ...]


def term_forms(term: Term) -> tuple[str, ...]:
    """The substrings any of which finds a term: a word's stem forms, a phrase in both spellings of "å"."""
    return spellings(term.text) if term.phrase else search_forms(term.text)


def _indexable(term: Term) -> bool:
    # the trigram index finds nothing shorter than three characters
    return all(len(form) >= MIN_SUBSTRING for form in term_forms(term))


def trigrams(form: str) -> list[str]:
    """The three-character pieces of a form that the index looks up: as FTS5's trigram tokenizer cuts
    text, but no two overlapping and at most `MAX_TRIGRAMS`, spread over the form (first and last
    included) — enough to single a form out, and each one more costs a pass over its list of items."""
    starts = range(0, len(form) - MIN_SUBSTRING + 1, MIN_SUBSTRING)
    chosen = [*starts, len(form) - MIN_SUBSTRING]
    if len(chosen) > MAX_TRIGRAMS:
        step = (len(chosen) - 1) / (MAX_TRIGRAMS - 1)
        chosen = [chosen[round(n * step)] for n in range(MAX_TRIGRAMS)]
    return list(dict.fromkeys(form[n:n + MIN_SUBSTRING] for n in chosen))


# Trigrams looked up per form. On the benchmark's 1,000,000 items a 25-letter word with all its 23
# trigrams took 600 ms under a filter, with 4 about a quarter of that; the text condition decides anyway.
MAX_TRIGRAMS = 4


def _fts_string(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def _fts_terms(terms: Sequence[Term]) -> str:
    # Each form as the AND of its trigrams, not as their phrase: a phrase makes FTS5 compare the
    # positions of every trigram in every item that holds them all, and a long word made of common
    # trigrams ("indstillingens": ind, til, ing, ens …) then costs seconds in a large archive; the AND
    # needs no positions. The items it finds hold every trigram, and a condition on the text (see
    # plan_search) keeps those that hold the form itself.
    forms = [form for term in terms for form in term_forms(term)]
    return "(" + " OR ".join("(" + " AND ".join(map(_fts_string, trigrams(f))) + ")" for f in forms) + ")"


# Columns of a hit, in the order _hit reads them.
_SELECT = ("items.id, items.document_id, documents.path, items.date, items.municipality, items.committee, "
           "items.number, items.title, items.decision_outcome, items.closed, items.max_amount, items.body")

# An item's whole text, for the conditions that decide whether a form is in it.
_TEXT = "(items.title || ' ' || coalesce(items.body, ''))"


def case_variants(form: str) -> tuple[str, ...]:
    """A lower-case form as it is written in text: lower case, capitalised, every word capitalised, in
    capitals ("århus nord", "Århus nord", "Århus Nord", "ÅRHUS NORD"). SQLite's own lower() and LIKE
    fold only ASCII letters, and a Python function called on every candidate's text cost several times
    the search; a few instr() calls in C do not."""
    return tuple(dict.fromkeys((form, form[:1].upper() + form[1:], form.title(), form.upper())))


def _contains(forms: Sequence[str]) -> tuple[str, list[str]]:
    """An SQL condition true when the item's text holds any of the forms, in any of their case variants."""
    variants = [variant for form in forms for variant in case_variants(form)]
    return "(" + " OR ".join(f"instr({_TEXT}, ?) > 0" for _ in variants) + ")", variants


def plan_search(query: Query, filters: Filters) -> SearchPlan:
    """Split a search: clauses the trigram index can find give the FTS5 expression of candidates; every
    clause, exclusion and filter becomes a condition on `items` (a form too short for the trigram
    index is found by these conditions alone, scanning the items)."""
    fts_clauses = [clause for clause in query.clauses if all(map(_indexable, clause))]
    # the filters first: SQLite tests the conditions in this order, and a filter on a column costs
    # far less than reading the item's text
    conditions, params = _filter_conditions(filters)
    for clause in query.clauses:
        condition, values = _contains([form for term in clause for form in term_forms(term)])
        conditions.append(condition)
        params += values
    for term in query.excluded:
        condition, values = _contains(term_forms(term))
        conditions.append(f"NOT {condition}")
        params += values
    fts = " AND ".join(_fts_terms(clause) for clause in fts_clauses) or None
    return SearchPlan(fts, " AND ".join(conditions) or "1", tuple(params))


def _filter_conditions(filters: Filters) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    for column, value in (("municipality", filters.municipality), ("committee", filters.committee)):
        if value:
            conditions.append(f"instr(minutes_fold(items.{column}), ?) > 0")
            params.append(fold_spelling(value))
    if filters.since:
        conditions.append("items.date >= ?")
        params.append(filters.since)
    if filters.until:
        # a year or month means up to its end: compare only as many characters as were given
        conditions.append("substr(items.date, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    if filters.outcome:
        conditions.append("items.decision_outcome = ?")
        params.append(filters.outcome)
    if filters.min_amount is not None:
        conditions.append("items.max_amount >= ?")
        params.append(filters.min_amount)
    if filters.closed is not None:
        conditions.append("items.closed = ?")
        params.append(int(filters.closed))
    return conditions, params


# Bytes of the database file a search may map into memory. Searches read items in the order of the
# full-text index, not of the table: mapping the file instead of copying each page took a third off a
# filtered search of 1,000,000 items. Only searches map it: pages read through the map count in the
# process's resident memory, which would then grow with the archive while indexing.
MMAP_BYTES = 1 << 30


def _prepare_connection(db: sqlite_utils.Database) -> None:
    """Map the file and give SQL the functions searches use."""
    db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    # SQLite's lower() and LIKE fold ASCII only; filters need Æ/Ø/Å and "aa" too
    db.conn.create_function("minutes_fold", 1, lambda text: None if text is None else fold_spelling(text),
                            deterministic=True)


def match_pattern(terms: Sequence[Term]) -> re.Pattern[str] | None:
    """A pattern that finds every form of these terms in text, longest first; None when there are none."""
    forms = sorted({form for term in terms for form in term_forms(term)}, key=len, reverse=True)
    if not forms:
        return None
    # a phrase's spaces match any run of white space: the body keeps line breaks between paragraphs
    # a match is marked to the end of its word, so an inflected form shows whole ("**skolerne**")
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split(" "))) for form in forms)
    return re.compile(f"(?:{alternatives})\\w*", re.IGNORECASE)


def make_snippet(text: str, pattern: re.Pattern[str] | None, width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around the first match, whole words, matches marked; the start of
    the text when nothing matches."""
    flat = " ".join(text.split())
    found = pattern.search(flat) if pattern else None
    start = 0 if found is None else max(0, found.start() - width // 3)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start  # type: ignore[union-attr]
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start and (found is None or space > found.end()) else end
    window = flat[start:end]
    if pattern:
        window = pattern.sub(lambda m: f"{MARK}{m.group(0)}{MARK}", window)
    return ("…" if start else "") + window + ("…" if end < len(flat) else "")


_TITLE, _BODY = 7, 11  # positions of title and body in _SELECT


def _hit(row: Sequence[Any], marker: re.Pattern[str] | None, value: float) -> Hit:
    (item_id, document_id, path, date, municipality, committee, number, title, outcome, closed, max_amount,
     body) = row
    return Hit(path=path, date=date, municipality=municipality, committee=committee, number=number, title=title,
               outcome=outcome, closed=bool(closed), max_amount=max_amount,
               snippet=make_snippet(body or title, marker), score=value,
               item_id=item_id, document_id=document_id)


# A date filter: a year, a month or a day. Matches: 2013   2013-06   2013-06-20
DATE_FILTER_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def check_date_filter(option: str, value: str | None) -> None:
    """`QueryError` unless the value is None or a date as YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is not None and not DATE_FILTER_RE.fullmatch(value):
        raise QueryError(value, f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD", f"e.g. {option} 2013-06")
