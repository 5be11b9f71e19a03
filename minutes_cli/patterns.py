"""Every regular expression of the parser, with an example each, compiled once on first use.

Patterns are in VERBOSE mode so each part can carry a comment. Most are `regex`
patterns (variable-width lookbehind, Unicode-aware matching). The anchored
ones tried on nearly every line (list markers, "Bilag" lines, item headings,
case numbers, page numbers, table-of-contents entries) are compiled with the
standard library's `re`, which reads the same syntax and answers a call in
half the time; a test checks that both engines agree on them. Patterns that
look at word boundaries before a label stay with `regex`: it counts combining
marks as word characters and `re` does not. Word lists live in `vocabulary.py`;
this module holds shapes, and builds every alternation of words from those
lists (`words_alternation`). A speed prefilter (OPENER_HINT_RE, PUNKT_INITIALS,
has_currency_word, match_recommender's stems) stands beside the pattern it
guards and is built from the same list; tests/test_lexicon.py checks that each
accepts everything its pattern matches. Each pattern is compiled the first time
it is used (`lazy_patterns`): a short run pays only for the patterns it needs.
"""

from __future__ import annotations

import re

import regex

from .lazy_patterns import lazy_re, lazy_regex
from .vocabulary import (
    ABBREVIATIONS,
    ABSENCE_LABELS,
    CASE_NUMBER_LABELS,
    CASE_OFFICER_LABELS,
    CLOSED_PART_WORDS,
    CLOSED_STATUS_WORDS,
    CURRENCY_WORDS,
    HEADER_LABELS,
    ITEM_WORDS,
    MONTHS,
    OPEN_PART_WORDS,
    OPEN_STATUS_WORDS,
    PART_HEADING_NOUNS,
    PART_NOUNS,
    PLACE_WORDS,
    RANGE_WORDS,
    RECOMMENDER_VERB_STEMS,
    RECOMMENDER_VERBS,
    ROLE_WORDS,
    SCALE_WORDS,
    SUMMARY_PREPOSITIONS,
)

V = regex.VERBOSE
VI = regex.VERBOSE | regex.IGNORECASE
# The same flags for the standard library's engine (see the module docstring).
RE_V = re.VERBOSE
RE_VI = re.VERBOSE | re.IGNORECASE


def words_alternation(words: tuple[str, ...] | list[str], space: str = r"\s+") -> str:
    r"""A regex alternation of lexicon words, longest first, each escaped: a space inside a word
    becomes `space` (any run of spaces, or `\s?` for "space or none"), a trailing "." an optional
    dot: ("pkt.", "til stede") -> "til\s+stede|pkt\.?"."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        dot = word.endswith(".") and len(word) > 1
        body = regex.escape(word[:-1] if dot else word).replace(r"\ ", space).replace(" ", space)
        parts.append(body + (r"\.?" if dot else ""))
    return "|".join(parts)


def initials(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The first letters of the words, in both cases: a cheap test before a pattern built from them."""
    return frozenset(ch for word in words for ch in (word[0].lower(), word[0].upper()))


# Limit of a label before a colon ("Økonomiske konsekvenser og finansiering:", "Referat:"):
# one name for what the paragraph splitter, the section splitter and INLINE_LABEL_RE look
# for. 60 holds the longest label of the vocabulary (39 characters) with room for a dated
# committee label ("Økonomiudvalget den 13.03.2018:", 31).
LABEL_MAX_CHARS = 60

# --- case numbers ---------------------------------------------------------

# The value of a case number, as printed. Matches:
#   2009-66012   2016/05156   15.20.05-P08-1-19   12/27845   EMN-2025-009242   21-014420
CASE_VALUE = r"""
    (?:[A-ZÆØÅ]{2,5}-)?                  # system prefix: EMN-
    (?!(?:19|20)\d\d[-/](?:19|20)\d\d(?![\d/-]))         # not a period of years: 2007-2011
    (?:
        \d{2}\.\d{2}(?:\.\d{2})?[.-]?[A-ZÆØÅ]\d{2}(?:-\d+){1,3}  # KLE: 15.20.05-P08-1-19, 00.01A00-2022-1234
      | \d{2,4}[-/]\d{3,7}(?:[-/]\d{1,7})?             # year-serial: 2009-66012, 12/27845, EMN-2025-009242
    )
"""

CASE_VALUE_RE = lazy_re(rf"^\s*(?P<case>{CASE_VALUE})\s*$", RE_V)

# A case number on the line after its label, where a bare serial is allowed: "JOURNALNUMMER" / "23012345"
LABELLED_VALUE_RE = lazy_re(rf"^\s*(?P<case>{CASE_VALUE}|\d{{6,12}})\s*$", RE_V)

# The case-number labels of the lexicon; one whose first word is an item word ("sag nr")
# must not stand before an item's number ("Sag nr. 1: Title", "Sag nr. 2 – Budget").
_ITEM_NUMBER_AHEAD = r"(?!\.?\s*\d{1,4}\s*(?:[:.)]|[–-]\s))"
_CASE_LABELS = "|".join(
    words_alternation([label], r"\s?") + (_ITEM_NUMBER_AHEAD if label.split()[0] in
                                          {w.rstrip(".") for w in ITEM_WORDS} else "")
    for label in sorted(CASE_NUMBER_LABELS, key=len, reverse=True))
# First letters of the labels (Sagsnr., J.nr., Journalnr., Emnenr.): no label opens otherwise.
CASE_LABEL_INITIALS = initials(CASE_NUMBER_LABELS)

# A labelled case number, the value on the same line. Matches:
#   "Sagsnr.: 15.20.05-P08-1-19 Sagsbehandler: Lisbeth Blaabjerg"   "J.nr. 2016/05156"   "Sags nr.: 12/27845"
CASE_LABEL_RE = lazy_regex(
    rf"""
    (?<![\w.])
    (?:{_CASE_LABELS})                                # the label, not "Sag nr. 1: Title"
    \.?\s*:?\s*                                       # "Sagsnr.:", "Sagsnr", "J.nr."
    (?P<case>{CASE_VALUE}|\d{{6,12}}(?![\d.,])           # value (a bare serial "200906126" only when labelled,
      |(?:19|20)\d\d/\d{{1,2}}(?![\d/-]))?                # and an old journal number "J.nr. 1968/14");
                                                      # absent when it stands on the next line
    (?![\w/])
    """,
    VI,
)

# A case number in the title's trailing parentheses, labelled or not. Matches: "Projekt Bedre Serviceveje
# (2009-66012)", "Tilskud til byfest (Sag: 23/00456)", "Vejplan (Sagsnr. 2016/05156)"
TITLE_CASE_RE = lazy_regex(rf"\s*\(\s*(?:(?:{_CASE_LABELS}|sag)\.?\s*:?\s*)?(?P<case>{CASE_VALUE})\s*\)\s*$", VI)

# A case number closing a title without parentheses, as an item table's row prints it:
# "1 Godkendelse af dagsorden 2023-35921" (never a period of years: "Trafikplan 2024-2028").
TRAILING_CASE_RE = lazy_re(rf"\s(?P<case>{CASE_VALUE})\s*$", RE_V)

# --- item starts ----------------------------------------------------------

# An item's status in parentheses before its title: "(Åben)", "(Lukket)", "(Offentlig)" (case-blind).
_STATUS_IN_PARENTHESES = rf"\((?i:{words_alternation(CLOSED_STATUS_WORDS + OPEN_STATUS_WORDS)})\)"

# An open status in parentheses opening a title, which the title loses: "(Åben) Godkendelse af dagsorden"
OPEN_MARKER_RE = lazy_re(rf"^\((?:{words_alternation(OPEN_STATUS_WORDS)})\)\s*", RE_VI)

# "Punkt 7: Meddelelser", "Punkt 14: Lukket: Meddelelser", "Pkt. 3. Budget", "Sag nr. 1: Budget", "Sag 1 – Budget",
# "Dagsordenspunkt 2: Budget"
PUNKT_ITEM_RE = lazy_re(
    rf"""
    ^(?:{words_alternation(ITEM_WORDS)})  # the word: Punkt, Pkt., Sag, Dagsordenspunkt
    (?:\s+nr\.?)?\s*                    # "Sag nr. 1"
    (?P<number>\d{{1,4}}[a-z]?)           # 7, 14, 3a
    (?:\s*[:.)]\s*|\s+[–-]\s+|\s+(?=[A-ZÆØÅ])|\s+(?={_STATUS_IN_PARENTHESES}))  # separator ":", ".", " – ", none
                                        # before a capital, or a status: "Punkt 1 (Åben) Godkendelse"
    (?P<title>\S.*)$                    # title, may start with "Lukket:"
    """,
    RE_VI,
)

# First letters of the item words ("Punkt", "Pkt.", "Sag", "Dagsordenspunkt"): a paragraph
# opening otherwise is no PUNKT_ITEM_RE heading, a cheap test before the pattern.
PUNKT_INITIALS = initials(ITEM_WORDS)

# An item word and number ended by a separator: "Punkt 3:", "Pkt. 4.", "Sag 12)" (the title is set apart).
PUNKT_NUMBER_SEPARATOR_RE = lazy_re(r"^\S+\s*\d+[a-z]?\s*[:.)]")

# "10. Projekt Bedre Serviceveje (2009-66012)", "715. Kulturkommune 2017", "2.\tBygningsvedligeholdelse",
# "3) Vejplan", "4 - Tilskud til byfest"
NUMBERED_ITEM_RE = lazy_re(
    rf"""
    ^(?P<number>\d{{1,4}})                # item number
    (?:[.)]?[ \t]+|[ \t]+[-–][ \t]+)      # dot or parenthesis (optional) and space or tab: "1.", "1)",
                                        # or a dash between spaces: "1 - Godkendelse af dagsorden"
    (?P<title>(?!at\b)                  # title starts with a letter, not an "at"-point,
      (?:\d{{1,2}}\.[ ](?=[a-zæøå]))?        # or with an ordinal: "1. 2. behandling af forslag …"
      (?:{_STATUS_IN_PARENTHESES}[ \t]+)?  # or with its status: "3. (Lukket) Klagesag"
      [^\W\d_].*)$
    """,
    RE_V,
)

# A number alone on its line, the title on the next (eDoc AgendaWeb): "1."
NUMBER_ONLY_RE = lazy_re(r"^(?P<number>\d{1,4})\.?$", RE_V)

# The heading of the open or closed part of an agenda: "Åbne sager", "Lukkede punkter", "Lukket dagsorden"
CLOSED_PART_RE = lazy_regex(
    rf"^(?:{words_alternation(CLOSED_PART_WORDS)})\s+(?:{words_alternation(PART_NOUNS)})\b", VI)
OPEN_PART_RE = lazy_regex(rf"^(?:{words_alternation(OPEN_PART_WORDS)})\s+(?:{words_alternation(PART_NOUNS)})\b", VI)
# "Lukkede …", "Åbne …": the first letters of the part headings, a cheap test before the patterns.
PART_INITIALS = initials(CLOSED_PART_WORDS + OPEN_PART_WORDS)
PART_HEADING_RE = lazy_regex(
    rf"^(?:(?:{words_alternation(CLOSED_PART_WORDS + OPEN_PART_WORDS)})\s+(?:{words_alternation(PART_HEADING_NOUNS)}))"
    r"\s*:?\s*$", VI)

# The line that closes a meeting, after the last item: "Mødet sluttede kl. 16.40.", "Mødet hævet kl. 17"
MEETING_END_RE = lazy_regex(r"^mødet\s+(?:blev\s+)?(?:sluttede|slut|hævet|hævedes|afsluttet|afsluttedes)\b.{0,40}$",
                            VI)

# "1.1 Status siden sidst": a sub-item number; it belongs to the item above.
SUBITEM_RE = lazy_re(r"^(?P<number>\d{1,2}\.\d{1,2})\.?[ \t]+(?P<title>[A-ZÆØÅ].*)$", RE_V)

# An item's status on a line of its own (OS2dagsorden, eDoc): "Lukket punkt", "Åbent punkt", "Lukket", "Åben"
STATUS_LINE_RE = lazy_re(
    r"^(?:(?:status|punkttype|type|adgang)\s*:?\s*)?"
    rf"(?P<status>{words_alternation(CLOSED_STATUS_WORDS + OPEN_STATUS_WORDS)})"
    r"(?:\s+(?:punkt|sag))?$",
    RE_VI)

# "Lukket: Meddelelser", "Lukket punkt: Personalesag", "(Lukket)"
CLOSED_RE = lazy_regex(
    r"""
    ^(?:lukket(?:\s+(?:punkt|sag))?|fortroligt)\s*[:.–-]\s*  # leading marker
    | \(\s*lukket(?:\s+punkt)?\s*\)                     # marker in parentheses
    | \blukket\s+punkt\b
    | \bfor\s+lukkede\s+døre\b
    """,
    VI,
)

# --- lists ----------------------------------------------------------------

# A list marker at the start of a line. Matches: "1. at", "2) ", "a. ", "A) ", "- ", "• ", "At 1) ",
# "At) " (an "At N)" whose number the print lost)
LIST_MARKER_RE = lazy_re(
    r"""
    ^(?:
        (?P<at>(?i:at)\s+(?=\d)|(?i:at)(?=\)))?(?:\d{1,2})?(?<=\d|[tT])\s*[.)]\s+  # 1. / 2) / At 1) / At)
      | [a-zA-Z]\s*[.)]\s+                # a. / A)
      | [-–•●▪◦*]\s*                      # bullets
      | \uf0b7\s*                         # Word's private-use bullet
    )
    """,
    RE_V,
)

# The words a line opens with when it is an item heading, a label or an attachment line:
# built from the lists PUNKT_ITEM_RE, CASE_LABEL_RE, HEADER_LABEL_RE, ABSENCE_LINE_RE and
# BILAG_LINE_RE are built from, so a word added there is never missed here.
_OPENER_WORDS = "|".join((
    words_alternation(ITEM_WORDS), words_alternation(CASE_NUMBER_LABELS, r"\s?"),
    words_alternation(HEADER_LABELS + ABSENCE_LABELS + ("bilag", "følgende", "at ", "at)"))))  # "at …", "At) …"

# The opening of a line that may be a marker, number or label (the patterns above and the
# header labels below); a line that opens otherwise is prose unless it is short.
OPENER_HINT_RE = lazy_re(
    rf"""
    ^(?:
        [\d•●▪◦*\-–\uf0b7(]                                  # numbers, bullets: "1.", "- ", "(1)"
      | [a-zA-ZæøåÆØÅ]\s*[.)]\s                              # letter markers: "a) ", "B. ", "a ) " (as LIST_MARKER_RE)
      | [A-ZÆØÅ]{{2,5}}-\d                                    # prefixed case numbers: "EMN-2025-…"
      | (?i:{_OPENER_WORDS})                                  # item words, labels: "Dagsordenspunkt 2:", "Sagsnr."
    )
    """,
    RE_V,
)

# --- recommendation -------------------------------------------------------

# "Beskæftigelses- og Integrationsforvaltningen indstiller, at", "Direktøren indstiller:",
# "Det indstilles, at", "Center for Ejendomme indstiller, at"
RECOMMENDER_RE = lazy_regex(
    rf"""
    ^(?P<by>[^\W\d_][\w.,&/()–-]*(?:\s+[\w.,&/()–-]+){{0,23}}?)  # who: up to 24 words, starting with a letter
    \s+(?:hermed\s+)?
    (?:{words_alternation(RECOMMENDER_VERBS)})        # the verb: indstiller, anbefaler, foreslår
    (?:\s+(?:hermed|derfor|samtidig))?
    (?:\s+(?:til|overfor|over\s+for)\s+[^,:]{{1,80}}?(?=\s*[,:]|\s+at\b|\s+over\s+for\b|\s+til\b)){{0,2}}  # til X
    \s*[,:;]?\s*
    (?P<rest>.*)$                                   # what follows on the same line: "at …"
    """,
    VI,
)

# The verb stands after at most 24 words of author: well within this many characters.
RECOMMENDER_VERB_WITHIN = 400


def match_recommender(text: str) -> regex.Match[str] | None:
    """RECOMMENDER_RE's match at the start of the text, trying the pattern only when a verb is there.

    A text without the stem of one of its verbs (RECOMMENDER_VERB_STEMS, beside the
    verbs in the lexicon) cannot match, and three substring tests are far cheaper than
    the pattern on the many short lines that are no lead-in.
    """
    lowered = text[:RECOMMENDER_VERB_WITHIN].lower()
    for stem in RECOMMENDER_VERB_STEMS:
        if stem in lowered:
            return RECOMMENDER_RE.match(text)
    return None


# The "at" that ends a lead-in: "indstiller, at" / "indstiller at:".
LEADING_AT_RE = lazy_regex(r"^at\b\s*[:,]?\s*", VI)

# --- decisions ------------------------------------------------------------

# The date of a decision label: "den 04.12.2012", "den 20-06-2013", "den 27. marts 2018"
_DECISION_DATE = r"\s+den\s+(?P<date>\d{1,2}[.-]\s?\d{1,2}[.-]\s?\d{2,4}|\d{1,2}\.\s*\w+\s+\d{4})"

# "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
# "Beslutning i Udvalget for plan, udvikling og kultur den 20-06-2013"
DATED_DECISION_RE = lazy_regex(
    rf"""
    ^(?:
        (?P<body1>[^\W\d_][\w\s,.-]{{2,120}}?)s\s+beslutning   # "<Udvalg>s beslutning"
      | beslutning\s+i\s+(?P<body2>[^\W\d_].{{2,150}}?)         # "Beslutning i <udvalg>"
      | beslutning\s+(?P<body4>(?-i:[A-ZÆØÅ])[\w\s,.-]{{0,80}}?   # "Beslutning Økonomiudvalget den 05-03-2019":
          (?:udvalget|rådet|bestyrelsen|borgerrepræsentationen|magistraten))  # a body named by what it is
    )
    (?:{_DECISION_DATE})?                                         # den 04.12.2012
    (?:\s*(?:,\s*)?(?:punkt|pkt\.?)\s*\d+)?                    # Punkt 2
    \s*:?\s*$
    """,
    VI,
)

# A committee's dated decision label, its colon required (without one the line is a title
# or a running header): "Økonomiudvalget den 13.03.2018:", "Byrådet den 27. marts 2018, pkt. 45:"
COMMITTEE_DECISION_LABEL_RE = lazy_regex(
    rf"""
    ^(?P<body3>
        [A-ZÆØÅ][\w\s,.&-]{{0,80}}?
        (?:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse|direktionen|direktion|magistraten|magistrat
          |borgerrepræsentationen|borgerrepræsentation)    # the body's name ends in what it is: "Økonomiudvalget"
      | Udvalg(?:et)?\s+for\s+[\w\s,&-]{{2,80}}?)       # or says it: "Udvalget for Klima, Miljø og Natur"
    {_DECISION_DATE}
    (?:\s*,?\s*(?:punkt|pkt\.?)\s*\d+)?                          # , pkt. 45
    \s*:$
    """,
    V,
)

# A heading-like phrase that restates an item: a capitalised noun and, as its second or third
# word, a preposition: "Forslag om …", "Anlægsbevilling til …", "Endelig vedtagelse af …"
SUMMARY_OPENER_RE = lazy_regex(rf"^[A-ZÆØÅ][\w-]*(?:\s+[\w-]+)?\s+(?:{words_alternation(SUMMARY_PREPOSITIONS)})\s",
                               V)

# "Afbud: Tilde," / "Fraværende: Jens Hansen (A)" / "Følgende deltog ikke i behandlingen af punktet: …"
ABSENCE_LINE_RE = lazy_regex(
    rf"""
    ^(?:{words_alternation(ABSENCE_LABELS)}|følgende\s+deltog\s+ikke[^:]*|
        (?:\w+\s+){{0,4}}deltog\s+ikke[^:]*)
    \s*[:.]?\s*(?P<names>.*)$
    """,
    VI,
)

# --- attachments ----------------------------------------------------------

# "Bilag 1. Præsentation, BIU – 2. del", "Bilag 2: Budget", "Bilag: Notat om X", "Bilag 2a. Kort",
# "Bilag 1 Lokalplan 1234", "Bilag 3 2. udkast af aftalen"
# Not: "Bilag 1A (opdateret 11.08.2025)", "Bilag 2 til notat: …", "Bilag 3 er vedlagt." (the title is all of it)
BILAG_LINE_RE = lazy_re(
    r"""
    ^bilag\s*
    (?:
        (?P<number>\d{1,3}[a-z]?)?\s*[.:)–-]\s*     # number (2, 2a) and separator
      | (?P<spaced>\d{1,3}[a-z]?)[ \t]+(?=(?-i:[A-ZÆØÅ\d]))  # or a number and a space, a capital or digit next
    )
    (?P<title>\S.*)$
    """,
    RE_VI,
)

# An attachment's own prefix: "1. ", "2: ", "3) ", "- ", or an ESDH document number
# "2012-200782 - ", "222359/12 " before the title.
ATTACHMENT_PREFIX_RE = lazy_re(
    r"""
    ^(?:
        (?P<number>\d{1,3})\s*[.:)]\s+            # 1. / 1: / 1)
      | [-–•●▪*]\s+                               # bullet
      | \uf0b7\s*
      | \d{1,3}\s+(?i:åben|lukket|fortrolig)\s+  # Acadre bilag table row: "1 Åben "
    )?
    (?:\d{4}[-–]\d{4,8}(?:-\d+)?\s*[-–:]\s*       # eDoc doc. no.: 2012-200782 -
      | \d{3,8}/\d{2}\s+                          # Acadre doc. no.: 222359/12
    )?
    """,
    RE_V,
)

# An ESDH document number after an attachment's title (Acadre bilag table): "… Temamøde 20.09.2012 222359/12"
TRAILING_DOCUMENT_NUMBER_RE = lazy_regex(r"\s+\d{3,8}/\d{2}\s*$", V)

# A download size after a linked attachment title: "Skitseforslag Lysbro Børnehus (1,2 MB)"
FILE_SIZE_RE = lazy_regex(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:[kKMG]B|bytes?|kb)\s*\)\s*$", V)

# An attachment line that opens with an ESDH document number: "2012-200782 - Title", "222359/12 Title"
DOCUMENT_NUMBER_RE = lazy_regex(r"^(?:\d{4}[-–]\d{4,8}(?:-\d+)?\s*[-–:]\s*|\d{3,8}/\d{2}\s+)\S", V)

# --- page furniture -------------------------------------------------------

# Lines that are page numbers. Matches: "Side 3", "Side 3 af 12", "3 of 5", "3/12", "- 3 -", "12"
PAGE_NUMBER_RE = lazy_re(
    r"""
    ^\s*(?:
        side\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?
      | \d{1,4}\s*(?:af|of|/)\s*\d{1,4}
      | [-–]\s*\d{1,4}\s*[-–]
      | \d{1,4}
      | page\s+\d{1,4}(?:\s+of\s+\d{1,4})?
    )\s*$
    """,
    RE_VI,
)

# A table-of-contents line with a dot leader and a page number:
#   "Meddelelser.....\t3"   "715. Kulturkommune 2017. Politiske fokusområder........2"
TOC_LINE_RE = lazy_re(r"(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d{1,4}\s*$", RE_V)

# A table-of-contents entry without a dot leader: "2. Bygningsvedligeholdelse 2013 - anlægsbevilling 3"
TOC_ENTRY_RE = lazy_re(r"^(?P<number>\d{1,4})\.?\s+\S.*\s(?P<page>\d{1,3})$", RE_V)
# The same entry led by an item word, its page set apart by spaces the reader collapsed:
# "Dagsordenspunkt 1: Godkendelse af dagsorden 2", "Punkt 3. Renovering af Hestkøbvej 3"
TOC_PUNKT_ENTRY_RE = lazy_re(
    rf"^(?:{words_alternation(ITEM_WORDS)})(?:\s+nr\.?)?\s*(?P<number>\d{{1,4}})\s*[:.)]?\s+\S.*\s(?P<page>\d{{1,3}})$",
    RE_VI)
# The wrapped end of such an entry: "ældre 10"
TOC_TAIL_RE = lazy_re(r"^\S.{0,80}\s\d{1,3}$", RE_V)

# Headings of a table of contents.
TOC_HEADING_RE = lazy_re(r"^(?:indholdsfortegnelse|indhold|punkt\s*nr\.?\s*side|dagsordenpunkter\s+side)\s*$",
                               RE_VI)

# The page counter inside a running header line, in lower case (the furniture key is):
# "side 3", "side 3 af 12", "3 of 5", "s. 4", a trailing " 7"
PAGE_COUNTER_RE = lazy_regex(
    r"""
    (?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/)\s*\d+)?   # Side 3 / Side 3 af 12
    | (?<![\d/-])\b\d{1,3}\s*(?:af|of|/)\s*\d{1,3}\b(?![/-]\d)  # 3 of 5 / 3/12 (not 2016/05156)
    | (?<=\s)\d{1,4}$                                     # trailing page number
    | ^\d{1,4}$                                           # bare page number
    """,
    V,  # lower case only: a case-blind search pays a case lookup per letter
)

# A page reference inside a line: "Side 3", "side 3 af 12", "3 of 5", "3/12" (not a trailing year)
_PAGE_REFERENCE = r"(?:side|page)\s*\d+|(?<![\d/-])\b\d{1,3}\s*(?:af|of|/)\s*\d{1,3}\b(?![/-]\d)"
PAGE_REFERENCE_RE = lazy_regex(_PAGE_REFERENCE, VI)
# The same in text already in lower case, without the cost of case-blind matching.
PAGE_REFERENCE_LOWER_RE = lazy_regex(_PAGE_REFERENCE, V)
# A cheap test before PAGE_REFERENCE_LOWER_RE (the standard library scans faster): each of its
# matches holds one of these, "side 3" or "3 af 12" (tests/test_lexicon.py).
PAGE_REFERENCE_HINT_RE = lazy_re(r"(?:side|page)\s*\d|\d\s*(?:af|of|/)\s*\d")

# Digits in a furniture line vary from page to page ("Side 3"); they compare as one symbol.
DIGITS_RE = lazy_regex(r"\d+")

# A word of letters: "Mandag" in "Mandag 20.02.2018"
WORD_RE = lazy_regex(r"[^\W\d_]+")

# Any digit: "Side 3". A cheap test before the page patterns (the standard library's
# `re` scans for one character class faster than `regex`).
HAS_DIGIT_RE = lazy_re(r"\d")

# --- dates and times ------------------------------------------------------

# "20-02-2018", "20.02.2018", "04.12.12", "2018-02-20", "7/5 2013"
NUMERIC_DATE_RE = lazy_regex(
    r"""
    (?<![\w/.-])
    (?:
        (?P<d>\d{1,2})[.-](?P<m>\d{1,2})[.-](?P<y>\d{4}|\d{2})     # 20-02-2018, 20.02.18
      | (?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})                 # 2018-02-20
      | (?P<d3>\d{1,2})/(?P<m3>\d{1,2})                           # 7/5 2013, 4/3-2020, 12/11-98
        (?:[ ]|[ ]?-[ ]?)(?P<y3>(?:1[89]|20)\d\d|\d{2}(?![\d.:]))
    )
    (?![\d/-])
    """,
    V,
)

# "20. februar 2018", "Torsdag den 20. juni 2013", "29. januar 2020", "1. okt. 2025"
WORD_DATE_RE = lazy_regex(
    rf"""
    (?<!\d)(?P<d>\d{{1,2}})\.?\s+
    (?P<month>{words_alternation(tuple(MONTHS))})\.?      # februar, feb, sept
    \s+(?P<y>\d{{4}})
    """,
    VI,
)

# "kl. 16:30", "Kl. 10.30", "kl. 9", "13:00 - 15:00"
TIME_RE = lazy_regex(
    r"""
    (?:\b(?:kl\.?|klokken)\s*(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\b)  # kl. 16:30, klokken 9
    | (?<![\d:.])(?P<h2>\d{1,2}):(?P<m2>\d{2})(?![\d:])       # 13:00
    """,
    VI,
)

# --- meeting header -------------------------------------------------------

# "Udvalg: Beskæftigelsesudvalget", "Mødedato: 29. januar 2020", "Sted: Rådhuset", "Mødested Mødelokale 2608"
HEADER_LABEL_RE = lazy_regex(
    rf"""
    ^(?P<label>{words_alternation(HEADER_LABELS)})    # the labels of the lexicon, longest first
    (?:\s*:\s*|\s+(?=\S))
    (?P<value>.*)$
    """,
    VI,
)

# "Gladsaxe Kommune", "Region Hovedstaden", "Københavns Kommune"
MUNICIPALITY_RE = lazy_regex(
    r"""
    \b(?:
        (?P<kommune>[A-ZÆØÅ][\wæøåÆØÅ-]+(?:[ -][A-ZÆØÅ][\wæøåÆØÅ-]+)?\s+(?:Kommune|KOMMUNE))  # Gladsaxe Kommune
      | (?P<region>Region\s+(?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland))
    )\b
    """,
    V,
)

# The parts of a page title: "Middelfart Kommune – Økonomiudvalget – Referat – 14. marts 2023 kl. 08:00 –
# Mødelokale 1" splits at each spaced dash or bar (not the hyphen of "Børne- og Familieudvalget").
TITLE_SEPARATOR_RE = lazy_regex(r"\s+[–—|-]\s+", V)

# A postcode and town, the last line of an address: "8410 Rønde", "2750 Ballerup"
POSTCODE_LINE_RE = lazy_regex(r"^\d{4}\s+[A-ZÆØÅ][\w .-]{1,40}$", V)

# A header line in prose that says where the meeting is: "i Mødecenter C, Lokale 32 på Ballerup Rådhus"
PROSE_PLACE_RE = lazy_regex(
    rf"""
    ^(?:i|på)\s+                                           # "i …", "på …"
    (?P<place>[^\W\d_].{{0,100}}?\b(?:{words_alternation(PLACE_WORDS)})\w*\b.{{0,60}}?)  # names a room or hall
    \s*[.,]?$
    """,
    VI,
)

# A role after a member's name: "Lolan Ottesen (A) - formand", "Grethe Larsen, næstformand"
ROLE_SUFFIX_RE = lazy_regex(rf"\s*(?:[-–,]\s*|\(\s*)(?:{words_alternation(ROLE_WORDS)})\s*\)?\s*$", VI)

# --- text clean-up --------------------------------------------------------

# Markdown links: "[1: Ansøgning fra Settlementerne](#)" -> "1: Ansøgning fra Settlementerne"
MARKDOWN_LINK_RE = lazy_regex(r"\[(?P<text>[^\]\n]+)\]\([^)\n]*\)")

# Markdown emphasis with single stars: "*én sammenhængende ungeindsats*"
MARKDOWN_ITALIC_RE = lazy_regex(r"(?<![*\w])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![*\w])")

# A sentence end: ". " followed by a capital, or end of text.
SENTENCE_END_RE = lazy_regex(
    rf"""
    (?<=[.!?])
    (?<!\b(?i:{words_alternation(ABBREVIATIONS)})\.)   # not after an abbreviation of the lexicon
    \s+(?=[A-ZÆØÅ"”“])                 # "… 2025. Beløbet" (not "bl.a. Syddjurs", "jf. Bilag")
    """,
    V,
)

# Where a sentence end can be: a full stop, "!" or "?" before space and a capital. Only
# these places are tried with SENTENCE_END_RE, whose abbreviation test is slow to run
# at every position of a long paragraph (the standard library scans for this faster).
SENTENCE_END_CANDIDATE_RE = lazy_re(r'[.!?]\s+(?=[A-ZÆØÅ"”“])')


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """The spans of SENTENCE_END_RE's matches in the text (the spaces after each sentence's end), in order."""
    ends = []
    for candidate in SENTENCE_END_CANDIDATE_RE.finditer(text):
        match = SENTENCE_END_RE.match(text, candidate.start() + 1)
        if match:
            ends.append(match.span())
    return ends


# --- money amounts --------------------------------------------------------

# Any currency word, in any case: "kr", "Kr.", "DKK". A paragraph without one holds no
# amount, so AMOUNT_RE is not run on it; around one, it runs only in a window. The
# standard library's `re` is the faster engine for this plain alternation.
# The lexicon's currency words as printed: lower case, capitalised, in capitals.
CURRENCY_HINTS: tuple[str, ...] = tuple(form for word in CURRENCY_WORDS
                                        for form in (word, word.capitalize(), word.upper()))
CURRENCY_HINT_RE = lazy_re("|".join(CURRENCY_HINTS))


def has_currency_word(text: str) -> bool:
    """True when CURRENCY_HINT_RE finds a word in the text.

    Six substring scans (vectorised in C) decide this faster than the pattern,
    which tests four letters at every position; most paragraphs have none. Both
    are built from the lexicon's CURRENCY_WORDS (tests/test_lexicon.py).
    """
    for hint in CURRENCY_HINTS:  # noqa: SIM110 - a plain loop: any() over a generator costs a frame per paragraph
        if hint in text:
            return True
    return False


# A whole number written with thousands dots: "1.316.000", "15.000" (not "2.5")
THOUSANDS_NUMBER_RE = lazy_re(r"\d+(?:\.\d{3})+")

# A thousands group inside a number: the ".000" of "15.000"
THOUSANDS_GROUP_RE = lazy_re(r"\.\d{3}")

# A Danish number: "1.316.000", "2,2", "1.198", "38 916 000", "498.333", "2.5" (before a scale word only)
_NUM = r"""
    (?:
        \d{1,3}(?:\.\d{3})+(?:,\d+)?            # 1.316.000 / 1.316.000,50
      | \d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?     # 38 916 000
      | \d+\.\d{1,2}(?=\s*(?:mia|mrd|mio|mill|mil)) # 2.5 mio. (English decimal point)
      | \d{1,3},[ ]\d{1,2}(?=\s*(?:mia|mrd|mio|mill|mil))  # 13, 43 mio. (a stray space after the comma)
      | \d+(?:,\d+)?[½¼¾]?                      # 400 / 2,2 / 2½
    )
"""
# "mill.", "mio.", "mil.", "millioner", "mia.", "mrd.", "milliarder"
_SCALE = rf"(?:{words_alternation(tuple(SCALE_WORDS))})\b\.?"
# "kr.", "kr", "kroner", "DKK"
_UNIT = r"(?:kr\b\.?|kroner\b|dkk\b)"
# "t.kr.", "tkr.", "t. kr."
_THOUSAND_UNIT = r"(?:t\.\s?kr\b\.?|tkr\b\.?)"

# Every money amount. Matches:
#   "2,2 mill. kr."  "6,7 mil. kr."  "400.000 kroner"  "238.000 kr."  "kr. 1.500"  "1.198,- kr."
#   "t.kr. 500"  "500 tkr."  "1,5 mia. kr."  "DKK 2.000.000"  "3 mio. kr."  "2-3 mio. kr." (range: lo and num)
#   "fra 227,6 mio. til 219,2 mio. kr." (the unit covers both)  "13, 43 mio. kr." (13,43 mio.)
# Not: "40 pct."  "38,5 borgere"  "tlf. 39 57 52 40"  "2016/05156"
AMOUNT_RE = lazy_regex(
    rf"""
    (?<![\w.,/-])                                           # not inside a bigger number or word
    (?:
        (?P<prefix>kr\.?|dkk)\s*(?P<pnum>{_NUM})            # kr. 1.500 / DKK 2.000.000
            (?:\s*(?P<pscale>{_SCALE}))?                    # kr. 2 mio.
            (?!\s*(?:{_UNIT}|{_SCALE}|%|pct))
      | (?P<tprefix>{_THOUSAND_UNIT})\s*(?P<tnum>{_NUM})    # t.kr. 500
      | (?:(?=[\d.,\u00a0 ½¼¾]+?\s*(?:{_SCALE}\s*)?(?:[-–]|til\b|og\b|eller\b))  # (cheap test: a separator follows)
           (?P<lo>{_NUM})(?:\s*(?P<loscale>{_SCALE}))?\s*   # range start, maybe with its own scale: "227,6 mio."
           (?:[-–]|\btil\b                                  # "2-", "2 til", "fra 227,6 mio. til"
             |(?<=mellem\s+\S+)\s+og\b                      # "mellem 2 og"
             |(?<=\d,\d+\s*|\.\s*)(?:og|eller)\b)            # a pair: "4,2 og 5,1", "4 mio. og 5 mio."
           \s*)?
        (?:(?<=^|[\s(])(?P<sign>[-−÷])\s?)?                 # a negative amount: -33,8 mio. kr.
        (?P<num>{_NUM})\s*(?:,-\s*)?                        # 1.198,-
        (?:
            (?P<scale>{_SCALE})\s*{_UNIT}                   # 3 mio. kr.
          | (?P<thousands>{_THOUSAND_UNIT})                 # 500 tkr.
          | {_UNIT}                                         # 238.000 kr.
        )
    )
    """,
    VI,
)

# The text an amount can hold before its currency word, read backwards from the word:
# digits, spaces, separators and the scale and range words. Reversed, "mellem 240 og 260
# mio. kr." ends in " .oim 062 go 042 " before "mellem": the amount starts where this ends.
_AMOUNT_WORDS = (*SCALE_WORDS, *RANGE_WORDS, "t")
AMOUNT_LEAD_REVERSED_RE = lazy_re(
    r"(?:[\d\s.,\-–−÷½¼¾]|" + "|".join(word[::-1] for word in _AMOUNT_WORDS) + ")*", re.IGNORECASE)

# The unit a budget table states once, in its header, for the numbers in its cells:
#   "(mio. kr.)"  "Beløb i 1.000 kr."  "1.000 kr. 2025 2026"  "Mio. kr. Budget Regnskab"  "(t.kr.)"  "i hele kr."
# Not: "400.000 kr." (an amount: a number stands before the unit that is not the 1.000 of a unit)
TABLE_UNIT_RE = lazy_regex(
    r"""
    (?:^|\(|\bi\s+|\bbeløb\s+)                           # at the start, in "(…)", after "i" / "Beløb"
    (?:hele\s+)?
    (?P<unit>mio\.?|mill\.?|mia\.?|mrd\.?|1\.000|t\.?\s?)   # the scale
    \s*(?:kr\b\.?|kroner\b|dkk\b)                           # and the currency
    \s*\)?
    """,
    VI,
)

# One row of a budget table: a label and one or more numbers, nothing else.
#   "Ældreområdet 412.300 421.900 9.600"   "Øvrige områder 1.203.500 1.197.000 -6.500"   "Anlæg 12,5 3,2 -"
TABLE_ROW_RE = lazy_regex(
    r"""
    ^(?P<label>[^\W\d_][^\d]{0,80}?)                          # a label without digits: "I alt", "Ældreområdet"
    (?P<cells>(?:\s+(?:[-−÷]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[-–]))+)  # cells: 412.300 / -6.500 / 12,5 / "-" (empty)
    \s*$
    """,
    V,
)

# A number in a table row's cells: "412.300", "-6.500", "12,5"
TABLE_CELL_RE = lazy_regex(r"(?<!\S)(?P<sign>[-−÷])?(?P<num>\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?!\S)", V)

# A line of column headings under the unit: years or words only, "2025 2026 2027", "Budget Regnskab"
_COLUMN_HEADING = r"(?:(?:19|20)\d\d|[^\W\d_][\w.-]*)"  # 2025 / Budget
TABLE_SUBHEADER_RE = lazy_regex(rf"^{_COLUMN_HEADING}(?:\s+{_COLUMN_HEADING}){{0,11}}$", V)

# --- case officer ---------------------------------------------------------

_OFFICER_LABELS = words_alternation(CASE_OFFICER_LABELS)
# "Sagsbehandler: Lisbeth Blaabjerg", "Sagsbehandler\nJesper Blådahl-Hansen" (block text joins with a space)
CASE_OFFICER_RE = lazy_regex(
    rf"""
    (?:
        ^(?i:{_OFFICER_LABELS})\s*:?\s*     # label opening the paragraph
      | (?<!\w)(?i:{_OFFICER_LABELS})\s*:\s*  # or anywhere, with a colon
    )
    (?P<name>[A-ZÆØÅ][\wæøåÆØÅ.'-]+(?:[ ](?:[A-ZÆØÅ][\wæøåÆØÅ.'-]+|af|von|van|de))*)  # Capitalised words
    """,
    V,
)

# Between names in a list: "Jens Hansen (A), Lise Berg og Ole Juhl"
NAME_SEPARATOR_RE = lazy_regex(r"\s*[,;]\s*|\s+og\s+", V)

# A party letter after a name: "Jens Hansen (A)"
PARTY_LETTER_RE = lazy_regex(r"\s*\([A-ZÆØÅ]{1,3}\)\s*$", V)

# An inline label that opens a section on the same line: "Referat: Alle skal …", "Beslutning: Godkendt."
INLINE_LABEL_RE = lazy_regex(rf"^(?P<label>[^\W\d_][\w .,-]{{1,{LABEL_MAX_CHARS - 1}}}?)\s*:\s+(?P<rest>\S.*)$", V)
