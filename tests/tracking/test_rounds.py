"""The dated rounds of recurring tasks (``rounds.occurrences``), on the Vietnamese calendar,
and the rounds stored for a task (``rounds.recorded_rounds``)."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, task_of

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Occurrence, Task
from chidao.tracking.rounds import occurrences, recorded_rounds


def task(recurrence=None, deadline=None, deadline_text=None) -> Task:
    return Task(text="Báo cáo", recurrence=recurrence, deadline=deadline, deadline_text=deadline_text)


@pytest.mark.parametrize(
    ("made", "start", "end", "expected"),
    [
        # monthly: on the deadline's day, the month's last day when shorter
        (task("monthly", date(2024, 1, 31)), date(2024, 1, 1), date(2024, 4, 30), ["01-31", "02-29", "03-31", "04-30"]),
        # monthly without a deadline: the day named in the text ("trước ngày 25 hằng tháng")
        (task("monthly", None, "trước ngày 25 hằng tháng"), date(2024, 4, 26), date(2024, 7, 1), ["05-25", "06-25"]),
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
