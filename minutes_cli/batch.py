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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .deadline import deadline
from .errors import ExtractionTimeout, MinutesError, NotADocument
from .model import Document
from .outputs import atomic_text_file, safe_relative, unique_names, write_atomic
from .pipeline import extract_documents_from_bytes, read_input
from .readers.options import ReadOptions

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from distributed import Client

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One thing to parse: a path (or "-") and, under --output-dir, its path relative to its root."""

    path: str
    relative: str
    data: bytes | None = None  # already read (stdin)
    walked: bool = False  # met walking a folder (-r): a kind no reader reads is skipped, not failed
    skip: str | None = None  # why it is not read at all (a hidden file, the run's own output)
    error: str | None = None  # why it cannot be read, found while walking (an unreadable folder)


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

    @staticmethod
    def total(documents: tuple[Document, ...]) -> Counts:
        """The counts of every meeting of one file (its pages once: the meetings share them)."""
        each = [Counts.of(document) for document in documents]
        return Counts(sum(c.items for c in each), sum(c.amounts for c in each), sum(c.warnings for c in each),
                      max((c.pages for c in each), default=0))


@dataclass(frozen=True)
class FileResult:
    """The outcome for one input: a document (or its rendered text), an error message, or skipped as unchanged.

    Given a renderer, a batch hands back each document's rendered text and its
    counts instead of the document: text is all a writer needs, and it travels
    from a worker process in a fraction of the time a document takes.
    """

    path: str
    relative: str
    documents: tuple[Document, ...] = ()  # every meeting's document, when no renderer was given
    error: str | None = None
    seconds: float = 0.0
    skipped: bool = False
    counts: Counts = Counts()
    parts: tuple[str, ...] = ()  # each meeting's rendered text, in order (one for most files)
    not_read: str | None = None  # met walking a folder and left alone, with the reason

    @property
    def document(self) -> Document | None:
        """The file's first (most often its only) meeting, when no renderer was given."""
        return self.documents[0] if self.documents else None

    @property
    def ok(self) -> bool:
        """True when the input parsed, was skipped as unchanged or was left alone with a reason."""
        return self.error is None


def expand_inputs(args: Sequence[str], recursive: bool, stdin: Callable[[], bytes] | None = None,
                  exclude: Sequence[str | Path] = ()) -> list[Input]:
    """Files named by paths, directories (with `recursive`) and globs, in the order given.

    A name that matches nothing is kept, so that it fails with a clear message
    in its place instead of vanishing from the batch. Every file met walking a
    folder is an input: read, or left alone with its reason (`walk`). Each input
    gets its own --output-dir name (`relative`): its path below the folder or
    glob it came from, made unique across the batch.
    """
    excluded = {os.path.realpath(p) for p in exclude}
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
            inputs += walk(path, excluded)
            continue
        if not os.path.lexists(arg) and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=recursive))
            base = _static_prefix(arg)
            for match in matches:
                relative = safe_relative(os.path.relpath(match, base))
                if not Path(match).is_dir():
                    inputs.append(Input(match, relative))
                elif recursive:
                    inputs += [replace(i, relative=f"{relative}/{i.relative}") for i in walk(Path(match), excluded)]
                else:
                    inputs.append(Input(match, relative, skip="a folder (add -r to read the files in it)"))
            if not matches:
                inputs.append(Input(arg, path.name))
            continue
        inputs.append(Input(arg, path.name))
    names = unique_names([i.relative for i in inputs], [i.path for i in inputs])
    return [i if i.relative == name else replace(i, relative=name) for i, name in zip(inputs, names, strict=True)]


def _static_prefix(pattern: str) -> str:
    """The folder a glob starts in: its leading parts without wildcards ("col/*/m.txt" -> "col")."""
    parts: list[str] = []
    for part in Path(pattern).parent.parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return str(Path(*parts)) if parts else "."


# Names of files and folders that start with this are hidden; a walk names them and leaves them alone.
HIDDEN_PREFIX = "."


def walk(root: Path, excluded: frozenset[str] | set[str] = frozenset()) -> list[Input]:
    """Every file below `root`, sorted: documents to read, and the rest with the reason they are left alone.

    Links to folders are followed once (a folder met again through a link is
    named, not read again); a link to nothing and a folder that cannot be read
    are errors; hidden files and folders and the run's own outputs are skipped.
    """
    found: list[Input] = []
    seen: set[tuple[int, int]] = set()

    def relative(path: Path) -> str:
        return str(path.relative_to(root))

    def visit(folder: Path) -> None:
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            found.append(Input(str(folder), relative(folder) or ".", error=f"{folder}: the folder cannot be read "
                               f"({error.strerror or error})", walked=True))
            return
        if (info.st_dev, info.st_ino) in seen:
            found.append(Input(str(folder), relative(folder), walked=True,
                               skip="a link to a folder already read (not read twice)"))
            return
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            path = Path(entry.path)
            name = relative(path)
            if os.path.realpath(path) in excluded:
                found.append(Input(str(path), name, walked=True, skip="the output of this run"))
            elif entry.name.startswith(HIDDEN_PREFIX):
                found.append(Input(str(path), name, walked=True, skip="a hidden file or folder"))
            elif entry.is_dir():  # follows links
                visit(path)
            else:
                found.append(Input(str(path), name, walked=True))

    visit(root)
    return found


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


Render = Callable[[Document], str]


def parse_one(item: Input, timeout: float | None, render: Render | None = None,
              max_size: int | None = None, options: ReadOptions | None = None) -> FileResult:
    """Parse one input within the time limit (and render it, given a renderer); every failure becomes an error
    message. A file met walking a folder that is of a kind no reader reads is left alone (`not_read`).
    `options` say how to read it (OCR). The time limit holds on any thread (`deadline`: a timer signal on the
    main thread, a watchdog on a Dask worker's thread); a `TimeoutError` that arrives as the file ends still
    makes it a timeout."""
    if item.error is not None:
        return FileResult(item.path, item.relative, error=item.error)
    if item.skip is not None:
        return FileResult(item.path, item.relative, not_read=item.skip)
    started = time.perf_counter()
    try:
        with deadline(timeout):
            data = item.data if item.data is not None else read_input(item.path, max_size)
            documents = extract_documents_from_bytes(data, item.path, max_size=max_size, options=options)
            counts = Counts.total(documents)
            if render is not None:
                # only the meetings' texts travel back: a writer joins them (Renderer.whole) if it needs to
                parts = tuple(render(document) for document in documents)
                return FileResult(item.path, item.relative, counts=counts, parts=parts,
                                  seconds=time.perf_counter() - started)
            return FileResult(item.path, item.relative, documents, counts=counts,
                              seconds=time.perf_counter() - started)
    except TimeoutError:
        error = ExtractionTimeout(item.path, f"parsing took longer than {timeout:g} s", "raise --timeout")
        return FileResult(item.path, item.relative, error=str(error), seconds=time.perf_counter() - started)
    except NotADocument as error:
        if item.walked:
            return FileResult(item.path, item.relative, not_read=error.reason, seconds=time.perf_counter() - started)
        return FileResult(item.path, item.relative, error=str(error), seconds=time.perf_counter() - started)
    except MinutesError as error:
        return FileResult(item.path, item.relative, error=str(error), seconds=time.perf_counter() - started)
    except (MemoryError, RecursionError) as error:
        reason = "ran out of memory" if isinstance(error, MemoryError) else "is nested too deeply to parse"
        message = f"{item.path}: the file {reason} (try a smaller --max-size, or split the file)"
        return FileResult(item.path, item.relative, error=message, seconds=time.perf_counter() - started)
    except Exception as error:  # a parser bug must not stop the batch; the message names it
        message = f"{item.path}: internal error {type(error).__name__}: {error} (please report this file)"
        return FileResult(item.path, item.relative, error=message, seconds=time.perf_counter() - started)


def one_tesseract_thread() -> None:
    """One Tesseract thread per worker: an OpenMP build of Tesseract would otherwise start a thread per core in
    every worker. Set before tesserocr loads and before worker processes start (they inherit it); a value the
    user set stays."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _parse_star(args: tuple[Input, float | None, Render | None, int | None, ReadOptions | None]) -> FileResult:
    return parse_one(*args)


def _ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the parent, which stops the batch and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    max_size: int | None = None,
    options: ReadOptions | None = None,
    client: Client | None = None,
) -> Iterator[FileResult]:
    """Parse every input and yield results in input order; with `fail_fast`, stop after the first failure.

    With `render` (picklable, as `export.Renderer` is), each result carries the
    document's rendered text and counts, made in the worker, instead of the document.
    `max_size` is the size limit in bytes (see `pipeline.extract_bytes`). `options`
    say how to read (OCR). The workers go where the work is: one process per file
    when there are several files, else OCR pages of the one file in `workers` threads.
    Given a Dask `client` (`cluster.dask_client`), the files are parsed on its
    cluster instead (`cluster.run_on_dask`), with the same results; `workers` is then unused.
    """
    def skipped(item: Input) -> bool:
        return skip_unchanged_in is not None and is_unchanged(skip_unchanged_in, item)

    one_tesseract_thread()
    options = options or ReadOptions()
    if client is not None:
        from .cluster import run_on_dask  # imported here: a local run never loads distributed

        yield from run_on_dask(client, inputs, fail_fast, skipped, render, max_size,
                               replace(options, ocr_workers=1), timeout)
        return
    if workers <= 1 or len(inputs) <= 1:
        options = replace(options, ocr_workers=max(1, workers))
        for item in inputs:
            result = (FileResult(item.path, item.relative, skipped=True) if skipped(item)
                      else parse_one(item, timeout, render, max_size, options))
            yield result
            if fail_fast and not result.ok:
                return
        return
    yield from _run_parallel(inputs, workers, timeout, fail_fast, skipped, render, max_size,
                             replace(options, ocr_workers=1))


def _run_parallel(inputs: Sequence[Input], workers: int, timeout: float | None, fail_fast: bool,
                  skipped: Callable[[Input], bool], render: Render | None = None,
                  max_size: int | None = None, options: ReadOptions | None = None) -> Iterator[FileResult]:
    """Worker processes with a bounded window of files in flight; a crashed worker fails only its file.

    Workers ignore Ctrl-C: the parent gets it, stops the workers and lets the
    caller report it once, instead of every worker printing a traceback.
    """
    # imported here: a one-file or one-worker run never starts a pool (multiprocessing takes ~5 ms to import)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)

    pool = new_pool()
    interrupted = False
    window: deque[tuple[Input, Future[FileResult] | None]] = deque()
    position = 0
    try:
        while position < len(inputs) or window:
            while position < len(inputs) and len(window) < workers * TASKS_PER_WORKER:
                item = inputs[position]
                position += 1
                window.append((item, None if skipped(item) else
                               pool.submit(_parse_star, (item, timeout, render, max_size, options))))
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
                    pool = new_pool()
                    window = deque((i, None if f is None else
                                    pool.submit(_parse_star, (i, timeout, render, max_size, options)))
                                   for i, f in window)
            yield result
            if fail_fast and not result.ok:
                return
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        if interrupted:
            _stop_workers(pool)
        # files not started are cancelled; those running finish (each within --timeout)
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now (on Ctrl-C), instead of waiting for the files they are parsing."""
    # the executor has no public way to end running work; its process table is the only handle
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def write_output(output_dir: Path, relative: str, pretty: str) -> None:
    """Write one input's --output-dir file, given its document as pretty JSON (`pretty_json`,
    or `Renderer("json")` in a worker)."""
    write_atomic(output_path(output_dir, relative), pretty + "\n")


__all__ = ["STDIN", "Counts", "FileResult", "Input", "atomic_text_file", "default_workers", "expand_inputs",
           "is_unchanged", "one_tesseract_thread", "output_path", "parse_one", "run_batch", "sha256_of", "walk",
           "write_atomic", "write_output"]


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
