"""Dashboard figures and review statistics after the use cases ran, called directly:
``statistics`` (from the trigger-kept tallies), ``extraction_stats``, and the dashboard's lists."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, HEALTH, TODAY, task_of

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.dashboard import due_between, end_of_work_week, recently_completed
from chidao.tracking.errors import Conflict
from chidao.tracking.extensions import decide_extension, request_extension
from chidao.tracking.ingest import confirm_draft
from chidao.tracking.progress import report_progress
from chidao.tracking.review import add_task, delete_task, update_task
from chidao.tracking.review_stats import extraction_stats
from chidao.tracking.statistics import statistics
from chidao.tracking.task_filter import Scope
from chidao.tracking.visibility import scope_of

SOON = date(2024, 4, 8)
FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # TT&TT leads, 30/4/2024
SECOND = "Phối hợp với Công an tỉnh"  # TT&TT leads, 30/6/2024
INTERIOR = "Giao Sở Nội vụ chủ trì"  # Sở Nội vụ leads, TT&TT coordinates, 31/5/2024
POLICE = "Giao Công an tỉnh hướng dẫn"  # Công an tỉnh leads, 29/3/2024: overdue on 1/4
BUDGET = "Sở Tài chính, Sở Kế hoạch và Đầu tư"  # no deadline
COMMUNES = "Chỉ đạo các xã"  # no deadline


def by_timing(figures: dict) -> dict[str, int]:
    return {k: v for k, v in figures["by_timing_state"].items() if v}


@pytest.fixture
def followed(session, users, ingest):
    """The conversion notice after a month of follow-up: one task done late, one on time, one
    extended, one cancelled, one deleted."""
    document = ingest(CONVERSION)
    clerk = users["clerk"]
    first = task_of(document, FIRST)
    report_progress(
        session=session,
        task=first,
        user=users["officer"],
        kind="completion",
        percent=None,
        note="Đã xong",
        uploads=[],
        today=date(2024, 5, 3),
    )
    police = task_of(document, POLICE)
    extension = request_extension(
        session=session, task=police, user=clerk, requested_deadline=date(2024, 4, 15), reason="", today=TODAY
    )
    decide_extension(session=session, extension=extension, task=police, user_id=clerk.id, approve=True, note="")
    for start, status in ((BUDGET, "cancelled"), (INTERIOR, "done")):
        update_task(
            session=session,
            task=task_of(document, start),
            user=clerk,
            changes={"status": status},
            version=None,
            today=date(2024, 4, 2),
        )
    delete_task(session=session, task=task_of(document, COMMUNES), user_id=clerk.id)
    session.flush()
    return document


def test_the_dashboard_counts_what_the_use_cases_did(session, followed):
    figures = statistics(session=session, scope=Scope(), today=TODAY, soon_until=SOON)
    # the monthly report ("trước ngày 25 hằng tháng") and the quarterly one count by their current
    # round: the notice is of 15/3, so the rounds of 25/3 and 31/3 are overdue on 1/4 (issue 11)
    assert by_timing(figures) == {"done_late": 1, "done_on_time": 1, "not_due": 3, "overdue": 2}
    assert {k: v for k, v in figures["by_status"].items() if v} == {"assigned": 5, "done": 2, "cancelled": 1}
    overdue = sorted((row["agency"], row["overdue"]) for row in figures["overdue_by_agency"])
    # the police task, overdue too, was given until 15/4
    assert overdue == [("Sở Thông tin và Truyền thông", 1), ("Văn phòng Ủy ban nhân dân tỉnh", 1)]


def test_an_agency_counts_the_tasks_it_leads_or_coordinates(session, users, followed):
    officer = scope_of(users["officer"])
    figures = statistics(session=session, scope=officer, today=TODAY, soon_until=SOON)
    assert by_timing(figures) == {"done_late": 1, "done_on_time": 1, "not_due": 1, "overdue": 1}  # March's round
    later = statistics(session=session, scope=officer, today=date(2024, 7, 1), soon_until=date(2024, 7, 8))
    assert by_timing(later)["overdue"] == 2  # 30/6 passed, and no round of the monthly report was reported
    assert [(row["agency"], row["overdue"]) for row in later["overdue_by_agency"]] == [
        ("Sở Thông tin và Truyền thông", 2)
    ]


def test_overdue_tasks_per_lead_agency(session, followed):
    figures = statistics(session=session, scope=Scope(), today=date(2024, 7, 1), soon_until=date(2024, 7, 8))
    assert by_timing(figures)["overdue"] == 4  # two one-off tasks, two recurring ones at their first round
    overdue = sorted((row["agency"], row["overdue"]) for row in figures["overdue_by_agency"])
    assert overdue == [("Công an tỉnh", 1), ("Sở Thông tin và Truyền thông", 2), ("Văn phòng Ủy ban nhân dân tỉnh", 1)]


def test_the_dashboard_lists_the_weeks_tasks_and_the_last_completed(session, users, followed):
    scope = Scope()
    monday = date(2024, 4, 15)  # the police task was given until this Monday
    end = end_of_work_week(monday, WorkCalendar())
    tasks, total = due_between(session, scope, monday, date(2024, 4, 22), monday, end, limit=10)
    assert (end, total, [t.text[: len(POLICE)] for t in tasks]) == (date(2024, 4, 19), 1, [POLICE])
    assert due_between(session, scope, TODAY, SOON, TODAY, date(2024, 4, 5), limit=10).total == 0
    done = recently_completed(session, scope, TODAY, SOON)
    assert [t.text[: len(FIRST)] for t in done][:1] == [FIRST]  # completed on 3/5, the latest
    assert [t.completed_on for t in done] == [date(2024, 5, 3), date(2024, 4, 2)]
    assert [t.completed_on for t in recently_completed(session, scope_of(users["health"]), TODAY, SOON)] == []


def test_review_statistics_count_each_outcome_and_field(session, users, ingest):
    draft = ingest(CONVERSION, confirm=False)
    clerk = users["clerk"]
    update_task(
        session=session,
        task=task_of(draft, FIRST),
        user=clerk,
        changes={"deadline": date(2024, 5, 15)},
        version=None,
        today=TODAY,
    )
    delete_task(session=session, task=task_of(draft, COMMUNES), user_id=clerk.id)
    add_task(session=session, document=draft, user_id=clerk.id, fields={"text": "Tổng kết Đề án"})
    assert extraction_stats(session=session)["tasks"] == 0  # a draft is not counted
    confirm_draft(session=session, document=draft, user_id=clerk.id)
    with pytest.raises(Conflict, match="already confirmed"):
        confirm_draft(session=session, document=draft, user_id=clerk.id)
    session.flush()
    figures = extraction_stats(session=session)
    assert (figures["documents"], figures["tasks"], figures["proposed"]) == (1, 10, 9)
    assert figures["counts"] == {"unchanged": 7, "edited": 1, "added": 1, "deleted": 1}
    assert figures["shares"]["unchanged"] == 0.7
    assert figures["fields"]["deadline"] == {"changed": 1, "unchanged": 7, "share_changed": 0.125}
    assert figures["fields"]["text"]["changed"] == 0
    ingest(HEALTH, confirm=False)
    with_drafts = extraction_stats(session=session, include_drafts=True)
    assert (with_drafts["documents"], with_drafts["counts"]["unchanged"]) == (2, 10)


def test_an_approved_extension_is_not_counted_as_a_review_edit(session, users, ingest):
    draft = ingest(CONVERSION, confirm=False)
    clerk = users["clerk"]
    edited = task_of(draft, FIRST)
    update_task(
        session=session, task=edited, user=clerk, changes={"deadline": date(2024, 5, 15)}, version=None, today=TODAY
    )
    confirm_draft(session=session, document=draft, user_id=clerk.id)
    for task, later in ((task_of(draft, SECOND), date(2024, 9, 30)), (edited, date(2024, 10, 31))):
        for moved in (later, date(later.year, later.month + 1, 15)):  # extended twice, both approved
            extension = request_extension(
                session=session, task=task, user=clerk, requested_deadline=moved, reason="Chờ kinh phí", today=TODAY
            )
            decide_extension(session=session, extension=extension, task=task, user_id=clerk.id, approve=True, note="")
    session.flush()
    figures = extraction_stats(session=session)
    assert figures["counts"]["edited"] == 1  # the review's own edit, not the extensions
    assert figures["fields"]["deadline"]["changed"] == 1
