"""Uploads queued and read in the background (issue 15, item 5): the upload page and the API
``enqueue`` a file and answer at once; a worker (``ingest_workers`` inside ``chidao serve``,
``chidao jobs run`` without it, or a request that asked to ``wait``) claims the job, reads and
extracts it in the sandbox (``sandbox.read_and_extract``) outside any transaction, then stores
it with ``add_document`` in a transaction of its own that also finishes the job: a document is
never stored without its job saying so, nor the other way round.

A file whose bytes are stored already becomes a ``duplicate`` job linking that document (at once
when enqueued, or when two uploads of the same file race); a file the readers refuse becomes a
``failed`` job with the Vietnamese reason of the upload page (``read_failures``).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chidao.extract import Extraction
from chidao.messages import msg
from chidao.store import jobs
from chidao.store.jobs import DONE, DUPLICATE, FAILED, FINISHED, QUEUED, RUNNING, IngestJob
from chidao.store.models import User
from chidao.text.readers import Failure, ReadError
from chidao.tracking.ingest import add_document, check_size, stored_copy
from chidao.tracking.read_failures import read_reason
from chidao.tracking.reminders.lease import holder_name
from chidao.tracking.sandbox import read_and_extract
from chidao.vocab import UserRole

log = logging.getLogger("chidao.ingest")
# Longer than any one job can take (a wait for a reading slot, then the sandbox's wall-clock
# limit, then storing): a job still "running" past it lost its worker and is taken again.
LEASE_SECONDS = 600
STATUS_LABELS = {
    QUEUED: msg("tracking.ingest.queued"),
    RUNNING: msg("tracking.ingest.running"),
    DONE: msg("tracking.ingest.done"),
    DUPLICATE: msg("tracking.ingest.duplicate"),
    FAILED: msg("tracking.ingest.failed"),
}
UNEXPECTED = msg("tracking.ingest.unexpected")
ABANDONED = msg("tracking.ingest.abandoned")
Reader = Callable[[bytes, str], Extraction]


@dataclass(frozen=True)
class JobInfo:
    """A job as the pages and the API show it (no bytes)."""

    id: int
    filename: str
    status: str
    size: int
    user_id: int | None
    confirm: bool
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    document_id: int | None
    reason: str | None
    error: str | None
    detail: str | None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @classmethod
    def of(cls, job: IngestJob) -> JobInfo:
        names = cls.__dataclass_fields__
        return cls(**{name: getattr(job, name) for name in names})


def worker_name() -> str:
    """This process's name as a lease owner (host, process id, a random part)."""
    return holder_name()


def enqueue(session: Session, *, filename: str, data: bytes, user_id: int | None, confirm: bool) -> JobInfo:
    """Queue a file (flushed; the caller commits). The caller has refused what is too large or of
    an unsupported kind already; bytes stored before make a finished ``duplicate`` job at once."""
    now = datetime.now(UTC)
    digest = hashlib.sha256(data).hexdigest()
    job = IngestJob(
        filename=filename, size=len(data), content_hash=digest, user_id=user_id, confirm=confirm, attempts=0
    )
    job.created_at = now
    existing = stored_copy(session=session, data=data)
    if existing is None:
        job.status, job.content = QUEUED, data
    else:
        job.status, job.document_id, job.finished_at = DUPLICATE, existing.id, now
    session.add(job)
    session.flush()
    return JobInfo.of(job)


def get_job(session: Session, job_id: int) -> JobInfo | None:
    job = session.get(IngestJob, job_id)
    return JobInfo.of(job) if job is not None else None


def visible_job(session: Session, user: User, job_id: int) -> JobInfo | None:
    """The job if ``user`` may see it: its uploader, or the office (clerks and admins, who see
    every document too); None otherwise, as if it did not exist."""
    job = get_job(session, job_id)
    if job is None or (job.user_id != user.id and user.role not in UserRole.staff()):
        return None
    return job


def recent_uploads(session: Session, user_id: int, limit: int = 20) -> list[JobInfo]:
    return [JobInfo.of(job) for job in jobs.recent_jobs(session, user_id, limit)]


def _finish(sessions: sessionmaker[Session], job_id: int, owner: str, status: str, **values: object) -> None:
    with sessions.begin() as session:
        if not jobs.finish(session, job_id, owner, status, **values):
            log.warning("ingest job %s: lease lost before it ended (%s); the other worker decides", job_id, status)


def _requeue(sessions: sessionmaker[Session], job_id: int, owner: str) -> None:
    """Put a job back (every reading slot of this process was busy): another try, soon."""
    with sessions.begin() as session:
        session.execute(
            update(IngestJob)
            .where(IngestJob.id == job_id, IngestJob.lease_owner == owner)
            .values(status=QUEUED, lease_owner=None, lease_expires_at=None)
        )


class _LeaseLost(Exception):
    pass


def _store(
    sessions: sessionmaker[Session], job: IngestJob, owner: str, data: bytes, extraction: Extraction, retry: bool = True
) -> None:
    """The document and the job's end in one transaction; a concurrent copy of the same file
    (the unique content hash) makes the job a duplicate of it. Any other unique key another
    transaction took first is tried once more (the row is there now), then fails the job: a job
    is never left claimed for a conflict that waiting will not clear."""
    try:
        with sessions.begin() as session:
            ingested = add_document(
                session=session,
                filename=job.filename,
                data=data,
                user_id=job.user_id,
                confirm=job.confirm,
                extraction=extraction,
            )
            session.flush()
            status = DONE if ingested.created else DUPLICATE
            if not jobs.finish(session, job.id, owner, status, document_id=ingested.document.id):
                raise _LeaseLost
    except _LeaseLost:
        log.warning("ingest job %s: lease lost while reading; nothing stored by this worker", job.id)
    except IntegrityError:
        with sessions() as session:
            existing = stored_copy(session=session, data=data)
        if existing is not None:
            _finish(sessions, job.id, owner, DUPLICATE, document_id=existing.id)
        elif retry:
            _store(sessions, job, owner, data, extraction, retry=False)
        else:
            log.exception("ingest job %s (%r): storing conflicted twice", job.id, job.filename)
            _finish(sessions, job.id, owner, FAILED, reason="failed", error=UNEXPECTED)


def _load(sessions: sessionmaker[Session], job_id: int) -> tuple[IngestJob, bytes | None, int | None]:
    """The job (detached), its bytes, and the document already holding those bytes, if any."""
    with sessions() as session:
        job = session.get(IngestJob, job_id)
        if job is None:
            raise LookupError(f"no ingest job {job_id}")
        data = job.content
        existing = stored_copy(session=session, data=data) if data is not None else None
        session.expunge(job)
        return job, data, existing.id if existing is not None else None


def run_job(
    sessions: sessionmaker[Session],
    job_id: int,
    owner: str,
    reader: Reader = read_and_extract,
    *,
    busy_fails: bool = False,
) -> None:
    """Read, extract and store a job ``owner`` has claimed; every outcome ends the job (but a
    busy sandbox, which puts it back in the queue — or, with ``busy_fails``, for a caller that
    answers "busy, try again" itself, fails it so that nothing is stored behind its back)."""
    job, data, existing = _load(sessions, job_id)
    if existing is not None:
        return _finish(sessions, job_id, owner, DUPLICATE, document_id=existing)
    if data is None:
        return _finish(sessions, job_id, owner, FAILED, reason="failed", error=UNEXPECTED)
    try:
        extraction = reader(data, job.filename)
        check_size(job.filename, extraction)
    except ReadError as error:
        if error.code == Failure.BUSY and not busy_fails:
            return _requeue(sessions, job_id, owner)
        _kind, message = read_reason(error)
        return _finish(sessions, job_id, owner, FAILED, reason=str(error.code), error=message, detail=error.reason)
    except Exception:  # a bug in a reader: the job fails, the worker goes on
        log.exception("ingest job %s (%r): reading failed unexpectedly", job_id, job.filename)
        return _finish(sessions, job_id, owner, FAILED, reason="failed", error=UNEXPECTED)
    try:
        _store(sessions, job, owner, data, extraction)
    except DBAPIError:  # the database away or full: the job stays claimed and is taken again later
        raise
    except Exception:
        log.exception("ingest job %s (%r): storing failed unexpectedly", job_id, job.filename)
        _finish(sessions, job_id, owner, FAILED, reason="failed", error=UNEXPECTED)
    return None


def run_next(
    sessions: sessionmaker[Session], owner: str, reader: Reader = read_and_extract, lease: float = LEASE_SECONDS
) -> int | None:
    """Claim the oldest waiting job and run it: its id, or None when the queue is empty."""
    with sessions() as session:
        job_id = jobs.claim_next(session, owner, lease)
    if job_id is not None:
        run_job(sessions, job_id, owner, reader)
    return job_id


def give_up_abandoned(sessions: sessionmaker[Session]) -> int:
    """Fail the jobs whose worker died again and again (``jobs.MAX_ATTEMPTS``)."""
    with sessions.begin() as session:
        return jobs.give_up_abandoned(session, ABANDONED)


def drain(sessions: sessionmaker[Session], reader: Reader = read_and_extract, owner: str | None = None) -> list[int]:
    """Run every waiting job, one after another, until none is left: the jobs run."""
    owner = owner or worker_name()
    give_up_abandoned(sessions)
    done = []
    while (job_id := run_next(sessions, owner, reader)) is not None:
        done.append(job_id)
    return done


def poll(sessions: sessionmaker[Session], job_id: int, owner: str, *, may_claim: bool) -> tuple[JobInfo, bool]:
    """The job as it is now, and whether ``owner`` has just claimed it (still queued and
    ``may_claim``): one short look at the database, for a caller that waits between looks."""
    with sessions() as session:
        job = get_job(session, job_id)
        if job is None:
            raise LookupError(f"no ingest job {job_id}")
        claimed = job.status == QUEUED and may_claim and jobs.claim(session, job_id, owner, LEASE_SECONDS)
    return job, claimed


def wait_for(
    sessions: sessionmaker[Session],
    job_id: int,
    seconds: float,
    reader: Reader = read_and_extract,
    poll_seconds: float = 0.2,
) -> JobInfo:
    """The job once finished, or as it is after ``seconds``: still queued, this caller runs it
    itself (the same claim as a worker's, so nobody runs it twice); running elsewhere, it waits.
    (The web's ``upload_queue.wait_for`` is the same loop without holding a thread meanwhile.)"""
    deadline = time.monotonic() + seconds
    owner = worker_name()
    while True:
        job, claimed = poll(sessions, job_id, owner, may_claim=time.monotonic() < deadline)
        if claimed:  # a busy sandbox fails the job: the caller answers 503 and the client sends it again
            run_job(sessions, job_id, owner, reader, busy_fails=True)
            continue
        if job.finished or time.monotonic() >= deadline:
            return job
        time.sleep(poll_seconds)


def failure(job: JobInfo) -> ReadError | None:
    """A failed job's reader error as the reader raised it (for answers that predate the queue);
    None for a job that failed for another reason than the file."""
    if job.status != FAILED or job.reason is None:
        return None
    try:
        code = Failure(job.reason)
    except ValueError:
        return None
    return ReadError(job.filename, job.detail or job.error or "", code)
