"""Patterns compiled on first use behave as compiled ones, and every pattern of the parser compiles."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re

import pytest
import regex

import minutes_cli
from minutes_cli.lazy_patterns import LazyPattern, compile_all, engine_of, is_lazy, lazy_re, lazy_regex


def _modules() -> list[str]:
    # __main__ runs the command when imported
    return sorted(info.name for info in pkgutil.walk_packages(minutes_cli.__path__, "minutes_cli.")
                  if not info.name.endswith("__main__"))


# (engine, pattern, flags, text): what the lazy and the compiled pattern must agree on
CASES = [
    ("regex", r"(?<=Sagsnr\.:\s*)(?P<case>\d{4}-\d+)", 0, "Sagsnr.: 2009-66012 og Sagsnr.: 2016-5156"),
    ("regex", r"\bkr\.?\b", regex.IGNORECASE, "Udgiften er 2,5 mio. KR. i alt"),
    ("re", r"^(?P<number>\d{1,4})\.?\s+(?P<title>\S.*)$", 0, "10. Projekt Bedre Serviceveje"),
    ("re", r"\s+", 0, "a  b\tc"),
]


@pytest.mark.parametrize(("engine", "source", "flags", "text"), CASES)
def test_a_lazy_pattern_answers_as_the_compiled_one(engine: str, source: str, flags: int, text: str) -> None:
    compiled = (regex.compile if engine == "regex" else re.compile)(source, flags)
    lazy = (lazy_regex if engine == "regex" else lazy_re)(source, flags)
    assert engine_of(lazy) == engine
    found = lazy.search(text)
    expected = compiled.search(text)
    assert (found and found.group(0)) == (expected and expected.group(0))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.pattern, lazy.flags, dict(lazy.groupindex)) == (compiled.pattern, compiled.flags,
                                                                  dict(compiled.groupindex))


def test_nothing_is_compiled_before_first_use() -> None:
    calls: list[str] = []

    def compiler(source: str, flags: int) -> re.Pattern[str]:
        calls.append(source)
        return re.compile(source, flags)

    lazy = LazyPattern(compiler, r"\d+")
    assert calls == []
    assert lazy.findall("1 og 22") == ["1", "22"]
    assert lazy.match("7") is not None
    assert calls == [r"\d+"]  # compiled once, on the first use


def test_a_lazy_pattern_survives_pickling_before_and_after_use() -> None:
    fresh = lazy_regex(r"(?i)bilag\s+\d+")
    used = lazy_regex(r"(?i)bilag\s+\d+")
    used.search("Bilag 1")
    for pattern in (fresh, used):
        again = pickle.loads(pickle.dumps(pattern))
        assert is_lazy(again)
        assert again.search("se BILAG 12").group(0) == "BILAG 12"


def test_a_broken_pattern_fails_on_first_use() -> None:
    broken = lazy_regex(r"(unclosed")
    with pytest.raises(regex.error):
        broken.search("x")


def test_not_lazy() -> None:
    assert not is_lazy(re.compile("x"))
    assert engine_of("x") is None


@pytest.mark.parametrize("name", _modules())
def test_every_pattern_of_every_module_compiles(name: str) -> None:
    # laziness must not hide a broken pattern until a document happens to need it
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # an optional extra (OCR, archive, dask) that is not installed
        pytest.skip(f"{name} needs an extra: {error}")
    compile_all(module)


def test_the_parser_patterns_are_lazy() -> None:
    from minutes_cli import patterns

    assert compile_all(patterns) >= 60
