"""The `minutes` command: a thin typer layer over the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import extract_file
from .errors import MinutesError
from .export import EXPORTERS, CsvOptions

app = typer.Typer(help="Danish meeting agendas and minutes as structured data.", no_args_is_help=True)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files to read.")],
    fmt: Annotated[str, typer.Option("--format", "-f")] = "json",
    table: Annotated[str, typer.Option("--table")] = "items",
) -> None:
    """Extract items as JSON."""
    docs = []
    failed = False
    for path in paths:
        try:
            docs.append(extract_file(path))
        except MinutesError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
    if docs:
        sys.stdout.write(EXPORTERS[fmt](docs, CsvOptions(table=table)))
    raise typer.Exit(1 if failed else 0)


@app.command()
def show(path: Path) -> None:
    """Show a parse."""


def main() -> None:
    """Entry point of the console script."""
    app()
