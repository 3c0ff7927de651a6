"""A task's state as the audit log and the use cases see it, and the checks every change makes.

Every use case in this package is keyword-only, takes the caller's session, flushes but never
commits (the caller owns the transaction) and writes an AuditEntry (who, what, before → after)
for every change through ``log`` and ``audit_change`` here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from chidao.store.audit import record
from chidao.store.models import Task
from chidao.tracking.errors import Conflict
from chidao.vocab import Recurrence, TaskStatus

REVIEW_FIELDS = ("text", "lead", "coordinators", "deadline", "recurrence")
TASK_FIELDS = (*REVIEW_FIELDS, "deadline_text", "status", "progress")
_ROUND_PERIODS = frozenset(Recurrence.values())  # a tracked task with one is followed round by round
OPEN_STATUSES = TaskStatus.open()  # take reports, may be overdue (a cancelled task never is)


def task_snapshot(task: Task) -> dict:
    """The reviewable fields of a task, as stored in ``proposed`` and in the audit log."""
    return {
        "text": task.text,
        "lead": [a.agency.name for a in task.assignments if a.role == "lead"],
        "coordinators": [a.agency.name for a in task.assignments if a.role == "coordinator"],
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "recurrence": task.recurrence,
    }


def task_state(task: Task) -> dict[str, Any]:
    """The reviewable fields plus the tracking ones, JSON-ready: what the audit log stores."""
    return {
        **task_snapshot(task),
        "deadline_text": task.deadline_text,
        "status": task.status,
        "progress": task.progress,
        "completed_on": task.completed_on.isoformat() if task.completed_on else None,
    }


def agency_role(task: Task, agency_id: int | None) -> str | None:
    """The agency's part in the task: "lead", "coordinator", or None."""
    roles = {a.role for a in task.assignments if agency_id is not None and a.agency_id == agency_id}
    return "lead" if "lead" in roles else ("coordinator" if roles else None)


def differs_from_proposed(task: Task, current: dict | None = None) -> list[str]:
    """The reviewable fields in which the task differs from what extraction proposed; ``current``
    is the task's ``task_snapshot`` (taken here when not given, or adjusted by the caller)."""
    if task.proposed is None:
        return list(REVIEW_FIELDS)
    current = current or task_snapshot(task)
    fields = REVIEW_FIELDS
    if task.tracked and task.recurrence in _ROUND_PERIODS and task.recurrence == task.proposed.get("recurrence"):
        fields = tuple(f for f in REVIEW_FIELDS if f != "deadline")  # the current round's, moved by the rounds
    return [f for f in fields if _norm(current.get(f)) != _norm(task.proposed.get(f))]


def _norm(value: Any) -> Any:
    return frozenset(value) if isinstance(value, list) else value


def check_version(task: Task, version: int | None) -> None:
    if version is not None and version != task.version:
        raise Conflict(
            f"conflict: task {task.id} was changed by someone else (now version {task.version}, "
            f"you sent {version}); reload it and try again"
        )


def log(
    session: Session,
    user_id: int | None,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    record(
        session=session, user_id=user_id, entity=entity, entity_id=entity_id, action=action, before=before, after=after
    )


def audit_change(session: Session, task: Task, user_id: int | None, action: str, before: dict) -> None:
    after = task_state(task)
    changed = [k for k in after if after[k] != before[k]]
    if not changed:
        return
    payload = {**{k: after[k] for k in changed}, "differs_from_proposed": differs_from_proposed(task)}
    log(session, user_id, "task", task.id, action, {k: before[k] for k in changed}, payload)


def set_status(task: Task, status: str, today: date) -> None:
    task.status = status
    if status == "done":
        task.completed_on = task.completed_on or today
        task.progress = 100
    else:
        task.completed_on = None


def lock_task(session: Session, task: Task) -> None:
    """Take the task's row for this transaction and read it afresh, before a change that only
    adds (a progress report): concurrent reports then wait for each other instead of failing the
    version check that guards a clerk's edit against a stale form. The no-op write takes the
    row lock on PostgreSQL and the write lock on SQLite, and fires no trigger."""
    session.execute(
        update(Task).where(Task.id == task.id).values(version=Task.version).execution_options(synchronize_session=False)
    )
    session.refresh(task)


def check_tracked(task: Task) -> None:
    if not task.tracked or task.deleted:
        raise Conflict("the task is not tracked yet (its document is a draft) or was deleted")


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
