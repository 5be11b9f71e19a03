"""Draw a random meeting (content only; layout is the template's job) from a seeded `random.Random`.

    rng = random.Random(7)
    meeting = generate_meeting(rng)

The same seed always gives the same meeting. Amounts, dates, years and case
numbers come in the formats real minutes print ("1,5 mio. kr.", "250.000 kr.",
"25. september 2012", "2016/05156", "15.20.05-P08-1-19", "EMN-2025-009242").
"""

from __future__ import annotations

import datetime
import random
import re

from . import content
from .meeting import Block, Decision, Item, ListBlock, Meeting, Paragraph, Recommendation, Section, TableBlock

# Placeholders in the content sentences: "{amount}", "{date}", "{year}", "{pct}", "{name}", "{party}".
PLACEHOLDER_RE = re.compile(r"\{(amount|date|year|pct|name|party)\}")

CASE_FORMATS = ("dash", "kk", "slash", "kle", "emn")
"""Case-number formats: 2009-66012, 2019-0034521, 2016/05156, 15.20.05-P08-1-19, EMN-2025-009242."""

OUTCOME_WEIGHTS = {"approved": 45, "recommended": 20, "noted": 15, "postponed": 8, "rejected": 5, "other": 7}
"""How often each decision outcome is drawn (roughly as in the corpus: mostly approvals)."""


def thousands(value: int) -> str:
    """A whole number with Danish thousands dots: 250000 -> "250.000"."""
    return f"{value:,}".replace(",", ".")


def amount(rng: random.Random) -> tuple[str, float]:
    """An amount as printed and its value in kroner ("1,5 mio. kr." -> 1500000)."""
    style = rng.choices(("kr", "mio_dec", "mio", "mia", "prefix", "kroner", "tkr"), (40, 25, 12, 3, 7, 8, 5))[0]
    if style == "kr":
        value = rng.choice((rng.randrange(5, 1000) * 1000, rng.randrange(10, 2000) * 500, rng.randrange(1, 99) * 100))
        return f"{thousands(value)} kr.", float(value)
    if style == "mio_dec":
        whole, tenth = rng.randrange(1, 60), rng.randrange(1, 10)
        return f"{whole},{tenth} mio. kr.", (whole * 10 + tenth) * 100_000.0
    if style == "mio":
        whole = rng.randrange(2, 120)
        return f"{whole} mio. kr.", whole * 1_000_000.0
    if style == "mia":
        whole, tenth = rng.randrange(1, 5), rng.randrange(1, 10)
        return f"{whole},{tenth} mia. kr.", (whole * 10 + tenth) * 100_000_000.0
    if style == "prefix":
        value = rng.randrange(2, 900) * 1000
        return f"kr. {thousands(value)}", float(value)
    if style == "kroner":
        value = rng.randrange(20, 900) * 1000
        return f"{thousands(value)} kroner", float(value)
    value = rng.randrange(50, 990)
    return f"{value} t.kr.", value * 1000.0


def date_words(day: datetime.date) -> str:
    """A date as body text writes it: "25. september 2012"."""
    return f"{day.day}. {content.MONTHS[day.month - 1]} {day.year}"


def random_date(rng: random.Random, start: int = 2008, end: int = 2025) -> datetime.date:
    """A day between 1 January `start` and 28 December `end`."""
    return datetime.date(rng.randrange(start, end + 1), rng.randrange(1, 13), rng.randrange(1, 29))


def person(rng: random.Random) -> str:
    """An invented name: "Mette Østergaard"."""
    return f"{rng.choice(content.FIRST_NAMES)} {rng.choice(content.LAST_NAMES)}"


def fill(template: str, rng: random.Random, year: int) -> tuple[str, tuple[float, ...]]:
    """The template with its placeholders filled; returns the text and the amounts it now prints."""
    values: list[float] = []

    def replace(match: re.Match[str]) -> str:
        kind = match.group(1)
        if kind == "amount":
            text, value = amount(rng)
            values.append(value)
            return text
        if kind == "date":
            return date_words(random_date(rng, year - 6, year))
        if kind == "year":
            return str(rng.randrange(year - 8, year + 4))
        if kind == "pct":
            return f"{rng.randrange(2, 60)} pct."
        if kind == "name":
            return person(rng)
        return rng.choice(content.PARTIES)

    text = PLACEHOLDER_RE.sub(replace, template)
    return text.replace("kr..", "kr."), tuple(values)  # "… 58,1 mio. kr." ends its sentence once


def case_number(rng: random.Random, style: str, year: int) -> str:
    """A case number in one of `CASE_FORMATS`."""
    if style == "dash":
        return f"{year}-{rng.randrange(10000, 99999)}"
    if style == "kk":
        return f"{year}-{rng.randrange(1, 9999999):07d}"
    if style == "slash":
        short = rng.random() < 0.5
        return f"{year % 100 if short else year:02d}/{rng.randrange(1, 99999):05d}"
    if style == "kle":
        letter = rng.choice("ADGKPS")
        return (f"{rng.randrange(0, 86):02d}.{rng.randrange(0, 40):02d}.{rng.randrange(0, 20):02d}-"
                f"{letter}{rng.randrange(0, 30):02d}-{rng.randrange(1, 20)}-{year % 100:02d}")
    return f"EMN-{year}-{rng.randrange(1, 999999):06d}"


def paragraph(rng: random.Random, year: int, money: bool) -> Paragraph:
    """A body paragraph of one to four sentences; `money` makes sure it prints an amount."""
    sentences = [rng.choice(content.PLAIN_SENTENCES) for _ in range(rng.randrange(0, 3))]
    if money or rng.random() < 0.3:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(content.MONEY_SENTENCES))
    if not sentences:
        sentences.append(rng.choice(content.PLAIN_SENTENCES))
    text, amounts = fill(" ".join(sentences), rng, year)
    return Paragraph(text, amounts)


def history_blocks(rng: random.Random, year: int) -> list[Block]:
    """Earlier treatment of the case: a date alone on its line, or lines led by a year ("2018 Udvalget …")."""
    if rng.random() < 0.5:
        day = random_date(rng, year - 5, year - 1)
        return [Paragraph(date_words(day)), Paragraph(rng.choice(content.HISTORY_EVENTS))]
    years = sorted(rng.sample(range(year - 8, year), rng.randrange(2, 4)))
    events = rng.sample(content.HISTORY_EVENTS, len(years))
    if rng.random() < 0.4:
        return [TableBlock(("År", "Behandling"), tuple((str(y), e) for y, e in zip(years, events, strict=True)))]
    return [Paragraph(f"{y} {e}") for y, e in zip(years, events, strict=True)]


def budget_table(rng: random.Random, year: int) -> TableBlock:
    """A budget table whose amount cells print "kr." (so a reader counts each cell as an amount)."""
    labels = rng.sample(("Anlæg", "Drift", "Projektering", "Rådgivning", "Uforudsete udgifter", "Indtægter"),
                        rng.randrange(2, 4))
    rows, values = [], []
    for label in labels:
        value = rng.randrange(5, 900) * 1000
        rows.append((label, str(rng.randrange(year, year + 3)), f"{thousands(value)} kr."))
        values.append(float(value))
    return TableBlock(("Post", "År", "Beløb"), tuple(rows), tuple(values))


def body_sections(rng: random.Random, kind: str, year: int) -> list[Section]:
    """One to three body sections under headings from an open list (known words and unknown ones)."""
    count = 0 if kind == "formal" and rng.random() < 0.7 else rng.randrange(1, 4)
    sections = []
    used: set[str] = set()
    for index in range(count):
        pool = content.UNKNOWN_BODY_HEADINGS if rng.random() < 0.5 else content.KNOWN_BODY_HEADINGS
        heading = rng.choice([h for h in pool if h not in used] or list(pool))
        used.add(heading)
        blocks: list[Block] = [paragraph(rng, year, money=kind == "money" and index == 0)]
        roll = rng.random()
        if roll < 0.2:
            blocks.extend(history_blocks(rng, year))
        elif roll < 0.35:
            entries = rng.sample(content.LIST_ENTRIES, rng.randrange(2, 5))
            blocks.append(Paragraph("Projektet omfatter følgende delprojekter:"))
            blocks.append(ListBlock(tuple(entries), ordered=rng.random() < 0.7))
        elif roll < 0.45 and kind == "money":
            blocks.append(Paragraph("Udgifterne fordeler sig således:"))
            blocks.append(budget_table(rng, year))
        if rng.random() < 0.4:
            blocks.append(paragraph(rng, year, money=False))
        sections.append(Section(heading, tuple(blocks)))
    return sections


def recommendation(rng: random.Random, year: int, committee: str) -> Recommendation:
    """An indstilling: "<who> indstiller," and one to four "at"-points ending ",", ", og" or "."."""
    by = rng.choice(content.RECOMMENDERS) if rng.random() < 0.85 else None
    count = rng.choices((1, 2, 3, 4), (35, 30, 25, 10))[0]
    templates = rng.sample(content.RECOMMENDATION_POINTS, count)
    points: list[str] = []
    amounts: list[float] = []
    for index, template in enumerate(templates):
        text, values = fill(template, rng, year)
        amounts.extend(values)
        last = index == count - 1
        if last:
            text += "."
        elif index == count - 2 and rng.random() < 0.5:
            text += ", og"
        else:
            text += ","
        points.append(text)
    if by is None:
        intro = "Det indstilles,"
    elif rng.random() < 0.25:
        intro = f"{by} indstiller til {committee},"
    else:
        intro = f"{by} indstiller,"
    return Recommendation(by, intro, tuple(points), tuple(amounts))


def decision(rng: random.Random, kind: str, year: int, recommended: bool) -> Decision:
    """A beslutning whose first sentence states its outcome; sometimes a sentence about a member follows.

    Phrases that refer to the indstilling ("Godkendt som indstillet") are used only when there is one.
    """
    if kind == "formal":
        outcome = "approved"
    elif kind == "info":
        outcome = rng.choice(("noted", "noted", "other"))
    else:
        outcome = rng.choices(list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values()))[0]
    choices = [d for d in content.DECISIONS[outcome] if recommended or "indstil" not in d.lower()]
    template = rng.choice(choices or content.DECISIONS[outcome])
    if rng.random() < 0.2:
        template += " " + rng.choice(content.DECISION_TAILS)
    text, values = fill(template, rng, year)
    return Decision(text, outcome, values)


def attachments(rng: random.Random, year: int) -> tuple[str, ...]:
    """Zero to four distinct attachment titles."""
    count = rng.choices((0, 1, 2, 3, 4), (40, 25, 20, 10, 5))[0]
    return tuple(fill(t, rng, year)[0] for t in rng.sample(content.ATTACHMENTS, count))


def open_item(rng: random.Random, number: int, title: str, kind: str, year: int, committee: str,
              minutes: bool, case_style: str) -> Item:
    """An open item with case number, body, indstilling, beslutning (minutes only) and attachments."""
    cases: tuple[str, ...] = ()
    if kind != "formal" or rng.random() < 0.5:
        cases = (case_number(rng, case_style, year),)
        if rng.random() < 0.05:
            cases += (case_number(rng, case_style, year - 1),)
    has_recommendation = kind != "formal" and rng.random() < 0.85
    return Item(
        number=number,
        title=title,
        closed=False,
        case_numbers=cases,
        officer=person(rng) if rng.random() < 0.4 else None,
        sections=tuple(body_sections(rng, kind, year)),
        recommendation=recommendation(rng, year, committee) if has_recommendation else None,
        decision=decision(rng, kind, year, has_recommendation) if minutes else None,
        attachments=attachments(rng, year) if kind != "formal" else (),
    )


def generate_meeting(rng: random.Random) -> Meeting:
    """A random meeting: header facts and three to ten items, some closed, numbered in sequence."""
    day = random_date(rng, 2009, 2025)
    committee = rng.choice(content.COMMITTEES)
    minutes = rng.random() < 0.65
    case_style = rng.choice(CASE_FORMATS)
    count = rng.randrange(3, 11)
    number = 1 if rng.random() < 0.85 else rng.randrange(20, 800)
    titles = rng.sample(content.TITLES[3:], count - 1)
    titles.insert(0, content.TITLES[0] if rng.random() < 0.6 else rng.choice(content.TITLES[1:3]))
    items: list[Item] = []
    for index, (title, kind) in enumerate(titles):
        if index and rng.random() < 0.1:
            items.append(Item(number, rng.choice(content.CLOSED_TITLES), closed=True))
        else:
            items.append(open_item(rng, number, title, kind, day.year, committee, minutes, case_style))
        number += 2 if rng.random() < 0.05 else 1  # now and then a closed item left out of the page
    return Meeting(
        municipality=rng.choice(content.MUNICIPALITIES),
        committee=committee,
        date=day,
        start_time=rng.choice(("08:00", "08:30", "15:00", "16:00", "16:30", "17:00", "19:00")),
        location=rng.choice(content.LOCATIONS),
        kind="minutes" if minutes else "agenda",
        items=tuple(items),
    )
