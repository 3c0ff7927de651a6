"""Helpers for the reader tests: write a fixture file, build DOCX and PDF documents in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """``write(name, data)``: a file in tmp_path with these bytes (a str is written as UTF-8)."""

    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write


@pytest.fixture(scope="session")
def pdf_font() -> str:
    """Register DejaVu Sans with reportlab (it draws Vietnamese) and return its name."""
    if not DEJAVU.exists():
        pytest.skip(f"{DEJAVU} is missing: cannot draw Vietnamese text into test PDFs")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    return "DejaVuSans"
