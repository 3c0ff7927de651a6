"""The calendar page (make, remake or end one's secret iCalendar address) and the feed itself.

The feed (``/calendar/<token>.ics``) needs no login: calendar programs cannot log in, the secret
in the address is the credential. An unknown, replaced or revoked token, or one of a
deactivated user, answers 404 like any address that does not exist.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.tracking import calendar_feed
from chidao.web.deps import CsrfChecked, PageUser, SessionDep, TodayDep, not_found
from chidao.web.pages.forms import done
from chidao.web.pages.respond import respond
from chidao.web.routers.notifications import feed_url

router = APIRouter()
Token = Annotated[str, Path(min_length=8, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]


def _page(request: Request, session, user, new_url: str | None = None) -> Response:
    context = {
        "title": msg("calendar_page.title"),
        "nav": "calendar",
        "feed": calendar_feed.feed_of(session, user),
        "new_url": new_url,
    }
    return respond(request, "calendar.html", context)


@router.get("/calendar")
def calendar_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    """Whether the user has a calendar address, and the buttons to make or end it."""
    return _page(request, session, user)


@router.post("/calendar/new", dependencies=[CsrfChecked])
def new_feed(request: Request, session: SessionDep, user: PageUser) -> Response:
    """Make (or remake) the address and show it this once (no redirect: it is not put in a URL)."""
    token = calendar_feed.create_feed(session=session, user=user)
    session.commit()
    return _page(request, session, user, new_url=feed_url(request, token))


@router.post("/calendar/revoke", dependencies=[CsrfChecked])
def revoke_feed(session: SessionDep, user: PageUser) -> Response:
    ended = calendar_feed.revoke_feed(session=session, user=user)
    session.commit()
    return done("/calendar", msg("calendar_page.revoked") if ended else msg("calendar_page.no_feed"))


@router.get("/calendar/{token}.ics", name="calendar_ics")
def calendar_ics(token: Token, request: Request, session: SessionDep, today: TodayDep) -> Response:
    """The user's deadlines as iCalendar (text/calendar), for Outlook, Google Calendar, Thunderbird."""
    user = calendar_feed.feed_user(session=session, token=token)
    if user is None:
        raise not_found("calendar", 0)
    body = calendar_feed.build_calendar(
        session=session, user=user, today=today, base_url=str(request.base_url), calendar=request.app.state.calendar
    )
    session.commit()  # when it was last read
    headers = {"Content-Disposition": 'inline; filename="chidao.ics"', "Cache-Control": "private, max-age=300"}
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)
