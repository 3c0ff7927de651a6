"""Authentication: API tokens, session cookies with CSRF, login throttling; the OpenAPI document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from apiclient import CONVERSION, PASSWORD, make_settings, seed
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from chidao.store.models import LoginFailure, LoginSession
from chidao.web.app import create_app
from chidao.web.deps import get_today


def login(api, username="clerk", password=PASSWORD):
    return api.post("/auth/login", who=None, json={"username": username, "password": password})


def test_bearer_token_authenticates(api):
    me = api.get("/auth/me", who="officer")
    assert me.status_code == 200
    assert me.json()["user"] == {
        "id": api.user_ids["officer"],
        "username": "officer",
        "role": "agency",
        "agency_id": me.json()["user"]["agency_id"],
        "agency": "Sở Thông tin và Truyền thông",
        "is_active": True,
    }
    assert me.json()["auth"] == "token" and me.json()["csrf_token"] is None


def test_no_or_bad_credentials_answer_401_json(api):
    for headers in ({}, {"Authorization": "Bearer chd_wrong"}, {"Authorization": "Basic abc"}):
        response = api.get("/tasks", who=None, headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/json"
        assert response.json()["detail"]
        assert response.headers["www-authenticate"] == "Bearer"


def test_token_needs_no_csrf_header(api):
    assert api.upload(CONVERSION).status_code == 201  # a POST without X-CSRF-Token


def test_login_sets_a_safe_cookie_and_returns_the_csrf_token(api):
    response = login(api)
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["username"] == "clerk" and "password" not in str(body)
    assert len(body["csrf_token"]) > 20
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("chidao_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    with api.session() as session:
        stored = session.scalar(select(LoginSession))
    assert stored.csrf_token == body["csrf_token"]
    assert stored.token_hash != api.client.cookies["chidao_session"]  # only the hash is stored
    me = api.get("/auth/me", who=None).json()
    assert me["auth"] == "session" and me["csrf_token"] == body["csrf_token"]


def test_secure_cookie_when_configured(database, tmp_path):
    seed(database)
    app = create_app(make_settings(tmp_path, secure_cookies=True), engine=database)
    with TestClient(app) as client:
        response = client.post("/api/v1/auth/login", json={"username": "clerk", "password": PASSWORD})
    assert "Secure" in response.headers["set-cookie"]


def test_cookie_requests_that_change_things_need_the_csrf_header(api):
    csrf = login(api).json()["csrf_token"]
    document = api.document(CONVERSION, confirm=False)  # by token
    path = f"/documents/{document['id']}/confirm"
    assert api.get("/tasks", who=None).status_code == 200  # reading needs no header
    refused = api.post(path, who=None)
    assert refused.status_code == 403
    assert "X-CSRF-Token" in refused.json()["detail"]
    assert api.post(path, who=None, headers={"X-CSRF-Token": "forged"}).status_code == 403
    accepted = api.post(path, who=None, headers={"X-CSRF-Token": csrf})
    assert accepted.status_code == 200, accepted.text


def test_logout_ends_the_session(api):
    csrf = login(api).json()["csrf_token"]
    assert api.post("/auth/logout", who=None).status_code == 403  # CSRF applies to logout too
    assert api.post("/auth/logout", who=None, headers={"X-CSRF-Token": csrf}).json() == {"logged_out": True}
    assert api.get("/auth/me", who=None).status_code == 401
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(LoginSession)) == 0


def test_wrong_password_answers_401_and_is_recorded(api):
    response = login(api, password="wrong password")
    assert response.status_code == 401
    assert response.json() == {"detail": "wrong username or password"}
    assert login(api, username="nobody").status_code == 401
    assert login(api, username="robot").status_code == 401  # no password set: cannot log in
    with api.session() as session:
        assert sorted(session.scalars(select(LoginFailure.username))) == ["clerk", "nobody", "robot"]


def test_login_is_throttled_after_too_many_failures(api):
    attempts = api.settings.login_attempts
    for _ in range(attempts):
        assert login(api, password="guess").status_code == 401
    throttled = login(api)  # even the right password, for a while
    assert throttled.status_code == 429
    assert throttled.json()["detail"] == "too many failed logins; try again later"
    assert throttled.headers["retry-after"] == str(api.settings.login_window_seconds)
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == attempts


def test_throttling_also_counts_per_client_address(api):
    for n in range(api.settings.login_attempts):
        assert login(api, username=f"someone{n}").status_code == 401
    assert login(api, username="officer").status_code == 429


def test_old_failures_do_not_count(api):
    with api.session() as session:
        old = datetime.now(UTC) - timedelta(seconds=api.settings.login_window_seconds + 60)
        session.add_all([LoginFailure(username="clerk", address="elsewhere", at=old) for _ in range(10)])
        session.commit()
    assert login(api).status_code == 200


def test_login_body_is_validated(api):
    response = api.post("/auth/login", who=None, json={"username": "clerk"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]


def test_openapi_document_is_served(api):
    response = api.get("/openapi.json", who=None)
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/documents",
        "/api/v1/tasks",
        "/api/v1/tasks/{task_id}",
        "/api/v1/tasks/{task_id}/progress",
        "/api/v1/extensions/{extension_id}/decision",
        "/api/v1/stats/extraction",
        "/api/v1/auth/login",
    ):
        assert path in spec["paths"], path
    progress = spec["paths"]["/api/v1/tasks/{task_id}/progress"]["post"]["requestBody"]["content"]
    assert set(progress) == {"application/json", "multipart/form-data"}
    assert api.get("/docs", who=None).status_code == 200


def test_unknown_routes_and_methods_answer_json(api):
    missing = api.get("/nothing-here")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not Found"}
    wrong = api.call("PUT", "/tasks")
    assert wrong.status_code == 405 and "detail" in wrong.json()


def test_out_of_range_ids_answer_422(api):
    assert api.get("/tasks/99999999999").status_code == 422
    assert api.get("/tasks/0").status_code == 422
    assert api.get("/tasks", params={"document_id": 10**20}).status_code == 422
    assert api.post("/tasks/merge", json={"task_ids": [1, 10**12]}).status_code == 422


def test_oversized_json_bodies_answer_413_json(api):
    response = api.post("/tasks/merge", json={"task_ids": [1, 2], "text": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/json"
    assert "too large" in response.json()["detail"]


def test_unexpected_errors_answer_500_json_without_internals(database, tmp_path):
    tokens, _ = seed(database)
    app = create_app(make_settings(tmp_path), engine=database)

    def broken_today():
        raise RuntimeError("secret internals")

    app.dependency_overrides[get_today] = broken_today
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/tasks", headers={"Authorization": f"Bearer {tokens['viewer']}"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
