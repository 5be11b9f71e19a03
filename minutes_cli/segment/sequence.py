"""Choose a document's item headings as one sequence, not one line at a time.

Every numbered paragraph that could head an item is a candidate with a score
for its evidence (its form, a case-number label after it, the item's own
sections under it). The items are the candidates whose
numbers rise through the document and whose summed evidence, less a cost
for each number skipped, is the largest. A date ("25. september 2012"), a
year or postcode ("2018 Tidligere behandling", "8410 Rønde") or a numbered
point inside a body cannot then become an item by breaking the run of the
real ones: taking it would cost the items after it.

The choice is a longest-path search over candidates in document order; each
candidate looks back only at numbers at most `MAX_GAP` below its own, so it
runs in time linear in the number of candidates.
"""

from __future__ import annotations

from typing import NamedTuple

# Evidence a candidate brings (tuned on the fixtures and corpus, see tests/test_sequence.py):
# a case number in the title's parentheses or a case-number label right after it is the
# strongest sign of an item heading…
CONFIRMED_EVIDENCE = 2.0
# …a heading form (bold, larger type, an HTML heading) is good evidence…
HEADING_EVIDENCE = 1.0
# …and a short capitalised line without a sentence end is weak evidence: it counts only
# beside stronger candidates, filling the gaps between them ("1. Godkendelse af dagsorden").
PLAUSIBLE_EVIDENCE = 0.5

# Each number skipped between two chosen items costs this much: closed items left out of a
# public referat leave gaps of a few numbers, a date or year leaves a gap of hundreds.
GAP_COST = 0.3
# A sequence that starts above 1 costs this much once: Acadre numbers items through the year
# ("715."), but a lone postcode or year should not outweigh a real run.
LATE_START_COST = 0.4
# Numbers further below a candidate than this are not looked at: such a gap costs more than
# any candidate's evidence brings.
MAX_GAP = 30


class Candidate(NamedTuple):
    """A paragraph that could head an item: its number, a sub-letter ("3a"), and its evidence."""

    number: int
    evidence: float
    letter: str = ""


def choose_sequence(candidates: list[Candidate]) -> list[int]:
    """Indexes of the chosen candidates, in document order: numbers rising, evidence less gap costs largest.

    A sub-lettered number ("3a") may follow its plain number ("3") or an earlier letter.
    A candidate with no positive evidence is never chosen; an empty list when nothing is worth choosing.
    """
    # best[number][letter] = (score of the best sequence ending at such a candidate, its index)
    best: dict[int, dict[str, tuple[float, int]]] = {}
    back: list[int | None] = [None] * len(candidates)
    for index, (number, evidence, letter) in enumerate(candidates):
        if evidence <= 0:
            continue
        score = evidence - (LATE_START_COST if number > 1 else 0.0)
        previous: int | None = None
        for lower in range(number, max(number - MAX_GAP, 0) - 1, -1):
            for earlier_letter, (earlier_score, earlier_index) in best.get(lower, {}).items():
                if lower == number and earlier_letter >= letter:
                    continue  # the same number again, unless a later sub-letter
                option = earlier_score + evidence - GAP_COST * max(number - lower - 1, 0)
                if option > score:
                    score, previous = option, earlier_index
        back[index] = previous
        ends = best.setdefault(number, {})
        if letter not in ends or score > ends[letter][0]:
            ends[letter] = (score, index)
    finals = [end for ends in best.values() for end in ends.values()]
    if not finals:
        return []
    chosen: list[int] = []
    cursor: int | None = max(finals)[1]
    while cursor is not None:
        chosen.append(cursor)
        cursor = back[cursor]
    return chosen[::-1]
