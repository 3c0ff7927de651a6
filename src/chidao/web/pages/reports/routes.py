"""The report pages ("Báo cáo" in the menu): the form and the report on screen, its print view,
and the Word and Excel files. Everyone may read the province's report but an agency officer, who
gets their own agency's (the form then has no agency field).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response

from chidao.messages import msg
from chidao.reports.build import list_rows
from chidao.reports.data import report_data
from chidao.reports.docx_report import write_docx
from chidao.reports.xlsx_report import write_xlsx
from chidao.tracking.agencies import agency_names
from chidao.vocab import UserRole
from chidao.web.deps import PageUser, SessionDep, SettingsDep, TodayDep
from chidao.web.pages.listing import url_with
from chidao.web.pages.reports.view import download, print_document, report_context
from chidao.web.pages.respond import json_response, respond, wants_json
from chidao.web.report_params import read_ask, report_for

router = APIRouter()
MODE_LABELS = {
    "cutoff": msg("report_page.modes.cutoff"),
    "calendar": msg("report_page.modes.calendar"),
}
ASK_ERRORS = {
    "period": msg("report_page.errors.period"),
    "mode": msg("report_page.errors.mode"),
    "agency": msg("report_page.errors.agency"),
}
Text = Annotated[str, Query(max_length=300)]


def _problem(error: RequestValidationError) -> str:
    where = error.errors()[0]["loc"][-1]
    return ASK_ERRORS.get(str(where), msg("report_page.errors.other"))


@router.get("/reports")
def reports_page(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    settings: SettingsDep,
    period: Text = "",
    mode: Text = "",
    agency: Text = "",
) -> Response:
    """The form, and the report it asks for (this month's, for the user's scope, by default)."""
    form = {"period": period, "mode": mode or settings.report_periods, "agency": agency}
    context = {
        "title": msg("report_page.title"),
        "nav": "reports",
        "form": form,
        "mode_labels": MODE_LABELS,
        "agency_names": None if user.role == UserRole.AGENCY else agency_names(session),
        "report": None,
        "error": None,
    }
    try:
        ask = read_ask(
            session, user, default_mode=settings.report_periods, today=today, period=period, mode=mode, agency=agency
        )
        report = report_for(request, session, ask, today)
    except RequestValidationError as error:
        if wants_json(request):
            raise
        context["error"] = _problem(error)
        return respond(request, "report.html", context, status_code=422)
    if wants_json(request):
        return json_response(report_data(report))
    form["period"] = report.period.key
    links = {kind: url_with(request, f"/reports/bao-cao.{kind}", period=report.period.key) for kind in ("docx", "xlsx")}
    links["print"] = url_with(request, "/reports/print", period=report.period.key)
    context.update(report_context(report), links=links)
    return respond(request, "report.html", context)


def _asked(request: Request, session, user, today, settings, period: str, mode: str, agency: str, rows=None):
    ask = read_ask(
        session, user, default_mode=settings.report_periods, today=today, period=period, mode=mode, agency=agency
    )
    return report_for(request, session, ask, today, rows)


@router.get("/reports/print")
def report_print(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    settings: SettingsDep,
    period: Text = "",
    mode: Text = "",
    agency: Text = "",
) -> Response:
    """The report alone on a page, laid out for printing (A4, no menu)."""
    report = _asked(request, session, user, today, settings, period, mode, agency)
    return HTMLResponse(print_document(request.app.state.templates, report, inline_css=False))


@router.get("/reports/bao-cao.docx")
def report_docx(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    settings: SettingsDep,
    period: Text = "",
    mode: Text = "",
    agency: Text = "",
) -> Response:
    """The report as a Word file (the office's template when ``CHIDAO_REPORT_TEMPLATE`` is set)."""
    report = _asked(request, session, user, today, settings, period, mode, agency)
    return download(write_docx(report, settings.report_template), report, "docx")


@router.get("/reports/bao-cao.xlsx")
def report_xlsx(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    settings: SettingsDep,
    period: Text = "",
    mode: Text = "",
    agency: Text = "",
) -> Response:
    """The report as an Excel workbook, its lists longer than the Word file's."""
    report = _asked(request, session, user, today, settings, period, mode, agency, list_rows()["workbook_rows"])
    return download(write_xlsx(report), report, "xlsx")
