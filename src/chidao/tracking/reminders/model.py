"""What a digest holds, before it is written as a mail: sections of task lines, each with its
count (the list is cut at the policy's ``max_items``; the count is not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from chidao.data import load_toml

AGENCY, CLERK, LEADER = "agency", "clerk", "leader"
KINDS = (AGENCY, CLERK, LEADER)


@cache
def words() -> dict:
    """The digests' Vietnamese words (``reminders.toml``: kinds and sections)."""
    return load_toml("reminders.toml")


def kind_labels() -> dict[str, str]:
    return {kind: words()["kinds"][kind]["label"] for kind in KINDS}


@dataclass
class Line:
    """One task (or request) in a section: its text, a date and what to say about it."""

    task_id: int
    due: date | None
    note: str
    text: str = ""


@dataclass
class Section:
    code: str
    total: int
    lines: list[Line] = field(default_factory=list)
    link: str = ""  # a page listing all of them (a path under the base URL)
    remark: str = ""  # one more sentence ("Tổng số nhiệm vụ quá hạn: 12")

    @property
    def title(self) -> str:
        return words()["sections"][self.code]


@dataclass
class Digest:
    """One kind of digest for one day, with the addresses it goes to (each gets its own copy)."""

    kind: str
    day: date
    name: str  # the agency's name, or "" for the office's and the leaders' digests
    recipients: list[str]
    sections: list[Section]

    @property
    def empty(self) -> bool:
        return not any(section.total for section in self.sections)


def cut(section_lines: list[Line], limit: int) -> list[Line]:
    """The first ``limit`` lines, most urgent first (earliest due day; undated last)."""
    return sorted(section_lines, key=lambda line: (line.due is None, line.due, line.task_id))[:limit]
