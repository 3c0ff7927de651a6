"""The documents: the list (drafts for the office only), a document's page with its tasks, the
way to its review, and its original file."""

from __future__ import annotations

import re

import pytest
from pagekit import ids_in, main, words
from siteclient import CONVERSION, EXAMPLES, HEALTH


@pytest.fixture
def notices(site):
    """The conversion notice confirmed, the health notice left as a draft."""
    return site.document(CONVERSION), site.document(HEALTH, confirm=False)


def numbers(page: str) -> list[str]:
    return re.findall(r'<td data-label="Số"><a href="/documents/\d+">([^<]+)</a>', page)


def test_the_office_lists_every_document_with_its_status_and_task_count(site, notices):
    clerk = site.login("clerk")
    page = clerk.get("/documents")
    assert page.status_code == 200 and 'aria-current="page">Văn bản</a>' in page.text
    assert numbers(page.text) == ["842/UBND-VX", "125/TB-UBND"]  # newest first
    text = words(page.text)
    assert "Bản nháp (đang duyệt)" in text and "Đã xác nhận" in text
    assert "15/03/2024" in text and "05/08/2024" in text
    assert re.search(r'data-label="Số nhiệm vụ" class="num">9<', page.text)
    assert numbers(clerk.get("/documents?status=draft").text) == ["842/UBND-VX"]
    assert numbers(clerk.get("/documents?status=confirmed").text) == ["125/TB-UBND"]
    assert clerk.get("/documents?status=deleted").status_code == 422
    assert clerk.get("/documents?page=abc").status_code == 422


def test_drafts_are_hidden_from_everyone_but_the_office(site, notices):
    health = notices[1]
    for who in ("viewer", "officer"):
        browser = site.login(who)
        assert numbers(browser.get("/documents").text) == ["125/TB-UBND"], who
        assert numbers(browser.get("/documents?status=draft").text) == [], who
        assert browser.get(f"/documents/{health['id']}").status_code == 404, who
        assert browser.get(f"/documents/{health['id']}/original").status_code == 404, who
    assert numbers(site.login("health").get("/documents").text) == []  # its only notice is a draft


def test_a_document_page_shows_its_particulars_and_tasks(site, notices):
    conversion, _ = notices
    page = site.login("viewer").get(f"/documents/{conversion['id']}")
    assert page.status_code == 200
    text = words(page.text)
    for fact in ("125/TB-UBND", "15/03/2024", "Hòa Bình Xanh", "Nguyễn Văn An", "Trần Thị Bình", "Đã xác nhận"):
        assert fact in text, fact
    assert "Thông báo 125/TB-UBND" in text
    assert ids_in(page.text) == [t["id"] for t in conversion["tasks"]]
    assert "Nhiệm vụ (9)" in text and "/review" not in main(page.text)
    original = site.login("viewer").get(f"/documents/{conversion['id']}/original")
    assert original.status_code == 200 and original.content == (EXAMPLES / CONVERSION).read_bytes()
    assert "attachment;" in original.headers["content-disposition"]
    assert "tb-ket-luan-chuyen-doi-so.txt" in original.headers["content-disposition"]


def test_a_draft_links_the_office_to_its_review(site, notices):
    _, health = notices
    page = site.login("clerk").get(f"/documents/{health['id']}")
    assert page.status_code == 200
    assert f'href="/documents/{health["id"]}/review"' in page.text and "Duyệt văn bản" in page.text
    assert len(ids_in(page.text)) == 3


def test_an_officer_sees_only_documents_and_tasks_of_their_agency(site, notices):
    conversion, _ = notices
    officer = site.login("officer")
    page = officer.get(f"/documents/{conversion['id']}")
    theirs = [t["id"] for t in conversion["tasks"] if "Sở Thông tin và Truyền thông" in t["lead"] + t["coordinators"]]
    assert ids_in(page.text) == theirs
    assert "Chỉ hiện các nhiệm vụ cơ quan bạn chủ trì hoặc phối hợp." in page.text
    assert site.api("POST", "/documents/2/confirm").status_code == 200
    health = site.login("health")
    assert numbers(health.get("/documents").text) == ["842/UBND-VX"]
    assert health.get(f"/documents/{conversion['id']}").status_code == 404
    assert health.get(f"/documents/{conversion['id']}/original").status_code == 404
    assert health.get("/documents/999").status_code == 404
