"""Input that once answered 500 (issue 10, "Measured"): Unicode digits where an id is expected,
ids beyond the database's integer range, dates at the end of the calendar, file names with NUL
or a newline. Each is now a 4xx, or a result, never a server error."""

from __future__ import annotations

import logging

import pytest
from apiclient import CONVERSION
from fastapi.testclient import TestClient
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, StatementError

SUPERSCRIPT_TWO = "\u00b2"  # "²": str.isdigit() says yes, int() says no
ARABIC_THREE = "\u0663"  # "٣": a decimal digit int() reads, but no id of ours


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, ARABIC_THREE, "99999999999999999999", "-1", "1\x00"])
def test_task_list_agency_takes_ascii_ids_in_range(api, value):
    api.document(CONVERSION)
    response = api.get("/tasks", params={"agency": value})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, ARABIC_THREE, "99999999999999999999"])
def test_task_list_document_id_refuses_what_is_no_id(api, value):
    response = api.get("/tasks", params={"document_id": value})
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, ARABIC_THREE, "99999999999999999999", "1\x00"])
def test_reports_take_no_unicode_digit_for_an_agency(api, value):
    # "²".isdigit() is true and int("²") raises: the agency is looked up by name and not found.
    response = api.get("/reports", params={"agency": value})
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


@pytest.mark.parametrize("day", ["9999-06-01", "9999-12-31", "0001-01-01"])
def test_occurrences_at_the_ends_of_the_calendar(api, day):
    task = api.document(CONVERSION)["tasks"][0]
    response = api.get(f"/tasks/{task['id']}/occurrences", params={"from": day})
    assert response.status_code in (200, 422), response.text
    response = api.get(f"/tasks/{task['id']}/occurrences", params={"to": day})
    assert response.status_code in (200, 422), response.text


@pytest.mark.parametrize("name", ["bao\x00cao.pdf", "bao\ncao.pdf", 'bao"cao\r\n.pdf', 'x\x00\n\r";.pdf'])
def test_attachment_names_with_control_characters(api, name):
    task = api.document(CONVERSION)["tasks"][0]
    response = api.post(
        f"/tasks/{task['id']}/progress",
        who="clerk",
        data={"percent": "10"},
        files=[("attachments", (name, b"%PDF-1.4 evidence", "application/pdf"))],
    )
    assert response.status_code == 201, response.text
    attachment = response.json()["report"]["attachments"][0]
    assert not any(c in attachment["filename"] for c in "\x00\r\n")
    download = api.get(f"/attachments/{attachment['id']}")
    assert download.status_code == 200 and download.content == b"%PDF-1.4 evidence"
    disposition = download.headers["content-disposition"]
    assert disposition.startswith("attachment;") and not any(c in disposition for c in "\x00\r\n")


def test_document_names_with_control_characters(api):
    data = (api_examples() / CONVERSION).read_bytes()
    response = api.post("/documents?wait=60", files={"file": ("thong\x00bao\n.txt", data)})
    assert response.status_code == 201, response.text
    original = api.get(f"/documents/{response.json()['id']}/original")
    assert original.status_code == 200
    assert not any(c in original.headers["content-disposition"] for c in "\x00\r\n")


SECRET = "Giao Sở Bí Mật Quốc Gia chủ trì thực hiện nhiệm vụ tuyệt mật."


@pytest.mark.parametrize("kind", [IntegrityError, DataError, OperationalError, StatementError])
def test_error_logs_do_not_print_document_text(api, caplog, monkeypatch, kind):
    """A database error while storing a document is logged without the document's words (the
    statement's parameters), whatever the error's kind."""
    from chidao.web import upload_queue

    def broken(*_args, **_kwargs):
        raise kind("INSERT INTO documents (text) VALUES (?)", {"text": SECRET}, Exception("constraint failed"))

    monkeypatch.setattr(upload_queue, "queue_upload", broken)
    client = TestClient(api.client.app, raise_server_exceptions=False)
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            "/api/v1/documents?wait=60", headers=api.headers("clerk"), files={"file": ("mat.txt", SECRET.encode())}
        )
    assert response.status_code in (409, 422, 500, 503)
    assert "Bí Mật" not in caplog.text and "constraint failed" in caplog.text


def api_examples():
    from apiclient import EXAMPLES

    return EXAMPLES
