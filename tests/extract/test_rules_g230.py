"""Rules added on 2026-12-06 (third session) from the genre examples g230 onwards, measured on
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
        # g231: a residential group's head keeps the group's number
        (
            "Tổ trưởng tổ dân phố số 12 vận động các hộ dân dọn vệ sinh kênh thoát nước.",
            (["Tổ trưởng tổ dân phố số 12"], [], None, None),
        ),
        # g231: a ward's Fatherland Front by its short name is a partner
        (
            "Công an xã phối hợp với Mặt trận xã tuyên truyền phòng, chống lừa đảo qua mạng.",
            (["Công an xã"], ["Mặt trận xã"], None, None),
        ),
        # g231: a commune's force by its kind, in lowercase, is a partner
        (
            "Công an phường phối hợp với lực lượng trật tự đô thị giải tỏa lấn chiếm lòng đường.",
            (["Công an phường"], ["Lực lượng trật tự đô thị"], None, None),
        ),
        (
            "Ban Chỉ huy Quân sự xã phối hợp với lực lượng dân quân tuần tra khu vực đê bao.",
            (["Ban Chỉ huy Quân sự xã"], ["Lực lượng dân quân"], None, None),
        ),
        # a probe of deadline phrasing: "không muộn hơn", a labelled "hạn chót:", completing within
        # a span counted from the notice's date (06/7/2026)
        (
            "Sở Y tế rà soát danh mục thuốc, báo cáo không muộn hơn ngày 20/10/2026.",
            (["Sở Y tế"], [], "2026-10-20", None),
        ),
        (
            "Sở Y tế rà soát danh mục thuốc (hạn chót: 20/10/2026).",
            (["Sở Y tế"], [], "2026-10-20", None),
        ),
        (
            "Sở Y tế rà soát danh mục thuốc, hoàn thành trong 15 ngày.",
            (["Sở Y tế"], [], "2026-07-21", None),
        ),
    ],
)
def test_g230_g231(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


@pytest.mark.parametrize(
    "item",
    [
        "Chủ tịch UBND tỉnh đồng ý chủ trương đầu tư, giao Sở Y tế rà soát danh mục thuốc.",
        "Chủ tịch UBND tỉnh thống nhất với đề xuất của Sở Y tế; giao Sở Y tế rà soát danh mục thuốc.",
        "Chủ tịch UBND tỉnh sẽ trực tiếp làm việc với Bộ Y tế; giao Sở Y tế rà soát danh mục thuốc.",
        "Chủ tịch UBND tỉnh chấp thuận đề xuất; Sở Y tế rà soát danh mục thuốc.",
    ],
)
def test_what_the_issuers_leader_approves_or_promises_is_no_task(item):
    """A probe of conclusion sentences: the Chairman approving or promising is the issuer speaking
    (rules 5 and 12); only the department that is given the work leads a task."""
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [(["Sở Y tế"], [], None, None)]


def test_a_leaders_approval_or_promise_in_the_news_is_no_task():
    text = (
        "Chủ tịch UBND tỉnh làm việc với xã Tân Hà\n\n"
        "Sáng 02/12/2026, ông Trần Văn Bình, Chủ tịch UBND tỉnh đã làm việc với xã Tân Hà.\n\n"
        "Chủ tịch UBND tỉnh đồng ý với đề xuất của xã về đầu tư tuyến đường liên thôn; giao Sở Xây dựng"
        " hướng dẫn xã lập hồ sơ.\n\n"
        "Chủ tịch UBND tỉnh sẽ trực tiếp kiểm tra tiến độ vào tháng 3/2027. Ông yêu cầu UBND xã Tân Hà"
        " đẩy nhanh giải ngân.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Xây dựng"], ["Ủy ban nhân dân xã Tân Hà"]]


def test_a_department_that_agrees_with_another_still_acts():
    """Only a leader's approval is the issuer speaking: "Sở X thống nhất với Sở Y ..." stays a task."""
    tasks = _tasks(_notice("1. Sở Nội vụ rà soát biên chế.\n2. Sở Y tế thống nhất với Sở Tài chính về giá dịch vụ.\n"))
    assert tasks[1:] == [(["Sở Y tế"], ["Sở Tài chính"], None, None)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # h01, h02: a period that closes its clause says how often the action is done
        (
            "Các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề hằng quý đúng quy định.",
            (["Các chi bộ trực thuộc"], [], None, "quarterly"),
        ),
        (
            "Trạm Y tế xã phun hóa chất diệt muỗi tại các ổ dịch hằng tuần cho đến khi hết dịch.",
            (["Trạm Y tế xã"], [], None, "weekly"),
        ),
        (
            "Ban Chỉ huy Quân sự xã cấp phát áo phao cho các hộ ven sông; kiểm tra số áo phao hằng tháng.",
            (["Ban Chỉ huy Quân sự xã"], [], None, "monthly"),
        ),
        # ... but not the cycle of a plan named in the clause's last part
        (
            "Sở Tài chính tổng hợp, thẩm định dự toán ngân sách của các đơn vị hằng năm.",
            (["Sở Tài chính"], [], None, None),
        ),
        # h01: broadcasting a notice is an action, not part of the office's name
        (
            "Phòng Văn hóa - Xã hội phát thông báo lịch cắt điện trên loa truyền thanh.",
            (["Phòng Văn hóa - Xã hội"], [], None, None),
        ),
        # h01, h11: villages by their local names; a hospital's units
        (
            "Trưởng các thôn, làng, buôn vận động người dân tiêm vắc xin cho đàn gia súc.",
            (["Trưởng các thôn, làng, buôn"], [], None, None),
        ),
        (
            "Trưởng các khoa lâm sàng, cận lâm sàng cử người tham gia tập huấn.",
            (["Trưởng các khoa lâm sàng, cận lâm sàng"], [], None, None),
        ),
    ],
)
def test_h01_h12(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # h12: a regional road authority by its number; a reference back to the communes named
        (
            "Sở Xây dựng chủ trì, phối hợp với Khu Quản lý đường bộ IV khảo sát điểm sạt lở.",
            (["Sở Xây dựng"], ["Khu Quản lý đường bộ IV"], None, None),
        ),
        # h02: "tiến hành" is the action, not the committee's name
        (
            "Ủy ban Kiểm tra Đảng ủy xã tiến hành kiểm tra khi có dấu hiệu vi phạm.",
            (["Ủy ban Kiểm tra Đảng ủy xã"], [], None, None),
        ),
        # h04: an address inside brackets names no subject
        (
            "Định kỳ hằng quý, báo cáo kết quả về Sở Nội vụ (qua Phòng Công chức, địa chỉ: số 8 Lê Lợi,"
            " phường Hạc Thành, tỉnh Thanh Hóa) để tổng hợp.",
            (["Sở Nội vụ"], [], None, "quarterly"),
        ),
        # h04: one body singled out, members listed after its colon
        (
            "Riêng Ủy ban nhân dân các xã: Đông Sơn, Triệu Sơn, đề nghị chỉ đạo lập cơ sở dữ liệu vùng trồng.",
            (["Ủy ban nhân dân xã Đông Sơn", "Ủy ban nhân dân xã Triệu Sơn"], [], None, None),
        ),
        (
            "Riêng đối với Sở Tài chính: bố trí kinh phí cho cơ sở dữ liệu.",
            (["Sở Tài chính"], [], None, None),
        ),
    ],
)
def test_h02_h12(item, expected):
    body = f"Yêu cầu Sở Nội vụ thực hiện các nội dung sau:\n1. Rà soát biên chế.\n2. {item}\n"
    assert _tasks(_notice(body))[1:] == [expected]


def test_a_letter_to_several_bodies_gives_them_its_items_that_name_no_actor():
    """h12: "1. Khẩn trương cắm biển cảnh báo ..." in a letter to three bodies is theirs together;
    a statement ("Việc ... phải bảo đảm ...") stays no task (g22)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nVĂN PHÒNG\nSố: 812/VP-KTN\nV/v khắc phục sạt lở\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Thanh Hóa, ngày 16 tháng 11 năm 2026\n\n"
        "Kính gửi:\n- Sở Xây dựng;\n- Ủy ban nhân dân xã Mường Lát;\n- Ủy ban nhân dân xã Quan Sơn.\n\n"
        "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n\n"
        "1. Khẩn trương cắm biển cảnh báo tại các điểm sạt lở.\n\n"
        "2. Việc hỗ trợ người dân phải bảo đảm công khai, đúng đối tượng.\n\n"
        "3. Sở Xây dựng lập hồ sơ xử lý khẩn cấp trước ngày 25/11/2026.\n\n"
        "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nLê Văn Nam\n"
    )
    assert _tasks(extract_text(text)) == [
        (["Sở Xây dựng", "Ủy ban nhân dân xã Mường Lát", "Ủy ban nhân dân xã Quan Sơn"], [], None, None),
        (["Sở Xây dựng"], [], "2026-11-25", None),
    ]


def test_a_communes_proposal_in_the_news_is_no_task():
    """h05: the commune chairman's "kiến nghị tỉnh ..., đồng thời đề nghị Sở ..." is its own request
    (rule 10); the provincial leader's answer assigns."""
    text = (
        "Phó Chủ tịch UBND tỉnh kiểm tra khắc phục sạt lở tại xã Mường Lát\n\n"
        "Sáng 14/11/2026, ông Lê Đức Giang, Phó Chủ tịch UBND tỉnh kiểm tra các điểm sạt lở.\n\n"
        "Tại buổi kiểm tra, Chủ tịch UBND xã Mường Lát Hà Văn Minh kiến nghị tỉnh hỗ trợ 3 tỷ đồng làm"
        " khu tái định cư, đồng thời đề nghị Sở Xây dựng sớm xử lý điểm sạt lở trên Quốc lộ 15C.\n\n"
        "Phó Chủ tịch UBND tỉnh giao Sở Tài chính tham mưu bố trí kinh phí hỗ trợ xã.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Tài chính"]]


def test_a_sub_lead_in_that_names_partners_gives_them_to_its_items():
    """h11: "b) Chủ trì, phối hợp với Công ty X:" under "1. Phòng Y:": each "+" item is Phòng Y's,
    with Công ty X as its partner."""
    body = (
        "1. Phòng Công nghệ thông tin:\n"
        "a) Rà soát hạ tầng mạng tại các khoa.\n"
        "b) Chủ trì, phối hợp với Công ty Cổ phần Phần mềm An Khang:\n"
        "+ Tích hợp phần mềm xét nghiệm;\n"
        "+ Triển khai chữ ký số cho bác sĩ.\n"
    )
    partner = ["Công ty Cổ phần Phần mềm An Khang"]
    assert _tasks(_notice(body)) == [
        (["Phòng Công nghệ thông tin"], [], None, None),
        (["Phòng Công nghệ thông tin"], partner, None, None),
        (["Phòng Công nghệ thông tin"], partner, None, None),
    ]


def test_an_exhortation_that_ends_its_sentence_takes_no_duty_from_the_next():
    """h10: "... nghiêm túc triển khai thực hiện Chỉ thị này." is rule 9's exhortation even when
    the next sentence of the item sets a dated duty (rule 13), which is a task of its own."""
    body = (
        "1. Sở Y tế rà soát cơ sở.\n"
        "2. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện"
        " Chỉ thị này. Giao Sở Y tế theo dõi, báo cáo Chủ tịch UBND tỉnh trước ngày 31/3/2027./.\n"
    )
    assert _tasks(_notice(body))[1:] == [(["Sở Y tế"], [], "2027-03-31", None)]


@pytest.mark.parametrize(
    ("signature", "name"),
    [("Y Khuê Niê", "Y Khuê Niê"), ("K' Bròng", "K' Bròng"), ("H'Hen Niê", "H'Hen Niê")],
)
def test_names_of_the_central_highlands_peoples_are_people(signature, name):
    """h01, h09: an Ê Đê man's name opens with "Y", a K'Ho or Ê Đê name with "K'" or "H'"."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA THẮNG\nSố: 18/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Thắng, ngày 12 tháng 11 năm 2026\n\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban\n\n"
        "1. Công an xã tuần tra ban đêm.\n\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\n"
        f"{signature}\n"
    )
    assert extract_text(text)["document"]["signer"] == name


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # j01: a committee member is no committee
        (
            "Các đảng ủy xã trực thuộc Tỉnh ủy rà soát hộ nghèo; phân công cấp ủy viên phụ trách từng thôn.",
            (["Các đảng ủy xã trực thuộc Tỉnh ủy"], [], None, None),
        ),
        # j02: an economic zone's board that also runs the industrial parks
        (
            "Sở Công Thương phối hợp với Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp tổ chức hội chợ.",
            (["Sở Công Thương"], ["Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp"], None, None),
        ),
        # j02: bodies parted by ";" in a label closed by a colon
        (
            "Các sở, ban, ngành; UBND các xã, phường: xây dựng kế hoạch cụ thể, gửi Sở Tài chính trước"
            " ngày 20/12/2026.",
            (["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], "2026-12-20", None),
        ),
        # j03: a weekday before the date; a body of each residential group
        (
            "Phòng Văn hóa - Xã hội rà soát danh sách hộ nghèo, gửi Văn phòng trước thứ Sáu, ngày 11/12/2026.",
            (["Phòng Văn hóa - Xã hội"], [], "2026-12-11", None),
        ),
        (
            "Trưởng các thôn phối hợp với Ban Công tác Mặt trận các thôn tổ chức tổng vệ sinh.",
            (["Trưởng các thôn"], ["Ban Công tác Mặt trận các thôn"], None, None),
        ),
    ],
)
def test_j01_j03(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_wards_committee_promising_in_its_own_notice_is_no_task():
    """j03: "UBND phường sẽ tổ chức hội nghị đối thoại ..." in the ward's notice is its promise."""
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HỒNG BÀNG\nSố: 31/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHồng Bàng, ngày 07 tháng 12 năm 2026\n\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tuần\n\n"
        "1. Công an phường tuần tra ban đêm.\n"
        "2. UBND phường sẽ tổ chức hội nghị đối thoại với các hộ kinh doanh.\n\n"
        "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nPhạm Thị Hồng Nhung\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Công an phường"]]


def test_a_summary_that_points_to_the_annex_is_no_task_and_a_row_names_its_partners():
    """j04: "Đối với 09 nhiệm vụ ... (chi tiết tại Phụ lục): các cơ quan chủ trì tập trung hoàn
    thành ...; không đề nghị gia hạn thêm." summarises the rows (rules 11, 17); a row's own cell
    may name its partners ("...; phối hợp với Sở Xây dựng ...")."""
    body = (
        "1. Đối với 02 nhiệm vụ chậm tiến độ (chi tiết tại Phụ lục kèm theo): các cơ quan chủ trì tập"
        " trung hoàn thành theo thời hạn tại Phụ lục; không đề nghị gia hạn thêm.\n"
        "2. Văn phòng UBND tỉnh theo dõi, đôn đốc.\n\n"
        "PHỤ LỤC\n"
        "STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn\n"
        "1 | Hoàn thiện hồ sơ điều chỉnh quy hoạch; phối hợp với Sở Xây dựng thống nhất số liệu | Sở Tài chính"
        " | Quý I/2027\n"
        "2 | Rà soát nhà, đất dôi dư | Sở Xây dựng | Trước 15/01/2027\n"
    )
    assert _tasks(_notice(body)) == [
        (["Văn phòng Ủy ban nhân dân tỉnh"], [], None, None),
        (["Sở Tài chính"], ["Sở Xây dựng"], "2027-03-31", None),
        (["Sở Xây dựng"], [], "2027-01-15", None),
    ]


def test_a_leaders_reminder_assigns_and_a_communes_requests_stay_its_own():
    """j05: "Đồng chí lưu ý Công an xã ... phối hợp chặt chẽ với Đồn Biên phòng ..." assigns; the
    commune's "kiến nghị tỉnh ...; đề nghị Sở ..." is one proposal (rule 10)."""
    text = (
        "Bí thư Tỉnh ủy làm việc với xã Mường Lạn\n\n"
        "Sáng 04/12/2026, đồng chí Cầm Văn Chung, Bí thư Tỉnh ủy làm việc với Đảng ủy xã Mường Lạn.\n\n"
        "Tại buổi làm việc, lãnh đạo xã kiến nghị tỉnh hỗ trợ nâng cấp tuyến đường đến bản Huổi Lạ;"
        " đề nghị Sở Giáo dục và Đào tạo bổ sung biên chế giáo viên.\n\n"
        "Đồng chí lưu ý Công an xã Mường Lạn phối hợp chặt chẽ với Đồn Biên phòng Mường Lèo nắm chắc"
        " tình hình di cư tự do.\n"
    )
    assert _tasks(extract_text(text)) == [(["Công an xã Mường Lạn"], ["Đồn Biên phòng Mường Lèo"], None, None)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # j06: hospitals told apart by what they have, under a ministry named in full
        (
            "Giám đốc các bệnh viện, viện có giường bệnh trực thuộc Bộ Y tế bố trí đủ nhân lực trực Tết.",
            (["Giám đốc các bệnh viện, viện có giường bệnh trực thuộc Bộ Y tế"], [], None, None),
        ),
        # j08: a project's contractor and consultant named in brackets after their role
        (
            "Nhà thầu thi công (Công ty Cổ phần Cầu đường Sông Hậu) bổ sung ngay 01 cần cẩu.",
            (["Công ty Cổ phần Cầu đường Sông Hậu"], [], None, None),
        ),
        (
            "Đơn vị tư vấn giám sát (Công ty Cổ phần Tư vấn Kiểm định Phương Nam) bố trí kỹ sư thường trực.",
            (["Công ty Cổ phần Tư vấn Kiểm định Phương Nam"], [], None, None),
        ),
        # j12: a forest rangers' station
        (
            "Công an xã phối hợp với Hạt Kiểm lâm khu vực Đình Lập điều tra các vụ phá rừng.",
            (["Công an xã"], ["Hạt Kiểm lâm khu vực Đình Lập"], None, None),
        ),
        # j10: a leader's comment names who acts after it
        (
            "Phó Chủ tịch UBND tỉnh nhấn mạnh, Sở Công Thương phải hoàn thành đề án trước ngày 30/6/2027.",
            (["Sở Công Thương"], [], "2027-06-30", None),
        ),
    ],
)
def test_j05_j12(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_leaders_comment_in_the_news_is_no_task():
    """j10: "Phó Chủ tịch UBND tỉnh nhấn mạnh năm 2027 có ý nghĩa quan trọng ..." assigns nothing."""
    text = (
        "Ngành Công Thương tổng kết năm 2026\n\n"
        "Chiều 05/12/2026, Sở Công Thương tổ chức hội nghị tổng kết. Dự hội nghị có ông Nguyễn Văn A,"
        " Phó Chủ tịch UBND tỉnh.\n\n"
        "Phó Chủ tịch UBND tỉnh nhấn mạnh năm 2027 có ý nghĩa quan trọng, đồng thời bày tỏ tin tưởng"
        " ngành Công Thương sẽ hoàn thành các mục tiêu đề ra.\n"
    )
    assert extract_text(text)["tasks"] == []


def test_a_table_cell_names_a_body_the_reader_knows_only_in_part():
    """j12: a lead cell "Tổ đội quần chúng bảo vệ rừng các thôn" is one body as written, the
    column says so; a form's unit column ("Trạm") is none."""
    body = (
        "1. Phòng Kinh tế theo dõi, đôn đốc.\n\n"
        "PHỤ LỤC\n"
        "STT | Nội dung | Chủ trì | Phối hợp | Thời gian\n"
        "1 | Bố trí lực lượng canh phòng lửa tại các chòi canh | Tổ đội quần chúng bảo vệ rừng các thôn"
        " | Lực lượng dân quân xã | Hằng ngày\n"
    )
    assert _tasks(_notice(body))[1:] == [
        (["Tổ đội quần chúng bảo vệ rừng các thôn"], ["Lực lượng dân quân xã"], None, "daily")
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g47: a branch of the body just named; a short title before the body that acts
        (
            "Hỗ trợ tiếp cận vốn: Ngân hàng Nhà nước Chi nhánh Khu vực 9 chỉ đạo các tổ chức tín dụng"
            " đơn giản hóa thủ tục cho vay.",
            (["Ngân hàng Nhà nước Chi nhánh Khu vực 9"], [], None, None),
        ),
        # ... but a plan's role label is no title
        (
            "Dự trù nhu cầu vắc xin năm 2027. Chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh; thời gian: tháng 11/2026.",
            (["Trung tâm Kiểm soát bệnh tật tỉnh"], [], "2026-11-30", None),
        ),
    ],
)
def test_g47_titles_and_branches(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_framed_table_whose_rows_wrap_over_lines_gives_one_task_per_row():
    """k08: a PDF's table copied with its frame, rows wrapped at 70 characters (a cell's words,
    and a lead's name, run on to the next line); a "Căn cứ ..." lead-in cites bodies, names none."""
    body = (
        "Căn cứ kết quả Chỉ số cải cách hành chính của các bộ, Ủy ban nhân dân các tỉnh, thành phố;"
        " Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "1. Cải cách thể chế và thủ tục hành chính.\n"
        "(Nhiệm vụ cụ thể tại Phụ lục kèm theo)\n\n"
        "PHỤ LỤC\n"
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn\n"
        "thành |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| I | Cải cách thể chế | | | |\n"
        "| 1 | Rà soát văn bản quy phạm pháp luật do tỉnh ban hành | Sở Tư pháp | Văn\n"
        "phòng UBND tỉnh | Quý I/2027 |\n"
        "| 2 | Đơn giản hóa thủ tục hành chính nội bộ giữa các cơ quan hành chính\n"
        "nhà nước | Văn phòng UBND tỉnh | Các sở, ban, ngành | Quý II/2027 |\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Tư pháp"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2027-03-31", None),
        (["Văn phòng Ủy ban nhân dân tỉnh"], [], "2027-06-30", None),
    ]


def test_what_an_action_focuses_on_belongs_to_it_at_any_depth():
    """k11: "..., tập trung vào:" over "- Khu vực ven biển:" over "+ Các trường hợp lấn chiếm ...;"
    lists what the action bears on: one task (rule 14); "các trường hợp" is no school."""
    body = (
        "1. Phòng Kinh tế:\n"
        "a) Kiểm tra, lập hồ sơ xử lý vi phạm trật tự xây dựng trên địa bàn, tập trung vào:\n"
        "- Khu vực ven biển:\n"
        "+ Các trường hợp lấn chiếm hành lang bảo vệ đê, kè biển;\n"
        "+ Các công trình dịch vụ xây dựng trái phép trên bãi cát.\n"
        "- Các công trình xây dựng không phép dọc Tỉnh lộ 10.\n"
        "b) Báo cáo kết quả trước ngày 20/12/2026.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Kinh tế"], [], None, None),
        (["Phòng Kinh tế"], [], "2026-12-20", None),
    ]


def test_a_heading_of_goals_that_also_holds_the_work_is_read():
    """k09: "Điều 1. Mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp ..." is no goals-only section: its
    question-time part asks the People's Committee for work (rule 15)."""
    body = (
        "Điều 1. Mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp năm 2027\n"
        "1. Các chỉ tiêu chủ yếu\n"
        "- Tốc độ tăng trưởng đạt 9,5% trở lên.\n"
        "2. Về các vấn đề qua phiên chất vấn\n"
        "Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh thực hiện các nội dung sau:\n"
        "a) Khắc phục tình trạng xuống cấp của Quốc lộ 32C trước ngày 30/6/2027.\n"
    )
    tasks = _tasks(_notice(body, kind="NQ", title="NGHỊ QUYẾT", intro=""))
    assert tasks == [(["Ủy ban nhân dân tỉnh"], [], "2027-06-30", None)]


def test_a_portal_page_with_a_two_part_breadcrumb_and_photo_captions():
    """k05: "Thời sự > Hoạt động của lãnh đạo Chính phủ" ends the menu, so the headline is the title
    (and no task); a photo's caption ("... Ảnh: VGP/Minh Khôi") is none either."""
    text = (
        "Trang chủ\nThời sự\nKinh tế\nBÁO ĐIỆN TỬ CHÍNH PHỦ\n"
        "Thời sự > Hoạt động của lãnh đạo Chính phủ\n"
        "Phó Thủ tướng: Không để thiếu vật liệu làm chậm Dự án cảng hàng không\n"
        "Thứ Bảy, 21/11/2026 18:42 (GMT+7)\nChia sẻ\n"
        "(Chinhphu.vn) - Chiều 21/11, Phó Thủ tướng Trần Hồng Hà kiểm tra Dự án.\n"
        "Phó Thủ tướng Trần Hồng Hà kiểm tra công trường. Ảnh: VGP/Minh Khôi\n"
        "Phó Thủ tướng đề nghị Bộ Quốc phòng có ý kiến về phương án tổ chức vùng trời trước ngày 15/12/2026.\n"
    )
    result = extract_text(text)
    assert result["document"]["title"] == "Phó Thủ tướng: Không để thiếu vật liệu làm chậm Dự án cảng hàng không"
    assert _tasks(result) == [(["Bộ Quốc phòng"], [], "2026-12-15", None)]


def test_a_ministrys_units_and_a_range_of_years_cut_by_a_wrap():
    """k06: "Vụ Kết cấu hạ tầng và Viện Chiến lược ..." — "và" and another body end the first
    name after its lowercase words; "giai đoạn 2027\\n- 2030" is a range a wrap cut, no bullet."""
    line = "x" * 60
    body = (
        f"1. Cục Đường sắt Việt Nam chủ trì, phối hợp với Vụ Kết cấu hạ tầng và Viện Chiến lược tổ chức"
        f" rà soát quy hoạch mạng lưới đường sắt.\n"
        f"2. Tổng công ty Đường sắt Việt Nam xây dựng phương án tái cơ cấu giai đoạn 2027\n"
        f"- 2030, gửi Vụ Quản lý doanh nghiệp thẩm định trước ngày 20/01/2027.\n"
        f"3. {line} {line}\n"
    )
    tasks = _tasks(_notice(body))
    assert tasks[0] == (["Cục Đường sắt Việt Nam"], ["Vụ Kết cấu hạ tầng", "Viện Chiến lược"], None, None)
    assert tasks[1] == (["Tổng công ty Đường sắt Việt Nam"], [], "2027-01-20", None)


def test_a_header_broken_oddly_by_a_pdf_copy_still_gives_its_number_and_province():
    """k01: "ỦY\\nBAN NHÂN DÂN", "CỘNG\\nHÒA ...", "Số:\\n612/TB-UBND": the number is read, and the
    issuer's block ends at the broken motto, so the own province is dropped from names."""
    text = (
        "ỦY\nBAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:\n612/TB-UBND\nNghệ\nAn, ngày 02 tháng 12 năm 2026\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\n"
        "1. Thuế tỉnh Nghệ An tăng cường chống thất thu thuế.\n"
    )
    result = extract_text(text)
    assert result["document"]["number"] == "612/TB-UBND"
    assert _tasks(result) == [(["Thuế tỉnh"], [], None, None)]


def test_coast_guard_and_navy_regions_and_a_weekly_duty_until_a_month():
    """k04: "Vùng Cảnh sát biển 3, Vùng 4 Hải quân" are two bodies; "phát sóng hằng tuần đến hết
    tháng 3/2027" is weekly until that month's end."""
    body = (
        "1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì, phối hợp với Vùng Cảnh sát biển 3, Vùng 4 Hải quân"
        " tuần tra vùng biển giáp ranh.\n"
        "2. Sở Văn hóa, Thể thao và Du lịch mở chuyên mục tuyên truyền, phát sóng hằng tuần đến hết tháng"
        " 3/2027.\n"
    )
    tasks = _tasks(_notice(body))
    assert tasks[0][1] == ["Vùng Cảnh sát biển 3", "Vùng 4 Hải quân"]
    assert tasks[1] == (["Sở Văn hóa, Thể thao và Du lịch"], [], "2027-03-31", "weekly")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # dev d20, g259: businesses told apart by what they do
        (
            "Sở Khoa học và Công nghệ phối hợp với các doanh nghiệp cung cấp dịch vụ an toàn thông tin rà"
            " soát hệ thống.",
            (["Sở Khoa học và Công nghệ"], ["Các doanh nghiệp cung cấp dịch vụ an toàn thông tin"], None, None),
        ),
        # g258: "biên soạn" is the action, not the university's name
        (
            "Phòng Giáo dục trung học chủ trì, phối hợp với Trường Đại học Vinh biên soạn tài liệu.",
            (["Phòng Giáo dục trung học"], ["Trường Đại học Vinh"], None, None),
        ),
    ],
)
def test_k03_k04_groups_by_what_they_do(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


def test_a_leader_who_directs_a_body_in_the_news_gives_it_the_task():
    """A probe of news sentences: "Chủ tịch UBND tỉnh chỉ đạo Sở X ...", "... cũng lưu ý Sở X ..."
    are Sở X's; "Sở X cho biết, ... sẽ ..." reports what it said; a head given work who directs
    a unit keeps it ("Giám đốc Sở ... chỉ đạo Chi cục ...", g165)."""
    head = (
        "Chủ tịch UBND tỉnh làm việc với Sở Xây dựng\n\n"
        "Sáng 02/12/2026, ông Trần Văn Bình, Chủ tịch UBND tỉnh làm việc với Sở Xây dựng.\n\n"
    )
    cases = {
        "Chủ tịch UBND tỉnh chỉ đạo Sở Xây dựng khẩn trương hoàn thiện hồ sơ dự án.": [["Sở Xây dựng"]],
        "Chủ tịch UBND tỉnh cũng lưu ý Sở Xây dựng tăng cường kiểm tra chất lượng công trình.": [["Sở Xây dựng"]],
        "Sở Xây dựng cho biết, trong năm 2027 sẽ hoàn thành 12 công trình trọng điểm.": [],
    }
    for sentence, leads in cases.items():
        assert [t["lead"] for t in extract_text(head + sentence + "\n")["tasks"]] == leads, sentence


def test_a_weeks_schedule_of_meetings_gives_no_task_and_a_responsibility_line_gives_the_lead():
    """l10: "Thời gian | Nội dung | Chủ trì | Thành phần | Địa điểm" is who chairs which meeting;
    l12: "• Trách nhiệm: Phòng X chủ trì; Trường Y phối hợp" under an activity (Word's bullets)."""
    schedule = (
        "1. Văn phòng UBND tỉnh theo dõi, đôn đốc.\n\n"
        "Thời gian | Nội dung | Chủ trì | Thành phần | Địa điểm\n"
        "Thứ Hai 14/12, 8 giờ 00 | Họp Ủy ban nhân dân tỉnh thường kỳ | Chủ tịch UBND tỉnh | Các thành viên"
        " UBND tỉnh | Phòng họp số 1\n"
    )
    assert _tasks(_notice(schedule)) == [(["Văn phòng Ủy ban nhân dân tỉnh"], [], None, None)]
    plan = (
        "1. Đăng ký dự thi\n"
        "\uf0b7\tTiếp nhận, kiểm tra hồ sơ đăng ký dự thi của các đơn vị.\n"
        "\uf0b7\tTrách nhiệm: Phòng Quản lý chất lượng chủ trì; Văn phòng Sở phối hợp.\n"
        "\uf0b7\tThời gian: trước ngày 04/12/2026.\n"
    )
    assert _tasks(_notice(plan)) == [(["Phòng Quản lý chất lượng"], ["Văn phòng Sở"], "2026-12-04", None)]


def test_requests_upward_and_what_a_submission_said_are_no_tasks():
    """l02, l05: "Sở Xây dựng cũng kiến nghị tỉnh ...", "Theo Tờ trình, ... Sở Xây dựng đề xuất ...;
    đến nay mới có ..." report and ask upward (rule 10); "Thanh tra ... công khai kết luận" acts."""
    body = (
        "Theo Tờ trình, giai đoạn 2027 - 2030 Sở Xây dựng đề xuất 17 dự án nhà ở xã hội; đến nay mới có 05"
        " dự án được chấp thuận. Sở Xây dựng cũng kiến nghị tỉnh hỗ trợ đầu tư hạ tầng kỹ thuật.\n\n"
        "1. Sở Xây dựng rà soát danh mục dự án trước ngày 20/11/2026.\n"
        "2. Thanh tra tỉnh công khai kết luận thanh tra theo quy định.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Xây dựng"], [], "2026-11-20", None),
        (["Thanh tra tỉnh"], [], None, None),
    ]


def test_a_ministrys_letter_to_four_provinces_and_a_boards_head():
    """l06: "Bộ đề nghị Ủy ban nhân dân các tỉnh, thành phố ...:" in a letter to four committees by
    name gives its items to those four; the closing "trân trọng đề nghị ... quan tâm, phối hợp thực
    hiện./." is no task. l04: "Trưởng Ban Quản lý Khu kinh tế tỉnh" is the board's head."""
    text = (
        "BỘ CÔNG THƯƠNG\nSố: 8812/BCT-TTTN\nV/v cung ứng xăng dầu\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 20 tháng 11 năm 2026\n\n"
        "Kính gửi:\n- Ủy ban nhân dân tỉnh An Giang;\n- Ủy ban nhân dân thành phố Cần Thơ.\n\n"
        "Bộ Công Thương đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện một số nội"
        " dung sau:\n"
        "1. Rà soát mạng lưới cửa hàng bán lẻ xăng dầu, gửi Bộ Công Thương trước ngày 15/12/2026.\n"
        "2. Trưởng Ban Quản lý Khu kinh tế tỉnh kiểm tra các cửa hàng xăng dầu trong khu kinh tế.\n\n"
        "Bộ Công Thương trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm, phối hợp thực hiện./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Sinh Nhật Tân\n"
    )
    assert _tasks(extract_text(text)) == [
        (["Ủy ban nhân dân tỉnh An Giang", "Ủy ban nhân dân thành phố Cần Thơ"], [], "2026-12-15", None),
        (["Trưởng Ban Quản lý Khu kinh tế tỉnh"], [], None, None),
    ]


def test_bodies_parted_by_a_semicolon_then_their_action():
    """g270: "UBND các xã, phường; Trung tâm Kiểm soát bệnh tật tỉnh định kỳ hằng tháng báo cáo ..."
    gives both bodies the report; two clauses each with its own subject stay two tasks."""
    body = (
        "1. UBND các xã, phường; Trung tâm Kiểm soát bệnh tật tỉnh định kỳ hằng tháng báo cáo kết quả về"
        " Sở Y tế.\n"
        "2. Sở Y tế rà soát thuốc; Sở Tài chính bố trí kinh phí.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Ủy ban nhân dân các xã, phường", "Trung tâm Kiểm soát bệnh tật tỉnh"], [], None, "monthly"),
        (["Sở Y tế"], [], None, None),
        (["Sở Tài chính"], [], None, None),
    ]


def test_a_letter_to_one_body_gives_it_the_item_after_a_request_to_another():
    """g269: in a letter to Sở Xây dựng, "6. Định kỳ báo cáo ..." after "5. Đề nghị Ngân hàng Nhà nước
    khu vực 15 ..." is the addressee's (rule 16), not the bank's."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nVĂN PHÒNG\nSố: 4120/VP-KT\nV/v nhà ở xã hội\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Giang, ngày 06 tháng 11 năm 2026\n\n"
        "Kính gửi: Sở Xây dựng.\n\nChủ tịch UBND tỉnh có ý kiến như sau:\n"
        "1. Khẩn trương rà soát danh mục dự án nhà ở xã hội, trình UBND tỉnh trước ngày 20/11/2026.\n"
        "2. Đề nghị Ngân hàng Nhà nước khu vực 15 chỉ đạo các tổ chức tín dụng đẩy mạnh giải ngân.\n"
        "3. Định kỳ báo cáo kết quả về UBND tỉnh trước ngày 25 hằng tháng.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrần Quốc Huy\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [
        ["Sở Xây dựng"],
        ["Ngân hàng Nhà nước khu vực 15"],
        ["Sở Xây dựng"],
    ]


def test_a_decision_that_sets_up_a_working_group_lists_members_and_rights():
    """m09: "Tổ trưởng: Ông ..., Phó Chủ tịch ..." and "- Bà ..., Phó Giám đốc Sở ...;" are who sits on
    the group; "Tổ trưởng ... có quyền triệu tập ..." is a right (rule 12); no task at all."""
    body = (
        "Điều 1. Thành lập Tổ công tác tháo gỡ khó khăn cho các dự án, gồm các thành viên sau:\n"
        "1. Tổ trưởng: Ông Lê Anh Quân, Phó Chủ tịch UBND thành phố.\n"
        "2. Các thành viên:\n"
        "- Ông Đỗ Mạnh Hùng, Phó Giám đốc Sở Xây dựng;\n"
        "- Bà Vũ Thị Lan, Phó Giám đốc Sở Tư pháp.\n"
        "Điều 2. Tổ trưởng Tổ công tác có quyền triệu tập các cơ quan, đơn vị có liên quan làm việc.\n"
    )
    assert _tasks(_notice(body, kind="QĐ", title="QUYẾT ĐỊNH", intro="")) == []


def test_a_consequence_and_a_weekly_report_during_a_season():
    """g283: "...; nếu để xảy ra sai phạm thì xem xét trách nhiệm ..." is a consequence; g286: "báo
    cáo Thủ tướng Chính phủ hằng tuần trong các tháng cao điểm mùa khô" is weekly."""
    body = (
        "1. Thủ trưởng các sở, ban, ngành kiểm tra việc chấp hành kỷ luật; nếu để xảy ra sai phạm thì"
        " xem xét trách nhiệm người đứng đầu.\n"
        "2. Bộ Công Thương theo dõi sát tình hình cung ứng điện, báo cáo Thủ tướng Chính phủ hằng tuần"
        " trong các tháng cao điểm mùa khô.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Thủ trưởng các sở, ban, ngành"], [], None, None),
        (["Bộ Công Thương"], [], None, "weekly"),
    ]


def test_a_duty_written_out_over_its_bullets_is_a_task_not_a_heading():
    """dev d08: "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc ... báo cáo ..." over "- Cơ quan
    thường trực ... cập nhật ..." is one duty; "3. Đề nghị Ủy ban Mặt trận ..., Hội Liên hiệp Phụ nữ
    và các tổ chức thành viên" over its items stays a heading (dev d25)."""
    body = (
        "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc các sở, ban, ngành triển khai thực hiện nhiệm vụ"
        " được nêu trong Kế hoạch theo đúng tiến độ; tham mưu UBND tỉnh báo cáo kết quả\n"
        "- Cơ quan thường trực cập nhật kết quả trước ngày 20 hằng tháng lên phần mềm theo dõi.\n"
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh và các tổ chức"
        " thành viên của Mặt trận\n"
        "- Tham gia phối hợp tuyên truyền Kế hoạch này.\n"
    )
    tasks = _tasks(_notice(body))
    assert [t[0] for t in tasks] == [
        ["Sở Khoa học và Công nghệ"],
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Các tổ chức thành viên của Mặt trận"],
    ]


def test_a_companys_petition_is_no_task_and_the_answer_assigns():
    """n03: "a) Kiến nghị của Công ty X: Đề nghị ..." is the company's petition (rule 10); "b) Ý kiến
    của UBND tỉnh: Giao Sở ..." answers it with a task."""
    body = (
        "1. Kiến nghị của Công ty cổ phần Chè Phú Hộ\n"
        "a) Kiến nghị của Công ty cổ phần Chè Phú Hộ: Đề nghị cấp điện ổn định cho nhà máy chế biến chè.\n"
        "b) Ý kiến của UBND tỉnh: Đề nghị Công ty Điện lực Phú Thọ kiểm tra, nâng cấp trạm biến áp"
        " trước ngày 30/11/2026.\n"
    )
    assert _tasks(_notice(body)) == [(["Công ty Điện lực Phú Thọ"], [], "2026-11-30", None)]


def test_a_pipe_table_without_a_frame_whose_rows_wrap_over_lines():
    """g291: "1 | Xây dựng Kho dữ liệu ... |" / "Kho dữ liệu được vận hành | Sở Khoa học và Công nghệ;
    Công an tỉnh | Văn phòng" / "UBND tỉnh | Quý II/2027": one row, two leads, its partner whole."""
    body = (
        "1. Văn phòng UBND tỉnh theo dõi, đôn đốc.\n\n"
        "PHỤ LỤC\n"
        "STT | Nhiệm vụ | Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
        "1 | Xây dựng Kho dữ liệu dùng chung của tỉnh |\n"
        "Kho dữ liệu được vận hành | Sở Khoa học và Công nghệ; Công an tỉnh | Văn phòng\n"
        "UBND tỉnh | Quý II/2027\n"
        "2 | Số hóa hồ sơ đất đai | Cơ sở dữ liệu đất\n"
        "đai hoàn thiện | Sở Nông nghiệp và Môi trường | UBND các xã, phường | Tháng 9/2027\n"
    )
    assert _tasks(_notice(body))[1:] == [
        (["Sở Khoa học và Công nghệ", "Công an tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2027-06-30", None),
        (["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã, phường"], "2027-09-30", None),
    ]


def test_a_body_that_asks_those_no_agency_does_it_itself():
    """g298: "5. Sở Công Thương yêu cầu các chủ đập thủy điện vận hành đúng quy trình; Sở Xây dựng chỉ
    đạo bảo đảm giao thông" gives two tasks; "Sở X yêu cầu Công ty thực hiện ... sau:" stays a lead-in
    for the letter's addressee (g267)."""
    body = (
        "1. Sở Công Thương yêu cầu các chủ đập thủy điện trên địa bàn vận hành đúng quy trình liên hồ"
        " chứa; Sở Xây dựng chỉ đạo bảo đảm giao thông thông suốt.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [["Sở Công Thương"], ["Sở Xây dựng"]]
