"""Calendar feeds: each user's secret iCalendar address, with one all-day event per deadline or
recurring round in their scope (issue 11).

The address holds a random token (``/calendar/<token>.ics``); only its SHA-256 is stored, so it
is shown once, when made; making it again replaces it and the old address stops working at once,
as it does when revoked. Outlook, Google Calendar and Thunderbird subscribe to such an address
and read it again every few hours.

What is in it: open, tracked tasks (an officer's: those their agency leads or coordinates; the
office's and the leaders': all), each deadline from ``PAST_DAYS`` ago to ``AHEAD_DAYS`` ahead as
an all-day event, a recurring task as one event per round not yet reported done
(``chidao.tracking.rounds.occurrences``). A task keeps its UID (``task-<id>@chidao``) when its
deadline moves, so subscribers see the event move rather than a new one; a round's UID holds its
date. The calendar says it is in Asia/Ho_Chi_Minh (X-WR-TIMEZONE and a VTIMEZONE of UTC+7 without
summer time), so that clients showing it in another zone keep the days.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneStandard
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.feeds import CalendarFeed
from chidao.store.models import Assignment, Document, Task, User
from chidao.tracking.rounds import occurrences, recorded_rounds
from chidao.tracking.task_state import log
from chidao.vocab import AgencyRole, TaskStatus, UserRole

ZONE = "Asia/Ho_Chi_Minh"
PAST_DAYS, AHEAD_DAYS = 60, 400
MAX_TASKS = 5000
TITLE_CHARS = 90
DOMAIN = "chidao"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_feed(*, session: Session, user: User) -> str:
    """A new secret address token for ``user`` (any previous one stops working); shown once."""
    token = "cal_" + secrets.token_urlsafe(32)
    row = session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    action = "regenerate" if row is not None else "create"
    if row is None:
        row = CalendarFeed(user_id=user.id, token_hash=_hash(token))
        session.add(row)
    else:
        row.token_hash, row.created_at, row.last_used_at = _hash(token), datetime.now(UTC), None
    session.flush()
    log(session, user.id, "calendar_feed", row.id, action, after={"user_id": user.id})
    return token


def revoke_feed(*, session: Session, user: User) -> bool:
    """End the user's address; False when there was none."""
    row = session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if row is None:
        return False
    log(session, user.id, "calendar_feed", row.id, "revoke", before={"user_id": user.id})
    session.delete(row)
    session.flush()
    return True


def feed_of(session: Session, user: User) -> CalendarFeed | None:
    """The user's feed (when made, when last read), without its token."""
    return session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def feed_user(*, session: Session, token: str) -> User | None:
    """The active user whose address holds ``token``; notes when it was read (once an hour)."""
    row = session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    user = session.get(User, row.user_id) if row is not None else None
    if user is None or not user.is_active:
        return None
    now = datetime.now(UTC)
    last = row.last_used_at
    if last is None or (last if last.tzinfo else last.replace(tzinfo=UTC)) < now - timedelta(hours=1):
        row.last_used_at = now
        session.flush()
    return user


@dataclass(frozen=True)
class Due:
    task: Task
    day: date
    round: bool  # one round of a recurring task


def _tasks(session: Session, user: User, start: date, end: date) -> list[tuple[Task, date | None]]:
    """The open tasks of the user's scope due in the window or recurring, with their document's date."""
    query = select(Task, Document.doc_date).join(Document, Document.id == Task.document_id)
    query = query.where(Task.tracked.is_(True), Task.deleted.is_(False), Task.status.in_(TaskStatus.open()))
    query = query.where(or_(Task.deadline.between(start, end), Task.recurrence.is_not(None)))
    if user.role == UserRole.AGENCY:
        theirs = select(Assignment.id).where(Assignment.task_id == Task.id, Assignment.agency_id == user.agency_id)
        query = query.where(exists(theirs))
    return [tuple(r) for r in session.execute(query.order_by(Task.deadline, Task.id).limit(MAX_TASKS))]


def due_dates(*, session: Session, user: User, today: date, calendar: WorkCalendar | None = None) -> list[Due]:
    """Every deadline and round of the user's scope in the feed's window, by date."""
    start, end = today - timedelta(days=PAST_DAYS), today + timedelta(days=AHEAD_DAYS)
    found: list[Due] = []
    for task, issued in _tasks(session, user, start, end):
        if not task.recurrence:
            found.append(Due(task, task.deadline, False))
            continue
        first = max(start, issued) if issued else start  # rounds start with the document
        if first > end:
            continue
        done = recorded_rounds(session, task, first, end)
        found += [Due(task, d, True) for d in occurrences(task, first, end, calendar) if done.get(d) is None]
    return sorted(found, key=lambda d: (d.day, d.task.id))


def _timezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", ZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=7))
    standard.add("tzoffsetto", timedelta(hours=7))
    standard.add("tzname", "+07")
    zone.add_component(standard)
    return zone


def _names(task: Task, role: str) -> str:
    return ", ".join(a.agency.name for a in task.assignments if a.role == role)


def _event(due: Due, base_url: str, stamp: datetime) -> Event:
    task = due.task
    text = " ".join(task.text.split())
    title = text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"
    lead = _names(task, AgencyRole.LEAD)
    event = Event()
    uid = f"task-{task.id}-{due.day:%Y%m%d}@{DOMAIN}" if due.round else f"task-{task.id}@{DOMAIN}"
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", due.day)
    event.add("dtend", due.day + timedelta(days=1))
    event.add("summary", f"Hạn: {title}" + (f" ({lead})" if lead else ""))
    url = f"{base_url.rstrip('/')}/tasks/{task.id}"
    lines = [text, "", f"Chủ trì: {lead or '—'}"]
    coordinators = _names(task, AgencyRole.COORDINATOR)
    if coordinators:
        lines.append(f"Phối hợp: {coordinators}")
    if task.deadline_text:
        lines.append(f"Thời hạn: {task.deadline_text}")
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("sequence", 0 if due.round else max(task.version - 1, 0))
    event.add("categories", ["chidao"])
    return event


def build_calendar(
    *, session: Session, user: User, today: date, base_url: str, calendar: WorkCalendar | None = None
) -> bytes:
    """The user's feed as an iCalendar file (RFC 5545), UTF-8."""
    cal = Calendar()
    cal.add("prodid", "-//chidao//Theo dõi nhiệm vụ//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"chidao · {user.username}")
    cal.add("x-wr-timezone", ZONE)
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add_component(_timezone())
    stamp = datetime.now(UTC).replace(microsecond=0)
    for due in due_dates(session=session, user=user, today=today, calendar=calendar):
        cal.add_component(_event(due, base_url, stamp))
    return cal.to_ical()
