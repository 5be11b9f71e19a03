"""Read Word documents (.docx) into lines, using what the document states about each paragraph.

Body paragraphs and tables are read in the document's order, also inside
content controls. Running headers and footers are page furniture and stay out
of the lines; their text goes along as `aside`, where a letterhead's
municipality is found. Each Word paragraph is a
paragraph of its own (`gap_before`); a line break inside one continues it.

- A paragraph styled "Heading N" / "Overskrift N" (or a style based on one)
  is a heading of level N; "Title" / "Titel" is level 1. A paragraph whose
  text is all bold is a heading without a level, as bold text is in HTML.
- A numbered or bulleted paragraph (Word numbering) carries its marker in
  `list_marker` ("1.", "a)", "•"), counted as Word counts it; the text keeps
  only what the author typed.
- A table row whose cells each hold at most one paragraph becomes one line
  with the cells side by side ("Udvalg Teknisk Udvalg"), as the HTML reader
  sets a row, so a header table of meeting data reads like a header; its
  `cell` is (table, row, 0). A row with longer cells gives each cell's
  paragraphs as lines with their own (table, row, column). A two-cell row whose
  first cell names a section ("Beslutning | Godkendt.") gives that cell as a
  heading line and the other cell as its text, as the HTML reader does.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ..cleanup.characters import normalise_characters
from ..errors import EmptyInput, UnreadableDocument
from ..model import Line, RawDocument
from ..vocabulary import names_a_section
from .archive import check_limits

# Word's built-in heading styles, English and Danish: "Heading 2", "Overskrift 2".
HEADING_STYLE_RE = re.compile(r"^(?:heading|overskrift)\s*(?P<level>[1-6])$", re.I)
# Title styles, read as level 1.
TITLE_STYLES = frozenset({"title", "titel"})
# A bold paragraph longer than this is emphasised prose, not a heading.
MAX_BOLD_HEADING_CHARS = 150
# How far up a style's "based on" chain a heading style is looked for.
MAX_STYLE_DEPTH = 10

# Word numbering formats and how their markers are written.
_BULLET_FORMATS = frozenset({"bullet", "none"})


def _heading_level(paragraph: object) -> int | None:
    style = getattr(paragraph, "style", None)
    for _ in range(MAX_STYLE_DEPTH):
        if style is None:
            return None
        name = (getattr(style, "name", None) or "").strip()
        if name.lower() in TITLE_STYLES:
            return 1
        match = HEADING_STYLE_RE.match(name)
        if match:
            return int(match.group("level"))
        style = getattr(style, "base_style", None)
    return None


def _all_bold(paragraph: object) -> bool:
    runs = [run for run in getattr(paragraph, "runs", []) if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


class _Numbering:
    """Counts Word's numbered paragraphs and writes each one's marker as Word shows it."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        w = numbering.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        q = f"{{{w}}}"
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in numbering.iter(f"{q}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in definition.iter(f"{q}lvl"):
                fmt = level.find(f"{q}numFmt")
                text = level.find(f"{q}lvlText")
                start = level.find(f"{q}start")
                levels[int(level.get(f"{q}ilvl", "0"))] = (
                    fmt.get(f"{q}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{q}val", "%1.") if text is not None else "%1.",
                    int(start.get(f"{q}val", "1")) if start is not None else 1)
            abstract[definition.get(f"{q}abstractNumId", "")] = levels
        for num in numbering.iter(f"{q}num"):
            ref = num.find(f"{q}abstractNumId")
            levels = abstract.get(ref.get(f"{q}val", "") if ref is not None else "", {})
            for ilvl, spec in levels.items():
                self.formats[(num.get(f"{q}numId", ""), ilvl)] = spec

    def marker(self, num_id: str, ilvl: int) -> str:
        fmt, text, start = self.formats.get((num_id, ilvl), ("bullet", "•", 1))
        if fmt in _BULLET_FORMATS:
            return "•"
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]  # a new entry restarts the sub-list under it
        value = _format_number(self.counters[key], fmt)
        return re.sub(r"%\d", value, text, count=1).replace("%", "").strip() or value


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += letters
            value -= number
    return out


def _numbering_properties(paragraph: object) -> Any:
    """The paragraph's numbering (w:numPr): its own, else its style's ("List Number"), else a base style's."""
    properties = paragraph._p.pPr  # type: ignore[attr-defined]
    if properties is not None and properties.numPr is not None:
        return properties.numPr
    style = getattr(paragraph, "style", None)
    for _ in range(MAX_STYLE_DEPTH):
        if style is None:
            return None
        style_properties = style.element.pPr
        if style_properties is not None and style_properties.numPr is not None:
            return style_properties.numPr
        style = style.base_style
    return None


def _list_marker(paragraph: object, numbering: _Numbering) -> str | None:
    num_pr = _numbering_properties(paragraph)
    if num_pr is None or num_pr.numId is None:
        return None
    num_id = str(num_pr.numId.val)
    if num_id == "0":
        return None  # numbering switched off for this paragraph
    ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None and num_pr.ilvl.val is not None else 0
    return numbering.marker(num_id, ilvl)


def _texts(text: str) -> list[str]:
    """The lines of a paragraph's text (a line break inside it starts a new line), whitespace collapsed."""
    return [cleaned for part in normalise_characters(text.replace("\n", "\x0b")).split("\x0b")
            if (cleaned := " ".join(part.split()))]


def _paragraph_lines(paragraph: object, numbering: _Numbering, cell: tuple[int, int, int] | None = None) -> list[Line]:
    texts = _texts(getattr(paragraph, "text", ""))
    if not texts:
        return []
    level = _heading_level(paragraph)
    bold = _all_bold(paragraph)
    heading = level is not None or (bold and len(" ".join(texts)) <= MAX_BOLD_HEADING_CHARS)
    marker = _list_marker(paragraph, numbering)
    return [Line(text, heading=heading, level=level, bold=bold, gap_before=index == 0,
                 list_marker=marker if index == 0 else None, cell=cell)
            for index, text in enumerate(texts)]


def _table_lines(table: object, number: int, numbering: _Numbering) -> list[Line]:
    from docx.table import _Cell

    lines: list[Line] = []
    for row_index, row in enumerate(table._tbl.tr_lst):  # type: ignore[attr-defined]
        cells = [_Cell(tc, table) for tc in row.tc_lst]  # type: ignore[arg-type]  # each cell once, however wide
        paragraphs = [[p for p in cell.paragraphs if p.text.strip()] for cell in cells]
        label = " ".join(paragraphs[0][0].text.split()) if len(cells) == 2 and len(paragraphs[0]) == 1 else ""
        if names_a_section(label) and paragraphs[1]:
            # "Beslutning | Godkendt.": the label cell is the section's heading, the other cell its text
            lines.append(Line(label, gap_before=True, heading=True, cell=(number, row_index, 0)))
            for paragraph in paragraphs[1]:
                lines += _paragraph_lines(paragraph, numbering, (number, row_index, 1))
            continue
        if all(len(found) <= 1 for found in paragraphs):
            text = " ".join(" ".join(_texts(found[0].text)) for found in paragraphs if found)
            if text:
                lines.append(Line(text, gap_before=True, cell=(number, row_index, 0)))
            continue
        for column, found in enumerate(paragraphs):
            for paragraph in found:
                lines += _paragraph_lines(paragraph, numbering, (number, row_index, column))
    return lines


def _body_lines(document: object) -> Iterator[Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    tables = 0
    for child in _blocks(document.element.body):  # type: ignore[attr-defined]
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield from _paragraph_lines(Paragraph(child, document), numbering)  # type: ignore[arg-type]
        else:
            yield from _table_lines(Table(child, document), tables, numbering)  # type: ignore[arg-type]
            tables += 1


def _blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of the body in order, also those inside content controls (w:sdt):
    Word templates put cover pages and whole sections in them."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _blocks(child)


def read_docx(data: bytes, path: str) -> RawDocument:
    """A Word document's lines in reading order, with headings, list markers and table cells."""
    import docx  # python-docx; imported here so that reading other formats never loads it

    check_limits(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_body_lines(document))
        aside = _letterhead(document)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(path, f"the Word document cannot be opened ({error})",
                                 "open it in Word or LibreOffice and save it again as .docx") from error
    except Exception as error:  # python-docx, lxml and zlib raise many types on a damaged package
        raise UnreadableDocument(path, "the Word document cannot be opened (a part of it is damaged)",
                                 "open it in Word or LibreOffice and save it again as .docx") from error
    if not lines:
        raise EmptyInput(path, "the Word document has no text")
    return RawDocument(tuple(lines), "docx", aside=aside)


def _letterhead(document: Any) -> tuple[str, ...]:
    """The text of the page headers and footers: page furniture, but where a letterhead names
    the municipality ("Gladsaxe Kommune"), so it is handed on as text around the document."""
    texts: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous and texts:
                continue
            texts += [text for paragraph in part.paragraphs for text in _texts(paragraph.text)]
    return tuple(dict.fromkeys(texts))
