"""The report as an Excel workbook (XlsxWriter): one sheet per table, the header row frozen,
columns wide enough to read, numbers stored as numbers, shares as percentages and dates as dates
(dd/mm/yyyy), so that an office can sort, filter and sum without retyping anything.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import xlsxwriter

from chidao.messages import msg
from chidao.reports.build import Report
from chidao.reports.classes import ReportClass
from chidao.reports.lists import Line
from chidao.reports.scores import not_enough_label
from chidao.reports.summary import number

# Excel's day 0 for days after 1 March 1900 (its serial numbers count the 29 February 1900 that
# was not). A date written as its serial number is what ``write_datetime`` writes, at a
# twentieth of the cost (20 µs a date: 0.4 s for the 20,000 dates of a province's lists).
EXCEL_DAY_ZERO = date(1899, 12, 30)


@dataclass(frozen=True)
class Col:
    title: str
    width: float
    kind: str = "text"  # text | wrap | int | decimal | share | date | month


class Sheets:
    """The workbook and its cell formats."""

    def __init__(self, out: io.BytesIO) -> None:
        self.book = xlsxwriter.Workbook(
            out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.book.set_properties({"title": msg("reports.document.title"), "author": "chidao"})
        fmt = self.book.add_format
        self.formats = {
            "head": fmt({"bold": True, "bg_color": "#E7E6E6", "border": 1, "text_wrap": True, "valign": "vcenter"}),
            "text": fmt({"border": 1, "valign": "top"}),
            "wrap": fmt({"border": 1, "valign": "top", "text_wrap": True}),
            "int": fmt({"border": 1, "valign": "top", "num_format": "#,##0"}),
            "share": fmt({"border": 1, "valign": "top", "num_format": "0.0%"}),
            "decimal": fmt({"border": 1, "valign": "top", "num_format": "0.0"}),
            "date": fmt({"border": 1, "valign": "top", "num_format": "dd/mm/yyyy"}),
            "month": fmt({"border": 1, "valign": "top", "num_format": "mm/yyyy"}),
            "note": fmt({"italic": True}),
        }

    def sheet(self, name: str, columns: Sequence[Col], rows: Sequence[Sequence], note: str = "") -> None:
        """A sheet holding one table: its header frozen, then ``rows`` written by column kind."""
        sheet = self.book.add_worksheet(name)
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.width)
            sheet.write_string(0, index, column.title, self.formats["head"])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
        for r, row in enumerate(rows, start=1):
            for c, (value, column) in enumerate(zip(row, columns, strict=True)):
                self._cell(sheet, r, c, value, column.kind)
        if note:
            sheet.write_string(len(rows) + 2, 0, note, self.formats["note"])

    def _cell(self, sheet, r: int, c: int, value, kind: str) -> None:
        style = self.formats[kind]
        if value is None or value == "":
            sheet.write_blank(r, c, None, style)
        elif kind in ("date", "month") and isinstance(value, date):
            sheet.write_number(r, c, (value - EXCEL_DAY_ZERO).days, style)
        elif kind in ("int", "share", "decimal") and isinstance(value, int | float):
            sheet.write_number(r, c, value, style)
        else:
            sheet.write_string(r, c, str(value), style)


def _summary_rows(report: Report) -> list[list]:
    now, before, rounds = report.totals, report.previous, report.rounds
    rows = [
        [code.label, getattr(now, code), getattr(now, code) / now.dated if now.dated else None, getattr(before, code)]
        for code in ReportClass.dated()
    ]
    rows.append([msg("reports.excel.dated_total"), now.dated, 1.0 if now.dated else None, before.dated])
    rows.append([ReportClass.NO_DEADLINE_DONE.label, now.no_deadline_done, None, before.no_deadline_done])
    rows.append([ReportClass.NO_DEADLINE_OPEN.label, now.no_deadline_open, None, before.no_deadline_open])
    rows.append([msg("reports.excel.new_in_period"), now.new, None, before.new])
    for label, value in (
        (msg("reports.excel.recurring_tasks"), rounds.tasks),
        (msg("reports.excel.rounds_due"), rounds.due),
        (msg("reports.excel.rounds_on_time"), rounds.done_on_time),
        (msg("reports.excel.rounds_late"), rounds.done_late),
        (msg("reports.excel.rounds_in_time"), rounds.in_time),
        (msg("reports.excel.rounds_overdue"), rounds.overdue),
    ):
        rows.append([label, value, None, None])
    return rows


def _agency_rows(report: Report) -> list[list]:
    rows = []
    for index, row in enumerate(report.agencies, start=1):
        t = row.totals
        counts = [t.total, t.new, t.done_on_time, t.done_late, t.in_time, t.overdue, t.no_deadline]
        rows.append([index, row.name, *counts, t.on_time_share, row.extension_requests])
    return rows


def _list_sheet(sheets: Sheets, name: str, lines: list[Line], total: int, extra: list[Col], values: Callable) -> None:
    columns = [
        Col(msg("reports.columns.number"), 6, "int"),
        Col(msg("reports.columns.code"), 8, "int"),
        Col(msg("reports.columns.task"), 70, "wrap"),
        Col(msg("reports.columns.lead"), 32, "wrap"),
    ]
    columns += [Col(msg("reports.columns.document"), 18), *extra]
    rows = [
        [i, line.id, line.text, ", ".join(line.lead), line.document, *values(line)] for i, line in enumerate(lines, 1)
    ]
    note = msg("reports.excel.list_note", shown=number(len(lines)), total=number(total)) if total > len(lines) else ""
    sheets.sheet(name, columns, rows, note)


def write_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx file."""
    out = io.BytesIO()
    sheets = Sheets(out)
    info = [
        [msg("reports.excel.report"), report.title],
        [msg("reports.excel.scope"), report.scope],
        [msg("reports.excel.start"), report.period.start],
        [msg("reports.excel.through"), report.through],
        [msg("reports.excel.previous"), report.previous_period.label],
        [msg("reports.excel.summary"), report.summary],
    ]
    sheets.sheet(
        msg("reports.sheets.report"),
        [Col(msg("reports.columns.item"), 24), Col(msg("reports.columns.content"), 110, "wrap")],
        [[k, v] for k, v in info],
    )
    sheet = sheets.book.get_worksheet_by_name(msg("reports.sheets.report"))
    for r in (3, 4):
        sheet.write_datetime(r, 1, info[r - 1][1], sheets.formats["date"])
    totals_columns = [
        Col(msg("reports.columns.class"), 44),
        Col(msg("reports.columns.this_period"), 12, "int"),
        Col(msg("reports.columns.share"), 10, "share"),
        Col(msg("reports.columns.previous_period"), 12, "int"),
    ]
    sheets.sheet(msg("reports.sheets.totals"), totals_columns, _summary_rows(report))
    agency_columns = [Col(msg("reports.columns.number"), 6, "int"), Col(msg("reports.columns.lead_agency"), 44)]
    for title in (
        msg("reports.columns.assigned"),
        msg("reports.columns.new_in_period"),
        msg("reports.columns.done_on_time"),
        msg("reports.columns.done_late"),
        msg("reports.columns.in_time"),
    ):
        agency_columns.append(Col(title, 12, "int"))
    agency_columns += [
        Col(msg("reports.columns.overdue"), 10, "int"),
        Col(msg("reports.columns.no_deadline"), 12, "int"),
    ]
    agency_columns += [
        Col(msg("reports.columns.on_time_share"), 12, "share"),
        Col(msg("reports.columns.extension_requests"), 10, "int"),
    ]
    sheets.sheet(msg("reports.sheets.agencies"), agency_columns, _agency_rows(report))
    _ranking_sheet(sheets, report)
    trend = [[date(p.year, p.month, 1), p.assigned, p.completed, p.overdue] for p in report.trend]
    trend_columns = [
        Col(msg("reports.columns.month"), 10, "month"),
        Col(msg("reports.columns.new"), 12, "int"),
        Col(msg("reports.columns.completed"), 12, "int"),
    ]
    sheets.sheet(
        msg("reports.sheets.months"),
        [*trend_columns, Col(msg("reports.columns.overdue_at_month_end"), 16, "int")],
        trend,
    )
    _lists(sheets, report)
    sheets.book.close()
    return out.getvalue()


def _ranking_sheet(sheets: Sheets, report: Report) -> None:
    columns = [
        Col(msg("reports.columns.rank"), 7, "int"),
        Col(msg("reports.columns.agency"), 44),
        Col(msg("reports.columns.dated_tasks"), 12, "int"),
    ]
    columns += [Col(t, 12, "share") for t in _part_titles()]
    columns.append(Col(msg("reports.columns.score"), 10, "decimal"))
    rows = []
    for s in report.scores:
        parts = [s.parts[p] for p in ("completion", "on_time", "overdue", "response")]
        rows.append([s.rank, s.name, s.tasks, *parts, s.value if s.value is not None else not_enough_label()])
    sheets.sheet(msg("reports.sheets.ranking"), columns, rows)


def _part_titles() -> tuple[str, ...]:
    """The score's parts as the ranking sheet heads them."""
    return (
        msg("reports.columns.completed"),
        msg("reports.columns.on_time"),
        msg("reports.columns.overdue_weighted"),
        msg("reports.columns.response"),
    )


def _lists(sheets: Sheets, report: Report) -> None:
    totals = report.totals
    on_time, late = ReportClass.DONE_ON_TIME.label, ReportClass.DONE_LATE.label  # each a look-up
    _list_sheet(
        sheets,
        msg("reports.sheets.overdue"),
        report.overdue,
        totals.overdue,
        [Col(msg("reports.columns.deadline"), 12, "date"), Col(msg("reports.columns.days_late"), 12, "int")],
        lambda line: [line.deadline, line.days_late],
    )
    _list_sheet(
        sheets,
        msg("reports.sheets.completed"),
        report.completed,
        totals.completed + totals.no_deadline_done,
        [
            Col(msg("reports.columns.deadline"), 12, "date"),
            Col(msg("reports.columns.completed_on"), 14, "date"),
            Col(msg("reports.columns.assessment"), 22),
        ],
        lambda line: [line.deadline, line.completed_on, on_time if line.on_time else late],
    )
    _list_sheet(
        sheets,
        msg("reports.sheets.extended"),
        report.extended,
        report.extended_total,
        [
            Col(msg("reports.columns.old_deadline"), 12, "date"),
            Col(msg("reports.columns.new_deadline"), 12, "date"),
            Col(msg("reports.columns.approved_on"), 12, "date"),
        ],
        lambda line: [line.original_deadline, line.deadline, line.decided_on],
    )
