"""Rules added on 2026-12-06 (fifth session) from the families left open by g300-g349 and the
genre examples g350 onwards, measured on arrival first, each on a short notice written for it.
The notices are invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # a group named by its assignment in a part of the document, a verb after the reference
        (
            "Các đơn vị được giao chủ trì nhiệm vụ tại Mục II xây dựng kế hoạch chi tiết, gửi Sở Nội vụ"
            " trước ngày 15/3/2027.",
            [(["Các đơn vị được giao chủ trì nhiệm vụ tại Mục II"], [], "2027-03-15", None)],
        ),
        (
            "Thủ trưởng các cơ quan được phân công chủ trì tại Phụ lục kèm theo chủ động triển khai thực hiện.",
            [(["Thủ trưởng các cơ quan được phân công chủ trì tại Phụ lục kèm theo"], [], None, None)],
        ),
        (
            "Các đơn vị được giao chủ trì tại Bảng phân công chủ động xây dựng kế hoạch chi tiết.",
            [(["Các đơn vị được giao chủ trì tại Bảng phân công"], [], None, None)],
        ),
        # "theo Kế hoạch này" in the group's name is no plan's cycle: the month is how often it reports
        (
            "Các phòng được giao nhiệm vụ theo Kế hoạch này báo cáo kết quả hằng tháng.",
            [(["Các phòng được giao nhiệm vụ theo Kế hoạch này"], [], None, "monthly")],
        ),
        # ... while a yearly plan still keeps its own cycle
        ("Sở Y tế báo cáo kết quả thực hiện kế hoạch hằng năm.", [(["Sở Y tế"], [], None, None)]),
        # ... and a duty word still closes such a group as before
        (
            "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm báo cáo"
            " trước ngày 10/12/2026.",
            [(["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"], [], "2026-12-10", None)],
        ),
    ],
)
def test_groups_named_by_their_assignment(item, expected):
    assert _items(item) == expected


_REPORT = """SỞ Y TẾ TỈNH QUẢNG NINH
Số: 77/BC-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ninh, ngày 10 tháng 6 năm 2027

BÁO CÁO
Kết quả phòng, chống dịch sốt xuất huyết 5 tháng đầu năm 2027

Kính gửi: Ủy ban nhân dân tỉnh Quảng Ninh.

I. KẾT QUẢ THỰC HIỆN
Sở đã giao Trung tâm Kiểm soát bệnh tật tỉnh phun hóa chất tại 42 ổ dịch; đã tổ chức 6 đoàn kiểm tra.

II. NHIỆM VỤ THỜI GIAN TỚI
Sở Y tế tiếp tục theo dõi sát diễn biến dịch; đồng thời {lead_in}
1. Trung tâm Kiểm soát bệnh tật tỉnh giám sát chặt chẽ các ổ dịch cũ, báo cáo Sở hằng tuần.
2. Bệnh viện Đa khoa tỉnh chuẩn bị đủ giường bệnh, thuốc, hoàn thành trước ngày 30/6/2027.

III. KIẾN NGHỊ
Đề nghị Ủy ban nhân dân tỉnh bổ sung 2 tỷ đồng kinh phí phòng, chống dịch.

Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Vũ Minh Hà
"""


def test_a_report_reads_the_part_that_gives_its_units_work():
    """A report tells and proposes; only the part where its issuer hands its own units work under a
    lead-in is read (genre g323), from the lead-in to the end of its section."""
    result = extract_text(_REPORT.format(lead_in="giao các đơn vị thuộc Sở thực hiện các nhiệm vụ sau:"))
    assert result["document"]["is_directive"] is True
    assert _tasks(result) == [
        (["Trung tâm Kiểm soát bệnh tật tỉnh"], [], None, "weekly"),
        (["Bệnh viện Đa khoa tỉnh"], [], "2027-06-30", None),
    ]


@pytest.mark.parametrize(
    "lead_in",
    [
        "kính đề nghị Ủy ban nhân dân tỉnh giao các đơn vị thực hiện các nhiệm vụ sau:",  # a proposal upward
        "Sở sẽ tập trung vào các nhiệm vụ sau:",  # the issuer's own plans
    ],
)
def test_a_report_that_proposes_or_plans_assigns_nothing(lead_in):
    result = extract_text(_REPORT.format(lead_in=lead_in))
    assert result["document"]["is_directive"] is False
    assert result["tasks"] == []


def test_a_numbered_time_line_of_a_content_section_dates_the_plan():
    """ "II. NỘI DUNG" / "3. Thời gian thực hiện: Từ ngày ... đến hết ngày 31/12/2027." is the plan's
    own time frame (genre g355), the deadline of every task that states none; a task's own time
    line under it still wins."""
    body = (
        "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng đội ngũ.\n"
        "II. NỘI DUNG\n1. Đối tượng\nCông chức cấp xã.\n2. Chỉ tiêu\n- 100% công chức được bồi dưỡng.\n"
        "3. Thời gian thực hiện: Từ ngày 01/01/2027 đến hết ngày 31/12/2027.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Hướng dẫn các cơ quan triển khai Kế hoạch.\n"
        "- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2027.\n"
        "2. Sở Tài chính:\n- Bố trí kinh phí thực hiện Kế hoạch.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Bồi dưỡng công chức năm 2027", intro="")
    assert _tasks(result) == [
        (["Sở Nội vụ"], [], "2027-12-31", None),
        (["Sở Nội vụ"], [], "2027-12-15", None),
        (["Sở Tài chính"], [], "2027-12-31", None),
    ]


def test_a_schedule_by_month_dates_the_items_under_each_month():
    """ "V. TIẾN ĐỘ THỰC HIỆN" / "Tháng 10/2026" / "- Phòng X ...": each month heads the items done in
    it and is their deadline (genre g365); the schedule is no time frame of the whole plan, and an
    item's own date still wins."""
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n1. Phòng Giáo dục trung học\n- Hướng dẫn các trường xây dựng kế hoạch giáo dục.\n"
        "II. TIẾN ĐỘ THỰC HIỆN\nTháng 10/2026\n- Phòng Giáo dục trung học tổ chức tập huấn giáo viên.\n"
        "Tháng 12/2026\n- Phòng Quản lý chất lượng tổ chức kỳ thi học sinh giỏi.\n"
        "- Các trường gửi báo cáo sơ kết về Sở trước ngày 20/12/2026.\n"
        "Quý I/2027\n- Thanh tra Sở kiểm tra việc dạy thêm, học thêm.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Nhiệm vụ năm học 2026 - 2027", intro="")
    assert _tasks(result) == [
        (["Phòng Giáo dục trung học"], [], None, None),
        (["Phòng Giáo dục trung học"], [], "2026-10-31", None),
        (["Phòng Quản lý chất lượng"], [], "2026-12-31", None),
        (["Các trường"], [], "2026-12-20", None),
        (["Thanh tra Sở"], [], "2027-03-31", None),
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # how often, between the doer and its verb: no part of the name, the action's period
        (
            "Trưởng các tổ dân phố hằng tháng nắm bắt, tổng hợp ý kiến của người dân.",
            [(["Trưởng các tổ dân phố"], [], None, "monthly")],
        ),
        ("Các ngân hàng thương mại hằng tháng báo cáo dư nợ.", [(["Các ngân hàng thương mại"], [], None, "monthly")]),
        ("Trưởng các thôn định kỳ hằng quý báo cáo tình hình.", [(["Trưởng các thôn"], [], None, "quarterly")]),
        # ... while a period that describes a noun stays no recurrence
        ("Sở Tài chính bố trí kinh phí hằng năm được giao cho các xã.", [(["Sở Tài chính"], [], None, None)]),
        ("Sở Y tế xây dựng kế hoạch hằng năm của ngành.", [(["Sở Y tế"], [], None, None)]),
    ],
)
def test_a_period_between_the_doer_and_its_verb(item, expected):
    assert _items(item) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Ban Nội chính Tỉnh ủy",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Kinh tế Thành ủy",
    ],
)
def test_a_party_committees_board_keeps_its_committee(name):
    """ "Tỉnh ủy" closes the name of the Party committee's boards; "Tỉnh" there is no bare province
    word ending the name, as in "Sở Y tế tỉnh"."""
    assert _items(f"{name} chủ trì, phối hợp với Sở Y tế tỉnh rà soát hồ sơ cán bộ.") == [
        ([name], ["Sở Y tế"], None, None)
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # "thiết bị" is a noun inside a name, though "bị" is a verb elsewhere
        (
            "Giao Cục Hạ tầng và Thiết bị y tế chủ trì, phối hợp với Vụ Kế hoạch - Tài chính rà soát hồ sơ.",
            [(["Cục Hạ tầng và Thiết bị y tế"], ["Vụ Kế hoạch - Tài chính"], None, None)],
        ),
        # a word that is a verb elsewhere ends a name only when a verb follows it, not "các"
        (
            "Vụ Pháp chế chủ trì, phối hợp với Cục Quản lý đất đai tổng hợp các vướng mắc, báo cáo Bộ trưởng.",
            [(["Vụ Pháp chế"], ["Cục Quản lý đất đai"], None, None)],
        ),
        # a group named by the tasks it leads, its verb right after them
        (
            "Các cơ quan, đơn vị được giao chủ trì nhiệm vụ lập dự toán kinh phí, gửi Sở Tài chính.",
            [(["Các cơ quan, đơn vị được giao chủ trì nhiệm vụ"], [], None, None)],
        ),
        # a working group's officers by position
        (
            "Tổ trưởng Tổ công tác phân công nhiệm vụ cụ thể cho từng thành viên trước ngày 31/10/2026.",
            [(["Tổ trưởng Tổ công tác"], [], "2026-10-31", None)],
        ),
        (
            "Tổ phó thường trực giúp Tổ trưởng điều hành hoạt động của Tổ công tác.",
            [(["Tổ phó thường trực"], [], None, None)],
        ),
    ],
)
def test_names_of_units_and_officers(item, expected):
    assert _items(item) == expected


_NEWS = """Sáng 12/10, Thủ tướng Chính phủ chủ trì hội nghị trực tuyến với các địa phương về giải ngân vốn
đầu tư công. Theo báo cáo, đến hết tháng 9, cả nước giải ngân đạt 51% kế hoạch.
{sentence}
Thủ tướng giao Bộ Tài chính rà soát, điều chuyển vốn của các dự án chậm giải ngân trước ngày 31/10.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        # a leader's comment that names no one who acts
        "Thủ tướng nhấn mạnh, thời gian từ nay đến cuối năm chỉ còn gần 3 tháng, khối lượng vốn còn lớn.",
        "Bí thư Tỉnh ủy nhấn mạnh, khoa học, công nghệ là đột phá quan trọng hàng đầu.",
        # a minister informing the meeting
        "Bộ trưởng Bộ Xây dựng thông tin, trên 28 dự án cao tốc còn khoảng 186 km chưa bàn giao mặt bằng.",
    ],
)
def test_a_speakers_comment_or_report_is_no_task(sentence):
    result = extract_text(_NEWS.format(sentence=sentence))
    assert [t["lead"] for t in result["tasks"]] == [["Bộ Tài chính"]]


def test_a_leaders_approval_then_an_assignment_gives_the_assignment():
    """ "Bí thư Tỉnh ủy cơ bản thống nhất và giao Đảng ủy UBND tỉnh ...": the approval is no task,
    the body it gives work to leads (genre g353)."""
    sentence = (
        "Về các kiến nghị của Sở, Bí thư Tỉnh ủy cơ bản thống nhất và giao Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo"
        " xem xét, giải quyết theo thẩm quyền."
    )
    result = extract_text(_NEWS.format(sentence=sentence))
    assert [t["lead"] for t in result["tasks"]] == [["Đảng ủy Ủy ban nhân dân tỉnh"], ["Bộ Tài chính"]]


@pytest.mark.parametrize(
    "name",
    [
        # ministry units of the 2025 structure that the registry names (a comma, "về", "có" inside)
        "Cục Giám định nhà nước về chất lượng công trình xây dựng",
        "Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng",
        "Cục Người có công",
        "Cục Quản lý thi hành án dân sự",
    ],
)
def test_ministry_units_named_whole(name):
    assert _items(f"{name} chủ trì rà soát hồ sơ, báo cáo Bộ trưởng trước ngày 30/11/2026.") == [
        ([name], [], "2026-11-30", None)
    ]


def test_a_heading_that_ends_in_a_verb_like_noun_keeps_it():
    """ "3. Cục Kinh tế - Quản lý đầu tư xây dựng" over its items: "xây dựng" ends the name at the
    heading's end or colon, though it is a verb elsewhere (genre g380)."""
    body = (
        "1. Cục Kinh tế - Quản lý đầu tư xây dựng\na) Hướng dẫn chủ đầu tư bố trí chi phí an toàn lao động.\n"
        "2. Cục Kinh tế - Quản lý đầu tư xây dựng: rà soát năng lực của các nhà thầu.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Cục Kinh tế - Quản lý đầu tư xây dựng"], [], None, None),
        (["Cục Kinh tế - Quản lý đầu tư xây dựng"], [], None, None),
    ]


_MEETING_NEWS = """Chiều 20/10, Chủ tịch UBND tỉnh Gia Lai chủ trì buổi gặp mặt các nhà đầu tư trên địa bàn tỉnh.
{sentence}
Chủ tịch UBND tỉnh giao Sở Tài chính tổng hợp các kiến nghị, báo cáo trước ngày 30/10.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        # an investor's proposal to the province, a request to be given something, a promise
        "Công ty TNHH Chế biến nông sản Đak Đoa đề xuất tỉnh hỗ trợ đầu tư tuyến đường giao thông nội vùng.",
        "Công ty CP Đầu tư hạ tầng Nhơn Hội đề nghị được hướng dẫn thủ tục điều chỉnh cục bộ quy hoạch.",
        "Các doanh nghiệp cũng cam kết tập trung nguồn lực, đẩy nhanh tiến độ thi công.",
    ],
)
def test_investors_proposals_and_promises_in_the_news_are_no_tasks(sentence):
    result = extract_text(_MEETING_NEWS.format(sentence=sentence))
    assert [t["lead"] for t in result["tasks"]] == [["Sở Tài chính"]]


def test_a_department_proposing_to_the_committee_still_acts():
    """ "Sở Tài chính đề xuất UBND tỉnh bố trí vốn": drafting a proposal is the department's task."""
    assert _items("Sở Tài chính đề xuất UBND tỉnh bố trí vốn cho các dự án trước ngày 15/12/2026.") == [
        (["Sở Tài chính"], [], "2026-12-15", None)
    ]


_LETTER = """BỘ TÀI CHÍNH
Số: 512/BTC-ĐT
V/v đẩy nhanh giải ngân vốn đầu tư công
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 22 tháng 6 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh: Quảng Trị, Gia Lai, Khánh Hòa.

{body}

Nơi nhận:
- Như trên;
- Lưu: VT, ĐT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Hùng
"""
_THREE = [f"Ủy ban nhân dân tỉnh {p}" for p in ("Quảng Trị", "Gia Lai", "Khánh Hòa")]


def test_a_letters_group_of_its_addressees_kind_is_its_addressees():
    """A letter to three provinces by name: "Ủy ban nhân dân các tỉnh" over its items is those three
    (genre g358)."""
    body = (
        "Để bảo đảm giải ngân đạt trên 95% kế hoạch, Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh:\n"
        "a) Rà soát, điều chuyển kế hoạch vốn từ các dự án chậm giải ngân trước ngày 15/7/2026.\n"
        "b) Chỉ đạo các chủ đầu tư lập kế hoạch giải ngân chi tiết theo từng tháng."
    )
    assert [t["lead"] for t in extract_text(_LETTER.format(body=body))["tasks"]] == [_THREE, _THREE]


def test_a_reference_back_in_a_letter_is_its_addressees():
    """ "Các cơ quan, đơn vị nêu trên báo cáo ..." in a letter to several bodies (genre g364)."""
    body = (
        "Qua theo dõi, việc giải ngân vốn đầu tư công tại các địa phương còn chậm.\n\n"
        "Các cơ quan, đơn vị nêu trên báo cáo kết quả về Bộ Tài chính trước ngày 20/7/2026."
    )
    assert [(t["lead"], t["deadline"]) for t in extract_text(_LETTER.format(body=body))["tasks"]] == [
        (_THREE, "2026-07-20")
    ]


_URGING = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP
VĂN PHÒNG
Số: 802/VPUBND-TH
V/v đôn đốc thực hiện các nhiệm vụ quá hạn
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đồng Tháp, ngày 05 tháng 11 năm 2026

Kính gửi:
- Sở Xây dựng;
- Sở Tài chính;
- Sở Y tế.

Tính đến ngày 31/10/2026, còn 03 nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành, cụ thể:

STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời hạn
1\tTham mưu ban hành Quy định phân cấp quản lý chất lượng công trình\tSở Xây dựng\t30/8/2026
2\tRà soát phương án xử lý các cơ sở nhà, đất dôi dư\tSở Tài chính\t15/9/2026
3\tĐưa vào vận hành hệ thống xử lý nước thải y tế\tSở Y tế\t15/10/2026

Văn phòng UBND tỉnh đề nghị Thủ trưởng các cơ quan nêu trên khẩn trương hoàn thành các nhiệm vụ tại
các mục 1 và 2 trước ngày 30/11/2026; nhiệm vụ tại mục 3 hoàn thành trong tháng 12/2026.

Nơi nhận:
- Như trên;
- Lưu: VT, TH.
CHÁNH VĂN PHÒNG
Trương Minh Luân
"""


def test_an_urging_letter_gives_the_rows_it_names_their_new_deadlines():
    """The table's old deadlines are history; the letter's new dates go to the rows it names by
    number, and the sentence that only re-dates them is no task of its own (genre g364)."""
    tasks = extract_text(_URGING)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [
        (["Sở Xây dựng"], "2026-11-30"),
        (["Sở Tài chính"], "2026-11-30"),
        (["Sở Y tế"], "2026-12-31"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a commune's or a department's request to the province or the centre, told in the news
        "Xã Sơn Thành đề nghị tỉnh hỗ trợ kinh phí khắc phục hệ thống kênh mương nội đồng.",
        "Sở GD&ĐT tỉnh Điện Biên đề nghị Trung ương hỗ trợ kinh phí mua sắm thiết bị dạy học.",
    ],
)
def test_a_localitys_request_upward_in_the_news_is_no_task(sentence):
    result = extract_text(_MEETING_NEWS.format(sentence=sentence))
    assert [t["lead"] for t in result["tasks"]] == [["Sở Tài chính"]]


def test_a_leaders_request_to_a_named_province_or_the_youth_union_still_assigns():
    sentence = "Thứ trưởng đề nghị tỉnh Gia Lai cập nhật tình hình hạn hán, báo cáo Bộ trước ngày 25/10."
    result = extract_text(_MEETING_NEWS.format(sentence=sentence))
    assert [t["lead"] for t in result["tasks"]] == [["Tỉnh Gia Lai"], ["Sở Tài chính"]]
    assert _items("Đề nghị Tỉnh đoàn phối hợp với các trường tổ chức tuyên truyền về an toàn giao thông.") == [
        (["Tỉnh đoàn"], ["Các trường"], None, None)
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Phòng Cảnh sát điều tra tội phạm về ma túy",
        "Phòng An ninh điều tra",
        "Bảo tàng tỉnh",
        "Vườn quốc gia Cát Tiên",
    ],
)
def test_police_units_cultural_bodies_and_parks(name):
    assert _items(f"{name} chủ trì rà soát hồ sơ, báo cáo trước ngày 30/11/2026.") == [([name], [], "2026-11-30", None)]


def test_households_as_a_group_that_acts():
    """ "5. Các hộ gia đình, cá nhân, hộ kinh doanh trên địa bàn phường" over their duties (g398)."""
    body = (
        "1. Công an phường tăng cường tuần tra, xử lý vi phạm trật tự đô thị.\n"
        "2. Các hộ gia đình, cá nhân, hộ kinh doanh trên địa bàn phường\n"
        "a) Chấp hành nghiêm các quy định về sử dụng vỉa hè.\n"
    )
    assert _tasks(_notice(body))[1] == (["Các hộ gia đình, cá nhân, hộ kinh doanh trên địa bàn phường"], [], None, None)


def test_a_standing_body_named_in_brackets_leads_its_items():
    """ "2. Đối với cơ quan thường trực Ban Chỉ đạo (Sở Nông nghiệp và Môi trường)" over items with
    no actor: the body in brackets leads them (genre g366)."""
    body = (
        "1. Đối với cơ quan thường trực Ban Chỉ đạo (Sở Nông nghiệp và Môi trường)\n"
        "a) Chủ trì, phối hợp với Sở Tài chính tham mưu điều chuyển vốn trước ngày 30/4/2027.\n"
        "b) Tổng hợp tiến độ giải ngân vốn, báo cáo Trưởng Ban Chỉ đạo.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"], "2027-04-30", None),
        (["Sở Nông nghiệp và Môi trường"], [], None, None),
    ]


def test_a_body_asked_for_its_opinion_is_given_a_task():
    """ "Bộ Xây dựng có ý kiến về suất vốn đầu tư ..." in a Government Office letter: the ministry is
    to give it (genre g368); a leader who "có ý kiến như sau" only speaks."""
    body = (
        "Phó Thủ tướng Chính phủ có ý kiến như sau:\n"
        "1. Bộ Xây dựng có ý kiến về suất vốn đầu tư của Dự án, gửi Bộ Tài chính trước ngày 30/10/2026.\n"
    )
    assert _tasks(_notice(body)) == [(["Bộ Xây dựng"], [], "2026-10-30", None)]


def test_the_work_of_the_last_months_of_a_year_is_no_deadline():
    """ "II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 VÀ NHỮNG THÁNG CUỐI NĂM 2026" names the months of the work,
    no deadline for the items under it (genre g407); "Hoàn thành trong những tháng cuối năm" is one."""
    heading = "II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 VÀ NHỮNG THÁNG CUỐI NĂM 2026\n1. Thuế tỉnh đẩy mạnh thu hồi nợ thuế.\n"
    assert _tasks(_notice(heading)) == [(["Thuế tỉnh"], [], None, None)]
    covering = "1. Hoàn thành trong những tháng cuối năm 2026 các việc sau:\na) Thuế tỉnh đẩy mạnh thu hồi nợ thuế.\n"
    assert _tasks(_notice(covering)) == [(["Thuế tỉnh"], [], "2026-12-31", None)]


def test_what_was_asked_before_is_told_not_ordered():
    """ "Trước đó, UBND tỉnh đã yêu cầu các phường ..." in the news reports an earlier request (g05)."""
    sentence = "Trước đó, UBND tỉnh đã yêu cầu các phường, xã ven biển tăng cường kiểm tra việc niêm yết giá."
    assert [t["lead"] for t in extract_text(_MEETING_NEWS.format(sentence=sentence))["tasks"]] == [["Sở Tài chính"]]


def test_a_portals_tool_bar_and_counter_are_dropped():
    page = (
        "Sáng 16/11, Chủ tịch UBND tỉnh ký Công văn về bảo đảm hàng hóa dịp Tết.\n\n"
        "Công văn nêu rõ: Sở Công Thương chủ trì xây dựng kế hoạch dự trữ hàng hóa.\n\n"
        "Minh Thư\n\nChia sẻ | In bài | Gửi email\nLượt xem: 1.248\n"
    )
    assert [t["lead"] for t in extract_text(page)["tasks"]] == [["Sở Công Thương"]]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        ("Các đơn vị trực thuộc Sở nghiêm túc thực hiện chế độ báo cáo.", "Các đơn vị trực thuộc Sở"),
        ("Kho bạc Nhà nước khu vực IV rút ngắn thời gian kiểm soát chi.", "Kho bạc Nhà nước khu vực IV"),
        ("Vụ Chính sách thuế, phí và lệ phí hướng dẫn xác định giá tính thuế.", "Vụ Chính sách thuế, phí và lệ phí"),
    ],
)
def test_names_end_before_an_adverb_or_a_verb(item, lead):
    assert _items(item)[0][0] == [lead]


def test_plan_labels_before_the_bullets_they_cover():
    """ "1. Heading" / "Cơ quan thực hiện: X." / "Cơ quan phối hợp: Y." / "- ..." / "Thời gian hoàn
    thành: Quý IV/2027.": the labels that open the list give its bullets their lead and partners,
    the closing time line their deadline (genre g414)."""
    body = (
        "III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Hoàn thiện cơ chế, chính sách hỗ trợ hợp tác xã\n"
        "Cơ quan thực hiện: Sở Nông nghiệp và Môi trường.\nCơ quan phối hợp: Sở Tài chính, Sở Tư pháp.\n"
        "- Rà soát, đánh giá kết quả thực hiện các chính sách hỗ trợ hợp tác xã.\n"
        "- Xây dựng cơ sở dữ liệu hợp tác xã, hoàn thành trước ngày 30/6/2027.\n"
        "Thời gian hoàn thành: Quý IV/2027.\n"
        "2. Đào tạo nguồn nhân lực cho hợp tác xã\nCơ quan thực hiện: Sở Nội vụ.\n"
        "- Tổ chức 15 lớp bồi dưỡng kiến thức quản trị cho cán bộ hợp tác xã.\n"
        "Thời gian hoàn thành: Quý III/2027.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Phát triển hợp tác xã năm 2027", intro="")
    both = ["Sở Tài chính", "Sở Tư pháp"]
    assert _tasks(result) == [
        (["Sở Nông nghiệp và Môi trường"], both, "2027-12-31", None),
        (["Sở Nông nghiệp và Môi trường"], both, "2027-06-30", None),
        (["Sở Nội vụ"], [], "2027-09-30", None),
    ]


def test_square_bullets_sit_under_round_ones():
    """Word's "•" then "▪" as a converter copies them: the squares are the round bullet's items
    ("• Giao Phòng Nghiệp vụ Y:" over "▪ Xây dựng ...", genre g410)."""
    body = (
        "•\tGiao Phòng Nghiệp vụ Y:\n▪\tXây dựng kế hoạch kiểm tra công tác trực cấp cứu trước ngày 20/12/2026.\n"
        "▪\tPhối hợp với Phòng Tổ chức cán bộ kiểm tra việc thực hiện quy tắc ứng xử.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Nghiệp vụ Y"], [], "2026-12-20", None),
        (["Phòng Nghiệp vụ Y"], ["Phòng Tổ chức cán bộ"], None, None),
    ]


def test_numbered_items_run_together_on_one_line():
    """ "3) Sở A: ...; 4) Công ty B: ...; 5) Sở C: ..." on one line, as a copy ran them together: one
    item each (genre g413)."""
    body = (
        "3) Sở Công Thương: chỉ đạo Chi cục Quản lý thị trường tăng cường kiểm tra; 4) Công ty Điện lực Hưng"
        " Yên: rà soát dây dẫn điện mất an toàn, hoàn thành trước ngày 31/12/2026; 5) Sở Giáo dục và Đào tạo:"
        " chỉ đạo tuyên truyền kỹ năng thoát nạn.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Sở Công Thương"],
        ["Công ty Điện lực Hưng Yên"],
        ["Sở Giáo dục và Đào tạo"],
    ]


def test_a_product_line_is_one_of_the_plan_lines():
    """ "Nhiệm vụ 1: ..." over "- Cơ quan chủ trì:", "- Cơ quan phối hợp:", "- Thời hạn:" and "- Sản
    phẩm: ..." lines: the product is what the task delivers, no task of its own (genre g424)."""
    body = (
        "Nhiệm vụ 1: Xây dựng Kế hoạch thực hiện Nghị quyết về kinh tế tuần hoàn.\n"
        "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n- Cơ quan phối hợp: Sở Tài chính.\n"
        "- Thời hạn: Trước ngày 30/11/2026.\n- Sản phẩm: Kế hoạch của Ủy ban nhân dân tỉnh.\n"
        "Nhiệm vụ 2: Tuyên truyền về lối sống xanh.\n- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
        "- Thời hạn: Quý II/2027.\n- Sản phẩm: Chuyên trang, chuyên mục.\n"
    )
    result = _notice(body, kind="QĐ", title="QUYẾT ĐỊNH", subject="Giao nhiệm vụ thực hiện Nghị quyết", intro="")
    assert _tasks(result) == [
        (["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"], "2026-11-30", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], [], "2027-06-30", None),
    ]
