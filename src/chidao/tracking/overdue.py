"""The daily check that tells when a deadline (or a recurring task's round) has passed.

``check_overdue(session=..., today=...)`` emits one ``task.overdue`` event per open tracked task
and passed due date: a deadline of the last ``CATCH_UP_DAYS`` days before ``today`` (so a day
the check did not run is caught up, but switching it on over an old database does not tell of
every task late for a year), or a round of a recurring task in that window not yet reported done.
Each (task, due date) is marked in ``event_marks`` under a unique key, in the caller's
transaction: a second run, for the same day or the next, or on another host at the same time,
emits nothing again. A scheduler calls it once a day; ``chidao notify --date`` does from cron.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.feeds import EventMark
from chidao.store.models import Document, Task
from chidao.tracking.events import emit
from chidao.tracking.rounds import occurrences, recorded_rounds
from chidao.vocab import EventKind, TaskStatus

CATCH_UP_DAYS = 7


@dataclass(frozen=True)
class OverdueRun:
    day: date
    emitted: int  # (task, due date) pairs told now
    already: int  # pairs a previous run had told


def _candidates(session: Session, start: date, end: date):
    """Open tracked tasks with a deadline in the window, or recurring (their rounds may be), each
    with its document's date (rounds start there)."""
    query = (
        select(Task, Document.doc_date)
        .join(Document, Document.id == Task.document_id)
        .where(Task.tracked.is_(True), Task.deleted.is_(False), Task.status.in_(TaskStatus.open()))
        .where(or_(Task.deadline.between(start, end), Task.recurrence.is_not(None)))
        .order_by(Task.id)
        .execution_options(yield_per=500)
    )
    return session.execute(query)


def _passed(session: Session, task: Task, start: date, end: date, calendar: WorkCalendar) -> list[date]:
    if not task.recurrence:
        return [task.deadline] if task.deadline and start <= task.deadline <= end else []
    if start > end:
        return []
    done = recorded_rounds(session, task, start, end)
    return [due for due in occurrences(task, start, end, calendar) if done.get(due) is None]


def _mark(session: Session, task_id: int, due: date) -> bool:
    """Mark (task, due) told; False when it already was (by this or a concurrent run)."""
    exists = select(EventMark.id).where(
        EventMark.kind == EventKind.TASK_OVERDUE, EventMark.task_id == task_id, EventMark.day == due
    )
    if session.scalar(exists) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(EventMark(kind=EventKind.TASK_OVERDUE, task_id=task_id, day=due))
    except IntegrityError:
        return False
    return True


def check_overdue(*, session: Session, today: date, calendar: WorkCalendar | None = None) -> OverdueRun:
    """Emit the overdue events due by ``today`` that were not emitted yet (the caller commits)."""
    calendar = calendar or WorkCalendar()
    start, end = today - timedelta(days=CATCH_UP_DAYS), today - timedelta(days=1)
    emitted = already = 0
    for task, issued in list(_candidates(session, start, end)):
        first = max(start, issued) if issued and task.recurrence else start
        for due in _passed(session, task, first, end, calendar):
            if not _mark(session, task.id, due):
                already += 1
                continue
            emit(session, EventKind.TASK_OVERDUE, task, data={"due_on": due.isoformat()})
            emitted += 1
    return OverdueRun(today, emitted, already)
