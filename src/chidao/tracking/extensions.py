"""Extensions: the lead agency asks for a later deadline, the office approves or refuses."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Extension, Task, User
from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.events import emit
from chidao.tracking.task_state import OPEN_STATUSES, agency_role, check_tracked, iso, log
from chidao.vocab import EventKind, UserRole


def request_extension(
    *, session: Session, task: Task, user: User, requested_deadline: date, reason: str, today: date
) -> Extension:
    """Ask for a later deadline: the lead agency's officer or the office; one pending at a time."""
    if user.role == "agency" and agency_role(task, user.agency_id) != "lead":
        raise Forbidden("only the lead agency can ask for more time")
    if user.role not in (*UserRole.staff(), UserRole.AGENCY):
        raise Forbidden("your role cannot ask for more time")
    check_tracked(task)
    if task.status not in OPEN_STATUSES:
        raise Conflict(f"the task is {task.status}: its deadline cannot move")
    pending = session.scalar(select(Extension.id).where(Extension.task_id == task.id, Extension.status == "pending"))
    if pending is not None:
        raise Conflict(f"extension {pending} is already waiting for a decision")
    if requested_deadline < today or (task.deadline and requested_deadline <= task.deadline):
        raise Invalid("the requested deadline must be later than the current deadline and not in the past")
    extension = Extension(
        task_id=task.id,
        requested_by_id=user.id,
        original_deadline=task.deadline,
        requested_deadline=requested_deadline,
        reason=reason,
    )
    session.add(extension)
    session.flush()
    after = {
        "task_id": task.id,
        "original_deadline": iso(task.deadline),
        "requested_deadline": iso(requested_deadline),
    }
    log(session, user.id, "extension", extension.id, "request", after=after)
    after = {"extension_id": extension.id, "requested_deadline": iso(requested_deadline), "reason": reason}
    log(session, user.id, "task", task.id, "extension_request", after=after)
    data = {**after, "original_deadline": iso(task.deadline), "requested_by_id": user.id}
    emit(session, EventKind.EXTENSION_REQUESTED, task, actor=user, data=data)
    return extension


def decide_extension(
    *, session: Session, extension: Extension, task: Task, user_id: int | None, approve: bool, note: str
) -> Extension:
    """Approve (the task's deadline becomes the requested one) or refuse a pending extension.
    The original deadline stays on the Extension row and in the audit log."""
    if extension.status != "pending":
        raise Conflict(f"the extension was already {extension.status}")
    extension.status = "approved" if approve else "refused"
    extension.decided_by_id, extension.decided_at, extension.decision_note = user_id, datetime.now(UTC), note
    decision = {"status": extension.status, "note": note, "original_deadline": iso(extension.original_deadline)}
    after = {**decision, "requested_deadline": iso(extension.requested_deadline)}
    log(session, user_id, "extension", extension.id, "decide", after=after)
    if approve:
        before = {"deadline": iso(task.deadline)}
        task.deadline = extension.requested_deadline
        after = {"deadline": iso(task.deadline), "extension_id": extension.id, **decision}
        log(session, user_id, "task", task.id, "extension_approved", before, after)
    session.flush()
    data = {"extension_id": extension.id, **decision, "requested_deadline": iso(extension.requested_deadline)}
    data["requested_by_id"] = extension.requested_by_id
    actor = session.get(User, user_id) if user_id is not None else None
    emit(session, EventKind.EXTENSION_DECIDED, task, actor=actor, data=data)
    return extension
