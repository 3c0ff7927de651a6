"""Reading a page of tasks: sorting, paging and diacritic-free search, fast at a million tasks.

Which tasks match is ``task_filter.conditions``; this module picks the cheapest way to read a
page of them and count them (the agency rows' copy of the task state, the full-text index, two
index-ordered runs by deadline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import Date, Integer, Select, and_, bindparam, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from chidao.store.models import Assignment, Task
from chidao.text import fold_words
from chidao.tracking.task_filter import OPEN_STATES_BY_DEADLINE, Scope, TaskFilter, agency_ids, conditions
from chidao.tracking.task_lines import COLUMNS, TaskLine, task_lines, task_lines_of
from chidao.vocab import TimingState

# The states only a task with a deadline can be in: a list of them needs no undated run.
DATED_OPEN_STATES = frozenset({TimingState.OVERDUE, TimingState.DUE_SOON, TimingState.NOT_DUE})

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

    rows: list[TaskLine]
    total: int
    exact: bool = True

    def __iter__(self):
        return iter((self.rows, self.total))


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
        dated_only = bool(flt.timing_state) and set(flt.timing_state) <= DATED_OPEN_STATES
        rows, total = _deadline_page(
            session,
            where,
            offset,
            per_page,
            unfiltered=_unfiltered(flt, scope),
            dated_only=dated_only or bool(flt.deadline_from or flt.deadline_to),
        )
        return Found(rows, total)
    ids = list(session.scalars(select(Task.id).where(*where).order_by(*SORTS[sort]).offset(offset).limit(per_page)))
    total = session.scalar(select(func.count(Task.id)).where(*where)) or 0
    return Found(task_lines(session, ids), total)


def _capped_count(session: Session, where: list) -> tuple[int, bool]:
    """How many tasks match ``where``, counted up to SEARCH_COUNT_CAP; and whether that is exact."""
    limited = select(Task.id).where(*where).limit(SEARCH_COUNT_CAP + 1).subquery()
    n = session.scalar(select(func.count()).select_from(limited)) or 0
    return min(n, SEARCH_COUNT_CAP), n <= SEARCH_COUNT_CAP


def _filtered_search_page(session: Session, where: list, sort: str, offset: int, per_page: int) -> Found:
    """A search with other filters: any order, a capped count."""
    total, exact = _capped_count(session, where)
    with _key_order(session, total > DENSE_MATCHES):
        page = select(Task.id).where(*where).order_by(*SORTS[sort]).offset(offset).limit(per_page)
        ids = list(session.scalars(page))
    return Found(task_lines(session, ids), total, exact)


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
        ids = agency_ids(session, flt.agency)
        return ids if scope.unrestricted or ids == [scope.agency_id] else None
    return None if scope.unrestricted else [scope.agency_id]


def _agency_state(state: str, today: date, soon_until: date):
    """A timing state as a condition on the agency rows' copy of the task state (migration 0008)."""
    if state in OPEN_STATES_BY_DEADLINE:
        return and_(
            Assignment.task_open.is_(True), OPEN_STATES_BY_DEADLINE[state](Assignment.task_deadline, today, soon_until)
        )
    return {
        "done_on_time": and_(Assignment.task_status == "done", Assignment.task_late.is_(False)),
        "done_late": and_(Assignment.task_status == "done", Assignment.task_late.is_(True)),
        "cancelled": Assignment.task_status == "cancelled",
    }[state]


def _agency_page(
    session: Session, flt: TaskFilter, ids: list[int], today: date, soon_until: date, offset: int, per_page: int
) -> Found:
    """The page and count by deadline (undated last) from the agency's own rows: index-only
    ranges of ``ix_task_agencies_by_deadline`` / ``_open``, however many tasks there are.

    Usually one statement reads the page's tasks and both runs' counts (the dated run's page of
    keys joined to the tasks, the counts as uncorrelated subqueries, which both databases run
    once); the counts alone when the page is past the dated run, and the undated run's page when
    the page reaches into it."""
    shape = _AgencyShape(
        role=bool(flt.role),
        status=bool(flt.status),
        timing=tuple(flt.timing_state or ()),
        deadline_from=bool(flt.deadline_from),
        deadline_to=bool(flt.deadline_to),
    )
    statements = _agency_statements(shape)
    if not statements.runs:  # no deadline, and a deadline range
        return Found([], 0)
    params = {
        "agency_ids": ids,
        "role": flt.role,
        "statuses": list(flt.status or ()),
        "today": today,
        "soon_until": soon_until,
        "deadline_from": flt.deadline_from,
        "deadline_to": flt.deadline_to,
    }
    # Core statements through the connection: the ORM's handling of a plain select costs more than
    # running it (issue 10, item 10); nothing is pending in a list's session to flush first.
    connection = session.connection()
    first = statements.runs[0]
    rows = connection.execute(statements.counted_page[first], {**params, "offset": offset, "limit": per_page}).all()
    counted = rows[0][-2:] if rows else connection.execute(statements.counted, params).one()
    counts = {False: counted[0], True: counted[1]}  # a run not listed counts 0
    lines = [row[:-2] for row in rows]
    total = counts[False] + counts[True]
    if len(statements.runs) == 2 and len(lines) < per_page and offset + len(lines) < total:
        undated = {**params, "offset": max(0, offset - counts[False]), "limit": per_page - len(lines)}
        lines += connection.execute(statements.page[True], undated).all()
    return Found(task_lines_of(session, lines), total)


@dataclass(frozen=True)
class _AgencyShape:
    """Which of the filters an agency's list has (their values are the statements' parameters)."""

    role: bool
    status: bool
    timing: tuple[str, ...]
    deadline_from: bool
    deadline_to: bool


@dataclass(frozen=True)
class _AgencyStatements:
    runs: tuple[bool, ...]  # False: the dated run, True: the undated, in the list's order
    counted: Select  # (dated, undated) counts
    page: dict[bool, Select]  # a run's page of tasks (TaskLine's columns)
    counted_page: dict[bool, Select]  # a run's page of tasks, each row followed by both counts


@lru_cache(maxsize=128)
def _agency_statements(shape: _AgencyShape) -> _AgencyStatements:
    """The statements of an agency's list of this shape, built once: building a statement costs
    more than running it on a 50-row page (issue 10, item 10). Every value is a parameter."""
    today, soon_until = bindparam("today", type_=Date), bindparam("soon_until", type_=Date)
    base = [
        Assignment.agency_id.in_(bindparam("agency_ids", expanding=True)),
        Assignment.task_status.is_not(None),
    ]
    if shape.role:
        base.append(Assignment.role == bindparam("role"))
    if shape.status:
        base.append(Assignment.task_status.in_(bindparam("statuses", expanding=True)))
    if shape.timing:
        base.append(or_(*(_agency_state(s, today, soon_until) for s in shape.timing)))
    if shape.deadline_from:
        base.append(Assignment.task_deadline >= bindparam("deadline_from", type_=Date))
    if shape.deadline_to:
        base.append(Assignment.task_deadline <= bindparam("deadline_to", type_=Date))
    dated_states = bool(shape.timing) and set(shape.timing) <= DATED_OPEN_STATES
    runs = [] if shape.timing == ("no_deadline",) else [False]
    if not (dated_states or shape.deadline_from or shape.deadline_to):
        runs.append(True)

    def run_where(is_undated: bool) -> list:
        deadline = Assignment.task_deadline
        return [*base, deadline.is_(None) if is_undated else deadline.is_not(None)]

    def count(is_undated: bool):
        if is_undated not in runs:  # not listed: not counted
            return literal_column("0")
        # The distinct keys counted from a subquery: SQLite reads them in the index's order and
        # needs no temporary b-tree, as count(DISTINCT ...) would.
        keys = select(Assignment.task_deadline, Assignment.task_id).where(*run_where(is_undated)).distinct()
        return select(func.count()).select_from(keys.subquery()).scalar_subquery()

    counts = (count(False).label("dated_count"), count(True).label("undated_count"))
    page, counted_page = {}, {}
    for is_undated in (False, True):
        keys = (
            select(Assignment.task_deadline, Assignment.task_id)
            .where(*run_where(is_undated))
            .distinct()
            .order_by(Assignment.task_deadline, Assignment.task_id)
            .offset(bindparam("offset", type_=Integer))
            .limit(bindparam("limit", type_=Integer))
            .subquery("page_keys")
        )
        tasks = (
            select(*COLUMNS)
            .select_from(keys.join(Task, Task.id == keys.c.task_id))
            .order_by(keys.c.task_deadline, keys.c.task_id)
        )
        page[is_undated] = tasks
        counted_page[is_undated] = tasks.add_columns(*counts)
    return _AgencyStatements(tuple(runs), select(*counts), page, counted_page)


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
    return Found(task_lines(session, sorted(ids, reverse=True)), total, exact)


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
    ids: list[int] = []
    if offset < dated:
        ids = list(
            session.scalars(
                select(Task.id).where(*dated_where).order_by(Task.deadline, Task.id).offset(offset).limit(per_page)
            )
        )
    if len(ids) < per_page and undated != 0:
        undated_offset = max(0, offset - dated)
        ids += list(
            session.scalars(
                select(Task.id)
                .where(*where, Task.deadline.is_(None))
                .order_by(Task.id)
                .offset(undated_offset)
                .limit(per_page - len(ids))
            )
        )
    rows = task_lines(session, ids)
    if unfiltered:
        return rows, _count(session, where, unfiltered)
    if undated is None:
        undated = session.scalar(select(func.count(Task.id)).where(*where, Task.deadline.is_(None))) or 0
    return rows, dated + undated
