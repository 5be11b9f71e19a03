"""Regular expressions compiled on first use, so that a process pays only for the patterns it runs.

A shell loop over thousands of files starts `minutes` thousands of times, and
compiling every pattern of the parser at import took about a third of the
start-up of a one-page extract; a one-page PDF uses about half of them. A
`LazyPattern` holds the pattern's text and flags and compiles it (with `regex`
or the standard library's `re`, as its constructor says) the first time it is
used; each method of the compiled pattern is then kept on the object, so later
calls cost what a call on the compiled pattern costs.
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

# What a compiled pattern offers: the methods are looked up on the compiled pattern at first use, then
# kept on the object; the attributes are read through (they are asked for rarely).
PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
PATTERN_ATTRIBUTES = ("pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A pattern's text and flags, compiled by `compiler` on first use.

    Each method is a plain function of the class until the first call, which
    compiles the pattern and puts the compiled pattern's bound method in the
    object's own dictionary, where every later lookup finds it first. (A
    `__getattr__` would do the same in fewer lines, but a class that has one
    pays a slower lookup on every attribute, and a parse makes millions.)
    """

    def __init__(self, compiler: Compiler, source: str, flags: int = 0) -> None:
        self._compiler = compiler
        self._source = source
        self._flags = flags

    def compiled(self) -> Any:
        """The compiled pattern, compiled now if this is its first use."""
        compiled = self.__dict__.get("_compiled_pattern")
        if compiled is None:
            compiled = self._compiler(self._source, self._flags)
            self.__dict__["_compiled_pattern"] = compiled
        return compiled

    @property
    def is_compiled(self) -> bool:
        """True once the pattern has been compiled."""
        return "_compiled_pattern" in self.__dict__

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._compiler, self._source, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags})"


def _first_call(name: str) -> Callable[..., Any]:
    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        bound = getattr(self.compiled(), name)
        self.__dict__[name] = bound  # found before the class's function from now on
        return bound(*args, **kwargs)

    method.__name__ = name
    return method


def _read_through(name: str) -> property:
    return property(lambda self: getattr(self.compiled(), name))


for _name in PATTERN_METHODS:
    setattr(LazyPattern, _name, _first_call(_name))
for _name in PATTERN_ATTRIBUTES:
    setattr(LazyPattern, _name, _read_through(_name))


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
            value.compiled()
            count += 1
    return count
