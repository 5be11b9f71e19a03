"""Store parsed documents in the archive: incremental by content, one transaction per document.

`index_inputs` runs the batch layer (`minutes_cli.batch`: file discovery,
worker processes, time limits, every failure as a message) over the inputs
whose bytes the archive does not hold yet, and writes each result as it
arrives: a parsed document replaces whatever the archive held for its path,
a failed file replaces it with a row in `failures`. Each file is one
transaction, so an interrupted run (Ctrl-C, a crash, a full disk) leaves every
document either entirely in the archive or not at all, and running it again
carries on where it stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal

import sqlite_utils

from ..batch import Input, run_batch, sha256_of
from ..model import Document, Item

if TYPE_CHECKING:
    from distributed import Client

Status = Literal["indexed", "unchanged", "failed", "skipped"]

# Tables holding a document's rows, children first (the order rows are deleted in).
DOCUMENT_TABLES = ("amounts", "attachments", "sections", "items")


@dataclass(frozen=True)
class IndexResult:
    """What happened to one input: indexed (with its item count), unchanged, failed (`error` says why), or
    skipped: met walking a folder and of a kind no reader reads (`error` says which)."""

    path: str
    status: Status
    items: int = 0
    amounts: int = 0
    error: str | None = None


def archive_path(path: str) -> str:
    """The path a file is stored under: absolute, so runs from other folders and --prune agree on it."""
    return os.path.abspath(path)


def now() -> str:
    """The current UTC time as ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def stored_sha256(db: sqlite_utils.Database, path: str) -> str | None:
    """The sha256 of the bytes the archive indexed for this path, or None when it holds no document for it."""
    row = db.execute("SELECT sha256 FROM documents WHERE path = ? LIMIT 1", [path]).fetchone()
    return row[0] if row else None


def index_inputs(
    db: sqlite_utils.Database,
    inputs: Sequence[Input],
    workers: int = 1,
    timeout: float | None = None,
    fail_fast: bool = False,
    force: bool = False,
    client: Client | None = None,
) -> Iterator[IndexResult]:
    """Index every input and yield what happened to each: unchanged inputs first, then the parsed ones in order.

    An input whose bytes (sha256) the archive already holds under its path is
    skipped unless `force`; failed inputs are always tried again, since a newer
    minutes may read them. Given a Dask `client`, the files are parsed on its
    cluster (`batch.run_batch`); the documents come back to be stored here.
    """
    to_parse: list[Input] = []
    for item in inputs:
        path = archive_path(item.path)
        digest = sha256_of(item.path)
        if not force and digest is not None and stored_sha256(db, path) == digest:
            yield IndexResult(path, "unchanged")
        else:
            to_parse.append(item)
    for result in run_batch(to_parse, workers, timeout, fail_fast, client=client):
        path = archive_path(result.path)
        if result.not_read is not None:  # met walking a folder, of a kind no reader reads: left alone
            yield IndexResult(path, "skipped", error=result.not_read)
            continue
        # a file may hold several meetings (an export of many): each is a document of the archive
        documents = result.documents
        if documents:
            store_documents(db, documents, path)
            yield IndexResult(path, "indexed", sum(len(d.items) for d in documents),
                              sum(len(i.amounts) for d in documents for i in d.items))
        else:
            error = result.error or f"{result.path}: no document"
            store_failure(db, path, sha256_of(result.path), error)
            yield IndexResult(path, "failed", error=error)


def store_documents(db: sqlite_utils.Database, documents: Sequence[Document], path: str) -> list[int]:
    """Replace whatever the archive holds for `path` with the meetings parsed from it, in one transaction;
    their ids (a file usually holds one meeting; an export may hold many)."""
    ids = []
    with _transaction(db):
        _delete_path(db, path)
        for meeting, document in enumerate(documents):
            document_id = _insert_document(db, document, path, meeting)
            ids.append(document_id)
            for position, item in enumerate(document.items):
                _insert_item(db, document, document_id, position, item)
    return ids


def store_failure(db: sqlite_utils.Database, path: str, digest: str | None, error: str) -> None:
    """Record that a file failed (replacing any document held for it: its rows came from other bytes)."""
    with _transaction(db):
        _delete_path(db, path)
        db.execute("INSERT INTO failures (path, sha256, error, failed_at) VALUES (?, ?, ?, ?)",
                   [path, digest, error, now()])


def prune(db: sqlite_utils.Database) -> list[str]:
    """Remove the documents and failures whose file no longer exists; the paths removed."""
    paths = [row[0] for row in db.execute("SELECT DISTINCT path FROM documents UNION SELECT path FROM failures")]
    gone = [path for path in paths if not os.path.exists(path)]
    for path in gone:
        with _transaction(db):
            _delete_path(db, path)
    return gone


class _transaction:
    """BEGIN … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included) before it goes on."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _delete_path(db: sqlite_utils.Database, path: str) -> None:
    for (document_id,) in db.execute("SELECT id FROM documents WHERE path = ?", [path]).fetchall():
        for table in DOCUMENT_TABLES:
            db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    db.execute("DELETE FROM failures WHERE path = ?", [path])


def _json(values: Sequence[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _insert_document(db: sqlite_utils.Database, document: Document, path: str, number: int) -> int:
    source, meeting = document.source, document.meeting
    row = {
        "path": path, "meeting": number, "sha256": source.sha256, "format": source.format, "pages": source.pages,
        "municipality": meeting.municipality, "committee": meeting.committee, "kind": meeting.kind,
        "date": meeting.date, "start_time": meeting.start_time, "location": meeting.location,
        "participants": _json(meeting.participants), "absent": _json(meeting.absent),
        "items": len(document.items),
        "warnings": _json([{"code": w.code, "message": w.message, "page": w.page} for w in document.warnings]),
        "indexed_at": now(),
    }
    return _insert(db, "documents", row)


def item_body(item: Item) -> str:
    """The item's searchable text: every section, its heading on a line of its own above its text."""
    return "\n".join(f"{s.heading}\n{s.text}" if s.heading else s.text for s in item.sections)


def _insert_item(db: sqlite_utils.Database, document: Document, document_id: int, position: int, item: Item) -> None:
    meeting = document.meeting
    recommendation, decision = item.recommendation, item.decision
    row = {
        "document_id": document_id, "position": position, "number": item.number, "title": item.title,
        "closed": int(item.closed), "case_numbers": _json(item.case_numbers), "case_officer": item.case_officer,
        "recommendation_by": recommendation.by if recommendation else None,
        "recommendation_text": recommendation.text if recommendation else None,
        "recommendation_points": _json(recommendation.points) if recommendation else None,
        "decision_text": decision.text if decision else None,
        "decision_outcome": decision.outcome if decision else None,
        "decision_by": decision.by if decision else None,
        "page_first": item.pages[0] if item.pages else None, "page_last": item.pages[1] if item.pages else None,
        "municipality": meeting.municipality, "committee": meeting.committee, "date": meeting.date,
        "year": int(meeting.date[:4]) if meeting.date else None, "kind": meeting.kind,
        "max_amount": max((a.value for a in item.amounts), default=None), "body": item_body(item),
    }
    item_id = _insert(db, "items", row)
    owner = (item_id, document_id)
    db.conn.executemany("INSERT INTO amounts (item_id, document_id, position, text, value, currency, context, "
                        "section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(*owner, n, a.text, a.value, a.currency, a.context, a.section)
                         for n, a in enumerate(item.amounts)])
    db.conn.executemany("INSERT INTO attachments (item_id, document_id, position, number, title) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [(*owner, n, a.number, a.title) for n, a in enumerate(item.attachments)])
    db.conn.executemany("INSERT INTO sections (item_id, document_id, position, heading, text) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [(*owner, n, s.heading, s.text) for n, s in enumerate(item.sections)])


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)
