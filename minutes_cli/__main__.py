"""`python -m minutes_cli` runs the command-line tool."""

from .cli import main

main()
