"""Split a list of people into names: "Jens Hansen (A), Lise Berg og Ole Juhl".

Used for the header's participants and absentees and for attendance lines
inside decisions; party letters and roles ("- formand") after a name are dropped.
"""

from __future__ import annotations

from ..patterns import NAME_SEPARATOR_RE, PARTY_LETTER_RE, ROLE_SUFFIX_RE
from ..vocabulary import ROLE_WORDS


def split_names(text: str) -> list[str]:
    """The names in a list, without roles, party letters or trailing punctuation:
    "Lolan Ottesen (A) - formand, Birte Kramhøft (F)" -> ["Lolan Ottesen", "Birte Kramhøft"]."""
    names = (PARTY_LETTER_RE.sub("", ROLE_SUFFIX_RE.sub("", name.strip(" ."))).strip()
             for name in NAME_SEPARATOR_RE.split(text))
    # "Grethe Larsen, næstformand": the role after the comma is no one's name
    return [name for name in names if name and name.lower() not in ROLE_WORDS]
