"""Recognize Vietnamese text stored in the pre-Unicode 8-bit encodings TCVN3 (ABC) and VNI, and
convert it.

Before Unicode, Vietnamese was typed with TCVN3 (".VnTime") or VNI ("VNI-Times") fonts:
the bytes are Latin-1 letters and symbols that only the font draws as Vietnamese, so a
reader decoding them gets "Th«ng b¸o" (TCVN3) or "Thoâng baùo" (VNI) for "Thông báo".
The same garbage reaches us as valid UTF-8 (DOCX files typed in those fonts, or legacy
text saved again as UTF-8), so it is recognized on decoded text, not on bytes.

Such text has plenty of tell-tale sequences and no letter that only Vietnamese uses
(ạ, ế, đ, ư, ...), which can only be written in Unicode (or Windows-1258, see ``plain``).
A guess is never taken on trust, since a wrong one would corrupt every name: a line is converted
only when the conversion spells more Vietnamese syllables than the line had (``convert``), and
bytes are decoded in the encoding whose text spells the most (``best_decoding``); text that no
conversion makes Vietnamese is still refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chidao.text.readers import legacy_codec
from chidao.text.syllables import is_syllable

# Letters outside Latin-1 that Vietnamese uses: never produced by TCVN3/VNI decoded as Latin-1.
_VIET_ONLY = re.compile(
    "[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵăđĩũơưẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỶỸỴĂĐĨŨƠƯ]"
)
# TCVN3 puts ă â ê ô ơ ư đ and the toned a's on Latin-1 symbols (0xA8-0xAE, 0xB5-0xBE),
# and most toned e/i on capitals (0xC6-0xDE), which then follow a lowercase letter: "hiÖn".
_TCVN3 = re.compile("[A-Za-z][\xa8-\xae\xb5-\xbe]|[\xa8-\xae\xb5-\xbe][A-Za-z]|[a-z][\xc6-\xde]")
# VNI writes a base letter then a mark byte: "oâ" (ô), "aù" (á), "eá" (ế), "ñ" (đ), "ö" (ư).
# Only pairs that real Vietnamese never contains are listed ("hoãn", "quân" are real).
_VNI = re.compile(
    "[aeiouy][\xf9\xf8\xfb\xf5\xef\xe4\xe5\xeb\xfc\xe6]|[ae][\xe2\xe1\xe0\xea\xe9\xe8]|o\xe2"
    "|\xf4[\xf9\xf8\xfb\xf5\xef]|\xf6|\xf1",
    re.IGNORECASE,
)
_SAMPLE_CHARS = 200_000


def _classes(*groups: tuple[str, str]) -> bytes:
    """A ``bytes.translate`` table putting each Latin-1 character of a group on its class letter,
    every other byte on ".", for the pair tests of ``may_carry_signature``."""
    table = bytearray(b"." * 256)
    for chars, code in groups:
        for char in chars:
            table[ord(char)] = ord(code)
    return bytes(table)


_VNI_MARKS = "\xf9\xf8\xfb\xf5\xef\xe4\xe5\xeb\xfc\xe6"
_VNI_TONES = "\xe1\xe0\xea\xe9\xe8"
_TCVN3_SYMBOLS = "".join(map(chr, [*range(0xA8, 0xAF), *range(0xB5, 0xBF)]))
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# The signatures of _TCVN3 and _VNI (both cases) as pairs of character classes: one C-speed
# translation and substring test per table instead of a scan trying alternatives at every
# character (which cost a third of a millisecond on a notice of ten thousand characters).
_PAIR_TESTS = (
    (_classes((_LETTERS, "L"), (_TCVN3_SYMBOLS, "M")), (b"LM", b"ML")),
    (_classes((_LETTERS[26:], "l"), ("".join(map(chr, range(0xC6, 0xDF))), "U")), (b"lU",)),
    (_classes(("aeiouyAEIOUY", "v"), (_VNI_MARKS + _VNI_MARKS.upper(), "m")), (b"vm",)),
    (
        _classes(("aeAE", "a"), ("oO", "o"), ("\xe2\xc2", "x"), (_VNI_TONES + _VNI_TONES.upper(), "m")),
        (b"am", b"ax", b"ox"),
    ),
    (_classes(("\xf4\xd4", "o"), (_VNI_MARKS[:5] + _VNI_MARKS[:5].upper(), "m")), (b"om",)),
    (_classes(("\xf6\xd6\xf1\xd1", "s")), (b"s",)),
)


def may_carry_signature(text: str) -> bool:
    """Whether ``text`` holds a TCVN3 or VNI signature pair (what ``_TCVN3`` or ``_VNI`` finds;
    characters outside Latin-1 are in no class)."""
    raw = text.encode("latin-1", "replace")
    for table, pairs in _PAIR_TESTS:
        classes = raw.translate(table)
        if any(pair in classes for pair in pairs):
            return True
    return False


_WORD = re.compile(r"[^\W\d_]+")
_CODEC_NAMES = {"TCVN3/ABC": "tcvn3", "VNI": "vni"}
# A word of capitals around a small converted letter: "TØNH" → "TỉNH" → "TỈNH".
_CAPITAL_WORD = re.compile(r"\b(?=(?:[^\W\d_]*[A-Z]){2})(?![^\W\d_]*[a-z])[^\W\d_]+")
_MIN_ASCII_SHARE = 0.5


@dataclass(frozen=True)
class Scores:
    """Word counts of one text (all, real Vietnamese, TCVN3-like, VNI-like) and its share of ASCII letters."""

    words: int
    vietnamese: int
    tcvn3: int
    vni: int
    ascii_share: float

    @property
    def legacy(self) -> tuple[int, str]:
        """The stronger legacy signal and its encoding's name."""
        return max((self.tcvn3, "TCVN3/ABC"), (self.vni, "VNI"))


def scores(text: str) -> Scores:
    """Count the words of ``text`` (a sample of it, for speed) that carry each signature."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS])
    words = sample.split()
    letters = [char for char in sample if char.isalpha()]
    return Scores(
        words=len(words),
        vietnamese=sum(1 for word in words if _VIET_ONLY.search(word)),
        tcvn3=sum(1 for word in words if _TCVN3.search(word)),
        vni=sum(1 for word in words if _VNI.search(word)),
        ascii_share=sum(1 for char in letters if char.isascii()) / max(len(letters), 1),
    )


def legacy_signature(text: str) -> str | None:
    """The legacy encoding of which ``text`` shows a few words ("TCVN3/ABC", "VNI"), or None: a
    hint for ``convert``, which checks each line, not a verdict."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS])
    if not may_carry_signature(sample):
        return None  # no word can carry a signature (the usual Unicode notice): nothing to count
    count, name = scores(text).legacy
    return name if count >= 2 else None


def legacy_encoding(text: str) -> str | None:
    """Name of the legacy encoding ``text`` was typed in ("TCVN3/ABC" or "VNI"), or None."""
    return verdict(scores(text))


def verdict(found: Scores, minimum: int = 3) -> str | None:
    """The legacy encoding these counts point to, or None.

    A few stray signatures (a German name, a © sign) are not enough: they must be at least
    ``minimum`` words and 5% of the words, and outnumber real Vietnamese words four to one;
    and most letters are ASCII, as in Vietnamese typed in those fonts (75-85%), unlike
    other scripts' 8-bit encodings (KOI8-R read as Latin-1 has none).
    Bytes that are not even UTF-8 need less evidence (``minimum=1``): they are refused anyway.
    """
    count, name = found.legacy
    if found.ascii_share < _MIN_ASCII_SHARE or found.vietnamese * 4 >= count:
        return None
    if count >= max(minimum, 0.05 * found.words):
        return name
    return None


def legacy_reason(name: str) -> str:
    """The one-line message for a file in a legacy encoding."""
    return f"legacy Vietnamese encoding ({name}); convert it to Unicode first"


def spelling(text: str) -> tuple[int, int]:
    """Words with a non-ASCII letter spelt like a Vietnamese syllable (two letters or more: a
    lone letter proves nothing), and those spelt like none."""
    right = wrong = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        if not word.isascii():
            if is_syllable(word):
                right += len(word) > 1
            else:
                wrong += 1
    return right, wrong


def spelling_score(text: str) -> int:
    right, wrong = spelling(text)
    return right - wrong


def convert(text: str, name: str) -> str:
    """``text`` in which every line typed in legacy encoding ``name`` ("TCVN3/ABC", "VNI") is
    converted to Unicode; lines already in Unicode (a mixed document) are left as they are."""
    encoding = _CODEC_NAMES[name]
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.isascii() or _VIET_ONLY.search(line):  # a line with letters only Unicode has
            continue
        converted = legacy_codec.decode(line, encoding)
        if encoding == "tcvn3":
            converted = _capitals(converted)
        if converted != line and spelling_score(converted) > spelling_score(line):
            lines[index] = converted
    return "\n".join(lines)


def _capitals(line: str) -> str:
    """TCVN3 has no codes for most capitals with tones: titles were typed with the small letters'
    codes in an all-capitals font (".VnTimeH"), which a text file does not keep. A line, or a
    word, whose ASCII letters are all capitals (at least three, or two in a word) was such a title."""
    letters = [char for char in line if char.isascii() and char.isalpha()]
    if len(letters) >= 3 and all(char.isupper() for char in letters):
        return line.upper()
    return _CAPITAL_WORD.sub(lambda match: match.group().upper(), line)


def best_decoding(data: bytes, rival: str | None = None) -> tuple[str, str] | None:
    """``(encoding, text)`` for bytes that are not UTF-8: the legacy encoding whose text spells
    the most Vietnamese syllables, if it spells more than ``rival`` (another decoding) and at
    least three times more right than wrong; else None."""
    sample = data[:_SAMPLE_CHARS]
    best: tuple[int, str] | None = None
    for encoding in legacy_codec.ENCODINGS:
        right, wrong = spelling(legacy_codec.decode_bytes(sample, encoding))
        if right >= 2 and wrong * 3 <= right and (best is None or right - wrong > best[0]):
            best = (right - wrong, encoding)
    if best is None or (rival is not None and spelling_score(rival[:_SAMPLE_CHARS]) >= best[0]):
        return None
    text = legacy_codec.decode_bytes(data, best[1])
    if best[1] == "tcvn3":
        text = "\n".join(_capitals(line) for line in text.split("\n"))
    return legacy_codec.LABELS[best[1]], text
