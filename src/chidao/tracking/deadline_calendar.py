"""The deadline calendar: how many open tracked tasks fall due on each day of a month, in the
viewer's scope (an agency officer: their agency's tasks), optionally of one agency.

The deadlines are counted by one GROUP BY query over the month (never one query per day), with
the very conditions of the task list (``task_filter.conditions``), so a day's count is what the
list filtered on that day (``/tasks?deadline_from=D&deadline_to=D&status=<open>``) shows. A
recurring task's deadline is its next round not reported done; its later rounds in the month
(``due_dates``, from its document's date) are counted apart as ``rounds``: the list cannot
filter on them.
"""

from __future__ import annotations

import calendar as monthcal
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Document, Task
from chidao.tracking.due_dates import due_dates
from chidao.tracking.task_filter import Scope, TaskFilter, conditions
from chidao.vocab import TaskStatus

MAX_RECURRING = 50_000  # recurring tasks whose rounds are laid out for a month
ROUND_FIELDS = (Task.id, Task.recurrence, Task.recurrence_day, Task.recurrence_until, Task.deadline, Task.created_at)


@dataclass(frozen=True)
class DayCount:
    tasks: int = 0  # open tracked tasks with their deadline that day
    rounds: int = 0  # further rounds of recurring tasks due that day


def month_bounds(month: date) -> tuple[date, date]:
    """The first and the last day of ``month``'s month."""
    first = month.replace(day=1)
    return first, first.replace(day=monthcal.monthrange(first.year, first.month)[1])


def open_filter(first: date | None, last: date | None, agency: str | None = None) -> TaskFilter:
    """The task list's filter for open tasks due between two days (of one agency, if given)."""
    return TaskFilter(agency=agency, status=[s.value for s in TaskStatus.open()], deadline_from=first, deadline_to=last)


@dataclass(frozen=True)
class _Issued:
    doc_date: date | None


@dataclass(frozen=True)
class _Recurring:
    """What laying out a task's rounds reads of it (``rounds.occurrences``), as a plain row:
    building thousands of ORM objects cost more than the rounds themselves."""

    id: int
    recurrence: str
    recurrence_day: str | None
    recurrence_until: date | None
    deadline: date | None
    created_at: datetime | None
    document: _Issued


def _rounds(session: Session, where: list, first: date, last: date, calendar: WorkCalendar) -> dict[date, int]:
    recurring = (
        select(*ROUND_FIELDS, Document.doc_date)
        .join(Document, Document.id == Task.document_id)
        .where(*where, Task.recurrence.is_not(None))
        .order_by(Task.id)
        .limit(MAX_RECURRING)
    )
    tasks = [(_Recurring(*row[:-1], document=_Issued(row[-1])), row[-1]) for row in session.execute(recurring)]
    found: dict[date, int] = {}
    for due in due_dates(session, cast(list, tasks), first, last, calendar):
        if due.day != due.task.deadline:  # the deadline is counted with the tasks
            found[due.day] = found.get(due.day, 0) + 1
    return found


def month_counts(
    *,
    session: Session,
    scope: Scope,
    month: date,
    today: date,
    soon_until: date,
    agency: str | None = None,
    calendar: WorkCalendar | None = None,
) -> dict[date, DayCount]:
    """The days of ``month`` with something due: open tasks by deadline, and further rounds."""
    first, last = month_bounds(month)
    where = conditions(session, open_filter(first, last, agency), scope, today, soon_until)
    grouped = select(Task.deadline, func.count(Task.id)).where(*where).group_by(Task.deadline)
    tasks = {day: count for day, count in session.execute(grouped) if day is not None}
    unbounded = conditions(session, open_filter(None, None, agency), scope, today, soon_until)
    rounds = _rounds(session, unbounded, first, last, calendar or WorkCalendar())
    return {day: DayCount(tasks.get(day, 0), rounds.get(day, 0)) for day in sorted(set(tasks) | set(rounds))}


def month_weeks(month: date) -> list[list[date | None]]:
    """The month as weeks from Monday to Sunday; None for the days of the months around it."""
    first, last = month_bounds(month)
    weeks: list[list[date | None]] = []
    day = first - timedelta(days=first.weekday())
    while day <= last:
        weeks.append([d if d.month == first.month else None for d in (day + timedelta(days=i) for i in range(7))])
        day += timedelta(days=7)
    return weeks
