"""Storing an upload, as both the JSON API and the upload page do it: the file read and extracted
in a worker process with memory and time limits (``chidao.tracking.sandbox``) while the request
holds no transaction, then the use case (``chidao.tracking.ingest``) in a transaction of its own,
retried once after a concurrent insert. Kept here so that the two front doors cannot drift apart."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chidao.tracking.ingest import Ingested, add_document, check_size, stored_copy
from chidao.tracking.sandbox import read_and_extract


def ingest(session: Session, filename: str, data: bytes, user_id: int, confirm: bool) -> Ingested:
    """Store the document and commit; once more if another request stored the same file (or
    created the same new agency) meanwhile: the second time finds their rows.

    Raises ``ReadError`` (nothing written) when the file cannot be read as a document, or needs
    more memory or time than a worker is allowed.
    """
    existing = stored_copy(session=session, data=data)
    if existing is not None:
        return Ingested(existing, False)
    session.commit()  # no snapshot and no lock held while the worker reads: other users' writes go on
    extraction = read_and_extract(data, filename)
    check_size(filename, extraction)

    def store() -> Ingested:
        ingested = add_document(
            session=session, filename=filename, data=data, user_id=user_id, confirm=confirm, extraction=extraction
        )
        session.commit()
        return ingested

    try:
        return store()
    except IntegrityError:
        session.rollback()
        return store()
