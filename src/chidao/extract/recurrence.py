"""Recurrence: "hằng ngày" … "hằng năm" when it says how often the action is done."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.extract.cues import cues
from chidao.extract.registry import registry
from chidao.text.guarded import Guarded, guarded

_CUES = cues("timing_cues.toml")  # the words of these patterns, each row with its example


@cache
def _rules() -> tuple[Guarded, dict[str, str], tuple[str, ...]]:
    data = load_toml("recurrence.toml")
    periods: dict[str, str] = data["periods"]
    every = "|".join(data["every"])
    pattern = guarded(rf"(?<![\w])(?P<every>{every})\s+(?P<period>{'|'.join(periods)})(?![\w])")
    return pattern, periods, tuple(data["every"])


_CLAUSE_START = _CUES["clause_start"]
_PERIODIC = _CUES["periodic"]
_REPORTING_BEFORE = _CUES["reporting_before"]
_DEADLINE_BEFORE = _CUES["deadline_before"]
_REPORTING = _CUES["reporting"]
_REPORTING_INSIDE = _CUES["reporting_inside"]
_REPORT_MEDIUM = _CUES["report_medium"]


def find_recurrence(key: str, start: int, end: int) -> str | None:
    """The period of a repeated action in ``key[start:end]`` (match-key text), or None."""
    found = _regular(key, start, end)
    return found[0] if found else None


@cache
def _irregular() -> tuple[re.Pattern[str], dict[str, int], dict[str, str], tuple[str, ...]]:
    data = load_toml("recurrence.toml")["irregular"]
    numbers: dict[str, int] = data["numbers"]
    units: dict[str, str] = data["units"]
    number = "|".join(sorted(numbers, key=len, reverse=True))
    unit = "|".join(units)
    once = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["once"], key=len, reverse=True))
    every, per = ("|".join(map(re.escape, data[key])) for key in ("every", "per"))
    one, times, each = (re.escape(data[key]) for key in ("one", "times", "each"))
    pattern = re.compile(
        rf"(?<![\w])(?:(?:{every})\s+(?P<n>\d{{1,2}}|{number})\s+(?P<unit>{unit})"
        rf"(?:\s*(?:/|{one}|1)\s*(?:{once}))?(?:\s*,\s*(?:{unit})(?![\w]))*"
        rf"|(?P<n2>\d{{1,2}}|{number})\s+(?P<unit2>{unit})\s*(?:/|{one}|1)\s*(?:{once})"
        rf"|(?P<times>\d{{1,2}}|{number})\s+{times}\s*(?:/|{per})\s*(?P<per>{unit})"
        rf"|{each}\s+(?P<unit3>{unit})\s+(?:{one}|1|01)\s+{times})(?![\w])"  # "mỗi tuần một lần": weekly
    )
    # Every form above holds an `every` word, `times` or the last word of a "once" phrase: the
    # pattern has no first letter the engine can skip to, so a text without them is not searched.
    cues = (*data["every"], data["times"], *{w.split()[-1] for w in data["once"]})
    return pattern, numbers, units, cues


def recurrence_words() -> tuple[str, ...]:
    """Words one of which every recurrence holds ("hằng", "mỗi", "định kỳ", "lần" ...): a span
    without any has none, and ``read_recurrence`` gives (None, None) for it."""
    return (*_irregular()[3], *_rules()[2], *_recurring_deadlines())


def read_recurrence(key: str, text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(recurrence, the words that say it) for ``[start, end)``.

    A period the five values cannot say ("định kỳ 02 tuần/lần") gives (None, its words), so
    that the clerk still sees how often the task recurs.
    """
    pattern, numbers, units, cues = _irregular()
    match = pattern.search(key, start, end) if any(key.find(cue, start, end) >= 0 for cue in cues) else None
    if match:
        words = text[match.start() : match.end()]
        if match.group("times"):
            # "với tần suất 02 lần/ngày; báo cáo ... trước 16 giờ hằng ngày": how often the action
            # is done, said plainly beside it, wins over the count (genre g671)
            found = _regular(key, start, end)
            return (found[0], text[found[1][0] : found[1][1]]) if found else (None, words)
        if match.group("unit3"):
            return units[match.group("unit3")], words
        raw = match.group("n") or match.group("n2")
        n = int(raw) if raw.isdigit() else numbers[raw]
        if n == 1 and "," not in words:
            return units[match.group("unit") or match.group("unit2")], words
        return None, words
    found = _regular(key, start, end)
    if found is None:
        return None, None
    period, (s, e) = found
    return period, text[s:e]


@cache
def _not_actions() -> frozenset[str]:
    return frozenset(load_toml("recurrence.toml")["not_actions_after_period"])


_COORDINATED = tuple(load_toml("recurrence.toml")["coordinated_before_period"])  # ",", " và"


def _action_follows(key: str, at: int, end: int) -> bool:
    """Whether a verb comes right after a period ("hằng tháng | nắm bắt"), not a word after which
    the period describes a noun ("hằng năm | được bố trí", "hằng tháng | của các xã")."""
    found = registry().stop_words.match(key, at + len(key[at:end]) - len(key[at:end].lstrip(" ")), end)
    return found is not None and " ".join(found.group(0).split()) not in _not_actions()


@cache
def _recurring_deadlines() -> dict[str, str]:
    return load_toml("recurrence.toml")["recurring_deadlines"]


# The verb before the body asked: "... yêu cầu | các sở, ngành, địa phương mỗi tháng tổ chức ..." (g742)
_ASKED = re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, load_toml('recurrence.toml')['asking_verbs']))})(?![\w])")


def _regular(key: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    pattern, periods, every = _rules()
    for phrase, period in _recurring_deadlines().items():
        at = key.find(phrase, start, end)
        if at >= 0:
            return period, (at, at + len(phrase))  # "trước ngày 20 tháng cuối quý"
    if not any(key.find(word, start, end) >= 0 for word in every):
        return None  # no "hằng", "mỗi": finding a word is far cheaper than searching the pattern
    for match in pattern.finditer(key, start, end):
        before = key[max(start, match.start() - 80) : match.start()]
        clause = re.split(r"[.;:\n]", before)[-1]
        words = clause.split()
        found = periods[match.group("period")], match.span()
        if _PERIODIC.search(before) or not words or _CLAUSE_START.search(before):
            return found
        opens_clause = len(before) < 80 or re.search(r"[.;:\n]", before)
        if len(words) <= 3 and opens_clause:
            # "Báo cáo hằng ngày": right after the verb that opens the clause.
            return found
        doer = _ASKED.split(clause)[-1].split()  # who is asked: "... yêu cầu | các sở, ngành, địa phương"
        if min(len(words), len(doer)) <= 8 and opens_clause and _action_follows(key, match.end(), end):
            # "Trưởng các tổ dân phố hằng tháng nắm bắt ...": between the doer and its verb; "Chủ
            # tịch UBND tỉnh yêu cầu các sở, ngành, địa phương mỗi tháng tổ chức ..." (g742).
            return found
        if len(words) <= 8 and opens_clause and _REPORTING.match(clause.strip()):
            # "báo cáo tình hình dịch bệnh hằng ngày": how often the opening verb is done.
            return found
        if _DEADLINE_BEFORE.search(before):
            return found
        if before.rstrip().endswith(_COORDINATED) and _action_follows(key, match.end(), end):
            # "... theo dõi, đôn đốc và hằng tuần tổng hợp ...", "... tổ chức đo đạc, hằng ngày cập
            # nhật ...": how often the action it opens is done (genre g819, g837)
            return found
        if _REPORTING_BEFORE.search(before):
            # "Sở X báo cáo hằng ngày tình hình ...": right after a reporting verb.
            return found
        if _falls_on(key, match.end(), end) or _reported_to(clause, key, match.end(), end):
            return found
        if _ends_reported_sentence(_whole_clause(key, start, match.start()), match, key, end):
            return found
        if _closes_action(_whole_clause(key, start, match.start()), match, key, end):
            return found
        if _short_period_of_action(_whole_clause(key, start, match.start()), match, key, end):
            return found
    return None


def _short_period_of_action(clause: str, match: re.Match[str], key: str, end: int) -> bool:
    """ "hằng ngày", "hằng tuần" anywhere in a task's clause says how often its action is done
    ("cung cấp bản tin dự báo thời tiết hằng ngày cho Ban Chỉ huy", "báo cáo tình hình thị trường
    hằng tuần về Bộ Công Thương"): a day or a week is too short to be a plan's cycle. Not when it
    qualifies a noun of daily life ("sinh hoạt hằng ngày") or another body's product ("bản tin
    hằng tuần của Viện ...")."""
    periods, nouns = _sentence_end_rules()[:2]
    if match.group("period") not in periods or not clause.strip() or clause.rstrip().endswith(nouns):
        return False
    return not _OWNED_BY.match(key, match.end(), end)


_OWNED_BY = re.compile(rf"\s+{load_toml('recurrence.toml')['owned_by']}(?![\w])")  # "... hằng tuần | của Viện"


@cache
def _closing_rules() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    data = load_toml("recurrence.toml")
    this_document = re.compile("|".join(map(re.escape, data["this_document"])))
    return tuple(data["period_manner"]), tuple(data["period_until"]), tuple(data["cycle_nouns"]), this_document


def _closes_action(clause: str, match: re.Match[str], key: str, end: int) -> bool:
    """Whether a period closes its clause ("Các chi bộ tổ chức sinh hoạt chi bộ hằng tháng đúng quy
    định;", "... hằng tuần cho đến khi công bố hết dịch"): then it says how often the clause's action
    is done, unless it only qualifies a noun of daily life ("sinh hoạt hằng ngày") or, being a month
    or longer, a plan's own cycle ("kế hoạch ... hằng năm")."""
    manner, until, cycles, this_document = _closing_rules()
    periods, nouns = _sentence_end_rules()[:2]
    # "theo Kế hoạch này" names this document, not a cycle (a group's name may hold it: "Các phòng
    # được giao nhiệm vụ theo Kế hoạch này báo cáo kết quả hằng tháng")
    last_part = this_document.sub("", clause.rsplit(",", 1)[-1])
    if match.group("period") not in periods and any(noun in last_part for noun in cycles):
        return False
    rest = key[match.end() : end].lstrip(" \t")
    if rest.startswith(until):
        rest = ""
    elif rest.startswith(manner):
        rest = rest[next(len(m) for m in manner if rest.startswith(m)) :].lstrip(" \t")
    if rest and rest[0] not in ".;\n":
        return False
    return bool(clause.strip()) and not clause.rstrip().endswith(nouns)


def _whole_clause(key: str, start: int, at: int) -> str:
    """The clause that ends at ``at``, from its opening (a sentence of up to 240 characters: "Cập
    nhật bản đồ cấp dự báo cháy rừng, thông tin trên các phương tiện thông tin đại chúng hằng
    ngày" opens 100 characters before its period); empty when it opens further back."""
    before = key[max(start, at - 240) : at]
    if len(before) == 240 and not re.search(r"[.;:\n]", before):
        return ""
    return re.sub(r"^\s*(?:[-+*•]|[a-zđ0-9]{1,2}[.)])\s*", "", re.split(r"[.;:\n]", before)[-1])


@cache
def _sentence_end_rules() -> tuple[frozenset[str], tuple[str, ...], str, tuple[str, ...]]:
    data = load_toml("recurrence.toml")
    return (
        frozenset(data["sentence_end_periods"]),
        tuple(data["noun_before_period"]),
        f" {data['part_link']} ",
        tuple(data["publishing_verbs"]),
    )


def _ends_reported_sentence(clause: str, match: re.Match[str], key: str, end: int) -> bool:
    """ "Cập nhật, cảnh báo ... trên trang thông tin điện tử của Sở hằng ngày.": a short period
    that ends the sentence of a clause opened by a reporting verb."""
    periods, nouns, link, publishing = _sentence_end_rules()
    # the reporting verb opens the clause or its last part: "theo dõi, đôn đốc và báo cáo tình
    # hình thực hiện nhiệm vụ hằng tuần." (genre g132)
    inside = _REPORTING_INSIDE.search(clause)
    parts = (clause, clause.rsplit(",", 1)[-1], clause.rsplit(link, 1)[-1], clause[inside.start() :] if inside else "")
    if match.group("period") not in periods:
        if not any(part.strip().startswith(publishing) for part in parts):
            return False
    elif not any(_REPORTING.match(part.strip()) for part in parts):
        return False
    rest = key[match.end() : end].lstrip(" \t")
    medium = _REPORT_MEDIUM.match(rest)  # "... hằng ngày trên trang thông tin điện tử của Sở."
    if medium:
        rest = rest[medium.end() :]
    if rest and rest[0] not in ".;\n":
        return False
    return not clause.rstrip().endswith(nouns)


@cache
def _after_rules() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load_toml("recurrence.toml")
    falls_on = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["falls_on"])
    report_to = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["report_to"])
    alone = frozenset(" ".join(phrase.split()) for phrase in data["report_alone"])
    return re.compile(rf"\s*(?:{falls_on})(?![\w])"), re.compile(rf"\s*(?:{report_to})(?![\w])"), alone


def _falls_on(key: str, at: int, end: int) -> bool:
    """Whether the day or hour the period falls on follows it: "hằng tuần | vào sáng thứ Hai"."""
    return _after_rules()[0].match(key, at, end) is not None


def _reported_to(clause: str, key: str, at: int, end: int) -> bool:
    """Whether the period closes a report to a named recipient: "..., báo cáo Chủ tịch Ủy ban
    nhân dân tỉnh hằng tuần." (its sub-clause opens with the report, the sentence ends after it)."""
    rest = key[at:end].lstrip(" \t")
    if rest and rest[0] not in ".;\n":
        return False
    _, report_to, alone = _after_rules()
    if report_to.match(clause.rsplit(",", 1)[-1]) is not None:
        return True
    return any(" ".join(clause.split()).endswith(phrase) and _opens(clause, phrase) for phrase in alone)


def _opens(clause: str, phrase: str) -> bool:
    """Whether ``phrase`` is the whole sub-clause that ends ``clause`` (after its last comma, or
    the clause itself): "..., tổng hợp báo cáo kết quả" but not "... thực hiện báo cáo kết quả"."""
    words = " ".join(clause.split())
    before = words[: len(words) - len(phrase)].rstrip()
    return not before or before.endswith(",")
