"""Rules added on 2026-12-06 from the genre examples g82-g105, each on a short notice written for it.

Every case names the example whose failure it comes from; the notices are invented and share no
text with the measurement sets.
"""

from __future__ import annotations

import pytest

from chidao import extract_text

HEADER = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 41/{kind}-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Ninh, ngày 06 tháng 7 năm 2026

{title}
{subject}

{intro}
"""

SIGNATURE = """
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đào Quang Khải
"""

MEETING = "Ngày 01/7/2026, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về các dự án nhà ở. Phó Chủ tịch kết luận:"


def _notice(body: str, *, kind: str = "TB", title: str = "THÔNG BÁO", subject: str = "", intro: str = MEETING) -> dict:
    subject = subject or "Kết luận của Phó Chủ tịch UBND tỉnh Đào Quang Khải tại cuộc họp về các dự án nhà ở"
    text = HEADER.format(kind=kind, title=title, subject=subject, intro=intro)
    return extract_text(text + body + SIGNATURE)


def _tasks(result: dict) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"], t["recurrence"]) for t in result["tasks"]]


# --- the lead in a closing aside (g82) ------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Rà soát các dự án nhà ở chậm tiến độ (giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính;"
            " hoàn thành trong tháng 9/2026).",
            (["Sở Xây dựng"], ["Sở Tài chính"], "2026-09-30", None),
        ),
        (
            "Xác định giá đất của các dự án (Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Thuế tỉnh;"
            " thời gian: trước ngày 15/10/2026).",
            (["Sở Nông nghiệp và Môi trường"], ["Thuế tỉnh"], "2026-10-15", None),
        ),
        (
            "Tiếp nhận hạ tầng các khu nhà ở đã nghiệm thu (UBND các phường Võ Cường, Kinh Bắc thực hiện).",
            (["Ủy ban nhân dân phường Võ Cường", "Ủy ban nhân dân phường Kinh Bắc"], [], None, None),
        ),
        ("Thẩm định dự thảo quy chế quản lý (giao Sở Tư pháp).", (["Sở Tư pháp"], [], None, None)),
        (
            "Tổng hợp tiến độ, báo cáo UBND tỉnh vào ngày 20 hằng tháng (Sở Xây dựng chủ trì).",
            (["Sở Xây dựng"], [], None, "monthly"),
        ),
    ],
)
def test_a_closing_aside_names_the_lead(item, expected):
    assert _tasks(_notice(f"1. Nhiệm vụ thời gian tới\n1.1. {item}\n")) == [expected]


def test_an_aside_that_names_nobody_to_act_gives_no_lead():
    """ "(theo báo cáo của Sở Xây dựng)" is a source, not an assignment: the item names no one."""
    result = _notice("1. Hoàn thiện hồ sơ các dự án nhà ở (theo báo cáo của Sở Xây dựng).\n")
    assert result["tasks"] == []


def test_an_item_that_names_its_lead_keeps_it_whatever_its_aside_says():
    result = _notice("1. Sở Tài chính bố trí vốn cho các dự án nhà ở xã hội (Sở Xây dựng theo dõi).\n")
    assert [t["lead"] for t in result["tasks"]] == [["Sở Tài chính"]]


# --- an approval said by the chair (g82) ----------------------------------------------------


def test_a_leaders_approval_is_no_task_and_the_assignment_after_it_is():
    body = (
        "1. Về đề nghị của UBND phường Kinh Bắc: Phó Chủ tịch UBND tỉnh thống nhất chủ trương; giao Sở Tài"
        " chính chủ trì, phối hợp với UBND phường Kinh Bắc tham mưu bố trí vốn trước ngày 20/8/2026.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Tài chính"], ["Ủy ban nhân dân phường Kinh Bắc"], "2026-08-20", None)]


# --- a role given its body (g82), a group given its members after "là" (g88) ----------------


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        (
            "Yêu cầu nhà đầu tư là Công ty Cổ phần Phát triển nhà Kinh Bắc hoàn thành hạ tầng trước ngày 30/9/2026.",
            ["Công ty Cổ phần Phát triển nhà Kinh Bắc"],
        ),
        (
            "Yêu cầu chủ đầu tư là Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương quyết toán dự án.",
            ["Ban Quản lý dự án đầu tư xây dựng tỉnh"],
        ),
        (
            "Các chủ rừng là tổ chức (Ban Quản lý rừng phòng hộ Tây Yên Tử, các công ty lâm nghiệp) xây dựng"
            " phương án phòng cháy rừng.",
            ["Ban Quản lý rừng phòng hộ Tây Yên Tử", "các công ty lâm nghiệp"],
        ),
    ],
)
def test_a_role_or_group_is_recorded_as_the_bodies_it_names(item, lead):
    result = _notice(f"1. {item}\n")
    assert [[name.lower() for name in t["lead"]] for t in result["tasks"]] == [[name.lower() for name in lead]]


# --- names (g84, g85, g86) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "lead", "partners"),
    [
        # g85: a commune's public service centre, whose name goes on in lowercase after a verb-like word.
        (
            "Trung tâm Dịch vụ tổng hợp xã chi trả tiền bồi thường cho các hộ dân.",
            ["Trung tâm Dịch vụ tổng hợp xã"],
            [],
        ),
        # g84: a unit of the Department of Home Affairs whose name holds a comma.
        (
            "Phòng Công chức, viên chức chủ trì, phối hợp với Thanh tra Sở tham mưu quy định phân cấp.",
            ["Phòng Công chức, viên chức"],
            ["Thanh tra Sở"],
        ),
        # g86: a sector named as a partner.
        (
            "Các sở, ban, ngành phối hợp với ngành Y tế triển khai các biện pháp phòng, chống dịch.",
            ["Các sở, ban, ngành"],
            ["Ngành Y tế"],
        ),
    ],
)
def test_names(item, lead, partners):
    result = _notice(f"1. {item}\n")
    assert [(t["lead"], t["coordinators"]) for t in result["tasks"]] == [(lead, partners)]


# --- timing (g87, g88) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "deadline"),
    [
        # g87: the window a start must happen in is a deadline; the day of the event is not.
        ("Sở Xây dựng hoàn thiện thủ tục đầu tư, bảo đảm khởi công dự án trong quý IV/2026.", "2026-12-31"),
        ("Sở Xây dựng chuẩn bị mặt bằng để tổ chức khởi công ngày 15/10/2026.", None),
        # d01 keeps: where work goes on in a month is no deadline.
        ("Sở Xây dựng lưu ý các vị trí thi công trong tháng 9/2026.", None),
        # g87: "phấn đấu ... trong năm" is the year the result is due (ANNOTATION: "phấn đấu đến hết năm").
        ("Sở Xây dựng đôn đốc nhà thầu, phấn đấu thông xe toàn tuyến trong năm 2027.", "2027-12-31"),
    ],
)
def test_deadline_windows(item, deadline):
    assert [t["deadline"] for t in _notice(f"1. {item}\n")["tasks"]] == [deadline]


def test_a_daily_period_ends_a_long_reporting_sentence():
    """g88: "Cập nhật ..., thông tin trên các phương tiện thông tin đại chúng hằng ngày." (100
    characters between the verb and its period)."""
    body = (
        "1. Giám đốc Sở Nông nghiệp và Môi trường:\n"
        "a) Cập nhật bản đồ cấp dự báo cháy rừng, thông tin trên các phương tiện thông tin đại chúng hằng ngày.\n"
    )
    assert [t["recurrence"] for t in _notice(body, kind="CT", title="CHỈ THỊ")["tasks"]] == ["daily"]


# --- the chair (g83, g85) ---------------------------------------------------------------------


def test_a_place_in_the_subject_line_is_no_chair():
    subject = "Kết luận của Chủ tịch UBND xã tại buổi làm việc về Dự án đường liên thôn La Bông"
    intro = "Ngày 29/7/2026, đồng chí Lê Công Đức, Chủ tịch UBND xã chủ trì buổi làm việc. Chủ tịch kết luận:"
    result = _notice("1. Phòng Kinh tế hoàn chỉnh hồ sơ.\n", subject=subject, intro=intro)
    assert result["document"]["chair"] == "Lê Công Đức"


def test_whose_opinion_a_notice_gives_is_no_chair_without_a_meeting():
    subject = "Ý kiến chỉ đạo của Phó Chủ tịch UBND tỉnh Đào Quang Khải về việc giải quyết đơn của công dân"
    intro = "Xét báo cáo kết quả kiểm tra, xác minh của Thanh tra tỉnh, Phó Chủ tịch UBND tỉnh có ý kiến như sau:"
    result = _notice("1. Giao Thanh tra tỉnh theo dõi việc giải quyết đơn.\n", subject=subject, intro=intro)
    assert result["document"]["chair"] is None
    meeting = _notice("1. Giao Thanh tra tỉnh theo dõi việc giải quyết đơn.\n")
    assert meeting["document"]["chair"] == "Đào Quang Khải"


# --- g90-g97 -----------------------------------------------------------------------------------


def test_plan_labels_run_into_the_item_name_its_lead_partners_and_time():
    """g93: "Dự trù nhu cầu ... . Chủ trì: X; phối hợp: Y; thời gian: trong năm 2027." """
    body = (
        "1. Lập kế hoạch\n"
        "- Dự trù nhu cầu vắc xin năm 2027 của toàn tỉnh. Chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh;"
        " phối hợp: Trung tâm Y tế các khu vực; thời gian: trong năm 2027.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Tiêm chủng mở rộng năm 2027", intro="")
    assert _tasks(result) == [
        (["Trung tâm Kiểm soát bệnh tật tỉnh"], ["Trung tâm Y tế các khu vực"], "2027-12-31", None)
    ]


def test_the_date_figures_stand_at_is_no_deadline():
    """g95: "cung cấp số liệu dân số đến ngày 30/9/2026 cho Sở Nội vụ trước ngày 10/11/2026"."""
    body = "1. Thống kê tỉnh cung cấp số liệu dân số đến ngày 30/9/2026 cho Sở Nội vụ trước ngày 10/11/2026.\n"
    assert _tasks(_notice(body)) == [(["Thống kê tỉnh"], [], "2026-11-10", None)]


def test_a_dated_step_before_a_years_end_is_the_deadline():
    """g91: "kiểm tra ... các công trình hoàn thành trong năm 2026; báo cáo kết quả trước ngày 30/9/2026"."""
    body = (
        "1. Phòng Quản lý chất lượng công trình xây dựng kiểm tra công tác nghiệm thu các công trình hoàn"
        " thành trong năm 2026; báo cáo kết quả trước ngày 30/9/2026.\n"
    )
    assert _tasks(_notice(body)) == [(["Phòng Quản lý chất lượng công trình xây dựng"], [], "2026-09-30", None)]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # g91: "xây dựng" closes a name that runs on in lowercase when a verb follows at once.
        (
            "Trung tâm Giám định chất lượng xây dựng tổ chức thí nghiệm vật liệu.",
            "Trung tâm Giám định chất lượng xây dựng",
        ),
        ("Phòng Quản lý hoạt động xây dựng rà soát danh sách nhà thầu.", "Phòng Quản lý hoạt động xây dựng"),
        # unchanged: a short name ends before the verb.
        ("Sở Y tế tổng hợp báo cáo UBND tỉnh.", "Sở Y tế"),
        ("Trung tâm Phát triển quỹ đất tỉnh tổng hợp báo cáo.", "Trung tâm Phát triển quỹ đất tỉnh"),
    ],
)
def test_names_ending_in_a_verb_like_noun(item, lead):
    assert [t["lead"] for t in _notice(f"1. {item}\n")["tasks"]] == [[lead]]


def test_a_collective_heading_lists_bodies_in_full():
    """g96: "3. Các lực lượng: Công an thành phố, Sở Y tế, Sở Công Thương:" over a bullet."""
    body = "3. Các lực lượng: Công an tỉnh, Sở Y tế, Sở Công Thương:\n- Bảo đảm an ninh trật tự, an toàn thực phẩm.\n"
    assert [t["lead"] for t in _notice(body)["tasks"]] == [["Công an tỉnh", "Sở Y tế", "Sở Công Thương"]]


def test_locality_qualifiers_joined_by_and():
    """g97: "Chủ tịch UBND các xã, phường ven biển và miền núi"."""
    body = "1. Chủ tịch UBND các xã, phường ven biển và miền núi tổ chức sơ tán dân.\n"
    assert [t["lead"] for t in _notice(body)["tasks"]] == [
        ["Chủ tịch Ủy ban nhân dân các xã, phường ven biển và miền núi"]
    ]


def test_carrying_out_what_an_annex_assigns_is_no_task():
    """g90: "Các sở, ban, ngành ... căn cứ nhiệm vụ được giao tại Phụ lục, chủ động triển khai thực hiện." """
    body = (
        "1. Sở Tài chính bố trí kinh phí.\n"
        "2. Các sở, ban, ngành căn cứ nhiệm vụ được giao tại Phụ lục, chủ động triển khai thực hiện.\n"
    )
    assert [t["lead"] for t in _notice(body, kind="KH", title="KẾ HOẠCH")["tasks"]] == [["Sở Tài chính"]]


# --- probes of 2026-12-06: common phrasings tried on the engine after g97 --------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # a deadline or a period put before the subject
        (
            "Trước ngày 15/9/2026, Sở Xây dựng phải hoàn thành việc rà soát quy hoạch.",
            (["Sở Xây dựng"], [], "2026-09-15", None),
        ),
        (
            "Trong tháng 9/2026, UBND các xã, phường hoàn thành việc cắm mốc giới.",
            (["Ủy ban nhân dân các xã, phường"], [], "2026-09-30", None),
        ),
        ("Hằng tháng, Sở Y tế báo cáo tình hình dịch bệnh.", (["Sở Y tế"], [], None, "monthly")),
        # the task named first, its assignment after
        ("Nhiệm vụ rà soát đất công giao Sở Tài chính chủ trì thực hiện.", (["Sở Tài chính"], [], None, None)),
        (
            "Việc xây dựng cơ sở dữ liệu do Sở Khoa học và Công nghệ chủ trì, hoàn thành trong quý IV/2026.",
            (["Sở Khoa học và Công nghệ"], [], "2026-12-31", None),
        ),
        # an authorization is an assignment
        ("Ủy quyền cho Giám đốc Sở Tư pháp ký văn bản hướng dẫn.", (["Giám đốc Sở Tư pháp"], [], None, None)),
        # a department of every province
        (
            "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương báo cáo Bộ Y tế.",
            (["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"], [], None, None),
        ),
    ],
)
def test_common_phrasings(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]


# --- g98-g105 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # g100: a steering committee's support team
        ("Tổ giúp việc Ban Chỉ đạo tổng hợp kết quả thực hiện các chỉ tiêu.", "Tổ giúp việc Ban Chỉ đạo"),
        # g101: an inspection team
        ("Đoàn kiểm tra tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh.", "Đoàn kiểm tra"),
        # g98: "theo dõi" is a verb after a name that runs on in lowercase
        (
            "Giao Cục Trồng trọt và Bảo vệ thực vật theo dõi, hướng dẫn các địa phương.",
            "Cục Trồng trọt và Bảo vệ thực vật",
        ),
    ],
)
def test_more_names(item, lead):
    assert [t["lead"] for t in _notice(f"1. Sở Nội vụ rà soát.\n2. {item}\n")["tasks"]][1:] == [[lead]]


def test_who_sits_on_a_team_is_no_task():
    """g101: "II. THÀNH PHẦN ĐOÀN KIỂM TRA" / "- Trưởng đoàn: Lãnh đạo Sở Nội vụ." """
    body = (
        "I. THÀNH PHẦN ĐOÀN KIỂM TRA\n- Trưởng đoàn: Lãnh đạo Sở Nội vụ.\n- Thành viên: đại diện Sở Tư pháp.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ xây dựng đề cương kiểm tra trước ngày 30/9/2026.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Kiểm tra công tác cải cách hành chính", intro="")
    assert _tasks(result) == [(["Sở Nội vụ"], [], "2026-09-30", None)]


def test_a_subject_line_ending_in_a_place_is_not_the_dateline():
    """g102: "V/v ... Dự án cảng hàng không Nha Trang" above "Hà Nội, ngày 30 tháng 10 năm 2026"."""
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 9120/VPCP-CN\nV/v kiến nghị về Dự án cảng hàng không Nha Trang\n"
        "Hà Nội, ngày 30 tháng 10 năm 2026\n\nKính gửi: Bộ Xây dựng.\n\n"
        "Bộ Xây dựng chủ trì nghiên cứu, xử lý kiến nghị.\n"
    )
    document = extract_text(text)["document"]
    assert (document["place"], document["title"]) == ("Hà Nội", "kiến nghị về Dự án cảng hàng không Nha Trang")


def test_an_inspection_conclusion_is_its_own_kind():
    text = (
        "THANH TRA TỈNH\nSố: 77/KL-TTr\nHà Tĩnh, ngày 18 tháng 9 năm 2026\n\n"
        "KẾT LUẬN THANH TRA\nViệc quản lý đất đai\n\n"
    )
    document = extract_text(text + "1. Sở Nông nghiệp và Môi trường hướng dẫn lập hồ sơ.\n")["document"]
    assert (document["doc_type"], document["title"]) == ("KẾT LUẬN THANH TRA", "Việc quản lý đất đai")


# --- g106-g109 ---------------------------------------------------------------------------------


def test_words_second_level_bullets_are_items():
    """g107: "• Chi cục ...:" over "o Chủ trì ..." / "o Tổng hợp ..." (Word's bullets as text)."""
    body = (
        "• Chi cục An toàn vệ sinh thực phẩm:\n"
        "o Chủ trì thành lập các đoàn kiểm tra liên ngành.\n"
        "o Tổng hợp kết quả kiểm tra, báo cáo Sở Y tế trước ngày 20/02/2027.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Chi cục An toàn vệ sinh thực phẩm"], [], None, None),
        (["Chi cục An toàn vệ sinh thực phẩm"], [], "2027-02-20", None),
    ]


def test_roles_in_brackets():
    """g108: "Giao Sở A (chủ trì), Sở B, Công an Thành phố (phối hợp) xây dựng ..." """
    body = "1. Giao Sở Nông nghiệp và Môi trường (chủ trì), Sở Xây dựng, Công an tỉnh (phối hợp) xây dựng kế hoạch.\n"
    assert _tasks(_notice(body)) == [(["Sở Nông nghiệp và Môi trường"], ["Sở Xây dựng", "Công an tỉnh"], None, None)]


def test_a_publisher_after_a_name_with_a_comma():
    """g109: a table cell "Cục Khoa học, Công nghệ và Thông tin, Nhà xuất bản Giáo dục Việt Nam"."""
    body = (
        "1. Vụ Giáo dục Phổ thông chủ trì, phối hợp với Cục Khoa học, Công nghệ và Thông tin, Nhà xuất bản"
        " Giáo dục Việt Nam xây dựng học liệu số.\n"
    )
    result = _notice(body)
    assert [t["coordinators"] for t in result["tasks"]] == [
        ["Cục Khoa học, Công nghệ và Thông tin", "Nhà xuất bản Giáo dục Việt Nam"]
    ]


def test_funds_to_be_arranged_within_a_year():
    """g108: "bố trí kinh phí lắp đặt ... trong năm 2027" is due by the year's end."""
    body = "1. Giao Sở Tài chính bố trí kinh phí lắp đặt bổ sung 50 trạm quan trắc trong năm 2027.\n"
    assert [t["deadline"] for t in _notice(body)["tasks"]] == ["2027-12-31"]


# --- g110-g113 ---------------------------------------------------------------------------------


def test_a_quoted_order_in_the_press():
    """g110: 'Chủ tịch UBND tỉnh nhấn mạnh: "Các chủ đầu tư phải ... trước ngày 31/01/2027".'"""
    text = (
        "Chủ tịch UBND tỉnh chỉ đạo đẩy nhanh giải ngân\n\n"
        'Kết luận hội nghị, Chủ tịch UBND tỉnh nhấn mạnh: "Các chủ đầu tư phải lập kế hoạch giải ngân chi tiết,'
        ' bảo đảm giải ngân hết vốn trước ngày 31/01/2027".\n'
    )
    assert [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]] == [(["Các chủ đầu tư"], "2027-01-31")]


def test_numbered_tasks_and_lettered_parts():
    """g111: "A. MỤC TIÊU" / "B. NHIỆM VỤ ..." over "Nhiệm vụ 1: ..." with its plan labels."""
    body = (
        "A. MỤC TIÊU\nThành lập mới 30 hợp tác xã.\n\nB. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN\n"
        "Nhiệm vụ 1: Rà soát, giải thể các hợp tác xã ngừng hoạt động.\n"
        "Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: UBND các xã, phường.\nThời hạn: trước 30/6/2027.\n\n"
        "Nhiệm vụ 2: Tổ chức tập huấn cho cán bộ quản lý hợp tác xã.\n"
        "Cơ quan chủ trì: Liên minh Hợp tác xã tỉnh.\nThời hạn: hằng năm.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Phát triển hợp tác xã năm 2027", intro="")
    assert _tasks(result) == [
        (["Sở Tài chính"], ["Ủy ban nhân dân các xã, phường"], "2027-06-30", None),
        (["Liên minh Hợp tác xã tỉnh"], [], None, "yearly"),
    ]


def test_new_years_day_is_not_tet():
    """g112: "trước Tết Dương lịch 2027" is 1 January; "Tết Nguyên đán" stays the lunar new year."""
    body = (
        "1. UBND phường Đông Hà chỉnh trang đô thị, hoàn thành trước Tết Dương lịch 2027.\n"
        "2. Sở Y tế hoàn thành trước Tết Nguyên đán 2027.\n"
    )
    assert [t["deadline"] for t in _notice(body)["tasks"]] == ["2027-01-01", "2027-02-06"]


def test_a_working_session_has_its_leader_as_chair():
    """g44, g112: "đồng chí X, Chủ tịch UBND tỉnh làm việc với ..."; g03: a visit that also
    "làm việc với các địa phương" has no chair."""
    subject = "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Quản lý Khu du lịch"
    intro = (
        "Ngày 14/11/2026, đồng chí Nguyễn Đình Việt, Chủ tịch UBND tỉnh làm việc với Ban Quản lý. Chủ tịch kết luận:"
    )
    result = _notice("1. Sở Tài chính bố trí vốn.\n", subject=subject, intro=intro)
    assert result["document"]["chair"] == "Nguyễn Đình Việt"


def test_a_province_before_a_name_is_not_part_of_it():
    """g110: "Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải chủ trì hội nghị"."""
    text = (
        "Giải ngân vốn đầu tư công\n\nChiều 03/12, Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải chủ trì hội nghị.\n\n"
        "Chủ tịch giao Sở Tài chính đôn đốc giải ngân.\n"
    )
    assert extract_text(text)["document"]["chair"] == "Võ Trọng Hải"


def test_a_subject_line_ending_with_the_province_keeps_it():
    """g61: "V/v ... di tích Thành cổ Quảng Trị" above "Quảng Trị, ngày ..."."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 5120/UBND-KGVX\nV/v xử lý vi phạm tại di tích Thành cổ Quảng Trị\n"
        "Quảng Trị, ngày 11 tháng 11 năm 2025\n\nKính gửi: Sở Văn hóa.\n\nSở Văn hóa kiểm tra, xử lý vi phạm.\n"
    )
    assert extract_text(text)["document"]["title"] == "xử lý vi phạm tại di tích Thành cổ Quảng Trị"


# --- g114-g115 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # g115: a unit's name with a comma, closed by "thuộc Sở"
        (
            "Phòng Công tác học sinh, sinh viên thuộc Sở theo dõi, tổng hợp tình hình.",
            "Phòng Công tác học sinh, sinh viên thuộc Sở",
        ),
        # g114: a residential group's board
        ("Ban điều hành các tổ dân phố tuyên truyền, vận động Nhân dân.", "Ban điều hành các tổ dân phố"),
    ],
)
def test_names_of_g114_g115(item, lead):
    assert [t["lead"] for t in _notice(f"1. Sở Nội vụ rà soát.\n2. {item}\n")["tasks"]][1:] == [[lead]]


# --- g116-g118 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g116: the subject "phân công" its own leaders: it acts
        (
            "Các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh phân công lãnh đạo trực tiếp theo dõi từng dự án.",
            (["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"], [], None, None),
        ),
        # g117: a named official by name and position
        (
            "Đồng chí Trần Thị Mai, Phó Giám đốc Sở chỉ đạo xây dựng báo cáo tổng kết trước ngày 15/12/2026.",
            (["Đồng chí Trần Thị Mai, Phó Giám đốc Sở"], [], "2026-12-15", None),
        ),
        # g118: "trong ngày" a date; "chỉ đạo lực lượng phối hợp với C": C is not the lead's partner
        ("Sở Y tế cấp phát hóa chất khử trùng trong ngày 20/10/2026.", (["Sở Y tế"], [], "2026-10-20", None)),
        (
            "Công an tỉnh chỉ đạo lực lượng phối hợp với Chi cục Chăn nuôi và Thú y kiểm soát việc vận chuyển lợn.",
            (["Công an tỉnh"], [], None, None),
        ),
        (
            "Chủ tịch UBND các xã, phường nơi có dịch tổ chức tiêu hủy lợn bệnh.",
            (["Chủ tịch Ủy ban nhân dân các xã, phường nơi có dịch"], [], None, None),
        ),
    ],
)
def test_g116_g118(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]
