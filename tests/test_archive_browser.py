"""Datasette over an archive, opened in a real browser: headless Chromium loads the search page that
`datasette minutes.db -m metadata.json` serves on 127.0.0.1 and the page shows the hits and the facets.

Skipped when Chromium is not installed, except in CI (CI=true), where .ci/run installs it and its
absence is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURE_DOCUMENTS

from minutes_cli.archive.datasette import datasette_metadata
from minutes_cli.archive.index import index_inputs
from minutes_cli.archive.schema import connect
from minutes_cli.batch import expand_inputs

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
IN_CI = os.environ.get("CI") == "true"

# Seconds to wait for Datasette to answer, and for the browser to render a page.
SERVER_START_SECONDS = 30
BROWSER_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def datasette_url() -> Iterator[str]:
    """Datasette on 127.0.0.1 serving an archive of the fixtures with its metadata; its base URL."""
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "minutes.db"
        db = connect(str(db_path))
        list(index_inputs(db, expand_inputs([str(p) for p in FIXTURE_DOCUMENTS], False), workers=1))
        db.close()
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(db_path)), encoding="utf-8")
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "datasette", str(db_path), "-m", str(metadata),
                                   "-h", "127.0.0.1", "-p", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while True:
                try:
                    with urllib.request.urlopen(url + "/-/versions.json", timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def _render(url: str) -> str:
    """The DOM of a page after headless Chromium has loaded it."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-background-networking", "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", "--dump-dom", url],
                              capture_output=True, text=True, timeout=BROWSER_SECONDS, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_is_there_in_ci() -> None:
    if CHROMIUM is None and not IN_CI:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    assert CHROMIUM is not None, ".ci/run installs chromium; CI must not skip the browser test"


@pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="Chromium is not installed (apt-get install chromium)")
def test_the_search_page_shows_hits_and_facets(datasette_url: str) -> None:
    page = _render(datasette_url + "/minutes/items?_search=bevilling")
    assert "13 rows where search matches" in page
    assert "Anlægsbevilling til udvidelse af Tarm Skole" in page
    for facet in ("committee", "year", "decision_outcome"):
        assert f'data-column="{facet}"' in page, facet
