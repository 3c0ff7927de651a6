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


def test_the_deploy_guide_trusts_the_proxy_it_sets_up():
    # nginx sets X-Forwarded-For; unless chidao trusts the proxy's address, every client looks like
    # 127.0.0.1 and one stranger's wrong passwords throttle everyone's login (issue 10).
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For" in guide
    env_file = re.search(r"`/etc/chidao.env`.*?```sh\n(.*?)```", guide, re.S)
    assert env_file is not None
    settings = dict(line.split("=", 1) for line in env_file.group(1).splitlines() if "=" in line)
    proxy = re.search(r"proxy_pass http://([\d.]+):", guide)
    assert proxy is not None and proxy.group(1) in settings.get("CHIDAO_TRUSTED_PROXIES", "").split(",")
