"""The search query language: words, "phrases", OR and -exclusion.

    skole                       items about schools (skoler, skolerne, skoleudbygning …)
    anlægsbevilling skole       both words (AND is implied)
    "anlæg af cykelsti"         the exact phrase (case aside)
    skole OR daginstitution     either word
    bevilling -skole            bevilling, but not skole
    -"til efterretning" budget  an excluded phrase

A word is searched by its stem, inside compounds; a phrase as written. The
parse is a `Query`: clauses that must all match, each a list of terms of
which one must match, and terms that must not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import MinutesError

# One token of a query: an optional "-", then a quoted phrase (the closing quote may be
# missing at the end) or a run of anything but space and quote.
# Matches: skole   -skole   "anlæg af cykelsti"   -"til efterretning"   2016/05156
QUERY_TOKEN_RE = re.compile(
    r"""
    (?P<minus>-)?                 # exclusion
    (?:
        "(?P<phrase>[^"]*)"?      # "a phrase", closing quote optional at the end
      | (?P<word>[^\s"]+)         # a word: anything up to space or quote
    )
    """,
    re.VERBOSE,
)

# Punctuation around a word that is not part of it: "skole," "(bevilling)" "skole."
# Matches the leading "(" and the trailing ")." of "(bevilling)."
WORD_EDGE_RE = re.compile(r"^\W+|\W+$")

# The operator joining two terms of which either may match (upper case, as in FTS5 and web search).
OR = "OR"


class QueryError(MinutesError):
    """A query that cannot be searched (empty, only exclusions, a dangling OR)."""

    def __init__(self, query: str, reason: str, hint: str | None = None) -> None:
        super().__init__(f"query {query!r}", reason, hint)


@dataclass(frozen=True)
class Term:
    """A word (searched by its stem, inside compounds) or a phrase (searched as written)."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query: every clause must match (one of its terms), no excluded term may."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term that can make an item match, in query order."""
        return tuple(term for clause in self.clauses for term in clause)


def parse_query(text: str) -> Query:
    """Parse a query string; `QueryError` when nothing is left to search for."""
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in QUERY_TOKEN_RE.finditer(text):
        phrase, word = match.group("phrase"), match.group("word")
        if word == OR and not match.group("minus"):
            if not clauses or join_next:
                raise QueryError(text, "OR needs a word on each side", 'write "skole OR børnehave"')
            join_next = True
            continue
        term = _term(phrase, word)
        if term is None:
            continue
        if match.group("minus"):
            excluded.append(term)
        elif join_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    if join_next:
        raise QueryError(text, "OR needs a word on each side", 'write "skole OR børnehave"')
    if not clauses:
        reason = "only excluded words" if excluded else "no words to search for"
        raise QueryError(text, reason, 'add a word to find, e.g. "bevilling -skole"')
    return Query(tuple(tuple(clause) for clause in clauses), tuple(excluded))


def _term(phrase: str | None, word: str | None) -> Term | None:
    if phrase is not None:
        cleaned = " ".join(phrase.split())
        return Term(cleaned, phrase=True) if cleaned else None
    bare = WORD_EDGE_RE.sub("", word or "")
    return Term(bare) if bare else None
