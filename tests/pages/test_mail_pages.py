"""The reminder pages: the policy (admin only), an agency's contact addresses (the office), and
what an address receives, by the signed link of a mail or for the logged-in user."""

from __future__ import annotations

from sqlalchemy import select

from chidao.store.engine import session_factory
from chidao.store.mail import AgencyContact, MailOptOut, UserContact
from chidao.store.models import Agency
from chidao.tracking.reminders.policy import current_policy, defaults
from chidao.tracking.reminders.signing import link_key, sign


def _policy(site):
    with session_factory(site.engine)() as session:
        return current_policy(session)


def test_only_an_admin_opens_the_policy_page(site):
    assert site.login("clerk").get("/admin/reminders").status_code == 403
    page = site.login("admin").get("/admin/reminders")
    assert page.status_code == 200 and "Chính sách nhắc việc" in page.text and 'href="/admin"' in page.text
    assert 'href="/admin/reminders"' in site.login("admin").get("/admin").text  # the hub links it


def test_the_admin_changes_the_policy_and_a_bad_value_is_refused_in_vietnamese(site):
    admin = site.login("admin")
    admin.get("/admin/reminders")
    form = {
        "before": "7, 2",
        "on_due_day": "on",
        "overdue_every": "2",
        "escalate_after": "10",
        "send_hour": "8",
        "max_items": "30",
        "weekly_summary": "on",
        "action": "save",
    }
    assert admin.post("/admin/reminders", form).status_code == 303
    assert _policy(site).before == (7, 2) and _policy(site).send_hour == 8
    refused = admin.post("/admin/reminders", {**form, "send_hour": "25"})
    assert refused.status_code == 422 and "phải là số nguyên từ 0 đến 23" in refused.text
    assert admin.post("/admin/reminders", {**form, "before": "năm"}).status_code == 422
    assert _policy(site).send_hour == 8  # nothing stored by the refusals
    assert admin.post("/admin/reminders", {"action": "reset"}).status_code == 303
    assert _policy(site) == defaults()


def _agency_id(site, name="Sở Y tế") -> int:
    with session_factory(site.engine)() as session:
        return session.scalar(select(Agency.id).where(Agency.name == name))


def test_the_office_edits_an_agency_s_contact_addresses(site):
    agency = _agency_id(site)
    assert site.login("health").get(f"/agencies/{agency}/contacts").status_code == 403
    clerk = site.login("clerk")
    assert "Địa chỉ thư nhận nhắc việc" in clerk.get(f"/agencies/{agency}").text
    clerk.get(f"/agencies/{agency}/contacts")
    assert clerk.post(f"/agencies/{agency}/contacts", {"email": "VanPhong@SYT.gov.vn"}).status_code == 303
    assert clerk.post(f"/agencies/{agency}/contacts", {"email": "not an address"}).status_code == 422
    again = clerk.post(f"/agencies/{agency}/contacts", {"email": "VanPhong@syt.gov.vn"})
    assert again.status_code == 422  # the same address twice
    with session_factory(site.engine)() as session:
        rows = session.scalars(select(AgencyContact)).all()
    assert [(r.agency_id, r.email) for r in rows] == [(agency, "VanPhong@syt.gov.vn")]
    assert clerk.post(f"/agencies/{agency}/contacts/{rows[0].id}/delete").status_code == 303
    assert clerk.post(f"/agencies/{agency}/contacts/{rows[0].id}/delete").status_code == 404


def test_the_signed_link_of_a_mail_changes_what_its_address_receives_without_login(site):
    with session_factory(site.engine).begin() as session:
        token = sign(link_key(session), "vp@syt.gov.vn")
    anonymous = site.anonymous()
    page = anonymous.get(f"/mail/preferences?token={token}")
    assert page.status_code == 200 and "vp@syt.gov.vn" in page.text
    saved = anonymous.client.post("/mail/preferences", data={"token": token, "kind_clerk": "on", "kind_leader": "on"})
    assert saved.status_code == 303
    with session_factory(site.engine)() as session:
        assert session.scalars(select(MailOptOut.kind).where(MailOptOut.email == "vp@syt.gov.vn")).all() == ["agency"]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert anonymous.get(f"/mail/preferences?token={forged}").status_code == 404
    assert anonymous.client.post("/mail/preferences", data={"token": forged}).status_code == 404


def test_a_user_sets_their_own_address(site):
    viewer = site.login("viewer")
    assert 'href="/account/mail"' in viewer.get("/account").text  # linked from the account page
    viewer.get("/account/mail")
    assert viewer.post("/account/mail", {"email": "lanhdao@ubnd.gov.vn", "kind_leader": "on"}).status_code == 303
    assert viewer.post("/account/mail", {"email": "lanhdao@"}).status_code == 422
    with session_factory(site.engine)() as session:
        assert session.get(UserContact, site.user_ids["viewer"]).email == "lanhdao@ubnd.gov.vn"
        refused = set(session.scalars(select(MailOptOut.kind)))
    assert refused == {"agency", "clerk"}
    assert site.anonymous().get("/account/mail").status_code == 303  # to the login form


def test_the_reminder_pages_answer_json_too(site):
    admin = site.login("admin")
    data = admin.get("/admin/reminders?format=json").json()
    assert data["policy"]["before"] == [5, 1] and data["defaults"] == data["policy"] and data["outbox"] == {}
    agency = _agency_id(site)
    admin.get(f"/agencies/{agency}/contacts")
    admin.post(f"/agencies/{agency}/contacts", {"email": "vp@syt.gov.vn"})
    contacts = admin.get(f"/agencies/{agency}/contacts?format=json").json()
    assert [c["email"] for c in contacts["contacts"]] == ["vp@syt.gov.vn"] and contacts["agency"]["id"] == agency
    mine = site.login("clerk").get("/account/mail?format=json").json()
    assert mine["address"] == "" and [k for k, _label, wanted in mine["kinds"] if wanted] == [
        "agency",
        "clerk",
        "leader",
    ]
