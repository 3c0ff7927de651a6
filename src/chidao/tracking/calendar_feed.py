"""Calendar feeds: each user's secret iCalendar address, with one all-day event per deadline or
recurring round in their scope (issue 11).

The address holds a random token (``/calendar/<token>.ics``); only its SHA-256 is stored, so it
is shown once, when made; making it again replaces it and the old address stops working at once,
as it does when revoked. Outlook, Google Calendar and Thunderbird subscribe to such an address
and read it again every few hours.

What is in it: open, tracked tasks (an officer's: those their agency leads or coordinates; the
office's and the leaders': all), each deadline from ``PAST_DAYS`` ago to ``AHEAD_DAYS`` ahead as
an all-day event, a recurring task as one event per round not yet reported done
(``chidao.tracking.rounds.occurrences``); the ``MAX_EVENTS`` nearest to today when there are
more. A task keeps its UID (``task-<id>@chidao``) when its deadline moves, so subscribers see
the event move rather than a new one; a round's UID holds its date. The calendar says it is in
Asia/Ho_Chi_Minh (X-WR-TIMEZONE and a VTIMEZONE of UTC+7 without summer time), so that clients
showing it in another zone keep the days.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.messages import msg
from chidao.store.feeds import CalendarFeed
from chidao.store.models import Assignment, Document, Task, User
from chidao.tracking import ical
from chidao.tracking.due_dates import Due, due_dates
from chidao.tracking.task_state import log
from chidao.vocab import AgencyRole, TaskStatus, UserRole

ZONE = "Asia/Ho_Chi_Minh"
PAST_DAYS, AHEAD_DAYS = 60, 400
MAX_EVENTS = 1000
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


def _scoped(query, user: User):
    query = query.join(Document, Document.id == Task.document_id)
    query = query.where(Task.tracked.is_(True), Task.deleted.is_(False), Task.status.in_(TaskStatus.open()))
    if user.role == UserRole.AGENCY:
        theirs = select(Assignment.id).where(Assignment.task_id == Task.id, Assignment.agency_id == user.agency_id)
        query = query.where(exists(theirs))
    return query


def _tasks(session: Session, user: User, today: date, start: date, end: date) -> list[tuple[Task, date | None]]:
    """The open tasks of the user's scope with a deadline in the window, nearest first, and the
    recurring ones; each with its document's date. ``MAX_EVENTS`` of each at most."""
    dated = _scoped(select(Task, Document.doc_date), user).where(
        Task.recurrence.is_(None), Task.deadline.between(start, end)
    )
    ahead = dated.where(Task.deadline >= today).order_by(Task.deadline, Task.id).limit(MAX_EVENTS)
    behind = dated.where(Task.deadline < today).order_by(Task.deadline.desc(), Task.id).limit(MAX_EVENTS)
    recurring = _scoped(select(Task, Document.doc_date), user).where(Task.recurrence.is_not(None))
    recurring = recurring.order_by(Task.id).limit(MAX_EVENTS)
    return [tuple(r) for query in (ahead, behind, recurring) for r in session.execute(query)]


def feed_dates(*, session: Session, user: User, today: date, calendar: WorkCalendar | None = None) -> list[Due]:
    """The deadlines and rounds of the user's scope in the feed's window, by date: the
    ``MAX_EVENTS`` nearest to ``today`` when there are more (a calendar of the whole province's
    hundred thousand deadlines would be refused by the clients, and read by nobody)."""
    start, end = today - timedelta(days=PAST_DAYS), today + timedelta(days=AHEAD_DAYS)
    found = due_dates(session, _tasks(session, user, today, start, end), start, end, calendar)
    if len(found) > MAX_EVENTS:
        found = sorted(found, key=lambda d: (abs((d.day - today).days), d.day < today, d.task.id))[:MAX_EVENTS]
    return sorted(found, key=lambda d: (d.day, d.task.id))


def _timezone() -> bytes:
    """Asia/Ho_Chi_Minh: UTC+7 all year (no summer time since 1975)."""
    return ical.lines(
        ("BEGIN", "VTIMEZONE"),
        ("TZID", ZONE),
        ("BEGIN", "STANDARD"),
        ("DTSTART", "19700101T000000"),
        ("TZOFFSETFROM", "+0700"),
        ("TZOFFSETTO", "+0700"),
        ("TZNAME", "+07"),
        ("END", "STANDARD"),
        ("END", "VTIMEZONE"),
    )


def _names(task: Task, role: str) -> str:
    return ", ".join(a.agency.name for a in task.assignments if a.role == role)


def _description(task: Task, text: str, lead: str, url: str) -> str:
    lines = [text, "", msg("tracking.calendar.lead", names=lead or "—")]
    coordinators = _names(task, AgencyRole.COORDINATOR)
    if coordinators:
        lines.append(msg("tracking.calendar.coordinators", names=coordinators))
    if task.deadline_text:
        lines.append(msg("tracking.calendar.deadline", deadline=task.deadline_text))
    lines.append(url)
    return "\n".join(lines)


def _event(due: Due, base_url: str, stamp: str) -> bytes:
    task = due.task
    text = " ".join(task.text.split())
    title = text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"
    lead = _names(task, AgencyRole.LEAD)
    uid = f"task-{task.id}-{due.day:%Y%m%d}@{DOMAIN}" if due.round else f"task-{task.id}@{DOMAIN}"
    url = f"{base_url.rstrip('/')}/tasks/{task.id}"
    return ical.lines(
        ("BEGIN", "VEVENT"),
        ("UID", uid),
        ("DTSTAMP", stamp),
        ("DTSTART;VALUE=DATE", ical.day(due.day)),
        ("DTEND;VALUE=DATE", ical.day(due.day + timedelta(days=1))),
        ("SUMMARY", ical.text(msg("tracking.calendar.summary", title=title) + (f" ({lead})" if lead else ""))),
        ("DESCRIPTION", ical.text(_description(task, text, lead, url))),
        ("URL;VALUE=URI", url),
        ("TRANSP", "TRANSPARENT"),  # a deadline does not make anyone busy
        ("SEQUENCE", str(0 if due.round else max(task.version - 1, 0))),
        ("CATEGORIES", "chidao"),
        ("END", "VEVENT"),
    )


def build_calendar(
    *, session: Session, user: User, today: date, base_url: str, calendar: WorkCalendar | None = None
) -> bytes:
    """The user's feed as an iCalendar file (RFC 5545), UTF-8."""
    head = ical.lines(
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", f"-//chidao//{msg('tracking.calendar.product')}//VI"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", ical.text(f"chidao · {user.username}")),
        ("X-WR-TIMEZONE", ZONE),
        ("X-PUBLISHED-TTL", "PT1H"),
        ("REFRESH-INTERVAL;VALUE=DURATION", "PT1H"),
    )
    stamp = ical.utc(datetime.now(UTC))
    dates = feed_dates(session=session, user=user, today=today, calendar=calendar)
    events = [_event(due, base_url, stamp) for due in dates]
    return head + _timezone() + b"".join(events) + ical.lines(("END", "VCALENDAR"))
