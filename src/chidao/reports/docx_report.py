"""The report as a Word file in the layout of Nghị định 30/2020/NĐ-CP, from a template an office
can replace (``CHIDAO_REPORT_TEMPLATE``; the packaged one is ``templates/bao-cao.docx``, built by
``scripts/make_report_template.py``).

The template holds the administrative frame: quốc hiệu and tiêu ngữ, the issuer, "Số: …/BC-…" and
"…, ngày … tháng … năm …" left for the clerk to fill, the trích yếu, Times New Roman 14 on A4
with the decree's margins, "Nơi nhận" and the signature block. chidao fills the placeholders
``{{ky_bao_cao}}`` (the period), ``{{pham_vi}}`` (province or agency), ``{{tu_ngay}}``,
``{{den_ngay}}`` (the dates counted) and puts the body where the paragraph ``{{noi_dung}}`` stands.
The monthly trend is a table (Word has no SVG the pages' chart could be drawn as).
"""

from __future__ import annotations

import io
import re
from importlib import resources
from pathlib import Path

from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from chidao.messages import msg
from chidao.reports.build import Report, list_rows
from chidao.reports.classes import ReportClass
from chidao.reports.docx_tables import Column, table_element
from chidao.reports.lists import Line
from chidao.reports.scores import not_enough_label
from chidao.reports.summary import decimal, number, percent, vn_date

BODY_MARKER = "{{noi_dung}}"
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class TemplateError(ValueError):
    """A template that is no Word file, or has no ``{{noi_dung}}`` paragraph."""


def packaged_template() -> Path:
    return Path(str(resources.files("chidao.reports").joinpath("templates/bao-cao.docx")))


def _fill(paragraph, values: dict[str, str]) -> None:
    """Replace the placeholders of one paragraph, even when Word split one across runs (the
    paragraph's text then goes into its first run)."""
    text = paragraph.text
    if "{{" not in text or not paragraph.runs:
        return
    filled = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    if filled == text:
        return
    runs = paragraph.runs
    runs[0].text = filled
    for run in runs[1:]:
        run.text = ""


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


class Body:
    """The report's body, built at the end of the document and moved before the marker."""

    def __init__(self, document, marker) -> None:
        self.document, self.marker = document, marker

    def _place(self, element) -> None:
        self.marker._p.addprevious(element)

    def heading(self, text: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(text).bold = True
        self._place(paragraph._p)

    def text(self, text: str, *, italic: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.add_run(text).italic = italic
        self._place(paragraph._p)

    def table(self, columns: list[Column], rows: list[list[str]], *, bold_last: bool = False) -> None:
        self._place(table_element(columns, rows, bold_last=bold_last))
        spacer = self.document.add_paragraph()
        spacer.paragraph_format.space_after = Pt(0)
        self._place(spacer._p)


def _totals_section(body: Body, report: Report) -> None:
    body.heading(msg("reports.word.totals_heading"))
    now, before = report.totals, report.previous
    columns = [
        Column(msg("reports.columns.class"), 8.0),
        Column(msg("reports.columns.this_period"), 2.6, "center"),
        Column(msg("reports.columns.share"), 2.4, "center"),
    ]
    columns.append(Column(msg("reports.columns.previous_period"), 2.6, "center"))
    rows = [
        [code.label, number(getattr(now, code)), percent(getattr(now, code), now.dated), number(getattr(before, code))]
        for code in ReportClass.dated()
    ]
    rows.append(
        [msg("reports.word.dated_total"), number(now.dated), percent(now.dated, now.dated), number(before.dated)]
    )
    body.table(columns, rows, bold_last=True)
    extra = [
        msg(
            "reports.word.no_deadline",
            count=number(now.no_deadline),
            done=number(now.no_deadline_done),
            open=number(now.no_deadline_open),
        ),
        msg(
            "reports.word.rounds",
            tasks=number(report.rounds.tasks),
            due=number(report.rounds.due),
            on_time=number(report.rounds.done_on_time),
            late=number(report.rounds.done_late),
            in_time=number(report.rounds.in_time),
            overdue=number(report.rounds.overdue),
        ),
    ]
    for line in extra:
        body.text(line)


def _agencies_section(body: Body, report: Report) -> None:
    body.heading(msg("reports.word.agencies_heading"))
    columns = [
        Column(msg("reports.columns.number"), 1.2, "center"),
        Column(msg("reports.columns.lead_agency"), 4.4),
        Column(msg("reports.columns.assigned"), 1.7, "center"),
        Column(msg("reports.columns.completed"), 1.8, "center"),
        Column(msg("reports.columns.on_time_percent"), 1.8, "center"),
        Column(msg("reports.columns.overdue"), 1.6, "center"),
        Column(msg("reports.columns.in_progress"), 1.9, "center"),
        Column(msg("reports.columns.extension_requests"), 1.6, "center"),
    ]
    rows = []
    for index, row in enumerate(report.agencies, start=1):
        t = row.totals
        share = "—" if t.on_time_share is None else decimal(100 * t.on_time_share)
        cells = [t.total, t.completed + t.no_deadline_done, None, t.overdue, t.in_time + t.no_deadline_open]
        shown = [number(v) if v is not None else share for v in cells]
        rows.append([str(index), row.name, *shown, number(row.extension_requests)])
    if rows:
        body.table(columns, rows)
    else:
        body.text(msg("reports.word.no_agencies"), italic=True)


def _ranking_section(body: Body, report: Report) -> None:
    body.heading(msg("reports.word.ranking_heading"))
    columns = [
        Column(msg("reports.columns.rank"), 1.2, "center"),
        Column(msg("reports.columns.agency"), 5.2),
        Column(msg("reports.columns.tasks"), 1.8, "center"),
        Column(msg("reports.columns.completed_percent"), 2.0, "center"),
        Column(msg("reports.columns.on_time_percent"), 2.0, "center"),
        Column(msg("reports.columns.response_percent"), 1.9, "center"),
        Column(msg("reports.columns.score"), 1.9, "center"),
    ]
    rows = []
    for score in report.scores:
        parts = [decimal(100 * score.parts[p]) for p in ("completion", "on_time", "response")]
        shown = not_enough_label() if score.value is None else decimal(score.value)
        rows.append([str(score.rank or "—"), score.name, number(score.tasks), *parts, shown])
    if rows:
        body.table(columns, rows)


def _trend_section(body: Body, report: Report) -> None:
    body.heading(msg("reports.word.trend_heading"))
    columns = [
        Column(msg("reports.columns.month"), 3.0, "center"),
        Column(msg("reports.columns.new"), 3.2, "center"),
        Column(msg("reports.columns.completed"), 3.2, "center"),
        Column(msg("reports.columns.overdue_at_month_end"), 4.0, "center"),
    ]
    rows = [[p.label, number(p.assigned), number(p.completed), number(p.overdue)] for p in report.trend]
    body.table(columns, rows)


def _more(body: Body, shown: int, total: int) -> None:
    if total > shown:
        body.text(msg("reports.word.more", count=number(total - shown)), italic=True)


def _list(body: Body, lines: list[Line], extra: list[Column], values) -> None:
    lines = lines[: list_rows()["document_rows"]]  # a report built for the workbook holds more
    columns = [
        Column(msg("reports.columns.number"), 1.2, "center"),
        Column(msg("reports.columns.task"), 6.2),
        Column(msg("reports.columns.lead"), 3.4),
        *extra,
    ]
    rows = [[str(i), line.text, ", ".join(line.lead) or "—", *values(line)] for i, line in enumerate(lines, start=1)]
    body.table(columns, rows)


def _lists_section(body: Body, report: Report) -> None:
    body.heading(msg("reports.word.overdue_heading"))
    if report.overdue:
        days = Column(msg("reports.columns.days_late"), 2.2, "center")
        _list(
            body,
            report.overdue,
            [Column(msg("reports.columns.deadline"), 2.4, "center"), days],
            lambda line: [vn_date(line.deadline), number(line.days_late or 0)],
        )
        _more(body, min(len(report.overdue), list_rows()["document_rows"]), report.totals.overdue)
    else:
        body.text(msg("reports.word.no_overdue"), italic=True)
    body.heading(msg("reports.word.completed_heading"))
    if report.completed:
        _list(
            body,
            report.completed,
            [
                Column(msg("reports.columns.deadline"), 2.2, "center"),
                Column(msg("reports.columns.completed_on"), 2.4, "center"),
            ],
            lambda line: [vn_date(line.deadline) or "—", vn_date(line.completed_on)],
        )
        shown = min(len(report.completed), list_rows()["document_rows"])
        _more(body, shown, report.totals.completed + report.totals.no_deadline_done)
    else:
        body.text(msg("reports.word.no_completed"), italic=True)
    body.heading(msg("reports.word.extended_heading"))
    if report.extended:
        _list(
            body,
            report.extended,
            [
                Column(msg("reports.columns.old_deadline"), 2.2, "center"),
                Column(msg("reports.columns.new_deadline"), 2.4, "center"),
            ],
            lambda line: [vn_date(line.original_deadline) or "—", vn_date(line.deadline)],
        )
        _more(body, min(len(report.extended), list_rows()["document_rows"]), report.extended_total)
    else:
        body.text(msg("reports.word.no_extended"), italic=True)


def write_docx(report: Report, template: Path | None = None) -> bytes:
    """The report as the bytes of a .docx file."""
    path = template or packaged_template()
    try:
        document = open_docx(str(path))
    except Exception as error:  # python-docx raises zipfile, KeyError or its own errors alike
        raise TemplateError(f"{path}: not a Word template ({error})") from None
    values = {
        "ky_bao_cao": report.period.label,
        "pham_vi": report.scope,
        "tu_ngay": vn_date(report.period.start),
        "den_ngay": vn_date(report.through),
    }
    marker = next((p for p in document.paragraphs if p.text.strip() == BODY_MARKER), None)
    if marker is None:
        raise TemplateError(f"{path}: no paragraph {BODY_MARKER} where the report's body goes")
    for paragraph in _paragraphs(document):
        if paragraph._p is not marker._p:
            _fill(paragraph, values)
    body = Body(document, marker)
    body.text(report.summary)
    for section in (_totals_section, _agencies_section, _ranking_section, _trend_section, _lists_section):
        section(body, report)
    marker._p.getparent().remove(marker._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
