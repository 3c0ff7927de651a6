"""Uploads in the queue: one job (to follow an upload's ``Location``), and the user's latest."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from chidao.tracking.ingest_queue import recent_uploads, visible_job
from chidao.web import schemas
from chidao.web.deps import CurrentUser, Id, SessionDep, not_found
from chidao.web.upload_queue import job_public

router = APIRouter(prefix="/ingest-jobs", tags=["documents"])


@router.get("")
def list_jobs(
    session: SessionDep, user: CurrentUser, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> list[schemas.IngestJobPublic]:
    """The user's own latest uploads, newest first."""
    return [job_public(job) for job in recent_uploads(session, user.id, limit)]


@router.get("/{job_id}")
def get_job(job_id: Id, session: SessionDep, user: CurrentUser) -> schemas.IngestJobPublic:
    """An upload: queued, running, done (``document_id``), duplicate (of ``document_id``) or
    failed (``error``). Its uploader and the office (clerks, admins) see it; others get 404."""
    job = visible_job(session, user, job_id)
    if job is None:
        raise not_found("ingest job", job_id)
    return job_public(job)
