"""What extraction doubts, through the API: each task's confidence, doubts and recurrence words,
the passages that assign work but gave no task, and making such a passage a draft task."""

from __future__ import annotations

import pytest
from apiclient import CONVERSION, EXAMPLES, HEALTH, PASSWORD

from chidao.extract import extract
from chidao.text.readers import read_bytes

# The conversion notice: tasks under the heading "Sở Thông tin và Truyền thông" take their lead
# from it (a doubt); "Văn phòng UBND tỉnh theo dõi ... định kỳ hằng quý" says how often.
FROM_HEADING = "Chủ trì, phối hợp với Sở Tài chính"
QUARTERLY = "Văn phòng UBND tỉnh theo dõi"


@pytest.fixture
def draft(api):
    return api.document(CONVERSION, confirm=False)


def take(api, document: dict, passage: dict, **kwargs):
    return api.post(f"/documents/{document['id']}/unassigned/{passage['id']}/task", **kwargs)


def said(name: str) -> list[dict]:
    """What extraction says of each task of an example: confidence, doubts, their codes, recurrence words."""
    extraction = extract(read_bytes((EXAMPLES / name).read_bytes(), name))
    tasks = extraction.to_dict()["tasks"]
    return [
        {"confidence": t["confidence"], "doubts": t["doubts"], "doubt_codes": a.doubts, "recurrence_text": r}
        for t, a, r in zip(tasks, extraction.assessments, [t["recurrence_text"] for t in tasks], strict=True)
    ]


def fields(task: dict) -> dict:
    return {k: task[k] for k in ("confidence", "doubts", "doubt_codes", "recurrence_text")}


def test_tasks_carry_confidence_doubts_and_recurrence_words(api, draft):
    assert [fields(t) for t in draft["tasks"]] == said(CONVERSION)  # as extraction said, in its order
    heading = api.task(draft, FROM_HEADING)
    assert "lead_from_heading" in heading["doubt_codes"] and "cơ quan chủ trì lấy từ tiêu đề" in heading["doubts"]
    assert 0 < heading["confidence"] <= 1
    quarterly = api.task(draft, QUARTERLY)
    assert quarterly["recurrence"] == "quarterly" and quarterly["recurrence_text"] == "hằng quý"
    assert api.post(f"/documents/{draft['id']}/confirm").status_code == 200
    listed = {t["id"]: t for t in api.get("/tasks", params={"document_id": draft["id"]}).json()["items"]}
    assert fields(listed[heading["id"]]) == fields(heading)
    assert fields(api.get(f"/tasks/{heading['id']}").json()) == fields(heading)


def test_tasks_made_in_review_have_no_assessment(api, draft):
    added = api.post(f"/documents/{draft['id']}/tasks", json={"text": "Sở Y tế kiểm tra"}).json()
    assert added["confidence"] is None and added["doubts"] == [] and added["recurrence_text"] is None
    quarterly = api.task(draft, QUARTERLY)
    parts = [{"text": "Văn phòng UBND tỉnh theo dõi"}, {"text": "Định kỳ hằng quý báo cáo"}]
    split = api.post(f"/tasks/{quarterly['id']}/split", json={"parts": parts}).json()
    assert [p["recurrence_text"] for p in split] == ["hằng quý", "hằng quý"]  # inherited like deadline_text
    assert all(p["confidence"] is None for p in split)


def test_the_document_lists_its_unassigned_passages(api, draft):
    passages = draft["unassigned"]
    assert passages, "the conversion notice has passages with an assignment verb but no task"
    for passage in passages:
        assert draft["text"][passage["span_start"] : passage["span_end"]] == passage["text"]
        assert passage["verb"] and passage["reason"] and passage["why"] and passage["task_id"] is None
    assert [p["span_start"] for p in passages] == sorted(p["span_start"] for p in passages)
    assert api.get(f"/documents/{draft['id']}").json()["unassigned"] == passages
    assert api.get(f"/documents/{draft['id']}/unassigned").json() == passages
    assert api.get(f"/documents/{draft['id']}/unassigned", who="viewer").status_code == 404  # a draft
    assert api.get(f"/documents/{draft['id']}/unassigned", who="officer").status_code == 404


def test_a_passage_becomes_a_draft_task_in_one_call(api, draft):
    passage = draft["unassigned"][-1]
    response = take(api, draft, passage)
    assert response.status_code == 201, response.text
    task = response.json()
    assert task["origin"] == "passage" and task["text"] == passage["text"]
    assert task["lead"] == [] and task["coordinators"] == [] and task["deadline"] is None
    assert task["tracked"] is False and task["confidence"] is None and task["doubts"] == []
    detail = api.get(f"/tasks/{task['id']}").json()
    assert (detail["span_start"], detail["span_end"]) == (passage["span_start"], passage["span_end"])
    assert detail["history"][0]["action"] == "add" and detail["history"][0]["after"]["from_passage"] == passage["id"]
    (taken,) = api.audit("passage", passage["id"])
    assert taken.action == "take" and taken.after["task_id"] == task["id"]
    assert taken.user_id == api.user_ids["clerk"]

    document = api.get(f"/documents/{draft['id']}").json()
    assert passage["id"] not in [p["id"] for p in document["unassigned"]]
    assert len(document["unassigned"]) == len(draft["unassigned"]) - 1
    everything = api.get(f"/documents/{draft['id']}/unassigned", params={"include_taken": True}).json()
    (listed,) = [p for p in everything if p["id"] == passage["id"]]
    assert listed["task_id"] == task["id"] and listed["taken_at"]
    starts = [t["text"] for t in document["tasks"]]
    assert starts.index(task["text"]) < starts.index(api.task(document, "Chỉ đạo các xã")["text"])  # reading order

    # The clerk fills in what the passage did not say, and the task is tracked like any other.
    patch = api.patch(f"/tasks/{task['id']}", json={"version": task["version"], "lead": ["Sở Nội vụ"]})
    assert patch.status_code == 200, patch.text
    assert api.post(f"/documents/{draft['id']}/confirm").status_code == 200
    assert api.get(f"/tasks/{task['id']}").json()["tracked"] is True


def test_a_passage_before_every_task_comes_first(api, draft):
    first = draft["unassigned"][0]
    spans = [api.get(f"/tasks/{t['id']}").json()["span_start"] for t in draft["tasks"]]
    assert first["span_start"] < min(spans)
    task = take(api, draft, first).json()
    assert api.get(f"/documents/{draft['id']}").json()["tasks"][0]["id"] == task["id"]


def test_wrong_requests_get_clear_errors_and_change_nothing(api, draft):
    passage = draft["unassigned"][0]
    other = api.document(HEALTH, confirm=False)
    assert other["unassigned"], "the health letter has a passage too"
    before = api.get(f"/documents/{draft['id']}").json()
    unknown = api.post(f"/documents/{draft['id']}/unassigned/99999/task")
    assert unknown.status_code == 404 and unknown.json() == {"detail": "passage 99999 not found"}
    elsewhere = take(api, draft, other["unassigned"][0])
    assert elsewhere.status_code == 404 and "passage" in elsewhere.json()["detail"]
    assert api.post(f"/documents/99999/unassigned/{passage['id']}/task").status_code == 404
    assert api.post(f"/documents/{draft['id']}/unassigned/0/task").status_code == 422
    for who in ("viewer", "officer"):
        assert take(api, draft, passage, who=who).status_code == 403
    assert api.get(f"/documents/{draft['id']}").json() == before

    assert take(api, draft, passage).status_code == 201
    again = take(api, draft, passage)
    assert again.status_code == 409 and "already became task" in again.json()["detail"]

    assert api.post(f"/documents/{other['id']}/confirm").status_code == 200
    late = take(api, other, other["unassigned"][0])
    assert late.status_code == 409 and "confirmed" in late.json()["detail"]


def test_a_session_needs_the_csrf_header_to_take_a_passage(api, draft):
    passage = draft["unassigned"][0]
    login = api.post("/auth/login", who=None, json={"username": "clerk", "password": PASSWORD})
    csrf = login.json()["csrf_token"]
    refused = take(api, draft, passage, who=None)
    assert refused.status_code == 403 and "X-CSRF-Token" in refused.json()["detail"]
    assert take(api, draft, passage, who=None, headers={"X-CSRF-Token": csrf}).status_code == 201
