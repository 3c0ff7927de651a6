"""Every digest of one day: the agencies', the office's and (on the first working day of a week)
the leaders', with the task texts filled in by one read per thousand tasks, and the addresses
that opted out of a kind left out."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Task
from chidao.tracking.reminders.agency_digest import agency_digests
from chidao.tracking.reminders.contacts import opted_out
from chidao.tracking.reminders.model import Digest
from chidao.tracking.reminders.policy import Policy, current_policy
from chidao.tracking.reminders.schedule import Schedule
from chidao.tracking.reminders.summary import clerk_digest, leader_digest
from chidao.tracking.reminders.window import Window

TEXT_BATCH = 1000


def build_digests(*, session: Session, day: date, calendar: WorkCalendar, policy: Policy | None = None) -> list[Digest]:
    """The digests of ``day`` (none on a day off: reminders go out on working days only)."""
    if not calendar.is_working_day(day):
        return []
    schedule = Schedule(policy or current_policy(session), calendar, day)
    window = Window.before(calendar, day)
    digests = agency_digests(session, schedule, window)
    digests += [d for d in (clerk_digest(session, schedule, window), leader_digest(session, schedule)) if d]
    refused = opted_out(session)
    for digest in digests:
        digest.recipients = [r for r in digest.recipients if (r, digest.kind) not in refused]
    digests = [d for d in digests if d.recipients]
    _fill_texts(session, digests)
    return digests


def _fill_texts(session: Session, digests: list[Digest]) -> None:
    lines = [line for d in digests for s in d.sections for line in s.lines if line.task_id]
    wanted = sorted({line.task_id for line in lines})
    texts: dict[int, str] = {}
    for start in range(0, len(wanted), TEXT_BATCH):
        batch = wanted[start : start + TEXT_BATCH]
        texts.update(session.execute(select(Task.id, Task.text).where(Task.id.in_(batch))).all())
    for line in lines:
        line.text = " ".join(texts.get(line.task_id, "").split())
