"""Listing, reading and changing tasks: filters, search, paging, scope, roles, optimistic locking."""

from __future__ import annotations

from datetime import date

import pytest
from apiclient import CONVERSION, HEALTH
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from chidao.store.models import Task, User
from chidao.tracking import review
from chidao.web import schemas

TTTT = "Sở Thông tin và Truyền thông"


@pytest.fixture
def docs(api):
    """The conversion notice (9 tasks) and the health letter (3 tasks), both confirmed."""
    return api.document(CONVERSION), api.document(HEALTH)


def listed(api, who="clerk", **params):
    response = api.get("/tasks", who=who, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def texts(page) -> list[str]:
    return [t["text"] for t in page["items"]]


def test_list_items_have_the_documented_fields(api, docs):
    page = listed(api)
    assert page["total"] == 12 and page["page"] == 1 and page["per_page"] == 50
    item = next(t for t in page["items"] if t["text"].startswith("Chủ trì, phối hợp với Sở Tài chính"))
    assert item["lead"] == [TTTT]
    assert item["coordinators"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert item["deadline"] == "2024-04-30" and item["deadline_text"] == "trước ngày 30/4/2024"
    assert item["status"] == "assigned" and item["timing_state"] == "not_due" and item["progress"] == 0
    assert item["document_id"] == docs[0]["id"] and item["version"] >= 1 and item["recurrence"] is None


def test_the_list_writes_the_bytes_of_its_documented_model(api, docs):
    """The list writes its page as plain values (views.task_item), not through the model: the
    bytes must be what ``Page[TaskPublic]`` writes, for every kind of value a task holds."""
    with api.session() as session, session.begin():
        tasks = list(session.scalars(select(Task).order_by(Task.id)))
        first, second, third = tasks[:3]
        first.confidence, first.recurrence, first.recurrence_text = 1, "monthly", "hằng tháng"
        first.recurrence_day, first.recurrence_until = "25", date(2025, 12, 25)
        first.doubts = [{"code": "lead_from_heading", "label": 'Đơn vị "chủ trì" <lấy> từ tiêu đề'}]
        second.confidence, second.text = 0.1 + 0.2, "Dòng một\nDòng hai\t“trích” \\ & 😀 \u0007"
        second.deadline, second.status, second.completed_on = date(2024, 4, 30), "done", date(2024, 5, 2)
        third.confidence, third.deadline, third.status = None, None, "cancelled"
    response = api.get("/tasks", params={"per_page": 200})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    page = schemas.Page[schemas.TaskPublic].model_validate_json(response.content)
    assert response.content == page.model_dump_json(by_alias=True).encode()
    assert len(page.items) == 12 and {t.timing_state for t in page.items} >= {"done_late", "cancelled", "not_due"}
    assert response.json()["items"][[t.id for t in page.items].index(first.id)]["confidence"] == 1.0


def test_filter_by_agency_and_role(api, docs):
    assert listed(api, agency=TTTT)["total"] == 4
    assert listed(api, agency="so thong tin va truyen thong", role="lead")["total"] == 3
    coordinated = listed(api, agency=TTTT, role="coordinator")
    assert [t["lead"] for t in coordinated["items"]] == [["Sở Nội vụ"]]
    assert listed(api, agency="Sở Y tế")["total"] == 1


def test_filter_by_status_repeated_or_comma_separated(api, docs):
    task = docs[0]["tasks"][0]
    api.patch(f"/tasks/{task['id']}", json={"version": task["version"], "status": "in_progress"})
    assert texts(listed(api, status="in_progress")) == [task["text"]]
    assert listed(api, status="assigned,in_progress")["total"] == 12
    assert listed(api, status=["assigned", "in_progress"])["total"] == 12
    assert listed(api, status="done")["total"] == 0


def test_filter_by_timing_state_follows_today(api, docs):
    api.today = date(2024, 4, 1)
    overdue = listed(api, timing_state="overdue")
    # with the first rounds of the monthly (25/3) and quarterly (31/3) reports of the notice of 15/3
    assert [t["deadline"] for t in overdue["items"]] == ["2024-03-25", "2024-03-29", "2024-03-31"]
    assert listed(api, timing_state="no_deadline")["total"] == 2
    assert listed(api, timing_state="overdue,no_deadline")["total"] == 5
    assert listed(api, timing_state="due_soon")["total"] == 0
    api.today = date(2024, 4, 25)
    soon = listed(api, timing_state="due_soon")
    assert [t["deadline"] for t in soon["items"]] == ["2024-04-30"]
    assert all(t["timing_state"] == "due_soon" for t in soon["items"])
    assert listed(api, timing_state=["overdue"])["total"] == 3  # rounds stay overdue until reported


def test_filter_by_deadline_range_and_document(api, docs):
    window = listed(api, deadline_from="2024-05-01", deadline_to="2024-06-30")
    assert [t["deadline"] for t in window["items"]] == ["2024-05-31", "2024-06-30"]
    # 31/8 (health), 30/9, and the first weekly (9/8) and daily (5/8) rounds of the health letter of 5/8
    assert listed(api, deadline_from="2024-08-01")["total"] == 4
    assert listed(api, document_id=docs[1]["id"])["total"] == 3


def test_search_without_diacritics(api, docs):
    found = listed(api, q="chuyen doi so")
    assert found["total"] == 2
    assert all("chuyển đổi số" in t for t in texts(found))
    assert listed(api, q="CHUYỂN ĐỔI SỐ")["total"] == 2
    added = api.post(
        f"/documents/{docs[0]['id']}/tasks",
        json={"text": "Phối hợp với tỉnh Đắk Nông trao đổi kinh nghiệm chuyển đổi số", "lead": [TTTT]},
    )
    assert added.status_code == 201, added.text
    assert texts(listed(api, q="dak nong")) == [added.json()["text"]]
    assert listed(api, q="đắk nông")["total"] == 1
    assert listed(api, q="so thong tin", agency="Sở Nội vụ")["total"] == 1  # agency names are searched too
    assert listed(api, q="khong co dau vet nao")["total"] == 0


def test_pagination_and_sorting(api, docs):
    first = listed(api, per_page=5, sort="deadline")
    second = listed(api, per_page=5, page=2, sort="deadline")
    third = listed(api, per_page=5, page=3, sort="deadline")
    assert first["total"] == second["total"] == third["total"] == 12
    assert [len(p["items"]) for p in (first, second, third)] == [5, 5, 2]
    ids = [t["id"] for p in (first, second, third) for t in p["items"]]
    assert len(set(ids)) == 12
    deadlines = [t["deadline"] for p in (first, second) for t in p["items"] if t["deadline"]]
    assert deadlines == sorted(deadlines) and deadlines[0] == "2024-03-25"  # the monthly report's first round
    newest = listed(api, sort="-created", per_page=1)["items"][0]
    assert newest["id"] == max(ids)
    assert listed(api, page=9)["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"status": "finished"},
        {"status": "assigned,nope"},
        {"timing_state": "late"},
        {"deadline_from": "2024-13-01"},
        {"deadline_to": "tomorrow"},
        {"role": "boss"},
        {"sort": "priority"},
        {"page": 0},
        {"per_page": 0},
        {"per_page": 201},
        {"document_id": "abc"},
    ],
)
def test_invalid_parameters_answer_422_with_the_field(api, params):
    response = api.get("/tasks", params=params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list)
    assert detail[0]["loc"] == ["query", next(iter(params))]


def test_agency_officer_sees_only_its_tasks(api, docs):
    mine = listed(api, who="officer")
    assert mine["total"] == 4
    assert all(TTTT in t["lead"] + t["coordinators"] for t in mine["items"])
    assert listed(api, who="officer", role="coordinator")["total"] == 1
    assert listed(api, who="officer", agency="Sở Y tế")["total"] == 0
    assert listed(api, who="officer", include_drafts=True)["total"] == 4


def test_foreign_task_answers_404_in_get_and_patch(api, docs):
    health_task = docs[1]["tasks"][0]
    url = f"/tasks/{health_task['id']}"
    assert api.get(url, who="officer").status_code == 404
    refused = api.patch(url, who="officer", json={"version": health_task["version"], "progress": 10})
    assert refused.status_code == 404
    assert refused.json() == {"detail": f"task {health_task['id']} not found"}
    assert api.get(url, who="health").status_code == 200
    assert api.get("/tasks/999999").status_code == 404


def test_draft_tasks_are_the_offices_alone(api):
    """A document under review is the office's work in progress: officers and leaders get 404
    for its tasks and never list them, as the pages do (issue 10: the API used to show them)."""
    draft = api.document(CONVERSION, confirm=False)
    task = draft["tasks"][0]
    assert api.get(f"/tasks/{task['id']}", who="officer").status_code == 404
    assert api.get(f"/tasks/{task['id']}", who="viewer").status_code == 404
    assert api.get(f"/tasks/{task['id']}").status_code == 200
    assert api.get(f"/documents/{draft['id']}", who="viewer").status_code == 404
    assert draft["id"] not in [d["id"] for d in api.get("/documents", who="viewer").json()["items"]]
    assert api.get("/documents", who="viewer").json()["total"] == 0
    assert listed(api)["total"] == 0
    assert listed(api, include_drafts=True)["total"] == 9
    assert listed(api, who="viewer", include_drafts=True)["total"] == 0
    api.post(f"/documents/{draft['id']}/confirm", json={})
    assert api.get(f"/tasks/{task['id']}", who="viewer").status_code == 200
    assert api.get(f"/documents/{draft['id']}", who="viewer").status_code == 200


def test_task_detail_has_assignments_and_history(api, docs):
    task = docs[0]["tasks"][0]
    api.patch(f"/tasks/{task['id']}", json={"version": task["version"], "progress": 20})
    detail = api.get(f"/tasks/{task['id']}", who="viewer").json()
    assert detail["document"]["number"] == "125/TB-UBND"
    assert [(a["agency"], a["role"]) for a in detail["assignments"]] == [
        (TTTT, "lead"),
        ("Sở Tài chính", "coordinator"),
        ("Sở Kế hoạch và Đầu tư", "coordinator"),
    ]
    assert detail["proposed"]["deadline"] == "2024-04-30"
    assert detail["span_start"] < detail["span_end"]
    assert [h["action"] for h in detail["history"]] == ["update"]
    assert detail["history"][0]["before"] == {"progress": 0} and detail["history"][0]["after"]["progress"] == 20
    assert detail["progress_reports"] == [] and detail["extensions"] == []


def test_viewer_cannot_change_anything(api, docs):
    task = docs[0]["tasks"][0]
    response = api.patch(f"/tasks/{task['id']}", who="viewer", json={"version": task["version"], "progress": 50})
    assert response.status_code == 403
    assert api.delete(f"/tasks/{task['id']}", who="viewer").status_code == 403
    assert api.get(f"/tasks/{task['id']}").json()["progress"] == 0


def test_agency_officer_changes_only_status_and_progress_of_tasks_it_leads(api, docs):
    led = docs[0]["tasks"][0]
    url = f"/tasks/{led['id']}"
    changed = api.patch(url, who="officer", json={"version": led["version"], "status": "in_progress", "progress": 30})
    assert changed.status_code == 200, changed.text
    version = changed.json()["version"]
    assert changed.json()["status"] == "in_progress" and version == led["version"] + 1
    assert api.patch(url, who="officer", json={"version": version, "deadline": "2024-12-31"}).status_code == 403
    assert api.patch(url, who="officer", json={"version": version, "status": "done"}).status_code == 403
    assert api.patch(url, who="officer", json={"version": version, "status": "cancelled"}).status_code == 403
    assert api.patch(url, who="officer", json={"version": version, "status": "paused"}).status_code == 200
    coordinated = next(t for t in docs[0]["tasks"] if t["lead"] == ["Sở Nội vụ"])
    body = {"version": coordinated["version"], "progress": 10}
    response = api.patch(f"/tasks/{coordinated['id']}", who="officer", json=body)
    assert response.status_code == 403


def test_clerk_changes_every_field(api, docs):
    task = docs[0]["tasks"][0]
    body = {
        "version": task["version"],
        "text": "Xây dựng Kế hoạch chuyển đổi số năm 2024",
        "lead": ["Sở Nội vụ"],
        "coordinators": [TTTT],
        "deadline": "2024-05-15",
        "deadline_text": "trước ngày 15/5/2024",
        "recurrence": "monthly",
        "status": "done",
    }
    response = api.patch(f"/tasks/{task['id']}", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert {k: result[k] for k in body if k != "version"} == {k: v for k, v in body.items() if k != "version"}
    assert result["progress"] == 100 and result["completed_on"] == "2024-04-01"
    assert listed(api, agency="Sở Nội vụ", role="lead")["total"] == 2
    assert listed(api, q="noi vu xay dung")["total"] == 1  # the search text follows the change
    cleared = api.patch(f"/tasks/{task['id']}", json={"version": result["version"], "deadline": None})
    assert cleared.json()["deadline"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"progress": 5},  # no version
        {"version": 1, "progress": 101},
        {"version": 1, "status": "finished"},
        {"version": 1, "text": ""},
        {"version": 1, "text": None},
        {"version": 1, "lead": None},
        {"version": 1, "recurrence": "hourly"},
        {"version": 1, "deadline": "30/4/2024"},
        {"version": 1, "colour": "red"},
    ],
)
def test_invalid_changes_answer_422(api, docs, body):
    task = docs[0]["tasks"][0]
    assert api.patch(f"/tasks/{task['id']}", json=body).status_code == 422


def test_stale_version_answers_409_and_overwrites_nothing(api, docs):
    task = docs[0]["tasks"][0]
    url = f"/tasks/{task['id']}"
    read = task["version"]
    first = api.patch(url, json={"version": read, "progress": 40})
    assert first.status_code == 200 and first.json()["version"] == read + 1
    second = api.patch(url, who="officer", json={"version": read, "progress": 90})
    assert second.status_code == 409
    assert "conflict" in second.json()["detail"]
    current = api.get(url).json()
    assert current["progress"] == 40 and current["version"] == read + 1
    assert api.patch(url, who="officer", json={"version": read + 1, "progress": 90}).status_code == 200


def test_concurrent_writers_are_stopped_by_the_version_column(api, docs):
    """Two sessions read version 1; the first to write wins, the second's flush fails (→ 409)."""
    task_id = docs[0]["tasks"][0]["id"]
    with api.session() as first, api.session() as second:
        clerk = first.scalar(select(User).where(User.username == "clerk"))
        mine = first.get(Task, task_id)
        read = mine.version
        theirs = second.get(Task, task_id)
        theirs.progress = 70
        second.commit()
        with pytest.raises(StaleDataError):
            review.update_task(
                session=first, task=mine, user=clerk, changes={"progress": 10}, version=read, today=date(2024, 4, 1)
            )
    assert api.get(f"/tasks/{task_id}").json()["progress"] == 70


def test_occurrences_of_a_monthly_task(api, docs):
    monthly = next(t for t in docs[0]["tasks"] if t["recurrence"] == "monthly")
    response = api.get(f"/tasks/{monthly['id']}/occurrences", params={"from": "2024-04-01", "to": "2024-06-30"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["from"] == "2024-04-01" and body["to"] == "2024-06-30"
    # "trước ngày 25 hằng tháng": the 25th of each month
    assert [o["due_on"] for o in body["items"]] == ["2024-04-25", "2024-05-25", "2024-06-25"]
    assert body["items"][0]["timing_state"] == "not_due"


def test_occurrences_of_other_recurrences(api, docs):
    quarterly = next(t for t in docs[0]["tasks"] if t["recurrence"] == "quarterly")
    rounds = api.get(f"/tasks/{quarterly['id']}/occurrences", params={"from": "2024-01-01", "to": "2024-12-31"})
    assert [o["due_on"] for o in rounds.json()["items"]] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
    weekly = next(t for t in docs[1]["tasks"] if t["recurrence"] == "weekly")
    # rounds start on the letter's date, 5/8/2024 (a Monday)
    rounds = api.get(f"/tasks/{weekly['id']}/occurrences", params={"from": "2024-04-01", "to": "2024-08-31"})
    assert [o["due_on"] for o in rounds.json()["items"]] == ["2024-08-09", "2024-08-16", "2024-08-23", "2024-08-30"]
    daily = next(t for t in docs[1]["tasks"] if t["recurrence"] == "daily")
    rounds = api.get(f"/tasks/{daily['id']}/occurrences", params={"from": "2024-08-30", "to": "2024-09-05"})
    # 31/8-3/9 are the National Day holidays and the weekend
    days = [o["due_on"] for o in rounds.json()["items"]]
    assert days == ["2024-08-30", "2024-09-04", "2024-09-05"]
    once = next(t for t in docs[0]["tasks"] if t["deadline"] == "2024-04-30")
    rounds = api.get(f"/tasks/{once['id']}/occurrences", params={"from": "2024-01-01", "to": "2024-12-31"})
    assert [o["due_on"] for o in rounds.json()["items"]] == ["2024-04-30"]


def test_occurrences_range_is_checked(api, docs):
    task = docs[0]["tasks"][0]
    url = f"/tasks/{task['id']}/occurrences"
    backwards = api.get(url, params={"from": "2024-05-01", "to": "2024-04-01"})
    assert backwards.status_code == 422 and backwards.json()["detail"][0]["loc"] == ["query", "to"]
    assert api.get(url, params={"from": "2000-01-01", "to": "2024-01-01"}).status_code == 422
    assert api.get(url, params={"from": "yesterday"}).status_code == 422
    assert api.get(url).status_code == 200  # this year by default
    health = docs[1]["tasks"][0]
    assert api.get(f"/tasks/{health['id']}/occurrences", who="officer").status_code == 404


def test_a_cancelled_task_reads_back_with_its_own_timing_state(api, docs):
    task = docs[0]["tasks"][0]
    response = api.patch(f"/tasks/{task['id']}", json={"version": task["version"], "status": "cancelled"})
    assert response.status_code == 200, response.text
    assert response.json()["timing_state"] == "cancelled"
    assert api.get(f"/tasks/{task['id']}").json()["timing_state"] == "cancelled"
    listed = api.get("/tasks", params={"timing_state": "cancelled"}).json()
    assert [t["id"] for t in listed["items"]] == [task["id"]] and listed["total"] == 1
    overdue = api.get("/tasks", params={"timing_state": "overdue"}).json()["items"]
    assert task["id"] not in [t["id"] for t in overdue]
