"""The document's particulars corrected from its page and from its review page: the form shows
the current values (the date as dd/mm/yyyy), saving goes back where it came from, a refusal shows
the page again with the reason and what was typed, and a document lacking its number or date is
flagged on its page and in the list rather than hidden."""

from __future__ import annotations

import re

from pagekit import words
from siteclient import CONVERSION, HEALTH


def details_form(page: str) -> dict[str, str]:
    """The particulars' form as the page fills it in."""
    form = page.split('class="details-form"')[1].split("</form>")[0]
    values = dict(re.findall(r'<input (?:type="hidden" )?name="(\w+)"[^>]*?value="([^"]*)"', form))
    values["title"] = re.search(r'<textarea name="title"[^>]*>([^<]*)</textarea>', form).group(1)
    return values


def test_the_document_page_corrects_the_particulars(site):
    document = site.document(CONVERSION)
    clerk = site.login("clerk")
    page = clerk.get(f"/documents/{document['id']}").text
    form = details_form(page)
    assert (form["number"], form["doc_date"], form["origin"]) == ("125/TB-UBND", "15/03/2024", "document")
    form |= {"number": "126/TB-UBND", "doc_date": "16/3/2024", "signer": "Trần Văn Bình"}
    response = clerk.post(f"/documents/{document['id']}/details", form)
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/documents/{document['id']}?msg=")
    shown = words(clerk.get(response.headers["location"]).text)
    assert "Đã lưu thông tin văn bản." in shown
    assert "Số, ký hiệu 126/TB-UBND" in shown and "Ngày ban hành 16/03/2024" in shown and "Trần Văn Bình" in shown
    assert "126/TB-UBND" in clerk.get("/documents").text  # named by it everywhere


def test_a_refusal_keeps_what_was_typed_and_a_stale_form_is_refused(site):
    document = site.document(HEALTH)
    clerk = site.login("clerk")
    form = details_form(clerk.get(f"/documents/{document['id']}").text)
    bad = clerk.post(f"/documents/{document['id']}/details", form | {"doc_date": "31/02/2026", "place": "Huế"})
    assert bad.status_code == 422
    assert "Ngày ban hành không hợp lệ" in words(bad.text) and details_form(bad.text)["place"] == "Huế"
    assert clerk.post(f"/documents/{document['id']}/details", form | {"place": "Đà Lạt"}).status_code == 303
    stale = clerk.post(f"/documents/{document['id']}/details", form | {"place": "Huế"})
    assert stale.status_code == 409 and "người khác sửa" in words(stale.text)
    assert details_form(stale.text)["place"] == "Đà Lạt"  # the fresh values


def test_the_review_page_has_the_form_and_comes_back_to_the_review(site):
    draft = site.document(CONVERSION, confirm=False)
    clerk = site.login("clerk")
    form = details_form(clerk.get(f"/documents/{draft['id']}/review").text)
    assert form["origin"] == "review"
    response = clerk.post(f"/documents/{draft['id']}/details", form | {"number": "", "doc_date": ""})
    assert response.headers["location"].startswith(f"/documents/{draft['id']}/review?msg=")
    review = clerk.get(response.headers["location"]).text
    assert "Văn bản chưa có số, ký hiệu và ngày ban hành" in words(review)
    listing = words(clerk.get("/documents").text)
    assert "Chưa có số" in listing and "Chưa có ngày" in listing


def test_only_the_office_sees_and_posts_the_form(site):
    document = site.document(HEALTH)
    officer = site.login("health")
    page = officer.get(f"/documents/{document['id']}")
    assert page.status_code == 200 and 'class="details-form"' not in page.text
    refused = officer.post(f"/documents/{document['id']}/details", {"number": "1/TB"})
    assert refused.status_code == 403
