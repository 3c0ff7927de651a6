"""``chidao agencies apply-reorganization 2025`` as an operator runs it: a dry run that changes
nothing, the apply, and a second apply that finds everything done."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tb-ket-luan-chuyen-doi-so.txt"


def test_apply_reorganization_from_the_command_line(tmp_path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)

    def chidao(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=env)

    assert chidao("init").returncode == 0
    assert chidao("ingest", "--confirm", str(EXAMPLE)).returncode == 0
    dry = chidao("agencies", "apply-reorganization", "2025", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    line = next(x for x in dry.stdout.splitlines() if x.startswith("Sở Thông tin và Truyền thông →"))
    assert "Sở Khoa học và Công nghệ" in line and "Nghị định 45/2025/NĐ-CP" in line
    moving = int(re.search(r": (\d+) nhiệm vụ đang mở", line).group(1))
    assert moving >= 3 and "would move" in dry.stdout
    assert chidao("agencies", "apply-reorganization", "2025", "--dry-run").stdout == dry.stdout  # nothing changed
    done = chidao("agencies", "apply-reorganization", "2025")
    total = re.search(r"would move: (\d+) open tasks", dry.stdout).group(1)
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith(f"moved: {total} open tasks")
    again = chidao("agencies", "apply-reorganization", "2025")
    assert "(đã áp dụng)" in again.stdout and "moved: 0 open tasks" in again.stdout
    unknown = chidao("agencies", "apply-reorganization", "1999")
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1
