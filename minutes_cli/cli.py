"""The `minutes` command: a thin typer layer over the library.

Only this module imports typer and rich. It turns arguments into library
calls, library errors into one-line messages, and results into output files,
progress bars and tables. Exit codes: 0 all inputs parsed, 1 some failed,
2 usage error, 130 interrupted (Ctrl-C). No traceback is shown without --debug.
"""

# No `from __future__ import annotations` here: typer reads every command's annotations, and as strings
# it would evaluate each of them at every start (some 15 ms); names imported only for type checking are
# quoted instead.

import gc
import glob
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from . import __version__
from .errors import MinutesError, OutputNotWritable, SchedulerUnreachable
from .export import FILE_FORMATS, TABLE_NAMES, TEXT_FORMATS
from .pipeline import MAX_BYTES_BY_FORMAT, MB
from .readers.options import OCR_MODES, ReadOptions

# The path that names standard input (batch.STDIN; batch is imported when a command runs, not at start).
STDIN = "-"

if TYPE_CHECKING:
    from rich.console import Console

    from .batch import FileResult
    from .export import TableFile
    from .outputs import Output

Format = Enum("Format", {name: name for name in [*TEXT_FORMATS, *FILE_FORMATS]}, type=str)  # type: ignore[misc]
TableName = Enum("TableName", {name: name for name in TABLE_NAMES}, type=str)  # type: ignore[misc]
OcrMode = Enum("OcrMode", {name: name for name in OCR_MODES}, type=str)  # type: ignore[misc]
Executor = Enum("Executor", {name: name for name in ("local", "dask")}, type=str)  # type: ignore[misc]

# The OCR options of `extract` and `show`, defined once.
OcrOption = Annotated[OcrMode, typer.Option(
    "--ocr", help="OCR scanned pages: auto (pages without a text layer, and images), always (every page), never.")]
OcrLangOption = Annotated[str, typer.Option("--ocr-lang", help="Tesseract language(s) for OCR, e.g. dan or dan+eng.")]
OcrDpiOption = Annotated[int | None, typer.Option(
    "--ocr-dpi", min=72, max=1200,
    help="Render PDF pages at this resolution for OCR (default: the scan's own, else 300).")]

app = typer.Typer(
    help="Turn Danish municipal agendas and minutes (dagsordener, referater) into structured data.\n\n"
    "Reads PDF, HTML, text, Word (.docx), the ESDH systems' XML exports and scans (PDF, TIFF, PNG, JPEG; by OCR); "
    "writes JSON, JSON Lines, CSV, Parquet or Excel (.xlsx). "
    "The JSON Schema of the output: minutes schema.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class _Stderr:
    """The rich console on stderr, made on first use: rich loads in some 30 ms, which `minutes --version`
    and a quiet one-file run need not pay."""

    _console: "Console | None" = None

    def __getattr__(self, name: str) -> Any:
        if _Stderr._console is None:
            from rich.console import Console
            _Stderr._console = Console(stderr=True, highlight=False, soft_wrap=True)
        return getattr(_Stderr._console, name)


err: Any = _Stderr()


def escape(text: str) -> str:
    """`rich.markup.escape`: the text shown as it is, not read as markup."""
    from rich.markup import escape as rich_escape
    return rich_escape(text)


# typer writes a required argument as "{PATH}..." in usage lines; Unix tools write "PATH...".
_REQUIRED_ARGUMENT_RE = re.compile(r"\{([^{}\s]+)\}")


class _Command(TyperCommand):
    """A command whose usage line reads as Unix tools write it: `minutes extract [OPTIONS] PATH...`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        # typer writes "{PATH}..." (0.29) or "gold", "[paths]" (earlier): arguments read in capitals, and
        # one that takes many values ends in "..."
        arguments = {(getattr(param, "metavar", None) or param.name or "").upper(): param.nargs == -1
                     for param in self.get_params(ctx) if getattr(param, "param_type_name", "") == "argument"}
        pieces = []
        for piece in super().collect_usage_pieces(ctx):
            bare = _REQUIRED_ARGUMENT_RE.sub(r"\1", piece)
            name = bare.strip("[].").upper()
            if name in arguments:
                optional = bare.startswith("[")
                bare = (f"[{name}]" if optional else name) + ("..." if arguments[name] else "")
            pieces.append(bare)
        return pieces


def _version(value: bool) -> None:
    if value:
        typer.echo(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Danish meeting agendas and minutes as structured data."""


def _fail_line(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False)


def _failure_record(result: "FileResult") -> dict[str, Any]:
    """A JSON Lines record for a file that could not be parsed, so nothing goes missing."""
    from .model import SCHEMA_VERSION
    return {"schema_version": SCHEMA_VERSION, "source": {"path": result.path, "format": None, "sha256": None,
                                                         "pages": None, "part": None, "ocr_pages": []},
            "meeting": None, "items": [], "warnings": [], "error": result.error}


@dataclass
class _Tally:
    """Running totals of a batch for the progress bar and the summary line (no documents are kept)."""

    files: int = 0
    skipped: int = 0
    not_read: int = 0
    failed: int = 0
    items: int = 0
    amounts: int = 0
    warnings: int = 0
    pages: int = 0

    def add(self, result: "FileResult") -> None:
        self.files += 1
        self.skipped += result.skipped
        self.not_read += result.not_read is not None
        self.failed += not result.ok
        self.items += result.counts.items
        self.amounts += result.counts.amounts
        self.warnings += result.counts.warnings
        self.pages += result.counts.pages

    def summary(self, seconds: float) -> str:
        rate = f", {self.pages / seconds:.0f} pages/s" if self.pages and seconds > 0 else ""
        return (f"{self.files} files ({self.skipped} unchanged, {self.not_read} skipped, {self.failed} failed), "
                f"{self.items} items, "
                f"{self.amounts} amounts, {self.warnings} warnings in {seconds:.1f} s{rate}")


# A size for --max-size: "200MB", "1.5 GB", "500k", "0" (no limit) or plain bytes.
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.I)
_SIZE_UNITS = {"": 1, "k": 1_000, "m": MB, "g": 1_000 * MB}


def _parse_size(text: str | None) -> int | None:
    """Bytes of a --max-size value, or None when it was not given (the defaults per format apply)."""
    if text is None:
        return None
    match = _SIZE_RE.match(text)
    if not match:
        raise typer.BadParameter(f"{text!r} is not a size (e.g. 200MB, 1GB, 0 for no limit)",
                                 param_hint="--max-size")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])


MAX_SIZE_HELP = (f"Refuse inputs larger than this (e.g. 50MB, 1GB; 0: no limit). Default: "
                 f"{MAX_BYTES_BY_FORMAT['pdf'] // MB} MB of PDF, {MAX_BYTES_BY_FORMAT['text'] // MB} MB of text, "
                 f"{MAX_BYTES_BY_FORMAT['html'] // MB} MB of HTML (a parse holds 18-30 times its text).")


def _usage_error(message: str) -> typer.Exit:
    """A one-line usage error (exit 2)."""
    _fail_line(message)
    return typer.Exit(2)


def _single_input(paths: list[str], recursive: bool) -> bool:
    """True when the JSON top level is one object: one path that names one file (or -), no folder, glob or -r."""
    if len(paths) != 1 or recursive:
        return False
    path = paths[0]
    if path == STDIN:
        return True
    return not Path(path).is_dir() and (os.path.lexists(path) or not glob.has_magic(path))


EXTRACT_HELP = """Extract every item of each document as JSON, JSON Lines, CSV, Parquet or Excel.

PATH may be files, directories (with -r), globs ("minutes/*.pdf") or - for
standard input. A file that cannot be parsed is named on stderr with the
reason and the batch goes on; the exit code is 1 if any file failed.

JSON is one object for one input path (a file or -) and a list for several
paths, a folder, a glob or -r, whatever failed: `[]` when nothing parsed.
CSV always has its header row. -o FILE is replaced atomically at the end
(a device such as /dev/null, or -, is written to as a stream). Parquet and
Excel need -o FILE; with Parquet, -o FOLDER/ (ending in /) writes the table
in part files as the run goes, for runs too large for one file. Under -r
every file is read or named as skipped, with its reason. With --excel, a
cell that begins with = + - @ gets a leading apostrophe so Excel does not run it.
Scans (PDF pages without a text layer, TIFF, PNG and JPEG images) are read by
OCR (--ocr auto, the default); --ocr never leaves them unread.

Examples:

  minutes extract referat.pdf

  minutes extract dagsorden.html --format csv --table amounts -o beloeb.csv

  minutes extract -r arkiv/ --format jsonl -o alle.jsonl --workers 4

  minutes extract -r arkiv/ --output-dir json/ --skip-unchanged

  minutes extract -r arkiv/ -f jsonl -o alle.jsonl --executor dask --timeout 60

  minutes extract -r arkiv/ --format parquet --table amounts -o beloeb/

  minutes extract skanning.tif --ocr-dpi 300

  cat referat.txt | minutes extract - --format csv --excel
"""


# Batch options shared by `extract` and `index`.
WorkersOption = Annotated[
    int | None, typer.Option("--workers", "-j", min=1, help="Worker processes (default: number of cores).")]
TimeoutOption = Annotated[
    float | None, typer.Option("--timeout", min=0.1, help="Give up on a file after this many seconds.")]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")]
ExecutorOption = Annotated[Executor, typer.Option(
    "--executor", help="Where files are parsed: local worker processes, or a Dask cluster (minutes[dask]).")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="With --executor dask: a running Dask scheduler (tcp://HOST:PORT) instead of a local cluster.")]


@app.command(cls=_Command, help=EXTRACT_HELP)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.",
                                               metavar="PATH")],
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Output format."),
    ] = Format["json"],
    table: Annotated[
        TableName,
        typer.Option("--table", "-t", help="CSV or Parquet table: one row per item, amount or attachment."),
    ] = TableName["items"],
    output: Annotated[
        str | None,  # text, not Path: a trailing / (a Parquet dataset folder) must survive
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write to FILE (atomically) instead of stdout; with --format parquet, FOLDER/ "
                          "(ending in /) writes a dataset of part files."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", help="Write one JSON per input into DIR, mirroring the input tree."),
    ] = None,
    recursive: Annotated[
        bool,
        typer.Option("--recursive", "-r", help="Read the documents in directories, recursively."),
    ] = False,
    workers: WorkersOption = None,
    timeout: TimeoutOption = None,
    fail_fast: FailFastOption = False,
    skip_unchanged: Annotated[
        bool,
        typer.Option("--skip-unchanged", help="With --output-dir: skip inputs whose output came from the same bytes."),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for Danish Excel: semicolons and decimal commas."),
    ] = False,
    bom: Annotated[
        bool | None,
        typer.Option("--bom/--no-bom", help="UTF-8 BOM on CSV (default: on for files, off on stdout)."),
    ] = None,
    max_size: Annotated[str | None, typer.Option("--max-size", metavar="SIZE", help=MAX_SIZE_HELP)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, summary or skip lines.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for failures.")] = False,
    ocr: OcrOption = OcrMode["auto"],
    ocr_lang: OcrLangOption = "dan",
    ocr_dpi: OcrDpiOption = None,
    executor: ExecutorOption = Executor["local"],
    scheduler: SchedulerOption = None,
) -> None:
    fmt_name, table_name = fmt.value, table.value
    limit = _parse_size(max_size)
    dataset = _names_a_folder(output)
    output_path = Path(output) if output is not None else None
    _check_extract_options(fmt_name, table_name, output_path, output_dir, excel, bom, dataset)
    on_dask = _check_executor(executor.value, scheduler)
    single = fmt_name == "json" and output_dir is None and _single_input(paths, recursive)
    read_options = ReadOptions(ocr=ocr.value, ocr_lang=ocr_lang, ocr_dpi=ocr_dpi)
    run = _ExtractRun(paths, fmt_name, table_name, output_path, output_dir, recursive, workers, timeout, fail_fast,
                      skip_unchanged, excel, bom, limit, quiet, debug, single, read_options, on_dask, scheduler,
                      dataset)
    try:
        _run_extract(run)
    except (OutputNotWritable, SchedulerUnreachable) as error:  # raised before any input is read
        raise _usage_error(str(error)) from None


def _check_executor(executor: str, scheduler: str | None) -> bool:
    """True for a run on Dask (`extract` and `index`); usage errors for --scheduler without it, or a missing
    extra."""
    if scheduler is not None and executor != "dask":
        raise _usage_error("--scheduler needs --executor dask")
    if executor != "dask":
        return False
    from importlib.util import find_spec
    if find_spec("distributed") is None:
        raise _usage_error("--executor dask needs dask.distributed: pip install 'minutes[dask]'")
    return True


def _names_a_folder(output: str | None) -> bool:
    """True when -o ends in a path separator ("parts/"): a Parquet dataset folder rather than a file."""
    return output is not None and output != STDIN and output.endswith(("/", os.sep))


def _check_extract_options(fmt_name: str, table_name: str, output: Path | None, output_dir: Path | None,
                           excel: bool, bom: bool | None, dataset: bool = False) -> None:
    """Options that would be silently ignored are usage errors."""
    if output is not None and output_dir is not None:
        raise _usage_error("-o/--output and --output-dir exclude each other (--output-dir writes one JSON per input)")
    if output_dir is not None and fmt_name != "json":
        raise _usage_error("--output-dir writes JSON; --format applies to -o or standard output"
                           + (" (-o FOLDER/ writes a Parquet dataset folder)" if fmt_name == "parquet" else ""))
    if dataset and fmt_name != "parquet":
        raise _usage_error(f"-o {output}{os.sep}: a name ending in / is a Parquet dataset folder: "
                           "add --format parquet, or give a file name")
    if fmt_name in FILE_FORMATS and (output is None or str(output) == STDIN):
        raise _usage_error(f"--format {fmt_name} writes a file, not standard output: give -o FILE")
    if fmt_name not in ("csv", "parquet") and table_name != "items":
        hint = "the workbook has a sheet per table" if fmt_name == "xlsx" else "add --format csv or parquet"
        raise _usage_error(f"--table applies to CSV and Parquet only ({hint})")
    if fmt_name != "csv":
        for given, flag in ((excel, "--excel"), (bom is not None, "--bom/--no-bom")):
            if given:
                raise _usage_error(f"{flag} applies to CSV only: add --format csv")
    if fmt_name in FILE_FORMATS:
        _need_extra(fmt_name)


# The library each file format needs (import name, pip extra).
_FORMAT_LIBRARIES = {"parquet": ("pyarrow", "parquet"), "xlsx": ("xlsxwriter", "xlsx")}


def _need_extra(fmt_name: str) -> None:
    """Exit with a one-line hint when the library of --format parquet or xlsx is not installed."""
    module, extra = _FORMAT_LIBRARIES[fmt_name]
    from importlib.util import find_spec
    if find_spec(module) is None:
        raise _usage_error(f"--format {fmt_name} needs {module}: pip install 'minutes[{extra}]'")


@dataclass(frozen=True)
class _ExtractRun:
    """The options of one `minutes extract` run, after the usage checks."""

    paths: list[str]
    fmt: str
    table: str
    output: Path | None
    output_dir: Path | None
    recursive: bool
    workers: int | None
    timeout: float | None
    fail_fast: bool
    skip_unchanged: bool
    excel: bool
    bom: bool | None
    max_size: int | None  # bytes; None: the defaults per format
    quiet: bool
    debug: bool
    single: bool  # JSON: one object, not a list
    read_options: ReadOptions  # how to read scans (--ocr, --ocr-lang, --ocr-dpi)
    on_dask: bool = False  # --executor dask
    scheduler: str | None = None  # --scheduler: a running Dask scheduler, else a local cluster
    dataset: bool = False  # -o FOLDER/ with --format parquet: part files in a folder


def _run_extract(run: _ExtractRun) -> None:
    """Read every input, write the output, report; exits with the run's code."""
    from . import batch
    from .export import CsvOptions, OutputStream, Renderer
    from .pipeline import read_stream
    if run.skip_unchanged and run.output_dir is None:
        raise typer.BadParameter("--skip-unchanged needs --output-dir", param_hint="--skip-unchanged")
    exclude = [p for p in (run.output, run.output_dir) if p is not None]
    try:
        inputs = batch.expand_inputs(run.paths, run.recursive, exclude=exclude,
                               stdin=lambda: read_stream(sys.stdin.buffer, STDIN, run.max_size))
    except MinutesError as error:  # standard input past the size limit
        _fail_line(str(error))
        raise typer.Exit(1) from None
    if not inputs:
        _fail_line("no input files matched")
        raise typer.Exit(1)
    if run.dataset and run.output is not None:
        # its parts are new files (a folder holding Parquet files is refused), so no input is overwritten; but
        # a folder given as an input would mix them with the documents (a folder below one is left out of -r)
        folder = os.path.realpath(run.output)
        if any(os.path.realpath(path) == folder for path in run.paths if path != STDIN):
            raise _usage_error(f"{run.output}{os.sep}: -o names an input folder; its parts would lie among the "
                               "documents: name another folder")
    elif run.output is not None and str(run.output) != STDIN and os.path.exists(run.output):
        target_file = os.path.realpath(run.output)
        if any(i.path != STDIN and os.path.realpath(i.path) == target_file for i in inputs):
            raise _usage_error(f"{run.output}: -o names one of the inputs; it would be overwritten")
    started = time.perf_counter()
    tally = _Tally()
    options = CsvOptions(table=run.table, excel=run.excel)
    # workers render each document (output-dir files are pretty JSON), so only text comes back
    renderer = Renderer("json" if run.output_dir is not None else run.fmt, options)
    to_file = run.output is not None and str(run.output) != STDIN
    use_bom = run.fmt == "csv" and (run.bom if run.bom is not None else to_file)
    show_progress = len(inputs) > 1 and not run.quiet and err.is_terminal
    columns = _progress_columns() if show_progress else None
    target = None if run.output_dir is not None else run.output
    try:
        with _progress(columns, console=err, disable=not show_progress, transient=True) as progress, \
                _open_target(run, target) as (out, table_file), _results(run, inputs, renderer) as results:
            stream: OutputStream | TableFile | None = table_file or (
                OutputStream(out.handle, run.fmt, options, bom=use_bom, single=run.single)
                if out is not None and run.output_dir is None else None)
            task = progress.add_task("extracting", total=len(inputs), stats="")
            for result in results:
                tally.add(result)
                if result.error:
                    _fail_line(result.error)
                    if run.debug and result.path != STDIN:
                        _debug_traceback(result.path, run.max_size, run.read_options)
                    if stream is not None:
                        stream.failure(_failure_record(result))
                elif result.not_read is not None:
                    if not run.quiet:
                        err.print(f"skipped: {escape(result.path)}: {escape(result.not_read)}", highlight=False)
                elif result.parts and run.output_dir is not None:
                    _write_one(run.output_dir, renderer.whole(result.parts), result, tally)
                elif result.parts and stream is not None:
                    if len(result.parts) > 1:
                        stream.single = False  # one file holding several meetings gives a list of them
                    for part in result.parts:
                        stream.document(part)
                progress.update(task, advance=1, stats=f"{tally.items} items, {tally.failed} failed")
            if stream is not None and run.single and not stream.documents and out is not None:
                out.discard()  # one input asked for, none parsed: no object to write, the target stays
            elif stream is not None:
                stream.close()
    except KeyboardInterrupt:
        _fail_line(f"interrupted: {tally.files} of {len(inputs)} files done; "
                   + _interrupted_output(run.output, run.output_dir, tally, run.dataset))
        raise typer.Exit(130) from None
    if not run.quiet and (len(inputs) > 1 or err.is_terminal):
        err.print(tally.summary(time.perf_counter() - started))
    raise typer.Exit(1 if tally.failed else 0)


@contextmanager
def _open_target(run: _ExtractRun, target: Path | None) -> "Iterator[tuple[Output | None, TableFile | None]]":
    """Where the run writes: a text output (standard output or -o), or a Parquet or Excel file."""
    from .export import open_table_file
    from .outputs import open_output
    if run.fmt in FILE_FORMATS and target is not None:
        with open_table_file(run.fmt, target, run.table, folder=run.dataset) as table_file:
            yield None, table_file
        return
    with open_output(target) as out:
        yield out, None


@contextmanager
def _results(run: _ExtractRun, inputs: list[Any], renderer: Any) -> "Iterator[Iterator[FileResult]]":
    """The run's results in input order: from local worker processes, or from a Dask cluster (kept open
    while they are read)."""
    from . import batch

    workers = run.workers or batch.default_workers()
    unchanged_in = run.output_dir if run.skip_unchanged else None
    with _dask_client(run.on_dask, run.scheduler, workers) as client:
        yield batch.run_batch(inputs, workers, run.timeout, run.fail_fast, unchanged_in, render=renderer,
                              max_size=run.max_size, options=run.read_options, client=client)


@contextmanager
def _dask_client(on_dask: bool, scheduler: str | None, workers: int) -> "Iterator[Any]":
    """For --executor dask (`extract` and `index`): a client of the scheduler at --scheduler, or of a local
    cluster of `workers` processes, open while the results are read; else None (local workers)."""
    if not on_dask:
        yield None
        return
    from .cluster import dask_client
    with dask_client(scheduler, workers) as client:
        yield client


def _progress_columns() -> tuple[Any, ...]:
    """The columns of a batch's progress bar: what, bar, done of all, items and failures, time left."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[stats]}"),
            TimeRemainingColumn())


class _NoProgress:
    """A progress bar that shows nothing, for runs that show none (one file, -q, stderr not a terminal):
    rich.progress takes some 20 ms to import."""

    def __enter__(self) -> "_NoProgress":
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def add_task(self, *_args: Any, **_fields: Any) -> int:
        return 0

    def update(self, *_args: Any, **_fields: Any) -> None:
        return None


def _progress(columns: tuple[Any, ...] | None, disable: bool = False, **options: Any) -> Any:
    """rich's `Progress` over `columns`, or, when `disable` is set, one that shows nothing without loading rich."""
    if disable or columns is None:
        return _NoProgress()
    from rich.progress import Progress
    return Progress(*columns, **options)


def _write_one(output_dir: Path, text: str, result: "FileResult", tally: _Tally) -> None:
    """One --output-dir file (`text`, the input's whole output); a file that cannot be written fails its input,
    not the batch."""
    from . import batch
    try:
        batch.write_output(output_dir, result.relative, text)
    except (MinutesError, OSError) as error:
        _fail_line(f"{result.path}: its output cannot be written ({getattr(error, 'reason', None) or error})")
        tally.failed += 1


def _interrupted_output(output: Path | None, output_dir: Path | None, tally: _Tally, dataset: bool = False) -> str:
    """What an interrupted run left behind, for its one line."""
    if output_dir is not None:
        return f"the outputs of the files done are kept in {output_dir}"
    if dataset and output is not None:
        return f"the complete parts are kept in {output}{os.sep} (the part being written was removed)"
    if output is not None and str(output) != STDIN:
        return f"nothing written to {output}"
    return "the output on standard output is incomplete"


def _traceback() -> str:
    """The traceback of the exception being handled (for --debug)."""
    import traceback
    return traceback.format_exc()


def _debug_traceback(path: str, limit: int | None = None, options: ReadOptions | None = None) -> None:
    """Re-run a failed file in this process to show where it failed."""
    from .pipeline import extract_file
    try:
        extract_file(path, limit, options)
    except Exception:  # noqa: BLE001 - showing the traceback is the point
        err.print(_traceback(), markup=False, highlight=False)


SHOW_HELP = """Show the parse of one document for a person: the meeting, a table of its items, and each item's details.

Examples:

  minutes show referat.pdf

  minutes show dagsorden.html --item 3
"""


@app.command(cls=_Command, help=SHOW_HELP)
def show(
    path: Annotated[str, typer.Argument(help="A PDF, HTML, text, Word or XML-export file, a scanned image (TIFF, "
                                             "PNG, JPEG), or - for stdin.", metavar="PATH")],
    item: Annotated[str | None, typer.Option("--item", "-i", help="Show only the item with this number.")] = None,
    max_size: Annotated[str | None, typer.Option("--max-size", metavar="SIZE", help=MAX_SIZE_HELP)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of a failure.")] = False,
    ocr: OcrOption = OcrMode["auto"],
    ocr_lang: OcrLangOption = "dan",
    ocr_dpi: OcrDpiOption = None,
) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    from . import batch
    from .pipeline import extract_bytes, extract_file, read_stream

    limit = _parse_size(max_size)
    # one document: its OCR pages are read in parallel, one Tesseract thread per core
    options = ReadOptions(ocr=ocr.value, ocr_lang=ocr_lang, ocr_dpi=ocr_dpi, ocr_workers=batch.default_workers())
    if path != STDIN and Path(path).is_dir():
        raise _usage_error(f"{path}: is a directory; show reads one file (minutes extract -r {path} reads a folder)")
    try:
        doc = (extract_bytes(read_stream(sys.stdin.buffer, STDIN, limit), STDIN, max_size=limit, options=options)
               if path == STDIN else extract_file(path, limit, options))
    except MinutesError as error:
        _fail_line(str(error))
        if debug:
            err.print(_traceback(), markup=False)
        raise typer.Exit(1) from None
    selected = [i for i in doc.items if item is None or i.number == item]
    if item is not None and not selected:
        numbers = ", ".join(i.number for i in doc.items if i.number) or "none"
        _fail_line(f"{doc.source.path}: no item numbered {item} (item numbers: {numbers})")
        raise typer.Exit(1)
    out = Console(highlight=False, soft_wrap=False)
    m = doc.meeting
    facts = [("Municipality", m.municipality), ("Committee", m.committee), ("Kind", m.kind), ("Date", m.date),
             ("Time", m.start_time), ("Location", m.location),
             ("Participants", ", ".join(m.participants) or None), ("Absent", ", ".join(m.absent) or None),
             ("Source", f"{doc.source.path} ({doc.source.format}, {doc.source.pages or '-'} pages)")]
    out.print(Panel("\n".join(f"[bold]{k}:[/] {escape(str(v))}" for k, v in facts if v), title="Meeting", expand=False))
    grid = Table(title=f"{len(doc.items)} items", show_lines=False)
    # amounts are counted, not summed: an item repeats an amount and gives both ends of a range
    for column in ("No.", "Title", "Case no.", "Decision", "Amounts", "Pages"):
        grid.add_column(column, overflow="fold")
    for it in selected:
        grid.add_row(
            escape(it.number or "-"),
            escape(("(lukket) " if it.closed else "") + it.title),
            escape(", ".join(it.case_numbers) or "-"),
            it.decision.outcome if it.decision else "-",
            str(len(it.amounts)) if it.amounts else "-",
            f"{it.pages[0]}-{it.pages[1]}" if it.pages else "-",
        )
    out.print(grid)
    for it in selected:
        lines = []
        if it.case_officer:
            lines.append(f"[bold]Sagsbehandler:[/] {escape(it.case_officer)}")
        if it.recommendation:
            lines.append(f"[bold]Indstilling[/] ({escape(it.recommendation.by or 'uden afsender')}):")
            lines += [f"  • {escape(p)}" for p in it.recommendation.points] or [f"  {escape(it.recommendation.text)}"]
        if it.decision:
            lines.append(f"[bold]Beslutning[/] ({it.decision.outcome}): {escape(it.decision.text)}")
        if it.attachments:
            lines.append("[bold]Bilag:[/] " + escape("; ".join(a.title for a in it.attachments)))
        for a in it.amounts:
            lines.append(f"[bold]Beløb:[/] {escape(a.text)} = " + f"{a.value:,.0f} kr.".replace(",", "."))
        out.print(Panel("\n".join(lines) or "(no recommendation, decision, attachments or amounts)",
                        title=escape(f"{it.number or '-'}. {it.title}"), expand=True))
    for warning in doc.warnings:
        err.print(f"warning: {warning.code}: {escape(warning.message)}")


EVALUATE_HELP = """Score extraction against gold annotations: precision, recall and F1 per field and per document.

GOLD is a gold file or a directory of them (format: README, "Gold annotations").
Each gold's "source" is resolved against --root (default: the gold directory's
parent, or the first ancestor under which the sources exist). A source that
is not there is an error (exit 1), so a wrong --root cannot score 0.000 in
silence; --allow-missing scores such documents as not extracted instead. The
overall field F1 is the mean of the per-field F1 values.

With --pins FILE the figures are checked against the minimums pinned for this
gold set (named after the gold directory) and the exit code is 1 on a drop.
--update-pins raises the pins to the figures reached; a pin goes down only with
--allow-lower REASON, which records the reason in the file.

Examples:

  minutes evaluate gold/ --root arkiv/

  minutes evaluate gold/ --root arkiv/ --explain

  minutes evaluate gold/ --root arkiv/ --json > scores.json

  minutes evaluate gold/ --root arkiv/ --pins accuracy_pins.json --pin-set arkiv

  minutes evaluate gold/ --root arkiv/ --pins accuracy_pins.json --update-pins
"""


@app.command(cls=_Command, help=EVALUATE_HELP)
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold JSON file or a directory of them.")],
    root: Annotated[Path | None, typer.Option("--root", help="Where the gold files' source paths start.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="List every miss: document, item, field, expected, found."),
    ] = False,
    pins: Annotated[
        Path | None,
        typer.Option("--pins", help="Check the figures against the minimums pinned in FILE."),
    ] = None,
    update: Annotated[
        bool,
        typer.Option("--update-pins", help="Raise the pins in --pins FILE to the figures reached."),
    ] = False,
    allow_lower: Annotated[
        str | None,
        typer.Option("--allow-lower", metavar="REASON",
                     help="With --update-pins: also lower pins, recording REASON (repeat it in the commit)."),
    ] = None,
    pin_set: Annotated[
        str | None,
        typer.Option("--pin-set", help="Which pinned set to check (default: the gold directory's name)."),
    ] = None,
    allow_missing: Annotated[
        bool,
        typer.Option("--allow-missing", help="Score a gold whose source is not found as not extracted (F1 0)."),
    ] = False,
) -> None:
    from . import evaluation

    if not gold.exists():
        _fail_line(f"{gold}: no such file or directory")
        raise typer.Exit(2)
    if root is not None and not root.is_dir():
        raise _usage_error(f"{root}: --root is not a folder")
    from .export import document_to_dict
    from .outputs import write_atomic
    from .pipeline import extract_file

    missing: list[str] = []

    def extract_source(path: Path) -> dict[str, Any]:
        if not path.exists():
            missing.append(str(path))
        return document_to_dict(extract_file(path))

    try:
        report = evaluation.evaluate(gold, root, extract_source)
    except MinutesError as error:
        _fail_line(str(error))
        raise typer.Exit(1) from None
    if missing and not allow_missing:
        for path in missing[:MAX_MISSING_SHOWN]:
            _fail_line(f"{path}: the gold's source document is not there")
        _fail_line(f"{len(missing)} of {len(report.documents)} gold sources not found "
                   f"(check --root{'' if root is None else ' ' + str(root)}; --allow-missing scores them as 0)")
        raise typer.Exit(1)
    failures: list[str] = []
    set_name = pin_set or evaluation.gold_set_name(gold)
    if (update or allow_lower) and pins is None:
        _fail_line("--update-pins and --allow-lower need --pins FILE")
        raise typer.Exit(2)
    if pins is not None and update:
        current = json.loads(pins.read_text(encoding="utf-8")) if pins.exists() else {}
        result = evaluation.update_pins(current, set_name, report, allow_lower)
        write_atomic(pins, json.dumps(result.data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        err.print(f"pins for {set_name}: raised {', '.join(result.raised) or 'none'}; "
                  f"lowered {', '.join(result.lowered) or 'none'}")
    if pins is not None:
        pinned = evaluation.load_pins(pins).get(set_name, {})
        failures = evaluation.check_pins(report, pinned)
    if as_json:
        typer.echo(json.dumps(evaluation.report_to_dict(report), ensure_ascii=False, indent=2))
    else:
        _print_report(report, explain)
    for failure in failures:
        _fail_line(f"accuracy below its pin: {failure}")
    raise typer.Exit(1 if failures else 0)


# A wrong --root misses every source: name the first few, count the rest.
MAX_MISSING_SHOWN = 5


def _print_report(report: Any, explain: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console(highlight=False)
    fields = Table(title="Per field")
    for column in ("field", "P", "R", "F1", "tp/fp/fn"):
        fields.add_column(column, justify="left" if column == "field" else "right")
    for f in report.fields:
        fields.add_row(f.field, f"{f.precision:.3f}", f"{f.recall:.3f}", f"{f.f1:.3f}", f"{f.tp}/{f.fp}/{f.fn}")
    out.print(fields)
    docs = Table(title="Per document")
    docs.add_column("document")
    docs.add_column("F1", justify="right")
    docs.add_column("note")
    for d in report.documents:
        docs.add_row(escape(d.document), f"{d.f1:.3f}", escape(d.error or ("no output" if d.missing else "")))
    out.print(docs)
    if explain:
        misses = Table(title=f"{len(report.misses)} misses", show_lines=True)
        for column in ("document", "item", "field", "expected", "found"):
            misses.add_column(column, overflow="fold")
        for m in report.misses:
            misses.add_row(escape(m.document), escape(m.item or "(meeting)"), m.field,
                           escape("" if m.expected is None else str(m.expected)),
                           escape("" if m.found is None else str(m.found)))
        out.print(misses)
    micro = report.micro
    out.print(f"overall field F1 {report.overall_f1:.3f} (mean of per-field F1; micro P {micro.precision:.3f} "
              f"R {micro.recall:.3f} F1 {micro.f1:.3f}) over {len(report.documents)} documents")


SCHEMA_HELP = """Print the JSON Schema of the documents `minutes extract --format json` writes.

It ships with the package (minutes_cli/schema/document.schema.json); validate
outputs with any JSON Schema tool.

Examples:

  minutes schema > document.schema.json

  minutes schema | jq '.properties | keys'
"""


@app.command(cls=_Command, help=SCHEMA_HELP)
def schema() -> None:
    from importlib.resources import files

    typer.echo((files("minutes_cli") / "schema" / "document.schema.json").read_text(encoding="utf-8"), nl=False)


# The garbage collector's thresholds for a `minutes` process: a young generation of 100,000 objects
# instead of 700. Reading a document makes tens of thousands of short-lived objects that reference
# counting frees; the default made some 30 collections of them during a one-page PDF's run (4 % of a
# one-file process). Cyclic garbage still goes, a few MB of it at most at a time.
GC_THRESHOLDS = (100_000, 50, 100)


def main() -> None:
    """Entry point of the console script."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        app()
    finally:
        # The interpreter's last garbage collection at exit walks every object the run made (~30,000
        # after a one-page extract): about a third of the exit time, paid again by each process of a
        # shell loop over many files. Frozen objects are left out of it; nothing is left unflushed
        # or unclosed by this (files, atexit handlers and finalizers run as usual).
        gc.freeze()


# --- the archive: minutes index and minutes search (issue #14) -----------------------------------------------
# Kept together at the end, with their imports inside the functions, so that they stay apart from the
# extraction commands above.

INDEX_HELP = """Index documents into a searchable SQLite archive (default minutes.db).

Every item becomes a row of the items table (with its amounts, attachments and
sections) under a full-text index; any SQLite tool reads the tables, and
`datasette minutes.db` offers search and facets. Indexing is incremental: a file
whose bytes are already indexed is skipped, a changed file replaces its rows,
--prune removes files that are gone. Each file is one transaction, so an
interrupted run leaves the archive consistent; run it again to go on. A file
that cannot be parsed is named on stderr and recorded in the failures table;
the exit code is then 1.

Examples:

  minutes index arkiv/

  minutes index referater/*.pdf --db byraad.db --workers 2

  minutes index /mnt/arkiv --executor dask --scheduler tcp://HOST:8786

  minutes index arkiv/ --prune --datasette-metadata metadata.json

  datasette minutes.db -m metadata.json
"""


def _need_archive(command: str) -> None:
    """Exit with a one-line hint when the archive extra (sqlite-utils, PyStemmer) is not installed."""
    try:
        import sqlite_utils  # noqa: F401
        import Stemmer  # noqa: F401
    except ImportError as error:
        _fail_line(f"minutes {command} needs the archive extra ({error.name} is missing): "
                   "pip install 'minutes[archive]'")
        raise typer.Exit(2) from None


@app.command("index", cls=_Command, help=INDEX_HELP)
def index_command(
    paths: Annotated[list[str] | None, typer.Argument(metavar="PATH", help="Files, directories or globs.")] = None,
    db_path: Annotated[Path, typer.Option("--db", help="The archive database.")] = Path("minutes.db"),
    recursive: Annotated[
        bool,
        typer.Option("--recursive/--no-recursive", "-r", help="Read the documents in directories, recursively."),
    ] = True,
    workers: WorkersOption = None,
    timeout: TimeoutOption = None,
    fail_fast: FailFastOption = False,
    prune: Annotated[bool, typer.Option("--prune", help="Remove documents whose file is gone.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Parse every file again, changed or not.")] = False,
    metadata: Annotated[
        Path | None,
        typer.Option("--datasette-metadata", help="Write Datasette metadata (facets, search, labels) to FILE."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    executor: ExecutorOption = Executor["local"],
    scheduler: SchedulerOption = None,
) -> None:
    _need_archive("index")
    on_dask = _check_executor(executor.value, scheduler)
    from . import batch
    from .archive.datasette import datasette_metadata
    from .archive.index import index_inputs
    from .archive.index import prune as prune_archive
    from .archive.schema import connect
    from .outputs import write_atomic

    paths = paths or []
    if STDIN in paths:
        raise typer.BadParameter("the archive indexes files; save standard input to a file first", param_hint="PATH")
    if not paths and not prune and metadata is None:
        raise typer.BadParameter("give files to index, --prune or --datasette-metadata", param_hint="PATH")
    inputs = batch.expand_inputs(paths, recursive)
    if paths and not inputs:
        _fail_line("no input files matched")
        raise typer.Exit(1)
    try:
        db = connect(str(db_path))
    except MinutesError as error:
        _fail_line(str(error))
        raise typer.Exit(1) from None
    started = time.perf_counter()
    counts = {"indexed": 0, "unchanged": 0, "failed": 0, "skipped": 0}
    items = amounts = 0
    show_progress = not quiet and err.is_terminal and len(inputs) > 1
    columns = _progress_columns() if show_progress else None
    workers = workers or batch.default_workers()
    try:
        with _progress(columns, console=err, disable=not show_progress, transient=True) as progress, \
                _dask_client(on_dask and bool(inputs), scheduler, workers) as client:
            task = progress.add_task("indexing", total=len(inputs), stats="")
            for result in index_inputs(db, inputs, workers, timeout, fail_fast, force, client):
                counts[result.status] += 1
                items += result.items
                amounts += result.amounts
                if result.status == "failed":
                    _fail_line(result.error or result.path)
                progress.update(task, advance=1, stats=f"{items} items, {counts['failed']} failed")
        pruned = prune_archive(db) if prune else []
    except SchedulerUnreachable as error:  # raised before any file is parsed
        raise _usage_error(str(error)) from None
    except KeyboardInterrupt:
        _fail_line(f"interrupted after {counts['indexed']} files; {db_path} holds every file indexed so far "
                   "(run the same command again to go on)")
        raise typer.Exit(130) from None
    finally:
        db.close()
    if metadata is not None:
        write_atomic(metadata, json.dumps(datasette_metadata(db_path), ensure_ascii=False, indent=2) + "\n")
    if not quiet:
        seconds = time.perf_counter() - started
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        err.print(f"{len(inputs)} files ({counts['indexed']} indexed, {counts['unchanged']} unchanged{skipped}, "
                  f"{counts['failed']} failed, {len(pruned)} pruned), {items} items, {amounts} amounts "
                  f"in {seconds:.1f} s into {db_path}")
    raise typer.Exit(1 if counts["failed"] else 0)


SEARCH_HELP = """Search the archive for agenda items.

Query syntax: words (all must match; a word is found by its stem, inside
compounds and in both spellings of å/aa), "a phrase" (as written), OR between
alternatives, -word or -"phrase" to exclude. Put -- before a query that starts
with an exclusion (options go before the --), or quote the whole query.

Examples:

  minutes search anlægsbevilling

  minutes search skole --committee "børne" --since 2019 --outcome approved

  minutes search "cykelsti OR fortov" --min-amount 1000000 -f json

  minutes search --limit 5 -- bevilling -skole

  minutes search '"til efterretning" budget' -f csv > hits.csv
"""

SearchFormat = Enum("SearchFormat", {name: name for name in ("table", "json", "jsonl", "csv")}, type=str)  # type: ignore[misc]
OutcomeChoice = Enum("OutcomeChoice", {name: name for name in  # type: ignore[misc]
                                       ("approved", "recommended", "noted", "rejected", "postponed", "other")},
                     type=str)


@app.command("search", cls=_Command, help=SEARCH_HELP)
def search_command(
    query: Annotated[list[str], typer.Argument(help="Words, \"phrases\", OR, -exclusions.")],
    db_path: Annotated[Path, typer.Option("--db", help="The archive database.")] = Path("minutes.db"),
    municipality: Annotated[str | None, typer.Option(help="Part of the municipality's name.")] = None,
    committee: Annotated[str | None, typer.Option(help="Part of the committee's name.")] = None,
    since: Annotated[str | None, typer.Option(help="Meetings on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).")]
    = None,
    until: Annotated[str | None, typer.Option(help="Meetings on or before this date (a year: to its end).")] = None,
    outcome: Annotated[OutcomeChoice | None, typer.Option(help="Decision outcome.")] = None,
    min_amount: Annotated[float | None, typer.Option(help="Items naming an amount of at least this many kroner.")]
    = None,
    closed: Annotated[bool | None, typer.Option("--closed/--open", help="Closed items only, or open only.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    fmt: Annotated[SearchFormat, typer.Option("--format", "-f", help="Output format.")] = SearchFormat["table"],
) -> None:
    import csv

    _need_archive("search")
    from .archive.schema import connect
    from .archive.search import HIT_FIELDS, Filters, check_date_filter, hit_to_dict, search

    if not db_path.exists():
        _fail_line(f"{db_path}: no such archive (make one with: minutes index FILES --db {db_path})")
        raise typer.Exit(2)
    try:
        for name, value in (("--since", since), ("--until", until)):
            check_date_filter(name, value)
        filters = Filters(municipality=municipality, committee=committee, since=since, until=until,
                          outcome=outcome.value if outcome else None, min_amount=min_amount, closed=closed)
        db = connect(str(db_path))
        try:
            hits = search(db, " ".join(query), filters, limit)
        finally:
            db.close()
    except MinutesError as error:
        _fail_line(str(error))
        raise typer.Exit(2) from None
    rows = [hit_to_dict(hit) for hit in hits]
    if fmt.value == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt.value == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt.value == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=HIT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_hits(hits)
    if not hits:
        err.print("no items found")


def _print_hits(hits: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .archive.search import MARK

    out = Console(highlight=False)
    grid = Table(title=f"{len(hits)} items", show_lines=True)
    for column, ratio in (("Date", None), ("Committee", 2), ("Item", 3), ("Outcome", None), ("Snippet", 5)):
        grid.add_column(column, overflow="fold", ratio=ratio)
    for hit in hits:
        # the library marks matches **like this**; show them in bold
        parts = escape(hit.snippet).split(MARK)
        snippet = "".join(f"[bold]{part}[/]" if n % 2 else part for n, part in enumerate(parts))
        grid.add_row(hit.date or "-", escape(hit.committee or "-"),
                     escape(("(lukket) " if hit.closed else "") + f"{hit.number or '-'}. {hit.title}"),
                     hit.outcome or "-", snippet)
    out.print(grid)
