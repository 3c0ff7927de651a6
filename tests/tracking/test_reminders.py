"""The reminder policy and the digests it gives, called directly (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import session_factory
from chidao.store.models import Agency, Extension, ProgressReport
from chidao.tracking.errors import Invalid
from chidao.tracking.reminders.build import build_digests
from chidao.tracking.reminders.contacts import add_agency_contact, set_kinds_refused, set_user_address
from chidao.tracking.reminders.policy import current_policy, defaults, reset_policy, save_policy
from chidao.tracking.reminders.schedule import Schedule
from db import database_fixture
from support.tasks import add_task, agency_id
from support.users import seed

database = database_fixture()
CALENDAR = WorkCalendar()
IT = "Sở Thông tin và Truyền thông"
FINANCE = "Sở Tài chính"
MONDAY = date(2026, 3, 16)  # a working Monday; the week before has no holiday


@pytest.fixture
def session(database):
    seeded = seed(database)
    with session_factory(database)() as session:
        session.info["users"] = seeded.user_ids
        yield session


def _reminded(deadline: date, days: list[date]) -> list[date]:
    policy = defaults()
    return [d for d in days if Schedule(policy, CALENDAR, d).reminder(deadline) is not None]


def test_the_data_file_example_is_what_the_schedule_does():
    example = load_toml("reminders.toml")["example"]
    deadline = date.fromisoformat(example["deadline"])
    days = [date(2026, 3, d) for d in range(1, 32)]
    assert _reminded(deadline, days) == [date.fromisoformat(d) for d in example["reminded"]]


def test_nothing_is_reminded_on_a_day_off():
    tet_2026 = date(2026, 2, 17)  # Tết: a weekday off
    schedule = Schedule(defaults(), CALENDAR, tet_2026)
    assert all(schedule.reminder(tet_2026 + timedelta(days=n)) is None for n in range(-10, 10))
    assert build_digests(session=None, day=tet_2026, calendar=CALENDAR) == []


def test_a_due_day_on_a_weekend_is_due_on_the_friday_before():
    friday = date(2026, 3, 13)
    assert Schedule(defaults(), CALENDAR, friday).reminder(date(2026, 3, 14)).section == "due_today"


@pytest.mark.parametrize(
    "values",
    [
        {"before": [0]},  # below the bounds
        {"overdue_every": 0},
        {"send_hour": 24},
        {"max_items": "20"},
        {"before": [1, 2, 3, 4, 5, 6]},
    ],
)
def test_a_policy_out_of_bounds_is_refused_and_nothing_stored(session, values):
    with pytest.raises(Invalid):
        save_policy(session=session, values={**defaults().as_dict(), **values}, user_id=None)
    assert current_policy(session) == defaults()


def test_an_admin_changes_the_policy_and_can_go_back(session):
    changed = save_policy(
        session=session, values={**defaults().as_dict(), "before": [3], "overdue_every": 2}, user_id=None
    )
    assert current_policy(session) == changed and changed.before == (3,)
    assert reset_policy(session=session, user_id=None) == defaults() == current_policy(session)


def _contacts(session: Session) -> None:
    add_agency_contact(
        session=session, agency=session.get(Agency, agency_id(session, IT)), email="vp@stttt.gov.vn", user_id=None
    )
    add_agency_contact(
        session=session, agency=session.get(Agency, agency_id(session, FINANCE)), email="VP@STC.gov.vn", user_id=None
    )
    set_user_address(session=session, user_id=session.info["users"]["clerk"], email="clerk@ubnd.gov.vn")
    set_user_address(session=session, user_id=session.info["users"]["viewer"], email="lanhdao@ubnd.gov.vn")


def test_one_digest_per_agency_with_what_the_policy_says_today(session):
    _contacts(session)
    due_soon = add_task(session, lead=IT, deadline=CALENDAR.add_working_days(MONDAY, 5))
    today = add_task(session, lead=IT, deadline=MONDAY, coordinators=(FINANCE,))
    late_1 = add_task(session, lead=IT, deadline=CALENDAR.add_working_days(MONDAY, -1))
    late_2 = add_task(session, lead=IT, deadline=CALENDAR.add_working_days(MONDAY, -2))  # not a reminder day
    add_task(session, lead=IT, deadline=MONDAY, status="done", completed_on=MONDAY)  # never reminded
    add_task(session, lead=IT, deadline=MONDAY, status="cancelled")
    digests = {d.name or d.kind: d for d in build_digests(session=session, day=MONDAY, calendar=CALENDAR)}
    it = {s.code: s for s in digests[IT].sections}
    assert [line.task_id for line in it["due_soon"].lines] == [due_soon.id]
    assert [line.task_id for line in it["due_today"].lines] == [today.id]
    assert [line.task_id for line in it["overdue"].lines] == [late_1.id]
    assert late_2.id not in {line.task_id for s in digests[IT].sections for line in s.lines}
    assert "Tổng số nhiệm vụ đang quá hạn: 2" in it["overdue"].remark
    assert digests[IT].recipients == ["vp@stttt.gov.vn"]
    finance = {s.code: s for s in digests[FINANCE].sections}
    assert finance["due_today"].lines[0].note.endswith("phối hợp")
    assert digests[FINANCE].recipients == ["VP@stc.gov.vn"]  # the domain lower-cased


def test_the_office_gets_its_queue_and_the_officer_the_decision(session):
    _contacts(session)
    users = session.info["users"]
    waiting = add_task(session, lead=IT, deadline=date(2026, 4, 30))
    decided = add_task(session, lead=IT, deadline=date(2026, 4, 30))
    silent = add_task(session, lead=FINANCE, deadline=date(2026, 3, 2))
    reported = add_task(session, lead=FINANCE, deadline=date(2026, 3, 2))
    session.add(ProgressReport(task_id=reported.id, kind="progress", note="đang làm"))
    session.add(Extension(task_id=waiting.id, requested_by_id=users["officer"], requested_deadline=date(2026, 5, 30)))
    friday = datetime(2026, 3, 13, 9, tzinfo=UTC)  # the previous working day: in Monday's window
    session.add(
        Extension(
            task_id=decided.id,
            requested_by_id=users["officer"],
            requested_deadline=date(2026, 5, 15),
            status="approved",
            decided_at=friday,
        )
    )
    session.flush()
    digests = {d.name or d.kind: d for d in build_digests(session=session, day=MONDAY, calendar=CALENDAR)}
    clerk = {s.code: s for s in digests["clerk"].sections}
    assert [line.task_id for line in clerk["pending_extensions"].lines] == [waiting.id]
    assert [line.task_id for line in clerk["overdue_unreported"].lines] == [silent.id]
    decisions = {s.code: s for s in digests[IT].sections}["decisions"]
    assert [line.task_id for line in decisions.lines] == [decided.id]
    assert decisions.lines[0].note.startswith("Đã đồng ý")
    tuesday = build_digests(session=session, day=date(2026, 3, 17), calendar=CALENDAR)
    assert all(s.code != "decisions" or not s.total for d in tuesday for s in d.sections)  # told once


def test_leaders_get_the_week_on_its_first_working_day_only(session):
    _contacts(session)
    fell = add_task(session, lead=FINANCE, deadline=date(2026, 3, 11))
    escalated = add_task(session, lead=IT, deadline=date(2026, 3, 6))  # 5 working days late on 13/3
    add_task(session, lead=IT, deadline=date(2026, 3, 9), status="done", completed_on=date(2026, 3, 10))
    digests = {d.kind: d for d in build_digests(session=session, day=MONDAY, calendar=CALENDAR)}
    leader = {s.code: s for s in digests["leader"].sections}
    assert fell.id in [line.task_id for line in leader["new_overdue"].lines]
    assert [line.task_id for line in leader["escalated"].lines] == [escalated.id]
    assert leader["completed"].total == 1
    assert {line.text for line in leader["overdue_by_agency"].lines} == {IT, FINANCE}
    assert "leader" not in {d.kind for d in build_digests(session=session, day=date(2026, 3, 17), calendar=CALENDAR)}


def test_an_address_that_opted_out_gets_nothing_of_that_kind(session):
    _contacts(session)
    add_task(session, lead=IT, deadline=MONDAY)
    set_kinds_refused(session=session, email="vp@stttt.gov.vn", refused={"agency"}, known={"agency"})
    assert IT not in {d.name for d in build_digests(session=session, day=MONDAY, calendar=CALENDAR)}


def test_a_monthly_round_is_reminded_by_its_own_due_day(session):
    _contacts(session)
    task = add_task(
        session,
        lead=IT,
        deadline=None,
        recurrence="monthly",
        deadline_text="trước ngày 16 hằng tháng",
        recurrence_day="16",  # what extraction stores for that text (rounds never re-read the text)
        doc_date=MONDAY - timedelta(days=60),  # rounds start at the notice's date
    )
    digest = next(d for d in build_digests(session=session, day=MONDAY, calendar=CALENDAR) if d.name == IT)
    today = {s.code: s for s in digest.sections}["due_today"]
    assert [(line.task_id, line.due) for line in today.lines] == [(task.id, MONDAY)]
