"""The daily overdue check on SQLite and PostgreSQL: once per task and passed due date (a
deadline or a recurring round), caught up over a few missed days but not over months, nothing
for done tasks or reported rounds, and one event when two checks run at the same time."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from feedkit import sessions, store, told, users_of
from sqlalchemy import select
from usecases import CONVERSION, HEALTH, TODAY, task_of

from chidao.store.feeds import EventMark
from chidao.store.models import Occurrence
from chidao.tracking.overdue import check_overdue
from chidao.tracking.review import update_task

__all__ = ["sessions"]
FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # officer leads; due 30/4/2024
MONTHLY = "Báo cáo hằng tháng"  # officer leads; "trước ngày 25 hằng tháng"
QUARTERLY = "Văn phòng UBND tỉnh theo dõi"  # the office of the province leads; no deadline: quarter ends
POLICE = "Giao Công an tỉnh hướng dẫn"  # due 29/3/2024
OVERDUE = "task.overdue"


@pytest.fixture
def tasks(sessions):
    """The conversion notice (15/3/2024) and the health letter (5/8/2024: its weekly and daily
    rounds start then), confirmed; the ids of the conversion notice's tasks by their opening."""
    with sessions.begin() as session:
        document = store(session, CONVERSION)
        store(session, HEALTH)
        return {name: task_of(document, name).id for name in (FIRST, MONTHLY, QUARTERLY, POLICE)}


def marks(session) -> set[tuple[int, date]]:
    return {(m.task_id, m.day) for m in session.scalars(select(EventMark))}


def run(sessions, day: date):
    with sessions.begin() as session:
        return check_overdue(session=session, today=day)


def test_each_passed_deadline_or_round_is_told_once(sessions, tasks):
    first = run(sessions, TODAY)  # Monday 1/4/2024: the week before is looked at
    assert (first.emitted, first.already) == (3, 0)
    with sessions() as session:
        assert marks(session) == {
            (tasks[MONTHLY], date(2024, 3, 25)),
            (tasks[QUARTERLY], date(2024, 3, 31)),
            (tasks[POLICE], date(2024, 3, 29)),
        }  # the health letter's rounds before its own date are none
        overdue = [task for kind, task in told(session, "clerk") if kind == OVERDUE]
        assert sorted(overdue) == sorted([tasks[MONTHLY], tasks[QUARTERLY], tasks[POLICE]])
        assert [t for k, t in told(session, "officer") if k == OVERDUE] == [tasks[MONTHLY]]
    again = run(sessions, TODAY)
    assert (again.emitted, again.already) == (0, 3)
    next_day = run(sessions, date(2024, 4, 2))
    assert (next_day.emitted, next_day.already) == (0, 2)  # 25/3 left the window; nothing new
    with sessions() as session:
        assert len([k for k, _ in told(session, "clerk") if k == OVERDUE]) == 3


def test_done_tasks_and_reported_rounds_are_not_told(sessions, tasks):
    with sessions.begin() as session:
        users = users_of(session)
        task = task_of(store(session, CONVERSION), FIRST)
        done = {"status": "done"}
        update_task(session=session, task=task, user=users["clerk"], changes=done, version=None, today=TODAY)
        session.add(Occurrence(task_id=tasks[MONTHLY], due_on=date(2024, 4, 25), done_on=date(2024, 4, 24)))
    result = run(sessions, date(2024, 5, 2))  # 30/4 passed (done) and the 25/4 round (reported)
    with sessions() as session:
        told_now = {t for t, _ in marks(session)}
    assert tasks[FIRST] not in told_now and tasks[MONTHLY] not in told_now
    assert result.emitted == len(marks(sessions()))


def test_a_missed_day_is_caught_up_but_not_months_of_old_lateness(sessions, tasks):
    caught = run(sessions, date(2024, 5, 3))  # the check did not run on 1 or 2 May
    assert caught.emitted >= 1
    with sessions() as session:
        assert (tasks[FIRST], date(2024, 4, 30)) in marks(session)
    late = run(sessions, date(2024, 7, 15))  # 31/5 and 30/6 deadlines are more than a week old
    with sessions() as session:
        days = {day for _, day in marks(session)}
    assert date(2024, 5, 31) not in days and date(2024, 6, 30) not in days
    assert late.emitted == len([d for d in days if d >= date(2024, 7, 8)])


def test_two_checks_at_once_tell_once(sessions, tasks):
    if sessions.kw["bind"].dialect.name == "sqlite":
        pytest.skip("SQLite has one writer: the second check waits for the first (covered by running twice)")
    results, errors = [], []
    barrier = threading.Barrier(2)

    def check() -> None:
        try:
            barrier.wait()
            results.append(run(sessions, TODAY))
        except Exception as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=check) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sum(r.emitted for r in results) == 3
    with sessions() as session:
        assert len([k for k, _ in told(session, "clerk") if k == OVERDUE]) == 3


def test_the_servers_ticker_runs_the_check_by_itself(sessions, tasks):
    """``chidao serve`` runs the check in a thread (a minute after start, then hourly): no cron."""
    import time

    from chidao.extract.workdays import WorkCalendar
    from chidao.tracking.overdue_ticker import OverdueTicker

    ticker = OverdueTicker(sessions, WorkCalendar(), first_delay=0.05, every=3600, today=lambda: TODAY).start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with sessions() as session:
                if len(marks(session)) == 3:
                    break
            time.sleep(0.1)
    finally:
        ticker.stop()
    with sessions() as session:
        assert {task for task, _day in marks(session)} == {tasks[MONTHLY], tasks[QUARTERLY], tasks[POLICE]}
