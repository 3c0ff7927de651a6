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
from functools import cache, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.messages import msg
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
    general: dict[str, str]  # folded abbreviation → folded expansion, anywhere
    general_re: re.Pattern[str]
    fields: dict[str, str]  # a field's folded short form → its folded name, after "so"/"bo"/"phong" only
    fields_re: re.Pattern[str]
    locality_re: re.Pattern[str]  # "tinh lam dong": the introducing word before a province or city
    places_re: re.Pattern[str]  # a province or city name, with its introducing word if any


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    data = load_toml("agencies.toml")
    general = {agency_key(a): agency_key(e) for a, e in data["abbreviations"].items() if agency_key(a)}
    fields = {agency_key(a): agency_key(f["name"]) for f in data["field"] for a in f.get("abbr", [])}
    places = _alternation({agency_key(p) for p in [*data["places"]["cities"], *data["places"]["provinces"]]})
    introducing = _alternation(LOCALITY_WORDS)
    return Lexicon(
        general=general,
        general_re=re.compile(rf"(?<![\w&])({_alternation(general)})(?![\w&])"),
        fields=fields,
        fields_re=re.compile(rf"(?<![\w&])({'|'.join(FIELD_HEADS)}) ({_alternation(fields)})(?![\w&])"),
        locality_re=re.compile(rf"(?<![\w&])(?:{introducing}) ({places})(?![\w&])"),
        places_re=re.compile(rf"(?<![\w&])(?:(?:{introducing}) )?({places})(?![\w&])"),
    )


@lru_cache(maxsize=16384)
def expanded(key: str) -> str:
    """A folded name with the lexicon's abbreviations written out (a field's after its head first)."""
    lex = lexicon()
    key = lex.fields_re.sub(lambda m: f"{m.group(1)} {lex.fields[m.group(2)]}", key)
    key = lex.general_re.sub(lambda m: lex.general[m.group(1)], key)
    return " ".join(key.split())


@lru_cache(maxsize=16384)
def without_locality_words(key: str) -> str:
    """``key`` without "tỉnh"/"thành phố"/"TP" before a province or city name."""
    return " ".join(lexicon().locality_re.sub(r"\1", key).split())


@lru_cache(maxsize=16384)
def without_places(key: str) -> str:
    """``key`` without any province or city name (nor what introduces it)."""
    return " ".join(lexicon().places_re.sub(" ", key).split())


def initials(key: str) -> set[str]:
    """A folded name's initials, with and without the "và" (and "&") words: "so kh&dt" → "skhdt"."""
    words = key.replace("&", " ").split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w != "va")} - {""}


STEPS = (
    lambda key: key,
    without_locality_words,
    without_places,
)


@dataclass(frozen=True)
class Candidate:
    """What matching reads of one agency (no ORM row: a store holds thousands)."""

    id: int
    name: str
    aliases: tuple[str, ...]
    live: bool  # not ended by a reorganization or a merge


@lru_cache(maxsize=16384)
def _folded(name: str) -> str:
    return expanded(agency_key(name))


def _keys(candidate: Candidate) -> list[str]:
    return [key for key in map(_folded, [candidate.name, *candidate.aliases]) if key]


def match_among(candidates: Iterable[Candidate], typed: str) -> Candidate:
    """The one candidate that ``typed`` names (see the module's steps)."""
    rows = list(candidates)
    typed_key = expanded(agency_key(typed))
    if not typed_key:
        raise UnknownAgency(typed, [], "no agency name given")
    known = [(row, _keys(row)) for row in rows]
    for step in STEPS:
        wanted = step(typed_key)
        hits = [row for row, keys in known if any(step(k) == wanted for k in keys)] if wanted else []
        if hits:
            return _one(typed, hits)
    compact = typed.strip()
    if re.fullmatch(r"\w{2,10}", compact) and not compact.islower():
        letters = agency_key(compact).replace(" ", "")
        hits = [row for row, keys in known if any(letters in initials(without_places(k)) for k in keys)]
        if hits:
            return _one(typed, hits)
    names = closest(known, typed_key)
    hint = f" (did you mean: {', '.join(names)}?)" if names else ""
    raise UnknownAgency(typed, names, f"unknown agency {typed.strip()!r}{hint}")


def _one(typed: str, hits: list[Candidate]) -> Candidate:
    """The one hit, preferring live agencies to ended ones; AmbiguousAgency for several."""
    unique = list({c.id: c for c in [c for c in hits if c.live] or hits}.values())
    if len(unique) == 1:
        return unique[0]
    names = sorted(c.name for c in unique)
    raise AmbiguousAgency(typed, names, f"agency {typed.strip()!r} is ambiguous: {', '.join(names)}")


def closest(known: list[tuple[Candidate, list[str]]], typed_key: str) -> list[str]:
    """The names of the agencies whose folded names (places left out) are closest to ``typed_key``."""
    by_key: dict[str, str] = {}
    for candidate, keys in known:
        for key in keys:
            by_key.setdefault(without_places(key), candidate.name)
    wanted = without_places(typed_key) or typed_key
    close = difflib.get_close_matches(wanted, list(by_key), n=MAX_SUGGESTIONS * 3, cutoff=0.6)
    return list(dict.fromkeys(by_key[key] for key in close))[:MAX_SUGGESTIONS]


def candidates(session: Session) -> list[Candidate]:
    columns = select(Agency.id, Agency.name, Agency.aliases, Agency.successor_id, Agency.ended_on)
    return [
        Candidate(id_, name, tuple(aliases or ()), successor is None and ended_on is None)
        for id_, name, aliases, successor, ended_on in session.execute(columns)
    ]


def match_agency(session: Session, typed: str) -> Agency:
    """The one agency of the store that ``typed`` names; ``UnknownAgency`` (with suggestions)
    or ``AmbiguousAgency`` otherwise."""
    exact = session.scalar(select(Agency).where(Agency.key == agency_key(typed)))
    if exact is not None:
        return exact
    found = session.get(Agency, match_among(candidates(session), typed).id)
    assert found is not None
    return found


def vietnamese(error: AgencyNotMatched) -> str:
    """What the pages say when a typed agency names none, or several."""
    typed = " ".join(error.typed.split())
    if isinstance(error, AmbiguousAgency):
        return msg("tracking.agency_match.ambiguous", typed=typed, names="; ".join(error.names))
    if not typed:
        return msg("tracking.agency_match.empty")
    unknown = msg("tracking.agency_match.unknown", typed=typed)
    return (
        unknown + " " + msg("tracking.agency_match.did_you_mean", names="; ".join(error.names))
        if error.names
        else unknown
    )
