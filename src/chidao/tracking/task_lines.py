"""A task as a list shows it — its fields and its agencies' names by role — read with two plain
queries instead of ORM objects.

Why: a page of 50 tasks used to build some 330 ORM objects (tasks, their agency rows, the
agencies) and that hydration was most of the cost of the officer's task list (issue 10, item 10).
Lists, the dashboard and the API's ``/tasks`` read ``TaskLine``s; a single task's page still
loads the ORM object, and ``line_of`` turns it into the same shape so both are shown alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from chidao.store.models import Agency, Assignment, Task
from chidao.vocab import AgencyRole


@dataclass(frozen=True, slots=True)
class TaskLine:
    id: int
    document_id: int
    position: int
    text: str
    deadline: date | None
    deadline_text: str | None
    recurrence: str | None
    recurrence_text: str | None
    recurrence_day: str | None
    recurrence_until: date | None
    confidence: float | None
    doubts: list | None
    status: str
    progress: int
    completed_on: date | None
    tracked: bool
    deleted: bool
    origin: str
    version: int
    lead_names: tuple[str, ...] = ()
    coordinator_names: tuple[str, ...] = ()


COLUMNS = (
    Task.id,
    Task.document_id,
    Task.position,
    Task.text,
    Task.deadline,
    Task.deadline_text,
    Task.recurrence,
    Task.recurrence_text,
    Task.recurrence_day,
    Task.recurrence_until,
    Task.confidence,
    Task.doubts,
    Task.status,
    Task.progress,
    Task.completed_on,
    Task.tracked,
    Task.deleted,
    Task.origin,
    Task.version,
)
FIELDS = tuple(column.key for column in COLUMNS)
_WIDTH = len(COLUMNS)


# Both statements are built once, their ids an expanding parameter: building a statement costs
# more than SQLAlchemy's cached compilation of it, and they run through the connection (Core), as
# plain rows need none of the ORM's result handling.
_TASKS = select(*COLUMNS).where(Task.id.in_(bindparam("ids", expanding=True)))
_NAMES = (
    select(Assignment.task_id, Assignment.role, Agency.name)
    .join(Agency, Agency.id == Assignment.agency_id)
    .where(Assignment.task_id.in_(bindparam("ids", expanding=True)))
    .order_by(Assignment.task_id, Assignment.position, Assignment.id)
)


def _agency_names(session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Task id → (lead names, coordinator names), each in the notice's order."""
    rows = session.connection().execute(_NAMES, {"ids": list(ids)}).all()  # fetchall: not a call a row
    names: dict[int, tuple[list[str], list[str]]] = {}
    for task_id, role, name in rows:
        lead, coordinators = names.setdefault(task_id, ([], []))
        (lead if role == AgencyRole.LEAD else coordinators).append(name)
    return names


def task_lines(session: Session, ids: Sequence[int]) -> list[TaskLine]:
    """The tasks ``ids`` in that order (ids of no task are skipped)."""
    if not ids:
        return []
    rows = {row.id: row for row in session.connection().execute(_TASKS, {"ids": list(ids)}).all()}
    names = _agency_names(session, ids)
    lines = []
    for task_id in ids:
        row = rows.get(task_id)
        if row is None:
            continue
        lead, coordinators = names.get(task_id, ((), ()))
        lines.append(TaskLine(*row, lead_names=tuple(lead), coordinator_names=tuple(coordinators)))
    return lines


def task_lines_of(session: Session, rows: Sequence[Sequence]) -> list[TaskLine]:
    """The tasks of rows already read (``COLUMNS``' values first, in that order), in that order;
    their agencies' names are read here."""
    if not rows:
        return []
    names = _agency_names(session, [row[0] for row in rows])
    lines = []
    for row in rows:
        lead, coordinators = names.get(row[0], ((), ()))
        lines.append(TaskLine(*row[:_WIDTH], lead_names=tuple(lead), coordinator_names=tuple(coordinators)))
    return lines


def line_of(task: Task) -> TaskLine:
    """The list shape of a task already loaded (its agencies from its loaded rows, in their order)."""
    return TaskLine(
        *(getattr(task, field) for field in FIELDS),
        lead_names=tuple(a.agency.name for a in task.assignments if a.role == AgencyRole.LEAD),
        coordinator_names=tuple(a.agency.name for a in task.assignments if a.role == AgencyRole.COORDINATOR),
    )
