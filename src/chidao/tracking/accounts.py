"""User accounts: usernames (unique once NFKC-normalized and case-folded), passwords (the policy and
hashing are ``passwords.py``, API tokens ``tokens.py``), and
what an admin does to an account, from the CLI (``chidao user add``, ``chidao token create``)
or the API (``/users``). Like every use case, these flush but never commit."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chidao.store.audit import record
from chidao.store.models import Agency, LoginSession, User
from chidao.tracking.agency_match import AgencyNotMatched, match_agency
from chidao.tracking.errors import Conflict
from chidao.tracking.passwords import PasswordError, check_password, configure_hasher, hash_password, verify_password
from chidao.tracking.tokens import create_token, revoke_user_tokens, token_hash, user_for_token
from chidao.vocab import UserRole

__all__ = ["configure_hasher", "create_token", "hash_password", "token_hash", "user_for_token", "verify_password"]

# Characters that show nothing (or look like a space) although Unicode files them as letters.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


class UserError(ValueError):
    """A user cannot be created or changed as asked; the message says why."""


class WrongPassword(UserError):
    """The current password given to change it is not the user's."""


class SamePassword(UserError):
    """The new password is the current one (a one-time password must be replaced)."""


class LastAdmin(UserError):
    """The change would leave no active admin."""


def username_key(username: str) -> str:
    """What makes a username unique and finds it at login: NFKC-normalized and case-folded, so
    "Lan", "LAN" and "ｌａｎ" are one account."""
    return unicodedata.normalize("NFKC", username.strip()).casefold()


def clean_username(raw: str) -> str:
    """The username as stored (NFKC, spaces around removed); UserError for an empty or long one,
    or one with spaces, control, format (zero-width, direction marks) or invisible characters."""
    username = unicodedata.normalize("NFKC", raw.strip())
    if not username or len(username) > 100:
        raise UserError("username must be 1-100 characters")
    for char in username:
        if char.isspace() or char in _INVISIBLE_LETTERS or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cn"):
            raise UserError(f"username must not contain spaces or invisible characters (U+{ord(char):04X})")
    return username


def password_checked(password: str, username: str) -> str:
    """``password`` if the policy accepts it (UserError saying why otherwise)."""
    try:
        check_password(password, username)
    except PasswordError as error:
        raise UserError(str(error)) from error
    return password


def add_user(
    *, session: Session, username: str, role: str, password: str | None = None, agency: str | None = None
) -> User:
    username = clean_username(username)
    if role not in UserRole.values():
        raise UserError(f"role must be one of {', '.join(UserRole.values())}")
    if find_user(session=session, username=username):
        raise UserError(f"user {username!r} already exists")
    agency_row = None
    if role == "agency":
        if not agency:
            raise UserError("an agency officer needs --agency")
        agency_row = agency_for(session=session, name=agency, agency_id=None)
    if password is not None:
        password_checked(password, username)
    user = User(
        username=username,
        username_key=username_key(username),
        role=role,
        agency_id=agency_row.id if agency_row else None,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def find_user(*, session: Session, username: str) -> User | None:
    """The user whose username folds like ``username`` (see ``username_key``)."""
    return session.scalar(select(User).where(User.username_key == username_key(username)))


def list_users(*, session: Session, page: int, per_page: int) -> tuple[list[User], int]:
    """A page of users by username, and how many there are."""
    total = session.scalar(select(func.count(User.id))) or 0
    rows = session.scalars(select(User).order_by(User.username).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total


def agency_for(*, session: Session, name: str | None, agency_id: int | None) -> Agency | None:
    """The agency given by id, else by name written any way (``tracking.agency_match``: folded,
    abbreviations written out, the province left out); None when neither is given. An unknown
    or ambiguous name is a UserError whose cause (``AgencyNotMatched``) has the candidates."""
    if agency_id is not None:
        agency = session.get(Agency, agency_id)
        if agency is None:
            raise UserError(f"unknown agency id {agency_id}")
        return agency
    if name and name.strip():
        try:
            return match_agency(session, name)
        except AgencyNotMatched as error:
            raise UserError(str(error)) from error
    return None


def _state(user: User) -> dict:
    return {"role": user.role, "agency_id": user.agency_id, "is_active": user.is_active}


def _other_active_admins(session: Session, user: User) -> int:
    query = select(func.count(User.id)).where(User.role == "admin", User.is_active.is_(True), User.id != user.id)
    return session.scalar(query) or 0


def _keeps_an_admin(session: Session, user: User, changes: dict[str, Any]) -> None:
    """LastAdmin if ``changes`` would take the last active admin's role or activity away."""
    if user.role != "admin" or not user.is_active:
        return
    demoted = "role" in changes and changes["role"] != "admin"
    if (demoted or changes.get("is_active") is False) and _other_active_admins(session, user) == 0:
        raise LastAdmin("the last active admin cannot lose the admin role or be deactivated")


def create_user(
    *,
    session: Session,
    admin: User,
    username: str,
    role: str,
    password: str | None,
    agency: str | None = None,
    agency_id: int | None = None,
    one_time_password: str | None = None,
) -> User:
    """A new user made by ``admin``, in the audit log; a taken username is a conflict.
    ``one_time_password`` (the administration pages): the account's first password, made by
    chidao rather than chosen, so it skips the policy; the user must change it at first login."""
    agency_row = agency_for(session=session, name=agency, agency_id=agency_id)
    if find_user(session=session, username=username) is not None:
        raise Conflict(f"user {username!r} already exists")
    user = add_user(
        session=session,
        username=username,
        role=role,
        password=password,
        agency=agency_row.name if agency_row and role == "agency" else None,
    )
    after = _state(user)
    if one_time_password is not None:
        user.password_hash = hash_password(one_time_password)
        user.must_change_password = True
        after["password"] = "one-time"
    record(session=session, user_id=admin.id, entity="user", entity_id=user.id, action="create", after=after)
    return user


def reset_password(*, session: Session, admin: User, user: User, one_time_password: str) -> int:
    """An admin gives ``user`` a one-time password (made by chidao, so not checked against the
    policy): the user's login sessions end, their API tokens are revoked (how many), and they
    must choose their own password at the next login."""
    user.password_hash = hash_password(one_time_password)
    user.must_change_password = True
    close_user_sessions(session=session, user_id=user.id)
    revoked = revoke_user_tokens(session=session, user_id=user.id, audit=False)
    after = {"password": "one-time", "tokens_revoked": revoked}
    record(session=session, user_id=admin.id, entity="user", entity_id=user.id, action="reset_password", after=after)
    return revoked


def _apply(session: Session, user: User, changes: dict[str, Any], admin: User) -> None:
    if user.id == admin.id and "role" in changes and changes["role"] != "admin":
        raise UserError("you cannot take away your own admin role")
    if user.id == admin.id and changes.get("is_active") is False:
        raise UserError("you cannot deactivate yourself")
    _keeps_an_admin(session, user, changes)
    if "role" in changes:
        user.role = changes["role"]
    if {"agency", "agency_id"} & changes.keys():
        agency = agency_for(session=session, name=changes.get("agency"), agency_id=changes.get("agency_id"))
        user.agency_id = agency.id if agency else None
    if user.role == "agency" and user.agency_id is None:
        raise UserError("an agency officer needs an agency")
    if user.role != "agency":
        user.agency_id = None
    if changes.get("password") is not None:
        user.password_hash = hash_password(password_checked(changes["password"], user.username))
    if changes.get("is_active") is not None:
        user.is_active = changes["is_active"]


def update_user(*, session: Session, admin: User, user: User, changes: dict[str, Any]) -> None:
    """Change a user's ``role``, ``agency``/``agency_id``, ``password`` or ``is_active`` (the keys
    given); a new password or a deactivation ends the user's login sessions and revokes the
    user's API tokens."""
    before = _state(user)
    _apply(session, user, changes, admin)
    if changes.get("password") is not None or not user.is_active:
        close_user_sessions(session=session, user_id=user.id)
        revoked = revoke_user_tokens(session=session, user_id=user.id, audit=False)
    else:
        revoked = 0
    after = _state(user)
    if revoked:
        after["tokens_revoked"] = revoked
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


def change_own_password(*, session: Session, user: User, current: str, new: str) -> None:
    """A user changes their own password, knowing the current one (and choosing another): their
    other login sessions end, their API tokens are revoked (the caller opens a new session), and
    a one-time password's duty to change it is done."""
    if not verify_password(user.password_hash, current):
        raise WrongPassword("the current password is wrong")
    if new == current:
        raise SamePassword("the new password must differ from the current one")
    user.password_hash = hash_password(password_checked(new, user.username))
    user.must_change_password = False
    close_user_sessions(session=session, user_id=user.id)
    revoked = revoke_user_tokens(session=session, user_id=user.id, audit=False)
    changed = {"password": "changed", "tokens_revoked": revoked}
    record(session=session, user_id=user.id, entity="user", entity_id=user.id, action="update", after=changed)


def close_user_sessions(*, session: Session, user_id: int) -> None:
    """End every login session of the user."""
    session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))


def users_by_id(session: Session, ids: Iterable[int | None]) -> dict[int, User]:
    """The users who wrote reports or history entries, to name them."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}
