"""Documents and their tasks as rows: what ingest (``chidao.tracking.ingest``) writes.

With the tasks go what extraction doubts about each (confidence, doubts) and the passages that
assign work but gave no task, so that the review page can show the clerk where to look first.
"""

from __future__ import annotations

import mimetypes
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from chidao.extract import Extraction
from chidao.extract.confidence import Assessment
from chidao.store.agencies import agencies_named, agency_key, get_or_create_agency, successor_on
from chidao.store.models import Agency, Assignment, Document, Task, UnassignedPassage
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
        task.proposed = _proposal(task.text, lead, coordinators, task.deadline, task.recurrence)


def _proposal(
    text: str, lead: list[str], coordinators: list[str], deadline: date | None, recurrence: str | None
) -> dict:
    return {
        "text": text,
        "lead": lead,
        "coordinators": coordinators,
        "deadline": deadline.isoformat() if deadline else None,
        "recurrence": recurrence,
    }


def document_row(filename: str, data: bytes, digest: str, info: dict, text: str) -> Document:
    document = Document(
        filename=filename,
        media_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
        content_hash=digest,
        original=data,
        text=text,
        doc_type=info["doc_type"],
        number=info["number"],
        place=info["place"],
        doc_date=date.fromisoformat(info["date"]) if info["date"] else None,
        title=info["title"],
        chair=info["chair"],
        signer=info["signer"],
        is_directive=info["is_directive"],
        issuer=issuer_line(info.get("issuer")),
        meta={k: info[k] for k in ("issuer", "meeting_date", "signature", "recipients", "ocr") if k in info},
    )
    refresh_search_text(document)
    return document


def issuer_line(raw: object) -> str | None:
    """The issuing body as one line (the header prints it over two), at most the column's 300 characters."""
    text = " ".join(str(raw).split()) if raw else ""
    return text[:300] or None


def _task_row(document_id: int, position: int, item: dict, assessment: Assessment, agencies: dict[str, Agency]) -> dict:
    """An extracted task (``item`` of ``Extraction.to_dict()``) with what extraction doubts about it.

    ``proposed`` names the agencies the task is stored with (a successor, where a reorganization
    ended the body named); search finds the task by either name."""
    deadline = date.fromisoformat(item["deadline"]) if item["deadline"] else None
    lead, coordinators = (_stored_names(item[role], agencies) for role in ("lead", "coordinators"))
    names = list(dict.fromkeys([*item["lead"], *item["coordinators"], *lead, *coordinators]))
    return {
        "document_id": document_id,
        "origin": "extracted",
        "position": position,
        "text": item["text"],
        "span_start": item["span"][0],
        "span_end": item["span"][1],
        "deadline": deadline,
        "deadline_text": item["deadline_text"],
        "recurrence": item["recurrence"],
        "recurrence_text": item["recurrence_text"],
        "recurrence_day": item.get("recurrence_day"),
        "recurrence_until": date.fromisoformat(item["recurrence_until"]) if item.get("recurrence_until") else None,
        "confidence": assessment.confidence,
        "doubts": [{"code": c, "label": label} for c, label in zip(assessment.doubts, assessment.labels, strict=True)],
        "search_text": search_text(item["text"], names),
        "proposed": _proposal(item["text"], lead, coordinators, deadline, item["recurrence"]),
    }


def _followed(data: dict) -> dict:
    """The tasks with each body a reorganization had ended by the document's date replaced by
    its successor (extraction's ``successors``), the name as written kept beside it."""
    successors = {name: found["name"] for name, found in data.get("successors", {}).items()}
    if not successors:
        return data
    for item in data["tasks"]:
        for field in ("lead", "coordinators"):
            written = item.get(f"{field}_written") or item[field]
            item[f"{field}_written"] = [w or name for w, name in zip(written, item[field], strict=False)]
            item[field] = [successors.get(name, name) for name in item[field]]
    return data


def _stored_names(names: list[str], agencies: dict[str, Agency]) -> list[str]:
    return list(dict.fromkeys(agencies[agency_key(name)].name for name in names))


def _assignment_rows(task_id: int, item: dict, agencies: dict[str, Agency]) -> list[dict]:
    """The task's lead and coordinating agencies, as ``set_agencies`` records them."""
    written = dict(zip(item["lead"], item["lead_written"], strict=False))
    written.update(zip(item["coordinators"], item["coordinators_written"], strict=False))
    rows, seen = [], set()
    for role, names in (("lead", item["lead"]), ("coordinator", item["coordinators"])):
        for position, name in enumerate(names):
            agency = agencies[agency_key(name)]
            if (agency.id, role) in seen:
                continue
            seen.add((agency.id, role))
            rows.append(
                {
                    "task_id": task_id,
                    "agency_id": agency.id,
                    "role": role,
                    "position": position,
                    "written": written.get(name),
                }
            )
    return rows


def _passage_rows(document_id: int, passages: list[dict]) -> list[dict]:
    return [
        {
            "document_id": document_id,
            "position": position,
            "text": passage["text"],
            "span_start": passage["span"][0],
            "span_end": passage["span"][1],
            "verb": passage["verb"],
            "reason": passage["reason"],
            "label": passage["why"],
        }
        for position, passage in enumerate(passages)
    ]


def store_extraction(
    *,
    session: Session,
    document: Document,
    extraction: Extraction,
    cache: dict[str, Agency] | None = None,
    on: date | None = None,
    data: dict | None = None,
) -> None:
    """Add the tasks and the unassigned passages of ``extraction`` to ``document`` (flushed).

    Written in bulk: the agencies named are looked up (or created) together, then the tasks, their
    agencies and the passages go in as three multi-row INSERTs. Row by row through the ORM, a plan
    of thousands of tasks held the database's write lock for minutes; this way the hold grows
    linearly and stays in milliseconds per hundred tasks (``benchmarks/store_large.py``).

    With ``on`` (the day of storing), a body a reorganization ended by then is stored as its
    successor, the name as written kept beside it: the open task is the successor's to do.
    ``data`` is ``extraction.to_dict()`` when the caller has it already."""
    data = _followed(data or extraction.to_dict())
    session.flush()  # the document's id
    names = [name for item in data["tasks"] for name in (*item["lead"], *item["coordinators"])]
    agencies = agencies_named(session=session, names=names, cache=cache, on=on)
    rows = [
        _task_row(document.id, position, item, assessment, agencies)
        for position, (item, assessment) in enumerate(zip(data["tasks"], extraction.assessments, strict=True))
    ]
    tasks = Task.__table__  # Core, not the ORM's bulk path: the same rows at a fraction of the cost
    returning = insert(tasks).returning(tasks.c.id, sort_by_parameter_order=True)
    ids = session.connection().execute(returning, rows).scalars().all() if rows else []
    assignments = [
        row
        for task_id, item in zip(ids, data["tasks"], strict=True)
        for row in _assignment_rows(task_id, item, agencies)
    ]
    if assignments:
        session.connection().execute(insert(Assignment.__table__), assignments)
    if data["unassigned"]:
        session.connection().execute(
            insert(UnassignedPassage.__table__), _passage_rows(document.id, data["unassigned"])
        )
    session.expire(document, ["tasks", "passages"])  # loaded from the rows just written when asked for
