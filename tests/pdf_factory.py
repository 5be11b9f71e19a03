"""Write small, valid PDFs inside the tests: plain PDF syntax, no extra dependency.

Each page is a list of `Text` runs placed at absolute positions in Helvetica
(or Helvetica-Bold), encoded with WinAnsiEncoding so Danish letters work.
`page_of_lines` lays out a column of lines the way a word processor would:
one line pitch between lines of a paragraph, a larger gap before a new one.

    pdf = make_pdf([page_of_lines(["Punkt 1: Vejbelysning", None, "Teksten ..."])])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# A4 portrait in points.
PAGE_WIDTH = 595
PAGE_HEIGHT = 842
LEFT_MARGIN = 72
TOP_BASELINE = 790
# Baseline-to-baseline distance of single-spaced 11 pt text, and the extra gap a blank line adds.
LINE_PITCH = 14
FONT_SIZE = 11


@dataclass(frozen=True)
class Text:
    """One run of text with its baseline position; `bold` picks Helvetica-Bold."""

    x: float
    y: float
    text: str
    bold: bool = False
    size: float = FONT_SIZE


# A line in `page_of_lines`: text, ("**", text) for bold, or None for a blank line (paragraph gap).
LineSpec = str | tuple[str, str] | None


def page_of_lines(lines: Sequence[LineSpec], header: str | None = None,
                  footer: str | None = None) -> list[Text]:
    """A page with a column of lines, an optional running header at the top and footer at the bottom."""
    runs: list[Text] = []
    if header is not None:
        runs.append(Text(LEFT_MARGIN, PAGE_HEIGHT - 30, header, size=9))
    y = float(TOP_BASELINE)
    for spec in lines:
        if spec is None:
            y -= LINE_PITCH
            continue
        bold = isinstance(spec, tuple)
        text = spec[1] if isinstance(spec, tuple) else spec
        runs.append(Text(LEFT_MARGIN, y, text, bold=bold))
        y -= LINE_PITCH
    if footer is not None:
        runs.append(Text(LEFT_MARGIN, 30, footer, size=9))
    return runs


def _literal(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) bytes, with (, ) and \\ escaped."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(runs: Sequence[Text]) -> bytes:
    parts = []
    for run in runs:
        font = b"/F2" if run.bold else b"/F1"
        parts.append(b"BT %s %g Tf 1 0 0 1 %g %g Tm %s Tj ET" % (font, run.size, run.x, run.y,
                                                                 _literal(run.text)))
    return b"\n".join(parts) + b"\n"


def make_pdf(pages: Sequence[Sequence[Text]]) -> bytes:
    """A complete PDF 1.4 file with one page per entry; an empty entry is a page without text."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    pages_obj = add(b"")
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for runs in pages:
        stream = _content(runs)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (pages_obj, PAGE_WIDTH, PAGE_HEIGHT, content, regular, bold)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))

    return assemble(objects, b"/Root %d 0 R" % catalog, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


def assemble(objects: list[bytes], trailer: bytes, header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF file of these objects (numbered from 1), its cross-reference table and a trailer
    holding `trailer` ("/Root 1 0 R", with "/Encrypt …" for an encrypted file)."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)
