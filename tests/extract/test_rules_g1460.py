"""Rules added on 2026-12-07 (ninth session), each on a short text written for it. The texts are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

from chidao import extract_text
from support.notices import notice, pipes

# --- a follow-up list: a table with no lead column, its rows under group rows naming the body ----

_FOLLOW_UP = notice(
    "Văn phòng UBND tỉnh thông báo danh mục nhiệm vụ chậm tiến độ như sau:\n\n"
    + pipes(
        ("STT", "Nội dung nhiệm vụ", "Văn bản giao", "Thời hạn", "Tình trạng"),
        ("---", "---", "---", "---", "---"),
        ("I", "SỞ TÀI CHÍNH", "", "", ""),
        ("1", "Tham mưu phân bổ vốn sự nghiệp cho các xã mới", "Văn bản 101/UBND-KT", "30/6/2026", "Đang thực hiện"),
        ("2", "Rà soát định mức chi thường xuyên", "Văn bản 102/UBND-KT", "15/5/2026", "Đã hoàn thành"),
        ("II", "SỞ Y TẾ", "", "", ""),
        ("3", "Xây dựng phương án bác sĩ luân phiên về trạm y tế", "Thông báo 55/TB-UBND", "31/7/2026", "Chậm"),
        ("III", "UBND CÁC XÃ, PHƯỜNG", "", "", ""),
        ("4", "UBND xã Kim Sơn, UBND xã Yên Mô: Hoàn thành chỉnh lý hồ sơ địa chính", "", "31/8/2026", ""),
    ),
    number="215/TB-VP",
    subject="Danh mục nhiệm vụ chậm tiến độ",
)


def test_group_rows_numbered_in_a_cell_of_their_own_name_the_rows_leads() -> None:
    tasks = extract_text(_FOLLOW_UP)["tasks"]
    assert [t["lead"] for t in tasks] == [
        ["Sở Tài chính"],
        ["Sở Y tế"],
        ["Ủy ban nhân dân xã Kim Sơn", "Ủy ban nhân dân xã Yên Mô"],  # the row names its own before a colon
    ]
    assert [t["deadline"] for t in tasks] == ["2026-06-30", "2026-07-31", "2026-08-31"]


def test_a_status_column_that_says_done_drops_the_row() -> None:
    texts = [t["text"] for t in extract_text(_FOLLOW_UP)["tasks"]]
    assert len(texts) == 3 and not any("định mức chi thường xuyên" in text for text in texts)


def test_group_rows_with_the_bodys_name_alone_name_the_rows_leads() -> None:
    text = notice(
        "Qua theo dõi, các nhiệm vụ sau chưa hoàn thành:\n\n"
        + pipes(
            ("Nội dung nhiệm vụ", "Thời hạn theo Thông báo", "Tình hình thực hiện"),
            ("---", "---", "---"),
            ("Sở Công Thương", "", ""),
            ("1. Kiểm tra các cửa hàng xăng dầu ven quốc lộ về phòng cháy", "Trước ngày 30/6/2026", "Chưa có báo cáo"),
            ("Công an tỉnh", "", ""),
            ("2. Tổ chức tuần tra kiểm soát tải trọng xe trên các tuyến đê", "Trước ngày 15/7/2026", "Đang triển khai"),
        ),
        number="318/UBND-KT",
        kind="",
    )
    tasks = extract_text(text)["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Công Thương"], ["Công an tỉnh"]]
    assert [t["deadline"] for t in tasks] == ["2026-06-30", "2026-07-15"]


# --- a press release ----------------------------------------------------------------------------

_RELEASE = notice(
    """Ngày 05/01/2026, Bộ trưởng đã ký ban hành Chỉ thị về bảo đảm cung ứng xăng dầu dịp Tết.
Theo đó, Bộ trưởng yêu cầu:

(1) Cục Quản lý và Phát triển thị trường trong nước theo dõi sát diễn biến cung cầu xăng dầu,
báo cáo Lãnh đạo Bộ trước ngày 20/01/2026.

Thông tin liên hệ:
Văn phòng Bộ Công Thương - Bộ phận Truyền thông
Địa chỉ: 54 Hai Bà Trưng, Hà Nội
Điện thoại: 024.2220.2288
""",
    issuer="BỘ CÔNG THƯƠNG",
    number="12/TCBC-BCT",
    dated="Hà Nội, ngày 06 tháng 01 năm 2026",
    kind="THÔNG CÁO BÁO CHÍ",
    subject="Bộ Công Thương chỉ đạo bảo đảm cung ứng xăng dầu dịp Tết Nguyên đán",
)


def test_a_press_release_has_its_kind_and_headline() -> None:
    document = extract_text(_RELEASE)["document"]
    assert document["doc_type"] == "THÔNG CÁO BÁO CHÍ"
    assert document["title"] == "Bộ Công Thương chỉ đạo bảo đảm cung ứng xăng dầu dịp Tết Nguyên đán"


def test_a_contact_block_is_no_task() -> None:
    tasks = extract_text(_RELEASE)["tasks"]
    assert [t["lead"] for t in tasks] == [["Cục Quản lý và Phát triển thị trường trong nước"]]


# --- short forms a department defines for its units, and its units' long names ------------------

_PLAN = notice(
    """IV. TỔ CHỨC THỰC HIỆN
1. Trung tâm Kiểm soát bệnh tật tỉnh (sau đây gọi tắt là CDC) là đầu mối theo dõi diễn biến dịch.
2. Chi cục Chăn nuôi, Thú y và Thủy sản (sau đây gọi tắt là Chi cục CN, TY&TS) là đơn vị thường trực.
3. Văn phòng Sở chủ trì, phối hợp với Trung tâm Giám định chất lượng công trình (sau đây gọi tắt là
Trung tâm Giám định) kiểm tra các công trình trường học.
4. CDC giám sát ca bệnh tại các xã vùng biên, báo cáo trước ngày 30/5/2026.
5. Chi cục CN, TY&TS tiêm phòng vắc xin cho đàn gia súc trước ngày 30/6/2026.
6. Trung tâm Giám định hoàn thiện hồ sơ năng lực phòng thí nghiệm trước ngày 15/7/2026.
7. Phòng Lao động, Tiền lương và Bảo hiểm xã hội theo dõi tình hình trả lương, thưởng Tết.
""",
    issuer="SỞ Y TẾ\nTỈNH KHÁNH HÒA",
    number="1185/KH-SYT",
    dated="Khánh Hòa, ngày 14 tháng 5 năm 2026",
    kind="KẾ HOẠCH",
    subject="Phòng, chống dịch bệnh năm 2026",
)


def _lead_of(tasks: list[dict], words: str) -> list[str]:
    return next(t["lead"] for t in tasks if words in t["text"])


def test_a_short_form_defined_in_so_many_words_names_the_full_body() -> None:
    tasks = extract_text(_PLAN)["tasks"]
    assert _lead_of(tasks, "giám sát ca bệnh") == ["Trung tâm Kiểm soát bệnh tật tỉnh"]  # capitals only
    assert _lead_of(tasks, "tiêm phòng") == ["Chi cục Chăn nuôi, Thú y và Thủy sản"]  # a comma inside
    # the first words of the full name, defined where a partner is named
    assert _lead_of(tasks, "phòng thí nghiệm") == ["Trung tâm Giám định chất lượng công trình"]
    partners = next(t["coordinators"] for t in tasks if "trường học" in t["text"])
    assert partners == ["Trung tâm Giám định chất lượng công trình"]


def test_a_departments_unit_with_a_comma_in_its_name_is_read_whole() -> None:
    tasks = extract_text(_PLAN)["tasks"]
    assert _lead_of(tasks, "trả lương") == ["Phòng Lao động, Tiền lương và Bảo hiểm xã hội"]


def test_a_long_description_keeps_its_short_name() -> None:
    text = notice(
        """Điều 1. Thành lập Tổ công tác rà soát, tháo gỡ khó khăn, vướng mắc cho các dự án đầu tư ngoài
ngân sách trên địa bàn tỉnh (sau đây gọi tắt là Tổ công tác).
Điều 2. Tổ công tác có nhiệm vụ rà soát các dự án chậm tiến độ, báo cáo UBND tỉnh trước ngày 30/6/2026.
""",
        number="55/QĐ-UBND",
        kind="QUYẾT ĐỊNH",
        subject="Về việc thành lập Tổ công tác",
    )
    assert _lead_of(extract_text(text)["tasks"], "chậm tiến độ") == ["Tổ công tác"]


def test_a_body_set_up_under_a_proper_name_is_named_in_full() -> None:
    text = notice(
        """Điều 1. Thành lập Ban Chỉ đạo Tổng điều tra nông thôn năm 2026 tỉnh (sau đây gọi tắt là Ban Chỉ đạo).
Điều 2. Ban Chỉ đạo có nhiệm vụ chỉ đạo công tác điều tra, báo cáo UBND tỉnh trước ngày 30/9/2026.
""",
        number="56/QĐ-UBND",
        kind="QUYẾT ĐỊNH",
        subject="Về việc thành lập Ban Chỉ đạo",
    )
    lead = _lead_of(extract_text(text)["tasks"], "công tác điều tra")
    assert lead == ["Ban Chỉ đạo Tổng điều tra nông thôn năm 2026 tỉnh"]


# --- a commune's bodies and groups ---------------------------------------------------------------

_COMMUNE = notice(
    """1. Tổ trưởng tổ dân phố, Trưởng Ban công tác Mặt trận khu dân cư lập danh sách hộ có nguy cơ cao.
2. Ban Giám hiệu các trường rà soát cơ sở vật chất trước ngày 20/8/2026.
3. Các trường mầm non, tiểu học trên địa bàn phường tổ chức vệ sinh lớp học hằng tuần.
4. Đoàn Thanh niên phường treo cờ Tổ quốc, băng rôn, khẩu hiệu trên các tuyến phố chính.
""",
    issuer="ỦY BAN NHÂN DÂN\nPHƯỜNG HẠC THÀNH",
    number="45/TB-UBND",
    dated="Hạc Thành, ngày 05 tháng 8 năm 2026",
)


def test_a_communes_bodies_and_groups_are_named_with_their_qualifiers() -> None:
    leads = [t["lead"] for t in extract_text(_COMMUNE)["tasks"]]
    assert leads == [
        ["Tổ trưởng tổ dân phố", "Trưởng Ban công tác Mặt trận khu dân cư"],
        ["Ban Giám hiệu các trường"],
        ["Các trường mầm non, tiểu học trên địa bàn phường"],
        ["Đoàn Thanh niên phường"],  # "treo cờ Tổ quốc" is what it does
    ]


def test_a_party_committees_recipients_under_noi_gui_are_no_tasks() -> None:
    text = notice(
        "1. Ủy ban nhân dân xã chỉ đạo rà soát đất công trước ngày 30/6/2026.",
        issuer="ĐẢNG BỘ TỈNH GIA LAI\nĐẢNG ỦY XÃ IA GRAI",
        number="87-TB/ĐU",
    ).replace("Nơi nhận:", "Nơi gửi:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- UBND xã, UB MTTQ Việt Nam xã,")
    result = extract_text(text)
    assert [t["lead"] for t in result["tasks"]] == [["Ủy ban nhân dân xã"]]
    assert "Ban Thường vụ Tỉnh ủy (b/c)" in " ".join(result["document"]["recipients"])


# --- a People's Council's notices and reports ----------------------------------------------------

_COUNCIL = notice(
    """1. Về kết quả hoạt động tháng 10 năm 2026
Thường trực Hội đồng nhân dân tỉnh ghi nhận các Ban đã hoàn thành chương trình công tác;
Ban Văn hóa - Xã hội tổ chức khảo sát tại 06 xã.
2. Về công tác chuẩn bị kỳ họp
- Các Tổ đại biểu HĐND tỉnh tổ chức tiếp xúc cử tri trước ngày 05/12/2026.
- Ban Kinh tế - Ngân sách chủ trì, phối hợp với Ban Pháp chế thẩm tra dự thảo Nghị quyết về phân cấp nguồn thu.
- Giao Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh chuẩn bị tài liệu phục vụ kỳ họp.
""",
    issuer="HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH BÌNH\nTHƯỜNG TRỰC",
    number="176/TB-TTHĐND",
    dated="Ninh Bình, ngày 13 tháng 11 năm 2026",
    subject="Kết luận phiên họp Thường trực Hội đồng nhân dân tỉnh tháng 11 năm 2026",
)


def test_a_councils_bodies_are_read_whole_and_a_months_results_assign_nothing() -> None:
    tasks = extract_text(_COUNCIL)["tasks"]
    assert [(t["lead"], t["coordinators"]) for t in tasks] == [
        (["Các Tổ đại biểu Hội đồng nhân dân tỉnh"], []),
        (["Ban Kinh tế - Ngân sách"], ["Ban Pháp chế"]),
        (["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"], []),
    ]


def test_a_provinces_report_asks_the_centre_under_its_heading_and_assigns_nothing_there() -> None:
    text = notice(
        """II. KIẾN NGHỊ
1. Đối với Chính phủ, Bộ Giáo dục và Đào tạo
- Đề nghị Chính phủ nghiên cứu điều chỉnh mức hỗ trợ tiền ăn cho học sinh bán trú.
- Nghiên cứu ban hành định mức giáo viên đối với các điểm trường lẻ.
2. Đối với Ủy ban nhân dân tỉnh
Rà soát, bố trí đủ kinh phí thực hiện chính sách hỗ trợ học sinh trước ngày 30/9/2026.
""",
        issuer="HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐẮK LẮK\nBAN VĂN HÓA - XÃ HỘI",
        number="47/BC-VHXH",
        kind="BÁO CÁO",
        subject="Kết quả giám sát việc thực hiện chính sách đối với học sinh bán trú",
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân tỉnh"]]


# --- a ministry's letter: options under an item, whom to call -----------------------------------

_LETTER = (
    "BỘ TÀI CHÍNH\nSố: 3215/BTC-QLCS\nV/v xử lý cơ sở nhà, đất dôi dư sau sắp xếp\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 20 tháng 5 năm 2026\n\n"
    "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\n\n"
    "Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh, thành phố thực hiện một số nội dung sau:\n"
    "1. Rà soát, lập danh sách các cơ sở nhà, đất dôi dư sau sắp xếp, gửi Bộ Tài chính trước ngày 30/6/2026.\n"
    "2. Đối với các cơ sở nhà, đất không còn nhu cầu sử dụng, thực hiện xử lý theo thứ tự ưu tiên sau:\n"
    "+ Điều chuyển cho cơ quan, đơn vị có nhu cầu sử dụng theo tiêu chuẩn, định mức;\n"
    "+ Chuyển giao về địa phương quản lý, xử lý;\n"
    "+ Bán đấu giá công khai theo quy định của pháp luật.\n"
    "Thông tin chi tiết đề nghị liên hệ: Cục Quản lý công sản, Bộ Tài chính (điện thoại 024.2220.8888).\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, QLCS.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Bình\n"
)


def test_the_options_an_item_closes_on_are_its_own_task() -> None:
    texts = [t["text"] for t in extract_text(_LETTER)["tasks"]]
    assert len(texts) == 2
    assert "Bán đấu giá" in texts[1]  # the options are the item's, not tasks of their own


def test_whom_to_call_is_no_task_however_it_is_asked() -> None:
    texts = [t["text"] for t in extract_text(_LETTER)["tasks"]]
    assert not any("liên hệ" in text for text in texts)


# --- proposals in the news; an inspection's recommendations ---------------------------------------

_NEWS = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCổng thông tin điện tử\nTrang chủ / Tin tức / Hoạt động của Lãnh đạo Bộ\n\n"
    "Bộ trưởng kiểm tra công tác phòng, chống hạn mặn tại tỉnh Vĩnh Long\n14/03/2026 19:20\n\n"
    "Ngày 14/3, Bộ trưởng Bộ Nông nghiệp và Môi trường đã kiểm tra công tác phòng, chống hạn mặn tại tỉnh.\n\n"
    "Theo báo cáo của Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long, ranh mặn 4‰ đã vào sâu 55 km. Tỉnh đã"
    " đắp 27 đập tạm ngăn mặn.\n\n"
    "UBND tỉnh Vĩnh Long đề nghị Bộ xem xét, trình Thủ tướng Chính phủ hỗ trợ kinh phí nạo vét kênh trục;"
    " đồng thời đề xuất Bộ sớm triển khai dự án kè chống sạt lở bờ sông.\n\n"
    "Tại buổi làm việc, đại diện Hợp tác xã Long Hồ đề xuất tỉnh hỗ trợ sân phơi; Công ty TNHH Nông sản"
    " Long Hồ kiến nghị tỉnh tạo điều kiện về thủ tục để mở rộng kho chứa.\n\n"
    "Bộ trưởng yêu cầu Cục Thủy lợi theo dõi sát diễn biến xâm nhập mặn, báo cáo Bộ hằng tuần.\n"
)


def test_a_locality_asking_the_ministry_and_a_firm_asking_anyone_propose() -> None:
    tasks = extract_text(_NEWS)["tasks"]
    assert [t["lead"] for t in tasks] == [["Cục Thủy lợi"]]


_INSPECTION = notice(
    """III. KẾT LUẬN
1. Ưu điểm: Ủy ban nhân dân xã cơ bản quan tâm công tác quản lý đất đai, các công trình phát huy hiệu quả.
2. Hạn chế, vi phạm: Ủy ban nhân dân xã cho thuê đất công ích không qua đấu giá, vi phạm quy định.
IV. KIẾN NGHỊ
1. Kiến nghị
a) Chủ tịch Ủy ban nhân dân xã Mỹ Thọ tổ chức kiểm điểm trách nhiệm các cá nhân có liên quan.
b) Phòng Giám sát, kiểm tra và xử lý sau thanh tra theo dõi, đôn đốc việc thực hiện Kết luận này.
""",
    issuer="ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nTHANH TRA TỈNH",
    number="52/KL-TTr",
    dated="Đồng Tháp, ngày 20 tháng 8 năm 2026",
    kind="KẾT LUẬN",
    subject="Thanh tra việc quản lý, sử dụng đất công ích tại xã Mỹ Thọ",
)


def test_an_inspections_recommendations_are_tasks_and_its_findings_are_not() -> None:
    tasks = extract_text(_INSPECTION)["tasks"]
    assert [t["lead"] for t in tasks] == [
        ["Chủ tịch Ủy ban nhân dân xã Mỹ Thọ"],
        ["Phòng Giám sát, kiểm tra và xử lý sau thanh tra"],
    ]


# --- follow-up tables: a group's letter in its own cell, numbered group lines, an annex urged ----

_URGING = notice(
    "Thủ trưởng các cơ quan, đơn vị có tên tại Phụ lục tập trung chỉ đạo, hoàn thành dứt điểm các nhiệm vụ"
    " quá hạn trước ngày 24/4/2026.\n\n"
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ QUÁ HẠN\n"
    + pipes(
        ("STT", "Nội dung nhiệm vụ", "Văn bản giao", "Thời hạn", "Tình trạng"),
        ("A", "Sở Tài chính", "", "", ""),
        ("1", "Tham mưu phân bổ phần vốn đầu tư công còn lại", "Văn bản số 5120/UBND-KT", "31/01/2026", "Quá hạn"),
        ("2", "Thẩm định phương án giá dịch vụ xe ra, vào bến", "Thông báo số 36/TB-UBND", "28/02/2026", "Quá hạn"),
        ("B", "Ủy ban nhân dân các xã: Hàm Yên, Bắc Quang", "", "", ""),
        ("3", "Hoàn thành bàn giao mặt bằng dự án đường cao tốc", "Thông báo số 44/TB-UBND", "30/6/2026", ""),
    ),
    issuer="ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG",
    number="118/TB-UBND",
    dated="Tuyên Quang, ngày 08 tháng 4 năm 2026",
)


def test_an_urging_request_re_dates_the_overdue_rows_of_the_annex_it_points_to() -> None:
    tasks = extract_text(_URGING)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [
        (["Sở Tài chính"], "2026-04-24"),
        (["Sở Tài chính"], "2026-04-24"),
        (["Ủy ban nhân dân xã Hàm Yên", "Ủy ban nhân dân xã Bắc Quang"], "2026-06-30"),  # not overdue
    ]


def test_numbered_group_lines_between_the_rows_of_a_tab_table_name_their_leads() -> None:
    table = (
        "TT\tNội dung nhiệm vụ\tCơ quan phối hợp\tThời hạn\n"
        "1. Sở Tài chính (02 nhiệm vụ)\n"
        "1.1\tTham mưu bố trí vốn đối ứng dự án thoát nước\tSở Xây dựng\t30/6/2026\n"
        "1.2\tThẩm định dự toán mua sắm trang thiết bị\tVăn phòng UBND tỉnh\t31/7/2026\n"
        "2. Công an tỉnh (01 nhiệm vụ)\n"
        "2.1\tĐề xuất giải pháp xử lý các điểm đen tai nạn giao thông\tSở Xây dựng\tTrong tháng 8/2026\n"
    )
    text = notice("Danh mục nhiệm vụ chưa hoàn thành:\n\n" + table, number="418/UBND-TH", kind="")
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["coordinators"], t["deadline"]) for t in tasks] == [
        (["Sở Tài chính"], ["Sở Xây dựng"], "2026-06-30"),
        (["Sở Tài chính"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2026-07-31"),
        (["Công an tỉnh"], ["Sở Xây dựng"], "2026-08-31"),
    ]


def test_a_name_in_lowercase_words_ends_before_the_role_it_is_given() -> None:
    text = notice(
        "1. Phòng An toàn thực phẩm là đầu mối theo dõi, đôn đốc thực hiện Kế hoạch.\n"
        "2. Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm lấy mẫu giám sát tại các chợ đầu mối.\n"
        "3. Chánh Văn phòng HĐND và UBND xã tổ chức trực ban 24/24 giờ.\n"
        "4. Trạm trưởng Trạm Y tế xã chuẩn bị đủ cơ số thuốc, vật tư y tế.\n",
        number="12/KH-SYT",
        kind="KẾ HOẠCH",
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [
        ["Phòng An toàn thực phẩm"],
        ["Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm"],
        ["Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"],
        ["Trạm trưởng Trạm Y tế xã"],
    ]


# --- the ninth session's third round: reports that hand out work, short forms in capitals ----------


def test_a_reports_implementation_section_hands_out_work() -> None:
    text = notice(
        """I. TÌNH HÌNH DỊCH BỆNH
Từ đầu năm, toàn tỉnh ghi nhận 1.240 ca sốt xuất huyết, tăng 18% so với cùng kỳ.
II. ĐỀ XUẤT, KIẾN NGHỊ
Đề nghị Bộ Y tế hỗ trợ hóa chất diệt muỗi cho tỉnh.
III. TỔ CHỨC THỰC HIỆN
1. Trung tâm Kiểm soát bệnh tật tỉnh tăng cường giám sát chủ động tại các ổ dịch cũ, báo cáo hằng tuần.
2. Ủy ban nhân dân các xã, phường tổ chức chiến dịch diệt lăng quăng trước ngày 30/5/2026.
""",
        issuer="SỞ Y TẾ\nTỈNH GIA LAI",
        number="118/BC-SYT",
        dated="Gia Lai, ngày 14 tháng 4 năm 2026",
        kind="BÁO CÁO",
        subject="Tình hình dịch sốt xuất huyết và công tác phòng, chống dịch",
    )
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["deadline"], t["recurrence"]) for t in tasks] == [
        (["Trung tâm Kiểm soát bệnh tật tỉnh"], None, "weekly"),
        (["Ủy ban nhân dân các xã, phường"], "2026-05-30", None),
    ]


def test_a_short_form_in_capitals_names_the_body_written_before_it() -> None:
    text = notice(
        "1. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh (BQLDA tỉnh) lập kế hoạch giải ngân chi tiết.\n"
        "2. BQLDA tỉnh hoàn thiện hồ sơ báo cáo nghiên cứu khả thi trước ngày 30/6/2026.\n"
        "3. Công ty Điện lực An Giang (PC An Giang) bảo đảm cấp điện ổn định cho các công trình.\n"
        "4. Ủy ban nhân dân các xã phối hợp với PC An Giang giải phóng hành lang tuyến điện.\n",
        issuer="ỦY BAN NHÂN DÂN\nTỈNH AN GIANG",
        number="95/TB-UBND",
        dated="An Giang, ngày 20 tháng 6 năm 2026",
    )
    tasks = extract_text(text)["tasks"]
    assert tasks[1]["lead"] == ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]
    assert tasks[3]["coordinators"] == ["Công ty Điện lực An Giang"]


def test_a_group_takes_a_second_tail_after_its_first() -> None:
    text = notice(
        "1. Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn xã tổ chức vệ sinh lớp học.\n",
        issuer="ỦY BAN NHÂN DÂN\nXÃ THANH SƠN",
        number="27/TB-UBND",
        dated="Thanh Sơn, ngày 10 tháng 7 năm 2026",
    )
    leads = [t["lead"] for t in extract_text(text)["tasks"]]
    assert leads == [["Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn xã"]]


def test_a_party_standing_committee_agreeing_with_a_report_gives_no_task() -> None:
    text = notice(
        "1. Sở Tài chính chủ trì rà soát nguồn vốn đầu tư công, báo cáo trước ngày 30/4/2026.\n",
        issuer="ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY",
        number="318-TB/TU",
    )
    text = text.replace(
        "1. Sở Tài chính",
        "Ban Thường vụ Tỉnh ủy cơ bản đồng tình với báo cáo của Đảng ủy Ủy ban nhân dân tỉnh.\n\n1. Sở Tài chính",
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Tài chính"]]


def test_a_team_with_its_member_bodies_listed_after_gom_is_those_bodies() -> None:
    text = notice(
        "1. Tổ công tác giải phóng mặt bằng của tỉnh (gồm: Sở Nông nghiệp và Môi trường, Sở Tài chính,"
        " Sở Xây dựng) họp giao ban hằng tuần để tháo gỡ vướng mắc.\n",
        number="201/TB-UBND",
    )
    leads = [t["lead"] for t in extract_text(text)["tasks"]]
    assert leads == [["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Xây dựng"]]


def test_a_hamlets_head_by_its_name_and_the_heads_of_all_hamlets() -> None:
    text = notice(
        "1. Trưởng xóm Tân Minh phối hợp với Phòng Kinh tế giám sát việc khắc phục ô nhiễm.\n"
        "2. Trưởng các xóm báo cáo tình hình mưa lũ hằng ngày.\n",
        issuer="ỦY BAN NHÂN DÂN\nXÃ MINH HỢP",
        number="112/UBND",
        dated="Minh Hợp, ngày 12 tháng 5 năm 2026",
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Trưởng xóm Tân Minh"], ["Trưởng các xóm"]]
