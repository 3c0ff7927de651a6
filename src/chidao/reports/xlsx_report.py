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

from chidao.reports.build import Report
from chidao.reports.classes import ReportClass
from chidao.reports.lists import Line
from chidao.reports.scores import not_enough_label
from chidao.reports.summary import number


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
        self.book.set_properties({"title": "Báo cáo tình hình thực hiện nhiệm vụ", "author": "chidao"})
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
            sheet.write_datetime(r, c, value, style)
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
    rows.append(["Tổng số nhiệm vụ có thời hạn", now.dated, 1.0 if now.dated else None, before.dated])
    rows.append([ReportClass.NO_DEADLINE_DONE.label, now.no_deadline_done, None, before.no_deadline_done])
    rows.append([ReportClass.NO_DEADLINE_OPEN.label, now.no_deadline_open, None, before.no_deadline_open])
    rows.append(["Nhiệm vụ được giao trong kỳ", now.new, None, before.new])
    for label, value in (
        ("Nhiệm vụ định kỳ có lượt đến hạn", rounds.tasks),
        ("Lượt định kỳ đến hạn trong kỳ", rounds.due),
        ("Lượt định kỳ thực hiện đúng hạn", rounds.done_on_time),
        ("Lượt định kỳ thực hiện muộn", rounds.done_late),
        ("Lượt định kỳ chưa thực hiện, còn trong hạn", rounds.in_time),
        ("Lượt định kỳ quá hạn", rounds.overdue),
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
    columns = [Col("STT", 6, "int"), Col("Mã", 8, "int"), Col("Nhiệm vụ", 70, "wrap"), Col("Chủ trì", 32, "wrap")]
    columns += [Col("Văn bản", 18), *extra]
    rows = [
        [i, line.id, line.text, ", ".join(line.lead), line.document, *values(line)] for i, line in enumerate(lines, 1)
    ]
    note = f"Bảng gồm {number(len(lines))} trong {number(total)} nhiệm vụ." if total > len(lines) else ""
    sheets.sheet(name, columns, rows, note)


def write_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx file."""
    out = io.BytesIO()
    sheets = Sheets(out)
    info = [
        ["Báo cáo", report.title],
        ["Phạm vi", report.scope],
        ["Từ ngày", report.period.start],
        ["Đến ngày (chốt số liệu)", report.through],
        ["Kỳ trước", report.previous_period.label],
        ["Tóm tắt", report.summary],
    ]
    sheets.sheet("Báo cáo", [Col("Mục", 24), Col("Nội dung", 110, "wrap")], [[k, v] for k, v in info])
    sheet = sheets.book.get_worksheet_by_name("Báo cáo")
    for r in (3, 4):
        sheet.write_datetime(r, 1, info[r - 1][1], sheets.formats["date"])
    totals_columns = [
        Col("Phân loại", 44),
        Col("Kỳ này", 12, "int"),
        Col("Tỷ lệ", 10, "share"),
        Col("Kỳ trước", 12, "int"),
    ]
    sheets.sheet("Tổng hợp", totals_columns, _summary_rows(report))
    agency_columns = [Col("STT", 6, "int"), Col("Cơ quan chủ trì", 44)]
    for title in ("Được giao", "Giao trong kỳ", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Còn trong hạn"):
        agency_columns.append(Col(title, 12, "int"))
    agency_columns += [Col("Quá hạn", 10, "int"), Col("Không có thời hạn", 12, "int")]
    agency_columns += [Col("Tỷ lệ đúng hạn", 12, "share"), Col("Xin gia hạn", 10, "int")]
    sheets.sheet("Theo cơ quan", agency_columns, _agency_rows(report))
    _ranking_sheet(sheets, report)
    trend = [[date(p.year, p.month, 1), p.assigned, p.completed, p.overdue] for p in report.trend]
    trend_columns = [Col("Tháng", 10, "month"), Col("Giao mới", 12, "int"), Col("Hoàn thành", 12, "int")]
    sheets.sheet("Theo tháng", [*trend_columns, Col("Quá hạn cuối tháng", 16, "int")], trend)
    _lists(sheets, report)
    sheets.book.close()
    return out.getvalue()


def _ranking_sheet(sheets: Sheets, report: Report) -> None:
    columns = [Col("Hạng", 7, "int"), Col("Cơ quan", 44), Col("Số nhiệm vụ có thời hạn", 12, "int")]
    columns += [Col(t, 12, "share") for t in ("Hoàn thành", "Đúng hạn", "Quá hạn (theo ngày trễ)", "Phản hồi")]
    columns.append(Col("Điểm", 10, "decimal"))
    rows = []
    for s in report.scores:
        parts = [s.parts[p] for p in ("completion", "on_time", "overdue", "response")]
        rows.append([s.rank, s.name, s.tasks, *parts, s.value if s.value is not None else not_enough_label()])
    sheets.sheet("Xếp hạng", columns, rows)


def _lists(sheets: Sheets, report: Report) -> None:
    totals = report.totals
    _list_sheet(
        sheets,
        "Quá hạn",
        report.overdue,
        totals.overdue,
        [Col("Thời hạn", 12, "date"), Col("Số ngày làm việc quá hạn", 12, "int")],
        lambda line: [line.deadline, line.days_late],
    )
    _list_sheet(
        sheets,
        "Hoàn thành",
        report.completed,
        totals.completed + totals.no_deadline_done,
        [Col("Thời hạn", 12, "date"), Col("Ngày hoàn thành", 14, "date"), Col("Đánh giá", 22)],
        lambda line: [
            line.deadline,
            line.completed_on,
            ReportClass.DONE_ON_TIME.label if line.on_time else ReportClass.DONE_LATE.label,
        ],
    )
    _list_sheet(
        sheets,
        "Gia hạn",
        report.extended,
        report.extended_total,
        [Col("Thời hạn cũ", 12, "date"), Col("Thời hạn mới", 12, "date"), Col("Ngày đồng ý", 12, "date")],
        lambda line: [line.original_deadline, line.deadline, line.decided_on],
    )
