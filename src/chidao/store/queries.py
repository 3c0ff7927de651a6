"""Reading tasks: filters, the viewer's scope, diacritic-free search, sorting, paging, statistics.

Timing states are conditions on dates, so they filter in SQL: "overdue" is a deadline before
today on an unfinished task, "due soon" a deadline up to the date N working days ahead
(computed once per request on the Vietnamese calendar).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Integer, Select, and_, column, distinct, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, aliased

from chidao.store.agencies import agency_key
from chidao.store.models import TASK_STATUSES, Agency, Assignment, Task
from chidao.text import fold_words

SORTS = {
    "deadline": (Task.deadline.is_(None), Task.deadline, Task.id),
    "-deadline": (Task.deadline.is_(None), Task.deadline.desc(), Task.id.desc()),
    "created": (Task.id,),
    "-created": (Task.id.desc(),),
    "status": (Task.status, Task.id),
}


SEARCH_COUNT_CAP = 10_000  # like Elasticsearch's track_total_hits: exact up to here, "more than" beyond
DENSE_MATCHES = 2_000  # a search matching more tasks than this is read newest first along the key


@dataclass(frozen=True)
class Found:
    """A page of tasks and how many match. A search matching more than SEARCH_COUNT_CAP tasks is
    counted only that far (``exact`` is False): counting every match of a common word on
    PostgreSQL means visiting each matching row, which is what makes a search slow.
    Unpacks as ``rows, total`` for callers that need no more."""

    rows: list[Task]
    total: int
    exact: bool = True

    def __iter__(self):
        return iter((self.rows, self.total))


@dataclass
class TaskFilter:
    agency: str | None = None
    role: str | None = None
    status: list[str] = field(default_factory=list)
    timing_state: list[str] = field(default_factory=list)
    deadline_from: date | None = None
    deadline_to: date | None = None
    document_id: int | None = None
    q: str | None = None
    include_drafts: bool = False


@dataclass(frozen=True)
class Scope:
    """Whose tasks a viewer may see: everyone's, or those of one agency (lead or coordinator)."""

    agency_id: int | None = None
    unrestricted: bool = True


_OPEN_STATES = {
    "overdue": lambda deadline, today, soon: deadline < today,
    "due_soon": lambda deadline, today, soon: and_(deadline >= today, deadline <= soon),
    "not_due": lambda deadline, today, soon: deadline > soon,
    "no_deadline": lambda deadline, today, soon: deadline.is_(None),
}


OPEN_STATUSES = ("assigned", "in_progress", "paused")  # a cancelled task is never overdue


def timing_condition(state: str, today: date, soon_until: date):
    done = Task.status == "done"
    open_ = Task.status.in_(OPEN_STATUSES)
    return {
        "done_on_time": and_(
            done, or_(Task.deadline.is_(None), Task.completed_on.is_(None), Task.completed_on <= Task.deadline)
        ),
        "done_late": and_(done, Task.completed_on > Task.deadline),
        "no_deadline": and_(open_, Task.deadline.is_(None)),
        "overdue": and_(open_, Task.deadline < today),
        "due_soon": and_(open_, Task.deadline >= today, Task.deadline <= soon_until),
        "not_due": and_(open_, Task.deadline > soon_until),
        "cancelled": Task.status == "cancelled",
    }[state]


def _search_condition(session: Session, q: str):
    words = re.findall(r"[0-9a-z]+", fold_words(q))
    if not words:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)  # whole syllables: cheap, and what Vietnamese users type
        ids = text("SELECT rowid FROM task_fts WHERE task_fts MATCH :match").bindparams(match=match)
        return Task.id.in_(ids.columns(column("rowid", Integer)))
    return literal_column("search_tsv").op("@@")(func.to_tsquery("simple", " & ".join(words)))


def _agency_ids(session: Session, name: str) -> list[int]:
    if name.isdigit():
        return [int(name)]
    key = agency_key(name)
    return list(session.scalars(select(Agency.id).where(or_(Agency.key == key, Agency.key.like(f"{key} %")))))


def conditions(session: Session, flt: TaskFilter, scope: Scope, today: date, soon_until: date) -> list:
    """The WHERE clauses on ``tasks`` for a filter and a viewer's scope."""
    where = [Task.deleted.is_(False)]
    if not flt.include_drafts:
        where.append(Task.tracked.is_(True))
    if not scope.unrestricted:
        where.append(Task.id.in_(select(Assignment.task_id).where(Assignment.agency_id == scope.agency_id)))
    if flt.agency:
        roles = [flt.role] if flt.role else ["lead", "coordinator"]
        ids = _agency_ids(session, flt.agency)
        theirs = select(Assignment.task_id).where(Assignment.agency_id.in_(ids), Assignment.role.in_(roles))
        if flt.timing_state and set(flt.timing_state) <= set(_OPEN_STATES):
            # Narrow on the agency rows' copy of the task state: an index range, not a join.
            theirs = theirs.where(
                Assignment.task_open.is_(True),
                or_(*(_OPEN_STATES[s](Assignment.task_deadline, today, soon_until) for s in flt.timing_state)),
            )
        where.append(Task.id.in_(theirs))
    elif flt.role and not scope.unrestricted:
        theirs = select(Assignment.task_id).where(Assignment.agency_id == scope.agency_id, Assignment.role == flt.role)
        where.append(Task.id.in_(theirs))
    if flt.status:
        where.append(Task.status.in_(flt.status))
    if flt.timing_state:
        where.append(or_(*(timing_condition(s, today, soon_until) for s in flt.timing_state)))
    if flt.deadline_from:
        where.append(Task.deadline >= flt.deadline_from)
    if flt.deadline_to:
        where.append(Task.deadline <= flt.deadline_to)
    if flt.document_id is not None:
        where.append(Task.document_id == flt.document_id)
    if flt.q:
        condition = _search_condition(session, flt.q)
        if condition is not None:
            where.append(condition)
    return where


def filtered(session: Session, flt: TaskFilter, scope: Scope, today: date, soon_until: date) -> Select:
    return select(Task).where(*conditions(session, flt, scope, today, soon_until))


def list_tasks(
    *,
    session: Session,
    flt: TaskFilter,
    scope: Scope,
    today: date,
    soon_until: date,
    sort: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Found:
    """One page of tasks and the total count (default order: by deadline; newest first for a search)."""
    sort = sort or ("-created" if flt.q else "deadline")
    offset = (page - 1) * per_page
    if _search_only(session, flt, scope) and sort == "-created":
        return _search_page(session, flt.q or "", offset, per_page)
    if sort == "deadline":
        ids = _one_agency(session, flt, scope)
        if ids is not None:
            return _agency_page(session, flt, ids, today, soon_until, offset, per_page)
    where = conditions(session, flt, scope, today, soon_until)
    if flt.q:
        return _filtered_search_page(session, where, sort, offset, per_page)
    if sort == "deadline":
        dated_only = bool(flt.timing_state) and set(flt.timing_state) <= {"overdue", "due_soon", "not_due"}
        rows, total = _deadline_page(
            session,
            where,
            offset,
            per_page,
            unfiltered=_unfiltered(flt, scope),
            dated_only=dated_only or bool(flt.deadline_from or flt.deadline_to),
        )
        return Found(rows, total)
    rows = session.scalars(select(Task).where(*where).order_by(*SORTS[sort]).offset(offset).limit(per_page))
    total = session.scalar(select(func.count(Task.id)).where(*where)) or 0
    return Found(list(rows), total)


def _capped_count(session: Session, where: list) -> tuple[int, bool]:
    """How many tasks match ``where``, counted up to SEARCH_COUNT_CAP; and whether that is exact."""
    limited = select(Task.id).where(*where).limit(SEARCH_COUNT_CAP + 1).subquery()
    n = session.scalar(select(func.count()).select_from(limited)) or 0
    return min(n, SEARCH_COUNT_CAP), n <= SEARCH_COUNT_CAP


def _filtered_search_page(session: Session, where: list, sort: str, offset: int, per_page: int) -> Found:
    """A search with other filters: any order, a capped count."""
    total, exact = _capped_count(session, where)
    with _key_order(session, total > DENSE_MATCHES):
        rows = list(session.scalars(select(Task).where(*where).order_by(*SORTS[sort]).offset(offset).limit(per_page)))
    return Found(rows, total, exact)


# No bitmap of every match, no scan of the whole table, no workers to start for a 50-row page.
_KEY_ORDER = {"enable_bitmapscan": "off", "enable_seqscan": "off", "max_parallel_workers_per_gather": "0"}


@contextmanager
def _key_order(session: Session, dense: bool) -> Iterator[None]:
    """Many matches: on PostgreSQL read the rows in the sort's index order and stop at the page,
    rather than build a bitmap of every match (the planner guesses few matches for several
    common words, taking them as independent). Only for the statement inside."""
    if not dense or session.get_bind().dialect.name != "postgresql":
        yield
        return
    for setting, value in _KEY_ORDER.items():
        session.execute(text(f"SET LOCAL {setting} = {value}"))
    try:
        yield
    finally:
        for setting in _KEY_ORDER:
            session.execute(text(f"SET LOCAL {setting} = DEFAULT"))


def _unfiltered(flt: TaskFilter, scope: Scope) -> bool:
    return scope.unrestricted and not flt.include_drafts and flt == TaskFilter()


def _search_only(session: Session, flt: TaskFilter, scope: Scope) -> bool:
    """A plain search by everyone: the full-text index alone answers it."""
    return bool(flt.q) and scope.unrestricted and not flt.include_drafts and TaskFilter(q=flt.q) == flt


def _one_agency(session: Session, flt: TaskFilter, scope: Scope) -> list[int] | None:
    """The agency (ids matching its name) whose own rows can answer this filter alone: one agency
    asked for, or an agency officer's own scope, with no search or document filter. None when
    the general path must answer (it intersects an officer's scope with another agency)."""
    if flt.q or flt.document_id is not None or flt.include_drafts:
        return None
    if flt.agency:
        ids = _agency_ids(session, flt.agency)
        return ids if scope.unrestricted or ids == [scope.agency_id] else None
    return None if scope.unrestricted else [scope.agency_id]


def _agency_state(state: str, today: date, soon_until: date):
    """A timing state as a condition on the agency rows' copy of the task state (migration 0008)."""
    if state in _OPEN_STATES:
        return and_(Assignment.task_open.is_(True), _OPEN_STATES[state](Assignment.task_deadline, today, soon_until))
    return {
        "done_on_time": and_(Assignment.task_status == "done", Assignment.task_late.is_(False)),
        "done_late": and_(Assignment.task_status == "done", Assignment.task_late.is_(True)),
        "cancelled": Assignment.task_status == "cancelled",
    }[state]


def _agency_page(
    session: Session, flt: TaskFilter, ids: list[int], today: date, soon_until: date, offset: int, per_page: int
) -> Found:
    """The page and count by deadline (undated last) from the agency's own rows: index-only
    ranges of ``ix_task_agencies_by_deadline`` / ``_open``, however many tasks there are."""
    base = [Assignment.agency_id.in_(ids), Assignment.task_status.is_not(None)]
    if flt.role:
        base.append(Assignment.role == flt.role)
    if flt.status:
        base.append(Assignment.task_status.in_(flt.status))
    if flt.timing_state:
        base.append(or_(*(_agency_state(s, today, soon_until) for s in flt.timing_state)))
    if flt.deadline_from:
        base.append(Assignment.task_deadline >= flt.deadline_from)
    if flt.deadline_to:
        base.append(Assignment.task_deadline <= flt.deadline_to)
    dated_states = bool(flt.timing_state) and set(flt.timing_state) <= {"overdue", "due_soon", "not_due"}
    runs = [] if flt.timing_state == ["no_deadline"] else [[*base, Assignment.task_deadline.is_not(None)]]
    if not (dated_states or flt.deadline_from or flt.deadline_to):
        runs.append([*base, Assignment.task_deadline.is_(None)])
    task_ids: list[int] = []
    total = 0
    for run in runs:
        n = session.scalar(select(func.count(distinct(Assignment.task_id))).where(*run)) or 0
        wanted = per_page - len(task_ids)
        if wanted > 0 and offset < total + n:
            keys = (
                select(Assignment.task_deadline, Assignment.task_id)
                .where(*run)
                .distinct()
                .order_by(Assignment.task_deadline, Assignment.task_id)
                .offset(max(0, offset - total))
                .limit(wanted)
            )
            task_ids += [task_id for _deadline, task_id in session.execute(keys)]
        total += n
    by_id = {task.id: task for task in session.scalars(select(Task).where(Task.id.in_(task_ids)))} if task_ids else {}
    return Found([by_id[i] for i in task_ids if i in by_id], total)


def _search_page(session: Session, q: str, offset: int, per_page: int) -> Found:
    """A plain search, newest first, from the full-text index. SQLite's FTS5 table holds only
    tracked tasks, so its count is exact and cheap; PostgreSQL counts up to the cap."""
    words = re.findall(r"[0-9a-z]+", fold_words(q))
    if not words:
        return Found([], 0)
    exact = True
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)
        ids = list(
            session.scalars(
                text("SELECT rowid FROM task_fts WHERE task_fts MATCH :m ORDER BY rowid DESC LIMIT :n OFFSET :o"),
                {"m": match, "n": per_page, "o": offset},
            )
        )
        total = int(session.scalar(text("SELECT count(*) FROM task_fts WHERE task_fts MATCH :m"), {"m": match}) or 0)
    else:
        found = "tracked AND NOT deleted AND search_tsv @@ to_tsquery('simple', :m)"
        params = {"m": " & ".join(words), "n": per_page, "o": offset, "cap": SEARCH_COUNT_CAP + 1}
        n = session.scalar(text(f"SELECT count(*) FROM (SELECT 1 FROM tasks WHERE {found} LIMIT :cap) s"), params) or 0
        total, exact = min(n, SEARCH_COUNT_CAP), n <= SEARCH_COUNT_CAP
        page = text(f"SELECT id FROM tasks WHERE {found} ORDER BY id DESC LIMIT :n OFFSET :o")
        with _key_order(session, total > DENSE_MATCHES):
            ids = list(session.scalars(page, params))
    rows = session.scalars(select(Task).where(Task.id.in_(ids)).order_by(Task.id.desc())) if ids else []
    return Found(list(rows), total, exact)


def _count(session: Session, where: list, unfiltered: bool) -> int:
    if unfiltered:  # everyone's tracked tasks, every status: the tally's sum
        return int(session.scalar(text("SELECT coalesce(sum(n), 0) FROM task_tally")) or 0)
    return session.scalar(select(func.count(Task.id)).where(*where)) or 0


def _deadline_page(
    session: Session, where: list, offset: int, per_page: int, *, unfiltered: bool, dated_only: bool = False
):
    """Tasks by deadline, those without one last, read in index order on both databases.

    SQLite keeps NULLs first and PostgreSQL last, so the dated and the undated tasks are read as
    two index-ordered runs instead of one sort over every row.
    """
    dated_where = [*where, Task.deadline.is_not(None)]
    dated = session.scalar(select(func.count(Task.id)).where(*dated_where)) or 0
    undated = 0 if dated_only else None
    rows: list[Task] = []
    if offset < dated:
        rows = list(
            session.scalars(
                select(Task).where(*dated_where).order_by(Task.deadline, Task.id).offset(offset).limit(per_page)
            )
        )
    if len(rows) < per_page and undated != 0:
        undated_offset = max(0, offset - dated)
        rows += list(
            session.scalars(
                select(Task)
                .where(*where, Task.deadline.is_(None))
                .order_by(Task.id)
                .offset(undated_offset)
                .limit(per_page - len(rows))
            )
        )
    if unfiltered:
        return rows, _count(session, where, unfiltered)
    if undated is None:
        undated = session.scalar(select(func.count(Task.id)).where(*where, Task.deadline.is_(None))) or 0
    return rows, dated + undated


def _bucket(counts: dict[str, int], deadline: date | None, n: int, today: date, soon_until: date) -> None:
    if deadline is None:
        counts["no_deadline"] += n
    elif deadline < today:
        counts["overdue"] += n
    elif deadline <= soon_until:
        counts["due_soon"] += n
    else:
        counts["not_due"] += n


_TIMING_COUNTED = ("not_due", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline")


def _counts_from_tally(session: Session, today: date, soon_until: date) -> tuple[dict[str, int], dict[str, int]]:
    """Everyone's counts by timing state and by status from the trigger-kept tally (migrations
    0003 and 0007): a few thousand rows, whatever the number of tasks."""
    counts = dict.fromkeys(_TIMING_COUNTED, 0)
    by_status = dict.fromkeys(TASK_STATUSES, 0)
    for status, day, late, n in session.execute(text("SELECT state, day, late, n FROM task_tally WHERE n > 0")):
        by_status[status] = by_status.get(status, 0) + n
        if status == "done":
            counts["done_late" if late else "done_on_time"] += n
        elif status in OPEN_STATUSES:
            _bucket(counts, date.fromisoformat(day) if day else None, n, today, soon_until)
    return counts, by_status


def _counts_for_agency(session: Session, agency_id: int, today: date, soon_until: date):
    """One agency's counts by timing state and by status, from its own rows (migration 0008):
    each of its tasks once, whether it leads, coordinates or both."""
    counts = dict.fromkeys(_TIMING_COUNTED, 0)
    by_status = dict.fromkeys(TASK_STATUSES, 0)
    theirs = (
        select(Assignment.task_deadline, Assignment.task_id, Assignment.task_status, Assignment.task_late)
        .where(Assignment.agency_id == agency_id, Assignment.task_status.is_not(None))
        .distinct()
        .subquery()
    )
    grouped = select(theirs.c.task_status, theirs.c.task_deadline, theirs.c.task_late, func.count()).group_by(
        theirs.c.task_status, theirs.c.task_deadline, theirs.c.task_late
    )
    for status, deadline, late, n in session.execute(grouped):
        by_status[status] = by_status.get(status, 0) + n
        if status == "done":
            counts["done_late" if late else "done_on_time"] += n
        elif status in OPEN_STATUSES:
            _bucket(counts, deadline, n, today, soon_until)
    return counts, by_status


def statistics(*, session: Session, scope: Scope, today: date, soon_until: date) -> dict:
    """Counts by timing state and by status, and overdue tasks per lead agency: what a dashboard shows."""
    if scope.unrestricted:
        counts, by_status = _counts_from_tally(session, today, soon_until)
    else:
        counts, by_status = _counts_for_agency(session, scope.agency_id, today, soon_until)
    if scope.unrestricted:
        overdue = select(Assignment.agency_id, func.count().label("n")).where(
            Assignment.role == "lead", Assignment.task_open.is_(True), Assignment.task_deadline < today
        )
    else:  # from the agency's own overdue rows to the leads of those tasks: a few thousand lookups
        mine = aliased(Assignment)
        overdue = (
            select(Assignment.agency_id, func.count(distinct(Assignment.task_id)).label("n"))
            .join(mine, and_(mine.task_id == Assignment.task_id, mine.agency_id == scope.agency_id))
            .where(mine.task_open.is_(True), mine.task_deadline < today, Assignment.role == "lead")
        )
    ordered = overdue.group_by(Assignment.agency_id).order_by(text("n DESC"), Assignment.agency_id).limit(50)
    rows = session.execute(ordered).all()
    names = dict(session.execute(select(Agency.id, Agency.name).where(Agency.id.in_([a for a, _ in rows]))).all())
    return {
        "by_timing_state": counts,
        "by_status": by_status,
        "overdue_by_agency": [{"agency_id": a, "agency": names.get(a, ""), "overdue": int(n)} for a, n in rows],
    }
