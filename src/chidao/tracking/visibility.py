"""What a user may see: every task and document for the office (drafts under review included);
for the leaders, the confirmed documents and their tasks (a draft is the office's work in
progress); for an agency officer, the tracked tasks their agency leads or coordinates and the
confirmed documents that give them one. The API and the pages answer 404 (never 403) outside it,
so an officer cannot tell another agency's task from one that does not exist, and both ask this
module, so they never disagree."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from chidao.store.models import Assignment, Document, Task, User
from chidao.tracking.task_filter import Scope
from chidao.vocab import DocumentStatus, UserRole


def sees_drafts(user: User) -> bool:
    """Only the office (admin, clerk) sees documents under review and their draft tasks."""
    return user.role in UserRole.staff()


def scope_of(user: User) -> Scope:
    if user.role == UserRole.AGENCY:
        return Scope(agency_id=user.agency_id, unrestricted=False, drafts=False)
    return Scope(drafts=sees_drafts(user))


def can_see_task(user: User, task: Task) -> bool:
    """Agency officers see the tracked tasks their agency leads or coordinates; leaders the tasks
    of confirmed documents; the office all."""
    if sees_drafts(user):
        return True
    if user.role != UserRole.AGENCY:
        return task.tracked or task.document.status == DocumentStatus.CONFIRMED
    return task.tracked and not task.deleted and any(a.agency_id == user.agency_id for a in task.assignments)


def visible_task(session: Session, user: User, task_id: int) -> Task | None:
    task = session.get(Task, task_id)
    return task if task is not None and can_see_task(user, task) else None


def documents_visible(user: User):
    """A condition on Document for what ``user`` may see: for an agency, the confirmed documents
    with a tracked task of theirs: one probe of its rows' (agency, document) index per document;
    for a leader, the confirmed documents; None (no condition) for the office."""
    if sees_drafts(user):
        return None
    if user.role != UserRole.AGENCY:
        return Document.status == DocumentStatus.CONFIRMED
    theirs = select(Assignment.id).where(
        Assignment.agency_id == user.agency_id,
        Assignment.document_id == Document.id,
        Assignment.task_status.is_not(None),
    )
    return exists(theirs)


def count_documents(session: Session, user: User, where: list) -> int:
    """How many documents ``user`` may see among those matching ``where`` (conditions on
    Document). For an agency, counted from its own rows' (agency, document) index instead of
    probing every document of the database."""
    if user.role != UserRole.AGENCY:
        condition = documents_visible(user)
        narrowed = [*where, condition] if condition is not None else where
        return session.scalar(select(func.count(Document.id)).where(*narrowed)) or 0
    theirs = (
        select(Assignment.document_id)
        .where(Assignment.agency_id == user.agency_id, Assignment.task_status.is_not(None))
        .distinct()
        .subquery()
    )
    counted = select(func.count()).select_from(theirs).join(Document, Document.id == theirs.c.document_id)
    return session.scalar(counted.where(*where)) or 0


def visible_document(session: Session, user: User, document_id: int) -> Document | None:
    query = select(Document).where(Document.id == document_id)
    condition = documents_visible(user)
    if condition is not None:
        query = query.where(condition)
    return session.scalar(query)
