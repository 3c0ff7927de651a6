"""Tasks: the filtered list, one task with its history, changes with optimistic locking, and
the dated rounds of recurring tasks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic_core import to_json

from chidao.tracking import review, round_reports
from chidao.tracking.numbers import FIRST_DAY, LAST_DAY, in_calendar
from chidao.tracking.task_filter import TaskFilter
from chidao.tracking.task_list import SORTS, list_tasks
from chidao.tracking.visibility import scope_of
from chidao.vocab import AgencyRole, TaskStatus, TimingState
from chidao.web import schemas
from chidao.web.deps import (
    MAX_ID,
    CurrentUser,
    Id,
    PageNo,
    SessionDep,
    SoonDep,
    TodayDep,
    choices,
    query_error,
    task_in_scope,
)
from chidao.web.views import task_detail, task_item, task_public

router = APIRouter(prefix="/tasks", tags=["tasks"])
Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]
MAX_ROUNDS_DAYS = 3660
NOT_FOUND = {404: {"description": "no such task, or not yours to see"}}


@router.get("", response_model=schemas.Page[schemas.TaskPublic])
def search_tasks(
    session: SessionDep,
    user: CurrentUser,
    today: TodayDep,
    soon: SoonDep,
    agency: Annotated[str | None, Query(max_length=300, description="agency name or id")] = None,
    role: AgencyRole | None = None,
    status: Annotated[
        list[str] | None, Query(description=f"repeatable or comma list: {', '.join(TaskStatus.values())}")
    ] = None,
    timing: Annotated[
        list[str] | None,
        Query(alias="timing_state", description=f"repeatable or comma list: {', '.join(TimingState.values())}"),
    ] = None,
    deadline_from: date | None = None,
    deadline_to: date | None = None,
    document_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    q: Annotated[str | None, Query(max_length=300, description="words, with or without diacritics")] = None,
    include_drafts: Annotated[
        bool, Query(description="also tasks of documents under review (the office only; ignored for others)")
    ] = False,
    sort: Annotated[Sort | None, Query(description="default: deadline; newest first (-created) for a search")] = None,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """Tracked tasks the user may see, filtered, sorted and paged."""
    flt = TaskFilter(
        agency=agency.strip() if agency and agency.strip() else None,
        role=role,
        status=choices(status, TaskStatus.values(), "status"),
        timing_state=choices(timing, TimingState.values(), "timing_state"),
        deadline_from=deadline_from,
        deadline_to=deadline_to,
        document_id=document_id,
        q=q,
        include_drafts=include_drafts,
    )
    scope = scope_of(user)
    found = list_tasks(
        session=session, flt=flt, scope=scope, today=today, soon_until=soon, sort=sort, page=page, per_page=per_page
    )
    body = {
        "items": [task_item(t, today, soon) for t in found.rows],
        "total": found.total,
        "total_exact": found.exact,
        "page": page,
        "per_page": per_page,
    }
    # Written here, on the endpoint's thread, as the documented model would write it (the same
    # bytes: tests/web/test_api_tasks.py): returned as a model, it would be validated again and
    # serialized on one more thread hop, and a validated model per task cost a third of the
    # serialization (issue 10, item 10).
    return Response(to_json(body), media_type="application/json")


@router.get("/{task_id}", responses=NOT_FOUND)
def get_task(task_id: Id, session: SessionDep, user: CurrentUser, today: TodayDep, soon: SoonDep) -> schemas.TaskDetail:
    """A task with its agencies, progress reports, extensions and history."""
    task = task_in_scope(session, user, task_id)
    return task_detail(session, task, today, soon)


@router.patch(
    "/{task_id}",
    responses={
        **NOT_FOUND,
        403: {"description": "your role cannot change this (agency officers: status and progress only)"},
        409: {"description": "the task changed since you read it (version differs)"},
    },
)
def update_task(
    task_id: Id, body: schemas.TaskUpdate, session: SessionDep, user: CurrentUser, today: TodayDep, soon: SoonDep
) -> schemas.TaskPublic:
    """Change a task; send the ``version`` you read. Also how reviewers correct a draft task."""
    task = task_in_scope(session, user, task_id)
    changes = body.changes("version")
    review.update_task(session=session, task=task, user=user, changes=changes, version=body.version, today=today)
    session.commit()
    return task_public(task, today, soon)


def _year_after(start: date) -> date:
    """The day before the same date next year (28 February after a 29 February)."""
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:
        return date(start.year + 1, 2, 28)


@router.get("/{task_id}/occurrences", responses=NOT_FOUND)
def task_occurrences(
    task_id: Id,
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: TodayDep,
    soon: SoonDep,
    start: Annotated[date | None, Query(alias="from", description="default: 1 January this year")] = None,
    end: Annotated[date | None, Query(alias="to", description="default: one year after from")] = None,
) -> schemas.OccurrenceList:
    """The dated rounds of a recurring task between two dates (a one-off task: its deadline)."""
    task = task_in_scope(session, user, task_id)
    for name, given in (("from", start), ("to", end)):
        if given is not None and not in_calendar(given):
            raise query_error(name, f"must be between {FIRST_DAY} and {LAST_DAY}", given.isoformat())
    start = start or date(today.year, 1, 1)
    end = end or _year_after(start)
    if end < start:
        raise query_error("to", "must not be before from", end.isoformat())
    if (end - start).days > MAX_ROUNDS_DAYS:
        raise query_error("to", f"at most {MAX_ROUNDS_DAYS} days after from", end.isoformat())
    found = round_reports.round_list(
        session=session,
        task=task,
        start=start,
        end=end,
        today=today,
        soon_until=soon,
        calendar=request.app.state.calendar,
    )
    items = [
        schemas.OccurrencePublic(
            due_on=r.due_on, done_on=r.done_on, timing_state=r.timing_state, progress=r.progress, current=r.current
        )
        for r in found
    ]
    return schemas.OccurrenceList(task_id=task.id, recurrence=task.recurrence, start=start, end=end, items=items)
