"""``chidao agencies split`` and ``chidao agencies dissolve`` as an operator runs them: the dry
run lists each open task with its suggested successor, a choice file overrides one, the apply
moves them, a second apply is refused in one line; unknown agencies and bad dates exit 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support.split import NOTICE

SPLIT = ("agencies", "split", "Sở TT&TT", "--into", "Sở KH&CN", "--into", "Sở VHTTDL", "--ref", "Quyết định 15/QĐ-UBND")


@pytest.fixture
def bare(tmp_path):
    """``chidao`` on a new database (the registry only)."""
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=env)

    assert run("init").returncode == 0
    return run


@pytest.fixture
def chidao(bare):
    """``chidao`` on a database holding the notice (five tasks of Sở Thông tin và Truyền thông)."""
    assert bare("ingest", "--confirm", str(NOTICE)).returncode == 0
    return bare


def _task_ids(output: str) -> dict[str, int]:
    """Each listed task's id by the first words after "chủ trì" of its text."""
    return {m.group(2): int(m.group(1)) for m in re.finditer(r"^#(\d+) .*?chủ trì (\S+ \S+)", output, re.M)}


def test_split_from_the_command_line(chidao, tmp_path):
    dry = chidao(*SPLIT, "--on", "01/03/2025", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    press = next(line for line in lines if "báo chí" in line and line.startswith("#"))
    assert "→ Sở Văn hóa, Thể thao và Du lịch (báo chí, xuất bản" in press
    assert lines[-1] == "would move: 5 open tasks and 0 users of Sở Thông tin và Truyền thông"
    data = next(int(line[1:].split()[0]) for line in lines if "kho dữ liệu" in line)
    choices = tmp_path / "choices.csv"
    choices.write_text(f"# task,successor\n{data},Sở Văn hóa, Thể thao và Du lịch\n", encoding="utf-8")
    done = chidao(*SPLIT, "--on", "01/03/2025", "--choices", str(choices))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        "moved: 5 open tasks (Sở Khoa học và Công nghệ 2, Sở Văn hóa, Thể thao và Du lịch 3) and 0 users"
    )
    again = chidao(*SPLIT, "--on", "01/03/2025")
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1 and "already ended" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (
                "agencies",
                "split",
                "Sở Không Có",
                "--into",
                "Sở KH&CN",
                "--into",
                "Sở Y tế",
                "--on",
                "01/03/2025",
                "--ref",
                "QĐ",
            ),
            "unknown agency",
        ),
        (
            (
                "agencies",
                "split",
                "Sở TT&TT",
                "--into",
                "Sở KH&CN",
                "--into",
                "Sở Y tế",
                "--on",
                "31/02/2025",
                "--ref",
                "QĐ",
            ),
            "is not a date",
        ),
        (
            (
                "agencies",
                "split",
                "Sở TT&TT",
                "--into",
                "Sở KH&CN",
                "--into",
                "Sở Y tế",
                "--on",
                "01/03/2099",
                "--ref",
                "QĐ",
            ),
            "after today",
        ),
        (("agencies", "dissolve", "Sở Không Có", "--on", "01/03/2025", "--ref", "QĐ", "--close"), "unknown agency"),
        (("agencies", "dissolve", "Sở TT&TT", "--on", "1.3.2025", "--ref", "QĐ", "--close"), "is not a date"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(bare, args, message):
    result = bare(*args)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_dissolve_from_the_command_line(chidao, tmp_path):
    dry = chidao("agencies", "dissolve", "Sở TT&TT", "--on", "01/03/2025", "--ref", "QĐ 20", "--dry-run")
    assert dry.returncode == 0 and dry.stdout.count("cần quyết định") == 5
    press = next(int(line[1:].split()[0]) for line in dry.stdout.splitlines() if "báo chí" in line)
    undecided = chidao("agencies", "dissolve", "Sở TT&TT", "--on", "01/03/2025", "--ref", "QĐ 20")
    assert undecided.returncode == 2 and "have no decision" in undecided.stderr
    assert len(undecided.stderr.strip().splitlines()) == 1
    choices = tmp_path / "choices.csv"
    choices.write_text(f"{press},close\n", encoding="utf-8")
    done = chidao(
        "agencies",
        "dissolve",
        "Sở TT&TT",
        "--on",
        "01/03/2025",
        "--ref",
        "QĐ 20",
        "--give-to",
        "Sở KH&CN",
        "--choices",
        str(choices),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "moved: 4 open tasks, closed: 1, users deactivated: 0"
