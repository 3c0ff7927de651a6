"""One day's reminders, from building to sending: what ``chidao remind`` and the scheduler in
``chidao serve`` both do.

``build_day`` builds the day's digests and queues one outbox row per recipient and kind, then
records the day as built, all in one transaction: a process killed before the commit leaves
nothing, one killed after leaves the rows for the next run to send. A day already built is not
built again, so a second run for the same day queues nothing and sends only what is still due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.reminders.build import build_digests
from chidao.tracking.reminders.delivery import Backoff, Sent, send_pending
from chidao.tracking.reminders.outbox import built, mark_built, store_mails
from chidao.tracking.reminders.render import Mail, address, write
from chidao.tracking.reminders.signing import link_key
from chidao.tracking.reminders.smtp import SmtpSender


@dataclass
class DayResult:
    day: date
    working_day: bool
    already_built: bool = False
    mails: list[tuple[str, Mail]] = field(default_factory=list)  # (kind, mail) built this time
    queued: int = 0
    sent: Sent = field(default_factory=Sent)


def render_day(session: Session, *, day: date, calendar: WorkCalendar, base_url: str) -> list[tuple[str, Mail]]:
    """Every mail of ``day``: a copy of each digest per recipient."""
    digests = build_digests(session=session, day=day, calendar=calendar)
    key, mails = link_key(session), []
    for digest in digests:
        bodies = write(digest, base_url=base_url)
        mails += [(digest.kind, address(bodies, r, base_url=base_url, key=key)) for r in digest.recipients]
    return mails


def build_day(
    sessions: sessionmaker[Session], *, day: date, calendar: WorkCalendar, base_url: str, dry_run: bool = False
) -> DayResult:
    """Build and queue ``day``'s mails (``dry_run``: build them, queue nothing)."""
    result = DayResult(day, calendar.is_working_day(day))
    with sessions() as session:
        if not dry_run and built(session, day):
            result.already_built = True
            return result
        result.mails = render_day(session, day=day, calendar=calendar, base_url=base_url)
        if dry_run:
            session.rollback()
            return result
        kinds, mails = [k for k, _ in result.mails], [m for _, m in result.mails]
        result.queued = store_mails(session=session, day=day, kinds=kinds, mails=mails)
        mark_built(session=session, day=day, mails=result.queued)
        session.commit()
    return result


def remind(
    sessions: sessionmaker[Session],
    sender: SmtpSender | Sequence[SmtpSender] | None,
    *,
    day: date,
    calendar: WorkCalendar,
    base_url: str,
    dry_run: bool = False,
    backoff: Backoff | None = None,
) -> DayResult:
    """Build ``day`` (once) and send what is due of it (nothing without a sender)."""
    result = build_day(sessions, day=day, calendar=calendar, base_url=base_url, dry_run=dry_run)
    if not dry_run and sender is not None:
        result.sent = send_pending(sessions, sender, day=day, backoff=backoff)
    return result
