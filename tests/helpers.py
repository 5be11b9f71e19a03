"""Shared helpers for the test suite: parse small Danish documents, validate against the schema.

Tests write their own small documents; nothing here is copied from ../shared.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import textwrap
import time
from collections.abc import Callable
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


# A small minutes document of our own (invented content, real structure): one item with a case number,
# three amounts, a recommendation and a decision. Export tests build on it.
ONE_ITEM_MINUTES = """REFERAT Teknik- og Miljøudvalget d. 20-02-2018

Mødedato: Tirsdag d. 20. februar 2018 kl. 16:30

Punkt 1: Vejbelysning

Sagsnr.: 2016/05156

Sagsfremstilling

Udgiften er 2,5 mio. kr. og taksten er 12,50 kr. pr. lampe.

Indstilling

Forvaltningen indstiller, at der gives en anlægsbevilling på 400.000 kr.

Beslutning

Godkendt.
"""


def interrupt_when(process: subprocess.Popen[bytes], ready: Callable[[], bool], settle: float = 0.0) -> str:
    """Send Ctrl-C to a `minutes` run (started with start_new_session=True) once `ready()` holds (or
    after 60 s), and return what it wrote to stderr, checked to be the one-line interrupt report."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not ready():
        time.sleep(0.05)
    time.sleep(settle)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole foreground group
    _, stderr = process.communicate(timeout=60)
    message = stderr.decode("utf-8")
    assert process.returncode == 130, message
    assert "Traceback" not in message
    assert message.strip().splitlines()[-1].startswith("error: interrupted: ")
    return message


def built_by(script: Path) -> bytes:
    """What a fixture's build script (`build()` in fixtures/…/make_*.py) makes, without writing it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(script.stem, script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: bytes = module.build()
    return built
