"""Streamed output gives, byte for byte, what the whole-batch exporters give.

The batch writes each document's share as it arrives (rendered in a worker);
these tests compare that with `EXPORTERS` over the same documents, for every
format and table, with none, one and several documents.
"""

from __future__ import annotations

import io

import pytest
from helpers import FIXTURES

from minutes_cli import extract_file
from minutes_cli.export import EXPORTERS, TABLES, CsvOptions, OutputStream, Renderer
from minutes_cli.model import Document


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    names = ["gladsaxe_firstagenda_minutes.txt", "kk_memo.txt", "h1_kk_bif.html", "p4_acadre_favrskov.pdf"]
    return [extract_file(FIXTURES / name) for name in names]


def _streamed(docs: list[Document], fmt: str, options: CsvOptions) -> str:
    handle = io.StringIO()
    stream = OutputStream(handle, fmt, options)
    render = Renderer(fmt, options)
    for doc in docs:
        stream.document(render(doc))
    stream.close()
    return handle.getvalue()


OPTIONS = [CsvOptions(table, excel) for table in TABLES for excel in (False, True)]


@pytest.mark.parametrize("count", [1, 2, 4])
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.table}{'-excel' if o.excel else ''}")
def test_streamed_output_equals_the_exporter(documents: list[Document], count: int, fmt: str,
                                            options: CsvOptions) -> None:
    docs = documents[:count]
    assert _streamed(docs, fmt, options) == EXPORTERS[fmt](docs, options)


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_no_documents_write_nothing(fmt: str) -> None:
    assert _streamed([], fmt, CsvOptions()) == ""


def test_json_lines_records_failures_in_their_place(documents: list[Document]) -> None:
    handle = io.StringIO()
    stream = OutputStream(handle, "jsonl")
    stream.document(Renderer("jsonl")(documents[0]))
    stream.failure({"source": {"path": "broken.pdf"}, "error": "broken.pdf: not a PDF"})
    stream.document(Renderer("jsonl")(documents[1]))
    stream.close()
    lines = handle.getvalue().splitlines()
    assert len(lines) == 3 and '"error": "broken.pdf: not a PDF"' in lines[1]


def test_csv_bom_comes_once_before_the_header(documents: list[Document]) -> None:
    handle = io.StringIO()
    stream = OutputStream(handle, "csv", CsvOptions(), bom=True)
    for doc in documents[:2]:
        stream.document(Renderer("csv")(doc))
    text = handle.getvalue()
    assert text.startswith("\ufeffsource,") and text.count("\ufeff") == 1
