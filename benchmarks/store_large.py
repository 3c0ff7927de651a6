"""Storing one large document: time, and how long the database's write lock is held.

    python benchmarks/store_large.py [--tasks 5000] [--url sqlite:///...|postgresql://...]

Give ``--url`` a database of its own (never the tests' ``test`` database): the schema is migrated
into it and the stored rows stay there.

The document is a conclusion notice of N numbered one-line assignments, each to one of the
registry's departments with a coordinator and a dated deadline, as a plan's annex reads. It is
read and extracted first (outside any transaction: that work never holds the lock), then stored
and confirmed in one transaction. The lock is held from the transaction's first write to its
commit; the figures printed are the extraction time, the store time and that hold, for N/4, N/2
and N tasks so that their growth (linear or not) shows in one run.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from sqlalchemy import event, text

from chidao.extract import extract
from chidao.store.agencies import seed_agencies
from chidao.store.engine import open_engine, session_factory
from chidao.store.migrate import migrate
from chidao.text.readers import read_bytes
from chidao.tracking.ingest import store_document

FIELDS = [
    "Tài chính",
    "Xây dựng",
    "Y tế",
    "Nội vụ",
    "Tư pháp",
    "Công Thương",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
]


def notice(count: int, seed: int) -> bytes:
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        f"Số: {seed}/TB-UBND",
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số",
        "Chủ tịch UBND tỉnh kết luận và giao nhiệm vụ như sau:",
    ]
    for i in range(count):
        lead, other = FIELDS[i % len(FIELDS)], FIELDS[(i + 3) % len(FIELDS)]
        day = 1 + i % 28
        lines.append(
            f"{i + 1}. Giao Sở {lead} chủ trì, phối hợp với Sở {other} rà soát hồ sơ số {i + 1} "
            f"của dự án thứ {seed}-{i + 1}, báo cáo UBND tỉnh trước ngày {day}/6/2027."
        )
    lines += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn A"]
    return "\n".join(lines).encode("utf-8")


class LockClock:
    """From the first write statement of a transaction to its commit: the write lock's hold."""

    def __init__(self, engine) -> None:
        self.first_write: float | None = None
        self.held = 0.0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)

    def _statement(self, _conn, _cursor, statement, *_args) -> None:
        if self.first_write is None and statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.first_write = time.perf_counter()

    def _commit(self, _conn) -> None:
        if self.first_write is not None:
            self.held = time.perf_counter() - self.first_write
            self.first_write = None


def run(url: str, sizes: list[int]) -> None:
    engine = open_engine(url)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        seed_agencies(session=session)
    clock = LockClock(engine)
    for seed, count in enumerate(sizes, start=1):
        data = notice(count, seed)
        start = time.perf_counter()
        extraction = extract(read_bytes(data, f"tb-{seed}.txt"))
        extracted = time.perf_counter() - start
        start = time.perf_counter()
        with sessions.begin() as session:
            stored = store_document(
                session=session, filename=f"tb-{seed}.txt", data=data, extraction=extraction, confirm=True
            )
            tasks = len(stored.document.tasks)
        elapsed = time.perf_counter() - start
        print(
            f"{url.split(':')[0]:10} {count:6} lines → {tasks:6} tasks: extract {extracted:6.2f} s, "
            f"store {elapsed:6.2f} s, write lock held {clock.held * 1000:8.0f} ms "
            f"({clock.held / max(tasks, 1) * 1e6:5.0f} µs per task)"
        )
    with engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM tasks")).scalar()
    print(f"{total} tasks stored in all")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--url")
    args = parser.parse_args()
    sizes = [args.tasks // 4, args.tasks // 2, args.tasks]
    with tempfile.TemporaryDirectory() as tmp:
        run(args.url or f"sqlite:///{tmp}/store.sqlite3", sizes)


if __name__ == "__main__":
    main()
