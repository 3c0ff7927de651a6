"""TCVN3 (ABC), VNI and VISCII converted to Unicode: the tables, text files, HTML, and DOCX runs set
in legacy fonts beside Unicode runs (issue 15). Legacy files are made with ``legacy_codec.encode``."""

from __future__ import annotations

import unicodedata

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.data import load_toml
from chidao.text import read_text
from chidao.text.readers import legacy, read_bytes
from chidao.text.readers.legacy_codec import ENCODINGS, codec, decode, decode_bytes, encode, legacy_fonts

LETTERS = "aăâeêioôơuưyđ"
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
ALPHABET = sorted(
    {unicodedata.normalize("NFC", base + tone) for base in LETTERS for tone in ([""] if base == "đ" else TONES)}
    - set("aeiouy")
)
# A notice body in the letters TCVN3 has (its capitals with tones exist only in the "H" fonts).
BODY = (
    "Thông báo kết luận của Phó Chủ tịch UBND tỉnh\n"
    "1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí; "
    "Đảng ủy, Ban Dân vận, Ông Bà, Ơn, Ưu tiên.\n"
    "2. Các sở, ngành khẩn trương hoàn thành nhiệm vụ được giao trước ngày 30/6/2026 (quý, khỏe, hoãn)."
)
NOTICE = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nTHÔNG BÁO\n" + BODY


def test_every_table_covers_the_alphabet_once():
    for name in ("vni", "viscii"):
        letters = set(codec(name).to_bytes)
        assert letters == set(ALPHABET) | {letter.upper() for letter in ALPHABET}, name
    assert set(codec("tcvn3").to_bytes) >= set(ALPHABET)


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_letter_round_trips(name):
    letters = sorted(codec(name).to_bytes)
    for letter in letters:
        assert decode_bytes(encode(letter, name), name) == letter, (name, letter)


@pytest.mark.parametrize("name", ENCODINGS)
def test_data_file_examples_decode(name):
    legacy, unicode = load_toml("legacy_encodings.toml")["examples"][name]
    assert decode(legacy, name) == unicode


@pytest.mark.parametrize(("name", "text"), [("tcvn3", BODY), ("vni", NOTICE), ("viscii", NOTICE)])
def test_text_file_round_trip(name, text):
    data = encode(text, name)
    assert data.decode("latin-1") != text
    assert read_bytes(data, "tb.txt") == unicodedata.normalize("NFC", text)


def test_tcvn3_has_no_code_for_most_capitals_with_tones():
    with pytest.raises(ValueError, match="TCVN3/ABC has no byte for 'Ủ'"):
        encode("ỦY BAN", "tcvn3")


@pytest.mark.parametrize("name", ["vni", "viscii"])
def test_html_page_round_trip(name):
    page = b"<html><head><meta charset='windows-1252'></head><body><p>" + encode(BODY, name).replace(b"\n", b"</p><p>")
    assert read_bytes(page + b"</p></body></html>", "tb.html") == BODY


@pytest.mark.parametrize(
    ("font", "expected"),
    [(".VnTime", ("tcvn3", False)), (".VnTimeH", ("tcvn3", True)), ("VNI-Times", ("vni", False)), ("Arial", None)],
)
def test_legacy_fonts_are_recognized(font, expected):
    assert legacy_fonts().encoding(font) == expected


def test_mixed_docx_comes_out_as_one_nfc_text(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("Cu VNI", WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = "VNI-Times"
    title = document.add_paragraph()
    title.add_run(encode("thông báo", "tcvn3").decode("latin-1")).font.name = ".VnTimeH"
    mixed = document.add_paragraph()
    mixed.add_run("Kết luận của ")
    mixed.add_run(encode("Chủ tịch Ủy ban nhân dân tỉnh", "vni").decode("latin-1")).font.name = "VNI-Times"
    mixed.add_run(" về ")
    mixed.add_run(encode("chuyển đổi số", "tcvn3").decode("latin-1")).font.name = ".VnTime"
    document.add_paragraph(encode("Giao Sở Tài chính chủ trì.", "vni").decode("latin-1"), style="Cu VNI")
    decomposed = document.add_paragraph()
    decomposed.add_run(unicodedata.normalize("NFD", "Sở Nội vụ phối hợp"))
    path = tmp_path / "tb.docx"
    document.save(path)
    text = read_text(path)
    assert text.split("\n")[:3] == [
        "THÔNG BÁO",
        "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh về chuyển đổi số",
        "Giao Sở Tài chính chủ trì.",
    ]
    assert unicodedata.normalize("NFC", text.split("\n")[3]) == "Sở Nội vụ phối hợp"


def test_run_font_wins_over_a_legacy_style(tmp_path):
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = ".VnTime"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), ".VnTime")
    paragraph = document.add_paragraph(encode("Thông báo kết luận", "tcvn3").decode("latin-1"))
    paragraph.add_run(" và bàn giao").font.name = "Times New Roman"
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path) == "Thông báo kết luận và bàn giao"


# Characters that make or break a signature pair, and a few that are neither.
SIGNATURE_CHARS = "aAeEoOyYbBkKzZ" + "".join(map(chr, range(0xA8, 0x100))) + "ạđươ -.1"


@settings(max_examples=400)
@given(st.text(alphabet=SIGNATURE_CHARS, max_size=12))
def test_the_quick_signature_test_agrees_with_the_patterns(text):
    """``may_carry_signature`` (byte classes) says what the regular expressions find."""
    assert legacy.may_carry_signature(text) == bool(legacy._TCVN3.search(text) or legacy._VNI.search(text))


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_legacy_text_carries_the_signature_and_unicode_does_not(name):
    assert legacy.may_carry_signature(encode(BODY, name).decode("latin-1"))
    assert not legacy.may_carry_signature(BODY)
