"""TCVN3 (ABC), VNI and VISCII: the tables (``chidao/data/vi/legacy_encodings.toml``), and text
converted both ways.

Legacy text reaches the readers in two shapes: bytes that are not UTF-8 (a ``.txt`` saved by an
old editor), and characters U+0000-U+00FF that stand for those bytes (a DOCX run typed in
".VnTime", an HTML page declared ``iso-8859-1``). Both are converted here from the same tables:
``decode`` takes the characters, ``decode_bytes`` the bytes. ``encode`` (Unicode → legacy bytes)
is what the tests and benchmarks use to make legacy files; it is the inverse the tables define.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from chidao.data import DataFileError, load_toml

ENCODINGS = ("tcvn3", "vni", "viscii")
LABELS = {"tcvn3": "TCVN3/ABC", "vni": "VNI", "viscii": "VISCII"}


@dataclass(frozen=True)
class Codec:
    """One encoding: letter → bytes, and the decoder (longest byte sequence first)."""

    name: str
    to_bytes: dict[str, bytes]
    pattern: re.Pattern[str]
    from_chars: dict[str, str]


@dataclass(frozen=True)
class LegacyFonts:
    """Font-name prefixes (lowercase) of each encoding, and the suffix of all-capitals fonts."""

    prefixes: dict[str, tuple[str, ...]]
    uppercase_suffix: str

    def encoding(self, font: str | None) -> tuple[str, bool] | None:
        """``(encoding, all capitals)`` of text set in ``font``, or None for a Unicode font."""
        if not font:
            return None
        lowered = font.strip().lower()
        for name, prefixes in self.prefixes.items():
            if lowered.startswith(prefixes):
                return name, name == "tcvn3" and font.strip().endswith(self.uppercase_suffix)
        return None


@cache
def codec(name: str) -> Codec:
    """The table of encoding ``name`` ("tcvn3", "vni", "viscii"), read and checked once."""
    table = load_toml("legacy_encodings.toml")[name]
    to_bytes: dict[str, bytes] = {}
    for letter, hex_bytes in table.items():
        try:
            to_bytes[letter] = bytes.fromhex(hex_bytes)
        except ValueError:
            raise DataFileError(f"legacy_encodings.toml: {name}.{letter}: {hex_bytes!r} is not hex bytes") from None
    _check(name, to_bytes)
    from_chars = {sequence.decode("latin-1"): letter for letter, sequence in to_bytes.items()}
    if name == "vni":  # a capital followed by a small mark ("Aù"), or the other way round
        for letter, sequence in list(to_bytes.items()):
            if len(sequence) == 2:
                base, mark = sequence.decode("latin-1")
                from_chars.setdefault(base + mark.swapcase(), letter)
    keys = sorted(from_chars, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(key) for key in keys))
    return Codec(name=name, to_bytes=to_bytes, pattern=pattern, from_chars=from_chars)


def _check(name: str, to_bytes: dict[str, bytes]) -> None:
    """Each letter one NFC character outside ASCII; no two letters share bytes; no ASCII byte
    alone stands for a letter (ASCII text must stay itself)."""
    seen: dict[bytes, str] = {}
    for letter, sequence in to_bytes.items():
        where = f"legacy_encodings.toml: {name}.{letter}"
        if len(letter) != 1 or letter.isascii() or not unicodedata.is_normalized("NFC", letter):
            raise DataFileError(f"{where}: not one precomposed non-ASCII letter")
        if not 1 <= len(sequence) <= 2 or (len(sequence) == 1 and sequence.isascii() and sequence >= b" "):
            raise DataFileError(f"{where}: {sequence.hex()} is not a legacy byte sequence")
        if sequence in seen:
            raise DataFileError(f"{where}: bytes {sequence.hex()} also stand for {seen[sequence]!r}")
        seen[sequence] = letter


@cache
def legacy_fonts() -> LegacyFonts:
    data = load_toml("legacy_encodings.toml")["fonts"]
    prefixes = {name: tuple(prefix.lower() for prefix in data[name]) for name in ENCODINGS}
    return LegacyFonts(prefixes=prefixes, uppercase_suffix=data["uppercase_suffix"])


def _as_byte_chars(text: str) -> str:
    """``text`` with the cp1252 characters Windows writes for bytes 0x80-0x9F of an 8-bit font
    (in DOCX and HTML) turned back into those bytes' Latin-1 characters, to meet the tables."""
    return text.translate(_cp1252_back())


@cache
def _cp1252_back() -> dict[int, str]:
    back = {}
    for byte in range(0x80, 0xA0):
        try:
            back[ord(bytes([byte]).decode("cp1252"))] = chr(byte)
        except UnicodeDecodeError:
            continue
    return back


def decode(text: str, name: str, *, uppercase: bool = False) -> str:
    """``text`` whose characters stand for ``name``'s bytes, as Unicode (NFC).

    Characters beyond U+00FF (already Unicode) pass through, as does ASCII."""
    table = codec(name)
    if name == "viscii":  # VISCII puts capitals on 0x80-0x9F, which Windows shows as cp1252
        text = _as_byte_chars(text)
    converted = table.pattern.sub(lambda match: table.from_chars[match.group()], text)
    if uppercase:
        converted = converted.upper()
    return unicodedata.normalize("NFC", converted)


def decode_bytes(data: bytes, name: str) -> str:
    """Bytes in encoding ``name`` as Unicode text."""
    return decode(data.decode("latin-1"), name)


def encode(text: str, name: str) -> bytes:
    """Unicode ``text`` in encoding ``name``; raises ``ValueError`` for a character it lacks."""
    table = codec(name).to_bytes
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out += char.encode("ascii")
        elif char in table:
            out += table[char]
        else:
            raise ValueError(f"{LABELS[name]} has no byte for {char!r}")
    return bytes(out)
