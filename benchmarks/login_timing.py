"""How long a failed login takes for an existing user and for an unknown one (issue 10: they
differed, 242 ms against 39 ms, so usernames could be enumerated). In process, through the API's
``/auth/login`` on a fresh SQLite database; median and p90 over ``--runs`` attempts each.

    .venv/bin/python benchmarks/login_timing.py --runs 30
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from chidao.settings import Settings
from chidao.store.engine import open_engine, session_factory
from chidao.store.migrate import migrate
from chidao.tracking.accounts import add_user
from chidao.web.app import create_app

PASSWORD = "mat-khau-rat-dai-2026"


def measure(client: TestClient, username: str, runs: int) -> list[float]:
    times = []
    for n in range(runs):
        body = {"username": username, "password": f"wrong-password-{n}"}
        start = time.perf_counter()
        response = client.post("/api/v1/auth/login", json=body)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 401, response.text
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'chidao.sqlite3'}"
        engine = open_engine(url)
        migrate(engine)
        with session_factory(engine).begin() as session:
            add_user(session=session, username="vanthu", role="clerk", password=PASSWORD)
        settings = Settings(data_dir=Path(folder), database_url=url, login_attempts=10**6)
        with TestClient(create_app(settings, engine=engine), client=("192.0.2.1", 1)) as client:
            measure(client, "vanthu", 3)  # warm up
            figures = {name: measure(client, name, args.runs) for name in ("vanthu", "khong-ai-ca")}
        engine.dispose()
    for name, times in figures.items():
        ordered = sorted(times)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(f"{name:12} median {statistics.median(times):6.1f} ms  p90 {p90:6.1f} ms  ({len(times)} runs)")


if __name__ == "__main__":
    main()
