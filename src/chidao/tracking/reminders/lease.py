"""A lease in the database: the one holder (a worker of ``chidao serve``, on this host or
another, or ``chidao remind``) that may build and send the digests until it expires. A
holder renews its lease while it works; one that dies loses it when it expires."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chidao.store.mail import JobLease

MAIL_LEASE = "mail"


def holder_name() -> str:
    """Who this process is, for the lease row: host, process id and a random part."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def acquire(*, session: Session, holder: str, seconds: int, name: str = MAIL_LEASE) -> bool:
    """Take or renew the lease for ``seconds``; False when someone else holds a live one.
    Commits (a lease is only worth something once others can see it)."""
    now = datetime.now(UTC)
    until = now + timedelta(seconds=seconds)
    taken = session.execute(
        update(JobLease)
        .where(JobLease.name == name, or_(JobLease.holder == holder, JobLease.expires_at < now))
        .values(holder=holder, expires_at=until)
    ).rowcount
    if not taken:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        insert = dialect.insert(JobLease).values(name=name, holder=holder, expires_at=until).on_conflict_do_nothing()
        taken = len(session.execute(insert.returning(JobLease.name)).all())
    session.commit()
    return bool(taken)


def release(*, session: Session, holder: str, name: str = MAIL_LEASE) -> None:
    session.execute(delete(JobLease).where(JobLease.name == name, JobLease.holder == holder))
    session.commit()
