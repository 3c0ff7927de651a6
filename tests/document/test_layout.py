from datetime import date

import pytest

from chidao.document import parse_layout
from chidao.document.paragraphs import find_marker, split_paragraphs
from chidao.text import normalize

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 45 /TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tỉnh Mẫu, ngày 20 tháng 3 năm 2024

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh Nguyễn Văn A
tại cuộc họp về công tác chuyển đổi số

Ngày 18/3/2024, đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh chủ trì cuộc họp. Chủ tịch UBND tỉnh kết luận như sau:
1. Giao Sở Nội vụ rà soát biên chế.

Nơi nhận:
- Như trên;
- Lưu: VT.
TL. CHỦ TỊCH
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị B
"""


def layout(text):
    return parse_layout(normalize(text).text)


def test_header_fields():
    result = layout(NOTICE)
    header = result.header
    assert header.doc_type == "THÔNG BÁO"
    assert header.number == "45/TB-UBND"
    assert header.place == "Tỉnh Mẫu"
    assert header.date == date(2024, 3, 20)
    assert header.title == "Kết luận của Chủ tịch UBND tỉnh Nguyễn Văn A tại cuộc họp về công tác chuyển đổi số"
    assert result.chair == "Nguyễn Văn A"
    assert result.signer == "Trần Thị B"
    assert result.recipients == ["Như trên", "Lưu: VT"]
    assert result.meeting_date == date(2024, 3, 18)
    assert result.signature == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    assert result.issuer == "ỦY BAN NHÂN DÂN TỈNH MẪU"


def test_a_numbered_item_right_after_the_title_is_body_not_title():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH MẪU\nSố: 12/TB-UBND\nTỉnh Mẫu, ngày 10 tháng 3 năm 2025\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND tỉnh\n1. Sở Y tế rà soát danh mục thuốc.\n2. Sở Tài chính bố trí kinh phí.\n"
    )
    result = layout(text)
    assert result.header.title == "Kết luận của Chủ tịch UBND tỉnh"
    assert [p.marker for p in result.paragraphs][:2] == ["1.", "2."]


def test_blank_day_gives_no_date_but_keeps_the_year():
    result = layout(NOTICE.replace("ngày 20 tháng 3", "ngày    tháng 3"))
    assert result.header.date is None
    assert result.header.year == 2024


def test_letter_subject_and_kind():
    text = NOTICE.replace(
        "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh Nguyễn Văn A\ntại cuộc họp về công tác chuyển đổi số\n", ""
    ).replace("Số: 45 /TB-UBND", "Số: 842/UBND-VX\nV/v tăng cường\nphòng, chống dịch")
    header = layout(text).header
    assert header.doc_type == "CÔNG VĂN"
    assert header.title == "tăng cường phòng, chống dịch"


def test_news_page_has_no_header_fields():
    result = layout("Skip Ribbon Commands\nSkip to main content\n\nSở Y tế tổ chức Hội nghị\n\nNgày 7/7/2022 ...")
    assert result.header.doc_type is None
    assert result.header.number is None
    assert result.header.title == "Sở Y tế tổ chức Hội nghị"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("1. Giao", "decimal"),
        ("2.1. Phòng", "decimal2"),
        ("a) Sở", "alpha"),
        ("đ) UBND", "alpha"),
        ("- Tiếp tục", "dash"),
        ("+ Đối với", "plus"),
        ("(ii) Chủ đầu tư", "paren"),
        ("II. NHIỆM VỤ", "roman"),
        ("Điều 3. Chánh", "article"),
        ("Một là, tăng cường", "ordinal"),
    ],
)
def test_markers(line, kind):
    assert find_marker(line)[0] == kind


def test_plain_sentence_has_no_marker():
    assert find_marker("Ngày 18/3/2024, đồng chí") is None


def test_hard_wrapped_lines_are_joined():
    wrapped = (
        "Sau khi nghe báo cáo của Bộ Tư pháp và ý kiến của đại diện các Bộ, cơ quan dự họp,\n"
        "Phó Thủ tướng kết luận như sau:\n"
        "1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo\n"
        "chức năng, nhiệm vụ, thẩm quyền đề cao trách nhiệm, trực tiếp chỉ đạo thực hiện đồng bộ\n"
        "các nhiệm vụ, giải pháp theo Nghị quyết; trong đó lưu ý chú trọng thực hiện tốt một số\n"
        "nội dung trọng tâm sau:\n"
        "- Tập trung rà soát, xác định rõ tình hình thực hiện các nhiệm vụ và thời hạn hoàn thành\n"
        "của từng Bộ, cơ quan, bảo đảm chất lượng và tiến độ theo quy định tại Nghị quyết số 66.\n"
        "2. Bộ Tài chính khẩn trương rà soát, kịp thời bố trí kinh phí ngân sách Nhà nước.\n"
        "3. Bộ Tư pháp có trách nhiệm kiểm tra, đôn đốc các Bộ, cơ quan trong việc thực hiện.\n"
    )
    paragraphs = split_paragraphs(wrapped)
    kinds = [p.kind for p in paragraphs]
    assert kinds == [None, "decimal", "dash", "decimal", "decimal"]


def test_signer_beside_the_recipients_in_tab_columns():
    tail = (
        "Nơi nhận:\t\t\tTL. CHỦ TỊCH\n- CT, PCT UBND tỉnh;\t\tKT. CHÁNH VĂN PHÒNG\n"
        "- Các sở: XD, YT;\t\tPHÓ CHÁNH VĂN PHÒNG\n- Công an tỉnh;\n- Lưu: VT, KGVX.\t\t\tNguyễn Thị Lan Anh\n"
    )
    result = layout(NOTICE.split("Nơi nhận:")[0] + tail)
    assert result.signer == "Nguyễn Thị Lan Anh"


def test_signer_after_the_typists_initials_on_a_flattened_line():
    tail = (
        "Nơi nhận:                      KT. BỘ TRƯỞNG, CHỦ NHIỆM\n- Thủ tướng, các Phó Thủ tướng;       PHÓ CHỦ NHIỆM\n"
        "- Lưu: VT, ĐP (2b). Hg                     Lê Hoài Nam\n"
    )
    result = layout(NOTICE.split("Nơi nhận:")[0] + tail)
    assert result.signer == "Lê Hoài Nam"


@pytest.mark.parametrize(
    "tail",
    [
        # the name alone after the recipients, the titles run into their lines (genre g559)
        "Nơi nhận:                         KT. GIÁM ĐỐC\n- Như trên;                         PHÓ GIÁM ĐỐC\n"
        "- Văn phòng UBND tỉnh;\n- Lưu: VT, TTXD.\n                                   Võ Thanh Tùng\n",
        # the name after the last recipient on its line (genre g563)
        "Nơi nhận:                         TL. CHỦ TỊCH\n- TT Đảng ủy;                       CHÁNH VĂN PHÒNG\n"
        "- Điện lực Phú Quý;                Võ Thanh Tùng\n- Lưu: VT.\n",
    ],
)
def test_signer_beside_the_recipients_run_together(tail):
    result = layout(NOTICE.split("Nơi nhận:")[0] + tail)
    assert result.signer == "Võ Thanh Tùng"


def test_signer_under_a_title_of_three_lines():
    tail = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nHĐND VÀ UBND XÃ\n\nLương Thị Hiền\n"
    assert layout(NOTICE.split("Nơi nhận:")[0] + tail).signer == "Lương Thị Hiền"


def test_a_plans_title_may_open_like_a_body_sentence():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH MẪU\nSố: 18/KH-UBND\nTỉnh Mẫu, ngày 12 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
        "Thực hiện công tác bảo đảm trật tự, an toàn giao thông\ntrên địa bàn tỉnh năm 2026\n\n"
        "Căn cứ Luật Trật tự, an toàn giao thông đường bộ ngày 27 tháng 6 năm 2024;\n"
    )
    assert layout(text).header.title == (
        "Thực hiện công tác bảo đảm trật tự, an toàn giao thông trên địa bàn tỉnh năm 2026"
    )


def test_a_body_sentence_right_under_the_kind_is_no_title():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH MẪU\nSố: 18/TB-UBND\nTỉnh Mẫu, ngày 12 tháng 01 năm 2026\n\nTHÔNG BÁO\n"
        "Thực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh thông báo như sau:\n\n"
        "1. Sở Y tế rà soát danh mục thuốc.\n"
    )
    assert layout(text).header.title is None


def test_numbered_tasks_nest_under_the_numbered_heading_open_above_them():
    from chidao.document.outline import build_outline

    text = (
        "II. NHIỆM VỤ\n1. Hoàn thiện thể chế\nNhiệm vụ 1: Rà soát quy chế.\nNhiệm vụ 2: Xây dựng chính sách.\n"
        "2. Phát triển nhân lực\nNhiệm vụ 3: Tổ chức tập huấn.\n"
    )
    root = build_outline(split_paragraphs(text), text)

    def shape(node):
        return [(text[c.paragraph.body : c.paragraph.end][:12], shape(c)) for c in node.children]

    assert shape(root) == [
        (
            "NHIỆM VỤ",
            [
                ("Hoàn thiện t", [("Rà soát quy ", []), ("Xây dựng chí", [])]),
                ("Phát triển n", [("Tổ chức tập ", [])]),
            ],
        )
    ]
    # without a numbered heading open, "Nhiệm vụ 1:" stands where "1." would
    flat = "II. NHIỆM VỤ\nNhiệm vụ 1: Rà soát quy chế.\nNhiệm vụ 2: Xây dựng chính sách.\n"
    assert [len(c.children) for c in build_outline(split_paragraphs(flat), flat).children] == [2]
