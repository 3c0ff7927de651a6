"""Users, passwords (argon2id) and API tokens (random, shown once, stored as SHA-256)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.models import ROLES, Agency, ApiToken, User

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters


class UserError(ValueError):
    """A user cannot be created or changed as asked; the message says why."""


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(
    *, session: Session, username: str, role: str, password: str | None = None, agency: str | None = None
) -> User:
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise UserError("username must be 1-100 characters without spaces")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(select(User).where(User.username == username)):
        raise UserError(f"user {username!r} already exists")
    agency_row = None
    if role == "agency":
        if not agency:
            raise UserError("an agency officer needs --agency")
        agency_row = session.scalar(select(Agency).where(Agency.key == agency_key(agency)))
        if agency_row is None:
            raise UserError(f"unknown agency {agency!r}")
    if password is not None and len(password) < 8:
        raise UserError("password must be at least 8 characters")
    user = User(
        username=username,
        role=role,
        agency_id=agency_row.id if agency_row else None,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def create_token(*, session: Session, user: User, name: str = "") -> str:
    """A new API token for ``user``; only its hash is stored, so this is the one time it is seen."""
    token = "chd_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=token_hash(token), name=name))
    session.flush()
    return token


def user_for_token(*, session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    now = datetime.now(UTC)
    last = row.last_used_at
    if last is None or (now - (last if last.tzinfo else last.replace(tzinfo=UTC))) > timedelta(minutes=1):
        row.last_used_at = now  # at most once a minute: reads should not queue behind writes

    return user
