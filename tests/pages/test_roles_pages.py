"""Who sees what and who may do what, for every role: admin, clerk, viewer (leadership), the
officer of the lead agency, of a coordinating agency, and of an agency outside the task. A form
a user is not offered is refused on the server too (403, or 404 outside their scope) and saves
nothing."""

from __future__ import annotations

import pytest
from pagekit import PLAN, conversion, post_forms, snapshot, task_id, task_version

PAGES = ("/", "/tasks", "/tasks.csv", "/tasks/{plan}", "/agencies", "/documents", "/documents/{doc}")
# Forms of the task page each user gets (a pending extension exists, so nobody may ask for another).
OFFERED = {
    "admin": {"status", "decision"},
    "clerk": {"status", "decision"},
    "viewer": set(),
    "officer": {"progress"},
    "finance": {"progress"},
}
ALLOWED = {"admin": {"status", "decision"}, "clerk": {"status", "decision"}, "officer": {"progress", "completion"}}


@pytest.fixture
def world(site):
    """The conversion notice and a pending extension on its first task (asked by the lead agency)."""
    document, _ = conversion(site)
    plan = task_id(document, PLAN)
    body = {"requested_deadline": "2024-05-31", "reason": "Chờ số liệu"}
    assert site.api("POST", f"/tasks/{plan}/extensions", who="officer", json=body).status_code == 201
    return document["id"], plan


def actions(plan: int) -> dict[str, str]:
    return {
        "progress": f"/tasks/{plan}/progress",
        "status": f"/tasks/{plan}/status",
        "decision": f"/tasks/{plan}/extensions/1/decision",
        "extension": f"/tasks/{plan}/extensions",
    }


def fields(name: str) -> dict[str, str]:
    return {
        "progress": {"kind": "progress", "percent": "20", "note": "n"},
        "completion": {"kind": "completion", "note": "xong"},
        "extension": {"requested_deadline": "2024-06-30", "reason": "r"},
        "decision": {"decision": "approve", "note": ""},
        "status": {"status": "paused", "percent": "10"},
    }[name]


def path_of(name: str, plan: int) -> str:
    return actions(plan)["progress" if name == "completion" else name]


@pytest.mark.parametrize("who", ["admin", "clerk", "viewer", "officer", "finance", "health"])
def test_pages_and_forms_by_role(site, world, who):
    doc, plan = world
    browser = site.login(who)
    expected = {path: 200 for path in PAGES}
    if who == "health":  # neither the task nor the notice concerns Sở Y tế
        expected.update({"/tasks/{plan}": 404, "/documents/{doc}": 404})
    for path, code in expected.items():
        response = browser.get(path.format(plan=plan, doc=doc))
        assert response.status_code == code, (who, path)
        if path != "/tasks.csv":
            assert response.headers["content-type"].startswith("text/html")
    if who == "health":
        return
    offered = post_forms(browser.get(f"/tasks/{plan}").text)
    by_name = {name: path for name, path in actions(plan).items() if path in offered}
    assert set(by_name) == OFFERED[who], who
    if who == "officer":
        page = browser.get(f"/tasks/{plan}").text
        assert 'name="kind" value="completion"' in page  # the completion form posts to the same path


@pytest.mark.parametrize("who", ["admin", "clerk", "viewer", "officer", "finance", "health"])
def test_forms_not_offered_are_refused_and_change_nothing(site, world, who):
    _, plan = world
    browser = site.login(who)
    version = site.api("GET", f"/tasks/{plan}").json()["version"]
    refused = {"progress", "completion", "extension", "decision", "status"} - ALLOWED.get(who, set())
    if who == "finance":
        refused -= {"progress"}  # a coordinator's report is a contribution
    if who == "officer":
        refused -= {"extension"}  # allowed, but one is pending: a 409, tested with the task page
    for name in sorted(refused):
        before = snapshot(site)
        response = browser.post(path_of(name, plan), {**fields(name), "version": str(version)})
        expected = 404 if who == "health" else 403
        assert response.status_code == expected, (who, name, response.text[:300])
        assert "text/html" in response.headers["content-type"]
        assert snapshot(site) == before, (who, name)


def test_without_a_session_forms_redirect_to_login_and_change_nothing(site, world):
    _, plan = world
    anonymous = site.anonymous()
    before = snapshot(site)
    for name in ("progress", "extension", "decision", "status"):
        response = anonymous.client.post(path_of(name, plan), data={**fields(name), "version": "1", "csrf_token": "x"})
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), name
    for path in ("/", "/tasks", "/tasks.csv", f"/tasks/{plan}", "/agencies", "/documents", "/documents/1"):
        assert anonymous.get(path).status_code == 303, path
    assert snapshot(site) == before


def test_a_session_of_another_user_cannot_lend_its_token(site, world):
    _, plan = world
    clerk, officer = site.login("clerk"), site.login("officer")
    before = snapshot(site)
    form = {"status": "paused", "percent": "5", "version": str(task_version(clerk, plan)), "csrf_token": officer.csrf}
    assert clerk.client.post(f"/tasks/{plan}/status", data=form).status_code == 403
    assert snapshot(site) == before


def test_ids_out_of_range_answer_422_or_404(site, world):
    viewer = site.login("viewer")
    assert viewer.get("/tasks/0").status_code == 422
    assert viewer.get("/tasks/99999999999").status_code == 422
    assert viewer.get("/tasks/424242").status_code == 404
    assert viewer.get("/documents/424242").status_code == 404
    assert viewer.get("/tasks/abc").status_code == 404  # not a task path at all
