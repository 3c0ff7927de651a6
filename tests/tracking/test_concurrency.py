"""Use cases run at the same moment by many requests, on SQLite and PostgreSQL: progress
reports only add rows, so none of fifty simultaneous ones may be refused; a document is
confirmed once however many clerks press the button together (one confirmation logged)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select

from chidao.store.agencies import seed_agencies
from chidao.store.models import AuditEntry, Document, ProgressReport, Task, User
from chidao.tracking.accounts import add_user
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Conflict
from chidao.tracking.ingest import add_document, confirm_draft
from chidao.tracking.progress import report_progress
from db import database_fixture

database = database_fixture()
NOTICE = (Path(__file__).resolve().parents[2] / "examples" / "tb-ket-luan-chuyen-doi-so.txt").read_bytes()


def _at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads released together; the exceptions they raised."""
    barrier = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            work(index)
        except BaseException as error:  # collected for the assertion
            failures.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return failures


def _document(engine: Engine, *, confirm: bool) -> tuple[int, int, int]:
    """A stored notice (confirmed or draft), one of its tasks, and a clerk: their ids."""
    with open_sessions(engine).begin() as session:
        seed_agencies(session=session)
        document = add_document(session=session, filename="tb.txt", data=NOTICE, confirm=confirm).document
        clerk = add_user(session=session, username="vanthu", role="clerk", password="mat-khau-rat-dai-2026")
        session.flush()
        return document.id, document.tasks[0].id, clerk.id


def test_fifty_simultaneous_progress_reports_are_all_kept(database):
    _, task_id, clerk_id = _document(database, confirm=True)
    sessions = open_sessions(database)

    def report(index: int) -> None:
        with sessions.begin() as session:
            task, clerk = session.get(Task, task_id), session.get(User, clerk_id)
            report_progress(
                session=session, task=task, user=clerk, kind="progress", percent=index % 100,
                note=f"báo cáo {index}", uploads=[], today=date(2026, 12, 5),
            )  # fmt: skip

    assert _at_once(50, report) == []
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProgressReport)) == 50
        task = session.get(Task, task_id)
        assert task.status == "in_progress" and task.version >= 2
        logged = select(func.count()).where(AuditEntry.entity == "progress_report")
        assert session.scalar(logged) == 50


def test_a_document_confirmed_by_ten_clerks_at_once_is_confirmed_once(database):
    document_id, _, clerk_id = _document(database, confirm=False)
    sessions = open_sessions(database)

    def confirm(_: int) -> None:
        with sessions.begin() as session:
            confirm_draft(session=session, document=session.get(Document, document_id), user_id=clerk_id)

    failures = _at_once(10, confirm)
    assert len(failures) == 9 and all(isinstance(f, Conflict) for f in failures), failures
    with sessions() as session:
        assert session.get(Document, document_id).status == "confirmed"
        confirmations = select(func.count()).where(AuditEntry.entity == "document", AuditEntry.action == "confirm")
        assert session.scalar(confirmations) == 1
        assert all(t.tracked for t in session.get(Document, document_id).tasks if not t.deleted)
