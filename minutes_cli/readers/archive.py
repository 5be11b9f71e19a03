"""Containers: a ZIP holding a meeting export, a Word .docx, an old binary Word .doc.

A ZIP is read only as far as needed to find the one XML export in it, within
limits against zip bombs: how many members, how many bytes they unpack to in
all, and how far any member is compressed. Sizes are checked against what is
actually read, never only against what the archive's directory claims. Any
other ZIP is refused with a one-line reason; an old .doc gets a message that
says how to convert it.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from ..errors import UnreadableDocument, UnsupportedFormat
from ..model import SourceFormat

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
# The stream name every binary Word document holds, in the UTF-16 of its directory.
_WORD_STREAM = "WordDocument".encode("utf-16-le")

# Limits against zip bombs. An OS2web SBSYS publication ZIP holds its XML and one
# file per enclosure (tens of files, a few MB); the limits leave ample room above that.
MAX_ZIP_MEMBERS = 2000
# The members together unpack to at most this many bytes (as the directory states them).
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024
# The export itself: the largest real one seen is 0.5 MB (eDoc, with attachments' full text).
MAX_EXPORT_BYTES = 64 * 1024 * 1024
# XML compresses 5-20 times; a member packed more than this is a bomb, not an export.
MAX_COMPRESSION_RATIO = 200

# What a damaged or hostile archive raises while it is opened or read (RuntimeError: an encrypted member,
# NotImplementedError: a compression method Python lacks).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError, EOFError, zlib.error)

# The member that marks a ZIP as a Word document.
DOCX_MARKER = "word/document.xml"


def _open(data: bytes, path: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise UnreadableDocument(path, f"the ZIP archive cannot be opened ({error})") from error
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise UnsupportedFormat(path, f"the ZIP archive has {len(members)} members (at most {MAX_ZIP_MEMBERS} "
                                      "are read)", "unpack it and give the export itself")
    if sum(m.file_size for m in members) > MAX_ZIP_TOTAL_BYTES:
        raise UnsupportedFormat(path, "the ZIP archive unpacks to more than "
                                      f"{MAX_ZIP_TOTAL_BYTES // 2**20} MB", "unpack it and give the export itself")
    return archive


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: str, limit: int | None = None) -> bytes:
    """A member's bytes, refused when it is packed like a bomb or unpacks past `limit` (MAX_EXPORT_BYTES)."""
    limit = MAX_EXPORT_BYTES if limit is None else limit
    if member.compress_size and member.file_size / member.compress_size > MAX_COMPRESSION_RATIO:
        raise UnsupportedFormat(path, f"{member.filename} in the ZIP archive is compressed "
                                      f"{member.file_size // member.compress_size}:1, like a zip bomb")
    if member.file_size > limit:
        raise UnsupportedFormat(path, f"{member.filename} in the ZIP archive is larger than {limit // 2**20} MB")
    try:
        with archive.open(member) as stream:
            data = stream.read(limit + 1)  # the directory may lie about the size: never read past the limit
    except _ZIP_ERRORS as error:
        raise UnreadableDocument(path, f"{member.filename} in the ZIP archive cannot be read ({error})") from error
    if len(data) > limit:
        raise UnsupportedFormat(path, f"{member.filename} in the ZIP archive is larger than {limit // 2**20} MB")
    return data


def check_limits(data: bytes, path: str) -> None:
    """Refuse a ZIP (a .docx too) whose directory shows too many members, too many bytes or a bomb's ratio."""
    archive = _open(data, path)
    for member in archive.infolist():
        if member.compress_size and member.file_size / member.compress_size > MAX_COMPRESSION_RATIO:
            raise UnsupportedFormat(path, f"{member.filename} in the ZIP archive is compressed "
                                          f"{member.file_size // member.compress_size}:1, like a zip bomb")


def _xml_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The XML members, those nearest the top first ("Publication32/Publication32.xml")."""
    members = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".xml")
               and not m.filename.startswith("__MACOSX/")]
    return sorted(members, key=lambda m: (m.filename.count("/"), m.filename))


def export_from_zip(data: bytes, path: str, is_export: Callable[[bytes], bool]) -> bytes:
    """The bytes of the one meeting export the ZIP holds; `UnsupportedFormat` when it holds none or several."""
    archive = _open(data, path)
    found: list[tuple[str, bytes]] = []
    total = 0
    for info in _xml_members(archive):
        member = read_member(archive, info, path)
        total += len(member)
        if total > MAX_ZIP_TOTAL_BYTES:  # what was read, whatever the directory claimed
            raise UnsupportedFormat(path, f"the ZIP archive unpacks to more than {MAX_ZIP_TOTAL_BYTES // 2**20} MB")
        if is_export(member):
            found.append((info.filename, member))
    if not found:
        raise UnsupportedFormat(path, "this ZIP archive holds no meeting export minutes reads",
                                "give the PDF, HTML, Word or XML export itself")
    if len(found) > 1:
        names = ", ".join(name for name, _ in found)
        raise UnsupportedFormat(path, f"this ZIP archive holds {len(found)} meeting exports ({names})",
                                "unpack it and give each export")
    return found[0][1]


def container_format(data: bytes, path: str, is_export: Callable[[bytes], bool]) -> SourceFormat:
    """The format of a ZIP or OLE file we read ("docx", "xml"), or the error that says why we do not."""
    if data.startswith(OLE_SIGNATURE):
        if _WORD_STREAM in data:
            raise UnsupportedFormat(path, "this is an old Word document (.doc), which minutes does not read",
                                    "convert it to .docx first: libreoffice --headless --convert-to docx FILE")
        raise UnsupportedFormat(path, "this is an old Microsoft Office file (XLS/PPT), not a document minutes reads")
    archive = _open(data, path)
    if DOCX_MARKER in archive.namelist():
        return "docx"
    export_from_zip(data, path, is_export)
    return "xml"


__all__ = ["MAX_COMPRESSION_RATIO", "MAX_EXPORT_BYTES", "MAX_ZIP_MEMBERS", "MAX_ZIP_TOTAL_BYTES", "OLE_SIGNATURE",
           "ZIP_SIGNATURE", "check_limits", "container_format", "export_from_zip", "read_member"]
