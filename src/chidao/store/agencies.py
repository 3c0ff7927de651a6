"""Agencies in the store: seeded from the package registry, then edited by people."""

from __future__ import annotations

import functools
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.store.models import Agency
from chidao.text import fold_words

_CHUNK = 500  # keys or rows per statement: well under SQLite's bound-parameter limit


@functools.lru_cache(maxsize=8192)  # the same few hundred names on every task of a bulk ingest
def agency_key(name: str) -> str:
    """The lookup key of an agency name: folded, punctuation-free ("Ủy ban" = "Uỷ ban" = "uy ban")."""
    return fold_words(name)


def registry_names() -> list[tuple[str, list[str]]]:
    """Canonical names (with aliases) that the registry knows: fixed bodies, Sở/Bộ of each field."""
    data = load_toml("agencies.toml")
    names: list[tuple[str, list[str]]] = [(b["name"], list(b.get("aliases", []))) for b in data["body"]]
    for field in data["field"]:
        for head in ("Sở", "Bộ"):
            names.append((f"{head} {field['name']}", [f"{head} {a}" for a in field.get("abbr", [])]))
    return names


def seed_agencies(*, session: Session) -> int:
    """Add the registry's agencies that the store lacks; return how many were added."""
    existing = set(session.scalars(select(Agency.key)))
    added = 0
    for name, aliases in registry_names():
        key = agency_key(name)
        if key in existing:
            continue
        session.add(Agency(name=name, key=key, aliases=aliases))
        existing.add(key)
        added += 1
    session.flush()
    return added


def get_or_create_agency(*, session: Session, name: str, cache: dict[str, Agency] | None = None) -> Agency:
    """The agency with this name (matched on its folded key), created when unknown."""
    key = agency_key(name)
    if cache is not None and key in cache:
        return cache[key]
    agency = session.scalar(select(Agency).where(Agency.key == key))
    if agency is None:
        agency = _create(session, {key: name})[key]
    if cache is not None:
        cache[key] = agency
    return agency


def agencies_named(
    *, session: Session, names: list[str], cache: dict[str, Agency] | None = None, on: date | None = None
) -> dict[str, Agency]:
    """The agency of each name, by folded key, looked up together; unknown names become agencies
    (named as first written), as ``get_or_create_agency`` does one at a time. With ``on``, a body
    a reorganization ended by then is replaced by its successor (``successor_on``)."""
    found: dict[str, Agency] = {}
    wanted: dict[str, str] = {}
    for name in names:
        key = agency_key(name)
        if key in found or key in wanted:
            continue
        if cache is not None and key in cache:
            found[key] = cache[key]
        else:
            wanted[key] = name
    found.update(_by_keys(session, list(wanted)))
    new = {key: name for key, name in wanted.items() if key not in found}
    if new:
        found.update(_create(session, new))
    if cache is not None:
        cache.update(found)
    if on is not None:
        found = {key: successor_on(session=session, agency=agency, on=on) for key, agency in found.items()}
    return found


def _create(session: Session, names: dict[str, str]) -> dict[str, Agency]:
    """The agencies of ``names`` (key -> name), inserted where no row holds them yet. Two ingest
    workers meeting the same new body at once must not fail each other's document: the insert
    skips a row another transaction has just added (``ON CONFLICT DO NOTHING``) instead of
    raising, and the row is then read back. A row holding the name under a key folded by an
    older version is found by its name."""
    session.flush()  # the ORM's pending agencies first, so that the conflict check sees them
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    rows = [{"name": name, "key": key, "aliases": []} for key, name in names.items()]
    for start in range(0, len(rows), _CHUNK):
        session.execute(dialect.insert(Agency).values(rows[start : start + _CHUNK]).on_conflict_do_nothing())
    keys = list(names)
    found = _by_keys(session, keys)
    by_name = {names[key]: key for key in keys if key not in found}
    if by_name:
        for agency in session.scalars(select(Agency).where(Agency.name.in_(list(by_name)))):
            found[by_name[agency.name]] = agency
    missing = [names[key] for key in keys if key not in found]
    if missing:
        raise LookupError(f"agencies neither inserted nor found: {missing[:3]}")
    return found


def _by_keys(session: Session, keys: list[str]) -> dict[str, Agency]:
    """The stored agencies of these folded keys, by key, asked 500 at a time."""
    found: dict[str, Agency] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        found.update((agency.key, agency) for agency in session.scalars(select(Agency).where(Agency.key.in_(chunk))))
    return found


def successor_on(*, session: Session, agency: Agency, on: date) -> Agency:
    """The body that answers for ``agency``'s work on day ``on``: itself, or the successor a
    reorganization ended it into (followed through later reorganizations)."""
    for _ in range(10):  # a chain of reorganizations, never a loop
        if agency.successor_id is None or agency.ended_on is None or on < agency.ended_on:
            break
        agency = session.get(Agency, agency.successor_id) or agency
    return agency


def dissolved_among(*, session: Session, names: list[str], on: date) -> list[Agency]:
    """The bodies among ``names`` that a dissolution had ended by day ``on`` (ended with no
    successor): they take no new work."""
    keys = {agency_key(name) for name in names}
    if not keys:
        return []
    query = select(Agency).where(
        Agency.key.in_(keys), Agency.ended_on.is_not(None), Agency.ended_on <= on, Agency.successor_id.is_(None)
    )
    return list(session.scalars(query.order_by(Agency.name)))
