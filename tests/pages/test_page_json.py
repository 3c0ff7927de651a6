"""Every page area answers ``?format=json`` with the data its template gets (issue 9: one view,
HTML or JSON): dates ISO, codes as their values, rows without files or secrets, and the same
login, scope and 403/404 rules as the HTML page."""

from __future__ import annotations

import pytest
from pagekit import PLAN, TTTT, conversion
from siteclient import HEALTH
from sqlalchemy import text

from chidao.vocab import TaskStatus, TimingState
from chidao.web.schemas import TaskPublic


@pytest.fixture
def notices(site):
    """The conversion notice confirmed (today 1/4/2024: one task overdue) and a health notice
    still under review."""
    document, plan = conversion(site)
    draft = site.document(HEALTH, confirm=False)
    return document, plan, draft


def as_json(browser, path: str, code: int = 200) -> dict:
    separator = "&" if "?" in path else "?"
    response = browser.get(f"{path}{separator}format=json")
    assert response.status_code == code, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    assert "password_hash" not in response.text and "csrf_token" not in response.text
    return response.json()


def agency_id(site, name: str) -> int:
    with site.engine.connect() as connection:
        return connection.scalar(text("SELECT id FROM agencies WHERE name = :n"), {"n": name})


def test_the_dashboard(site, notices):
    data = as_json(site.login("viewer"), "/")
    assert data["title"] == "Tổng quan" and data["today"] == "2024-04-01"
    assert set(data["counts"]) <= set(TimingState.values()) and data["counts"]["overdue"] >= 1
    assert data["total"] == sum(data["counts"].values()) > 0
    assert any(row["agency"] == "Công an tỉnh" and row["overdue"] == 1 for row in data["overdue"])
    assert data["chart"]["bars"][0]["full_label"] == data["overdue"][0]["agency"]
    assert "status=assigned" in data["week_url"]


def test_the_task_list(site, notices):
    document, plan, _ = notices
    data = as_json(site.login("clerk"), "/tasks?status=assigned&per_page=20")
    assert data["statuses"] == list(TaskStatus.values()) and data["timing_states"] == list(TimingState.values())
    tasks = [task for task, _ref in data["items"]]
    assert any(t["id"] == plan and t["text"].startswith(PLAN) and t["deadline"] == "2024-04-30" for t in tasks)
    assert all(t["status"] == "assigned" for t in tasks)
    assert all(TaskPublic.model_validate(t).model_dump(mode="json") == t for t in tasks)  # the API's fields
    assert {ref["number"] for _task, ref in data["items"]} == {document["number"]}
    assert data["pager"]["total"] == len(tasks) and data["query"]["form"]["status"] == ["assigned"]


def test_the_task_page(site, notices):
    document, plan, _ = notices
    data = as_json(site.login("officer"), f"/tasks/{plan}")
    assert data["task"]["id"] == plan and data["public"]["lead"] == [TTTT]
    assert data["public"]["timing_state"] == "not_due" and data["public"]["deadline"] == "2024-04-30"
    assert data["document"]["number"] == document["number"] and "original" not in data["document"]
    assert data["passage"]["marked"].startswith(PLAN)
    perms = {"report": "progress", "complete": True, "extend": True, "decide": False, "set_status": False}
    assert data["perms"] == perms
    assert data["statuses"] == ["assigned", "in_progress", "paused", "done", "cancelled"]
    assert data["tracked_open"] is True and data["today"] == "2024-04-01"


def test_the_task_page_keeps_its_scope(site, notices):
    _, plan, _ = notices
    refused = as_json(site.login("health"), f"/tasks/{plan}", 404)
    assert refused["code"] == 404 and refused["title"] == "Không tìm thấy"


def test_the_documents(site, notices):
    document, _, draft = notices
    office = as_json(site.login("clerk"), "/documents")
    assert [d["number"] for d in office["rows"]] == [draft["number"], document["number"]]
    assert office["counts"][str(document["id"])] == len(document["tasks"]) and office["staff"] is True
    officer = as_json(site.login("officer"), "/documents")
    assert [d["number"] for d in officer["rows"]] == [document["number"]]  # drafts are the office's
    page = as_json(site.login("viewer"), f"/documents/{document['id']}")
    assert page["document"]["status"] == "confirmed" and page["document"]["doc_date"] == "2024-03-15"
    assert len(page["items"]) == len(document["tasks"]) and "original" not in page["document"]


def test_the_review(site, notices):
    confirmed, _, draft = notices
    data = as_json(site.login("clerk"), f"/documents/{draft['id']}/review")
    assert data["editable"] is True and data["document"]["status"] == "draft"
    assert [view["task"]["id"] for view in data["tasks"]] == [t["id"] for t in draft["tasks"]]
    assert data["recurrences"][0] == ["daily", "Hằng ngày"] and "<mark" in data["text_html"]
    assert "shown" not in data  # a helper of the template, not data
    as_json(site.login("viewer"), f"/documents/{draft['id']}/review", 404)  # a draft is the office's alone
    refused = as_json(site.login("viewer"), f"/documents/{confirmed['id']}/review", 403)
    assert refused["message"].startswith("Chỉ chuyên viên Văn phòng")


def test_the_agencies(site, notices):
    own, other = agency_id(site, TTTT), agency_id(site, "Sở Y tế")
    officer = site.login("officer")
    data = as_json(officer, "/agencies?q=thông tin")
    agency, figures, may_open = next(row for row in data["rows"] if row[0]["name"] == TTTT)
    assert agency["id"] == own and figures["open"] == 3 and may_open is True
    page = as_json(officer, f"/agencies/{own}")
    assert page["agency"]["name"] == TTTT and page["counts"]["not_due"] >= 1
    assert all(TTTT in task["lead"] + task["coordinators"] for task, _ref in page["items"])
    as_json(officer, f"/agencies/{other}", 404)  # another agency's page is not the officer's


def test_without_a_session_the_json_page_still_asks_to_log_in(site):
    response = site.anonymous().get("/tasks?format=json")
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
