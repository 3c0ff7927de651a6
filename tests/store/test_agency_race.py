"""Two writers meeting the same new agency at once (two ingest workers, two clerks) both succeed
and share one row: the second insert skips the row the first committed instead of failing its
whole document with a unique-key error (seen on PostgreSQL with two ingest workers)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from chidao.store.agencies import agencies_named, agency_key, get_or_create_agency
from chidao.store.engine import session_factory
from chidao.store.models import Agency
from db import database_fixture

database = database_fixture()
NAME = "Ban Quản lý dự án đầu tư xây dựng công trình giao thông khu vực Tây Nguyên"


def _second_writer(factory, create, out: dict) -> threading.Thread:
    def run() -> None:
        try:
            with factory.begin() as session:
                out["id"] = create(session).id
        except Exception as error:  # reported by the test's assertion
            out["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _race(database, create) -> None:
    factory = session_factory(database)
    out: dict = {}
    with factory.begin() as first:
        mine = create(first).id  # inserted, not yet committed
        thread = _second_writer(factory, create, out)
        time.sleep(0.5)  # the second writer is now waiting on this transaction's row or lock
    thread.join(30)
    assert "error" not in out, out.get("error")
    assert out["id"] == mine
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Agency).where(Agency.key == agency_key(NAME))) == 1


def test_two_writers_creating_the_same_agencies_share_one_row(database):
    _race(database, lambda session: agencies_named(session=session, names=[NAME, "Sở Y tế"])[agency_key(NAME)])


def test_two_writers_creating_one_agency_share_one_row(database):
    _race(database, lambda session: get_or_create_agency(session=session, name=NAME))


def test_a_name_stored_under_an_older_key_is_found_by_its_name(database):
    factory = session_factory(database)
    with factory.begin() as session:
        session.add(Agency(name=NAME, key="an older folding of the name", aliases=[]))
    with factory.begin() as session:
        found = agencies_named(session=session, names=[NAME])[agency_key(NAME)]
        assert found.key == "an older folding of the name"
