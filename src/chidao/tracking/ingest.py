"""Ingest: a notice read, extracted and stored with its draft tasks in one transaction, the
same file never twice; and confirming a reviewed draft, after which its tasks are tracked.

The CLI (``chidao ingest``), the API and the upload page all store a document through
``add_document``. The CLI (``ingest_file``) and the web (``web.upload_queue``) first read and
extract the file in a worker process with memory and time limits (``sandbox``), outside any
transaction, and hand the extraction over; ``ingest_file`` gives the storing a transaction of its
own and settles the race of two processes storing the same file at once.

A document is stored once: the same bytes again (``Ingested.duplicate`` "bytes"), or a file
whose words are a stored document's (the DOCX and the PDF printed from it, a re-saved copy:
``documents.text_hash``, "text"), return the stored document, not created. A text copy is
linked to it (``document_files``, with an audit entry) so that the clerk sees the file arrived
and its bytes are known next time without reading it.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import not_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chidao.extract import Extraction
from chidao.store.audit import record
from chidao.store.document_files import DocumentFile
from chidao.store.document_rows import Prepared, store_extraction
from chidao.store.documents import document_row
from chidao.store.models import Agency, Document, Task, User
from chidao.text.identity import text_hash
from chidao.text.readers import Failure, ReadError
from chidao.tracking.errors import Conflict
from chidao.tracking.events import emit_many
from chidao.tracking.round_reports import start_rounds
from chidao.tracking.sandbox import read_and_extract, read_document
from chidao.vocab import EventKind

MAX_TASKS_PER_DOCUMENT = 2000


@dataclass(frozen=True)
class Ingested:
    """The document stored, or found already stored (``created`` False); ``duplicate`` says why
    it was not stored again: "bytes" (the same file), "text" (another file with the same words)."""

    document: Document
    created: bool
    duplicate: str | None = None


def add_document(
    *,
    session: Session,
    filename: str,
    data: bytes,
    user_id: int | None = None,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
    extraction: Extraction | None = None,
) -> Ingested:
    """Read, extract and store a document with its draft tasks and unassigned passages;
    raises ReadError before writing.

    ``extraction`` is the file already read and extracted (by a worker process: ``sandbox``);
    without it the file is read here, in this process."""
    existing = stored_copy(session=session, data=data)
    if existing is not None:
        return Ingested(existing, False, "bytes")
    if extraction is None:
        extraction = read_document(data, filename)
    check_size(filename, extraction)
    return store_new(
        session=session,
        filename=filename,
        data=data,
        extraction=extraction,
        user_id=user_id,
        confirm=confirm,
        cache=cache,
    )


def store_new(
    *,
    session: Session,
    filename: str,
    data: bytes,
    extraction: Extraction,
    user_id: int | None = None,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
) -> Ingested:
    """Store a file read and checked whose bytes are not stored (the database's unique hash
    refuses them if they are): linked to the document with the same words, or a new document."""
    key = text_hash(extraction.normalized.text)
    same = session.scalar(select(Document).where(Document.text_hash == key).order_by(Document.id).limit(1))
    if same is not None:
        link_copy(session=session, document=same, filename=filename, data=data, user_id=user_id)
        return Ingested(same, False, "text")
    return store_document(
        session=session,
        filename=filename,
        data=data,
        extraction=extraction,
        user_id=user_id,
        confirm=confirm,
        cache=cache,
        text_key=key,
    )


def stored_copy(*, session: Session, data: bytes | None = None, digest: str | None = None) -> Document | None:
    """The document already stored with these bytes (its own, or a copy linked to it), if any;
    ``digest`` is their SHA-256 when the caller has it."""
    digest = digest or hashlib.sha256(data or b"").hexdigest()
    found = session.scalar(select(Document).where(Document.content_hash == digest))
    if found is None:  # two indexed lookups: an OR of both would let PostgreSQL scan the documents
        linked = select(DocumentFile.document_id).where(DocumentFile.content_hash == digest).scalar_subquery()
        found = session.scalar(select(Document).where(Document.id == linked))
    return found


def stored_hashes(*, session: Session, digests: list[str]) -> set[str]:
    """Which of these SHA-256 digests are stored files (documents or copies linked to one)."""
    found: set[str] = set()
    for start in range(0, len(digests), 500):
        chunk = digests[start : start + 500]
        found.update(session.scalars(select(Document.content_hash).where(Document.content_hash.in_(chunk))))
        found.update(session.scalars(select(DocumentFile.content_hash).where(DocumentFile.content_hash.in_(chunk))))
    return found


def link_copy(*, session: Session, document: Document, filename: str, data: bytes, user_id: int | None) -> None:
    """Record a file whose words are ``document``'s: a ``document_files`` row and an audit entry."""
    digest = hashlib.sha256(data).hexdigest()
    session.add(DocumentFile(document_id=document.id, filename=filename, content_hash=digest, uploaded_by_id=user_id))
    record(
        session=session,
        user_id=user_id,
        entity="document",
        entity_id=document.id,
        action="duplicate",
        after={"filename": filename, "content_hash": digest, "same": "text"},
    )


def check_size(filename: str, extraction: Extraction | Prepared) -> None:
    """Refuse, before anything is written, a document that assigns more tasks than one review
    can hold (a spreadsheet pasted as text, a generated file): a clear error, not minutes of work."""
    if len(extraction.tasks) > MAX_TASKS_PER_DOCUMENT:
        raise ReadError(
            filename,
            f"the document assigns {len(extraction.tasks):,} tasks, more than the {MAX_TASKS_PER_DOCUMENT:,} "
            "one document may hold: split it",
            Failure.TOO_MANY_TASKS,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a document's rows are made and written: thousands of
    new objects set it off again and again, each time over everything alive, which made storing
    grow faster than the document (issue 10, item 2; benchmarks/store_large.py). Reference
    counting frees what it can meanwhile; the collector runs as before once the rows are in."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@_collector_paused()
def store_document(
    *,
    session: Session,
    filename: str,
    data: bytes,
    extraction: Extraction,
    user_id: int | None = None,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
    text_key: str | None = None,
) -> Ingested:
    """Store a document already read and extracted (work done before the transaction writes);
    ``text_key`` is its ``text_hash`` when the caller has it. The cycle collector waits meanwhile."""
    data_dict = extraction.to_dict()
    info = data_dict["document"]
    document = document_row(filename, data, hashlib.sha256(data).hexdigest(), info, extraction.normalized.text)
    document.uploaded_by_id = user_id
    document.text_hash = text_key or text_hash(extraction.normalized.text)
    session.add(document)
    store_extraction(
        session=session, document=document, extraction=extraction, cache=cache, on=date.today(), data=data_dict
    )
    record(
        session=session,
        user_id=user_id,
        entity="document",
        entity_id=document.id,
        action="ingest",
        after={"filename": filename, "tasks": len(extraction.tasks), "unassigned": len(extraction.unassigned)},
    )
    if confirm:
        confirm_document(session=session, document=document, user_id=user_id)
    return Ingested(document, True)


def ingest_file(
    sessions: sessionmaker[Session],
    *,
    filename: str,
    data: bytes,
    user_id: int | None = None,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
    reader: Callable[[bytes, str], Extraction] = read_and_extract,
) -> tuple[Ingested, int]:
    """Store a file, and say how many tasks its document has: read and extracted by ``reader``
    (a worker process, ``sandbox``) while no transaction is open, then ``add_document`` in a
    transaction of its own.

    Two processes storing the same file at once both pass the "already stored?" check; the
    database's unique content hash lets one win, and the other, rolled back, reports the winner's
    copy as already stored instead of failing. Raises ReadError before writing anything."""
    with sessions() as session:
        existing = stored_copy(session=session, data=data)
        if existing is not None:
            return Ingested(existing, False, "bytes"), len(existing.tasks)
    extraction = reader(data, filename)
    try:
        with sessions.begin() as session:
            result = add_document(
                session=session,
                filename=filename,
                data=data,
                user_id=user_id,
                confirm=confirm,
                cache=cache,
                extraction=extraction,
            )
            return result, len(result.document.tasks)
    except IntegrityError:
        if cache is not None:
            cache.clear()  # rolled back: agencies cached in that transaction may not exist
        with sessions() as session:
            existing = stored_copy(session=session, data=data)
            if existing is None:
                raise
            return Ingested(existing, False, "bytes"), len(existing.tasks)


def confirm_document(*, session: Session, document: Document, user_id: int | None) -> None:
    """Mark a reviewed document confirmed: its remaining tasks start being tracked.

    The status changes by a conditional UPDATE, so of several clerks (or requests) confirming at
    once exactly one does: the others find it confirmed (a Conflict), and one confirmation is
    logged."""
    now = datetime.now(UTC)
    claimed = session.execute(
        update(Document)
        .where(Document.id == document.id, Document.status != "confirmed")
        .values(status="confirmed", confirmed_at=now, confirmed_by_id=user_id)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        session.refresh(document)
        raise Conflict("the document is already confirmed")
    session.refresh(document, ["status", "confirmed_at", "confirmed_by_id"])
    # one statement for all the tasks (a plan may have thousands), each one's version moved on as
    # an edit through the ORM would; tasks already loaded are refreshed from what it returned
    session.execute(
        update(Task)
        .where(Task.document_id == document.id)
        .values(tracked=not_(Task.deleted), version=Task.version + 1)
        .execution_options(synchronize_session="fetch")
    )
    recurring = select(Task).where(Task.document_id == document.id, Task.recurrence.is_not(None))
    start_rounds(session, session.scalars(recurring).all())
    record(session=session, user_id=user_id, entity="document", entity_id=document.id, action="confirm")
    tracked = session.scalars(select(Task).where(Task.document_id == document.id, Task.tracked.is_(True)))
    actor = session.get(User, user_id) if user_id is not None else None
    emit_many(session, EventKind.TASK_CREATED, list(tracked), actor=actor, data={"document_id": document.id})


def confirm_draft(*, session: Session, document: Document, user_id: int) -> None:
    """End the review (the caller commits): the document's remaining tasks start being tracked.
    A document is confirmed once; a second confirmation is a conflict, not a no-op, so that two
    clerks confirming at once learn that someone else did."""
    if document.status == "confirmed":
        raise Conflict("the document is already confirmed")
    confirm_document(session=session, document=document, user_id=user_id)
