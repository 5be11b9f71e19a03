"""Decode the bytes of a text or HTML document: declared encodings first, then a guess that says so.

A byte-order mark is a declaration and is trusted. UTF-8 that decodes
cleanly is UTF-8. UTF-16 without a mark shows itself by NUL bytes in every
other position. Anything else is guessed with charset-normalizer among the
encodings Danish documents are written in, and the guess becomes an
`encoding` warning, so nobody trusts it blindly.
"""

from __future__ import annotations

import codecs

from ..model import Warning

# Byte-order marks and the codec each declares (UTF-32 before UTF-16: its LE mark begins with UTF-16's).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings a Danish document that is not UTF-8 comes in: Windows' Western European code page
# (Word, old eDoc exports), ISO 8859-15/-1, DOS code page 850 and Mac Roman. Left to itself
# charset-normalizer picks cp1250 for short Danish texts ("Břrne" for "Børne"), so the guess
# is kept to these.
CANDIDATE_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "cp850", "mac_roman")

# The encoding used when no candidate fits: every byte decodes, the printable range is latin-1's.
FALLBACK_ENCODING = "cp1252"

# UTF-16 without a mark: in the first bytes, at least this share of the odd (little-endian) or
# even (big-endian) positions are NUL, as Latin text has one NUL per character; 0.3 leaves room
# for Danish letters and other characters outside ASCII.
UTF16_NUL_SHARE = 0.3
UTF16_SAMPLE_BYTES = 4096

# charset-normalizer reads at most this many bytes (it samples pieces of longer inputs itself).
GUESS_SAMPLE_BYTES = 1 << 20


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start declares, or None."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return codec
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 without a mark, else None."""
    sample = data[:UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls < UTF16_NUL_SHARE / 3:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls < UTF16_NUL_SHARE / 3:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> str:
    """The most likely of `CANDIDATE_ENCODINGS` for bytes that are not UTF-8 (charset-normalizer)."""
    # imported here: most documents are UTF-8 or declare their encoding, and a start pays ~7 ms for it
    from charset_normalizer import from_bytes

    best = from_bytes(data[:GUESS_SAMPLE_BYTES], cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    return best.encoding if best is not None else FALLBACK_ENCODING


def decode(data: bytes, path: str) -> tuple[str, list[Warning]]:
    """Text of the bytes, with an `encoding` warning when the encoding was guessed."""
    declared = bom_encoding(data)
    if declared is not None:
        return data.decode(declared, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad = error.start
    wide = utf16_without_bom(data)
    if wide is not None:
        note = Warning("encoding", f"{path} has no byte-order mark; read as {wide.upper()} (guessed)")
        return data.decode(wide, errors="replace"), [note]
    codec = guess_encoding(data)
    note = Warning("encoding", f"{path} is not valid UTF-8 (byte {first_bad}); read as {codec} (guessed)")
    return data.decode(codec, errors="replace"), [note]


def looks_like_text(data: bytes) -> bool:
    """True when the bytes are text in a wide encoding (a BOM or UTF-16 without one), not binary."""
    return bom_encoding(data) is not None or utf16_without_bom(data) is not None


def as_utf8_head(data: bytes, size: int) -> bytes:
    """The first `size` bytes as UTF-8, for sniffing markup in a document written in UTF-16 or UTF-32."""
    codec = bom_encoding(data) or utf16_without_bom(data)
    if codec is None or codec == "utf-8-sig":
        return data[:size]
    return data[: size * 4].decode(codec, errors="replace")[:size].encode("utf-8")
