"""The archive's tables: what `minutes index` writes and any SQLite tool reads.

Plain tables with foreign keys (sqlite3, DuckDB, pandas and Datasette read
them as they are), created with sqlite-utils; list fields are JSON arrays, as
sqlite-utils stores them. The meeting fields that searches filter and facet
on (municipality, committee, date, year) are repeated on each item, so a
filtered search reads one table and Datasette can facet items by them. The
full-text index `items_fts` is configured as sqlite-utils' `enable_fts` does
it (an FTS5 table over `items` kept in step by triggers), which is how
Datasette finds it, with the trigram tokenizer so that any substring of three
characters or more is found: a word inside a compound, a case number.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from ..errors import MinutesError

# PRAGMA user_version of a database this code wrote; a different one is refused, not patched.
SCHEMA_VERSION = 1

# Each table's columns in order; the first is the integer primary key.
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "id": int, "path": str, "meeting": int, "sha256": str, "format": str, "pages": int,
        "municipality": str, "committee": str, "kind": str, "date": str, "start_time": str, "location": str,
        "participants": str, "absent": str, "items": int, "warnings": str, "indexed_at": str,
    },
    "items": {
        "id": int, "document_id": int, "position": int, "number": str, "title": str, "closed": int,
        "case_numbers": str, "case_officer": str,
        "recommendation_by": str, "recommendation_text": str, "recommendation_points": str,
        "decision_text": str, "decision_outcome": str, "decision_by": str,
        "page_first": int, "page_last": int,
        "municipality": str, "committee": str, "date": str, "year": int, "kind": str,
        "max_amount": float, "body": str,
    },
    "amounts": {
        "id": int, "item_id": int, "document_id": int, "position": int, "text": str, "value": float,
        "currency": str, "context": str, "section": str,
    },
    "attachments": {"id": int, "item_id": int, "document_id": int, "position": int, "number": str, "title": str},
    "sections": {"id": int, "item_id": int, "document_id": int, "position": int, "heading": str, "text": str},
    "failures": {"id": int, "path": str, "sha256": str, "error": str, "failed_at": str},
}

NOT_NULL = {
    "documents": {"path", "meeting", "sha256", "format", "items", "indexed_at"},
    "items": {"document_id", "position", "title", "closed"},
    "amounts": {"item_id", "document_id", "position", "text", "value"},
    "attachments": {"item_id", "document_id", "position", "title"},
    "sections": {"item_id", "document_id", "position", "text"},
    "failures": {"path", "error", "failed_at"},
}

FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "items": [("document_id", "documents", "id")],
    "amounts": [("item_id", "items", "id"), ("document_id", "documents", "id")],
    "attachments": [("item_id", "items", "id"), ("document_id", "documents", "id")],
    "sections": [("item_id", "items", "id"), ("document_id", "documents", "id")],
}

# Indexes that the index's updates (by path, by document) and the search filters use.
INDEXES: list[tuple[str, list[str], bool]] = [
    ("documents", ["path", "meeting"], True),  # a file may hold several meetings: 0, 1, …
    ("failures", ["path"], True),
    ("items", ["document_id"], False),
    ("items", ["committee"], False),
    ("items", ["date"], False),
    ("items", ["decision_outcome"], False),
    ("items", ["max_amount"], False),
    ("amounts", ["document_id"], False),
    ("amounts", ["item_id"], False),
    ("attachments", ["document_id"], False),
    ("sections", ["document_id"], False),
]

# The columns of `items` the full-text index covers: the title and the whole body
# (every section with its heading, so recommendation and decision too).
FTS_COLUMNS = ["title", "body"]
FTS_TABLE = "items_fts"
# FTS5's trigram tokenizer (SQLite 3.34+), folding case (Æ/æ included).
FTS_TOKENIZE = "trigram"


class ArchiveError(MinutesError):
    """The database cannot be used as an archive (another program's file, another schema version)."""


def connect(path: str) -> sqlite_utils.Database:
    """Open (or create) the archive at `path` with its tables, in autocommit mode (the indexer opens and
    closes one transaction per document itself)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")  # readers (Datasette) are not blocked by a running index
        conn.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode: a crash loses no committed consistency
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        ensure_schema(db, path)
    except sqlite3.DatabaseError as error:
        raise ArchiveError(path, f"is not a usable SQLite database ({error})",
                           "give a new file with --db, or one that minutes index made") from error
    return db


def ensure_schema(db: sqlite_utils.Database, path: str) -> None:
    """Create the tables, indexes and full-text index that are missing; refuse a database of another version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    existing = set(db.table_names())
    if version not in (0, SCHEMA_VERSION) or (version == 0 and existing & set(TABLES)):
        raise ArchiveError(path, f"was not made by this version of minutes index (schema {version})",
                           "index into a new file with --db")
    if version == SCHEMA_VERSION:
        return
    db.execute("BEGIN")
    try:
        for name, columns in TABLES.items():
            db.table(name).create(columns, pk="id", not_null=NOT_NULL[name], foreign_keys=FOREIGN_KEYS.get(name, []))
        for table, indexed, unique in INDEXES:
            db.table(table).create_index(indexed, unique=unique)
        db.table("items").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
