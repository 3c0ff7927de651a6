"""Documents: upload (read, extract, store draft tasks), list, show, correct the particulars, download,
confirm."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, Response, UploadFile, status
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from chidao.messages import msg
from chidao.store.models import Document
from chidao.tracking import documents, ingest_queue
from chidao.tracking.document_details import update_details
from chidao.tracking.document_filter import DocumentFilter
from chidao.tracking.ingest import confirm_draft
from chidao.tracking.ingest_queue import JobInfo
from chidao.tracking.visibility import can_see_task
from chidao.vocab import DocumentStatus
from chidao.web import schemas, upload_queue
from chidao.web.deps import (
    CurrentUser,
    Id,
    PageNo,
    SessionDep,
    SettingsDep,
    SoonDep,
    StaffUser,
    TodayDep,
    document_in_scope,
    query_error,
)
from chidao.web.downloads import download
from chidao.web.uploads import clean_filename, too_large, unsupported
from chidao.web.views import document_detail, document_summary, ordered_tasks

router = APIRouter(prefix="/documents", tags=["documents"])

PerPage = Annotated[int, Query(ge=1, le=200)]


MAX_WAIT = 300


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        201: {"model": schemas.UploadResult, "description": "with ``wait``: read and stored in time"},
        200: {"model": schemas.UploadResult, "description": "with ``wait``: the same file was already stored"},
        413: {"description": "file too large"},
        415: {"description": "not a kind of file chidao reads"},
        422: {"description": "with ``wait``: the file cannot be read (empty, corrupt, misnamed, ...)"},
    },
)
async def upload(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    user: StaffUser,
    today: TodayDep,
    soon: SoonDep,
    file: Annotated[
        UploadFile,
        File(description="a notice: .txt, .md, .html, .docx, .doc, .odt, .rtf, .pdf, or a scan (.png, .jpg, .tif)"),
    ],
    confirm: Annotated[bool, Form(description="confirm at once: tasks are tracked without review")] = False,
    wait: Annotated[
        int, Query(ge=0, le=MAX_WAIT, description="seconds to wait for the reading; then answer as before the queue")
    ] = 0,
) -> schemas.IngestJobPublic | schemas.UploadResult:
    """Queue a document to be read, extracted and stored (a draft to review, unless ``confirm``):
    202 with the job, whose ``Location`` tells where to follow it. With ``wait``, the answer
    waits up to that many seconds for the job: 201 with the stored document, 200 when the same
    file was stored already, 422 when it cannot be read; 202 with the job if it took longer."""
    # A coroutine so that waiting holds no thread of the pool (``upload_queue.wait_for``); what
    # touches the database runs on that pool, one short step at a time.
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise too_large("the file", settings.max_upload_bytes)
    filename = clean_filename(file.filename)
    reason = await run_in_threadpool(unsupported, filename, data)  # may open a zip: not in the loop
    if reason:
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, reason)
    job = await run_in_threadpool(upload_queue.queue_upload, request, session, filename, data, user.id, confirm)
    if wait:
        job = await upload_queue.wait_for(request, job.id, wait)
    if not wait or not job.finished:
        response.headers["Location"] = upload_queue.job_url(job.id)
        return upload_queue.job_public(job)
    return await run_in_threadpool(_waited, session, job, response, today, soon)


def _waited(session: Session, job: JobInfo, response: Response, today: date, soon: date) -> schemas.UploadResult:
    """A finished job answered as the upload was before the queue."""
    error = ingest_queue.failure(job)
    if error is not None:
        raise error
    if job.document_id is None:
        raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, f"reading the file failed: {job.error}")
    session.expire_all()
    document = session.get(Document, job.document_id)
    if document is None:  # deleted meanwhile
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"document {job.document_id} not found")
    response.status_code = status.HTTP_201_CREATED if job.status == "done" else status.HTTP_200_OK
    return document_detail(document, ordered_tasks(document), today, soon, created=job.status == "done")


@router.get("")
def list_documents(
    session: SessionDep,
    user: CurrentUser,
    doc_status: Annotated[DocumentStatus | None, Query(alias="status")] = None,
    number: Annotated[
        str | None, Query(max_length=300, description=f"number ({msg('api_schemas.number')}), its words in order")
    ] = None,
    issued_from: Annotated[date | None, Query(description="issued on or after (YYYY-MM-DD)")] = None,
    issued_to: Annotated[date | None, Query(description="issued on or before (YYYY-MM-DD)")] = None,
    issuer: Annotated[
        str | None, Query(max_length=300, description=f"issuing body ({msg('api_schemas.issuer')}), exactly")
    ] = None,
    doc_type: Annotated[
        str | None, Query(max_length=50, description=f"type ({msg('api_schemas.doc_type')}), exactly")
    ] = None,
    q: Annotated[str | None, Query(max_length=300, description="words, with or without diacritics")] = None,
    page: PageNo = 1,
    per_page: PerPage = 50,
) -> schemas.Page[schemas.DocumentSummary]:
    """Documents, newest first; the filters combine. ``q`` finds each word (folded: "chuyen doi so"
    finds "chuyển đổi số") at the start of a word of the number, title, type, place, issuer,
    signer, chair or file name."""
    if issued_from and issued_to and issued_from > issued_to:
        raise query_error("issued_to", "Input should be on or after issued_from", issued_to.isoformat())
    flt = DocumentFilter(
        status=doc_status,
        number=(number or "").strip() or None,
        issued_from=issued_from,
        issued_to=issued_to,
        issuer=(issuer or "").strip() or None,
        doc_type=(doc_type or "").strip() or None,
        q=(q or "").strip() or None,
    )
    rows, total = documents.list_documents(session=session, user=user, flt=flt, page=page, per_page=per_page)
    counts = documents.task_counts(session, [d.id for d in rows])
    items = [document_summary(d, counts.get(d.id, 0)) for d in rows]
    return schemas.Page(items=items, total=total, page=page, per_page=per_page)


@router.get("/{document_id}")
def get_document(
    document_id: Id,
    session: SessionDep,
    user: CurrentUser,
    today: TodayDep,
    soon: SoonDep,
    include_deleted: bool = False,
) -> schemas.DocumentDetail:
    """A document with its tasks (drafts included; deleted ones on request)."""
    document = document_in_scope(session, user, document_id)
    tasks = [t for t in ordered_tasks(document) if can_see_task(user, t) and (include_deleted or not t.deleted)]
    return document_detail(document, tasks, today, soon)


@router.get("/{document_id}/original", response_class=Response, responses={200: {"content": {"*/*": {}}}})
def download_original(document_id: Id, session: SessionDep, user: CurrentUser) -> Response:
    """The file as it was uploaded."""
    document = document_in_scope(session, user, document_id)
    return download(document.original, document.filename)


@router.patch("/{document_id}", responses={409: {"description": "the details were changed since `version`"}})
def update_document_details(
    document_id: Id,
    body: schemas.DocumentDetailsUpdate,
    session: SessionDep,
    user: StaffUser,
    today: TodayDep,
    soon: SoonDep,
) -> schemas.DocumentDetail:
    """Correct the document's particulars (number, date, type, place, title, chair, signer), a
    draft or a confirmed one; each change is logged with its former value."""
    document = document_in_scope(session, user, document_id)
    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version", None)
    update_details(session=session, document=document, user_id=user.id, changes=changes, version=version)
    session.commit()
    tasks = [t for t in ordered_tasks(document) if not t.deleted]
    return document_detail(document, tasks, today, soon)


@router.post("/{document_id}/confirm", responses={409: {"description": "already confirmed"}})
def confirm_review(
    document_id: Id, session: SessionDep, user: StaffUser, today: TodayDep, soon: SoonDep
) -> schemas.DocumentDetail:
    """End the review: the document's remaining tasks start being tracked."""
    document = document_in_scope(session, user, document_id)
    confirm_draft(session=session, document=document, user_id=user.id)
    session.commit()
    tasks = [t for t in ordered_tasks(document) if not t.deleted]
    return document_detail(document, tasks, today, soon)
