"""Accounts, API tokens and logging in, called directly: ``tracking.accounts`` and
``tracking.auth`` (argon2 parameters, checks on a new user, an admin's changes, throttling)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from usecases import audit_of

from chidao.settings import Settings
from chidao.store.models import ApiToken, LoginFailure, LoginSession
from chidao.tracking.accounts import (
    UserError,
    add_user,
    configure_hasher,
    create_token,
    create_user,
    hash_password,
    update_user,
    user_for_token,
    verify_password,
)
from chidao.tracking.auth import close_session, log_in, session_user
from chidao.tracking.errors import Conflict
from support.users import PASSWORD, use_cheap_hashing


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, database_url="sqlite://", login_attempts=3, login_window_seconds=300)


def test_new_hashes_carry_the_parameters_configured_and_old_ones_still_verify():
    cheap = hash_password("mot mat khau")
    assert cheap.startswith("$argon2id$v=19$m=8,t=1,p=1$")  # what tests/conftest.py configures
    try:
        configure_hasher(time_cost=2, memory_cost=16, parallelism=2)
        other = hash_password("mot mat khau")
        assert other.startswith("$argon2id$v=19$m=16,t=2,p=2$")
        assert verify_password(cheap, "mot mat khau") and verify_password(other, "mot mat khau")
    finally:
        use_cheap_hashing()
    assert not verify_password(other, "mot mat khac")
    assert not verify_password(None, "mot mat khau") and not verify_password("not a hash", "mot mat khau")


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"username": "co dau cach", "role": "clerk"}, "must not contain spaces"),
        ({"username": "", "role": "clerk"}, "1-100 characters"),
        ({"username": "sep", "role": "boss"}, "role must be one of"),
        ({"username": "clerk", "role": "clerk"}, "already exists"),
        ({"username": "so", "role": "agency"}, "needs --agency"),
        ({"username": "so", "role": "agency", "agency": "Sở Không Có"}, "unknown agency"),
        ({"username": "ngan", "role": "viewer", "password": "ngan"}, "at least 12"),
    ],
)
def test_a_new_user_is_checked(session, fields, reason):
    with pytest.raises(UserError, match=reason):
        add_user(session=session, **fields)


def test_an_agency_is_found_by_its_folded_name(session):
    user = add_user(session=session, username="yte2", role="agency", agency="so y te", password=PASSWORD)
    assert user.agency.name == "Sở Y tế" and verify_password(user.password_hash, PASSWORD)


def test_an_admin_creates_and_changes_users_and_the_audit_log_says_so(session, users):
    admin = users["admin"]
    made = create_user(
        session=session, admin=admin, username="tc2", role="agency", password=None, agency="Sở Tài chính"
    )
    assert made.agency.name == "Sở Tài chính" and made.password_hash is None
    assert audit_of(session, "user", made.id)[0].after == {
        "role": "agency",
        "agency_id": made.agency_id,
        "is_active": True,
    }
    with pytest.raises(Conflict, match="already exists"):
        create_user(session=session, admin=admin, username="tc2", role="viewer", password=None)
    update_user(session=session, admin=admin, user=made, changes={"role": "viewer"})
    assert (made.role, made.agency_id) == ("viewer", None)  # only an agency officer has an agency
    with pytest.raises(UserError, match="needs an agency"):
        update_user(session=session, admin=admin, user=made, changes={"role": "agency"})
    for change, reason in (({"role": "clerk"}, "your own admin role"), ({"is_active": False}, "deactivate yourself")):
        with pytest.raises(UserError, match=reason):
            update_user(session=session, admin=admin, user=admin, changes=change)
    entries = audit_of(session, "user", made.id)
    assert [e.action for e in entries] == ["create", "update"]


def test_a_new_password_or_a_deactivation_ends_the_login_sessions_and_the_tokens(session, users, settings):
    clerk, admin = users["clerk"], users["admin"]
    token = create_token(session=session, user=clerk, name="script")
    log_in(session=session, settings=settings, username="clerk", password=PASSWORD, address="10.0.0.1")
    assert session.scalar(select(func.count(LoginSession.id))) == 1
    update_user(session=session, admin=admin, user=clerk, changes={"password": "mat khau moi 2024"})
    assert session.scalar(select(func.count(LoginSession.id))) == 0
    assert audit_of(session, "user", clerk.id)[-1].after["password"] == "changed"
    assert user_for_token(session=session, token=token) is None  # a new password revokes the old tokens
    token = create_token(session=session, user=clerk, name="script")
    new = log_in(session=session, settings=settings, username="clerk", password="mat khau moi 2024", address="x")
    assert new.user is clerk
    update_user(session=session, admin=admin, user=clerk, changes={"is_active": False})
    assert session_user(session=session, token=new.new.token) is None
    assert user_for_token(session=session, token=token) is None  # an inactive user's token answers nobody


def test_a_token_is_stored_as_its_hash_and_stops_when_revoked(session, users):
    token = create_token(session=session, user=users["viewer"], name="bao cao")
    row = session.scalar(select(ApiToken).where(ApiToken.name == "bao cao"))
    assert row.token_hash != token and len(row.token_hash) == 64
    assert user_for_token(session=session, token=token) is users["viewer"]
    assert row.last_used_at is not None
    assert user_for_token(session=session, token=token + "x") is None
    row.revoked_at = datetime.now(UTC)
    assert user_for_token(session=session, token=token) is None


def test_logging_in_opens_a_session_whose_cookie_token_is_not_stored(session, users, settings):
    login = log_in(session=session, settings=settings, username="officer", password=PASSWORD, address="10.0.0.1")
    assert login.user is users["officer"] and not login.throttled
    stored = session.scalar(select(LoginSession))
    assert stored.token_hash != login.new.token and stored.csrf_token == login.new.csrf_token
    found_user, found = session_user(session=session, token=login.new.token)
    assert (found_user, found) == (users["officer"], stored)
    close_session(session=session, login=stored)
    assert session_user(session=session, token=login.new.token) is None


def test_failures_are_recorded_and_throttle_the_username_and_the_address(session, settings):
    for password in ("sai", "sai nua", "van sai"):
        assert log_in(session=session, settings=settings, username="clerk", password=password, address="a").user is None
    assert session.scalar(select(func.count(LoginFailure.id))) == 3
    assert log_in(session=session, settings=settings, username="clerk", password=PASSWORD, address="b").throttled
    assert log_in(session=session, settings=settings, username="viewer", password=PASSWORD, address="a").throttled
    assert log_in(session=session, settings=settings, username="robot", password="", address="c").user is None
    assert log_in(session=session, settings=settings, username="", password=PASSWORD, address="d").user is None


def test_old_failures_no_longer_count_and_a_login_clears_the_users_failures(session, settings):
    old = datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds + 1)
    session.add_all([LoginFailure(username="clerk", address="a", at=old) for _ in range(5)])
    session.add(LoginFailure(username="clerk", address="a", at=datetime.now(UTC)))
    login = log_in(session=session, settings=settings, username="clerk", password=PASSWORD, address="a")
    assert login.user is not None
    assert session.scalar(select(func.count(LoginFailure.id))) == 0
