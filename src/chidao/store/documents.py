"""Documents and their tasks as rows: the document's columns, the search text of documents and
tasks, and a task's agencies as an edit sets them. The tasks extraction found are written in bulk
by ``store.document_rows``.
"""

from __future__ import annotations

import mimetypes
from datetime import date

from sqlalchemy.orm import Session

from chidao.store.agencies import get_or_create_agency, successor_on
from chidao.store.models import Agency, Assignment, Document, Task
from chidao.text import fold_words


def search_text(text: str, names: list[str]) -> str:
    """What text search looks in: the task's words and its agencies, folded."""
    return " " + fold_words(" ".join([text, *names]))  # the leading space lets LIKE '% word%' match a word start


SEARCHED_PARTICULARS = ("title", "doc_type", "place", "issuer", "signer", "chair", "filename")


def document_search_text(number: str | None, **particulars: str | None) -> str:
    """What document search looks in, folded: `` <number> | <title, type, place, issuer, signer,
    chair, filename>``. A word matches ``LIKE '% word%'``; the number alone is the part before
    `` |`` (folding leaves no ``|`` in the words), so a number search never matches a title."""
    rest = " ".join(particulars.get(name) or "" for name in SEARCHED_PARTICULARS)
    return f" {fold_words(number or '')} | {fold_words(rest)}"


def refresh_search_text(document: Document) -> None:
    """Recompute ``document.search_text`` from its particulars (after an edit)."""
    document.search_text = document_search_text(
        document.number, **{name: getattr(document, name) for name in SEARCHED_PARTICULARS}
    )


def set_agencies(
    *,
    session: Session,
    task: Task,
    lead: list[str],
    coordinators: list[str],
    written: dict[str, str] | None = None,
    cache: dict[str, Agency] | None = None,
    on: date | None = None,
) -> None:
    """Replace a task's lead and coordinating agencies (unknown names become new agencies).

    With ``on``, a body a reorganization had ended by that day is replaced by its successor,
    the name as typed kept as written, as extraction does for the bodies a document names."""
    if task.assignments:
        task.assignments.clear()
        session.flush()
    seen: set[tuple[int, str]] = set()
    stored: list[str] = []
    for role, names in (("lead", lead), ("coordinator", coordinators)):
        for position, name in enumerate(names):
            agency = get_or_create_agency(session=session, name=name, cache=cache)
            as_written = (written or {}).get(name)
            if on is not None:
                body = successor_on(session=session, agency=agency, on=on)
                if body is not agency:
                    agency, as_written = body, as_written or name
            stored.append(agency.name)
            if (agency.id, role) in seen:
                continue
            seen.add((agency.id, role))
            task.assignments.append(Assignment(agency=agency, role=role, position=position, written=as_written))
    task.search_text = search_text(task.text, list(dict.fromkeys([*lead, *coordinators, *stored])))
    if task.proposed is None and task.origin == "extracted":
        task.proposed = proposal(task.text, lead, coordinators, task.deadline, task.recurrence)


def proposal(
    text: str, lead: list[str], coordinators: list[str], deadline: date | None, recurrence: str | None
) -> dict:
    return {
        "text": text,
        "lead": lead,
        "coordinators": coordinators,
        "deadline": deadline.isoformat() if deadline else None,
        "recurrence": recurrence,
    }


def document_values(filename: str, digest: str, info: dict, text: str) -> dict:
    """A document's columns but ``original`` and ``uploaded_by_id``, from ``Extraction.to_dict()``'s
    "document" (``info``): what ``document_row`` stores and bulk ingest inserts (``document_rows``)."""
    values = {
        "filename": filename,
        "media_type": mimetypes.guess_type(filename)[0] or "application/octet-stream",
        "content_hash": digest,
        "text": text,
        "doc_type": info["doc_type"],
        "number": info["number"],
        "place": info["place"],
        "doc_date": date.fromisoformat(info["date"]) if info["date"] else None,
        "title": info["title"],
        "chair": info["chair"],
        "signer": info["signer"],
        "is_directive": info["is_directive"],
        "issuer": issuer_line(info.get("issuer")),
        "meta": {k: info[k] for k in ("issuer", "meeting_date", "signature", "recipients", "ocr") if k in info},
    }
    particulars = {name: values[name] for name in SEARCHED_PARTICULARS}
    values["search_text"] = document_search_text(values["number"], **particulars)
    return values


def document_row(filename: str, data: bytes, digest: str, info: dict, text: str) -> Document:
    return Document(original=data, **document_values(filename, digest, info, text))


def issuer_line(raw: object) -> str | None:
    """The issuing body as one line (the header prints it over two), at most the column's 300 characters."""
    text = " ".join(str(raw).split()) if raw else ""
    return text[:300] or None
