"""Streamed output gives, byte for byte, what the whole-batch exporters give.

The batch writes each document's share as it arrives (rendered in a worker);
these tests compare that with `EXPORTERS` over the same documents, for every
format and table, with none, one and several documents.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from helpers import FIXTURES

from minutes_cli import extract_file
from minutes_cli.export import EXPORTERS, TABLES, CsvOptions, OutputStream, Renderer, to_json
from minutes_cli.export.csv_exporter import csv_rows, excel_safe
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


@pytest.mark.parametrize(("fmt", "expected"), [
    ("json", "[]\n"),
    ("jsonl", ""),
    ("csv", "source,municipality,committee,kind,date,start_time,location,item_number,title,closed,case_numbers,"
            "case_officer,recommendation_by,recommendation_points,decision,decision_outcome,attachments,"
            "amount_count,pages\r\n"),
])
def test_no_documents_still_give_valid_output(fmt: str, expected: str) -> None:
    # a batch in which every file failed: an empty JSON list, a CSV table with its header
    assert _streamed([], fmt, CsvOptions()) == expected == EXPORTERS[fmt]([], CsvOptions())


def test_single_document_json_is_an_object(documents: list[Document]) -> None:
    handle = io.StringIO()
    stream = OutputStream(handle, "json", single=True)
    stream.document(Renderer("json")(documents[0]))
    stream.close()
    assert handle.getvalue() == to_json(documents[:1], single=True)
    assert handle.getvalue().startswith("{") and json.loads(handle.getvalue())["source"]["path"].endswith(".txt")
    assert EXPORTERS["json"](documents[:1], CsvOptions()).startswith("[\n"), "one document of a batch: a list"


@pytest.mark.parametrize(("cell", "safe"), [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+45 12 34 56 78", "'+45 12 34 56 78"),
    ("-1+2", "'-1+2"),
    ("@cmd", "'@cmd"),
    ("\tGodkendt", "'\tGodkendt"),
    ("\rGodkendt", "'\rGodkendt"),
    ("-2500000", "-2500000"),
    ("-12,5", "-12,5"),
    ("Godkendt = vedtaget", "Godkendt = vedtaget"),
    ("", ""),
])
def test_excel_safe_cells(cell: str, safe: str) -> None:
    assert excel_safe(cell) == safe


def test_excel_output_neutralises_formulas_and_plain_output_does_not(documents: list[Document]) -> None:
    doc = documents[0]
    item = replace(doc.items[0], title="=HYPERLINK(\"http://x\")")
    doc = replace(doc, items=(item,))
    excel = csv_rows(doc, CsvOptions(excel=True))
    plain = csv_rows(doc, CsvOptions())
    assert "'=HYPERLINK" in excel and "'=HYPERLINK" not in plain


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
