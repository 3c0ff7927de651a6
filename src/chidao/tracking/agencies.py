"""Agencies as people use them: found by folded name, with their figures, renamed by the office,
and read from what a clerk types in a task's agency fields.

Agencies come from the package registry (seeded by ``chidao.tracking.database``) and from the
names extraction or a clerk writes; the key every lookup uses is the folded name
(``chidao.store.agencies.agency_key``: "Ủy ban" = "Uỷ ban" = "uy ban").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session

from chidao.extract.registry import agency_kind
from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.documents import search_text
from chidao.store.models import Agency, Assignment, Task
from chidao.tracking.errors import Conflict

MAX_AGENCY_NAMES = 2000  # the datalist of the filter form; the registry holds a few hundred
MAX_NAME_WINDOW = 6  # the most comma-separated pieces one agency name has ("Ủy ban nhân dân các huyện, thị xã, ...")


# Built once and run through the connection (plain rows, none of the ORM's result handling):
# every task list page asks it (issue 10, item 10).
_NAMES = select(Agency.name).order_by(Agency.key).limit(MAX_AGENCY_NAMES)


def agency_names(session: Session) -> list[str]:
    """Names for the agency field's suggestions, in folded (diacritic-free) alphabetical order."""
    return session.connection().execute(_NAMES).scalars().all()


def all_agency_names(session: Session) -> list[str]:
    """Every agency name of the store (the registry and those added since), for autocompletion."""
    return list(session.scalars(select(Agency.name).order_by(Agency.key)))


def _pieces(raw: str) -> list[list[str]]:
    """Lines (or ``;``-separated parts), each cut at its commas."""
    lines = re.split(r"[\n;]", raw)
    cut = [[" ".join(p.split()) for p in line.split(",")] for line in lines]
    return [[p for p in pieces if p] for pieces in cut if any(pieces)]


def _windows(pieces: list[str]) -> list[str]:
    """Every run of up to MAX_NAME_WINDOW consecutive pieces, joined back with commas."""
    return [
        ", ".join(pieces[i:j])
        for i in range(len(pieces))
        for j in range(i + 2, min(len(pieces), i + MAX_NAME_WINDOW) + 1)
    ]


def _greedy(pieces: list[str], known: dict[str, str]) -> list[str]:
    """Pieces rejoined where the longer name is a known agency (its name contains commas)."""
    names, i = [], 0
    while i < len(pieces):
        for j in range(min(len(pieces), i + MAX_NAME_WINDOW), i, -1):
            candidate = ", ".join(pieces[i:j])
            if j == i + 1 or agency_key(candidate) in known:
                names.append(known.get(agency_key(candidate), candidate))
                i = j
                break
    return names


def live_agency_names(session: Session) -> list[str]:
    """Every agency that can still be given work (not ended by a merge, split or dissolution):
    the suggestions of the fields where a task or an officer gets its agency."""
    live = select(Agency.name).where(Agency.successor_id.is_(None), Agency.ended_on.is_(None))
    return list(session.scalars(live.order_by(Agency.key)))


def kind_labels(names: list[str]) -> dict[str, str]:
    """Each name's kind of body in Vietnamese ("Bộ", "Xã, phường, đặc khu"), where it has one."""
    return {name: kind.label for name in names if (kind := agency_kind(name)) is not None}


def read_agency_names(session: Session, *raw: str) -> tuple[list[str], list[str]]:
    """Names from fields holding one name per line (LF line breaks) or names separated by commas,
    written as the store writes them; and those the store does not know yet (they will become
    new agencies).

    Commas also occur inside names ("Ủy ban nhân dân các huyện, thành phố"), so pieces are
    rejoined where the joined name is a known agency.
    """
    lines = [pieces for value in raw for pieces in _pieces(value)]
    candidates = {p for pieces in lines for p in pieces} | {w for pieces in lines for w in _windows(pieces)}
    keys = {agency_key(c) for c in candidates} - {""}
    rows = session.execute(select(Agency.key, Agency.name).where(Agency.key.in_(keys))).all() if keys else []
    known = {key: name for key, name in rows}
    names: dict[str, str] = {}
    for pieces in lines:
        for name in _greedy(pieces, known):
            names.setdefault(agency_key(name) or name, name)
    return list(names.values()), [n for k, n in names.items() if k not in known]


def search_agencies(*, session: Session, q: str | None, page: int, per_page: int) -> tuple[list[Agency], int]:
    """A page of agencies by name whose folded name has every word of ``q``, and how many."""
    query = select(Agency)
    for word in agency_key(q or "").split():
        query = query.where(Agency.key.like(f"%{word}%"))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Agency.name).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total


def task_counts(*, session: Session, agency_id: int, today: date) -> dict[str, int]:
    """How many tracked tasks the agency leads, coordinates, and leads overdue."""
    live = select(Task.id).where(Task.tracked.is_(True), Task.deleted.is_(False))
    role_counts = dict(
        session.execute(
            select(Assignment.role, func.count(Assignment.task_id))
            .where(Assignment.agency_id == agency_id, Assignment.task_id.in_(live))
            .group_by(Assignment.role)
        ).all()
    )
    overdue_tasks = live.where(Task.status != "done", Task.status != "cancelled", Task.deadline < today)
    overdue = session.scalar(
        select(func.count(Assignment.task_id)).where(
            Assignment.agency_id == agency_id, Assignment.role == "lead", Assignment.task_id.in_(overdue_tasks)
        )
    )
    return {
        "lead": role_counts.get("lead", 0),
        "coordinator": role_counts.get("coordinator", 0),
        "overdue_as_lead": overdue or 0,
    }


def _refresh_search(session: Session, agency_id: int) -> None:
    """Tasks find their agencies by name: re-index the renamed agency's tasks (no version bump)."""
    tasks = session.scalars(
        select(Task).where(Task.id.in_(select(Assignment.task_id).where(Assignment.agency_id == agency_id)))
    )
    for task in tasks:
        names = [a.agency.name for a in task.assignments]
        session.execute(
            update(Task.__table__).where(Task.id == task.id).values(search_text=search_text(task.text, names))
        )


def update_agency(
    *, session: Session, agency: Agency, user_id: int, name: str | None, aliases: list[str] | None
) -> None:
    """Rename an agency (its tasks are found by the new name) or replace its aliases; a name
    another agency has is a conflict."""
    before = {"name": agency.name, "aliases": list(agency.aliases or [])}
    if name is not None and name != agency.name:
        key = agency_key(name)
        if session.scalar(select(Agency.id).where(Agency.key == key, Agency.id != agency.id)) is not None:
            raise Conflict(f"another agency is already called {name!r}")
        agency.name, agency.key = name, key
        session.flush()
        _refresh_search(session, agency.id)
    if aliases is not None:
        agency.aliases = list(dict.fromkeys(aliases))
    after = {"name": agency.name, "aliases": list(agency.aliases or [])}
    if after != before:
        record(
            session=session,
            user_id=user_id,
            entity="agency",
            entity_id=agency.id,
            action="update",
            before=before,
            after=after,
        )


@dataclass
class AgencyFigures:
    """One agency's tracked tasks: those it leads still open, overdue and done; those it coordinates still open."""

    open: int = 0
    overdue: int = 0
    done: int = 0
    coordinating: int = 0


def agency_figures(session: Session, agency_ids: list[int], today: date) -> dict[int, AgencyFigures]:
    """Figures of a page of agencies, read from the agency rows' trigger-kept copy of the task
    state (``task_open``, ``task_deadline``, ``task_status``: covering index ranges, no join over
    their tasks)."""
    figures = {a: AgencyFigures() for a in agency_ids}
    if not agency_ids:
        return figures

    def per_agency(*where) -> dict[int, int]:
        query = select(Assignment.agency_id, func.count()).where(Assignment.agency_id.in_(agency_ids), *where)
        return dict(session.execute(query.group_by(Assignment.agency_id)).all())

    lead, opened = Assignment.role == "lead", Assignment.task_open.is_(True)
    open_lead = per_agency(lead, opened)
    coordinating = per_agency(Assignment.role == "coordinator", opened)
    overdue = per_agency(lead, opened, Assignment.task_deadline < today)
    done = per_agency(lead, Assignment.task_status == "done")
    for agency_id, figure in figures.items():
        figure.open = open_lead.get(agency_id, 0)
        figure.coordinating = coordinating.get(agency_id, 0)
        figure.overdue = overdue.get(agency_id, 0)
        figure.done = done.get(agency_id, 0)
    return figures


def agencies_page(
    session: Session, *, q: str, active: bool, most_overdue: bool, today: date, page: int, per_page: int
) -> tuple[list[Agency], int]:
    """A page of agencies whose folded name has every word of ``q`` (``active``: only those named in
    some task, since the registry also seeds hundreds that no notice mentions yet): by name, or
    (``most_overdue``) only those leading overdue tasks, most first."""
    named = select(Agency.id)
    if active:
        named = named.where(exists(select(Assignment.id).where(Assignment.agency_id == Agency.id)))
    for word in agency_key(q).split():
        named = named.where(Agency.key.like(f"%{word}%"))
    offset = (page - 1) * per_page
    if most_overdue:
        overdue = select(Assignment.agency_id).where(
            Assignment.role == "lead", Assignment.task_open.is_(True), Assignment.task_deadline < today
        )
        if q.strip():
            overdue = overdue.where(Assignment.agency_id.in_(named))
        listed = overdue.subquery()
        total = session.scalar(select(func.count(func.distinct(listed.c.agency_id)))) or 0
        ids = list(
            session.scalars(
                overdue.group_by(Assignment.agency_id)
                .order_by(func.count().desc(), Assignment.agency_id)
                .offset(offset)
                .limit(per_page)
            )
        )
        found = {a.id: a for a in session.scalars(select(Agency).where(Agency.id.in_(ids)))}
        return [found[i] for i in ids if i in found], total
    total = session.scalar(select(func.count()).select_from(named.subquery())) or 0
    rows = session.scalars(
        select(Agency).where(Agency.id.in_(named)).order_by(Agency.key).offset(offset).limit(per_page)
    )
    return list(rows), total
