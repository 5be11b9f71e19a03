"""Run the pipeline over many inputs: expansion, worker processes, time limits, resumable output.

Results come back in input order, one `FileResult` per input, whether it
parsed or failed, so a caller can account for every file. Nothing here
prints: progress is reported through a callback.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TextIO

from .errors import ExtractionTimeout, MinutesError
from .model import Document
from .pipeline import extract_bytes, read_input

STDIN = "-"

# Files a directory walk picks up: documents and the publishing systems' exports (XML, Word, a ZIP holding an
# export; an old .doc is picked up to be refused with a hint). Anything else there (images) is left alone.
DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".text", ".md", ".xml", ".docx", ".doc", ".zip")


@dataclass(frozen=True)
class Input:
    """One thing to parse: a path (or "-") and, under --output-dir, its path relative to its root."""

    path: str
    relative: str
    data: bytes | None = None  # already read (stdin)


@dataclass(frozen=True)
class Counts:
    """What a parsed document holds, for progress and the summary line."""

    items: int = 0
    amounts: int = 0
    warnings: int = 0
    pages: int = 0

    @staticmethod
    def of(document: Document) -> Counts:
        return Counts(len(document.items), sum(len(item.amounts) for item in document.items),
                      len(document.warnings), document.source.pages or 0)


@dataclass(frozen=True)
class FileResult:
    """The outcome for one input: a document (or its rendered text), an error message, or skipped as unchanged.

    Given a renderer, a batch hands back each document's rendered text and its
    counts instead of the document: text is all a writer needs, and it travels
    from a worker process in a fraction of the time a document takes.
    """

    path: str
    relative: str
    document: Document | None = None
    error: str | None = None
    seconds: float = 0.0
    skipped: bool = False
    rendered: str | None = None
    counts: Counts = Counts()

    @property
    def ok(self) -> bool:
        """True when the input parsed or was skipped as unchanged."""
        return self.error is None


def expand_inputs(args: Sequence[str], recursive: bool, stdin: Callable[[], bytes] | None = None) -> list[Input]:
    """Files named by paths, directories (with `recursive`) and globs, in the order given.

    A name that matches nothing is kept, so that it fails with a clear message
    in its place instead of vanishing from the batch.
    """
    inputs: list[Input] = []
    for arg in args:
        if arg == STDIN:
            inputs.append(Input(STDIN, "stdin", stdin() if stdin else None))
            continue
        path = Path(arg)
        if path.is_dir():
            if not recursive:
                inputs.append(Input(arg, path.name))
                continue
            for found in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES):
                inputs.append(Input(str(found), str(found.relative_to(path))))
            continue
        if not path.exists() and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=recursive))
            inputs += [Input(m, Path(m).name) for m in matches if Path(m).is_file()]
            if not matches:
                inputs.append(Input(arg, path.name))
            continue
        inputs.append(Input(arg, path.name))
    return inputs


def sha256_of(path: str) -> str | None:
    """The sha256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(HASH_CHUNK_BYTES):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


# sha256 reads a file in pieces of this size (hashlib.file_digest is Python 3.11+).
HASH_CHUNK_BYTES = 1 << 20


def output_path(output_dir: Path, relative: str) -> Path:
    """Where --output-dir puts the JSON for an input: its relative path with .json added."""
    return output_dir / (relative + ".json")


def is_unchanged(output_dir: Path, item: Input) -> bool:
    """True when the output for this input exists and was made from the same bytes."""
    target = output_path(output_dir, item.relative)
    if item.path == STDIN or not target.exists():
        return False
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
        return bool(previous.get("source", {}).get("sha256") == sha256_of(item.path))
    except (OSError, ValueError, AttributeError):
        return False


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError


Render = Callable[[Document], str]


def parse_one(item: Input, timeout: float | None, render: Render | None = None) -> FileResult:
    """Parse one input within the time limit (and render it, given a renderer); every failure becomes an error
    message."""
    started = time.perf_counter()
    use_alarm = bool(timeout) and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, float(timeout or 0))
    try:
        data = item.data if item.data is not None else read_input(item.path)
        document = extract_bytes(data, item.path)
        rendered = render(document) if render else None
        return FileResult(item.path, item.relative, None if render else document, rendered=rendered,
                          counts=Counts.of(document), seconds=time.perf_counter() - started)
    except TimeoutError:
        error = ExtractionTimeout(item.path, f"parsing took longer than {timeout:g} s", "raise --timeout")
        return FileResult(item.path, item.relative, error=str(error), seconds=time.perf_counter() - started)
    except MinutesError as error:
        return FileResult(item.path, item.relative, error=str(error), seconds=time.perf_counter() - started)
    except Exception as error:  # a parser bug must not stop the batch; the message names it
        message = f"{item.path}: internal error {type(error).__name__}: {error} (please report this file)"
        return FileResult(item.path, item.relative, error=message, seconds=time.perf_counter() - started)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _parse_star(args: tuple[Input, float | None, Render | None]) -> FileResult:
    return parse_one(*args)


# Files in flight per worker: enough to keep every process busy while the
# results are handed back in input order, few enough that memory stays bounded
# on a batch of thousands of files.
TASKS_PER_WORKER = 4


def run_batch(
    inputs: Sequence[Input],
    workers: int = 1,
    timeout: float | None = None,
    fail_fast: bool = False,
    skip_unchanged_in: Path | None = None,
    render: Render | None = None,
) -> Iterator[FileResult]:
    """Parse every input and yield results in input order; with `fail_fast`, stop after the first failure.

    With `render` (picklable, as `export.Renderer` is), each result carries the
    document's rendered text and counts, made in the worker, instead of the document.
    """
    def skipped(item: Input) -> bool:
        return skip_unchanged_in is not None and is_unchanged(skip_unchanged_in, item)

    if workers <= 1 or len(inputs) <= 1:
        for item in inputs:
            result = (FileResult(item.path, item.relative, skipped=True) if skipped(item)
                      else parse_one(item, timeout, render))
            yield result
            if fail_fast and not result.ok:
                return
        return
    yield from _run_parallel(inputs, workers, timeout, fail_fast, skipped, render)


def _run_parallel(inputs: Sequence[Input], workers: int, timeout: float | None, fail_fast: bool,
                  skipped: Callable[[Input], bool], render: Render | None = None) -> Iterator[FileResult]:
    """Worker processes with a bounded window of files in flight; a crashed worker fails only its file."""
    pool = ProcessPoolExecutor(max_workers=workers)
    window: deque[tuple[Input, Future[FileResult] | None]] = deque()
    position = 0
    try:
        while position < len(inputs) or window:
            while position < len(inputs) and len(window) < workers * TASKS_PER_WORKER:
                item = inputs[position]
                position += 1
                window.append((item, None if skipped(item) else pool.submit(_parse_star, (item, timeout, render))))
            item, future = window.popleft()
            if future is None:
                result = FileResult(item.path, item.relative, skipped=True)
            else:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    # the process died under this file (a crash in native code): name it, start afresh
                    result = FileResult(item.path, item.relative, error=f"{item.path}: the worker process crashed "
                                        "while parsing this file (please report it)")
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=workers)
                    window = deque((i, None if f is None else pool.submit(_parse_star, (i, timeout, render)))
                                   for i, f in window)
            yield result
            if fail_fast and not result.ok:
                return
    finally:
        # files not started are cancelled; those running finish (each within --timeout)
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def atomic_text_file(target: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file written through a temporary file in the same folder and renamed into place at the end,
    so the target is never half-written; on an error the temporary file goes and the target is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


def write_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a whole file atomically (see `atomic_text_file`)."""
    with atomic_text_file(target, encoding) as handle:
        handle.write(text)


def write_output(output_dir: Path, relative: str, pretty: str) -> None:
    """Write one input's --output-dir file, given its document as pretty JSON (`pretty_json`,
    or `Renderer("json")` in a worker)."""
    write_atomic(output_path(output_dir, relative), pretty + "\n")


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
