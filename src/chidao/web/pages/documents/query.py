"""The document list's query string → ``DocumentFilter``: number, date of issue (from, to; typed
dd/mm/yyyy, or yyyy-mm-dd from a date picker), issuer, type, words.

HTML forms send every field, empty ones as ``name=``: empty means "not filtered". A date that is
no date, or a range that ends before it starts, is refused with a 422 page saying which field
to correct, in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query

from chidao.messages import msg
from chidao.tracking.document_filter import DocumentFilter
from chidao.vocab import DocumentStatus
from chidao.web.pages.forms import read_day

Text = Annotated[str, Query(max_length=300)]
Day = Annotated[str, Query(max_length=20)]


def _day(raw: str, label: str) -> date | None:
    try:
        return read_day(raw)
    except ValueError:
        raise HTTPException(422, msg("documents_page.bad_issued_date", label=label)) from None


@dataclass(frozen=True)
class DocumentQuery:
    flt: DocumentFilter
    form: dict[str, str] = field(default_factory=dict)  # the values shown back in the form


def document_query(
    status: DocumentStatus | Literal[""] = "",
    number: Text = "",
    issued_from: Day = "",
    issued_to: Day = "",
    issuer: Text = "",
    doc_type: Text = "",
    q: Text = "",
) -> DocumentQuery:
    """Parse the list's filters; the caller narrows the status to what the user may see."""
    start, end = _day(issued_from, msg("documents_page.from_day")), _day(issued_to, msg("documents_page.to_day"))
    if start and end and start > end:
        raise HTTPException(422, msg("documents_page.bad_issued_range"))
    flt = DocumentFilter(
        status=status or None,
        number=number.strip() or None,
        issued_from=start,
        issued_to=end,
        issuer=issuer.strip() or None,
        doc_type=doc_type.strip() or None,
        q=q.strip() or None,
    )
    form = {
        "status": status,
        "number": number.strip(),
        "issued_from": f"{start:%d/%m/%Y}" if start else "",
        "issued_to": f"{end:%d/%m/%Y}" if end else "",
        "issuer": flt.issuer or "",
        "doc_type": flt.doc_type or "",
        "q": q.strip(),
    }
    return DocumentQuery(flt=flt, form=form)


DocumentQueryDep = Annotated[DocumentQuery, Depends(document_query)]
