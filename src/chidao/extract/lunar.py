"""Days of the lunar months around Tết: "trước ngày 20 tháng Chạp", "đến hết ngày mùng 6 tháng
Giêng" (genre g446). A month of the Vietnamese lunar calendar starts on the day of a new moon in
Vietnam's time zone (UTC+7); the first month (Giêng) starts at Tết, the twelfth (Chạp) at the new
moon before it. The new moons come from the standard series (Jean Meeus, "Astronomical
Algorithms", as Hồ Ngọc Đức's Vietnamese calendar uses it), good to the day for 1900-2100."""

from __future__ import annotations

import math
from datetime import date

_SYNODIC = 29.530588853  # days from one new moon to the next, on average
_EPOCH = 2415021.076998695  # Julian day of the new moon of 1 January 1900 (k = 0)
_ORDINAL = 1721425  # Julian day number minus ``date.toordinal()``
_ZONE = 7 / 24  # Vietnam's time zone, in days


def _new_moon(k: int) -> float:
    """The Julian day (UT) of the ``k``-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # the Sun's mean anomaly
    mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # the Moon's
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # the Moon's argument of latitude
    c = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c += -0.4068 * math.sin(mp * dr) + 0.0161 * math.sin(dr * 2 * mp) - 0.0004 * math.sin(dr * 3 * mp)
    c += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mp))
    c += -0.0074 * math.sin(dr * (m - mp)) + 0.0004 * math.sin(dr * (2 * f + m))
    c += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mp))
    c += 0.0010 * math.sin(dr * (2 * f - mp)) + 0.0005 * math.sin(dr * (2 * mp + m))
    return jd + c - (-0.000278 + 0.000265 * t + 0.000262 * t2)


def new_moon_day(k: int) -> date:
    """The day, in Vietnam, of the ``k``-th new moon after 1 January 1900."""
    return date.fromordinal(int(_new_moon(k) + 0.5 + _ZONE) - _ORDINAL)


def lunar_day(tet: date, month: int, day: int) -> date:
    """Day ``day`` of lunar month ``month`` (1, Giêng: the one Tết opens; 12, Chạp: the one
    before it), given that Tết."""
    k = int((tet.toordinal() + _ORDINAL - _EPOCH) / _SYNODIC + 0.5)
    start = tet if month == 1 else new_moon_day(k - 1)
    return date.fromordinal(start.toordinal() + day - 1)
