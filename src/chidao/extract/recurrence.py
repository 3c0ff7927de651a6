"""Recurrence: "hằng ngày" … "hằng năm" when it says how often the action is done."""

from __future__ import annotations

import re
from functools import cache

from chidao.document.lexicon import load_toml


@cache
def _rules() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_toml("recurrence.toml")
    periods: dict[str, str] = data["periods"]
    every = "|".join(data["every"])
    pattern = re.compile(rf"(?<![\w])(?P<every>{every})\s+(?P<period>{'|'.join(periods)})(?![\w])")
    return pattern, periods


_CLAUSE_START = re.compile(r"(?:^|[.;:\n]|,\s*(?=(?:hằng|hàng|mỗi)\b)|^\s*[-+*•])\s*$")
_PERIODIC = re.compile(r"định kỳ\s*$")
_REPORTING = re.compile(r"(?:báo cáo|cập nhật|gửi|họp|giao ban|thống kê|kiểm tra|rà soát)(?![\w])")


def find_recurrence(key: str, start: int, end: int) -> str | None:
    """The period of a repeated action in ``key[start:end]`` (match-key text), or None."""
    pattern, periods = _rules()
    for match in pattern.finditer(key, start, end):
        before = key[max(start, match.start() - 80) : match.start()]
        clause = re.split(r"[.;:\n]", before)[-1]
        words = clause.split()
        if _PERIODIC.search(before) or not words or _CLAUSE_START.search(before):
            return periods[match.group("period")]
        opens_clause = len(before) < 80 or re.search(r"[.;:\n]", before)
        if len(words) <= 3 and opens_clause:
            # "Báo cáo hằng ngày": right after the verb that opens the clause.
            return periods[match.group("period")]
        if len(words) <= 8 and opens_clause and _REPORTING.match(clause.strip()):
            # "báo cáo tình hình dịch bệnh hằng ngày": how often the opening verb is done.
            return periods[match.group("period")]
    return None
