"""The periodic report: ``GET /reports?period=2026-Q1[&agency=…][&mode=calendar][&format=…]``.

JSON by default (every figure, list and the summary; dates ISO), or the files: ``docx`` (the Word
report), ``xlsx`` (the workbook), ``html`` (the print view). An agency officer gets their own
agency's report; the province's or another agency's is a 403.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from chidao.reports.build import list_rows
from chidao.reports.data import report_data
from chidao.reports.docx_report import write_docx
from chidao.reports.xlsx_report import write_xlsx
from chidao.web.deps import CurrentUser, SessionDep, SettingsDep, TodayDep
from chidao.web.pages.reports.view import download, print_document
from chidao.web.report_params import read_ask, report_for

router = APIRouter(prefix="/reports", tags=["reports"])
Text = Annotated[str, Query(max_length=300)]
# What ``format`` gives: the OpenAPI document says so, so that clients (and schemathesis) expect it.
FORMATS = {
    "application/json": {"schema": {"type": "object"}},
    "text/html": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
        "schema": {"type": "string", "format": "binary"}
    },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {"type": "string", "format": "binary"}
    },
}


@router.get(
    "", response_model=None, responses={200: {"description": "the report, as ``format`` asks", "content": FORMATS}}
)
def periodic_report(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: TodayDep,
    settings: SettingsDep,
    period: Annotated[
        str,
        Query(
            max_length=40,
            description="2026-03, 2026-Q1, 2026-H1, 2026-9M, 2026 or 2026-01-15..2026-03-14; empty: this month",
        ),
    ] = "",
    mode: Annotated[str, Query(max_length=20, description="cutoff (15th to 14th, Decree 09/2019) or calendar")] = "",
    agency: Annotated[str, Query(max_length=300, description="an agency's id or name: the tasks it leads")] = "",
    format: Literal["json", "docx", "xlsx", "html"] = "json",
) -> Response:
    """ "Báo cáo tình hình thực hiện nhiệm vụ" for a period: the four classes, per agency, ranking,
    trend, overdue, completed and extended tasks, and the summary paragraph."""
    ask = read_ask(
        session, user, default_mode=settings.report_periods, today=today, period=period, mode=mode, agency=agency
    )
    rows = list_rows()["workbook_rows"] if format == "xlsx" else None
    report = report_for(request, session, ask, today, rows)
    if format == "docx":
        return download(write_docx(report, settings.report_template), report, "docx")
    if format == "xlsx":
        return download(write_xlsx(report), report, "xlsx")
    if format == "html":
        return HTMLResponse(print_document(request.app.state.templates, report, inline_css=False))
    return JSONResponse(report_data(report), headers={"Cache-Control": "no-store"})
