"""A cheap start: the CLI and a one-file run import only what they use.

Each check runs in a fresh interpreter and lists the modules it loaded
(`sys.modules`), so that a heavy library imported at the top of a module again
shows up here, by name, rather than only as a slower start (measured by
benchmarks/startup.py).
"""

from __future__ import annotations

import json
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
    # charset_normalizer comes with the format sniffing (readers.encoding); pdfplumber only for hard pages
    assert not roots & (set(HEAVY) - {"charset_normalizer", "pdfplumber"})
    assert not {"minutes_cli.readers.html_reader", "minutes_cli.readers.xml_reader",
                "minutes_cli.readers.docx_reader", "minutes_cli.export.parquet_exporter"} & loaded


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
