"""The agencies: a list with each one's figures, and one agency's page with its tasks.

Everyone may read the list and its figures (the API's ``/agencies/{id}`` gives any user the same
counts). An agency officer opens only their own agency's page: another agency's page lists tasks
the officer cannot open, so it answers 404 like any task outside their scope, and the list links
only their own agency.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.reports.periods import current_month
from chidao.reports.scores import part_labels, policy
from chidao.store.models import Agency, User
from chidao.tracking.agencies import agencies_page, agency_figures
from chidao.tracking.documents import document_refs
from chidao.tracking.statistics import statistics
from chidao.tracking.task_filter import Scope, TaskFilter
from chidao.tracking.task_list import list_tasks
from chidao.tracking.visibility import scope_of
from chidao.vocab import AgencyRole, UserRole
from chidao.web.deps import Id, PageNo, PageUser, SessionDep, SettingsDep, SoonDep, TodayDep, not_found
from chidao.web.pages.listing import pager, url_with
from chidao.web.pages.reports.view import period_card
from chidao.web.pages.respond import respond
from chidao.web.pages.tasks.query import parse_role
from chidao.web.pages.tasks.rows import task_row
from chidao.web.report_params import ReportAsk, report_for

router = APIRouter()
PER_PAGE = 50
TASKS_PER_PAGE = 25


def may_open(user: User, agency_id: int) -> bool:
    """Whether the agency's page is open to ``user`` (officers: their own agency only)."""
    return user.role != UserRole.AGENCY or user.agency_id == agency_id


@router.get("/agencies")
def agencies_index(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    q: Annotated[str, Query(max_length=300)] = "",
    sort: Literal["name", "overdue"] = "name",
    show: Literal["active", "all"] = "active",
    page: PageNo = 1,
) -> Response:
    """Agencies by name (or by overdue tasks led), with what they lead open, overdue and done."""
    rows, total = agencies_page(
        session, q=q, active=show == "active", most_overdue=sort == "overdue", today=today, page=page, per_page=PER_PAGE
    )
    figures = agency_figures(session, [a.id for a in rows], today)
    context = {
        "title": msg("admin_agencies.title"),
        "nav": "agencies",
        "rows": [(a, figures[a.id], may_open(user, a.id)) for a in rows],
        "pager": pager(request, page=page, per_page=PER_PAGE, total=total),
        "q": q,
        "sort": sort,
        "show": show,
    }
    return respond(request, "agencies.html", context)


@router.get("/agencies/{agency_id:int}")
def agency_page(
    agency_id: Id,
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    settings: SettingsDep,
    role: Annotated[str, Query(max_length=20)] = "",
    page: PageNo = 1,
) -> Response:
    """One agency's figures by timing state, its score and trend this month, and its tasks (as
    lead, coordinator or both), paged."""
    agency = session.get(Agency, agency_id)
    if agency is None or not may_open(user, agency_id):
        raise not_found("agency", agency_id)
    chosen = parse_role(role)
    own = Scope(agency_id=agency.id, unrestricted=False)
    counts = statistics(session=session, scope=own, today=today, soon_until=soon)["by_timing_state"]
    flt = TaskFilter(agency=str(agency.id), role=chosen)
    rows, total = list_tasks(
        session=session,
        flt=flt,
        scope=scope_of(user),
        today=today,
        soon_until=soon,
        sort="deadline",
        page=page,
        per_page=TASKS_PER_PAGE,
    )
    refs = document_refs(session, (t.document_id for t in rows))
    context = {
        "title": agency.name,
        "nav": "agencies",
        "agency": agency,
        "counts": counts,
        "figures": agency_figures(session, [agency.id], today)[agency.id],
        "role": chosen or "",
        "role_urls": {r: url_with(request, role=r or None, page=None) for r in ("", *AgencyRole.values())},
        "items": [(task_row(t, today, soon), refs.get(t.document_id)) for t in rows],
        "pager": pager(request, page=page, per_page=TASKS_PER_PAGE, total=total),
        "tasks_base": "/tasks?" + urlencode({"agency": agency.name}),
        **_this_month(request, session, agency.id, today, settings.report_periods),
    }
    return respond(request, "agency.html", context)


def _this_month(request: Request, session, agency_id: int, today, mode: str) -> dict:
    """The agency's figures, trend and score this month: its own report for the figures and the
    trend, the province's for the score and rank among all agencies."""
    month = current_month(today, mode)
    province = report_for(request, session, ReportAsk(month, None), today, rows=0, fresh=False)
    own = report_for(request, session, ReportAsk(month, agency_id), today, rows=0, fresh=False)
    return {
        "period": period_card(own),
        "score": next((s for s in province.scores if s.agency_id == agency_id), None),
        "ranked": sum(1 for s in province.scores if s.value is not None),
        "min_tasks": policy()["min_tasks"],
        "part_labels": part_labels(),
    }
