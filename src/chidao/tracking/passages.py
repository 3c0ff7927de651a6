"""Passages that assign work but gave no task: the clerk makes one a draft task in one step.

Extraction lists every body passage with an assignment verb ("giao", "yêu cầu", "chủ trì", ...)
that became no task, with its reason (``UnassignedPassage``). When the clerk sees that it does
assign something, the passage becomes a task of the draft: its text and source span are the
passage's, its agencies and deadline are left for the clerk to fill in, and the passage is no
longer listed. Like the operations, this flushes but never commits, and writes the audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chidao.store.audit import record
from chidao.store.models import Document, Task, UnassignedPassage
from chidao.tracking.errors import Conflict
from chidao.tracking.review import add_task
from chidao.vocab import TaskOrigin

ORIGIN = TaskOrigin.PASSAGE  # Task.origin of a task made from an unassigned passage


def open_passages(document: Document) -> list[UnassignedPassage]:
    """The document's passages that have not become tasks, in reading order."""
    return sorted((p for p in document.passages if p.task_id is None), key=lambda p: (p.span_start, p.id))


def passage_of(session: Session, document: Document, passage_id: int) -> UnassignedPassage | None:
    """The document's passage ``passage_id`` (None if there is none, or it is another document's)."""
    query = select(UnassignedPassage).where(
        UnassignedPassage.id == passage_id, UnassignedPassage.document_id == document.id
    )
    return session.scalar(query)


def reading_position(document: Document, start: int) -> int:
    """The task position that lists a new task after the tasks whose passage starts before
    ``start`` (tasks are listed by position, then id: the newest last among equals)."""
    before = [t.position for t in document.tasks if t.span_start is not None and t.span_start <= start]
    if before:
        return max(before)
    return min((t.position for t in document.tasks), default=1) - 1


def task_from_passage(*, session: Session, document: Document, passage: UnassignedPassage, user_id: int | None) -> Task:
    """Make ``passage`` a draft task of ``document`` (origin "passage", no agency, no deadline)
    and mark it taken. Refused (``Conflict``) once the document is confirmed, or when the
    passage was already taken, by someone else meanwhile included."""
    if document.status != "draft":
        raise Conflict("the document is confirmed: its review is over")
    if passage.task_id is not None:
        raise Conflict(f"passage {passage.id} already became task {passage.task_id}")
    task = add_task(
        session=session,
        document=document,
        user_id=user_id,
        fields={"text": passage.text},
        origin=ORIGIN,
        position=reading_position(document, passage.span_start),
        span=(passage.span_start, passage.span_end),
        source={"from_passage": passage.id, "reason": passage.reason},
    )
    taken = session.execute(
        update(UnassignedPassage)
        .where(UnassignedPassage.id == passage.id, UnassignedPassage.task_id.is_(None))
        .values(task_id=task.id, taken_by_id=user_id, taken_at=datetime.now(UTC))
    )
    if taken.rowcount != 1:  # another request took it between our read and this write
        raise Conflict(f"passage {passage.id} already became a task")
    session.refresh(passage)
    after = {"task_id": task.id, "text": passage.text, "reason": passage.reason}
    record(session=session, user_id=user_id, entity="passage", entity_id=passage.id, action="take", after=after)
    return task
