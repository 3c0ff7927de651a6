"""The rows a new document is stored as, built in two halves so that bulk ingest can split them.

``prepare_document`` needs only the extraction: the document's columns, its text hash, and each
task's columns but those that depend on the agencies the database holds. Bulk ingest runs it in
the reading worker, so the parent (the one process that writes, the bottleneck) receives plain
rows instead of an ``Extraction`` to unpickle and convert (issue 15: ``chidao ingest DIR`` at 200
documents/s). ``write_tasks`` is the other half: the agencies looked up (or created), then the
tasks, their agencies and the passages of any number of documents in three multi-row INSERTs.

The one-by-one path (``tracking.ingest.store_document``) goes through the same builders, so both
store the same rows (``tests/tracking/test_ingest_rows.py`` compares them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from chidao.extract import Extraction
from chidao.extract.confidence import Assessment
from chidao.store.agencies import agencies_named, agency_key
from chidao.store.documents import document_values, proposal
from chidao.store.models import Agency, Assignment, Document, Task, UnassignedPassage
from chidao.text import fold_words
from chidao.text.identity import text_hash


@dataclass(slots=True)
class TaskDraft:
    """An extracted task's columns that the extraction alone decides, and what the rest needs."""

    row: dict
    lead: list[str]  # the names extraction gave (a body the document's date had ended: its successor)
    coordinators: list[str]
    written: dict[str, str | None]  # name → as the document wrote it
    folded: str  # ``fold_words`` of the task's text: the start of its search text


@dataclass(slots=True)
class Prepared:
    """A file read and extracted, as rows: the document's columns but ``original`` and
    ``uploaded_by_id`` (with ``content_hash`` and ``text_hash``), its tasks and its passages."""

    document: dict
    tasks: list[TaskDraft]
    passages: list[dict]  # without document_id


def prepare_document(extraction: Extraction, filename: str, data: bytes) -> Prepared:
    """The rows of ``extraction`` (of the file ``filename`` whose bytes are ``data``)."""
    found = _followed(extraction.to_dict())
    text = extraction.normalized.text
    document = document_values(filename, hashlib.sha256(data).hexdigest(), found["document"], text)
    document["text_hash"] = text_hash(text)
    return Prepared(document, *_drafts(found, extraction.assessments))


def _drafts(found: dict, assessments: list[Assessment]) -> tuple[list[TaskDraft], list[dict]]:
    """The task drafts and the passage rows of ``Extraction.to_dict()`` (successors followed)."""
    tasks = [
        _draft(position, item, a) for position, (item, a) in enumerate(zip(found["tasks"], assessments, strict=True))
    ]
    return tasks, _passage_rows(found["unassigned"])


def _draft(position: int, item: dict, assessment: Assessment) -> TaskDraft:
    written = dict(zip(item["lead"], item["lead_written"], strict=False))
    written.update(zip(item["coordinators"], item["coordinators_written"], strict=False))
    row = {
        "origin": "extracted",
        "position": position,
        "text": item["text"],
        "span_start": item["span"][0],
        "span_end": item["span"][1],
        "deadline": date.fromisoformat(item["deadline"]) if item["deadline"] else None,
        "deadline_text": item["deadline_text"],
        "recurrence": item["recurrence"],
        "recurrence_text": item["recurrence_text"],
        "recurrence_day": item.get("recurrence_day"),
        "recurrence_until": date.fromisoformat(item["recurrence_until"]) if item.get("recurrence_until") else None,
        "confidence": assessment.confidence,
        "doubts": [{"code": c, "label": label} for c, label in zip(assessment.doubts, assessment.labels, strict=True)],
    }
    return TaskDraft(row, item["lead"], item["coordinators"], written, fold_words(item["text"]))


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


def _passage_rows(passages: list[dict]) -> list[dict]:
    return [
        {
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
    ``data`` is ``extraction.to_dict()`` when the caller has it already."""
    # The rows are built before the flush that takes SQLite's write lock: that work grows with
    # the document and needs no database (issue 10, item 2).
    tasks, passages = _drafts(_followed(data or extraction.to_dict()), extraction.assessments)
    session.flush()  # the document's id
    write_tasks(session=session, documents=[(document.id, tasks, passages)], cache=cache, on=on)
    session.expire(document, ["tasks", "passages"])  # loaded from the rows just written when asked for


def write_tasks(
    *,
    session: Session,
    documents: list[tuple[int, list[TaskDraft], list[dict]]],
    cache: dict[str, Agency] | None = None,
    on: date | None = None,
) -> None:
    """Write the tasks and passages of stored documents (their ids, drafts and passage rows).

    In bulk: the agencies named are looked up (or created) together, then the tasks, their
    agencies and the passages go in as three multi-row INSERTs. Row by row through the ORM, a plan
    of thousands of tasks held the database's write lock for minutes; this way the hold grows
    linearly and stays in milliseconds per hundred tasks (``benchmarks/store_large.py``).

    With ``on`` (the day of storing), a body a reorganization ended by then is stored as its
    successor, the name as written kept beside it: the open task is the successor's to do."""
    drafts = [(document_id, draft) for document_id, tasks, _ in documents for draft in tasks]
    names = [name for _, draft in drafts for name in (*draft.lead, *draft.coordinators)]
    agencies = agencies_named(session=session, names=names, cache=cache, on=on)
    connection = session.connection()
    if drafts:
        tasks = Task.__table__  # Core, not the ORM's bulk path: the same rows at a fraction of the cost
        # RETURNING in any order, each id told by its task's (document, position): asked to keep
        # the rows' order, SQLAlchemy inserts one row a statement on SQLite (no sentinel there)
        returning = insert(tasks).returning(tasks.c.id, tasks.c.document_id, tasks.c.position)
        rows = [task_row(document_id, draft, agencies) for document_id, draft in drafts]
        found = {
            (document_id, position): task_id for task_id, document_id, position in connection.execute(returning, rows)
        }
        ids = [found[document_id, draft.row["position"]] for document_id, draft in drafts]
        assignments = [
            row
            for task_id, (_, draft) in zip(ids, drafts, strict=True)
            for row in _assignment_rows(task_id, draft, agencies)
        ]
        if assignments:
            connection.execute(insert(Assignment.__table__), assignments)
    passages = [{**row, "document_id": document_id} for document_id, _, rows in documents for row in rows]
    if passages:
        connection.execute(insert(UnassignedPassage.__table__), passages)


def task_row(document_id: int, draft: TaskDraft, agencies: dict[str, Agency]) -> dict:
    """The task's row: ``proposed`` names the agencies the task is stored with (a successor, where
    a reorganization ended the body named); search finds the task by either name."""
    lead, coordinators = (_stored_names(names, agencies) for names in (draft.lead, draft.coordinators))
    names = dict.fromkeys([*draft.lead, *draft.coordinators, *lead, *coordinators])
    # ``search_text(text, names)`` folded a part at a time: the words of "a b" are those of a, then b
    words = [draft.folded, *(agency_key(name) for name in names)]
    row = draft.row
    return {
        **row,
        "document_id": document_id,
        "search_text": " " + " ".join(part for part in words if part),
        "proposed": proposal(row["text"], lead, coordinators, row["deadline"], row["recurrence"]),
    }


def _stored_names(names: list[str], agencies: dict[str, Agency]) -> list[str]:
    return list(dict.fromkeys(agencies[agency_key(name)].name for name in names))


def _assignment_rows(task_id: int, draft: TaskDraft, agencies: dict[str, Agency]) -> list[dict]:
    """The task's lead and coordinating agencies, as ``set_agencies`` records them."""
    rows, seen = [], set()
    for role, names in (("lead", draft.lead), ("coordinator", draft.coordinators)):
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
                    "written": draft.written.get(name),
                }
            )
    return rows
