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

import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from chidao.store.mail import OutboxMail
from chidao.tracking.reminders.outbox import FAILED, PENDING, SENDING, SENT
from chidao.tracking.reminders.smtp import Outgoing, Permanent, SmtpSender, Transient

STALE = timedelta(minutes=10)
BATCH = 200
CONNECTIONS = 4  # SMTP connections a sender opens at once
TRANSIENT, DONE = "transient", "done"


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
    """Take up to ``BATCH`` due rows: one update marks them ``sending`` at this instant (a row
    another sender took meanwhile no longer matches ``_due``), committed before anything is sent;
    the rows marked at this very instant are ours."""
    ids = list(session.scalars(select(OutboxMail.id).where(_due(now, day)).order_by(OutboxMail.id).limit(BATCH)))
    if not ids:
        return []
    session.execute(
        update(OutboxMail).where(OutboxMail.id.in_(ids), _due(now, day)).values(state=SENDING, claimed_at=now)
    )
    session.commit()
    ours = and_(OutboxMail.id.in_(ids), OutboxMail.state == SENDING, OutboxMail.claimed_at == now)
    return list(session.scalars(select(OutboxMail).where(ours).order_by(OutboxMail.id)))


def send_pending(
    sessions: sessionmaker[Session],
    sender: SmtpSender | Sequence[SmtpSender],
    *,
    day: date | None = None,
    backoff: Backoff | None = None,
    keep_going=lambda: True,
) -> Sent:
    """Send every due row (of ``day``, or all), batch by batch, until none is left, the server
    fails (the rest then waits for the backoff) or ``keep_going()`` says stop. Several senders
    (connections) share each batch: sending is bound by the server's round trips, not by us."""
    senders = [sender] if isinstance(sender, SmtpSender) else list(sender)
    backoff, result = backoff or Backoff(), Sent()
    with sessions() as session:
        while keep_going():
            batch = _claim(session, datetime.now(UTC), day)
            if not batch:
                break
            if not _send_batch(session, senders, batch, backoff, result):
                break
    return result


def _send_chunk(sender: SmtpSender, mails: list[tuple[int, Outgoing]], outcomes: queue.Queue) -> None:
    """Send on one connection, reporting each row's fate; stop at the first transient failure."""
    try:
        for row_id, mail in mails:
            try:
                sender.send(mail)
            except Transient as error:
                outcomes.put((TRANSIENT, row_id, str(error)))
                return
            except Permanent as error:
                outcomes.put((FAILED, row_id, str(error)))
            else:
                outcomes.put((SENT, row_id, ""))
    finally:
        outcomes.put((DONE, 0, ""))


def _send_batch(session: Session, senders: list[SmtpSender], batch: list[OutboxMail], backoff, result: Sent) -> bool:
    """Send ``batch`` over the connections; each row is marked (and committed) as its answer comes."""
    outcomes: queue.Queue = queue.Queue()
    rows = {row.id: row for row in batch}
    chunks = [[(row.id, _outgoing(row)) for row in batch[i :: len(senders)]] for i in range(len(senders))]
    threads = [
        threading.Thread(target=_send_chunk, args=(s, c, outcomes)) for s, c in zip(senders, chunks, strict=True) if c
    ]
    for thread in threads:
        thread.start()
    running, failure = len(threads), ""
    while running:
        fate, row_id, error = outcomes.get()
        if fate == DONE:
            running -= 1
            continue
        row = rows.pop(row_id)
        if fate == TRANSIENT:
            failure, rows[row_id] = error, row  # left for the retry with the unsent
            continue
        row.attempts += 1
        if fate == SENT:
            row.state, row.sent_at = SENT, datetime.now(UTC)
            result.sent += 1
        else:
            row.state, row.last_error = FAILED, error[:300]
            result.failed += 1
        session.commit()
    for thread in threads:
        thread.join()
    if failure:
        _defer(session, sorted(rows.values(), key=lambda r: r.id), backoff, failure, result)
    return not failure


def _defer(session: Session, rows: list[OutboxMail], backoff: Backoff, error: str, result: Sent) -> None:
    """The server failed (on ``rows[0]``, the oldest unsent): it is tried again later, the rest with it."""
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
