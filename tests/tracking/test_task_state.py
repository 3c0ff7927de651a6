"""A task's state as the use cases see it (``task_state``) and its timing on the Vietnamese
working-day calendar (``timing``), without HTTP."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, TODAY, task_of

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.dashboard import end_of_work_week
from chidao.tracking.errors import Conflict
from chidao.tracking.task_state import (
    agency_role,
    check_tracked,
    check_version,
    differs_from_proposed,
    set_status,
    task_snapshot,
    task_state,
)
from chidao.tracking.timing import due_soon_until, timing_state
from chidao.vocab import TimingState

SOON = date(2024, 4, 8)  # five working days after Monday 1 April 2024


@pytest.mark.parametrize(
    ("status", "deadline", "completed_on", "expected"),
    [
        ("assigned", None, None, "no_deadline"),
        ("assigned", date(2024, 3, 29), None, "overdue"),
        ("in_progress", TODAY, None, "due_soon"),  # due today is not late yet
        ("paused", SOON, None, "due_soon"),
        ("assigned", date(2024, 4, 9), None, "not_due"),
        ("done", date(2024, 3, 29), date(2024, 3, 29), "done_on_time"),
        ("done", date(2024, 3, 29), date(2024, 4, 1), "done_late"),
        ("done", None, date(2024, 4, 1), "done_on_time"),
        ("cancelled", date(2024, 3, 1), None, "cancelled"),  # a cancelled task is never overdue
    ],
)
def test_timing_state(status, deadline, completed_on, expected):
    state = timing_state(status=status, deadline=deadline, completed_on=completed_on, today=TODAY, soon_until=SOON)
    assert state == expected


def test_every_timing_state_has_a_vietnamese_label():
    labels = TimingState.labels()
    assert set(labels) == {state.value for state in TimingState} and all(labels.values())


def test_due_soon_counts_working_days_only():
    assert due_soon_until(TODAY, 5) == SOON  # over a weekend
    # Friday 26/4/2024, three working days: 29/4-1/5 are days off, Saturday 4/5 is worked
    assert due_soon_until(date(2024, 4, 26), 3) == date(2024, 5, 4)
    assert due_soon_until(TODAY, 1, WorkCalendar(extra_off=[date(2024, 4, 2)])) == date(2024, 4, 3)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 4, 1), date(2024, 4, 5)),  # a Monday: this Friday
        (date(2024, 4, 5), date(2024, 4, 5)),  # Friday itself
        (date(2024, 4, 6), date(2024, 4, 12)),  # from Saturday on: next week's
        (date(2025, 4, 28), date(2025, 4, 29)),  # 30/4, 1/5 and 2/5/2025 are days off
    ],
)
def test_the_working_week_ends_on_its_last_working_day(today, expected):
    assert end_of_work_week(today, WorkCalendar()) == expected


def test_a_stored_task_state_agency_roles_and_what_differs_from_the_proposal(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, "Chủ trì, phối hợp với Sở Tài chính")
    snapshot = {
        "text": task.text,
        "lead": ["Sở Thông tin và Truyền thông"],
        "coordinators": ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
        "deadline": "2024-04-30",
        "recurrence": None,
    }
    assert task_snapshot(task) == snapshot == task.proposed
    assert task_state(task) == {
        **snapshot,
        "deadline_text": "trước ngày 30/4/2024",
        "status": "assigned",
        "progress": 0,
        "completed_on": None,
    }
    assert agency_role(task, users["officer"].agency_id) == "lead"
    assert agency_role(task, users["finance"].agency_id) == "coordinator"
    assert agency_role(task, users["health"].agency_id) is None
    assert agency_role(task, None) is None
    assert differs_from_proposed(task) == []
    task.deadline = date(2024, 5, 2)
    assert differs_from_proposed(task) == ["deadline"]
    task.proposed = None  # nothing proposed: every field counts as the reviewer's
    assert differs_from_proposed(task) == ["text", "lead", "coordinators", "deadline", "recurrence"]


def test_set_status_and_the_checks_every_change_makes(session, ingest):
    task = task_of(ingest(CONVERSION, confirm=False), "Chủ trì, phối hợp với Sở Tài chính")
    with pytest.raises(Conflict, match="not tracked"):
        check_tracked(task)
    check_version(task, None)  # no version sent: no check
    check_version(task, task.version)
    with pytest.raises(Conflict, match=f"now version {task.version}, you sent 99"):
        check_version(task, 99)
    set_status(task, "done", TODAY)
    assert (task.status, task.progress, task.completed_on) == ("done", 100, TODAY)
    set_status(task, "done", date(2024, 5, 1))  # already done: the first completion date stays
    assert task.completed_on == TODAY
    set_status(task, "paused", TODAY)
    assert (task.status, task.completed_on) == ("paused", None)
