"""The review page's table view: one line per task for a long plan (the default from 16 tasks,
the choice kept in the URL), a row edited in place through the task's own form post (with or
without the script), and the bulk set of lead, coordinators or deadline on the ticked rows, in
one transaction, each change audited, all refused when one task changed meanwhile."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import pytest
from siteclient import CONVERSION
from sqlalchemy import func, select

from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry, Task
from support.long_plan import ITEMS, plan_text

ROW = re.compile(r'<tr id="task-(\d+)" class="review-row')
BULK_STALE = "Ít nhất một nhiệm vụ đã chọn vừa được người khác thay đổi"


@pytest.fixture
def plan(site) -> dict:
    """The 86-item plan written for these tests, uploaded as a draft."""
    files = {"file": ("ke-hoach-87.txt", plan_text().encode())}
    response = site.api("POST", "/documents", files=files, params={"wait": 120})
    assert response.status_code == 201, response.text
    return response.json()


def review_url(document: dict) -> str:
    return f"/documents/{document['id']}/review"


def row_of(page: str, task_id: int) -> str:
    return page.split(f'<tr id="task-{task_id}"')[1].split("</tr>")[0]


def message_of(response) -> str:
    found = re.search(r"[?&]msg=([^#&]*)", response.headers["location"])
    assert found, response.headers["location"]
    return unquote(found.group(1))


def stored(site) -> list[tuple]:
    """Tasks and the audit log: what a refused request must leave as it was."""
    with session_factory(site.engine)() as session:
        tasks = session.execute(select(Task.id, Task.version, Task.deadline, Task.text).order_by(Task.id)).all()
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        return [*tasks, audit]


def audits(site, task_id: int) -> list[str]:
    with session_factory(site.engine)() as session:
        query = select(AuditEntry.action).where(AuditEntry.entity == "task", AuditEntry.entity_id == task_id)
        return list(session.scalars(query))


def test_a_long_plan_opens_as_the_table_one_line_per_task(site, plan):
    assert len(plan["tasks"]) >= ITEMS  # about one task per numbered item
    browser = site.login("clerk")
    page = browser.get(review_url(plan)).text
    rows = ROW.findall(page)
    assert sorted(map(int, rows)) == sorted(t["id"] for t in plan["tasks"])
    assert '<table class="review-table" id="review-table"' in page and '<th scope="col">Chủ trì</th>' in page
    assert '<a href="?view=table#tasks" id="view-table" aria-current="page">Bảng</a>' in page
    assert "/static/review_table.js" in page and "<script>" not in page
    first = next(t for t in plan["tasks"] if t["text"].startswith("Giao Sở Tài chính chủ trì"))
    row = html.unescape(row_of(page, first["id"]))
    assert "Sở Tài chính" in row and "Sở Tài nguyên và Môi trường" in row and "08/04/2026" in row
    assert '<details class="excerpt"><summary>' in row and 'aria-label="Sửa nhiệm vụ' in row
    assert f'value="{first["id"]}:{first["version"]}" form="bulk-form"' in row
    assert 'id="bulk-form"' in page and "Đặt chung cho các nhiệm vụ đã chọn" in page and 'id="keys-help"' in page
    # The doubtful tasks still come first, with their mark and confidence.
    doubtful = [t for t in plan["tasks"] if t["confidence"] < site.settings.review_confidence]
    assert doubtful, "the plan's closing paragraph is a task extraction doubts"
    assert int(rows[0]) in {t["id"] for t in doubtful}
    assert 'Cần kiểm tra</span> <span class="confidence">' in row_of(page, int(rows[0]))
    # The cards stay one click away, and the choice is kept in the URL and the forms.
    cards = browser.get(review_url(plan) + "?view=cards").text
    assert not ROW.findall(cards) and cards.count('<li class="review-task') == len(rows)
    assert f'action="{review_url(plan)}/confirm?view=cards"' in cards


def test_a_short_notice_opens_as_cards_and_can_be_a_table(site):
    draft = site.document(CONVERSION, confirm=False)
    browser = site.login("clerk")
    page = browser.get(review_url(draft)).text
    assert 'id="view-cards" aria-current="page"' in page and "review-table" not in page
    table = browser.get(review_url(draft) + "?view=table").text
    assert len(ROW.findall(table)) == len(draft["tasks"])
    assert "Đoạn có từ giao việc chưa thành nhiệm vụ" in table  # the unassigned passages stay below the table


def test_a_row_edits_in_place_without_the_script(site, plan):
    task = plan["tasks"][5]
    browser = site.login("clerk")
    page = browser.get(f"{review_url(plan)}?view=table&edit={task['id']}").text
    row = row_of(page, task["id"])
    assert "is-editing" in row and f'form="row-form-{task["id"]}"' in row
    assert f'action="{review_url(plan)}/tasks/{task["id"]}?view=table"' in row
    assert f'name="version" value="{task["version"]}"' in row
    form = {
        "text": task["text"],
        "lead": "Sở Y tế",
        "coordinators": "\n".join(task["coordinators"]),
        "deadline": "30/09/2026",
        "recurrence": "",
        "version": str(task["version"]),
    }
    response = browser.post(f"{review_url(plan)}/tasks/{task['id']}?view=table", form)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith(f"{review_url(plan)}?view=table&msg=") and location.endswith(f"#task-{task['id']}")
    assert message_of(response) == "Đã lưu nhiệm vụ."
    after = html.unescape(row_of(browser.get(location).text, task["id"]))
    assert "is-editing" not in after and "Sở Y tế" in after and "30/09/2026" in after and "Đã sửa" in after
    assert audits(site, task["id"]) == ["review_edit"]
    # Refused (a wrong date): the row comes back open, with the reason and what was typed.
    refused = browser.post(f"{review_url(plan)}/tasks/{task['id']}?view=table", {**form, "deadline": "31/02/2026"})
    assert refused.status_code == 422
    row = row_of(refused.text, task["id"])
    assert "is-editing" in row and "Thời hạn không hợp lệ" in row and 'value="31/02/2026"' in row


def test_the_script_gets_one_row_back(site, plan):
    task = plan["tasks"][2]
    browser = site.login("clerk")
    headers = {"X-Review-Row": str(task["id"])}
    editing = browser.get(f"{review_url(plan)}?view=table&edit={task['id']}", headers=headers)
    assert editing.status_code == 200
    assert editing.text.lstrip().startswith(f'<tr id="task-{task["id"]}"') and "is-editing" in editing.text
    assert "<html" not in editing.text and editing.text.count("<tr") == 1
    form = {
        "text": task["text"],
        "lead": "\n".join(task["lead"]),
        "coordinators": "",
        "deadline": "2026-11-30",
        "version": str(task["version"]),
    }
    path = f"{review_url(plan)}/tasks/{task['id']}?view=table"
    refused = browser.post(path, {**form, "text": " "}, headers=headers)
    assert refused.status_code == 422 and refused.text.count("<tr") == 1
    assert "is-editing" in refused.text and "Nội dung nhiệm vụ không được để trống" in refused.text
    saved = browser.post(path, form, headers=headers)
    assert saved.status_code == 303  # fetch follows it, the header kept: the saved row alone
    row = browser.get(saved.headers["location"], headers=headers)
    assert row.status_code == 200 and row.text.lstrip().startswith(f'<tr id="task-{task["id"]}"')
    assert "is-editing" not in row.text and "30/11/2026" in row.text
    version = site.api("GET", f"/tasks/{task['id']}").json()["version"]
    assert version > task["version"] and f'value="{task["id"]}:{version}"' in row.text  # for the next edit or bulk set


def pick(task: dict) -> str:
    return f"{task['id']}:{task['version']}"


def test_bulk_set_gives_every_ticked_task_the_values_and_audits_each(site, plan):
    chosen = plan["tasks"][10:14]
    browser = site.login("clerk")
    browser.get(review_url(plan))
    form = {"pick": [pick(t) for t in chosen], "deadline": "2026-12-15", "coordinators": "Sở Tư pháp, Sở Y tế"}
    response = browser.post(f"{review_url(plan)}/bulk?view=table", form)
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith(f"{review_url(plan)}?view=table&msg=")
    assert message_of(response) == "Đã đặt chung cho 4 nhiệm vụ đã chọn (4 nhiệm vụ có thay đổi)."
    for task in chosen:
        after = site.api("GET", f"/tasks/{task['id']}").json()
        assert after["deadline"] == "2026-12-15" and after["coordinators"] == ["Sở Tư pháp", "Sở Y tế"]
        assert after["lead"] == task["lead"] and after["text"] == task["text"]  # blank fields kept
        assert audits(site, task["id"]) == ["review_edit"]
    untouched = plan["tasks"][20]
    assert site.api("GET", f"/tasks/{untouched['id']}").json()["deadline"] == untouched["deadline"]
    page = browser.get(response.headers["location"]).text
    assert "Đã đặt chung cho 4 nhiệm vụ" in page and "15/12/2026" in row_of(page, chosen[0]["id"])


def test_bulk_set_with_one_stale_row_refuses_them_all(site, plan):
    chosen = plan["tasks"][30:33]
    other = site.api(
        "PATCH", f"/tasks/{chosen[1]['id']}", json={"version": chosen[1]["version"], "text": "Người khác sửa"}
    )
    assert other.status_code == 200
    browser = site.login("clerk")
    browser.get(review_url(plan))
    before = stored(site)
    form = {"pick": [pick(t) for t in chosen], "deadline": "01/12/2026", "lead": "Sở Xây dựng"}
    response = browser.post(f"{review_url(plan)}/bulk?view=table", form)
    assert response.status_code == 409
    assert BULK_STALE in response.text and "Chưa nhiệm vụ nào được thay đổi" in response.text
    assert stored(site) == before
    assert 'id="bulk-lead" name="lead"' in response.text and 'value="Sở Xây dựng"' in response.text  # typed, kept
    assert "checked" not in row_of(response.text, chosen[0]["id"])  # ticks are for the fresh data: pick again


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"deadline": "2026-12-01"}, "Hãy chọn ít nhất một nhiệm vụ"),
        ({"pick": ["abc"], "deadline": "2026-12-01"}, "Dòng được chọn không hợp lệ"),
        ({"pick": "PICK"}, "Hãy nhập cơ quan chủ trì, cơ quan phối hợp hoặc thời hạn"),
        ({"pick": "PICK", "deadline": "31/02/2026"}, "Thời hạn không hợp lệ"),
        ({"pick": "PICK", "lead": "x" * 301}, "Danh sách cơ quan chủ trì không hợp lệ"),
        ({"pick": ["999999:1"], "deadline": "2026-12-01"}, "Chỉ đặt chung được cho các nhiệm vụ của chính văn bản này"),
    ],
)
def test_wrong_bulk_requests_are_explained_and_change_nothing(site, plan, form, message):
    browser = site.login("clerk")
    browser.get(review_url(plan))
    if form.get("pick") == "PICK":
        form = {**form, "pick": [pick(t) for t in plan["tasks"][:2]]}
    before = stored(site)
    response = browser.post(f"{review_url(plan)}/bulk?view=table", form)
    assert response.status_code == 422, response.text
    assert message in html.unescape(response.text) and 'id="bulk-error"' in response.text
    assert stored(site) == before


def test_only_the_office_sets_in_bulk_and_only_on_a_draft(site, plan):
    form = {"pick": [pick(plan["tasks"][0])], "deadline": "2026-12-01"}
    path = f"{review_url(plan)}/bulk?view=table"
    before = stored(site)
    for who in ("viewer", "officer"):
        browser = site.login(who)
        browser.get("/")
        assert browser.get(review_url(plan)).status_code == 404  # a draft is the office's alone
        assert browser.post(path, form).status_code == 404
    assert stored(site) == before
    admin = site.login("admin")
    admin.get(review_url(plan))
    assert admin.post(path, {**form, "csrf_token": ""}).status_code == 403  # no CSRF token
    assert site.api("POST", f"/documents/{plan['id']}/confirm").status_code == 200
    assert admin.post(path, form).status_code == 409
    page = admin.get(review_url(plan)).text
    assert "review-table" in page and 'id="bulk-form"' not in page and "data-row-edit" not in page
