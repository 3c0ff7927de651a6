"""Tesseract's known confusions of Vietnamese corrected where the genre's words decide it.

Tesseract's Vietnamese model mixes up the acute and the hook above on ê, ô, ơ ("kể hoạch" for
"kế hoạch") and reads "tr" as "ư" ("chủ ưì"). Both spellings are often real syllables, so a
syllable is never corrected alone: only when it and a neighbour are not a known word of the
genre, and exactly one of its confusable spellings makes one with that neighbour. The known
words are ``chidao/data/vi/ocr.toml``'s list plus every two-syllable word of the other data
files (agencies, verbs of assignment, deadlines...), lowercase.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from chidao.data import data_files, load_toml
from chidao.text.fold import match_key

_SYLLABLE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Confusions:
    swaps: dict[str, tuple[str, ...]]  # a letter → the letters Tesseract reads it for
    onsets: tuple[tuple[str, str], ...]  # (what was read, what it may stand for) at a syllable's start
    words: frozenset[str]  # known two-syllable words, as match keys ("uỷ ban" = "ủy ban"), one space


@cache
def confusions() -> Confusions:
    data = load_toml("ocr.toml")
    swaps: dict[str, list[str]] = {}
    for group in data["confusions"]:
        for letter in group:
            swaps.setdefault(letter, []).extend(other for other in group if other != letter)
    words = {match_key(word) for word in data["words"]}
    for name in data_files():
        if name != "ocr.toml":
            words |= {match_key(pair) for pair in _pairs(load_toml(name))}
    return Confusions(
        swaps={letter: tuple(others) for letter, others in swaps.items()},
        onsets=tuple((read, meant) for read, meant in data["onsets"]),
        words=frozenset(words),
    )


def _pairs(value) -> set[str]:
    """Every two consecutive syllables in the strings of a data file."""
    if isinstance(value, str):
        syllables = _SYLLABLE.findall(value.lower())
        return {f"{a} {b}" for a, b in itertools.pairwise(syllables)}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    found: set[str] = set()
    for item in items:
        found |= _pairs(item)
    return found


def variants(syllable: str) -> list[str]:
    """The spellings Tesseract may have read ``syllable`` for (one letter or onset changed)."""
    table = confusions()
    found = []
    for index, letter in enumerate(syllable):
        for other in table.swaps.get(letter, ()):
            found.append(syllable[:index] + other + syllable[index + 1 :])
    for read, meant in table.onsets:
        if syllable.startswith(read) and len(syllable) > len(read):
            found.append(meant + syllable[len(read) :])
    return found


def correct(text: str) -> str:
    """``text`` with each syllable a known word decides corrected (see the module's doc)."""
    words = confusions().words
    matches = list(_SYLLABLE.finditer(text))
    out: list[str] = []
    end = 0
    for index, match in enumerate(matches):
        before = _neighbour(text, matches, index, -1)
        after = _neighbour(text, matches, index, 1)
        out.append(text[end : match.start()])
        out.append(_decide(match.group(), before, after, words))
        end = match.end()
    out.append(text[end:])
    return "".join(out)


def _neighbour(text: str, matches: list[re.Match[str]], index: int, step: int) -> str:
    """The syllable next to ``matches[index]`` when only spaces separate them, else ""."""
    other = index + step
    if not 0 <= other < len(matches):
        return ""
    first, second = (matches[other], matches[index]) if step < 0 else (matches[index], matches[other])
    return matches[other].group() if text[first.end() : second.start()] == " " else ""


def _decide(token: str, before: str, after: str, words: frozenset[str]) -> str:
    def known(candidate: str) -> bool:  # either tone placement ("trình uỷ", "trình ủy")
        return match_key(f"{before} {candidate}") in words or match_key(f"{candidate} {after}") in words

    if known(token):
        return token
    chosen = {candidate for candidate in variants(token) if known(candidate)}
    return chosen.pop() if len(chosen) == 1 else token
