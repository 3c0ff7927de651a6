"""Storing many files already read in one transaction: what ``chidao ingest DIR`` does with
what its workers send back (``cli/ingest_run.py``).

The same rules as ``ingest.add_document`` (a text copy is linked, not stored), with the lookups
done once per batch: the text hashes of the whole batch in one query, one commit for all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chidao.extract import Extraction
from chidao.store.models import Agency, Document
from chidao.text.identity import text_hash
from chidao.text.readers import ReadError
from chidao.tracking.ingest import Ingested, check_size, ingest_file, link_copy, store_document

Outcome = tuple[Ingested, int] | ReadError


@dataclass(frozen=True)
class Read:
    """A file already read and extracted (by a worker), ready to store."""

    filename: str
    data: bytes
    extraction: Extraction


def store_batch(
    sessions: sessionmaker[Session],
    files: list[Read],
    *,
    confirm: bool = False,
    cache: dict[str, Agency] | None = None,
    user_id: int | None = None,
) -> list[Outcome]:
    """Store several files already read, whose bytes were not stored when last looked, in one
    transaction, each one's outcome in order: its ``Ingested`` and task count (0 unless created),
    or why it was refused.

    When the transaction fails (a copy of one file stored meanwhile, a document refused by
    ``check_size``), nothing of it stays, and each file is stored again in a transaction of its
    own (``ingest_file``): one file's trouble never costs the others theirs."""
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
    keys = [text_hash(read.extraction.normalized.text) for read in files]
    query = select(Document.text_hash, Document.id).where(Document.text_hash.in_(set(keys)))
    rows = session.execute(query.order_by(Document.id.desc())).all()
    known: dict[str, int] = {key: document_id for key, document_id in rows}  # the first copy wins
    outcomes: list[Outcome] = []
    for read, key in zip(files, keys, strict=True):
        check_size(read.filename, read.extraction)
        if key in known:
            document = session.get_one(Document, known[key])
            link_copy(session=session, document=document, filename=read.filename, data=read.data, user_id=user_id)
            outcomes.append((Ingested(document, False, "text"), 0))
            continue
        result = store_document(
            session=session,
            filename=read.filename,
            data=read.data,
            extraction=read.extraction,
            user_id=user_id,
            confirm=confirm,
            cache=cache,
            text_key=key,
        )
        known[key] = result.document.id
        outcomes.append((result, len(read.extraction.tasks)))
    return outcomes


def _store_alone(
    sessions: sessionmaker[Session], read: Read, *, confirm: bool, cache: dict[str, Agency] | None, user_id: int | None
) -> Outcome:
    try:
        return ingest_file(
            sessions,
            filename=read.filename,
            data=read.data,
            user_id=user_id,
            confirm=confirm,
            cache=cache,
            reader=lambda _data, _name: read.extraction,
        )
    except ReadError as error:
        return error
