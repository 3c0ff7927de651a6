"""The task list (filters, sorting, pages, CSV export), the task page, its attachments, and
(from ``task_forms``) the task page's forms.

The list reads through ``list_tasks`` with the same ``TaskFilter`` and scope as the API's
``GET /api/v1/tasks``: an agency officer sees the tasks their agency leads or coordinates.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse

from chidao.messages import msg
from chidao.tracking.agencies import agency_names
from chidao.tracking.documents import document_refs
from chidao.tracking.task_list import list_tasks
from chidao.tracking.task_records import attachment_of_task
from chidao.tracking.visibility import scope_of
from chidao.vocab import TaskStatus, TimingState
from chidao.web.deps import Id, PageUser, SessionDep, SoonDep, TodayDep, not_found
from chidao.web.downloads import download
from chidao.web.pages.listing import pager, sort_link, url_with
from chidao.web.pages.respond import respond
from chidao.web.pages.tasks import csv_export
from chidao.web.pages.tasks import forms as task_forms
from chidao.web.pages.tasks.csv_export import Export, stream
from chidao.web.pages.tasks.query import PER_PAGE_CHOICES, TaskQuery, TaskQueryDep, effective_sort
from chidao.web.pages.tasks.rows import task_row
from chidao.web.pages.tasks.view import task_page, visible_task

router = APIRouter()
router.include_router(task_forms.router)


def _sort_links(request: Request, query: TaskQuery) -> dict[str, object]:
    """Header links of the sortable columns, named by column."""
    current = effective_sort(query)
    return {
        "id": sort_link(request, msg("task_fields.id"), current, "created", "-created"),
        "deadline": sort_link(request, msg("task_fields.deadline"), current, "deadline", "-deadline"),
        "status": sort_link(request, msg("task_fields.status"), current, "status"),
    }


@router.get("/tasks")
def tasks_index(
    request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep, query: TaskQueryDep
) -> Response:
    """Tracked tasks the user may see, filtered as the form says, one page at a time."""
    found = list_tasks(
        session=session,
        flt=query.flt,
        scope=scope_of(user),
        today=today,
        soon_until=soon,
        sort=query.sort,
        page=query.page,
        per_page=query.per_page,
    )
    rows = found.rows
    refs = document_refs(session, (t.document_id for t in rows))
    context = {
        "title": msg("tasks_page.title"),
        "nav": "tasks",
        "items": [(task_row(t, today, soon), refs.get(t.document_id)) for t in rows],
        "pager": pager(request, page=query.page, per_page=query.per_page, total=found.total, exact=found.exact),
        "query": query,
        "sorts": _sort_links(request, query),
        "agency_names": agency_names(session),
        "statuses": TaskStatus.values(),
        "timing_states": TimingState.values(),
        "per_page_choices": PER_PAGE_CHOICES,
        "csv_url": url_with(request, "/tasks.csv", page=None, per_page=None),
        "excel_csv_url": url_with(request, "/tasks.csv", page=None, per_page=None, sep="semicolon"),
        "csv_limit": csv_export.CSV_LIMIT,
    }
    return respond(request, "tasks.html", context)


@router.get("/tasks.csv")
def tasks_csv(
    request: Request,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    query: TaskQueryDep,
    sep: Literal["comma", "semicolon"] = "comma",
) -> Response:
    """The whole filtered list (up to CSV_LIMIT rows) in the list's order, for Excel; ``sep=semicolon``
    for Excel under Vietnamese regional settings, which split columns at ";"."""
    export = Export(
        delimiter=csv_export.DELIMITERS[sep],
        flt=query.flt,
        scope=scope_of(user),
        sort=effective_sort(query),
        today=today,
        soon=soon,
        limit=csv_export.CSV_LIMIT,
    )
    headers = {
        "Content-Disposition": f'attachment; filename="nhiem-vu-{today:%Y%m%d}.csv"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    body = stream(request.app.state.sessions, export)
    return StreamingResponse(body, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/tasks/{task_id:int}")
def task_detail(
    task_id: Id, request: Request, session: SessionDep, user: PageUser, today: TodayDep, soon: SoonDep
) -> Response:
    """One task with its passage in the notice, reports, extensions, history and the user's forms."""
    task = visible_task(session, user, task_id)
    return task_page(request, session, user, task, today, soon)


@router.get("/tasks/{task_id:int}/attachments/{attachment_id:int}")
def task_attachment(task_id: Id, attachment_id: Id, session: SessionDep, user: PageUser) -> Response:
    """A file attached to one of the task's reports, for whoever may open the task."""
    task = visible_task(session, user, task_id)
    attachment = attachment_of_task(session, task, attachment_id)
    if attachment is None:
        raise not_found("attachment", attachment_id)
    return download(attachment.content, attachment.filename)
