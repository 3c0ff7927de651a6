"""Agency scores and their ranking: completion, on time, overdue weighed by days late, and the
answer to reminders, each 0–1, weighed as ``data/vi/reports.toml`` says into a score of 0–100.

An agency with fewer tasks with a deadline than ``min_tasks`` in the period is not ranked: it is
shown as "chưa đủ dữ liệu" (two tasks make no rate). Provinces count such figures toward their
emulation awards (Quảng Ngãi, 5425/UBND-KGVX, 2023), so the rule is written down, not tuned in code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from chidao.data import load_toml
from chidao.extract.workdays import WorkCalendar
from chidao.messages import msg
from chidao.reports.classes import AgencyRow

PARTS = ("completion", "on_time", "overdue", "response")


@cache
def policy() -> dict:
    """The scoring rules of the data file: minimum tasks, days step, weights."""
    return load_toml("reports.toml")["scores"]


def part_labels() -> dict[str, str]:
    """The parts of the score as the report's columns name them, in the order of ``PARTS``."""
    return {
        "completion": msg("reports.scores.completion"),
        "on_time": msg("reports.scores.on_time"),
        "overdue": msg("reports.scores.overdue"),
        "response": msg("reports.scores.response"),
    }


def not_enough_label() -> str:
    return msg("reports.scores.not_enough")


def overdue_weight(days_late: int) -> float:
    """What one overdue task weighs: 1, and more the longer it is late (capped)."""
    rules = policy()
    return min(1 + max(days_late, 0) / rules["days_step"], rules["max_weight"])


def heaviest_since(calendar: WorkCalendar, through: date) -> date | None:
    """The latest deadline at which a task overdue on ``through`` weighs the most (every earlier
    one weighs as much), so that the overdue tasks before it can be counted as one group; None if
    none within a year does."""
    rules = policy()
    days = math.ceil((rules["max_weight"] - 1) * rules["days_step"])
    day = through - timedelta(days=days)  # working days are fewer than days: start there
    for _ in range(366):
        if overdue_weight(calendar.working_days_between(day, through)) >= rules["max_weight"]:
            return day
        day -= timedelta(days=1)
    return None


@dataclass(frozen=True)
class Score:
    agency_id: int
    name: str
    tasks: int  # with a deadline, as lead, in the period
    parts: dict[str, float]  # each 0..1, 1 best
    value: float | None  # 0..100; None: not enough tasks to rank
    rank: int | None


def parts_of(row: AgencyRow) -> dict[str, float]:
    """The four parts of an agency's score, each from 0 (worst) to 1 (best)."""
    totals = row.totals
    dated = totals.dated
    reached = totals.completed + totals.overdue
    return {
        "completion": totals.completed / dated if dated else 1.0,
        "on_time": totals.done_on_time / reached if reached else 1.0,
        "overdue": max(0.0, 1 - row.overdue_weight / dated) if dated else 1.0,
        "response": row.answered / row.reminders if row.reminders else 1.0,
    }


def score_of(parts: dict[str, float]) -> float:
    weights = policy()["weights"]
    total = sum(weights[p] for p in PARTS)
    return round(100 * sum(weights[p] * parts[p] for p in PARTS) / total, 1)


def ranking(rows: list[AgencyRow]) -> list[Score]:
    """Every agency scored; the ranked ones best first (ties share a rank), then those with too
    few tasks, by name."""
    minimum = policy()["min_tasks"]
    scored = []
    for row in rows:
        parts = parts_of(row)
        enough = row.totals.dated >= minimum
        scored.append((row, parts, score_of(parts) if enough else None))
    ranked = sorted((s for s in scored if s[2] is not None), key=lambda s: (-s[2], s[0].name))
    result, previous, rank = [], None, 0
    for index, (row, parts, value) in enumerate(ranked, start=1):
        if value != previous:
            rank, previous = index, value
        result.append(Score(row.agency_id, row.name, row.totals.dated, parts, value, rank))
    for row, parts, _ in sorted((s for s in scored if s[2] is None), key=lambda s: s[0].name):
        result.append(Score(row.agency_id, row.name, row.totals.dated, parts, None, None))
    return result
