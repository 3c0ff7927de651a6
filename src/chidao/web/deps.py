"""Typed dependencies of the API and the pages: the database session, settings, today's date,
who is asking, role guards, and loading a task or document within what the user may see (404
outside it, never 403).

The API and the pages share one module (issue 9) so that both read the session cookie, check a
role and find a task the same way. They differ only in how they refuse: the API answers 401 with
an English detail, a page redirects to the login form (``LoginRequired``) and says 403 in
Vietnamese; every page form carries the session's CSRF token in a hidden field ``csrf_token``,
which ``check_csrf`` compares before anything changes.

Dependencies that only compute (settings, today, the role guards) are ``async def``: FastAPI
runs a plain ``def`` dependency on a worker thread, and each such hop costs more CPU than the
work itself (issue 10, item 10); those that read the database stay ``def``, off the event loop,
but for a login's lookup on SQLite (``reads_on_loop``).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import partial
from typing import Annotated
from urllib.parse import quote

import anyio
from anyio import to_thread
from fastapi import Depends, HTTPException, Path, Query, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyCookie, HTTPBearer
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.settings import Settings
from chidao.store.models import Document, LoginSession, Task, User
from chidao.tracking.accounts import user_for_token
from chidao.tracking.auth import page_session_user, session_user
from chidao.tracking.timing import due_soon_until
from chidao.tracking.visibility import visible_document, visible_task
from chidao.vocab import UserRole
from chidao.web.security import COOKIE, CSRF_HEADER, csrf_ok

MAX_ID = 2**31 - 1  # the tables' integer keys
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
PageNo = Annotated[int, Query(ge=1, le=1_000_000)]
VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving time
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
STAFF = UserRole.staff()


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; routes commit, anything left uncommitted is rolled back.

    Opening a session touches no database (it connects on its first statement), so it is made
    on the event loop. Closing it returns the connection with a rollback: on SQLite a call into
    the library that waits for no lock and no server (the driver opens no transaction for a
    read), made on the event loop too, which spares every request a thread hop (issue 10, item
    10); on PostgreSQL a round trip to the server, made on a worker thread. Either way it is
    done even when the client has gone away meanwhile."""
    session = request.app.state.sessions()
    try:
        yield session
    finally:
        if request.app.state.engine.dialect.name == "sqlite":
            session.close()
        else:
            with anyio.CancelScope(shield=True):
                await to_thread.run_sync(session.close)


async def get_today() -> date:
    """Today in Vietnam; tests override this dependency."""
    return datetime.now(VIETNAM).date()


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
TodayDep = Annotated[date, Depends(get_today)]


async def get_soon_until(request: Request, today: TodayDep, settings: SettingsDep) -> date:
    return due_soon_until(today, settings.due_soon_days, request.app.state.calendar)


SoonDep = Annotated[date, Depends(get_soon_until)]


@dataclass(frozen=True)
class Principal:
    """The authenticated user, and the login session when authenticated by cookie."""

    user: User
    login: LoginSession | None = None


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"})


def _bearer(session: Session, header: str) -> Principal:
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("use 'Authorization: Bearer <token>'")
    user = user_for_token(session=session, token=token.strip())
    if user is None:
        raise _unauthorized("invalid or revoked token")
    return Principal(user)  # the token's last use, when noted (once a minute), left to commit


# What a user holding a one-time password may still do with the API (besides reading who they are).
OPEN_TO_ONE_TIME_PASSWORDS = frozenset({"/auth/password", "/auth/logout", "/auth/me"})
ONE_TIME_PASSWORD_API = "you must replace your one-time password first: POST /api/v1/auth/password"


def _cookie(request: Request, session: Session, token: str) -> Principal:
    found = session_user(session=session, token=token)
    if found is None:
        raise _unauthorized("session expired; log in again")
    user, login = found
    if user.must_change_password and not request.url.path.endswith(tuple(OPEN_TO_ONE_TIME_PASSWORDS)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, ONE_TIME_PASSWORD_API)
    if request.method not in SAFE_METHODS and not csrf_ok(login, request.headers.get(CSRF_HEADER)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing or wrong {CSRF_HEADER} header")
    return Principal(user, login)


# Declared for the OpenAPI document (the "Authorize" button); get_principal reads the headers itself.
_token_scheme = HTTPBearer(auto_error=False, description="an API token: `chidao token create <user>`")
_cookie_scheme = APIKeyCookie(name=COOKIE, auto_error=False, description="the session cookie set by /auth/login")


def _principal(request: Request, session: Session) -> Principal:
    header = request.headers.get("authorization")
    if header:
        return _bearer(session, header)
    token = request.cookies.get(COOKIE)
    if token:
        return _cookie(request, session, token)
    raise _unauthorized("not authenticated")


def _committed_principal(request: Request, session: Session) -> Principal:
    principal = _principal(request, session)
    if session.dirty:
        session.commit()  # keeps the token's last_used_at (at most once a minute)
    return principal


def reads_on_loop(request: Request) -> bool:
    """Whether a login's lookup is made on the event loop: on SQLite it is one indexed read, which
    in WAL mode waits for no writer, and costs less than the thread hop it spares (issue 10,
    item 10); on PostgreSQL it is a round trip to the server, made on a worker thread."""
    return request.app.state.engine.dialect.name == "sqlite"


async def get_principal(
    request: Request,
    session: SessionDep,
    _documented_token: Annotated[object, Depends(_token_scheme)],
    _documented_cookie: Annotated[object, Depends(_cookie_scheme)],
) -> Principal:
    """Bearer token first, else the session cookie (which needs the CSRF header to change things).
    On SQLite read on the event loop (``reads_on_loop``); noting a token's last use, a write that
    may wait for another writer, is committed on a worker thread either way."""
    if not reads_on_loop(request):
        return await to_thread.run_sync(_committed_principal, request, session)
    principal = _principal(request, session)
    if session.dirty:
        await to_thread.run_sync(session.commit)  # keeps the token's last_used_at (at most once a minute)
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_user(principal: PrincipalDep) -> User:
    return principal.user


CurrentUser = Annotated[User, Depends(get_user)]


def forbid_unless(user: User, *roles: str, detail: str | None = None) -> None:
    """403 unless the user has one of ``roles`` (``detail``: what to say instead of naming them)."""
    if user.role not in roles:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail or f"this needs the role {' or '.join(roles)}")


def require(*roles: str) -> Callable[[User], Awaitable[User]]:
    """A dependency letting through only users with one of ``roles`` (others get 403)."""

    async def guard(user: CurrentUser) -> User:
        forbid_unless(user, *roles)
        return user

    return guard


StaffUser = Annotated[User, Depends(require(*STAFF))]
AdminUser = Annotated[User, Depends(require("admin"))]
OfficeUser = Annotated[User, Depends(require(*STAFF, "viewer"))]


# The pages: the same session cookie, a redirect to the login form instead of a 401.


class LoginRequired(Exception):
    """Raised by page dependencies when there is no live session: answered by a redirect to /login."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class PasswordChangeRequired(LoginRequired):
    """A user holding a one-time password asked for another page than their password form."""


# The pages a user holding a one-time password may open: the password form, and leaving.
OPEN_PAGES = frozenset({"/account", "/account/password", "/logout"})


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


async def get_page_login(request: Request, session: SessionDep) -> LoginSession:
    """The live login session of the cookie (else ``LoginRequired``); the user, the CSRF token
    and the number of unread notifications (the bell) are kept on ``request.state`` for the
    layout and the forms. Read on the event loop on SQLite (``reads_on_loop``)."""
    token = request.cookies.get(COOKIE)
    found = None
    if token and reads_on_loop(request):
        found = page_session_user(session=session, token=token)
    elif token:
        found = await to_thread.run_sync(partial(page_session_user, session=session, token=token))
    if found is None:
        raise LoginRequired(login_url(request))
    user, login, unread = found
    if user.must_change_password and request.url.path not in OPEN_PAGES:
        raise PasswordChangeRequired("/account")
    request.state.page_user = user
    request.state.csrf_token = login.csrf_token
    request.state.unread = unread
    return login


PageLogin = Annotated[LoginSession, Depends(get_page_login)]


async def get_page_user(request: Request, login: PageLogin) -> User:
    return request.state.page_user


PageUser = Annotated[User, Depends(get_page_user)]
NOT_ALLOWED_PAGE = msg("web_errors.not_allowed")


def page_require(*roles: str) -> Callable[[User], Awaitable[User]]:
    """``require`` for pages: others get the 403 page, in Vietnamese."""

    async def guard(user: PageUser) -> User:
        forbid_unless(user, *roles, detail=NOT_ALLOWED_PAGE)
        return user

    return guard


PageStaff = Annotated[User, Depends(page_require(*STAFF))]
PageAdmin = Annotated[User, Depends(page_require(UserRole.ADMIN))]


async def check_csrf(request: Request, login: PageLogin) -> None:
    """403 unless the submitted form's ``csrf_token`` is the session's (forms of this site only)."""
    form = await request.form()  # Starlette caches the parsed form for the route's own Form fields
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not secrets.compare_digest(sent.encode(), login.csrf_token.encode()):
        message = msg("web_errors.bad_csrf")
        raise HTTPException(status.HTTP_403_FORBIDDEN, message)


CsrfChecked = Depends(check_csrf)


# Loading within the user's scope, and parameters checked by hand (both trees).


def not_found(kind: str, key: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"{kind} {key} not found")


def task_in_scope(session: Session, user: User, task_id: int) -> Task:
    task = visible_task(session, user, task_id)
    if task is None:
        raise not_found("task", task_id)
    return task


def document_in_scope(session: Session, user: User, document_id: int) -> Document:
    document = visible_document(session, user, document_id)
    if document is None:
        raise not_found("document", document_id)
    return document


def query_error(name: str, message: str, value: object) -> RequestValidationError:
    """A 422 in FastAPI's own format, for a query parameter checked by hand."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


def choices(values: list[str] | None, allowed: tuple[str, ...], name: str) -> list[str]:
    """Values of a repeatable query parameter that also takes comma lists, each one of ``allowed``."""
    found = [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
    for value in found:
        if value not in allowed:
            raise query_error(name, f"Input should be one of {', '.join(allowed)}", value)
    return found
