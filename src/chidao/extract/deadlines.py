"""The deadline grammar: the phrases that set a deadline in Vietnamese directives, and their date.

Date libraries do not read "trước ngày 30/6/2024", "trong Quý I năm 2026", "6 tháng cuối năm
2022" or "trong vòng 10 ngày làm việc kể từ ngày ký"; this grammar finds every such phrase, as
the shortest verbatim text stating it. Which one is a task's deadline, and whether "trong năm
2024" frames a programme or sets a deadline, is the caller's choice (``timing.py``).

Every word comes from ``data/vi/deadlines.toml``: a rule there names trigger words and a *shape*,
the pattern that follows them; only the shapes are written here. Text is matched lowercased (a
copy of the same length, so offsets hold), so the regexes need no IGNORECASE and the engine can
skip ahead to a trigger's first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from chidao.extract.deadline_dates import _HANDLERS, DeadlineContext
from chidao.extract.deadline_grammar import _QUARTER_RE, DeadlineMatch, _Grammar, _grammar, _key, _Rule, load_data
from chidao.extract.workdays import WorkCalendar, default_calendar

__all__ = [
    "DeadlineContext",
    "DeadlineMatch",
    "Hit",
    "deadline_context",
    "find_deadlines",
    "load_data",
    "resolve_deadlines",
    "scan_deadlines",
    "sliceable_lower",
]


def _closes_range(g: _Grammar, low: str, start: int, shape: str) -> bool:
    """ "tính đến ngày 30/6/2024" (a cut-off) and "từ tháng 3 đến hết tháng 5" (a period): the
    "đến" date is no deadline. A range of days is one: "từ ngày 01/7 đến ngày 31/7" → 31/7."""
    if shape == "date":
        return g.blocked.search(low, max(0, start - 40), start) is not None
    return g.not_until.search(low, max(0, start - 40), start) is not None


def _lower(text: str) -> str:
    """Lowercase of the same length, so that offsets found in it hold in ``text``."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two code points
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def sliceable_lower(text: str, lowered: str | None = None) -> str | None:
    """``_lower(text)`` when each of its slices is ``_lower`` of the same slice of ``text``, so that
    a reader of one document lowercases it once: not when a character lowers to two code points
    ("İ") or by its context (a final "Σ"). ``lowered``, if given, is ``text.lower()``."""
    low = text.lower() if lowered is None else lowered
    return low if len(low) == len(text) and "Σ" not in text else None


_DIGIT = re.compile("[0-9]")
_SHAPES = ("date", "month", "quarter", "year", "year_span", "relative", "recurring", "tet", "duration")


def _gates(g: _Grammar, low: str) -> tuple[bool, ...]:
    """Per shape of ``_SHAPES``, whether it may hold in ``low``: substring tests, far cheaper than
    a regex scan, each of something every match of the shape holds (so that a shape ruled out has
    no match to lose). Most sentences of a notice state no deadline, and this grammar runs on all."""
    digit = _DIGIT.search(low) is not None
    year = "năm" in low
    return (
        digit,
        digit and "tháng" in low,
        "q" in low and _QUARTER_RE.search(low) is not None,
        year and (digit or "nay" in low),
        year and _holds(low, g.needles["year_span"]) and g.span_gate.search(low) is not None,
        _holds(low, g.needles["relative"]),  # a unit ("10 ngày làm việc"), whose first word is a needle
        _holds(low, g.needles["recurring"]),
        "tết" in low or (digit and ("chạp" in low or "giêng" in low)),  # "ngày 20 tháng Chạp"
        digit and "từ" in low,
    )


@cache
def _gated(gates: tuple[bool, ...]) -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    """The patterns to scan where ``_gates`` gives ``gates``, in the grammar's order."""
    shapes = {shape for shape, gate in zip(_SHAPES, gates, strict=True) if gate}
    return tuple(entry for entry in _grammar().patterns if entry[0] in shapes)


def _holds(low: str, needles: tuple[str, ...]) -> bool:
    """``any(n in low for n in needles)`` without the generator (this runs on every sentence)."""
    for needle in needles:  # noqa: SIM110  (a loop: any() of a generator costs twice as much here)
        if needle in low:
            return True
    return False


def _span_scan(g: _Grammar, pattern: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
    """A bare span ("sáu tháng đầu năm 2024") starts a word or two before "tháng đầu năm": try
    there only, since scanning the text for numbers ("6", "ba", "năm") costs more than the rest."""
    for anchor in g.span_gate.finditer(low):
        for pos in range(max(0, anchor.start() - 14), anchor.start() + 1):
            m = pattern.match(low, pos) if pos == 0 or low[pos - 1].isspace() else None
            if m:
                yield m
                break


# A match of the grammar before its date is worked out: the rule it follows and the regex match.
Hit = tuple[_Rule, re.Match[str]]


def scan_deadlines(low: str) -> list[Hit]:
    """Every match of the grammar in ``low`` (a text lowercased by ``_lower``), in the order
    ``resolve_deadlines`` takes them; none depends on the document's date, so that a reader
    can keep them and resolve them again in another context without scanning again."""
    g = _grammar()
    hits: list[Hit] = []
    for shape, bare, pattern in _gated(_gates(g, low)):
        for m in _span_scan(g, pattern, low) if bare and shape == "year_span" else pattern.finditer(low):
            start = m.start()
            if start and low[start - 1].isalnum():
                continue  # inside a word
            rule = g.rules[shape, _key(m["trig"])]
            if rule.range_guard == "cut_off":
                if g.cut_off.search(low, max(0, start - 40), start) is not None:
                    continue  # "tính đến tháng 6/2024": the figures' cut-off
            elif rule.range_guard and _closes_range(g, low, start, shape):
                continue
            hits.append((rule, m))
    return hits


def resolve_deadlines(hits: list[Hit], text: str, ctx: DeadlineContext, offset: int = 0) -> list[DeadlineMatch]:
    """The deadlines that ``hits``, found in ``text[offset:]``, state in ``ctx``: in order of
    position, not overlapping, with spans in ``text``."""
    g = _grammar()
    found: list[DeadlineMatch] = []
    for rule, m in hits:
        try:
            resolved = _HANDLERS[rule.shape](g, rule, m, ctx)
        except (ValueError, OverflowError):  # date arithmetic past year 1 or 9999 (odd `year` values)
            continue
        if resolved is not None:
            when, recurrence, kind = resolved
            start, end = m.start() + offset, m.end() + offset
            found.append(DeadlineMatch(start, end, text[start:end], when, recurrence, kind))
    found.sort(key=lambda hit: (hit.start, -hit.end))
    kept: list[DeadlineMatch] = []
    for hit in found:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def deadline_context(
    doc_date: date | None = None, year: int | None = None, calendar: WorkCalendar | None = None
) -> DeadlineContext:
    """``year`` completes a date written without one (default: the year of ``doc_date``)."""
    year = year if year is not None else (doc_date.year if doc_date else None)
    return DeadlineContext(year, doc_date, calendar or default_calendar())


def find_deadlines(
    text: str,
    *,
    doc_date: date | None = None,
    year: int | None = None,
    calendar: WorkCalendar | None = None,
    low: str | None = None,
) -> list[DeadlineMatch]:
    """Every deadline phrase in ``text``, in order of position, not overlapping.

    ``year`` completes a date written without one (default: the year of ``doc_date``);
    ``doc_date``, the signing date, is the origin of "trong vòng 10 ngày làm việc kể từ ngày ký".
    Without them such phrases are still found, with ``date=None``. ``low``, if given, is the
    lowercase of ``text`` (a slice of ``sliceable_lower`` of the document).
    """
    hits = scan_deadlines(_lower(text) if low is None else low)
    if not hits:
        return []
    return resolve_deadlines(hits, text, deadline_context(doc_date, year, calendar))
