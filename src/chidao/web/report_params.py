"""What a report request asks for (period, counting, agency), read the same way by the API, the
pages and the dashboard, and the built reports kept while nothing changed.

An agency officer gets their agency's report only: asking for the province or another agency is
a 403. Anything that names no period, no counting or no agency is a 422 naming the parameter.
A report of a million tasks takes seconds to count; a built one is kept (a few per process)
until a table a use case writes has a new row (``reports.build.data_stamp``) or the day changes.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from threading import Lock

from fastapi import HTTPException, Request, status
from sqlalchemy.orm import Session

from chidao.reports.build import Report, ReportError, build_report, data_stamp, find_agency
from chidao.reports.periods import Period, PeriodError, current_month, modes, parse_period
from chidao.store.models import User
from chidao.vocab import UserRole
from chidao.web.deps import query_error

OFFICERS_OWN_ONLY = "an agency officer may see only their own agency's report"
CACHED_REPORTS = 8


@dataclass(frozen=True)
class ReportAsk:
    period: Period
    agency_id: int | None


def read_ask(session: Session, user: User, *, default_mode: str, today: date, period: str, mode: str, agency: str):
    """The period (this month when none is given) and the agency (none: the province) asked for."""
    counting = mode.strip() or default_mode
    if counting not in modes():
        raise query_error("mode", f"Input should be one of {', '.join(modes())}", mode)
    try:
        chosen = parse_period(period, counting) if period.strip() else current_month(today, counting)
    except PeriodError as error:
        raise query_error("period", str(error), period) from None
    agency_id = None
    if agency.strip():
        try:
            agency_id = find_agency(session, agency)
        except ReportError as error:
            raise query_error("agency", str(error), agency) from None
    if user.role == UserRole.AGENCY:
        if agency_id not in (None, user.agency_id) or user.agency_id is None:
            raise HTTPException(status.HTTP_403_FORBIDDEN, OFFICERS_OWN_ONLY)
        agency_id = user.agency_id
    return ReportAsk(chosen, agency_id)


class ReportCache:
    """The last few reports built, by what they were asked and the data they were built from."""

    def __init__(self, size: int = CACHED_REPORTS) -> None:
        self.size, self.kept, self.lock = size, OrderedDict(), Lock()

    def get(self, key: tuple) -> Report | None:
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, key: tuple, report: Report) -> None:
        with self.lock:
            self.kept[key] = report
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)


def report_for(request: Request, session: Session, ask: ReportAsk, today: date, rows: int | None = None) -> Report:
    """The report asked for, built or kept; a period that has not begun is a 422."""
    cache = getattr(request.app.state, "report_cache", None)
    if cache is None:
        cache = request.app.state.report_cache = ReportCache()
    key = (ask.period, ask.agency_id, today, rows, data_stamp(session))
    found = cache.get(key)
    if found is not None:
        return found
    try:
        report = build_report(
            session=session,
            period=ask.period,
            today=today,
            calendar=request.app.state.calendar,
            agency_id=ask.agency_id,
            rows=rows,
        )
    except ReportError as error:
        raise query_error(
            "period" if error.code == "period_not_begun" else "agency", str(error), ask.period.key
        ) from None
    cache.put(key, report)
    return report
