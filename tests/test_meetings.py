"""Several meetings in one file become several documents (segment/meetings.py, pipeline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURE_DOCUMENTS, FIXTURES

from minutes_cli.pipeline import extract_documents, extract_documents_from_bytes, extract_file

# Whole meetings exported as text without page breaks, each with its own header (municipality,
# committee, date); a volume of them is cleaned as one file, as a year's export is.
TEXT_MEETINGS = ["t2_toender_kfu.txt", "t5_lemvig_bsu_long.txt", "gladsaxe_firstagenda_minutes.txt",
                 "t6_syddjurs_tmu_protokol.txt"]


def _summary(document):  # type: ignore[no-untyped-def]
    m = document.meeting
    return ((m.committee, m.date, m.kind),
            [(i.number, i.title, i.case_numbers, i.decision and i.decision.text, i.attachments)
             for i in document.items])


@pytest.mark.parametrize("path", FIXTURE_DOCUMENTS, ids=lambda p: p.name)
def test_one_meeting_is_one_document(path: Path) -> None:
    documents = extract_documents(path)
    assert len(documents) == 1 and documents[0].source.part is None


@pytest.mark.parametrize("order", [TEXT_MEETINGS, TEXT_MEETINGS[::-1], TEXT_MEETINGS[:2] * 2],
                         ids=["forward", "backward", "repeated"])
def test_concatenated_meetings_split_into_the_same_documents(order: list[str]) -> None:
    texts = [(FIXTURES / name).read_text(encoding="utf-8") for name in order]
    documents = extract_documents_from_bytes("\n\n".join(texts).encode("utf-8"), "year.txt", "text")
    assert [d.source.part for d in documents] == list(range(1, len(order) + 1))
    assert [_summary(d) for d in documents] == [_summary(extract_file(FIXTURES / name)) for name in order]
    assert all(d.source.path == "year.txt" and d.source.sha256 == documents[0].source.sha256 for d in documents)


def test_first_meeting_alone_warns_about_the_rest() -> None:
    from minutes_cli.pipeline import extract_bytes

    texts = [(FIXTURES / name).read_text(encoding="utf-8") for name in TEXT_MEETINGS[:2]]
    document = extract_bytes("\n\n".join(texts).encode("utf-8"), "two.txt", "text")
    assert [w.code for w in document.warnings] == ["several-meetings"]

