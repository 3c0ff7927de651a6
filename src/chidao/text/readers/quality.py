"""Does a text layer read as Vietnamese, or did it decode to garbage?

A PDF shows the glyphs its fonts draw; what a reader extracts is what the fonts' Unicode maps
say those glyphs are. A font without a map (no ToUnicode entry) or a fallback font drawn out of
order gives text like "T NH LÂM Đ NG Ỉ Ồ" for "TỈNH LÂM ĐỒNG", "(cid:123)" glyph codes,
private-use characters or U+FFFD. Returned as if fine, it would become tasks nobody can read;
refused, the user knows to export the PDF again or to OCR it.

The check counts three things:

* characters no text has: U+FFFD, private-use code points, control characters, "(cid:N)";
* words no Vietnamese syllable is spelt like (``chidao.text.syllables``), leaving out what
  real text also has: abbreviations ("UBND", "HĐND"), units ("km"), codes ("KH/UBND",
  "Km186"), list markers ("b)") and foreign words ("online", "Huoai");
* lone toned letters, the pieces a broken font splits off their syllables ("Ỉ", "ồ"), and
  combining marks standing alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chidao.text.syllables import is_syllable, syllable_data

# Thresholds, from the corpus (real text: at most 0.7% of its words are not syllables, no lone
# tone letters, no junk) and from garbled PDFs (pypdf and pdfminer.six on PDFs with fallback
# fonts: 56-59% of the words broken, a fifth of them lone tone letters).
_MAX_JUNK_SHARE = 0.01
_MIN_JUNK = 3
_MAX_BROKEN_SHARE = 0.15
_MIN_BROKEN = 3
_MAX_ORPHAN_SHARE = 0.03
_MIN_ORPHANS = 3
_SAMPLE_CHARS = 200_000

_CID = re.compile(r"\(cid:\d+\)|/(?:uni|g|glyph)[0-9A-Fa-f]{2,5}\b")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}«»<>.,;:!?…–—-*•·/\\|"
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,}|[A-ZĐ]{2,}[a-z][A-ZĐ]*|[A-ZĐ][a-z][A-ZĐ]{2,}")  # UBND, TTg, PTTgCP, ThS
_FOREIGN = re.compile(r"[A-Za-z]*[aeiouyAEIOUY][A-Za-z]*")
_MARKER = re.compile(r"\(?(?:[^\W\d_]|[ivxlc]{1,5})[).]", re.I)  # "a)", "đ.", "(iv)"


@dataclass(frozen=True)
class Quality:
    """What the check counted in a text."""

    chars: int
    junk: int
    words: int
    broken: int
    orphans: int

    @property
    def reason(self) -> str | None:
        """One line saying why the text is garbage, or None when it reads as text."""
        if self.junk >= _MIN_JUNK and self.junk > _MAX_JUNK_SHARE * self.chars:
            return f"garbled text layer ({self.junk} characters without a Unicode mapping); {_ADVICE}"
        if self.broken >= _MIN_BROKEN and self.broken > _MAX_BROKEN_SHARE * self.words:
            share = round(100 * self.broken / self.words)
            return f"garbled text layer ({share}% of the words are not Vietnamese); {_ADVICE}"
        if self.orphans >= _MIN_ORPHANS and self.orphans > _MAX_ORPHAN_SHARE * self.words:
            return f"garbled text layer ({self.orphans} tone letters split from their words); {_ADVICE}"
        return None


_ADVICE = "export the PDF again from the original or OCR it"


def garbled(text: str) -> str | None:
    """Why ``text`` is not readable Vietnamese (a one-line reason), or None when it is."""
    return measure(text).reason


def measure(text: str) -> Quality:
    """Count the junk characters, broken words and lone tone letters of ``text`` (a sample of it)."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS])
    junk = sum(1 for char in sample if _is_junk(char)) + len(_CID.findall(sample))
    words = broken = orphans = 0
    for token in sample.split():
        kind = _classify(token)
        if kind is None:
            continue
        words += 1
        broken += kind != "word"
        orphans += kind == "orphan"
    chars = sum(1 for char in sample if not char.isspace())
    return Quality(chars=chars, junk=junk, words=words, broken=broken, orphans=orphans)


def _is_junk(char: str) -> bool:
    if char in "\t\n\r":
        return False
    category = unicodedata.category(char)
    return char == "\ufffd" or category in ("Co", "Cc", "Cs", "Cn")


def _classify(token: str) -> str | None:
    """ "word" (a syllable or something real text has), "broken", "orphan" (a lone tone letter
    or mark), or None for what says nothing either way (numbers, codes, punctuation)."""
    if _MARKER.fullmatch(token):
        return None  # "a)", "đ)", "b."
    core = token.strip(_EDGE_PUNCTUATION)
    if not core:
        return None
    if unicodedata.combining(core[0]):
        return "orphan"
    if not all(char.isalpha() or unicodedata.combining(char) for char in core):
        return None  # a code or a number ("KH/UBND", "Km186+819", "đ/c", "02ha")
    return _classify_word(core)


def _classify_word(word: str) -> str:
    data = syllable_data()
    if is_syllable(word):
        if len(word) == 1 and not word.isascii() and word.lower() not in data.one_letter_words:
            return "orphan"
        return "word"
    if _ABBREVIATION.fullmatch(word) or word.lower() in data.abbreviations:
        return "word"
    if len(word) >= 3 and _FOREIGN.fullmatch(word):
        return "word"
    if len(word) == 1 and not word.isascii():
        return "orphan"
    return "broken"
