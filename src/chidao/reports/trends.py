"""Month by month: tasks assigned, completed, and overdue, for the province or one lead agency.

One grouped scan counts the tasks by the months they were assigned, due and completed; every
month's figures are sums of those groups. A month's overdue tasks are those still unfinished
when it ended whose deadline fell in it or before (what the dashboard shows on the 1st of the
next month); the month of the cut-off counts as the report does, on the cut-off day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from chidao.reports.queries import assigned_on, columns, done_by, leads, live
from chidao.store.models import Document, Task
from chidao.vocab import TaskStatus


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    assigned: int
    completed: int
    overdue: int

    @property
    def label(self) -> str:
        """ "T3/2026"."""
        return f"T{self.month}/{self.year}"


def _month_text(session: Session, expression):
    """A date's "yyyy-mm" in SQL: a slice of SQLite's ISO text (strftime per row costs double), or
    PostgreSQL's ``to_char``."""
    if session.get_bind().dialect.name == "sqlite":
        return func.substr(expression, 1, 7)
    return func.to_char(expression, "YYYY-MM")


def _number(month: str | None) -> int | None:
    """ "2026-03" as one number (year × 12 + month − 1)."""
    return None if month is None else int(month[:4]) * 12 + int(month[5:7]) - 1


def _grouped(session: Session, first: int, through: date, agency_id: int | None) -> list[tuple]:
    done = done_by(through)
    completed = case((done, _month_text(session, Task.completed_on)), else_=None)
    due = _month_text(session, Task.deadline)
    assigned = _month_text(session, assigned_on(session))
    first_day = date(first // 12, first % 12 + 1, 1)
    where = [*live(session, through), Task.recurrence.is_(None)]
    where.append((Task.status != TaskStatus.DONE) | (Task.completed_on >= first_day))
    if agency_id is not None:
        where.append(leads(agency_id))
    query = (
        select(assigned, due, completed, func.count())
        .select_from(Task)
        .join(Document, Document.id == Task.document_id)
        .where(*where)
        .group_by(*columns(3))
    )
    return [(_number(a), _number(d), _number(c), int(n)) for a, d, c, n in session.execute(query)]


def monthly(
    session: Session, *, through: date, overdue_now: int, months: int = 12, agency_id: int | None = None
) -> list[MonthPoint]:
    """The ``months`` months up to the one of ``through`` (the cut-off), oldest first;
    ``overdue_now`` is the report's overdue count on the cut-off day, the last month's."""
    last = through.year * 12 + through.month - 1
    first = last - months + 1
    assigned: dict[int, int] = defaultdict(int)
    completed: dict[int, int] = defaultdict(int)
    groups = _grouped(session, first, through, agency_id)
    for a, _, c, n in groups:
        assigned[a] += n
        if c is not None:
            completed[c] += n
    points = []
    for m in range(first, last + 1):
        if m == last:
            overdue = overdue_now
        else:
            overdue = sum(n for a, d, c, n in groups if a <= m and d is not None and d <= m and (c is None or c > m))
        points.append(MonthPoint(m // 12, m % 12 + 1, assigned[m], completed[m], overdue))
    return points
