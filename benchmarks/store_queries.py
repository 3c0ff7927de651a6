"""Latency of the API's heaviest reads on a large database, against the same query in plain SQL.

    python benchmarks/generate.py URL            # once: 1,000,000 tasks, 50,000 documents, 500 agencies
    python benchmarks/store_queries.py URL [--runs 60]

For each query it prints p50 and p95 in milliseconds through the API (in process, with an API
token, JSON serialization included) and for the equivalent hand-written SQL, and their ratio:
- task list: one agency's overdue tasks (agency + timing state filters), first page of 50;
- statistics: counts by timing state and overdue tasks per lead agency (the dashboard);
- text search: a diacritic-free query, first page of 50.
"""

from __future__ import annotations

import argparse
import random
import statistics as stats
import time
from datetime import date

from sqlalchemy import select, text

from chidao.extract.workdays import WorkCalendar
from chidao.settings import Settings
from chidao.store.engine import is_sqlite, open_engine, session_factory
from chidao.store.models import Agency, Assignment, User
from chidao.tracking.accounts import add_user, create_token
from chidao.tracking.timing import due_soon_until

TODAY = date(2026, 6, 1)
QUERIES = ["chuyen doi so", "ho so giai phong mat bang", "du toan kinh phi", "dak nong"]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return stats.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def _time(func, runs: int) -> tuple[float, float]:
    func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return _percentiles(samples)


def _sql_list(engine, agency_id: int, soon: date):
    query = text(
        "SELECT t.id, t.text, t.deadline, t.status FROM tasks t WHERE t.tracked AND NOT t.deleted "
        "AND t.status != 'done' AND t.deadline < :today AND t.id IN (SELECT task_id FROM task_agencies "
        "WHERE agency_id = :agency) ORDER BY t.deadline, t.id LIMIT 50"
    )
    count = text(
        "SELECT count(*) FROM tasks t WHERE t.tracked AND NOT t.deleted AND t.status != 'done' "
        "AND t.deadline < :today AND t.id IN (SELECT task_id FROM task_agencies WHERE agency_id = :agency)"
    )
    with engine.connect() as conn:
        conn.execute(query, {"today": TODAY, "agency": agency_id}).all()
        conn.execute(count, {"today": TODAY, "agency": agency_id}).scalar()


def _sql_stats(engine, soon: date):
    counts = text(
        "SELECT sum(CASE WHEN status != 'done' AND deadline < :today THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status != 'done' AND deadline >= :today AND deadline <= :soon THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status != 'done' AND deadline > :soon THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status != 'done' AND deadline IS NULL THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status = 'done' AND (deadline IS NULL OR completed_on IS NULL OR completed_on <= deadline) "
        "THEN 1 ELSE 0 END), sum(CASE WHEN status = 'done' AND completed_on > deadline THEN 1 ELSE 0 END) "
        "FROM tasks WHERE tracked AND NOT deleted"
    )
    by_agency = text(
        "SELECT a.agency_id, count(*) FROM task_agencies a JOIN tasks t ON t.id = a.task_id "
        "WHERE a.role = 'lead' AND t.tracked AND NOT t.deleted AND t.status != 'done' AND t.deadline < :today "
        "GROUP BY a.agency_id ORDER BY count(*) DESC LIMIT 50"
    )
    with engine.connect() as conn:
        conn.execute(counts, {"today": TODAY, "soon": soon}).one()
        conn.execute(by_agency, {"today": TODAY}).all()


def _sql_search(engine, words: list[str]):
    """The same search by hand: newest first, and the count (capped like the API's on PostgreSQL)."""
    if is_sqlite(engine):
        where = "t.id IN (SELECT rowid FROM task_fts WHERE task_fts MATCH :match)"
        params = {"match": " ".join(f'"{w}"' for w in words)}
        count = f"SELECT count(*) FROM tasks t WHERE t.tracked AND NOT t.deleted AND {where}"
    else:
        where = "t.search_tsv @@ to_tsquery('simple', :match)"
        params = {"match": " & ".join(words)}
        count = (
            f"SELECT count(*) FROM (SELECT 1 FROM tasks t WHERE t.tracked AND NOT t.deleted AND {where} LIMIT 10001) s"
        )
    with engine.connect() as conn:
        conn.execute(
            text(
                f"SELECT t.id, t.text, t.deadline FROM tasks t WHERE t.tracked AND NOT t.deleted AND "
                f"{where} ORDER BY t.id DESC LIMIT 50"
            ),
            params,
        ).all()
        conn.execute(text(count), params).scalar()


def _token(engine) -> str:
    with session_factory(engine).begin() as session:
        user = session.scalar(select(User).where(User.username == "bench-admin"))
        if user is None:
            user = add_user(session=session, username="bench-admin", role="admin", password="bench-password-2026")
        return create_token(session=session, user=user, name="benchmark")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    engine = open_engine(args.url)
    soon = due_soon_until(TODAY, 5, WorkCalendar())
    with engine.connect() as conn:
        busy = (
            conn.execute(
                select(Assignment.agency_id).group_by(Assignment.agency_id).order_by(text("count(*) DESC")).limit(100)
            )
            .scalars()
            .all()
        )
        agencies = conn.execute(select(Agency.id)).scalars().all()
    rng = random.Random(7)
    from fastapi.testclient import TestClient

    from chidao.web.app import create_app
    from chidao.web.deps import get_today

    app = create_app(Settings(data_dir=".", database_url=args.url), engine=engine)
    app.dependency_overrides[get_today] = lambda: TODAY
    client = TestClient(app)
    headers = {"Authorization": f"Bearer {_token(engine)}"}
    print(f"{args.url.split('://')[0]}: {len(agencies)} agencies; p50 / p95 in ms over {args.runs} runs")
    if not is_sqlite(engine):
        with engine.connect() as conn:
            print(f"server: shared_buffers {conn.exec_driver_sql('SHOW shared_buffers').scalar()}")

    def api_list():
        agency = rng.choice(busy)
        response = client.get(f"/api/v1/tasks?agency={agency}&timing_state=overdue&per_page=50", headers=headers)
        assert response.status_code == 200, response.text

    def api_stats():
        assert client.get("/api/v1/stats", headers=headers).status_code == 200

    def api_search():
        q = rng.choice(QUERIES)
        assert client.get(f"/api/v1/tasks?q={q}&per_page=50", headers=headers).status_code == 200

    rows = [
        ("task list (agency + overdue)", api_list, lambda: _sql_list(engine, rng.choice(busy), soon), 50),
        ("statistics (dashboard)", api_stats, lambda: _sql_stats(engine, soon), 200),
        ("text search", api_search, lambda: _sql_search(engine, rng.choice(QUERIES).split()), 100),
    ]
    for name, api, sql, target in rows:
        api_p50, api_p95 = _time(api, args.runs)
        sql_p50, sql_p95 = _time(sql, args.runs)
        print(
            f"{name:30} API {api_p50:7.1f} / {api_p95:7.1f}   SQL {sql_p50:7.1f} / {sql_p95:7.1f}   "
            f"API/SQL p95 {api_p95 / sql_p95:4.1f}x   target p95 <= {target} ms"
        )


if __name__ == "__main__":
    main()
