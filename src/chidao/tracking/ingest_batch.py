"""Storing many files already read in one transaction: what ``chidao ingest DIR`` does with
what its workers send back (``cli/ingest_run.py``).

The same rows as ``ingest.add_document`` stores (a text copy is linked, not stored; the rows are
built by the same ``store.document_rows``), written a batch at a time: the text hashes of the
whole batch looked up in one query, then the documents, the tasks, their agencies, the passages,
the linked copies and the audit entries each in one multi-row INSERT, one commit for all. Row by
row through the ORM, SQLAlchemy's overhead on six statements a document was most of what the
parent process spent on a notice (issue 15).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chidao.store.document_files import DocumentFile
from chidao.store.document_rows import Prepared, write_tasks
from chidao.store.models import Agency, AuditEntry, Document
from chidao.text.readers import ReadError
from chidao.tracking.ingest import check_size, confirm_document, stored_copy


@dataclass(frozen=True)
class Read:
    """A file already read and extracted (by a worker), as the rows to store."""

    filename: str
    data: bytes
    rows: Prepared


@dataclass(frozen=True)
class Stored:
    """The document a file is stored as, and whether this file created it; ``duplicate`` as in
    ``ingest.Ingested``: "bytes" (the same file was in), "text" (linked to the same words)."""

    document_id: int
    created: bool
    duplicate: str | None = None


Outcome = tuple[Stored, int] | ReadError


def store_batch(
    sessions: sessionmaker[Session],
    files: list[Read],
    *,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
    user_id: int | None = None,
) -> list[Outcome]:
    """Store several files already read, whose bytes were not stored when last looked, in one
    transaction, each one's outcome in order: where it is stored and its task count (0 unless
    created), or why it was refused.

    When the transaction fails (a copy of one file stored meanwhile, a document refused by
    ``check_size``), nothing of it stays, and each file is stored again in a transaction of its
    own: one file's trouble never costs the others theirs."""
    try:
        with sessions.begin() as session:
            return _store_all(session, files, confirm=confirm, cache=cache, user_id=user_id)
    except (IntegrityError, ReadError):
        if cache is not None:
            cache.clear()  # rolled back: agencies cached in that transaction may not exist
    return [_store_alone(sessions, read, confirm=confirm, cache=cache, user_id=user_id) for read in files]


def _store_all(
    session: Session, files: list[Read], *, confirm: bool, cache: dict[str, Agency] | None, user_id: int | None
) -> list[Outcome]:
    for read in files:
        check_size(read.filename, read.rows)
    keys = [read.rows.document["text_hash"] for read in files]
    query = select(Document.text_hash, Document.id).where(Document.text_hash.in_(set(keys)))
    rows = session.execute(query.order_by(Document.id.desc())).all()
    known: dict[str, int] = {key: document_id for key, document_id in rows}  # the first copy wins
    first: dict[str, int] = {}  # the first file of each new text: stored; the others linked to it
    for index, key in enumerate(keys):
        if key not in known:
            first.setdefault(key, index)
    created = list(first.values())
    ids = _insert_documents(session, [files[index] for index in created], user_id)
    known.update(zip(first, ids, strict=True))
    drafts = [(known[keys[index]], files[index].rows.tasks, files[index].rows.passages) for index in created]
    write_tasks(session=session, documents=drafts, cache=cache, on=date.today())
    outcomes: list[Outcome] = [
        (Stored(known[key], True), len(read.rows.tasks))
        if first.get(key) == index
        else (Stored(known[key], False, "text"), 0)
        for index, (read, key) in enumerate(zip(files, keys, strict=True))
    ]
    _record(session, files, outcomes, user_id)
    if confirm:
        for document_id in ids:
            confirm_document(session=session, document=session.get_one(Document, document_id), user_id=user_id)
    return outcomes


def _record(session: Session, files: list[Read], outcomes: list[Outcome], user_id: int | None) -> None:
    """The linked copies' ``document_files`` rows, and every file's audit entry, in the files' order."""
    stored = [(read, result) for read, (result, _) in zip(files, outcomes, strict=True)]  # type: ignore[misc]
    copies = [_copy_row(read, result.document_id, user_id) for read, result in stored if not result.created]
    if copies:
        session.connection().execute(insert(DocumentFile.__table__), copies)
    audit = [_audit_row(read, result.document_id, user_id, created=result.created) for read, result in stored]
    session.connection().execute(insert(AuditEntry.__table__), audit)


def _insert_documents(session: Session, files: list[Read], user_id: int | None) -> list[int]:
    if not files:
        return []
    table = Document.__table__
    rows = [{**read.rows.document, "original": read.data, "uploaded_by_id": user_id} for read in files]
    # in any order, each id told by its unique content hash (see ``write_tasks``)
    returning = insert(table).returning(table.c.id, table.c.content_hash)
    found = {digest: document_id for document_id, digest in session.connection().execute(returning, rows)}
    return [found[row["content_hash"]] for row in rows]


def _copy_row(read: Read, document_id: int, user_id: int | None) -> dict:
    """A file whose words are a stored document's, as ``ingest.link_copy`` records it."""
    digest = read.rows.document["content_hash"]
    return {"document_id": document_id, "filename": read.filename, "content_hash": digest, "uploaded_by_id": user_id}


def _audit_row(read: Read, document_id: int, user_id: int | None, *, created: bool) -> dict:
    """The audit entry ``store_document`` (created) or ``link_copy`` writes."""
    if created:
        tasks, unassigned = len(read.rows.tasks), len(read.rows.passages)
        action, after = "ingest", {"filename": read.filename, "tasks": tasks, "unassigned": unassigned}
    else:
        digest = read.rows.document["content_hash"]
        action, after = "duplicate", {"filename": read.filename, "content_hash": digest, "same": "text"}
    entry = {"user_id": user_id, "entity": "document", "entity_id": document_id, "action": action}
    return {**entry, "before": None, "after": after}


def _store_alone(
    sessions: sessionmaker[Session], read: Read, *, confirm: bool, cache: dict[str, Agency] | None, user_id: int | None
) -> Outcome:
    """One file in a transaction of its own, as ``ingest.ingest_file`` stores it: already stored
    by its bytes (another process stored it meanwhile: the database's unique hash decides), or
    stored now."""
    digest = read.rows.document["content_hash"]
    try:
        with sessions.begin() as session:
            existing = stored_copy(session=session, digest=digest)
            if existing is not None:
                return Stored(existing.id, False, "bytes"), 0
            return _store_all(session, [read], confirm=confirm, cache=cache, user_id=user_id)[0]
    except ReadError as error:
        return error
    except IntegrityError:
        if cache is not None:
            cache.clear()
        with sessions() as session:
            existing = stored_copy(session=session, digest=digest)
            if existing is None:
                raise
            return Stored(existing.id, False, "bytes"), 0
