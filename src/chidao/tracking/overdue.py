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
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, lazyload
from sqlalchemy.orm.attributes import set_committed_value

from chidao.extract.workdays import WorkCalendar
from chidao.store.feeds import EventMark
from chidao.store.models import Assignment, Document, Task
from chidao.tracking.due_dates import due_dates
from chidao.tracking.event import Event
from chidao.tracking.events import publish
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
        .options(lazyload(Task.assignments))  # loaded below for the tasks that are told only
    )
    return session.execute(query)


def _marked(session: Session, start: date, end: date) -> set[tuple[int, date]]:
    """The (task, due date) pairs told already in the window."""
    query = select(EventMark.task_id, EventMark.day).where(
        EventMark.kind == EventKind.TASK_OVERDUE, EventMark.day.between(start, end)
    )
    return {(task_id, day) for task_id, day in session.execute(query)}


def _claim_marks(session: Session, pairs: list[tuple[int, date]]) -> set[tuple[int, date]]:
    """Mark the (task, due date) pairs told; the pairs this call marked (not a concurrent run's).

    One ``INSERT … ON CONFLICT DO NOTHING RETURNING`` per 500 pairs (SQLite 3.35+, PostgreSQL):
    the unique key decides, and on PostgreSQL a concurrent run's uncommitted mark makes this one
    wait for it, then skip the pair."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    claimed: set[tuple[int, date]] = set()
    kind = str(EventKind.TASK_OVERDUE)
    for i in range(0, len(pairs), 500):
        rows = [{"kind": kind, "task_id": task_id, "day": day} for task_id, day in pairs[i : i + 500]]
        statement = insert(EventMark).values(rows).on_conflict_do_nothing()
        found = session.execute(statement.returning(EventMark.task_id, EventMark.day))
        claimed.update((task_id, day) for task_id, day in found)
    return claimed


def _load_agencies(session: Session, tasks: list[Task]) -> None:
    """The agencies of the tasks about to be told of, in a few queries rather than one per task
    (the tasks were read without them: most candidates are not told of)."""
    by_task: dict[int, list[Assignment]] = {task.id: [] for task in tasks}
    ids = list(by_task)
    for i in range(0, len(ids), 500):
        query = select(Assignment).where(Assignment.task_id.in_(ids[i : i + 500]))
        for row in session.scalars(query.order_by(Assignment.task_id, Assignment.position)):
            by_task[row.task_id].append(row)
    for task in tasks:
        set_committed_value(task, "assignments", by_task[task.id])


def check_overdue(*, session: Session, today: date, calendar: WorkCalendar | None = None) -> OverdueRun:
    """Emit the overdue events due by ``today`` that were not emitted yet (the caller commits)."""
    start, end = today - timedelta(days=CATCH_UP_DAYS), today - timedelta(days=1)
    passed = due_dates(session, list(_candidates(session, start, end)), start, end, calendar)
    marked = _marked(session, start, end)
    fresh = [d for d in passed if (d.task.id, d.day) not in marked]
    with session.no_autoflush:  # the candidates are only read: nothing of theirs to flush
        claimed = _claim_marks(session, [(d.task.id, d.day) for d in fresh]) if fresh else set()
    told = [d for d in fresh if (d.task.id, d.day) in claimed]
    events = [Event(EventKind.TASK_OVERDUE, d.task, data={"due_on": d.day.isoformat()}) for d in told]
    already = len(passed) - len(events)
    _load_agencies(session, list({e.task.id: e.task for e in events}.values()))
    publish(session, events)
    return OverdueRun(today, len(events), already)
