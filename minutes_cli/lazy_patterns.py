"""Regular expressions compiled on first use, so that a process pays only for the patterns it runs.

A shell loop over thousands of files starts `minutes` thousands of times, and
compiling every pattern of the parser at import took about a third of the
start-up of a one-page extract; a one-page PDF uses about half of them. A
`LazyPattern` holds the pattern's text and flags and compiles it (with `regex`
or the standard library's `re`, as its constructor says) the first time any
attribute is asked for; the compiled pattern's attributes are then kept on the
object, so later calls cost what a call on the compiled pattern costs.
`lazy_regex` and `lazy_re` are typed as returning the compiled pattern, so call
sites read and type-check as before. `compile_all` compiles every pattern of a
module at once: the tests use it so a broken pattern still fails at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

import regex

if TYPE_CHECKING:
    Compiler = Callable[[str, int], Any]

# The object's own attributes: asking for one of them before it is set must not compile (or recurse).
_OWN = frozenset({"_compiler", "_source", "_flags"})


class LazyPattern:
    """A pattern's text and flags, compiled by `compiler` on first use."""

    def __init__(self, compiler: Compiler, source: str, flags: int = 0) -> None:
        self._compiler = compiler
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # called only for names not yet on the object: the first use of each attribute
        if name in _OWN or name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled_pattern")
        if compiled is None:
            compiled = self._compiler(self._source, self._flags)
            self.__dict__["_compiled_pattern"] = compiled
        value = getattr(compiled, name)
        self.__dict__[name] = value  # bound methods and constants alike: looked up directly from now on
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._compiler, self._source, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags})"


def lazy_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A `regex` pattern compiled on first use (typed as the compiled pattern it stands for)."""
    return cast("regex.Pattern[str]", LazyPattern(regex.compile, source, flags))


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """A standard-library `re` pattern compiled on first use (typed as the compiled pattern)."""
    return cast("re.Pattern[str]", LazyPattern(re.compile, source, flags))


def is_lazy(value: object) -> bool:
    """True for a pattern made by `lazy_regex` or `lazy_re`."""
    return isinstance(value, LazyPattern)


def engine_of(value: object) -> str | None:
    """Which engine compiles a lazy pattern: "re", "regex", or None for anything else."""
    if not isinstance(value, LazyPattern):
        return None
    return "re" if value._compiler is re.compile else "regex"


def compile_all(module: ModuleType) -> int:
    """Compile every lazy pattern a module holds at its top level; the number compiled."""
    count = 0
    for value in vars(module).values():
        if isinstance(value, LazyPattern):
            value.pattern  # noqa: B018 - the first attribute asked for compiles it
            count += 1
    return count
