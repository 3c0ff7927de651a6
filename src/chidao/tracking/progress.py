"""Progress reports: the lead agency's progress and completion, a coordinator's contribution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from chidao.store.models import Attachment, ProgressReport, Task, User
from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.events import emit
from chidao.tracking.round_reports import recurs, report_round
from chidao.tracking.task_state import (
    OPEN_STATUSES,
    agency_role,
    audit_change,
    check_tracked,
    lock_task,
    log,
    set_status,
    task_state,
)
from chidao.vocab import EventKind, UserRole


@dataclass(frozen=True)
class Upload:
    """A file received with a progress report."""

    filename: str
    media_type: str
    content: bytes


def _report_kind(task: Task, user: User, kind: str) -> str:
    if user.role in UserRole.staff():
        return kind
    role = agency_role(task, user.agency_id) if user.role == "agency" else None
    if role == "lead":
        return kind
    if role == "coordinator":
        if kind == "completion":
            raise Forbidden("only the lead agency or the office can report completion")
        return "contribution"
    raise Forbidden("your role cannot report progress")


def report_progress(
    *,
    session: Session,
    task: Task,
    user: User,
    kind: str,
    percent: int | None,
    note: str,
    uploads: list[Upload],
    today: date,
) -> ProgressReport:
    """A progress report (lead agency or office), a contribution (coordinator) or a completion
    (lead or office, with a note or a file as evidence: marks the task done today). On a
    recurring task the report is its current round's: a completion closes that round only."""
    kind = _report_kind(task, user, kind)
    lock_task(session, task)
    check_tracked(task)
    if task.status not in OPEN_STATUSES:
        raise Conflict(f"the task is {task.status}: no more reports")
    if kind == "completion" and not (note.strip() or uploads):
        raise Invalid("a completion report needs evidence: a note or an attached file")
    report = ProgressReport(task_id=task.id, user_id=user.id, agency_id=user.agency_id, kind=kind)
    report.percent, report.note = (100 if kind == "completion" else percent), note
    report.attachments = [
        Attachment(filename=u.filename, media_type=u.media_type, size=len(u.content), content=u.content)
        for u in uploads
    ]
    session.add(report)
    session.flush()
    before = task_state(task)
    if recurs(task):
        report_round(session, task, report, today)  # the current round's report, not the whole task's
    elif kind == "completion":
        set_status(task, "done", today)
    elif kind == "progress":
        if percent is not None:
            task.progress = percent
        if task.status == "assigned":
            task.status = "in_progress"
    audit_change(session, task, user.id, f"report_{kind}", before)
    files = [u.filename for u in uploads]
    after = {"task_id": task.id, "percent": report.percent, "note": note, "attachments": files}
    log(session, user.id, "progress_report", report.id, kind, after=after)
    session.flush()
    event = EventKind.TASK_COMPLETED if kind == "completion" else EventKind.PROGRESS_REPORTED
    data = {"report_id": report.id, "kind": kind, "percent": report.percent, "note": note, "attachments": files}
    emit(session, event, task, actor=user, data=data)
    return report
