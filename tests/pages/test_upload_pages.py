"""The upload page: one or several notices queued through the API's own steps and answered at
once (a status page, or the list of uploads), read by the queue's worker (``drain``, what
``chidao serve`` runs in the background); bad files refused with a Vietnamese reason, before
queuing or after reading, without stopping the others or writing anything."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from siteclient import CONVERSION, EXAMPLES, HEALTH, MAX_UPLOAD
from sqlalchemy import func, select
from test_vietnamese_pages import english_words

from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry, Document, Task
from chidao.tracking.ingest_queue import drain


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


def run_queue(site) -> list[int]:
    """What ``chidao serve``'s workers do in the background: read every queued upload."""
    return drain(session_factory(site.engine))


def job_of(response) -> int:
    location = response.headers["location"]
    assert re.fullmatch(r"/uploads/\d+", location), location
    return int(location.rsplit("/", 1)[1])


def status_of(html: str) -> str:
    return re.search(r'id="job-status"[^>]*>([^<]*)<', html).group(1)


def test_one_new_file_answers_at_once_with_its_status_page_then_leads_to_its_review(site):
    browser = site.login("clerk")
    response = upload(browser, example(CONVERSION))
    assert response.status_code == 303
    job_id = job_of(response)
    assert stored(site) == []  # queued, not read yet
    waiting = browser.get(f"/uploads/{job_id}")
    assert waiting.status_code == 200 and status_of(waiting.text) == "Đang chờ"
    assert CONVERSION in waiting.text and "tự cập nhật" in waiting.text
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in waiting.text  # without JavaScript
    assert '<script src="/static/uploads.js" defer></script>' in waiting.text
    assert f'data-job-url="/api/v1/ingest-jobs/{job_id}"' in waiting.text
    inline = r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>"  # a JSON block is data, not run
    assert re.search(inline, waiting.text) is None  # no inline script (CSP)
    assert run_queue(site) == [job_id]
    (document,) = stored(site)
    assert document.status == "draft" and document.uploaded_by_id == site.user_ids["clerk"]
    assert document.filename == CONVERSION and document.number == "125/TB-UBND"
    assert count(site, Task) == 9
    done = browser.get(f"/uploads/{job_id}")
    assert status_of(done.text) == "Xong" and "trích xuất được 9 nhiệm vụ" in done.text
    assert f'href="/documents/{document.id}/review"' in done.text and "http-equiv" not in done.text
    go = re.search(r'data-go="([^"]+)"', done.text).group(1)  # the page's script moves on to the review
    assert go.startswith(f"/documents/{document.id}/review?msg=")
    review = browser.get(unquote(go.replace("&amp;", "&")))
    assert review.status_code == 200 and "trích xuất được 9 nhiệm vụ" in review.text


def test_several_files_are_queued_and_bad_ones_refused_at_once_or_after_reading(site):
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
        ("queued", "", CONVERSION),
        ("error", "empty", "rong.txt"),
        ("error", "unsupported", "chuong-trinh.exe"),
        ("error", "too_large", "qua-lon.txt"),
        ("queued", "", "hong.pdf"),  # its content is found wrong by the reader, in the queue
        ("error", "empty", "trang-trang.txt"),
        ("queued", "", HEALTH),
    ]
    text = response.text
    assert "Tệp rỗng, không có nội dung." in text
    assert "Định dạng tệp .exe không được hỗ trợ" in text
    assert "Tệp quá lớn: vượt quá giới hạn 256 KB mỗi tệp." in text
    assert "Đã nhận 7 tệp: 3 tệp đưa vào hàng đợi để đọc, 4 tệp bị từ chối." in text
    job_ids = [int(n) for n in re.findall(r'href="/uploads/(\d+)">Xem tiến trình', text)]
    assert len(job_ids) == 3 and sorted(run_queue(site)) == sorted(job_ids)
    documents = stored(site)
    assert [d.filename for d in documents] == [CONVERSION, HEALTH]
    failed = browser.get(f"/uploads/{job_ids[1]}")
    assert status_of(failed.text) == "Lỗi"
    assert "Nội dung tệp không đúng với định dạng theo tên tệp" in failed.text
    assert english_words(failed.text) == set()  # the reader's own English words stay in the API's `detail`
    listing = browser.get("/uploads")
    assert listing.status_code == 200 and 'data-pending="0"' in listing.text
    for document in documents:
        assert f'href="/documents/{document.id}/review"' in listing.text
    assert listing.text.count(">Xong<") == 2 and listing.text.count(">Lỗi<") == 1
    assert count(site, Task) == 12
    with session_factory(site.engine)() as session:
        ingests = session.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "ingest"))
        assert sorted(ingests) == [d.id for d in documents]


def test_several_good_files_lead_to_the_list_of_uploads(site):
    browser = site.login("clerk")
    response = upload(browser, example(CONVERSION), example(HEALTH))
    assert response.status_code == 303 and response.headers["location"] == "/uploads"
    listing = browser.get("/uploads")
    assert listing.text.count(">Đang chờ<") == 2 and 'data-pending="1"' in listing.text
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in listing.text
    assert "Bạn chưa tải lên tệp nào." in site.login("admin").get("/uploads").text  # each sees their own


def test_a_garbled_pdf_fails_with_a_vietnamese_reason(site, garbled_pdf):
    browser = site.login("clerk")
    response = upload(browser, ("tb-loi-phong.pdf", garbled_pdf.read_bytes()))
    job_id = job_of(response)
    run_queue(site)
    page = browser.get(f"/uploads/{job_id}")
    assert status_of(page.text) == "Lỗi"
    assert "Lớp chữ của tệp PDF bị lỗi phông nên không đọc đúng tiếng Việt" in page.text
    assert stored(site) == []


def test_a_file_already_stored_is_a_duplicate_with_a_link_and_not_stored_again(site):
    first = site.document(CONVERSION, confirm=False)
    browser = site.login("clerk")
    response = upload(browser, ("ban-sao.txt", example(CONVERSION)[1]))
    page = browser.get(f"/uploads/{job_of(response)}")
    assert status_of(page.text) == "Trùng"  # known at once: nothing to read
    assert "Tệp này đã được tải lên trước đây" in page.text and "data-go" not in page.text
    assert f'href="/documents/{first["id"]}/review"' in page.text
    twice = upload(browser, example(HEALTH), example(HEALTH))
    assert twice.headers["location"] == "/uploads"
    run_queue(site)
    statuses = re.findall(r'<tr data-status="(\w+)">', browser.get("/uploads").text)
    assert statuses == ["duplicate", "done", "duplicate", "done"]  # newest first; the last through the API
    assert len(stored(site)) == 2


def test_confirm_at_once_tracks_the_tasks(site):
    browser = site.login("clerk")
    job_id = job_of(upload(browser, example(HEALTH), confirm=True))
    run_queue(site)
    (document,) = stored(site)
    assert document.status == "confirmed" and document.confirmed_by_id == site.user_ids["clerk"]
    page = browser.get(f"/uploads/{job_id}")
    assert f'href="/documents/{document.id}"' in page.text and "Xem văn bản" in page.text
    assert "data-go" not in page.text  # nothing to review
    tracked = site.api("GET", "/tasks").json()
    assert tracked["total"] == 3


def test_an_upload_is_seen_by_its_uploader_and_the_office_only(site):
    job_id = job_of(upload(site.login("clerk"), example(HEALTH)))
    assert site.login("admin").get(f"/uploads/{job_id}").status_code == 200
    for who in ("viewer", "officer"):
        assert site.login(who).get(f"/uploads/{job_id}").status_code == 404
    assert site.login("clerk").get("/uploads/999999").status_code == 404


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
