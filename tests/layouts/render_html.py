"""Write a generated meeting as the HTML page a publishing system would serve.

Structure is marked the way real pages mark it: item headings in <h2>/<h3> or
a <strong> paragraph, section headings as <h3>/<h4> or <strong> (capitals in
some templates), lists as <ul>/<ol>, item rows in a table for the "table"
style, plus site furniture (navigation, cookie banner, footer) around the
meeting. The page is also what Chromium prints for the PDF rendering, so it
carries a small print style sheet.
"""

from __future__ import annotations

from html import escape

from . import templates as t
from .meeting import Block, Item, ListBlock, Meeting, Paragraph, TableBlock
from .templates import Template

STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; margin: 0 1em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: left; vertical-align: top; }
nav ul, .cookie { font-size: 9pt; }
"""

NAV = ('<nav class="site-nav"><ul><li><a href="/">Forside</a></li><li><a href="/moeder">Møder</a></li>'
       '<li><a href="/udvalg">Udvalg</a></li><li><a href="/soeg">Søg</a></li></ul></nav>')
COOKIE = ('<div class="cookie"><p>Vi bruger cookies for at forbedre din oplevelse af hjemmesiden. '
          '<button>Accepter</button></p></div>')


def _e(text: str) -> str:
    return escape(text, quote=False)


def _heading(template: Template, text: str) -> str:
    """A section heading in the template's form."""
    shown = _e(t.section_heading(template, text))
    form = "strong" if template.skin == "wordpress" and template.heading_form.startswith("h") else \
        template.heading_form
    if form in ("h3", "h4"):
        return f"<{form}>{shown}</{form}>"
    return f"<p><strong>{shown}</strong></p>"


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{_e(e)}</li>" for e in block.entries) + f"</{tag}>"
    assert isinstance(block, TableBlock)
    head = "".join(f"<th>{_e(c)}</th>" for c in block.header)
    rows = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f'<table class="body-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _recommendation(template: Template, item: Item) -> list[str]:
    rec = item.recommendation
    if rec is None:
        return []
    out = [_heading(template, template.recommendation_heading)]
    if template.point_style in ("ul", "ol"):
        tag = template.point_style
        out.append(f"<p>{_e(rec.intro)}</p>")
        out.append(f"<{tag}>" + "".join(f"<li>{_e(p)}</li>" for p in rec.points) + f"</{tag}>")
    elif template.point_style == "lines":
        out.append("<p>" + "<br>".join(_e(x) for x in (rec.intro, *rec.points)) + "</p>")
    else:
        out.append(f"<p>{_e(rec.intro)}</p>")
        out.extend(f"<p>{_e(p)}</p>" for p in t.recommendation_points(template, rec.points))
    return out


def _attachments(template: Template, item: Item) -> list[str]:
    if not item.attachments:
        return []
    out = [_heading(template, template.attachment_heading)]
    if template.attachment_style == "links":
        entries = []
        for number, title in enumerate(item.attachments, 1):
            size = f' <span class="file-size">({(number * 37) % 900 + 40} KB)</span>' if template.file_sizes else ""
            entries.append(f'<li><a href="/bilag/{item.number}/{number}.pdf">{_e(title)}</a>{size}</li>')
        out.append('<ul class="attachments">' + "".join(entries) + "</ul>")
    else:
        out.extend(f"<p>{_e(line)}</p>" for line in t.attachment_lines(template, item.attachments))
    return out


def item_body(template: Template, item: Item) -> list[str]:
    """The HTML of an item below its heading: status, case number, sections, indstilling, beslutning, bilag."""
    out: list[str] = []
    if item.closed and template.closed_marker == "line":
        out.append('<p class="status">Lukket punkt</p>')
    out.extend(f'<p class="case">{_e(line)}</p>' for line in t.case_lines(template, item))
    if item.officer:
        out.append(f'<p class="officer">Sagsbehandler: {_e(item.officer)}</p>')
    for section in item.sections:
        out.append(_heading(template, section.heading))
        out.extend(_block(b) for b in section.blocks)
    out.extend(_recommendation(template, item))
    if item.decision is not None:
        out.append(_heading(template, template.decision_heading))
        out.append(f"<p>{_e(item.decision.text)}</p>")
    out.extend(_attachments(template, item))
    return out


def _item_heading_html(template: Template, item: Item) -> str:
    text = _e(t.item_heading(template, item))
    if template.skin == "wordpress":
        return f"<p><strong>{text}</strong></p>"
    if template.skin == "divs":
        return f'<div class="bullet-point-title"><h3>{text}</h3></div>'
    return f"<h2>{text}</h2>"


def _items(template: Template, meeting: Meeting) -> list[str]:
    if template.item_style == "table":
        out = ['<table class="agenda-items"><thead><tr><th>Nr.</th><th>Titel</th><th>Sagsnr.</th></tr></thead>'
               "<tbody>"]
        for item in meeting.items:
            title = item.title + (" (Lukket punkt)" if item.closed and template.closed_marker == "paren" else "")
            case = item.case_numbers[0] if item.case_numbers else ""
            out.append(f'<tr class="agenda-item"><td>{item.number}</td><td><a href="#punkt-{item.number}">'
                       f"{_e(title)}</a></td><td>{_e(case)}</td></tr>")
            body = item_body(template, item)
            if body:
                out.append(f'<tr class="agenda-item-details"><td colspan="3"><div id="punkt-{item.number}">'
                           + "\n".join(body) + "</div></td></tr>")
        out.append("</tbody></table>")
        return out
    out = []
    for item in meeting.items:
        inner = "\n".join([_item_heading_html(template, item), *item_body(template, item)])
        out.append(f'<section class="item" id="punkt-{item.number}">\n{inner}\n</section>')
    return out


def _header(template: Template, meeting: Meeting) -> list[str]:
    out, facts = [], []
    for role, text in t.header_lines(template, meeting):
        if role == "fact":
            label, value = text.split("\t")
            facts.append(f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>")
        elif role == "p":
            out.append(f'<p class="meeting-info">{_e(text)}</p>')
        else:
            out.append(f"<{role}>{_e(text)}</{role}>")
    if facts:
        out.append('<table class="meeting-details">' + "".join(facts) + "</table>")
    return out


def _toc(template: Template, meeting: Meeting) -> list[str]:
    if not template.toc:
        return []
    entries = "".join(f'<li><a href="#punkt-{item.number}">{_e(line)}</a></li>'
                      for item, line in zip(meeting.items, t.toc_lines(template, meeting), strict=True))
    return ['<div class="toc"><h2>Indholdsfortegnelse</h2>', f"<ul>{entries}</ul></div>"]


def render_html(meeting: Meeting, template: Template) -> str:
    """The whole HTML page of the meeting."""
    body = [*_header(template, meeting), *_toc(template, meeting), *_items(template, meeting)]
    furniture_top = [COOKIE, NAV] if template.skin == "divs" else [NAV]
    footer = (f'<footer class="site-footer"><p>{_e(meeting.municipality)} · Rådhuset · Torvet 1 · '
              f"Tlf. 70 12 34 56</p></footer>")
    main_tag = "article" if template.skin == "article" else "div"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="da"><head><meta charset="utf-8">',
        f"<title>{_e(t.page_title(template, meeting))}</title>",
        f"<style>{STYLE}</style></head><body>",
        *furniture_top,
        f'<{main_tag} class="meeting">',
        *body,
        f"</{main_tag}>",
        footer,
        "</body></html>",
        "",
    ])
