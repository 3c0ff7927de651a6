"""The dates a task is due on in a window: its deadline, or each round of a recurring task
(``chidao.tracking.rounds.occurrences``, from its document's date) not reported done. Shared
by the overdue check and the calendar feeds, which ask it for thousands of tasks at once: the
rounds reported done are read in one query, not one per task."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Occurrence, Task
from chidao.tracking.rounds import occurrences

CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Due:
    task: Task
    day: date
    round: bool  # one round of a recurring task


def _done_rounds(session: Session, task_ids: list[int], start: date, end: date) -> set[tuple[int, date]]:
    done: set[tuple[int, date]] = set()
    for i in range(0, len(task_ids), CHUNK):
        query = select(Occurrence.task_id, Occurrence.due_on).where(
            Occurrence.task_id.in_(task_ids[i : i + CHUNK]),
            Occurrence.due_on.between(start, end),
            Occurrence.done_on.is_not(None),
        )
        done.update((task_id, day) for task_id, day in session.execute(query))
    return done


def due_dates(
    session: Session,
    tasks: Iterable[tuple[Task, date | None]],
    start: date,
    end: date,
    calendar: WorkCalendar | None = None,
) -> list[Due]:
    """Each (task, its document's date)'s due dates between ``start`` and ``end``, by date."""
    tasks = list(tasks)
    calendar = calendar or WorkCalendar()
    recurring = [task.id for task, _ in tasks if task.recurrence]
    done = _done_rounds(session, recurring, start, end) if recurring else set()
    found: list[Due] = []
    for task, issued in tasks:
        if not task.recurrence:
            if task.deadline and start <= task.deadline <= end:
                found.append(Due(task, task.deadline, False))
            continue
        first = max(start, issued) if issued else start  # rounds start with the document
        if first <= end:
            found += [Due(task, d, True) for d in occurrences(task, first, end, calendar) if (task.id, d) not in done]
    return sorted(found, key=lambda d: (d.day, d.task.id))
