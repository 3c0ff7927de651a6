"""The 2025 reorganization applied to a database that tracks the seed notices (SQLite and
PostgreSQL): every open task of Sở Thông tin và Truyền thông passes to Sở Khoa học và Công
nghệ with a history entry saying why, its officer follows and sees them, a task completed in
2024 stays with the old body, a second apply changes nothing, and a notice stored afterwards
that still names the old body is tracked by its successor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from chidao.store.agencies import agency_key, seed_agencies
from chidao.store.models import Agency, AgencyChange, Assignment, AuditEntry, Task, User
from chidao.tracking.accounts import add_user
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Invalid
from chidao.tracking.ingest import add_document
from chidao.tracking.reorganization import apply, preview
from chidao.tracking.visibility import can_see_task
from db import database_fixture

database = database_fixture()
SEEDS = Path("seeds")
OLD, NEW = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"
TODAY = date(2026, 12, 5)


def _agency(session, name: str) -> Agency:
    return session.scalar(select(Agency).where(Agency.key == agency_key(name)))


def _open_rows(session, name: str) -> int:
    open_ = Task.status.in_(("assigned", "in_progress", "paused")) & Task.deleted.is_(False)
    where = (Assignment.agency_id == _agency(session, name).id) & open_
    return session.scalar(select(func.count()).select_from(Assignment).join(Task).where(where))


@pytest.fixture
def tracked(database: Engine, corpus: Path) -> Engine:
    """The seed notices confirmed, an officer of the old department, one of its tasks done in 2024."""
    with open_sessions(database).begin() as session:
        seed_agencies(session=session)
        for path in sorted((corpus / "seeds").glob("*.txt")):
            add_document(session=session, filename=path.name, data=path.read_bytes(), confirm=True)
        add_user(session=session, username="so-tttt", role="agency", agency=OLD)
        # its first task it leads (without the role and the order, PostgreSQL may hand back a task
        # the department only coordinates, whose lead is another body)
        row = session.scalar(
            select(Assignment)
            .where(Assignment.agency_id == _agency(session, OLD).id, Assignment.role == "lead")
            .order_by(Assignment.id)
        )
        row.task.status, row.task.completed_on = "done", date(2024, 11, 20)
    return database


def test_open_tasks_and_officers_pass_to_the_successor_once(tracked):
    sessions = open_sessions(tracked)
    with sessions() as session:
        before = _open_rows(session, OLD)
        planned = {s.agency: s for s in preview(session=session, reorganization="2025", today=TODAY)}
    assert before > 0 and planned[OLD].successor == NEW and planned[OLD].users == 1
    assert planned[OLD].lead + planned[OLD].coordinator == before and planned[OLD].state == "pending"
    with sessions.begin() as session:
        apply(session=session, reorganization="2025", today=TODAY, user_id=None)
    with sessions() as session:
        assert _open_rows(session, OLD) == 0
        assert _open_rows(session, NEW) >= planned[OLD].moved
        done = session.scalars(select(Task).where(Task.status == "done")).all()
        assert [a.agency.name for t in done for a in t.assignments if a.role == "lead"] == [OLD]  # 2024's work
        officer = session.scalar(select(User).where(User.username == "so-tttt"))
        assert officer.agency_id == _agency(session, NEW).id
        moved = session.scalars(select(Task).join(Assignment).where(Assignment.agency_id == officer.agency_id)).all()
        assert moved and all(can_see_task(officer, task) for task in moved)
        history = session.scalars(select(AuditEntry).where(AuditEntry.action == "agency_succession")).all()
        assert len([h for h in history if h.entity == "task"]) == planned[OLD].moved + sum(
            s.moved for name, s in planned.items() if name != OLD
        )
        assert any("Nghị định 45/2025/NĐ-CP" in h.after["reason"] and OLD in h.after["reason"] for h in history)
        old = _agency(session, OLD)
        assert old.successor_id == _agency(session, NEW).id and old.ended_on == date(2025, 3, 1)
        assert "khoa hoc va cong nghe" in moved[0].search_text  # found by its new name
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
    with sessions.begin() as session:
        again = apply(session=session, reorganization="2025", today=TODAY, user_id=None)
    assert {s.state for s in again} <= {"applied", "absent"}
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries  # a no-op
        assert session.scalar(select(func.count()).select_from(AgencyChange)) == len(
            [s for s in planned.values() if s.state == "pending"]
        )


def test_a_notice_stored_after_the_merger_is_tracked_by_the_successor(tracked, corpus):
    sessions = open_sessions(tracked)
    with sessions.begin() as session:
        apply(session=session, reorganization="2025", today=TODAY, user_id=None)
    seeds = sorted((corpus / "seeds").glob("*.txt"))
    naming = max(seeds, key=lambda p: p.read_text(encoding="utf-8").count(OLD))  # its tasks name it most
    seed = naming.read_bytes() + "\nBản sao.".encode()
    with sessions.begin() as session:
        stored = add_document(session=session, filename="copy.txt", data=seed, confirm=True)
        rows = [a for t in stored.document.tasks for a in t.assignments]
        assert rows and all(a.agency.name != OLD for a in rows)
        routed = [a for a in rows if a.agency.name == NEW]
        assert routed and any(a.written and "Thông tin" in a.written for a in routed)  # as the notice wrote it


def test_an_unknown_or_future_reorganization(tracked):
    with open_sessions(tracked)() as session, pytest.raises(Invalid, match="unknown reorganization"):
        preview(session=session, reorganization="2030", today=TODAY)
    with open_sessions(tracked)() as session:
        early = preview(session=session, reorganization="2025", today=date(2025, 1, 15))
    assert {s.state for s in early} <= {"not_yet", "absent"}


def test_a_report_of_2024_still_names_the_old_body_and_one_of_2026_the_new(tracked):
    """Completed work stays with the body that did it; open work follows the successor."""
    from chidao.extract.workdays import WorkCalendar
    from chidao.reports.build import build_report
    from chidao.reports.periods import parse_period

    sessions = open_sessions(tracked)
    with sessions.begin() as session:
        done = session.scalar(select(Task).where(Task.status == "done"))
        done.document.doc_date = date(2024, 3, 1)  # a notice of 2024, its task done on 20/11/2024
        apply(session=session, reorganization="2025", today=TODAY, user_id=None)
    with sessions() as session:
        calendar = WorkCalendar()
        year_2024, year_2026 = parse_period("2024", "calendar"), parse_period("2026", "calendar")
        old_year = build_report(session=session, period=year_2024, today=TODAY, calendar=calendar)
        new_year = build_report(session=session, period=year_2026, today=TODAY, calendar=calendar)
    by_name_2024 = {row.name: row for row in old_year.agencies}
    done = by_name_2024[OLD].totals if OLD in by_name_2024 else None
    assert done is not None and done.done_on_time + done.done_late + done.no_deadline_done >= 1  # its 2024 work
    names_2026 = {row.name for row in new_year.agencies}
    assert NEW in names_2026 and OLD not in names_2026
