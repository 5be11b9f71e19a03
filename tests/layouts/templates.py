"""Randomised layout templates: how a meeting is printed, drawn once per document.

A `Template` fixes the choices a publishing system makes for a whole document:
how an item heading reads ("N. Title", "Punkt N: Title", "Sag nr. N: Title",
"Dagsordenspunkt N: Title", or a table of item rows), how a section heading is
marked (an <h3>/<h4>, a paragraph all in <strong>, capitals), the label before a
case number, how recommendation points and attachments are listed, the meeting
header, whether a table of contents and running headers/footers appear. The
renderers read only the template and the meeting.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import content
from .generator import date_words
from .meeting import Item, Meeting

ITEM_STYLES = ("dot", "punkt_colon", "punkt", "sag_nr", "dagsordenspunkt", "pkt", "table")
"""Item heading forms: "3. Title", "Punkt 3: Title", "Punkt 3 Title", "Sag nr. 3: Title",
"Dagsordenspunkt 3: Title", "Pkt. 3. Title", and a table row (Nr. | Titel | Sagsnr.)."""

CASE_LABELS = ("Sagsnr.: ", "Sagsnummer: ", "J.nr.: ", "Journalnummer: ", "Sagsnr. ", "(paren)")
"""How the case number is labelled; "(paren)" prints it in parentheses after the title."""

HEADING_FORMS = ("h3", "h4", "strong", "upper")
"""How a section heading is marked in HTML: <h3>, <h4>, a <p> all in <strong>, or <strong> in capitals."""

POINT_STYLES = ("lines", "numbered", "ul", "ol", "bullets")
"""Recommendation points: one per line, "1. at …", an HTML <ul>, an HTML <ol>, "• at …" lines."""

ATTACHMENT_STYLES = ("plain", "bilag_n", "bilag_colon", "numbered", "links")
"""Attachment lists: title alone, "Bilag 1. Title", "Bilag 1: Title", "1. Title", <ul> of links."""

HEADER_STYLES = ("title_line", "stacked", "sentence", "facts_table")
"""Meeting headers: "<Kommune> – <Udvalg> – Referat – <dato> kl. 08:00 – <sted>"; lines
"<Kommune>/<Udvalg>/Referat/Mødedato: …"; "Referat af <Udvalg>s møde <ugedag> den <dato>";
a table of facts (Mødedato, Mødested) under the committee name."""

DATE_STYLES = ("words", "dashes", "dots", "weekday")
"""Header dates: "12. marts 2019", "12-03-2019", "12.03.2019", "tirsdag den 12. marts 2019"."""

SKINS = ("article", "divs", "wordpress")
"""HTML page skins: semantic <article>/<section>; Drupal-like <div> soup; a WordPress post."""

KIND_WORDS = {"agenda": ("Dagsorden", "Dagsorden"), "minutes": ("Referat", "Beslutningsprotokol")}
"""What the header calls each kind of meeting document."""


@dataclass(frozen=True)
class Template:
    """The layout choices for one document (see the module docstring)."""

    item_style: str
    case_label: str
    heading_form: str
    point_style: str
    attachment_style: str
    header_style: str
    date_style: str
    skin: str
    kind_word: str
    recommendation_heading: str
    decision_heading: str
    attachment_heading: str
    upper_headings: bool
    toc: bool
    closed_marker: str
    file_sizes: bool
    wrap_width: int | None
    page_lines: int | None
    running_header: bool


def random_template(rng: random.Random, meeting: Meeting) -> Template:
    """Draw a template for `meeting` (its committee names the decision heading)."""
    item_style = rng.choice(ITEM_STYLES)
    case_labels = [c for c in CASE_LABELS if not (item_style == "table" and c == "(paren)")]
    genitive = meeting.committee + "s"
    decision_heading = rng.choice(content.DECISION_HEADINGS).format(committee_genitive=genitive,
                                                                   committee=meeting.committee)
    minutes_words = KIND_WORDS[meeting.kind]
    return Template(
        item_style=item_style,
        case_label=rng.choice(case_labels),
        heading_form=rng.choice(HEADING_FORMS),
        point_style=rng.choice(POINT_STYLES),
        attachment_style=rng.choice(ATTACHMENT_STYLES),
        header_style=rng.choice(HEADER_STYLES),
        date_style=rng.choice(DATE_STYLES),
        skin=rng.choice(SKINS),
        kind_word=minutes_words[0] if rng.random() < 0.8 else minutes_words[1],
        recommendation_heading=rng.choice(content.RECOMMENDATION_HEADINGS),
        decision_heading=decision_heading,
        attachment_heading=rng.choice(content.ATTACHMENT_HEADINGS),
        upper_headings=rng.random() < 0.2,
        toc=rng.random() < 0.35,
        closed_marker=rng.choice(("line", "paren")),
        file_sizes=rng.random() < 0.3,
        wrap_width=rng.choice((None, None, 72, 80, 90, 100)),
        page_lines=rng.choice((None, 45, 55, 70)),
        running_header=rng.random() < 0.6,
    )


# --- Texts every renderer prints the same way.


def header_date(template: Template, meeting: Meeting) -> str:
    """The meeting date as the header prints it."""
    day = meeting.date
    if template.date_style == "dashes":
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    if template.date_style == "dots":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if template.date_style == "weekday":
        return f"{content.WEEKDAYS[day.weekday()]} den {date_words(day)}"
    return date_words(day)


def page_title(template: Template, meeting: Meeting) -> str:
    """The page's <title> (and browser header in the PDF): "<Kommune> – <Udvalg> – Referat – <dato> …"."""
    return (f"{meeting.municipality} – {meeting.committee} – {template.kind_word} – "
            f"{header_date(template, meeting)} kl. {meeting.start_time} – {meeting.location}")


def header_lines(template: Template, meeting: Meeting) -> list[tuple[str, str]]:
    """The meeting header as (role, text) lines; role is "h1", "h2" or "p" (a fact line)."""
    date = header_date(template, meeting)
    if template.header_style == "title_line":
        return [("h1", page_title(template, meeting))]
    if template.header_style == "sentence":
        sentence = f"{template.kind_word} af {meeting.committee}s møde den {date} kl. {meeting.start_time}"
        if template.date_style == "weekday":
            sentence = f"{template.kind_word} af {meeting.committee}s møde {date} kl. {meeting.start_time}"
        return [("p", meeting.municipality), ("h1", sentence), ("p", f"Mødested: {meeting.location}")]
    if template.header_style == "facts_table":
        return [("p", meeting.municipality), ("h1", meeting.committee), ("h2", template.kind_word),
                ("fact", f"Mødedato\t{date}"), ("fact", f"Mødetidspunkt\t{meeting.start_time}"),
                ("fact", f"Mødested\t{meeting.location}")]
    return [("p", meeting.municipality), ("h1", meeting.committee), ("h2", template.kind_word),
            ("p", f"Mødedato: {date}, kl. {meeting.start_time}"), ("p", f"Mødested: {meeting.location}")]


def item_heading(template: Template, item: Item) -> str:
    """The item heading as printed ("Punkt 3: Title"); empty for the table style (the row says it)."""
    title = item.title
    if item.closed and template.closed_marker == "paren":
        title += " (Lukket punkt)"
    if template.case_label == "(paren)" and item.case_numbers:
        title += f" ({item.case_numbers[0]})"
    number = item.number
    forms = {
        "dot": f"{number}. {title}",
        "punkt_colon": f"Punkt {number}: {title}",
        "punkt": f"Punkt {number} {title}",
        "sag_nr": f"Sag nr. {number}: {title}",
        "dagsordenspunkt": f"Dagsordenspunkt {number}: {title}",
        "pkt": f"Pkt. {number}. {title}",
        "table": "",
    }
    return forms[template.item_style]


def case_lines(template: Template, item: Item) -> list[str]:
    """The item's case-number lines ("Sagsnr.: 2016/05156"); none when printed in the heading or row."""
    if template.case_label == "(paren)" or template.item_style == "table":
        extra = item.case_numbers[1:] if template.case_label == "(paren)" else ()
        return [f"Sagsnr.: {c}" for c in extra]
    return [f"{template.case_label}{c}" for c in item.case_numbers]


def section_heading(template: Template, heading: str) -> str:
    """A section heading as printed (in capitals when the template says so)."""
    return heading.upper() if template.upper_headings or template.heading_form == "upper" else heading


def recommendation_points(template: Template, points: tuple[str, ...]) -> list[str]:
    """The points as plain lines ("1. at …", "• at …", "at …"); <ul>/<ol> pages print numbers or bullets."""
    if template.point_style in ("numbered", "ol"):
        return [f"{n}. {p}" for n, p in enumerate(points, 1)]
    if template.point_style in ("bullets", "ul"):
        return [f"• {p}" for p in points]
    return list(points)


def attachment_lines(template: Template, titles: tuple[str, ...]) -> list[str]:
    """The attachment list as plain lines ("Bilag 1. Title", "1. Title", "Title (1,2 MB)")."""
    lines = []
    for number, title in enumerate(titles, 1):
        if template.attachment_style == "bilag_n":
            line = f"Bilag {number}. {title}"
        elif template.attachment_style == "bilag_colon":
            line = f"Bilag {number}: {title}"
        elif template.attachment_style == "numbered":
            line = f"{number}. {title}"
        else:
            line = title
        if template.file_sizes:
            line += f" ({(number * 37) % 900 + 40} KB)"
        lines.append(line)
    return lines


def toc_lines(template: Template, meeting: Meeting) -> list[str]:
    """The table of contents: one "N. Title" line per item (closed ones included)."""
    return [f"{item.number}. {item.title}" for item in meeting.items]
