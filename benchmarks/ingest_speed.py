"""End-to-end ingest speed: read, extract and store N notices, one transaction each (target ≥ 50/s).

    python benchmarks/ingest_speed.py CORPUS_DIR [CORPUS_DIR ...] [--count 1000] [--url sqlite:///...]

The notices are the corpus files, each repeated with a different number and date so that every
one is a new document (the store refuses the same content twice). The database starts empty.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from chidao.store.agencies import seed_agencies
from chidao.store.engine import open_engine, session_factory
from chidao.store.migrate import migrate
from chidao.store.models import Agency
from chidao.tracking.ingest import add_document


def variants(dirs: list[str], count: int) -> list[tuple[str, bytes]]:
    sources = [p for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    if not sources:
        raise SystemExit("no .txt notices found")
    out = []
    for i in range(count):
        path = sources[i % len(sources)]
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"Số:?\s*\d*", f"Số: {i + 1}", text, count=1) + f"\n<!-- bản sao {i} -->\n"
        out.append((f"{i:04d}-{path.name}", text.encode("utf-8")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{tmp}/ingest.sqlite3"
        engine = open_engine(url)
        migrate(engine)
        sessions = session_factory(engine)
        with sessions.begin() as session:
            seed_agencies(session=session)
        files = variants(args.dirs, args.count)
        size = sum(len(data) for _, data in files)
        cache: dict[str, Agency] = {}
        tasks = 0
        start = time.perf_counter()
        for name, data in files:
            with sessions.begin() as session:
                result = add_document(session=session, filename=name, data=data, confirm=True, cache=cache)
                tasks += len(result.document.tasks)
        elapsed = time.perf_counter() - start
        print(
            f"{url.split(':')[0]}: {len(files)} notices ({size / 1e6:.1f} MB, {tasks} tasks) in {elapsed:.1f} s: "
            f"{len(files) / elapsed:.0f} documents/s (target >= 50)"
        )
        engine.dispose()


if __name__ == "__main__":
    main()
