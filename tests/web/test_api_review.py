"""Reviewing a draft: edit, delete, split, merge and add tasks, confirm, and the extraction statistics."""

from __future__ import annotations

import pytest
from apiclient import CONVERSION, HEALTH

TTTT = "Sở Thông tin và Truyền thông"


@pytest.fixture
def draft(api):
    return api.document(CONVERSION, confirm=False)


def review(api, draft) -> dict:
    """Edit one task, delete one, split one in two, merge two, add one; returns the ids involved."""
    edited = api.task(draft, "Giao Sở Nội vụ chủ trì")
    deleted = api.task(draft, "Chỉ đạo các xã")
    split = api.task(draft, "Văn phòng UBND tỉnh theo dõi")
    merged = [api.task(draft, "Sở Tài chính, Sở Kế hoạch"), api.task(draft, "Phối hợp với các doanh nghiệp")]
    patch = api.patch(f"/tasks/{edited['id']}", json={"version": edited["version"], "deadline": "2024-06-15"})
    assert patch.status_code == 200, patch.text
    assert api.delete(f"/tasks/{deleted['id']}").status_code == 200
    parts = [
        {"text": "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện"},
        {"text": "Định kỳ hằng quý tổng hợp, báo cáo Chủ tịch UBND tỉnh", "recurrence": "quarterly"},
    ]
    split_response = api.post(f"/tasks/{split['id']}/split", json={"parts": parts, "version": split["version"]})
    assert split_response.status_code == 201, split_response.text
    merge_response = api.post("/tasks/merge", json={"task_ids": [t["id"] for t in merged]})
    assert merge_response.status_code == 201, merge_response.text
    added = api.post(
        f"/documents/{draft['id']}/tasks",
        json={
            "text": "Sở Thông tin và Truyền thông tổ chức tập huấn chuyển đổi số cho cán bộ cấp xã",
            "lead": [TTTT],
            "coordinators": ["Sở Nội vụ"],
            "deadline": "2024-08-31",
            "deadline_text": "trước ngày 31/8/2024",
        },
    )
    assert added.status_code == 201, added.text
    return {
        "edited": edited["id"],
        "deleted": deleted["id"],
        "split": split["id"],
        "parts": [t["id"] for t in split_response.json()],
        "merged_from": [t["id"] for t in merged],
        "merged": merge_response.json()["id"],
        "added": added.json()["id"],
        "split_response": split_response.json(),
        "merge_response": merge_response.json(),
        "added_response": added.json(),
    }


def test_review_operations_shape_the_tasks(api, draft):
    done = review(api, draft)
    first, second = done["split_response"]
    assert first["origin"] == second["origin"] == "split"
    assert first["lead"] == ["Văn phòng Ủy ban nhân dân tỉnh"]  # inherited from the original
    assert first["recurrence"] == "quarterly" and second["recurrence"] == "quarterly"
    merged = done["merge_response"]
    assert merged["origin"] == "merged"
    assert merged["lead"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Ủy ban nhân dân các huyện, thành phố"]
    assert merged["coordinators"] == ["Các doanh nghiệp viễn thông"]
    assert merged["deadline"] == "2024-09-30"
    assert merged["text"].startswith("Sở Tài chính, Sở Kế hoạch")
    assert "\nPhối hợp với các doanh nghiệp" in merged["text"]
    assert done["added_response"]["origin"] == "added" and done["added_response"]["tracked"] is False

    document = api.get(f"/documents/{draft['id']}").json()
    ids = [t["id"] for t in document["tasks"]]
    assert len(ids) == 9 - 1 - 1 - 2 + 2 + 1 + 1
    for gone in (done["deleted"], done["split"], *done["merged_from"]):
        assert gone not in ids
    assert ids.index(done["parts"][0]) + 1 == ids.index(done["parts"][1])  # in the original's place
    assert ids[-1] == done["added"]
    with_deleted = api.get(f"/documents/{draft['id']}", params={"include_deleted": True}).json()
    assert len(with_deleted["tasks"]) == 13


def test_review_operations_are_audited_against_the_proposal(api, draft):
    done = review(api, draft)
    edit = api.audit("task", done["edited"])
    assert [e.action for e in edit] == ["review_edit"]
    assert edit[0].before == {"deadline": "2024-05-31"}
    assert edit[0].after == {"deadline": "2024-06-15", "differs_from_proposed": ["deadline"]}
    assert edit[0].user_id == api.user_ids["clerk"]
    deletion = api.audit("task", done["deleted"])
    assert [e.action for e in deletion] == ["delete"]
    assert deletion[0].after["proposed"]["lead"] == ["Ủy ban nhân dân các huyện, thành phố"]
    split = api.audit("task", done["split"])
    assert [e.action for e in split] == ["split"] and split[0].after["into"] == done["parts"]
    assert split[0].before["proposed"]["recurrence"] == "quarterly"
    assert api.audit("task", done["parts"][0])[0].after["split_from"] == done["split"]
    for source in done["merged_from"]:
        assert api.audit("task", source)[0].after == {"deleted": True, "merged_into": done["merged"]}
    assert api.audit("task", done["merged"])[0].after["merged_from"] == done["merged_from"]
    assert api.audit("task", done["added"])[0].action == "add"
    assert [e.action for e in api.audit("document", draft["id"])] == ["ingest"]


def test_confirm_after_review_and_extraction_statistics(api, draft):
    done = review(api, draft)
    before = api.get("/stats/extraction").json()
    assert before["documents"] == 0 and before["tasks"] == 0  # drafts are not counted by default
    assert api.get("/stats/extraction", params={"include_drafts": True}).json()["tasks"] == 13
    confirmed = api.post(f"/documents/{draft['id']}/confirm")
    assert confirmed.status_code == 200
    tracked = api.get("/tasks", params={"document_id": draft["id"]}).json()
    assert tracked["total"] == 9
    assert done["added"] in [t["id"] for t in tracked["items"]]
    assert api.audit("document", draft["id"])[-1].action == "confirm"

    stats = api.get("/stats/extraction", who="viewer").json()
    assert stats["documents"] == 1 and stats["tasks"] == 13 and stats["proposed"] == 9
    assert stats["counts"] == {"unchanged": 4, "edited": 1, "added": 4, "deleted": 4}
    assert stats["shares"]["unchanged"] == round(4 / 13, 4)
    assert stats["fields"]["deadline"] == {"changed": 1, "unchanged": 4, "share_changed": 0.2}
    assert all(stats["fields"][f]["changed"] == 0 for f in ("text", "lead", "coordinators", "recurrence"))
    assert api.get("/stats/extraction", who="officer").status_code == 403


def test_untouched_confirmed_document_is_all_unchanged(api):
    api.document(HEALTH, confirm=True)
    stats = api.get("/stats/extraction").json()
    assert stats["counts"] == {"unchanged": 3, "edited": 0, "added": 0, "deleted": 0}
    assert stats["shares"]["unchanged"] == 1.0


@pytest.mark.parametrize("who", ["viewer", "officer"])
def test_only_the_office_reviews(api, draft, who):
    task = draft["tasks"][0]
    assert api.delete(f"/tasks/{task['id']}", who=who).status_code == 403
    split = {"parts": [{"text": "a"}, {"text": "b"}]}
    assert api.post(f"/tasks/{task['id']}/split", who=who, json=split).status_code == 403
    merge = {"task_ids": [t["id"] for t in draft["tasks"][:2]]}
    assert api.post("/tasks/merge", who=who, json=merge).status_code == 403
    assert api.post(f"/documents/{draft['id']}/tasks", who=who, json={"text": "x"}).status_code == 403


def test_review_requests_are_checked(api, draft):
    task, other = draft["tasks"][0], draft["tasks"][1]
    assert api.post(f"/tasks/{task['id']}/split", json={"parts": [{"text": "only one"}]}).status_code == 422
    stale = {"parts": [{"text": "a"}, {"text": "b"}], "version": task["version"] - 1}
    assert api.post(f"/tasks/{task['id']}/split", json=stale).status_code == 409
    assert api.post("/tasks/merge", json={"task_ids": [task["id"]]}).status_code == 422
    assert api.post("/tasks/merge", json={"task_ids": [task["id"], task["id"]]}).status_code == 422
    assert api.post("/tasks/merge", json={"task_ids": [task["id"], 99999]}).status_code == 404
    health = api.document(HEALTH, confirm=False)
    across = api.post("/tasks/merge", json={"task_ids": [task["id"], health["tasks"][0]["id"]]})
    assert across.status_code == 422
    assert api.post(f"/documents/{draft['id']}/tasks", json={"text": "   "}).status_code == 422
    assert api.post(f"/documents/{draft['id']}/tasks", json={"lead": [TTTT]}).status_code == 422
    assert api.post("/documents/9999/tasks", json={"text": "x"}).status_code == 404
    assert api.delete(f"/tasks/{other['id']}").status_code == 200
    assert api.delete(f"/tasks/{other['id']}").status_code == 409
    assert api.post("/tasks/merge", json={"task_ids": [task["id"], other["id"]]}).status_code == 409
    stale_delete = api.delete(f"/tasks/{task['id']}", params={"version": task["version"] + 5})
    assert stale_delete.status_code == 409
