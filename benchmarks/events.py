"""What the event layer costs on a large database (issue 11): the daily overdue check, the bell's
count, a calendar feed, and webhook deliveries to a local receiver.

    python benchmarks/generate.py URL --documents 50000      # 1,000,000 tasks, 500 agencies
    python benchmarks/events.py URL [--day 2026-06-01] [--deliveries 1000]

Adds (once) an officer to each of the ten busiest agencies and two clerks, then prints:
- ``check_overdue`` for one day (events emitted, seconds) and again (nothing new, seconds);
- the bell's unread count for the busiest agency's officer, p50 / p95 in ms over 200 reads;
- the calendar feed of that officer and of a clerk (events, bytes, seconds);
- ``send_due`` of ``--deliveries`` queued webhook deliveries to an HTTP server in this process
  (deliveries per second), and a second pass (nothing sent twice).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from chidao.store.engine import open_engine, session_factory
from chidao.store.feeds import Notification, WebhookDelivery
from chidao.store.models import Assignment, Task, User
from chidao.tracking.calendar_feed import build_calendar
from chidao.tracking.events import emit_many
from chidao.tracking.notifications import unread_count
from chidao.tracking.overdue import check_overdue
from chidao.tracking.webhook_sender import SendPolicy, send_due
from chidao.tracking.webhooks import add_webhook
from chidao.vocab import EventKind
from support.receiver import Receiver


def _users(sessions) -> tuple[User, User]:
    """The busiest agency's officer and a clerk (made on the first run)."""
    with sessions.begin() as session:
        busiest = list(
            session.execute(
                select(Assignment.agency_id, func.count())
                .where(Assignment.role == "lead")
                .group_by(Assignment.agency_id)
                .order_by(func.count().desc())
                .limit(10)
            )
        )
        for rank, (agency_id, _) in enumerate(busiest):
            name = f"bench-officer-{rank}"
            if session.scalar(select(User.id).where(User.username == name)) is None:
                session.add(User(username=name, username_key=name, role="agency", agency_id=agency_id))
        for name in ("bench-clerk-1", "bench-clerk-2"):
            if session.scalar(select(User.id).where(User.username == name)) is None:
                session.add(User(username=name, username_key=name, role="clerk"))
    with sessions() as session:
        officer = session.scalar(select(User).where(User.username == "bench-officer-0"))
        clerk = session.scalar(select(User).where(User.username == "bench-clerk-1"))
        session.expunge_all()
        return officer, clerk


def _timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def overdue(sessions, day: date) -> None:
    for label in ("first run", "second run"):
        with sessions.begin() as session:
            run, seconds = _timed(lambda s=session: check_overdue(session=s, today=day))
        print(f"check_overdue {day} {label}: {run.emitted} emitted, {run.already} already, {seconds:.1f} s")


def bell(sessions, officer: User) -> None:
    with sessions() as session:
        total = session.scalar(select(func.count(Notification.id)).where(Notification.user_id == officer.id))
        times = []
        for _ in range(200):
            _, seconds = _timed(lambda s=session: unread_count(s, officer.id))
            times.append(seconds * 1000)
        times.sort()
        p50, p95 = statistics.median(times), times[int(len(times) * 0.95)]
        print(f"bell: {total} notifications of the officer, unread count p50 {p50:.2f} ms, p95 {p95:.2f} ms")


def calendars(sessions, day: date, *users: User) -> None:
    for user in users:
        with sessions() as session:
            fresh = session.get(User, user.id)
            body, seconds = _timed(
                lambda s=session, u=fresh: build_calendar(session=s, user=u, today=day, base_url="https://x/")
            )
        count = body.count(b"BEGIN:VEVENT")
        print(f"calendar of {user.username}: {count} events, {len(body):,} bytes, {seconds:.2f} s")


def webhooks(sessions, count: int) -> None:
    receiver = Receiver().start()
    try:
        with sessions.begin() as session:
            admin = session.scalar(select(User).where(User.username == "bench-clerk-1"))
            add_webhook(session=session, user=admin, url=receiver.url, secret="benchmark-secret-0123456789")
            tasks = list(session.scalars(select(Task).where(Task.tracked.is_(True)).limit(count)))
            _, queued = _timed(lambda: emit_many(session, EventKind.TASK_UPDATED, tasks, data={"changed": []}))
        print(f"webhooks: {count} events queued (with their notifications) in {queued:.2f} s")
        policy = SendPolicy(timeout=5, batch=count)
        outcome, seconds = _timed(lambda: send_due(sessions, policy))
        print(f"webhooks: {outcome.delivered} delivered in {seconds:.1f} s ({outcome.delivered / seconds:.0f}/s)")
        again = send_due(sessions, policy)
        with sessions() as session:
            pending = session.scalar(select(func.count()).where(WebhookDelivery.status == "pending"))
        print(f"webhooks: second pass sent {again.delivered}; received {len(receiver.received)}, pending {pending}")
    finally:
        receiver.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--day", type=date.fromisoformat, default=date(2026, 6, 1))
    parser.add_argument("--deliveries", type=int, default=1000)
    args = parser.parse_args()
    engine = open_engine(args.url, create=False)
    sessions = session_factory(engine)
    officer, clerk = _users(sessions)
    with sessions() as session:
        print(f"{session.scalar(select(func.count(Task.id))):,} tasks ({engine.dialect.name})")
    overdue(sessions, args.day)
    bell(sessions, officer)
    calendars(sessions, args.day, officer, clerk)
    webhooks(sessions, args.deliveries)
    engine.dispose()


if __name__ == "__main__":
    main()
