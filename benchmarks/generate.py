"""Fill a chidao database with synthetic tracking data at scale (default: 1,000,000 tasks).

    python benchmarks/generate.py DATABASE_URL [--documents 50000] [--tasks-per-document 20]
                                  [--agencies 500] [--seed 1]

Tasks get the shapes a tracking office sees: deadlines spread over 2024–2027 (a fifth without
one); tasks whose deadline has passed are mostly done (one in eight is still open, i.e. overdue),
later ones mostly open; one or two leads and up to three coordinators drawn with a Zipf-like skew
(a few departments carry many tasks); sentences built from a notice vocabulary with place and
project names, folded for search exactly as ingest folds them. The schema is created with the
package's migrations.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from sqlalchemy import insert, text

from chidao.store.agencies import agency_key, registry_names
from chidao.store.documents import document_search_text, search_text
from chidao.store.engine import is_sqlite, open_engine
from chidao.store.migrate import migrate
from chidao.store.models import Agency, Assignment, Document, Task

VERBS = [
    "Rà soát",
    "Xây dựng",
    "Tham mưu",
    "Triển khai",
    "Đôn đốc",
    "Tổng hợp",
    "Hoàn thiện",
    "Kiểm tra",
    "Báo cáo",
    "Đẩy mạnh",
    "Nghiên cứu",
    "Tổ chức",
]
OBJECTS = [
    "kế hoạch chuyển đổi số",
    "hồ sơ giải phóng mặt bằng",
    "dự toán kinh phí",
    "quy chế phối hợp",
    "cơ sở dữ liệu đất đai",
    "dịch vụ công trực tuyến",
    "phương án bồi thường",
    "đề án nhân lực",
    "hạ tầng viễn thông",
    "chương trình giảm nghèo",
    "an toàn thông tin",
    "thủ tục hành chính",
]
PLACES = [
    "Đắk Nông",
    "Lâm Đồng",
    "Kiên Giang",
    "Bình Định",
    "Lạng Sơn",
    "Cần Thơ",
    "Hà Nội",
    "Thanh Hóa",
    "Bảo Lộc",
    "Gia Nghĩa",
    "Quy Nhơn",
    "Đạ Huoai",
    "Văn Phú",
    "Yên Bái",
    "Âu Lâu",
    "Nghi Sơn",
]
PROJECTS = [
    "cao tốc",
    "cụm công nghiệp",
    "trường học",
    "trạm y tế",
    "cầu",
    "kênh mương",
    "chợ",
    "nhà văn hóa",
    "đường giao thông nông thôn",
    "khu tái định cư",
    "bến cảng",
    "trung tâm dữ liệu",
]
TODAY = date(2026, 6, 1)
RECURRENCE = [None] * 18 + ["monthly", "quarterly"]


def _zipf(rng: random.Random, n: int) -> int:
    """An agency index with a Zipf-like skew: the first departments get many tasks, none gets half."""
    return min(int(n ** rng.random()) - 1, n - 1) if rng.random() < 0.7 else rng.randrange(n)


def agency_names(count: int) -> list[str]:
    names = [name for name, _ in registry_names()]
    i = 0
    while len(names) < count:
        i += 1
        names.append(f"Ủy ban nhân dân xã {PLACES[i % len(PLACES)]} {i}")
        if len(names) < count:
            names.append(f"Phòng Kinh tế huyện {PLACES[(i * 3) % len(PLACES)]} {i}")
    return names[:count]


def _tasks_for(
    doc_id: int, first_id: int, per_doc: int, rng: random.Random, agencies: int, names: list[str]
) -> tuple[list[dict], list[dict]]:
    tasks, assignments = [], []
    for j in range(per_doc):
        task_id = first_id + j
        sentence = (
            f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} dự án {rng.choice(PROJECTS)} "
            f"{rng.choice(PLACES)} số {rng.randrange(1, 400)}"
        )
        deadline = None if rng.random() < 0.2 else date(2024, 1, 1) + timedelta(days=rng.randrange(4 * 365))
        passed = deadline is not None and deadline < TODAY
        if passed:
            status = "done" if rng.random() < 0.875 else rng.choice(("assigned", "in_progress", "in_progress"))
        else:
            status = rng.choice(("assigned", "assigned", "in_progress", "in_progress", "done", "paused"))
        completed = deadline + timedelta(days=rng.randrange(-30, 12)) if status == "done" and deadline else None
        lead_ids = {_zipf(rng, agencies) for _ in range(rng.choice((1, 1, 1, 2)))}
        coord_ids = {rng.randrange(agencies) for _ in range(rng.randrange(4))} - lead_ids
        tasks.append(
            {
                "id": task_id,
                "document_id": doc_id,
                "position": j,
                "text": sentence,
                "deadline": deadline,
                "recurrence": rng.choice(RECURRENCE),
                "status": status,
                "progress": 100 if status == "done" else 0,
                "completed_on": completed,
                "tracked": True,
                "deleted": False,
                "origin": "extracted",
                "version": 1,
                "search_text": search_text(sentence, [names[i] for i in lead_ids]),
            }
        )
        state = {
            "task_open": status in ("assigned", "in_progress", "paused"),
            "task_deadline": deadline,
            "task_status": status,
            "task_late": bool(status == "done" and completed and deadline and completed > deadline),
            "document_id": doc_id,
        }
        for position, agency in enumerate(sorted(lead_ids)):
            assignments.append(
                {"task_id": task_id, "agency_id": agency + 1, "role": "lead", "position": position, **state}
            )
        for position, agency in enumerate(sorted(coord_ids)):
            assignments.append(
                {"task_id": task_id, "agency_id": agency + 1, "role": "coordinator", "position": position, **state}
            )
    return tasks, assignments


ISSUERS = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]
DOC_TYPES = ["THÔNG BÁO", "CÔNG VĂN", "KẾ HOẠCH", "QUYẾT ĐỊNH"]


def _particulars(doc_id: int, rng: random.Random) -> dict:
    """A document's number, type, issuer, date and title, and the search text ingest would fold."""
    doc_type, issuer = rng.choice(DOC_TYPES), rng.choice(ISSUERS)
    number, title = f"{doc_id}/TB-UBND", f"Kết luận về {rng.choice(PROJECTS)} số {doc_id}"
    return {
        "number": number,
        "doc_type": doc_type,
        "issuer": issuer,
        "doc_date": date(2024, 1, 1) + timedelta(days=rng.randrange(1000)),
        "title": title,
        "meta": {"issuer": issuer},
        "search_text": document_search_text(number, title=title, doc_type=doc_type, issuer=issuer),
    }


def generate(url: str, documents: int, per_doc: int, agencies: int, seed: int) -> None:
    rng = random.Random(seed)
    engine = open_engine(url)
    migrate(engine)
    names = agency_names(agencies)
    started = time.perf_counter()
    with engine.begin() as conn:
        if is_sqlite(engine):
            for trigger in SQLITE_BULK_TRIGGERS:
                conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        else:
            conn.execute(text("ALTER TABLE task_agencies DISABLE TRIGGER task_agencies_fill"))
            conn.execute(text("ALTER TABLE task_agencies DISABLE TRIGGER task_agencies_document"))
            conn.execute(text("ALTER TABLE tasks DISABLE TRIGGER tasks_tally"))
        conn.execute(
            insert(Agency), [{"id": i + 1, "name": n, "key": agency_key(n), "aliases": []} for i, n in enumerate(names)]
        )
    batch = 1000
    task_id = 1
    for start in range(0, documents, batch):
        docs, tasks, assignments = [], [], []
        for doc_id in range(start + 1, min(start + batch, documents) + 1):
            docs.append(
                {
                    "id": doc_id,
                    "filename": f"tb-{doc_id}.txt",
                    "media_type": "text/plain",
                    "content_hash": f"{doc_id:064x}",
                    "original": b"",
                    "text": "",
                    "status": "confirmed",
                    "is_directive": True,
                    **_particulars(doc_id, rng),
                }
            )
            t, a = _tasks_for(doc_id, task_id, per_doc, rng, agencies, names)
            task_id += per_doc
            tasks.extend(t)
            assignments.extend(a)
        with engine.begin() as conn:
            conn.execute(insert(Document), docs)
            conn.execute(insert(Task), tasks)
            conn.execute(insert(Assignment), assignments)
        print(f"\r{min(start + batch, documents)}/{documents} documents", end="", flush=True)
    print()
    _finish(engine)
    print(f"{task_id - 1} tasks in {time.perf_counter() - started:.0f} s")


def _finish(engine) -> None:
    """Re-create what bulk loading skipped, and refresh the planner's statistics."""
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM task_tally"))
        conn.execute(text(_migration("0007_tally_by_status.py").rebuild_sql()))
        if is_sqlite(engine):
            conn.execute(
                text(
                    "INSERT INTO task_fts(rowid, search_text) SELECT id, search_text FROM tasks "
                    "WHERE tracked AND NOT deleted"
                )
            )
        else:
            for table in ("tasks", "task_agencies", "agencies", "documents"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table}))"
                    )
                )
    if is_sqlite(engine):
        migrate_triggers(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE task_agencies ENABLE TRIGGER task_agencies_fill")
            conn.exec_driver_sql("ALTER TABLE task_agencies ENABLE TRIGGER task_agencies_document")
            conn.exec_driver_sql("ALTER TABLE tasks ENABLE TRIGGER tasks_tally")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")


TALLY_REBUILD = (
    "INSERT INTO task_tally (state, day, late, n) SELECT CASE WHEN status = 'done' THEN 'done' ELSE 'open' END, "
    "coalesce(CAST(deadline AS TEXT), ''), CASE WHEN status = 'done' AND completed_on > deadline THEN 1 ELSE 0 END, "
    "count(*) FROM tasks WHERE tracked AND NOT deleted AND status IN ('assigned', 'in_progress', 'paused', 'done') "
    "GROUP BY 1, 2, 3"
)
SQLITE_BULK_TRIGGERS = (
    "tasks_sync_agencies",
    "tasks_fts_insert",
    "tasks_fts_delete",
    "tasks_fts_update",
    "task_agencies_fill",
    "task_agencies_document",
    "tally_insert",
    "tally_delete",
    "tally_update_old",
    "tally_update_new",
)


def _migration(name: str):
    """A migration module of the package, loaded from its file (their names start with digits)."""
    import importlib.util
    from importlib import resources

    path = resources.files("chidao.store").joinpath("migrations/versions").joinpath(name)
    spec = importlib.util.spec_from_file_location(name[:-3], str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def migrate_triggers(engine) -> None:
    """Put back the SQLite triggers dropped for the bulk load, as the latest migrations define them."""
    statements: list[str] = []
    names = ("0008_agency_task_status.py", "0010_agency_task_document.py", "0007_tally_by_status.py")
    for name in (*names, "0004_search_tracked.py"):
        statements.extend(_migration(name).sqlite_trigger_sql())
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--tasks-per-document", type=int, default=20)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.url, args.documents, args.tasks_per_document, args.agencies, args.seed)


if __name__ == "__main__":
    main()
