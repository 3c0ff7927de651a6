"""Logging in: the password checked, failed attempts throttled, a login session opened.

A session's cookie token is random; the database keeps only its SHA-256 (like API tokens), so a
leaked database does not leak live sessions. Failed logins are recorded per username and client
address; too many within the window and further attempts are refused for a while. The API's
``/auth/login`` and the login page both go through ``log_in``; cookies, redirects and the
client's address are theirs (``chidao.web.security``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chidao.settings import Settings
from chidao.store.models import LoginFailure, LoginSession, User
from chidao.tracking.accounts import token_hash, verify_password


@dataclass(frozen=True)
class NewSession:
    token: str  # goes into the cookie, never stored
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class Login:
    """How a login attempt ended: refused before any check (``throttled``), a wrong username or
    password (``user`` is None), or a new session for ``user``."""

    user: User | None = None
    new: NewSession | None = None
    throttled: bool = False


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


def log_in(*, session: Session, settings: Settings, username: str, password: str, address: str) -> Login:
    """The login steps in order: refuse while throttled; check the password (an empty username is
    never checked) and record a failure; else open a session. The caller commits either way, so
    that a failure counts."""
    if throttled(session=session, settings=settings, username=username, address=address):
        return Login(throttled=True)
    user = authenticate(session=session, username=username, password=password) if username else None
    if user is None:
        record_failure(session=session, username=username, address=address)
        return Login()
    return Login(user=user, new=open_session(session=session, settings=settings, user=user))


def find_session(*, session: Session, token: str) -> LoginSession | None:
    """The live login session whose cookie token is ``token``."""
    row = session.scalar(select(LoginSession).where(LoginSession.token_hash == token_hash(token)))
    if row is None or aware(row.expires_at) <= now():
        return None
    return row


def session_user(*, session: Session, token: str) -> tuple[User, LoginSession] | None:
    """The active user logged in with the cookie token ``token``, and that login session."""
    login = find_session(session=session, token=token)
    user = session.get(User, login.user_id) if login else None
    if login is None or user is None or not user.is_active:
        return None
    return user, login


def close_session(*, session: Session, login: LoginSession) -> None:
    session.delete(login)
