"""The deadline calendar's counts (issue 14): open tracked tasks by deadline over a month, in the
viewer's scope, of one agency when asked; later rounds of recurring tasks apart; each day's count
is what the task list filtered on that day shows; one grouped query for the month's deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event
from usecases import task_of

from chidao.tracking.deadline_calendar import DayCount, month_counts, month_weeks, open_filter
from chidao.tracking.task_list import list_tasks
from chidao.tracking.task_state import set_status
from chidao.tracking.visibility import scope_of

CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # 15/3/2024: deadlines 25/3 (monthly), 29/3, 31/3 (quarterly), 30/4 …
TODAY, SOON = date(2024, 3, 27), date(2024, 3, 29)


def counts(session, user, month: date, agency: str | None = None) -> dict[date, DayCount]:
    return month_counts(session=session, scope=scope_of(user), month=month, today=TODAY, soon_until=SOON, agency=agency)


def listed(session, user, day: date, agency: str | None = None) -> int:
    flt = open_filter(day, day, agency)
    return list_tasks(session=session, flt=flt, scope=scope_of(user), today=TODAY, soon_until=SOON).total


def test_a_month_counts_open_deadlines_by_day_and_later_rounds_apart(ingest, session, users):
    ingest(CONVERSION)
    session.flush()
    march = counts(session, users["clerk"], date(2024, 3, 1))
    assert march == {
        date(2024, 3, 25): DayCount(1, 0),
        date(2024, 3, 29): DayCount(1, 0),
        date(2024, 3, 31): DayCount(1, 0),
    }
    april = counts(session, users["clerk"], date(2024, 4, 10))
    assert april == {
        date(2024, 4, 25): DayCount(0, 1),
        date(2024, 4, 30): DayCount(1, 0),
    }  # the monthly report's next round
    june = counts(session, users["clerk"], date(2024, 6, 1))
    assert june[date(2024, 6, 30)] == DayCount(1, 1)  # a deadline, and the quarterly report's round beside it
    for month in (march, april, june):
        for day, count in month.items():
            assert count.tasks == listed(session, users["clerk"], day), day


def test_done_tasks_drafts_and_other_agencies_are_not_counted(ingest, session, users):
    conversion = ingest(CONVERSION)
    ingest("cv-giao-nhiem-vu-y-te.txt", confirm=False)  # a draft: deadlines in August
    session.flush()
    set_status(task_of(conversion, "Giao Công an tỉnh"), "done", TODAY)  # was due on 29/3
    session.flush()
    assert date(2024, 3, 29) not in counts(session, users["clerk"], date(2024, 3, 1))
    assert counts(session, users["clerk"], date(2024, 8, 1)) == {
        date(2024, 8, 25): DayCount(0, 1)
    }  # a monthly round only
    officer = counts(session, users["officer"], date(2024, 3, 1))  # Sở TTTT leads the monthly report
    assert officer == {date(2024, 3, 25): DayCount(1, 0)}
    assert counts(session, users["health"], date(2024, 3, 1)) == {}
    office_narrowed = counts(session, users["clerk"], date(2024, 3, 1), agency="Sở Thông tin và Truyền thông")
    assert office_narrowed == officer
    assert listed(session, users["officer"], date(2024, 3, 25)) == 1
    assert listed(session, users["officer"], date(2024, 3, 31)) == 0


def test_the_deadlines_of_a_month_take_one_grouped_query(ingest, session, users, engine):
    ingest(CONVERSION)
    session.flush()
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        counts(session, users["clerk"], date(2024, 6, 1))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    grouped = [s for s in statements if "GROUP BY" in s.upper()]
    assert len(grouped) == 1 and len(statements) <= 3, [
        s[:80] for s in statements
    ]  # deadlines; recurring tasks; their done rounds


def test_a_month_is_laid_out_in_weeks_from_monday():
    weeks = month_weeks(date(2026, 3, 15))  # 1/3/2026 is a Sunday
    assert weeks[0] == [None] * 6 + [date(2026, 3, 1)]
    assert weeks[-1][:2] == [date(2026, 3, 30), date(2026, 3, 31)] and weeks[-1][2:] == [None] * 5
    days = [d for week in weeks for d in week if d]
    assert days == [date(2026, 3, 1) + timedelta(days=i) for i in range(31)]
