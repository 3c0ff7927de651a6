"""The upload page: one or several notices through the API's own steps, a report per file, and
bad files refused with a Vietnamese reason without stopping the others or writing anything."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from siteclient import CONVERSION, EXAMPLES, HEALTH, MAX_UPLOAD
from sqlalchemy import func, select

from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry, Document, Task


def example(name: str) -> tuple[str, bytes]:
    return name, (EXAMPLES / name).read_bytes()


def upload(browser, *files: tuple[str, bytes], confirm: bool = False, **kwargs):
    """Submit the upload form as a browser does (the page is read first, for its CSRF token)."""
    browser.get("/documents/upload")
    data = {"confirm": "1"} if confirm else {}
    return browser.post("/documents/upload", data, files=[("files", f) for f in files], **kwargs)


def stored(site) -> list[Document]:
    with session_factory(site.engine)() as session:
        return list(session.scalars(select(Document).order_by(Document.id)))


def count(site, model) -> int:
    with session_factory(site.engine)() as session:
        return session.scalar(select(func.count()).select_from(model))


def outcomes(html: str) -> list[tuple[str, str, str]]:
    """(status, reason, file name) of each file on the result page."""
    found = re.findall(
        r'data-status="(\w+)"(?: data-reason="(\w+)")?>\s*<strong class="outcome-file">([^<]*)</strong>', html
    )
    return [(status, reason, name) for status, reason, name in found]


def test_the_form_takes_several_files_and_a_confirm_box(site):
    browser = site.login("clerk")
    page = browser.get("/documents/upload")
    assert page.status_code == 200
    assert re.search(r'<input type="file" id="files" name="files" class="file-native" multiple required', page.text)
    assert 'enctype="multipart/form-data"' in page.text
    assert '<input type="checkbox" id="confirm" name="confirm" value="1"' in page.text
    assert "Xác nhận ngay" in page.text and "256 KB" in page.text
    assert 'href="/documents/upload" aria-current="page"' in page.text
    assert site.login("admin").get("/documents/upload").status_code == 200


def test_one_new_file_goes_straight_to_its_review(site):
    browser = site.login("clerk")
    response = upload(browser, example(CONVERSION))
    assert response.status_code == 303
    (document,) = stored(site)
    location = response.headers["location"]
    assert location.startswith(f"/documents/{document.id}/review?msg=")
    assert "trích xuất được 9 nhiệm vụ" in unquote(location)
    assert document.status == "draft" and document.uploaded_by_id == site.user_ids["clerk"]
    assert document.filename == CONVERSION and document.number == "125/TB-UBND"
    assert count(site, Task) == 9
    page = browser.get(location)
    assert page.status_code == 200 and "trích xuất được 9 nhiệm vụ" in page.text


def test_several_files_each_get_their_outcome_and_bad_ones_store_nothing(site):
    browser = site.login("clerk")
    files = [
        example(CONVERSION),
        ("rong.txt", b""),
        ("chuong-trinh.exe", b"MZ\x90\x00 not a notice"),
        ("qua-lon.txt", b"x" * (MAX_UPLOAD + 1)),
        ("hong.pdf", b"this is not a PDF at all"),
        ("trang-trang.txt", b"   \n\t \n"),
        example(HEALTH),
    ]
    response = upload(browser, *files)
    assert response.status_code == 200
    assert outcomes(response.text) == [
        ("created", "", CONVERSION),
        ("error", "empty", "rong.txt"),
        ("error", "unsupported", "chuong-trinh.exe"),
        ("error", "too_large", "qua-lon.txt"),
        ("error", "unreadable", "hong.pdf"),
        ("error", "empty", "trang-trang.txt"),
        ("created", "", HEALTH),
    ]
    text = response.text
    assert "Tệp rỗng, không có nội dung." in text
    assert "Định dạng tệp .exe không được hỗ trợ" in text
    assert "Tệp quá lớn: vượt quá giới hạn 256 KB mỗi tệp." in text
    assert "Nội dung tệp không đúng với định dạng theo tên tệp" in text
    assert "Đã xử lý 7 tệp: 2 văn bản mới, 0 văn bản đã có, 5 tệp lỗi." in text
    documents = stored(site)
    assert [d.filename for d in documents] == [CONVERSION, HEALTH]
    for document in documents:
        assert f'href="/documents/{document.id}/review"' in text
    assert "trích xuất được 9 nhiệm vụ" in text and "trích xuất được 3 nhiệm vụ" in text
    assert count(site, Task) == 12
    with session_factory(site.engine)() as session:
        ingests = session.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "ingest"))
        assert sorted(ingests) == [d.id for d in documents]


def test_a_garbled_pdf_is_refused_with_a_vietnamese_reason(site, garbled_pdf):
    browser = site.login("clerk")
    response = upload(browser, ("tb-loi-phong.pdf", garbled_pdf.read_bytes()), example(HEALTH))
    assert response.status_code == 200
    assert outcomes(response.text) == [("error", "unreadable", "tb-loi-phong.pdf"), ("created", "", HEALTH)]
    assert "Lớp chữ của tệp PDF bị lỗi phông nên không đọc đúng tiếng Việt" in response.text
    assert [d.filename for d in stored(site)] == [HEALTH]


def test_a_file_already_stored_is_reported_with_a_link_and_not_stored_again(site):
    first = site.document(CONVERSION, confirm=False)
    browser = site.login("clerk")
    response = upload(browser, ("ban-sao.txt", example(CONVERSION)[1]))
    assert response.status_code == 200  # not a redirect: the clerk must see it was there already
    assert outcomes(response.text) == [("exists", "", "ban-sao.txt")]
    assert "Tệp này đã được tải lên trước đây" in response.text
    assert f'href="/documents/{first["id"]}/review"' in response.text
    twice = upload(browser, example(HEALTH), example(HEALTH))
    assert [o[0] for o in outcomes(twice.text)] == ["created", "exists"]
    assert len(stored(site)) == 2


def test_confirm_at_once_tracks_the_tasks_and_shows_the_report(site):
    browser = site.login("clerk")
    response = upload(browser, example(HEALTH), confirm=True)
    assert response.status_code == 200
    (document,) = stored(site)
    assert document.status == "confirmed" and document.confirmed_by_id == site.user_ids["clerk"]
    assert f'href="/documents/{document.id}"' in response.text
    assert "Đã xác nhận ngay" in response.text
    tracked = site.api("GET", "/tasks").json()
    assert tracked["total"] == 3


def test_only_bad_files_answer_422_and_no_file_at_all_is_explained(site):
    browser = site.login("clerk")
    bad = upload(browser, ("rong.txt", b""))
    assert bad.status_code == 422 and outcomes(bad.text) == [("error", "empty", "rong.txt")]
    # what a browser sends when no file was chosen: one nameless, empty part
    none = upload(browser, ("", b""))
    assert none.status_code == 422
    assert "Hãy chọn ít nhất một tệp để tải lên." in none.text
    assert stored(site) == []


def test_the_upload_needs_the_forms_csrf_token(site):
    browser = site.login("clerk")
    browser.get("/documents/upload")
    response = browser.post("/documents/upload", {"csrf_token": "forged"}, files=[("files", example(HEALTH))])
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert stored(site) == []


@pytest.mark.parametrize("who", ["viewer", "officer"])
def test_only_the_office_uploads(site, who):
    browser = site.login(who)
    page = browser.get("/documents/upload")
    assert page.status_code == 403 and "Không có quyền truy cập" in page.text
    assert 'href="/documents/upload"' not in page.text  # not offered in the menu either
    response = browser.post("/documents/upload", files=[("files", example(HEALTH))])
    assert response.status_code == 403
    assert stored(site) == []


def test_anonymous_visitors_are_sent_to_log_in(site):
    response = site.anonymous().get("/documents/upload")
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
