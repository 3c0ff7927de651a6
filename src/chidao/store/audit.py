"""The append-only audit log: every change is recorded with who, when, before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from chidao.store.models import AuditEntry


def record(
    *,
    session: Session,
    user_id: int | None,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(user_id=user_id, entity=entity, entity_id=entity_id, action=action, before=before, after=after)
    session.add(entry)
    return entry
