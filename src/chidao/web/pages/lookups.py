"""Reads the pages need besides the store's own queries: each indexed and LIMITed, so that the
pages stay quick with a million tasks (the benchmark database of benchmarks/generate.py).

Filters and scopes come from ``chidao.store.queries`` (``conditions``, ``list_tasks``): a page
shows exactly the tasks the API would list for the same user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session, load_only

from chidao.extract.workdays import WorkCalendar
from chidao.store.agencies import agency_key
from chidao.store.models import DONE_TASK, Agency, Assignment, Document, Task, User
from chidao.store.queries import OPEN_STATUSES, Scope, TaskFilter, list_tasks

MAX_AGENCY_NAMES = 2000  # the datalist of the filter form; the registry holds a few hundred


def agency_names(session: Session) -> list[str]:
    """Names for the agency field's suggestions, in folded (diacritic-free) alphabetical order."""
    return list(session.scalars(select(Agency.name).order_by(Agency.key).limit(MAX_AGENCY_NAMES)))


@dataclass(frozen=True)
class DocumentRef:
    id: int
    number: str | None
    title: str | None
    status: str

    @property
    def label(self) -> str:
        """How a document is named in a list: its number, else its title, else its id."""
        return self.number or (self.title or "")[:80] or f"Văn bản #{self.id}"


def document_refs(session: Session, ids: Iterable[int]) -> dict[int, DocumentRef]:
    """Number, title and status of the documents ``ids`` (never their text or file)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Document.id, Document.number, Document.title, Document.status).where(Document.id.in_(wanted))
    )
    return {r.id: DocumentRef(r.id, r.number, r.title, r.status) for r in rows}


def document_without_file(session: Session, document_id: int) -> Document | None:
    """The document row without its original file (which may weigh megabytes)."""
    fields = load_only(
        Document.id,
        Document.filename,
        Document.media_type,
        Document.text,
        Document.doc_type,
        Document.number,
        Document.place,
        Document.doc_date,
        Document.title,
        Document.chair,
        Document.signer,
        Document.status,
        Document.created_at,
        Document.confirmed_at,
        Document.meta,
    )
    return session.scalar(select(Document).options(fields).where(Document.id == document_id))


def users_by_id(session: Session, ids: Iterable[int | None]) -> dict[int, User]:
    """The users who wrote reports or history entries, to name them."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def end_of_work_week(today: date, calendar: WorkCalendar) -> date:
    """The last working day of this week (Friday, earlier if a holiday); from Saturday on, of next week.

    "Due this week" on a Sunday means the coming week: the one just ended has nothing left to do.
    """
    friday = today + timedelta(days=(4 - today.weekday()) % 7)
    last = friday
    while last > today and not calendar.is_working_day(last):
        last -= timedelta(days=1)
    return last


def due_between(
    session: Session, scope: Scope, today: date, soon: date, start: date, end: date, limit: int
) -> tuple[list[Task], int]:
    """Unfinished tasks with a deadline from ``start`` to ``end``, earliest first, and how many."""
    flt = TaskFilter(status=list(OPEN_STATUSES), deadline_from=start, deadline_to=end)
    return list_tasks(
        session=session, flt=flt, scope=scope, today=today, soon_until=soon, sort="deadline", per_page=limit
    )


def recently_completed(session: Session, scope: Scope, today: date, soon: date, limit: int = 10) -> list[Task]:
    """The last ``limit`` tasks completed, newest completion first.

    Read backwards along the partial index of done tasks (``ix_tasks_completed``, whose condition
    is repeated word for word so that SQLite uses it); for an agency, each is checked against
    its rows, and reading stops at the ``limit``-th of theirs.
    """
    query = select(Task).where(text(DONE_TASK))
    if not scope.unrestricted:
        theirs = select(Assignment.id).where(Assignment.task_id == Task.id, Assignment.agency_id == scope.agency_id)
        query = query.where(exists(theirs))
    return list(session.scalars(query.order_by(Task.completed_on.desc(), Task.id.desc()).limit(limit)))


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
