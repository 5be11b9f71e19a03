"""A cheap start: the CLI and a one-file run import only what they use.

Each check runs in a fresh interpreter and lists the modules it loaded
(`sys.modules`), so that a heavy library imported at the top of a module again
shows up here, by name, rather than only as a slower start (measured by
benchmarks/startup.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_factory import make_pdf, page_of_lines

import minutes_cli
from minutes_cli import batch, cli
from minutes_cli.export import EXPORTERS, TABLE_NAMES, TABLES, TEXT_FORMATS

# Libraries that a given run must not load, and the parser's own slow modules.
HEAVY = ["bs4", "lxml", "pdfplumber", "rich", "charset_normalizer", "docx", "sqlite_utils", "tesserocr", "pyarrow",
         "xlsxwriter", "PIL"]


def _loaded_after(code: str, *argv: str) -> set[str]:
    """The top-level names of the modules loaded by `code` run with `argv`, in a fresh interpreter."""
    probe = (f"import sys\nsys.argv = ['minutes', *{list(argv)!r}]\ntry:\n    {code}\nexcept SystemExit:\n    pass\n"
             "import json\nprint(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_version_loads_no_reader_parser_or_heavy_library() -> None:
    loaded = _loaded_after("from minutes_cli.cli import main; main()", "--version")
    roots = {name.split(".")[0] for name in loaded}
    assert not roots & {*HEAVY, "pypdfium2", "regex"}
    assert not {name for name in loaded if name.startswith(("minutes_cli.readers.", "minutes_cli.extract",
                                                             "minutes_cli.segment", "minutes_cli.cleanup"))} - {
        "minutes_cli.readers.options"}
    assert "minutes_cli.batch" not in loaded and "minutes_cli.patterns" not in loaded


def test_one_page_pdf_loads_only_the_pdf_reader(tmp_path: Path) -> None:
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(make_pdf([page_of_lines(["Referat", "Punkt 1: Vejbelysning", None, "Beslutning", "Godkendt."])]))
    loaded = _loaded_after("from minutes_cli.cli import main; main()", "extract", str(pdf), "-q", "-o",
                           str(tmp_path / "out.json"))
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["items"]
    roots = {name.split(".")[0] for name in loaded}
    assert "pypdfium2" in roots
    # pdfplumber only for hard pages; pydantic would come with typer >= 0.29's option conversion
    assert not roots & (set(HEAVY) - {"pdfplumber"} | {"pydantic"})
    assert not {"minutes_cli.readers.html_reader", "minutes_cli.readers.xml_reader", "minutes_cli.readers.ocr",
                "minutes_cli.readers.docx_reader", "minutes_cli.export.parquet_exporter"} & loaded


def test_one_page_pdf_compiles_only_the_patterns_it_uses(tmp_path: Path) -> None:
    # patterns are compiled on first use (lazy_patterns): a one-page run must leave many uncompiled
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(make_pdf([page_of_lines(["Referat", "Punkt 1: Vejbelysning", None, "Beslutning", "Godkendt."])]))
    probe = (f"import json, sys\nsys.argv = ['minutes', 'extract', {str(pdf)!r}, '-q', '-o', {os.devnull!r}]\n"
             "from minutes_cli.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "from minutes_cli import patterns\nfrom minutes_cli.lazy_patterns import LazyPattern\n"
             "lazy = [v for v in vars(patterns).values() if isinstance(v, LazyPattern)]\n"
             "print(json.dumps([len(lazy), sum(v.is_compiled for v in lazy)]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    total, compiled = json.loads(done.stdout.strip().splitlines()[-1])
    assert total >= 60 and 0 < compiled < total * 0.8


@pytest.mark.parametrize("name", minutes_cli.__all__)
def test_every_public_name_imports_on_first_use(name: str) -> None:
    assert getattr(minutes_cli, name) is not None
    assert name in dir(minutes_cli)


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        minutes_cli.no_such_name  # noqa: B018


def test_the_cli_choices_name_what_the_exporters_hold() -> None:
    # the CLI builds --format and --table from plain names, so that it starts without the exporters
    assert tuple(EXPORTERS) == TEXT_FORMATS
    assert tuple(TABLES) == TABLE_NAMES
    assert cli.STDIN == batch.STDIN
