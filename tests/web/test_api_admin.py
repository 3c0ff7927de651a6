"""Agencies, users and dashboard statistics."""

from __future__ import annotations

from datetime import date

from apiclient import CONVERSION, HEALTH, PASSWORD

from chidao.text.fold import fold_words
from support.users import USERS

TTTT = "Sở Thông tin và Truyền thông"


def agency_id(api, name: str) -> int:
    found = api.get("/agencies", params={"q": name}).json()["items"]
    return next(a["id"] for a in found if a["name"] == name)


def test_agencies_are_searched_by_folded_name(api):
    found = api.get("/agencies", who="officer", params={"q": "thong tin truyen thong"}).json()
    names = [a["name"] for a in found["items"]]
    assert TTTT in names and "Bộ Thông tin và Truyền thông" in names
    # every word found, whatever its case ("Cục Phát thanh, truyền hình và thông tin điện tử" too)
    assert all(all(w in fold_words(n) for w in ("thong", "tin", "truyen")) for n in names)
    everything = api.get("/agencies", params={"per_page": 5}).json()
    assert everything["total"] > 50 and len(everything["items"]) == 5
    assert api.get("/agencies", params={"q": "khong ton tai"}).json()["total"] == 0


def test_agency_detail_counts_its_tasks(api):
    api.document(CONVERSION)
    api.today = date(2024, 7, 1)
    detail = api.get(f"/agencies/{agency_id(api, TTTT)}", who="viewer").json()
    assert detail["name"] == TTTT and "Sở TT&TT" in detail["aliases"]
    # 30/4, 30/6 and the monthly report, whose round of 25/3 nobody reported (issue 11)
    assert detail["tasks"] == {"lead": 3, "coordinator": 1, "overdue_as_lead": 3}
    assert api.get("/agencies/99999").status_code == 404


def test_renaming_an_agency_is_audited_and_searchable(api):
    api.document(HEALTH)
    health = agency_id(api, "Sở Y tế")
    renamed = api.patch(f"/agencies/{health}", json={"name": "Sở Y tế và Phúc lợi", "aliases": ["SYT", "SYT"]})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json() == {"id": health, "name": "Sở Y tế và Phúc lợi", "aliases": ["SYT"]}
    assert api.get("/tasks", params={"q": "phuc loi"}).json()["total"] == 1
    task = api.get("/tasks", params={"agency": "Sở Y tế và Phúc lợi"}).json()["items"][0]
    assert (
        task["lead"] == ["Sở Y tế và Phúc lợi"] and task["version"] == api.get(f"/tasks/{task['id']}").json()["version"]
    )
    history = api.audit("agency", health)
    assert history[0].before["name"] == "Sở Y tế" and history[0].after["name"] == "Sở Y tế và Phúc lợi"
    taken = api.patch(f"/agencies/{health}", json={"name": "Sở Tài chính"})
    assert taken.status_code == 409
    assert api.patch(f"/agencies/{health}", who="viewer", json={"name": "X"}).status_code == 403
    assert api.patch(f"/agencies/{health}", json={"name": None}).status_code == 422


def test_users_are_managed_by_admins_only(api):
    assert api.get("/users", who="clerk").status_code == 403
    listed = api.get("/users", who="admin").json()
    assert listed["total"] == len(USERS)
    assert all("password" not in str(u) for u in listed["items"])
    created = api.post(
        "/users",
        who="admin",
        json={"username": "yte2", "role": "agency", "agency": "so y te", "password": "mat khau dai"},
    )
    assert created.status_code == 201, created.text
    user = created.json()
    assert user["agency"] == "Sở Y tế" and user["role"] == "agency" and "password_hash" not in user
    logged = api.post("/auth/login", who=None, json={"username": "yte2", "password": "mat khau dai"})
    assert logged.status_code == 200
    assert api.get("/users/" + str(user["id"]), who="admin").status_code == 405


def test_user_creation_is_checked(api):
    def create(**body):
        return api.post("/users", who="admin", json={"username": "new", "role": "viewer", **body})

    assert create(username="clerk").status_code == 409
    assert create(role="agency").status_code == 422  # an agency officer needs an agency
    assert create(role="agency", agency="Sở Không Có").status_code == 422
    assert create(role="boss").status_code == 422
    assert create(password="short").status_code == 422
    assert create(username="has space").status_code == 422
    assert create().status_code == 201


def test_user_changes(api):
    officer = api.user_ids["officer"]
    moved = api.patch(f"/users/{officer}", who="admin", json={"agency": "Sở Y tế"})
    assert moved.status_code == 200 and moved.json()["agency"] == "Sở Y tế"
    demoted = api.patch(f"/users/{officer}", who="admin", json={"role": "viewer"})
    assert demoted.json()["agency_id"] is None
    assert api.patch(f"/users/{officer}", who="admin", json={"role": "agency"}).status_code == 422
    clerk = api.user_ids["clerk"]
    assert api.post("/auth/login", who=None, json={"username": "clerk", "password": PASSWORD}).status_code == 200
    off = api.patch(f"/users/{clerk}", who="admin", json={"is_active": False})
    assert off.status_code == 200 and off.json()["is_active"] is False
    assert api.get("/auth/me", who="clerk").status_code == 401  # tokens stop working
    assert api.get("/auth/me", who=None).status_code == 401  # and sessions are closed
    admin = api.user_ids["admin"]
    assert api.patch(f"/users/{admin}", who="admin", json={"role": "clerk"}).status_code == 422
    assert api.patch(f"/users/{admin}", who="admin", json={"is_active": False}).status_code == 422
    assert api.patch("/users/9999", who="admin", json={"is_active": True}).status_code == 404
    assert [e.action for e in api.audit("user", clerk)] == ["update"]


def test_statistics_by_timing_state_and_agency(api):
    api.document(CONVERSION)
    api.document(HEALTH)
    api.today = date(2024, 7, 1)
    stats = api.get("/stats", who="viewer").json()
    assert stats["total"] == 12 and stats["by_status"]["assigned"] == 12
    assert stats["today"] == "2024-07-01"
    states = stats["by_timing_state"]
    assert sum(states.values()) == 12
    # 29/3, 30/4, 31/5, 30/6, and the first rounds of the monthly (25/3) and quarterly (31/3) reports
    assert states["overdue"] == 6
    # the weekly and daily duties of the health letter (5/8) count by their first rounds: not due yet
    assert states["no_deadline"] == 2
    overdue = {row["agency"]: row["overdue"] for row in stats["overdue_by_agency"]}
    assert overdue[TTTT] == 3 and overdue["Sở Nội vụ"] == 1 and overdue["Công an tỉnh"] == 1
    assert overdue["Văn phòng Ủy ban nhân dân tỉnh"] == 1
    mine = api.get("/stats", who="officer").json()
    assert mine["total"] == 4 and mine["by_timing_state"]["overdue"] == 4
    assert api.get("/stats", who=None).status_code == 401
