"""A task as the pages show it: its agencies by role and its timing state on the request's date.

The pages build these themselves instead of the API's ``TaskPublic``, whose timing state does not
admit "cancelled" (a cancelled task would not validate there); here every state has a label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chidao.store.models import Task
from chidao.tracking.timing import timing_state


@dataclass(frozen=True)
class TaskRow:
    id: int
    document_id: int
    text: str
    lead: list[str]
    coordinators: list[str]
    deadline: date | None
    deadline_text: str | None
    recurrence: str | None
    status: str
    timing_state: str
    progress: int
    completed_on: date | None
    tracked: bool
    deleted: bool
    version: int


def task_row(task: Task, today: date, soon: date) -> TaskRow:
    """The row of ``task`` with its timing state on ``today`` (due soon up to ``soon``)."""
    state = timing_state(
        status=task.status, deadline=task.deadline, completed_on=task.completed_on, today=today, soon_until=soon
    )
    return TaskRow(
        id=task.id,
        document_id=task.document_id,
        text=task.text,
        lead=[a.agency.name for a in task.assignments if a.role == "lead"],
        coordinators=[a.agency.name for a in task.assignments if a.role == "coordinator"],
        deadline=task.deadline,
        deadline_text=task.deadline_text,
        recurrence=task.recurrence,
        status=task.status,
        timing_state=state,
        progress=task.progress,
        completed_on=task.completed_on,
        tracked=task.tracked,
        deleted=task.deleted,
        version=task.version,
    )
