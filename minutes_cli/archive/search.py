"""Find items in the archive: a parsed query and filters become one SQL query over `items` and `items_fts`.

Each query word becomes the substrings that find it (`stemming.search_forms`:
its stem, in both spellings of "å"), each phrase its own text; the trigram
index `items_fts` finds them anywhere in an item's title or body, inside
compounds too. Hits are ranked by FTS5's bm25 with the title counting
`TITLE_WEIGHT` times the body, and each gets a snippet of its body around the
first match, the matches marked `**like this**`.
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

# bm25 weight of a match in the title against one in the body: a title names what the item
# is about, the body mentions much in passing. Chosen by hand on the relevance set in
# tests/test_archive_relevance.py (1 put incidental mentions above title hits; 10 does not).
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

    Items whose title matches come first, ranked by bm25; then items matching in their body, ranked by
    bm25 among the `RANKED_CANDIDATES` most recently indexed ones, which keeps a common word fast
    in a large archive (ranking every one of 100,000 matches costs seconds).
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    _register_functions(db)
    plan = plan_search(parsed, filters)
    if plan.fts is None:
        rows = db.execute(f"SELECT {_SELECT}, 0.0 AS rank FROM items JOIN documents ON documents.id = "
                          f"items.document_id WHERE {plan.where} ORDER BY items.date DESC, items.id LIMIT ?",
                          [*plan.params, limit]).fetchall()
    else:
        title_only = f"{{title}} : ({plan.fts})" if plan.excluded is None else \
            f"({{title}} : ({plan.fts})) NOT {plan.excluded}"
        rows = db.execute(_fts_sql(plan, "ORDER BY rank, items.date DESC, items.id"),
                          [title_only, *plan.params, limit]).fetchall()
        if len(rows) < limit:
            seen = {row[0] for row in rows}
            expression = plan.fts if plan.excluded is None else f"({plan.fts}) NOT {plan.excluded}"
            cap = max(RANKED_CANDIDATES, limit)
            # newest first lets FTS5 stop after `cap` matches; the rank then orders those
            candidates = db.execute(_fts_sql(plan, f"ORDER BY {FTS_TABLE}.rowid DESC"),
                                    [expression, *plan.params, cap]).fetchall()
            rest = sorted((row for row in candidates if row[0] not in seen), key=lambda row: (row[-1], -row[0]))
            rows += rest[:limit - len(rows)]
    marker = match_pattern(parsed.terms)
    return [_hit(row, marker) for row in rows]


# Body matches ranked per search: the most recently indexed this many (chosen so that a word found in
# every other item of a 1,000,000-item archive stays near 100 ms; benchmarks/archive.py).
RANKED_CANDIDATES = 2000


@dataclass(frozen=True)
class SearchPlan:
    """A query split for SQL: an FTS5 expression (None when no clause can use the index), the FTS5
    expression of excluded terms, and conditions on `items` with their parameters."""

    fts: str | None
    excluded: str | None
    where: str
    params: tuple[Any, ...]


def term_forms(term: Term) -> tuple[str, ...]:
    """The substrings any of which finds a term: a word's stem forms, a phrase in both spellings of "å"."""
    return spellings(term.text) if term.phrase else search_forms(term.text)


def _indexable(term: Term) -> bool:
    # the trigram index finds nothing shorter than three characters
    return all(len(form) >= MIN_SUBSTRING for form in term_forms(term))


def _fts_string(form: str) -> str:
    return '"' + form.replace('"', '""') + '"'


def _fts_terms(terms: Sequence[Term]) -> str:
    return "(" + " OR ".join(_fts_string(f) for term in terms for f in term_forms(term)) + ")"


# Columns of a hit, in the order _hit reads them.
_SELECT = ("items.id, items.document_id, documents.path, items.date, items.municipality, items.committee, "
           "items.number, items.title, items.decision_outcome, items.closed, items.max_amount, items.body")


def plan_search(query: Query, filters: Filters) -> SearchPlan:
    """Split a search: clauses the trigram index can find go to FTS5; clauses with a form too short for
    it, and every filter, become conditions on `items`."""
    fts_clauses = [clause for clause in query.clauses if all(map(_indexable, clause))]
    slow_clauses = [clause for clause in query.clauses if clause not in fts_clauses]
    conditions: list[str] = []
    params: list[Any] = []
    text = "minutes_fold(items.title || ' ' || items.body)"
    for clause in slow_clauses:
        forms = [form for term in clause for form in term_forms(term)]
        conditions.append("(" + " OR ".join(f"instr({text}, ?) > 0" for _ in forms) + ")")
        params += [fold_spelling(f) for f in forms]
    excluded_fts = [term for term in query.excluded if _indexable(term)]
    for term in query.excluded:
        if term not in excluded_fts:
            for form in term_forms(term):
                conditions.append(f"instr({text}, ?) = 0")
                params.append(fold_spelling(form))
    filter_sql, filter_params = _filter_conditions(filters)
    conditions += filter_sql
    params += filter_params
    fts = " AND ".join(_fts_terms(clause) for clause in fts_clauses) or None
    excluded = _fts_terms(excluded_fts) if excluded_fts else None
    if fts is None and excluded is not None:
        conditions.append(f"items.id NOT IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        params.append(excluded)
        excluded = None
    return SearchPlan(fts, excluded, " AND ".join(conditions) or "1", tuple(params))


def _fts_sql(plan: SearchPlan, order: str) -> str:
    return (f"SELECT {_SELECT}, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank "
            f"FROM {FTS_TABLE} JOIN items ON items.id = {FTS_TABLE}.rowid "
            f"JOIN documents ON documents.id = items.document_id "
            f"WHERE {FTS_TABLE} MATCH ? AND {plan.where} {order} LIMIT ?")


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


def _register_functions(db: sqlite_utils.Database) -> None:
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


def _hit(row: Sequence[Any], marker: re.Pattern[str] | None) -> Hit:
    (item_id, document_id, path, date, municipality, committee, number, title, outcome, closed, max_amount,
     body, rank) = row
    return Hit(path=path, date=date, municipality=municipality, committee=committee, number=number, title=title,
               outcome=outcome, closed=bool(closed), max_amount=max_amount,
               snippet=make_snippet(body or title, marker),
               score=round(-float(rank), 3) + 0.0,  # + 0.0: a search without a rank gives 0.0, not -0.0
               item_id=item_id, document_id=document_id)


# A date filter: a year, a month or a day. Matches: 2013   2013-06   2013-06-20
DATE_FILTER_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def check_date_filter(option: str, value: str | None) -> None:
    """`QueryError` unless the value is None or a date as YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is not None and not DATE_FILTER_RE.fullmatch(value):
        raise QueryError(value, f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD", f"e.g. {option} 2013-06")
