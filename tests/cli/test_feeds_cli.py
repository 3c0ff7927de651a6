"""``chidao notify`` and ``chidao webhooks flush`` as cron runs them, on SQLite and PostgreSQL:
the overdue events of a day told once however often the check runs, and the webhook deliveries
they queued sent to a real receiver once however often the flush runs. In process (click's
runner, the environment as cron would set it): a Python start costs seconds on a busy machine,
and ``tests/cli/test_store_cli.py`` already runs the entry point as a real process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from chidao.cli import cli
from chidao.tracking.accounts import add_user
from chidao.tracking.database import create_database
from chidao.tracking.ingest import add_document
from chidao.tracking.webhooks import add_webhook
from db import scratch_postgres_database
from support.receiver import Receiver, verify

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tb-ket-luan-chuyen-doi-so.txt"
SECRET = "khóa-bí-mật-của-hệ-thống-e-office"


@pytest.fixture(params=("sqlite", "postgresql"))
def env(request, tmp_path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)
    if request.param == "sqlite":
        env["CHIDAO_DATABASE_URL"] = f"sqlite:///{tmp_path / 'chidao.sqlite3'}"
        yield env
        return
    with scratch_postgres_database() as url:
        env["CHIDAO_DATABASE_URL"] = url
        yield env


def test_notify_and_flush_from_cron(env):
    def chidao(*args: str):
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    receiver = Receiver().start()
    engine = create_database(env["CHIDAO_DATABASE_URL"])  # what chidao init does
    try:
        with Session(engine) as session, session.begin():
            add_document(session=session, filename=EXAMPLE.name, data=EXAMPLE.read_bytes(), confirm=True)
            admin = add_user(session=session, username="quantri", role="admin", agency=None, password=None)
            add_webhook(session=session, user=admin, url=receiver.url, kinds=["task.overdue"], secret=SECRET)
        first = chidao("notify", "--date", "2024-04-01")
        assert first.exit_code == 0, first.output
        assert first.stdout.strip() == "2024-04-01: 3 overdue events emitted, 0 already emitted before"
        again = chidao("notify", "--date", "2024-04-01")
        assert again.stdout.strip() == "2024-04-01: 0 overdue events emitted, 3 already emitted before"
        assert receiver.received == []  # notify queues; the sender sends
        flushed = chidao("webhooks", "flush")
        assert flushed.exit_code == 0
        assert flushed.stdout.strip() == "webhooks: 3 delivered, 0 to retry later, 0 given up"
        assert chidao("webhooks", "flush").stdout.strip() == "webhooks: 0 delivered, 0 to retry later, 0 given up"
        assert len(receiver.received) == 3 and all(verify(SECRET, r) for r in receiver.received)
        assert {r.headers["X-Chidao-Event"] for r in receiver.received} == {"task.overdue"}
    finally:
        engine.dispose()
        receiver.stop()
    wrong = chidao("notify", "--date", "01/04/2024")
    assert wrong.exit_code == 2 and wrong.output.strip().count("\n") == 0 and "YYYY-MM-DD" in wrong.output
