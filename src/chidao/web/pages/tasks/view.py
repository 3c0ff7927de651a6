"""The task page: what it shows, which forms each user gets, and operation errors in Vietnamese.

Who may do what on the pages (the same function decides what is shown and what is accepted):

* an agency officer of the lead agency: progress reports, completion with evidence, extension
  requests; of a coordinating agency: contribution reports only;
* a clerk or an admin: decide extension requests, change status and progress;
* a viewer (leadership): reads everything, changes nothing.

The business rules of ``chidao.tracking`` use cases still apply underneath (a done task takes
no more reports, one pending extension at a time, ...); the API keeps its own, wider, rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import HTTPException, Request, status
from fastapi.responses import Response
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from chidao.messages import msg
from chidao.store.models import Task, User
from chidao.tracking.accounts import users_by_id
from chidao.tracking.documents import document_without_file, is_draft
from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.round_reports import recent_rounds
from chidao.tracking.task_records import extensions_of, history_of, reports_of
from chidao.tracking.task_state import agency_role
from chidao.vocab import AgencyRole, ExtensionStatus, ReportKind, TaskStatus, UserRole
from chidao.web.deps import STAFF, not_found, task_in_scope
from chidao.web.pages.forms import FormError
from chidao.web.pages.history import history
from chidao.web.pages.respond import respond
from chidao.web.pages.tasks.rows import task_row

CONTEXT = 240  # characters of the notice shown before and after the task's passage
STALE = msg("task_forms.errors.stale")
NOT_ALLOWED = msg("task_forms.errors.not_allowed")
# The operations' English sentences → what the page says (the first fragment found wins).
KNOWN_ERRORS = (
    ("changed by someone else", STALE, 409),
    ("already waiting for a decision", msg("task_forms.errors.pending_extension"), 409),
    ("requested deadline must be later", msg("task_forms.deadline_not_later"), 422),
    ("needs evidence", msg("task_forms.errors.needs_evidence"), 422),
    ("no more reports", msg("task_forms.errors.closed_no_reports"), 409),
    ("cannot move", msg("task_forms.errors.closed_no_extension"), 409),
    ("the extension was already", msg("task_forms.errors.already_decided"), 409),
    ("not tracked yet", msg("task_forms.not_tracked"), 409),
    ("is deleted", msg("task_forms.errors.deleted"), 409),
)
FALLBACKS = {
    Forbidden: (NOT_ALLOWED, 403),
    Conflict: (msg("task_forms.errors.conflict"), 409),
    Invalid: (msg("task_forms.errors.invalid"), 422),
}


def explain(error: Exception) -> tuple[str, int]:
    """A refused save as (Vietnamese message, HTTP status)."""
    if isinstance(error, FormError):
        return error.message, error.status_code
    if isinstance(error, StaleDataError):
        return STALE, 409
    text = str(error)
    for fragment, message, code in KNOWN_ERRORS:
        if fragment in text:
            return message, code
    for kind, (message, code) in FALLBACKS.items():
        if isinstance(error, kind):
            return message, code
    return msg("task_forms.errors.not_saved"), 400


@dataclass(frozen=True)
class Permissions:
    """The forms a user gets on one task (and may submit: the routes ask the same object)."""

    report: str | None = None  # "progress" (lead agency) or "contribution" (coordinating agency)
    complete: bool = False
    extend: bool = False
    decide: bool = False
    set_status: bool = False


def permissions(user: User, task: Task) -> Permissions:
    """The forms ``user`` gets on ``task`` by role and, for an officer, by their agency's part in it."""
    if user.role in STAFF:
        return Permissions(decide=True, set_status=True)
    if user.role != UserRole.AGENCY:
        return Permissions()
    role = agency_role(task, user.agency_id)
    if role == AgencyRole.LEAD:
        return Permissions(report=ReportKind.PROGRESS, complete=True, extend=True)
    if role == AgencyRole.COORDINATOR:
        return Permissions(report=ReportKind.CONTRIBUTION)
    return Permissions()


def require(allowed: bool) -> None:
    """403 (nothing saved) for a form the user was never offered."""
    if not allowed:
        raise HTTPException(status.HTTP_403_FORBIDDEN, NOT_ALLOWED)


def visible_task(session: Session, user: User, task_id: int) -> Task:
    """The task if the user may open it: as the API decides, except that only the office sees the
    tasks of a document still under review."""
    task = task_in_scope(session, user, task_id)
    draft = is_draft(session, task.document_id)
    if user.role not in STAFF and draft:
        raise not_found("task", task_id)
    return task


@dataclass(frozen=True)
class Passage:
    before: str
    marked: str
    after: str
    cut_before: bool
    cut_after: bool


def passage(text: str, start: int | None, end: int | None) -> Passage | None:
    """The task's words in the notice with some context, cut at spaces so words stay whole."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    left = max(0, start - CONTEXT)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + CONTEXT)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return Passage(text[left:start], text[start:end], text[end:right], left > 0, right < len(text))


@dataclass
class FormState:
    """What a refused form is shown with again: its message and the values the user typed."""

    form: str = ""
    message: str = ""
    values: dict[str, Any] = field(default_factory=dict)


def task_context(session: Session, user: User, task: Task, today: date, soon: date) -> dict[str, Any]:
    """Everything the task page shows."""
    document = document_without_file(session, task.document_id)
    reports, extensions, entries = reports_of(session, task), extensions_of(session, task), history_of(session, task)
    people = users_by_id(
        session,
        [r.user_id for r in reports]
        + [e.user_id for e in entries]
        + [x.requested_by_id for x in extensions]
        + [x.decided_by_id for x in extensions],
    )
    tracked_open = task.tracked and not task.deleted and task.status in TaskStatus.open()
    pending = next((x for x in extensions if x.status == ExtensionStatus.PENDING), None)
    return {
        "task": task,
        "public": task_row(task, today, soon),
        "document": document,
        "passage": passage(document.text, task.span_start, task.span_end) if document else None,
        "rounds": recent_rounds(session=session, task=task, today=today, soon_until=soon),
        "reports": [r for r in reports if r.kind != ReportKind.CONTRIBUTION],
        "contributions": [r for r in reports if r.kind == ReportKind.CONTRIBUTION],
        "extensions": extensions,
        "extended_from": next((x.original_deadline for x in extensions if x.status == ExtensionStatus.APPROVED), None),
        "pending": pending,
        "history": history(entries, people),
        "people": people,
        "perms": permissions(user, task),
        "tracked_open": tracked_open,
        "today": today,
        "statuses": TaskStatus.form_order(),
    }


def task_page(
    request: Request,
    session: Session,
    user: User,
    task: Task,
    today: date,
    soon: date,
    *,
    state: FormState | None = None,
    status_code: int = 200,
) -> Response:
    """The task page, possibly with a refused form's message and values."""
    context = task_context(session, user, task, today, soon)
    context.update(title=msg("task_page.title", id=task.id), nav="tasks", state=state or FormState())
    return respond(request, "task.html", context, status_code=status_code)
