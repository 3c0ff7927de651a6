"""Bulk ingest speed: ``chidao ingest DIR --workers 2`` on N distinct notices (target ≥ 200/s on SQLite).

    python benchmarks/ingest_speed.py CORPUS_DIR [CORPUS_DIR ...] [--count 1000] [--workers 2]
        [--postgres postgresql://postgres@127.0.0.1/test] [--docx 20] [--in-process]

The notices are the corpus's .txt files, each repeated with another number and date so that
every one is a new document (by bytes and by words); ``--docx`` of them are written as DOCX
instead. They go to a folder, then through the command's own code (``BulkRun``: hash, worker
pool, batched storing) into a fresh SQLite database, and into a scratch schema of PostgreSQL
when ``--postgres`` is given (dropped afterwards). ``--in-process`` also times the old path:
one file at a time, read in this process, one transaction each.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from docx import Document as DocxDocument
from sqlalchemy import Engine, create_engine, text

from chidao.cli.ingest_run import BulkRun, reader_pool
from chidao.store.agencies import seed_agencies
from chidao.store.engine import normalize_url, open_engine, session_factory
from chidao.store.migrate import migrate
from chidao.tracking.ingest import add_document


def variants(dirs: list[str], count: int) -> list[tuple[str, bytes]]:
    sources = [p for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    if not sources:
        raise SystemExit("no .txt notices found")
    out = []
    for i in range(count):
        path = sources[i % len(sources)]
        body = path.read_text(encoding="utf-8")
        body = re.sub(r"Số:?\s*\d*", f"Số: {i + 1}", body, count=1) + f"\nBản sao số {i + 1} ngày {i % 28 + 1}.\n"
        out.append((f"{i:04d}-{path.name}", body.encode("utf-8")))
    return out


def write_folder(folder: Path, files: list[tuple[str, bytes]], docx: int) -> None:
    for index, (name, data) in enumerate(files):
        if index < docx:
            document = DocxDocument()
            for line in data.decode("utf-8").splitlines():
                document.add_paragraph(line)
            document.save(folder / Path(name).with_suffix(".docx"))
        else:
            (folder / name).write_bytes(data)


def bulk(engine: Engine, folder: Path, workers: int) -> tuple[float, BulkRun]:
    migrate(engine)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        seed_agencies(session=session)
    paths = sorted(folder.iterdir())
    with reader_pool(workers) as pool:
        run = BulkRun(sessions, pool)
        start, cpu = time.perf_counter(), time.process_time()
        run.ingest(paths)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        workers_cpu = sum(_cpu_seconds(worker.process.pid) for worker in pool.workers)
    engine.dispose()
    count = max(run.tally.files, 1)
    print(
        f"  CPU per document: {cpu / count * 1000:.1f} ms in this process (hash, store), "
        f"{workers_cpu / count * 1000:.1f} ms in the workers (read, extract); "
        f"at most {2 / ((cpu + workers_cpu) / count):.0f} documents/s on two idle cores"
    )
    return elapsed, run


def _cpu_seconds(pid: int | None) -> float:
    """A live process's user and system CPU time, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_by_one(url: str, files: list[tuple[str, bytes]]) -> float:
    engine = open_engine(url)
    migrate(engine)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        seed_agencies(session=session)
    cache: dict = {}
    start = time.perf_counter()
    for name, data in files:
        with sessions.begin() as session:
            add_document(session=session, filename=name, data=data, cache=cache)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def report(label: str, count: int, elapsed: float, run: BulkRun | None = None) -> None:
    extra = f" ({run.tally.line()})" if run else ""
    print(f"{label}: {count} notices in {elapsed:.1f} s: {count / elapsed:.0f} documents/s{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--docx", type=int, default=20, help="how many of the notices are DOCX files")
    parser.add_argument("--postgres", help="also into a scratch schema of this PostgreSQL database")
    parser.add_argument("--in-process", action="store_true", help="also time the old one-by-one path")
    args = parser.parse_args()
    files = variants(args.dirs, args.count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notices"
        folder.mkdir()
        write_folder(folder, files, args.docx)
        if args.in_process:
            report("sqlite, one by one in process", len(files), one_by_one(f"sqlite:///{tmp}/old.sqlite3", files))
        elapsed, run = bulk(open_engine(f"sqlite:///{tmp}/bulk.sqlite3"), folder, args.workers)
        report(f"sqlite, chidao ingest DIR --workers {args.workers}", len(files), elapsed, run)
        if args.postgres:
            elapsed, run = _postgres(args.postgres, folder, args.workers)
            report(f"postgresql, chidao ingest DIR --workers {args.workers}", len(files), elapsed, run)


def _postgres(url: str, folder: Path, workers: int) -> tuple[float, BulkRun]:
    schema = f"bench_{secrets.token_hex(4)}"
    admin = create_engine(normalize_url(url))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    # the scratch schema first in the search path (the extensions stay in public): every table goes there
    options = {"options": f"-c jit=off -csearch_path={schema},public"}
    try:
        return bulk(create_engine(normalize_url(url), connect_args=options), folder, workers)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
