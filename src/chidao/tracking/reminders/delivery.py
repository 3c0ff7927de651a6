"""Sending the outbox: each due row is claimed (state ``sending``, in its own committed
update, so two senders never take the same row), sent, and marked ``sent`` at once.

A row whose sending failed for the server's sake (down, 4xx) goes back to ``pending`` with a
later ``next_attempt_at`` (backoff doubling from ``Backoff.first`` up to ``Backoff.most``); the
rest of the batch waits as long, since the server is evidently unwell. After ``Backoff.tries``
attempts, or at once on a permanent refusal, it is ``failed``. A row left ``sending`` by a
process that died (``kill -9`` between claim and mark) is taken again after ``STALE``: the one
window in which a mail can go twice is a death after the server accepted it and before the mark
— SMTP gives no way to ask whether it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from chidao.store.mail import OutboxMail
from chidao.tracking.reminders.outbox import FAILED, PENDING, SENDING, SENT
from chidao.tracking.reminders.smtp import Outgoing, Permanent, SmtpSender, Transient

STALE = timedelta(minutes=10)
BATCH = 200


@dataclass(frozen=True)
class Backoff:
    first: float = 60.0  # seconds before the first retry
    most: float = 3600.0
    tries: int = 12

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.most, self.first * 2 ** max(0, attempts - 1)))


@dataclass
class Sent:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    error: str = ""


def _due(now: datetime, day: date | None):
    ready = and_(
        OutboxMail.state == PENDING, or_(OutboxMail.next_attempt_at.is_(None), OutboxMail.next_attempt_at <= now)
    )
    abandoned = and_(OutboxMail.state == SENDING, OutboxMail.claimed_at < now - STALE)
    where = or_(ready, abandoned)
    return and_(where, OutboxMail.day == day) if day is not None else where


def _claim(session: Session, now: datetime, day: date | None) -> list[OutboxMail]:
    ids = list(session.scalars(select(OutboxMail.id).where(_due(now, day)).order_by(OutboxMail.id).limit(BATCH)))
    claimed = [
        row_id
        for row_id in ids
        if session.execute(
            update(OutboxMail).where(OutboxMail.id == row_id, _due(now, day)).values(state=SENDING, claimed_at=now)
        ).rowcount
    ]
    session.commit()
    return list(session.scalars(select(OutboxMail).where(OutboxMail.id.in_(claimed)).order_by(OutboxMail.id)))


def send_pending(
    sessions: sessionmaker[Session],
    sender: SmtpSender,
    *,
    base_url: str = "",
    day: date | None = None,
    backoff: Backoff | None = None,
    keep_going=lambda: True,
) -> Sent:
    """Send every due row (of ``day``, or all), batch by batch, until none is left, the server
    fails (the rest then waits for the backoff) or ``keep_going()`` says stop."""
    backoff, result = backoff or Backoff(), Sent()
    with sessions() as session:
        while keep_going():
            batch = _claim(session, datetime.now(UTC), day)
            if not batch:
                break
            if not _send_batch(session, sender, batch, backoff, result, base_url):
                break
    return result


def _send_batch(session: Session, sender: SmtpSender, batch, backoff: Backoff, result: Sent, base_url: str) -> bool:
    for index, row in enumerate(batch):
        try:
            sender.send(_outgoing(row))
        except Transient as error:
            _defer(session, batch[index:], backoff, str(error), result)
            return False
        except Permanent as error:
            row.state, row.last_error, row.attempts = FAILED, str(error)[:300], row.attempts + 1
            result.failed += 1
        else:
            row.state, row.sent_at, row.attempts = SENT, datetime.now(UTC), row.attempts + 1
            result.sent += 1
        session.commit()
    return True


def _defer(session: Session, rows: list[OutboxMail], backoff: Backoff, error: str, result: Sent) -> None:
    """The server failed on ``rows[0]``: it is tried again later, and the rest with it."""
    first = rows[0]
    first.attempts += 1
    retry_at = datetime.now(UTC) + backoff.delay(first.attempts)
    for row in rows:
        row.state, row.next_attempt_at, row.last_error = PENDING, retry_at, error[:300]
    if first.attempts >= backoff.tries:
        first.state = FAILED
        result.failed += 1
    result.deferred += len(rows) - (first.state == FAILED)
    result.error = error
    session.commit()


def _outgoing(row: OutboxMail) -> Outgoing:
    """The row as a message; its preferences link (the text part's last word) as List-Unsubscribe."""
    link = row.text_body.rstrip().rpartition("\n")[2].rpartition(" ")[2]
    unsubscribe = link if "/mail/preferences?token=" in link else ""
    return Outgoing(row.recipient, row.subject, row.text_body, row.html_body, unsubscribe=unsubscribe)
