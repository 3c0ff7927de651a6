"""Garbled text layers are refused, good PDFs in every font are read: LibreOffice PDFs of our notices.

The garbled PDFs are made the way real ones come about: the Unicode maps (ToUnicode) of the
fonts are removed from a good PDF, from all its fonts or only from the fallback font that drew
the Vietnamese letters the main font lacks. One LibreOffice run prints every PDF of the module.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from office import FONTS, NOTICES, Notice, convert_to_pdf, require_soffice, strip_unicode_maps, write_docx

from chidao.text import ReadError, read_text
from chidao.text.readers.quality import garbled

SHORT = {
    "lich-hop": Notice(
        issuer=["UBND TỈNH LÀO CAI", "VĂN PHÒNG"],
        number="Số: 12/TB-VP",
        place_date="Lào Cai, ngày 3 tháng 6 năm 2026",
        kind="THÔNG BÁO",
        subject=["Lịch làm việc"],
        body=["Chủ tịch UBND tỉnh họp với Sở Y tế lúc 8 giờ thứ Hai."],
        recipients=["Nơi nhận:", "- Sở Y tế;"],
        signature=["CHÁNH VĂN PHÒNG", "Lê Văn Hải"],
    ),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every notice, the long ones and the short one, printed in every font by one LibreOffice run."""
    require_soffice()
    folder = tmp_path_factory.mktemp("fonts")
    documents = {
        (name, font): write_docx(folder / f"{name}-{font.replace(' ', '-')}.docx", notice, font)
        for name, notice in {**NOTICES, **SHORT}.items()
        for font in FONTS
    }
    return dict(zip(documents, convert_to_pdf(list(documents.values()), folder), strict=True))


def _reason(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        read_text(path)
    assert "\n" not in caught.value.reason
    return caught.value.reason


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("name", [*NOTICES, *SHORT])
def test_good_pdfs_in_every_font_are_read(pdfs, name, font):
    text = read_text(pdfs[name, font])
    assert garbled(text) is None
    notice = {**NOTICES, **SHORT}[name]
    assert notice.body[-1].removeprefix("#") in text.split("\n")


@pytest.mark.parametrize("font", FONTS)
def test_a_pdf_without_unicode_maps_is_refused(pdfs, tmp_path, font):
    broken = strip_unicode_maps(pdfs["tb-ket-luan", font], tmp_path / "broken.pdf")
    assert _reason(broken).startswith("garbled text layer (")


@pytest.mark.parametrize("name", [*NOTICES, *SHORT])
def test_a_fallback_font_without_unicode_map_is_refused(pdfs, tmp_path, name):
    """Liberation Serif lacks "ỉ", "ồ", "ự"...: LibreOffice draws them in Noto Serif, here left without its map."""
    broken = strip_unicode_maps(pdfs[name, "Liberation Serif"], tmp_path / "broken.pdf", only="Noto")
    assert _reason(broken).startswith("garbled text layer (")


def test_what_a_stream_order_reader_makes_of_fallback_glyphs_is_refused(pdfs):
    """pypdf (chidao's former engine) puts the fallback font's letters at the line's end: "T NH LÂM Đ NGỈ Ồ"."""
    from pypdf import PdfReader

    pdf = pdfs["tb-ket-luan", "Liberation Serif"]
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "TỈNH LÂM ĐỒNG" not in text
    assert garbled(text) is not None
    assert "TỈNH LÂM ĐỒNG" in read_text(pdf).split("\n")
