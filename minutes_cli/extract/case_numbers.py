"""An item's own case numbers (sagsnr.) and its case officer (sagsbehandler).

Case numbers are taken only where an item states its own: after a label
("Sagsnr.: 12/27845", also with the value on the next line), in the title's
trailing parentheses, or as a paragraph of its own at the top of the item.
References to other cases inside the text ("(BIU 2009-9399 og SUD
2008-75120)", "SUD 257/2007") are not the item's and are left alone.
"""

from __future__ import annotations

from ..model import Block
from ..patterns import CASE_LABEL_INITIALS, CASE_LABEL_RE, CASE_OFFICER_RE, CASE_VALUE_RE, LABELLED_VALUE_RE

# CASE_LABEL_RE's value group by number: `regex` reads a group name by first failing to read
# it as a number, an exception each time (see amounts._VALUE_GROUPS).
_LABELLED_CASE = CASE_LABEL_RE.groupindex["case"]

# A bare case number counts only among the first paragraphs of an item
# (FirstAgenda prints it right under the title); later it is a reference.
BARE_CASE_LOOKAHEAD = 3


def _labelled(blocks: tuple[Block, ...]) -> list[str]:
    found: list[str] = []
    # no label starts otherwise (a line is never empty, model.Line): the regex skips most prose
    candidates = [(index, line_index, line) for index, block in enumerate(blocks)
                  for line_index, line in enumerate(block.lines) if line.text[0] in CASE_LABEL_INITIALS]
    for index, line_index, line in candidates:
        match = CASE_LABEL_RE.match(line.text)
        if not match:
            continue
        if match.group(_LABELLED_CASE):
            found.append(match.group(_LABELLED_CASE))
            continue
        # the value stands on the next line, in this paragraph or the next
        following = [ln.text for ln in blocks[index].lines[line_index + 1: line_index + 2]]
        if not following and index + 1 < len(blocks):
            following = [blocks[index + 1].lines[0].text]
        for text in following:
            value = LABELLED_VALUE_RE.match(text)
            if value:
                found.append(value.group("case"))
    return found


def find_case_numbers(title_case: str | None, heading: Block | None, blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The item's case numbers in order of appearance, without repeats."""
    found: list[str] = [title_case] if title_case else []
    if heading is not None:
        found += _labelled((heading,))
    for block in blocks[:BARE_CASE_LOOKAHEAD]:
        match = CASE_VALUE_RE.match(block.text)
        if match:
            found.append(match.group("case"))
    found += _labelled(blocks)
    return tuple(dict.fromkeys(found))


def find_case_officer(blocks: tuple[Block, ...]) -> str | None:
    """The sagsbehandler named in the item, if any."""
    for block in blocks:
        text = block.text
        # the labels CASE_OFFICER_RE knows ("Sagsbehandler", "SAGSBEHANDLER", "Kontaktperson",
        # "kontakt"), found without lower-casing every paragraph
        if not ("agsbehandler" in text or "ontakt" in text or "AGSBEHANDLER" in text or "ONTAKT" in text):
            continue
        match = CASE_OFFICER_RE.search(text)
        if match and not text.lower().startswith("øvrige"):
            return str(match.group("name")).strip()
    return None
