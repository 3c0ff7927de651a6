"""The agency registry and name grammar, compiled once from the package's data files.

Every phrase is compiled against the ``match_key`` form of the text (lowercase,
uniform tone placement, diacritics kept), which has the same length as the
text, so a match gives offsets in the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from chidao.data import load_toml
from chidao.text.fold import match_key

# A phrase as a sequence of units, each one character of a word with what separates it from the
# previous word: "" (none, inside a word), "+" (some whitespace) or "*" (optional whitespace, next
# to punctuation). A unit matches in at most one way: whitespace, then a character that is not.
_Unit = tuple[str, str]
_SEPARATORS = {"": "", "+": r"\s+", "*": r"\s*"}


def _units(phrase: str) -> tuple[_Unit, ...]:
    """A phrase's units: its words separated by any whitespace, punctuation tolerant."""
    words = re.findall(r"[\w&]+|[^\w\s]", match_key(phrase))
    units: list[_Unit] = []
    for i, word in enumerate(words):
        separator = "" if not i else "*" if not word[0].isalnum() or not words[i - 1][0].isalnum() else "+"
        units.append((separator, word[0]))
        units.extend(("", char) for char in word[1:])
    return tuple(units)


def _unit_pattern(units: tuple[_Unit, ...]) -> str:
    return "".join(_SEPARATORS[separator] + re.escape(char) for separator, char in units)


def _phrase_pattern(phrase: str) -> str:
    """Regex for a phrase: its words separated by any whitespace, punctuation tolerant."""
    return _unit_pattern(_units(phrase))


def _exclusive(units: list[_Unit]) -> bool:
    """Whether no two of these (distinct) units can match at the same position: they differ in
    their character, or both require (or both forbid) whitespace before it."""
    for i, (separator, char) in enumerate(units):
        for other_separator, other_char in units[i + 1 :]:
            if char == other_char and "*" in (separator, other_separator):
                return False
    return True


def _trie(phrases: list[tuple[_Unit, ...]], depth: int) -> str:
    """The alternation of ``phrases`` from unit ``depth`` on, tried in their order, written as a
    trie: "ủy ban nhân dân tỉnh" and "ủy ban nhân dân thành phố" share their first syllables.

    ``re`` tries a flat alternation's phrases one by one, each from its first character, so a
    match among the registry's hundreds of names cost a microsecond. In the trie a character is
    read once. The order is kept: the branches of a node start with units that cannot match at
    the same position (else the node stays a flat alternation), so only one branch can go on
    and its phrases keep their order; a phrase that ends at a node is tried after the longer
    ones that go on from it, as it sorts after them (it is shorter)."""
    going_on = [phrase for phrase in phrases if len(phrase) > depth]
    ends_here = len(going_on) < len(phrases)
    branches: dict[_Unit, list[tuple[_Unit, ...]]] = {}
    for phrase in going_on:
        branches.setdefault(phrase[depth], []).append(phrase)
    if _exclusive(list(branches)):
        parts = [_unit_pattern((unit,)) + _trie(group, depth + 1) for unit, group in branches.items()]
    else:
        parts = [_unit_pattern(phrase[depth:]) for phrase in going_on]
    if not parts:
        return ""
    if len(parts) == 1 and not ends_here:
        return parts[0]
    return "(?:" + "|".join(parts) + (")?" if ends_here else ")")


def alternation(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any phrase, longest first, ending at a word boundary.

    It matches as the flat alternation of the phrases' patterns, longest first, would, and is
    written as a trie (``_trie``) to read each character once.
    """
    units = {_phrase_pattern(p): _units(p) for p in phrases}
    ordered = sorted(set(units), key=len, reverse=True)  # the flat alternation's order
    return re.compile(r"(?:" + _trie([units[pattern] for pattern in ordered], 0) + r")(?![\w&])")


def _affected(grammar: dict[str, Any]) -> list[str]:
    """ "vùng bị ảnh hưởng", "bị ảnh hưởng mặn", "chịu ảnh hưởng của bão": a group of localities
    told apart by the hazard that struck them (genre g813)."""
    out = []
    for affected in grammar["affected_qualifiers"]:
        out.append(affected)
        for hazard in grammar["hazards"]:
            out.append(f"{affected} {hazard}")
            out.extend(f"{affected} {link} {hazard}" for link in grammar["affected_links"])
    return out


def _stop_words(grammar: dict[str, Any]) -> re.Pattern[str]:
    """The stop words, but where one is part of a name after the words before it ("giáo dục |
    thường xuyên" in "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên")."""
    stops = grammar["stop_words"]
    inside = []
    for phrase in grammar["names_with_stop_words"]:
        word = max((w for w in stops if phrase.endswith(f" {w}")), key=len)
        inside.append(rf"(?<={re.escape(phrase[: -len(word) - 1])} ){re.escape(word)}")
    return re.compile(rf"(?!{'|'.join(inside)})" + alternation(stops).pattern)


def _with_comrade(positions: list[str], comrades: list[str]) -> list[str]:
    """Each position, and each capitalized one written after "đồng chí" ("Đồng chí Trưởng ban",
    genre g453)."""
    plain = [p for p in positions if not p.lower().startswith(tuple(f"{c} " for c in comrades)) and p[:1].isupper()]
    return [*positions, *(f"{c} {p}" for c in comrades for p in plain)]


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
    open_qualifiers: re.Pattern[str]  # "vùng" + one noun: "các xã vùng chè"
    collective_heads: frozenset[str]  # "lực lượng": a group whose listed members are named in full
    local_heads: frozenset[str]  # phrase keys of heads followed by places: "Ủy ban nhân dân các xã"
    positions: re.Pattern[str]
    compound_heads: re.Pattern[str]
    compound_parts: re.Pattern[str]
    stop_words: re.Pattern[str]
    noun_verbs: re.Pattern[str]  # "xây dựng": a verb that may also close a name ("... công trình xây dựng")
    tails: re.Pattern[str]
    roles: re.Pattern[str]  # bodies named by their role: "Cơ quan chủ trì", "Cơ quan phối hợp"
    group_duties: re.Pattern[str]  # what closes a group named by its assignment ("có trách nhiệm")
    vague_words: frozenset[str]
    faceless_syllables: frozenset[str]  # the syllables of ``faceless_lead_words``
    vague_re: re.Pattern[str]
    cities: frozenset[str]  # phrase keys of centrally-run cities ("hà nội", "hồ chí minh")
    provinces: frozenset[str]  # phrase keys of provinces
    grammar: dict[str, tuple[str, ...]]  # the phrases of each grammar pattern above ("heads": the heads)
    # The characters each grammar pattern can start with: a match of ``tails`` at ``pos`` needs
    # ``key[pos] in firsts["tails"]``, a set lookup where a match costs a call into ``re``.
    firsts: dict[str, frozenset[str]]


@cache
def registry() -> Registry:
    data = load_toml("agencies.toml")
    grammar = load_toml("agency_grammar.toml")
    grammar["positions"] = _with_comrade(grammar["positions"], grammar["comrade_words"])
    bodies: dict[str, str] = {}
    for body in data["body"]:
        for name in [body["name"], *body.get("aliases", [])]:
            bodies[phrase_key(name)] = body["name"]
    fields: dict[str, str] = {}
    for field in data["field"]:
        for name in [field["name"], *field.get("abbr", [])]:
            fields[phrase_key(name)] = field["name"]
    abbreviations = dict(data["abbreviations"])
    longest_first = [tuple(("", char) for char in a) for a in sorted(abbreviations, key=len, reverse=True)]
    abbr_re = re.compile(r"(?<![\w&])(" + _trie(longest_first, 0) + r")(?![\w&])")  # written as they are
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
        locality_qualifiers=alternation([*grammar["locality_qualifiers"], *_affected(grammar)]),
        open_qualifiers=alternation(grammar["open_qualifiers"]),
        collective_heads=frozenset(grammar["collective_heads"]),
        local_heads=frozenset(phrase_key(head) for head in grammar["local_heads"]),
        positions=alternation(grammar["positions"]),
        compound_heads=alternation(grammar["compound_heads"]),
        compound_parts=alternation(grammar["compound_parts"]),
        stop_words=_stop_words(grammar),
        noun_verbs=alternation(grammar["noun_verbs"]),
        tails=alternation(grammar["tails"]),
        roles=alternation(grammar["roles"]),
        group_duties=alternation(grammar["group_duties"]),
        vague_words=vague,
        faceless_syllables=frozenset(part for word in grammar["faceless_lead_words"] for part in word.split()),
        vague_re=alternation(sorted(vague)),
        cities=frozenset(phrase_key(p) for p in data["places"]["cities"]),
        provinces=frozenset(phrase_key(p) for p in data["places"]["provinces"]),
        grammar={name: tuple(words) for name, words in grammar.items() if isinstance(words, list)},
        firsts={
            name: frozenset(_units(phrase)[0][1] for phrase in words)
            for name, words in grammar.items()
            if isinstance(words, list)
        },
    )


@dataclass(frozen=True)
class AgencyKind:
    """A kind of body (``data/vi/agency_kinds.toml``): its code and Vietnamese label."""

    code: str
    label: str


@cache
def _kinds() -> tuple[tuple[AgencyKind, frozenset[str], tuple[str, ...], tuple[str, ...]], ...]:
    return tuple(
        (
            AgencyKind(row["code"], row["label"]),
            frozenset(phrase_key(name) for name in row["names"]),
            tuple(phrase_key(p) for p in row["prefixes"]),
            tuple(phrase_key(p) for p in row.get("not_prefixes", [])),
        )
        for row in load_toml("agency_kinds.toml")["kind"]
    )


def _expanded(name: str) -> str:
    """``name`` with the registry's abbreviations written out ("UBND" → "Ủy ban nhân dân")."""
    table = registry().abbreviations
    return registry().abbreviation_re.sub(lambda m: table[m.group(1)], name)


def _starts(key: str, prefix: str) -> bool:
    return key == prefix or key.startswith(prefix + " ")


def agency_kind(name: str) -> AgencyKind | None:
    """The kind of body ``name`` is (a ministry, a ministry-level body, a department, a province,
    a commune, ward or special zone), or None for the others."""
    key = phrase_key(_expanded(name))
    for kind, names, prefixes, excluded in _kinds():
        if key in names or (any(_starts(key, p) for p in prefixes) and not any(_starts(key, p) for p in excluded)):
            return kind
    return None
