"""The task page's forms: progress and completion reports, extension requests and decisions,
status changes.

Each form carries the session's CSRF token (checked by ``CsrfChecked`` before anything else) and
the task ``version`` it was built from: a form older than the task is refused with 409 and saves
nothing. Success answers with a redirect back to the task page (Post/Redirect/Get) and a message;
a refusal shows the page again with the message and what the user typed, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from starlette.datastructures import FormData

from chidao.messages import msg
from chidao.store.models import Extension, Task, User
from chidao.tracking import extensions, progress, review
from chidao.tracking.errors import OperationError
from chidao.tracking.task_state import check_version
from chidao.vocab import ReportKind, TaskStatus
from chidao.web.deps import CsrfChecked, Id, PageUser, SessionDep, SettingsDep, SoonDep, TodayDep, not_found
from chidao.web.pages.formats import vn_date
from chidao.web.pages.forms import (
    FormError,
    PageForm,
    choice_field,
    date_field,
    done,
    percent_field,
    text_field,
    uploads_field,
    version_field,
)
from chidao.web.pages.tasks.view import FormState, explain, permissions, require, task_page, visible_task

router = APIRouter()
DECISIONS = {
    "approve": msg("task_forms.decisions.approve"),
    "refuse": msg("task_forms.decisions.refuse"),
}
REPORT_KINDS = (ReportKind.PROGRESS, ReportKind.COMPLETION)  # what a form may send; contribution follows
NOT_TRACKED = msg("task_forms.not_tracked")
SENT = {
    "progress": msg("task_forms.sent.progress"),
    "contribution": msg("task_forms.sent.contribution"),
    "completion": msg("task_forms.sent.completion"),
}


def _save(
    request: Request,
    session: Session,
    user: User,
    task: Task,
    dates: tuple,
    name: str,
    form: FormData,
    action: Callable[[], str],
) -> Response:
    """Run ``action`` and commit, or roll back and show the page again with why."""
    try:
        message = action()
        session.commit()
    except (FormError, OperationError, StaleDataError) as error:
        session.rollback()
        text, code = explain(error)
        typed = {k: v for k, v in form.multi_items() if isinstance(v, str) and k not in ("csrf_token", "version")}
        fresh = visible_task(session, user, task.id)
        today, soon = dates
        return task_page(
            request, session, user, fresh, today, soon, state=FormState(name, text, typed), status_code=code
        )
    return done(f"/tasks/{task.id}", message)


@router.post("/tasks/{task_id:int}/progress", dependencies=[CsrfChecked])
def report_progress(
    task_id: Id,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    form: PageForm,
) -> Response:
    """A progress report, a coordinator's contribution, or completion (``kind=completion``) with
    evidence; multipart, with attached files (this path has the large body limit)."""
    task = visible_task(session, user, task_id)

    def act() -> str:
        kind = text_field(form, "kind", limit=20) or "progress"
        if kind not in REPORT_KINDS:
            raise FormError(msg("task_forms.bad_report_kind"))
        allowed = permissions(user, task)
        require(allowed.complete if kind == "completion" else allowed.report is not None)
        if kind == "completion":
            check_version(task, version_field(form))  # a report only adds a row: never stale (issue 10)
        note = text_field(form, "note")
        percent = None if kind == "completion" else percent_field(form, required=allowed.report == "progress")
        uploads = uploads_field(form, "attachments", settings.max_upload_bytes)
        if kind == "completion" and not (note or uploads):
            raise FormError(msg("task_forms.needs_evidence"))
        report = progress.report_progress(
            session=session, task=task, user=user, kind=kind, percent=percent, note=note, uploads=uploads, today=today
        )
        return SENT.get(report.kind, SENT["progress"])

    name = "completion" if form.get("kind") == "completion" else "progress"
    return _save(request, session, user, task, (today, soon), name, form, act)


@router.post("/tasks/{task_id:int}/extensions", dependencies=[CsrfChecked])
def request_extension(
    task_id: Id, request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep, form: PageForm
) -> Response:
    """The lead agency asks for a later deadline, with a reason for the office to weigh."""
    task = visible_task(session, user, task_id)

    def act() -> str:
        require(permissions(user, task).extend)
        check_version(task, version_field(form))
        requested = date_field(form, "requested_deadline", msg("task_forms.requested_deadline"))
        reason = text_field(form, "reason")
        if not reason:
            raise FormError(msg("task_forms.needs_reason"))
        if requested < today or (task.deadline is not None and requested <= task.deadline):
            raise FormError(msg("task_forms.deadline_not_later"))
        extensions.request_extension(
            session=session, task=task, user=user, requested_deadline=requested, reason=reason, today=today
        )
        return msg("task_forms.extension_sent", date=vn_date(requested))

    return _save(request, session, user, task, (today, soon), "extension", form, act)


@router.post("/tasks/{task_id:int}/extensions/{extension_id:int}/decision", dependencies=[CsrfChecked])
def decide_extension(
    task_id: Id,
    extension_id: Id,
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    form: PageForm,
) -> Response:
    """The office approves (the deadline moves; the old one stays in history) or refuses."""
    task = visible_task(session, user, task_id)
    extension = session.get(Extension, extension_id)
    if extension is None or extension.task_id != task.id:
        raise not_found("extension", extension_id)

    def act() -> str:
        require(permissions(user, task).decide)
        check_version(task, version_field(form))
        decision = choice_field(form, "decision", DECISIONS, msg("task_forms.decision"))
        note = text_field(form, "note")
        extensions.decide_extension(
            session=session, extension=extension, task=task, user_id=user.id, approve=decision == "approve", note=note
        )
        if decision == "approve":
            return msg("task_forms.extension_approved", date=vn_date(extension.requested_deadline))
        return msg("task_forms.extension_refused")

    return _save(request, session, user, task, (today, soon), f"decision-{extension.id}", form, act)


@router.post("/tasks/{task_id:int}/status", dependencies=[CsrfChecked])
def change_status(
    task_id: Id, request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep, form: PageForm
) -> Response:
    """The office sets a tracked task's status (and progress); "done" dates it today."""
    task = visible_task(session, user, task_id)

    def act() -> str:
        require(permissions(user, task).set_status)
        if not task.tracked or task.deleted:
            raise FormError(NOT_TRACKED, 409)
        check_version(task, version_field(form))
        new_status = choice_field(form, "status", TaskStatus.labels(), msg("task_forms.status"))
        progress = percent_field(form, required=False)
        changes: dict[str, object] = {"status": new_status}
        if progress is not None and new_status != "done":
            changes["progress"] = progress
        if new_status == task.status and changes.get("progress", task.progress) == task.progress:
            return msg("task_forms.no_change")
        review.update_task(session=session, task=task, user=user, changes=changes, version=task.version, today=today)
        return msg("task_forms.updated", status=TaskStatus(task.status).label, progress=task.progress)

    return _save(request, session, user, task, (today, soon), "status", form, act)
