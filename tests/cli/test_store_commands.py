"""``chidao ingest``, ``token create`` and ``stats extraction`` in detail, run in-process (click's
runner) on a SQLite store in a temporary data directory: what they print, what they leave in
the database, and bad input answered with exit code 2 and one line on stderr.
(``test_store_cli.py`` runs the same commands as an operator does, in a subprocess.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, func, select

from chidao.cli import cli
from chidao.store.engine import open_engine, session_factory
from chidao.store.models import ApiToken, Document, Task, User
from chidao.tracking.accounts import token_hash, user_for_token
from chidao.tracking.review import update_task

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"  # 9 tasks
HEALTH = EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"  # 3 tasks
SUMMARY = "{} documents added ({} tasks), {} already stored, {} failed\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def chidao(data_dir: Path) -> Callable[..., Result]:
    runner = CliRunner()
    env = {"CHIDAO_DATA_DIR": str(data_dir), "CHIDAO_DATABASE_URL": None}

    def run(*args: str, stdin: str | None = None, **extra_env: str) -> Result:
        return runner.invoke(cli, list(args), input=stdin, env={**env, **extra_env}, catch_exceptions=False)

    made = run("init")  # the only command that creates a database (tests/cli/test_database_cli.py)
    assert made.exit_code == 0, made.output
    return run


@pytest.fixture
def store(data_dir: Path) -> Iterator[Engine]:
    """The store the commands wrote (open it after they ran)."""
    engine = open_engine(f"sqlite:///{data_dir / 'chidao.sqlite3'}")
    yield engine
    engine.dispose()


def one_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("chidao: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_ingest_confirmed_stores_each_document_with_tracked_tasks(chidao, store):
    done = chidao("ingest", "--confirm", str(CONVERSION), str(HEALTH))
    assert done.exit_code == 0, done.output
    assert done.stdout == SUMMARY.format(2, 12, 0, 0) and done.stderr == ""
    with session_factory(store)() as session:
        documents = {d.filename: d.status for d in session.scalars(select(Document))}
        assert documents == {CONVERSION.name: "confirmed", HEALTH.name: "confirmed"}
        tracked = session.scalar(select(func.count(Task.id)).where(Task.tracked.is_(True)))
        assert tracked == 12


def test_ingest_without_confirm_leaves_drafts_and_a_file_already_stored_is_counted_once(chidao, store):
    assert chidao("ingest", str(HEALTH)).stdout == SUMMARY.format(1, 3, 0, 0)
    again = chidao("ingest", "--confirm", str(HEALTH), str(HEALTH))
    assert again.exit_code == 0 and again.stdout == SUMMARY.format(0, 0, 2, 0)
    with session_factory(store)() as session:
        assert list(session.scalars(select(Document.status))) == ["draft"]  # not confirmed by the second run
        assert session.scalar(select(func.count(Task.id)).where(Task.tracked.is_(True))) == 0


def test_ingest_reports_each_bad_file_on_one_line_and_stores_the_others(chidao, store, tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    missing = tmp_path / "khong-co.txt"
    done = chidao("ingest", str(missing), str(CONVERSION), str(broken))
    assert done.exit_code == 2
    assert done.stdout == SUMMARY.format(1, 9, 0, 2)
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in done.stderr
    assert errors[0].startswith(f"chidao: {missing}: ") and errors[1].startswith(f"chidao: {broken}: ")
    with session_factory(store)() as session:
        assert list(session.scalars(select(Document.filename))) == [CONVERSION.name]


def test_ingest_needs_a_file(chidao):
    done = chidao("ingest")
    assert done.exit_code == 2 and done.stderr == "chidao: give FILES or DIRs to ingest, or --watch DIR\n"


def test_a_token_is_printed_once_and_only_its_hash_is_stored(chidao, store):
    made = chidao("user", "add", "vanthu", "--role", "clerk", "--password-stdin", stdin="mat-khau-rat-dai\n")
    assert made.exit_code == 0 and made.stdout == "user vanthu created (clerk)\n"
    created = chidao("token", "create", "vanthu", "--name", "e-office")
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    assert token.startswith("chd_") and created.stdout == token + "\n"
    with session_factory(store)() as session:
        [row] = session.scalars(select(ApiToken))
        assert (row.name, row.token_hash) == ("e-office", token_hash(token))
        assert token not in {row.token_hash, row.name}
        assert user_for_token(session=session, token=token).username == "vanthu"
    second = chidao("token", "create", "vanthu").stdout.strip()
    assert second != token


def test_a_token_for_nobody_is_refused_on_one_line(chidao, store):
    assert one_line(chidao("token", "create", "khong-ai")) == "chidao: no user 'khong-ai'"
    with session_factory(store)() as session:
        assert session.scalar(select(func.count(ApiToken.id))) == 0
    assert chidao("token", "create").exit_code == 2  # no username: click's usage error


def test_stats_of_an_empty_store(chidao):
    done = chidao("stats", "extraction")
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("0 documents, 0 tasks (0 proposed)\n")
    assert "unchanged (giữ nguyên)" in done.stdout and "0.0%" in done.stdout
    figures = json.loads(chidao("stats", "extraction", "--json").stdout)
    assert figures["counts"] == {"unchanged": 0, "edited": 0, "added": 0, "deleted": 0}


def test_stats_count_what_reviewers_changed(chidao, store):
    assert chidao("ingest", "--confirm", str(CONVERSION)).exit_code == 0
    assert chidao("ingest", str(HEALTH)).exit_code == 0  # a draft: counted with --include-drafts only
    assert (
        chidao("user", "add", "vanthu", "--role", "clerk", "--password-stdin", stdin="mat-khau-rat-dai\n").exit_code
        == 0
    )
    with session_factory(store).begin() as session:  # a reviewer corrects one task's text
        task = session.scalars(select(Task).where(Task.document.has(filename=CONVERSION.name))).first()
        clerk = session.scalar(select(User).where(User.username == "vanthu"))
        update_task(session=session, task=task, user=clerk, changes={"text": "Sửa"}, version=None, today=date.today())
    figures = json.loads(chidao("stats", "extraction", "--json").stdout)
    assert (figures["documents"], figures["tasks"], figures["proposed"]) == (1, 9, 9)
    assert figures["counts"] == {"unchanged": 8, "edited": 1, "added": 0, "deleted": 0}
    assert figures["fields"]["text"] == {"changed": 1, "unchanged": 8, "share_changed": 0.1111}
    table = chidao("stats", "extraction").stdout
    assert table.startswith("1 documents, 9 tasks (9 proposed)\n")
    assert "88.9%" in table and "11.1%" in table  # 8 of 9 unchanged, 1 of 9 edited
    drafts = json.loads(chidao("stats", "extraction", "--json", "--include-drafts").stdout)
    assert (drafts["documents"], drafts["tasks"], drafts["counts"]["unchanged"]) == (2, 12, 11)


def test_store_commands_refuse_a_bad_setting_on_one_line(chidao):
    wrong = one_line(chidao("stats", "extraction", CHIDAO_DUE_SOON_DAYS="soon"))
    assert wrong == "chidao: CHIDAO_DUE_SOON_DAYS must be a whole number, got 'soon'"
    assert one_line(chidao("token", "create", "x", CHIDAO_DATABASE_URL="mysql://x")).startswith(
        "chidao: CHIDAO_DATABASE_URL must be a sqlite:// or postgresql:// URL"
    )


UNREACHABLE = "postgresql://chidao@127.0.0.1:1/none"  # nothing listens on port 1: refused at once


def test_an_unreachable_database_exits_with_code_2_and_no_traceback(chidao, store):
    done = chidao("ingest", str(CONVERSION), CHIDAO_DATABASE_URL=UNREACHABLE)
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.startswith("chidao: cannot open the database (OperationalError: ")
    assert "Traceback" not in done.stderr
    with store.connect() as connection:  # nothing was written anywhere else
        assert connection.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 0


def test_an_unreachable_database_is_one_line(chidao):
    one_line(chidao("ingest", str(CONVERSION), CHIDAO_DATABASE_URL=UNREACHABLE))


def test_tokens_are_listed_without_their_secret_and_revoked_one_or_all(chidao, store):
    chidao("user", "add", "vanthu", "--role", "clerk", "--password-stdin", stdin="mat-khau-rat-dai\n")
    first = chidao("token", "create", "vanthu", "--name", "e-office").stdout.strip()
    second = chidao("token", "create", "vanthu", "--name", "bao-cao", "--days", "30").stdout.strip()
    listed = chidao("token", "list", "vanthu")
    assert listed.exit_code == 0, listed.output
    rows = [line.split("\t") for line in listed.stdout.strip().splitlines()]
    assert rows[0][:3] == ["id", "state", "name"] and len(rows) == 3
    assert {(r[1], r[2]) for r in rows[1:]} == {("active", "e-office"), ("active", "bao-cao")}
    assert first not in listed.stdout and second not in listed.stdout  # never the secret
    assert next(r for r in rows[1:] if r[2] == "bao-cao")[5] != "-"  # it expires
    one = next(r[0] for r in rows[1:] if r[2] == "e-office")
    assert chidao("token", "revoke", one).exit_code == 0
    with session_factory(store)() as session:
        assert user_for_token(session=session, token=first) is None
        assert user_for_token(session=session, token=second).username == "vanthu"
    assert chidao("token", "revoke", "--user", "vanthu").exit_code == 0
    with session_factory(store)() as session:
        assert user_for_token(session=session, token=second) is None
    assert one_line(chidao("token", "revoke", "424242")) == "chidao: no token 424242"
    assert one_line(chidao("token", "list", "khong-ai")) == "chidao: no user 'khong-ai'"


def test_user_add_reads_the_agency_however_written_and_the_bootstrap_password_is_kept(chidao, store):
    made = chidao("user", "add", "lan", "--role", "agency", "--agency", "Sở NV tỉnh Lâm Đồng", "--generate-password")
    assert made.exit_code == 0, made.output
    with session_factory(store)() as session:
        lan = session.scalar(select(User).where(User.username == "lan"))
        assert lan.agency.name == "Sở Nội vụ" and not lan.must_change_password  # the CLI's own choice
    wrong = one_line(chidao("user", "add", "an", "--role", "agency", "--agency", "Sở Nội vụu", "--generate-password"))
    assert "unknown agency" in wrong and "did you mean: Sở Nội vụ" in wrong
    both = one_line(chidao("user", "add", "an", "--role", "agency", "--agency", "SNV", "--generate-password"))
    assert "ambiguous" in both and "Sở Ngoại vụ" in both
