"""The README keeps up with the code: every setting read from the environment is in its table."""

from __future__ import annotations

import re
from pathlib import Path

import chidao.settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_in_the_readme_table():
    read = set(re.findall(r'"(CHIDAO_[A-Z_]+)"', Path(chidao.settings.__file__).read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| `(CHIDAO_[A-Z_]+)` \|", (ROOT / "README.md").read_text(encoding="utf-8"), re.M))
    assert read and read == documented
