"""The `minutes` command through typer's CliRunner, and once as the installed console script."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from helpers import interrupt_when, schema_errors
from pdf_factory import make_pdf, page_of_lines
from typer.testing import CliRunner

from minutes_cli import batch as batch_module
from minutes_cli.cli import app

MINUTES = """REFERAT Teknik- og Miljøudvalget d. 20-02-2018

Mødedato: Tirsdag d. 20. februar 2018 kl. 16:30

Punkt 1: Vejbelysning

Sagsnr.: 2016/05156

Sagsfremstilling

Udgiften er 2,5 mio. kr. og taksten er 12,50 kr. pr. lampe.

Beslutning

Godkendt.

Bilag

1. Kort over vejene
2. Tidsplan

Punkt 2: Cykelsti

Sagsnr.: 2016/05157

Beslutning

Udsat.
"""

AGENDA = """DAGSORDEN Økonomiudvalget d. 13-03-2018

Punkt 4: Anlægsbevilling til skole

Indstilling

Forvaltningen indstiller, at der gives en anlægsbevilling på 400.000 kr.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two good documents, run from inside it so paths print short."""
    (tmp_path / "referat.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "dagsorden.txt").write_text(AGENDA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


# --- extract: formats -----------------------------------------------------------------------------


def test_extract_json_one_document(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert schema_errors(doc) == []
    assert doc["source"]["path"] == "referat.txt"
    assert [i["title"] for i in doc["items"]] == ["Vejbelysning", "Cykelsti"]


def test_extract_json_several_documents_is_a_list(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "dagsorden.txt", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["source"]["path"] for d in docs] == ["referat.txt", "dagsorden.txt"]
    assert all(schema_errors(d) == [] for d in docs)


def test_extract_jsonl(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "dagsorden.txt", "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["meeting"]["kind"] for d in docs] == ["minutes", "agenda"]


def test_extract_csv_items(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert not result.stdout.startswith("\ufeff"), "no BOM on standard output by default"
    rows = _csv(result.stdout)
    assert [(r["item_number"], r["title"], r["decision_outcome"]) for r in rows] == [
        ("1", "Vejbelysning", "approved"), ("2", "Cykelsti", "postponed")]
    assert rows[0]["committee"] == "Teknik- og Miljøudvalget" == rows[1]["committee"], "meeting fields repeat"
    assert rows[0]["attachments"] == "Kort over vejene | Tidsplan"
    assert rows[0]["amount_count"] == "2"
    assert "amount_total_dkk" not in rows[0], "a sum of mentions (repeats, both ends of ranges) misleads"


def test_extract_csv_amounts(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--format", "csv", "--table", "amounts"])
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    assert [(r["item_number"], r["text"], r["value_dkk"], r["currency"]) for r in rows] == [
        ("1", "2,5 mio. kr.", "2500000", "DKK"), ("1", "12,50 kr.", "12.5", "DKK")]


def test_extract_csv_attachments(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--format", "csv", "--table", "attachments"])
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    assert [(r["item_number"], r["attachment_number"], r["attachment_title"]) for r in rows] == [
        ("1", "1", "Kort over vejene"), ("1", "2", "Tidsplan")]


def test_extract_csv_to_file_has_a_bom(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--format", "csv", "-o", "ud.csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = (workdir / "ud.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(_csv(data.decode("utf-8"))) == 2


def test_extract_csv_excel_uses_semicolons_and_decimal_commas(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--format", "csv", "--table", "amounts",
                                 "--excel"])
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout, delimiter=";")
    assert [r["value_dkk"] for r in rows] == ["2500000", "12,5"]
    assert result.stdout.splitlines()[0].startswith("source;municipality;committee")


def test_extract_json_to_file(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "-o", "ud.json"])
    assert result.exit_code == 0, result.stderr
    data = (workdir / "ud.json").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "JSON never gets a BOM"
    assert json.loads(data)["items"][0]["decision"]["text"] == "Godkendt."


def test_output_file_is_not_left_half_written_when_the_run_breaks(runner: CliRunner, workdir: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the output streams into a temporary file; a run that breaks after one document leaves no target
    real = batch_module.run_batch

    def breaking(*args: Any, **kwargs: Any) -> Iterator[Any]:
        batch = real(*args, **kwargs)
        yield next(batch)
        raise OSError("disk full")

    monkeypatch.setattr(batch_module, "run_batch", breaking)
    result = runner.invoke(app, ["extract", "referat.txt", "dagsorden.txt", "-o", "ud.json", "-j", "1"])
    assert result.exit_code != 0
    assert sorted(p.name for p in workdir.iterdir()) == ["dagsorden.txt", "referat.txt"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_two_workers_write_the_same_output_as_one(runner: CliRunner, workdir: Path, fmt: str) -> None:
    args = ["extract", "referat.txt", "dagsorden.txt", "referat.txt", "--format", fmt]
    one, two = runner.invoke(app, [*args, "-j", "1"]), runner.invoke(app, [*args, "-j", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_extract_stdin(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "-"], input=MINUTES.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["path"] == "-"
    assert [i["number"] for i in doc["items"]] == ["1", "2"]


# --- extract: failures ----------------------------------------------------------------------------


def test_missing_file_is_one_line_naming_it(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "findes-ikke.pdf"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "findes-ikke.pdf" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture()
def mixed_batch(workdir: Path) -> list[str]:
    """Two good documents and four bad ones: corrupt PDF, empty file, binary file, missing file."""
    (workdir / "beskadiget.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (workdir / "tom.txt").write_bytes(b"")
    (workdir / "billede.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (workdir / "program.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    return ["referat.txt", "beskadiget.pdf", "tom.txt", "billede.png", "program.bin", "dagsorden.txt",
            "mangler.txt"]

BAD = ["beskadiget.pdf", "tom.txt", "billede.png", "program.bin", "mangler.txt"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_with_bad_files_names_each_and_keeps_the_good(runner: CliRunner, mixed_batch: list[str],
                                                              workers: str) -> None:
    result = runner.invoke(app, ["extract", *mixed_batch, "-j", workers])
    assert result.exit_code == 1
    docs = json.loads(result.stdout)
    assert [d["source"]["path"] for d in docs] == ["referat.txt", "dagsorden.txt"]
    assert [len(d["items"]) for d in docs] == [2, 1], "good outputs are complete"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name in BAD:
        assert sum(name in line for line in errors) == 1, (name, result.stderr)
    assert "Traceback" not in result.stderr


def test_batch_jsonl_has_an_error_record_per_failed_file(runner: CliRunner, mixed_batch: list[str]) -> None:
    result = runner.invoke(app, ["extract", *mixed_batch, "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    good = [r for r in records if "error" not in r]
    bad = [r for r in records if "error" in r]
    assert sorted(r["source"]["path"] for r in good) == ["dagsorden.txt", "referat.txt"]
    assert all(schema_errors(r) == [] for r in good)
    assert sorted(r["source"]["path"] for r in bad) == sorted(BAD)
    assert all(r["source"]["path"] in r["error"] for r in bad)


def test_batch_csv_still_writes_the_good_rows(runner: CliRunner, mixed_batch: list[str]) -> None:
    result = runner.invoke(app, ["extract", *mixed_batch, "--format", "csv", "-j", "1"])
    assert result.exit_code == 1
    assert sorted({r["source"] for r in _csv(result.stdout)}) == ["dagsorden.txt", "referat.txt"]


def test_recursive_directory(runner: CliRunner, workdir: Path) -> None:
    (workdir / "arkiv" / "2018").mkdir(parents=True)
    (workdir / "arkiv" / "2018" / "referat.txt").write_text(MINUTES, encoding="utf-8")
    (workdir / "arkiv" / "noter.xml").write_text("<?xml version='1.0'?><x/>", encoding="utf-8")
    (workdir / "arkiv" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(app, ["extract", "-r", "arkiv", "--format", "jsonl", "-j", "1"])
    # an XML file is picked up and, being no export minutes knows, named with its root element
    assert result.exit_code == 1, result.stderr
    assert "noter.xml" in result.stderr and "<x>" in result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]["path"]) for d in docs if "error" not in d] == [Path("arkiv/2018/referat.txt")]


# --- extract: output directory --------------------------------------------------------------------


def test_output_dir_and_skip_unchanged(runner: CliRunner, workdir: Path) -> None:
    args = ["extract", "referat.txt", "dagsorden.txt", "--output-dir", "json", "-j", "1"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (workdir / "json").iterdir()}
    assert sorted(written) == ["dagsorden.txt.json", "referat.txt.json"]
    assert all(schema_errors(d) == [] for d in written.values())

    target = workdir / "json" / "referat.txt.json"
    os.utime(target, (1_000_000_000, 1_000_000_000))
    second = runner.invoke(app, [*args, "--skip-unchanged"])
    assert second.exit_code == 0, second.stderr
    assert "2 unchanged" in second.stderr
    assert target.stat().st_mtime == 1_000_000_000, "an unchanged input's output is not rewritten"

    (workdir / "referat.txt").write_text(MINUTES.replace("Udsat.", "Godkendt."), encoding="utf-8")
    third = runner.invoke(app, [*args, "--skip-unchanged"])
    assert third.exit_code == 0, third.stderr
    assert "1 unchanged" in third.stderr
    redone = json.loads(target.read_text(encoding="utf-8"))
    assert redone["items"][1]["decision"]["text"] == "Godkendt."


def test_skip_unchanged_needs_output_dir(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", "--skip-unchanged"])
    assert result.exit_code == 2


# --- show and help --------------------------------------------------------------------------------


def test_show(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "referat.txt"])
    assert result.exit_code == 0, result.stderr
    for expected in ("Teknik- og Miljøudvalget", "2018-02-20", "Vejbelysning", "Cykelsti", "approved",
                     "postponed",
                     "Kort over vejene", "2016/05156"):
        assert expected in result.stdout


def test_show_one_item(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "referat.txt", "--item", "2"])
    assert result.exit_code == 0, result.stderr
    assert "Cykelsti" in result.stdout and "Vejbelysning" not in result.stdout


def test_show_pdf_with_pages(runner: CliRunner, workdir: Path) -> None:
    page = page_of_lines(["Punkt 1: Vejbelysning", None, "Beslutning", "Godkendt."])
    (workdir / "referat.pdf").write_bytes(make_pdf([page]))
    result = runner.invoke(app, ["show", "referat.pdf"])
    assert result.exit_code == 0, result.stderr
    assert "Vejbelysning" in result.stdout and "1-1" in result.stdout


def test_show_missing_file(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "findes-ikke.txt"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "findes-ikke.txt" in result.stderr


COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"minutes {command}" in result.stdout, "the examples are real commands"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("minutes ")


# --- the installed console script -----------------------------------------------------------------


def _console_script() -> str | None:
    return shutil.which("minutes") or shutil.which("minutes", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(_console_script() is None, reason="the minutes console script is not installed")
def test_console_script(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text(MINUTES, encoding="utf-8")
    done = subprocess.run([str(_console_script()), "extract", str(source), "--format", "jsonl"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    records: list[dict[str, Any]] = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 1 and schema_errors(records[0]) == []
    assert [i["title"] for i in records[0]["items"]] == ["Vejbelysning", "Cykelsti"]


# --- evaluate ---------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_GOLD = ROOT / "fixtures" / "gold"


def _one_gold(tmp_path: Path, decision: str) -> Path:
    """A gold directory with one annotated document in it, the document beside it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "referat.txt").write_text(
        "Punkt 4: Vejbelysning\n\nSagsnr.: 2020/01234\n\nBeslutning\n\nGodkendt.\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    annotation = {"source": "referat.txt", "meeting": {}, "items": [{
        "number": "4", "title": "Vejbelysning", "closed": False, "case_numbers": ["2020/01234"],
        "recommendation_by": None, "recommendation": [], "decision": decision, "decision_outcome": "approved",
        "attachments": [], "amounts_dkk": []}]}
    (gold / "referat.json").write_text(json.dumps(annotation), encoding="utf-8")
    return gold


def test_evaluate_perfect_document(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Godkendt.")
    result = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "docs"), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["overall_f1"] == 1.0


def test_evaluate_explain_names_every_miss(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Udsat til næste møde.")
    result = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "docs"), "--explain"])
    assert result.exit_code == 0
    assert "decision" in result.stdout and "Udsat til næste møde" in result.stdout
    report = json.loads(runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "docs"),
                                            "--json"]).stdout)
    assert {m["field"] for m in report["misses"]} == {"decision"}


def test_evaluate_pins_fail_on_a_drop(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Udsat til næste møde.")
    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"gold": {"decision": 1.0}}), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "docs"), "--pins", str(pins)])
    assert result.exit_code == 1
    assert "decision" in result.stderr


def test_evaluate_missing_gold_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nothing-here")])
    assert result.exit_code == 2
    assert "nothing-here" in result.stderr


def test_evaluate_fixtures_match_their_pins(runner: CliRunner) -> None:
    result = runner.invoke(app, ["evaluate", str(FIXTURE_GOLD), "--root", str(ROOT), "--pins",
                                 str(ROOT / "accuracy_pins.json"), "--pin-set", "fixtures"])
    assert result.exit_code == 0, result.stderr


def test_update_pins_raises_and_lowers_only_with_a_reason(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Udsat til næste møde.")
    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"gold": {"decision": 1.0, "title": 0.5}}), encoding="utf-8")
    args = ["evaluate", str(gold), "--root", str(tmp_path / "docs"), "--pins", str(pins), "--update-pins"]
    kept = runner.invoke(app, args)
    data = json.loads(pins.read_text(encoding="utf-8"))
    assert kept.exit_code == 1 and data["gold"]["decision"] == 1.0 and data["gold"]["title"] == 1.0
    lowered = runner.invoke(app, [*args, "--allow-lower", "gold annotation corrected"])
    data = json.loads(pins.read_text(encoding="utf-8"))
    assert lowered.exit_code == 0, lowered.stderr
    assert data["gold"]["decision"] == 0.0
    assert data["_lowered"] == {"gold.decision": "gold annotation corrected"}


# --- JSON top level, usage errors, show -----------------------------------------------------------


@pytest.mark.parametrize(("args", "is_list"), [
    (["referat.txt"], False),
    (["-"], False),
    (["referat.txt", "dagsorden.txt"], True),
    (["referat.txt", "mangler.txt"], True),  # several paths: a list, whatever failed
    (["*.txt"], True),
    (["-r", "."], True),
    (["-r", "referat.txt"], True),
])
def test_json_top_level_depends_on_what_was_asked_not_on_what_parsed(runner: CliRunner, workdir: Path,
                                                                     args: list[str], is_list: bool) -> None:
    result = runner.invoke(app, ["extract", *args, "-j", "1"], input=MINUTES.encode("utf-8"))
    assert isinstance(json.loads(result.stdout), list) is is_list, result.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["--excel"], "--excel applies to CSV only"),
    (["--bom"], "--bom/--no-bom applies to CSV only"),
    (["--table", "amounts"], "--table applies to CSV and Parquet only"),
    (["-o", "x.json", "--output-dir", "ud"], "exclude each other"),
    (["--output-dir", "ud", "-f", "csv"], "--output-dir writes JSON"),
    (["--max-size", "lots"], "not a size"),
])
def test_options_that_would_be_ignored_are_usage_errors(runner: CliRunner, workdir: Path, args: list[str],
                                                        says: str) -> None:
    result = runner.invoke(app, ["extract", "referat.txt", *args])
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.stderr
    assert not (workdir / "x.json").exists() and not (workdir / "ud").exists()


@pytest.mark.parametrize(("command", "usage"), [
    ("extract", "extract [OPTIONS] PATH..."),
    ("show", "show [OPTIONS] PATH"),
    ("evaluate", "evaluate [OPTIONS] GOLD"),
    ("index", "index [OPTIONS] [PATH]..."),
    ("search", "search [OPTIONS] QUERY..."),
])
def test_usage_line_reads_as_unix_tools_write_it(runner: CliRunner, command: str, usage: str) -> None:
    first = runner.invoke(app, [command, "--help"]).stdout.splitlines()[0]
    assert first.endswith(usage)
    assert "{" not in first


def test_show_a_folder_points_to_extract(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "."])
    assert result.exit_code == 2
    assert "minutes extract -r" in result.stderr and "--recursive" not in result.stderr


def test_show_an_item_that_does_not_exist_fails(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "referat.txt", "--item", "99"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no item numbered 99 (item numbers: 1, 2)" in result.stderr


def test_show_counts_amounts_and_sums_none(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["show", "referat.txt", "--item", "1"])
    assert "Amounts (kr.)" not in result.stdout and "2.500.012" not in result.stdout
    assert "2,5 mio. kr. = 2.500.000 kr." in result.stdout


def test_schema_command_prints_the_packaged_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    main_help = runner.invoke(app, ["--help"]).stdout
    assert "minutes schema" in main_help and "SCHEMA.md" not in main_help


@pytest.mark.parametrize("command", COMMANDS)
def test_help_points_to_nothing_a_user_of_the_package_lacks(runner: CliRunner, command: str) -> None:
    text = runner.invoke(app, [command, "--help"]).stdout
    assert "SCHEMA.md" not in text and "shared/" not in text


# --- output directory: one file per input ---------------------------------------------------------


def test_output_dir_never_writes_two_inputs_into_one_file(runner: CliRunner, workdir: Path) -> None:
    for folder in ("col/x", "col/y", "other"):
        (workdir / folder).mkdir(parents=True)
        (workdir / folder / "m.txt").write_text(MINUTES, encoding="utf-8")
    runs = [["col/x/m.txt", "col/y/m.txt"], ["col/*/m.txt"], ["-r", "col", "other"]]
    for index, args in enumerate(runs):
        out = workdir / f"ud{index}"
        result = runner.invoke(app, ["extract", *args, "--output-dir", str(out), "-j", "1"])
        assert result.exit_code == 0, result.stderr
        written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
        expected = len(list(workdir.glob("col/*/m.txt"))) + (1 if "other" in args else 0)
        assert len(written) == expected, (args, written)
    assert sorted(str(p.relative_to(workdir / "ud1")) for p in (workdir / "ud1").rglob("*.json")) == [
        "x/m.txt.json", "y/m.txt.json"], "a glob's files mirror their path below the glob's folder"


# --- -r names everything it does not read --------------------------------------------------------


def test_recursive_batch_names_every_file_it_does_not_read(runner: CliRunner, workdir: Path) -> None:
    arkiv = workdir / "arkiv"
    (arkiv / "2018").mkdir(parents=True)
    (arkiv / "2018" / "referat").write_text(MINUTES, encoding="utf-8")  # no suffix: read by content
    (arkiv / "eksport.xml").write_bytes((ROOT / "fixtures" / "x1_sbsys_kfu_publication.xml").read_bytes())  # read
    (arkiv / "logo.gif").write_bytes(b"GIF89a" + bytes(64))
    (arkiv / "skanning.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # a scan is read (OCR): this one is broken
    (arkiv / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    os.symlink("findes-ikke.pdf", arkiv / "død.pdf")
    (workdir / "andet").mkdir()
    (workdir / "andet" / "dagsorden.txt").write_text(AGENDA, encoding="utf-8")
    os.symlink(workdir / "andet", arkiv / "link-til-andet")
    result = runner.invoke(app, ["extract", "-r", "arkiv", "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 1, "a dangling link is a failure"
    paths = sorted(json.loads(line)["source"]["path"] for line in result.stdout.splitlines())
    assert paths == sorted(["arkiv/2018/referat", "arkiv/eksport.xml", "arkiv/link-til-andet/dagsorden.txt",
                            "arkiv/død.pdf", "arkiv/skanning.png"])
    lines = result.stderr.splitlines()
    for name, reason in (("logo.gif", "GIF image"), (".DS_Store", "hidden")):
        assert any(line.startswith("skipped:") and name in line and reason in line for line in lines), name
    assert any(line.startswith("error:") and "død.pdf" in line for line in lines)
    assert any(line.startswith("error:") and "skanning.png" in line and "image cannot be opened" in line
               for line in lines)
    assert "7 files (0 unchanged, 2 skipped, 2 failed)" in result.stderr
    quiet = runner.invoke(app, ["extract", "-r", "arkiv", "-f", "jsonl", "-j", "1", "--quiet"])
    assert not any(line.startswith("skipped:") for line in quiet.stderr.splitlines())


def test_recursive_batch_does_not_read_its_own_output_dir(runner: CliRunner, workdir: Path) -> None:
    first = runner.invoke(app, ["extract", "-r", ".", "--output-dir", "json", "-j", "1"])
    second = runner.invoke(app, ["extract", "-r", ".", "--output-dir", "json", "-j", "1"])
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert sorted(p.name for p in (workdir / "json").iterdir()) == ["dagsorden.txt.json", "referat.txt.json"]
    assert "the output of this run" in second.stderr


# --- Ctrl-C ---------------------------------------------------------------------------------------


def test_interrupt_prints_one_line_and_exits_130(tmp_path: Path) -> None:
    item = ("Punkt {n}: Sag {n}\n\nSagsnr.: 2020/0{n:04d}\n\nUdgiften er 2,5 mio. kr. i 2021.\n\n"
            "Beslutning\n\nGodkendt.\n\n")
    (tmp_path / "r.txt").write_text("".join(item.format(n=n) for n in range(1, 6000)), encoding="utf-8")
    names = ["r.txt"] * 60  # far more work than the moments before the interrupt
    process = subprocess.Popen([sys.executable, "-m", "minutes_cli", "extract", *names, "-j", "2", "-o", "ud.json"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    message = interrupt_when(process, lambda: any(p.name.startswith(".ud.json") for p in tmp_path.iterdir()),
                             settle=0.3)
    assert "of 60 files done; nothing written to ud.json" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"], "no output and no temporary file"


# --- evaluate: missing sources --------------------------------------------------------------------


def test_evaluate_with_a_wrong_root_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Godkendt.")
    (tmp_path / "elsewhere").mkdir()
    result = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "elsewhere")])
    assert result.exit_code == 1
    assert "referat.txt: the gold's source document is not there" in result.stderr
    assert "1 of 1 gold sources not found" in result.stderr
    allowed = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "elsewhere"), "--allow-missing",
                                  "--json"])
    assert allowed.exit_code == 0 and json.loads(allowed.stdout)["overall_f1"] == 0.0


def test_evaluate_root_that_is_no_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    gold = _one_gold(tmp_path, "Godkendt.")
    result = runner.invoke(app, ["evaluate", str(gold), "--root", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "--root is not a folder" in result.stderr


def test_readme_evaluate_example_is_real_output(runner: CliRunner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("$ minutes evaluate fixtures/gold --root .", 1)[1].split("```", 1)[0]
    claimed = " ".join(example.strip().splitlines()[-1].split())
    result = runner.invoke(app, ["evaluate", str(FIXTURE_GOLD), "--root", str(ROOT)])
    actual = " ".join(" ".join(result.stdout.split("overall field F1", 1)[1].split()).split())
    assert claimed == "overall field F1 " + actual


def test_standard_input_is_read_no_further_than_the_size_limit(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(app, ["extract", "-", "--max-size", "100"], input=MINUTES.encode("utf-8"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "-: the input is more than the 100 bytes limit" in result.stderr


def test_a_file_of_several_meetings_gives_every_meeting(runner: CliRunner, workdir: Path) -> None:
    fixtures = ROOT / "fixtures"
    names = ("t1_hedensted_referat.txt", "t2_toender_kfu.txt")
    texts = [(fixtures / name).read_text(encoding="utf-8") for name in names]
    (workdir / "aar.txt").write_text("\n\n".join(texts), encoding="utf-8")
    one = runner.invoke(app, ["extract", "aar.txt"])
    assert one.exit_code == 0, one.stderr
    documents = json.loads(one.stdout)
    assert isinstance(documents, list), "one input holding two meetings gives a list of two documents"
    assert [(d["source"]["part"], d["meeting"]["committee"]) for d in documents] == [
        (1, "Social- og Sundhedsudvalget"), (2, "Kultur- og Fritidsudvalget")]
    lines = runner.invoke(app, ["extract", "aar.txt", "-f", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["source"]["part"] for line in lines] == [1, 2]
    assert runner.invoke(app, ["extract", "aar.txt", "--output-dir", "ud"]).exit_code == 0
    written = json.loads((workdir / "ud" / "aar.txt.json").read_text(encoding="utf-8"))
    assert [d["source"]["part"] for d in written] == [1, 2]
