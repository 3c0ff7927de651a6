"""The working-day calendar: Vietnamese public holidays, Tết, make-up Saturdays, counting."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.workdays import WorkCalendar, default_calendar

CAL = WorkCalendar()


@pytest.mark.parametrize(
    "day",
    [
        # Tết Giáp Thìn: lunar new year on Saturday 10/2/2024, days off Thursday 8 to Wednesday 14.
        *[date(2024, 2, d) for d in range(8, 15)],
        # Tết Ất Tỵ: 29/1/2025; days off Monday 27/1 to Saturday 1/2.
        *[date(2025, 1, d) for d in range(27, 32)],
        # Tết Bính Ngọ: 17/2/2026; days off Monday 16 to Friday 20.
        *[date(2026, 2, d) for d in range(16, 21)],
        date(2024, 1, 1),
        date(2025, 1, 1),
        date(2026, 1, 1),
        date(2024, 4, 18),
        date(2025, 4, 7),
        date(2026, 4, 27),  # Hùng Kings (2026: Sunday, moved to Monday)
        date(2024, 4, 30),
        date(2024, 5, 1),
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2024, 4, 29),  # swapped with Saturday 4/5/2024
        date(2025, 5, 2),  # swapped with Saturday 26/4/2025
        date(2024, 9, 2),
        date(2024, 9, 3),
        date(2025, 9, 1),
        date(2025, 9, 2),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2024, 3, 16),
        date(2024, 3, 17),  # a plain weekend
    ],
)
def test_days_off(day):
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 2, 7),
        date(2024, 2, 15),  # either side of Tết 2024
        date(2025, 1, 24),
        date(2025, 2, 3),
        date(2026, 2, 13),
        date(2026, 2, 23),
        date(2024, 5, 4),  # make-up Saturday for Monday 29/4/2024
        date(2025, 4, 26),  # make-up Saturday for Friday 2/5/2025
        date(2024, 3, 18),
        date(2024, 12, 31),
    ],
)
def test_working_days(day):
    assert CAL.is_working_day(day)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Signed Friday 15/3/2024: 18-22/3 and 25-29/3 (the example notice's police task).
        (date(2024, 3, 15), 10, date(2024, 3, 29)),
        # Signed Monday 5/2/2024: 6, 7/2, then Tết 8-14/2, then 15, 16, 19-23, 26/2.
        (date(2024, 2, 5), 10, date(2024, 2, 26)),
        (date(2025, 1, 24), 1, date(2025, 2, 3)),  # Friday before Tết 2025 -> Monday after it
        (date(2024, 4, 26), 1, date(2024, 5, 2)),  # Friday 26/4/2024: then 29/4-1/5 off
        (date(2024, 4, 26), 3, date(2024, 5, 4)),  # 2/5, 3/5 and the make-up Saturday 4/5
        (date(2024, 5, 3), 1, date(2024, 5, 4)),  # the make-up Saturday counts
        (date(2024, 3, 16), 1, date(2024, 3, 18)),  # from a Saturday
        (date(2024, 3, 15), 0, date(2024, 3, 15)),
        (date(2024, 2, 26), -10, date(2024, 2, 5)),  # counting back across Tết
        (date(2024, 3, 18), -1, date(2024, 3, 15)),
    ],
)
def test_add_working_days(start, n, expected):
    assert CAL.add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2024, 3, 15), date(2024, 3, 29), 10),
        (date(2024, 3, 29), date(2024, 3, 15), -10),
        (date(2024, 3, 15), date(2024, 3, 15), 0),
        (date(2024, 3, 15), date(2024, 3, 16), 0),  # Friday to Saturday
        (date(2024, 3, 16), date(2024, 3, 15), 0),
        (date(2024, 3, 15), date(2024, 3, 18), 1),  # Friday to Monday
        (date(2024, 3, 18), date(2024, 3, 15), -1),
        (date(2024, 2, 7), date(2024, 2, 15), 1),  # across Tết 2024
        (date(2024, 2, 15), date(2024, 2, 7), -1),
        (date(2023, 12, 29), date(2024, 1, 2), 1),  # across New Year: only 2/1/2024
        (date(2024, 1, 1), date(2024, 12, 31), 251),
    ],
)
def test_working_days_between(a, b, expected):
    assert CAL.working_days_between(a, b) == expected


def test_next_working_day():
    assert CAL.next_working_day(date(2024, 2, 7)) == date(2024, 2, 15)
    assert CAL.next_working_day(date(2024, 3, 18)) == date(2024, 3, 19)
    assert CAL.next_working_day(date(2024, 3, 18), inclusive=True) == date(2024, 3, 18)
    assert CAL.next_working_day(date(2024, 3, 16), inclusive=True) == date(2024, 3, 18)


def test_extra_days():
    cal = WorkCalendar(extra_off=[date(2024, 3, 18)], extra_workdays=[date(2024, 3, 16), date(2024, 2, 12)])
    assert not cal.is_working_day(date(2024, 3, 18))
    assert cal.is_working_day(date(2024, 3, 16))
    assert cal.is_working_day(date(2024, 2, 12))  # a Tết day declared worked
    assert cal.working_days_between(date(2024, 3, 15), date(2024, 3, 19)) == 2  # Sat 16 and Tue 19
    with pytest.raises(ValueError):
        WorkCalendar(extra_off=[date(2024, 3, 18)], extra_workdays=[date(2024, 3, 18)])


def test_calendar_without_data_file_matches_the_default():
    plain = WorkCalendar(use_data_file=False)
    assert plain.working_days_between(date(2024, 1, 1), date(2026, 12, 31)) == default_calendar().working_days_between(
        date(2024, 1, 1), date(2026, 12, 31)
    )


def test_years_the_holiday_package_does_not_cover():
    far = WorkCalendar()
    assert far.is_working_day(date(2300, 1, 2)) == (date(2300, 1, 2).weekday() < 5)
    assert far.add_working_days(date(9999, 12, 1), 5) == date(9999, 12, 8)


def _naive_between(cal, a, b):
    sign, (a, b) = (1, (a, b)) if a <= b else (-1, (b, a))
    days = (a + timedelta(days=i) for i in range(1, (b - a).days + 1))
    return sign * sum(1 for d in days if cal.is_working_day(d))


DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(DATES, st.integers(min_value=1, max_value=400))
def test_add_then_count_round_trip(start, n):
    end = CAL.add_working_days(start, n)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(start, end - timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(DATES, st.integers(min_value=1, max_value=100))
def test_counting_back_from_a_working_day(start, n):
    start = CAL.next_working_day(start, inclusive=True)
    back = CAL.add_working_days(start, -n)
    assert CAL.is_working_day(back)
    assert CAL.working_days_between(start, back) == -n


@settings(max_examples=200, deadline=None)
@given(DATES, st.integers(min_value=-500, max_value=500))
def test_count_matches_day_by_day(a, span):
    b = a + timedelta(days=span)
    assert CAL.working_days_between(a, b) == _naive_between(CAL, a, b) == -CAL.working_days_between(b, a)
