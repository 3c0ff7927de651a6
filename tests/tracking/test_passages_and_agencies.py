"""Unassigned passages made tasks, and the agency registry's use cases, called directly:
``passages.task_from_passage``, ``agencies.read_agency_names``, ``update_agency``, ``task_counts``."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from usecases import CONVERSION, HEALTH, audit_of, task_of

from chidao.store.models import Agency
from chidao.tracking.agencies import read_agency_names, search_agencies, task_counts, update_agency
from chidao.tracking.errors import Conflict
from chidao.tracking.ingest import confirm_draft
from chidao.tracking.passages import open_passages, passage_of, task_from_passage
from chidao.tracking.task_filter import Scope, TaskFilter
from chidao.tracking.task_list import list_tasks


def test_a_passage_becomes_a_draft_task_in_reading_order_once(session, users, ingest):
    document = ingest(CONVERSION, confirm=False)
    [passage] = open_passages(document)
    assert passage_of(session, document, passage.id) is passage
    task = task_from_passage(session=session, document=document, passage=passage, user_id=users["clerk"].id)
    assert (task.text, task.origin, task.proposed) == (passage.text, "passage", None)
    assert (task.span_start, task.span_end) == (passage.span_start, passage.span_end)
    assert passage.task_id == task.id and passage.taken_by_id == users["clerk"].id
    before = [
        t for t in document.tasks if t.span_start is not None and t.span_start <= passage.span_start and t is not task
    ]
    assert task.position == max((t.position for t in before), default=task.position)
    assert open_passages(document) == []
    assert audit_of(session, "passage", passage.id)[0].after["task_id"] == task.id
    with pytest.raises(Conflict, match="already became task"):
        task_from_passage(session=session, document=document, passage=passage, user_id=None)


def test_a_confirmed_documents_passages_stay_as_they_are(session, users, ingest):
    document = ingest(HEALTH, confirm=False)
    confirm_draft(session=session, document=document, user_id=users["clerk"].id)
    [passage] = open_passages(document)
    with pytest.raises(Conflict, match="review is over"):
        task_from_passage(session=session, document=document, passage=passage, user_id=None)
    assert passage.task_id is None
    other = ingest(CONVERSION, confirm=False)
    assert passage_of(session, other, passage.id) is None  # another document's passage


def test_agency_names_are_read_from_lines_or_commas_even_with_commas_inside_names(session, ingest):
    ingest(HEALTH)  # its tasks name "Ủy ban nhân dân các huyện, thành phố", a new agency then
    known, unknown = read_agency_names(session, "Sở Tài chính, so y te\nỦy ban nhân dân các huyện, thành phố")
    assert known == ["Sở Tài chính", "Sở Y tế", "Ủy ban nhân dân các huyện, thành phố"]
    assert unknown == []
    names, new = read_agency_names(session, "Ban Quản lý dự án mới", "Sở Tài chính")
    assert names == ["Ban Quản lý dự án mới", "Sở Tài chính"] and new == ["Ban Quản lý dự án mới"]


def test_a_renamed_agency_is_found_by_its_new_name_and_the_audit_keeps_the_old(session, users, ingest):
    ingest(HEALTH)
    health = session.scalar(select(Agency).where(Agency.name == "Sở Y tế"))
    assert health.aliases == ["Sở YT"]  # from the registry
    update_agency(
        session=session, agency=health, user_id=users["admin"].id, name="Sở Y tế và Phúc lợi", aliases=["SYT"]
    )
    session.flush()
    found = list_tasks(
        session=session,
        flt=TaskFilter(q="phuc loi"),
        scope=Scope(),
        today=date(2024, 4, 1),
        soon_until=date(2024, 4, 8),
        sort="deadline",
        per_page=10,
    )
    assert [t.text[:12] for t in found.rows] == ["Giao Sở Y tế"]
    [entry] = audit_of(session, "agency", health.id)
    assert entry.before == {"name": "Sở Y tế", "aliases": ["Sở YT"]}
    assert entry.after == {"name": "Sở Y tế và Phúc lợi", "aliases": ["SYT"]}
    rows, total = search_agencies(session=session, q="y te phuc loi", page=1, per_page=5)
    assert (total, [a.name for a in rows]) == (1, ["Sở Y tế và Phúc lợi"])
    with pytest.raises(Conflict, match="already called"):
        update_agency(session=session, agency=health, user_id=users["admin"].id, name="sở tài chính", aliases=None)
    update_agency(session=session, agency=health, user_id=users["admin"].id, name=None, aliases=["SYT"])
    assert len(audit_of(session, "agency", health.id)) == 1  # nothing changed: nothing written


def test_an_agencys_task_counts(session, users, ingest):
    document = ingest(CONVERSION)
    officer = users["officer"].agency_id
    assert task_counts(session=session, agency_id=officer, today=date(2024, 4, 1)) == {
        "lead": 3,
        "coordinator": 1,
        "overdue_as_lead": 1,  # the monthly report's round of 25/3, not reported (the notice is of 15/3)
    }
    assert task_counts(session=session, agency_id=officer, today=date(2024, 7, 1))["overdue_as_lead"] == 3
    task_of(document, "Phối hợp với Công an tỉnh").status = "done"
    session.flush()
    assert task_counts(session=session, agency_id=officer, today=date(2024, 7, 1))["overdue_as_lead"] == 2
