"""Plain text (.txt, .md): bytes → str, refusing what is not Vietnamese text we can trust.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded as such. Bytes that are
not UTF-8 are most often a legacy Vietnamese encoding: TCVN3, VNI and VISCII are converted
(``legacy``, ``legacy_codec``), and Windows-1258 decoded, whichever spells Vietnamese best.
Anything else is refused rather than guessed.
"""

from __future__ import annotations

import codecs
import re
import string
import unicodedata

from chidao.text.chars import LETTER
from chidao.text.readers import legacy
from chidao.text.readers.errors import Failure, Unreadable

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_ALPHABET_WORD = re.compile(f"[{LETTER}0-9]+")
_PUNCTUATION = string.punctuation + "“”‘’…–—«»"
_SAMPLE_CHARS = 200_000
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a\x1b")
_SNIFF_BYTES = 4096


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """``(codec, BOM length)`` when ``data`` opens with a Unicode byte-order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def read_plain(data: bytes) -> str:
    """Decode a plain-text file; raise ``Unreadable`` for binary or undecodable bytes."""
    return decode_text(data)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` by BOM, UTF-8, ``declared`` (an HTML charset), then Windows-1258.

    UTF-8 wins over a declared charset because valid UTF-8 is almost never an accident,
    while wrong ``<meta charset>`` declarations are common on portal pages.
    """
    bom = bom_encoding(data)
    if bom is not None:
        text = _strict(data[bom[1] :], bom[0])
    elif b"\x00" in data:
        text = _utf16_without_bom(data) or ""
        if not text:
            raise Unreadable("binary file, not text", Failure.BINARY)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_not_utf8(data, declared)
    if _looks_binary(text):
        raise Unreadable("binary file, not text", Failure.BINARY)
    return text


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise Unreadable(
            f"invalid {codec.upper().removesuffix('-LE').removesuffix('-BE')} text", Failure.INVALID_TEXT
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: one byte of every pair is NUL for ASCII characters."""
    sample = data[:_SNIFF_BYTES]
    half = len(sample) // 2
    if len(data) % 2 or half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        codec = "utf-16-le"
    elif even >= 0.3 * half and odd <= 0.02 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text or _looks_binary(text) else text


def _decode_not_utf8(data: bytes, declared: str | None) -> str:
    """Bytes that are not UTF-8: a declared charset, Windows-1258, or a legacy Vietnamese encoding
    (TCVN3, VNI, VISCII) converted, whichever spells Vietnamese best; else refused."""
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:  # a page typed in a legacy font declares the Western charset its bytes were saved in
            found = legacy.best_decoding(data, rival=text)
            return text if found is None else found[1]
    if _looks_binary(data[:_SNIFF_BYTES].decode("latin-1")):
        raise Unreadable("binary file, not text", Failure.BINARY)
    cp1258, vietnamese = _cp1258(data)
    found = legacy.best_decoding(data, rival=cp1258 if vietnamese else None)
    if found is not None:
        return found[1]
    if cp1258 is not None and vietnamese:
        return cp1258
    name = legacy.verdict(legacy.scores(data.decode("latin-1")), minimum=1)
    if name is not None:
        raise Unreadable(legacy.legacy_reason(name), Failure.LEGACY_ENCODING)
    raise Unreadable("not UTF-8 text and not a known encoding", Failure.UNKNOWN_ENCODING)


def _cp1258(data: bytes) -> tuple[str | None, int]:
    """Windows-1258 decoding and its count of Vietnamese words, or (None, 0) if it is not that.

    Windows-1258 writes tones as combining marks; in real Vietnamese they compose with a
    vowel into letters of the alphabet. Other 8-bit text (KOI8-R, random bytes) decoded as
    Windows-1258 leaves letters outside the Vietnamese alphabet, so those must be rare.
    """
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None, 0
    vietnamese = foreign = 0
    words = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS]).split()
    for word in words:
        if _ALPHABET_WORD.fullmatch(word.strip(_PUNCTUATION)):
            vietnamese += not word.isascii()
        elif any(char.isalpha() and not char.isascii() for char in word):
            foreign += 1
    if vietnamese < max(1, 0.1 * len(words)) or foreign > 0.05 * len(words):
        return None, 0
    return text, vietnamese


def _looks_binary(text: str) -> bool:
    """More than 2% control characters (other than tabs, newlines, form feeds) means binary."""
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for char in sample if char < " " and char not in _TEXT_CONTROLS)
    return controls > 0.02 * max(len(sample), 1)
