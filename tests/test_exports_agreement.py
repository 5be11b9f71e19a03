"""The same meeting as an export and as a PDF or web page must give the same items (skipped without ../shared).

The corpus holds three meetings twice: eDoc's AgendaPublishing XML and its
printed referat, the AgendaWeb XML of a Middelfart agenda and the web page made
from it, and Acadre's meeting XML and its printed referat. Each XML is scored
against the gold annotated on the PDF/HTML, and compared item by item with what
the PDF/HTML gives. Where they differ, the XML states the structure the print
only shows, so the XML is the better witness (README, "Exports as inputs").

The five seed texts are also written as Word documents (one paragraph per line,
item headings styled "Heading 1") and scored against the seeds' gold.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import SHARED

from minutes_cli import document_to_dict, evaluation, extract_bytes, extract_file
from minutes_cli.cleanup.characters import normalise_characters, strip_markdown
from minutes_cli.model import Item
from minutes_cli.readers.text_reader import decode

CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

pytestmark = pytest.mark.skipif(not (CORPUS.exists() and GOLD.exists()), reason="../shared is absent")

# (export, the same meeting printed or published as a page, the gold of that print or page)
SAME_MEETING = [
    pytest.param("ballerup-edoc/eDocAgendaPublishing.xml", "ballerup-edoc/1552814.PDF",
                 "ballerup-edoc__1552814.json", id="edoc"),
    pytest.param("middelfart-edoc-agendaweb/e9117c72-1d79-4fe9-9653-ef7ab6f27187.xml",
                 "middelfart-edoc-agendaweb/e9117c72-1d79-4fe9-9653-ef7ab6f27187.html",
                 "middelfart-edoc-agendaweb__e9117c72-1d79-4fe9-9653-ef7ab6f27187.json", id="agendaweb"),
    pytest.param("syddjurs-acadre/3687981.XML", "syddjurs-acadre/Ekstraordinaert-PUK.pdf",
                 "syddjurs-acadre__Ekstraordinaert-PUK.json", id="acadre"),
]

# The targets of the exports issue: overall field F1 against the print's gold, and no field below this.
MIN_OVERALL_F1 = 0.95
MIN_FIELD_F1 = 0.85


def _score(gold_name: str, prediction: dict[str, Any], name: str) -> evaluation.Report:
    gold = json.loads((GOLD / "corpus" / gold_name).read_text(encoding="utf-8"))
    return evaluation.score([(name, gold, json.loads(json.dumps(prediction)))])


@pytest.mark.parametrize(("export", "printed", "gold"), SAME_MEETING)
def test_export_scores_against_the_gold_of_its_print(export: str, printed: str, gold: str) -> None:
    report = _score(gold, document_to_dict(extract_file(CORPUS / export)), export)
    low = {f.field: round(f.f1, 3) for f in report.fields if f.f1 < MIN_FIELD_F1}
    assert report.overall_f1 >= MIN_OVERALL_F1 and not low, (report.overall_f1, low,
                                                             [(m.item, m.field) for m in report.misses])


# Fields of an item compared between the export and its print, and how each is read.
def _title(item: Item) -> str:
    return item.title


def _decision(item: Item) -> str | None:
    return item.decision.text if item.decision else None


def _attachments(item: Item) -> list[str]:
    return [attachment.title for attachment in item.attachments]


def _same(found: object, expected: object) -> bool:
    if isinstance(found, list) and isinstance(expected, list):
        return len(found) == len(expected) and all(evaluation.same_text(a, b) for a, b in zip(found, expected,
                                                                                            strict=True))
    if found is None or expected is None:
        return found is expected
    return evaluation.same_text(found, expected)


FIELDS = {
    "title": _title,
    "case_numbers": lambda item: list(item.case_numbers),
    "closed": lambda item: item.closed,
    "decision": _decision,
    "attachments": _attachments,
}

# Where the print reads less than the export states, as strict xfails: a fix is noticed. (The last,
# AgendaWeb's attachment links read as one title, went when a lower-case line standing apart became a
# title of its own.)
KNOWN_PRINT_GAPS: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize(("export", "printed", "gold"), SAME_MEETING)
def test_export_and_print_agree(export: str, printed: str, gold: str, field: str,
                                request: pytest.FixtureRequest) -> None:
    case = request.node.callspec.id.split("-")[0]  # "agendaweb-attachments"
    if (case, field) in KNOWN_PRINT_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_PRINT_GAPS[(case, field)], strict=True))
    from_export = extract_file(CORPUS / export).items
    from_print = extract_file(CORPUS / printed).items
    assert [i.number for i in from_export] == [i.number for i in from_print]
    read = FIELDS[field]
    differ = [(a.number, read(a), read(b)) for a, b in zip(from_export, from_print, strict=True)
              if not _same(read(a), read(b))]
    assert not differ


@pytest.mark.parametrize("export", ["ballerup-sbsys/Publication32.xml", "regionh-sbsys/Publication553.xml"])
def test_sbsys_publications_number_their_items_in_order(export: str) -> None:
    doc = extract_file(CORPUS / export)
    assert doc.meeting.kind == "agenda" and doc.meeting.committee and doc.meeting.date
    assert [item.number for item in doc.items] == [str(n) for n in range(1, len(doc.items) + 1)]
    assert all(item.decision is None for item in doc.items), "an agenda holds no decision of this meeting"


# --- the seeds as Word documents ---------------------------------------------------------------------

# The target for the seeds written as Word documents.
MIN_SEED_DOCX_F1 = 0.95


def _is_item_heading(line: str, gold: dict[str, Any]) -> bool:
    """A line that opens one of the gold's items: its number first ("10.", "Punkt 3:") and its title in it."""
    words = line.split()
    for item in gold["items"]:
        title = str(item["title"])[:12].lower()
        if title not in line.lower():
            continue
        if item["number"] is None and line == item["title"]:
            return True
        if item["number"] and any(w.rstrip(".:") == item["number"] for w in words[:2]):
            return True
    return False


def _seed_as_word(text: str, gold: dict[str, Any]) -> bytes:
    """The seed as Word shows it: each non-blank line a paragraph, item headings in "Heading 1".

    Markdown emphasis and links are reduced to text first, as the text reader does:
    a Word document holds no Markdown.
    """
    document = docx.Document()
    for line in strip_markdown(normalise_characters(text)).splitlines():
        line = " ".join(line.split())
        if line:
            document.add_paragraph(line, style="Heading 1" if _is_item_heading(line, gold) else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_seeds_written_as_word_documents_score() -> None:
    pairs = []
    for gold_file in sorted((GOLD / "seeds").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text, _ = decode((SHARED / gold["source"]).read_bytes(), gold["source"])
        data = _seed_as_word(text, gold)
        name = Path(gold["source"]).with_suffix(".docx").name
        assert sum(1 for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name == "Heading 1") == \
            len(gold["items"]), name
        prediction = json.loads(json.dumps(document_to_dict(extract_bytes(data, name))))
        pairs.append((name, gold, prediction))
    report = evaluation.score(pairs)
    assert report.overall_f1 >= MIN_SEED_DOCX_F1, [(m.document, m.item, m.field) for m in report.misses]
