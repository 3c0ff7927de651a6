"""Finding documents and the deadline calendar on a large database: median and worst of N runs.

    python benchmarks/generate.py sqlite:////tmp/big.sqlite3 --documents 20000 --tasks-per-document 10
    python benchmarks/find_and_calendar.py sqlite:////tmp/big.sqlite3 [--runs 20]

Each figure is the use case the page calls (``list_documents`` with a filter, a page of 50 and
its count; ``month_counts`` for a month: one grouped query for the deadlines, the recurring
tasks' rounds laid out in Python), for the office (everything) and for the busiest agency's
officer. Figures depend on the machine: run it on a quiet one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from sqlalchemy import func, select

from chidao.extract.workdays import WorkCalendar
from chidao.store.engine import open_engine, session_factory
from chidao.store.models import Assignment, User
from chidao.tracking.deadline_calendar import month_counts
from chidao.tracking.document_filter import DocumentFilter
from chidao.tracking.documents import list_documents
from chidao.tracking.task_filter import Scope

TODAY = date(2026, 6, 1)
SEARCHES = {
    "q='ket luan' (most documents)": DocumentFilter(q="ket luan"),
    "q='trung tam du lieu' (a twelfth)": DocumentFilter(q="trung tam du lieu"),
    "number='1234/tb'": DocumentFilter(number="1234/tb"),
    "issuer + type + dates": DocumentFilter(
        issuer="SỞ KẾ HOẠCH VÀ ĐẦU TƯ", doc_type="KẾ HOẠCH", issued_from=date(2025, 1, 1), issued_to=date(2025, 6, 30)
    ),
}


def _time(func, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    engine = open_engine(args.url)
    work = WorkCalendar()
    with session_factory(engine)() as session:
        busiest = session.scalar(
            select(Assignment.agency_id).group_by(Assignment.agency_id).order_by(func.count().desc()).limit(1)
        )
        office = User(username="bench", role="admin")
        for name, flt in SEARCHES.items():
            found = list_documents(session=session, user=office, flt=flt, page=1, per_page=50)[1]
            median, worst = _time(
                lambda flt=flt: list_documents(session=session, user=office, flt=flt, page=1, per_page=50), args.runs
            )
            print(f"documents {name:38} {found:>7} found  median {median:7.1f} ms  worst {worst:7.1f} ms")
        for label, scope in (("office", Scope()), (f"agency {busiest}", Scope(agency_id=busiest, unrestricted=False))):
            for month in (date(2026, 6, 1), date(2025, 3, 1)):
                days = month_counts(
                    session=session, scope=scope, month=month, today=TODAY, soon_until=TODAY, calendar=work
                )
                median, worst = _time(
                    lambda scope=scope, month=month: month_counts(
                        session=session, scope=scope, month=month, today=TODAY, soon_until=TODAY, calendar=work
                    ),
                    args.runs,
                )
                tasks = sum(c.tasks for c in days.values())
                rounds = sum(c.rounds for c in days.values())
                print(
                    f"calendar {label:12} {month:%Y-%m}  {tasks:>6} due, {rounds:>6} rounds  "
                    f"median {median:7.1f} ms  worst {worst:7.1f} ms"
                )


if __name__ == "__main__":
    main()
