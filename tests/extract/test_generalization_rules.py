"""Rules added on 2026-12-06 from the genre examples g51-g66, each on a short notice written for it.

Every case names the example whose failure it comes from; the notices are invented and share no
text with the measurement sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from chidao import extract_text
from chidao.extract.deadlines import find_deadlines
from chidao.extract.recurrence import find_recurrence
from chidao.text import match_key

HEADER = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
Số: 88/{kind}-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hưng Yên, ngày 14 tháng 01 năm 2026

{title}
{subject}

"""

SIGNATURE = """
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Bình
"""


def _notice(
    body: str, *, kind: str = "TB", title: str = "THÔNG BÁO", subject: str = "Kết luận của Chủ tịch UBND tỉnh"
) -> dict:
    return extract_text(HEADER.format(kind=kind, title=title, subject=subject) + body + SIGNATURE)


def _tasks(result: dict) -> list[tuple[str, list[str], list[str], str | None, str | None]]:
    return [
        (" ".join(t["text"].split())[:40], t["lead"], t["coordinators"], t["deadline"], t["recurrence"])
        for t in result["tasks"]
    ]


# --- deadlines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # g54: a plan word right before a trigger does not make the period the plan's frame.
        ("Sở Tài chính chủ trì tổ chức sơ kết 6 tháng thực hiện Kế hoạch trong quý III.", date(2026, 9, 30)),
        # g56: a session is an event, not a deadline (ANNOTATION: "kịp báo cáo tại Kỳ họp thứ 10").
        ("Sở Nội vụ xây dựng chính sách, trình Hội đồng nhân dân tỉnh tại kỳ họp giữa năm 2026.", None),
        # g65: "xử lý dứt điểm trong năm 2026" is the year by which the result is due.
        (
            "Sở Tài chính rà soát các dự án chậm quyết toán; có giải pháp xử lý dứt điểm trong năm 2026.",
            date(2026, 12, 31),
        ),
        # unchanged: a bare year after "kế hoạch" frames the plan.
        ("Sở Tài chính bố trí kinh phí thực hiện kế hoạch năm 2026 của các đơn vị.", None),
    ],
)
def test_task_deadline(text, expected):
    result = _notice(f"1. {text}\n")
    assert [t["deadline"] for t in result["tasks"]] == [expected.isoformat() if expected else None]


def test_yearless_quarter_takes_the_document_year():
    found = find_deadlines("hoàn thành trong quý III.", doc_date=date(2026, 1, 14))
    assert [m.date for m in found] == [date(2026, 9, 30)]


# --- recurrence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # g53: a daily period that ends a reporting clause's sentence, however long its object.
        ("Cập nhật, cảnh báo cấp dự báo cháy rừng trên trang thông tin điện tử của Sở hằng ngày.", "daily"),
        ("Báo cáo kết quả kiểm tra an toàn thực phẩm tại các chợ đầu mối về Sở Y tế hằng tuần.", "weekly"),
        # the period describes a noun: no recurrence
        ("Kiểm tra việc bảo đảm nguồn nước phục vụ sinh hoạt hằng ngày.", None),
        ("Rà soát, báo cáo kết quả thực hiện kế hoạch của các đơn vị hằng năm.", None),
    ],
)
def test_sentence_final_period(text, expected):
    key = match_key(text)
    assert find_recurrence(key, 0, len(key)) == expected


# --- what is no task ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        # g54
        "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh "
        "về Sở Tài chính.",
        # g53
        "Giám đốc các Sở, Thủ trưởng các ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc "
        "thực hiện Chỉ thị này./.",
        # g65
        "Ủy ban nhân dân tỉnh đề nghị các sở, ngành, địa phương quan tâm chỉ đạo thực hiện./.",
    ],
)
def test_closing_formulas_are_no_tasks(closing):
    result = _notice(f"1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ.\n\n{closing}\n")
    assert [t["lead"] for t in result["tasks"]] == [["Sở Y tế"]]


def test_closing_with_a_concrete_duty_is_still_a_task():
    result = _notice(
        "1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ.\n\n"
        "Trong quá trình triển khai, Sở Y tế tổng hợp vướng mắc, báo cáo trước ngày 30/6/2026./.\n"
    )
    # a closing that opens "Trong quá trình ..." stays a closing (rule 9), as before these rules
    assert len(result["tasks"]) == 1


# --- leads and coordinators -----------------------------------------------------------------


def test_position_heads_lead():  # g53
    result = _notice(
        "1. Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh chủ động bố trí lực lượng, phương tiện sẵn sàng chữa cháy rừng.\n"
        "2. Hiệu trưởng các trường cao đẳng tổ chức tuyên truyền phòng cháy cho học sinh.\n",
        kind="CT",
        title="CHỈ THỊ",
        subject="Về phòng cháy, chữa cháy rừng",
    )
    assert [t["lead"] for t in result["tasks"]] == [
        ["Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh"],
        ["Hiệu trưởng các trường cao đẳng"],
    ]


def test_addressee_before_a_speakers_request():  # g55
    result = extract_text(
        "Phó Chủ tịch UBND tỉnh kiểm tra công tác phòng, chống dịch\n\n"
        "Chiều 16/9, Phó Chủ tịch UBND tỉnh Nguyễn Văn Phương chủ trì cuộc họp về phòng, chống dịch.\n\n"
        "Đối với UBND các xã, phường, Phó Chủ tịch UBND tỉnh yêu cầu huy động lực lượng ra quân tổng vệ sinh, "
        "loại bỏ vật chứa nước đọng.\n"
    )
    assert [t["lead"] for t in result["tasks"]] == [["Ủy ban nhân dân các xã, phường"]]


def test_partners_after_a_lead_and_semicolon():  # g59
    result = _notice(
        "1. Giao Sở Du lịch chủ trì; Sở Văn hóa và Thể thao, Sở Tài chính phối hợp xây dựng Đề án "
        "phát triển du lịch đêm, trình UBND tỉnh trước ngày 15/3/2026.\n"
        "2. Giao Sở Xây dựng chủ trì; Công an tỉnh tổ chức phân luồng giao thông tại khu phố cổ.\n"
    )
    assert [t[1:4] for t in _tasks(result)] == [
        (["Sở Du lịch"], ["Sở Văn hóa và Thể thao", "Sở Tài chính"], "2026-03-15"),
        # with no "phối hợp" after it, the body after "chủ trì;" leads a task of its own
        (["Sở Xây dựng"], [], None),
        (["Công an tỉnh"], [], None),
    ]


def test_council_directing_a_vague_group_keeps_the_committee():  # g56
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 12/NQ-HĐND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHưng Yên, ngày 10 tháng 12 năm 2025\n\nNGHỊ QUYẾT\n"
        "Về hoạt động chất vấn tại Kỳ họp thứ năm\n\nHỘI ĐỒNG NHÂN DÂN TỈNH HƯNG YÊN\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh chỉ đạo các cơ quan, đơn vị thực hiện "
        "một số nội dung sau:\n"
        "1. Xử lý dứt điểm tình trạng khai thác cát trái phép trên sông Luộc trước ngày 30/6/2026.\n"
        "2. Sở Y tế bảo đảm cung ứng đủ thuốc cho các trạm y tế xã.\n\n"
        "Điều 2. Nghị quyết này có hiệu lực từ ngày thông qua./.\n\nCHỦ TỊCH\nTrần Văn Quân\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân tỉnh"], ["Sở Y tế"]]


def test_plural_and_lowercase_group_names():  # g63
    result = _notice(
        "1. Các sở giáo dục và đào tạo\n"
        "a) Chỉ đạo các cơ sở giáo dục thành lập tổ tư vấn tâm lý học đường.\n"
        "2. Các đại học, học viện, trường đại học, trường cao đẳng sư phạm\n"
        "Đưa nội dung kỹ năng phòng, chống bạo lực học đường vào chương trình đào tạo giáo viên.\n"
        "3. Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên chủ trì, phối hợp với Vụ Pháp chế rà soát "
        "quy định về môi trường giáo dục an toàn.\n",
        kind="CT",
        title="CHỈ THỊ",
        subject="Về bảo đảm an toàn trường học",
    )
    assert [t["lead"] for t in result["tasks"]] == [
        ["Các sở giáo dục và đào tạo"],
        ["Các đại học, học viện, trường đại học, trường cao đẳng sư phạm"],
        ["Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên"],
    ]


def test_vnpt_by_its_short_name():  # g52
    result = _notice(
        "1. Cục Viễn thông chủ trì, làm việc với Tập đoàn Viettel, Tập đoàn VNPT để thống nhất phương án phủ sóng.\n"
    )
    assert result["tasks"][0]["coordinators"] == [
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
    ]


# --- tables ---------------------------------------------------------------------------------


def test_one_cell_per_line_table_ends_at_a_numbered_heading():  # g60
    result = _notice(
        "I. NHIỆM VỤ CỤ THỂ\nTT\nNội dung công việc\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
        "1\nTổ chức tập huấn kỹ năng phòng ngừa ma túy cho giáo viên\nSở Giáo dục và Đào tạo\nCông an tỉnh\n"
        "Quý I/2026\n"
        "2\nXây dựng chuyên mục phòng, chống ma túy trên cổng thông tin của tỉnh\nSở Văn hóa, Thể thao và Du lịch\n"
        "Sở Giáo dục và Đào tạo\nNăm 2026\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n",
        kind="KH",
        title="KẾ HOẠCH",
        subject="Phòng, chống ma túy trong học sinh năm 2026",
    )
    assert [(t["lead"], t["deadline"]) for t in result["tasks"]] == [
        (["Sở Giáo dục và Đào tạo"], "2026-03-31"),
        (["Sở Văn hóa, Thể thao và Du lịch"], "2026-12-31"),
        (["Sở Tài chính"], None),
    ]


# --- g67-g72 --------------------------------------------------------------------------------


def test_once_a_period_is_that_period():  # g67
    from chidao.extract.recurrence import read_recurrence

    text = "Trung tâm Khuyến nông cập nhật diễn biến thời tiết, khuyến cáo bà con mỗi tuần một lần."
    key = match_key(text)
    assert read_recurrence(key, text, 0, len(key)) == ("weekly", "mỗi tuần một lần")


def test_named_official_ends_before_an_adverb():  # g67
    result = _notice("1. Giao đồng chí Nguyễn Thị Lan, Phó Giám đốc Sở trực tiếp chỉ đạo công tác chuẩn bị hội nghị.\n")
    assert result["tasks"][0]["lead"] == ["Đồng chí Nguyễn Thị Lan, Phó Giám đốc Sở"]


def test_title_in_capitals_goes_on_in_lowercase():  # g71
    text = (
        "ĐẢNG BỘ TỈNH NGHỆ AN\nTỈNH ỦY\nSố 215-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNghệ An, ngày 16 tháng 12 năm 2025\n\n"
        "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác đào tạo, bồi dưỡng cán bộ năm 2026\n\n"
        "Ngày 12/12/2025, Ban Thường vụ Tỉnh ủy họp và kết luận như sau:\n"
        "1. Giao Ban Tổ chức Tỉnh ủy hoàn thiện Kế hoạch, ban hành trước ngày 31/12/2025.\n"
    )
    result = extract_text(text)
    assert result["document"]["title"] == (
        "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về công tác đào tạo, bồi dưỡng cán bộ năm 2026"
    )
    assert [t["lead"] for t in result["tasks"]] == [["Ban Tổ chức Tỉnh ủy"]]


# --- g73-g77 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # g76: the capital "Y" of "Y tế" is no acronym, and "các khu vực" tells what it is one per
        ("Trung tâm Y tế các khu vực phối hợp với Ủy ban nhân dân các xã tuyên truyền.", "Trung tâm Y tế các khu vực"),
        ("Trung tâm Y tế các huyện, thị xã tổ chức tiêm vắc xin.", "Trung tâm Y tế các huyện, thị xã"),
        # g77: "đồng chí" before a position
        ("Đồng chí Giám đốc Sở Nội vụ tham mưu UBND tỉnh xem xét trách nhiệm.", "Đồng chí Giám đốc Sở Nội vụ"),
        (
            "Các đồng chí Phó Chủ tịch UBND tỉnh theo lĩnh vực được phân công trực tiếp chỉ đạo giải quyết.",
            "Các đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh",
        ),
    ],
)
def test_more_names(sentence, lead):
    result = _notice(f"1. {sentence}\n")
    assert [t["lead"] for t in result["tasks"]] == [[lead]]


# --- g78-g81 --------------------------------------------------------------------------------


def test_compound_word_inside_a_name():  # g81: "giao" alone assigns, "giao thông" is a name word
    result = _notice("1. Cục Cảnh sát giao thông chủ trì, phối hợp với Công an các địa phương tổ chức tuần tra.\n")
    assert _tasks(result)[0][1:3] == (["Cục Cảnh sát giao thông"], ["Công an các địa phương"])


def test_police_of_units_and_localities():  # g81
    result = _notice("1. Công an các đơn vị, địa phương tập trung rà soát, nắm chắc tình hình.\n")
    assert result["tasks"][0]["lead"] == ["Công an các đơn vị, địa phương"]


def test_inline_time_label_dates_the_item():  # g80
    result = _notice("1. Văn phòng UBND tỉnh tham mưu kiện toàn Tổ công tác; thời gian: tháng 3/2026.\n")
    assert result["tasks"][0]["deadline"] == "2026-03-31"


def test_closing_on_tasks_given_is_no_task():  # g80
    result = _notice(
        "1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ.\n\n"
        "Các cơ quan, đơn vị căn cứ nhiệm vụ được giao triển khai thực hiện; trong quá trình thực hiện, "
        "nếu có vướng mắc báo cáo Chủ tịch UBND tỉnh xem xét, giải quyết./.\n"
    )
    assert [t["lead"] for t in result["tasks"]] == [["Sở Y tế"]]


def test_community_digital_team_is_a_body():  # g80
    result = _notice("1. Công an tỉnh chủ trì, phối hợp với Tổ công nghệ số cộng đồng hướng dẫn người dân.\n")
    assert result["tasks"][0]["coordinators"] == ["Tổ công nghệ số cộng đồng"]


def test_a_second_commune_stays_as_written():  # g79, ANNOTATION: "huyện Vân Canh" is not completed
    result = _notice("1. Ủy ban nhân dân xã Triệu Phong, xã Hải Lăng hoàn thành bàn giao mặt bằng.\n")
    assert result["tasks"][0]["lead"] == ["Ủy ban nhân dân xã Triệu Phong", "Xã Hải Lăng"]
