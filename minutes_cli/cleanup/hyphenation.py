"""Rejoin words hyphenated across line ends: "dæk-" + "ningsområder" -> "dækningsområder".

A hyphen stays where it is real: before "og"/"eller" ("Sundheds- og"), after
an abbreviation or digit ("FGU-institution", "2013-budget"), or before a
capitalised word ("Nord-Syd").
"""

from __future__ import annotations

from ..model import Line
from ..vocabulary import HYPHEN_KEEPING_WORDS


def _join(left: str, right: str) -> str:
    stem = left[:-1]
    first_word = right.split(" ", 1)[0]
    last_word = stem.rsplit(" ", 1)[-1]
    if first_word.lower().strip(",.") in HYPHEN_KEEPING_WORDS or first_word.startswith(","):
        return left + " " + right  # "Sundheds-" "og Forebyggelse" -> "Sundheds- og Forebyggelse"
    if not first_word[:1].islower() or (last_word and (last_word.isupper() or last_word[-1:].isdigit())):
        return left + right  # "FGU-" "institution" -> "FGU-institution"
    return stem + right


def _breaks_word(line: Line, following: Line) -> bool:
    text = line.text.rstrip()
    # a heading wrapped onto a line of its own type goes on there, gap or not ("(EMN-2018-" / "995389)")
    wrapped_heading = line.heading and following.heading and (line.level, line.size) == (following.level,
                                                                                         following.size)
    return (
        len(text) >= 2
        and text.endswith("-")
        and (text[-2].isalpha() or text[-2].isdigit())
        and (wrapped_heading or (not following.gap_before and not following.heading))
        and (following.text[:1].isalpha() or (text[-2].isdigit() and following.text[:1].isdigit()))
    )


def join_hyphenated(lines: list[Line]) -> list[Line]:
    """Lines with every line-end hyphenation joined into the line it starts on."""
    out: list[Line] = []
    for line in lines:
        # the hyphen test first: almost no line ends in one
        if out and out[-1].text.rstrip().endswith("-") and _breaks_word(out[-1], line):
            out[-1] = out[-1]._replace(text=_join(out[-1].text.rstrip(), line.text.lstrip()))
        else:
            out.append(line)
    return out
