"""Issue 10, "Measured": while one document of thousands of tasks was stored, 15 of 16 logins got
503 (the store held SQLite's write lock for minutes). Now the rows are written in bulk, the lock
held for a moment, and logins made meanwhile all succeed, on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from apiclient import PASSWORD

from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import add_document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from store_large import notice  # the benchmark's generator of large notices


def test_logins_go_on_while_a_large_document_is_stored(api, database):
    data = notice(1500, 7)
    done, errors = threading.Event(), []

    def store() -> None:
        try:
            with open_sessions(database).begin() as session:
                add_document(session=session, filename="ke-hoach.txt", data=data)
        except Exception as error:
            errors.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=store)
    worker.start()
    codes = []
    while (not done.is_set() or len(codes) < 4) and len(codes) < 40:
        response = api.client.post("/api/v1/auth/login", json={"username": "clerk", "password": PASSWORD})
        codes.append(response.status_code)
    worker.join(timeout=120)
    assert not errors, errors
    assert codes and all(code == 200 for code in codes), codes
