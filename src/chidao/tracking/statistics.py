"""Dashboard figures: counts by timing state and by status, and overdue tasks per lead agency
(a recurring task counted by its current round), and the rounds reported on time and late.

Read from what database triggers keep (the tally of migrations 0003 and 0007, each agency row's
copy of its task state of migration 0008), never by counting the tasks themselves.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, distinct, func, select, text
from sqlalchemy.orm import Session, aliased

from chidao.store.models import Agency, Assignment
from chidao.tracking.round_reports import rounds_done
from chidao.tracking.task_filter import Scope
from chidao.tracking.task_state import OPEN_STATUSES
from chidao.vocab import TaskStatus, TimingState


def _bucket(counts: dict[str, int], deadline: date | None, n: int, today: date, soon_until: date) -> None:
    if deadline is None:
        counts["no_deadline"] += n
    elif deadline < today:
        counts["overdue"] += n
    elif deadline <= soon_until:
        counts["due_soon"] += n
    else:
        counts["not_due"] += n


_TIMING_COUNTED = tuple(s for s in TimingState.values() if s != TimingState.CANCELLED)


def _counts_from_tally(session: Session, today: date, soon_until: date) -> tuple[dict[str, int], dict[str, int]]:
    """Everyone's counts by timing state and by status from the trigger-kept tally (migrations
    0003 and 0007): a few thousand rows, whatever the number of tasks."""
    counts = dict.fromkeys(_TIMING_COUNTED, 0)
    by_status = dict.fromkeys(TaskStatus.values(), 0)
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
    by_status = dict.fromkeys(TaskStatus.values(), 0)
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
        "rounds_done": rounds_done(session, None if scope.unrestricted else scope.agency_id),
    }
