"""The queue of uploads waiting to be read (migration 0018): one ``ingest_jobs`` row per uploaded
file, and the statements that claim a row, take it back from a worker that died, and finish it.

The uploaded bytes are kept in the row itself (``content``, a blob), not in the data folder:
the row and its file are written in one transaction (a crash never leaves one without the
other), every worker of every host on the same PostgreSQL database reaches them (a data folder
is one host's), and backups take them along. Uploads are bounded (``CHIDAO_MAX_UPLOAD_MB``) and
the bytes are dropped once the job is finished (the document keeps its own copy), so the table
stays small.

Claiming takes a job that is ``queued``, or ``running`` under a lease that expired (its worker
died), sets ``running`` with the claimer's name and a new lease expiry, and commits at once: the
write lock is held for that one statement, never while the file is read. On PostgreSQL the row
is chosen with ``SELECT ... FOR UPDATE SKIP LOCKED`` (concurrent claimers take different rows
without waiting); SQLite has one writer at a time, so a conditional ``UPDATE`` (still queued, or
lease expired) decides, and a claimer that lost the race tries the next row.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, and_, func, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from chidao.store.models import Base, UTCDateTime

QUEUED, RUNNING, DONE, DUPLICATE, FAILED = "queued", "running", "done", "duplicate", "failed"
FINISHED = (DONE, DUPLICATE, FAILED)
MAX_ATTEMPTS = 3  # a job whose worker died this many times is failed, not taken a fourth time


class IngestJob(Base):
    __tablename__ = "ingest_jobs"
    __table_args__ = (
        Index("ix_ingest_jobs_status", "status", "lease_expires_at"),
        Index("ix_ingest_jobs_user", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(300))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # None once finished
    size: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), default=QUEUED)
    reason: Mapped[str | None] = mapped_column(String(40))  # a read failure's code (``Failure``)
    error: Mapped[str | None] = mapped_column(Text)  # why it failed, in Vietnamese, one line
    detail: Mapped[str | None] = mapped_column(Text)  # the reader's own (English) reason
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirm: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


def _claimable(now: datetime):
    expired = and_(IngestJob.status == RUNNING, IngestJob.lease_expires_at < now, IngestJob.attempts < MAX_ATTEMPTS)
    return or_(IngestJob.status == QUEUED, expired)


def _take(session: Session, job_id: int, owner: str, now: datetime, seconds: float) -> bool:
    taken = session.execute(
        update(IngestJob)
        .where(IngestJob.id == job_id, _claimable(now))
        .values(
            status=RUNNING,
            lease_owner=owner,
            lease_expires_at=now + timedelta(seconds=seconds),
            started_at=now,
            attempts=IngestJob.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1


def give_up_abandoned(session: Session, error: str) -> int:
    """Fail the jobs whose workers died ``MAX_ATTEMPTS`` times (their file kills whoever reads
    it); the caller commits. How many."""
    now = datetime.now(UTC)
    failed = session.execute(
        update(IngestJob)
        .where(IngestJob.status == RUNNING, IngestJob.lease_expires_at < now, IngestJob.attempts >= MAX_ATTEMPTS)
        .values(status=FAILED, error=error, reason="abandoned", content=None, finished_at=now, lease_owner=None)
        .execution_options(synchronize_session=False)
    )
    return failed.rowcount


def claim_next(session: Session, owner: str, seconds: float) -> int | None:
    """Claim the oldest claimable job for ``owner`` for ``seconds`` and commit; its id, or None."""
    postgres = session.get_bind().dialect.name == "postgresql"
    for _ in range(20):  # SQLite: another claimer may win a row between our read and our update
        now = datetime.now(UTC)
        query = select(IngestJob.id).where(_claimable(now)).order_by(IngestJob.id).limit(1)
        if postgres:
            query = query.with_for_update(skip_locked=True)
        job_id = session.scalar(query)
        if job_id is None:
            session.rollback()
            return None
        taken = _take(session, job_id, owner, now, seconds)
        session.commit()
        if taken:
            return job_id
    return None


def claim(session: Session, job_id: int, owner: str, seconds: float) -> bool:
    """Claim one given job (if still claimable) and commit: whether it is now ``owner``'s."""
    taken = _take(session, job_id, owner, datetime.now(UTC), seconds)
    session.commit()
    return taken


def finish(session: Session, job_id: int, owner: str, status: str, **values: object) -> bool:
    """Mark ``owner``'s job finished (the caller commits); False when the lease went to another
    worker meanwhile (this one took too long: the other's outcome counts)."""
    done = session.execute(
        update(IngestJob)
        .where(IngestJob.id == job_id, IngestJob.status == RUNNING, IngestJob.lease_owner == owner)
        .values(status=status, content=None, finished_at=datetime.now(UTC), lease_owner=None, **values)
        .execution_options(synchronize_session=False)
    )
    return done.rowcount == 1


def recent_jobs(session: Session, user_id: int, limit: int = 20) -> list[IngestJob]:
    """A user's latest uploads, newest first."""
    query = select(IngestJob).where(IngestJob.user_id == user_id).order_by(IngestJob.id.desc()).limit(limit)
    return list(session.scalars(query))


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(IngestJob.status.in_((QUEUED, RUNNING)))) or 0
