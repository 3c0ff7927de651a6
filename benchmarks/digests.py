"""Building and sending one day's reminder digests at scale (issue 11).

    python benchmarks/digests.py [URL] [--tasks 1000000] [--agencies 500] [--keep]

Without a URL it fills a new SQLite file in a temporary folder; with a ``postgresql://`` URL it
fills that (empty) database. The data is ``generate.py``'s (bulk inserts: tasks with deadlines
over 2024–2027, a tenth recurring, skewed agencies), plus what digests read: two contact
addresses per agency, an officer per agency, five clerks and five leaders with addresses,
extension requests (pending, and decided the working day before) and completion reports.

It then times, for one working Monday (2026-06-01: the leaders' weekly summary is built too),
building every digest of the day (reading, classifying by the reminder policy, rendering the
HTML and text of each mail, queueing them in the outbox; target ≤ 30 s), and sending them all to
an SMTP server started here in a process of its own (aiosmtpd on 127.0.0.1, as
``tests/support/smtp.py``; target ≥ 50 mails/s). A second build of the
same day is timed as well (it must queue nothing).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from generate import generate

from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import open_engine, session_factory
from chidao.store.mail import AgencyContact, UserContact
from chidao.store.models import Agency, Extension, ProgressReport, User
from chidao.tracking.reminders.delivery import CONNECTIONS, send_pending
from chidao.tracking.reminders.outbox import counts
from chidao.tracking.reminders.run import build_day
from chidao.tracking.reminders.smtp import SmtpConfig, connections
from support.smtp import free_port

DAY = date(2026, 6, 1)  # generate.py's "today", a working Monday
PER_DOCUMENT = 20
SMTP_SERVER = Path(__file__).resolve().parents[1] / "tests" / "support" / "smtp.py"


def add_people(url: str, seed: int) -> None:
    """Contacts, officers, clerks, leaders, extension requests and completion reports."""
    rng = random.Random(seed)
    engine = open_engine(url)
    with engine.begin() as conn:
        agencies = list(conn.scalars(select(Agency.id).order_by(Agency.id)))
        conn.execute(
            insert(AgencyContact),
            [
                {"agency_id": a, "email": f"{kind}{a}@coquan.gov.vn"}
                for a in agencies
                for kind in ("vanphong", "lanhdao")
            ],
        )
        users = [
            {"username": f"cb{a}", "username_key": f"cb{a}", "role": "agency", "agency_id": a, "is_active": True}
            for a in agencies
        ]
        users += [
            {"username": f"{role}{i}", "username_key": f"{role}{i}", "role": role, "agency_id": None, "is_active": True}
            for role in ("clerk", "viewer")
            for i in range(5)
        ]
        conn.execute(insert(User), users)
        ids = dict(conn.execute(select(User.username, User.id)).all())
        conn.execute(
            insert(UserContact),
            [
                {"user_id": ids[f"{role}{i}"], "email": f"{role}{i}@ubnd.gov.vn"}
                for role in ("clerk", "viewer")
                for i in range(5)
            ],
        )
        open_tasks = list(
            conn.execute(
                text("SELECT task_id, agency_id FROM task_agencies WHERE task_open AND role = 'lead' ORDER BY task_id")
            ).all()
        )
        picked = rng.sample(open_tasks, min(6000, len(open_tasks)))
        friday = datetime(2026, 5, 29, 9, tzinfo=UTC)
        conn.execute(
            insert(Extension),
            [
                {
                    "task_id": task_id,
                    "requested_by_id": ids[f"cb{agency_id}"],
                    "requested_deadline": DAY + timedelta(days=30),
                    "reason": "cần thêm thời gian",
                    "status": ("pending", "approved", "refused")[i % 3],
                    "decided_at": None if i % 3 == 0 else friday,
                    "decision_note": "",
                }
                for i, (task_id, agency_id) in enumerate(picked[:3000])
            ],
        )
        conn.execute(
            insert(ProgressReport),
            [
                {"task_id": task_id, "kind": "completion", "note": "đã xong", "created_at": friday}
                for task_id, _ in picked[3000:]
            ],
        )
    engine.dispose()


def measure(url: str) -> None:
    engine = open_engine(url)
    sessions = session_factory(engine)
    calendar = WorkCalendar()
    calendar.is_working_day(DAY)  # the year's holidays, computed once (as in a running service)
    started = time.perf_counter()
    result = build_day(sessions, day=DAY, calendar=calendar, base_url="https://chidao.tinh.gov.vn")
    build = time.perf_counter() - started
    kinds = Counter(kind for kind, _ in result.mails)
    print(f"build: {len(result.mails)} mails ({dict(kinds)}) queued {result.queued} in {build:.1f} s (target 30 s)")
    started = time.perf_counter()
    again = build_day(sessions, day=DAY, calendar=calendar, base_url="https://chidao.tinh.gov.vn")
    print(f"second build of the same day: queued {again.queued}, {time.perf_counter() - started:.2f} s")
    sizes = sorted(len(m.html) + len(m.text) for _, m in result.mails)
    if sizes:
        print(f"mail size: median {sizes[len(sizes) // 2] / 1024:.1f} KiB, largest {sizes[-1] / 1024:.1f} KiB")
    port = free_port()
    server = subprocess.Popen([sys.executable, str(SMTP_SERVER), str(port)], stdout=subprocess.PIPE, text=True)
    assert server.stdout.readline().strip() == "ready"
    with connections(SmtpConfig(host="127.0.0.1", port=port), CONNECTIONS) as sender:
        started = time.perf_counter()
        sent = send_pending(sessions, sender)
        seconds = time.perf_counter() - started
    server.terminate()
    received = server.communicate(timeout=60)[0].strip()
    rate = sent.sent / seconds if seconds else 0
    print(f"send: {sent.sent} mails in {seconds:.1f} s = {rate:.0f} mails/s (target 50); server got {received}")
    with sessions() as session:
        print(f"outbox: {counts(session)}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", help="an empty database (default: a new SQLite file)")
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite folder")
    parser.add_argument(
        "--measure-only", action="store_true", help="URL already holds the data: empty the outbox and measure again"
    )
    args = parser.parse_args()
    folder = None
    url = args.url
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="chidao-digests-"))
        url = f"sqlite:///{folder / 'chidao.sqlite3'}"
    if args.measure_only and url:
        engine = open_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM mail_outbox"))
            conn.execute(text("DELETE FROM mail_runs"))
        engine.dispose()
        measure(url)
        return
    try:
        started = time.perf_counter()
        generate(url, max(1, args.tasks // PER_DOCUMENT), PER_DOCUMENT, args.agencies, args.seed)
        add_people(url, args.seed)
        print(f"data: {args.tasks} tasks, {args.agencies} agencies in {time.perf_counter() - started:.0f} s")
        measure(url)
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        elif folder is not None:
            print(f"kept {folder}")


if __name__ == "__main__":
    main()
