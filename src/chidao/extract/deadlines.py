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

import calendar as _calendar
import math
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from chidao.extract.workdays import WorkCalendar, default_calendar, lunar_new_year


@dataclass(frozen=True)
class DeadlineMatch:
    start: int  # span of `text` in the input string
    end: int
    text: str  # verbatim: the shortest phrase stating the deadline ("trước ngày 30/6/2024")
    date: date | None  # None: recurring, or no year / no document date to resolve it
    recurrence: str | None  # "monthly" for "trước ngày 20 hằng tháng", else None
    kind: str  # the rule that matched: "before_date", "in_quarter", "relative_workdays", ...


# --- Shapes: what follows a trigger. Group names are read by the handlers below. ---------------
_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y4 = r"(?:19|20)\d\d"
_TIME = r"(?:\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút|'|’)?\s*)?,?\s*)"  # "16h00", "16 giờ 30 phút", "11h00’"
# "30/6/2024", "30 / 6 / 24", "15.12.2024", "28/4"; "05 tháng 12 năm 2025", "05 tháng 12".
_DATE = (
    rf"(?P<ngay>ngày\s+)?(?:"
    rf"(?P<d>{_D})\s*(?P<sep>[/.-])\s*(?P<m>{_M})(?:\s*(?P=sep)\s*(?P<y>{_Y4}|\d\d))?(?!\d)(?!\s*[/.-]\s*\d)"
    rf"|(?P<td>{_D})\s+tháng\s+(?P<tm>{_M})(?!\d)"
    rf"(?:(?:\s*,?\s+năm\s+|\s*/\s*)(?P<ty>{_Y4}|nay)(?![\w/])|(?!\s*,?\s*(?:năm\s+|/\s*)\d)))"
)
# "/2024", "-2024", "/24", " năm 2025", " năm nay" after a month or a quarter; never "/2" or "-7".
_YEAR_SUFFIX = rf"(?:\s*[/.-]\s*(?P<y>{_Y4}|\d\d)(?!\d)|\s*,?\s+năm\s+(?P<yw>{_Y4}|nay)(?!\w))?(?!\s*[/.-]\s*\d)"
_NOT_A_RANGE = r"(?!\s*[-–]\s*\d)"  # "năm 2024-2025"
_QUARTER_WORD = r"q(?:uý|úy|uí|úi)"  # tone placement and the older spelling "quí" vary
_QUARTER_RE = re.compile(_QUARTER_WORD)


def _shape_bodies(v: dict[str, str]) -> dict[str, str]:
    """Regex of what follows each shape's trigger, given the data's alternations ``v``."""
    return {
        "date": rf"{_TIME}?{_DATE}",
        "month": rf"tháng\s+(?P<m>{_M})(?!\d){_YEAR_SUFFIX}",
        "quarter": rf"{_QUARTER_WORD}\s+(?P<q>{v['quarters']})(?!\w){_YEAR_SUFFIX}",
        "year": rf"năm\s+(?P<yw>{_Y4}|nay)(?!\w){_NOT_A_RANGE}",
        "year_span": (
            rf"(?:(?P<n>\d{{1,2}}|{v['numbers']})\s+tháng|{v['halves']})\s+(?P<side>{v['sides']})"
            rf"\s+năm(?:\s+(?P<yw>{_Y4}|nay)(?!\w)|\s*/\s*(?P<y>{_Y4})(?!\d))?(?!\w){_NOT_A_RANGE}"
        ),
        "relative": (
            rf"(?P<n>\d{{1,3}}|{v['numbers']})(?!\w)(?:\s*\([^()\n]{{1,30}}\))?\s+(?P<unit>{v['units']})(?!\w)"
            rf"(?!\s+(?:{v['sides']})\s+năm)"
            rf"(?:\s*,?\s*(?:(?P<anchor>{v['anchors']})(?!\w)|kể\s+từ\s+{_DATE}))?"
        ),
        "tet": (
            rf"(?:{v['tet_names']})(?:\s+(?P<stem>{v['stems']})\s+(?P<branch>{v['branches']}))?"
            rf"(?:\s+(?:năm\s+)?(?P<y>{_Y4}))?(?![\w/])"
        ),
        "duration": (
            rf"(?P<n>\d{{1,2}}(?:[,.]5)?|{v['numbers']})\s+(?P<unit>ngày|tuần)(?!\s+làm\s+việc)\s*,?\s*"
            rf"(?:bắt\s+đầu\s+|kể\s+)?từ\s+{_DATE}"
        ),
        "recurring": (
            rf"{_TIME}?(?:(?:ngày\s+)?(?P<d>{_D})(?:\s*/\s*(?P<m>{_M})|\s+tháng\s+(?P<tm>{_M}))?"
            rf"|(?:(?:{v['day_parts']})\s+)?(?:ngày\s+)?(?:{v['weekdays']}))"
            rf"\s+(?:của\s+)?(?P<rec>{v['recurrence']})(?!\w)"
        ),
    }


# --- The grammar, compiled once from the data file ---------------------------------------------
@dataclass(frozen=True)
class _Rule:
    kind: str
    shape: str
    part: str
    range_guard: bool
    weak: frozenset[str]


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, bool, re.Pattern[str]], ...]  # (shape, bare, pattern)
    needles: dict[str, tuple[str, ...]]  # shape -> substrings, one of which its text must contain
    span_gate: re.Pattern[str]  # "tháng đầu năm", "nửa cuối năm": what a year span needs
    rules: dict[tuple[str, str], _Rule]  # (shape, trigger key) -> rule; key "" for a bare match
    tables: dict[str, dict]  # numbers, units, recurrence, quarters, sides: lowercased key -> value
    other_origin: re.Pattern[str]  # "kể từ ..." after a relative deadline, not the document's date
    cycle: tuple[dict[str, int], dict[str, int]]  # stem → year % 10, branch → year % 12
    not_until: re.Pattern[str]  # what, before "đến", makes the date a cut-off or a range's end
    blocked: re.Pattern[str]  # what, before "đến", makes a day a cut-off ("tính đến ngày ...")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _alt(phrases: Iterable[str]) -> str:
    """Alternation of phrases as a trie, longest first; a space matches any whitespace run.

    A trie ("chậm nhất(?:\\s+(?:là|vào))?") rather than a flat list keeps the regex engine from
    trying every phrase at every "t" or "c" of the text: the grammar runs on every task.
    """
    trie: dict[str, dict] = {}
    for key in {_key(p) for p in phrases}:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")" if trie else "(?!)"  # no phrase: match nothing


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def load_data() -> dict:
    """The parsed ``deadlines.toml`` (tests read its examples)."""
    with resources.files("chidao.data.vi").joinpath("deadlines.toml").open("rb") as handle:
        return tomllib.load(handle)


def _rules(data: dict) -> tuple[dict[tuple[str, str], _Rule], dict[str, list[str]]]:
    rules: dict[tuple[str, str], _Rule] = {}
    triggers: dict[str, list[str]] = {}
    for entry in data["rule"]:
        rule = _Rule(
            entry["kind"],
            entry["shape"],
            entry.get("part", "whole"),
            entry.get("range_guard", False),
            frozenset(_key(w) for w in entry.get("weak", ())),
        )
        for trigger in entry["triggers"]:
            if (rule.shape, _key(trigger)) in rules:
                raise ValueError(f"deadlines.toml: trigger {trigger!r} twice in shape {rule.shape!r}")
            rules[rule.shape, _key(trigger)] = rule
            triggers.setdefault(rule.shape, []).append(trigger)
        if entry.get("bare"):
            rules[rule.shape, ""] = rule
    return rules, triggers


@cache
def _grammar() -> _Grammar:
    data = load_data()
    rules, triggers = _rules(data)
    tables = {
        name: {_key(k): v for k, v in data[name].items()} for name in ("numbers", "units", "recurrence", "quarters")
    }
    tables["sides"] = {_key(k): v for k, v in data["year_span"]["sides"].items()}
    v = {name: _alt(table) for name, table in tables.items()}
    tet = data["tet"]
    v.update(
        tet_names=_alt(tet["names"]),
        stems=_alt(tet["stems"]),
        branches=_alt([*tet["branches"], *tet["branch_aliases"]]),
        halves=_alt(data["year_span"]["halves"]),
        anchors=_alt(data["relative"]["anchors"]),
        weekdays=_alt(data["weekly"]["weekdays"]),
        day_parts=_alt(data["weekly"]["day_parts"]),
    )
    patterns: list[tuple[str, bool, re.Pattern[str]]] = []
    for shape, body in _shape_bodies(v).items():
        if shape in triggers:
            patterns.append((shape, False, re.compile(rf"(?P<trig>{_alt(triggers[shape])})\s+{body}")))
        if (shape, "") in rules:
            # An empty "trig" group (last, not to hide the first character from the engine): a bare
            # match reads as trigger "", the rule marked `bare`.
            patterns.append((shape, True, re.compile(rf"{body}(?P<trig>)")))
    needles = {
        "recurring": tuple({k.split()[0] for k in tables["recurrence"]}),
        "relative": tuple({k.split()[0] for k in tables["units"]}),
        "year_span": tuple({k.split()[0] for k in tables["sides"]}),  # "đầu", "cuối"
    }
    openers = _alt(data["range"]["openers"])
    return _Grammar(
        patterns=tuple(patterns),
        needles=needles,
        rules=rules,
        tables=tables,
        span_gate=re.compile(rf"(?:tháng|{v['halves']})\s+{v['sides']}\s+năm"),
        cycle=(
            {_key(stem): i for i, stem in enumerate(tet["stems"])},
            {
                **{_key(branch): i for i, branch in enumerate(tet["branches"])},
                **{_key(alias): tet["branches"].index(real) for alias, real in tet["branch_aliases"].items()},
            },
        ),
        other_origin=re.compile(rf"\s*,?\s*{_alt(data['relative']['other_origins'])}(?!\w)"),
        # "tính đến ngày ...", and a bare day span "trong tuần ngày 15 đến ngày 31" (a schedule)
        blocked=re.compile(
            rf"(?:(?<!\w)(?:{_alt(data['range']['blockers'])})"
            rf"|(?<!từ )(?<!\w)ngày\s+\d{{1,2}}(?:\s*/\s*\d{{1,2}})?)\s*$"
        ),
        # "tính đến", "có hiệu lực đến"; "từ ngày 01/7 đến", "ngày 15 đến", "từ tháng 3 đến hết".
        not_until=re.compile(
            rf"(?<!\w)(?:{_alt(data['range']['blockers'])}|{openers}\s+(?:{openers}\s+)?[0-9ivx]{{1,4}}"
            rf"(?:\s*[/.-]\s*\d{{1,4}}){{0,2}}(?:\s+tháng\s+\d{{1,2}})?(?:\s*,?\s+năm\s+\d{{4}})?\s*,?)\s*$"
        ),
    )


# --- From a match to a date ----------------------------------------------------------------------
@dataclass(frozen=True)
class DeadlineContext:
    """What turns a match into a date: the year a yearless date takes, the signing date, the calendar."""

    year: int | None
    doc_date: date | None
    calendar: WorkCalendar


def _year(raw: str | None, default: int | None) -> int | None:
    if raw is None or raw == "nay":
        return default
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _period_deadline(year: int, first: int, months: int, part: str) -> date:
    """The day a period of ``months`` months from month ``first`` sets, per the rule's ``part``."""
    if part == "before":
        return date(year, first, 1) - timedelta(days=1)
    if part in ("early", "mid"):
        k = 1 if part == "early" else 2
        if months == 1:
            return date(year, first, 10 * k)  # the end of the month's first or second ten days
        return _month_end(year, first + k * (1 if months == 3 else 3) - 1)
    return _month_end(year, first + months - 1)


def _explicit_date(m: re.Match[str], year: int | None) -> tuple[bool, date | None]:
    """(is it a real date, the date) from the date groups; the date is None with no year known."""
    if m["d"] is not None:
        day, month, raw = int(m["d"]), int(m["m"]), m["y"]
        if raw is None and m["sep"] != "/" and not m["ngay"]:
            return False, None  # "đến 3-5 năm": a yearless "3-5" without "ngày" is not a date
    else:
        day, month, raw = int(m["td"]), int(m["tm"]), m["ty"]
    resolved = _year(raw, year)
    if day > _calendar.monthrange(resolved or 2000, month)[1]:  # 2000 is a leap year: 29/2 passes
        return False, None
    return True, (date(resolved, month, day) if resolved else None)


def _shifted(origin: date, n: int, unit: str, cal: WorkCalendar) -> date:
    if unit == "workdays":
        return cal.add_working_days(origin, n)
    if unit == "months":
        years, month0 = divmod(origin.month - 1 + n, 12)
        year, month = origin.year + years, month0 + 1
        return date(year, month, min(origin.day, _calendar.monthrange(year, month)[1]))
    return origin + timedelta(days=n * (7 if unit == "weeks" else 1))


def _number(g: _Grammar, raw: str) -> int:
    return int(raw) if raw.isdigit() else g.tables["numbers"][_key(raw)]


_Resolved = tuple[date | None, str | None, str]  # date, recurrence, kind


def _rolled(when: date | None, written_year: str | None, ctx: DeadlineContext) -> date | None:
    """A date written without a year takes the document's year, or the next one when it would
    fall before the document's date ("trước ngày 10/01" in a notice of 20/12/2024 → 2025)."""
    if when is None or written_year is not None or ctx.doc_date is None or when >= ctx.doc_date:
        return when
    try:
        return date(when.year + 1, when.month, min(when.day, _calendar.monthrange(when.year + 1, when.month)[1]))
    except ValueError:
        return when


def _on_date(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    valid, when = _explicit_date(m, ctx.year)
    written_year = m["y"] if m["d"] is not None else m["ty"]
    return (_rolled(when, written_year, ctx), None, rule.kind) if valid else None


def _on_period(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    groups = m.groupdict()
    raw = groups.get("y") or groups["yw"]
    if not m["trig"] and raw is None:
        return None  # a bare "quý II", "sơ kết 6 tháng đầu năm" names a report, not a deadline
    first, months = _period(g, rule.shape, groups)
    if not 1 <= months <= 12:  # "0 tháng đầu năm", "15 tháng cuối năm"
        return None
    year = _year(raw, ctx.year)
    when = _period_deadline(year, first, months, rule.part) if year else None
    if rule.shape == "month":
        when = _rolled(when, raw, ctx)
    return when, None, rule.kind


def _period(g: _Grammar, shape: str, groups: dict[str, str]) -> tuple[int, int]:
    """(first month, number of months) of the period a match names."""
    if shape == "month":
        return int(groups["m"]), 1
    if shape == "quarter":
        return 3 * g.tables["quarters"][groups["q"]] - 2, 3
    if shape == "year":
        return 1, 12
    months = _number(g, groups["n"]) if groups["n"] else 6  # "nửa đầu năm": a half
    return (1, months) if g.tables["sides"][_key(groups["side"])] == "first" else (13 - months, months)


def _on_relative(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    n, unit = _number(g, m["n"]), g.tables["units"][_key(m["unit"])]
    dated = m["d"] is not None or m["td"] is not None
    if n == 0 or (_key(m["trig"]) in rule.weak and unit != "workdays" and not (m["anchor"] or dated)):
        return None  # "trong 2 ngày" is how long an event lasts
    origin = ctx.doc_date
    if dated:
        valid, origin = _explicit_date(m, ctx.year)
        if not valid:
            return None
    elif not m["anchor"] and g.other_origin.match(m.string, m.end()):
        origin = None  # "kể từ ngày nhận đủ hồ sơ hợp lệ": an origin this text does not date
    return (_shifted(origin, n, unit, ctx.calendar) if origin else None), None, f"{rule.kind}_{unit}"


def _on_recurring(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    month = m["m"] or m["tm"]
    if month and int(m["d"]) > _calendar.monthrange(2000, int(month))[1]:
        return None
    return None, g.tables["recurrence"][_key(m["rec"])], rule.kind


def _on_duration(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    """ "trong 1,5 ngày, bắt đầu từ ngày 06/7/2026" → the last day the span covers (07/7)."""
    valid, first = _explicit_date(m, ctx.year)
    if not valid or first is None:
        return (None, None, rule.kind) if valid else None
    raw = m["n"].replace(",", ".")
    n = float(raw) if raw[0].isdigit() else _number(g, raw)
    days = math.ceil(n) * (7 if m["unit"].startswith("tuần") else 1)
    return first + timedelta(days=max(days, 1) - 1), None, rule.kind


def _on_tet(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    """ "trước Tết Nguyên đán Bính Ngọ 2026" → the first day of that Tết."""
    year = int(m["y"]) if m["y"] else None
    if year is None and m["stem"]:
        stems, branches = g.cycle
        stem, branch = stems[_key(m["stem"])], branches[_key(m["branch"])]
        near = ctx.year or (ctx.doc_date.year if ctx.doc_date else None)
        if near is None:
            return None, None, rule.kind
        year = next((y for y in range(near - 1, near + 3) if y % 10 == stem and y % 12 == branch), None)
    if year is None:
        if ctx.doc_date is None:
            return None, None, rule.kind
        first = lunar_new_year(ctx.doc_date.year)
        year = ctx.doc_date.year if first and first >= ctx.doc_date else ctx.doc_date.year + 1
    return lunar_new_year(year), None, rule.kind


_HANDLERS = {
    "date": _on_date,
    "month": _on_period,
    "quarter": _on_period,
    "year": _on_period,
    "year_span": _on_period,
    "relative": _on_relative,
    "recurring": _on_recurring,
    "tet": _on_tet,
    "duration": _on_duration,
}


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


def sliceable_lower(text: str) -> str | None:
    """``_lower(text)`` when each of its slices is ``_lower`` of the same slice of ``text``, so that
    a reader of one document lowercases it once: not when a character lowers to two code points
    ("İ") or by its context (a final "Σ")."""
    low = text.lower()
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
        "tết" in low,
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
            if rule.range_guard and _closes_range(g, low, start, shape):
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
