"""The classes a task falls in at a report's cut-off, and the counts of a report's tables.

The Government's reports count tasks in four classes (Văn phòng Chính phủ's monthly reports on
the tasks the Government and the Prime Minister assigned): completed on time, completed late,
not completed and still in time, not completed and overdue. Tasks without a deadline and the
rounds of recurring tasks are counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from chidao.vocab import Coded


class ReportClass(Coded):
    """Where a task stands on the report's cut-off day (the tones are the dashboard's)."""

    DONE_ON_TIME = "done_on_time", "done"
    DONE_LATE = "done_late", "done-late"
    IN_TIME = "in_time", "ok"
    OVERDUE = "overdue", "late"
    NO_DEADLINE_DONE = "no_deadline_done", "none"
    NO_DEADLINE_OPEN = "no_deadline_open", "none"

    @classmethod
    def dated(cls) -> tuple[ReportClass, ...]:
        """The four classes of tasks with a deadline."""
        return cls.DONE_ON_TIME, cls.DONE_LATE, cls.IN_TIME, cls.OVERDUE


@dataclass
class Totals:
    """How many tasks fall in each class, and how many of them were assigned in the period."""

    done_on_time: int = 0
    done_late: int = 0
    in_time: int = 0
    overdue: int = 0
    no_deadline_done: int = 0
    no_deadline_open: int = 0
    new: int = 0  # assigned within the period (of all the above)

    def add(self, code: str, n: int, new: bool = False) -> None:
        setattr(self, code, getattr(self, code) + n)
        if new:
            self.new += n

    @property
    def dated(self) -> int:
        """Tasks with a deadline: the four classes."""
        return self.done_on_time + self.done_late + self.in_time + self.overdue

    @property
    def no_deadline(self) -> int:
        return self.no_deadline_done + self.no_deadline_open

    @property
    def total(self) -> int:
        return self.dated + self.no_deadline

    @property
    def completed(self) -> int:
        """Tasks with a deadline completed in the period."""
        return self.done_on_time + self.done_late

    @property
    def open(self) -> int:
        """Tasks not completed at the cut-off, with a deadline or not."""
        return self.in_time + self.overdue + self.no_deadline_open

    @property
    def on_time_share(self) -> float | None:
        """Completed on time among the completed (None when none was)."""
        return self.done_on_time / self.completed if self.completed else None

    def as_dict(self) -> dict[str, int]:
        counts = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**counts, "dated": self.dated, "no_deadline": self.no_deadline, "total": self.total}


@dataclass
class Rounds:
    """The rounds of recurring tasks due in the period, by where they stood at the cut-off."""

    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    in_time: int = 0
    overdue: int = 0
    tasks: int = 0  # recurring tasks that had a round due

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class AgencyRow:
    """One lead agency's line of the report's table."""

    agency_id: int
    name: str
    totals: Totals = field(default_factory=Totals)
    extension_requests: int = 0
    overdue_weight: float = 0.0  # the overdue tasks weighed by their working days late
    reminders: int = 0  # tasks that passed their deadline unfinished in the period
    answered: int = 0  # of those, answered by a report from the deadline on, or completed
