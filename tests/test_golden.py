"""Golden documents: every fixture parses to exactly its expected JSON.

`fixtures/<layout>.txt` sits beside `fixtures/expected/<layout>.json`. A change
in output fails here until the goldens are regenerated on purpose:

    MINUTES_UPDATE_GOLDENS=1 python -m pytest tests/test_golden.py

and the diff of fixtures/expected/ is reviewed and committed with the change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import FIXTURE_DOCUMENTS, FIXTURES

from minutes_cli import document_to_dict, extract_bytes

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = FIXTURES / "expected"
DOCUMENTS = FIXTURE_DOCUMENTS
UPDATE = os.environ.get("MINUTES_UPDATE_GOLDENS") == "1"


def _parse(path: Path) -> dict[str, object]:
    relative = path.relative_to(ROOT).as_posix()
    return document_to_dict(extract_bytes(path.read_bytes(), relative))


def test_every_fixture_has_a_golden() -> None:
    assert DOCUMENTS, "fixtures/ holds no documents"
    missing = [p.name for p in DOCUMENTS if not (EXPECTED / f"{p.stem}.json").exists()]
    assert UPDATE or not missing, f"no expected JSON for {missing}; run with MINUTES_UPDATE_GOLDENS=1"


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture_matches_golden(path: Path) -> None:
    actual = _parse(path)
    golden = EXPECTED / f"{path.stem}.json"
    if UPDATE:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected
