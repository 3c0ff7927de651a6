"""Rules added on 2026-12-06 (second session) from the genre examples g179-g186, measured on
arrival first, each on a short notice written for it. The notices are invented and share no text
with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g179: a regional treasury's numeral ends its name; "thanh toán" is a verb
        (
            "Sở Tài chính phối hợp với Kho bạc Nhà nước khu vực IX thanh toán vốn.",
            (["Sở Tài chính"], ["Kho bạc Nhà nước khu vực IX"], None, None),
        ),
        # g181: a daily update for a stated time
        (
            "Chi cục Kiểm lâm cập nhật bản đồ điểm cháy trên trang thông tin hằng ngày trong suốt mùa khô.",
            (["Chi cục Kiểm lâm"], [], None, "daily"),
        ),
        # g181: a group of management boards by what they manage, two objects
        (
            "Các Ban quản lý rừng phòng hộ, rừng đặc dụng và các công ty lâm nghiệp tổ chức trực chữa cháy.",
            (["Các Ban quản lý rừng phòng hộ, rừng đặc dụng", "Các công ty lâm nghiệp"], [], None, None),
        ),
        # g183: a regular session's year is when it sits, not a deadline
        (
            "Sở Y tế rà soát giá dịch vụ, báo cáo tại kỳ họp thường lệ giữa năm 2027.",
            (["Sở Y tế"], [], None, None),
        ),
        # g184: broadcasting is done every week when the period closes the sentence
        (
            "Phòng Văn hóa - Xã hội tuyên truyền phòng, chống ma túy trên loa truyền thanh hằng tuần.",
            (["Phòng Văn hóa - Xã hội"], [], None, "weekly"),
        ),
        # g184: a lower secondary school keeps its own name after "cơ sở"
        (
            "Công an xã phối hợp với Trường Trung học cơ sở Hòa Bình tuyên truyền an toàn giao thông.",
            (["Công an xã"], ["Trường Trung học cơ sở Hòa Bình"], None, None),
        ),
    ],
)
def test_g179_g186(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_heading_that_ends_as_a_lead_in_names_the_lead_in_its_last_sentence():
    body = (
        "Điều 1. Hội đồng nhân dân tỉnh ghi nhận báo cáo của Giám đốc Sở Giáo dục và Đào tạo. Để khắc "
        "phục hạn chế, Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh thực hiện các nội dung sau:\n"
        "1. Về giáo dục\n"
        "a) Bố trí đủ giáo viên cho các trường vùng khó khăn trước ngày 30/8/2027.\n"
    )
    assert _tasks(_notice(body, kind="NQ", title="NGHỊ QUYẾT", intro="")) == [
        (["Ủy ban nhân dân tỉnh"], [], "2027-08-30", None),
    ]


def test_a_contractors_proposal_in_news_is_no_task_but_the_answer_is():
    text = (
        "Chủ tịch UBND tỉnh kiểm tra công trình cầu Hòa Bình\n\n"
        "Sáng 02/12, Chủ tịch UBND tỉnh kiểm tra tiến độ thi công cầu Hòa Bình. Nhà thầu thi công kiến "
        "nghị tỉnh sớm hoàn thành di dời đường điện. Chủ tịch UBND tỉnh giao Sở Công Thương làm việc với "
        "ngành điện để di dời xong đường điện.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Công Thương"]]


def test_an_attitude_asked_of_a_lead_is_no_task():
    body = (
        "1. Đây là công trình trọng điểm. Các sở, ngành phải xác định đây là nhiệm vụ trọng tâm, cấp bách.\n"
        "2. Các sở, ngành xác định đây là nhiệm vụ trọng tâm, tập trung rà soát hồ sơ.\n"
    )
    assert _tasks(_notice(body)) == [(["Các sở, ngành"], [], None, None)]


def test_a_page_number_between_wrapped_lines_is_dropped():
    lines = [
        "1. Sở Công Thương chỉ đạo lực lượng quản lý thị trường kiểm tra việc niêm yết giá tại các",
        "chợ, siêu thị và trung tâm thương mại trên địa bàn; báo cáo kết quả về Ủy ban nhân dân",
        "tỉnh trước ngày 10/01/2027 để tổng hợp, báo cáo Thường trực Tỉnh ủy theo quy định.",
        "2",
        "2. Sở Xây dựng phối hợp với các địa phương kiểm tra công tác bảo đảm an toàn các công",
        "trình xây dựng trong mùa mưa bão, hoàn thành trước ngày 20/12/2026 theo đúng quy định.",
        "3. Sở Y tế chỉ đạo các bệnh viện bố trí đủ nhân lực trực cấp cứu trong dịp lễ, Tết và",
        "báo cáo tình hình về Văn phòng Ủy ban nhân dân tỉnh theo quy định hiện hành của tỉnh.",
        "4. Sở Tài chính cân đối, bố trí kinh phí thực hiện các nhiệm vụ cấp bách phát sinh trong",
        "năm theo đề nghị của các sở, ngành và địa phương, bảo đảm đúng quy định của pháp luật.",
    ]
    tasks = _tasks(_notice("\n".join(lines) + "\n"))
    assert [(lead, deadline) for lead, _, deadline, _ in tasks] == [
        (["Sở Công Thương"], "2027-01-10"),
        (["Sở Xây dựng"], "2026-12-20"),
        (["Sở Y tế"], None),
        (["Sở Tài chính"], None),
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g187: those in post at a date are counted as of it; the deadline is elsewhere
        (
            "UBND các xã thống kê số viên chức hiện có đến ngày 31/10/2026, gửi Sở Nội vụ trước ngày 15/11/2026.",
            (["Ủy ban nhân dân các xã"], [], "2026-11-15", None),
        ),
        # g188: a Party group by its kind
        (
            "Các đảng ủy trực thuộc Tỉnh ủy tổng kết công tác năm trước ngày 20/12/2026.",
            (["Các đảng ủy trực thuộc Tỉnh ủy"], [], "2026-12-20", None),
        ),
        # g194: a department of the Ministry of Health whose name holds a comma
        (
            "Cục Quản lý Khám, chữa bệnh hướng dẫn các bệnh viện triển khai.",
            (["Cục Quản lý Khám, chữa bệnh"], [], None, None),
        ),
    ],
)
def test_g187_g194(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_giao_written_as_a_label_names_the_lead_after_it():
    body = (
        "1. Về kiến nghị của doanh nghiệp về mặt bằng sản xuất\n"
        "Doanh nghiệp phản ánh thiếu mặt bằng mở rộng nhà xưởng.\n"
        "Giao: Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát quỹ đất, báo cáo trước ngày 15/01/2027.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Công Thương"], ["Sở Tài chính"], "2027-01-15", None)]


def test_a_groups_summary_before_its_specifics_is_no_task():
    body = (
        "1. Các sở chuyên ngành tập trung tháo gỡ vướng mắc của các dự án, trong đó yêu cầu: Sở Xây dựng "
        "thẩm định quy hoạch trước ngày 31/12/2026; Sở Tư pháp hướng dẫn xử lý hồ sơ.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Xây dựng"], [], "2026-12-31", None), (["Sở Tư pháp"], [], None, None)]


def test_a_signature_block_before_the_recipients_gives_the_signer():
    text = (
        "TỈNH ỦY HÀ TĨNH\nSố 88-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Tĩnh, ngày 01 tháng 12 năm 2026\n\n"
        "THÔNG BÁO\nKết luận của Ban Thường vụ Tỉnh ủy\n\n"
        "1. Ban cán sự đảng UBND tỉnh lãnh đạo rà soát các dự án chậm tiến độ.\n\n"
        "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nTrần Thế Dũng\n\nNơi nhận:\n- Các đảng ủy trực thuộc,\n- Lưu.\n"
    )
    assert extract_text(text)["document"]["signer"] == "Trần Thế Dũng"


def test_a_sentence_with_a_deadline_and_no_items_above_it_is_a_task():
    text = (
        "Bộ trưởng kiểm tra dự án\n\nBộ trưởng yêu cầu các địa phương hoàn thành bàn giao mặt bằng trong quý I/2027.\n"
    )
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [(["Các địa phương"], "2027-03-31")]


def test_localities_told_apart_by_what_they_have():
    text = (
        "Phó Thủ tướng kiểm tra dự án cao tốc\n\nPhó Thủ tướng giao Bộ Xây dựng đôn đốc nhà thầu. "
        "Các địa phương có tuyến cao tốc đi qua được yêu cầu bàn giao mặt bằng trước ngày 30/6/2027.\n"
    )
    leads = [t["lead"] for t in extract_text(text)["tasks"]]
    assert leads == [["Bộ Xây dựng"], ["Các địa phương có tuyến cao tốc đi qua"]]


def test_a_group_named_by_what_is_done_to_it_leads():
    body = (
        "1. Đoàn kiểm tra lập biên bản kiểm tra.\n"
        "2. Các xã được kiểm tra\nChuẩn bị hồ sơ, bố trí người làm việc với Đoàn.\n"
        "3. Các hợp tác xã được khảo sát cung cấp số liệu trước ngày 15/01/2027.\n"
    )
    assert [lead for lead, *_ in _tasks(_notice(body))] == [
        ["Đoàn kiểm tra"],
        ["Các xã được kiểm tra"],
        ["Các hợp tác xã được khảo sát"],
    ]


def test_a_projects_party_in_lowercase_ends_a_list():
    body = "1. Sở Xây dựng làm việc với Sở Tài chính và chủ đầu tư để thống nhất phương án.\n"
    assert _tasks(_notice(body)) == [(["Sở Xây dựng"], ["Sở Tài chính", "Chủ đầu tư"], None, None)]


def test_a_plans_time_section_dates_its_tasks():
    body = (
        "I. MỤC ĐÍCH\nBảo đảm an toàn giao thông dịp Tết.\n"
        "II. THỜI GIAN\nTừ ngày 20/12/2026 đến ngày 15/02/2027.\n"
        "III. NHIỆM VỤ\n1. Phòng Cảnh sát giao thông tuần tra trên quốc lộ 1A.\n"
        "2. Công an các xã rà soát phương tiện trước ngày 25/12/2026.\n"
    )
    tasks = _tasks(_notice(body, kind="KH", title="KẾ HOẠCH", intro=""))
    assert [(lead, deadline) for lead, _, deadline, _ in tasks] == [
        (["Phòng Cảnh sát giao thông"], "2027-02-15"),
        (["Công an các xã"], "2026-12-25"),
    ]


def test_a_request_to_a_higher_level_is_no_task():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 120/UBND-KT\nV/v đề nghị hỗ trợ vốn\n"
        "Cao Bằng, ngày 02 tháng 12 năm 2026\n\nKính gửi: Bộ Xây dựng.\n\n"
        "Ủy ban nhân dân tỉnh Cao Bằng kính đề nghị Bộ Xây dựng:\n"
        "1. Xem xét bổ sung vốn cho dự án đường nối quốc lộ 3.\n"
        "2. Hướng dẫn tỉnh thủ tục điều chỉnh dự án.\n"
        "Ủy ban nhân dân tỉnh kính đề nghị Bộ Xây dựng quan tâm, xem xét./.\n"
    )
    result = extract_text(text)
    assert result["tasks"] == []
    assert {u["reason"] for u in result["unassigned"]} == {"proposal"}


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g214: telling others is an action when its recipients or another verb follow
        (
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh thông báo, hướng dẫn ngư dân neo đậu tàu an toàn.",
            [(["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], [], None, None)],
        ),
        ("Đài Phát thanh tỉnh thông báo cho Nhân dân lịch cắt điện.", [(["Đài Phát thanh tỉnh"], [], None, None)]),
        # ... but an agency's own announcement is none
        ("Sở Tài chính thông báo kết quả thẩm định.", []),
    ],
)
def test_telling_others_is_a_task(item, expected):
    assert _tasks(_notice(f"1. {item}\n")) == expected


def test_who_leads_an_inspection_team_chairs_it():
    text = (
        "Kiểm tra công tác phòng, chống dịch tại Hà Giang\n\n"
        "Ngày 02/12, Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên dẫn đầu đoàn công tác kiểm tra công tác phòng, "
        "chống dịch. Thứ trưởng đề nghị Sở Y tế tăng cường giám sát ca bệnh.\n"
    )
    assert extract_text(text)["document"]["chair"] == "Đỗ Xuân Tuyên"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g218: an abbreviation of lowercase words inside a described name
        (
            "BQL các KCN thành phố: phối hợp với Sở Y tế khám sức khỏe cho công nhân.",
            [(["Ban Quản lý các khu công nghiệp thành phố"], ["Sở Y tế"], None, None)],
        ),
        # g219: an effort asked, nothing to do
        ("Các sở, ngành phải tập trung cao độ trong tháng cuối năm.", []),
        # g219: publishing on a medium, every month
        (
            "Cục Thuế tỉnh đôn đốc nợ thuế, công khai danh sách doanh nghiệp nợ thuế trên báo chí hằng tháng.",
            [(["Cục Thuế tỉnh"], [], None, "monthly")],
        ),
    ],
)
def test_g218_g219(item, expected):
    assert _tasks(_notice(f"1. {item}\n")) == expected


def test_the_committee_of_the_same_level_is_a_partner():
    body = "1. Trạm Y tế các xã phối hợp với Ủy ban nhân dân cùng cấp phun hóa chất diệt muỗi.\n"
    assert _tasks(_notice(body)) == [(["Trạm Y tế các xã"], ["Ủy ban nhân dân cùng cấp"], None, None)]


def test_a_named_officials_field_belongs_to_the_lead():
    body = "1. Giao đồng chí Lê Văn Nam - Phó Chủ tịch UBND xã phụ trách văn hóa chỉ đạo tổ chức lễ hội.\n"
    assert _tasks(_notice(body)) == [
        (["Đồng chí Lê Văn Nam - Phó Chủ tịch Ủy ban nhân dân xã phụ trách văn hóa"], [], None, None)
    ]


@pytest.mark.parametrize(
    ("item", "deadline"),
    [
        # g197, g68: the end of a range of months is the deadline, as the end of a range of days is
        ("Thanh tra Sở kiểm tra các nhà thuốc; thời gian thực hiện từ tháng 12/2026 đến tháng 02/2027.", "2027-02-28"),
        ("Sở Y tế kiểm tra các nhà thuốc từ tháng 3 đến tháng 5/2027.", "2027-05-31"),
        # ... a cut-off is none
        ("Sở Y tế thống kê số ca bệnh tính đến tháng 10/2026, gửi Sở Nội vụ.", None),
    ],
)
def test_a_range_of_months_ends_at_its_deadline(item, deadline):
    assert [t[2] for t in _tasks(_notice(f"1. {item}\n"))] == [deadline]


def test_a_regional_unit_keeps_its_number():
    body = "1. Ngân hàng Nhà nước khu vực 7 chỉ đạo các ngân hàng thương mại giãn nợ cho hộ nông dân.\n"
    assert _tasks(_notice(body)) == [(["Ngân hàng Nhà nước khu vực 7"], [], None, None)]


def test_a_letter_asks_its_addressees_by_a_faceless_group():
    text = (
        "UBND TỈNH BẮC NINH\nSỞ NỘI VỤ\nSố: 120/SNV-TCBC\nV/v báo cáo biên chế\n"
        "Bắc Ninh, ngày 02 tháng 12 năm 2026\n\n"
        "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các xã, phường.\n\n"
        "Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:\n"
        "1. Rà soát số lượng biên chế được giao, báo cáo trước ngày 15/12/2026.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [
        ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]
    ]


@pytest.mark.parametrize(
    "markers", [("1/", "2/"), ("a/", "b/"), ("I/", "II/"), ("1.-", "2.-"), ("1 -", "2 -"), ("a-", "b-")]
)
def test_slashed_and_dashed_numbering_marks_items(markers):
    first, second = markers
    body = f"{first} Sở Y tế kiểm tra an toàn thực phẩm.\n{second} Sở Công Thương bình ổn giá trước ngày 20/12/2026.\n"
    assert _tasks(_notice(body)) == [(["Sở Y tế"], [], None, None), (["Sở Công Thương"], [], "2026-12-20", None)]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # g228: a group named by the body its members sit on, and localities by their standing
        ("Các sở, ngành là thành viên Ban Chỉ đạo hướng dẫn các xã.", ["Các sở, ngành là thành viên Ban Chỉ đạo"]),
        ("Ủy ban nhân dân các xã chưa đạt chuẩn lập kế hoạch khắc phục.", ["Ủy ban nhân dân các xã chưa đạt chuẩn"]),
    ],
)
def test_groups_told_apart_by_membership_or_standing(item, lead):
    assert [t[0] for t in _tasks(_notice(f"1. {item}\n"))] == [lead]
