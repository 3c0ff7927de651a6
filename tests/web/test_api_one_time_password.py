"""The API and one-time passwords (issue 14): a user who must replace the password an admin gave
them is answered 403 with a clear JSON error on every endpoint but the password change (and who
am I, and logging out), has no token and can be given none; the users endpoint reads an agency
name however it is written."""

from __future__ import annotations

from apiclient import PASSWORD

from chidao.store.models import User
from chidao.tracking.accounts import reset_password

ONE_TIME = "abcde-fghjk-mnpqr-stuvw"
OWN = "mật khẩu mới của tôi 2026"


def test_a_cookie_session_with_a_one_time_password_may_only_change_it(api):
    with api.session() as session:
        viewer, admin = session.get(User, api.user_ids["viewer"]), session.get(User, api.user_ids["admin"])
        reset_password(session=session, admin=admin, user=viewer, one_time_password=ONE_TIME)
        session.commit()
    assert api.get("/tasks", who="viewer").status_code == 401  # its token was revoked
    client = api.open_client()
    login = client.post("/api/v1/auth/login", json={"username": "viewer", "password": ONE_TIME})
    assert login.status_code == 200
    csrf = {"X-CSRF-Token": login.json()["csrf_token"]}
    refused = client.get("/api/v1/tasks")
    assert refused.status_code == 403 and refused.headers["content-type"].startswith("application/json")
    assert "one-time password" in refused.json()["detail"] and "/auth/password" in refused.json()["detail"]
    assert client.get("/api/v1/auth/me").status_code == 200
    assert api.post("/tokens", who="admin", json={"user_id": api.user_ids["viewer"]}).status_code == 422
    changed = client.post(
        "/api/v1/auth/password", headers=csrf, json={"current_password": ONE_TIME, "new_password": OWN}
    )
    assert changed.status_code == 200, changed.text
    again = client.post("/api/v1/auth/login", json={"username": "viewer", "password": OWN})
    assert again.status_code == 200 and client.get("/api/v1/tasks").status_code == 200
    assert api.post("/tokens", who="admin", json={"user_id": api.user_ids["viewer"]}).status_code == 201


def test_the_users_endpoint_reads_an_agency_however_written(api):
    body = {"username": "lan", "role": "agency", "agency": "Sở Nội Vụ tỉnh Lâm Đồng", "password": PASSWORD}
    created = api.post("/users", who="admin", json=body)
    assert created.status_code == 201 and created.json()["agency"] == "Sở Nội vụ"
    wrong = api.post("/users", who="admin", json={**body, "username": "an", "agency": "Sở Nội vụu"})
    assert wrong.status_code == 422 and "did you mean: Sở Nội vụ" in wrong.json()["detail"]
