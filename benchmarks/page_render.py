"""Server time of every page on a large database (target: 300 ms each at 1,000,000 tasks).

    python benchmarks/generate.py URL            # once: 1,000,000 tasks, 50,000 documents, 500 agencies
    python benchmarks/page_render.py URL [--runs 30]

Logs in through the login form as an office user (and as an agency officer of the busiest
agency), then requests each page in process and prints p50 / p95 in milliseconds: the time
from request to the last byte of HTML, template rendering included.
"""

from __future__ import annotations

import argparse
import re
import statistics as stats
import time
from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from chidao.settings import Settings
from chidao.store.engine import open_engine, session_factory
from chidao.store.models import Agency, Assignment, Document, Task, User
from chidao.tracking.accounts import add_user
from chidao.web.app import create_app
from chidao.web.deps import get_today

TODAY = date(2026, 6, 1)
PASSWORD = "bench-password-1"
TARGET_MS = 300


def _user(engine, username: str, role: str, agency_id: int | None = None) -> None:
    with session_factory(engine).begin() as session:
        if session.scalar(select(User).where(User.username == username)) is None:
            agency = session.get(Agency, agency_id).name if agency_id else None
            add_user(session=session, username=username, role=role, password=PASSWORD, agency=agency)


def _login(app, username: str) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303, response.text
    return client


def _time(client: TestClient, path: str, runs: int) -> tuple[float, float, int]:
    status = client.get(path).status_code  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - start)
        status = response.status_code
    ordered = sorted(samples)
    return stats.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    engine = open_engine(args.url)
    with engine.connect() as conn:
        tasks = conn.scalar(select(func.count(Task.id)))
        busiest = conn.scalar(
            select(Assignment.agency_id).group_by(Assignment.agency_id).order_by(text("count(*) DESC")).limit(1)
        )
        task_id = conn.scalar(
            select(Task.id).join(Assignment).where(Assignment.agency_id == busiest).order_by(Task.id.desc()).limit(1)
        )
        document_id = conn.scalar(select(Task.document_id).where(Task.id == task_id))
        draft_id = conn.scalar(select(Document.id).where(Document.status == "draft").limit(1)) or document_id
    _user(engine, "bench-clerk", "clerk")
    _user(engine, "bench-officer", "agency", busiest)
    app = create_app(Settings(data_dir=".", database_url=args.url), engine=engine)
    app.dependency_overrides[get_today] = lambda: TODAY
    clerk, officer = _login(app, "bench-clerk"), _login(app, "bench-officer")
    pages = [
        ("dashboard", clerk, "/"),
        ("dashboard (agency officer)", officer, "/"),
        ("task list", clerk, "/tasks"),
        ("task list: agency + overdue", clerk, f"/tasks?agency={busiest}&timing_state=overdue"),
        ("task list: search", clerk, "/tasks?q=chuyen+doi+so"),
        ("task list (agency officer)", officer, "/tasks"),
        ("task page", clerk, f"/tasks/{task_id}"),
        ("task page (agency officer)", officer, f"/tasks/{task_id}"),
        ("agencies", clerk, "/agencies"),
        ("agency page", clerk, f"/agencies/{busiest}"),
        ("agency page (its officer)", officer, f"/agencies/{busiest}"),
        ("documents", clerk, "/documents"),
        ("documents (agency officer)", officer, "/documents"),
        ("document page", clerk, f"/documents/{document_id}"),
        ("review page", clerk, f"/documents/{draft_id}/review"),
        ("upload form", clerk, "/documents/upload"),
    ]
    print(f"{args.url.split('://')[0]}: {tasks:,} tasks; server time p50 / p95 in ms over {args.runs} runs")
    for name, client, path in pages:
        p50, p95, status = _time(client, path, args.runs)
        verdict = "ok" if p95 <= TARGET_MS and status < 400 else "MISS"
        print(f"{name:30} {p50:7.1f} / {p95:7.1f}   HTTP {status}   {verdict} (target p95 <= {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
