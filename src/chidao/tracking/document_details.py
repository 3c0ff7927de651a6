"""A document's particulars (number, date, place, type, title, chair, signer) corrected by the
office: extraction misreads them, and an unsigned copy has none ("số /TB-UBND", no date), yet
every list, report and reminder names the document by them.

One use case, ``update_details``: checked, applied, logged in the audit trail with the values
before and after; refused as a Conflict when someone changed them since the form was built
(``details_version`` is the fingerprint the form carries)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chidao.store.audit import record
from chidao.store.documents import refresh_search_text
from chidao.store.models import Document
from chidao.tracking.errors import Conflict, Invalid

# The editable particulars and the longest value each column holds (None: a date).
DETAIL_LIMITS: dict[str, int | None] = {
    "number": 100,
    "doc_date": None,
    "doc_type": 50,
    "place": 100,
    "title": 2000,
    "chair": 200,
    "signer": 200,
}
DETAIL_FIELDS = tuple(DETAIL_LIMITS)
EARLIEST = date(1945, 1, 1)  # no document of the state's administration is older
LATEST = date(2100, 12, 31)


def details_of(document: Document) -> dict[str, str | None]:
    """The particulars, JSON-ready (the date as ISO)."""
    values = {name: getattr(document, name) for name in DETAIL_FIELDS}
    values["doc_date"] = document.doc_date.isoformat() if document.doc_date else None
    return values


def details_version(document: Document) -> str:
    """A fingerprint of the particulars: a form built on them is stale when it differs."""
    encoded = json.dumps(details_of(document), ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def missing_details(document: Document) -> list[str]:
    """What a document needs to be named properly and lacks: "number", "doc_date"."""
    return [name for name in ("number", "doc_date") if not getattr(document, name)]


def _clean(name: str, value: Any) -> Any:
    """A value as stored: text trimmed with inner whitespace collapsed, empty as None; a date checked."""
    if value is None or value == "":
        return None
    limit = DETAIL_LIMITS[name]
    if limit is None:
        if not isinstance(value, date):
            raise Invalid("the date of issue must be a date")
        if not EARLIEST <= value <= LATEST:
            raise Invalid(f"the date of issue must be between {EARLIEST:%d/%m/%Y} and {LATEST:%d/%m/%Y}")
        return value
    if not isinstance(value, str):
        raise Invalid(f"{name} must be text")
    text = " ".join(value.replace("\x00", "").split())
    if len(text) > limit:
        raise Invalid(f"{name} is longer than {limit} characters")
    return text or None


def update_details(
    *, session: Session, document: Document, user_id: int | None, changes: dict[str, Any], version: str | None = None
) -> list[str]:
    """Apply ``changes`` (any of DETAIL_FIELDS; a date as ``date``) and log them; returns the
    names of the fields that changed (none: nothing is written). The caller commits."""
    unknown = sorted(set(changes) - set(DETAIL_FIELDS))
    if unknown:
        raise Invalid(f"unknown document field: {', '.join(unknown)}")
    if version is not None and version != details_version(document):
        raise Conflict("the document's details were changed by someone else meanwhile; reload them and try again")
    cleaned = {name: _clean(name, value) for name, value in changes.items()}
    before = details_of(document)
    changed = [name for name, value in cleaned.items() if getattr(document, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(document, name, cleaned[name])
    refresh_search_text(document)  # search finds it by its new particulars
    after = details_of(document)
    record(
        session=session,
        user_id=user_id,
        entity="document",
        entity_id=document.id,
        action="edit_details",
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    session.flush()
    return changed
