"""Drop a web page's site footer printed after the last item.

A browser print or text export of a meeting page ends with the site's footer:
the publisher's address and phone, its CVR number, links to the privacy policy
and the accessibility statement ("Region Midtjylland · Skottenborg 26 · 8800
Viborg · Tlf. 7841 0000 · CVR 29190925", "Privatlivspolitik |
Tilgængelighedserklæring"). It is printed once, so no furniture rule catches
it, and it would run into the last item's decision. Only lines at the very end
of the document are looked at, from the last one up, and only those that read
as contact or site links; the first line of text ends the footer.
"""

from __future__ import annotations

import regex

from ..lazy_patterns import lazy_regex
from ..model import Line

# A line of a site footer: a phone or CVR number, a postcode and town between separators,
# or links to the site's policies. Matches "Halsnæs Kommune, Rådhuspladsen 1, 3300
# Frederiksværk. Tlf. 47 78 40 00", "Privatlivspolitik | Tilgængelighedserklæring".
SITE_FOOTER_RE = lazy_regex(
    r"""
    \b(?:tlf|telefon|tel)\.?\s*:?\s*\+?(?:45\s*)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b   # Tlf. 70 12 34 56
    | \bcvr(?:[- ]?nr\.?)?\s*:?\s*\d{8}\b                                        # CVR 29190925
    | \b(?:privatlivspolitik|cookiepolitik|tilgængelighedserklæring|persondatapolitik)\b
    | \bcookies?\b.{0,40}\b(?:indstillinger|politik)\b
    """,
    regex.I | regex.X,
)

# A footer is at most this many lines: address, contact, links.
MAX_FOOTER_LINES = 4


def drop_site_footer(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Lines without a site footer at their end, and the footer lines removed."""
    start = len(lines)
    while start > 0 and len(lines) - start < MAX_FOOTER_LINES and SITE_FOOTER_RE.search(lines[start - 1].text):
        start -= 1
    if start == len(lines) or start == 0:
        return lines, []
    return lines[:start], [line.text for line in lines[start:]]
