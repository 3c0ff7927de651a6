"""``chidao report``: the periodic report "Báo cáo tình hình thực hiện nhiệm vụ" as a Word file,
a workbook or a print-ready HTML page, for the province or one agency."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.tracking.database import open_sessions

VIETNAM_TODAY = "today in Vietnam"


def _today(raw: str | None) -> date:
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            fail(f"--today must be a date (yyyy-mm-dd), got {raw!r}")
    from chidao.reports.queries import VIETNAM

    return datetime.now(VIETNAM).date()


def _render(report, kind: str, settings) -> bytes:
    if kind == "docx":
        from chidao.reports.docx_report import TemplateError, write_docx

        try:
            return write_docx(report, settings.report_template)
        except TemplateError as error:
            fail(str(error))
    if kind == "xlsx":
        from chidao.reports.xlsx_report import write_xlsx

        return write_xlsx(report)
    from chidao.web.pages.reports.view import print_document
    from chidao.web.pages.templating import build_templates

    return print_document(build_templates(), report, inline_css=True).encode("utf-8")


@click.command("report")
@click.option("--period", required=True, help="2026-03, 2026-Q1, 2026-H1, 2026-9M, 2026 or 2026-01-15..2026-03-14.")
@click.option(
    "--agency", default="", help="An agency's name or id: the report of the tasks it leads (default: the province)."
)
@click.option(
    "--mode",
    type=click.Choice(["cutoff", "calendar"]),
    default=None,
    help="Count named periods from the 15th to the 14th (Decree 09/2019) or by whole months "
    "(default: CHIDAO_REPORT_PERIODS).",
)
@click.option("--format", "kind", type=click.Choice(["docx", "xlsx", "html"]), required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write."
)
@click.option("--today", default=None, help="Count as if today were this date (yyyy-mm-dd); default: " + VIETNAM_TODAY)
def report_command(period: str, agency: str, mode: str | None, kind: str, output: Path, today: str | None) -> None:
    """Write the periodic report of a period (figures up to its end, or today while it runs)."""
    from chidao.extract.workdays import default_calendar
    from chidao.reports.build import ReportError, build_report, find_agency, list_rows
    from chidao.reports.periods import PeriodError, parse_period

    settings = load_settings()
    try:
        chosen = parse_period(period, mode or settings.report_periods)
    except PeriodError as error:
        fail(str(error))
    engine = open_store(settings)
    rows = list_rows()["workbook_rows"] if kind == "xlsx" else None
    with open_sessions(engine)() as session:
        try:
            agency_id = find_agency(session, agency) if agency.strip() else None
            report = build_report(
                session=session,
                period=chosen,
                today=_today(today),
                calendar=default_calendar(),
                agency_id=agency_id,
                rows=rows,
            )
        except ReportError as error:
            fail(str(error))
        content = _render(report, kind, settings)
    try:
        output.write_bytes(content)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"{output}: {report.title} ({report.scope}), {report.totals.total} tasks")
