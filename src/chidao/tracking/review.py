"""The clerk's review of extracted tasks: edit, delete, add, split and merge (and the officer's
status/progress edit of a task it leads). Rules that depend on the task itself live here; rules
on roles alone (a viewer changes nothing) are the web layer's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.agencies import dissolved_among
from chidao.store.documents import search_text, set_agencies
from chidao.store.models import Document, Task, User
from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.events import emit
from chidao.tracking.round_reports import start_rounds
from chidao.tracking.task_state import (
    TASK_FIELDS,
    agency_role,
    audit_change,
    check_version,
    log,
    set_status,
    task_state,
)
from chidao.vocab import EventKind, TaskStatus, UserRole

_TIMING_FIELDS = ("deadline", "deadline_text", "recurrence", "recurrence_text", "recurrence_day", "recurrence_until")
AGENCY_FIELDS = frozenset({"status", "progress"})  # what a lead agency's officer may change


def _names(task: Task, role: str) -> list[str]:
    return [a.agency.name for a in task.assignments if a.role == role]


def assignment_day(document: Document, tracked: bool, today: date) -> date:
    """The day an agency typed in review answers for: a tracked task's work is today's, so a body
    a reorganization has ended gives way to its successor; a draft's is the document's date, as
    extraction reads the bodies the document names (a 2024 notice keeps the 2024 bodies)."""
    return today if tracked else (document.doc_date or today)


def _refuse_dissolved(session: Session, names: list[str], on: date) -> None:
    """A body dissolved by the day the work is for takes no task: its tasks were given to others
    or closed when it ended (``tracking.agency_lifecycle``), so a name typed in review must be
    another body's."""
    dissolved = dissolved_among(session=session, names=names, on=on)
    if dissolved:
        body = dissolved[0]
        when = body.ended_on.strftime("%d/%m/%Y") if body.ended_on else ""
        raise Invalid(msg("tracking.review.dissolved_agency", agency=body.name, day=when))


def _apply_fields(session: Session, task: Task, changes: dict[str, Any], today: date) -> None:
    for name in ("text", "deadline", "deadline_text", "recurrence", "progress"):
        if name in changes:
            setattr(task, name, changes[name])
    if "lead" in changes or "coordinators" in changes:
        lead = changes.get("lead", _names(task, "lead"))
        coordinators = changes.get("coordinators", _names(task, "coordinator"))
        on = assignment_day(task.document, task.tracked, today)
        _refuse_dissolved(session, [*changes.get("lead", []), *changes.get("coordinators", [])], on)
        set_agencies(session=session, task=task, lead=lead, coordinators=coordinators, on=on)
    elif "text" in changes:
        task.search_text = search_text(task.text, [a.agency.name for a in task.assignments])
    if "status" in changes and changes["status"] != task.status:
        set_status(task, changes["status"], today)
    if "recurrence" in changes and task.tracked and "deadline" not in changes:
        start_rounds(session, [task])  # a new period: the current round of the new schedule


def update_task(
    *, session: Session, task: Task, user: User, changes: dict[str, Any], version: int | None, today: date
) -> Task:
    """Change a task's fields; an agency officer only status and progress, on a task it leads."""
    unknown = set(changes) - set(TASK_FIELDS)
    if unknown:
        raise Invalid(f"unknown fields: {', '.join(sorted(unknown))}")
    if user.role == "agency":
        if agency_role(task, user.agency_id) != "lead":
            raise Forbidden("only the lead agency's officers can change this task")
        if set(changes) - AGENCY_FIELDS:
            raise Forbidden("agency officers can change only status and progress")
        if changes.get("status") == "done":
            raise Forbidden("report completion with its evidence instead (a progress report of kind completion)")
        if "status" in changes and changes["status"] not in TaskStatus.open():  # done: by a completion report
            raise Forbidden("only the office can cancel a task")
    elif user.role not in UserRole.staff():
        raise Forbidden("your role cannot change tasks")
    if task.deleted:
        raise Conflict("the task is deleted")
    check_version(task, version)
    before = task_state(task)
    _apply_fields(session, task, changes, today)
    action = "review_edit" if task.document.status == "draft" else "update"
    audit_change(session, task, user.id, action, before)
    session.flush()
    _tell_update(session, task, user, before)
    return task


def _tell_update(session: Session, task: Task, user: User, before: dict[str, Any]) -> None:
    """Emit ``task.updated`` for a change to a tracked task (and ``task.completed`` when the
    office marks it done); a draft's edits are review, not news."""
    if not task.tracked:
        return
    after = task_state(task)
    changed = [k for k in after if after[k] != before[k]]
    if not changed:
        return
    emit(session, EventKind.TASK_UPDATED, task, actor=user, data={"changed": changed, "before": before})
    if "status" in changed and task.status == TaskStatus.DONE:
        emit(session, EventKind.TASK_COMPLETED, task, actor=user, data={"report_id": None, "kind": "status"})


def delete_task(*, session: Session, task: Task, user_id: int | None, version: int | None = None) -> Task:
    """Soft delete: the row stays (for history and review statistics) but is no longer tracked."""
    if task.deleted:
        raise Conflict("the task is already deleted")
    check_version(task, version)
    before = {"deleted": False, "tracked": task.tracked}
    task.deleted, task.tracked = True, False
    after = {"deleted": True, "tracked": False, "proposed": task.proposed, "task": task_state(task)}
    log(session, user_id, "task", task.id, "delete", before, after)
    session.flush()
    return task


def _new_task(
    session: Session,
    document: Document,
    fields: dict[str, Any],
    *,
    origin: str,
    position: int,
    span: tuple[int, int] | None = None,
) -> Task:
    task = Task(
        text=fields["text"],
        deadline=fields.get("deadline"),
        deadline_text=fields.get("deadline_text"),
        recurrence=fields.get("recurrence"),
        recurrence_text=fields.get("recurrence_text"),
        recurrence_day=fields.get("recurrence_day"),
        recurrence_until=fields.get("recurrence_until"),
        origin=origin,
        position=position,
        tracked=document.status == "confirmed",
    )
    if span is not None:
        task.span_start, task.span_end = span
    task.document = document
    session.add(task)
    on = assignment_day(document, task.tracked, date.today())
    _refuse_dissolved(session, [*fields.get("lead", []), *fields.get("coordinators", [])], on)
    set_agencies(
        session=session, task=task, lead=fields.get("lead", []), coordinators=fields.get("coordinators", []), on=on
    )
    session.flush()
    if task.tracked and task.recurrence:
        start_rounds(session, [task])
    return task


def add_task(
    *,
    session: Session,
    document: Document,
    user_id: int | None,
    fields: dict[str, Any],
    origin: str = "added",
    position: int | None = None,
    span: tuple[int, int] | None = None,
    source: dict[str, Any] | None = None,
) -> Task:
    """A task the reviewer adds because extraction missed it (origin "added", nothing proposed),
    last unless ``position`` says where; ``span``: its passage in the document text; ``source``:
    where it came from, for the audit log."""
    if not fields.get("text"):
        raise Invalid("a task needs a text")
    if position is None:
        position = max((t.position for t in document.tasks), default=-1) + 1
    task = _new_task(session, document, fields, origin=origin, position=position, span=span)
    log(session, user_id, "task", task.id, "add", after={**task_state(task), **(source or {})})
    if task.tracked:  # added to a confirmed document: assigned from now on
        actor = session.get(User, user_id) if user_id is not None else None
        emit(session, EventKind.TASK_CREATED, task, actor=actor, data={"document_id": document.id})
    return task


def split_task(
    *, session: Session, task: Task, user_id: int | None, parts: list[dict[str, Any]], version: int | None = None
) -> list[Task]:
    """Replace a task by several (origin "split"); fields a part omits are the original's."""
    if len(parts) < 2:
        raise Invalid("splitting needs at least two parts")
    if task.deleted:
        raise Conflict("the task is deleted")
    check_version(task, version)
    base = task_state(task)
    inherited = {k: getattr(task, k) for k in _TIMING_FIELDS}
    inherited.update(lead=base["lead"], coordinators=base["coordinators"])
    new = [_new_task(session, task.document, {**inherited, **p}, origin="split", position=task.position) for p in parts]
    for part in new:
        part.status, part.progress, part.completed_on = task.status, task.progress, task.completed_on
    task.deleted, task.tracked = True, False
    ids = [t.id for t in new]
    log(session, user_id, "task", task.id, "split", {**base, "proposed": task.proposed}, {"deleted": True, "into": ids})
    for part in new:
        after = {**task_state(part), "split_from": task.id}
        log(session, user_id, "task", part.id, "add", after=after)
    session.flush()
    return new


def _union(lists: list[list[str]], exclude: Sequence[str] = ()) -> list[str]:
    seen: list[str] = []
    for names in lists:
        seen.extend(n for n in names if n not in seen and n not in exclude)
    return seen


def _merged_fields(tasks: list[Task], given: dict[str, Any]) -> dict[str, Any]:
    states = [task_state(t) for t in tasks]
    lead = given.get("lead") or _union([s["lead"] for s in states])
    dated = sorted((t for t in tasks if t.deadline), key=lambda t: t.deadline)
    fields: dict[str, Any] = {
        "text": given.get("text") or "\n".join(t.text for t in tasks),
        "lead": lead,
        "coordinators": given.get("coordinators") or _union([s["coordinators"] for s in states], lead),
        "deadline": dated[0].deadline if dated else None,
        "deadline_text": dated[0].deadline_text if dated else None,
        "recurrence": next((t.recurrence for t in tasks if t.recurrence), None),
        "recurrence_text": next((t.recurrence_text for t in tasks if t.recurrence_text), None),
        "recurrence_day": next((t.recurrence_day for t in tasks if t.recurrence_day), None),
        "recurrence_until": next((t.recurrence_until for t in tasks if t.recurrence_until), None),
    }
    fields.update({k: v for k, v in given.items() if k in ("deadline", "deadline_text", "recurrence")})
    return fields


def tasks_by_id(session: Session, ids: list[int]) -> list[Task]:
    """The tasks with these ids (those that exist), to merge."""
    return list(session.scalars(select(Task).where(Task.id.in_(ids))))


def merge_tasks(*, session: Session, tasks: list[Task], user_id: int | None, given: dict[str, Any]) -> Task:
    """Replace tasks of one document by one (origin "merged"): texts joined, agencies united,
    the earliest deadline kept, unless ``given`` says otherwise."""
    if len({t.id for t in tasks}) < 2:
        raise Invalid("merging needs at least two different tasks")
    if len({t.document_id for t in tasks}) != 1:
        raise Invalid("only tasks of the same document can be merged")
    if any(t.deleted for t in tasks):
        raise Conflict("a deleted task cannot be merged")
    tasks = sorted(tasks, key=lambda t: (t.position, t.id))
    first = tasks[0]
    merged = _new_task(session, first.document, _merged_fields(tasks, given), origin="merged", position=first.position)
    merged.span_start = min((t.span_start for t in tasks if t.span_start is not None), default=None)
    merged.span_end = max((t.span_end for t in tasks if t.span_end is not None), default=None)
    ids = [t.id for t in tasks]
    for task in tasks:
        before = {**task_state(task), "proposed": task.proposed}
        task.deleted, task.tracked = True, False
        after = {"deleted": True, "merged_into": merged.id}
        log(session, user_id, "task", task.id, "merge", before, after)
    after = {**task_state(merged), "merged_from": ids}
    log(session, user_id, "task", merged.id, "add", after=after)
    session.flush()
    return merged
