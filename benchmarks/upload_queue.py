"""What the upload queue changes for the person uploading: how long the POST takes to answer,
and how long each file waits to be read when a slow scan was sent just before it.

    python benchmarks/upload_queue.py [--scans 2] [--workers 2]

Runs the application with its background workers (as ``chidao serve`` does) over a new SQLite
file, uploads ``--scans`` scanned pages (PNG, drawn here at about 200 dpi: OCR) and then a text
notice, each by ``POST /api/v1/documents``, and prints per file the POST's answer time and the
time from the POST until its job is done (polling ``GET /api/v1/ingest-jobs/{id}``). Then the
same text notice with ``?wait=60`` (the answer before the queue). Needs Tesseract's Vietnamese
model and Noto Serif (``make test`` installs both).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageFont

from chidao.settings import Settings
from chidao.store.engine import session_factory
from chidao.store.models import User
from chidao.tracking.database import create_database
from chidao.tracking.tokens import create_token
from chidao.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"
LINES = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về chuyển đổi số",
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí,",
    "hoàn thành trước ngày 30/6/2026.",
    "2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.",
]


def scan(number: int) -> bytes:
    page = Image.new("RGB", (1600, 820), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 34)
    for index, line in enumerate([*LINES, f"Số {number}/TB-UBND"]):
        draw.text((110, 60 + 70 * index), line, font=font, fill="black")
    out = io.BytesIO()
    page.rotate(1.0, expand=True, fillcolor="white").save(out, format="PNG", resolution=200.0)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="chidao-queue-"))
    url = f"sqlite:///{folder / 'chidao.sqlite3'}"
    engine = create_database(url)
    with session_factory(engine).begin() as session:
        user = User(username="lan", username_key="lan", role="clerk")  # an API-only clerk
        session.add(user)
        session.flush()
        token = create_token(session=session, user=user, name="bench")
    settings = Settings(data_dir=folder, database_url=url, ingest_workers=args.workers)
    headers = {"Authorization": f"Bearer {token}"}
    notice = (ROOT / "examples" / "cv-giao-nhiem-vu-y-te.txt").read_bytes()
    files = [(f"scan-{n}.png", scan(n)) for n in range(args.scans)] + [("notice.txt", notice)]
    with TestClient(create_app(settings, engine=engine, background=True)) as client:
        started = {}
        for name, data in files:
            start = time.perf_counter()
            response = client.post("/api/v1/documents", headers=headers, files={"file": (name, data)})
            answered = time.perf_counter() - start
            assert response.status_code == 202, response.text
            started[response.json()["id"]] = (name, start, answered)
        pending = dict(started)
        finished = {}
        while pending:
            for job_id in list(pending):
                job = client.get(f"/api/v1/ingest-jobs/{job_id}", headers=headers).json()
                if job["status"] in ("done", "duplicate", "failed"):
                    finished[job_id] = (job["status"], time.perf_counter() - pending.pop(job_id)[1])
            time.sleep(0.05)
        print(f"{args.workers} workers; {args.scans} scans then a text notice")
        print(f"{'file':<14}{'POST answered':>16}{'done after':>14}  status")
        for job_id, (name, _start, answered) in started.items():
            status, done = finished[job_id]
            print(f"{name:<14}{answered * 1000:>13.0f} ms{done:>12.2f} s  {status}")
        start = time.perf_counter()
        other = notice + "\nNơi nhận: Văn phòng UBND tỉnh.\n".encode()
        response = client.post("/api/v1/documents?wait=60", headers=headers, files={"file": ("notice-wait.txt", other)})
        print(f"notice with ?wait=60: {response.status_code} after {time.perf_counter() - start:.2f} s")
    engine.dispose()


if __name__ == "__main__":
    main()
