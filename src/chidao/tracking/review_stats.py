"""How much reviewers changed what extraction proposed: the measure of extraction in use.

Each task of a confirmed document is one of: ``unchanged`` (kept as proposed), ``edited``
(kept, some field changed), ``added`` (no proposal: added, or made by a split or a merge)
or ``deleted`` (proposed, then removed — which includes tasks split or merged away). For the
kept proposed tasks, each reviewable field counts how often it was changed. A deadline moved by an
approved extension counts as the review left it: an extension is not a correction of extraction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.store.models import Document, Extension, Task
from chidao.tracking.task_state import REVIEW_FIELDS, differs_from_proposed, task_snapshot
from chidao.vocab import ExtensionStatus

OUTCOMES = ("unchanged", "edited", "added", "deleted")


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def task_outcome(task: Task, extended: dict[int, date | None] | None = None) -> tuple[str, list[str]]:
    """The review outcome of one task and, when it was edited, the fields that changed;
    ``extended`` gives, for tasks an approved extension moved, the deadline they had before."""
    if task.proposed is None:
        return ("added", []) if not task.deleted else ("", [])  # added then deleted: never counted
    if task.deleted:
        return "deleted", []
    current = task_snapshot(task)
    if extended and task.id in extended:
        before = extended[task.id]
        current["deadline"] = before.isoformat() if before else None
    changed = differs_from_proposed(task, current)
    return ("edited" if changed else "unchanged"), changed


def deadlines_before_extensions(session: Session) -> dict[int, date | None]:
    """For each task an approved extension moved: its deadline before the first of them."""
    rows = session.execute(
        select(Extension.task_id, Extension.original_deadline)
        .where(Extension.status == ExtensionStatus.APPROVED.value)
        .order_by(Extension.id)
    )
    first: dict[int, date | None] = {}
    for task_id, original in rows:
        first.setdefault(task_id, original)
    return first


def extraction_stats(*, session: Session, include_drafts: bool = False) -> dict:
    """Counts and shares of review outcomes, overall and per field, over confirmed documents."""
    documents = select(Document.id)
    if not include_drafts:
        documents = documents.where(Document.status == "confirmed")
    query = select(Task).where(Task.document_id.in_(documents)).execution_options(yield_per=500)
    counts = dict.fromkeys(OUTCOMES, 0)
    changed = dict.fromkeys(REVIEW_FIELDS, 0)
    extended = deadlines_before_extensions(session)
    for task in session.scalars(query):
        outcome, fields = task_outcome(task, extended)
        if outcome:
            counts[outcome] += 1
        for name in fields:
            changed[name] += 1
    total = sum(counts.values())
    kept = counts["unchanged"] + counts["edited"]
    return {
        "documents": session.scalar(select(func.count()).select_from(documents.subquery())) or 0,
        "tasks": total,
        "proposed": kept + counts["deleted"],
        "counts": counts,
        "shares": {k: _share(v, total) for k, v in counts.items()},
        "fields": {
            name: {"changed": n, "unchanged": kept - n, "share_changed": _share(n, kept)} for name, n in changed.items()
        },
    }
