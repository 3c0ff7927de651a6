"""The scheduler inside ``chidao serve``: which day is due at a given moment, a day missed while
the service was off caught up once, and nothing built twice (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import session_factory
from chidao.store.mail import MailRun, OutboxMail
from chidao.store.models import Agency
from chidao.tracking.reminders.contacts import add_agency_contact
from chidao.tracking.reminders.lease import acquire
from chidao.tracking.reminders.scheduler import Scheduler, day_due
from chidao.tracking.reminders.smtp import SmtpConfig
from chidao.tracking.reminders.window import VIETNAM
from db import database_fixture
from support.smtp import smtp_server
from support.tasks import add_task, agency_id
from support.users import seed

database = database_fixture()
CALENDAR = WorkCalendar()


def vn(day: int, hour: int) -> datetime:
    """A moment of March 2026, Vietnam time."""
    return datetime(2026, 3, day, hour, tzinfo=VIETNAM)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (vn(16, 9), date(2026, 3, 16)),  # Monday after the hour: today
        (vn(16, 6), date(2026, 3, 13)),  # Monday before the hour: Friday's (if it was missed)
        (vn(14, 12), date(2026, 3, 13)),  # Saturday: Friday's
        (vn(17, 7), date(2026, 3, 17)),  # on the hour
    ],
)
def test_the_day_due_at_a_moment(moment, expected):
    assert day_due(moment, 7, CALENDAR) == expected


@pytest.fixture
def sessions(database):
    seed(database)
    factory = session_factory(database)
    with factory.begin() as session:
        it = session.get(Agency, agency_id(session, "Sở Y tế"))
        add_agency_contact(session=session, agency=it, email="vp@syt.gov.vn", user_id=None)
        for day in (13, 16, 17):
            add_task(session, lead="Sở Y tế", deadline=date(2026, 3, day))
    return factory


def _built(sessions) -> list[date]:
    with sessions() as session:
        return list(session.scalars(select(MailRun.day).order_by(MailRun.day)))


def test_a_missed_day_is_caught_up_once_and_each_day_built_once(sessions):
    with smtp_server() as server:
        worker = Scheduler(sessions, SmtpConfig(host="127.0.0.1", port=server.port), base_url="x", calendar=CALENDAR)
        assert worker.run_once(vn(16, 6))  # back on Monday morning: Friday had been missed
        assert _built(sessions) == [date(2026, 3, 13)]
        worker.run_once(vn(16, 6))  # the next tick: nothing more
        worker.run_once(vn(16, 9))  # Monday's hour
        worker.run_once(vn(16, 10))
        assert _built(sessions) == [date(2026, 3, 13), date(2026, 3, 16)]
    assert [m["Subject"].split("ngày ")[1][:10] for m in server.messages] == ["13/03/2026", "16/03/2026"]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.state != "sent")) == 0


def test_a_worker_without_the_lease_does_nothing(sessions):
    with sessions() as session:
        assert acquire(session=session, holder="another host", seconds=600)
    worker = Scheduler(sessions, SmtpConfig(host="127.0.0.1", port=1), base_url="x", calendar=CALENDAR)
    assert not worker.run_once(vn(16, 9))
    assert _built(sessions) == []


def test_the_service_runs_the_scheduler_and_it_sends(sessions, database, tmp_path):
    """``chidao serve``'s application starts the scheduler with its lifespan when a mail server is
    set: the latest working day whose hour has passed is built and sent, whatever today is."""
    import threading
    import time

    from fastapi.testclient import TestClient

    from chidao.tracking.reminders.policy import defaults, save_policy
    from chidao.web.app import create_app
    from support.served import make_settings

    due = day_due(datetime.now(VIETNAM), 0, CALENDAR)
    with sessions.begin() as session:
        add_task(session, lead="Sở Y tế", deadline=due)
        save_policy(session=session, values={**defaults().as_dict(), "send_hour": 0}, user_id=None)
    with smtp_server() as server:
        settings = make_settings(tmp_path, smtp_host="127.0.0.1", smtp_port=server.port)
        with TestClient(create_app(settings, engine=database)):
            assert any(t.name == "chidao-reminders" for t in threading.enumerate())
            for _ in range(200):
                if server.messages:
                    break
                time.sleep(0.1)
        assert not any(t.name == "chidao-reminders" and t.is_alive() for t in threading.enumerate())
    assert [m["To"] for m in server.messages] == ["vp@syt.gov.vn"]
    assert f"{due:%d/%m/%Y}" in server.messages[0]["Subject"]
