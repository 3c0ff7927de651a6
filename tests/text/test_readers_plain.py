"""Plain text: Unicode encodings are decoded; legacy Vietnamese 8-bit encodings are converted.

The legacy samples are made from real Vietnamese text with the TCVN3 (ABC) and VNI tables
below, so the tests exercise the same byte patterns as files typed in .VnTime or VNI-Times.
"""

from __future__ import annotations

import unicodedata

import pytest

from chidao.text import ReadError, read_text
from chidao.text.readers.legacy import legacy_encoding

NOTICE = (
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n"
    "THÔNG BÁO\n"
    "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Thông tin và Truyền thông\n"
    "1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí.\n"
    "2. Các sở, ngành khẩn trương hoàn thành nhiệm vụ được giao trước ngày 30/6/2026./.\n"
)
TCVN3_REASON = "legacy Vietnamese encoding (TCVN3/ABC); convert it to Unicode first"
VNI_REASON = "legacy Vietnamese encoding (VNI); convert it to Unicode first"

_TCVN3 = dict(
    pair
    for pair in zip(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
        strict=True,
    )
)
_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}


def to_tcvn3(text: str) -> bytes:
    """TCVN3 bytes; capitals with tones use the lowercase codes, as the .VnTimeH fonts do."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        out.append(_TCVN3.get(char) or _TCVN3.get(char.lower()) or char if not char.isascii() else char)
    return "".join(out).encode("latin-1")


def _vni_char(char: str) -> str:
    """VNI writes a base letter then mark letters: "ế" = "e" + "á", "ơ" = "ô", "đ" = "ñ"."""
    parts = unicodedata.normalize("NFD", char.lower())
    tone = next((_TONES[mark] for mark in parts if mark in _TONES), None)
    base = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in _TONES))
    if base == "đ":
        vni = "ñ"
    elif base == "i":
        vni = "i" if tone is None else "íìæóò"[tone]
    elif base == "y" and tone == 4:
        vni = "î"
    elif base in "âêô":
        vni = {"â": "a", "ê": "e", "ô": "o"}[base] + ("â" if tone is None else "áàåãä"[tone])
    elif base == "ă":
        vni = "a" + ("ê" if tone is None else "éèúüë"[tone])
    else:
        vni = {"ơ": "ô", "ư": "ö"}.get(base, base) + ("" if tone is None else "ùøûõï"[tone])
    return vni.upper() if char.isupper() else vni


def to_vni(text: str) -> bytes:
    normalized = unicodedata.normalize("NFC", text)
    return "".join(char if char.isascii() else _vni_char(char) for char in normalized).encode("latin-1")


def to_cp1258(text: str) -> bytes:
    """Windows-1258: ă â ê ô ơ ư đ are letters, tones are combining marks after them."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def _reason(path) -> str:
    with pytest.raises(ReadError) as caught:
        read_text(path)
    return caught.value.reason


def test_encoders_reproduce_known_legacy_spellings():
    assert to_tcvn3("Thông báo") == b"Th\xabng b\xb8o"
    assert to_tcvn3("Uỷ ban nhân dân") == "Uû ban nh©n d©n".encode("latin-1")
    assert to_vni("Thông báo kết luận") == "Thoâng baùo keát luaän".encode("latin-1")
    assert to_vni("Đảng nước") == "Ñaûng nöôùc".encode("latin-1")


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", NOTICE.encode("utf-8")),
        ("utf-8 with BOM", NOTICE.encode("utf-8-sig")),
        ("utf-16 with BOM", NOTICE.encode("utf-16")),
        ("utf-16-le with BOM", b"\xff\xfe" + NOTICE.encode("utf-16-le")),
        ("utf-16-be with BOM", b"\xfe\xff" + NOTICE.encode("utf-16-be")),
        ("utf-32 with BOM", NOTICE.encode("utf-32")),
        ("utf-16-le without BOM", NOTICE.encode("utf-16-le")),
        ("utf-16-be without BOM", NOTICE.encode("utf-16-be")),
    ],
)
def test_unicode_encodings(write, encoding, data):
    assert read_text(write("tb.txt", data)) == NOTICE, encoding


def test_decomposed_unicode_is_not_mistaken_for_a_legacy_encoding(write):
    decomposed = unicodedata.normalize("NFD", NOTICE)
    assert read_text(write("tb.txt", decomposed)) == decomposed


def test_windows_1258_is_decoded(write):
    text = read_text(write("tb.txt", to_cp1258(NOTICE)))
    assert unicodedata.normalize("NFC", text) == NOTICE


@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [
        ("TCVN3 bytes", to_tcvn3(NOTICE), NOTICE),
        ("TCVN3 two words", b"Th\xabng b\xb8o", "Thông báo"),
        ("TCVN3 saved as UTF-8", to_tcvn3(NOTICE).decode("latin-1").encode("utf-8"), NOTICE),
        ("TCVN3 uppercase font", to_tcvn3(NOTICE.upper()), NOTICE.upper()),
        ("VNI bytes", to_vni(NOTICE), NOTICE),
        ("VNI saved as UTF-8", to_vni(NOTICE).decode("latin-1").encode("utf-8"), NOTICE),
        (
            "VNI as written by hand",
            "Thoâng baùo keát luaän cuûa UÛy ban nhaân daân tænh".encode(),
            "Thông báo kết luận của Ủy ban nhân dân tỉnh",
        ),
    ],
)
def test_legacy_encodings_are_converted(write, label, data, expected):
    # encoded by this module's own encoders, independent of the reader's tables (issue 15)
    assert read_text(write("tb.txt", data)) == expected, label


def test_legacy_looking_text_that_no_table_makes_vietnamese_is_refused(write):
    data = "a«b c¸d e«f g¸h q«x z¸w a«b c¸d e«f".encode()
    assert _reason(write("tb.txt", data)) == TCVN3_REASON


@pytest.mark.parametrize(
    "text",
    [
        NOTICE,
        "Công ty Müller & Søn, naïve café, © 2026 Microsoft® — hợp đồng số 12",
        "The meeting approved the plan. Café, résumé, naïve: all fine in English.",
        "Trì hoãn quãng đường, quân đội, thuê xe, hoá đơn, quý, khoẻ mạnh",
    ],
)
def test_real_text_is_not_taken_for_a_legacy_encoding(text):
    assert legacy_encoding(text) is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Hello\x00world\x00\x01\x02\x03" * 20, "binary file, not text"),
        (bytes(range(256)) * 8, "binary file, not text"),
        ("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, na\u00efve r\u00e9sum\u00e9".encode("cp1252"), None),
        ("Привет, как дела? Это обычный текст".encode("koi8-r"), "not UTF-8 text and not a known encoding"),
        (b"\xffinvalid \xfe utf8 \xfd", None),
    ],
)
def test_non_text_bytes_are_refused(write, data, reason):
    got = _reason(write("tb.txt", data))
    assert got == reason if reason else got.startswith(("not UTF-8 text", "legacy Vietnamese encoding"))


def test_invalid_utf16_after_bom(write):
    assert _reason(write("tb.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00")) == "invalid UTF-16 text"


def test_markdown_is_kept_raw_for_the_normalizer(write):
    markdown = "### **Kết luận của Chủ tịch**\n\n- Giao *Sở Nội vụ*"
    assert read_text(write("tb.md", markdown)) == markdown
