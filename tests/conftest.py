"""Shared fixtures: the bundled examples and the shared corpus (when CHIDAO_CORPUS is set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus: required when CHIDAO_CORPUS is set, else the test is skipped."""
    value = os.environ.get("CHIDAO_CORPUS")
    if not value:
        pytest.skip("CHIDAO_CORPUS is not set (CI sets it to ../shared/corpus)")
    path = Path(value)
    assert path.is_dir(), f"CHIDAO_CORPUS={value} does not exist"
    return path


@pytest.fixture(scope="session")
def example_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
