"""The dashboard (tổng quan): the first page after login.

Counts by timing state, overdue tasks per lead agency (an inline SVG chart with its table),
what falls due this working week and what was completed last. An agency officer sees all of it
within their agency's scope, as the API's ``/stats`` gives it. Every read is the store's
statistics (a tally table for everyone, the agency's rows for an officer) or an indexed, LIMITed
query, so the page stays quick at a million tasks.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.tracking.dashboard import due_between, end_of_work_week, recently_completed
from chidao.tracking.documents import document_refs
from chidao.tracking.statistics import statistics
from chidao.tracking.visibility import scope_of
from chidao.vocab import TaskStatus
from chidao.web.deps import PageUser, SessionDep, SettingsDep, SoonDep, TodayDep
from chidao.web.pages.formats import number
from chidao.web.pages.reports.charts import bar_chart
from chidao.web.pages.reports.view import period_card
from chidao.web.pages.respond import respond
from chidao.web.pages.tasks.rows import task_row
from chidao.web.report_params import read_ask, report_for

router = APIRouter()
CHART_BARS = 15  # the table under the chart lists all of them (the statistics give 50 at most)
WEEK_ROWS = 10
RECENT_ROWS = 10


def _overdue_url(agency: str) -> str:
    """The list of the overdue tasks an agency leads (what its bar counts)."""
    return "/tasks?" + urlencode({"agency": agency, "role": "lead", "timing_state": "overdue"})


def _chart_description(rows: list[dict]) -> str:
    """What the chart shows, in words, for screen readers."""
    if not rows:
        return msg("dashboard.no_overdue")
    parts = [f"{r['agency']}: {number(r['overdue'])}" for r in rows[:CHART_BARS]]
    return msg("dashboard.chart_description", bars="; ".join(parts))


def _week_url(start, end) -> str:
    """The list of unfinished tasks due from ``start`` to ``end`` (what the week's box counts)."""
    params = [("deadline_from", start.isoformat()), ("deadline_to", end.isoformat())]
    params += [("status", s) for s in TaskStatus.open()]
    return "/tasks?" + urlencode(params)


@router.get("/")
def dashboard(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    settings: SettingsDep,
    period: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    """The figures and short lists of the user's scope, and the report period's figures (this
    month's unless ``period`` names another: the same report as /reports)."""
    scope = scope_of(user)
    ask = read_ask(session, user, default_mode=settings.report_periods, today=today, period=period, mode="", agency="")
    report = report_for(request, session, ask, today, rows=0, fresh=False)  # the figures alone
    figures = statistics(session=session, scope=scope, today=today, soon_until=soon)
    overdue = [{**r, "url": _overdue_url(r["agency"])} for r in figures["overdue_by_agency"]]
    week_end = end_of_work_week(today, request.app.state.calendar)
    week, week_total = due_between(session, scope, today, soon, today, week_end, WEEK_ROWS)
    recent = recently_completed(session, scope, today, soon, RECENT_ROWS)
    refs = document_refs(session, [t.document_id for t in week + recent])
    context = {
        "title": msg("dashboard.title"),
        "nav": "dashboard",
        "today": today,
        "counts": figures["by_timing_state"],
        "total": sum(figures["by_timing_state"].values()),
        "overdue": overdue,
        "chart": bar_chart([(r["agency"], r["overdue"], r["url"]) for r in overdue[:CHART_BARS]]),
        "chart_description": _chart_description(overdue),
        "week": [(task_row(t, today, soon), refs.get(t.document_id)) for t in week],
        "week_total": week_total,
        "week_end": week_end,
        "week_url": _week_url(today, week_end),
        "recent": [(task_row(t, today, soon), refs.get(t.document_id)) for t in recent],
        "scoped": not scope.unrestricted,
        "period": period_card(report),
    }
    return respond(request, "dashboard.html", context)
