"""A plan of thousands of tasks is stored in bulk, the same rows as one at a time; a document
that assigns more than one review can hold is refused before anything is written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chidao.store.agencies import seed_agencies
from chidao.store.models import Agency, Assignment, Document, Task, UnassignedPassage
from chidao.text import ReadError
from chidao.text.readers import Failure
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import MAX_TASKS_PER_DOCUMENT, add_document
from db import database_fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from store_large import notice  # the benchmark's generator of large notices

database = database_fixture()


def test_a_document_over_the_task_limit_is_refused_and_nothing_is_written(database):
    with open_sessions(database).begin() as session:
        seed_agencies(session=session)
        agencies = session.scalar(select(func.count()).select_from(Agency))
    sessions = open_sessions(database)
    with pytest.raises(ReadError) as refused, sessions.begin() as session:
        add_document(session=session, filename="ke-hoach.txt", data=notice(MAX_TASKS_PER_DOCUMENT + 1, 1))
    assert refused.value.code == Failure.TOO_MANY_TASKS
    assert f"{MAX_TASKS_PER_DOCUMENT + 1:,} tasks" in refused.value.reason
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0
        assert session.scalar(select(func.count()).select_from(Agency)) == agencies


def test_a_large_plan_is_stored_with_every_task_its_agencies_and_deadline(database):
    sessions = open_sessions(database)
    with sessions.begin() as session:
        seed_agencies(session=session)
        stored = add_document(session=session, filename="ke-hoach.txt", data=notice(600, 2), confirm=True)
        document_id = stored.document.id
        assert len(stored.document.tasks) == 600
    with sessions() as session:
        tasks = session.scalars(select(Task).where(Task.document_id == document_id).order_by(Task.position)).all()
        assert [t.position for t in tasks] == list(range(600))
        first = tasks[0]
        assert first.tracked and first.version == 2 and first.status == "assigned"
        named = sorted((a.role, a.agency.name) for a in first.assignments)
        assert named == [("coordinator", "Sở Nội vụ"), ("lead", "Sở Tài chính")]
        assert first.deadline.isoformat() == "2027-06-01" and first.proposed["lead"] == ["Sở Tài chính"]
        assert "so tai chinh" in first.search_text and first.confidence is not None
        # the copies the database's triggers keep on each agency row are there for bulk rows too
        copies = session.execute(
            select(Assignment.task_open, Assignment.task_deadline, Assignment.document_id).where(
                Assignment.task_id == first.id
            )
        ).all()
        assert copies and all(row == (True, first.deadline, document_id) for row in copies)
        assert session.scalar(select(func.count()).select_from(Assignment)) == 1200
        assert session.scalar(select(func.count()).select_from(UnassignedPassage)) >= 0


def test_names_the_registry_lacks_become_one_agency_each(database):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/TB-UBND\nLâm Đồng, ngày 5 tháng 12 năm 2026\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về dự án cầu\n\nChủ tịch UBND tỉnh kết luận như sau:\n"
        "1. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì, phối hợp với Sở Xây dựng rà soát hồ sơ, "
        "xong trước ngày 30/6/2027.\n"
        "2. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì hoàn thiện thiết kế, xong trước ngày 30/9/2027.\n"
        "Nơi nhận:\n- Như trên.\n"
    )
    cache: dict[str, Agency] = {}
    with open_sessions(database).begin() as session:
        seed_agencies(session=session)
        stored = add_document(session=session, filename="tb.txt", data=text.encode(), cache=cache)
        leads = [[a.agency.name for a in t.assignments if a.role == "lead"] for t in stored.document.tasks]
        assert leads == [["Ban Quản lý dự án đầu tư xây dựng tỉnh"], ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]]
        made = session.scalars(select(Agency).where(Agency.name == "Ban Quản lý dự án đầu tư xây dựng tỉnh")).all()
        assert len(made) == 1 and cache["ban quan ly du an dau tu xay dung tinh"] is made[0]
