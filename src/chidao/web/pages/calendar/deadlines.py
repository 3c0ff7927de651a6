"""The deadline calendar (``/deadlines``): a month, Monday first, each day with how many open
tracked tasks fall due on it (and further rounds of recurring tasks), coloured as the task list
colours them (overdue red, due soon amber), weekends and public holidays shaded; a day links to
the task list filtered on that day. An officer sees their agency's tasks; the office and the
leaders may narrow to one agency. Beside it, the same days as a list (what a phone shows).
``/calendar`` is the other calendar: the secret iCalendar address for Outlook and the like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from chidao.extract.workdays import WorkCalendar
from chidao.messages import msg
from chidao.tracking.agencies import agency_names
from chidao.tracking.deadline_calendar import DayCount, month_bounds, month_counts, month_weeks
from chidao.tracking.visibility import scope_of
from chidao.vocab import TaskStatus, UserRole
from chidao.web.deps import PageUser, SessionDep, SoonDep, TodayDep
from chidao.web.pages.respond import respond

router = APIRouter()
WEEKDAYS = tuple(msg("deadlines_page.weekdays_short").split())
WEEKDAY_NAMES = tuple(msg("deadlines_page.weekdays").split(", "))
_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_TYPED_MONTH = re.compile(r"(\d{1,2})/(\d{4})", re.ASCII)
EARLIEST, LATEST = 1945, 2100


@dataclass(frozen=True)
class DayCell:
    day: date
    count: DayCount
    tone: str  # "late", "warn", "ok", or "" when nothing is due
    off: bool  # not a working day: a weekend or a public holiday
    holiday: bool  # a weekday off
    today: bool
    url: str | None  # the task list on that day, when tasks are due

    @property
    def label(self) -> str:
        """The day as a screen reader says it: "Thứ Hai 16/03/2026: 3 nhiệm vụ đến hạn, quá hạn"."""
        parts = [f"{WEEKDAY_NAMES[self.day.weekday()]} {self.day:%d/%m/%Y}"]
        if self.holiday:
            parts.append(msg("deadlines_page.day_label.holiday"))
        if self.count.tasks:
            parts.append(msg("deadlines_page.day_label.tasks", count=self.count.tasks))
        if self.count.rounds:
            parts.append(msg("deadlines_page.day_label.rounds", count=self.count.rounds))
        state = {"late": msg("deadlines_page.day_label.late"), "warn": msg("deadlines_page.day_label.soon")}.get(
            self.tone
        )
        if state:
            parts.append(state)
        return ", ".join(parts)


def parse_month(raw: str, today: date) -> date:
    """``2026-03`` (links) or ``03/2026`` (typed the Vietnamese way) → 1/3/2026; empty: this month.
    Anything else is a 422 page in Vietnamese."""
    raw = raw.strip()
    if not raw:
        return today.replace(day=1)
    found, typed = _MONTH.fullmatch(raw), _TYPED_MONTH.fullmatch(raw)
    if found:
        year, month = (int(g) for g in found.groups())
    elif typed:
        month, year = (int(g) for g in typed.groups())
    else:
        year = month = 0
    if not (EARLIEST <= year <= LATEST and 1 <= month <= 12):
        raise HTTPException(422, msg("deadlines_page.bad_month", month=raw[:20]))
    return date(year, month, 1)


def day_url(day: date, agency: str | None) -> str:
    """The task list of the open tasks due on ``day`` (of ``agency``, when one is chosen)."""
    params = [("deadline_from", day.isoformat()), ("deadline_to", day.isoformat())]
    params += [("status", s.value) for s in TaskStatus.open()]
    if agency:
        params.append(("agency", agency))
    return f"/tasks?{urlencode(params)}"


def _cell(day: date, count: DayCount, today: date, soon: date, work: WorkCalendar, agency: str | None) -> DayCell:
    tone = ""
    if count.tasks or count.rounds:
        tone = "late" if day < today else "warn" if day <= soon else "ok"
    working = work.is_working_day(day)
    return DayCell(
        day=day,
        count=count,
        tone=tone,
        off=not working,
        holiday=not working and day.weekday() < 5,
        today=day == today,
        url=day_url(day, agency) if count.tasks else None,
    )


def _month_link(month: date, agency: str | None) -> str:
    params = [("month", f"{month:%Y-%m}")] + ([("agency", agency)] if agency else [])
    return f"/deadlines?{urlencode(params)}"


@router.get("/deadlines")
def deadlines_page(
    request: Request,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    month: Annotated[str, Query(max_length=20)] = "",
    agency: Annotated[str, Query(max_length=300)] = "",
) -> Response:
    """A month of deadlines, a day's count linking to the task list on that day."""
    shown = parse_month(month, today)
    chosen = agency.strip() if user.role != UserRole.AGENCY else ""
    work: WorkCalendar = request.app.state.calendar
    counts = month_counts(
        session=session,
        scope=scope_of(user),
        month=shown,
        today=today,
        soon_until=soon,
        agency=chosen or None,
        calendar=work,
    )
    weeks = [
        [_cell(d, counts.get(d, DayCount()), today, soon, work, chosen or None) if d else None for d in week]
        for week in month_weeks(shown)
    ]
    first, last = month_bounds(shown)
    context = {
        "title": msg("deadlines_page.title", month=f"{shown:%m/%Y}"),
        "nav": "deadlines",
        "month": shown,
        "weeks": weeks,
        "days": [cell for week in weeks for cell in week if cell and (cell.count.tasks or cell.count.rounds)],
        "weekdays": WEEKDAYS,
        "weekday_names": WEEKDAY_NAMES,
        "previous_url": _month_link(first - timedelta(days=1), chosen),
        "next_url": _month_link(last + timedelta(days=1), chosen),
        "this_month_url": _month_link(today, chosen),
        "agency": chosen,
        "agency_names": agency_names(session) if user.role != UserRole.AGENCY else [],
        "total": sum(c.tasks for c in counts.values()),
        "rounds": sum(c.rounds for c in counts.values()),
    }
    return respond(request, "deadlines.html", context)
