"""The task list's query string → the store's ``TaskFilter``, the same filter the API builds.

HTML forms send every field, empty ones as ``name=``, so values arrive as strings and an empty
string means "not filtered" (FastAPI's ``date | None`` would refuse them). Anything that is not
empty and not valid — ``page=abc``, an unknown status, a date that is no date — is a 422, which
the pages answer with the Vietnamese error page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from chidao.tracking.numbers import key
from chidao.tracking.task_filter import TaskFilter
from chidao.tracking.task_list import SORTS
from chidao.vocab import AgencyRole, TaskStatus, TimingState
from chidao.web.deps import MAX_ID, PageNo, choices, query_error
from chidao.web.pages.forms import read_day

PER_PAGE_CHOICES = (20, 50, 100)


def parse_day(raw: str, name: str) -> date | None:
    """A date from a date input (yyyy-mm-dd) or typed by hand (dd/mm/yyyy); empty: None."""
    try:
        return read_day(raw)
    except ValueError:
        raise query_error(name, "Input should be a valid date", raw) from None


def parse_id(raw: str, name: str) -> int | None:
    """A row id (1 … 2³¹−1); empty: None."""
    if not raw.strip():
        return None
    found = key(raw)
    if found is None:
        raise query_error(name, f"Input should be a whole number from 1 to {MAX_ID}", raw)
    return found


def _one_of(raw: str, allowed: tuple[str, ...], name: str) -> str | None:
    """A single-choice parameter: empty means "any", anything else must be one of ``allowed``."""
    raw = raw.strip()
    if not raw:
        return None
    if raw not in allowed:
        raise query_error(name, f"Input should be one of {', '.join(allowed)}", raw)
    return raw


def parse_role(raw: str) -> str | None:
    """An agency's part in a task: "lead", "coordinator", or None (either) when empty."""
    return _one_of(raw, AgencyRole.values(), "role")


@dataclass(frozen=True)
class TaskQuery:
    """What the list shows: the store's filter, the sort as the API names it, and the page."""

    flt: TaskFilter
    sort: str | None
    page: int
    per_page: int
    form: dict[str, object] = field(default_factory=dict)  # the values to show back in the form


async def task_query(
    agency: Annotated[str, Query(max_length=300)] = "",
    role: Annotated[str, Query(max_length=20)] = "",
    status: Annotated[list[str] | None, Query(max_length=200)] = None,
    timing_state: Annotated[list[str] | None, Query(max_length=200)] = None,
    deadline_from: Annotated[str, Query(max_length=20)] = "",
    deadline_to: Annotated[str, Query(max_length=20)] = "",
    document_id: Annotated[str, Query(max_length=20)] = "",
    q: Annotated[str, Query(max_length=300)] = "",
    sort: Annotated[str, Query(max_length=20)] = "",
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> TaskQuery:
    """Parse the list's parameters exactly as the API's ``GET /tasks`` reads them."""
    flt = TaskFilter(
        agency=agency.strip() or None,
        role=parse_role(role),
        status=choices(status, TaskStatus.values(), "status"),
        timing_state=choices(timing_state, TimingState.values(), "timing_state"),
        deadline_from=parse_day(deadline_from, "deadline_from"),
        deadline_to=parse_day(deadline_to, "deadline_to"),
        document_id=parse_id(document_id, "document_id"),
        q=q.strip() or None,
    )
    form = {
        "agency": agency.strip(),
        "role": flt.role or "",
        "status": flt.status,
        "timing_state": flt.timing_state,
        "deadline_from": flt.deadline_from.isoformat() if flt.deadline_from else "",
        "deadline_to": flt.deadline_to.isoformat() if flt.deadline_to else "",
        "document_id": flt.document_id or "",
        "q": q.strip(),
    }
    chosen = _one_of(sort, tuple(SORTS), "sort")
    return TaskQuery(flt=flt, sort=chosen, page=page, per_page=per_page, form=form)


TaskQueryDep = Annotated[TaskQuery, Depends(task_query)]


def effective_sort(query: TaskQuery) -> str:
    """The order list_tasks applies when none is asked: newest first for a search, else by deadline."""
    return query.sort or ("-created" if query.flt.q else "deadline")
