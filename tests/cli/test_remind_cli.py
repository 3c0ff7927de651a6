"""``chidao agencies import-contacts`` and ``chidao remind`` as an operator runs them: a file of
addresses stored whole or not at all, and a day's digests sent once to a real SMTP server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from chidao.cli import cli
from chidao.store.engine import open_engine, session_factory
from chidao.store.mail import AgencyContact
from support.smtp import smtp_server
from support.tasks import add_task


@pytest.fixture
def run(tmp_path: Path):
    env = {"CHIDAO_DATA_DIR": str(tmp_path), "CHIDAO_DATABASE_URL": ""}
    runner = CliRunner()

    def chidao(*args: str, **more: str):
        return runner.invoke(cli, list(args), env={**env, **more}, catch_exceptions=False)

    assert chidao("init").exit_code == 0
    chidao.url = f"sqlite:///{tmp_path / 'chidao.sqlite3'}"
    return chidao


def _contacts(url: str) -> list[tuple[int, str]]:
    engine = open_engine(url)
    with session_factory(engine)() as session:
        found = [(c.agency_id, c.email) for c in session.scalars(select(AgencyContact).order_by(AgencyContact.id))]
    engine.dispose()
    return found


GOOD = "agency,email\nSở Y tế,vp@syt.gov.vn\nso y te,ytế@SYT.gov.vn\nSở Tài chính,vp@stc.gov.vn\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("agency,email\nSở Y tế,vp@syt.gov.vn\nSở Không Có,vp@x.gov.vn\n", "line 3: unknown agency 'Sở Không Có'"),
        ("agency,email\nSở Y tế,vp@syt.gov.vn\nSở Tài chính,vp@@stc\n", "line 3: not an e-mail address"),
        ("name,mail\nSở Y tế,vp@syt.gov.vn\n", "line 1: the header must be 'agency,email'"),
        ("agency,email\nSở Y tế,vp@syt.gov.vn,extra\n", "line 2: expected 2 columns"),
    ],
)
def test_a_bad_row_refuses_the_whole_file_in_one_line(run, tmp_path, content, expected):
    path = tmp_path / "contacts.csv"
    path.write_text(content, encoding="utf-8")
    result = run("agencies", "import-contacts", str(path))
    assert result.exit_code == 2 and expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "nothing imported" in result.stderr and _contacts(run.url) == []


def test_contacts_are_imported_once(run, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("\ufeff" + GOOD.replace("ytế@", "khac@"), encoding="utf-8")  # Excel's BOM
    first = run("agencies", "import-contacts", str(path))
    assert first.exit_code == 0 and "added 3 addresses (0 already there)" in first.stdout
    assert "added 0 addresses (3 already there)" in run("agencies", "import-contacts", str(path)).stdout
    assert {email for _, email in _contacts(run.url)} == {"vp@syt.gov.vn", "khac@syt.gov.vn", "vp@stc.gov.vn"}
    missing = run("agencies", "import-contacts", str(tmp_path / "none.csv"))
    assert missing.exit_code == 2 and "cannot read" in missing.stderr


def test_remind_sends_a_day_once(run, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(GOOD.replace("ytế@", "khac@"), encoding="utf-8")
    run("agencies", "import-contacts", str(path))
    engine = open_engine(run.url)
    with session_factory(engine).begin() as session:
        add_task(session, lead="Sở Y tế", deadline=date(2026, 3, 16))
    engine.dispose()
    assert run("remind", "--date", "2026-03-16").exit_code == 2  # no mail server configured
    dry = run("remind", "--date", "2026-03-16", "--dry-run")
    assert dry.exit_code == 0 and "would send 2 mails (agency 2)" in dry.stdout
    assert "not a working day" in run("remind", "--date", "2026-03-15", "--dry-run").stdout
    with smtp_server() as server:
        smtp = {"CHIDAO_SMTP_HOST": "127.0.0.1", "CHIDAO_SMTP_PORT": str(server.port)}
        first = run("remind", "--date", "2026-03-16", **smtp)
        second = run("remind", "--date", "2026-03-16", **smtp)
    assert first.exit_code == 0 and "built 2 mails, queued 2; sent 2" in first.stdout
    assert second.exit_code == 0 and "already built; sent 0" in second.stdout
    assert sorted(m["To"] for m in server.messages) == ["khac@syt.gov.vn", "vp@syt.gov.vn"]
