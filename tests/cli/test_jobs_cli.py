"""``chidao jobs run``: the queue read without the server, through the real command and the
sandboxed reader."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from chidao.cli import cli
from chidao.store.engine import session_factory
from chidao.store.jobs import IngestJob
from chidao.tracking.database import create_database
from chidao.tracking.ingest_queue import enqueue

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_jobs_run_reads_what_waits_and_says_what_became_of_it(tmp_path):
    engine = create_database(f"sqlite:///{tmp_path / 'chidao.sqlite3'}")
    try:
        with session_factory(engine).begin() as session:
            for name, data in (
                ("cv-giao-nhiem-vu-y-te.txt", (EXAMPLES / "cv-giao-nhiem-vu-y-te.txt").read_bytes()),
                ("hong.pdf", b"this is not a PDF at all"),
            ):
                enqueue(session, filename=name, data=data, user_id=None, confirm=False)
        env = {"CHIDAO_DATA_DIR": str(tmp_path), "CHIDAO_DATABASE_URL": ""}
        result = CliRunner().invoke(cli, ["jobs", "run"], env=env)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0] == "1\tXong\tcv-giao-nhiem-vu-y-te.txt"
        assert lines[1].startswith("2\tLỗi\thong.pdf\tNội dung tệp không đúng với định dạng")
        assert lines[-1] == "2 jobs run"
        again = CliRunner().invoke(cli, ["jobs", "run"], env=env)
        assert again.exit_code == 0 and again.output == "0 jobs run\n"
        with session_factory(engine)() as session:
            assert session.scalars(select(IngestJob.status).order_by(IngestJob.id)).all() == ["done", "failed"]
    finally:
        engine.dispose()
