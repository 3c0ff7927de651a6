"""In-app notifications (the bell): who is told of which event, and reading them back.

Who hears of what is one table, ``AUDIENCES``: the clerks (role ``clerk``), the officers of the
task's lead agency, of its coordinating agencies, or the user who asked for an extension. The
one who acted is never told of their own act, nor are their agency's colleagues (they know).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from chidao.store.feeds import Notification
from chidao.store.models import User
from chidao.tracking.event import Event
from chidao.vocab import EventKind, UserRole

CLERKS, LEAD, COORDINATORS, REQUESTER = "clerks", "lead", "coordinators", "requester"
AUDIENCES: dict[EventKind, tuple[str, ...]] = {
    EventKind.TASK_CREATED: (LEAD, COORDINATORS),  # a new task assigned to an agency
    EventKind.TASK_UPDATED: (LEAD, COORDINATORS),
    EventKind.TASK_OVERDUE: (LEAD, CLERKS),
    EventKind.TASK_COMPLETED: (CLERKS,),  # a completion to accept
    EventKind.PROGRESS_REPORTED: (CLERKS, LEAD),  # the lead hears of its coordinators' parts
    EventKind.EXTENSION_REQUESTED: (CLERKS,),
    EventKind.EXTENSION_DECIDED: (LEAD, REQUESTER),
}


class _Recipients:
    """Active users by role and by agency, each asked of the database once per batch of events."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._clerks: list[int] | None = None
        self._by_agency: dict[int, list[int]] = {}

    def clerks(self) -> list[int]:
        if self._clerks is None:
            query = select(User.id).where(User.role == UserRole.CLERK, User.is_active.is_(True))
            self._clerks = list(self.session.scalars(query))
        return self._clerks

    def officers(self, agency_ids: Iterable[int]) -> list[int]:
        agency_ids = list(agency_ids)
        wanted = [a for a in dict.fromkeys(agency_ids) if a not in self._by_agency]
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            self._by_agency.update((agency_id, []) for agency_id in chunk)
            query = select(User.id, User.agency_id).where(
                User.agency_id.in_(chunk), User.role == UserRole.AGENCY, User.is_active.is_(True)
            )
            for user_id, agency_id in self.session.execute(query):
                self._by_agency[agency_id].append(user_id)
        return [u for a in agency_ids for u in self._by_agency[a]]

    def of(self, event: Event) -> list[int]:
        """The users to tell of ``event``, in a stable order, each once."""
        found: list[int] = []
        for audience in AUDIENCES.get(event.kind, ()):
            if audience == CLERKS:
                found += self.clerks()
            elif audience == REQUESTER and event.data.get("requested_by_id"):
                found.append(int(event.data["requested_by_id"]))
            elif audience in (LEAD, COORDINATORS):
                role = "lead" if audience == LEAD else "coordinator"
                agencies = [a.agency_id for a in event.task.assignments if a.role == role]
                found += self.officers(a for a in agencies if a != event.actor_agency_id)
        return [u for u in dict.fromkeys(found) if u != event.actor_id]


class NotificationChannel:
    """The channel that writes one unread notification per recipient."""

    name = "notifications"

    def accept(self, session: Session, events: list[Event]) -> None:
        recipients = _Recipients(session)
        recipients.officers({a.agency_id for e in events for a in e.task.assignments})  # one query for all
        rows = [
            Notification(user_id=user_id, kind=str(e.kind), task_id=e.task.id, summary=e.summary(), data=e.data)
            for e in events
            for user_id in recipients.of(e)
        ]
        session.add_all(rows)
        session.flush()


NOTIFICATIONS = NotificationChannel()


@dataclass(frozen=True)
class NotificationPage:
    rows: list[Notification]
    total: int
    unread: int


def unread_count(session: Session, user_id: int) -> int:
    """How many notifications ``user_id`` has not read (the bell's number)."""
    query = select(func.count(Notification.id)).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    return session.scalar(query) or 0


def list_notifications(
    *, session: Session, user: User, unread_only: bool = False, page: int = 1, per_page: int = 50
) -> NotificationPage:
    """A page of the user's notifications, newest first, with how many there are and are unread."""
    where = [Notification.user_id == user.id]
    if unread_only:
        where.append(Notification.read_at.is_(None))
    total = session.scalar(select(func.count(Notification.id)).where(*where)) or 0
    query = select(Notification).where(*where).order_by(Notification.id.desc())
    rows = list(session.scalars(query.offset((page - 1) * per_page).limit(per_page)))
    return NotificationPage(rows, total, unread_count(session, user.id))


def mark_read(*, session: Session, user: User, notification_id: int) -> Notification | None:
    """Mark one of the user's notifications read (None: not theirs, or none such). Reading twice
    keeps the first time."""
    row = session.get(Notification, notification_id)
    if row is None or row.user_id != user.id:
        return None
    if row.read_at is None:
        row.read_at = datetime.now(UTC)
        session.flush()
    return row


def mark_all_read(*, session: Session, user: User) -> int:
    """Mark every unread notification of the user read; how many were."""
    result = session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=datetime.now(UTC))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0
