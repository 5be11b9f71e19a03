"""minutes: Danish municipal agendas and minutes (dagsordener, referater) as structured data.

Public API:
    extract_file(path)        -> Document   parse a PDF, HTML, text, Word, XML-export or scanned image file
    extract_bytes(data, path) -> Document   parse bytes already in memory
    extract_text(text)        -> Document   parse a string of text
    document_to_dict(doc)     -> dict       the JSON object of SCHEMA.md
    ReadOptions(ocr="auto", ocr_lang="dan", ocr_dpi=None, ocr_workers=1)
                                            how to read scans: extract_file/extract_bytes(..., options=...)

The names are imported on first use (PEP 562), so `import minutes_cli` and
`minutes --version` do not load the readers, the parser or their libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each public name and the module it lives in.
_HOMES = {
    "MinutesError": ".errors", "document_to_dict": ".export.json_exporter",
    **dict.fromkeys(["Amount", "Attachment", "Decision", "Document", "Item", "Meeting", "Recommendation", "Section",
                     "Source", "Warning"], ".model"),
    **dict.fromkeys(["extract_bytes", "extract_file", "extract_text"], ".pipeline"),
    "ReadOptions": ".readers.options",
}

__all__ = [
    "Amount", "Attachment", "Decision", "Document", "Item", "Meeting", "MinutesError", "ReadOptions",
    "Recommendation", "Section", "Source", "Warning", "document_to_dict", "extract_bytes", "extract_file",
    "extract_text",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use and kept."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'minutes_cli' has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
