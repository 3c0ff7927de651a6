"""Database rows → response bodies. Timing states are computed here, with the request's today."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chidao.store.models import Document, Extension, ProgressReport, Task, UnassignedPassage, User
from chidao.tracking import task_records as records
from chidao.tracking.document_details import details_version, missing_details
from chidao.tracking.passages import open_passages
from chidao.tracking.task_lines import TaskLine, line_of
from chidao.tracking.timing import timing_state
from chidao.web import schemas


def user_public(user: User) -> schemas.UserPublic:
    return schemas.UserPublic(
        id=user.id,
        username=user.username,
        role=user.role,
        agency_id=user.agency_id,
        agency=user.agency.name if user.agency else None,
        is_active=user.is_active,
    )


def task_item(task: Task | TaskLine, today: date, soon_until: date) -> dict[str, Any]:
    """A task as the API lists it, as the plain dict ``TaskPublic`` holds: its fields in the
    model's order, each value of the type the model would make of it. The task list writes it
    as JSON without a validated model per task, which cost more than writing the JSON (issue
    10, item 10); ``tests/web/test_api_tasks.py`` checks that the bytes are the model's."""
    if isinstance(task, Task):
        task = line_of(task)
    state = timing_state(
        status=task.status, deadline=task.deadline, completed_on=task.completed_on, today=today, soon_until=soon_until
    )
    doubts = task.doubts or ()
    confidence = task.confidence
    return {
        "id": task.id,
        "document_id": task.document_id,
        "position": task.position,
        "text": task.text,
        "lead": list(task.lead_names),
        "coordinators": list(task.coordinator_names),
        "deadline": task.deadline,
        "deadline_text": task.deadline_text,
        "recurrence": task.recurrence,
        "recurrence_text": task.recurrence_text,
        "recurrence_day": task.recurrence_day,
        "recurrence_until": task.recurrence_until,
        "confidence": None if confidence is None else float(confidence),  # as the model would
        "doubts": [d["label"] for d in doubts],
        "doubt_codes": [d["code"] for d in doubts],
        "status": task.status,
        "timing_state": state,
        "progress": task.progress,
        "completed_on": task.completed_on,
        "tracked": task.tracked,
        "deleted": task.deleted,
        "origin": task.origin,
        "version": task.version,
    }


def task_public(task: Task | TaskLine, today: date, soon_until: date) -> schemas.TaskPublic:
    """A task as the API lists it, from a loaded task or a list's ``TaskLine``."""
    return schemas.TaskPublic(**task_item(task, today, soon_until))


def report_public(report: ProgressReport) -> schemas.ProgressReportPublic:
    return schemas.ProgressReportPublic(
        id=report.id,
        task_id=report.task_id,
        kind=report.kind,
        round_on=report.round_on,
        percent=report.percent,
        note=report.note,
        user_id=report.user_id,
        agency_id=report.agency_id,
        created_at=report.created_at,
        attachments=[
            schemas.AttachmentPublic(id=a.id, filename=a.filename, media_type=a.media_type, size=a.size)
            for a in report.attachments
        ],
    )


def extension_public(extension: Extension) -> schemas.ExtensionPublic:
    return schemas.ExtensionPublic.model_validate(extension, from_attributes=True)


def task_detail(session: Session, task: Task, today: date, soon_until: date) -> schemas.TaskDetail:
    reports = records.reports_of(session, task)
    extensions = records.extensions_of(session, task)
    history = records.history_of(session, task)
    document = task.document
    return schemas.TaskDetail(
        **task_public(task, today, soon_until).model_dump(),
        span_start=task.span_start,
        span_end=task.span_end,
        proposed=task.proposed,
        document=schemas.DocumentRef(
            id=document.id, number=document.number, title=document.title, status=document.status
        ),
        assignments=[
            schemas.AssignmentPublic(agency_id=a.agency_id, agency=a.agency.name, role=a.role, written=a.written)
            for a in sorted(task.assignments, key=lambda a: (a.role != "lead", a.position))
        ],
        progress_reports=[report_public(r) for r in reports],
        extensions=[extension_public(e) for e in extensions],
        history=[schemas.AuditPublic.model_validate(h, from_attributes=True) for h in history],
    )


_SUMMARY_FIELDS = tuple(f for f in schemas.DocumentSummary.model_fields if f != "task_count")


def document_summary(document: Document, task_count: int) -> schemas.DocumentSummary:
    return schemas.DocumentSummary(**{f: getattr(document, f) for f in _SUMMARY_FIELDS}, task_count=task_count)


def passage_public(passage: UnassignedPassage) -> schemas.PassagePublic:
    return schemas.PassagePublic(
        id=passage.id,
        document_id=passage.document_id,
        text=passage.text,
        span_start=passage.span_start,
        span_end=passage.span_end,
        verb=passage.verb,
        reason=passage.reason,
        why=passage.label,
        task_id=passage.task_id,
        taken_at=passage.taken_at,
    )


def ordered_tasks(document: Document) -> list[Task]:
    return sorted(document.tasks, key=lambda t: (t.position, t.id))


def document_detail(
    document: Document, tasks: list[Task], today: date, soon_until: date, *, created: bool | None = None
) -> schemas.DocumentDetail:
    summary = document_summary(document, sum(not t.deleted for t in tasks))
    fields = {
        **summary.model_dump(),
        "details_version": details_version(document),
        "missing": missing_details(document),
        "text": document.text,
        "meta": document.meta or {},
        "tasks": [task_public(t, today, soon_until) for t in tasks],
        "unassigned": [passage_public(p) for p in open_passages(document)],
    }
    if created is None:
        return schemas.DocumentDetail(**fields)
    return schemas.UploadResult(**fields, created=created)
