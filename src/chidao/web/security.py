"""Login sessions (cookie + CSRF token) and login throttling, on the store's tables.

The cookie holds a random token; the database keeps only its SHA-256 (like API tokens), so a
leaked database does not leak live sessions. Failed logins are recorded per username and
client address; too many within the window and further attempts are refused for a while.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from starlette.responses import Response

from chidao.settings import Settings
from chidao.store.models import LoginFailure, LoginSession, User
from chidao.store.users import token_hash, verify_password

COOKIE = "chidao_session"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class NewSession:
    token: str  # goes into the cookie, never stored
    csrf_token: str
    expires_at: datetime


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite gives timezone-naive datetimes back; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def throttled(*, session: Session, settings: Settings, username: str, address: str) -> bool:
    """Whether the username or the address has used up its failed attempts in the window."""
    since = now() - timedelta(seconds=settings.login_window_seconds)
    counts = [
        session.scalar(select(func.count(LoginFailure.id)).where(LoginFailure.at >= since, condition)) or 0
        for condition in (LoginFailure.username == username, LoginFailure.address == address)
    ]
    return max(counts) >= settings.login_attempts


def record_failure(*, session: Session, username: str, address: str) -> None:
    session.add(LoginFailure(username=username[:100], address=address[:64], at=now()))


def authenticate(*, session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.is_active:
        verify_password(None, password)  # same answer either way
        return None
    return user if verify_password(user.password_hash, password) else None


def open_session(*, session: Session, settings: Settings, user: User) -> NewSession:
    """A new login session for ``user``; the user's expired sessions and failures are cleared."""
    moment = now()
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id, LoginSession.expires_at < moment))
    session.execute(delete(LoginFailure).where(LoginFailure.username == user.username))
    new = NewSession(
        token=secrets.token_urlsafe(32),
        csrf_token=secrets.token_urlsafe(32),
        expires_at=moment + timedelta(hours=settings.session_hours),
    )
    session.add(
        LoginSession(
            token_hash=token_hash(new.token), user_id=user.id, csrf_token=new.csrf_token, expires_at=new.expires_at
        )
    )
    return new


def find_session(*, session: Session, token: str) -> LoginSession | None:
    """The live login session whose cookie token is ``token``."""
    row = session.scalar(select(LoginSession).where(LoginSession.token_hash == token_hash(token)))
    if row is None or aware(row.expires_at) <= now():
        return None
    return row


def close_session(*, session: Session, login: LoginSession) -> None:
    session.delete(login)


def close_user_sessions(*, session: Session, user_id: int) -> None:
    session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))


def csrf_ok(login: LoginSession, sent: str | None) -> bool:
    return bool(sent) and secrets.compare_digest(sent.encode(), login.csrf_token.encode())


def set_session_cookie(response: Response, settings: Settings, new: NewSession) -> None:
    """The session cookie as every login sets it: HttpOnly, SameSite=Lax, Secure behind HTTPS."""
    response.set_cookie(
        COOKIE,
        new.token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(COOKIE, path="/", secure=settings.secure_cookies, httponly=True, samesite="lax")
