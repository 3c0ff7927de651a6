"""The periodic report at scale: a province of 1,000,000 tasks and 500 agencies, the report of a
quarter built, written as Word and Excel, timed (target: 10 s, files included).

    python benchmarks/reports.py sqlite:////tmp/reports.sqlite3 [--tasks 1000000] [--agencies 500]
    python benchmarks/reports.py postgresql://postgres@127.0.0.1:5432/chidao_reports [--tasks ...]

The database is made afresh (a SQLite file replaced; a PostgreSQL database created, or emptied
if it exists) and filled fast through the driver itself (sqlite3 ``executemany``, PostgreSQL
``COPY``) with the triggers that keep the per-agency copies dropped during the load, as
``generate.py`` does: notices dated over 2024 to mid-2026, 20 tasks each, deadlines from one
week to six months after the notice (15% without one), 5% recurring, done mostly on or around
their deadline, one or two leads with a skew, extensions, progress reports and recurring rounds.
The full-text index is not filled (reports do not search). Then, best of ``--runs``: the
province's report of 2026-Q1 (the cut-off of Nghị định 09/2019), its Word file and its workbook;
and the same for the busiest agency.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SQLITE_BULK_TRIGGERS, _migration, _zipf, agency_names, migrate_triggers

from chidao.extract.workdays import default_calendar
from chidao.reports.build import build_report, list_rows
from chidao.reports.docx_report import write_docx
from chidao.reports.periods import parse_period
from chidao.reports.xlsx_report import write_xlsx
from chidao.store.agencies import agency_key
from chidao.store.engine import is_sqlite, normalize_url, open_engine, session_factory
from chidao.store.migrate import migrate

TODAY = date(2026, 6, 1)
FIRST_NOTICE = date(2024, 1, 1)
NOTICE_DAYS = (date(2026, 5, 31) - FIRST_NOTICE).days
PER_NOTICE = 20
VERBS = ("Rà soát", "Xây dựng", "Tham mưu", "Triển khai", "Tổng hợp", "Kiểm tra", "Báo cáo", "Hoàn thiện")
OBJECTS = ("kế hoạch chuyển đổi số", "hồ sơ giải phóng mặt bằng", "dự toán kinh phí", "thủ tục hành chính")
TABLES = {
    "documents": (
        "id",
        "filename",
        "media_type",
        "content_hash",
        "original",
        "text",
        "number",
        "doc_date",
        "title",
        "is_directive",
        "meta",
        "status",
        "confirmed_at",
    ),
    "tasks": (
        "id",
        "document_id",
        "position",
        "text",
        "deadline",
        "recurrence",
        "status",
        "progress",
        "completed_on",
        "tracked",
        "deleted",
        "origin",
        "search_text",
        "version",
    ),
    "task_agencies": (
        "task_id",
        "agency_id",
        "role",
        "position",
        "task_open",
        "task_deadline",
        "task_status",
        "task_late",
        "document_id",
    ),
    "extensions": (
        "task_id",
        "original_deadline",
        "requested_deadline",
        "reason",
        "status",
        "decided_at",
        "decision_note",
        "created_at",
    ),
    "progress_reports": ("task_id", "kind", "percent", "note", "created_at"),
    "occurrences": ("task_id", "due_on", "done_on"),
}


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, tzinfo=UTC)


def _task(rng: random.Random, task_id: int, doc_id: int, position: int, issued: date) -> tuple[dict, dict]:
    deadline = None if rng.random() < 0.15 else issued + timedelta(days=rng.randrange(7, 180))
    recurrence = rng.choice(("monthly", "quarterly")) if rng.random() < 0.05 else None
    status, completed = rng.choice(("assigned", "in_progress", "in_progress", "paused")), None
    if deadline is not None and deadline < TODAY and rng.random() < 0.85:
        completed = min(max(deadline + timedelta(days=rng.randrange(-30, 15)), issued), TODAY)
    elif rng.random() < 0.2:
        completed = issued + timedelta(days=rng.randrange(0, max((TODAY - issued).days, 1)))
    if rng.random() < 0.01:
        status, completed = "cancelled", None
    elif completed is not None:
        status = "done"
    row = {
        "id": task_id,
        "document_id": doc_id,
        "position": position,
        "text": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} số {task_id}",
        "deadline": deadline,
        "recurrence": recurrence,
        "status": status,
        "progress": 100 if completed else rng.randrange(0, 90, 10),
        "completed_on": completed,
        "tracked": True,
        "deleted": False,
        "origin": "extracted",
        "search_text": "",
        "version": 1,
    }
    state = {
        "task_open": status in ("assigned", "in_progress", "paused"),
        "task_deadline": deadline,
        "task_status": status,
        "task_late": bool(completed and deadline and completed > deadline),
        "document_id": doc_id,
    }
    return row, state


def _extras(rng: random.Random, task: dict, rows: dict[str, list]) -> None:
    """Extensions, progress reports and recurring rounds for some tasks."""
    deadline = task["deadline"]
    if deadline is not None and rng.random() < 0.02:
        asked = deadline - timedelta(days=20)
        rows["extensions"].append(
            (
                task["id"],
                deadline - timedelta(days=15),
                deadline,
                "Cần thêm thời gian",
                "approved",
                _moment(asked + timedelta(days=2)),
                "",
                _moment(asked),
            )
        )
    if deadline is not None and rng.random() < 0.1:
        rows["progress_reports"].append(
            (task["id"], "progress", 50, "Đang thực hiện", _moment(deadline + timedelta(days=rng.randrange(-10, 20))))
        )
    if task["recurrence"] and deadline is not None:
        done = deadline + timedelta(days=rng.randrange(-3, 6))
        rows["occurrences"].append((task["id"], deadline, done if done <= TODAY else None))


def _batch(rng: random.Random, first_doc: int, docs: int, agencies: int) -> dict[str, list]:
    rows: dict[str, list] = {name: [] for name in TABLES}
    for doc_id in range(first_doc, first_doc + docs):
        issued = FIRST_NOTICE + timedelta(days=rng.randrange(NOTICE_DAYS))
        rows["documents"].append(
            (
                doc_id,
                f"tb-{doc_id}.txt",
                "text/plain",
                f"{doc_id:064x}",
                b"",
                "",
                f"{doc_id}/TB-UBND",
                issued,
                f"Thông báo kết luận số {doc_id}",
                True,
                "{}",
                "confirmed",
                _moment(issued),
            )
        )
        for position in range(PER_NOTICE):
            task, state = _task(rng, (doc_id - 1) * PER_NOTICE + position + 1, doc_id, position, issued)
            rows["tasks"].append(tuple(task[c] for c in TABLES["tasks"]))
            leads = {_zipf(rng, agencies) for _ in range(rng.choice((1, 1, 1, 1, 2)))}
            helpers = {rng.randrange(agencies) for _ in range(rng.randrange(3))} - leads
            for role, chosen in (("lead", leads), ("coordinator", helpers)):
                for index, agency in enumerate(sorted(chosen)):
                    rows["task_agencies"].append((task["id"], agency + 1, role, index, *state.values()))
            _extras(rng, task, rows)
    return rows


def _sqlite_rows(rows: list[tuple]) -> list[tuple]:
    """Dates and times as SQLAlchemy writes them to SQLite."""

    def cell(value):
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(value, date):
            return value.isoformat()
        return value

    return [tuple(cell(v) for v in row) for row in rows]


def _load(engine, rows: dict[str, list]) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table, columns in TABLES.items():
            if not rows[table]:
                continue
            names = ", ".join(columns)
            if is_sqlite(engine):
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", _sqlite_rows(rows[table]))
            else:
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def fresh_engine(url: str):
    """A new, migrated database at ``url``."""
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        base, name = normalize_url(url).rsplit("/", 1)
        admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        with create_engine(normalize_url(url), isolation_level="AUTOCOMMIT").connect() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    engine = open_engine(url)
    migrate(engine)
    return engine


def _triggers(engine, enable: bool) -> None:
    with engine.begin() as conn:
        if is_sqlite(engine):
            if enable:
                conn.execute(text("DELETE FROM task_tally"))
                conn.execute(text(_migration("0007_tally_by_status.py").rebuild_sql()))
            else:
                for trigger in SQLITE_BULK_TRIGGERS:
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
            return
        verb = "ENABLE" if enable else "DISABLE"
        for table, trigger in (
            ("task_agencies", "task_agencies_fill"),
            ("task_agencies", "task_agencies_document"),
            ("tasks", "tasks_tally"),
        ):
            conn.execute(text(f"ALTER TABLE {table} {verb} TRIGGER {trigger}"))
        if enable:
            conn.execute(text("DELETE FROM task_tally"))
            conn.execute(text(_migration("0007_tally_by_status.py").rebuild_sql()))


def generate(url: str, tasks: int, agencies: int, seed: int):
    started = time.perf_counter()
    engine = fresh_engine(url)
    rng = random.Random(seed)
    names = agency_names(agencies)
    _load_agencies(engine, names)
    _triggers(engine, enable=False)
    notices = max(tasks // PER_NOTICE, 1)
    for first in range(1, notices + 1, 2000):
        _load(engine, _batch(rng, first, min(2000, notices - first + 1), agencies))
        print(f"\r{min(first + 1999, notices) * PER_NOTICE:,} tasks", end="", flush=True)
    _triggers(engine, enable=True)
    if is_sqlite(engine):
        migrate_triggers(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    print(f"\n{notices * PER_NOTICE:,} tasks, {agencies} agencies loaded in {time.perf_counter() - started:.0f} s")
    return engine


def _load_agencies(engine, names: list[str]) -> None:
    with engine.begin() as conn:
        for index, name in enumerate(names, start=1):
            conn.execute(
                text("INSERT INTO agencies (id, name, key, aliases) VALUES (:i, :n, :k, '[]')"),
                {"i": index, "n": name, "k": agency_key(name)},
            )


def _timed(step):
    """The step's result, wall time and this process's CPU time (on a loaded machine the CPU time
    is what the step costs; with PostgreSQL, the server's own work is not in it)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = step()
    return result, time.perf_counter() - started, time.process_time() - cpu


def measure(engine, period: str, agency_id: int | None, runs: int) -> dict[str, float]:
    best: dict[str, float] = {}
    sessions = session_factory(engine)
    for _ in range(runs):
        with sessions() as session:
            report, built, built_cpu = _timed(
                lambda: build_report(
                    session=session,
                    period=parse_period(period),
                    today=TODAY,
                    calendar=default_calendar(),
                    agency_id=agency_id,
                    rows=list_rows()["workbook_rows"],
                )
            )
        word, docx_time, docx_cpu = _timed(lambda built_report=report: write_docx(built_report))
        book, xlsx_time, xlsx_cpu = _timed(lambda built_report=report: write_xlsx(built_report))
        figures = {
            "figures": built,
            "docx": docx_time,
            "xlsx": xlsx_time,
            "total": built + docx_time + xlsx_time,
            "total CPU": built_cpu + docx_cpu + xlsx_cpu,
        }
        best = {k: min(v, best.get(k, v)) for k, v in figures.items()}
    print(
        f"  {report.scope}: {report.totals.total:,} tasks in the period, {len(report.agencies)} lead agencies, "
        f"{report.totals.overdue:,} overdue (listed {len(report.overdue):,}), Word {len(word) // 1024} KB, "
        f"workbook {len(book) // 1024} KB"
    )
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--period", default="2026-Q1")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="measure the database as it is, without refilling it")
    args = parser.parse_args()
    engine = open_engine(args.url) if args.reuse else generate(args.url, args.tasks, args.agencies, args.seed)
    with engine.connect() as conn:
        busiest = conn.execute(
            text(
                "SELECT agency_id FROM task_agencies WHERE role = 'lead' "
                "GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
    print(f"report {args.period}, best of {args.runs} (s):")
    for label, agency in (("province", None), ("busiest agency", busiest)):
        times = measure(engine, args.period, agency, args.runs)
        print(f"  {label}: " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()))


if __name__ == "__main__":
    main()
