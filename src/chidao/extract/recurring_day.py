"""The day a recurring task falls on, read once with its recurrence: "trước ngày 25 hằng tháng"
→ "25", "trước ngày 15/12 hằng năm" → "15/12", "ngày 20 tháng cuối quý" → "20/q3", "thứ Sáu
hằng tuần" → "fri", "ngày làm việc thứ 3 của tháng" → "wd3".

Every phrase is a row of ``data/vi/recurring_days.toml`` with its example; the codes are those
``chidao.tracking.rounds`` dates the rounds with (see docs/recurring-rounds.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml


@dataclass(frozen=True)
class _Row:
    recurrences: frozenset[str]
    pattern: re.Pattern[str]
    code: str


def _key(words: str) -> str:
    return " ".join(words.split())


@cache
def _rows() -> tuple[tuple[_Row, ...], dict[str, dict[str, object]]]:
    data = load_toml("recurring_days.toml")
    rows = tuple(
        _Row(frozenset(row["recurrence"]), re.compile(row["pattern"].replace(" ", r"\s+")), row["code"])
        for row in data["day"]
    )
    tables = {name: {_key(k): v for k, v in data[name].items()} for name in ("weekdays", "quarter_parts", "ordinals")}
    return rows, tables


def _value(match: re.Match[str], group: str, tables: dict[str, dict[str, object]]) -> str | None:
    raw = _key(match.group(group))
    if group == "weekday":
        return str(tables["weekdays"][raw])
    if group == "part":
        return str(tables["quarter_parts"][raw])
    number = int(raw) if raw.isdigit() else int(tables["ordinals"][raw])
    limit = {"d": 31, "m": 12}.get(group, 23)
    return str(number) if 1 <= number <= limit else None


def _code(row: _Row, match: re.Match[str], tables: dict[str, dict[str, object]]) -> str | None:
    values = {}
    for group in match.re.groupindex:
        value = _value(match, group, tables)
        if value is None:
            return None  # "ngày 32", "tháng 13": no such day
        values[group] = value
    return row.code.format(**values)


def recurring_day(key: str, start: int, end: int, recurrence: str | None) -> str | None:
    """The code of the day ``key[start:end]`` (match-key text) says a ``recurrence`` task falls on."""
    if recurrence is None:
        return None
    rows, tables = _rows()
    found: tuple[int, str] | None = None
    for row in rows:
        if recurrence not in row.recurrences:
            continue
        match = row.pattern.search(key, start, end)
        if match is None or (found is not None and match.start() >= found[0]):
            continue
        code = _code(row, match, tables)
        if code is not None:
            found = (match.start(), code)
    return found[1] if found else None
