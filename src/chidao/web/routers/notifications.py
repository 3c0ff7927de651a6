"""In-app notifications (the bell) and the user's calendar feed address."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from chidao.tracking import calendar_feed, notifications
from chidao.vocab import EventKind
from chidao.web.deps import CurrentUser, Id, PageNo, SessionDep, not_found
from chidao.web.schemas.feeds import (
    CalendarFeedPublic,
    Marked,
    NewCalendarFeed,
    NotificationPage,
    NotificationPublic,
    UnreadCount,
)

router = APIRouter(tags=["notifications"])


def notification_public(row) -> NotificationPublic:
    kind = EventKind(row.kind)
    return NotificationPublic(
        id=row.id,
        kind=kind,
        label=kind.label,
        task_id=row.task_id,
        summary=row.summary,
        data=row.data or {},
        created_at=row.created_at,
        read_at=row.read_at,
    )


@router.get("/notifications")
def list_notifications(
    session: SessionDep,
    user: CurrentUser,
    unread: Annotated[bool, Query(description="only those not read yet")] = False,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> NotificationPage:
    """Your notifications, newest first, with how many you have not read."""
    found = notifications.list_notifications(
        session=session, user=user, unread_only=unread, page=page, per_page=per_page
    )
    items = [notification_public(r) for r in found.rows]
    return NotificationPage(items=items, total=found.total, unread=found.unread, page=page, per_page=per_page)


@router.get("/notifications/unread-count")
def unread_count(session: SessionDep, user: CurrentUser) -> UnreadCount:
    """The bell's number."""
    return UnreadCount(unread=notifications.unread_count(session, user.id))


@router.post("/notifications/{notification_id}/read", responses={404: {"description": "not one of yours"}})
def mark_read(notification_id: Id, session: SessionDep, user: CurrentUser) -> NotificationPublic:
    """Mark one of your notifications read (again: no change)."""
    row = notifications.mark_read(session=session, user=user, notification_id=notification_id)
    if row is None:
        raise not_found("notification", notification_id)
    session.commit()
    return notification_public(row)


@router.post("/notifications/read-all")
def mark_all_read(session: SessionDep, user: CurrentUser) -> Marked:
    """Mark every notification of yours read."""
    marked = notifications.mark_all_read(session=session, user=user)
    session.commit()
    return Marked(marked=marked)


@router.get("/calendar-feed")
def calendar_feed_state(session: SessionDep, user: CurrentUser) -> CalendarFeedPublic:
    """Whether you have a calendar address, since when, and when a calendar last read it."""
    row = calendar_feed.feed_of(session, user)
    if row is None:
        return CalendarFeedPublic(exists=False)
    return CalendarFeedPublic(exists=True, created_at=row.created_at, last_used_at=row.last_used_at)


@router.post("/calendar-feed", status_code=status.HTTP_201_CREATED)
def create_calendar_feed(request: Request, session: SessionDep, user: CurrentUser) -> NewCalendarFeed:
    """A new secret iCalendar address (any previous one stops working), shown this once."""
    token = calendar_feed.create_feed(session=session, user=user)
    session.commit()
    return NewCalendarFeed(url=feed_url(request, token), token=token)


@router.delete("/calendar-feed", status_code=status.HTTP_204_NO_CONTENT, responses={404: {"description": "none"}})
def revoke_calendar_feed(session: SessionDep, user: CurrentUser) -> None:
    """Your calendar address stops working at once."""
    if not calendar_feed.revoke_feed(session=session, user=user):
        raise not_found("calendar feed of user", user.id)
    session.commit()


def feed_url(request: Request, token: str) -> str:
    """The absolute address calendars subscribe to (as the request reached chidao)."""
    return str(request.url_for("calendar_ics", token=token))
