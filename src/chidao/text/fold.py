"""Lookup keys for Vietnamese text: never shown to users, only compared.

Two keys, both the same length as their input so that a match found on the
key is a match at the same offsets in the original text:

* ``match_key`` keeps diacritics (so "năm" and "nam", "Bộ" and "bỏ" stay
  apart) but lowercases and puts the tone of "oa", "oe", "uy" on one agreed
  vowel, so "Uỷ ban" and "Ủy ban", "hoà" and "hòa" compare equal.
* ``fold`` drops every diacritic and maps "đ" to "d": the key for search and
  for looking up whole names, where "chuyen doi so" must find "chuyển đổi số".
"""

from __future__ import annotations

import re
import unicodedata

_BASE_RANGES = [(0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00)]


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _BASE_RANGES:
        for code in range(lo, hi):
            char = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")
            base = base.lower()
            if len(base) == 1 and base != char:
                table[code] = base
    table[ord("Đ")] = "d"
    table[ord("đ")] = "d"
    return table


def _build_lower_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _BASE_RANGES:
        for code in range(lo, hi):
            char = chr(code)
            low = char.lower()
            if len(low) == 1 and low != char:
                table[code] = low
    return table


_FOLD_TABLE = _build_fold_table()
_LOWER_TABLE = _build_lower_table()

# Tone marks as combining characters, in the order grave, acute, hook, tilde, dot.
_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _toned(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


def _build_tone_pairs() -> dict[str, str]:
    """Map old-style pairs ("oà", "uỷ") to the tone-on-first-vowel form ("òa", "ủy")."""
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            pairs[first + _toned(second, tone)] = _toned(first, tone) + second
    return pairs


_TONE_PAIRS = _build_tone_pairs()
# "o" or "u" not after "q" ("qua" has no "oa" pair), then a toned vowel. The guard comes after the
# first letter ("(?<!q)o" written as "o(?<!qo)") so that the engine can skip to "o" and "u". One
# pattern per letter: ``re`` skips to a literal first letter with a plain character comparison,
# ten times as fast as it tests each character against a class ("[ou]"), and ``match_key`` runs
# on every document. The two find what "[ou]" would, match for match: a match of one cannot
# overlap one of the other (its second letter is toned), and its replacement keeps every letter
# a letter and puts no "q" anywhere, so the other's guards read the same.
_TONE_RES = tuple(re.compile(f"{first}(?<!q{first})[àáảãạèéẻẽẹỳýỷỹỵ](?![a-zà-ỹ])") for first in "ou")


_OLD_PAIRS = {new: old for old, new in _TONE_PAIRS.items()}
_OLD_PAIRS |= {new[0].upper() + new[1:]: old[0].upper() + old[1:] for new, old in _OLD_PAIRS.items()} | {
    new.upper(): old.upper() for new, old in _OLD_PAIRS.items()
}
# The tone-on-first-vowel form of a pair ("òa", "Ủy", "HÒA") at the end of a syllable, not after "q".
_NEW_TONE_RE = re.compile("[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ](?<![qQ].)[aeyAEY](?![a-zà-ỹA-ZÀ-Ỹ])")


def tone_spellings(word: str) -> tuple[str, ...]:
    """``word`` and, where it differs, its old tone placement ("Đảng ủy" → "Đảng ủy", "Đảng uỷ"):
    a word list keeps one spelling, and code that compares text as written needs both."""
    old = _NEW_TONE_RE.sub(lambda m: _OLD_PAIRS.get(m.group(0), m.group(0)), word)
    return (word,) if old == word else (word, old)


def lower(text: str, lowered: str | None = None) -> str:
    """Lowercase without ever changing the length (``str.lower`` may, e.g. for "İ").

    ``lowered``, if given, is ``text.lower()``: a caller that needs both lowercases a document
    once (``str.lower`` reads a Vietnamese text a character at a time, several percent of an
    extraction)."""
    low = text.lower() if lowered is None else lowered
    return low if len(low) == len(text) else text.translate(_LOWER_TABLE)


def match_key(text: str, lowered: str | None = None) -> str:
    """Lowercase, tone placement made uniform, diacritics kept; same length as ``text``.
    ``lowered``, if given, is ``text.lower()`` (see ``lower``)."""
    low = lower(text, lowered)
    for tone_re in _TONE_RES:
        if tone_re.search(low) is not None:  # most texts: none, and no new string
            low = tone_re.sub(_tone_pair, low)
    return low


def _tone_pair(match: re.Match[str]) -> str:
    return _TONE_PAIRS.get(match.group(0), match.group(0))


def fold(text: str) -> str:
    """Lowercase and strip diacritics (đ → d); same length as NFC ``text``."""
    return text.translate(_FOLD_TABLE)


def fold_words(text: str) -> str:
    """``fold`` plus punctuation dropped and spaces collapsed: a key for whole names."""
    return " ".join(re.findall(r"[0-9a-z&]+", fold(text)))
