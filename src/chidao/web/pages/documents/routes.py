"""The documents: a list (newest first) and one document's page with its tasks and its file.

Drafts (notices still under review) are the office's work in progress: only clerks and admins
see them, and their page links to the review. An agency officer sees the confirmed documents
that give their agency a tracked task, and on a document's page only those tasks, as the API's
``/documents`` does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Document, User
from chidao.tracking.document_filter import issuers_and_types
from chidao.tracking.documents import (
    document_file,
    document_tasks,
    list_documents,
    readable_document,
    task_counts,
)
from chidao.web.deps import (
    STAFF,
    Id,
    PageNo,
    PageUser,
    SessionDep,
    SoonDep,
    TodayDep,
    not_found,
)
from chidao.web.downloads import download
from chidao.web.pages.documents.query import DocumentQueryDep
from chidao.web.pages.listing import pager, url_with
from chidao.web.pages.respond import respond
from chidao.web.pages.review.view import DetailsForm, details_context, ocr_pages
from chidao.web.pages.tasks.rows import task_row

router = APIRouter()
PER_PAGE = 50


def visible_document(session: Session, user: User, document_id: int) -> Document:
    """The document without its file, or 404 when it does not exist or is not for this user."""
    document = readable_document(session, user, document_id, confirmed_only=user.role not in STAFF)
    if document is None:
        raise not_found("document", document_id)
    return document


@router.get("/documents")
def documents_index(
    request: Request, session: SessionDep, user: PageUser, query: DocumentQueryDep, page: PageNo = 1
) -> Response:
    """Documents the user may see, newest first, with how many tasks each assigns; found by
    number, date of issue, issuer, type and words (without diacritics too)."""
    confirmed_only = user.role not in STAFF
    rows, total = list_documents(
        session=session, user=user, flt=query.flt, page=page, per_page=PER_PAGE, confirmed_only=confirmed_only
    )
    issuers, types = issuers_and_types(session, user, confirmed_only)
    tabs = [
        (value, label, url_with(request, status=value or None, page=None))
        for value, label in (
            ("", msg("page_common.all")),
            ("draft", msg("documents_page.tab_draft")),
            ("confirmed", msg("documents_page.tab_confirmed")),
        )
    ]
    context = {
        "title": msg("documents_page.title"),
        "nav": "documents",
        "rows": rows,
        "counts": task_counts(session, [d.id for d in rows]),
        "pager": pager(request, page=page, per_page=PER_PAGE, total=total),
        "status": query.form["status"],
        "tabs": tabs,
        "query": query,
        "issuers": issuers,
        "doc_types": types,
        "staff": user.role in STAFF,
    }
    return respond(request, "documents.html", context)


@router.get("/documents/{document_id:int}")
def document_page(
    document_id: Id, request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep
) -> Response:
    """A document's particulars, its tasks, and for a draft the way to its review."""
    document = visible_document(session, user, document_id)
    return respond(request, "document.html", document_page_context(session, user, document, today, soon))


def document_page_context(
    session: Session, user: User, document: Document, today: date, soon: date, *, details: DetailsForm | None = None
) -> dict[str, Any]:
    """What document.html shows; ``details`` is the particulars' form refused, shown again."""
    tasks = document_tasks(session, user, document)
    return {
        "title": document.number or msg("document_page.fallback_name", id=document.id),
        "nav": "documents",
        "document": document,
        "ocr_pages": ocr_pages(document),
        "details": details_context(document, details),
        "items": [(task_row(t, today, soon), None) for t in tasks],
        "staff": user.role in STAFF,
        "scoped": user.role == "agency",
    }


@router.get("/documents/{document_id:int}/original")
def document_original(document_id: Id, session: SessionDep, user: PageUser) -> Response:
    """The file as it was uploaded, to whoever may see the document."""
    visible_document(session, user, document_id)
    row = document_file(session, document_id)
    return download(row.original, row.filename)
