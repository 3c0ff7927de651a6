"""What has been done on a task, as its page and the API read it back: progress reports and
their files, extension requests, the audit history; and the extension requests of a list."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.store.models import Assignment, Attachment, AuditEntry, Extension, ProgressReport, Task, User
from chidao.tracking.visibility import can_see_task


def reports_of(session: Session, task: Task) -> list[ProgressReport]:
    return list(
        session.scalars(select(ProgressReport).where(ProgressReport.task_id == task.id).order_by(ProgressReport.id))
    )


def extensions_of(session: Session, task: Task) -> list[Extension]:
    return list(session.scalars(select(Extension).where(Extension.task_id == task.id).order_by(Extension.id)))


def history_of(session: Session, task: Task) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.entity == "task", AuditEntry.entity_id == task.id)
    return list(session.scalars(query.order_by(AuditEntry.id)))


def attachment_for(session: Session, user: User, attachment_id: int) -> Attachment | None:
    """A file of a progress report, if ``user`` may see its task."""
    attachment = session.get(Attachment, attachment_id)
    report = session.get(ProgressReport, attachment.report_id) if attachment else None
    task = session.get(Task, report.task_id) if report else None
    if attachment is None or task is None or not can_see_task(user, task):
        return None
    return attachment


def attachment_of_task(session: Session, task: Task, attachment_id: int) -> Attachment | None:
    """A file of one of the task's own reports."""
    return session.scalar(
        select(Attachment)
        .join(ProgressReport, ProgressReport.id == Attachment.report_id)
        .where(Attachment.id == attachment_id, ProgressReport.task_id == task.id)
    )


def extension_for(session: Session, user: User, extension_id: int) -> tuple[Extension, Task] | None:
    """An extension request and its task, if ``user`` may see the task."""
    extension = session.get(Extension, extension_id)
    task = session.get(Task, extension.task_id) if extension else None
    if extension is None or task is None or not can_see_task(user, task):
        return None
    return extension, task


def list_extensions(
    *, session: Session, user: User, status: str | None, page: int, per_page: int
) -> tuple[list[Extension], int]:
    """Extension requests, oldest first (an agency officer sees those of its own tasks), and how many."""
    query = select(Extension).join(Task, Task.id == Extension.task_id).where(Task.deleted.is_(False))
    if user.role == "agency":
        query = query.where(Task.id.in_(select(Assignment.task_id).where(Assignment.agency_id == user.agency_id)))
    if status:
        query = query.where(Extension.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Extension.id).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total
