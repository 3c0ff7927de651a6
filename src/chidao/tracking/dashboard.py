"""What the dashboard lists besides its figures: the tasks due this working week and those
completed last. Each read is indexed and LIMITed, so that the page stays quick with a million
tasks (the benchmark database of benchmarks/generate.py); the week's tasks are read through
``list_tasks``, so the dashboard counts exactly what its link to the task list shows.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import DONE_TASK, Assignment, Task
from chidao.tracking.task_filter import Scope, TaskFilter
from chidao.tracking.task_lines import TaskLine, task_lines
from chidao.tracking.task_list import list_tasks
from chidao.tracking.task_state import OPEN_STATUSES


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
) -> tuple[list[TaskLine], int]:
    """Unfinished tasks with a deadline from ``start`` to ``end``, earliest first, and how many."""
    flt = TaskFilter(status=list(OPEN_STATUSES), deadline_from=start, deadline_to=end)
    return list_tasks(
        session=session, flt=flt, scope=scope, today=today, soon_until=soon, sort="deadline", per_page=limit
    )


def recently_completed(session: Session, scope: Scope, today: date, soon: date, limit: int = 10) -> list[TaskLine]:
    """The last ``limit`` tasks completed, newest completion first.

    Read backwards along the partial index of done tasks (``ix_tasks_completed``, whose condition
    is repeated word for word so that SQLite uses it); for an agency, each is checked against
    its rows, and reading stops at the ``limit``-th of theirs.
    """
    query = select(Task.id).where(text(DONE_TASK))
    if not scope.unrestricted:
        theirs = select(Assignment.id).where(Assignment.task_id == Task.id, Assignment.agency_id == scope.agency_id)
        query = query.where(exists(theirs))
    return task_lines(
        session, list(session.scalars(query.order_by(Task.completed_on.desc(), Task.id.desc()).limit(limit)))
    )
