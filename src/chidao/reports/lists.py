"""The report's lists: tasks overdue at the cut-off (most late first, with their working days
late), tasks completed in the period (latest first), and tasks whose deadline was extended.
Each is read up to a limit, by an index-friendly ORDER BY … LIMIT; the totals come from the
counts, so a list cut short says how many more there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.reports.queries import VIETNAM, Window, approved_extensions, done_by, held, leads
from chidao.store.models import DONE_TASK, Document, Extension, Task
from chidao.tracking.documents import document_refs
from chidao.tracking.task_export import agencies_of
from chidao.vocab import TaskStatus


@dataclass(frozen=True)
class Line:
    """A task as a list shows it; the fields a list does not use stay None."""

    id: int
    text: str
    lead: tuple[str, ...]
    deadline: date | None
    document: str
    days_late: int | None = None
    completed_on: date | None = None
    on_time: bool | None = None
    original_deadline: date | None = None
    decided_on: date | None = None


def _named(session: Session, rows: list, **extra) -> list[Line]:
    """Lines of the rows (``id``, ``text``, ``deadline``, ``document_id`` and the ``extra`` columns)."""
    agencies = agencies_of(session, [r.id for r in rows])
    refs = document_refs(session, (r.document_id for r in rows))
    lines = []
    for row in rows:
        values = {name: make(row) for name, make in extra.items()}
        ref = refs.get(row.document_id)
        lead = tuple(agencies[row.id]["lead"])
        document = ref.label if ref else ""
        lines.append(Line(row.id, row.text, lead, row.deadline, document, **values))
    return lines


def overdue_tasks(session: Session, window: Window, calendar: WorkCalendar, limit: int) -> list[Line]:
    """Tasks unfinished at the cut-off whose deadline had passed, the earliest deadline first."""
    query = (
        select(Task.id, Task.text, Task.deadline, Task.document_id)
        .join(Document, Document.id == Task.document_id)
        .where(*held(session, window), Task.deadline < window.through, ~done_by(window.through))
        .order_by(Task.deadline, Task.id)
        .limit(limit)
    )
    rows = session.execute(query).all()
    late: dict[date, int] = {}
    for row in rows:
        if row.deadline not in late:
            late[row.deadline] = calendar.working_days_between(row.deadline, window.through)
    return _named(session, rows, days_late=lambda r: late[r.deadline])


def _done_task():
    """The condition of the partial index of done tasks (``ix_tasks_completed``) word for word,
    on the tasks of a query that also reads documents (which have a status too): SQLite then
    reads that index backwards, latest completion first, and stops at the list's last line."""
    columns = ("status", "tracked", "deleted", "completed_on")
    condition = DONE_TASK
    for column in columns:
        condition = re.sub(rf"\b{column}\b", f"tasks.{column}", condition)
    return text(condition)


def completed_tasks(session: Session, window: Window, limit: int) -> list[Line]:
    """Tasks completed in the period, the latest first."""
    query = (
        select(Task.id, Task.text, Task.deadline, Task.document_id, Task.completed_on)
        .join(Document, Document.id == Task.document_id)
        .where(
            *held(session, window),
            _done_task(),
            Task.status == TaskStatus.DONE,
            Task.completed_on >= window.start,
            Task.completed_on <= window.through,
        )
        .order_by(Task.completed_on.desc(), Task.id.desc())
        .limit(limit)
    )
    rows = session.execute(query).all()
    return _named(
        session,
        rows,
        completed_on=lambda r: r.completed_on,
        on_time=lambda r: r.deadline is None or r.completed_on <= r.deadline,
    )


def _extensions(window: Window):
    where = [approved_extensions(window), Task.tracked.is_(True), Task.deleted.is_(False)]
    if window.agency_id is not None:
        where.append(leads(window.agency_id))
    return where


def extended_tasks(session: Session, window: Window, limit: int) -> tuple[list[Line], int]:
    """Tasks whose deadline an approved extension moved in the period, the latest decision first,
    and how many such extensions there were."""
    columns = (Task.id, Task.text, Extension.requested_deadline.label("deadline"), Task.document_id)
    extra = (Extension.original_deadline, Extension.decided_at)
    query = (
        select(*columns, *extra)
        .join(Task, Task.id == Extension.task_id)
        .where(*_extensions(window))
        .order_by(Extension.decided_at.desc(), Extension.id.desc())
    )
    rows = session.execute(query.limit(limit)).all()
    counted = select(func.count()).select_from(Extension).join(Task, Task.id == Extension.task_id)
    total = session.scalar(counted.where(*_extensions(window))) or 0
    lines = _named(
        session,
        rows,
        original_deadline=lambda r: r.original_deadline,
        decided_on=lambda r: r.decided_at.astimezone(VIETNAM).date() if r.decided_at else None,
    )
    return lines, total
