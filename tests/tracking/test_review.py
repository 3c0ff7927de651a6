"""The clerk's review of extracted tasks, and an officer's status edit, called directly:
``update_task``, ``delete_task``, ``add_task``, ``split_task``, ``merge_tasks``."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, HEALTH, TODAY, audit_of, task_of

from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.review import add_task, delete_task, merge_tasks, split_task, update_task
from chidao.tracking.task_state import differs_from_proposed, task_state

FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # led by the officer's department, deadline 30/4/2024
SECOND = "Phối hợp với Công an tỉnh"  # led by the officer's department, deadline 30/6/2024
INTERIOR = "Giao Sở Nội vụ chủ trì"  # led by Sở Nội vụ, the officer's department coordinates


def test_a_clerk_corrects_a_draft_task_and_the_audit_says_what_differs(session, users, ingest):
    document = ingest(CONVERSION, confirm=False)
    task = task_of(document, FIRST)
    changes = {"text": "Xây dựng kho dữ liệu dùng chung", "deadline": date(2024, 5, 15), "lead": ["Sở Tài chính"]}
    version = task.version
    update_task(session=session, task=task, user=users["clerk"], changes=changes, version=version, today=TODAY)
    assert task.text == "Xây dựng kho dữ liệu dùng chung" and task.deadline == date(2024, 5, 15)
    assert task_state(task)["lead"] == ["Sở Tài chính"]
    assert task.version > version  # an edit sent with the version read before is now refused
    assert sorted(differs_from_proposed(task)) == ["deadline", "lead", "text"]
    [entry] = audit_of(session, "task", task.id)[-1:]
    assert entry.action == "review_edit" and entry.user_id == users["clerk"].id
    assert entry.before["deadline"] == "2024-04-30" and entry.after["deadline"] == "2024-05-15"
    assert sorted(entry.after["differs_from_proposed"]) == ["deadline", "lead", "text"]


def test_an_edit_of_a_confirmed_task_is_an_update_and_changing_nothing_writes_nothing(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    before = len(audit_of(session, "task", task.id))
    update_task(session=session, task=task, user=users["admin"], changes={"progress": 30}, version=None, today=TODAY)
    entries = audit_of(session, "task", task.id)
    assert entries[-1].action == "update" and entries[-1].after["progress"] == 30
    update_task(session=session, task=task, user=users["admin"], changes={"progress": 30}, version=None, today=TODAY)
    assert len(audit_of(session, "task", task.id)) == before + 1


def test_a_stale_version_is_a_conflict_and_changes_nothing(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    seen = task.version
    update_task(session=session, task=task, user=users["clerk"], changes={"progress": 10}, version=seen, today=TODAY)
    with pytest.raises(Conflict, match="changed by someone else"):
        update_task(
            session=session, task=task, user=users["clerk"], changes={"progress": 90}, version=seen, today=TODAY
        )
    assert task.progress == 10


def test_the_lead_agency_changes_status_and_progress_only(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, FIRST)
    officer = users["officer"]
    changes = {"status": "in_progress", "progress": 40}
    update_task(session=session, task=task, user=officer, changes=changes, version=None, today=TODAY)
    assert (task.status, task.progress) == ("in_progress", 40)
    refused = [
        ({"text": "khác"}, "only status and progress"),
        ({"status": "done"}, "completion"),
        ({"status": "cancelled"}, "only the office can cancel"),
    ]
    for change, reason in refused:
        with pytest.raises(Forbidden, match=reason):
            update_task(session=session, task=task, user=officer, changes=change, version=None, today=TODAY)
    with pytest.raises(Forbidden, match="lead agency"):  # a coordinator is not the lead
        update_task(
            session=session,
            task=task_of(document, INTERIOR),
            user=officer,
            changes={"progress": 5},
            version=None,
            today=TODAY,
        )
    with pytest.raises(Forbidden, match="your role"):
        update_task(
            session=session, task=task, user=users["viewer"], changes={"progress": 5}, version=None, today=TODAY
        )
    assert (task.status, task.progress) == ("in_progress", 40)


def test_unknown_fields_are_invalid_and_a_deleted_task_cannot_change(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    with pytest.raises(Invalid, match="unknown fields: colour"):
        update_task(session=session, task=task, user=users["clerk"], changes={"colour": 1}, version=None, today=TODAY)
    delete_task(session=session, task=task, user_id=users["clerk"].id)
    with pytest.raises(Conflict, match="deleted"):
        update_task(session=session, task=task, user=users["clerk"], changes={"progress": 5}, version=None, today=TODAY)


def test_the_office_marks_a_task_done_and_reopening_clears_the_completion(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    clerk = users["clerk"]
    update_task(session=session, task=task, user=clerk, changes={"status": "done"}, version=None, today=TODAY)
    assert (task.status, task.progress, task.completed_on) == ("done", 100, TODAY)
    update_task(session=session, task=task, user=clerk, changes={"status": "in_progress"}, version=None, today=TODAY)
    assert task.completed_on is None


def test_a_deleted_task_stays_for_history_but_is_not_tracked(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    delete_task(session=session, task=task, user_id=users["clerk"].id, version=task.version)
    assert task.deleted and not task.tracked
    entry = audit_of(session, "task", task.id)[-1]
    assert entry.action == "delete" and entry.before == {"deleted": False, "tracked": True}
    assert entry.after["proposed"]["deadline"] == "2024-04-30"
    with pytest.raises(Conflict, match="already deleted"):
        delete_task(session=session, task=task, user_id=users["clerk"].id)


def test_a_task_extraction_missed_is_added_last_with_nothing_proposed(session, users, ingest):
    document = ingest(CONVERSION, confirm=False)
    last = max(t.position for t in document.tasks)
    fields = {"text": "Tổng kết Đề án", "lead": ["Sở Nội vụ"], "deadline": date(2024, 12, 31)}
    task = add_task(session=session, document=document, user_id=users["clerk"].id, fields=fields)
    assert task.origin == "added" and task.proposed is None and task.position == last + 1
    assert not task.tracked  # a draft's task is tracked once the document is confirmed
    assert task_state(task)["lead"] == ["Sở Nội vụ"]
    assert audit_of(session, "task", task.id)[0].action == "add"
    with pytest.raises(Invalid, match="needs a text"):
        add_task(session=session, document=document, user_id=None, fields={"text": ""})


def test_a_split_replaces_a_task_by_parts_that_inherit_what_they_omit(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    parts = [{"text": "Phần một"}, {"text": "Phần hai", "deadline": date(2024, 6, 1)}]
    one, two = split_task(session=session, task=task, user_id=users["clerk"].id, parts=parts, version=task.version)
    assert task.deleted and not task.tracked
    assert (one.deadline, two.deadline) == (date(2024, 4, 30), date(2024, 6, 1))
    for part in (one, two):
        state = task_state(part)
        assert part.origin == "split" and part.tracked and part.position == task.position
        assert state["lead"] == ["Sở Thông tin và Truyền thông"]
        assert state["coordinators"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert audit_of(session, "task", task.id)[-1].after == {"deleted": True, "into": [one.id, two.id]}
    assert audit_of(session, "task", two.id)[-1].after["split_from"] == task.id
    with pytest.raises(Invalid, match="at least two"):
        split_task(session=session, task=one, user_id=None, parts=[{"text": "một"}])
    with pytest.raises(Conflict, match="deleted"):
        split_task(session=session, task=task, user_id=None, parts=parts)


def test_a_merge_joins_texts_unites_agencies_and_keeps_the_earliest_deadline(session, users, ingest):
    document = ingest(CONVERSION)
    first, second = task_of(document, FIRST), task_of(document, SECOND)
    merged = merge_tasks(session=session, tasks=[second, first], user_id=users["clerk"].id, given={})
    state = task_state(merged)
    assert merged.origin == "merged" and merged.text == f"{first.text}\n{second.text}"
    assert merged.deadline == date(2024, 4, 30) and merged.position == first.position
    assert state["lead"] == ["Sở Thông tin và Truyền thông"]
    assert state["coordinators"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Công an tỉnh"]
    assert first.deleted and second.deleted
    assert audit_of(session, "task", merged.id)[-1].after["merged_from"] == [first.id, second.id]
    assert audit_of(session, "task", first.id)[-1].after == {"deleted": True, "merged_into": merged.id}


def test_a_merge_is_refused_across_documents_for_one_task_and_for_deleted_ones(session, users, ingest):
    conversion, health = ingest(CONVERSION), ingest(HEALTH)
    first, second = task_of(conversion, FIRST), task_of(conversion, SECOND)
    with pytest.raises(Invalid, match="same document"):
        merge_tasks(session=session, tasks=[first, health.tasks[0]], user_id=None, given={})
    with pytest.raises(Invalid, match="two different"):
        merge_tasks(session=session, tasks=[first, first], user_id=None, given={})
    delete_task(session=session, task=second, user_id=None)
    with pytest.raises(Conflict, match="deleted"):
        merge_tasks(session=session, tasks=[first, second], user_id=None, given={})
    assert not first.deleted


def test_a_merge_takes_what_the_reviewer_gives(session, users, ingest):
    document = ingest(CONVERSION)
    first, second = task_of(document, FIRST), task_of(document, SECOND)
    given = {"text": "Một nhiệm vụ", "lead": ["Công an tỉnh"], "deadline": date(2024, 7, 1)}
    merged = merge_tasks(session=session, tasks=[first, second], user_id=None, given=given)
    state = task_state(merged)
    assert (merged.text, merged.deadline, state["lead"]) == ("Một nhiệm vụ", date(2024, 7, 1), ["Công an tỉnh"])
    assert "Công an tỉnh" not in state["coordinators"]  # the lead is not also a coordinator
