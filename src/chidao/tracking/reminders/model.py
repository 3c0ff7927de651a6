"""What a digest holds, before it is written as a mail: sections of task lines, each with its
count (the list is cut at the policy's ``max_items``; the count is not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chidao.messages import msg

AGENCY, CLERK, LEADER = "agency", "clerk", "leader"
KINDS = (AGENCY, CLERK, LEADER)


def kind_labels() -> dict[str, str]:
    """Each kind of digest's name (the catalogue's ``reminders.kinds.<kind>.label``)."""
    return {kind: msg(f"reminders.kinds.{kind}.label") for kind in KINDS}


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
    title_fields: dict[str, Any] = field(default_factory=dict)  # the fields its title needs ({days})

    @property
    def title(self) -> str:
        """The catalogue's ``reminders.sections.<code>``."""
        return msg(f"reminders.sections.{self.code}", **self.title_fields)


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
