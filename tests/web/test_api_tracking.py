"""Following tasks up: progress, contributions, completion with evidence, deadline extensions."""

from __future__ import annotations

from datetime import date

import pytest
from apiclient import CONVERSION, MAX_UPLOAD

TTTT = "Sở Thông tin và Truyền thông"


@pytest.fixture
def plan(api):
    """The conversion notice's first task: lead Sở TT&TT, coordinators Sở Tài chính and Sở KH&ĐT,
    due 30/4/2024."""
    document = api.document(CONVERSION)
    return api.task(document, "Chủ trì, phối hợp với Sở Tài chính")


def test_lead_agency_reports_progress(api, plan):
    response = api.post(f"/tasks/{plan['id']}/progress", who="officer", json={"percent": 40, "note": "Đã có dự thảo"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["report"]["kind"] == "progress" and body["report"]["percent"] == 40
    assert body["report"]["agency_id"] is not None
    assert body["task"]["progress"] == 40 and body["task"]["status"] == "in_progress"
    history = api.audit("task", plan["id"])
    assert history[-1].action == "report_progress"
    assert history[-1].before == {"status": "assigned", "progress": 0}
    assert history[-1].after["progress"] == 40 and history[-1].after["status"] == "in_progress"


def test_coordinator_reports_a_contribution_that_leaves_the_task_as_it_is(api, plan):
    response = api.post(f"/tasks/{plan['id']}/progress", who="finance", json={"percent": 100, "note": "Đã cân đối"})
    assert response.status_code == 201, response.text
    assert response.json()["report"]["kind"] == "contribution"
    assert response.json()["task"]["progress"] == 0 and response.json()["task"]["status"] == "assigned"
    refused = api.post(f"/tasks/{plan['id']}/progress", who="finance", json={"kind": "completion", "note": "xong"})
    assert refused.status_code == 403


def test_others_cannot_report(api, plan):
    assert api.post(f"/tasks/{plan['id']}/progress", who="health", json={"percent": 10}).status_code == 404
    assert api.post(f"/tasks/{plan['id']}/progress", who="viewer", json={"percent": 10}).status_code == 403


def test_completion_on_time(api, plan):
    api.today = date(2024, 4, 26)
    response = api.post(
        f"/tasks/{plan['id']}/progress",
        who="officer",
        json={"kind": "completion", "note": "Kế hoạch số 45/KH-UBND đã ban hành"},
    )
    assert response.status_code == 201, response.text
    task = response.json()["task"]
    assert task["status"] == "done" and task["completed_on"] == "2024-04-26" and task["progress"] == 100
    assert task["timing_state"] == "done_on_time"
    listed = api.get("/tasks", params={"timing_state": "done_on_time"}).json()
    assert [t["id"] for t in listed["items"]] == [plan["id"]]
    again = api.post(f"/tasks/{plan['id']}/progress", who="officer", json={"percent": 100})
    assert again.status_code == 409


def test_completion_late_with_an_attached_file(api, plan):
    api.today = date(2024, 5, 6)
    response = api.post(
        f"/tasks/{plan['id']}/progress",
        who="officer",
        data={"kind": "completion", "note": ""},
        files=[("attachments", ("ke-hoach.pdf", b"%PDF-1.4 evidence", "application/pdf"))],
    )
    assert response.status_code == 201, response.text
    report = response.json()["report"]
    assert report["kind"] == "completion"
    assert [(a["filename"], a["size"], a["media_type"]) for a in report["attachments"]] == [
        ("ke-hoach.pdf", 17, "application/pdf")
    ]
    assert response.json()["task"]["timing_state"] == "done_late"
    assert api.get("/tasks", params={"timing_state": "done_late"}).json()["total"] == 1
    download = api.get(f"/attachments/{report['attachments'][0]['id']}", who="finance")
    assert download.status_code == 200 and download.content == b"%PDF-1.4 evidence"
    assert api.get(f"/attachments/{report['attachments'][0]['id']}", who="health").status_code == 404
    detail = api.get(f"/tasks/{plan['id']}").json()
    assert [r["kind"] for r in detail["progress_reports"]] == ["completion"]


def test_completion_needs_evidence(api, plan):
    response = api.post(f"/tasks/{plan['id']}/progress", who="officer", json={"kind": "completion"})
    assert response.status_code == 422
    assert "evidence" in response.json()["detail"]


def test_progress_form_with_several_files(api, plan):
    files = [("attachments", (f"anh-{n}.jpg", b"\xff\xd8" + bytes([n]) * 10, "image/jpeg")) for n in range(3)]
    response = api.post(
        f"/tasks/{plan['id']}/progress", who="clerk", data={"percent": "60", "note": "Ảnh hiện trường"}, files=files
    )
    assert response.status_code == 201, response.text
    assert len(response.json()["report"]["attachments"]) == 3
    assert response.json()["task"]["progress"] == 60


def test_progress_body_is_validated(api, plan):
    url = f"/tasks/{plan['id']}/progress"
    assert api.post(url, who="officer", json={"percent": 120}).status_code == 422
    bad_form = api.post(url, who="officer", data={"percent": "many"})
    assert bad_form.status_code == 422 and bad_form.json()["detail"][0]["loc"] == ["body", "percent"]
    assert api.post(url, who="officer", json={"kind": "finished"}).status_code == 422
    broken = api.post(url, who="officer", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 422
    text = api.post(url, who="officer", content=b"percent=1", headers={"Content-Type": "text/plain"})
    assert text.status_code == 415


def test_attachment_too_large_is_refused_and_nothing_is_stored(api, plan):
    files = [("attachments", ("big.bin", b"z" * (MAX_UPLOAD + 1), "application/octet-stream"))]
    response = api.post(f"/tasks/{plan['id']}/progress", who="officer", data={"note": "x"}, files=files)
    assert response.status_code == 413
    assert api.get(f"/tasks/{plan['id']}").json()["progress_reports"] == []


def test_drafts_take_no_reports(api):
    draft = api.document(CONVERSION, confirm=False)
    task = draft["tasks"][0]
    response = api.post(f"/tasks/{task['id']}/progress", who="clerk", json={"percent": 10})
    assert response.status_code == 409


def test_extension_request_and_approval_keep_the_original_deadline(api, plan):
    api.today = date(2024, 4, 20)
    url = f"/tasks/{plan['id']}/extensions"
    asked = api.post(url, who="officer", json={"requested_deadline": "2024-05-31", "reason": "Chờ ý kiến các sở"})
    assert asked.status_code == 201, asked.text
    extension = asked.json()["extension"]
    assert extension["status"] == "pending" and extension["original_deadline"] == "2024-04-30"
    assert asked.json()["task"]["deadline"] == "2024-04-30"  # unchanged until decided
    assert api.post(url, who="officer", json={"requested_deadline": "2024-06-30"}).status_code == 409
    decision = f"/extensions/{extension['id']}/decision"
    assert api.post(decision, who="officer", json={"decision": "approve"}).status_code == 403
    approved = api.post(decision, who="clerk", json={"decision": "approve", "note": "Đồng ý"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["extension"]["status"] == "approved"
    assert approved.json()["extension"]["original_deadline"] == "2024-04-30"
    assert approved.json()["task"]["deadline"] == "2024-05-31"
    assert api.post(decision, json={"decision": "refuse"}).status_code == 409
    history = api.audit("task", plan["id"])
    change = next(h for h in history if h.action == "extension_approved")
    assert change.before == {"deadline": "2024-04-30"}
    assert change.after["deadline"] == "2024-05-31" and change.after["original_deadline"] == "2024-04-30"
    detail = api.get(f"/tasks/{plan['id']}").json()
    assert [e["status"] for e in detail["extensions"]] == ["approved"]
    assert [h["action"] for h in detail["history"]] == ["extension_request", "extension_approved"]


def test_extension_refusal_leaves_the_deadline(api, plan):
    asked = api.post(f"/tasks/{plan['id']}/extensions", who="clerk", json={"requested_deadline": "2024-06-15"})
    extension = asked.json()["extension"]
    refused = api.post(f"/extensions/{extension['id']}/decision", json={"decision": "refuse", "note": "Không"})
    assert refused.json()["extension"]["status"] == "refused"
    assert refused.json()["task"]["deadline"] == "2024-04-30"
    pending = api.get("/extensions", params={"status": "pending"}).json()
    assert pending["total"] == 0
    assert api.get("/extensions", params={"status": "refused"}).json()["total"] == 1


def test_extension_rules(api, plan):
    url = f"/tasks/{plan['id']}/extensions"
    assert api.post(url, who="finance", json={"requested_deadline": "2024-05-31"}).status_code == 403
    assert api.post(url, who="viewer", json={"requested_deadline": "2024-05-31"}).status_code == 403
    assert api.post(url, who="health", json={"requested_deadline": "2024-05-31"}).status_code == 404
    earlier = api.post(url, who="officer", json={"requested_deadline": "2024-04-15"})
    assert earlier.status_code == 422
    assert api.post(url, who="officer", json={"requested_deadline": "soon"}).status_code == 422
    assert api.post("/extensions/999/decision", json={"decision": "approve"}).status_code == 404
    asked = api.post(url, who="officer", json={"requested_deadline": "2024-05-31"}).json()["extension"]
    bad = api.post(f"/extensions/{asked['id']}/decision", json={"decision": "maybe"})
    assert bad.status_code == 422
    foreign = api.post(f"/extensions/{asked['id']}/decision", who="health", json={"decision": "approve"})
    assert foreign.status_code == 404
