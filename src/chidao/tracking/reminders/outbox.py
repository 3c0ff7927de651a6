"""The outbox: one row per recipient, kind and day, written when the day's digests are built and
marked when sent. Building inserts with "on conflict do nothing" on the unique key, so building
a day twice (two workers, a rerun of ``chidao remind``, a restart half-way) adds nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chidao.store.mail import MailRun, OutboxMail
from chidao.tracking.reminders.render import Mail

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
INSERT_BATCH = 500


def _insert(session: Session):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(OutboxMail)


def store_mails(*, session: Session, day: date, kinds: list[str], mails: list[Mail]) -> int:
    """Queue ``mails`` (``kinds[i]`` the kind of ``mails[i]``) for ``day``; those already queued
    are left as they are. Returns how many rows are new."""
    rows = [
        {
            "recipient": mail.recipient,
            "kind": kind,
            "day": day,
            "subject": mail.subject,
            "text_body": mail.text,
            "html_body": mail.html,
            "state": PENDING,
            "attempts": 0,
            "last_error": "",
        }
        for kind, mail in zip(kinds, mails, strict=True)
    ]
    added = 0
    for start in range(0, len(rows), INSERT_BATCH):
        statement = _insert(session).values(rows[start : start + INSERT_BATCH]).on_conflict_do_nothing()
        added += len(session.execute(statement.returning(OutboxMail.id)).all())
    return added


def mark_built(*, session: Session, day: date, mails: int) -> None:
    statement = _insert_run(session).values(day=day, mails=mails, built_at=datetime.now(UTC)).on_conflict_do_nothing()
    session.execute(statement)


def _insert_run(session: Session):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(MailRun)


def built(session: Session, day: date) -> bool:
    return session.get(MailRun, day) is not None


def counts(session: Session, day: date | None = None) -> dict[str, int]:
    """Rows of the outbox by state (of one day, or all)."""
    query = select(OutboxMail.state, func.count()).group_by(OutboxMail.state)
    if day is not None:
        query = query.where(OutboxMail.day == day)
    return dict(session.execute(query).all())
