"""Shared helpers for the test suite: parse small Danish documents, validate against the schema.

Tests write their own small documents; nothing here is copied from ../shared.
"""

from __future__ import annotations

import json
import textwrap
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from minutes_cli import document_to_dict, extract_text

# ../shared beside the repository; tests that read it skip when it is absent.
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

# The repository's own small documents, one per layout (invented content, real structure).
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_DOCUMENTS = sorted(p for p in FIXTURES.iterdir()
                           if p.is_file() and p.suffix in (".txt", ".html", ".pdf", ".xml", ".docx"))


@cache
def validator() -> Draft202012Validator:
    """The validator of the packaged document schema (loaded as package data, as users would)."""
    resource = files("minutes_cli") / "schema" / "document.schema.json"
    schema = json.loads(resource.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every schema violation of one output object, as readable lines (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator().iter_errors(document)]


def parse(text: str, path: str = "-") -> dict[str, Any]:
    """The JSON object for a small text document (dedented, so tests can indent their documents)."""
    return document_to_dict(extract_text(textwrap.dedent(text), path))


def items(text: str) -> list[dict[str, Any]]:
    """The items of a small text document."""
    return list(parse(text)["items"])


def only_item(text: str) -> dict[str, Any]:
    """The single item of a small text document (fails when there is not exactly one)."""
    found = items(text)
    assert len(found) == 1, [i["title"] for i in found]
    return found[0]
