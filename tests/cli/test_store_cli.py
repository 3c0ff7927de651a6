"""The store commands as an operator runs them: ``ingest``, ``user add``, ``token create`` and
``stats extraction``, each in a subprocess on a real SQLite store in a temporary data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def chidao(tmp_path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data")}
    env.pop("CHIDAO_DATABASE_URL", None)

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=env, input=stdin
        )

    made = run("init")  # the store commands refuse to create a database on their own
    assert made.returncode == 0, made.stderr
    return run


def test_ingest_stores_each_file_once_and_reports_a_bad_one(chidao, tmp_path):
    notice = str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    first = chidao("ingest", notice, str(bad))
    assert first.returncode == 2
    assert "bad.pdf" in first.stderr and len(first.stderr.strip().splitlines()) == 1
    assert "Traceback" not in first.stderr
    again = chidao("ingest", "--confirm", notice)
    assert again.returncode == 0, again.stderr
    stats = chidao("stats", "extraction", "--json", "--include-drafts")
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    assert figures["documents"] == 1  # the same file twice is stored once
    assert figures["tasks"] > 0


def test_users_and_tokens_from_the_command_line(chidao):
    made = chidao("user", "add", "vanthu", "--role", "clerk", "--password-stdin", stdin="mat-khau-rat-dai-2026\n")
    assert made.returncode == 0, made.stderr
    twice = chidao("user", "add", "vanthu", "--role", "clerk", "--generate-password", "--if-missing")
    assert twice.returncode == 0, twice.stderr
    clash = chidao("user", "add", "vanthu", "--role", "clerk", "--generate-password")
    assert clash.returncode == 2 and "Traceback" not in clash.stderr
    token = chidao("token", "create", "vanthu", "--name", "e-office")
    assert token.returncode == 0, token.stderr
    assert len(token.stdout.strip()) >= 20
    unknown = chidao("token", "create", "khong-ton-tai")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
