"""Properties: any text parses to a schema-valid document, any bytes fail only with `MinutesError`,
and pathological lines parse in bounded time (a hang guard, not a benchmark)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest
from helpers import schema_errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_cli import document_to_dict, extract_bytes, extract_text
from minutes_cli.errors import EmptyInput, MinutesError

# Words and marks the parser reacts to, so that random text reaches its branches.
TOKENS = [
    "Punkt", "Punkt 1:", "Pkt. 2.", "1.", "2)", "A)", "-", "•", "at", "Bilag", "Bilag 1.", "BILAG",
    "Indstilling",
    "indstiller,", "indstiller, at", "Beslutning", "Beslutning i Økonomiudvalget den 04.12.2012", "Godkendt.",
    "Anbefales.", "Ikke godkendt.", "Udsat.", "Afbud:", "Fraværende:", "Lukket:", "Sagsnr.:", "J.nr.",
    "2016/05156",
    "15.20.05-P08-1-19", "EMN-2025-009242", "kr.", "mio.", "mill. kr.", "t.kr.", "DKK", "2,2", "1.316.000",
    "400.000 kroner", "2-3", "40 pct.", "§ 17, stk. 4", "20.02.2018", "20. februar 2018", "kl. 16:30",
    "Referat",
    "Dagsorden", "Udvalget", "Gladsaxe Kommune", "Side 3", "Side 3 af 12", "....", "…", "(", ")", "[1: x](#)",
    "**", "*", "dæk-", "ningsområder", "Sundheds-", "og", "Æ", "ø", "å", "\u00a0", "\u00ad", "\ufffe", "\t",
    "\n", "\n\n", "\x0c", "\r\n", ":", ",", ".",
]
ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc"))
PIECE = st.one_of(st.sampled_from(TOKENS), st.text(ALPHABET, max_size=12))
DANISH_TEXT = st.lists(st.tuples(PIECE, st.sampled_from([" ", "", "\n", "\n\n"])), max_size=80).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs))

FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(DANISH_TEXT)
def test_any_text_gives_a_valid_document(text: str) -> None:
    try:
        doc = document_to_dict(extract_text(text))
    except EmptyInput:
        assert not any(ch.isalnum() for ch in text), "only text without letters or digits may be empty"
        return
    assert schema_errors(doc) == []


@FAST
@given(st.text(max_size=300))
def test_any_unicode_gives_a_valid_document(text: str) -> None:
    try:
        doc = document_to_dict(extract_text(text))
    except EmptyInput:
        assert not any(ch.isalnum() for ch in text)
        return
    assert schema_errors(doc) == []


BYTE_PREFIXES = [b"", b"%PDF-1.4\n", b"<html><body>", b"<?xml version='1.0'?>", b"PK\x03\x04",
                 b"\xef\xbb\xbf",
                 b"\x89PNG\r\n\x1a\n", b"Punkt 1: Vejbelysning\n\n"]


@FAST
@given(st.sampled_from(BYTE_PREFIXES), st.binary(max_size=400),
       st.sampled_from(["x", "referat.pdf", "referat.html", "referat.txt"]))
def test_any_bytes_fail_only_with_minutes_errors(prefix: bytes, data: bytes, path: str) -> None:
    try:
        doc = document_to_dict(extract_bytes(prefix + data, path))
    except MinutesError as error:
        assert path in str(error)
        return
    assert schema_errors(doc) == []


# --- bounded time ---------------------------------------------------------------------------------

HANG_GUARD_SECONDS = 10  # generous: each case below parses in well under a second when nothing goes quadratic


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_SECONDS) -> Iterator[None]:
    """Fail instead of hanging when parsing takes longer than `seconds` (POSIX only)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expired(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"parsing took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


_WORDS = ["kommunen", "udvalget", "indstiller", "at", "forvaltningen", "bevilling", "og", "i", "på", "den",
          "kr",
          "Beslutning", "Bilag", "Punkt", "mio", "Sagsnr"]

PATHOLOGICAL = [
    pytest.param(" ".join(_WORDS[i % len(_WORDS)] for i in range(5000)), id="5000-words-no-punctuation"),
    pytest.param(" ".join("1." for _ in range(2000)), id="2000-list-markers-on-one-line"),
    pytest.param("\n".join(f"{i}. at" for i in range(2000)), id="2000-list-marker-lines"),
    pytest.param("\n\n".join(f"Punkt {i}: Titel {i}" for i in range(1500)), id="1500-items"),
    pytest.param(" ".join("1.000.000" for _ in range(3000)) + " kr.", id="3000-numbers-before-kr"),
    pytest.param(" ".join("123" for _ in range(5000)) + " kr.", id="5000-space-separated-groups"),
    pytest.param("Forvaltningen " * 3000 + "indstiller, at", id="3000-word-recommender"),
    pytest.param("Beslutning i " + "udvalget " * 3000 + "den 20-02-2018", id="3000-word-decision-heading"),
    pytest.param("Udvalgets " * 2000 + "beslutning den 04.12.2012", id="2000-word-committee-decision"),
    pytest.param("\n".join(["Udvalget,", "20.02.2018", "Kommune"] * 2000),
                 id="6000-repeated-furniture-lines"),
    pytest.param("1" * 20000, id="20000-digits"),
    pytest.param("-" * 20000, id="20000-dashes"),
    pytest.param("Indstilling\n\n" + "\n".join("- at " + "ord " * 50 for _ in range(500)),
                 id="500-long-points"),
    pytest.param("Meddelelser" + "." * 30000 + " side", id="30000-dot-leader"),
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_lines_parse_in_bounded_time(text: str) -> None:
    with hang_guard():
        doc = document_to_dict(extract_text(text))
    assert schema_errors(doc) == []
