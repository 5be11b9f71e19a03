"""--format parquet -o FOLDER/: a dataset folder of part files, read back as one table.

The parts are read with pyarrow.dataset, DuckDB (`read_parquet('FOLDER/*.parquet')`)
and polars, and compared with the single Parquet file of the same documents
(itself checked against the CSV table in test_table_files.py). Small part and
row-group sizes make a handful of documents span several parts, so the tests
see parts roll over, the rows held at once stay bounded, and an interrupted
run keep only complete parts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, ONE_ITEM_MINUTES, interrupt_when
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from minutes_cli import extract_file
from minutes_cli.cli import app
from minutes_cli.export import TYPED_TABLES, CsvOptions, Renderer, open_table_file
from minutes_cli.model import Document

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ds = pytest.importorskip("pyarrow.dataset")

from minutes_cli.export import parquet_dataset, parquet_exporter  # noqa: E402  (needs pyarrow)

NAMES = ["gladsaxe_firstagenda_minutes.txt", "kk_memo.txt", "h1_kk_bif.html", "p4_acadre_favrskov.pdf",
         "p7_esbjerg_br_referat.pdf", "t1_hedensted_referat.txt"]

# Small sizes: the fixtures give some dozens of amounts, so several parts of several row groups, each group
# made of Arrow batches and the rows that came after the last batch.
SMALL_PART = 12
SMALL_GROUP = 5
SMALL_BATCH = 3

# One item with three amounts (helpers.ONE_ITEM_MINUTES: invented content, real structure).
MINUTES = ONE_ITEM_MINUTES


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [extract_file(FIXTURES / name) for name in NAMES]


@pytest.fixture()
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet_dataset, "PART_ROWS", SMALL_PART)
    monkeypatch.setattr(parquet_exporter, "ROW_GROUP_ROWS", SMALL_GROUP)
    monkeypatch.setattr(parquet_exporter, "BATCH_ROWS", SMALL_BATCH)


def _write(docs: list[Document], target: Path, table: str, folder: bool) -> None:
    render = Renderer("parquet", CsvOptions(table=table))
    with open_table_file("parquet", target, table, folder=folder) as sink:
        for doc in docs:
            sink.document(render(doc))
        sink.close()


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parquet"))


def _single_file_rows(docs: list[Document], tmp_path: Path, table: str) -> list[dict[str, Any]]:
    target = tmp_path / f"whole-{table}.parquet"
    _write(docs, target, table, folder=False)
    return pq.read_table(target).to_pylist()  # type: ignore[no-any-return]


# --- the library ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", sorted(TYPED_TABLES))
def test_parts_read_as_the_single_file(documents: list[Document], tmp_path: Path, small_parts: None,
                                       table: str) -> None:
    folder = tmp_path / table
    _write(documents, folder, table, folder=True)
    parts = _parts(folder)
    expected = _single_file_rows(documents, tmp_path, table)
    assert len(expected) > SMALL_PART, "the fixtures give more rows than one small part holds"
    assert [p.name for p in parts] == [f"part-{n:05d}.parquet" for n in range(len(parts))]
    sizes = [pq.ParquetFile(p).metadata.num_rows for p in parts]
    assert sizes[:-1] == [SMALL_PART] * (len(parts) - 1) and 0 < sizes[-1] <= SMALL_PART
    schema = parquet_exporter.arrow_schema(table)
    assert all(pq.read_schema(p).equals(schema) for p in parts), "every part has the table's typed schema"
    assert all(pq.ParquetFile(p).metadata.num_row_groups == -(-size // SMALL_GROUP) for p, size in zip(parts, sizes,
                                                                                                       strict=True))
    # pyarrow.dataset orders its fragments by name, which is input order
    assert ds.dataset(folder, format="parquet").to_table().to_pylist() == expected
    assert sorted(os.listdir(folder)) == [p.name for p in parts], "no temporary file is left"


def test_duckdb_and_polars_read_the_folder_as_one_table(documents: list[Document], tmp_path: Path,
                                                        small_parts: None) -> None:
    duckdb = pytest.importorskip("duckdb")
    polars = pytest.importorskip("polars")
    folder = tmp_path / "beloeb"
    _write(documents, folder, "amounts", folder=True)
    expected = _single_file_rows(documents, tmp_path, "amounts")
    assert len(_parts(folder)) > 2
    count, total, first, types = duckdb.sql(
        f"SELECT count(*), sum(value_dkk), min(date), typeof(any_value(date)) "
        f"FROM read_parquet('{folder}/*.parquet')").fetchall()[0]
    assert count == len(expected)
    assert total == pytest.approx(sum(r["value_dkk"] for r in expected))
    assert first == min(r["date"] for r in expected if r["date"])
    assert types == "DATE"
    frame = polars.read_parquet(f"{folder}/*.parquet")
    assert frame.schema["date"] == polars.Date and frame.schema["value_dkk"] == polars.Float64
    assert frame.to_dicts() == expected


def test_rows_held_at_once_stay_below_a_row_group(documents: list[Document], tmp_path: Path,
                                                  small_parts: None) -> None:
    render = Renderer("parquet", CsvOptions(table="amounts"))
    held, as_lists = [], []
    with open_table_file("parquet", tmp_path / "parts", "amounts", folder=True) as sink:
        assert isinstance(sink, parquet_dataset.ParquetDataset)
        for doc in documents * 3:  # more documents, not more rows held
            sink.document(render(doc))
            held.append(sink.held)
            as_lists.append(sink._rows.as_lists)
        sink.close()
    assert max(held) < SMALL_GROUP and max(as_lists) < SMALL_BATCH
    groups = [meta.row_group(n).num_rows for p in _parts(tmp_path / "parts")
              for meta in [pq.ParquetFile(p).metadata] for n in range(meta.num_row_groups)]
    assert max(groups) <= SMALL_GROUP
    assert sum(groups) == 3 * len(_single_file_rows(documents, tmp_path, "amounts"))


def test_the_single_file_writes_whole_row_groups(documents: list[Document], tmp_path: Path,
                                                 small_parts: None) -> None:
    target = tmp_path / "amounts.parquet"
    _write(documents, target, "amounts", folder=False)
    meta = pq.ParquetFile(target).metadata
    sizes = [meta.row_group(n).num_rows for n in range(meta.num_row_groups)]
    assert sizes[:-1] == [SMALL_GROUP] * (len(sizes) - 1) and 0 < sizes[-1] <= SMALL_GROUP


def test_no_rows_give_one_empty_part_with_the_columns(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    folder = tmp_path / "tom"
    _write([], folder, "amounts", folder=True)
    assert [p.name for p in _parts(folder)] == ["part-00000.parquet"]
    table = ds.dataset(folder).to_table()
    assert table.num_rows == 0 and table.schema.field("value_dkk").type == pa.float64()
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/*.parquet')").fetchall() == [(0,)]


def test_a_part_is_hidden_until_it_is_complete(documents: list[Document], tmp_path: Path, small_parts: None) -> None:
    folder = tmp_path / "parts"
    render = Renderer("parquet", CsvOptions(table="amounts"))
    with open_table_file("parquet", folder, "amounts", folder=True) as sink:
        for doc in documents:
            sink.document(render(doc))
            writing = [n for n in os.listdir(folder) if not n.endswith(".parquet")]
            assert all(n.startswith(".part-") and n.endswith(".tmp") for n in writing)
            # a reader in the middle of the run sees the complete parts only, and reads them all
            assert ds.dataset(folder).to_table().num_rows == SMALL_PART * len(_parts(folder))
        assert writing, "the last part is still being written before close"
        sink.close()


def test_an_error_keeps_the_complete_parts_and_removes_the_open_one(documents: list[Document], tmp_path: Path,
                                                                    small_parts: None) -> None:
    folder = tmp_path / "parts"
    render = Renderer("parquet", CsvOptions(table="amounts"))
    with pytest.raises(RuntimeError), open_table_file("parquet", folder, "amounts", folder=True) as sink:
        for doc in documents:
            sink.document(render(doc))
        raise RuntimeError("the run breaks before close")
    parts = _parts(folder)
    assert parts and sorted(os.listdir(folder)) == [p.name for p in parts]
    assert all(pq.read_table(p).num_rows == SMALL_PART for p in parts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(per_document=st.lists(st.integers(min_value=0, max_value=9), max_size=12),
       part_rows=st.integers(min_value=1, max_value=8), group_rows=st.integers(min_value=1, max_value=8),
       batch_rows=st.integers(min_value=1, max_value=8))
def test_parts_hold_every_row_in_order(per_document: list[int], part_rows: int, group_rows: int,
                                       batch_rows: int) -> None:
    width = len(TYPED_TABLES["attachments"])
    rows = [[f"r{n}"] + [None] * (width - 1) for n in range(sum(per_document))]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "parts"
        with parquet_dataset.open_dataset(folder, "attachments") as dataset:
            dataset.part_rows, dataset.group_rows, dataset._rows.batch_rows = part_rows, group_rows, batch_rows
            start = 0
            for count in per_document:
                dataset.add_rows("attachments", rows[start:start + count])
                start += count
                assert dataset.held < group_rows
            dataset.close()
        sizes = [pq.ParquetFile(p).metadata.num_rows for p in _parts(folder)]
        read = ds.dataset(folder).to_table().column("source").to_pylist()
    assert read == [row[0] for row in rows]
    if rows:  # full parts, then the rest; no empty part after an exact fit
        assert sizes[:-1] == [part_rows] * (len(sizes) - 1) and 0 < sizes[-1] <= part_rows
    else:
        assert sizes == [0]


@pytest.mark.parametrize(("setup", "reason"), [
    ("parquet", "holds Parquet files already"),
    ("file", "is a file, not a folder"),
])
def test_a_folder_that_cannot_be_a_dataset_is_refused(tmp_path: Path, setup: str, reason: str) -> None:
    from minutes_cli.errors import OutputNotWritable
    target = tmp_path / "parts"
    if setup == "parquet":
        target.mkdir()
        (target / "part-00000.parquet").write_bytes(b"an earlier run's part")
    else:
        target.write_text("a file", encoding="utf-8")
    with pytest.raises(OutputNotWritable, match=reason):
        parquet_dataset.prepare_folder(target)


# --- the command ---------------------------------------------------------------------------------------


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for n in range(6):
        (tmp_path / f"r{n}.txt").write_text(MINUTES.replace("Vejbelysning", f"Vejbelysning {n}"), encoding="utf-8")
    (tmp_path / "tom.txt").write_text("", encoding="utf-8")  # fails: no text at all
    monkeypatch.chdir(tmp_path)
    return tmp_path


INPUTS = [f"r{n}.txt" for n in range(6)]


@pytest.mark.parametrize("table", sorted(TYPED_TABLES))
def test_cli_folder_has_the_rows_of_the_file(workdir: Path, small_parts: None, table: str) -> None:
    args = ["extract", *INPUTS, "tom.txt", "-f", "parquet", "-t", table]
    one = CliRunner().invoke(app, [*args, "-o", "one.parquet", "-j", "1"])
    parts = CliRunner().invoke(app, [*args, "-o", "parts/", "-j", "2"])
    assert one.exit_code == parts.exit_code == 1  # tom.txt fails alone, in both
    assert "tom.txt" in parts.stderr and parts.stdout == ""
    assert ds.dataset("parts").to_table().to_pylist() == pq.read_table("one.parquet").to_pylist()


def test_cli_amounts_in_parts(workdir: Path, small_parts: None) -> None:
    result = CliRunner().invoke(app, ["extract", *INPUTS, "-f", "parquet", "-t", "amounts", "-o", "beloeb/"])
    assert result.exit_code == 0, result.stderr
    # 6 documents × 3 amounts = 18 rows: a part of 12 and one of 6
    assert [pq.read_table(p).num_rows for p in _parts(workdir / "beloeb")] == [12, 6]
    values = ds.dataset("beloeb").to_table().column("value_dkk").to_pylist()
    assert values == [2_500_000.0, 12.5, 400_000.0] * 6


def test_cli_failed_run_still_writes_the_columns(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "tom.txt", "-f", "parquet", "-o", "tom/"])
    assert result.exit_code == 1
    assert [p.name for p in _parts(workdir / "tom")] == ["part-00000.parquet"]
    assert ds.dataset("tom").to_table().column_names == [name for name, _kind in TYPED_TABLES["items"]]


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "csv", "-o", "x/"], "a name ending in / is a Parquet dataset folder: add --format parquet"),
    (["-f", "jsonl", "-o", "x/"], "a name ending in / is a Parquet dataset folder"),
    (["-f", "xlsx", "-o", "x/"], "a name ending in / is a Parquet dataset folder"),
    (["-f", "parquet", "--output-dir", "x"], "(-o FOLDER/ writes a Parquet dataset folder)"),
    (["-f", "parquet", "-o", "r0.txt/"], "r0.txt/: is a file, not a folder"),
])
def test_cli_folder_usage_errors(workdir: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["extract", "r1.txt", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (workdir / "x").exists()


def test_cli_keeps_an_earlier_dataset(workdir: Path) -> None:
    first = CliRunner().invoke(app, ["extract", "r0.txt", "-f", "parquet", "-o", "parts/"])
    before = (workdir / "parts" / "part-00000.parquet").read_bytes()
    again = CliRunner().invoke(app, ["extract", *INPUTS, "-f", "parquet", "-o", "parts/"])
    assert first.exit_code == 0 and again.exit_code == 2
    assert "parts/: holds Parquet files already" in again.stderr
    assert os.listdir(workdir / "parts") == ["part-00000.parquet"]
    assert (workdir / "parts" / "part-00000.parquet").read_bytes() == before


def test_cli_an_existing_folder_without_the_slash_is_still_refused(workdir: Path) -> None:
    (workdir / "parts").mkdir()
    result = CliRunner().invoke(app, ["extract", "r0.txt", "-f", "parquet", "-o", "parts"])
    assert result.exit_code == 2
    assert "parts: is a directory (give a file name, or FOLDER/ (ending in /) for a Parquet dataset folder)" in (
        result.stderr)


def test_cli_recursive_run_does_not_read_its_dataset(workdir: Path) -> None:
    first = CliRunner().invoke(app, ["extract", "-r", ".", "-f", "parquet", "-o", "sub/parts/", "-j", "1"])
    assert first.exit_code == 1, first.stderr  # tom.txt
    assert "sub/parts" not in first.stderr
    assert ds.dataset("sub/parts").to_table().num_rows == 6


def test_cli_a_folder_below_the_input_folder_is_left_out_of_it(workdir: Path) -> None:
    (workdir / "sub").mkdir()
    result = CliRunner().invoke(app, ["extract", "-r", ".", "-f", "parquet", "-o", "sub/parts/", "-j", "1"])
    again = CliRunner().invoke(app, ["extract", "-r", ".", "-f", "parquet", "-o", "sub/", "-j", "1"])
    assert result.exit_code == again.exit_code == 1, result.stderr + again.stderr  # tom.txt fails alone
    assert "-o names" not in again.stderr
    assert [pq.read_table(part).num_rows for part in _parts(workdir / "sub")] == [6]


def test_cli_an_input_folder_is_no_dataset_folder(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "-r", str(workdir), "-f", "parquet", "-o", f"{workdir}/"])
    assert result.exit_code == 2
    assert "-o names an input folder; its parts would lie among the documents" in result.stderr
    assert not _parts(workdir)


# Run minutes with tiny parts in a fresh interpreter (the sizes are module constants).
SMALL_PARTS_MAIN = ("import sys; from minutes_cli.export import parquet_dataset, parquet_exporter; "
                    "parquet_dataset.PART_ROWS = 200; parquet_exporter.ROW_GROUP_ROWS = 50; "
                    "from minutes_cli.cli import main; sys.argv[0] = 'minutes'; main()")


def test_interrupt_keeps_complete_parts_only(tmp_path: Path) -> None:
    item = ("Punkt {n}: Sag {n}\n\nSagsnr.: 2020/0{n:04d}\n\nUdgiften er 2,5 mio. kr. i 2021.\n\n"
            "Beslutning\n\nGodkendt.\n\n")
    (tmp_path / "r.txt").write_text("".join(item.format(n=n) for n in range(1, 3000)), encoding="utf-8")
    names = ["r.txt"] * 60  # far more work than the moments before the interrupt
    process = subprocess.Popen(
        [sys.executable, "-c", SMALL_PARTS_MAIN, "extract", *names, "-f", "parquet", "-o", "parts/", "-j", "1"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    folder = tmp_path / "parts"
    message = interrupt_when(process, lambda: folder.is_dir() and any(folder.glob("*.parquet")))
    assert "the complete parts are kept in parts/ (the part being written was removed)" in message
    parts = _parts(folder)
    assert parts and sorted(os.listdir(folder)) == [p.name for p in parts], "no temporary part is left"
    assert all(pq.read_table(p).num_rows == 200 for p in parts)


# --- the README ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", sorted(TYPED_TABLES))
def test_readme_lists_each_table_with_its_types_as_written(table: str) -> None:
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    header = f"| `--table {table}`"
    block = readme.split(header, 1)[1].split("\n\n", 1)[0].splitlines()[2:]  # past the header and |---|---|
    listed = [tuple(cell.strip().strip("`") for cell in line.strip("|").split("|")) for line in block]
    assert listed == [(field.name, str(field.type)) for field in parquet_exporter.arrow_schema(table)]


def test_readme_dataset_example_is_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    duckdb = pytest.importorskip("duckdb")
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("$ minutes extract fixtures/*.pdf fixtures/*.html -f parquet -t amounts -o beloeb/", 1)[1]
    example = example.split("```", 1)[0]
    in_duckdb, in_polars = example.split("import pandas", 1)[0], example.split("import polars", 1)[1]
    claimed_rows = [[cell.strip() for cell in line.strip("│").split("│")]
                    for line in in_duckdb.splitlines() if line.startswith("│ ") and "varchar" not in line
                    and "municipality" not in line]
    claimed_count, claimed_first = in_polars.split("╞", 1)[1].splitlines()[1].strip("│ ").split(" ┆ ")
    monkeypatch.chdir(FIXTURES.parent)
    names = sorted(str(p.relative_to(FIXTURES.parent)) for p in [*FIXTURES.glob("*.pdf"), *FIXTURES.glob("*.html")])
    result = CliRunner().invoke(app, ["extract", *names, "-f", "parquet", "-t", "amounts", "-o", f"{tmp_path}/b/"])
    assert result.exit_code == 0, result.stderr
    rows = duckdb.sql(f"SELECT municipality, count(*) AS amounts, round(sum(value_dkk)/1e6, 1) AS mio_kr "
                      f"FROM read_parquet('{tmp_path}/b/*.parquet') GROUP BY ALL ORDER BY mio_kr DESC LIMIT 3")
    rows = rows.fetchall()
    assert claimed_rows == [[name, str(count), str(mio)] for name, count, mio in rows]
    table = ds.dataset(tmp_path / "b").to_table()
    assert (claimed_count, claimed_first) == (str(table.num_rows), str(min(d for d in table["date"].to_pylist() if d)))


def test_cli_dask_run_writes_the_bytes_of_a_local_run(workdir: Path, small_parts: None) -> None:
    distributed = pytest.importorskip("distributed")
    args = ["extract", *INPUTS, "tom.txt", "-f", "parquet", "-t", "amounts", "-q"]
    local = CliRunner().invoke(app, [*args, "-o", "local/", "-j", "1"])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        dask = CliRunner().invoke(app, [*args, "-o", "dask/", "--executor", "dask", "--scheduler",
                                        cluster.scheduler_address])
    assert local.exit_code == dask.exit_code == 1  # tom.txt fails alone, in both
    assert [p.name for p in _parts(workdir / "dask")] == [p.name for p in _parts(workdir / "local")]
    assert ds.dataset("dask").to_table().equals(ds.dataset("local").to_table())
    assert all((workdir / "dask" / part.name).read_bytes() == part.read_bytes() for part in _parts(workdir / "local"))
