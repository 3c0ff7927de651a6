"""The text-quality check: real Vietnamese passes, a text layer that decoded to garbage does not."""

from __future__ import annotations

import pytest

from chidao.text.readers.quality import garbled, measure
from chidao.text.syllables import is_syllable, syllable_data

NOTICE = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 125/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 15 tháng 5 năm 2026\nTHÔNG BÁO\n"
    "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về chuyển đổi số\n"
    "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính rà soát Kế hoạch chuyển đổi số, "
    "trình UBND tỉnh trước ngày 30/6/2026.\n"
    "2. Giao Sở Nội vụ đề xuất biên chế cho bộ phận chuyển đổi số, báo cáo UBND tỉnh trong tháng 7/2026.\n"
)


@pytest.mark.parametrize("word", syllable_data().examples["syllables"])
def test_syllables_of_the_data_file(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", syllable_data().examples["not_syllables"])
def test_pieces_that_are_no_syllable(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(
    "text",
    [
        NOTICE,
        "Kính gửi: Sở Tài chính",  # short texts: too few words to judge, never refused
        "THÔNG BÁO",
        "Ý kiến ở địa phương",
        # abbreviations, units, codes, list markers, foreign and ethnic names (the corpus has them all)
        "HĐND, UBND, NĐ-CP, QĐ-TTg, PTTg, TTgCP, GPMB, ĐT.721 và Km186+819; 75 ha, 10 km, 5 kg",
        "a) Sở Y tế; b) Sở Tài chính; đ) Công an tỉnh; (iv) các xã; V/v báo cáo; đ/c Hùng; TS. Lan, ThS. Hà",
        "xã Đạ Huoai, huyện Krông Pắc, tỉnh Đắk Lắk, Bắc Kạn, Kon Tum, ứng dụng Zalo, website, email, online",
        "STT | Nội dung | Có | Không\n1 | Tiếp nhận hồ sơ | x |\n2 | Trả kết quả | | x\n3 | Lưu trữ | x |",
    ],
)
def test_real_text_passes(text):
    assert garbled(text) is None, measure(text)


# What readers really extracted from PDFs whose fonts lost their Unicode maps or were drawn with a
# fallback font out of order (the issue "PDFs that read right"; pypdf and pdfminer.six on LibreOffice PDFs).
GARBLED = [
    "Y BAN NHÂN DÂNỦ\nT NH LÂM Đ NGỈ Ồ\nS :  ố /TB-UBND\nC NG HÒA XÃ H I CH  NGHĨA VI T NAMỘ Ộ Ủ Ệ\n"
    "Ngày 24/4/2026, đ ng chí Nguy n H ng H i - y viên Ban Th ng vồ ễ ồ ả Ủ ườ ụ\n"
    "T nh y, Phó Ch  t ch UBND t nh ki m tra công tác chu n b  thi công t i m t sỉ ủ ủ ị ỉ ể ẩ ị ạ ộ ố",
    "(cid:1)Y BAN NH(cid:2)N D(cid:2)N T(cid:3)NH L(cid:2)M (cid:4)(cid:5)NG\nTH(cid:6)NG B(cid:7)O\n"
    "K(cid:8)t lu(cid:9)n c(cid:10)a Ch(cid:10) t(cid:11)ch UBND t(cid:12)nh",
    "\x01Y BAN NH\x02N D\x02N T\x03NH L\x02M \x04\x05NG\nTH\x06NG B\x07O\nK\x08t lu n c a Ch t\x0bch UBND",
    "\ue001\ue002\ue003 \ue004\ue005 \ue006\ue007\ue008\ue009 \ue00a\ue00b",  # a symbol font's private-use codes
    "Th\ufffd\ufffdng b\ufffdo k\ufffdt lu\ufffdn c\ufffda Ch\ufffd t\ufffdch UBND t\ufffdnh",
    # the letters a fallback font drew are lost, the tone letters end up alone
    "T NH LÂM Đ NG Ỉ Ồ\nđ ng chí Nguy n H ng H i - y viên Ban Th ng v ồ ễ ồ ả Ủ ườ ụ",
    # decomposed marks split from their letters
    "Vie \u0323t Nam Tho \u0302ng ba \u0301o Ke \u0302 \u0301t lua \u0323n cu \u0309a Chu \u0309 ti \u0323ch",
]


@pytest.mark.parametrize("text", GARBLED)
def test_garbled_text_is_refused_in_one_line(text):
    reason = garbled(text)
    assert reason is not None and reason.startswith("garbled text layer"), measure(text)
    assert "\n" not in reason


def test_a_few_stray_characters_are_tolerated():
    assert garbled(NOTICE * 5 + "Ký hiệu \ufffd lạ và một chữ  ở đây") is None
