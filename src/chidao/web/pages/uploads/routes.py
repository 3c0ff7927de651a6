"""Uploading notices (clerks and admins): one or several files queued through the API's own
steps; the answer comes at once, a status page (one file) or the list of uploads (several), each
updating itself until the files are read, then leading to the review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from chidao.messages import msg
from chidao.tracking.ingest_queue import recent_uploads, visible_job
from chidao.web.deps import CsrfChecked, Id, PageStaff, PageUser, SessionDep, SettingsDep, not_found
from chidao.web.limits import MAX_UPLOAD_FILES
from chidao.web.pages.templating import render
from chidao.web.pages.uploads.files import ACCEPTED, chosen_files, fresh_review, job_links, queue_one, size_label

router = APIRouter()


@dataclass(frozen=True)
class UploadRequest:
    files: list[UploadFile]
    confirm: bool


async def upload_request(request: Request) -> UploadRequest:
    """The chosen files and the "confirm at once" box (the form is parsed once, by the CSRF check)."""
    form = await request.form()
    files = chosen_files([value for key, value in form.multi_items() if key == "files"])
    return UploadRequest(files=files, confirm=form.get("confirm") in ("1", "on", "true"))


def _upload_page(request: Request, limit: int, error: str = "", code: int = 200) -> Response:
    context = {"title": msg("upload.title"), "error": error, "accepted": ACCEPTED}
    context.update(max_files=MAX_UPLOAD_FILES, max_size=size_label(limit))
    return render(request, "upload.html", context, status_code=code)


@router.get("/documents/upload")
def upload_form(request: Request, user: PageStaff, settings: SettingsDep) -> Response:
    return _upload_page(request, settings.max_upload_bytes)


@router.post("/documents/upload", dependencies=[CsrfChecked])
def upload_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: PageStaff,
    form: Annotated[UploadRequest, Depends(upload_request)],
) -> Response:
    """Queue each file on its own and answer at once: the status page of the one file (or the
    list of the user's uploads); a report when some file was refused before queuing."""
    limit = settings.max_upload_bytes
    if not form.files:
        return _upload_page(request, limit, msg("upload.no_file"), 422)
    if len(form.files) > MAX_UPLOAD_FILES:
        return _upload_page(request, limit, msg("upload.too_many_files", count=MAX_UPLOAD_FILES), 422)
    outcomes = [queue_one(request, session, f, limit, user.id, form.confirm) for f in form.files]
    queued = [o.job for o in outcomes if o.job is not None]
    if len(queued) == len(outcomes):
        target = f"/uploads/{queued[0].id}" if len(queued) == 1 else "/uploads"
        return RedirectResponse(target, status.HTTP_303_SEE_OTHER)
    context = {"title": msg("upload.result.title"), "outcomes": outcomes, "confirm": form.confirm}
    return render(request, "upload_result.html", context, status_code=200 if queued else 422)


@router.get("/uploads")
def upload_list(request: Request, session: SessionDep, user: PageUser) -> Response:
    """The user's latest uploads and what became of each; reloaded while some still wait."""
    jobs = recent_uploads(session, user.id)
    context = {"title": msg("upload.list.title"), "jobs": jobs, "pending": any(not j.finished for j in jobs)}
    context["links"] = {j.id: job_links(session, j) for j in jobs}
    return render(request, "uploads.html", context)


@router.get("/uploads/{job_id}")
def upload_status(job_id: Id, request: Request, session: SessionDep, user: PageUser) -> Response:
    """One upload: waiting, being read, done (with its review), duplicate or failed (why)."""
    job = visible_job(session, user, job_id)
    if job is None:
        raise not_found("upload", job_id)
    links = job_links(session, job)
    context = {
        "title": msg("upload.status.title", filename=job.filename),
        "job": job,
        "links": links,
        "go": fresh_review(job, links),
    }
    return render(request, "upload_status.html", context)
