"""--format parquet and --format xlsx: typed tables, checked by reading the files back.

Parquet is read with pyarrow and DuckDB, Excel with openpyxl. Each table is
compared with the CSV table of the same documents (the model of its columns):
the same rows in the same order, with the types the CSV text stands for.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, ONE_ITEM_MINUTES
from typer.testing import CliRunner

from minutes_cli import cli as cli_module
from minutes_cli import extract_file, extract_text
from minutes_cli.cli import app
from minutes_cli.export import TABLES, TYPED_TABLES, CsvOptions, Renderer, open_table_file, to_csv
from minutes_cli.model import Document

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
openpyxl = pytest.importorskip("openpyxl")

NAMES = ["gladsaxe_firstagenda_minutes.txt", "kk_memo.txt", "h1_kk_bif.html", "p4_acadre_favrskov.pdf"]

# One item with a recommendation, three amounts and an attachment (invented content, real structure).
MINUTES = ONE_ITEM_MINUTES + "\nBilag\n\n1. Belysningsplan 2018\n"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [extract_file(FIXTURES / name) for name in NAMES]


def _write(fmt: str, docs: list[Document], target: Path, table: str = "items") -> None:
    render = Renderer(fmt, CsvOptions(table=table))
    with open_table_file(fmt, target, table) as sink:
        for doc in docs:
            sink.document(render(doc))
        sink.close()


def _csv_rows(docs: list[Document], table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(to_csv(docs, CsvOptions(table=table)))))


# What each CSV cell says, as the typed value: "" is null, "yes" True, "3-5" two page numbers.
def _expected(row: dict[str, str], table: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, kind in TYPED_TABLES[table]:
        if name in ("first_page", "last_page"):
            pages = row["pages"]
            out[name] = int(pages.split("-")[0 if name == "first_page" else 1]) if pages else None
            continue
        text = row[name]
        if kind == "list":
            out[name] = text.split(" | ") if text else []
        elif kind == "bool":
            out[name] = text == "yes"
        elif kind == "date":
            out[name] = dt.date.fromisoformat(text) if text else None
        elif kind == "float":
            out[name] = float(text)
        elif kind == "int":
            out[name] = int(text)
        else:
            out[name] = text or None
    return out


def test_typed_columns_follow_the_csv_columns() -> None:
    # the same columns as CSV, except "pages", which becomes first_page and last_page
    for table, (header, _rows) in TABLES.items():
        typed = [name for name, _kind in TYPED_TABLES[table]]
        assert [n for n in typed if n not in ("first_page", "last_page")] == [n for n in header if n != "pages"]


# --- Parquet ---------------------------------------------------------------------------------------------

EXPECTED_TYPES = {"date": "date32[day]", "value_dkk": "double", "closed": "bool", "amount_count": "int32",
                  "first_page": "int32", "case_numbers": "list<element: string>", "source": "string"}


@pytest.mark.parametrize("table", sorted(TYPED_TABLES))
def test_parquet_table_equals_the_csv_table_typed(documents: list[Document], tmp_path: Path, table: str) -> None:
    target = tmp_path / f"{table}.parquet"
    _write("parquet", documents, target, table)
    read = pq.read_table(target)
    assert read.column_names == [name for name, _kind in TYPED_TABLES[table]]
    for field in read.schema:
        if field.name in EXPECTED_TYPES:
            assert str(field.type).replace("item", "element") == EXPECTED_TYPES[field.name], field.name
    expected = [_expected(row, table) for row in _csv_rows(documents, table)]
    assert expected, "the fixtures give rows in every table"
    assert read.to_pylist() == expected


def test_parquet_of_no_documents_has_the_columns_and_no_rows(tmp_path: Path) -> None:
    target = tmp_path / "empty.parquet"
    _write("parquet", [], target, "amounts")
    read = pq.read_table(target)
    assert read.num_rows == 0
    assert read.schema.field("value_dkk").type == pa.float64()


def test_parquet_row_groups_are_written_as_rows_arrive(documents: list[Document], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_cli.export import parquet_exporter
    monkeypatch.setattr(parquet_exporter, "ROW_GROUP_ROWS", 10)
    target = tmp_path / "groups.parquet"
    _write("parquet", documents, target, "amounts")
    meta = pq.ParquetFile(target).metadata
    assert meta.num_row_groups > 1
    assert pq.read_table(target).to_pylist() == [_expected(r, "amounts") for r in _csv_rows(documents, "amounts")]


def test_duckdb_sums_the_amounts(documents: list[Document], tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    target = tmp_path / "amounts.parquet"
    _write("parquet", documents, target, "amounts")
    count, total, first = duckdb.sql(
        f"SELECT count(*), sum(value_dkk), min(date) FROM read_parquet('{target}')").fetchall()[0]
    rows = _csv_rows(documents, "amounts")
    assert count == len(rows)
    assert total == pytest.approx(sum(float(r["value_dkk"]) for r in rows))
    assert first == min(dt.date.fromisoformat(r["date"]) for r in rows if r["date"])


# --- Excel -----------------------------------------------------------------------------------------------


def test_xlsx_has_a_typed_sheet_per_table(documents: list[Document], tmp_path: Path) -> None:
    target = tmp_path / "minutes.xlsx"
    _write("xlsx", documents, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["items", "amounts", "attachments"]
    for table in book.sheetnames:
        sheet = book[table]
        header = [cell.value for cell in sheet[1]]
        assert header == [name for name, _kind in TYPED_TABLES[table]]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.column_dimensions["A"].width > 8  # source paths: wider than the default
        rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
        expected = [_expected(row, table) for row in _csv_rows(documents, table)]
        assert len(rows) == len(expected) > 0
        for got, want in zip(rows, expected, strict=True):
            for name, kind in TYPED_TABLES[table]:
                value = want[name]
                if kind == "date" and value is not None:
                    value = dt.datetime.combine(value, dt.time())  # Excel has date-times only
                elif kind == "list":
                    value = " | ".join(value) or None
                assert got[name] == value, (table, name)


def test_xlsx_cells_have_number_and_date_types(documents: list[Document], tmp_path: Path) -> None:
    target = tmp_path / "minutes.xlsx"
    _write("xlsx", documents, target)
    sheet = openpyxl.load_workbook(target)["amounts"]
    header = [cell.value for cell in sheet[1]]
    row = sheet[2]
    value, date = row[header.index("value_dkk")], row[header.index("date")]
    assert value.data_type == "n" and isinstance(value.value, int | float)
    assert date.is_date and date.number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("title", ["=SUM(A1:A9)", "+45 12 34 56 78", "@kommune", "-1+2", "2500000"])
def test_xlsx_text_stays_text(tmp_path: Path, title: str) -> None:
    # a title that Excel would run as a formula, or read as a number, is written as text
    doc = extract_text(MINUTES, "referat.txt")
    doc = replace(doc, items=(replace(doc.items[0], title=title),))
    target = tmp_path / "t.xlsx"
    _write("xlsx", [doc], target)
    cell = openpyxl.load_workbook(target)["items"]["I2"]
    assert (cell.value, cell.data_type) == (title, "s")


# --- the command -----------------------------------------------------------------------------------------


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "referat.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "tom.txt").write_text("", encoding="utf-8")  # fails: no text at all
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_parquet_items(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "referat.txt", "-f", "parquet", "-o", "items.parquet"])
    assert result.exit_code == 0, result.stderr
    rows = pq.read_table("items.parquet").to_pylist()
    assert [(r["date"], r["item_number"], r["closed"], r["case_numbers"]) for r in rows] == [
        (dt.date(2018, 2, 20), "1", False, ["2016/05156"])]
    assert result.stdout == ""


def test_cli_parquet_amounts_from_several_workers_keep_input_order(workdir: Path) -> None:
    for n in range(4):
        (workdir / f"r{n}.txt").write_text(MINUTES.replace("Vejbelysning", f"Vejbelysning {n}"), encoding="utf-8")
    args = ["extract", "referat.txt", "r0.txt", "r1.txt", "r2.txt", "r3.txt", "-f", "parquet", "-t", "amounts"]
    one = CliRunner().invoke(app, [*args, "-o", "one.parquet", "-j", "1"])
    two = CliRunner().invoke(app, [*args, "-o", "two.parquet", "-j", "2"])
    assert one.exit_code == two.exit_code == 0, one.stderr + two.stderr
    rows = pq.read_table("one.parquet").to_pylist()
    assert [r["value_dkk"] for r in rows][:3] == [2_500_000.0, 12.5, 400_000.0]
    assert rows == pq.read_table("two.parquet").to_pylist()


def test_cli_xlsx_workbook(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "referat.txt", "tom.txt", "-f", "xlsx", "-o", "m.xlsx"])
    assert result.exit_code == 1  # tom.txt failed alone; the workbook holds the rest
    assert "tom.txt" in result.stderr
    book = openpyxl.load_workbook("m.xlsx")
    assert book["attachments"]["K2"].value == "Belysningsplan 2018"
    assert book["amounts"].max_row == 4


def test_cli_failed_run_still_writes_an_empty_table(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "tom.txt", "-f", "parquet", "-o", "none.parquet"])
    assert result.exit_code == 1
    assert pq.read_table("none.parquet").num_rows == 0


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "parquet"], "--format parquet writes a file, not standard output: give -o FILE"),
    (["-f", "xlsx", "-o", "-"], "--format xlsx writes a file, not standard output: give -o FILE"),
    (["-f", "xlsx", "-t", "amounts", "-o", "x.xlsx"], "--table applies to CSV and Parquet only"),
    (["-f", "parquet", "--excel", "-o", "x.parquet"], "--excel applies to CSV only"),
    (["-f", "parquet", "--bom", "-o", "x.parquet"], "--bom/--no-bom applies to CSV only"),
    (["-f", "parquet", "--output-dir", "out"], "--output-dir writes JSON"),
    (["-f", "json", "-t", "amounts"], "--table applies to CSV and Parquet only"),
])
def test_cli_usage_errors(workdir: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["extract", "referat.txt", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not any(workdir.glob("x.*"))


@pytest.mark.parametrize("fmt", ["parquet", "xlsx"])
def test_cli_names_the_missing_extra(workdir: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setitem(cli_module._FORMAT_LIBRARIES, fmt, ("no_such_module_minutes", fmt))
    result = CliRunner().invoke(app, ["extract", "referat.txt", "-f", fmt, "-o", f"x.{fmt}"])
    assert result.exit_code == 2
    assert f"pip install 'minutes[{fmt}]'" in result.stderr


def test_cli_keeps_an_existing_file_when_the_output_is_a_folder(workdir: Path) -> None:
    (workdir / "out.parquet").mkdir()
    result = CliRunner().invoke(app, ["extract", "referat.txt", "-f", "parquet", "-o", "out.parquet"])
    assert result.exit_code == 2
    assert "out.parquet: is a directory" in result.stderr
