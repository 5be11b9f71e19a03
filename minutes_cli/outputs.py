"""Where outputs go: `-o` targets that are never destroyed, atomic files, one --output-dir file per input.

`open_output` decides what writing to a path means. Nothing or a regular
file is replaced atomically (a temporary file beside it renamed into place
at the end, so it is complete or untouched). A device, a FIFO, `-` or
`/dev/stdout` is written to as a stream: replacing `/dev/null` with a file
would break the system. A symbolic link is followed and its target replaced,
the link kept. A folder or a place that cannot be written is an
`OutputNotWritable` error before any input is read.

`unique_names` gives every input of a batch its own --output-dir name, so
two inputs never write one file.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TextIO

from .errors import OutputNotWritable

STDOUT = "-"


@dataclass
class Output:
    """An open output: its text handle, what kind of place it is, and whether to keep what was written."""

    handle: TextIO
    kind: str  # "stdout", "stream" (a device or FIFO) or "file" (replaced atomically at the end)
    target: str
    keep: bool = True

    def discard(self) -> None:
        """Leave the target as it was: a file is not replaced (a stream cannot take back what it got)."""
        self.keep = False


def _not_writable(target: str, reason: str, hint: str | None = None) -> OutputNotWritable:
    return OutputNotWritable(target, reason, hint)


@contextmanager
def open_output(target: str | Path | None, encoding: str = "utf-8") -> Iterator[Output]:
    """The output for `-o TARGET` (None or "-": standard output); see the module docstring."""
    name = str(target) if target is not None else STDOUT
    if target is None or name == STDOUT:
        yield Output(sys.stdout, "stdout", STDOUT)
        sys.stdout.flush()
        return
    try:
        info = os.stat(name)  # follows links: /dev/stdout is the terminal or pipe it points to
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise _not_writable(name, f"cannot be written ({error.strerror or error})") from error
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _not_writable(name, "is a directory", "give a file name, or use --output-dir for one file per input")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            handle = open(name, "w", encoding=encoding, newline="")  # noqa: SIM115 - closed below
        except OSError as error:
            raise _not_writable(name, f"cannot be written ({error.strerror or error})") from error
        with handle:
            yield Output(handle, "stream", name)
        return
    with atomic_text_file(Path(os.path.realpath(name)), encoding, shown_as=name) as output:
        yield output


@contextmanager
def atomic_text_file(target: Path, encoding: str = "utf-8", shown_as: str | None = None) -> Iterator[Output]:
    """A text file written through a temporary file in the same folder and renamed into place at the end,
    so the target is never half-written; on an error (or `discard`) the temporary file goes and the
    target is untouched."""
    shown = shown_as or str(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(temporary, "w", encoding=encoding, newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise _not_writable(shown, f"cannot be written ({error.strerror or error})",
                            "check the folder exists and is writable") from error
    try:
        output = Output(handle, "file", shown)
        with handle:
            yield output
            handle.flush()
            if output.keep:
                os.fsync(handle.fileno())
        if output.keep:
            os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


def sync_file(path: Path) -> None:
    """Flush a closed file to disk before it is renamed into place, so a crash cannot leave a complete
    name on partial data (what `atomic_text_file` does with its open handle)."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a whole file atomically (see `atomic_text_file`)."""
    with atomic_text_file(target, encoding) as output:
        output.handle.write(text)


# --- one --output-dir file per input

# A path part that would climb out of the output folder, or an empty one.
_UNSAFE_PARTS = frozenset({"", ".", ".."})


def safe_relative(path: str) -> str:
    """`path` as a relative path that stays inside a folder: no root, no drive, ".." made "__"."""
    parts = [part if part not in _UNSAFE_PARTS else "__" for part in PurePath(path).parts
             if part not in (PurePath(path).anchor, "", ".")]
    return "/".join(parts) or "_"


def unique_names(relatives: Sequence[str], paths: Sequence[str]) -> list[str]:
    """A distinct output name for every input: its relative name, else its whole path, else a number added.

    Names are compared without case (two names that differ only in case are one
    file on macOS and Windows).
    """
    names = list(relatives)
    for _ in range(2):
        groups: dict[str, list[int]] = defaultdict(list)
        for index, name in enumerate(names):
            groups[name.casefold()].append(index)
        clashes = [indices for indices in groups.values() if len(indices) > 1]
        if not clashes:
            return names
        for indices in clashes:
            for index in indices:
                names[index] = safe_relative(paths[index])
    taken: set[str] = set()
    for index, name in enumerate(names):
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{name}~{number}"
        taken.add(candidate.casefold())
        names[index] = candidate
    return names
