"""Drop signature pages: an "Underskriftsblad" heading, or the line that closes the
meeting ("Mødet sluttede kl. 16.40"), and the names under it.

Printed minutes end with a page where members sign; its names are not part of
the last item. The page runs from the heading to the end of its page (or of the
document, when pages are unknown). A signature page that is an agenda item of
its own ("6. Underskriftsblad", or "6." on the line before) is left alone.
"""

from __future__ import annotations

from ..model import Line
from ..patterns import MEETING_END_RE, NUMBER_ONLY_RE
from ..vocabulary import SIGNATURE_HEADINGS, normalise_label

# "Mødet sluttede kl. 16.40" closes the minutes only near their end; in the header
# ("Mødet blev afsluttet kl. 11.40") it is a fact about the meeting.
MEETING_END_POSITION = 0.8

# A signature heading before a colon is short: "Underskriftsblad:" (the longest, "Underskriftsside", is 16).
SIGNATURE_LABEL_CHARS = 24


def drop_signature_pages(lines: list[Line]) -> list[Line]:
    """Lines without signature pages."""
    for index, line in enumerate(lines):
        if line.text[:1] not in "UuMm" or line.item is not None:
            continue  # "Underskriftsblad", "Mødet sluttede …": nothing else starts a signature page; an item the
            # document states (an export's "6. Underskriftsblad") is an item, whatever its title
        closes = index >= len(lines) * MEETING_END_POSITION and MEETING_END_RE.match(line.text)
        # the heading alone, or with the names after a colon: "Underskriftsblad: Michael Bo Jensen, …"
        label = line.text.split(":", 1)[0] if ":" in line.text[:SIGNATURE_LABEL_CHARS] else line.text
        if normalise_label(label) not in SIGNATURE_HEADINGS and not closes:
            continue
        if index and NUMBER_ONLY_RE.match(lines[index - 1].text):
            continue  # "6." / "Underskriftsblad": an item of the agenda
        end = index
        while end < len(lines) and (line.page is None or lines[end].page == line.page):
            end += 1
        return lines[:index] + drop_signature_pages(lines[end:])
    return lines
