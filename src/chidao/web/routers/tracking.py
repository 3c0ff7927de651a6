"""Following a task up: progress reports (with files), completion, deadline extensions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from chidao.tracking import extensions, progress
from chidao.tracking import task_records as records
from chidao.vocab import ExtensionStatus, UserRole
from chidao.web import schemas
from chidao.web.deps import (
    CurrentUser,
    Id,
    PageNo,
    SessionDep,
    SoonDep,
    TodayDep,
    forbid_unless,
    not_found,
    task_in_scope,
)
from chidao.web.downloads import download
from chidao.web.uploads import PROGRESS_BODY, ProgressInputDep
from chidao.web.views import extension_public, report_public, task_public

router = APIRouter(tags=["tracking"])


@router.post(
    "/tasks/{task_id}/progress",
    status_code=status.HTTP_201_CREATED,
    openapi_extra=PROGRESS_BODY,
    responses={
        403: {"description": "not the lead or a coordinating agency, or a coordinator reporting completion"},
        409: {"description": "the task is a draft, deleted, done or cancelled"},
        413: {"description": "an attachment is too large"},
    },
)
def report_progress(
    task_id: Id, session: SessionDep, user: CurrentUser, today: TodayDep, soon: SoonDep, data: ProgressInputDep
) -> schemas.ProgressResult:
    """Report progress (lead agency or office), a contribution (coordinating agency: any report
    they send), or completion (``kind=completion``, with a note or files as evidence: the task
    becomes done today). JSON, or a multipart form whose files are ``attachments``."""
    task = task_in_scope(session, user, task_id)
    body = data.body
    report = progress.report_progress(
        session=session,
        task=task,
        user=user,
        kind=body.kind,
        percent=body.percent,
        note=body.note,
        uploads=data.uploads,
        today=today,
    )
    session.commit()
    return schemas.ProgressResult(report=report_public(report), task=task_public(task, today, soon))


@router.get("/attachments/{attachment_id}", response_class=Response, responses={200: {"content": {"*/*": {}}}})
def download_attachment(attachment_id: Id, session: SessionDep, user: CurrentUser) -> Response:
    """A file attached to a progress report."""
    attachment = records.attachment_for(session, user, attachment_id)
    if attachment is None:
        raise not_found("attachment", attachment_id)
    return download(attachment.content, attachment.filename)


@router.post(
    "/tasks/{task_id}/extensions",
    status_code=status.HTTP_201_CREATED,
    responses={403: {"description": "only the lead agency or the office"}, 409: {"description": "one is pending"}},
)
def request_extension(
    task_id: Id, body: schemas.ExtensionCreate, session: SessionDep, user: CurrentUser, today: TodayDep, soon: SoonDep
) -> schemas.ExtensionResult:
    """Ask for a later deadline (lead agency's officer, clerk or admin)."""
    task = task_in_scope(session, user, task_id)
    extension = extensions.request_extension(
        session=session,
        task=task,
        user=user,
        requested_deadline=body.requested_deadline,
        reason=body.reason,
        today=today,
    )
    session.commit()
    return schemas.ExtensionResult(extension=extension_public(extension), task=task_public(task, today, soon))


@router.get("/extensions")
def list_extensions(
    session: SessionDep,
    user: CurrentUser,
    ext_status: Annotated[ExtensionStatus | None, Query(alias="status")] = None,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> schemas.Page[schemas.ExtensionPublic]:
    """Extension requests, oldest first (an agency officer sees those of its own tasks)."""
    rows, total = records.list_extensions(session=session, user=user, status=ext_status, page=page, per_page=per_page)
    return schemas.Page(items=[extension_public(e) for e in rows], total=total, page=page, per_page=per_page)


@router.post(
    "/extensions/{extension_id}/decision",
    responses={403: {"description": "only a clerk or an admin decides"}, 409: {"description": "already decided"}},
)
def decide_extension(
    extension_id: Id,
    body: schemas.ExtensionDecision,
    session: SessionDep,
    user: CurrentUser,
    today: TodayDep,
    soon: SoonDep,
) -> schemas.ExtensionResult:
    """Approve (the task's deadline becomes the requested one; the original stays on record) or refuse."""
    found = records.extension_for(session, user, extension_id)
    if found is None:
        raise not_found("extension", extension_id)
    extension, task = found
    forbid_unless(user, *UserRole.staff())
    extensions.decide_extension(
        session=session,
        extension=extension,
        task=task,
        user_id=user.id,
        approve=body.decision == "approve",
        note=body.note,
    )
    session.commit()
    return schemas.ExtensionResult(extension=extension_public(extension), task=task_public(task, today, soon))
