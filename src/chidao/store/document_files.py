"""Files that arrived as copies of a stored document (issue 15, migration 0020).

A notice received twice with other bytes but the same words (``documents.text_hash``: the DOCX
and the PDF printed from it, a re-saved copy) is not stored again: the second file is kept as a
row here, linked to the document, so that the clerk sees it arrived and a later run of
``chidao ingest`` knows its bytes without reading it again (``content_hash`` is unique, as the
documents' own is).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from chidao.store.models import Base, UTCDateTime


class DocumentFile(Base):
    """A file whose text is a stored document's (``reason``: "text")."""

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("content_hash", name="uq_document_files_content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(20), default="text")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
