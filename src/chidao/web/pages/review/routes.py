"""Review of uploaded notices (clerks and admins).

Review shows the document text beside its draft tasks; each correction is a plain form POST
that calls the tracking operations and answers with a redirect back to the task
(Post/Redirect/Get), or, when refused, the page again with a Vietnamese reason (409 someone else
changed it, 422 invalid input).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from chidao.messages import msg
from chidao.store.models import Document, Task, User
from chidao.tracking import errors, passages
from chidao.tracking import review as review_cases
from chidao.tracking.ingest import confirm_draft
from chidao.web.deps import STAFF, CsrfChecked, Id, PageUser, SessionDep, TodayDep, document_in_scope
from chidao.web.pages.forms import FormError
from chidao.web.pages.respond import respond
from chidao.web.pages.review.input import (
    TaskForm,
    changes_for,
    merge_ids,
    split_parts,
    task_fields,
    version_of,
)
from chidao.web.pages.review.table import ROW_HEADER, chosen_view, table_context
from chidao.web.pages.review.view import DetailsForm, Problem, review_context
from chidao.web.pages.templating import render

router = APIRouter()
Text = Annotated[str, Form()]
STALE = msg("review.refused.stale")
CONCURRENT = msg("review.refused.concurrent")
INVALID = msg("review.refused.invalid")
NOT_STAFF = msg("review.refused.not_staff")
TAKEN = msg("review.refused.taken")
BULK_STALE = msg("review.refused.bulk_stale")
# What a refusal because of a change made meanwhile means, by action (others: STALE).
CONFLICTS = {"take": TAKEN, "bulk": BULK_STALE}


# Review: reading


def reviewable(session: Session, user: User, document_id: int) -> Document:
    """The document, 404 outside the user's scope (as in the API: a draft is invisible to an
    agency), then 403 unless the user is office staff."""
    document = document_in_scope(session, user, document_id)
    if user.role not in STAFF:
        raise HTTPException(status.HTTP_403_FORBIDDEN, NOT_STAFF)
    return document


def draft_of(session: Session, user: User, document_id: int) -> Document:
    """A document still under review: once confirmed, its tasks are followed up elsewhere."""
    document = reviewable(session, user, document_id)
    if document.status != "draft":
        raise HTTPException(status.HTTP_409_CONFLICT, msg("review.refused.confirmed"))
    return document


def task_of(document: Document, task_id: int) -> Task:
    task = next((t for t in document.tasks if t.id == task_id), None)
    if task is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, msg("review.refused.no_such_task"))
    return task


def review_page(
    request: Request,
    session: Session,
    document_id: int,
    problem: Problem | None,
    code: int,
    *,
    details: DetailsForm | None = None,
) -> Response:
    document = session.get(Document, document_id)
    assert document is not None
    threshold = request.app.state.settings.review_confidence
    context = review_context(session, document, problem, threshold=threshold, details=details)
    context.update(table_context(dict(request.query_params), len(context["tasks"]), problem))
    context["title"] = msg("review.title", document=document.number or document.filename)
    row = request.headers.get(ROW_HEADER, "")
    view = next((v for v in context["tasks"] if str(v.task.id) == row), None)
    if view is not None and context["mode"] == "table":  # review_table.js swaps this row in
        return render(request, "partials/review_row.html", {**context, "view": view}, status_code=code)
    return respond(request, "review.html", context, status_code=code)


@router.get("/documents/{document_id:int}/review")
def review(request: Request, document_id: Id, session: SessionDep, user: PageUser) -> Response:
    """The text with the tasks' passages highlighted beside the task forms (read-only once confirmed)."""
    document = reviewable(session, user, document_id)
    return review_page(request, session, document.id, None, status.HTTP_200_OK)


# Review: changing


def back(request: Request, document_id: int, message: str, anchor: str) -> str:
    """The review page again (in the view it was posted from), with the message shown and the
    task concerned in view."""
    view = chosen_view(request.query_params.get("view"))
    shown_as = f"view={view}&" if view else ""
    return f"/documents/{document_id}/review?{shown_as}msg={quote(message)}#{anchor}"


def new_agencies_note(names: list[str]) -> str:
    """Names the store did not know become agencies: said aloud, so that a typo gets noticed."""
    if not names:
        return ""
    listed = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return " " + msg("review.flash.new_agencies", names=listed)


def attempt(
    request: Request, session: Session, document_id: int, problem: Problem, step: Callable[[], str]
) -> Response:
    """Run one review step and commit, then redirect where it says; if refused, nothing is kept
    and the page comes back with the reason in ``problem.target`` (never a 500)."""
    try:
        location = step()
        session.commit()
        return RedirectResponse(location, status_code=status.HTTP_303_SEE_OTHER)
    except FormError as error:
        code, problem = error.status_code, Problem(problem.target, error.message, problem.values, problem.action)
    except (errors.Conflict, StaleDataError):
        unsaved = problem.values if problem.action == "save" else None  # shown beside the fresh data
        kept = {k: v for k, v in (problem.values or {}).items() if k != "picked"} if problem.action == "bulk" else None
        message = CONFLICTS.get(problem.action, STALE)
        code, problem = 409, Problem(problem.target, message, kept, action=problem.action, unsaved=unsaved)
    except IntegrityError:
        code, problem = 409, Problem(problem.target, CONCURRENT, problem.values, problem.action)
    except errors.Invalid:  # the forms check first; this is the operations' own last word
        code, problem = 422, Problem(problem.target, INVALID, problem.values, problem.action)
    except errors.Forbidden:
        code, problem = 403, Problem(problem.target, NOT_STAFF, problem.values, problem.action)
    session.rollback()
    return review_page(request, session, document_id, problem, code)


def task_form(
    text: Text = "",
    lead: Text = "",
    lead_add: Text = "",
    coordinators: Text = "",
    coordinators_add: Text = "",
    deadline: Text = "",
    recurrence: Text = "",
) -> TaskForm:
    """The task fields of a form post; all optional here, so that a missing one is a Vietnamese
    message from the checks rather than FastAPI's generic 422."""
    return TaskForm(text, lead, lead_add, coordinators, coordinators_add, deadline, recurrence)


TaskFormDep = Annotated[TaskForm, Depends(task_form)]
REVIEW_POST = "/documents/{document_id:int}/review"


@router.post(REVIEW_POST + "/tasks/{task_id:int}", dependencies=[CsrfChecked])
def save_task(
    request: Request,
    document_id: Id,
    task_id: Id,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    form: TaskFormDep,
    version: Text = "",
) -> Response:
    """Lưu: correct a task's fields (only those that differ), refused if someone saved it meanwhile."""
    document = draft_of(session, user, document_id)
    task = task_of(document, task_id)

    def step() -> str:
        checked = task_fields(session, form)
        changes = changes_for(task, checked.values)
        expected = version_of(version)
        review_cases.update_task(session=session, task=task, user=user, changes=changes, version=expected, today=today)
        message = msg("review.flash.saved") if changes else msg("review.flash.unchanged")
        return back(request, document.id, message + new_agencies_note(checked.new_agencies), f"task-{task.id}")

    problem = Problem(f"task-{task.id}", "", form.values(), "save")
    return attempt(request, session, document.id, problem, step)


def neighbour(document: Document, task: Task) -> str:
    """Where to look after a task is gone: the next task, else the previous one, else the list."""
    remaining = [t for t in sorted(document.tasks, key=lambda t: (t.position, t.id)) if not t.deleted or t is task]
    index = remaining.index(task)
    others = remaining[index + 1 :] + remaining[:index][::-1]
    return f"task-{others[0].id}" if others else "tasks"


@router.post(REVIEW_POST + "/tasks/{task_id:int}/delete", dependencies=[CsrfChecked])
def delete_task(
    request: Request, document_id: Id, task_id: Id, session: SessionDep, user: PageUser, version: Text = ""
) -> Response:
    """Xóa: a soft delete (the task stays in history and in the extraction statistics)."""
    document = draft_of(session, user, document_id)
    task = task_of(document, task_id)

    def step() -> str:
        anchor = neighbour(document, task)
        review_cases.delete_task(session=session, task=task, user_id=user.id, version=version_of(version))
        return back(request, document.id, msg("review.flash.deleted"), anchor)

    return attempt(request, session, document.id, Problem(f"task-{task.id}", "", action="delete"), step)


@router.post(REVIEW_POST + "/tasks/{task_id:int}/split", dependencies=[CsrfChecked])
def split_task(
    request: Request,
    document_id: Id,
    task_id: Id,
    session: SessionDep,
    user: PageUser,
    part: Annotated[list[str] | None, Form()] = None,
    version: Text = "",
) -> Response:
    """Tách: replace a task by the parts typed (each keeps the task's agencies and deadline)."""
    document = draft_of(session, user, document_id)
    task = task_of(document, task_id)
    texts = part or []

    def step() -> str:
        parts = split_parts(texts)
        new = review_cases.split_task(
            session=session, task=task, user_id=user.id, parts=parts, version=version_of(version)
        )
        return back(request, document.id, msg("review.flash.split", count=len(new)), f"task-{new[0].id}")

    values = {f"part_{n}": text for n, text in enumerate(texts[:2], start=1)}
    return attempt(request, session, document.id, Problem(f"task-{task.id}", "", values, "split"), step)


@router.post(REVIEW_POST + "/merge", dependencies=[CsrfChecked])
def merge_tasks(
    request: Request,
    document_id: Id,
    session: SessionDep,
    user: PageUser,
    task_ids: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Gộp: replace the ticked tasks by one (texts joined, agencies united, earliest deadline)."""
    document = draft_of(session, user, document_id)

    def step() -> str:
        ids = merge_ids(task_ids or [])
        tasks = [t for t in document.tasks if t.id in ids]
        if len(tasks) != len(ids):
            raise FormError(msg("review.refused.merge_other_document"))
        merged = review_cases.merge_tasks(session=session, tasks=tasks, user_id=user.id, given={})
        return back(request, document.id, msg("review.flash.merged", count=len(tasks)), f"task-{merged.id}")

    return attempt(request, session, document.id, Problem("merge", "", action="merge"), step)


@router.post(REVIEW_POST + "/add", dependencies=[CsrfChecked])
def add_task(request: Request, document_id: Id, session: SessionDep, user: PageUser, form: TaskFormDep) -> Response:
    """Thêm: a task that extraction missed."""
    document = draft_of(session, user, document_id)

    def step() -> str:
        checked = task_fields(session, form)
        task = review_cases.add_task(session=session, document=document, user_id=user.id, fields=checked.values)
        message = msg("review.flash.added") + new_agencies_note(checked.new_agencies)
        return back(request, document.id, message, f"task-{task.id}")

    return attempt(request, session, document.id, Problem("add", "", form.values(), "add"), step)


@router.post(REVIEW_POST + "/unassigned/{passage_id:int}/task", dependencies=[CsrfChecked])
def take_passage(request: Request, document_id: Id, passage_id: Id, session: SessionDep, user: PageUser) -> Response:
    """Tạo nhiệm vụ: a passage that assigns work but gave no task becomes a draft task (its text
    and place in the document); the clerk then fills in the agencies and the deadline."""
    document = draft_of(session, user, document_id)
    passage = passages.passage_of(session, document, passage_id)
    if passage is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, msg("review.refused.no_such_passage"))
    if passage.task_id is not None:
        return review_page(request, session, document.id, Problem(f"task-{passage.task_id}", TAKEN), 409)

    def step() -> str:
        task = passages.task_from_passage(session=session, document=document, passage=passage, user_id=user.id)
        message = msg("review.flash.taken")
        return back(request, document.id, message, f"task-{task.id}")

    return attempt(request, session, document.id, Problem(f"unassigned-{passage.id}", "", action="take"), step)


@router.post(REVIEW_POST + "/confirm", dependencies=[CsrfChecked])
def confirm(request: Request, document_id: Id, session: SessionDep, user: PageUser) -> Response:
    """Xác nhận văn bản: the review ends and the remaining tasks start being tracked."""
    document = draft_of(session, user, document_id)

    def step() -> str:
        confirm_draft(session=session, document=document, user_id=user.id)
        count = sum(not t.deleted for t in document.tasks)
        message = msg("review.flash.confirmed", count=count)
        return f"/documents/{document.id}?msg={quote(message)}"

    return attempt(request, session, document.id, Problem("confirm", "", action="confirm"), step)
