"""Uploads, as both the JSON API and the upload page take them: the file queued (its row and
bytes committed at once) and the workers woken (``chidao.tracking.ingest_queue``); or, for an
API client that asked to ``wait``, the job run by the request itself when no worker has taken
it yet. Kept here so that the two front doors cannot drift apart."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.orm import Session

from chidao.tracking import ingest_queue
from chidao.tracking.ingest_queue import JobInfo
from chidao.web import schemas

API_PREFIX = "/api/v1"


def queue_upload(
    request: Request, session: Session, filename: str, data: bytes, user_id: int, confirm: bool
) -> JobInfo:
    """Queue the file (committed) and wake this process's workers, if it runs any."""
    job = ingest_queue.enqueue(session, filename=filename, data=data, user_id=user_id, confirm=confirm)
    session.commit()
    workers = getattr(request.app.state, "ingest_workers", None)
    if workers is not None and not job.finished:
        workers.wake()
    return job


def wait_for(request: Request, job_id: int, seconds: float) -> JobInfo:
    """The job once finished, or as it is after ``seconds`` (run here if still queued)."""
    return ingest_queue.wait_for(request.app.state.sessions, job_id, seconds)


def job_url(job_id: int) -> str:
    return f"{API_PREFIX}/ingest-jobs/{job_id}"


def job_public(job: JobInfo) -> schemas.IngestJobPublic:
    return schemas.IngestJobPublic(
        id=job.id,
        filename=job.filename,
        size=job.size,
        status=job.status,
        status_label=job.label,
        confirm=job.confirm,
        document_id=job.document_id,
        reason=job.reason,
        error=job.error,
        detail=job.detail,
        attempts=job.attempts,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        url=job_url(job.id),
        page=f"/uploads/{job.id}",
    )
