"""An agency as someone types it, found in the store: "Sở Nội Vụ tỉnh Lâm Đồng", "so noi vu",
"Sở NV" are all the registry's "Sở Nội vụ", and "SKHĐT" its "Sở Kế hoạch và Đầu tư", when nothing
else answers to them ("SNV" is also "Sở Ngoại vụ": ambiguous).

Both what is typed and every agency's name and aliases are compared folded
(``chidao.store.agencies.agency_key``: no diacritics, no case, either tone placement), with the
abbreviations of the registry's lexicon (``data/vi/agencies.toml``: "UBND", "HĐND", and a
field's short form after "Sở"/"Bộ"/"Phòng": "Sở KH&ĐT") written out. The comparison is tried
strictest first, and the first one that finds agencies answers:

1. the whole name;
2. the same without the words that introduce a province ("tỉnh", "thành phố", "TP");
3. the same without the province's name either ("Sở Nội vụ tỉnh Lâm Đồng" is "Sở Nội vụ" of a
   store that keeps one office per field; a store that knows "Ủy ban nhân dân tỉnh Lâm Đồng"
   finds it at step 1);
4. a single word with capitals read as initials ("SKHĐT", "và" skipped or not).

One agency found is the answer; several are ``AmbiguousAgency`` (listing them); none is
``UnknownAgency`` with the closest names of the store as suggestions ("Có phải: Sở Nội vụ?").
Agencies that a reorganization ended are matched only when no live one is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.store.agencies import agency_key
from chidao.store.models import Agency

MAX_SUGGESTIONS = 3
LOCALITY_WORDS = ("tinh", "thanh pho", "tp")
FIELD_HEADS = ("so", "bo", "phong")


class AgencyNotMatched(ValueError):
    """What was typed names no single agency; ``names``: the candidates to offer."""

    def __init__(self, typed: str, names: list[str], message: str) -> None:
        super().__init__(message)
        self.typed = typed
        self.names = names


class UnknownAgency(AgencyNotMatched):
    """No agency answers; ``names`` are the closest ones (maybe none)."""


class AmbiguousAgency(AgencyNotMatched):
    """Several agencies answer; ``names`` are they."""


@dataclass(frozen=True)
class Lexicon:
    general: tuple[tuple[re.Pattern[str], str], ...]  # folded abbreviation → folded expansion, anywhere
    fields: tuple[tuple[re.Pattern[str], str], ...]  # after "so"/"bo"/"phong" only
    places: tuple[str, ...]  # folded province and city names, longest first


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w&])" + re.escape(pattern) + r"(?![\w&])")


@cache
def lexicon() -> Lexicon:
    data = load_toml("agencies.toml")
    general = {agency_key(a): agency_key(e) for a, e in data["abbreviations"].items() if agency_key(a)}
    fields = {agency_key(a): agency_key(f["name"]) for f in data["field"] for a in f.get("abbr", [])}
    heads = "|".join(FIELD_HEADS)
    field_rules = tuple(
        (re.compile(rf"(?<![\w&])({heads}) {re.escape(short)}(?![\w&])"), rf"\1 {long}")
        for short, long in sorted(fields.items(), key=lambda item: -len(item[0]))
    )
    general_rules = tuple(
        (_word(short), long) for short, long in sorted(general.items(), key=lambda item: -len(item[0]))
    )
    places = {agency_key(p) for p in [*data["places"]["cities"], *data["places"]["provinces"]]}
    return Lexicon(general_rules, field_rules, tuple(sorted(places, key=len, reverse=True)))


def expanded(key: str) -> str:
    """A folded name with the lexicon's abbreviations written out (a field's after its head first)."""
    lex = lexicon()
    for pattern, long in lex.fields:
        key = pattern.sub(long, key)
    for pattern, long in lex.general:
        key = pattern.sub(long, key)
    return " ".join(key.split())


def without_locality_words(key: str) -> str:
    """``key`` without "tỉnh"/"thành phố"/"TP" before a province or city name."""
    for place in lexicon().places:
        for word in LOCALITY_WORDS:
            key = re.sub(rf"(?<![\w&]){word} ({re.escape(place)})(?![\w&])", r"\1", key)
    return " ".join(key.split())


def without_places(key: str) -> str:
    """``key`` without any province or city name (nor what introduces it)."""
    key = without_locality_words(key)
    for place in lexicon().places:
        key = re.sub(rf"(?<![\w&]){re.escape(place)}(?![\w&])", " ", key)
    return " ".join(key.split())


def initials(key: str) -> set[str]:
    """A folded name's initials, with and without the "và" (and "&") words: "so kh&dt" → "skhdt"."""
    words = key.replace("&", " ").split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w != "va")} - {""}


STEPS = (
    lambda key: key,
    without_locality_words,
    without_places,
)


def _keys(agency: Agency) -> list[str]:
    return [expanded(agency_key(n)) for n in [agency.name, *(agency.aliases or [])] if agency_key(n)]


def _found(agencies: list[Agency]) -> list[Agency]:
    live = [a for a in agencies if a.successor_id is None and a.ended_on is None]
    return live or agencies


def match_among(agencies: Iterable[Agency], typed: str) -> Agency:
    """The one agency of ``agencies`` that ``typed`` names (see the module's steps)."""
    rows = list(agencies)
    typed_key = expanded(agency_key(typed))
    if not typed_key:
        raise UnknownAgency(typed, [], "no agency name given")
    known = [(row, _keys(row)) for row in rows]
    for step in STEPS:
        wanted = step(typed_key)
        if not wanted:
            continue
        hits = [row for row, keys in known if any(step(k) == wanted for k in keys)]
        if hits:
            return _one(typed, _found(hits))
    compact = typed.strip()
    if re.fullmatch(r"\w{2,10}", compact) and not compact.islower():
        letters = agency_key(compact).replace(" ", "")
        hits = [row for row, keys in known if any(letters in initials(without_places(k)) for k in keys)]
        if hits:
            return _one(typed, _found(hits))
    names = closest(rows, typed_key)
    hint = f" (did you mean: {', '.join(names)}?)" if names else ""
    raise UnknownAgency(typed, names, f"unknown agency {typed.strip()!r}{hint}")


def _one(typed: str, hits: list[Agency]) -> Agency:
    unique = {a.id: a for a in hits}
    if len(unique) == 1:
        return hits[0]
    names = sorted(a.name for a in unique.values())
    raise AmbiguousAgency(typed, names, f"agency {typed.strip()!r} is ambiguous: {', '.join(names)}")


def closest(agencies: list[Agency], typed_key: str) -> list[str]:
    """The names of the agencies whose folded names (places left out) are closest to ``typed_key``."""
    by_key: dict[str, str] = {}
    for agency in agencies:
        for key in _keys(agency):
            by_key.setdefault(without_places(key), agency.name)
    wanted = without_places(typed_key) or typed_key
    close = difflib.get_close_matches(wanted, list(by_key), n=MAX_SUGGESTIONS * 3, cutoff=0.6)
    return list(dict.fromkeys(by_key[key] for key in close))[:MAX_SUGGESTIONS]


def match_agency(session: Session, typed: str) -> Agency:
    """The one agency of the store that ``typed`` names; ``UnknownAgency`` (with suggestions)
    or ``AmbiguousAgency`` otherwise."""
    exact = session.scalar(select(Agency).where(Agency.key == agency_key(typed)))
    if exact is not None:
        return exact
    return match_among(session.scalars(select(Agency)), typed)


def vietnamese(error: AgencyNotMatched) -> str:
    """What the pages say when a typed agency names none, or several."""
    typed = " ".join(error.typed.split())
    if isinstance(error, AmbiguousAgency):
        return f"«{typed}» có thể là nhiều cơ quan: {'; '.join(error.names)}. Hãy ghi rõ tên."
    if not typed:
        return "Hãy nhập tên cơ quan."
    hint = f" Có phải: {'; '.join(error.names)}?" if error.names else ""
    return f"Không tìm thấy cơ quan «{typed}» trong danh mục.{hint}"
