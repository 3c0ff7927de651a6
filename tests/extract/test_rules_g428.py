"""Rules added on 2026-12-07 from the families left open by g350-g427 and the genre examples
g428 onwards, measured on arrival first, each on a short notice written for it. The notices are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "lead", "partners"),
    [
        # kinds of body listed after a comma and closed by the body they belong to
        (
            "Các tổng công ty, doanh nghiệp nhà nước thuộc Bộ Công Thương rà soát quy trình vận hành.",
            ["Các tổng công ty, doanh nghiệp nhà nước thuộc Bộ Công Thương"],
            [],
        ),
        # a verb that also closes a noun ("xây dựng"), a verb proper right after it
        ("Các nhà thầu thi công xây dựng kiểm tra hệ thống giàn giáo.", ["Các nhà thầu thi công xây dựng"], []),
        # ... but not when what follows is its object
        ("Các nhà thầu thi công xây dựng kế hoạch bảo đảm an toàn.", ["Các nhà thầu thi công"], []),
        # members of a body, with no "là"
        (
            "Các sở, ngành, đơn vị thành viên Ban Chỉ đạo 138 tỉnh xây dựng kế hoạch kiểm tra.",
            ["Các sở, ngành, đơn vị thành viên Ban Chỉ đạo 138 tỉnh"],
            [],
        ),
        # localities told apart by where the project runs, groups by where they are, by harm done
        (
            "Sở Giao thông phối hợp với Ủy ban nhân dân các tỉnh, thành phố nơi có tuyến đường đi qua để"
            " bàn giao mặt bằng.",
            ["Sở Giao thông"],
            ["Ủy ban nhân dân các tỉnh, thành phố nơi có tuyến đường đi qua"],
        ),
        (
            "Sở Công Thương phối hợp với các doanh nghiệp sản xuất phân bón trong nước bình ổn giá.",
            ["Sở Công Thương"],
            ["Các doanh nghiệp sản xuất phân bón trong nước"],
        ),
        (
            "Sở Y tế phối hợp với các cơ quan thông tấn, báo chí tuyên truyền về dịch bệnh.",
            ["Sở Y tế"],
            ["Các cơ quan thông tấn, báo chí"],
        ),
        (
            "UBND các xã, phường bị thiệt hại rà soát, thống kê số hộ cần hỗ trợ.",
            ["Ủy ban nhân dân các xã, phường bị thiệt hại"],
            [],
        ),
        # two kinds of training joined by a dash in the group's description
        (
            "Các trung tâm giáo dục nghề nghiệp - giáo dục kỹ thuật tổ chức tuyển sinh.",
            ["Các trung tâm giáo dục nghề nghiệp - giáo dục kỹ thuật"],
            [],
        ),
        # a unit of a ministry whose name goes on in lowercase
        ("Cục Cơ sở vật chất theo dõi tiến độ xây dựng trường học.", ["Cục Cơ sở vật chất"], []),
    ],
)
def test_the_whole_qualifying_phrase_of_a_group(item, lead, partners):
    ((got_lead, got_partners, _, _),) = _items(item)
    assert (got_lead, got_partners) == (lead, partners)


_ROOMS = """SỞ XÂY DỰNG TỈNH PHÚ THỌ
Số: 41/KH-SXD
Phú Thọ, ngày 12 tháng 1 năm 2027

KẾ HOẠCH
Thực hiện nhiệm vụ năm 2027

II. NHIỆM VỤ CỤ THỂ
1. Phòng Quản lý nhà và thị trường
- Rà soát quỹ đất phát triển nhà ở xã hội, hoàn thành trước ngày 30/6/2027.
2. Phòng Kinh tế vật liệu xây dựng:
- Cập nhật giá vật liệu xây dựng hằng tháng.
3. Văn phòng Sở
- Phòng Quản lý nhà và thị trường phối hợp với Phòng Kinh tế vật liệu xây dựng tổng hợp báo cáo năm.
"""


def test_a_heading_line_defines_a_units_whole_name():
    """A room's heading holds its name alone, so the lowercase words the name reader would leave
    off ("thị trường", "vật liệu xây dựng") belong to it, there and in the body."""
    assert _tasks(extract_text(_ROOMS)) == [
        (["Phòng Quản lý nhà và thị trường"], [], "2027-06-30", None),
        (["Phòng Kinh tế vật liệu xây dựng"], [], None, "monthly"),
        (["Phòng Quản lý nhà và thị trường"], ["Phòng Kinh tế vật liệu xây dựng"], None, None),
    ]


def test_a_heading_that_says_something_defines_no_name():
    """A heading with a verb or a second body is no name: "Bộ Tư pháp có trách nhiệm", "Ủy ban
    nhân dân tỉnh A và Ủy ban nhân dân tỉnh B" keep their own readings."""
    text = _notice(
        "1. Bộ Tư pháp có trách nhiệm:\n- Đôn đốc các bộ xây dựng văn bản.\n"
        "2. Ủy ban nhân dân xã Tân Lập và Ủy ban nhân dân xã Hòa Bình\n- Vận động người dân bàn giao mặt bằng.\n"
    )
    assert _tasks(text) == [
        (["Bộ Tư pháp"], [], None, None),
        (["Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Hòa Bình"], [], None, None),
    ]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # kinds after a comma and the body they belong to, then what they were given
        (
            "Các phòng chức năng, đơn vị trực thuộc Sở được giao chủ trì nhiệm vụ chủ động lập kế hoạch.",
            ["Các phòng chức năng, đơn vị trực thuộc Sở được giao chủ trì nhiệm vụ"],
        ),
        # a group named by the tasks it was given, and another body after "và"
        (
            "Các sở, ngành được phân công nhiệm vụ và UBND các xã, phường căn cứ Kế hoạch này triển khai.",
            ["Các sở, ngành được phân công nhiệm vụ", "Ủy ban nhân dân các xã, phường"],
        ),
    ],
)
def test_groups_named_by_the_tasks_they_were_given(item, lead):
    ((got_lead, _, _, _),) = _items(item)
    assert got_lead == lead


_SCHEDULE = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 12/LCT-UBND
Bắc Ninh, ngày 02 tháng 3 năm 2027

LỊCH CÔNG TÁC
Tuần 10 của Chủ tịch, các Phó Chủ tịch UBND tỉnh (từ ngày 08/3 đến ngày 12/3/2027)

THỨ HAI (08/3/2027)
- 08 giờ 00: Chủ tịch UBND tỉnh Trần Văn Nam chủ trì họp giao ban. Thành phần: lãnh đạo Sở Tài chính,
Sở Nội vụ. Địa điểm: Phòng họp số 1.
- 14 giờ 00: Phó Chủ tịch UBND tỉnh Lê Thị Hoa làm việc với Sở Y tế về công tác phòng, chống dịch.
THỨ BA (09/3/2027)
- 08 giờ 00: Phó Chủ tịch UBND tỉnh Lê Thị Hoa kiểm tra dự án trường học tại phường Vũ Ninh.
Thành phần: lãnh đạo Sở Giáo dục và Đào tạo, Sở Xây dựng.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Nguyễn Văn Bình
"""


def test_a_leaders_week_of_meetings_assigns_nothing():
    """A work schedule lists meetings, guests and places: no task, no one chair."""
    result = extract_text(_SCHEDULE)
    assert result["tasks"] == []
    assert result["document"]["doc_type"] == "LỊCH CÔNG TÁC"
    assert result["document"]["chair"] is None
    assert result["document"]["is_directive"] is False


_TAB_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 55/KH-UBND\nAn Giang, ngày 01 tháng 3 năm 2027\n\n"
    "KẾ HOẠCH\nTriển khai Tháng hành động vì an toàn thực phẩm năm 2027\n\n"
    "II. NHIỆM VỤ\n"
    "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
    "I. CÔNG TÁC TRUYỀN THÔNG\n"
    "1\tTổ chức lễ phát động Tháng hành động\tSở Y tế\tSở Công Thương\tTrước ngày 15/4/2027\n"
    "2\tTuyên truyền trên hệ thống loa truyền thanh cơ sở\tUBND các xã, phường"
    "\tHội Liên hiệp Phụ nữ tỉnh\tTháng 4/2027\n"
    "II. CÔNG TÁC KIỂM TRA\n"
    "1\tKiểm tra các chợ đầu mối, siêu thị\tSở Công Thương\tCông an tỉnh\tQuý II/2027\n"
    "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hùng\n"
)

_PIPE_PLAN = (
    "SỞ Y TẾ TỈNH GIA LAI\nSố: 38/KH-SYT\nGia Lai, ngày 10 tháng 2 năm 2027\n\n"
    "KẾ HOẠCH\nChuyển đổi số ngành Y tế năm 2027\n\n"
    "III. NHIỆM VỤ\n"
    "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Sản phẩm\n"
    "1 | Triển khai bệnh án điện tử tại bệnh viện tỉnh | Bệnh viện Đa khoa tỉnh | Văn phòng Sở"
    " | Quý III/2027 | Bệnh viện\n"
    "triển khai bệnh án điện tử\n"
    "2 | Tập huấn kỹ năng số cho viên chức | Phòng Tổ chức cán bộ | Văn phòng Sở | Tháng 5/2027 | Danh sách học viên\n"
    "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Minh\n"
)


def test_a_tab_table_goes_on_past_its_group_lines():
    assert _tasks(extract_text(_TAB_PLAN)) == [
        (["Sở Y tế"], ["Sở Công Thương"], "2027-04-15", None),
        (["Ủy ban nhân dân các xã, phường"], ["Hội Liên hiệp Phụ nữ tỉnh"], "2027-04-30", None),
        (["Sở Công Thương"], ["Công an tỉnh"], "2027-06-30", None),
    ]


def test_a_pipe_table_goes_on_past_its_last_cells_wrapped_rest():
    assert _tasks(extract_text(_PIPE_PLAN)) == [
        (["Bệnh viện Đa khoa tỉnh"], ["Văn phòng Sở"], "2027-09-30", None),
        (["Phòng Tổ chức cán bộ"], ["Văn phòng Sở"], "2027-05-31", None),
    ]


def test_items_that_act_after_trong_do_are_tasks():
    """ "..., trong đó:" over items that each open with a verb of their own ("a) Tổ chức ...",
    "b) Rà soát ...") lists the tasks, not a breakdown of the item's own work (which "+ Đối với
    dự án A: ..." items are, test_rules_g300)."""
    body = (
        "1. Ủy ban nhân dân các xã ven biển tập trung chỉ đạo công tác ứng phó với bão, trong đó:\n"
        "a) Tổ chức kêu gọi tàu thuyền vào nơi tránh trú an toàn trước 12 giờ ngày 15/9/2027.\n"
        "b) Rà soát, sơ tán người dân ở khu vực nhà ở không bảo đảm an toàn.\n"
        "2. Sở Y tế bảo đảm thuốc, vật tư y tế.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Ủy ban nhân dân các xã ven biển"], [], "2027-09-15", None),
        (["Ủy ban nhân dân các xã ven biển"], [], None, None),
        (["Sở Y tế"], [], None, None),
    ]


def test_unnumbered_lead_in_lines_each_open_their_own_bullets():
    """ "Giao Sở Tài chính:" / "+ ..." / "Giao Sở Xây dựng:" / "+ ...": a short line ending with a
    colon after bullets opens a new run of bullets beside the earlier one, with its own lead."""
    body = (
        "2. Để đẩy nhanh tiến độ, Phó Chủ tịch UBND tỉnh yêu cầu:\n\n"
        "Giao Sở Tài chính:\n"
        "+ Thẩm định phương án giá đất cụ thể trước ngày 05/8/2027.\n"
        "+ Tham mưu bố trí vốn chi trả tiền bồi thường.\n\n"
        "Giao Sở Xây dựng:\n"
        "+ Thẩm định quy hoạch chi tiết khu tái định cư trước ngày 10/8/2027.\n\n"
        "Đề nghị Công ty Cổ phần Đầu tư Sông Trà:\n"
        "+ Chuyển đủ kinh phí ứng trước để chi trả tiền bồi thường.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Tài chính"], [], "2027-08-05", None),
        (["Sở Tài chính"], [], None, None),
        (["Sở Xây dựng"], [], "2027-08-10", None),
        (["Công ty Cổ phần Đầu tư Sông Trà"], [], None, None),
    ]


def test_lunar_days_around_tet():
    """A Tết directive's days of the lunar months: "trước ngày 20 tháng Chạp" is the 20th day of the
    month before the coming Tết (Đinh Mùi, 6/2/2027); a range ends on its last day."""
    body = (
        "1. Sở Nội vụ hoàn thành việc thăm, tặng quà gia đình chính sách trước ngày 20 tháng Chạp.\n"
        "2. Sở Văn hóa, Thể thao và Du lịch hướng dẫn treo cờ Tổ quốc từ ngày 28 tháng Chạp đến hết ngày"
        " mùng 6 tháng Giêng năm 2027.\n"
    )
    text = _notice(body).get("tasks")
    assert [t["deadline"] for t in text] == ["2027-01-27", "2027-02-11"]


_STEERING = """UBND TỈNH NGỌC SƠN
BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA
Số: 05/TB-BCĐ
Ngọc Sơn, ngày 10 tháng 3 năm 2027

THÔNG BÁO
Phân công nhiệm vụ thành viên Ban Chỉ đạo

1. Đồng chí Trưởng ban (đồng chí Hoàng Văn Nam, Chủ tịch UBND tỉnh)
- Chủ trì các phiên họp của Ban Chỉ đạo hằng quý và các cuộc họp đột xuất khi cần thiết.
2. Đồng chí Lò Thị Hạnh, Phó Trưởng ban (Giám đốc Sở Dân tộc và Tôn giáo)
- Trực tiếp chỉ đạo Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc.
3. Các thành viên Ban Chỉ đạo
- Báo cáo kết quả thực hiện nhiệm vụ được phân công trước ngày 22 hằng tháng.

Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG BAN
Hoàng Văn Nam
"""


def test_steering_committee_members_by_position_lead_their_duties():
    """ "Đồng chí Trưởng ban" is a position like "Trưởng ban"; a bracketed aside naming who holds
    it leaves the heading a heading."""
    assert [t[0] for t in _tasks(extract_text(_STEERING))] == [
        ["Đồng chí Trưởng ban"],
        ["Đồng chí Lò Thị Hạnh, Phó Trưởng ban"],
        ["Các thành viên Ban Chỉ đạo"],
    ]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # kinds of school by their abbreviations, one group each (ANNOTATION: abbreviations expanded)
        (
            "Các trường THPT, PTDTNT tổ chức lễ khai giảng năm học mới.",
            ["Các trường trung học phổ thông", "Các trường phổ thông dân tộc nội trú"],
        ),
        (
            "Các trường THPT, TTGDNN-GDTX rà soát, kiện toàn tổ tư vấn tâm lý học đường.",
            ["Các trường trung học phổ thông", "Các Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên"],
        ),
        ("Trường THCS Lê Lợi tổ chức dạy học hai buổi/ngày.", ["Trường trung học cơ sở Lê Lợi"]),
    ],
)
def test_kinds_of_school_written_by_their_abbreviations(item, lead):
    ((got_lead, _, _, _),) = _items(item)
    assert got_lead == lead


def test_a_work_programme_by_month():
    """ "Tháng | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp": each row is due at its month's end."""
    text = (
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH\nSố: 02/CTr-SKHCN\nNinh Bình, ngày 06 tháng 01 năm 2027\n\n"
        "CHƯƠNG TRÌNH\nCông tác năm 2027\n\n"
        "Tháng | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp\n"
        "Tháng 3 | Kiểm tra đo lường tại các cửa hàng xăng dầu | Phòng Quản lý khoa học | Sở Công Thương\n"
        "Tháng 9 | Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh | Văn phòng Sở | Liên hiệp các Hội khoa học tỉnh\n"
        "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn An\n"
    )
    assert [(t[0], t[2]) for t in _tasks(extract_text(text))] == [
        (["Phòng Quản lý khoa học"], "2027-03-31"),
        (["Văn phòng Sở"], "2027-09-30"),
    ]


def test_contents_to_check_are_no_tasks_and_a_letters_thanks_neither():
    """ "..., tập trung vào các nội dung:" over "- Việc ..." lists what is checked; "Trân trọng./."
    closes a letter."""
    body = (
        "1. Sở Giáo dục và Đào tạo tổ chức kiểm tra chuyên đề trong tháng 4/2027, tập trung vào các nội dung:\n"
        "- Việc xây dựng và thực hiện kế hoạch giáo dục của nhà trường;\n"
        "- Việc thu, chi và công khai tài chính liên quan đến buổi học thứ hai.\n"
        "2. Sở Y tế kiểm tra bếp ăn tập thể.\n\nTrân trọng./.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Giáo dục và Đào tạo"], [], "2027-04-30", None),
        (["Sở Y tế"], [], None, None),
    ]


def test_a_blank_lead_cell_is_merged_with_the_row_above():
    """A lead cell left blank continues the one above (a merged cell copied as text), never across
    a group row."""
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG KIM TRÀ\nSố: 21/KH-UBND\nKim Trà, ngày 05 tháng 01 năm 2027\n\n"
        "KẾ HOẠCH\nPhòng, chống sốt xuất huyết năm 2027\n\n"
        "STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện\n"
        "I | CÔNG TÁC CHỈ ĐẠO | | |\n"
        "1 | Kiện toàn Ban Chỉ đạo phường | Phòng Văn hóa - Xã hội | Trạm Y tế phường | Tháng 01/2027\n"
        "2 | Tham mưu bố trí kinh phí phòng, chống dịch | | Phòng Kinh tế | Tháng 02/2027\n"
        "II | CHUYÊN MÔN | | |\n"
        "3 | Giám sát dịch tễ tại các tổ dân phố | | Các tổ dân phố | Tháng 3/2027\n"
        "\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Hòa\n"
    )
    assert _tasks(extract_text(text)) == [
        (["Phòng Văn hóa - Xã hội"], ["Trạm Y tế phường"], "2027-01-31", None),
        (["Phòng Văn hóa - Xã hội"], ["Phòng Kinh tế"], "2027-02-28", None),
    ]


def test_phases_of_a_schedule_are_no_plan_wide_time_frame():
    """ "III. TIẾN ĐỘ THỰC HIỆN" over "1. Giai đoạn 1 (... đến ngày 31/3/2027): ..." and "2. Giai
    đoạn 2 ...": each phase dates its own items; the tasks of the assignment section are not due
    at the first phase's end."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 12/KH-UBND\nVĩnh Long, ngày 10 tháng 01 năm 2027\n\n"
        "KẾ HOẠCH\nSắp xếp, xử lý nhà, đất dôi dư\n\n"
        "I. TIẾN ĐỘ THỰC HIỆN\n"
        "1. Giai đoạn 1 (từ ngày 15/01/2027 đến ngày 31/3/2027): Rà soát, kiểm kê\n"
        "- Sở Tài chính tổng hợp kết quả kiểm kê nhà, đất dôi dư.\n"
        "2. Giai đoạn 2 (từ ngày 01/4/2027 đến ngày 30/9/2027): Lập phương án\n"
        "- Sở Xây dựng thẩm định phương án sắp xếp.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Tư pháp\n- Hướng dẫn các cơ quan lựa chọn tổ chức đấu giá tài sản.\n"
        "\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Hòa\n"
    )
    assert [(t[0], t[2]) for t in _tasks(extract_text(text))] == [
        (["Sở Tài chính"], "2027-03-31"),
        (["Sở Xây dựng"], "2027-09-30"),
        (["Sở Tư pháp"], None),
    ]


def test_an_answer_to_a_proposal_gives_work_only_to_whom_it_names():
    """ "Về đề nghị ...: thống nhất chủ trương" approves: it borrows no lead from the item before;
    an answer that asks ("đề nghị ...") or names a body still gives a task."""
    body = (
        "1. Về đề nghị hỗ trợ kinh phí khắc phục sạt lở: giao Bộ Tài chính chủ trì xem xét, xử lý"
        " trước ngày 15/4/2027.\n"
        "2. Về đề nghị bổ sung Dự án kè biển vào kế hoạch đầu tư công trung hạn: thống nhất chủ trương"
        " như đề xuất của Tỉnh.\n"
        "3. Về đề nghị điều chỉnh ranh giới rừng phòng hộ: Ủy ban nhân dân xã Tân Lập hoàn thiện hồ sơ, gửi"
        " Bộ Nông nghiệp và Môi trường thẩm định.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [["Bộ Tài chính"], ["Ủy ban nhân dân xã Tân Lập"]]


_WORKING_GROUP = """ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
Số: 1520/QĐ-UBND
Khánh Hòa, ngày 03 tháng 7 năm 2027

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác tháo gỡ vướng mắc các dự án đầu tư

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác tháo gỡ vướng mắc các dự án đầu tư ngoài ngân sách (sau đây gọi tắt là Tổ công tác).
Tổ công tác có chức năng giúp Chủ tịch UBND tỉnh điều phối việc tháo gỡ vướng mắc.

Điều 2. Nhiệm vụ, quyền hạn của Tổ công tác
1. Rà soát, phân loại các dự án đang gặp khó khăn, vướng mắc; hoàn thành trước ngày 31/8/2027.
2. Định kỳ hằng tháng báo cáo Chủ tịch UBND tỉnh kết quả hoạt động.
3. Được mời đại diện các cơ quan, tổ chức, chuyên gia tham gia các cuộc họp của Tổ công tác.
Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.

Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Lê Văn Hùng
"""


def test_a_working_groups_duties_under_its_short_name():
    """ "(sau đây gọi tắt là Tổ công tác)" names the body short; "Điều 2. Nhiệm vụ, quyền hạn của Tổ
    công tác" gives it the items under it, but not its rights ("Được mời ...") nor what it is ("có
    chức năng ...", "tự giải thể ...")."""
    assert _tasks(extract_text(_WORKING_GROUP)) == [
        (["Tổ công tác"], [], "2027-08-31", None),
        (["Tổ công tác"], [], None, "monthly"),
    ]


def test_a_plan_by_quarter_marks_each_task_in_its_quarter():
    """ "Nội dung | Đơn vị thực hiện | Quý I | Quý II | Quý III | Quý IV", an "x" in the quarter of
    each task: the marked quarter's end is its deadline; adjacent quarters marked are one stretch of
    work, due at its end (an annotator's reading, genre g1042), and apart the first is due (g513)."""
    text = (
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HÀ TĨNH\nSố: 15/KH-SVHTTDL\nHà Tĩnh, ngày 05 tháng 01 năm 2027\n\n"
        "KẾ HOẠCH\nCông tác gia đình năm 2027\n\n"
        "Nội dung | Đơn vị thực hiện | Quý I | Quý II | Quý III | Quý IV\n"
        "Tập huấn nghiệp vụ công tác gia đình | Phòng Quản lý văn hóa | | x | | \n"
        "Tổ chức Hội thi Gia đình hạnh phúc | Trung tâm Văn hóa tỉnh | | | x | x\n"
        "Duy trì chuyên mục Gia đình Việt | Văn phòng Sở | x | x | x | x\n"
        "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Minh\n"
    )
    assert [(t[0], t[2]) for t in _tasks(extract_text(text))] == [
        (["Phòng Quản lý văn hóa"], "2027-06-30"),
        (["Trung tâm Văn hóa tỉnh"], "2027-12-31"),
        (["Văn phòng Sở"], None),  # every quarter: all year round
    ]


def test_an_urging_letters_annex_dates_by_its_new_deadline():
    """ "Thời hạn đã giao | Thời hạn mới": the old deadline is history, the new one is due."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 880/UBND-TH\nV/v đôn đốc thực hiện nhiệm vụ quá hạn\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhú Thọ, ngày 20 tháng 6 năm 2027\n\n"
        "Kính gửi:\n- Sở Tài chính;\n- Sở Xây dựng.\n\n"
        "Ủy ban nhân dân tỉnh yêu cầu các cơ quan hoàn thành các nhiệm vụ quá hạn tại Phụ lục kèm theo.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hòa\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ QUÁ HẠN\n"
        "STT | Nhiệm vụ | Văn bản giao | Cơ quan chủ trì | Thời hạn đã giao | Thời hạn mới\n"
        "1 | Tham mưu ban hành đơn giá bồi thường | Thông báo 45/TB-UBND | Sở Tài chính | 30/4/2027 | 30/7/2027\n"
    )
    rows = [(t[0], t[2]) for t in _tasks(extract_text(text)) if t[0] == ["Sở Tài chính"]]
    assert rows == [(["Sở Tài chính"], "2027-07-30")]


def test_villages_and_residential_groups_by_name_or_number():
    """ "Tổ dân phố số 1, 2, 3" is three residential groups; "Thôn Bình Minh" a village; "Tổ" alone
    is one only by its number ("Tổ Công nghệ số cộng đồng" is no residential group)."""
    body = (
        "1. Tổ dân phố số 1, 2, 3 (khu vực ven sông)\n- Rà soát, lập danh sách các hộ cần sơ tán.\n"
        "2. Thôn Bình Minh khơi thông cống rãnh trước ngày 15/10/2026.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 3"],
        ["Thôn Bình Minh"],
    ]


def test_star_bullets_over_plus_items_and_task_labels_kept():
    """ "* Giao Sở X:" over "+" items, then "* Sở Y ...": "*" heads the "+" items when it comes
    first; "Nhiệm vụ 1: ..." keeps its label in the task's text."""
    body = (
        "2. Nhiệm vụ thời gian tới:\n"
        "* Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính:\n"
        "+ Rà soát danh mục dự án nhà ở xã hội.\n"
        "+ Hướng dẫn các chủ đầu tư hoàn thiện hồ sơ.\n"
        "* Sở Nông nghiệp và Môi trường thẩm định hồ sơ giao đất trước ngày 30/9/2026.\n"
        "Nhiệm vụ 3: Sở Y tế kiểm tra bếp ăn tập thể.\n"
    )
    result = _notice(body)
    assert [(t[0], t[1]) for t in _tasks(result)] == [
        (["Sở Xây dựng"], ["Sở Tài chính"]),
        (["Sở Xây dựng"], ["Sở Tài chính"]),
        (["Sở Nông nghiệp và Môi trường"], []),
        (["Sở Y tế"], []),
    ]
    assert result["tasks"][-1]["text"].startswith("Nhiệm vụ 3: Sở Y tế")


def test_several_content_lines_under_a_group_are_several_tasks():
    """ "1. Hoàn thiện cơ chế" over "- Nội dung: ...; Đơn vị chủ trì: ...; Thời gian: ..." lines:
    each line is a task with its own lead, partners and deadline."""
    body = (
        "1. Hoàn thiện cơ chế, chính sách\n"
        "- Nội dung: Rà soát chính sách hỗ trợ du lịch nông thôn; Đơn vị chủ trì: Sở Văn hóa, Thể thao"
        " và Du lịch; Đơn vị phối hợp: Sở Tài chính; Thời gian: Quý II/2027.\n"
        "- Nội dung: Xây dựng Bộ tiêu chí điểm du lịch nông thôn; Đơn vị chủ trì: Sở Nông nghiệp và"
        " Môi trường; Đơn vị phối hợp: Sở Xây dựng; Thời gian: Tháng 9/2027.\n"
    )
    assert _tasks(_notice(body, kind="KH", title="KẾ HOẠCH")) == [
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"], "2027-06-30", None),
        (["Sở Nông nghiệp và Môi trường"], ["Sở Xây dựng"], "2027-09-30", None),
    ]


def test_a_head_alone_is_the_one_body_of_its_kind_the_text_names():
    """A letter to "Công ty Cổ phần Bao bì Minh Phát" says "Công ty phối hợp ...": that company; a
    longer name ("Công ty cổ phần ...") is never cut to the head."""
    text = (
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 1234/BNNMT-MT\nV/v trả lời kiến nghị của Công ty\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 02 tháng 3 năm 2027\n\n"
        "Kính gửi: Công ty Cổ phần Bao bì Minh Phát.\n\n"
        "1. Đề nghị Công ty rà soát khối lượng bao bì trước ngày 31/3/2027.\n"
        "2. Công ty phối hợp với Cục Môi trường cập nhật thông tin tài khoản.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Văn Hùng\n"
    )
    assert [(t[0], t[1]) for t in _tasks(extract_text(text))] == [
        (["Công ty Cổ phần Bao bì Minh Phát"], []),
        (["Công ty Cổ phần Bao bì Minh Phát"], ["Cục Môi trường"]),
    ]


def test_a_leaders_confidence_in_the_news_is_no_task():
    """ "Đồng chí Bí thư Tỉnh ủy tin tưởng, ... Đảng bộ xã sẽ vượt qua khó khăn" hopes; it orders
    nothing, while "Đồng chí Bí thư Tỉnh ủy yêu cầu ..." does."""
    text = (
        "Bí thư Tỉnh ủy làm việc với xã Sốp Cộp\n\n"
        "Chiều 12/11, Bí thư Tỉnh ủy Cầm Văn Chung làm việc tại xã Sốp Cộp.\n\n"
        "Đồng chí Bí thư Tỉnh ủy yêu cầu Đảng ủy xã tập trung lãnh đạo sản xuất vụ đông.\n\n"
        "Đồng chí Bí thư Tỉnh ủy tin tưởng, với truyền thống đoàn kết, Đảng bộ xã sẽ vượt qua khó khăn.\n"
    )
    assert [t[0] for t in _tasks(extract_text(text))] == [["Đảng ủy xã"]]
