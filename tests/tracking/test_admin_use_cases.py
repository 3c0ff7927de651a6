"""The use cases behind the administration pages, called directly: the last active admin stays,
one-time passwords (set by an admin, cleared by the user's own change, no tokens meanwhile),
the derivation that keeps them out of the database, the user search, and merging an agency."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chidao.store.models import Agency, AgencyChange, ApiToken, LoginSession
from chidao.tracking.accounts import (
    LastAdmin,
    SamePassword,
    UserError,
    change_own_password,
    create_user,
    reset_password,
    update_user,
)
from chidao.tracking.agency_admin import create_agency, merge_agency, merge_preview
from chidao.tracking.agency_match import match_agency
from chidao.tracking.errors import Conflict, Invalid
from chidao.tracking.tokens import create_token, user_for_token
from chidao.tracking.user_admin import derive, read_label, search_users, still_one_time, user_audit
from support.users import PASSWORD

OWN = "một mật khẩu riêng 2026"


def test_the_last_active_admin_keeps_the_role_and_stays_active(session, users):
    admin, clerk = users["admin"], users["clerk"]
    with pytest.raises(UserError, match="deactivate yourself"):
        update_user(session=session, admin=admin, user=admin, changes={"is_active": False})
    update_user(session=session, admin=admin, user=clerk, changes={"role": "admin"})
    update_user(session=session, admin=admin, user=clerk, changes={"is_active": False})
    with pytest.raises(LastAdmin):  # (an actor who is no longer an active admin, e.g. a script)
        update_user(session=session, admin=clerk, user=admin, changes={"role": "viewer"})
    with pytest.raises(LastAdmin):
        update_user(session=session, admin=clerk, user=admin, changes={"is_active": False})
    update_user(session=session, admin=admin, user=clerk, changes={"is_active": True})
    update_user(session=session, admin=clerk, user=admin, changes={"role": "viewer"})  # another admin remains
    assert admin.role == "viewer"


def test_a_one_time_password_must_be_replaced_and_allows_no_token(session, users):
    admin = users["admin"]
    user = create_user(
        session=session,
        admin=admin,
        username="lan",
        role="agency",
        password=None,
        agency="Sở NV",
        one_time_password="abcde-fghjk",
    )
    assert user.must_change_password and user.agency.name == "Sở Nội vụ"
    with pytest.raises(Invalid, match="one-time"):
        create_token(session=session, user=user)
    with pytest.raises(SamePassword):
        change_own_password(session=session, user=user, current="abcde-fghjk", new="abcde-fghjk")
    change_own_password(session=session, user=user, current="abcde-fghjk", new=OWN)
    assert not user.must_change_password
    token = create_token(session=session, user=user)
    assert user_for_token(session=session, token=token) is user
    revoked = reset_password(session=session, admin=admin, user=user, one_time_password="klmno-pqrst")
    assert revoked == 1 and user.must_change_password
    assert user_for_token(session=session, token=token) is None
    assert session.scalar(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))) is None
    assert session.scalar(select(LoginSession).where(LoginSession.user_id == user.id)) is None
    actions = [e.action for e in user_audit(session, user.id)]
    assert actions[0] == "reset_password" and "create" in actions


def test_derived_passwords_depend_on_the_session_and_the_nonce(session, users):
    one = derive("session-a", "n1")
    assert one == derive("session-a", "n1") and one != derive("session-b", "n1") != derive("session-a", "n2")
    assert len(one) == 23 and one.count("-") == 3 and not set(one) & set("01ilo")
    assert read_label("12:abc") == (12, "abc") and read_label("x:abc") is None and read_label("12:") is None
    user = users["viewer"]
    reset_password(session=session, admin=users["admin"], user=user, one_time_password=one)
    assert still_one_time(user, one) and not still_one_time(user, derive("session-b", "n1"))
    change_own_password(session=session, user=user, current=one, new=OWN)
    assert not still_one_time(user, one)


def test_users_are_searched_folded_and_filtered_by_role(session, users):
    create_user(session=session, admin=users["admin"], username="Nguyễn.Lan", role="viewer", password=PASSWORD)
    rows, total = search_users(session=session, q="NGUYEN", role="", page=1, per_page=10)
    assert [u.username for u in rows] == ["Nguyễn.Lan"] and total == 1
    rows, total = search_users(session=session, q="", role="agency", page=1, per_page=2)
    assert total == 3 and len(rows) == 2 and {u.role for u in rows} == {"agency"}


def test_an_agency_merge_moves_open_work_and_refuses_what_makes_no_sense(session, users, ingest):
    ingest("tb-ket-luan-chuyen-doi-so.txt")
    source = match_agency(session, "Sở Thông tin và Truyền thông")
    target = match_agency(session, "Sở KH&CN")
    with pytest.raises(Invalid, match="itself"):
        merge_preview(session, source, source)
    planned = merge_preview(session, source, target)
    assert planned.tasks >= 1 and planned.users == 1
    done = merge_agency(
        session=session, user_id=users["admin"].id, agency=source, successor=target, today=date(2025, 3, 1)
    )
    assert (done.tasks, done.users) == (planned.tasks, 1)
    assert users["officer"].agency_id == target.id and source.successor_id == target.id
    change = session.scalar(select(AgencyChange).where(AgencyChange.agency_id == source.id))
    assert change.kind == "merge" and change.moved_tasks == planned.tasks
    assert merge_preview(session, target, match_agency(session, "Sở Y tế")).tasks >= planned.tasks
    with pytest.raises(Invalid, match="has ended"):
        merge_preview(session, match_agency(session, "Sở Y tế"), source)
    with pytest.raises(Invalid, match="already ended"):
        merge_preview(session, source, target)


def test_a_new_agency_is_unique_once_folded(session, users):
    made = create_agency(session=session, user_id=users["admin"].id, name=" Ban  Dân tộc ", aliases=["BDT", " "])
    assert (made.name, made.aliases) == ("Ban Dân tộc", ["BDT"])
    with pytest.raises(Conflict):
        create_agency(session=session, user_id=users["admin"].id, name="ban dan toc", aliases=[])
    with pytest.raises(Invalid):
        create_agency(session=session, user_id=users["admin"].id, name=" - ", aliases=[])
    assert session.scalar(select(Agency).where(Agency.name == "Ban Dân tộc")) is made
