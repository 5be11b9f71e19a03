"""minutes: Danish municipal agendas and minutes (dagsordener, referater) as structured data.

Public API:
    extract_file(path)        -> Document   parse a PDF, HTML, text, Word, XML-export or scanned image file
    extract_bytes(data, path) -> Document   parse bytes already in memory
    extract_text(text)        -> Document   parse a string of text
    document_to_dict(doc)     -> dict       the JSON object of SCHEMA.md
    ReadOptions(ocr="auto", ocr_lang="dan", ocr_dpi=None, ocr_workers=1)
                                            how to read scans: extract_file/extract_bytes(..., options=...)
"""

from __future__ import annotations

from .errors import MinutesError
from .export import document_to_dict
from .model import (
    Amount,
    Attachment,
    Decision,
    Document,
    Item,
    Meeting,
    Recommendation,
    Section,
    Source,
    Warning,
)
from .pipeline import extract_bytes, extract_file, extract_text
from .readers.options import ReadOptions

__version__ = "0.1.0"

__all__ = [
    "Amount", "Attachment", "Decision", "Document", "Item", "Meeting", "MinutesError", "ReadOptions",
    "Recommendation", "Section", "Source", "Warning", "document_to_dict", "extract_bytes", "extract_file",
    "extract_text",
]
