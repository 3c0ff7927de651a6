"""Uploads through the API are queued (issue 15, item 5): 202 with the job and a ``Location`` to
follow it, read by the queue's worker (``drain``, what ``chidao serve`` runs in the background);
``wait`` answers as before the queue (201, 200 for a file stored already, 422 when unreadable);
the uploader and the office see a job, nobody else."""

from __future__ import annotations

from apiclient import CONVERSION, EXAMPLES, HEALTH

from chidao.store.engine import session_factory
from chidao.tracking.ingest_queue import drain


def run_queue(api) -> list[int]:
    return drain(session_factory(api.engine))


def test_an_upload_is_accepted_at_once_and_followed_at_its_location(api):
    response = api.upload(HEALTH, wait=None)
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/api/v1/ingest-jobs/{job['id']}" == job["url"]
    assert job["status"] == "queued" and job["status_label"] == "Đang chờ" and job["document_id"] is None
    assert job["filename"] == HEALTH and job["page"] == f"/uploads/{job['id']}" and job["confirm"] is False
    assert api.get("/documents").json()["total"] == 0
    assert api.get(f"/ingest-jobs/{job['id']}").json()["status"] == "queued"
    assert run_queue(api) == [job["id"]]
    done = api.get(f"/ingest-jobs/{job['id']}").json()
    assert done["status"] == "done" and done["status_label"] == "Xong" and done["attempts"] == 1
    assert done["started_at"] and done["finished_at"]
    document = api.get(f"/documents/{done['document_id']}").json()
    assert document["filename"] == HEALTH and document["status"] == "draft"


def test_waiting_answers_as_before_the_queue(api):
    created = api.upload(CONVERSION, wait=60)
    assert created.status_code == 201 and created.json()["created"] is True
    assert "location" not in created.headers
    assert len(created.json()["tasks"]) == 9
    again = api.upload("ban-sao.txt", (EXAMPLES / CONVERSION).read_bytes(), wait=60)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["id"] == created.json()["id"]
    bad = api.upload("hong.pdf", b"this is not a PDF at all", wait=60)
    assert bad.status_code == 422 and "PDF" in bad.json()["detail"]
    jobs = api.get("/ingest-jobs").json()
    assert [j["status"] for j in jobs] == ["failed", "duplicate", "done"]  # newest first
    assert jobs[0]["error"].startswith("Nội dung tệp không đúng với định dạng")


def test_a_duplicate_is_known_when_queued(api):
    first = api.document(HEALTH)
    response = api.upload("lan-hai.txt", (EXAMPLES / HEALTH).read_bytes(), wait=None)
    assert response.status_code == 202
    job = response.json()
    assert job["status"] == "duplicate" and job["document_id"] == first["id"] and job["finished_at"]


def test_refusals_before_queuing_are_unchanged(api):
    assert api.upload("chuong-trinh.exe", b"MZ\x90\x00 not a notice", wait=None).status_code == 415
    assert api.upload("qua-lon.txt", b"x" * (api.settings.max_upload_bytes + 1), wait=None).status_code == 413
    assert api.get("/ingest-jobs").json() == []


def test_wait_is_bounded(api):
    for wait in (-1, 301, "soon"):
        response = api.post("/documents", files={"file": (HEALTH, b"x")}, params={"wait": wait})
        assert response.status_code == 422, wait
    assert api.get("/ingest-jobs").json() == []


def test_a_job_is_seen_by_its_uploader_and_the_office_only(api):
    job = api.upload(HEALTH, wait=None).json()
    for who in ("admin", "robot"):  # the office (robot is a clerk's integration)
        assert api.get(f"/ingest-jobs/{job['id']}", who=who).status_code == 200, who
    for who in ("viewer", "officer", "finance"):
        assert api.get(f"/ingest-jobs/{job['id']}", who=who).status_code == 404, who
    assert api.get(f"/ingest-jobs/{job['id']}", who=None).status_code == 401
    assert api.get("/ingest-jobs/999999").status_code == 404
    assert api.get("/ingest-jobs", who="admin").json() == []  # the list is one's own uploads


def test_the_status_page_script_reads_a_job_with_the_login_cookie(api):
    """What ``static/uploads.js`` polls: the job, with the session cookie and no token."""
    job = api.upload(HEALTH, wait=None).json()
    client = api.open_client()
    login = client.post("/api/v1/auth/login", json={"username": "clerk", "password": api_password()})
    assert login.status_code == 200, login.text
    response = client.get(f"/api/v1/ingest-jobs/{job['id']}")
    assert response.status_code == 200 and response.json()["status"] == "queued"


def api_password() -> str:
    from apiclient import PASSWORD

    return PASSWORD
