"""The rounds of recurring tasks in a report ("báo cáo định kỳ hằng tháng": one round a month),
counted apart from the tasks: due in the period, done on time or late, still in time, overdue.

When rounds fall is ``chidao.tracking.rounds.occurrences`` (the one rule the task page and the
API also use); which were done is what is stored (``occurrences`` rows with ``done_on``). Tasks
that share a recurrence, a deadline and the days they count from share their rounds, so the
rule runs once per such group, not once per task.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.reports.classes import Rounds
from chidao.reports.queries import Window, assigned_on, columns, done_by, held
from chidao.store.models import Document, Occurrence, Task
from chidao.tracking.rounds import occurrences


def _day(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _due_dates(window: Window, calendar: WorkCalendar, session: Session) -> tuple[int, int, int]:
    """(rounds due in the period, of them due before the cut-off, recurring tasks with a round)."""
    done_on = case((done_by(window.through), Task.completed_on), else_=None)
    assigned = assigned_on(session)
    keys = (Task.recurrence, Task.recurrence_day, Task.recurrence_until, Task.deadline, assigned, done_on)
    query = (
        select(*keys, func.count())
        .select_from(Task)
        .join(Document, Document.id == Task.document_id)
        .where(*held(session, window, recurring=True))
        .group_by(*columns(len(keys)))
    )
    due = before = tasks = 0
    for recurrence, day, until, deadline, assigned_day, done_day, n in session.execute(query):
        start = max(window.start, _day(assigned_day) or window.start)
        end = min(window.through, _day(done_day) or window.through)
        if end < start:
            continue
        shape = SimpleNamespace(  # what the rounds' rule reads of a task; the window starts it
            recurrence=recurrence,
            recurrence_day=day,
            recurrence_until=until,
            deadline=deadline,
            document=None,
            created_at=None,
        )
        dates = occurrences(shape, start, end, calendar)
        due += n * len(dates)
        before += n * sum(1 for d in dates if d < window.through)
        tasks += n if dates else 0
    return due, before, tasks


def round_totals(session: Session, window: Window, calendar: WorkCalendar) -> Rounds:
    """The period's rounds of recurring tasks, by where they stood at the cut-off."""
    due, due_before, tasks = _due_dates(window, calendar, session)
    on_time = case((Occurrence.done_on <= Occurrence.due_on, 1), else_=0)
    early = case((Occurrence.due_on < window.through, 1), else_=0)
    query = (
        select(func.count(), func.sum(on_time), func.sum(early))
        .select_from(Occurrence)
        .join(Task, Task.id == Occurrence.task_id)
        .join(Document, Document.id == Task.document_id)
        .where(
            and_(Occurrence.due_on >= window.start, Occurrence.due_on <= window.through),
            Occurrence.done_on.is_not(None),
            Occurrence.done_on <= window.through,
            *held(session, window, recurring=True),
        )
    )
    done, done_on_time, done_before = (int(v or 0) for v in session.execute(query).one())
    overdue = max(due_before - done_before, 0)
    return Rounds(
        due=max(due, done),
        done_on_time=done_on_time,
        done_late=done - done_on_time,
        overdue=overdue,
        in_time=max(due - done - overdue, 0),
        tasks=tasks,
    )
