"""Numbers typed by people: only ASCII digits, only within what the database stores.

``str.isdigit()`` accepts "²" and "٣", which ``int()`` refuses or reads as a number nobody
typed on purpose, and a 20-digit id overflows SQLite's integers: both once answered 500.
"""

from __future__ import annotations

from datetime import date

MAX_KEY = 2**31 - 1  # the tables' integer keys
# Dates a user may ask about: wide enough for any deadline, narrow enough that adding a year or
# a few working days never leaves what ``datetime.date`` can hold.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def whole_number(raw: str, low: int, high: int) -> int | None:
    """``raw`` (spaces around allowed) as a number written in ASCII digits from ``low`` to
    ``high``; None for anything else."""
    raw = raw.strip()
    if not raw or len(raw) > 19 or not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def key(raw: str) -> int | None:
    """A row id (1 … 2³¹−1) written in ASCII digits; None for anything else."""
    return whole_number(raw, 1, MAX_KEY)


def is_digits(raw: str) -> bool:
    """Whether ``raw`` is ASCII digits only (what a user means by "a number", never "²")."""
    return raw.isascii() and raw.isdigit()


def in_calendar(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY
