"""The lunar months around Tết, from the new moons (chidao.extract.lunar)."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.extract.lunar import lunar_day, new_moon_day
from chidao.extract.workdays import lunar_new_year


@pytest.mark.parametrize("year", range(2000, 2061))
def test_tet_is_a_new_moon_day(year):
    """Every Tết the holidays package knows falls on a new moon of our series, and the month
    before it (Chạp) is 29 or 30 days long."""
    tet = lunar_new_year(year)
    assert lunar_day(tet, 1, 1) == tet
    chap = lunar_day(tet, 12, 1)
    assert (tet - chap).days in (29, 30)
    assert new_moon_day(round((tet.toordinal() + 1721425 - 2415021.077) / 29.530588853)) == tet


@pytest.mark.parametrize(
    ("tet_year", "month", "day", "expected"),
    [
        (2025, 12, 23, date(2025, 1, 22)),  # Ông Công, Ông Táo of Giáp Thìn
        (2024, 12, 23, date(2024, 2, 2)),
        (2023, 12, 23, date(2023, 1, 14)),
        (2027, 12, 20, date(2027, 1, 27)),
        (2027, 1, 6, date(2027, 2, 11)),  # mùng 6 tháng Giêng Đinh Mùi
        (2026, 1, 15, date(2026, 3, 3)),  # Rằm tháng Giêng Bính Ngọ
    ],
)
def test_known_lunar_days(tet_year, month, day, expected):
    assert lunar_day(lunar_new_year(tet_year), month, day) == expected
