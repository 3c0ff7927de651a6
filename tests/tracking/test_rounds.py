"""The dated rounds of recurring tasks (``rounds.occurrences``), on the Vietnamese calendar,
and the rounds stored for a task (``rounds.recorded_rounds``)."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, task_of

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Occurrence, Task
from chidao.tracking.rounds import occurrences, recorded_rounds


def task(recurrence=None, deadline=None, deadline_text=None, day=None) -> Task:
    return Task(
        text="Báo cáo", recurrence=recurrence, deadline=deadline, deadline_text=deadline_text, recurrence_day=day
    )


@pytest.mark.parametrize(
    ("made", "start", "end", "expected"),
    [
        # monthly: on the deadline's day, the month's last day when shorter
        (task("monthly", date(2024, 1, 31)), date(2024, 1, 1), date(2024, 4, 30), ["01-31", "02-29", "03-31", "04-30"]),
        # monthly without a deadline: the day extraction read ("trước ngày 25 hằng tháng" → "25");
        # the words themselves are never read again (issue 9)
        (
            task("monthly", None, "trước ngày 25 hằng tháng", "25"),
            date(2024, 4, 26),
            date(2024, 7, 1),
            ["05-25", "06-25"],
        ),
        (
            task("monthly", None, "trước ngày 25 hằng tháng"),
            date(2024, 4, 26),
            date(2024, 7, 1),
            ["04-30", "05-31", "06-30"],
        ),
        # monthly with neither: the month's last day
        (task("monthly"), date(2024, 2, 1), date(2024, 3, 31), ["02-29", "03-31"]),
        # quarterly: in the deadline's month of each quarter
        (
            task("quarterly", date(2024, 2, 15)),
            date(2024, 1, 1),
            date(2024, 12, 31),
            ["02-15", "05-15", "08-15", "11-15"],
        ),
        # quarterly without a deadline: at the end of each quarter
        (task("quarterly"), date(2024, 1, 1), date(2024, 9, 30), ["03-31", "06-30", "09-30"]),
        # yearly: once, in the deadline's month
        (task("yearly", date(2023, 10, 5)), date(2024, 1, 1), date(2024, 12, 31), ["10-05"]),
        # weekly: on the deadline's weekday (a Wednesday), else on Friday
        (task("weekly", date(2024, 6, 5)), date(2024, 6, 1), date(2024, 6, 16), ["06-05", "06-12"]),
        (task("weekly"), date(2024, 6, 1), date(2024, 6, 16), ["06-07", "06-14"]),
        # not recurring: its deadline when inside the window, else nothing
        (task(None, date(2024, 6, 5)), date(2024, 6, 1), date(2024, 6, 30), ["06-05"]),
        (task(None, date(2024, 7, 5)), date(2024, 6, 1), date(2024, 6, 30), []),
        (task(None, None), date(2024, 6, 1), date(2024, 6, 30), []),
    ],
)
def test_rounds_fall_where_the_recurrence_says(made, start, end, expected):
    assert [d.strftime("%m-%d") for d in occurrences(made, start, end)] == expected


def test_daily_rounds_skip_weekends_and_holidays_and_count_a_worked_saturday():
    # 29/4-1/5/2024 are days off (Reunification and Labour Day, with a bridge day); Saturday 4/5 is worked.
    rounds = occurrences(task("daily"), date(2024, 4, 27), date(2024, 5, 6))
    assert rounds == [date(2024, 5, 2), date(2024, 5, 3), date(2024, 5, 4), date(2024, 5, 6)]


def test_daily_rounds_follow_the_calendar_given():
    province = WorkCalendar(extra_off=[date(2024, 6, 12)])
    rounds = occurrences(task("daily"), date(2024, 6, 10), date(2024, 6, 16), province)
    assert rounds == [date(2024, 6, 10), date(2024, 6, 11), date(2024, 6, 13), date(2024, 6, 14)]


def test_recorded_rounds_are_those_stored_between_the_dates(session, ingest):
    monthly = task_of(ingest(CONVERSION), "Báo cáo hằng tháng")
    session.add_all(
        [
            Occurrence(task_id=monthly.id, due_on=date(2024, 4, 25), done_on=date(2024, 4, 24)),
            Occurrence(task_id=monthly.id, due_on=date(2024, 5, 25)),
            Occurrence(task_id=monthly.id, due_on=date(2024, 6, 25)),
        ]
    )
    session.flush()
    found = recorded_rounds(session, monthly, date(2024, 4, 1), date(2024, 5, 31))
    assert found == {date(2024, 4, 25): date(2024, 4, 24), date(2024, 5, 25): None}
    assert occurrences(monthly, date(2024, 4, 1), date(2024, 5, 31)) == [date(2024, 4, 25), date(2024, 5, 25)]


@pytest.mark.parametrize(
    ("recurrence", "day", "start", "end", "expected"),
    [
        # the codes extraction stores (recurring_days.toml), one row per kind
        ("monthly", "5", date(2024, 1, 1), date(2024, 3, 31), ["01-05", "02-05", "03-05"]),
        ("monthly", "31", date(2024, 1, 1), date(2024, 3, 31), ["01-31", "02-29", "03-31"]),
        ("monthly", "end", date(2024, 1, 1), date(2024, 2, 29), ["01-31", "02-29"]),
        ("quarterly", "20/q3", date(2024, 1, 1), date(2024, 12, 31), ["03-20", "06-20", "09-20", "12-20"]),
        ("quarterly", "10/q1", date(2024, 1, 1), date(2024, 6, 30), ["01-10", "04-10"]),
        ("quarterly", "15", date(2024, 1, 1), date(2024, 6, 30), ["03-15", "06-15"]),  # the quarter's last month
        ("yearly", "15/12", date(2024, 1, 1), date(2025, 12, 31), ["12-15", "12-15"]),
        ("yearly", "end", date(2024, 1, 1), date(2024, 12, 31), ["12-31"]),
        ("weekly", "mon", date(2024, 6, 1), date(2024, 6, 16), ["06-03", "06-10"]),
        ("weekly", "thu", date(2024, 6, 1), date(2024, 6, 16), ["06-06", "06-13"]),
        # working days: 1/5/2024 is a holiday, Saturday 4/5 a working day
        ("monthly", "wd3", date(2024, 4, 1), date(2024, 5, 31), ["04-03", "05-04"]),
        ("monthly", "wd-1", date(2024, 4, 1), date(2024, 5, 31), ["04-26", "05-31"]),  # 29-30/4 are days off
        ("quarterly", "wd1", date(2024, 1, 1), date(2024, 6, 30), ["01-02", "04-01"]),  # 1/1 is a holiday
        ("weekly", "wd1", date(2024, 4, 29), date(2024, 5, 12), ["05-02", "05-06"]),
        # a code that does not fit the period: the period's default
        ("weekly", "25", date(2024, 6, 1), date(2024, 6, 16), ["06-07", "06-14"]),
        ("monthly", "fri", date(2024, 1, 1), date(2024, 2, 29), ["01-31", "02-29"]),
    ],
)
def test_rounds_fall_on_the_stored_day(recurrence, day, start, end, expected):
    assert [d.strftime("%m-%d") for d in occurrences(task(recurrence, day=day), start, end)] == expected


def test_rounds_start_at_the_document_date_and_stop_at_the_end_the_text_gives(session, ingest):
    monthly = task_of(ingest(CONVERSION), "Báo cáo hằng tháng")  # the notice is of 15/3/2024
    assert occurrences(monthly, date(2024, 1, 1), date(2024, 4, 30)) == [date(2024, 3, 25), date(2024, 4, 25)]
    monthly.recurrence_until = date(2024, 5, 31)
    assert occurrences(monthly, date(2024, 1, 1), date(2024, 12, 31))[-1] == date(2024, 5, 25)
    assert occurrences(monthly, date(2024, 6, 1), date(2024, 12, 31)) == []
