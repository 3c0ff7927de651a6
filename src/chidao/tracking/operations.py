"""Business operations on tasks: review edits, status and progress, extensions, recurring rounds.

Every function is keyword-only, takes the caller's session, flushes but never commits (the
caller owns the transaction) and writes an AuditEntry (who, what, before → after) for every
change. Rules that depend on the task itself (is this officer's agency its lead?) live here;
rules on roles alone (a viewer changes nothing) are the web layer's. Errors are the three
``OperationError`` kinds below, which the web layer turns into 403, 409 and 422.
"""

from __future__ import annotations

import calendar as monthcal
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.audit import record
from chidao.store.documents import search_text, set_agencies, task_snapshot
from chidao.store.models import Attachment, Document, Extension, ProgressReport, Task, User

REVIEW_FIELDS = ("text", "lead", "coordinators", "deadline", "recurrence")
TASK_FIELDS = (*REVIEW_FIELDS, "deadline_text", "status", "progress")
AGENCY_FIELDS = frozenset({"status", "progress"})  # what a lead agency's officer may change
AGENCY_STATUSES = frozenset({"assigned", "in_progress", "paused"})  # done: by a completion report
_OPEN = ("assigned", "in_progress", "paused")


class OperationError(Exception):
    """An operation refused; the message is one sentence for the user."""


class Forbidden(OperationError):
    """The user may see the task but not do this to it."""


class Conflict(OperationError):
    """The task is not in a state that allows this (changed meanwhile, already done, ...)."""


class Invalid(OperationError):
    """The request itself does not make sense (a deadline in the past, one part to split, ...)."""


@dataclass(frozen=True)
class Upload:
    """A file received with a progress report."""

    filename: str
    media_type: str
    content: bytes


def task_state(task: Task) -> dict[str, Any]:
    """The reviewable fields plus the tracking ones, JSON-ready: what the audit log stores."""
    return {
        **task_snapshot(task),
        "deadline_text": task.deadline_text,
        "status": task.status,
        "progress": task.progress,
        "completed_on": task.completed_on.isoformat() if task.completed_on else None,
    }


def agency_role(task: Task, agency_id: int | None) -> str | None:
    """The agency's part in the task: "lead", "coordinator", or None."""
    roles = {a.role for a in task.assignments if agency_id is not None and a.agency_id == agency_id}
    return "lead" if "lead" in roles else ("coordinator" if roles else None)


def differs_from_proposed(task: Task) -> list[str]:
    """The reviewable fields in which the task differs from what extraction proposed."""
    if task.proposed is None:
        return list(REVIEW_FIELDS)
    current = task_snapshot(task)
    return [f for f in REVIEW_FIELDS if _norm(current.get(f)) != _norm(task.proposed.get(f))]


def _norm(value: Any) -> Any:
    return frozenset(value) if isinstance(value, list) else value


def check_version(task: Task, version: int | None) -> None:
    if version is not None and version != task.version:
        raise Conflict(
            f"conflict: task {task.id} was changed by someone else (now version {task.version}, "
            f"you sent {version}); reload it and try again"
        )


def _log(
    session: Session,
    user_id: int | None,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    record(
        session=session, user_id=user_id, entity=entity, entity_id=entity_id, action=action, before=before, after=after
    )


def _audit_change(session: Session, task: Task, user_id: int | None, action: str, before: dict) -> None:
    after = task_state(task)
    changed = [k for k in after if after[k] != before[k]]
    if not changed:
        return
    payload = {**{k: after[k] for k in changed}, "differs_from_proposed": differs_from_proposed(task)}
    _log(session, user_id, "task", task.id, action, {k: before[k] for k in changed}, payload)


def _set_status(task: Task, status: str, today: date) -> None:
    task.status = status
    if status == "done":
        task.completed_on = task.completed_on or today
        task.progress = 100
    else:
        task.completed_on = None


def _names(task: Task, role: str) -> list[str]:
    return [a.agency.name for a in task.assignments if a.role == role]


def _apply_fields(session: Session, task: Task, changes: dict[str, Any], today: date) -> None:
    for name in ("text", "deadline", "deadline_text", "recurrence", "progress"):
        if name in changes:
            setattr(task, name, changes[name])
    if "lead" in changes or "coordinators" in changes:
        lead = changes.get("lead", _names(task, "lead"))
        coordinators = changes.get("coordinators", _names(task, "coordinator"))
        set_agencies(session=session, task=task, lead=lead, coordinators=coordinators)
    elif "text" in changes:
        task.search_text = search_text(task.text, [a.agency.name for a in task.assignments])
    if "status" in changes and changes["status"] != task.status:
        _set_status(task, changes["status"], today)


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
        if "status" in changes and changes["status"] not in AGENCY_STATUSES:
            raise Forbidden("only the office can cancel a task")
    elif user.role not in ("admin", "clerk"):
        raise Forbidden("your role cannot change tasks")
    if task.deleted:
        raise Conflict("the task is deleted")
    check_version(task, version)
    before = task_state(task)
    _apply_fields(session, task, changes, today)
    action = "review_edit" if task.document.status == "draft" else "update"
    _audit_change(session, task, user.id, action, before)
    session.flush()
    return task


def delete_task(*, session: Session, task: Task, user_id: int | None, version: int | None = None) -> Task:
    """Soft delete: the row stays (for history and review statistics) but is no longer tracked."""
    if task.deleted:
        raise Conflict("the task is already deleted")
    check_version(task, version)
    before = {"deleted": False, "tracked": task.tracked}
    task.deleted, task.tracked = True, False
    after = {"deleted": True, "tracked": False, "proposed": task.proposed, "task": task_state(task)}
    _log(session, user_id, "task", task.id, "delete", before, after)
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
        origin=origin,
        position=position,
        tracked=document.status == "confirmed",
    )
    if span is not None:
        task.span_start, task.span_end = span
    task.document = document
    session.add(task)
    set_agencies(session=session, task=task, lead=fields.get("lead", []), coordinators=fields.get("coordinators", []))
    session.flush()
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
    _log(session, user_id, "task", task.id, "add", after={**task_state(task), **(source or {})})
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
    inherited = {k: getattr(task, k) for k in ("deadline", "deadline_text", "recurrence", "recurrence_text")}
    inherited.update(lead=base["lead"], coordinators=base["coordinators"])
    new = [_new_task(session, task.document, {**inherited, **p}, origin="split", position=task.position) for p in parts]
    for part in new:
        part.status, part.progress, part.completed_on = task.status, task.progress, task.completed_on
    task.deleted, task.tracked = True, False
    ids = [t.id for t in new]
    _log(
        session, user_id, "task", task.id, "split", {**base, "proposed": task.proposed}, {"deleted": True, "into": ids}
    )
    for part in new:
        after = {**task_state(part), "split_from": task.id}
        _log(session, user_id, "task", part.id, "add", after=after)
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
    }
    fields.update({k: v for k, v in given.items() if k in ("deadline", "deadline_text", "recurrence")})
    return fields


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
        _log(session, user_id, "task", task.id, "merge", before, after)
    after = {**task_state(merged), "merged_from": ids}
    _log(session, user_id, "task", merged.id, "add", after=after)
    session.flush()
    return merged


def _check_tracked(task: Task) -> None:
    if not task.tracked or task.deleted:
        raise Conflict("the task is not tracked yet (its document is a draft) or was deleted")


def _report_kind(task: Task, user: User, kind: str) -> str:
    if user.role in ("admin", "clerk"):
        return kind
    role = agency_role(task, user.agency_id) if user.role == "agency" else None
    if role == "lead":
        return kind
    if role == "coordinator":
        if kind == "completion":
            raise Forbidden("only the lead agency or the office can report completion")
        return "contribution"
    raise Forbidden("your role cannot report progress")


def report_progress(
    *,
    session: Session,
    task: Task,
    user: User,
    kind: str,
    percent: int | None,
    note: str,
    uploads: list[Upload],
    today: date,
) -> ProgressReport:
    """A progress report (lead agency or office), a contribution (coordinator) or a completion
    (lead or office, with a note or a file as evidence: marks the task done today)."""
    kind = _report_kind(task, user, kind)
    _check_tracked(task)
    if task.status not in _OPEN:
        raise Conflict(f"the task is {task.status}: no more reports")
    if kind == "completion" and not (note.strip() or uploads):
        raise Invalid("a completion report needs evidence: a note or an attached file")
    report = ProgressReport(task_id=task.id, user_id=user.id, agency_id=user.agency_id, kind=kind)
    report.percent, report.note = (100 if kind == "completion" else percent), note
    report.attachments = [
        Attachment(filename=u.filename, media_type=u.media_type, size=len(u.content), content=u.content)
        for u in uploads
    ]
    session.add(report)
    session.flush()
    before = task_state(task)
    if kind == "completion":
        _set_status(task, "done", today)
    elif kind == "progress":
        if percent is not None:
            task.progress = percent
        if task.status == "assigned":
            task.status = "in_progress"
    _audit_change(session, task, user.id, f"report_{kind}", before)
    files = [u.filename for u in uploads]
    after = {"task_id": task.id, "percent": report.percent, "note": note, "attachments": files}
    _log(session, user.id, "progress_report", report.id, kind, after=after)
    session.flush()
    return report


def request_extension(
    *, session: Session, task: Task, user: User, requested_deadline: date, reason: str, today: date
) -> Extension:
    """Ask for a later deadline: the lead agency's officer or the office; one pending at a time."""
    if user.role == "agency" and agency_role(task, user.agency_id) != "lead":
        raise Forbidden("only the lead agency can ask for more time")
    if user.role not in ("admin", "clerk", "agency"):
        raise Forbidden("your role cannot ask for more time")
    _check_tracked(task)
    if task.status not in _OPEN:
        raise Conflict(f"the task is {task.status}: its deadline cannot move")
    pending = session.scalar(select(Extension.id).where(Extension.task_id == task.id, Extension.status == "pending"))
    if pending is not None:
        raise Conflict(f"extension {pending} is already waiting for a decision")
    if requested_deadline < today or (task.deadline and requested_deadline <= task.deadline):
        raise Invalid("the requested deadline must be later than the current deadline and not in the past")
    extension = Extension(
        task_id=task.id,
        requested_by_id=user.id,
        original_deadline=task.deadline,
        requested_deadline=requested_deadline,
        reason=reason,
    )
    session.add(extension)
    session.flush()
    after = {
        "task_id": task.id,
        "original_deadline": _iso(task.deadline),
        "requested_deadline": _iso(requested_deadline),
    }
    _log(session, user.id, "extension", extension.id, "request", after=after)
    after = {"extension_id": extension.id, "requested_deadline": _iso(requested_deadline), "reason": reason}
    _log(session, user.id, "task", task.id, "extension_request", after=after)
    return extension


def decide_extension(
    *, session: Session, extension: Extension, task: Task, user_id: int | None, approve: bool, note: str
) -> Extension:
    """Approve (the task's deadline becomes the requested one) or refuse a pending extension.
    The original deadline stays on the Extension row and in the audit log."""
    if extension.status != "pending":
        raise Conflict(f"the extension was already {extension.status}")
    extension.status = "approved" if approve else "refused"
    extension.decided_by_id, extension.decided_at, extension.decision_note = user_id, datetime.now(UTC), note
    decision = {"status": extension.status, "note": note, "original_deadline": _iso(extension.original_deadline)}
    after = {**decision, "requested_deadline": _iso(extension.requested_deadline)}
    _log(session, user_id, "extension", extension.id, "decide", after=after)
    if approve:
        before = {"deadline": _iso(task.deadline)}
        task.deadline = extension.requested_deadline
        after = {"deadline": _iso(task.deadline), "extension_id": extension.id, **decision}
        _log(session, user_id, "task", task.id, "extension_approved", before, after)
    session.flush()
    return extension


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# Recurring tasks: the dated rounds of "báo cáo hằng tháng", "định kỳ hằng quý", ...

_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
_DAY_IN_TEXT = re.compile(r"ngày\s+(\d{1,2})\b")


def _anchor_day(task: Task) -> int | None:
    """The day of the month rounds fall on: the deadline's, or "ngày 25 hằng tháng"; None = month end."""
    if task.deadline:
        return task.deadline.day
    found = _DAY_IN_TEXT.search(task.deadline_text or "")
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None


def _month_rounds(task: Task, period: int, start: date, end: date) -> list[date]:
    anchor_month = task.deadline.month if task.deadline else 12
    day = _anchor_day(task)
    rounds = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        if (month - anchor_month) % period == 0:
            last = monthcal.monthrange(year, month)[1]
            due = date(year, month, min(day or last, last))
            if start <= due <= end:
                rounds.append(due)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rounds


def occurrences(task: Task, start: date, end: date, calendar: WorkCalendar | None = None) -> list[date]:
    """Due dates of the task's rounds between ``start`` and ``end`` (inclusive).

    Monthly rounds fall on the deadline's day (or the day named in the deadline text, else the
    month's last day); quarterly and yearly ones in the deadline's month of each period (else
    at the end of each quarter / year); weekly ones on the deadline's weekday (else Friday);
    daily ones on every working day. A task that does not recur has its deadline as one round.
    """
    if task.recurrence in _MONTHS:
        return _month_rounds(task, _MONTHS[task.recurrence], start, end)
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    if task.recurrence == "daily":
        work = calendar or WorkCalendar()
        return [d for d in days if work.is_working_day(d)]
    if task.recurrence == "weekly":
        weekday = task.deadline.weekday() if task.deadline else 4
        return [d for d in days if d.weekday() == weekday]
    return [task.deadline] if task.deadline and start <= task.deadline <= end else []
