"""``chidao ingest`` reads each file in a worker with limits (issue 10, "Bounded parsing"): a bomb
among the files is refused in one line, fast, and the other files still go in."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bombs import XML_RUN, Repeat, docx_with, page_tree_bomb

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_bombs_are_refused_in_one_line_each_and_the_rest_is_stored(tmp_path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data")}
    env.pop("CHIDAO_DATABASE_URL", None)
    docx_bomb = tmp_path / "document-300mb.docx"
    docx_bomb.write_bytes(docx_with(document=Repeat(XML_RUN * 16_000, 300)))
    pdf_bomb = tmp_path / "tree-90000.pdf"
    pdf_bomb.write_bytes(page_tree_bomb())
    notice = EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"

    def chidao(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=env)

    assert chidao("init").returncode == 0
    started = time.monotonic()
    result = chidao("ingest", str(docx_bomb), str(notice), str(pdf_bomb))
    assert time.monotonic() - started < 60
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"chidao: {docx_bomb}: DOCX file too large once uncompressed (word/document.xml: 288 MB > 64 MB)",
        f"chidao: {pdf_bomb}: PDF too long (90000 pages > 300)",
    ]
    assert result.stdout.startswith("1 documents added (3 tasks), 0 already stored, 2 failed")
