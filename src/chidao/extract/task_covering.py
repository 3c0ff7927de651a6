"""The deadline a heading or a lead-in states for the items under it ("2. Hoàn thành trong quý I/2026
các việc sau:"), and the dates that only frame the work or set the scene."""

from __future__ import annotations

from chidao.extract.lead_basics import Assignment
from chidao.extract.task_words import _WORK_BEFORE_PERIOD
from chidao.extract.timing import Timing, TimingReader, bare_period


class CoveringTimes:
    """Part of ``TaskCutter`` (mixed into it; uses its key and timing reader)."""

    key: str
    timing: TimingReader

    def _covering_timing(
        self, start: int, end: int, assignment: Assignment | None, *, after_assignment: bool = False
    ) -> Timing | None:
        """A deadline a heading or lead-in states for the items under it ("2. Hoàn thành trong
        quý I/2026 các việc sau:"). In a lead-in it must follow the assignment ("yêu cầu các sở
        hoàn thành trước ngày 30/6 các việc sau:"); a date that sets the scene before it ("Từ
        nay đến hết năm 2025 chỉ còn 2 tháng; do vậy, yêu cầu ...:") covers nothing."""
        if after_assignment:
            if assignment is None:
                return None
            start = assignment.start
        timing = self.timing.read(start, end)
        if timing.deadline is None or timing.kind == "year_opening":
            return None  # "2. Năm 2019, để ngành ...": the programme's year frames the items
        if after_assignment and timing.kind in ("year_span", "in_year"):
            return None  # "tập trung thực hiện trong 02 tháng cuối năm 2025 và ...": a period, not a deadline
        if after_assignment and timing.deadline_text and bare_period(timing.deadline_text):
            return None  # "phấn đấu tốc độ tăng trưởng GRDP quý II/2026 đạt ...": a figure's period (g324)
        if timing.span is not None and _WORK_BEFORE_PERIOD.search(
            self.key, max(start, timing.span[0] - 30), timing.span[0]
        ):
            return None  # "triển khai các nhiệm vụ, giải pháp | trong quý IV, trong đó ...:": the work's period (g1206)
        return timing
