"""Correcting a document's particulars through the API: PATCH /documents/{id} with the fields to
change (null clears one), the fingerprint read (`details_version`) against lost updates, the
office only, and each change in the audit log with its former value."""

from __future__ import annotations

from apiclient import CONVERSION, HEALTH
from sqlalchemy import select

from chidao.store.models import AuditEntry


def test_the_office_corrects_the_particulars_and_the_change_is_logged(api):
    document = api.document(CONVERSION, confirm=False)
    assert document["missing"] == []
    body = {"version": document["details_version"], "number": " 126/TB-UBND ", "doc_date": "2024-03-16"}
    response = api.patch(f"/documents/{document['id']}", json={**body, "chair": None})
    assert response.status_code == 200, response.text
    changed = response.json()
    assert (changed["number"], changed["doc_date"], changed["chair"]) == ("126/TB-UBND", "2024-03-16", None)
    assert changed["details_version"] != document["details_version"]
    assert api.get(f"/documents/{document['id']}").json()["number"] == "126/TB-UBND"
    with api.session() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "edit_details"))
    assert entry.before["number"] == "125/TB-UBND" and entry.after["number"] == "126/TB-UBND"
    assert entry.before["doc_date"] == "2024-03-15" and set(entry.after) == {"number", "doc_date", "chair"}


def test_a_stale_version_is_refused_and_changes_nothing(api):
    document = api.document(HEALTH)
    first = api.patch(f"/documents/{document['id']}", json={"version": document["details_version"], "place": "Đà Lạt"})
    assert first.status_code == 200
    late = api.patch(f"/documents/{document['id']}", json={"version": document["details_version"], "place": "Huế"})
    assert late.status_code == 409 and "changed by someone else" in late.json()["detail"]
    assert api.get(f"/documents/{document['id']}").json()["place"] == "Đà Lạt"


def test_a_document_without_number_or_date_says_so(api):
    document = api.document(HEALTH)
    cleared = api.patch(f"/documents/{document['id']}", json={"number": "", "doc_date": None}).json()
    assert cleared["number"] is None and cleared["missing"] == ["number", "doc_date"]


def test_bad_bodies_and_wrong_roles_are_refused(api):
    document = api.document(HEALTH)
    url = f"/documents/{document['id']}"
    for body in ({"doc_date": "2024-02-30"}, {"doc_date": "1800-01-01"}, {"number": "x" * 101}, {"text": "new"}):
        response = api.patch(url, json=body)
        assert response.status_code == 422, body
    assert api.patch(url, who="officer", json={"place": "Huế"}).status_code in (403, 404)
    assert api.patch(url, who="viewer", json={"place": "Huế"}).status_code == 403
    assert api.patch("/documents/999999", json={"place": "Huế"}).status_code == 404
    assert api.get(url).json()["place"] == document["place"]
