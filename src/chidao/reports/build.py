"""The report "Báo cáo tình hình thực hiện nhiệm vụ" for a period, for the province or one agency:
every figure the Word file, the workbook, the print view, the API and the dashboard show, read
once here so that they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.extract.workdays import WorkCalendar
from chidao.messages import msg
from chidao.reports import queries
from chidao.reports.classes import AgencyRow, Rounds, Totals
from chidao.reports.lists import Line, completed_tasks, extended_tasks, overdue_tasks
from chidao.reports.periods import Period, span
from chidao.reports.queries import Window
from chidao.reports.recurring import round_totals
from chidao.reports.scores import Score, heaviest_since, overdue_weight, ranking
from chidao.reports.summary import summary
from chidao.reports.tally import tally
from chidao.reports.trends import MonthPoint, monthly
from chidao.store.agencies import agency_key
from chidao.store.models import Agency, AuditEntry, Extension, Occurrence, ProgressReport, Task

TITLE = msg("reports.document.title")
PROVINCE = msg("reports.document.province")


class ReportError(ValueError):
    """A report that cannot be made (a period not begun, an unknown agency); ``code`` says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@cache
def list_rows() -> dict[str, int]:
    """How many rows the lists hold in documents and in the workbook (``reports.toml``)."""
    return dict(load_toml("reports.toml")["lists"])


@dataclass
class Report:
    period: Period
    through: date  # the cut-off day: the period's end, or today if sooner
    previous_period: Period
    agency: tuple[int, str] | None  # None: the whole province
    totals: Totals
    previous: Totals
    rounds: Rounds
    agencies: list[AgencyRow]
    scores: list[Score]
    trend: list[MonthPoint]
    overdue: list[Line] = field(default_factory=list)
    completed: list[Line] = field(default_factory=list)
    extended: list[Line] = field(default_factory=list)
    extended_total: int = 0
    summary: str = ""
    built_at: datetime | None = None  # set by a cache that may serve it later

    @property
    def title(self) -> str:
        return f"{TITLE} {self.period.label}"

    @property
    def scope(self) -> str:
        """Whom the report is about: "toàn tỉnh" or the agency's name."""
        return self.agency[1] if self.agency else PROVINCE


def period_agencies(session: Session, window: Window, calendar: WorkCalendar) -> list[AgencyRow]:
    """The lead agencies with tasks in the period, by name, with all their figures, from one
    grouped scan (``queries.period_rows``)."""
    rows: dict[int, AgencyRow] = {}
    late: dict[date, float] = {}
    heaviest = heaviest_since(calendar, window.through)
    for agency_id, code, new, overdue_since, reminder, n in queries.period_rows(session, window, heaviest):
        if window.agency_id is not None and agency_id != window.agency_id:
            continue
        row = rows.setdefault(agency_id, AgencyRow(agency_id, ""))
        row.totals.add(code, n, bool(new))
        if overdue_since is not None:
            deadline = overdue_since if isinstance(overdue_since, date) else date.fromisoformat(overdue_since)
            if deadline not in late:
                late[deadline] = overdue_weight(calendar.working_days_between(deadline, window.through))
            row.overdue_weight += n * late[deadline]
        if reminder is not None:
            row.reminders += n
            row.answered += n * int(reminder)
    for agency_id, n in queries.extension_requests(session, window).items():
        if agency_id in rows:
            rows[agency_id].extension_requests = n
    names = dict(session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(list(rows)))).all())
    for agency_id, found in rows.items():
        found.name = names.get(agency_id, "")
    return sorted(rows.values(), key=lambda r: (r.name, r.agency_id))


def window_of(period: Period, today: date, agency_id: int | None = None) -> Window:
    """The period up to its cut-off: its end, or today while it runs."""
    if period.start > today:
        raise ReportError("period_not_begun", f"the period {period.key} begins after today ({today.isoformat()})")
    return Window(period.start, min(period.end, today), agency_id)


def agency_named(session: Session, agency_id: int | None) -> tuple[int, str] | None:
    if agency_id is None:
        return None
    found = session.get(Agency, agency_id)
    if found is None:
        raise ReportError("unknown_agency", f"no agency {agency_id}")
    return found.id, found.name


def build_report(
    *,
    session: Session,
    period: Period,
    today: date,
    calendar: WorkCalendar,
    agency_id: int | None = None,
    rows: int | None = None,
) -> Report:
    """The report of ``period`` (for ``agency_id`` as lead, or the province); lists of ``rows``
    lines at most (the data file's document rows by default). ``rows=0`` gives the figures alone
    (totals, agencies, scores, rounds, trend: what the dashboard and the agency page show),
    without the lists, the period before and the summary, which cost as much again."""
    agency = agency_named(session, agency_id)
    window = window_of(period, today, agency_id)
    queries.allow_memory(session)
    before = period.previous()
    limit = rows if rows is not None else list_rows()["document_rows"]
    counted = before.start <= today and limit != 0
    figures = tally(session, window, window_of(before, today, agency_id) if counted else None)
    agencies = period_agencies(session, window, calendar)
    report = Report(
        period=period,
        through=window.through,
        previous_period=before,
        agency=agency,
        totals=figures.totals,
        previous=figures.previous,
        rounds=round_totals(session, window, calendar),
        agencies=agencies,
        scores=ranking(agencies),
        trend=monthly(figures.months, through=window.through, overdue_now=figures.totals.overdue),
    )
    if limit == 0:
        return report
    totals = figures.totals
    report.overdue = overdue_tasks(session, window, calendar, limit)
    report.completed = completed_tasks(session, window, limit)
    report.extended, report.extended_total = extended_tasks(session, window, limit)
    report.summary = summary(
        scope=report.scope,
        span=span(period.start, window.through),
        totals=totals,
        previous=report.previous,
        previous_label=before.label,
        rounds=report.rounds,
        scores=report.scores,
    )
    return report


def find_agency(session: Session, raw: str) -> int:
    """The agency ``raw`` names: its id, or its name as the registry writes it (case and
    diacritics as typed are compared by the registry's folded key)."""
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) < 10:  # not "²", which int() refuses
        if session.get(Agency, int(text)) is not None:
            return int(text)
    else:
        found = session.scalar(select(Agency.id).where(Agency.key == agency_key(text)))
        if found is not None:
            return found
    raise ReportError("unknown_agency", f"no agency {raw!r}")


def data_stamp(session: Session) -> tuple:
    """What changes whenever a report's figures may: the newest row of each table a use case
    writes (each an index's last entry), so that a cached report is known to be stale."""
    tables = (AuditEntry, Task, Extension, ProgressReport, Occurrence)
    return tuple(session.scalar(select(func.max(table.id))) for table in tables)
