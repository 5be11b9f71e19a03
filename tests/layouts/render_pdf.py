"""Print HTML pages to PDF with headless Chromium, as a user's browser "Save as PDF" does.

Chromium adds its own header (date, page title) and footer (the file URL, "1/3")
to every page; we keep them, since browser-printed minutes carry them. One
Chromium process prints one page (about 1 s each); `print_pdfs` runs a few at
a time, and only where the PDF is missing or was printed from a different page
(the sha256 of the page is kept beside the PDF as `<name>.pdf.source`).
`find_chromium` says whether a browser is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Executable names tried in order (Debian's package installs `chromium`)."""

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
"""Flags for a quiet, network-free headless print (no sandbox: CI runs as root)."""

PRINT_TIMEOUT_S = 120
"""Seconds one print may take before it counts as failed (a cold start on a busy machine takes ~5 s)."""


class PrintError(RuntimeError):
    """Chromium did not write the PDF."""


def find_chromium() -> str | None:
    """The path of a Chromium executable, or None when none is installed."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html_path: Path, pdf_path: Path, chromium: str | None = None) -> None:
    """Print one HTML file to `pdf_path` (header and footer on); raise `PrintError` on failure."""
    browser = chromium or find_chromium()
    if browser is None:
        raise PrintError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="layouts-chromium-") as profile:
        tmp_pdf = pdf_path.with_suffix(".pdf.part")
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp_pdf}",
                   html_path.resolve().as_uri()]
        env = dict(os.environ, HOME=profile)
        done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT_S, env=env,
                              stdin=subprocess.DEVNULL)
        if not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace")[-500:]
            raise PrintError(f"{html_path}: chromium wrote no PDF (exit {done.returncode}): {tail}")
        tmp_pdf.replace(pdf_path)


def _source_record(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.name + ".source")


def _page_hash(html_path: Path) -> str:
    return hashlib.sha256(html_path.read_bytes()).hexdigest()


def is_current(html_path: Path, pdf_path: Path) -> bool:
    """True when `pdf_path` exists and was printed from the page `html_path` holds now."""
    record = _source_record(pdf_path)
    return pdf_path.exists() and record.exists() and record.read_text() == _page_hash(html_path)


def print_pdfs(pairs: Sequence[tuple[Path, Path]], jobs: int = 2) -> None:
    """Print each (html, pdf) pair whose PDF is missing or stale, `jobs` browsers at a time."""
    todo = [(h, p) for h, p in pairs if not is_current(h, p)]
    if not todo:
        return
    browser = find_chromium()

    def one(html_path: Path, pdf_path: Path) -> None:
        page = _page_hash(html_path)
        print_pdf(html_path, pdf_path, browser)
        _source_record(pdf_path).write_text(page)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for future in [pool.submit(one, h, p) for h, p in todo]:
            future.result()
