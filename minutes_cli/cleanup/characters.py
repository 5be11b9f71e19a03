"""Character-level normalisation applied to text before it is split into lines.

NBSP and other odd spaces become spaces, soft hyphens vanish, pdfium's
end-of-line hyphen marker becomes a hyphen, Markdown emphasis and links are
reduced to their text. `**bold**` markers become paragraph breaks: in exported
minutes they wrap headings glued to the text before them
("Dagsordenpunkt**Placering af …**").
"""

from __future__ import annotations

import unicodedata

from ..patterns import MARKDOWN_ITALIC_RE, MARKDOWN_LINK_RE

# Characters that are spaces in all but name: every whitespace character of str.split()
# but the line feed, the space itself and the form feed (a page break, below).
_SPACE_LIKE = dict.fromkeys(map(ord, "\t\x0b\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
                                     "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"), " ")
# Characters that carry nothing: soft hyphen, zero-width space/joiners, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff\u2060"), None)
# pdfium marks a hyphen it found at a line end with U+FFFE; \x02 is the same in some exports.
_LINE_END_HYPHEN = {ord("\ufffe"): "-", ord("\x02"): "-"}

TRANSLATION = {**_SPACE_LIKE, **_INVISIBLE, **_LINE_END_HYPHEN, ord("\r"): "\n", ord("\x0c"): "\n\x0c\n"}


def normalise_characters(text: str) -> str:
    """Normalise spaces, invisible characters and line ends; keep every visible character.

    Letters written as a base letter and a combining mark ("a" + U+030A, as text from
    macOS and some PDF producers has them) are composed ("å", NFC): the same letters,
    which the lexicon's words ("åbent", "Økonomiudvalget") then match.
    """
    if not unicodedata.is_normalized("NFC", text):  # a C-speed check; most texts are composed already
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n")
    # translate() walks every character in Python-level mapping calls; most texts hold
    # none of these characters, so replace only those present (a C-speed scan each)
    for code, replacement in TRANSLATION.items():
        char = chr(code)
        if char in text:
            text = text.replace(char, replacement or "")
    return text


def strip_markdown(text: str) -> str:
    """Reduce Markdown links and emphasis to their text; `**` becomes a paragraph break."""
    if "](" in text:
        text = MARKDOWN_LINK_RE.sub(lambda m: m.group("text"), text)
    text = text.replace("**", "\n\n")
    if "*" in text:
        text = MARKDOWN_ITALIC_RE.sub(lambda m: m.group("text"), text)
    return str(text)
