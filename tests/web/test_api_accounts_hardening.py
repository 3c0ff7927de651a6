"""Accounts as issue 10 measured them (item 3): login timing that does not tell who exists, a
lockout a stranger cannot use, tokens listed, revoked, expiring and ended by a password change or
deactivation, user ids never given twice, a password policy, usernames unique once folded."""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

import pytest
from apiclient import PASSWORD, make_settings
from fastapi.testclient import TestClient
from sqlalchemy import event, text

from chidao.tracking import passwords
from chidao.tracking.accounts import UserError, add_user
from chidao.web.app import create_app


def login(client, username, password, address="192.0.2.10"):
    return client.post("/api/v1/auth/login", json={"username": username, "password": password})


def _client(api, database, tmp_path, address: str, **settings) -> TestClient:
    return TestClient(create_app(make_settings(tmp_path, **settings), engine=database), client=(address, 4000))


def test_an_unknown_user_costs_a_real_password_check(api, monkeypatch):
    checked = []
    real = passwords.HASHER

    class Counting:
        def verify(self, hash_, password):
            checked.append(hash_)
            return real.verify(hash_, password)

        def hash(self, password):
            return real.hash(password)

    monkeypatch.setattr(passwords, "HASHER", Counting())
    assert login(api.client, "khong-ai-ca", "wrong-password-1").status_code == 401
    assert login(api.client, "admin", "wrong-password-1").status_code == 401  # exists, has no password
    assert len(checked) == 2 and all(h.startswith("$argon2id$") for h in checked)


def test_login_takes_as_long_for_an_unknown_user(api, database, tmp_path):
    with _client(api, database, tmp_path, "192.0.2.20", login_attempts=1000) as client:

        def median(username: str) -> float:
            times = []
            for n in range(5):
                start = time.perf_counter()
                assert login(client, username, f"wrong-password-{n}").status_code == 401
                times.append(time.perf_counter() - start)
            return statistics.median(times)

        median("clerk")  # warm up
        known, unknown = median("clerk"), median("khong-ai-ca")
    assert unknown > 0.5 * known, (known, unknown)  # was 39 ms against 242 ms


def test_a_stranger_cannot_lock_a_user_out(api, database, tmp_path):
    attempts = api.settings.login_attempts
    with _client(api, database, tmp_path, "198.51.100.66") as stranger:
        for _ in range(attempts):
            assert login(stranger, "clerk", "doan-mat-khau-sai").status_code == 401
        assert login(stranger, "clerk", "doan-mat-khau-sai").status_code == 429  # that address must wait
    with _client(api, database, tmp_path, "203.0.113.5") as owner:
        answer = login(owner, "clerk", PASSWORD)
        if answer.status_code == 429:  # at most the account's short delay, never the window
            wait = int(answer.headers["retry-after"])
            assert wait <= 5, wait
            time.sleep(wait)
            answer = login(owner, "clerk", PASSWORD)
        assert answer.status_code == 200, answer.text


def test_the_account_delay_grows_but_stays_short():
    from chidao.tracking.auth import MAX_ACCOUNT_DELAY, account_delay

    assert [account_delay(n, 5) for n in range(4, 10)] == [0, 1, 2, 4, 8, 16]
    assert account_delay(10_000, 5) == MAX_ACCOUNT_DELAY <= 60


def test_tokens_are_listed_revoked_and_expire(api):
    listed = api.get("/tokens", who="officer")
    assert listed.status_code == 200
    (mine,) = listed.json()
    assert mine["state"] == "active" and mine["name"] == "tests" and "token" not in mine
    made = api.post("/tokens", who="officer", json={"name": "script", "expires_at": _in(seconds=2)})
    assert made.status_code == 201, made.text
    secret = made.json()["token"]
    assert api.get("/auth/me", who=None, headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    time.sleep(2.5)
    assert api.get("/auth/me", who=None, headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    states = {t["name"]: t["state"] for t in api.get("/tokens", who="officer").json()}
    assert states == {"tests": "active", "script": "expired"}
    assert api.post(f"/tokens/{mine['id']}/revoke", who="finance").status_code == 404  # not theirs
    assert api.post(f"/tokens/{mine['id']}/revoke", who="officer").json()["state"] == "revoked"
    assert api.get("/auth/me", who="officer").status_code == 401
    everyone = api.get("/tokens", who="admin", params={"all_users": True}).json()
    assert {t["username"] for t in everyone} >= {"officer", "clerk", "admin"}
    assert api.get("/tokens", who="clerk", params={"all_users": True}).status_code == 403


def _in(**delta) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


def test_a_password_change_or_deactivation_ends_the_tokens(api):
    changed = api.post(
        "/auth/password", who="clerk", json={"current_password": PASSWORD, "new_password": "mot-mat-khau-moi-2026"}
    )
    assert changed.status_code == 200, changed.text
    assert api.get("/auth/me", who="clerk").status_code == 401  # its token was revoked
    assert api.patch(f"/users/{api.user_ids['viewer']}", who="admin", json={"is_active": False}).status_code == 200
    api.patch(f"/users/{api.user_ids['viewer']}", who="admin", json={"is_active": True})
    assert api.get("/auth/me", who="viewer").status_code == 401  # reactivated: the old token stays dead
    patched = api.patch(f"/users/{api.user_ids['officer']}", who="admin", json={"password": "mat-khau-cua-admin-dat"})
    assert patched.status_code == 200
    assert api.get("/auth/me", who="officer").status_code == 401


def test_a_deleted_users_id_is_never_given_again(api):
    with api.session() as session:
        user = add_user(session=session, username="tam-thoi", role="viewer")
        session.commit()
        gone = user.id
        session.execute(text("DELETE FROM users WHERE id = :id"), {"id": gone})
        session.commit()
        again = add_user(session=session, username="nguoi-moi", role="viewer")
        session.commit()
        assert again.id > gone


@pytest.mark.parametrize(
    "password", ["12345678", " " * 8, " " * 14, "password1234", "12345678901234", "aaaaaaaaaaaaaa"]
)
def test_weak_passwords_are_refused(api, password):
    made = api.post("/users", who="admin", json={"username": "moi", "role": "viewer", "password": password})
    assert made.status_code == 422, made.text
    with api.session() as session, pytest.raises(UserError):
        add_user(session=session, username="moi", role="viewer", password=password)


def test_the_policy_says_why_in_vietnamese():
    assert passwords.password_problem("ngan") == "too_short"
    assert passwords.password_problem("   \t         ") == "blank"
    assert passwords.password_problem("Matkhau123456") == "common"
    assert passwords.password_problem("lan-nguyen-2026-x", "lan-nguyen") == "username"
    assert passwords.password_problem("mat-khau-rat-dai-2026") is None
    assert "ít nhất 12 ký tự" in passwords.PasswordError("too_short").vietnamese


@pytest.mark.parametrize("username", ["Clerk", "CLERK", "ｃｌｅｒｋ"])
def test_usernames_differing_by_case_or_width_are_one_account(api, username):
    made = api.post("/users", who="admin", json={"username": username, "role": "viewer"})
    assert made.status_code == 409, made.text
    assert login(api.client, username, PASSWORD).status_code == 200


@pytest.mark.parametrize("username", ["cl\u200berk", "clerk\u200d", "\u2066clerk", "cl\u00aderk", "\u3164"])
def test_usernames_with_invisible_characters_are_refused(api, username):
    made = api.post("/users", who="admin", json={"username": username, "role": "viewer"})
    assert made.status_code == 422, made.text


def test_reading_with_a_token_writes_its_last_use_at_most_once_a_minute(api, database):
    # Issue 10, item 10: no write on read paths; a token's last use is noted once a minute at most.
    updates: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE") and "api_tokens" in statement:
            updates.append(statement)

    event.listen(database, "before_cursor_execute", count)
    try:
        for _ in range(6):
            assert api.get("/auth/me", who="officer").status_code == 200
            assert api.get("/tasks", who="officer").status_code == 200
    finally:
        event.remove(database, "before_cursor_execute", count)
    assert len(updates) <= 1, updates
