"""Month by month: tasks assigned, completed, and overdue, for the province or one lead agency.

The tally's scan (``tally.py``) counts the tasks by the months they were assigned, due and
completed; every month's figures are sums of those groups. A month's overdue tasks are those still unfinished
when it ended whose deadline fell in it or before (what the dashboard shows on the 1st of the
next month); the month of the cut-off counts as the report does, on the cut-off day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from chidao.reports.tally import Months, first_month


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    assigned: int
    completed: int
    overdue: int

    @property
    def label(self) -> str:
        """ "T3/2026"."""
        return f"T{self.month}/{self.year}"


def monthly(groups: Months, *, through: date, overdue_now: int, months: int = 12) -> list[MonthPoint]:
    """The ``months`` months up to the one of ``through`` (the cut-off), oldest first, from the
    tally's ``groups``; ``overdue_now`` is the report's overdue count on the cut-off day, the last
    month's."""
    first = first_month(through, months)
    last = first + months - 1
    assigned: dict[int, int] = defaultdict(int)
    completed: dict[int, int] = defaultdict(int)
    for a, _, c, n in groups:
        assigned[a] += n
        if c is not None:
            completed[c] += n
    points = []
    for m in range(first, last + 1):
        if m == last:
            overdue = overdue_now
        else:
            overdue = sum(n for a, d, c, n in groups if a <= m and d is not None and d <= m and (c is None or c > m))
        points.append(MonthPoint(m // 12, m % 12 + 1, assigned[m], completed[m], overdue))
    return points
