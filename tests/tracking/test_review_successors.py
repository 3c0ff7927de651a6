"""An agency typed in review follows a reorganization as extraction does: a body ended by the
day the assignment answers for gives way to its successor (the name as typed kept as written).
That day is the document's date for a draft (a 2024 notice keeps the 2024 bodies) and today for a
tracked task (its work is today's)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from usecases import CONVERSION, task_of

from chidao.store.agencies import agency_key
from chidao.store.models import Agency
from chidao.tracking.ingest import confirm_draft
from chidao.tracking.review import add_task, update_task

OLD, NEW = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"
TASK = "Giao Sở Nội vụ chủ trì"  # Sở Nội vụ leads
TODAY = date(2026, 3, 2)


def agency(session, name: str) -> Agency:
    return session.scalar(select(Agency).where(Agency.key == agency_key(name)))


@pytest.fixture
def merged(session):
    """The old department ended into the new one on 1 March 2025, as a reorganization leaves it."""
    old = agency(session, OLD)
    old.successor_id, old.ended_on = agency(session, NEW).id, date(2025, 3, 1)
    session.flush()


def leads(task) -> list[tuple[str, str | None]]:
    return [(a.agency.name, a.written) for a in task.assignments if a.role == "lead"]


def test_a_draft_of_2024_keeps_the_body_its_date_knew(session, users, ingest, merged):
    draft = ingest(CONVERSION, confirm=False)  # dated 15/3/2024
    task = task_of(draft, TASK)
    update_task(session=session, task=task, user=users["clerk"], changes={"lead": [OLD]}, version=None, today=TODAY)
    assert leads(task) == [(OLD, None)]


def test_a_draft_dated_after_the_merger_and_a_tracked_task_follow_the_successor(session, users, ingest, merged):
    draft = ingest(CONVERSION, confirm=False)
    draft.doc_date = date(2025, 6, 1)
    task = task_of(draft, TASK)
    update_task(session=session, task=task, user=users["clerk"], changes={"lead": [OLD]}, version=None, today=TODAY)
    assert leads(task) == [(NEW, OLD)]
    assert "khoa hoc" in task.search_text and "thong tin" in task.search_text  # found by either name
    added = add_task(
        session=session, document=draft, user_id=users["clerk"].id, fields={"text": "Báo cáo", "lead": [OLD]}
    )
    assert leads(added) == [(NEW, OLD)]

    draft.doc_date = date(2024, 3, 15)
    confirm_draft(session=session, document=draft, user_id=users["clerk"].id)
    tracked = task_of(draft, "Giao Công an tỉnh hướng dẫn")
    changes = {"coordinators": [OLD]}
    update_task(session=session, task=tracked, user=users["clerk"], changes=changes, version=None, today=TODAY)
    assert [(a.agency.name, a.written) for a in tracked.assignments if a.role == "coordinator"] == [(NEW, OLD)]
