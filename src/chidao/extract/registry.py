"""The agency registry and name grammar, compiled once from the package's data files.

Every phrase is compiled against the ``match_key`` form of the text (lowercase,
uniform tone placement, diacritics kept), which has the same length as the
text, so a match gives offsets in the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from chidao.document.lexicon import load_toml
from chidao.text.fold import match_key


def _phrase_pattern(phrase: str) -> str:
    """Regex for a phrase: its words separated by any whitespace, punctuation tolerant."""
    words = re.findall(r"[\w&]+|[^\w\s]", match_key(phrase))
    out = []
    for i, word in enumerate(words):
        if i:
            out.append(r"\s*" if not word[0].isalnum() or not words[i - 1][0].isalnum() else r"\s+")
        out.append(re.escape(word))
    return "".join(out)


def alternation(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any phrase, longest first, ending at a word boundary.

    The phrases are grouped by their first character, "(?:s(?:ở\\s+y\\s+tế|ở)|b(?:ộ...))", each
    group in the longest-first order: ``re`` tries a flat alternation's phrases one by one, and
    with the registry's hundreds of names every match cost a microsecond. Only the group of the
    character at hand can match, so the match is the flat alternation's.
    """
    unique = sorted({_phrase_pattern(p) for p in phrases}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for pattern in unique:
        first = pattern[:2] if pattern.startswith("\\") else pattern[:1]  # re.escape: "\\(" is one character
        groups.setdefault(first, []).append(pattern[len(first) :])
    body = "|".join(
        first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for first, rests in groups.items()
    )
    return re.compile(r"(?:" + body + r")(?![\w&])")


@lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """The lookup key of a written phrase: match key with spaces collapsed."""
    return " ".join(re.findall(r"[\w&]+|[^\w\s]", match_key(text)))


@dataclass(frozen=True)
class Registry:
    bodies: dict[str, str]
    body_re: re.Pattern[str]
    fields: dict[str, str]
    field_re: re.Pattern[str]
    abbreviations: dict[str, str]
    abbreviation_re: re.Pattern[str]
    heads: re.Pattern[str]
    bare: re.Pattern[str]
    group_nouns: re.Pattern[str]
    localities: re.Pattern[str]
    locality_qualifiers: re.Pattern[str]  # "ven biển", "biên giới": what sets a group of localities apart
    positions: re.Pattern[str]
    compound_heads: re.Pattern[str]
    compound_parts: re.Pattern[str]
    stop_words: re.Pattern[str]
    tails: re.Pattern[str]
    roles: re.Pattern[str]  # bodies named by their role: "Cơ quan chủ trì", "Cơ quan phối hợp"
    group_duties: re.Pattern[str]  # what closes a group named by its assignment ("có trách nhiệm")
    vague_words: frozenset[str]
    vague_re: re.Pattern[str]
    cities: frozenset[str]  # phrase keys of centrally-run cities ("hà nội", "hồ chí minh")
    provinces: frozenset[str]  # phrase keys of provinces


@cache
def registry() -> Registry:
    data = load_toml("agencies.toml")
    grammar = load_toml("agency_grammar.toml")
    bodies: dict[str, str] = {}
    for body in data["body"]:
        for name in [body["name"], *body.get("aliases", [])]:
            bodies[phrase_key(name)] = body["name"]
    fields: dict[str, str] = {}
    for field in data["field"]:
        for name in [field["name"], *field.get("abbr", [])]:
            fields[phrase_key(name)] = field["name"]
    abbreviations = dict(data["abbreviations"])
    abbr_re = re.compile(
        r"(?<![\w&])(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) + r")(?![\w&])"
    )
    vague = frozenset(grammar["vague_words"])
    return Registry(
        bodies=bodies,
        body_re=alternation(list(bodies)),
        fields=fields,
        field_re=alternation(list(fields)),
        abbreviations=abbreviations,
        abbreviation_re=abbr_re,
        heads=alternation(grammar["heads"]),
        bare=alternation(grammar["bare"]),
        group_nouns=alternation(grammar["group_nouns"]),
        localities=alternation(grammar["localities"]),
        locality_qualifiers=alternation(grammar["locality_qualifiers"]),
        positions=alternation(grammar["positions"]),
        compound_heads=alternation(grammar["compound_heads"]),
        compound_parts=alternation(grammar["compound_parts"]),
        stop_words=alternation(grammar["stop_words"]),
        tails=alternation(grammar["tails"]),
        roles=alternation(grammar["roles"]),
        group_duties=alternation(grammar["group_duties"]),
        vague_words=vague,
        vague_re=alternation(sorted(vague)),
        cities=frozenset(phrase_key(p) for p in data["places"]["cities"]),
        provinces=frozenset(phrase_key(p) for p in data["places"]["provinces"]),
    )
