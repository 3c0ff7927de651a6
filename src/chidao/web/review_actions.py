"""Storing an upload, as both the JSON API and the upload page do it: the use case
(``chidao.tracking.ingest``) in a transaction of its own, retried once after a concurrent
insert. Kept here so that the two front doors cannot drift apart."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chidao.tracking.ingest import Ingested, add_document


def ingest(session: Session, filename: str, data: bytes, user_id: int, confirm: bool) -> Ingested:
    """Store the document and commit; once more if another request stored the same file (or
    created the same new agency) meanwhile: the second time finds their rows.

    Raises ``ReadError`` (nothing written) when the file cannot be read as a document.
    """

    def store() -> Ingested:
        ingested = add_document(session=session, filename=filename, data=data, user_id=user_id, confirm=confirm)
        session.commit()
        return ingested

    try:
        return store()
    except IntegrityError:
        session.rollback()
        return store()
