"""Helpers of the use-case tests (``tests/tracking``): the example notices, picking a task,
reading the audit log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import AuditEntry, Document, Task

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # Sở Thông tin và Truyền thông ("officer") leads three tasks
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # Sở Y tế ("health") leads one
PLAN = "kh-to-chuc-thuc-hien.txt"  # a plan: quarterly tasks, the finance department's budget
TODAY = date(2024, 4, 1)


def task_of(document: Document, start: str) -> Task:
    """The document's one live task whose text starts with ``start``."""
    found = [t for t in document.tasks if t.text.startswith(start) and not t.deleted]
    assert len(found) == 1, (start, [t.text[:40] for t in document.tasks])
    return found[0]


def audit_of(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    """The audit entries of one row, oldest first."""
    query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    return list(session.scalars(query.order_by(AuditEntry.id)))
