"""Danish word lists the extractors rely on, kept together as data.

Everything a new publishing system might name differently lives here: section
headings, labels, item words, decision phrases, months, status words, units.
`patterns.py` builds its alternations from these lists (none is retyped
there), so extending a list here extends every pattern and every speed
prefilter that uses it. Extend these lists rather than adding special cases
to the code. Entries are matched case-insensitively
after whitespace is collapsed and a trailing colon is dropped.
"""

from __future__ import annotations

from functools import lru_cache

# Headings that open a decision section (this meeting's beslutning).
DECISION_HEADINGS: tuple[str, ...] = (
    "beslutning",
    "beslutninger",
    "beslutning:",
    "udvalgets beslutning",
    "beslutning i udvalget",
    "byrådets beslutning",
    "kommunalbestyrelsens beslutning",
    "regionsrådets beslutning",
    "forretningsudvalgets beslutning",
    "økonomiudvalgets beslutning",
    "afgørelse",
)
# The decision headings above that name no body ("Byrådets beslutning" names one).
NAMELESS_DECISION_HEADINGS: frozenset[str] = frozenset({"beslutning", "beslutninger", "afgørelse"})

# Labels that open a decision only when a colon follows them ("Referat: Alle skal …"): alone
# on a line they are running headers or titles ("Referat", "Åbent referat").
INLINE_DECISION_LABELS: tuple[str, ...] = ("referat", "konklusion", "opfølgning")

# Headings that open a recommendation section (indstilling).
RECOMMENDATION_HEADINGS: tuple[str, ...] = (
    "indstilling",
    "indstillinger",
    "indstilling og beslutning",
    "administrationens indstilling",
    "forvaltningens indstilling",
    "direktionens indstilling",
    "forslag til beslutning",
    "forvaltningen foreslår",
    "administrationen foreslår",
    "beslutningspunkter",
    "beslutningspunkt",
    "forslag til beslutningspunkter",
    "det indstilles",
)

# Verbs that end a recommendation's lead-in when the points follow it: "… indstiller, at udvalget
# over for Byrådet anbefaler," / "• at …" (the lead-in names who decides; it is no point).
ANNOUNCING_VERBS: tuple[str, ...] = ("anbefaler", "anbefale", "beslutter", "beslutte", "godkender", "godkende",
                                     "vedtager", "vedtage", "tiltræder", "tiltræde", "følgende")

# Headings that open an attachment list (bilag).
ATTACHMENT_HEADINGS: tuple[str, ...] = (
    "bilag",
    "bilagsliste",
    "bilagsfortegnelse",
    "bilagsoversigt",
    "vedlagte bilag",
    "vedhæftede bilag",
    "bilagsmateriale",
    "bilag til punktet",
)

# Headings of the page where members sign the minutes; an item so titled has no decision.
SIGNATURE_HEADINGS: tuple[str, ...] = ("underskriftsblad", "underskrifter", "underskriftsside", "underskrift",
                                       "underskriftsark", "underskriftsliste", "underskrifter til referat")

# What a Bilag section says when there are none.
NO_ATTACHMENT_WORDS: tuple[str, ...] = ("ingen", "ingen bilag", "-", "–", "intet", "ikke relevant", "bilag")

# What an export's field holds when it has nothing to show: left empty (SBSYS writes "Tomt indhold"),
# or a decision not yet released (AgendaWeb's "Beslutning ikke frigivet").
EMPTY_FIELD_WORDS: tuple[str, ...] = ("tomt indhold", "beslutning ikke frigivet")

# Other headings seen inside items; they end the section before them.
BODY_HEADINGS: tuple[str, ...] = (
    "sagsfremstilling",
    "sagsbeskrivelse",
    "sagens indhold",
    "sagsresume",
    "sagsresumé",
    "resume",
    "resumé",
    "sammendrag",
    "baggrund",
    "problemstilling",
    "løsning",
    "økonomi",
    "økonomiske konsekvenser",
    "økonomiske konsekvenser og finansiering",
    "økonomi og finansiering",
    "finansiering",
    "videre proces",
    "tidsplan",
    "gennemgang af sagen",
    "relateret behandling",
    "kommende behandlingsforløb",
    "tidligere behandling",
    "tidligere beslutninger",
    "sagsforløb",
    "beslutningen træffes af",
    "sagen afgøres i",
    "lovgrundlag",
    "lovgrundlag og praksis",
    "retsgrundlag",
    "høring",
    "høringssvar",
    "kommunikation",
    "vurdering",
    "indledning",
    "formål",
    "aktiviteter",
    "mål for projektet",
    "konsekvenser",
    "personalemæssige konsekvenser",
    "miljømæssige konsekvenser",
    "bæredygtighed",
    "borgerinddragelse",
    "handicappolitik",
    "beskrivelse",
    "dagsordenpunkt",
    "bemærkninger",
    "oplæg",
    "bemærk",
)

# Every heading above, for a quick "is this a heading?" lookup.
KNOWN_HEADINGS: frozenset[str] = frozenset(DECISION_HEADINGS + RECOMMENDATION_HEADINGS + ATTACHMENT_HEADINGS
                                           + BODY_HEADINGS)

# Labels whose value is a case number (patterns.CASE_LABEL_RE is built from them). A space
# means "a space or none" ("sags nr" reads "Sags nr." and "Sagsnr."); a label whose first
# word is an item word ("sag nr") is no label before an item's number ("Sag nr. 1: Title").
CASE_NUMBER_LABELS: tuple[str, ...] = ("sagsnr", "sags nr", "sag nr", "sagsnummer", "j. nr", "journal nr",
                                       "journalnummer", "jour. nr", "emnenr", "sagsid", "sags-id", "sags id")

# The words that open an item heading: "Punkt 7:", "Pkt. 3.", "Sag nr. 1:", "Dagsordenspunkt 2:"
# (patterns.PUNKT_ITEM_RE). A trailing "." means the abbreviation's dot may be left out.
# Old council minutes number their items as paragraphs of the protocol: "§ 12. Forslag til lokalplan".
# Typed minutes of the past refer to the agenda's numbers: "Ad 1. Godkendelse af dagsorden", "Ad pkt. 2".
ITEM_WORDS: tuple[str, ...] = ("punkt", "pkt.", "sag", "dagsordenspunkt", "§", "ad", "ad punkt", "ad pkt.")

# Labels of the meeting header, by the field they fill (patterns.HEADER_LABEL_RE is built
# from all of them). A space inside a label stands for any run of spaces.
COMMITTEE_LABELS: tuple[str, ...] = ("udvalg", "mødeforum", "forum")
DATE_LABELS: tuple[str, ...] = ("mødedato", "dato")
TIME_LABELS: tuple[str, ...] = ("tidspunkt", "tid", "mødetidspunkt")
PLACE_LABELS: tuple[str, ...] = ("mødested", "sted", "lokale")
PARTICIPANT_LABELS: tuple[str, ...] = ("mødedeltagere", "deltagere", "medlemmer", "til stede", "tilstede")
NOTE_LABELS: tuple[str, ...] = ("bemærk",)

# Roles printed after a member's name ("Lolan Ottesen (A) - formand"); alone on a line
# ("Sekretær") a role ends a list of members.
ROLE_WORDS: tuple[str, ...] = ("formand", "næstformand", "sekretær", "referent", "mødeleder", "udvalgssekretær")

# Words of a meeting place, which make a prose header line its location:
# "i Mødecenter C, Lokale 32 på Ballerup Rådhus", "på Rådhuset, mødelokale 2".
PLACE_WORDS: tuple[str, ...] = ("lokale", "mødelokale", "mødecenter", "mødesal", "rådhus", "rådhuset",
                                "udvalgsværelse", "udvalgsværelset", "byrådssal", "byrådssalen", "kursuscenter",
                                "medborgerhus", "sal")

# Labels of the people who did not come: in the header they fill meeting.absent, inside a
# decision (patterns.ABSENCE_LINE_RE) their names do too.
ABSENCE_LABELS: tuple[str, ...] = ("afbud", "afbud fra", "fraværende", "fravær", "forfald", "ikke til stede",
                                   "afbud/fraværende")

HEADER_LABELS: tuple[str, ...] = (COMMITTEE_LABELS + DATE_LABELS + TIME_LABELS + PLACE_LABELS + PARTICIPANT_LABELS
                                  + ABSENCE_LABELS + NOTE_LABELS)

# An item's status on a line of its own ("Lukket punkt", "Åbent"), by whether it closes the item.
CLOSED_STATUS_WORDS: tuple[str, ...] = ("lukket", "lukkede", "fortrolig", "fortroligt")
OPEN_STATUS_WORDS: tuple[str, ...] = ("åben", "åbent", "offentlig", "offentligt")

# The headings of an agenda's open and closed parts: "Lukkede sager", "Åben dagsorden",
# "Lukket del"; a heading line may also read "Åbent referat" (PART_HEADING_NOUNS), which
# as a running header opens no part.
CLOSED_PART_WORDS: tuple[str, ...] = ("lukkede", "lukket")
OPEN_PART_WORDS: tuple[str, ...] = ("åbne", "åben")
PART_NOUNS: tuple[str, ...] = ("sager", "punkter", "dagsorden", "møde", "del")
PART_HEADING_NOUNS: tuple[str, ...] = (*PART_NOUNS, "referat")

# Abbreviations whose full stop ends no sentence: "bl.a. Syddjurs", "jf. Bilag 2", "ca. 45.000 kr."
ABBREVIATIONS: tuple[str, ...] = ("bl.a", "f.eks", "jf", "ca", "nr", "pkt", "stk", "inkl", "ekskl", "evt", "dvs",
                                  "mht", "vedr", "tlf", "pga", "iht", "mv", "m.v", "mfl", "m.fl", "hhv", "el", "ang",
                                  "afd")

# Labels of the case officer: "Sagsbehandler: Lisbeth Blaabjerg", "Kontaktperson: …"
CASE_OFFICER_LABELS: tuple[str, ...] = ("sagsbehandler", "kontaktperson", "kontakt")

# Currency words: a text without one of them holds no amount (patterns.AMOUNT_RE's units).
CURRENCY_WORDS: tuple[str, ...] = ("kr", "dkk")

# Scale words of amounts and their factors: "2,2 mill. kr.", "1,5 mia. kr.", "3 millioner kroner".
SCALE_WORDS: dict[str, float] = {
    "milliarder": 1e9, "milliard": 1e9, "mia": 1e9, "mrd": 1e9,
    "millioner": 1e6, "million": 1e6, "mill": 1e6, "mil": 1e6, "mio": 1e6,
}
# Words that join the two ends of a range or pair of amounts: "2 til 3 mio. kr.", "4,2 og 5,1 mio. kr."
RANGE_WORDS: tuple[str, ...] = ("til", "og", "eller")

# The verbs of a recommendation's lead-in ("Direktøren indstiller, at"), and the stems a
# text must hold to be worth trying the pattern on (each verb begins with one).
# Old minutes write the past tense: "Formanden indstillede, at …", "Udvalget foreslog, at …".
RECOMMENDER_VERBS: tuple[str, ...] = ("indstiller", "indstilles", "indstillede", "anbefaler", "anbefalede", "foreslår",
                                      "foreslås", "foreslog")
RECOMMENDER_VERB_STEMS: tuple[str, ...] = ("indstil", "anbefal", "foreslå", "foreslog")

# Words that open a clause going on the sentence before it: a line that opens with one
# continues a point, it does not start one ("… 2 mio. kr.," / "som finansieres af kassen.").
CONTINUATION_WORDS: tuple[str, ...] = ("som", "hvor", "hvilket", "hvis", "men", "og", "samt", "eller", "idet", "så",
                                       "mens", "herunder", "dog", "jf.", "heraf", "hvoraf")

# Words of a body that recommends (outside a recommendation section a lead-in must name one):
# "Social- og Sundhedsforvaltningen", "Direktøren", "Center for Ejendomme", "Det (indstilles)".
AUTHOR_WORDS: tuple[str, ...] = ("forvaltning", "direkt", "administration", "center", "afdeling", "sekretariat",
                                 "rådmand", "borgmester", "udvalg", "chef", "stab", "ledelse", "kontor", "enhed",
                                 "området", "byråd", "kommunalbestyrelse", "formand", "koncern", "regionsdirektion")

# Decision outcomes, checked in this order against the start of the decision text
# (so "Ikke godkendt" is rejected before "godkendt" can make it approved).
OUTCOME_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("postponed", ("udsat", "udsættes", "udsætte sagens behandling", "udsætte behandlingen", "udsætte sagen",
                   "sagen blev udsat", "hjemvist", "hjemvises", "sendt tilbage", "sendes tilbage", "sendt retur",
                   "sendes retur")),
    ("rejected", ("kunne ikke tiltræde", "kunne ikke tiltrædes", "ikke vedtaget", "ikke godkendt", "ikke tiltrådt",
                  "ikke anbefalet", "anbefales ikke", "godkendes ikke",
                  "forkastet", "forkastes", "afvist", "afvises", "faldt", "bortfaldet")),
    ("noted", ("til efterretning", "taget til efterretning", "tages til efterretning",
               "orienteringen blev taget til efterretning", "orienteringen taget til efterretning",
               "blev orienteret", "orienteringen blev taget", "orientering taget", "taget til orientering",
               "til orientering")),
    ("recommended", ("anbefales", "anbefalet", "indstilles til godkendelse", "indstillingen anbefales",
                     "anbefaler", "med anbefaling", "oversendes med anbefaling")),
    ("approved", ("kunne tiltræde", "tiltræder", "tiltræde indstillingen", "godkendt", "godkendte", "godkendes",
                  "besluttede at godkende", "tiltrådt", "tiltrådte", "tiltrædes", "vedtaget", "vedtages",
                  "bevilget", "bevilges", "bevilgede", "indstillingen blev godkendt", "indstillingen godkendt",
                  "indstillingen tiltrådt", "indstillingen følges", "enig i indstillingen", "enige i indstillingen")),
)
# Every outcome phrase, whatever its outcome: a line that is only a decision ("Godkendt.", "Taget til
# efterretning.") is text, never a running header, and may stand glued under an item's title.
OUTCOME_WORDS: frozenset[str] = frozenset(phrase for _, phrases in OUTCOME_PHRASES for phrase in phrases)

# The subjects of a sentence that states the committee's own act ("Udvalget tog orienteringen
# til efterretning", "Sagen sendes tilbage …", "Orienteringen blev taget til efterretning"): the
# outcome is read from such a sentence before any other. Names of bodies ending in one of
# ACT_SUBJECT_ENDINGS count too ("Økonomiudvalget", "Regionsrådet").
ACT_SUBJECTS: tuple[str, ...] = ("udvalget", "byrådet", "kommunalbestyrelsen", "regionsrådet", "magistraten",
                                 "direktionen", "bestyrelsen", "borgerrepræsentationen", "orienteringen",
                                 "indstillingen", "sagen", "punktet", "forslaget", "ansøgningen", "der")
ACT_SUBJECT_ENDINGS: tuple[str, ...] = ("udvalget", "rådet", "bestyrelsen")

# How a line opens that closes the meeting, not the item above it: it is no part of the last
# decision ("Godkendt." / "Næste møde afholdes den 5. maj 2025 kl. 16.00.").
MEETING_TRAILER_LEADS: tuple[str, ...] = ("næste møde", "næste ordinære møde", "mødet sluttede", "mødet hævet",
                                          "mødet blev hævet", "mødet afsluttet", "mødet blev afsluttet")

# How a summary of the item opens when it is printed after the decision (it restates the
# item, it decides nothing): "Indstillingen vedrører …", or a heading-like phrase whose
# second or third word is one of SUMMARY_PREPOSITIONS ("Forslag om …", "Endelig vedtagelse af …").
SUMMARY_LEADS: tuple[str, ...] = ("indstillingen vedrører", "sagen vedrører", "sagen omhandler",
                                  "indstillingen omhandler")
SUMMARY_PREPOSITIONS: tuple[str, ...] = ("af", "om", "til", "for", "vedrørende")

# Words that make a header line a committee or council name.
COMMITTEE_NOUNS: tuple[str, ...] = ("udvalg", "udvalget", "byråd", "byrådet", "kommunalbestyrelse",
                                    "kommunalbestyrelsen", "regionsråd", "regionsrådet", "bestyrelse",
                                    "bestyrelsen", "råd", "rådet", "gruppe", "gruppen", "forum", "komité",
                                    "komiteen", "borgerrepræsentation", "borgerrepræsentationen")

# Councils named by their noun alone: "Byrådet" is a committee's whole name, "Udvalget" is not.
COUNCIL_NAMES: frozenset[str] = frozenset({"byrådet", "kommunalbestyrelsen", "regionsrådet",
                                           "borgerrepræsentationen"})

# Meeting kind from the word that names the document.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("referat", "minutes"),
    ("beslutningsprotokol", "minutes"),
    ("forhandlingsprotokol", "minutes"),
    ("mødeprotokol", "minutes"),
    ("protokol", "minutes"),
    ("dagsorden", "agenda"),
)

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Words that join the two halves of a line-broken compound ("Sundheds-\nog …"):
# the hyphen before them is a real one and the space stays.
HYPHEN_KEEPING_WORDS: tuple[str, ...] = ("og", "eller", "samt", "til", "som", "&")


@lru_cache(maxsize=8192)  # labels, headings and attachment titles repeat through a document
def normalise_label(text: str) -> str:
    """Lower-case, collapse whitespace, drop surrounding punctuation: "Beslutning:" -> "beslutning"."""
    return " ".join(text.lower().split()).strip(" :.;-–")


def names_a_section(label: str) -> bool:
    """True for a table cell that names the section of an item beside it ("Beslutning", "Indstilling",
    "Bilag"); a label with its colon ("Udvalg:") is a fact of the meeting, read with its value."""
    return bool(label) and not label.endswith(":") and normalise_label(label) in KNOWN_HEADINGS
