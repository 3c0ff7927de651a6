"""What the administration pages read about users, and the one-time passwords they hand out.

A one-time password is never stored, nor put in an address: it is *derived*, an HMAC of a
random nonce under the admin's own session token (which the database keeps only as a hash).
The page that made it keeps a label (``<user id>:<nonce>``) in a short-lived cookie of the
admin's browser; the next page derives the password again from that nonce and the session
cookie, shows it if it is still the user's (its argon2 hash matches and the user has not
changed it yet), and forgets the label: shown once, never on a reload, and nothing in the
database, the logs or the URL from which it could be read.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import AuditEntry, User
from chidao.text import fold_words
from chidao.tracking.passwords import verify_password
from chidao.tracking.tokens import aware

# No 0/o, 1/l/i: read aloud or copied by hand without doubt. 20 characters of 31: ~99 bits.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LENGTH = 20
GROUP = 5
AUDIT_ROWS = 20


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def label(user_id: int, nonce: str) -> str:
    """What the admin's browser keeps between the form and the page that shows the password."""
    return f"{user_id}:{nonce}"


def read_label(value: str) -> tuple[int, str] | None:
    """The user id and nonce of a label (None: not a label)."""
    head, _, nonce = value.partition(":")
    if not (head.isascii() and head.isdigit() and len(head) < 12 and nonce):
        return None
    return int(head), nonce


def derive(secret: str, nonce: str) -> str:
    """The one-time password of ``nonce`` under ``secret``: groups of letters and digits ("abcde-…")."""
    number = int.from_bytes(hmac.new(secret.encode(), nonce.encode(), hashlib.sha256).digest(), "big")
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "-".join("".join(chars[i : i + GROUP]) for i in range(0, LENGTH, GROUP))


def still_one_time(user: User, password: str) -> bool:
    """Whether ``password`` is ``user``'s one-time password, not yet replaced."""
    return bool(user.must_change_password) and verify_password(user.password_hash, password)


def search_users(*, session: Session, q: str, role: str, page: int, per_page: int) -> tuple[list[User], int]:
    """A page of users by username whose folded username (no diacritics, no case) holds every
    word of ``q``, of ``role`` when given; and how many. Read in full and filtered here: an
    office has tens or hundreds of accounts, and the database cannot fold diacritics alike."""
    query = select(User).order_by(User.username_key)
    if role:
        query = query.where(User.role == role)
    words = fold_words(q).split()
    rows = [u for u in session.scalars(query) if all(w in fold_words(u.username) for w in words)]
    return rows[(page - 1) * per_page : page * per_page], len(rows)


def user_audit(session: Session, user_id: int, limit: int = AUDIT_ROWS) -> list[AuditEntry]:
    """The latest audit entries about the user's account, and those the user made, newest first."""
    about = (AuditEntry.entity == "user") & (AuditEntry.entity_id == user_id)
    query = select(AuditEntry).where(about | (AuditEntry.user_id == user_id))
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))


def when(moment: datetime | None) -> datetime | None:
    return aware(moment)
