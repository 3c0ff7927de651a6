"""The documents: a list (newest first) and one document's page with its tasks and its file.

Drafts (notices still under review) are the office's work in progress: only clerks and admins
see them, and their page links to the review. An agency officer sees the confirmed documents
that give their agency a tracked task, and on a document's page only those tasks, as the API's
``/documents`` does.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from chidao.store.models import Document, Task, User
from chidao.web.deps import (
    STAFF,
    Id,
    PageNo,
    SessionDep,
    SoonDep,
    TodayDep,
    can_see_task,
    count_documents,
    documents_visible,
    not_found,
)
from chidao.web.pages import labels  # noqa: F401  (registers the labels the templates use)
from chidao.web.pages.deps import PageUser
from chidao.web.pages.files import download
from chidao.web.pages.listing import pager
from chidao.web.pages.lookups import document_without_file
from chidao.web.pages.task_rows import task_row
from chidao.web.pages.templating import render
from chidao.web.views import task_counts

router = APIRouter()
PER_PAGE = 50
MAX_TASKS_SHOWN = 1000  # a notice assigns tens of tasks; this only bounds a pathological one


def _visible(user: User, query):
    """``query`` on Document narrowed to what ``user`` may see."""
    condition = documents_visible(user)
    if condition is not None:
        query = query.where(condition)
    if user.role not in STAFF:
        query = query.where(Document.status == "confirmed")
    return query


def visible_document(session: Session, user: User, document_id: int) -> Document:
    """The document without its file, or 404 when it does not exist or is not for this user."""
    allowed = session.scalar(_visible(user, select(Document.id).where(Document.id == document_id)))
    document = document_without_file(session, document_id) if allowed else None
    if document is None:
        raise not_found("document", document_id)
    return document


@router.get("/documents")
def documents_index(
    request: Request,
    session: SessionDep,
    user: PageUser,
    status: Literal["", "draft", "confirmed"] = "",
    page: PageNo = 1,
) -> Response:
    """Documents the user may see, newest first, with how many tasks each assigns."""
    query = _visible(user, select(Document).options(defer(Document.original), defer(Document.text)))
    where = [Document.status == status] if status else []
    if user.role not in STAFF:
        where.append(Document.status == "confirmed")
    total = count_documents(session, user, where)
    query = query.where(*where)
    rows = list(session.scalars(query.order_by(Document.id.desc()).offset((page - 1) * PER_PAGE).limit(PER_PAGE)))
    context = {
        "title": "Văn bản",
        "nav": "documents",
        "rows": rows,
        "counts": task_counts(session, [d.id for d in rows]),
        "pager": pager(request, page=page, per_page=PER_PAGE, total=total),
        "status": status,
        "staff": user.role in STAFF,
    }
    return render(request, "documents.html", context)


def _tasks(session: Session, user: User, document: Document) -> list[Task]:
    """The document's live tasks in their order in the notice, those the user may open."""
    query = (
        select(Task)
        .where(Task.document_id == document.id, Task.deleted.is_(False))
        .order_by(Task.position, Task.id)
        .limit(MAX_TASKS_SHOWN)
    )
    return [t for t in session.scalars(query) if can_see_task(user, t)]


@router.get("/documents/{document_id:int}")
def document_page(
    document_id: Id, request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep
) -> Response:
    """A document's particulars, its tasks, and for a draft the way to its review."""
    document = visible_document(session, user, document_id)
    tasks = _tasks(session, user, document)
    context = {
        "title": document.number or f"Văn bản #{document.id}",
        "nav": "documents",
        "document": document,
        "items": [(task_row(t, today, soon), None) for t in tasks],
        "staff": user.role in STAFF,
        "scoped": user.role == "agency",
    }
    return render(request, "document.html", context)


@router.get("/documents/{document_id:int}/original")
def document_original(document_id: Id, session: SessionDep, user: PageUser) -> Response:
    """The file as it was uploaded, to whoever may see the document."""
    visible_document(session, user, document_id)
    row = session.execute(
        select(Document.original, Document.filename, Document.media_type).where(Document.id == document_id)
    ).one()
    return download(row.original, row.filename, row.media_type)
