"""A report as JSON-ready data: what the API answers and the pages' ``?format=json`` give (dates
ISO, codes as keys, the Vietnamese labels beside them)."""

from __future__ import annotations

from dataclasses import asdict

from chidao.reports.build import Report
from chidao.reports.classes import AgencyRow, ReportClass
from chidao.reports.lists import Line
from chidao.reports.scores import Score, part_labels


def _line(line: Line) -> dict:
    values = asdict(line)
    values["lead"] = list(line.lead)
    return {key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in values.items()}


def _agency(row: AgencyRow) -> dict:
    totals = row.totals
    return {
        "agency_id": row.agency_id,
        "agency": row.name,
        **totals.as_dict(),
        "completed": totals.completed,
        "on_time_share": totals.on_time_share,
        "extension_requests": row.extension_requests,
        "reminders": row.reminders,
        "answered": row.answered,
        "overdue_weight": round(row.overdue_weight, 2),
    }


def _score(score: Score) -> dict:
    return {
        "agency_id": score.agency_id,
        "agency": score.name,
        "tasks": score.tasks,
        "score": score.value,
        "rank": score.rank,
        "parts": {k: round(v, 4) for k, v in score.parts.items()},
    }


def report_data(report: Report) -> dict:
    """Everything the report shows, as plain JSON values."""
    period = report.period
    return {
        "title": report.title,
        "period": {
            "key": period.key,
            "kind": period.kind,
            "mode": period.mode,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "through": report.through.isoformat(),
        },
        "previous_period": {"key": report.previous_period.key, "label": report.previous_period.label},
        "agency": {"id": report.agency[0], "name": report.agency[1]} if report.agency else None,
        "class_labels": ReportClass.labels(),
        "totals": {**report.totals.as_dict(), "completed": report.totals.completed},
        "previous_totals": {**report.previous.as_dict(), "completed": report.previous.completed},
        "rounds": report.rounds.as_dict(),
        "agencies": [_agency(row) for row in report.agencies],
        "score_parts": part_labels(),
        "ranking": [_score(s) for s in report.scores],
        "trend": [
            {"month": f"{p.year}-{p.month:02d}", "assigned": p.assigned, "completed": p.completed, "overdue": p.overdue}
            for p in report.trend
        ],
        "overdue": [_line(line) for line in report.overdue],
        "completed": [_line(line) for line in report.completed],
        "extended": [_line(line) for line in report.extended],
        "extended_total": report.extended_total,
        "summary": report.summary,
    }
