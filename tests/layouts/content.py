"""Word banks for generated meetings: invented Danish content in the style of real minutes.

These are test data, not the parser's lexicon: they deliberately include
heading words, labels and formats that `minutes_cli.vocabulary` does not know
(marked "unknown" below), so a parse that only recognises known words fails.
"""

from __future__ import annotations

MUNICIPALITIES = (
    "Fanø Kommune", "Hedensted Kommune", "Tønder Kommune", "Lolland Kommune", "Vejle Kommune",
    "Assens Kommune", "Favrskov Kommune", "Herning Kommune", "Ballerup Kommune", "Syddjurs Kommune",
    "Struer Kommune", "Odsherred Kommune", "Vordingborg Kommune", "Frederikssund Kommune",
    "Region Hovedstaden", "Region Midtjylland", "Ringkøbing-Skjern Kommune", "Holbæk Kommune",
)

COMMITTEES = (
    "Teknik- og Miljøudvalget", "Økonomiudvalget", "Børne- og Skoleudvalget", "Social- og Sundhedsudvalget",
    "Kultur- og Fritidsudvalget", "Byrådet", "Kommunalbestyrelsen", "Beskæftigelsesudvalget",
    "Plan- og Boligudvalget", "Klima- og Miljøudvalget", "Ældre- og Handicapudvalget", "Forretningsudvalget",
    "Regionsrådet", "Erhvervs- og Turismeudvalget",
)

LOCATIONS = (
    "Mødelokale 1, Rådhuset", "Byrådssalen", "Udvalgsværelse 2", "Lokale 32, Rådhuset",
    "Mødecenter C, Lokale 4", "Kantinen, Teknisk Forvaltning", "Virtuelt møde",
)

FIRST_NAMES = ("Mette", "Lars", "Anne", "Peter", "Birgitte", "Søren", "Hanne", "Jens", "Lone", "Kasper",
               "Camilla", "Henrik", "Pia", "Ole", "Trine", "Morten")
LAST_NAMES = ("Hansen", "Kjær", "Østergaard", "Madsen", "Lund", "Brøndum", "Dahl", "Holm", "Winther",
              "Thygesen", "Skov", "Bech", "Iversen", "Nørgaard")
PARTIES = ("A", "V", "C", "F", "O", "Ø", "B", "I")

# Item titles: (title, kind) where kind picks fitting body and decision text.
TITLES = (
    ("Godkendelse af dagsorden", "formal"),
    ("Meddelelser", "info"),
    ("Orientering fra formanden", "info"),
    ("Anlægsbevilling til renovering af Engparkens Skole", "money"),
    ("Budgetopfølgning pr. 31. marts", "money"),
    ("Trafiksikkerhedsplan 2024-2028", "plan"),
    ("Forslag til lokalplan 1187 for boliger ved Fjordvej", "plan"),
    ("Ansøgning om tilskud til stisystem i Mølleådalen", "money"),
    ("Udbud af vintertjeneste", "money"),
    ("Status på integrationsindsatsen", "info"),
    ("Takster for hjemmepleje og madservice", "money"),
    ("Kvalitetsrapport for skoleområdet", "plan"),
    ("Salg af byggegrund på Horsensvej 112", "money"),
    ("Kommunegaranti for lån til forsyningsselskab", "money"),
    ("Høring om ny affaldsplan", "plan"),
    ("Klimahandleplan - årlig status", "info"),
    ("Frigivelse af midler til cykelstier", "money"),
    ("Ændring af styrelsesvedtægten", "plan"),
    ("Tilsynsrapport for plejecentrene", "info"),
    ("Forlængelse af driftsaftale med Naturstyrelsen", "money"),
    ("Evaluering af forsøg med gratis busser", "info"),
    ("Mål- og rammeaftale for musikskolen", "plan"),
    ("Anlægsregnskab for ny daginstitution i Hvidsten", "money"),
    ("Principper for skoledistrikter", "plan"),
    ("Ansøgning fra foreningen Lokalhistorisk Arkiv", "money"),
    ("Udvidelse af kapaciteten på dagtilbudsområdet", "money"),
    ("Plan for bekæmpelse af invasive arter", "plan"),
    ("Samarbejdsaftale om erhvervsfremme", "money"),
)

CLOSED_TITLES = ("Personalesag", "Køb af ejendom", "Salg af areal", "Erstatningssag", "Entreprisesag",
                 "Forhandling om jordkøb", "Klagesag")

# Body section headings. Known to the parser's vocabulary ...
KNOWN_BODY_HEADINGS = ("Sagsfremstilling", "Baggrund", "Økonomi", "Økonomiske konsekvenser", "Resume",
                       "Sagsbeskrivelse", "Tidligere behandling", "Høring", "Vurdering", "Videre proces",
                       "Lovgrundlag", "Kommunikation", "Tidsplan")
# ... and unknown to it (read from real layouts: a heading by its form, not its word).
UNKNOWN_BODY_HEADINGS = ("Fremstilling", "Sagsprocedure", "Baggrund og formål", "Sagens baggrund",
                         "Det videre forløb", "Administrationens vurdering", "Forvaltningens bemærkninger",
                         "Retlige forhold", "Økonomiske forhold", "Beskrivelse af sagen", "Proces",
                         "Indhold", "Faglig vurdering", "Sagens forløb", "Handleplan")

RECOMMENDATION_HEADINGS = ("Indstilling", "Forvaltningens indstilling", "Administrationens indstilling",
                           "Indstilling fra direktionen")
DECISION_HEADINGS = ("Beslutning", "Udvalgets beslutning", "{committee_genitive} beslutning",
                     "Beslutning i {committee}")
ATTACHMENT_HEADINGS = ("Bilag", "Bilagsoversigt", "Bilag til punktet", "Bilagsliste")

RECOMMENDERS = ("Direktøren for Teknik og Miljø", "Forvaltningen", "Administrationen", "Center for Ejendomme",
                "Social- og Sundhedsforvaltningen", "Kommunaldirektøren", "Direktionen",
                "Direktøren for Børn og Unge", "Center for Plan og Udvikling")

OFFICES = ("forvaltningen", "administrationen", "centret", "direktionen")

# Body sentences; {amount} is filled with a random amount in kroner, {date} with a date
# in words, {year} with a year, {pct} with a percentage. None of them is a case number.
BODY_SENTENCES = (
    "Projektet forventes at koste {amount} og finansieres af den afsatte anlægsramme.",
    "Forvaltningen har vurderet, at der er behov for en samlet investering på {amount} over de næste år.",
    "Der er i budgettet for {year} afsat {amount} til formålet.",
    "Udgiften på {amount} afholdes inden for udvalgets eksisterende budgetramme.",
    "Til sammenligning var udgiften i {year} på {amount}.",
    "Den samlede udgift falder fra {amount} til {amount} i perioden.",
    "Sagen har tidligere været behandlet i udvalget den {date}, hvor udvalget bad om en uddybning.",
    "Ordningen blev indført i {year} og er siden evalueret to gange.",
    "Andelen af borgere, der benytter tilbuddet, er steget med {pct} siden {year}.",
    "Høringsperioden løb fra {date} til {date}, og der er indkommet 14 høringssvar.",
    "Ca. 1.200 borgere forventes at blive berørt af ændringen.",
    "Der er gennemført en borgerinddragelse med tre dialogmøder i lokalområdet.",
    "Forvaltningen anbefaler, at arbejdet igangsættes hurtigst muligt af hensyn til tidsplanen.",
    "Ændringen har ingen konsekvenser for personalet.",
    "Tilskuddet udgør {pct} af de samlede udgifter.",
    "Entreprenøren har oplyst, at arbejdet kan afsluttes inden udgangen af {year}.",
    "Der er indhentet tilbud fra fire leverandører.",
    "Sagen afgøres endeligt af Byrådet.",
    "Den årlige driftsudgift skønnes at blive {amount}.",
    "Kommunens andel udgør {amount}, mens staten bidrager med {amount}.",
)
MONEY_SENTENCES = tuple(s for s in BODY_SENTENCES if "{amount}" in s)
PLAIN_SENTENCES = tuple(s for s in BODY_SENTENCES if "{amount}" not in s)

# Numbered body list entries (not recommendation points).
LIST_ENTRIES = ("Etablering af ny adgangsvej", "Renovering af klimaskærm og vinduer",
                "Udskiftning af belysning til LED", "Nye legearealer og beplantning",
                "Forbedret skiltning ved skolerne", "Opgradering af ventilationsanlæg",
                "Dialogmøde med de berørte grundejere", "Udarbejdelse af en samlet tidsplan")
HISTORY_EVENTS = ("Udvalget godkendte projektets første fase.", "Byrådet afsatte midler i budgetaftalen.",
                  "Anlægsarbejdet blev påbegyndt.", "Ordningen blev evalueret første gang.",
                  "Der blev afholdt borgermøde om planerne.", "Lokalplanforslaget blev sendt i høring.")

RECOMMENDATION_POINTS = (
    "at udvalget godkender den beskrevne plan",
    "at der meddeles en anlægsbevilling på {amount} til projektet",
    "at udgiften finansieres af den afsatte pulje",
    "at sagen oversendes til Økonomiudvalget og Byrådet",
    "at orienteringen tages til efterretning",
    "at forvaltningen bemyndiges til at gennemføre udbuddet",
    "at taksterne for {year} godkendes som beskrevet i sagen",
    "at der frigives {amount} til formålet i {year}",
    "at rådighedsbeløbet på {amount} overføres fra puljen til byfornyelse",
    "at forslaget sendes i offentlig høring i otte uger",
    "at udvalget drøfter de indkomne høringssvar",
    "at forvaltningen udarbejder en evaluering til udvalget inden udgangen af {year}",
)

DECISIONS = {
    "approved": ("Godkendt.", "Indstillingen blev godkendt.", "Godkendt som indstillet.",
                 "Udvalget godkendte indstillingen.", "Godkendt, idet rammen hæves til {amount}."),
    "recommended": ("Anbefales.", "Anbefales over for Byrådet.",
                    "Indstillingen anbefales over for Økonomiudvalget og Byrådet."),
    "noted": ("Taget til efterretning.", "Orienteringen blev taget til efterretning."),
    "postponed": ("Udsat.", "Sagen blev udsat til næste møde.", "Sagen sendes tilbage til administrationen."),
    "rejected": ("Afvist.", "Indstillingen blev ikke godkendt.", "Forslaget blev forkastet."),
    "other": ("Udvalget drøftede sagen.", "Drøftet.",
              "Sagen blev drøftet, og udvalget ønsker en temadrøftelse i foråret."),
}
DECISION_TAILS = ("{name} ({party}) deltog ikke i behandlingen af sagen.", "{name} ({party}) var fraværende.",
                  "{name} ({party}) stemte imod.")

ATTACHMENTS = ("Projektbeskrivelse", "Tidsplan for projektet", "Økonomisk oversigt", "Høringssvar fra MED-udvalget",
               "Kortbilag med placering", "Notat om trafikforhold", "Evalueringsrapport {year}",
               "Udkast til samarbejdsaftale", "2. udkast af lokalplan 1187", "Referat af borgermøde",
               "Bilag til budgetopfølgning", "Skitseforslag", "Ansøgning fra foreningen",
               "Oversigt over takster {year}")

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
