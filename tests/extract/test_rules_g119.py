"""Rules added on 2026-12-06 from the genre examples g119-g126 (measured on arrival first), each on
a short notice written for it. The notices are invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g119: a Party committee of a group of localities, like their People's Committees
        (
            "Đảng ủy các xã, phường lãnh đạo rà soát quy hoạch cán bộ trước ngày 31/3/2027.",
            (["Đảng ủy các xã, phường"], [], "2027-03-31", None),
        ),
        ("Đảng ủy xã Tân Hòa lãnh đạo các chi bộ thôn.", (["Đảng ủy xã Tân Hòa"], [], None, None)),
        # g119: what is reported, then to whom, then how often
        (
            "Đảng ủy Công an tỉnh tháo gỡ vướng mắc; báo cáo kết quả về Ban Thường vụ Tỉnh ủy hằng quý.",
            (["Đảng ủy Công an tỉnh"], [], None, "quarterly"),
        ),
        # g120: a report of results alone, closing the sentence
        (
            "Văn phòng UBND tỉnh theo dõi, đôn đốc các đơn vị, tổng hợp báo cáo kết quả hằng tháng.",
            (["Văn phòng Ủy ban nhân dân tỉnh"], [], None, "monthly"),
        ),
        # ... but a plan's year stays a noun
        ("Sở Tài chính thực hiện báo cáo kết quả thực hiện kế hoạch hằng năm.", (["Sở Tài chính"], [], None, None)),
        # g126: a weekday of a given week of every month
        (
            "Văn phòng Sở chuẩn bị nội dung họp định kỳ vào thứ Hai tuần cuối hằng tháng.",
            (["Văn phòng Sở"], [], None, "monthly"),
        ),
    ],
)
def test_g119_g126(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_chairs_name_after_a_departments_name_is_whole():
    text = (
        "SỞ CÔNG THƯƠNG\nSố: 9/TB-SCT\nNghệ An, ngày 01 tháng 12 năm 2026\n\nTHÔNG BÁO\nÝ kiến chỉ đạo\n\n"
        "Ngày 30/11/2026, Giám đốc Sở Công Thương Lê Văn Hóa chủ trì cuộc họp giao ban. Giám đốc Sở chỉ đạo:\n"
        "1. Văn phòng Sở tổng hợp báo cáo năm.\n"
    )
    assert extract_text(text)["document"]["chair"] == "Lê Văn Hóa"


def test_a_chair_of_committees_named_before_is_each_chair():
    body = (
        "Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh: Đồng Tháp, Cà Mau và thành phố Cần Thơ.\n"
        "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên:\n"
        "a) Chỉ đạo rà soát phương án phòng, chống hạn hán.\n"
        "2. Cục Thủy lợi theo dõi độ mặn.\n"
    )
    chairs = [
        "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp",
        "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau",
        "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ",
    ]
    assert _tasks(_notice(body, kind="CĐ", title="CÔNG ĐIỆN", intro="")) == [
        (chairs, [], None, None),
        (["Cục Thủy lợi"], [], None, None),
    ]


def test_a_role_given_in_brackets_names_its_body_later():
    intro = "Ngày 28/11/2026, Phó Chủ tịch UBND tỉnh làm việc với Công ty Cổ phần Phú Gia (nhà đầu tư) về dự án."
    body = "1. Đối với nhà đầu tư:\n- Hoàn thiện hồ sơ điều chỉnh trước ngày 15/01/2027.\n2. Sở Xây dựng kiểm tra.\n"
    assert _tasks(_notice(body, intro=intro)) == [
        (["Công ty Cổ phần Phú Gia"], [], "2027-01-15", None),
        (["Sở Xây dựng"], [], None, None),
    ]


def test_a_goals_year_is_a_deadline_and_an_events_is_not():
    body = (
        "1. Sở Y tế xây dựng kế hoạch, phấn đấu đạt tỷ lệ bao phủ 96% vào năm 2027.\n"
        "2. Sở Xây dựng khai thác tuyến cáp dự kiến đưa vào sử dụng vào năm 2027.\n"
    )
    assert [deadline for _, _, deadline, _ in _tasks(_notice(body))] == ["2027-12-31", None]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g130: an official by "đ/c" and a dash before the position
        (
            "Giao đ/c Lê Thị Hoa - Phó Chủ tịch UBND xã chỉ đạo lập danh sách hộ nghèo.",
            (["Đ/c Lê Thị Hoa - Phó Chủ tịch Ủy ban nhân dân xã"], [], None, None),
        ),
        # g129: a hospital's clinical and functional units
        (
            "Khoa Kiểm soát nhiễm khuẩn phối hợp với Phòng Kế hoạch tổng hợp giám sát vệ sinh tay.",
            (["Khoa Kiểm soát nhiễm khuẩn"], ["Phòng Kế hoạch tổng hợp"], None, None),
        ),
        ("Phòng Tài chính kế toán đối chiếu số liệu thanh toán.", (["Phòng Tài chính kế toán"], [], None, None)),
        # g132: "được giao theo dõi" gives the duty; the report after "và" is how often
        (
            "Văn phòng Sở được giao theo dõi, đôn đốc và báo cáo tình hình thực hiện nhiệm vụ hằng tuần.",
            (["Văn phòng Sở"], [], None, "weekly"),
        ),
        # g134: the head of a body is no "early in the year"
        (
            "Sở Nội vụ đưa kết quả vào tiêu chí xếp loại người đứng đầu năm 2026.",
            (["Sở Nội vụ"], [], None, None),
        ),
    ],
)
def test_g127_g134(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_departments_field_abbreviation_is_not_a_place():
    body = "1. Sở NV chủ trì, phối hợp với Sở TP kiểm tra công tác cải cách hành chính.\n"
    assert _tasks(_notice(body)) == [(["Sở Nội vụ"], ["Sở Tư pháp"], None, None)]


def test_a_petition_is_no_task_and_its_answer_may_be():
    intro = "Ủy ban nhân dân tỉnh nhận được kiến nghị của cử tri. Ủy ban nhân dân tỉnh trả lời như sau:"
    body = (
        "1. Cử tri xã Hòa An kiến nghị sửa chữa tuyến đê.\n"
        "Trả lời: Giao Sở Xây dựng khảo sát, đề xuất phương án sửa chữa trước ngày 31/01/2027.\n"
        "2. Cử tri phường Bắc Sơn kiến nghị thêm điểm tiêm chủng.\n"
        "Trả lời: Hiện nay, trên địa bàn phường đã có 03 điểm tiêm chủng.\n"
    )
    assert _tasks(_notice(body, kind="UBND-TH", title="", intro=intro)) == [(["Sở Xây dựng"], [], "2027-01-31", None)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g135: a unit with a comma in its name, then its owner after a dash
        (
            "Phòng Tổ chức, cán bộ - Sở Y tế rà soát biên chế.",
            (["Phòng Tổ chức, cán bộ - Sở Y tế"], [], None, None),
        ),
        # g138: building something within a year
        ("Sở Xây dựng xây dựng tuyến phố đi bộ trong năm 2027.", (["Sở Xây dựng"], [], "2027-12-31", None)),
        # g140: a weekday with its place in the month
        (
            "Ủy ban nhân dân các xã ra quân thu gom rác vào Chủ nhật cuối cùng hằng tháng.",
            (["Ủy ban nhân dân các xã"], [], None, "monthly"),
        ),
        # g142: members of a group of ministries that are bodies' names themselves
        (
            "Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị đóng quân.",
            (["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"], [], None, None),
        ),
    ],
)
def test_g135_g142(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_carrying_out_this_plan_is_no_task_and_a_joint_plan_is_a_kind():
    text = (
        "CÔNG AN TỈNH - SỞ Y TẾ\nSố: 5/KHLT-CAT-SYT\nLạng Sơn, ngày 20 tháng 11 năm 2026\n\n"
        "KẾ HOẠCH LIÊN TỊCH\nPhối hợp bảo đảm an toàn thực phẩm năm 2027\n\n"
        "1. Phòng Cảnh sát kinh tế kiểm tra cơ sở sản xuất thực phẩm.\n"
        "2. Các đơn vị căn cứ Kế hoạch này chủ động triển khai thực hiện.\n"
    )
    result = extract_text(text)
    assert result["document"]["doc_type"] == "KẾ HOẠCH LIÊN TỊCH"
    assert result["document"]["title"] == "Phối hợp bảo đảm an toàn thực phẩm năm 2027"
    assert [t["lead"] for t in result["tasks"]] == [["Phòng Cảnh sát kinh tế"]]


def test_typewriter_numbering_and_arrow_bullets_are_items():
    body = "I- CHUẨN BỊ\n1- Sở Tài chính thẩm định dự toán.\n2- Công an tỉnh lập phương án.\n"
    assert _tasks(_notice(body)) == [(["Sở Tài chính"], [], None, None), (["Công an tỉnh"], [], None, None)]
    body = "► Các sở, ban, ngành tỉnh:\n* Lập báo cáo quyết toán.\n► Ủy ban nhân dân các xã:\n* Khóa sổ kế toán.\n"
    assert [lead for lead, *_ in _tasks(_notice(body))] == [["Các sở, ban, ngành tỉnh"], ["Ủy ban nhân dân các xã"]]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g145: the doer closing the item, after "do"
        (
            "Nâng cấp hệ thống một cửa điện tử, do Sở Khoa học và Công nghệ chủ trì thực hiện.",
            (["Sở Khoa học và Công nghệ"], [], None, None),
        ),
        ("Nâng cấp hệ thống (do Sở Khoa học và Công nghệ thực hiện).", (["Sở Khoa học và Công nghệ"], [], None, None)),
        # g148: a relayed document gives the work
        ("Để thực hiện, Kế hoạch giao Sở Công Thương xây dựng Đề án.", (["Sở Công Thương"], [], None, None)),
        # g149: localities set apart by what they grow
        ("UBND các xã vùng chè tuyên truyền nông dân.", (["Ủy ban nhân dân các xã vùng chè"], [], None, None)),
    ],
)
def test_g143_g150(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_missed_deadlines_consequence_is_no_task():
    body = (
        "1. Đề nghị Công ty bổ sung hồ sơ trước ngày 20/12/2026.\n"
        "2. Quá thời hạn trên, nếu Công ty không bổ sung hồ sơ, Sở Xây dựng sẽ trả lại hồ sơ.\n"
    )
    intro = "Kính gửi: Công ty TNHH Minh An."
    letter = _notice(body, kind="UBND-XD", title="", subject="V/v hồ sơ cấp phép", intro=intro)
    assert _tasks(letter) == [(["Công ty TNHH Minh An"], [], "2026-12-20", None)]


def test_a_signer_of_a_northern_people():
    text = "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 3/TB-UBND\nĐiện Biên, ngày 30 tháng 11 năm 2026\n\n"
    text += "THÔNG BÁO\nKết luận\n\n"
    text += "1. Sở Y tế bố trí tổ cấp cứu.\n\nNơi nhận:\n- Lưu: VT.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nQuàng Thị Hoa\n"
    assert extract_text(text)["document"]["signer"] == "Quàng Thị Hoa"


def test_the_deputy_chairs_by_their_fields_lead():
    body = "1. Các Phó Chủ tịch UBND tỉnh theo lĩnh vực phụ trách trực tiếp chỉ đạo các sở, ngành.\n"
    assert _tasks(_notice(body)) == [(["Các Phó Chủ tịch Ủy ban nhân dân tỉnh"], [], None, None)]


def test_an_invitation_gives_only_what_it_assigns_by_its_verb():
    intro = "Ủy ban nhân dân tỉnh trân trọng kính mời lãnh đạo các sở: Tài chính, Xây dựng."
    body = (
        "1. Thời gian: 08 giờ 00, ngày 09/12/2026.\n"
        "2. Nội dung:\n- Sở Xây dựng báo cáo tiến độ các dự án.\n- Phó Chủ tịch UBND tỉnh kết luận.\n"
        "3. Giao Sở Tài chính chuẩn bị báo cáo tổng hợp trước 16 giờ ngày 07/12/2026.\n"
    )
    invitation = _notice(body, kind="GM", title="GIẤY MỜI", subject="Họp nghe báo cáo tiến độ", intro=intro)
    assert _tasks(invitation) == [(["Sở Tài chính"], [], "2026-12-07", None)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g160: a group named by what it runs
        (
            "Sở Xây dựng chủ trì, phối hợp với các đơn vị quản lý vận hành kiểm tra cột đèn.",
            (["Sở Xây dựng"], ["Các đơn vị quản lý vận hành"], None, None),
        ),
        # g161: the body that runs a relic site
        ("Khu Di tích lịch sử Kim Liên chỉnh trang khuôn viên.", (["Khu Di tích lịch sử Kim Liên"], [], None, None)),
    ],
)
def test_g159_g166(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_the_investors_side_heads_its_items():
    body = "1. Về phía nhà đầu tư:\n- Hoàn thiện hồ sơ trước ngày 20/12/2026.\n2. Sở Tài chính thẩm định.\n"
    assert _tasks(_notice(body)) == [(["Nhà đầu tư"], [], "2026-12-20", None), (["Sở Tài chính"], [], None, None)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g165: a daily update put on a web page, by the one directed to make it
        (
            "Giám đốc Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật cập nhật số ca mắc hằng ngày trên trang điện tử.",
            (["Giám đốc Sở Y tế"], [], None, "daily"),
        ),
        # g166: the day a figure stands at is no deadline
        (
            "Về giải ngân: đến ngày 25/11/2026, toàn tỉnh đạt 78,5% kế hoạch. Yêu cầu Sở Tài chính đôn đốc giải"
            " ngân hết vốn trước ngày 31/01/2027.",
            (["Sở Tài chính"], [], "2027-01-31", None),
        ),
        # g167: a bare date after a deadline label
        ("Sở Tư pháp rà soát văn bản (thời hạn hoàn thành: 30/12/2026).", (["Sở Tư pháp"], [], "2026-12-30", None)),
        # g168: of two dated steps, the earliest
        (
            "Sở Công Thương xây dựng chương trình kích cầu, xong trước ngày 28/02/2027; riêng đối với chương trình"
            " khuyến mại dịp Tết, xong trước ngày 15/01/2027.",
            (["Sở Công Thương"], [], "2027-01-15", None),
        ),
    ],
)
def test_g165_g168(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_lowercase_roman_numerals_are_sibling_items():
    body = "Đề nghị Sở Xây dựng:\ni) Kiểm tra cột đèn.\nii) Xử lý cột đèn nghiêng.\niii) Báo cáo kết quả.\n"
    assert [lead for lead, *_ in _tasks(_notice(body))] == [["Sở Xây dựng"]] * 3


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g171: the doer after a spaced dash that closes the item
        (
            "Rà soát các trường hợp lấn chiếm đất công trước ngày 31/3/2027 - UBND phường Tân An thực hiện.",
            (["Ủy ban nhân dân phường Tân An"], [], "2027-03-31", None),
        ),
        # g171: a request after a report on an agency is that agency's; the report is no part of it
        (
            "Sở Xây dựng đã hoàn thành việc đo đạc trong năm 2026; đề nghị tiếp tục hỗ trợ phường cấp phép.",
            (["Sở Xây dựng"], [], None, None),
        ),
        # g172: the members of the People's Committee by their area
        (
            "Các đồng chí Thành viên UBND tỉnh theo địa bàn được phân công đi kiểm tra.",
            (["Các đồng chí Thành viên Ủy ban nhân dân tỉnh"], [], None, None),
        ),
    ],
)
def test_g171_g174(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_report_with_no_request_after_it_stays_no_task():
    assert _tasks(_notice("1. Sở Y tế đã báo cáo kết quả; các hộ dân đã được hỗ trợ.\n")) == []


def test_an_approval_that_assigns_gives_the_task():
    body = "1. Thống nhất tổ chức chương trình; thống nhất giao Sở Văn hóa, Thể thao và Du lịch làm đầu mối tổ chức.\n"
    assert _tasks(_notice(body)) == [(["Sở Văn hóa, Thể thao và Du lịch"], [], None, None)]


def test_a_communes_civil_servant_by_field_leads():
    body = "1. Công chức Địa chính - Xây dựng xã kiểm tra nguồn gốc thửa đất trước ngày 15/12/2026.\n"
    assert _tasks(_notice(body)) == [(["Công chức Địa chính - Xây dựng xã"], [], "2026-12-15", None)]
