"""Which documents a reader asks for: number, date of issue, issuer, type and words, each optional,
all combined; and the issuers and types there are to choose from, among what the reader may see.

Words are searched folded (``chidao.text.fold_words``), as tasks are: "chuyen doi so" finds
"Chuyển đổi số", "uy ban" finds "Uỷ ban". Each word must start a word of the document's folded
``search_text`` (its number, title, type, place, issuer, signer, chair and file name: migration
0019). A number search looks at the number only: its words in order, as the number's first part
(``search_text`` keeps the number before `` |``). A province holds thousands of documents, not
millions: ``LIKE`` on the folded text answers in milliseconds without an index of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Document, User
from chidao.text import fold_words
from chidao.tracking.visibility import documents_visible

MAX_CHOICES = 500  # issuers or types offered in a select list


@dataclass(frozen=True)
class DocumentFilter:
    status: str | None = None
    number: str | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    issuer: str | None = None
    doc_type: str | None = None
    q: str | None = None

    @property
    def narrowed(self) -> bool:
        """Whether anything beyond the status is asked (the list then says what it found)."""
        return any((self.number, self.issued_from, self.issued_to, self.issuer, self.doc_type, self.q))


def folded_words(text: str | None) -> list[str]:
    """The words of ``text`` folded to ASCII letters and digits (nothing else reaches a LIKE)."""
    return re.findall(r"[0-9a-z]+", fold_words(text or ""))


def document_conditions(flt: DocumentFilter) -> list:
    """The WHERE clauses on ``documents`` for ``flt`` (the viewer's scope is applied apart)."""
    where = []
    if flt.status:
        where.append(Document.status == flt.status)
    numbered = folded_words(flt.number)
    if numbered:
        where.append(Document.search_text.like(f"% {' '.join(numbered)}% |%"))
    if flt.issued_from:
        where.append(Document.doc_date >= flt.issued_from)
    if flt.issued_to:
        where.append(Document.doc_date <= flt.issued_to)
    if flt.issuer:
        where.append(Document.issuer == flt.issuer)
    if flt.doc_type:
        where.append(Document.doc_type == flt.doc_type)
    where += [Document.search_text.like(f"% {word}%") for word in folded_words(flt.q)]
    return where


def _values(session: Session, user: User, column, confirmed_only: bool) -> list[str]:
    query = select(column).where(column.is_not(None), column != "").distinct()
    condition = documents_visible(user)
    if condition is not None:
        query = query.where(condition)
    if confirmed_only:
        query = query.where(Document.status == "confirmed")
    return sorted(session.scalars(query.limit(MAX_CHOICES)), key=fold_words)


def issuers_and_types(session: Session, user: User, confirmed_only: bool = False) -> tuple[list[str], list[str]]:
    """The issuers and the document types of the documents ``user`` may see, each sorted as read."""
    return (
        _values(session, user, Document.issuer, confirmed_only),
        _values(session, user, Document.doc_type, confirmed_only),
    )
