"""Vietnamese syllable structure: whether a word is spelt like a Vietnamese syllable.

Vietnamese is written one syllable per word, and syllables are built from a small set of
onsets and rhymes with at most one tone mark (``chidao/data/vi/syllables.toml``). A text layer
that lost letters to a broken font ("T NH LÂM Đ NG") is full of words no syllable is spelt
like; real text has almost none, apart from abbreviations and foreign names, which
``chidao.text.readers.quality`` recognizes separately.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml

# Tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
_TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
_STOP_TONES = frozenset("\u0301\u0323")  # a syllable closed by a stop takes sắc or nặng


@dataclass(frozen=True)
class SyllableData:
    pattern: re.Pattern[str]
    stop_final: re.Pattern[str]
    one_letter_words: frozenset[str]
    abbreviations: frozenset[str]
    examples: dict[str, list[str]]


@cache
def syllable_data() -> SyllableData:
    """The spelling rules, read once from the package's data."""
    data = load_toml("syllables.toml")
    front = tuple(data["front_vowels"])
    rhymes = data["rhymes"] + data["loan_rhymes"]
    front_rhymes = [rhyme for rhyme in rhymes if rhyme.startswith(front)]
    back_rhymes = [rhyme for rhyme in rhymes if not rhyme.startswith(front)]
    free_onsets = [o for o in data["onsets"] if o not in data["front_onsets"] + data["back_onsets"]]
    pattern = re.compile(
        "|".join(
            [
                f"{_either(free_onsets)}?{_either(rhymes)}",
                f"{_either(data['front_onsets'])}{_either(front_rhymes)}",
                f"{_either(data['back_onsets'])}{_either(back_rhymes)}",
                # "gi" before i is written once: "gì", "gìn", "giếng" are gi + ì, in, iêng
                f"g{_either([rhyme for rhyme in rhymes if rhyme.startswith('i')])}",
            ]
        )
    )
    return SyllableData(
        pattern=pattern,
        stop_final=re.compile(_either(data["stop_finals"]) + "$"),
        one_letter_words=frozenset(data["one_letter_words"]),
        abbreviations=frozenset(data["abbreviations"]),
        examples=data["examples"],
    )


def _either(strings: list[str]) -> str:
    """A regex group matching any of ``strings``, longest first."""
    return "(?:" + "|".join(sorted(strings, key=len, reverse=True)) + ")"


def split_tone(word: str) -> tuple[str, list[str]]:
    """The word in lowercase without its tone marks, and the tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in _TONES]
    base = "".join(char for char in decomposed if char not in _TONES)
    return unicodedata.normalize("NFC", base), tones


def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only, any case) is spelt like one Vietnamese syllable."""
    base, tones = split_tone(word)
    if len(tones) > 1:
        return False
    data = syllable_data()
    if not data.pattern.fullmatch(base):
        return False
    return not (data.stop_final.search(base) and not (set(tones) & _STOP_TONES))
