"""The notifications page (the bell's list): newest first, mark one or all read."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.tracking import notifications
from chidao.web.deps import CsrfChecked, Id, PageNo, PageUser, SessionDep, not_found
from chidao.web.pages.forms import PageForm, done, text_field
from chidao.web.pages.listing import pager
from chidao.web.pages.notices import describe
from chidao.web.pages.respond import respond

router = APIRouter()
PER_PAGE = 30


@router.get("/notifications")
def notifications_page(
    request: Request,
    session: SessionDep,
    user: PageUser,
    show: Annotated[Literal["all", "unread"], Query()] = "all",
    page: PageNo = 1,
) -> Response:
    """The user's notifications, unread ones marked, each with a link to its task."""
    found = notifications.list_notifications(
        session=session, user=user, unread_only=show == "unread", page=page, per_page=PER_PAGE
    )
    items = [{"row": r, "details": describe(r.kind, r.data or {})} for r in found.rows]
    context = {
        "title": msg("notifications.title"),
        "nav": "notifications",
        "items": items,
        "unread_total": found.unread,
        "show": show,
        "pager": pager(request, page=page, per_page=PER_PAGE, total=found.total),
    }
    return respond(request, "notifications.html", context)


@router.post("/notifications/{notification_id:int}/read", dependencies=[CsrfChecked])
def read_one(notification_id: Id, session: SessionDep, user: PageUser, form: PageForm) -> Response:
    """Mark one read; ``open=1`` then goes to its task, else back to the list."""
    row = notifications.mark_read(session=session, user=user, notification_id=notification_id)
    if row is None:
        raise not_found("notification", notification_id)
    session.commit()
    if text_field(form, "open", limit=2) == "1" and row.task_id is not None:
        return done(f"/tasks/{row.task_id}", msg("notifications.marked_read"))
    return done("/notifications", msg("notifications.marked_read"))


@router.post("/notifications/read-all", dependencies=[CsrfChecked])
def read_all(session: SessionDep, user: PageUser) -> Response:
    marked = notifications.mark_all_read(session=session, user=user)
    session.commit()
    return done("/notifications", msg("notifications.marked_all_read", count=marked))
