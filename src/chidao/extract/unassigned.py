"""Passages that use an assignment verb yet gave no task: nothing may vanish silently.

A clerk trusts the review page only if every "giao", "yêu cầu", "chủ trì" of the body either
became a task or is shown with the reason it did not (an assessment section, a closing
formula, no agency found, ...). The cutter records those reasons as it walks the outline;
here we find the paragraphs that assign and are covered by no task and no heading that gave
its agency to tasks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from chidao.data import load_toml
from chidao.document import Paragraph
from chidao.extract.cues import cues
from chidao.extract.vocabulary import assignment_phrases
from chidao.text.guarded import Guarded, guarded

_NARRATED = tuple(load_toml("assignment_cues.toml")["words"]["narrated"])  # "đã", "vừa": a report


@dataclass(frozen=True)
class Unassigned:
    """A body passage that assigns work by its words but gave no task."""

    start: int
    end: int
    verb: str
    reason: str  # a code of data/vi/review.toml [unassigned]

    def to_dict(self, text: str) -> dict:
        return {
            "text": text[self.start : self.end],
            "span": [self.start, self.end],
            "verb": self.verb,
            "reason": self.reason,
            "why": reason_label(self.reason),
        }


@cache
def _verbs() -> Guarded:
    data = load_toml("assignment.toml")
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(data["verbs"], key=len, reverse=True))
    before = "".join(rf"(?<!{re.escape(w)} )" for w in data["not_after"])
    after = "|".join(re.escape(w) for w in data["not_before"])
    return guarded(rf"(?<![\w]){before}(?P<verb>{verbs})(?![\w])(?!\s+(?:{after})(?![\w]))")


@cache
def _labels() -> dict[str, str]:
    return dict(load_toml("review.toml")["unassigned"])


def reason_label(code: str) -> str:
    """The Vietnamese words the review page shows for a reason code."""
    return _labels().get(code, code)


def assigning_verb(key: str, start: int, end: int) -> str | None:
    """The first assignment verb in ``key[start:end]`` (match-key text), or None."""
    match = _verbs().search(key, start, end)
    return " ".join(match.group("verb").split()) if match else None


def find_unassigned(
    key: str,
    paragraphs: list[Paragraph],
    spans: list[tuple[int, int]],
    skipped: dict[int, str],
    used: set[int],
    *,
    default: str = "not_read",
) -> list[Unassigned]:
    """Body paragraphs with an assignment verb that no task covers, each with its reason.

    ``spans`` are the tasks' spans, ``skipped`` the cutter's reasons by paragraph or clause
    start, ``used`` the starts of headings and lead-ins whose agency went to tasks.
    """
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end of the spans so far
    out: list[Unassigned] = []
    for paragraph in paragraphs:
        if paragraph.start in used:
            continue
        before = bisect_left(starts, paragraph.end)  # the spans that start before its end ...
        if before and reach[before - 1] > paragraph.start:
            continue  # ... one of which ends after its start: a task covers part of it
        verb = assigning_verb(key, paragraph.body, paragraph.end)
        if verb is None:
            continue
        reason = skipped.get(paragraph.start) or next(
            (code for pos, code in skipped.items() if paragraph.start <= pos < paragraph.end), default
        )
        out.append(Unassigned(paragraph.body, paragraph.end, verb, reason))
    return out


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_toml("assignment.toml")

    def alternation(words: list[str]) -> re.Pattern[str]:
        body = "|".join(re.escape(w).replace(r"\\ ", r"\\s+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:{body})(?![\\w])")

    return alternation(data["elaborations"]), alternation(data["narration"])


@cache
def _attendance() -> re.Pattern[str]:
    # ... or with the place between: "Dự hội nghị tại điểm cầu Trụ sở Chính phủ có ...", "Tại điểm
    # cầu các địa phương có lãnh đạo UBND tỉnh ..." (genre g665)
    at = cues("assignment_cues.toml")["attendance_at"].pattern
    return re.compile(rf"(?:(?:{assignment_phrases('attendance')})(?![\w])|{at})")


def lists_attendance(key: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start`` lists who attended ("Cùng đi có lãnh đạo các sở: ...")."""
    return _attendance().match(key, start, end) is not None


@cache
def _promise() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{assignment_phrases('self_references')})\s+(?:{assignment_phrases('promise_verbs')})(?![\w])"
    )


@cache
def _promise_verb() -> re.Pattern[str]:
    relayed = (
        rf"\s*(?:{assignment_phrases('reported_speech')})\s*[,:]\s*[^,.;:]{{2,80}}?\s"
        rf"(?:{assignment_phrases('intent_verbs')})"
    )
    return re.compile(rf"(?:\s*(?:{assignment_phrases('promise_verbs')})|{relayed})(?![\w])")


def promises_after(key: str, pos: int, end: int) -> bool:
    """Whether a promise verb follows a name that ends at ``pos`` ("Bộ Y tế | sẽ tiếp tục ..."), or
    the name's words that relay a body's intent ("Bộ trưởng | khẳng định, Bộ ... sẽ ...")."""
    return _promise_verb().match(key, pos, end) is not None


def issuer_promise(key: str, start: int, end: int) -> bool:
    """Whether the clause at ``start`` is the issuer's promise in its own words ("Bộ ghi nhận và
    sẽ ...", "Tỉnh sẽ ..."): a bare self-reference, not an agency's name, then a promise."""
    return _promise().match(key, start, end) is not None


def sentence_kind(key: str, start: int, end: int) -> str:
    """How a sentence of running text relates to the task before it: "elaboration" (it explains
    it: "Trong đó, ..."), "narration" (it reports: "Theo Chủ tịch, ...", "... đã ...") or
    "action" (a task of its own for the same agency)."""
    elaboration, narration = _openers()
    pos = start
    while pos < end and not key[pos].isalnum():
        pos += 1
    if elaboration.match(key, pos, end):
        return "elaboration"
    words = key[pos:end].split()[:8]
    if narration.match(key, pos, end) or any(word in words for word in _NARRATED):
        return "narration"
    return "action"
