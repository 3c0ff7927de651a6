"""Reading documents as the lists and pages show them: only what the user may see, never the
original file unless it is asked for (it may weigh megabytes), counted and paged by index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, defer, load_only

from chidao.messages import msg
from chidao.store.models import Document, Task, User
from chidao.tracking.document_filter import DocumentFilter, document_conditions
from chidao.tracking.visibility import can_see_task, count_documents, documents_visible

MAX_TASKS_SHOWN = 1000  # a notice assigns tens of tasks; this only bounds a pathological one


def _visible(user: User, query, confirmed_only: bool):
    """``query`` on Document narrowed to what ``user`` may see (``confirmed_only``: no drafts)."""
    condition = documents_visible(user)
    if condition is not None:
        query = query.where(condition)
    if confirmed_only:
        query = query.where(Document.status == "confirmed")
    return query


def list_documents(
    *,
    session: Session,
    user: User,
    status: str | None = None,
    page: int,
    per_page: int,
    confirmed_only: bool = False,
    flt: DocumentFilter | None = None,
) -> tuple[list[Document], int]:
    """A page of the documents ``user`` may see that match ``flt`` (or are of one ``status``),
    newest first, without their text or file; and how many there are."""
    deferred = (defer(Document.original), defer(Document.text), defer(Document.search_text))
    query = _visible(user, select(Document).options(*deferred), confirmed_only)
    where = document_conditions(flt or DocumentFilter(status=status))
    if confirmed_only:
        where.append(Document.status == "confirmed")
    total = count_documents(session, user, where)
    query = query.where(*where)
    rows = list(session.scalars(query.order_by(Document.id.desc()).offset((page - 1) * per_page).limit(per_page)))
    return rows, total


def task_counts(session: Session, document_ids: list[int]) -> dict[int, int]:
    """Tasks (not deleted) per document."""
    if not document_ids:
        return {}
    rows = session.execute(
        select(Task.document_id, func.count(Task.id))
        .where(Task.document_id.in_(document_ids), Task.deleted.is_(False))
        .group_by(Task.document_id)
    )
    return dict(rows.all())


@dataclass(frozen=True)
class DocumentRef:
    id: int
    number: str | None
    title: str | None
    status: str

    @property
    def label(self) -> str:
        """How a document is named in a list: its number, else its title, else its id."""
        return self.number or (self.title or "")[:80] or msg("tracking.documents.fallback_label", id=self.id)


# Built once, run through the connection: every task list asks it (issue 10, item 10).
_REFS = select(Document.id, Document.number, Document.title, Document.status).where(
    Document.id.in_(bindparam("ids", expanding=True))
)


def document_refs(session: Session, ids: Iterable[int]) -> dict[int, DocumentRef]:
    """Number, title and status of the documents ``ids`` (never their text or file)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.connection().execute(_REFS, {"ids": wanted})
    return {row[0]: DocumentRef(*row) for row in rows}


def document_without_file(session: Session, document_id: int) -> Document | None:
    """The document row without its original file (which may weigh megabytes)."""
    fields = load_only(
        Document.id,
        Document.filename,
        Document.media_type,
        Document.text,
        Document.doc_type,
        Document.number,
        Document.place,
        Document.doc_date,
        Document.title,
        Document.chair,
        Document.signer,
        Document.status,
        Document.created_at,
        Document.confirmed_at,
        Document.meta,
    )
    return session.scalar(select(Document).options(fields).where(Document.id == document_id))


def readable_document(session: Session, user: User, document_id: int, confirmed_only: bool) -> Document | None:
    """The document without its file, or None when it does not exist or is not for this user."""
    allowed = session.scalar(_visible(user, select(Document.id).where(Document.id == document_id), confirmed_only))
    return document_without_file(session, document_id) if allowed else None


def document_file(session: Session, document_id: int) -> Row:
    """The original file of a document: ``original``, ``filename``, ``media_type``."""
    query = select(Document.original, Document.filename, Document.media_type).where(Document.id == document_id)
    return session.execute(query).one()


def document_tasks(session: Session, user: User, document: Document) -> list[Task]:
    """The document's live tasks in their order in the notice, those the user may open."""
    query = (
        select(Task)
        .where(Task.document_id == document.id, Task.deleted.is_(False))
        .order_by(Task.position, Task.id)
        .limit(MAX_TASKS_SHOWN)
    )
    return [t for t in session.scalars(query) if can_see_task(user, t)]


def is_draft(session: Session, document_id: int) -> bool:
    """Whether the document is still under review."""
    return session.scalar(select(Document.status).where(Document.id == document_id)) == "draft"
