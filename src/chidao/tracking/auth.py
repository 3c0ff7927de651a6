"""Logging in: the password checked, failed attempts throttled, a login session opened.

A session's cookie token is random; the database keeps only its SHA-256 (like API tokens), so a
leaked database does not leak live sessions. The API's ``/auth/login`` and the login page both go
through ``log_in``; cookies, redirects and the client's address are theirs (``chidao.web.security``).

Failed logins are recorded with the (folded) username and the client's address, and slow
guessing down in two ways, neither of which lets a stranger lock a real user out:

- per address: ``login_attempts`` failures within the window, and that address is refused until
  the window has passed (whatever username it tries);
- per account: after ``login_attempts`` failures within the window (from anywhere), each further
  attempt must wait a delay after the last failure, doubling with each failure up to
  ``MAX_ACCOUNT_DELAY`` seconds: a guesser spread over many addresses gets a few guesses a
  minute, the real user waits seconds at worst, and is never refused for the window's length.

A username nobody has costs the same time as a real one (``passwords.verify_password``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from chidao.settings import Settings
from chidao.store.feeds import Notification
from chidao.store.models import LoginFailure, LoginSession, User
from chidao.tracking.accounts import find_user, username_key
from chidao.tracking.passwords import verify_password
from chidao.tracking.tokens import token_hash

MAX_ACCOUNT_DELAY = 60  # seconds


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
    retry_after: int = 0  # seconds, when throttled


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite gives timezone-naive datetimes back; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _failures(session: Session, condition, since: datetime) -> tuple[int, datetime | None]:
    count, last = session.execute(
        select(func.count(LoginFailure.id), func.max(LoginFailure.at)).where(LoginFailure.at >= since, condition)
    ).one()
    return count or 0, aware(last) if last else None


def account_delay(failures: int, allowed: int) -> int:
    """Seconds an account's next attempt waits after its last failure: none for the first
    ``allowed`` failures, then 1, 2, 4 … up to ``MAX_ACCOUNT_DELAY``."""
    if failures < allowed:
        return 0
    return min(MAX_ACCOUNT_DELAY, 2 ** min(failures - allowed, 16))


def wait_before(*, session: Session, settings: Settings, username: str, address: str) -> int:
    """Seconds before this address may try this username again (0: now). The address's budget
    first; then the account's growing delay."""
    moment = now()
    since = moment - timedelta(seconds=settings.login_window_seconds)
    from_address, last = _failures(session, LoginFailure.address == address, since)
    if from_address >= settings.login_attempts and last is not None:
        return max(1, int((last + timedelta(seconds=settings.login_window_seconds) - moment).total_seconds()) + 1)
    if not username:
        return 0
    on_account, last = _failures(session, LoginFailure.username == username_key(username)[:100], since)
    delay = account_delay(on_account, settings.login_attempts)
    if delay and last is not None and moment < last + timedelta(seconds=delay):
        return max(1, int((last + timedelta(seconds=delay) - moment).total_seconds()) + 1)
    return 0


def throttled(*, session: Session, settings: Settings, username: str, address: str) -> bool:
    """Whether an attempt now would be refused (see ``wait_before``)."""
    return wait_before(session=session, settings=settings, username=username, address=address) > 0


def record_failure(*, session: Session, username: str, address: str) -> None:
    session.add(LoginFailure(username=username_key(username)[:100], address=address[:64], at=now()))


def authenticate(*, session: Session, username: str, password: str) -> User | None:
    """The active user ``username`` if ``password`` is theirs; the same work (one argon2 check)
    whether the user exists or not."""
    user = find_user(session=session, username=username)
    if user is None or not user.is_active:
        verify_password(None, password)  # against a real dummy hash: same time, same answer
        return None
    return user if verify_password(user.password_hash, password) else None


def open_session(*, session: Session, settings: Settings, user: User) -> NewSession:
    """A new login session for ``user``; the user's expired sessions and failures are cleared."""
    moment = now()
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id, LoginSession.expires_at < moment))
    session.execute(delete(LoginFailure).where(LoginFailure.username == user.username_key))
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
    """The login steps in order: refuse while the address or the account must wait; check the
    password (an empty username is never checked) and record a failure; else open a session.
    The caller commits either way, so that a failure counts."""
    wait = wait_before(session=session, settings=settings, username=username, address=address)
    if wait:
        return Login(throttled=True, retry_after=wait)
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


# Built once (building a statement costs more than SQLAlchemy's cached compilation of it). The
# pages' statement also counts the user's unread notifications (the bell): one statement, not
# two, on every page (issue 10, item 10).
_LOGIN = (
    select(LoginSession, User)
    .join(User, User.id == LoginSession.user_id)
    .where(LoginSession.token_hash == bindparam("token_hash"))
)
_UNREAD = (
    select(func.count(Notification.id))
    .where(Notification.user_id == User.id, Notification.read_at.is_(None))
    .scalar_subquery()
)
_PAGE_LOGIN = _LOGIN.add_columns(_UNREAD)


def _live(login: LoginSession, user: User) -> bool:
    return aware(login.expires_at) > now() and user.is_active


def session_user(*, session: Session, token: str) -> tuple[User, LoginSession] | None:
    """The active user logged in with the cookie token ``token``, and that login session (one
    query: every page and cookie request asks this first)."""
    found = session.execute(_LOGIN, {"token_hash": token_hash(token)}).first()
    if found is None or not _live(*found):
        return None
    login, user = found
    return user, login


def page_session_user(*, session: Session, token: str) -> tuple[User, LoginSession, int] | None:
    """``session_user`` and the user's unread notifications, in one statement."""
    found = session.execute(_PAGE_LOGIN, {"token_hash": token_hash(token)}).first()
    if found is None or not _live(found[0], found[1]):
        return None
    login, user, unread = found
    return user, login, unread or 0


def close_session(*, session: Session, login: LoginSession) -> None:
    session.delete(login)
