"""The report as the pages show it: the template context, the stand-alone print document (the
API's ``format=html`` and ``chidao report --format html``), and the Word and Excel downloads.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from chidao.reports.build import Report
from chidao.reports.classes import ReportClass
from chidao.reports.scores import not_enough_label, part_labels
from chidao.reports.summary import decimal, percent
from chidao.web.pages.formats import number, vn_date
from chidao.web.pages.reports.charts import trend_chart

STYLESHEET = Path(__file__).resolve().parent.parent.parent / "static" / "report.css"
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}


# How the lists' own columns show a line (the template names them).
COLUMNS = {
    "deadline_of": lambda line: vn_date(line.deadline) or "—",
    "late_of": lambda line: number(line.days_late or 0),
    "completed_of": lambda line: vn_date(line.completed_on),
    "original_of": lambda line: vn_date(line.original_deadline) or "—",
}


def trend_of(report_trend) -> object:
    """The pages' chart of a report's months."""
    points = [(p.label, {"assigned": p.assigned, "completed": p.completed, "overdue": p.overdue}) for p in report_trend]
    return trend_chart(points)


def report_context(report: Report) -> dict:
    """What ``partials/report_body.html`` draws."""
    totals = report.totals
    classes = [(code, getattr(totals, code), getattr(report.previous, code)) for code in ReportClass.dated()]
    return {
        "report": report,
        "classes": classes,
        "trend_chart": trend_of(report.trend),
        "part_labels": part_labels(),
        "not_enough": not_enough_label(),
        "completed_total": totals.completed + totals.no_deadline_done,
        "percent": percent,
        "decimal": decimal,
        **COLUMNS,
    }


RANKED_ON_DASHBOARD = 5


def period_card(report: Report) -> dict:
    """The report period's figures as the dashboard and the agency page show them (and their
    ``?format=json`` gives them): the four classes, the best and worst agencies, the trend."""
    ranked = [s for s in report.scores if s.value is not None]
    return {
        "key": report.period.key,
        "label": report.period.label,
        "start": report.period.start,
        "through": report.through,
        "scope": report.scope,
        "built_at": report.built_at,
        "totals": report.totals.as_dict(),
        "rounds": report.rounds.as_dict(),
        "classes": [(code, getattr(report.totals, code)) for code in ReportClass.dated()],
        "best": ranked[:RANKED_ON_DASHBOARD],
        "worst": ranked[RANKED_ON_DASHBOARD:][-RANKED_ON_DASHBOARD:][::-1],
        "unranked": len(report.scores) - len(ranked),
        "scores": {s.agency_id: s for s in report.scores},
        "trend": [
            {"month": f"{p.year}-{p.month:02d}", "assigned": p.assigned, "completed": p.completed, "overdue": p.overdue}
            for p in report.trend
        ],
        "trend_chart": trend_of(report.trend),
        "not_enough": not_enough_label(),
        "decimal": decimal,
    }


def file_name(report: Report, extension: str) -> str:
    """ "bao-cao-2026-Q1.docx", "bao-cao-2026-Q1-co-quan-12.xlsx"."""
    key = report.period.key.replace("..", "_")
    agency = f"-co-quan-{report.agency[0]}" if report.agency else ""
    return f"bao-cao-{key}{agency}.{extension}"


def print_document(templates: Jinja2Templates, report: Report, *, inline_css: bool) -> str:
    """The report as one HTML page made for printing (A4, the decree's margins, no site menu);
    its stylesheet linked (served by chidao, as its security policy wants) or written inside
    (a file saved to disk)."""
    template = templates.env.get_template("report_print.html")
    css = STYLESHEET.read_text(encoding="utf-8") if inline_css else None
    return template.render(**report_context(report), inline_css=css)


def download(content: bytes, report: Report, extension: str) -> Response:
    """A report file, as an attachment named after its period."""
    name = file_name(report, extension)
    headers = {
        "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}",
        "Cache-Control": "private, no-store",
    }
    return Response(content, media_type=MEDIA[extension], headers=headers)
