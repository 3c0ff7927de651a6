"""Recurring duties tracked round by round (issue 11), through the use cases, on SQLite and
PostgreSQL: each round's own report, progress, timing state and lateness; the task's deadline
and timing state are its current round's, so lists, filters and figures count rounds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from usecases import CONVERSION, TODAY, task_of

from chidao.store.models import Occurrence, ProgressReport
from chidao.tracking.errors import Conflict
from chidao.tracking.extensions import decide_extension, request_extension
from chidao.tracking.progress import report_progress
from chidao.tracking.review import add_task, update_task
from chidao.tracking.round_reports import current_round, round_list
from chidao.tracking.statistics import statistics
from chidao.tracking.task_filter import Scope, TaskFilter
from chidao.tracking.task_list import list_tasks
from db import database_fixture
from support.users import seed

MONTHLY = "Báo cáo hằng tháng"  # "trước ngày 25 hằng tháng", TT&TT leads; the notice is of 15/3/2024
QUARTERLY = "Văn phòng UBND tỉnh theo dõi"  # "định kỳ hằng quý", no day: the end of each quarter
SOON = date(2024, 4, 8)

database = database_fixture()


@pytest.fixture
def engine(database):
    seed(database)
    return database


def report(session, task, user, kind, today, percent=None):
    note = "Đã gửi báo cáo tháng" if kind == "completion" else ""
    return report_progress(
        session=session, task=task, user=user, kind=kind, percent=percent, note=note, uploads=[], today=today
    )


def states(session, task, start, end, today):
    found = round_list(session=session, task=task, start=start, end=end, today=today, soon_until=SOON)
    return [(r.due_on.isoformat(), r.timing_state.value, r.progress, r.current) for r in found]


def test_tracking_starts_at_the_first_round_after_the_document_date(session, ingest):
    document = ingest(CONVERSION)
    monthly, quarterly = task_of(document, MONTHLY), task_of(document, QUARTERLY)
    assert (monthly.recurrence_day, monthly.deadline) == ("25", date(2024, 3, 25))
    assert (quarterly.recurrence_day, quarterly.deadline) == ("end", date(2024, 3, 31))  # pinned, the deadline moves
    overdue = list_tasks(
        session=session, flt=TaskFilter(timing_state=["overdue"]), scope=Scope(), today=TODAY, soon_until=SOON
    )
    assert {t.id for t in overdue.rows} >= {monthly.id, quarterly.id}


def test_each_round_has_its_own_report_progress_and_lateness(session, users, ingest):
    monthly = task_of(ingest(CONVERSION), MONTHLY)
    officer = users["officer"]
    progress = report(session, monthly, officer, "progress", date(2024, 3, 20), percent=40)
    assert (progress.round_on, monthly.progress, monthly.status) == (date(2024, 3, 25), 40, "in_progress")
    done = report(session, monthly, officer, "completion", date(2024, 4, 2))  # a week after 25/3: late
    assert done.round_on == date(2024, 3, 25)
    assert (monthly.status, monthly.deadline, monthly.progress, monthly.completed_on) == (
        "in_progress",
        date(2024, 4, 25),
        0,
        None,
    )
    report(session, monthly, officer, "progress", date(2024, 4, 10), percent=70)
    assert states(session, monthly, date(2024, 3, 1), date(2024, 5, 31), date(2024, 4, 10)) == [
        ("2024-03-25", "done_late", 100, False),
        ("2024-04-25", "not_due", 70, True),
        ("2024-05-25", "not_due", 0, False),
    ]
    report(session, monthly, officer, "completion", date(2024, 4, 24))
    assert monthly.deadline == date(2024, 5, 25)
    assert states(session, monthly, date(2024, 4, 1), date(2024, 4, 30), date(2024, 4, 24))[0][:2] == (
        "2024-04-25",
        "done_on_time",
    )
    rounds = session.scalars(select(Occurrence).where(Occurrence.task_id == monthly.id).order_by(Occurrence.due_on))
    assert [(o.due_on.day, o.done_on, o.progress) for o in rounds] == [
        (25, date(2024, 4, 2), 100),
        (25, date(2024, 4, 24), 100),
    ]
    figures = statistics(session=session, scope=Scope(), today=date(2024, 4, 24), soon_until=SOON)
    assert figures["rounds_done"] == {"done_on_time": 1, "done_late": 1}
    reports = session.scalars(select(ProgressReport.round_on).where(ProgressReport.task_id == monthly.id))
    assert sorted(set(reports)) == [date(2024, 3, 25), date(2024, 4, 25)]


def test_a_round_nobody_reports_keeps_the_task_overdue(session, users, ingest):
    monthly = task_of(ingest(CONVERSION), MONTHLY)
    today = date(2024, 6, 1)  # three rounds have passed, none reported
    assert current_round(session, monthly) == date(2024, 3, 25)
    assert [s[1] for s in states(session, monthly, date(2024, 3, 1), date(2024, 6, 30), today)] == [
        "overdue",
        "overdue",
        "overdue",
        "not_due",
    ]
    report(session, monthly, users["officer"], "completion", today)
    assert monthly.deadline == date(2024, 4, 25)  # the next round, still overdue


def test_rounds_stop_at_the_end_the_text_gives_and_the_task_is_then_done(session, users, ingest):
    document = ingest(CONVERSION)
    fields = {
        "text": "Báo cáo tiến độ giải ngân hằng tháng đến hết tháng 5 năm 2024",
        "lead": ["Sở Thông tin và Truyền thông"],
        "recurrence": "monthly",
        "recurrence_day": "wd3",  # the third working day of each month
        "recurrence_until": date(2024, 5, 31),
    }
    task = add_task(session=session, document=document, user_id=users["clerk"].id, fields=fields)
    # from the notice of 15/3: the third working day of April is 3/4, of May 4/5 (1/5 is a holiday,
    # Saturday 4/5 a working day in 2024)
    assert task.deadline == date(2024, 4, 3)
    assert [s[0] for s in states(session, task, date(2024, 1, 1), date(2024, 12, 31), TODAY)] == [
        "2024-04-03",
        "2024-05-04",
    ]
    report(session, task, users["officer"], "completion", date(2024, 4, 3))
    assert (task.deadline, task.status) == (date(2024, 5, 4), "in_progress")
    report(session, task, users["officer"], "completion", date(2024, 5, 6))
    assert (task.status, task.completed_on, task.progress) == ("done", date(2024, 5, 6), 100)
    with pytest.raises(Conflict, match="no more reports"):
        report(session, task, users["officer"], "progress", date(2024, 5, 7), percent=10)


def test_an_extension_moves_the_current_round_only(session, users, ingest):
    monthly = task_of(ingest(CONVERSION), MONTHLY)
    clerk = users["clerk"]
    asked = request_extension(
        session=session, task=monthly, user=clerk, requested_deadline=date(2024, 4, 5), reason="", today=TODAY
    )
    decide_extension(session=session, extension=asked, task=monthly, user_id=clerk.id, approve=True, note="")
    assert monthly.deadline == date(2024, 4, 5)
    listed = states(session, monthly, date(2024, 3, 1), date(2024, 4, 30), TODAY)
    assert listed[0] == ("2024-03-25", "due_soon", 0, True)  # until 5/4 now
    report(session, monthly, users["officer"], "completion", date(2024, 4, 4))
    assert monthly.deadline == date(2024, 4, 25)  # the next round keeps its day


def test_a_new_period_in_review_starts_the_new_schedule(session, users, ingest):
    monthly = task_of(ingest(CONVERSION), MONTHLY)
    update_task(
        session=session, task=monthly, user=users["clerk"], changes={"recurrence": "weekly"}, version=None, today=TODAY
    )
    # "25" is no weekday: the rounds fall on Fridays, from the notice's date (Friday 15/3)
    assert monthly.deadline == date(2024, 3, 15)
