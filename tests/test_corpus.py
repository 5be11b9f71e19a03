"""Every real document in ../shared/corpus parses cleanly (skipped when ../shared is absent).

PDF and HTML documents extract without error, with no warning we cannot
explain, PDF items report their pages, and no item's text holds a running
header, footer or page number. The XML exports extract with every item numbered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_cli import extract_file
from minutes_cli.cleanup import clean
from minutes_cli.patterns import PAGE_NUMBER_RE
from minutes_cli.readers import read

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".pdf", ".html")) if CORPUS.exists() else []
XML_EXPORTS = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() == ".xml") if CORPUS.exists() else []

# Warnings a clean corpus document may carry: none of the corpus PDFs lacks a text layer.
EXPLAINED_WARNINGS: frozenset[str] = frozenset()

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_document_parses_cleanly(path: Path) -> None:
    doc = extract_file(path)
    unexplained = [w for w in doc.warnings if w.code not in EXPLAINED_WARNINGS
                   and not (w.code == "no-items" and "listings" in path.name)]
    assert not unexplained, unexplained
    if doc.source.format == "pdf":
        assert all(item.pages is not None for item in doc.items)


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.suffix.lower() == ".pdf"],
                         ids=[p.name for p in DOCUMENTS if p.suffix.lower() == ".pdf"])
def test_no_running_header_inside_items(path: Path) -> None:
    furniture = clean(read(path.read_bytes(), str(path))).furniture
    # the dated and numbered lines of the running headers; a committee name alone may
    # rightly stand in the text too ("Beslutningen træffes af / Sundheds- og …udvalget")
    running = {line for line in furniture if len(line) > 8 and any(ch.isdigit() for ch in line)}
    doc = extract_file(path)
    for item in doc.items:
        for section in item.sections:
            lines = section.text.split("\n")
            assert not running.intersection(lines), (item.number, running.intersection(lines))
            assert not any(PAGE_NUMBER_RE.match(line) for line in lines if line.lower().startswith("side")), item.number


@pytest.mark.parametrize("path", XML_EXPORTS, ids=[p.name for p in XML_EXPORTS])
def test_xml_exports_extract_cleanly(path: Path) -> None:
    doc = extract_file(path)
    assert doc.source.format == "xml"
    assert doc.items and not doc.warnings
    assert all(item.number for item in doc.items), "every item's number is stated"


def test_every_member_on_an_acadre_front_page_is_a_participant() -> None:
    # the members' names reach the edge of more than one page; they were once taken for a running header
    path = CORPUS / "syddjurs-acadre" / "Ekstraordinaert-PUK.pdf"
    assert len(extract_file(path).meeting.participants) == 5
