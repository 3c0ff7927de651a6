"""A letter whose "V/v ..." subject line comes after its date line, with no "Kính gửi" and no other
line to close the header: the subject ends with its own lines, the letter's body follows it (genre
g1493, found while writing its test)."""

from chidao import extract_text
from chidao.document import parse_layout
from chidao.text import normalize

_LETTER = (
    "BỘ TÀI CHÍNH\nSố: 3215/BTC-QLCS\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 20 tháng 5 năm 2026\n\n"
    "V/v xử lý cơ sở nhà, đất dôi dư\n\n"
    "Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh, thành phố thực hiện một số nội dung sau:\n"
    "1. Rà soát, lập danh sách các cơ sở nhà, đất dôi dư, gửi Bộ Tài chính trước ngày 30/6/2026.\n"
    "2. Bố trí kinh phí bảo vệ các cơ sở nhà, đất trong thời gian chờ xử lý.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Bình\n"
)


def test_the_subject_ends_with_its_lines_and_the_body_follows():
    text = normalize(_LETTER).text
    header = parse_layout(text).header
    assert header.title == "xử lý cơ sở nhà, đất dôi dư"
    assert text[header.body_start :].lstrip().startswith("Bộ Tài chính đề nghị")


def test_the_letters_items_are_its_tasks():
    result = extract_text(_LETTER)
    assert [t["deadline"] for t in result["tasks"]] == ["2026-06-30", None]
    assert result["document"]["signer"] == "Nguyễn Văn Bình"
