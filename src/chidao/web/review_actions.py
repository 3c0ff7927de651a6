"""Steps of a document's life that both the JSON API and the pages take: storing an upload and
confirming a reviewed draft. Kept here so that the two front doors cannot drift apart."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chidao.store.models import Document
from chidao.tracking.errors import Conflict
from chidao.tracking.ingest import Ingested, add_document, confirm_document


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


def confirm_review(session: Session, document: Document, user_id: int) -> None:
    """End the review (the caller commits): the document's remaining tasks start being tracked.
    A document is confirmed once; a second confirmation is a conflict, not a no-op, so that two
    clerks confirming at once learn that someone else did."""
    if document.status == "confirmed":
        raise Conflict("the document is already confirmed")
    confirm_document(session=session, document=document, user_id=user_id)
