"""The signed token of a preferences link: the address, and an HMAC-SHA256 of it under a key
kept in the database (``mail_settings`` row ``link_key``, made on first use), so that every
worker and host signs alike and a link works without logging in, for that address only."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from sqlalchemy.orm import Session

from chidao.store.mail import MailSetting

KEY_ROW = "link_key"


def link_key(session: Session) -> bytes:
    row = session.get(MailSetting, KEY_ROW)
    if row is None:
        row = MailSetting(name=KEY_ROW, value={"key": secrets.token_hex(32)})
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value["key"])


def _mac(key: bytes, address: str) -> str:
    digest = hmac.new(key, b"mail-preferences:" + address.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def sign(key: bytes, address: str) -> str:
    encoded = base64.urlsafe_b64encode(address.encode()).decode().rstrip("=")
    return f"{encoded}.{_mac(key, address)}"


def verify(key: bytes, token: str) -> str | None:
    """The address the token was signed for, or None for a forged or damaged one."""
    encoded, _, mac = token.partition(".")
    try:
        address = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return address if mac and hmac.compare_digest(mac, _mac(key, address)) else None
