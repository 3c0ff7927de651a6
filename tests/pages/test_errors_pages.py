"""Errors on page paths answer pages in Vietnamese (the API keeps its JSON), never a traceback."""

from __future__ import annotations

from fastapi.testclient import TestClient

from chidao.store.engine import open_engine
from chidao.web.app import create_app


def test_an_upload_over_the_limit_gets_a_page_and_nothing_is_stored(site):
    browser = site.login("clerk")
    browser.get("/documents/upload")
    too_big = b"x" * (site.settings.max_upload_bytes * 21)
    response = browser.client.post(
        "/documents/upload", files={"files": ("a.txt", too_big)}, data={"csrf_token": browser.csrf}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "Tệp quá lớn" in response.text
    assert site.api("GET", "/documents").json()["total"] == 0
    api = site.api("POST", "/documents", files={"file": ("a.txt", too_big)})
    assert api.status_code == 413 and "detail" in api.json()


def test_a_database_that_cannot_be_reached_gets_a_503_page(settings):
    engine = open_engine("postgresql://postgres@127.0.0.1:1/nowhere")  # nothing listens on port 1
    app = create_app(settings, engine=engine)
    with TestClient(app, follow_redirects=False) as client:
        client.cookies.set("chidao_session", "some-session")
        page = client.get("/tasks")
        assert page.status_code == 503
        assert page.headers["content-type"].startswith("text/html")
        assert "không truy cập được" in page.text and "Traceback" not in page.text
        api = client.get("/api/v1/tasks", headers={"Authorization": "Bearer x"})
        assert api.status_code == 503 and api.json()["detail"].startswith("the database is unavailable")
    engine.dispose()
