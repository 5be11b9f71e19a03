"""The archive: the query language, Danish word forms, indexing (incremental, transactional, failures),
searching with filters, the `index` and `search` commands, and Datasette over the result."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from helpers import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from minutes_cli.archive import index as index_module
from minutes_cli.archive.datasette import datasette_metadata
from minutes_cli.archive.index import index_inputs, prune
from minutes_cli.archive.query import Query, QueryError, Term, parse_query
from minutes_cli.archive.schema import TABLES, ArchiveError, connect
from minutes_cli.archive.search import Filters, make_snippet, match_pattern, search
from minutes_cli.archive.stemming import search_forms, spellings, stem
from minutes_cli.batch import expand_inputs
from minutes_cli.cli import app

# Two small meetings of our own (invented content, real structure).
SCHOOL_MINUTES = """REFERAT Børne- og Skoleudvalget d. 14-03-2019

Mødedato: Torsdag d. 14. marts 2019 kl. 17:00

Punkt 1: Skoleudbygning i Aarhus Nord

Sagsnr.: 2019/00101

Sagsfremstilling

Skolerne i Århus Nord mangler plads. Udbygningen koster 12,5 mio. kr.

Beslutning

Godkendt.

Punkt 2: Tilskud til lejrskole

Sagsnr.: 2019/00102

Sagsfremstilling

Der søges om tilskud på 40.000 kr.

Beslutning

Ikke godkendt.
"""

ROAD_MINUTES = """REFERAT Teknik- og Miljøudvalget d. 20-02-2018

Mødedato: Tirsdag d. 20. februar 2018 kl. 16:30

Punkt 1: Anlægsbevilling til vejbelysning

Sagsnr.: 2016/05156

Sagsfremstilling

Der søges om en anlægsbevilling på 2,5 mio. kr. til nye lamper.

Beslutning

Godkendt.

Punkt 2: Cykelsti langs Skolevej

Sagsnr.: 2016/05157

Sagsfremstilling

Forvaltningen foreslår en cykelsti. Bevillingen gives senere.

Beslutning

Udsat.
"""


def _index(db: sqlite_utils.Database, *paths: str | Path, **options: Any) -> list[index_module.IndexResult]:
    return list(index_inputs(db, expand_inputs([str(p) for p in paths], True), **options))


@pytest.fixture()
def archive(tmp_path: Path) -> Iterator[tuple[sqlite_utils.Database, Path]]:
    """An archive of the two small meetings, and the folder they are in."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "skole.txt").write_text(SCHOOL_MINUTES, encoding="utf-8")
    (docs / "vej.txt").write_text(ROAD_MINUTES, encoding="utf-8")
    db = connect(str(tmp_path / "minutes.db"))
    _index(db, docs)
    yield db, docs
    db.close()


def _titles(db: sqlite_utils.Database, query: str, filters: Filters | None = None) -> list[str]:
    return sorted(hit.title for hit in search(db, query, filters or Filters(), limit=100))


def _count(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- query language -------------------------------------------------------------------------------

QUERIES = [
    ("skole", Query(((Term("skole"),),))),
    ("anlægsbevilling skole", Query(((Term("anlægsbevilling"),), (Term("skole"),)))),
    ('"anlæg af cykelsti"', Query(((Term("anlæg af cykelsti", phrase=True),),))),
    ("skole OR daginstitution", Query(((Term("skole"), Term("daginstitution")),))),
    ("bevilling -skole", Query(((Term("bevilling"),),), (Term("skole"),))),
    ('-"til efterretning" budget', Query(((Term("budget"),),), (Term("til efterretning", phrase=True),))),
    ("(bevilling), skole.", Query(((Term("bevilling"),), (Term("skole"),)))),
    ("2016/05156", Query(((Term("2016/05156"),),))),
    ('"uafsluttet frase', Query(((Term("uafsluttet frase", phrase=True),),))),
    ("a OR b OR c d", Query(((Term("a"), Term("b"), Term("c")), (Term("d"),)))),
    ("skole or børnehave", Query(((Term("skole"),), (Term("or"),), (Term("børnehave"),)))),
]


@pytest.mark.parametrize(("text", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_parse_query(text: str, expected: Query) -> None:
    assert parse_query(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "-skole", 'OR skole', "skole OR", "skole OR OR hal", '""', "..."])
def test_queries_with_nothing_to_find_are_errors(text: str) -> None:
    with pytest.raises(QueryError) as error:
        parse_query(text)
    assert str(error.value).startswith("query ")


# --- Danish word forms ----------------------------------------------------------------------------

STEMS = [
    # inflections meet in one stem
    ("skole", "skol"), ("skoler", "skol"), ("skolerne", "skol"), ("Skolernes", "skol"),
    ("bevilling", "bevilling"), ("bevillinger", "bevilling"), ("bevillingerne", "bevilling"),
    # old and new spelling meet
    ("Aarhus", "århus"), ("Århus", "århus"),
    # not words: kept as written
    ("2016/05156", "2016/05156"), ("3-årige", "3-årige"),
    # a stem shorter than the index can search is not used
    ("by", "by"),
]


@pytest.mark.parametrize(("word", "expected"), STEMS, ids=[w for w, _ in STEMS])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stems_are_the_start_of_the_folded_word() -> None:
    # searching the stem as a substring finds the word itself: the stem must be its beginning
    for word in ("skolerne", "anlægsbevillingen", "tilskuddet", "vigtigst", "udvalgets", "kommunernes"):
        assert word.startswith(stem(word)), word


@pytest.mark.parametrize(("form", "expected"), [
    ("århus", ("århus", "aarhus")), ("aarhus", ("århus", "aarhus")), ("skol", ("skol",)),
    ("faaborg", ("fåborg", "faaborg")),
])
def test_spellings(form: str, expected: tuple[str, ...]) -> None:
    assert spellings(form) == expected


def test_search_forms_of_an_old_spelling() -> None:
    assert set(search_forms("Aalborgs")) == {"ålborg", "aalborg"}


# --- searching ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    # a word inside compounds: anlægsbevilling, bevillingen
    ("bevilling", ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej"]),
    ("anlægsbevilling", ["Anlægsbevilling til vejbelysning"]),
    # inflected forms meet: skole, skoler, skolerne, skoleudbygning, lejrskole, Skolevej
    ("skolerne", ["Cykelsti langs Skolevej", "Skoleudbygning i Aarhus Nord", "Tilskud til lejrskole"]),
    # aa and å
    ("Århus", ["Skoleudbygning i Aarhus Nord"]),
    ("aarhus nord", ["Skoleudbygning i Aarhus Nord"]),
    # phrases, OR, exclusion
    ('"søges om en anlægsbevilling"', ["Anlægsbevilling til vejbelysning"]),
    ('"om en søges"', []),
    ("lejrskole OR cykelsti", ["Cykelsti langs Skolevej", "Tilskud til lejrskole"]),
    ("skole -cykelsti", ["Skoleudbygning i Aarhus Nord", "Tilskud til lejrskole"]),
    ('skole -"Aarhus Nord"', ["Cykelsti langs Skolevej", "Tilskud til lejrskole"]),
    # a case number, and a word too short for the trigram index
    ("2016/05157", ["Cykelsti langs Skolevej"]),
    ("kr skole", ["Skoleudbygning i Aarhus Nord", "Tilskud til lejrskole"]),
    ("skole -kr", ["Cykelsti langs Skolevej"]),
    ("nothing-like-this", []),
])
def test_search_words(archive: tuple[sqlite_utils.Database, Path], query: str, expected: list[str]) -> None:
    db, _ = archive
    assert _titles(db, query) == expected


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(outcome="approved"), ["Anlægsbevilling til vejbelysning", "Skoleudbygning i Aarhus Nord"]),
    (Filters(outcome="rejected"), ["Tilskud til lejrskole"]),
    (Filters(min_amount=1_000_000), ["Anlægsbevilling til vejbelysning", "Skoleudbygning i Aarhus Nord"]),
    (Filters(min_amount=3_000_000), ["Skoleudbygning i Aarhus Nord"]),
    (Filters(committee="skoleudvalget"), ["Skoleudbygning i Aarhus Nord", "Tilskud til lejrskole"]),
    (Filters(committee="TEKNIK"), ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej"]),
    (Filters(since="2019"), ["Skoleudbygning i Aarhus Nord", "Tilskud til lejrskole"]),
    (Filters(until="2018"), ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej"]),
    (Filters(since="2018-02-20", until="2018-02-20"), ["Anlægsbevilling til vejbelysning",
                                                       "Cykelsti langs Skolevej"]),
    (Filters(until="2018-02-19"), []),
    (Filters(closed=True), []),
    (Filters(closed=False, outcome="postponed"), ["Cykelsti langs Skolevej"]),
])
def test_search_filters(archive: tuple[sqlite_utils.Database, Path], filters: Filters, expected: list[str]) -> None:
    db, _ = archive
    assert _titles(db, "kr OR cykelsti", filters) == expected


def test_hits_are_ranked_title_first_and_carry_a_marked_snippet(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, docs = archive
    hits = search(db, "bevilling")
    assert [h.title for h in hits] == ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej"]
    # (bm25 gives a word found in half of the items a weight near 0: the scores of this tiny archive are 0.0)
    assert hits[0].score >= hits[1].score >= 0
    assert "en anlægs**bevilling** på 2,5 mio. kr." in hits[0].snippet
    assert "**Bevillingen** gives senere" in hits[1].snippet
    assert hits[0].path == str((docs / "vej.txt").resolve())
    assert (hits[0].date, hits[0].number, hits[0].outcome, hits[0].max_amount) == ("2018-02-20", "1", "approved",
                                                                                   2_500_000)


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("Der søges om en anlægsbevilling.", "bevilling", "Der søges om en anlægs**bevilling**."),
    ("Skolerne og skolen.", "skole", "**Skolerne** og **skolen**."),
    ("I Aarhus og Århus.", "århus", "I **Aarhus** og **Århus**."),
    ("Ingen træf her.", "skole", "Ingen træf her."),
    # a long text: whole words around the match, a third of the width before it, cuts marked
    ("ord " * 100 + "bevilling " + "ord " * 100, "bevilling", "…" + "ord " * 13 + "**bevilling**" + " ord" * 24 + "…"),
])
def test_snippet(text: str, query: str, expected: str) -> None:
    assert make_snippet(text, match_pattern(parse_query(query).terms)) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab æøå"-()*:^+.OR ')), max_size=20))
def test_any_query_text_searches_or_is_a_query_error(text: str) -> None:
    # FTS5 syntax in the query text is quoted away: only QueryError can come out, never an SQLite error
    db = connect(":memory:")
    try:
        search(db, text)
    except QueryError:
        pass
    finally:
        db.close()


# --- indexing -------------------------------------------------------------------------------------


def test_index_stores_every_table(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, _ = archive
    assert set(TABLES) <= set(db.table_names())
    assert [_count(db, t) for t in ("documents", "items", "amounts", "failures")] == [2, 4, 3, 0]
    item = db.execute("SELECT number, title, closed, case_numbers, decision_outcome, committee, date, year, "
                      "max_amount FROM items WHERE title LIKE 'Skoleudbygning%'").fetchone()
    assert item == ("1", "Skoleudbygning i Aarhus Nord", 0, '["2019/00101"]', "approved", "Børne- og Skoleudvalget",
                    "2019-03-14", 2019, 12_500_000)
    assert db.execute("SELECT count(*) FROM sections WHERE heading = 'Beslutning'").fetchone()[0] == 4


def test_indexing_again_adds_nothing(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, docs = archive
    before = {t: _count(db, t) for t in TABLES}
    results = _index(db, docs)
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    assert {t: _count(db, t) for t in TABLES} == before


def test_a_changed_file_replaces_its_rows(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, docs = archive
    (docs / "vej.txt").write_text(ROAD_MINUTES.replace("Udsat.", "Godkendt."), encoding="utf-8")
    results = _index(db, docs)
    assert sorted(r.status for r in results) == ["indexed", "unchanged"]
    assert _count(db, "documents") == 2 and _count(db, "items") == 4
    assert _titles(db, "cykelsti", Filters(outcome="approved")) == ["Cykelsti langs Skolevej"]
    assert _titles(db, "cykelsti", Filters(outcome="postponed")) == []
    # the full-text index followed: no stale row, no duplicate
    assert db.execute("SELECT count(*) FROM items_fts").fetchone()[0] == 4


def test_prune_removes_files_that_are_gone(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, docs = archive
    (docs / "vej.txt").unlink()
    assert prune(db) == [str((docs / "vej.txt").resolve())]
    assert _count(db, "documents") == 1 and _count(db, "items") == 2 and _count(db, "amounts") == 2
    assert _titles(db, "bevilling") == []


def test_a_failed_file_is_recorded_and_cleared_when_it_parses(archive: tuple[sqlite_utils.Database, Path]) -> None:
    db, docs = archive
    bad = docs / "eksport.xml"
    bad.write_text("<?xml version='1.0'?><Meeting/>", encoding="utf-8")
    [result] = _index(db, bad)
    assert result.status == "failed" and "eksport.xml" in (result.error or "")
    row = db.execute("SELECT path, error, sha256 FROM failures").fetchone()
    assert row[0] == str(bad.resolve()) and row[1] == result.error and len(row[2]) == 64
    bad.unlink()
    bad = docs / "eksport.txt"
    bad.write_text("", encoding="utf-8")
    _index(db, bad)
    bad.write_text(SCHOOL_MINUTES, encoding="utf-8")
    _index(db, bad)
    assert db.execute("SELECT count(*) FROM failures WHERE path = ?", [str(bad.resolve())]).fetchone()[0] == 0
    assert prune(db) == [str((docs / "eksport.xml").resolve())]
    assert _count(db, "failures") == 0


def test_a_file_that_breaks_keeps_none_of_its_rows(archive: tuple[sqlite_utils.Database, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db, docs = archive
    before = {t: _count(db, t) for t in TABLES}
    (docs / "vej.txt").write_text(ROAD_MINUTES.replace("Udsat.", "Godkendt."), encoding="utf-8")
    real_insert_item = index_module._insert_item
    calls = []

    def interrupted(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 2:  # the first item is in, the second breaks: Ctrl-C mid-document
            raise KeyboardInterrupt
        real_insert_item(*args)

    monkeypatch.setattr(index_module, "_insert_item", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _index(db, docs / "vej.txt")
    # the old rows of the file are still there, whole: the replacement was rolled back
    assert {t: _count(db, t) for t in TABLES} == before
    assert _titles(db, "cykelsti", Filters(outcome="postponed")) == ["Cykelsti langs Skolevej"]
    monkeypatch.setattr(index_module, "_insert_item", real_insert_item)
    assert [r.status for r in _index(db, docs)] == ["unchanged", "indexed"]
    assert _titles(db, "cykelsti", Filters(outcome="approved")) == ["Cykelsti langs Skolevej"]


def test_another_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE items (x)")
    with pytest.raises(ArchiveError, match="was not made by this version"):
        connect(str(other))
    (tmp_path / "text.db").write_text("not a database " * 100, encoding="utf-8")
    with pytest.raises(ArchiveError, match="not a usable SQLite database"):
        connect(str(tmp_path / "text.db"))


def test_two_workers_index_the_same_rows_as_one(tmp_path: Path) -> None:
    def rows(workers: int) -> list[tuple[Any, ...]]:
        db = connect(str(tmp_path / f"w{workers}.db"))
        _index(db, FIXTURES, workers=workers)
        found = db.execute("SELECT d.path, i.position, i.title, i.body FROM items i JOIN documents d "
                           "ON d.id = i.document_id ORDER BY d.path, i.position").fetchall()
        db.close()
        return found

    assert rows(2) == rows(1)


# --- the commands ---------------------------------------------------------------------------------


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "arkiv").mkdir()
    (tmp_path / "arkiv" / "skole.txt").write_text(SCHOOL_MINUTES, encoding="utf-8")
    (tmp_path / "arkiv" / "vej.txt").write_text(ROAD_MINUTES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_index_command(workdir: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["index", "arkiv", "-j", "1"])
    assert first.exit_code == 0, first.stderr
    assert "2 files (2 indexed, 0 unchanged, 0 failed, 0 pruned), 4 items, 3 amounts" in first.stderr
    assert (workdir / "minutes.db").exists()
    again = runner.invoke(app, ["index", "arkiv", "-j", "1"])
    assert again.exit_code == 0 and "(0 indexed, 2 unchanged, 0 failed, 0 pruned), 0 items" in again.stderr


def test_index_command_names_a_failed_file_and_exits_1(workdir: Path) -> None:
    (workdir / "arkiv" / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["index", "arkiv", "--db", "x.db", "-j", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "tom.txt" in errors[0] and "empty" in errors[0]
    with sqlite3.connect(workdir / "x.db") as conn:
        assert conn.execute("SELECT path FROM failures").fetchall() == [(str(workdir / "arkiv" / "tom.txt"),)]
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_index_command_usage_errors(workdir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["index"]).exit_code == 2
    assert runner.invoke(app, ["index", "-"]).exit_code == 2
    (workdir / "notes.db").write_text("not a database " * 100, encoding="utf-8")
    result = runner.invoke(app, ["index", "arkiv", "--db", "notes.db"])
    assert result.exit_code == 1 and "notes.db" in result.stderr


def test_index_prune_and_metadata(workdir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["index", "arkiv", "-j", "1"]).exit_code == 0
    (workdir / "arkiv" / "vej.txt").unlink()
    result = runner.invoke(app, ["index", "--prune", "--datasette-metadata", "metadata.json"])
    assert result.exit_code == 0, result.stderr
    assert "1 pruned" in result.stderr
    assert json.loads((workdir / "metadata.json").read_text(encoding="utf-8")) == datasette_metadata("minutes.db")


@pytest.fixture()
def indexed(workdir: Path) -> Path:
    assert CliRunner().invoke(app, ["index", "arkiv", "-j", "1"]).exit_code == 0
    return workdir


def test_search_json(indexed: Path) -> None:
    result = CliRunner().invoke(app, ["search", "bevilling", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [h["title"] for h in hits] == ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej"]
    assert {"path", "date", "committee", "number", "title", "outcome", "snippet", "score"} <= set(hits[0])
    assert hits[0]["committee"] == "Teknik- og Miljøudvalget" and hits[0]["outcome"] == "approved"


def test_search_filters_on_the_command_line(indexed: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "skole", "--outcome", "approved", "--min-amount", "1000000", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["Skoleudbygning i Aarhus Nord"]
    result = runner.invoke(app, ["search", "skole", "--open", "--until", "2018", "--limit", "1", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["title"] for r in rows] == ["Cykelsti langs Skolevej"]
    result = runner.invoke(app, ["search", "skole", "--closed"])
    assert result.exit_code == 0 and "no items found" in result.stderr


def test_search_table_and_exclusion_after_double_dash(indexed: Path) -> None:
    result = CliRunner().invoke(app, ["search", "--", "skole", "-cykelsti", "-aarhus"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.stderr
    assert "Tilskud til lejrskole" in result.stdout and "Skolevej" not in result.stdout
    assert "1 items" in result.stdout and "2019-03-14" in result.stdout and "rejected" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["search", "-f", "json", "--", "-skole"], "only excluded words"),
    (["search", "skole", "--since", "14-03-2019"], "--since takes a date"),
    (["search", "skole", "--db", "findes-ikke.db"], "no such archive"),
])
def test_search_usage_errors(indexed: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


# --- Datasette ------------------------------------------------------------------------------------


def test_datasette_offers_search_and_facets(indexed: Path) -> None:
    from datasette.app import Datasette

    metadata = datasette_metadata(indexed / "minutes.db")
    ds = Datasette([str(indexed / "minutes.db")], metadata=metadata)

    async def fetch(url: str) -> Any:
        response = await ds.client.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        return response

    async def run() -> None:
        found = (await fetch("/minutes/items.json?_search=bevilling&_shape=objects")).json()
        assert sorted(r["title"] for r in found["rows"]) == ["Anlægsbevilling til vejbelysning",
                                                             "Cykelsti langs Skolevej"]
        facets = found["facet_results"]
        facets = facets.get("results", facets)  # the facets the metadata asks for
        assert {"committee", "decision_outcome", "year"} <= set(facets)
        years = {v["value"] for v in facets["year"]["results"]}
        assert years == {2018}
        page = (await fetch("/minutes/items?_search=skole")).text
        assert 'name="_search"' in page and "Skoleudbygning i Aarhus Nord" in page
        assert "decision_outcome" in page and "committee" in page

    asyncio.run(run())


@pytest.mark.parametrize("command", [["index", "arkiv"], ["search", "skole"]])
def test_without_the_archive_extra_the_commands_say_what_to_install(workdir: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    command: list[str]) -> None:
    monkeypatch.setitem(sys.modules, "Stemmer", None)  # as if PyStemmer were not installed
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert "pip install 'minutes[archive]'" in result.stderr and "Stemmer" in result.stderr


def test_the_readme_search_example_is_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    command = "$ minutes search anlægsbevilling --outcome approved --min-amount 1000000 -f json\n"
    shown = readme.split(command, 1)[1].split("\n```", 1)[0]
    monkeypatch.chdir(FIXTURES.parent)
    db = str(tmp_path / "minutes.db")
    # the README's index command: fixtures/*.txt fixtures/*.html fixtures/*.pdf, in that order
    files = [str(p.relative_to(FIXTURES.parent)) for suffix in ("txt", "html", "pdf")
             for p in sorted(FIXTURES.glob(f"*.{suffix}"))]
    assert CliRunner().invoke(app, ["index", *files, "--db", db, "-j", "1"]).exit_code == 0
    result = CliRunner().invoke(app, ["search", "anlægsbevilling", "--outcome", "approved", "--min-amount",
                                      "1000000", "-f", "json", "--db", db])
    expected = json.loads(shown)
    found = json.loads(result.stdout)
    # the README was made in another checkout: paths differ only in the folder before fixtures/
    for hit in expected:
        hit["path"] = str(FIXTURES / Path(hit["path"]).name)
    assert found == expected


def test_ctrl_c_while_indexing_says_the_archive_is_consistent(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = index_module.index_inputs

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[index_module.IndexResult]:
        results = real(*args, **kwargs)
        yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "index_inputs", interrupted)
    result = CliRunner().invoke(app, ["index", "arkiv", "-j", "1"])
    assert result.exit_code == 130
    assert "interrupted after 1 files" in result.stderr and "run the same command again" in result.stderr
    monkeypatch.setattr(index_module, "index_inputs", real)
    again = CliRunner().invoke(app, ["index", "arkiv", "-j", "1"])
    assert again.exit_code == 0 and "(1 indexed, 1 unchanged" in again.stderr


def test_a_file_of_several_meetings_is_stored_and_replaced_whole(tmp_path: Path) -> None:
    from minutes_cli import extract_text

    db = connect(str(tmp_path / "m.db"))
    export = str(tmp_path / "eksport.xml")
    first, second = extract_text(SCHOOL_MINUTES, export), extract_text(ROAD_MINUTES, export)
    index_module.store_documents(db, [first, second], export)
    assert db.execute("SELECT meeting, committee, items FROM documents ORDER BY meeting").fetchall() == [
        (0, "Børne- og Skoleudvalget", 2), (1, "Teknik- og Miljøudvalget", 2)]
    assert _titles(db, "bevilling OR lejrskole") == ["Anlægsbevilling til vejbelysning", "Cykelsti langs Skolevej",
                                                      "Tilskud til lejrskole"]
    index_module.store_documents(db, [second], export)  # the file changed: its meetings are replaced
    assert _count(db, "documents") == 1 and _count(db, "items") == 2
    assert prune(db) == [export] and _count(db, "items") == 0
    db.close()
