"""Datasette metadata for an archive: titles, facets, search and sorting, so `datasette minutes.db -m FILE`
opens on something useful. Datasette finds the full-text index by itself (it is configured the way
sqlite-utils does it); the metadata adds facets and the labels people read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .schema import FTS_TABLE

# Facets shown on each table when Datasette opens it: what people narrow a search by.
ITEM_FACETS = ["committee", "decision_outcome", "year"]
DOCUMENT_FACETS = ["municipality", "committee", "kind", "format"]


def datasette_metadata(db_path: str | Path) -> dict[str, Any]:
    """The metadata for `datasette DB -m FILE` (the database is named after the file, as Datasette names it)."""
    name = Path(db_path).stem
    return {
        "title": "Meeting minutes archive",
        "description": "Agenda items of Danish municipal meetings, indexed by minutes index. "
                       "Search finds a word anywhere, inside compounds too.",
        "databases": {
            name: {
                "tables": {
                    "items": {
                        "label_column": "title",
                        "facets": ITEM_FACETS,
                        "fts_table": FTS_TABLE,
                        "fts_pk": "id",
                        "sort_desc": "date",
                        "description": "One row per agenda item; meeting fields repeated for filters and facets.",
                    },
                    "documents": {"label_column": "path", "facets": DOCUMENT_FACETS, "sort_desc": "date",
                                  "description": "One row per indexed file."},
                    "amounts": {"facets": ["currency", "section"], "description": "Every money amount, in kroner."},
                    "attachments": {"label_column": "title", "description": "Bilag of each item."},
                    "sections": {"label_column": "heading", "facets": ["heading"],
                                 "description": "Each item's body under its own headings."},
                    "failures": {"sort_desc": "failed_at", "description": "Files that could not be parsed, and why."},
                }
            }
        },
    }
