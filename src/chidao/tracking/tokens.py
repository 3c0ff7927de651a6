"""API tokens: random, shown once, stored as SHA-256; listed, revoked, given an end.

A token stops working when it is revoked, when it has expired, when its user is deactivated,
and when its user's password changes (every token of the user is revoked then: a password
change is what one does after a leak). A user who holds a one-time password (an admin made the
account or reset its password) has no token and can be given none until they choose their own.
Like every use case, these flush but never commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from chidao.store.audit import record
from chidao.store.models import ApiToken, User
from chidao.tracking.errors import Forbidden, Invalid
from chidao.vocab import TokenState

MAX_NAME = 100


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite gives timezone-naive datetimes back; they were stored as UTC."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    *, session: Session, user: User, name: str = "", expires_at: datetime | None = None, by: User | None = None
) -> str:
    """A new API token for ``user``; only its hash is stored, so this is the one time it is seen."""
    if expires_at is not None and aware(expires_at) <= now():
        raise Invalid("expires_at must be in the future")
    if user.must_change_password:
        raise Invalid(f"{user.username} must first replace their one-time password")
    token = "chd_" + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=token_hash(token), name=name[:MAX_NAME], expires_at=expires_at)
    session.add(row)
    session.flush()
    after = {"user_id": user.id, "name": row.name, "expires_at": expires_at.isoformat() if expires_at else None}
    record(session=session, user_id=(by or user).id, entity="token", entity_id=row.id, action="create", after=after)
    return token


def is_live(row: ApiToken, moment: datetime | None = None) -> bool:
    expires = aware(row.expires_at)
    return row.revoked_at is None and (expires is None or expires > (moment or now()))


# Built once: every API request asks it (issue 10, item 10).
_TOKEN_USER = (
    select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(ApiToken.token_hash == bindparam("token_hash"))
)


def user_for_token(*, session: Session, token: str) -> User | None:
    """The active user of a live token (not revoked, not expired); its last use is noted at
    most once a minute, so that reads do not queue behind writes."""
    found = session.execute(_TOKEN_USER, {"token_hash": token_hash(token)}).first()
    moment = now()
    if found is None or not is_live(found[0], moment):
        return None
    row, user = found
    if not user.is_active or user.must_change_password:  # (a one-time password revoked every token)
        return None
    last = aware(row.last_used_at)
    if last is None or moment - last > timedelta(minutes=1):
        row.last_used_at = moment
    return user


def list_tokens(*, session: Session, user: User | None = None, live_only: bool = False) -> list[ApiToken]:
    """Tokens of ``user`` (everyone's when None), newest first; never their secret."""
    query = select(ApiToken).order_by(ApiToken.id.desc())
    if user is not None:
        query = query.where(ApiToken.user_id == user.id)
    rows = list(session.scalars(query))
    return [r for r in rows if is_live(r)] if live_only else rows


def token_state(row: ApiToken) -> TokenState:
    """Active, revoked or expired."""
    if row.revoked_at is not None:
        return TokenState.REVOKED
    return TokenState.ACTIVE if is_live(row) else TokenState.EXPIRED


def revoke_token(*, session: Session, actor: User, token_id: int) -> ApiToken | None:
    """Revoke one token: its owner's own, or anyone's for an admin. None: no such token (or not
    the actor's to see); revoking a revoked token changes nothing."""
    row = session.get(ApiToken, token_id)
    if row is None or (row.user_id != actor.id and actor.role != "admin"):
        return None
    if row.revoked_at is None:
        row.revoked_at = now()
        record(session=session, user_id=actor.id, entity="token", entity_id=row.id, action="revoke")
    return row


def revoke_user_tokens(
    *, session: Session, user_id: int, actor_id: int | None = None, reason: str = "", audit: bool = True
) -> int:
    """Revoke every live token of a user (password changed, account deactivated); how many.
    ``audit=False``: the caller's own audit entry says it."""
    done = session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now())
        .execution_options(synchronize_session="fetch")
    )
    count = done.rowcount or 0
    if count and audit:
        record(
            session=session,
            user_id=actor_id or user_id,
            entity="user",
            entity_id=user_id,
            action="revoke_tokens",
            after={"tokens": count, "reason": reason},
        )
    return count


def require_owner_or_admin(actor: User, owner_id: int) -> None:
    if actor.id != owner_id and actor.role != "admin":
        raise Forbidden("only the token's owner or an admin")
