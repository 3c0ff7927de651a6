"""The deadline grammar: the shapes a deadline takes, compiled with the phrases of
``data/vi/deadlines.toml`` (each rule with its examples)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from chidao.data import load_toml
from chidao.extract.cues import cue_regex


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

# The Vietnamese words inside the shapes (deadline_cues.toml, each row with its example).
_WORDS = "deadline_cues.toml"

_TIME = cue_regex(_WORDS, "time_of_day")  # "16h00", "16 giờ 30 phút", "11h00’"

# "30/6/2024", "30 / 6 / 24", "15.12.2024", "28/4"; "05 tháng 12 năm 2025", "05 tháng 12".
_DATE = (
    rf"(?P<ngay>ngày\s+)?(?:"
    rf"(?P<d>{_D})\s*(?P<sep>[/.-])\s*(?P<m>{_M})(?:\s*(?P=sep)\s*(?P<y>{_Y4}|\d\d))?(?!\d)(?![ \t]*[/.-][ \t]*\d)"
    rf"|(?P<td>{_D})\s+tháng\s+(?P<tm>{_M})(?!\d)"
    rf"(?:(?:\s*,?\s+năm\s+|\s*/\s*)(?P<ty>{_Y4}|nay)(?![\w/])|(?!\s*,?\s*(?:năm\s+|/\s*)\d)))"
)

# "/2024", "-2024", "/24", " năm 2025", " năm nay" after a month or a quarter; never "/2" or "-7".
_YEAR_SUFFIX = rf"(?:\s*[/.-]\s*(?P<y>{_Y4}|\d\d)(?!\d)|\s*,?\s+năm\s+(?P<yw>{_Y4}|nay)(?!\w))?(?![ \t]*[/.-][ \t]*\d)"

_NOT_A_RANGE = r"(?!\s*[-–]\s*\d)"  # "năm 2024-2025"

_QUARTER_WORD = cue_regex(_WORDS, "quarter_word")  # tone placement and the older spelling "quí" vary

_QUARTER_RE = re.compile(_QUARTER_WORD)

_SOLAR = cue_regex(_WORDS, "solar")  # "Tết Dương lịch"

_COUNTED_FROM = cue_regex(_WORDS, "counted_from")  # "trong 30 ngày kể từ ngày ..."

_DURATION_UNIT = cue_regex(_WORDS, "duration_unit")  # never "ngày làm việc"

_DURATION_FROM = cue_regex(_WORDS, "duration_from")  # ", kể từ", "bắt đầu từ"


def _shape_bodies(v: dict[str, str]) -> dict[str, str]:
    """Regex of what follows each shape's trigger, given the data's alternations ``v``."""
    return {
        # "trước thứ Sáu, ngày 11/12", "vào sáng Chủ nhật, ngày 13/12": the weekday before the date;
        # "trước thứ Sáu (23/01)", "vào sáng thứ Hai tuần sau (26/01/2026)" (genre g762)
        "date": (
            rf"{_TIME}?(?:(?:(?:{v['day_parts']})\s+)?(?:{v['weekdays']})(?:\s+tuần\s+(?:này|sau|tới))?"
            rf"(?:\s*,?\s*(?=ngày\s)|\s*\(\s*(?=(?:ngày\s+)?\d)))?{_DATE}"
        ),
        # "tháng 02 và tháng 3/2026": two months in a row are one period, up to the second (genre g576)
        "month": (
            rf"tháng\s+(?P<m>{_M})(?!\d)"
            rf"(?:\s*(?:,|{v['month_links']}|[-–])\s*tháng\s+(?P<m2>{_M})(?!\d))?{_YEAR_SUFFIX}"
        ),
        "quarter": rf"{_QUARTER_WORD}\s+(?P<q>{v['quarters']})(?!\w){_YEAR_SUFFIX}",
        "year": rf"năm\s+(?P<yw>{_Y4}|nay)(?!\w){_NOT_A_RANGE}",
        "year_span": (
            rf"(?:(?P<n>\d{{1,2}}|{v['numbers']})\s+tháng|{v['halves']})\s+(?P<side>{v['sides']})"
            rf"\s+năm(?:\s+(?P<yw>{_Y4}|nay)(?!\w)|\s*/\s*(?P<y>{_Y4})(?!\d))?(?!\w){_NOT_A_RANGE}"
        ),
        "relative": (
            rf"(?P<n>\d{{1,3}}|{v['numbers']})(?!\w)(?:\s*\([^()\n]{{1,30}}\))?\s+(?P<unit>{v['units']})(?!\w)"
            rf"(?!\s+(?:{v['sides']})\s+năm)"
            rf"(?:\s*,?\s*(?:(?P<anchor>{v['anchors']})(?!\w)(?!(?:\s+\w+){{0,2}}\s+(?:{v['other_documents']})(?!\w))"
            rf"|{_COUNTED_FROM}{_DATE}))?"
        ),
        "tet": (
            rf"(?:(?:{v['lunar_days']})\s+(?P<ld>\d{{1,2}})\s+tháng\s+(?P<lm>{v['lunar_months']})(?!\w)"
            rf"|(?:{v['tet_names']})(?:\s+{_SOLAR}|\s+(?P<stem>{v['stems']})\s+(?P<branch>{v['branches']}))?)"
            rf"(?:\s+(?:năm\s+)?(?P<y>{_Y4}))?(?![\w/])"
        ),
        "duration": (rf"(?P<n>\d{{1,2}}(?:[,.]5)?|{v['numbers']})\s+{_DURATION_UNIT}{_DURATION_FROM}{_DATE}"),
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
    range_guard: bool | str  # True: no range's end, no cut-off; "cut_off": no cut-off only
    weak: frozenset[str]


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, bool, re.Pattern[str]], ...]  # (shape, bare, pattern)
    needles: dict[str, tuple[str, ...]]  # shape -> substrings, one of which its text must contain
    lunar_months: dict[str, int]  # "chạp" -> 12
    span_gate: re.Pattern[str]  # "tháng đầu năm", "nửa cuối năm": what a year span needs
    rules: dict[tuple[str, str], _Rule]  # (shape, trigger key) -> rule; key "" for a bare match
    tables: dict[str, dict]  # numbers, units, recurrence, quarters, sides: lowercased key -> value
    other_origin: re.Pattern[str]  # "kể từ ..." after a relative deadline, not the document's date
    cycle: tuple[dict[str, int], dict[str, int]]  # stem → year % 10, branch → year % 12
    not_until: re.Pattern[str]  # what, before "đến", makes the date a cut-off or a range's end
    blocked: re.Pattern[str]  # what, before "đến", makes a day a cut-off ("tính đến ngày ...")
    cut_off: re.Pattern[str]  # what, before "đến", makes any date a cut-off ("tính đến tháng 6/2024")


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
    return load_toml("deadlines.toml")


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


def _alternations(data: dict, tables: dict[str, dict]) -> dict[str, str]:
    """The alternations the shapes' regexes are made of (``_shape_bodies``), by name."""
    v = {name: _alt(table) for name, table in tables.items()}
    tet = data["tet"]
    v.update(
        tet_names=_alt(tet["names"]),
        stems=_alt(tet["stems"]),
        branches=_alt([*tet["branches"], *tet["branch_aliases"]]),
        lunar_days=_alt(tet["lunar_days"]),
        lunar_months=_alt(tet["lunar_months"]),
        halves=_alt(data["year_span"]["halves"]),
        anchors=_alt(data["relative"]["anchors"]),
        other_documents=_alt(data["relative"]["other_documents"]),
        weekdays=_alt(data["weekly"]["weekdays"]),
        day_parts=_alt(data["weekly"]["day_parts"]),
        month_links=_alt(data["weekly"]["month_links"]),
    )
    return v


@cache
def _grammar() -> _Grammar:
    data = load_data()
    rules, triggers = _rules(data)
    tables = {
        name: {_key(k): v for k, v in data[name].items()} for name in ("numbers", "units", "recurrence", "quarters")
    }
    tables["sides"] = {_key(k): v for k, v in data["year_span"]["sides"].items()}
    v = _alternations(data, tables)
    tet = data["tet"]
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
        lunar_months={_key(k): v for k, v in tet["lunar_months"].items()},
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
        cut_off=re.compile(rf"(?<!\w)(?:{_alt(data['range']['blockers'])})\s*$"),
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
