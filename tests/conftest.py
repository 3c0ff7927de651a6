"""Shared fixtures: the bundled examples and the shared corpus (when CHIDAO_CORPUS is set).

Every password the tests set is hashed with argon2's cheapest parameters (``support.users``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.users import use_cheap_hashing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_configure(config: pytest.Config) -> None:
    use_cheap_hashing()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser and fuzz tests by their folder, so that ``-m "not browser"`` skips them."""
    for item in items:
        parts = item.path.parts
        if "e2e" in parts:
            item.add_marker(pytest.mark.browser)
        if "fuzz" in parts:
            item.add_marker(pytest.mark.fuzz)


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


@pytest.fixture(scope="session")
def garbled_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A notice printed to PDF in a font whose Unicode map (ToUnicode) was then removed.

    Readers only have the font's internal codes left, as in broken PDFs found in the wild: the
    text layer decodes to control characters and stumps of words ("lu n c a Ch t ch").
    """
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip(f"{font} is missing: cannot draw Vietnamese text into a test PDF")
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    folder = tmp_path_factory.mktemp("garbled")
    pdf = canvas.Canvas(str(folder / "printed.pdf"))
    pdf.setFont("DejaVuSans", 12)
    for index, line in enumerate(example_lines()):
        pdf.drawString(72, 780 - 16 * index, line)
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(folder / "printed.pdf"))
    for page in writer.pages:
        for reference in page["/Resources"]["/Font"].values():
            reference.get_object().pop(NameObject("/ToUnicode"), None)
    path = folder / "tb-loi-phong.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def example_lines() -> list[str]:
    """The first lines of the bundled conclusion notice, as printed lines of a page."""
    text = (EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()][:12]
