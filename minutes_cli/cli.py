"""The `minutes` command: a thin typer layer over the library.

Only this module imports typer and rich. It turns arguments into library
calls, library errors into one-line messages, and results into output files,
progress bars and tables. Exit codes: 0 all inputs parsed, 1 some failed,
2 usage error.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .batch import (
    STDIN,
    FileResult,
    atomic_text_file,
    default_workers,
    expand_inputs,
    run_batch,
    write_atomic,
    write_output,
)
from .errors import MinutesError
from .export import EXPORTERS, TABLES, CsvOptions, OutputStream, Renderer, document_to_dict
from .pipeline import extract_bytes, extract_file

Format = Enum("Format", {name: name for name in EXPORTERS}, type=str)  # type: ignore[misc]
TableName = Enum("TableName", {name: name for name in TABLES}, type=str)  # type: ignore[misc]

app = typer.Typer(
    help="Turn Danish municipal agendas and minutes (dagsordener, referater) into structured data.\n\n"
    "Reads PDF, HTML and text; writes JSON, JSON Lines or CSV following SCHEMA.md.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


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


def _failure_record(result: FileResult) -> dict[str, Any]:
    """A JSON Lines record for a file that could not be parsed, so nothing goes missing."""
    return {"schema_version": "1.0", "source": {"path": result.path, "format": None, "sha256": None, "pages": None},
            "meeting": None, "items": [], "warnings": [], "error": result.error}


@dataclass
class _Tally:
    """Running totals of a batch for the progress bar and the summary line (no documents are kept)."""

    files: int = 0
    skipped: int = 0
    failed: int = 0
    items: int = 0
    amounts: int = 0
    warnings: int = 0
    pages: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.skipped += result.skipped
        self.failed += not result.ok
        self.items += result.counts.items
        self.amounts += result.counts.amounts
        self.warnings += result.counts.warnings
        self.pages += result.counts.pages

    def summary(self, seconds: float) -> str:
        rate = f", {self.pages / seconds:.0f} pages/s" if self.pages and seconds > 0 else ""
        return (f"{self.files} files ({self.skipped} unchanged, {self.failed} failed), {self.items} items, "
                f"{self.amounts} amounts, {self.warnings} warnings in {seconds:.1f} s{rate}")


@contextmanager
def _output_handle(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or FILE written atomically: complete at the end of the run or not there at all."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_text_file(output) as handle:
        yield handle


EXTRACT_HELP = """Extract every item of each document as JSON, JSON Lines or CSV.

PATH may be files, directories (with -r), globs ("minutes/*.pdf") or - for
standard input. A file that cannot be parsed is named on stderr with the
reason and the batch goes on; the exit code is 1 if any file failed.

Examples:

  minutes extract referat.pdf

  minutes extract dagsorden.html --format csv --table amounts -o beloeb.csv

  minutes extract -r arkiv/ --format jsonl -o alle.jsonl --workers 4

  minutes extract -r arkiv/ --output-dir json/ --skip-unchanged

  cat referat.txt | minutes extract - --format csv --excel
"""


@app.command(help=EXTRACT_HELP)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Output format."),
    ] = Format["json"],
    table: Annotated[
        TableName,
        typer.Option("--table", "-t", help="CSV table: one row per item, amount or attachment."),
    ] = TableName["items"],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", help="Write one JSON per input into DIR, mirroring the input tree."),
    ] = None,
    recursive: Annotated[
        bool,
        typer.Option("--recursive", "-r", help="Read the documents in directories, recursively."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Worker processes (default: number of cores)."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.1, help="Give up on a file after this many seconds."),
    ] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")] = False,
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for failures.")] = False,
) -> None:
    fmt_name, table_name = fmt.value, table.value
    if skip_unchanged and output_dir is None:
        raise typer.BadParameter("--skip-unchanged needs --output-dir", param_hint="--skip-unchanged")
    inputs = expand_inputs(paths, recursive, stdin=lambda: sys.stdin.buffer.read())
    if not inputs:
        _fail_line("no input files matched")
        raise typer.Exit(1)
    started = time.perf_counter()
    tally = _Tally()
    options = CsvOptions(table=table_name, excel=excel)
    # workers render each document (output-dir files are pretty JSON), so only text comes back
    renderer = Renderer("json" if output_dir is not None else fmt_name, options)
    use_bom = fmt_name == "csv" and (bom if bom is not None else output is not None)
    show_progress = not quiet and err.is_terminal and len(inputs) > 1
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[stats]}"), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not show_progress, transient=True) as progress, \
            _output_handle(None if output_dir is not None else output) as handle:
        stream = OutputStream(handle, fmt_name, options, bom=use_bom) if output_dir is None else None
        task = progress.add_task("extracting", total=len(inputs), stats="")
        for result in run_batch(inputs, workers or default_workers(), timeout, fail_fast,
                                output_dir if skip_unchanged else None, render=renderer):
            tally.add(result)
            if result.error:
                _fail_line(result.error)
                if debug and result.path != STDIN:
                    _debug_traceback(result.path)
                if stream is not None:
                    stream.failure(_failure_record(result))
            elif result.rendered is not None and output_dir is not None:
                write_output(output_dir, result.relative, result.rendered)
            elif result.rendered is not None and stream is not None:
                stream.document(result.rendered)
            progress.update(task, advance=1, stats=f"{tally.items} items, {tally.failed} failed")
        if stream is not None:
            stream.close()
    if not quiet and (len(inputs) > 1 or err.is_terminal):
        err.print(tally.summary(time.perf_counter() - started))
    raise typer.Exit(1 if tally.failed else 0)


def _debug_traceback(path: str) -> None:
    """Re-run a failed file in this process to show where it failed."""
    try:
        extract_file(path)
    except Exception:  # noqa: BLE001 - showing the traceback is the point
        err.print(traceback.format_exc(), markup=False, highlight=False)


SHOW_HELP = """Show the parse of one document for a person: the meeting, a table of its items, and each item's details.

Examples:

  minutes show referat.pdf

  minutes show dagsorden.html --item 3
"""


@app.command(help=SHOW_HELP)
def show(
    path: Annotated[str, typer.Argument(help="A PDF, HTML or text file, or - for stdin.")],
    item: Annotated[str | None, typer.Option("--item", "-i", help="Show only the item with this number.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of a failure.")] = False,
) -> None:
    try:
        doc = extract_bytes(sys.stdin.buffer.read(), STDIN) if path == STDIN else extract_file(path)
    except MinutesError as error:
        _fail_line(str(error))
        if debug:
            err.print(traceback.format_exc(), markup=False)
        raise typer.Exit(1) from None
    out = Console(highlight=False, soft_wrap=False)
    m = doc.meeting
    facts = [("Municipality", m.municipality), ("Committee", m.committee), ("Kind", m.kind), ("Date", m.date),
             ("Time", m.start_time), ("Location", m.location),
             ("Participants", ", ".join(m.participants) or None), ("Absent", ", ".join(m.absent) or None),
             ("Source", f"{doc.source.path} ({doc.source.format}, {doc.source.pages or '-'} pages)")]
    out.print(Panel("\n".join(f"[bold]{k}:[/] {escape(str(v))}" for k, v in facts if v), title="Meeting", expand=False))
    grid = Table(title=f"{len(doc.items)} items", show_lines=False)
    for column in ("No.", "Title", "Case no.", "Decision", "Amounts (kr.)", "Pages"):
        grid.add_column(column, overflow="fold")
    selected = [i for i in doc.items if item is None or i.number == item]
    for it in selected:
        total = sum(a.value for a in it.amounts)
        grid.add_row(
            escape(it.number or "-"),
            escape(("(lukket) " if it.closed else "") + it.title),
            escape(", ".join(it.case_numbers) or "-"),
            it.decision.outcome if it.decision else "-",
            f"{total:,.0f}".replace(",", ".") if it.amounts else "-",
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
parent, or the first ancestor under which the sources exist). The overall
field F1 is the mean of the per-field F1 values, exactly as
shared/tools/score.py computes it.

With --pins FILE the figures are checked against the minimums pinned for this
gold set (named after the gold directory) and the exit code is 1 on a drop.
--update-pins raises the pins to the figures reached; a pin goes down only with
--allow-lower REASON, which records the reason in the file.

Examples:

  minutes evaluate ../shared/gold

  minutes evaluate fixtures/gold --root . --explain

  minutes evaluate ../shared/gold/corpus --json > scores.json

  minutes evaluate fixtures/gold --root . --pins accuracy_pins.json --pin-set fixtures

  minutes evaluate ../shared/gold/corpus --pins accuracy_pins.json --update-pins
"""


@app.command(help=EVALUATE_HELP)
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
) -> None:
    from . import evaluation

    if not gold.exists():
        _fail_line(f"{gold}: no such file or directory")
        raise typer.Exit(2)
    try:
        report = evaluation.evaluate(gold, root, lambda path: document_to_dict(extract_file(path)))
    except MinutesError as error:
        _fail_line(str(error))
        raise typer.Exit(1) from None
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


def _print_report(report: Any, explain: bool) -> None:
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


def main() -> None:
    """Entry point of the console script."""
    app()


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


@app.command("index", help=INDEX_HELP)
def index_command(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories or globs.")] = None,
    db_path: Annotated[Path, typer.Option("--db", help="The archive database.")] = Path("minutes.db"),
    recursive: Annotated[
        bool,
        typer.Option("--recursive/--no-recursive", "-r", help="Read the documents in directories, recursively."),
    ] = True,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Worker processes (default: number of cores)."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.1, help="Give up on a file after this many seconds."),
    ] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Remove documents whose file is gone.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Parse every file again, changed or not.")] = False,
    metadata: Annotated[
        Path | None,
        typer.Option("--datasette-metadata", help="Write Datasette metadata (facets, search, labels) to FILE."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    _need_archive("index")
    from .archive.datasette import datasette_metadata
    from .archive.index import index_inputs
    from .archive.index import prune as prune_archive
    from .archive.schema import connect

    paths = paths or []
    if STDIN in paths:
        raise typer.BadParameter("the archive indexes files; save standard input to a file first", param_hint="PATH")
    if not paths and not prune and metadata is None:
        raise typer.BadParameter("give files to index, --prune or --datasette-metadata", param_hint="PATH")
    inputs = expand_inputs(paths, recursive)
    if paths and not inputs:
        _fail_line("no input files matched")
        raise typer.Exit(1)
    try:
        db = connect(str(db_path))
    except MinutesError as error:
        _fail_line(str(error))
        raise typer.Exit(1) from None
    started = time.perf_counter()
    counts = {"indexed": 0, "unchanged": 0, "failed": 0}
    items = amounts = 0
    show_progress = not quiet and err.is_terminal and len(inputs) > 1
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[stats]}"), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, disable=not show_progress, transient=True) as progress:
            task = progress.add_task("indexing", total=len(inputs), stats="")
            for result in index_inputs(db, inputs, workers or default_workers(), timeout, fail_fast, force):
                counts[result.status] += 1
                items += result.items
                amounts += result.amounts
                if result.error:
                    _fail_line(result.error)
                progress.update(task, advance=1, stats=f"{items} items, {counts['failed']} failed")
        pruned = prune_archive(db) if prune else []
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
        err.print(f"{len(inputs)} files ({counts['indexed']} indexed, {counts['unchanged']} unchanged, "
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


@app.command("search", help=SEARCH_HELP)
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
