"""Read the publishing systems' XML exports: pick the system's reader by the root element.

`XML_EXPORTS` lists each export we know with the test that recognises its
root element (and namespace) and its reader; add a system here. The file name
never decides. A ZIP that holds one such export (OS2web ships SBSYS
publications as `Publication32.zip`) is read through `archive`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

from ..errors import EmptyInput, MinutesError, UnsupportedFormat
from ..model import RawDocument
from .acadre_meeting import is_acadre_meeting, read_acadre_meeting
from .agendaweb_xml import is_agendaweb, read_agendaweb
from .archive import ZIP_SIGNATURE, export_from_zip
from .edoc_publishing import is_edoc_publishing, read_edoc_publishing
from .sbsys_publication import is_sbsys_publication, read_sbsys_publication
from .xml_support import local_name, parse_xml


class XmlExport(NamedTuple):
    """One system's export: its name, the test of its root element, its reader."""

    name: str
    matches: Callable[[etree._Element], bool]
    read: Callable[[etree._Element, str], RawDocument]


XML_EXPORTS: tuple[XmlExport, ...] = (
    XmlExport("eDoc AgendaPublishing", is_edoc_publishing, read_edoc_publishing),
    XmlExport("SBSYS eDagsorden publication", is_sbsys_publication, read_sbsys_publication),
    XmlExport("Acadre meeting XML", is_acadre_meeting, read_acadre_meeting),
    XmlExport("eDoc/Fujitsu AgendaWeb XML", is_agendaweb, read_agendaweb),
)


def detect_xml_kind(root: etree._Element) -> str | None:
    """The name of the export whose root element this is, or None."""
    return next((export.name for export in XML_EXPORTS if export.matches(root)), None)


def _export(root: etree._Element, path: str) -> XmlExport:
    found = next((export for export in XML_EXPORTS if export.matches(root)), None)
    if found is None:
        namespace = etree.QName(root).namespace
        where = f" in namespace {namespace}" if namespace else ""
        raise UnsupportedFormat(path, f"XML with root element <{local_name(root)}>{where} is no meeting export "
                                      "minutes knows", "it reads eDoc, SBSYS, Acadre and AgendaWeb exports")
    return found


# The first element of an XML document, past its declaration, comments and doctype:
# "Publication" in b'<?xml version="1.0"?>\n<Publication>', "html" in an XHTML page.
_ROOT_ELEMENT_RE = re.compile(rb"<(?![?!/])(?:[\w.-]+:)?(?P<name>[A-Za-z_][\w.-]*)")


def declares_xml(head: bytes) -> bool:
    """True for bytes that open with an XML declaration and a root element other than <html>.

    Checked before any test for HTML markup: an export's HTML fields ("<![CDATA[<html>…") must not
    make it look like a web page, while an XHTML page (root <html>) stays HTML.
    """
    if not head.startswith(b"<?xml"):
        return False
    root = _ROOT_ELEMENT_RE.search(head)
    return root is not None and root.group("name").lower() != b"html"


def check_xml(data: bytes, path: str) -> None:
    """Nothing when the bytes are an XML export we read; else the error that says why not."""
    _export(parse_xml(data, path), path)


def read_xml(data: bytes, path: str) -> RawDocument:
    """The lines and stated meeting facts of an XML export, or of the one export a ZIP holds."""
    if data.startswith(ZIP_SIGNATURE):
        data = export_from_zip(data, path, is_export)
    root = parse_xml(data, path)
    raw = _export(root, path).read(root, path)
    if not raw.lines:
        raise EmptyInput(path, "the export lists no agenda items")
    return raw


def is_export(data: bytes) -> bool:
    """True when the bytes parse as an XML export we read (used to find one inside a ZIP)."""
    try:
        return detect_xml_kind(parse_xml(data, "")) is not None
    except MinutesError:  # a member that is no well-formed XML is simply not the export
        return False


__all__ = ["XML_EXPORTS", "check_xml", "declares_xml", "detect_xml_kind", "is_export", "read_xml"]
