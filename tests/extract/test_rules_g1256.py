"""Rules added on 2026-12-07 (eighth session), each on a short text written for it. The texts are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

from chidao import extract_text

# --- a group of localities with a qualifier, named with its members, then pointed back to -------

_DISPATCH = (
    "THỦ TƯỚNG CHÍNH PHỦ\n"
    "Số: 71/CĐ-TTg\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 12 tháng 8 năm 2026\n"
    "\n"
    "CÔNG ĐIỆN\n"
    "Về việc ứng phó với áp thấp nhiệt đới và mưa lớn\n"
    "\n"
    "THỦ TƯỚNG CHÍNH PHỦ điện:\n"
    "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển: Thanh Hóa, Nghệ An, Hà Tĩnh;\n"
    "- Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Điện Biên;\n"
    "- Bộ trưởng Bộ Nông nghiệp và Môi trường.\n"
    "\n"
    "Để chủ động ứng phó với áp thấp nhiệt đới, Thủ tướng Chính phủ yêu cầu:\n"
    "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển nêu trên tổ chức kêu gọi tàu thuyền"
    " vào nơi tránh trú an toàn trước 17 giờ ngày 13/8/2026.\n"
    "2. Chủ tịch Ủy ban nhân dân các tỉnh miền núi nêu trên chỉ đạo rà soát các khu dân cư có nguy"
    " cơ sạt lở đất.\n"
    "3. Bộ trưởng Bộ Nông nghiệp và Môi trường theo dõi chặt chẽ diễn biến thời tiết, chỉ đạo công"
    " tác dự báo.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\n\nLê Minh Hòa\n"
)


def test_a_qualified_group_named_with_its_members_is_pointed_back_to() -> None:
    leads = [t["lead"] for t in extract_text(_DISPATCH)["tasks"]]
    assert leads[0] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa",
        "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
        "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
    ]
    # "các tỉnh miền núi nêu trên": the only other group of provinces the dispatch names
    assert leads[1] == ["Chủ tịch Ủy ban nhân dân tỉnh Sơn La", "Chủ tịch Ủy ban nhân dân tỉnh Điện Biên"]


def test_a_qualified_group_with_no_pointer_back_stays_as_written() -> None:
    text = _DISPATCH.replace(
        "2. Chủ tịch Ủy ban nhân dân các tỉnh miền núi nêu trên chỉ đạo",
        "2. Chủ tịch Ủy ban nhân dân các tỉnh miền núi chỉ đạo",
    )
    leads = [t["lead"] for t in extract_text(text)["tasks"]]
    assert leads[1] == ["Chủ tịch Ủy ban nhân dân các tỉnh miền núi"]


# --- a People's Council asks its Committee to direct a department (rule 15) ----------------------

_STANDING = (
    "HỘI ĐỒNG NHÂN DÂN\n"
    "TỈNH NINH BÌNH\n"
    "THƯỜNG TRỰC\n"
    "Số: 41/TB-HĐND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Ninh Bình, ngày 18 tháng 5 năm 2026\n"
    "\n"
    "THÔNG BÁO\n"
    "Kết luận của Thường trực Hội đồng nhân dân tỉnh tại phiên chất vấn tháng 5 năm 2026\n"
    "\n"
    "1. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế chủ trì, phối hợp với Sở Tài chính bảo đảm"
    " thuốc, vật tư y tế cho các trạm y tế xã, hoàn thành trước ngày 30/9/2026.\n"
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chỉ đạo Mặt trận các xã, phường tăng cường"
    " giám sát việc khám, chữa bệnh bảo hiểm y tế.\n"
    "3. Giao Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh theo dõi, tổng hợp kết quả"
    " thực hiện, báo cáo Thường trực Hội đồng nhân dân tỉnh.\n"
    "4. Tổ đại biểu HĐND tỉnh tại xã Gia Viễn giám sát việc giải quyết kiến nghị của cử tri.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. THƯỜNG TRỰC\nCHỦ TỊCH\n\nĐinh Văn Hùng\n"
)


def test_a_standing_committee_notice_asking_the_committee_to_direct_a_department() -> None:
    tasks = [(t["lead"], t["coordinators"], t["deadline"]) for t in extract_text(_STANDING)["tasks"]]
    assert tasks == [
        (["Sở Y tế"], ["Sở Tài chính"], "2026-09-30"),
        # the Front is not overseen by the Council: it answers for its own lower levels
        (["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], [], None),
        (["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"], [], None),
        (["Tổ đại biểu Hội đồng nhân dân tỉnh"], [], None),
    ]


def test_a_department_letter_asking_communes_to_direct_keeps_the_communes_as_lead() -> None:
    text = _STANDING.replace("HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH BÌNH\nTHƯỜNG TRỰC\n", "UBND TỈNH NINH BÌNH\nSỞ Y TẾ\n")
    text = text.replace("Số: 41/TB-HĐND", "Số: 41/TB-SYT").replace(
        "Đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế chủ trì, phối hợp với Sở Tài chính",
        "Đề nghị Ủy ban nhân dân các xã, phường chỉ đạo Trạm Y tế xã",
    )
    assert extract_text(text)["tasks"][0]["lead"] == ["Ủy ban nhân dân các xã, phường"]


# --- a People's Council committee's supervision report: its recommendations go downward --------

_SUPERVISION = (
    "HĐND TỈNH LÂM ĐỒNG\n"
    "BAN VĂN HÓA - XÃ HỘI\n"
    "Số: 27/BC-VHXH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Lâm Đồng, ngày 20 tháng 10 năm 2026\n"
    "\n"
    "BÁO CÁO\n"
    "Kết quả giám sát việc thực hiện chính sách bảo hiểm y tế học sinh\n"
    "\n"
    "I. KẾT QUẢ THỰC HIỆN\n"
    "Tỷ lệ học sinh tham gia bảo hiểm y tế đạt 96,5%; Sở Giáo dục và Đào tạo đã chỉ đạo các trường"
    " tuyên truyền.\n"
    "II. KIẾN NGHỊ\n"
    "1. Đối với Trung ương\n"
    "- Đề nghị Bộ Y tế sớm sửa đổi mức đóng bảo hiểm y tế học sinh.\n"
    "2. Đối với Ủy ban nhân dân tỉnh\n"
    "- Chỉ đạo rà soát, hỗ trợ mức đóng cho học sinh vùng khó khăn, hoàn thành trước ngày 31/12/2026.\n"
    "3. Đối với Sở Giáo dục và Đào tạo\n"
    "- Phối hợp với Bảo hiểm xã hội tỉnh tuyên truyền về quyền lợi bảo hiểm y tế trong năm học.\n"
    "\n"
    "Nơi nhận:\n- Thường trực HĐND tỉnh;\n- Lưu: VT.\nTM. BAN VĂN HÓA - XÃ HỘI\nTRƯỞNG BAN\n\nLê Thị Hoa\n"
)


def test_a_council_supervision_report_gives_its_downward_recommendations_as_tasks() -> None:
    result = extract_text(_SUPERVISION)
    tasks = [(t["lead"], t["coordinators"], t["deadline"]) for t in result["tasks"]]
    assert tasks == [
        (["Ủy ban nhân dân tỉnh"], [], "2026-12-31"),
        (["Sở Giáo dục và Đào tạo"], ["Bảo hiểm xã hội tỉnh"], None),
    ]


def test_a_department_report_proposing_the_same_gives_no_task() -> None:
    text = _SUPERVISION.replace("HĐND TỈNH LÂM ĐỒNG\nBAN VĂN HÓA - XÃ HỘI\n", "UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\n")
    assert extract_text(text)["tasks"] == []


# --- an item that names only its agency, over one dated sentence: that sentence is its task ------

_URGING = (
    "UBND TỈNH HÀ TĨNH\n"
    "VĂN PHÒNG\n"
    "Số: 812/VP-TH\n"
    "V/v đôn đốc các nhiệm vụ quá hạn\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Tĩnh, ngày 10 tháng 11 năm 2026\n"
    "\n"
    "Kính gửi:\n- Sở Y tế;\n- Sở Nội vụ.\n"
    "\n"
    "Văn phòng UBND tỉnh đề nghị các cơ quan khẩn trương hoàn thành các nhiệm vụ quá hạn sau đây:\n"
    "1. Sở Y tế\n"
    "Báo cáo UBND tỉnh tình hình cung ứng thuốc tại các trạm y tế xã (Văn bản số 701/UBND-VX;"
    " thời hạn 30/9/2026). Hoàn thành chậm nhất ngày 25/11/2026.\n"
    "2. Sở Nội vụ\n"
    "Tham mưu phê duyệt vị trí việc làm của các đơn vị sự nghiệp. Hoàn thành trước ngày 30/11/2026.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn An\n"
)


def test_an_item_naming_only_its_agency_keeps_its_dated_sentence_as_its_task() -> None:
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(_URGING)["tasks"]]
    assert tasks == [(["Sở Y tế"], "2026-11-25"), (["Sở Nội vụ"], "2026-11-30")]


# --- a meeting's attendance line is no task, however many clauses it has ------------------------

_SCHEDULE = (
    "UBND TỈNH NGHỆ AN\n"
    "VĂN PHÒNG\n"
    "Số: 15/TB-VPUB\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Nghệ An, ngày 05 tháng 01 năm 2026\n"
    "\n"
    "THÔNG BÁO\n"
    "Lịch họp chuyên đề của Thường trực UBND tỉnh tháng 01 năm 2026\n"
    "\n"
    "1. Họp về tiến độ giải ngân vốn đầu tư công\n"
    "- Thời gian: 14 giờ 00, ngày 20/01/2026.\n"
    "- Thành phần: Giám đốc các sở: Tài chính, Xây dựng; các chủ đầu tư có kế hoạch vốn lớn;"
    " Chủ tịch UBND các xã, phường (tại điểm cầu địa phương).\n"
    "Giao Sở Tài chính chuẩn bị báo cáo, gửi Văn phòng UBND tỉnh trước ngày 16/01/2026.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHÁNH VĂN PHÒNG\n\nPhan Văn Bình\n"
)


def test_an_attendance_line_is_no_task_and_the_line_after_it_is_read() -> None:
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(_SCHEDULE)["tasks"]]
    assert tasks == [(["Sở Tài chính"], "2026-01-16")]


# --- a time line that is a range of months, the first with its own year ------------------------

_PLAN = (
    "UBND TỈNH VĨNH LONG\n"
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
    "Số: 77/KH-SNNMT\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Vĩnh Long, ngày 15 tháng 11 năm 2026\n"
    "\n"
    "KẾ HOẠCH\n"
    "Phòng, chống hạn hán, xâm nhập mặn mùa khô 2026 - 2027\n"
    "\n"
    "1. Hướng dẫn nông dân tích trữ nước ngọt bằng ao, mương, túi nhựa chuyên dụng.\n"
    "Đơn vị chủ trì: Chi cục Thủy lợi. Thời gian thực hiện: tháng 12/2026 - tháng 4/2027.\n"
    "2. Theo dõi sinh vật gây hại trên cây trồng trong điều kiện khô hạn.\n"
    "Đơn vị chủ trì: Trung tâm Khuyến nông. Thời gian thực hiện: Tháng 01 - 3/2027.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nLê Văn Tâm\n"
)


def test_a_time_line_ranging_over_months_is_due_at_the_last_month_end() -> None:
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(_PLAN)["tasks"]]
    assert tasks == [(["Chi cục Thủy lợi"], "2027-04-30"), (["Trung tâm Khuyến nông"], "2027-03-31")]


# --- a table flattened to labelled cells: the partners' cell repeats its label -------------------

_LABELLED_ROWS = (
    "UBND TỈNH THÁI NGUYÊN\n"
    "Số: 1274/UBND-NC\n"
    "V/v nâng cao Chỉ số cải cách hành chính\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Thái Nguyên, ngày 12 tháng 3 năm 2026\n"
    "\n"
    "Kính gửi: Các sở, ban, ngành tỉnh.\n"
    "\n"
    "Các cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n\nTrịnh Việt Hùng\n"
    "\n"
    "PHỤ LỤC\n"
    "STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời hạn\n"
    "STT: 1 | Nội dung: Tổ chức điều tra xã hội học đo lường sự hài lòng | Chủ trì: Sở Nội vụ |"
    " Phối hợp: Văn phòng UBND tỉnh; Thanh tra tỉnh | Thời hạn: Quý III/2026\n"
    "STT: 2 | Nội dung: Nâng tỷ lệ hồ sơ trực tuyến toàn trình | Chủ trì: Sở Nội vụ |"
    " Phối hợp: Sở Khoa học và Công nghệ | Thời hạn: Trong năm 2026\n"
)


def test_a_partners_cell_that_repeats_its_label_gives_every_partner() -> None:
    tasks = [(t["coordinators"], t["deadline"]) for t in extract_text(_LABELLED_ROWS)["tasks"]]
    assert (["Văn phòng Ủy ban nhân dân tỉnh", "Thanh tra tỉnh"], "2026-09-30") in tasks
    assert (["Sở Khoa học và Công nghệ"], "2026-12-31") in tasks


# --- a heading line that names a group with what qualifies it ------------------------------------

_QUALIFIED = (
    "UBND TỈNH GIA LAI\n"
    "Số: 15/CT-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Gia Lai, ngày 10 tháng 12 năm 2026\n"
    "\n"
    "CHỈ THỊ\n"
    "Về tăng cường phòng cháy, chữa cháy rừng mùa khô 2026 - 2027\n"
    "\n"
    "1. Các chủ rừng là tổ chức trên địa bàn tỉnh:\n"
    "- Xây dựng phương án phòng cháy, chữa cháy rừng của đơn vị, hoàn thành trước ngày 31/12/2026.\n"
    "- Bố trí lực lượng trực 24/24 giờ trên các chòi canh lửa.\n"
    "2. UBND các xã, phường có trách nhiệm:\n"
    "- Kiểm tra việc sử dụng lửa trong rừng và ven rừng.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n\nTrương Hải Long\n"
)


def test_a_heading_naming_a_qualified_group_gives_the_whole_group_as_lead() -> None:
    leads = [t["lead"] for t in extract_text(_QUALIFIED)["tasks"]]
    assert leads == [
        ["Các chủ rừng là tổ chức trên địa bàn tỉnh"],
        ["Các chủ rừng là tổ chức trên địa bàn tỉnh"],
        ["Ủy ban nhân dân các xã, phường"],  # "có trách nhiệm" states the duty, no qualifier
    ]


# --- a school's own bodies as headings -----------------------------------------------------------


def test_a_schools_own_bodies_lead_the_items_under_them() -> None:
    text = (
        "SỞ GD&ĐT QUẢNG TRỊ\nTRƯỜNG THPT CỒN TIÊN\nSố: 45/KH-THPTCT\n"
        "Quảng Trị, ngày 15 tháng 9 năm 2025\n\nKẾ HOẠCH\nNhiệm vụ năm học 2025 - 2026\n\n"
        "1. Đoàn trường\n- Duy trì đội Thanh niên tình nguyện trực cổng trường.\n"
        "2. Ban Giám hiệu\n- Kiểm tra hồ sơ chuyên môn của giáo viên, hoàn thành trước ngày 30/10/2025.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nHIỆU TRƯỞNG\n\nNguyễn Văn Hùng\n"
    )
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Đoàn trường"], None), (["Ban Giám hiệu"], "2025-10-30")]


# --- the Front's member organizations, by their short and their lowercase names -----------------


def test_the_fronts_member_organizations_are_named_in_full() -> None:
    text = (
        "HỘI LHPN TỈNH ĐỒNG THÁP\nSố: 71/TB-HPN\nĐồng Tháp, ngày 10 tháng 10 năm 2025\n\nTHÔNG BÁO\n"
        "Kết luận hội nghị giao ban quý III\n\n"
        "1. Hội LHPN các xã, phường cập nhật đầy đủ biến động hội viên.\n"
        "2. Hội Chữ thập đỏ các xã vận động hiến máu tình nguyện.\n"
        "3. Hội CCB xã Tân Hồng vận động hội viên tham gia bảo vệ môi trường.\n"
        "\nNơi nhận:\n- Như trên;\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nPhạm Thị Loan\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [
        ["Hội Liên hiệp Phụ nữ các xã, phường"],
        ["Hội Chữ thập đỏ các xã"],
        ["Hội Cựu chiến binh xã Tân Hồng"],
    ]


# --- a row of an urging letter's list whose remarks say it is done is no task --------------------


def test_a_row_noted_as_done_is_no_task() -> None:
    text = (
        "UBND TỈNH GIA LAI\nSố: 5127/UBND-TH\nV/v đôn đốc nhiệm vụ quá hạn\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nGia Lai, ngày 10 tháng 11 năm 2026\n\n"
        "Kính gửi: Các sở, ngành.\n\nCác cơ quan hoàn thành các nhiệm vụ tại Phụ lục.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n\nTrương Đình Nghĩa\n\n"
        "PHỤ LỤC\n"
        "STT | Nội dung nhiệm vụ | Cơ quan phối hợp | Thời hạn | Ghi chú\n"
        "I. SỞ XÂY DỰNG\n"
        "1 | Trình phê duyệt điều chỉnh quy hoạch chung đô thị | Sở Tài chính | 30/11/2026 |\n"
        "2 | Tham mưu tháo gỡ vướng mắc về nguồn vật liệu đắp nền | Sở Nông nghiệp và Môi trường | 31/10/2026"
        " | Đã hoàn thành (Báo cáo số 612/BC-SXD)\n"
        "II. SỞ Y TẾ\n"
        "3 | Báo cáo tình hình cung ứng thuốc tại các bệnh viện | Bảo hiểm xã hội tỉnh | 15/12/2026 |\n"
    )
    tasks = extract_text(text)["tasks"]
    rows = [(t["lead"], t["deadline"]) for t in tasks if t["text"].startswith(("1 |", "2 |", "3 |"))]
    assert rows == [(["Sở Xây dựng"], "2026-11-30"), (["Sở Y tế"], "2026-12-15")]


# --- an annex whose title follows "PHỤ LỤC:" on the same line ------------------------------------


def test_an_annex_titled_after_a_colon_is_read() -> None:
    text = (
        "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 4870/KH-CT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 10 tháng 12 năm 2025\n\nKẾ HOẠCH\nChuyển đổi phương pháp quản lý thuế hộ kinh doanh\n\n"
        "Danh mục nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n\nLương Quốc Tuấn\n\n"
        "PHỤ LỤC: DANH MỤC NHIỆM VỤ\n\n"
        "1. Tổ chức hội nghị đối thoại, tập huấn kê khai thuế cho hộ kinh doanh\n"
        "- Đơn vị chủ trì: Thuế cơ sở\n"
        "- Thời gian hoàn thành: Tháng 01/2026\n"
    )
    assert [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]] == [(["Thuế cơ sở"], "2026-01-31")]


def test_the_tax_offices_as_a_group_head_their_items() -> None:
    text = (
        "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 4871/CT-QLHKD\nHà Nội, ngày 10 tháng 12 năm 2025\n\n"
        "Kính gửi: Thuế các tỉnh, thành phố.\n\n"
        "1. Thuế các tỉnh, thành phố:\na) Xây dựng kế hoạch chuyển đổi chi tiết của đơn vị.\n"
        "b) Báo cáo tiến độ vào 16 giờ thứ Sáu hằng tuần.\n"
        "2. Thuế tỉnh Khánh Hòa phối hợp với Thuế cơ sở 1 rà soát hộ kinh doanh.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCỤC TRƯỞNG\n\nMai Xuân Thành\n"
    )
    tasks = [(t["lead"], t["coordinators"], t["recurrence"]) for t in extract_text(text)["tasks"]]
    assert tasks == [
        (["Thuế các tỉnh, thành phố"], [], None),
        (["Thuế các tỉnh, thành phố"], [], "weekly"),
        (["Thuế tỉnh Khánh Hòa"], ["Thuế cơ sở 1"], None),
    ]


def test_a_council_supervision_conclusion_reads_its_recommendations_too() -> None:
    text = _SUPERVISION.replace("BÁO CÁO\n", "KẾT LUẬN\n").replace("Số: 27/BC-VHXH", "Số: 27/KL-VHXH")
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Ủy ban nhân dân tỉnh"], "2026-12-31"), (["Sở Giáo dục và Đào tạo"], None)]


def test_a_settlements_head_is_named_with_its_number() -> None:
    text = (
        "UBND XÃ NAM CÁT TIÊN\nSố: 12/UBND-KT\nNam Cát Tiên, ngày 10 tháng 3 năm 2026\n\n"
        "1. Phòng Kinh tế phối hợp với Trưởng ấp 3, Trưởng ấp 7 vận động các hộ tháo dỡ công trình.\n"
        "2. Trưởng ấp 5 rà soát các hộ nghèo.\n"
        "\nNơi nhận:\n- Như trên;\nCHỦ TỊCH\n\nTrần Văn An\n"
    )
    tasks = [(t["lead"], t["coordinators"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Phòng Kinh tế"], ["Trưởng ấp 3", "Trưởng ấp 7"]), (["Trưởng ấp 5"], [])]


# --- a division named in full once, then by the short form the text defines ----------------------


def test_a_short_form_defined_after_a_long_name_stands_for_the_whole_name() -> None:
    text = (
        "UBND TỈNH ĐỒNG THÁP\nSỞ Y TẾ\nSố: 412/KH-SYT\nĐồng Tháp, ngày 10 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nBảo vệ trẻ em năm 2026\n\n"
        "1. Tham mưu Sở Y tế trình UBND tỉnh ban hành Kế hoạch thực hiện Chương trình bảo vệ trẻ em.\n"
        "- Đơn vị chủ trì: Chi cục Dân số - Trẻ em và phòng, chống tệ nạn xã hội (sau đây viết tắt là"
        " Chi cục DS-TE&PCTNXH).\n"
        "2. Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm 2026.\n"
        "- Đơn vị chủ trì: Chi cục DS-TE&PCTNXH.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nLê Văn Hòa\n"
    )
    full = "Chi cục Dân số - Trẻ em và phòng, chống tệ nạn xã hội"
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [[full], [full]]


def test_a_short_form_defined_across_a_line_break() -> None:
    text = (
        "UBND THÀNH PHỐ HẢI PHÒNG\nSỞ NỘI VỤ\nSố: 35/KH-SNV\nHải Phòng, ngày 12 tháng 1 năm 2026\n\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2026\n\n"
        "1. Chủ trì, phối hợp với Phòng Cải cách hành chính, văn thư, lưu trữ (sau đây\n"
        "viết tắt là Phòng CCHC-VTLT) rà soát danh mục thủ tục hành chính.\n"
        "- Đơn vị chủ trì: Văn phòng Sở.\n"
        "2. Phòng CCHC-VTLT xây dựng Bộ tiêu chí xác định Chỉ số cải cách hành chính năm 2026.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nPhạm Văn Lập\n"
    )
    tasks = [(t["lead"], t["coordinators"]) for t in extract_text(text)["tasks"]]
    full = "Phòng Cải cách hành chính, văn thư, lưu trữ"
    assert tasks == [(["Văn phòng Sở"], [full]), ([full], [])]


def test_a_note_of_short_forms_written_short_form_first() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ XÂY DỰNG\nSố: 96/KH-SXD\nLâm Đồng, ngày 15 tháng 1 năm 2026\n\n"
        "KẾ HOẠCH\nNhiệm vụ trọng tâm năm 2026\n\n"
        "Ghi chú viết tắt: Phòng QHKT - Phòng Quy hoạch - Kiến trúc; Phòng PTĐT - Phòng Phát triển đô thị.\n\n"
        "1. Phòng QHKT rà soát, tham mưu điều chỉnh Quy chế quản lý kiến trúc đô thị, hoàn thành trong quý II/2026.\n"
        "2. Phòng PTĐT xây dựng Chương trình phát triển đô thị tỉnh giai đoạn 2026 - 2030.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nNguyễn Văn Sơn\n"
    )
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Phòng Quy hoạch - Kiến trúc"], "2026-06-30"), (["Phòng Phát triển đô thị"], None)]
