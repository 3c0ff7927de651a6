"""User accounts: passwords (argon2id), API tokens (random, shown once, stored as SHA-256), and
what an admin does to an account, from the CLI (``chidao user add``, ``chidao token create``)
or the API (``/users``). Like every use case, these flush but never commit."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.models import Agency, ApiToken, LoginSession, User
from chidao.tracking.errors import Conflict
from chidao.vocab import UserRole

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters


def configure_hasher(*, time_cost: int, memory_cost: int, parallelism: int) -> None:
    """Hash the passwords set from now on with other argon2id parameters (a stored hash keeps
    its own: argon2 writes them into the hash, so verifying is unaffected).

    A hook for the test suite, which sets argon2's cheapest parameters (``time_cost=1,
    memory_cost=8, parallelism=1``) because the default ones cost a third of a second per
    password; nothing in chidao calls it, so production keeps the library's defaults.
    """
    global _HASHER
    _HASHER = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)


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
    if role not in UserRole.values():
        raise UserError(f"role must be one of {', '.join(UserRole.values())}")
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


def find_user(*, session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def list_users(*, session: Session, page: int, per_page: int) -> tuple[list[User], int]:
    """A page of users by username, and how many there are."""
    total = session.scalar(select(func.count(User.id))) or 0
    rows = session.scalars(select(User).order_by(User.username).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total


def agency_for(*, session: Session, name: str | None, agency_id: int | None) -> Agency | None:
    """The agency given by id, else by name (matched on its folded key); None when neither is given."""
    if agency_id is not None:
        agency = session.get(Agency, agency_id)
        if agency is None:
            raise UserError(f"unknown agency id {agency_id}")
        return agency
    if name:
        agency = session.scalar(select(Agency).where(Agency.key == agency_key(name)))
        if agency is None:
            raise UserError(f"unknown agency {name!r}")
        return agency
    return None


def _state(user: User) -> dict:
    return {"role": user.role, "agency_id": user.agency_id, "is_active": user.is_active}


def create_user(
    *,
    session: Session,
    admin: User,
    username: str,
    role: str,
    password: str | None,
    agency: str | None = None,
    agency_id: int | None = None,
) -> User:
    """A new user made by ``admin``, in the audit log; a taken username is a conflict."""
    agency_row = agency_for(session=session, name=agency, agency_id=agency_id)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(f"user {username!r} already exists")
    user = add_user(
        session=session,
        username=username,
        role=role,
        password=password,
        agency=agency_row.name if agency_row and role == "agency" else None,
    )
    record(session=session, user_id=admin.id, entity="user", entity_id=user.id, action="create", after=_state(user))
    return user


def _apply(session: Session, user: User, changes: dict[str, Any], admin: User) -> None:
    if "role" in changes:
        if user.id == admin.id and changes["role"] != "admin":
            raise UserError("you cannot take away your own admin role")
        user.role = changes["role"]
    if {"agency", "agency_id"} & changes.keys():
        agency = agency_for(session=session, name=changes.get("agency"), agency_id=changes.get("agency_id"))
        user.agency_id = agency.id if agency else None
    if user.role == "agency" and user.agency_id is None:
        raise UserError("an agency officer needs an agency")
    if user.role != "agency":
        user.agency_id = None
    if changes.get("password") is not None:
        user.password_hash = hash_password(changes["password"])
    if changes.get("is_active") is not None:
        if user.id == admin.id and not changes["is_active"]:
            raise UserError("you cannot deactivate yourself")
        user.is_active = changes["is_active"]


def update_user(*, session: Session, admin: User, user: User, changes: dict[str, Any]) -> None:
    """Change a user's ``role``, ``agency``/``agency_id``, ``password`` or ``is_active`` (the keys
    given); a new password or a deactivation ends the user's login sessions."""
    before = _state(user)
    _apply(session, user, changes, admin)
    if changes.get("password") is not None or not user.is_active:
        close_user_sessions(session=session, user_id=user.id)
    after = _state(user)
    if changes.get("password") is not None:
        after["password"] = "changed"
    if after != before:
        record(
            session=session,
            user_id=admin.id,
            entity="user",
            entity_id=user.id,
            action="update",
            before=before,
            after=after,
        )


def close_user_sessions(*, session: Session, user_id: int) -> None:
    """End every login session of the user (its API tokens stay valid)."""
    session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))


def users_by_id(session: Session, ids: Iterable[int | None]) -> dict[int, User]:
    """The users who wrote reports or history entries, to name them."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}
