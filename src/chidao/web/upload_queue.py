"""Uploads, as both the JSON API and the upload page take them: the file queued (its row and
bytes committed at once) and the workers woken (``chidao.tracking.ingest_queue``); or, for an
API client that asked to ``wait``, the job run by the request itself when no worker has taken
it yet. Kept here so that the two front doors cannot drift apart.

Waiting never holds one of the threads that run sync endpoints (``CHIDAO_THREADS`` of them):
``wait_for`` is a coroutine that looks at the job in short steps on those threads and sleeps in
the event loop between them, and a job it runs itself runs on a thread of its own. Otherwise a
few uploads waiting for a long scan (up to ``MAX_WAIT`` seconds) would stop every other request.
"""

from __future__ import annotations

import time
from functools import partial

import anyio
from anyio import to_thread
from fastapi import Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

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


POLL_SECONDS = 0.2


async def wait_for(request: Request, job_id: int, seconds: float) -> JobInfo:
    """The job once finished, or as it is after ``seconds`` (run here if still queued): the loop
    of ``ingest_queue.wait_for``, awaiting instead of blocking a thread of the pool."""
    sessions = request.app.state.sessions
    deadline = time.monotonic() + seconds
    owner = ingest_queue.worker_name()
    while True:
        may_claim = time.monotonic() < deadline
        job, claimed = await run_in_threadpool(ingest_queue.poll, sessions, job_id, owner, may_claim=may_claim)
        if claimed:  # a busy sandbox fails the job: the caller answers 503 and the client sends it again
            run = partial(ingest_queue.run_job, sessions, job_id, owner, busy_fails=True)
            # A limiter of its own: reading a file (seconds to minutes) takes no thread of the
            # pool; how many read at once is the sandbox's business (it answers "busy").
            await to_thread.run_sync(run, limiter=anyio.CapacityLimiter(1))
            continue
        if job.finished or time.monotonic() >= deadline:
            return job
        await anyio.sleep(POLL_SECONDS)


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
