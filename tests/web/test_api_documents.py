"""Uploading documents: the happy path, duplicates, and every way a file is refused."""

from __future__ import annotations

import pytest
from apiclient import CONVERSION, EXAMPLES, HEALTH, MAX_UPLOAD
from sqlalchemy import func, select

from chidao.store.models import Document, Task


def count(api, model) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_upload_stores_the_document_and_its_draft_tasks(api):
    response = api.upload(CONVERSION)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["created"] is True
    assert body["status"] == "draft"
    assert body["number"] == "125/TB-UBND"
    assert body["doc_date"] == "2024-03-15"
    assert body["task_count"] == len(body["tasks"]) == 9
    first = body["tasks"][0]
    assert first["lead"] == ["Sở Thông tin và Truyền thông"]
    assert first["coordinators"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert first["deadline"] == "2024-04-30"
    assert first["tracked"] is False and first["origin"] == "extracted"
    assert "original" not in body  # the bytes are downloaded separately
    original = api.get(f"/documents/{body['id']}/original")
    assert original.content == (EXAMPLES / CONVERSION).read_bytes()


def test_same_content_again_answers_the_existing_document(api):
    first = api.upload(CONVERSION).json()
    again = api.upload("renamed.txt", data=(EXAMPLES / CONVERSION).read_bytes())
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["id"] == first["id"]
    assert count(api, Document) == 1


def test_upload_with_confirm_tracks_the_tasks_at_once(api):
    body = api.document(HEALTH, confirm=True)
    assert body["status"] == "confirmed"
    assert all(t["tracked"] for t in body["tasks"])
    listed = api.get("/tasks").json()
    assert listed["total"] == len(body["tasks"]) == 3


def test_too_large_by_content_length_is_refused_before_reading(api):
    response = api.upload("big.txt", data=b"x" * (MAX_UPLOAD + 100_000))
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert count(api, Document) == 0


def test_too_large_by_actual_size_is_refused(api):
    # within the multipart allowance of the early check: the endpoint measures the file itself
    response = api.upload("big.txt", data=b"x" * (MAX_UPLOAD + 10))
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]
    assert count(api, Document) == 0


def test_too_large_without_content_length_is_refused_while_streaming(api):
    boundary = "b0undary"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'.encode()

    def chunks():
        yield head
        for _ in range(MAX_UPLOAD // 8192 + 20):
            yield b"y" * 8192
        yield f"\r\n--{boundary}--\r\n".encode()

    response = api.post(
        "/documents", content=chunks(), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notice.xyz", "Sở Y tế chủ trì thực hiện.".encode()),
        ("notice.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("archive", b"PK\x05\x06" + b"\x00" * 18),
    ],
)
def test_unsupported_types_answer_415(api, name, data):
    response = api.upload(name, data=data)
    assert response.status_code == 415, response.text
    assert "unsupported file type" in response.json()["detail"]
    assert count(api, Document) == 0


def test_unknown_extension_with_recognizable_content_is_read(api):
    html = "<html><body><p>Giao Sở Y tế chủ trì tổ chức tiêm chủng trước ngày 30/6/2024.</p></body></html>"
    response = api.upload("page.download", data=html.encode())
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n ", "empty"),
        ("fake.pdf", "Thông báo kết luận".encode(), "not a PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
    ],
)
def test_unreadable_files_answer_422_with_the_reason_and_store_nothing(api, name, data, reason):
    response = api.upload(name, data=data)
    assert response.status_code == 422, response.text
    assert reason in response.json()["detail"]
    assert count(api, Document) == 0
    assert count(api, Task) == 0


def test_a_garbled_pdf_answers_422_with_the_reason(api, garbled_pdf):
    response = api.upload("tb-loi-phong.pdf", data=garbled_pdf.read_bytes())
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith("garbled text layer (")
    assert count(api, Document) == 0


def test_missing_file_field_is_a_validation_error(api):
    response = api.post("/documents", data={"confirm": "true"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "file"]


@pytest.mark.parametrize("who", ["viewer", "officer"])
def test_only_clerks_and_admins_upload(api, who):
    assert api.upload(CONVERSION, who=who).status_code == 403
    assert api.upload(CONVERSION, who="admin").status_code == 201


def test_list_documents_is_paginated_and_filtered_by_status(api):
    api.document(CONVERSION, confirm=False)
    api.document(HEALTH, confirm=True)
    everything = api.get("/documents", params={"per_page": 1}).json()
    assert everything["total"] == 2 and len(everything["items"]) == 1 and everything["per_page"] == 1
    assert everything["items"][0]["filename"] == HEALTH  # newest first
    second = api.get("/documents", params={"per_page": 1, "page": 2}).json()
    assert second["items"][0]["filename"] == CONVERSION
    drafts = api.get("/documents", params={"status": "draft"}).json()
    assert [d["filename"] for d in drafts["items"]] == [CONVERSION]
    assert api.get("/documents", params={"status": "lost"}).status_code == 422
    assert api.get("/documents", params={"page": 0}).status_code == 422


def test_agency_officers_see_only_confirmed_documents_with_their_tasks(api):
    draft = api.document(CONVERSION, confirm=False)
    health = api.document(HEALTH, confirm=True)
    assert api.get(f"/documents/{draft['id']}", who="officer").status_code == 404
    assert api.get(f"/documents/{health['id']}", who="officer").status_code == 404
    assert api.get("/documents", who="officer").json()["total"] == 0
    mine = api.get(f"/documents/{health['id']}", who="health").json()
    assert [t["lead"] for t in mine["tasks"]] == [["Sở Y tế"]]
    api.post(f"/documents/{draft['id']}/confirm")
    assert api.get("/documents", who="officer").json()["total"] == 1


def test_confirm_tracks_the_tasks_once(api):
    document = api.document(CONVERSION, confirm=False)
    assert api.get("/tasks").json()["total"] == 0
    assert api.post(f"/documents/{document['id']}/confirm", who="viewer").status_code == 403
    confirmed = api.post(f"/documents/{document['id']}/confirm")
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "confirmed"
    assert api.get("/tasks").json()["total"] == 9
    again = api.post(f"/documents/{document['id']}/confirm")
    assert again.status_code == 409
    assert api.get("/documents/999").status_code == 404
