"""Delivering the digests to a real SMTP server (aiosmtpd, started by the test), on SQLite and
PostgreSQL: each recipient gets one mail; a server that is down gets it once when it is back;
two processes or two workers at once send one; a process killed between building and sending
leaves the mails to the next run, which sends each once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import open_engine, session_factory
from chidao.store.mail import OutboxMail
from chidao.store.migrate import migrate
from chidao.store.models import Agency
from chidao.tracking.reminders.contacts import add_agency_contact, set_user_address
from chidao.tracking.reminders.delivery import Backoff, send_pending
from chidao.tracking.reminders.run import build_day, remind
from chidao.tracking.reminders.scheduler import Scheduler
from chidao.tracking.reminders.smtp import SmtpConfig, SmtpSender
from db import BACKENDS, database_fixture, scratch_postgres_database
from support.smtp import free_port, smtp_server
from support.tasks import add_task, agency_id
from support.users import seed

DAY = date(2026, 3, 16)
CALENDAR = WorkCalendar()
BASE = "https://chidao.example.gov.vn"
AGENCIES = {
    "Sở Thông tin và Truyền thông": "vp@stttt.gov.vn",
    "Sở Tài chính": "vp@stc.gov.vn",
    "Sở Y tế": "vp@syt.gov.vn",
}
RECIPIENTS = {*AGENCIES.values(), "clerk@ubnd.gov.vn", "lanhdao@ubnd.gov.vn"}
NOW_BACKOFF = Backoff(first=0, most=0, tries=5)


database = database_fixture()


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """A database URL (a file, or a PostgreSQL database of its own) another process can open
    too, migrated; for the tests that run ``chidao`` in other processes."""
    if request.param == "sqlite":
        found = f"sqlite:///{tmp_path / 'chidao.sqlite3'}"
        migrate(open_engine(found))
        yield found
    else:
        with scratch_postgres_database() as found:
            migrate(open_engine(found))
            yield found


@pytest.fixture
def sessions(database):
    yield _filled(database)


@pytest.fixture
def shared(url):
    engine = open_engine(url)
    yield _filled(engine)
    engine.dispose()


def _filled(engine):
    users = seed(engine).user_ids
    factory = session_factory(engine)
    with factory.begin() as session:
        for name, address in AGENCIES.items():
            agency = session.get(Agency, agency_id(session, name))
            add_agency_contact(session=session, agency=agency, email=address, user_id=None)
            add_task(session, lead=name, deadline=DAY)
        add_task(session, lead="Sở Y tế", deadline=date(2026, 3, 2))  # overdue, never reported
        set_user_address(session=session, user_id=users["clerk"], email="clerk@ubnd.gov.vn")
        set_user_address(session=session, user_id=users["viewer"], email="lanhdao@ubnd.gov.vn")
    return factory


def _sender(port: int) -> SmtpSender:
    return SmtpSender(SmtpConfig(host="127.0.0.1", port=port, mail_from="chidao@ubnd.gov.vn"))


def _once_each(messages) -> None:
    assert Counter(m["To"] for m in messages) == Counter(RECIPIENTS)


def test_each_recipient_gets_one_mail_and_a_second_run_sends_nothing(sessions):
    with smtp_server() as server, _sender(server.port) as sender:
        first = remind(sessions, sender, day=DAY, calendar=CALENDAR, base_url=BASE)
        second = remind(sessions, sender, day=DAY, calendar=CALENDAR, base_url=BASE)
    _once_each(server.messages)
    assert (first.queued, first.sent.sent, second.already_built, second.sent.sent) == (5, 5, True, 0)
    mail = server.to("vp@stttt.gov.vn")[0]
    assert mail["Subject"] == "[chidao] Nhắc việc ngày 16/03/2026 — Sở Thông tin và Truyền thông"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Đến hạn hôm nay (1)" in text and f"{BASE}/tasks/" in text and f'href="{BASE}/tasks/' in html
    assert mail["List-Unsubscribe"].strip().startswith(f"<{BASE}/mail/preferences?token=")


def test_a_server_that_is_down_gets_the_mails_once_when_it_is_back(sessions):
    port = free_port()  # nothing listens: the server is down
    with _sender(port) as sender:
        down = remind(sessions, sender, day=DAY, calendar=CALENDAR, base_url=BASE, backoff=NOW_BACKOFF)
    assert (down.sent.sent, down.sent.deferred) == (0, 5)
    with sessions() as session:
        rows = session.scalars(select(OutboxMail)).all()
        assert {r.state for r in rows} == {"pending"} and max(r.attempts for r in rows) == 1
    with smtp_server(port) as server, _sender(port) as sender:
        back = send_pending(sessions, sender, backoff=NOW_BACKOFF)
        again = send_pending(sessions, sender, backoff=NOW_BACKOFF)
    assert (back.sent, again.sent) == (5, 0)
    _once_each(server.messages)


def test_a_retry_waits_for_its_backoff(sessions):
    with _sender(free_port()) as sender:
        remind(sessions, sender, day=DAY, calendar=CALENDAR, base_url=BASE, backoff=Backoff(first=3600))
    with smtp_server() as server, _sender(server.port) as sender:
        assert send_pending(sessions, sender).sent == 0  # the hour has not passed
    with sessions.begin() as session:
        session.execute(update(OutboxMail).values(next_attempt_at=datetime(2020, 1, 1, tzinfo=UTC)))
    with smtp_server() as server, _sender(server.port) as sender:
        assert send_pending(sessions, sender).sent == 5


def test_two_workers_at_once_send_one_mail_each(sessions):
    with smtp_server() as server:
        config = SmtpConfig(host="127.0.0.1", port=server.port)
        workers = [Scheduler(sessions, config, base_url=BASE, calendar=CALENDAR) for _ in range(2)]
        at_nine = datetime(2026, 3, 16, 9, tzinfo=UTC)
        threads = [threading.Thread(target=w.run_once, args=(at_nine,)) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        for worker in workers:
            worker.run_once(at_nine)  # later ticks: the holder sends what is left, the other nothing
    _once_each(server.messages)


def _chidao(url: str, port: int, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CHIDAO_DATABASE_URL": url, "CHIDAO_SMTP_HOST": "127.0.0.1", "CHIDAO_SMTP_PORT": str(port)}
    command = [sys.executable, "-m", "chidao.cli", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_at_once_send_one_mail_each(shared, url):
    with smtp_server() as server:
        runs = [_chidao(url, server.port, "remind", "--date", "2026-03-16") for _ in range(2)]
        outputs = [run.communicate(timeout=180) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0 and "Traceback" not in err, err
    _once_each(server.messages)


KILLED_AFTER_BUILD = """
import os, signal, sys
from datetime import date
from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import open_engine, session_factory
from chidao.tracking.reminders.run import build_day
build_day(session_factory(open_engine(sys.argv[1])), day=date(2026, 3, 16), calendar=WorkCalendar(), base_url="x")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_between_build_and_send_the_next_run_sends_each_once(shared, url):
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_BUILD, url], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    with shared() as session:
        assert Counter(session.scalars(select(OutboxMail.state))) == {"pending": 5}
    with smtp_server() as server:
        run = _chidao(url, server.port, "remind", "--date", "2026-03-16")
        out, err = run.communicate(timeout=180)
        assert run.returncode == 0, err
        assert "already built; sent 5" in out
        rerun = _chidao(url, server.port, "remind", "--date", "2026-03-16").communicate(timeout=180)[0]
        assert "sent 0" in rerun
    _once_each(server.messages)


def test_a_process_killed_while_sending_leaves_rows_taken_again_later(sessions):
    build_day(sessions, day=DAY, calendar=CALENDAR, base_url=BASE)
    with sessions.begin() as session:  # as a sender that died after claiming them would leave them
        session.execute(update(OutboxMail).values(state="sending", claimed_at=datetime.now(UTC)))
    with smtp_server() as server, _sender(server.port) as sender:
        assert send_pending(sessions, sender).sent == 0  # perhaps still being sent: not yet
        with sessions.begin() as session:
            session.execute(update(OutboxMail).values(claimed_at=datetime(2020, 1, 1, tzinfo=UTC)))
        assert send_pending(sessions, sender).sent == 5
    _once_each(server.messages)
