"""Split a list of people into names: "Jens Hansen (A), Lise Berg og Ole Juhl".

Used for the header's participants and absentees and for attendance lines
inside decisions; party letters after a name are dropped.
"""

from __future__ import annotations

from ..patterns import NAME_SEPARATOR_RE, PARTY_LETTER_RE


def split_names(text: str) -> list[str]:
    """The names in a list, without party letters or trailing punctuation."""
    names = (PARTY_LETTER_RE.sub("", name.strip(" .")).strip() for name in NAME_SEPARATOR_RE.split(text))
    return [name for name in names if name]
