"""What a report request asks for (period, counting, agency), read the same way by the API, the
pages and the dashboard, and the built reports kept while nothing changed.

An agency officer gets their agency's report only: asking for the province or another agency is
a 403. Anything that names no period, no counting or no agency is a 422 naming the parameter.
A report of a million tasks takes seconds to count; a built one is kept (a few per process)
until a table a use case writes has a new row (``reports.build.data_stamp``) or the day changes;
the dashboard's figures may be served as last built while new ones are counted (``report_for``).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from threading import Lock, Thread

from fastapi import HTTPException, Request, status
from sqlalchemy.orm import Session

from chidao.reports.build import Report, ReportError, build_report, data_stamp, find_agency
from chidao.reports.periods import Period, PeriodError, current_month, modes, parse_period
from chidao.reports.queries import VIETNAM
from chidao.store.models import User
from chidao.vocab import UserRole
from chidao.web.deps import query_error

OFFICERS_OWN_ONLY = "an agency officer may see only their own agency's report"
CACHED_REPORTS = 8
SLOW_SECONDS = 1.0  # a report built slower than this may be served as last built (``fresh=False``)
log = logging.getLogger(__name__)


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


@dataclass
class Kept:
    stamp: tuple  # the data it was built from (``data_stamp``)
    report: Report
    seconds: float  # how long it took to build
    built_at: datetime


class ReportCache:
    """The last report built for each question (period, agency, today, rows), with the data it
    was built from; a few questions per process."""

    def __init__(self, size: int = CACHED_REPORTS) -> None:
        self.size, self.kept, self.lock = size, OrderedDict(), Lock()
        self.running: set[tuple] = set()

    def get(self, key: tuple) -> Kept | None:
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, key: tuple, kept: Kept) -> None:
        with self.lock:
            self.kept[key] = kept
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)

    def start(self, key: tuple) -> bool:
        """Whether a refresh of ``key`` may start now (none is running)."""
        with self.lock:
            if key in self.running:
                return False
            self.running.add(key)
            return True

    def done(self, key: tuple) -> None:
        with self.lock:
            self.running.discard(key)


def _build(session: Session, calendar, ask: ReportAsk, today: date, rows: int | None) -> Kept:
    stamp = data_stamp(session)
    started = time.perf_counter()
    report = build_report(
        session=session, period=ask.period, today=today, calendar=calendar, agency_id=ask.agency_id, rows=rows
    )
    report.built_at = datetime.now(VIETNAM)
    return Kept(stamp, report, time.perf_counter() - started, report.built_at)


def _refresh(app, key: tuple, ask: ReportAsk, today: date, rows: int | None) -> None:
    """Build the report again in the background, with a session of its own."""
    try:
        with app.state.sessions() as session:
            app.state.report_cache.put(key, _build(session, app.state.calendar, ask, today, rows))
    except Exception:  # a background refresh must not die loudly: the next request tries again
        log.exception("refreshing a report failed")
    finally:
        app.state.report_cache.done(key)


def report_for(
    request: Request, session: Session, ask: ReportAsk, today: date, rows: int | None = None, *, fresh: bool = True
) -> Report:
    """The report asked for, built or kept while no table it reads has changed; a period that has
    not begun is a 422. With ``fresh=False`` (the dashboard's and the agency page's figures) a
    report that took more than ``SLOW_SECONDS`` to build is served as last built (its
    ``built_at`` says when) while a new one is built in the background: a million tasks take
    seconds to count, and a page must not wait for them at every change."""
    cache = getattr(request.app.state, "report_cache", None)
    if cache is None:
        cache = request.app.state.report_cache = ReportCache()
    key = (ask.period, ask.agency_id, today, rows)
    found = cache.get(key)
    if found is not None and found.stamp == data_stamp(session):
        return found.report
    if found is not None and not fresh and found.seconds >= SLOW_SECONDS:
        if cache.start(key):
            Thread(target=_refresh, args=(request.app, key, ask, today, rows), daemon=True).start()
        return found.report
    try:
        kept = _build(session, request.app.state.calendar, ask, today, rows)
    except ReportError as error:
        where = "period" if error.code == "period_not_begun" else "agency"
        raise query_error(where, str(error), ask.period.key) from None
    cache.put(key, kept)
    return kept.report
