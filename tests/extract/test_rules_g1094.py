"""Rules added on 2026-12-07 (seventh session), each on a short text written for it. The texts are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text

# --- a unit's name that runs on in lowercase over "và", closed by its role ----------------------


def test_a_lowercase_name_joined_by_and_runs_to_the_role_that_closes_it() -> None:
    body = (
        "1. Giao Phòng Quản lý giá và thị trường bất động sản chủ trì, phối hợp với Thanh tra Sở rà soát"
        " các dự án nhà ở thương mại, báo cáo trước ngày 15/3/2026.\n"
        "2. Giao Sở Xây dựng và các đơn vị liên quan rà soát quy hoạch chung đô thị.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Quản lý giá và thị trường bất động sản"], ["Thanh tra Sở"], "2026-03-15", None),
        (["Sở Xây dựng", "Các đơn vị liên quan"], [], None, None),
    ]


# --- a notice that only informs: its closing asks nothing (g1122) -------------------------------

_MOVE = (
    "1. Kể từ ngày 01/8/2026, Trung tâm Phát triển quỹ đất tỉnh chuyển về làm việc tại trụ sở mới:"
    " số 12 đường Trần Phú, phường Hải Châu.\n"
    "2. Trong thời gian chuyển trụ sở, từ ngày 28/7/2026 đến hết ngày 31/7/2026, Trung tâm tạm ngừng"
    " tiếp nhận hồ sơ trực tiếp; hồ sơ trực tuyến vẫn được tiếp nhận bình thường.\n"
)


_LETTER = (
    "UBND TỈNH BẮC NINH\n"
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
    "Số: 512/SNNMT-VP\n"
    "V/v thông báo địa điểm làm việc mới\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Bắc Ninh, ngày 06 tháng 7 năm 2026\n"
    "\n"
    "Kính gửi:\n"
    "- Các sở, ban, ngành tỉnh;\n"
    "- Ủy ban nhân dân các xã, phường.\n"
    "\n"
)


def _letter(body: str) -> dict:
    return extract_text(_LETTER + body + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nTrần Văn Bình\n")


def test_a_notice_closing_only_to_inform_gives_no_task() -> None:
    closing = (
        "Sở Nông nghiệp và Môi trường trân trọng thông báo để Quý cơ quan, đơn vị biết, thuận tiện liên hệ"
        " công tác./.\n"
    )
    result = _letter(_MOVE + closing)
    assert result["tasks"] == [] and result["document"]["is_directive"] is False


def test_a_closing_that_asks_to_act_or_a_body_that_asks_keeps_the_tasks() -> None:
    acting = (
        "3. Ủy ban nhân dân các xã, phường niêm yết địa chỉ mới tại bộ phận một cửa trước ngày 05/8/2026.\n"
        "Sở Nông nghiệp và Môi trường thông báo để các cơ quan, đơn vị biết, thực hiện./.\n"
    )
    asked = (
        "3. Đề nghị Ủy ban nhân dân các xã, phường niêm yết địa chỉ mới tại bộ phận một cửa trước ngày 05/8/2026.\n"
        "Sở Nông nghiệp và Môi trường trân trọng thông báo để Quý cơ quan, đơn vị biết./.\n"
    )
    assert "2026-08-05" in [t["deadline"] for t in _letter(_MOVE + acting)["tasks"]]
    assert "2026-08-05" in [t["deadline"] for t in _letter(_MOVE + asked)["tasks"]]


def test_a_notice_with_a_part_setting_out_who_does_what_keeps_its_tasks() -> None:
    # "Lịch tiếp công dân" closes "để Nhân dân biết, liên hệ./." yet its "TỔ CHỨC THỰC HIỆN" part
    # gives the ward's offices their duties (genre g1133)
    body = (
        "I. LỊCH TIẾP CÔNG DÂN\n"
        "Chủ tịch Ủy ban nhân dân phường tiếp công dân vào ngày 15 hằng tháng tại Trụ sở tiếp công dân.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng HĐND và UBND phường niêm yết công khai Thông báo này trước ngày 20/7/2026.\n"
        "Ủy ban nhân dân phường thông báo để Nhân dân, cơ quan, tổ chức trên địa bàn phường biết, liên hệ./.\n"
    )
    assert "2026-07-20" in [t["deadline"] for t in _letter(body)["tasks"]]


# --- a tab table of drafts to submit, its merged cells left blank (g1137) ----------------------


def test_a_list_of_drafts_with_merged_cells_left_blank() -> None:
    # "Tên đề án, văn bản" is the work; the copy dropped each line's trailing tabs (blank last
    # cells); a blank lead or "Cấp trình" cell is merged with the one above, and so is the blank
    # time cell beside it; a blank time cell alone means no deadline.
    table = (
        "TT\tTên đề án, văn bản\tCấp trình\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian trình\n"
        "1\tNghị quyết quy định mức chi hỗ trợ lực lượng bảo vệ an ninh cơ sở\tHĐND tỉnh\tCông an tỉnh"
        "\tSở Tài chính\tTháng 8/2026\n"
        "2\tNghị quyết quy định chính sách hỗ trợ liên kết sản xuất\t\tSở Nông nghiệp và Môi trường\tSở Công Thương\n"
        "3\tNghị quyết quy định mức thu phí tham quan khu di tích\t\tSở Văn hóa, Thể thao và Du lịch\tSở Tư pháp\n"
        "II\tVăn bản trình Ủy ban nhân dân tỉnh\n"
        "4\tQuyết định ban hành quy chế quản lý cụm công nghiệp\tUBND tỉnh\tSở Công Thương\tSở Xây dựng\tQuý IV/2026\n"
        "5\tKế hoạch phát triển thương mại điện tử\tUBND tỉnh\tSở Công Thương\tSở Tài chính\n"
    )
    assert _tasks(_notice(table, kind="QĐ", title="QUYẾT ĐỊNH", subject="Ban hành Danh mục đề án năm 2026")) == [
        (["Công an tỉnh"], ["Sở Tài chính"], "2026-08-31", None),
        (["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương"], "2026-08-31", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tư pháp"], "2026-08-31", None),
        (["Sở Công Thương"], ["Sở Xây dựng"], "2026-12-31", None),
        (["Sở Công Thương"], ["Sở Tài chính"], None, None),
    ]


# --- a table copied one cell per line from a PDF with narrow columns (g1138) --------------------


def test_narrow_cells_wrapped_over_lines_and_a_page_turn() -> None:
    # Each cell wraps over several lines; a period's unit, a preposition, a body's head word or a
    # dash at a line's end goes on on the next line; "Nhóm nhiệm vụ 2: ..." titles the rows under
    # it; the page's rule, its number and the header wrapped again on the next page are no row.
    header = "STT\nNội dung nhiệm vụ\nThời gian\nthực hiện\nĐơn vị chủ trì\nĐơn vị phối hợp\n"
    table = (
        header + "Nhóm nhiệm vụ 1: Giám sát dịch bệnh\n"
        "1\nTổ chức giám sát chủ động vi rút cúm gia\ncầm tại các chợ đầu mối\nQuý II và Quý\nIV/2026\n"
        "Chi cục Chăn\nnuôi và Thú y\nUBND các xã,\nphường; Trạm\nThú y khu vực\n"
        "Nhóm nhiệm vụ 2: Tiêm phòng\n"
        "2\nTổ chức tiêm phòng đợt 1 cho đàn vật nuôi\nHằng năm, cao\nđiểm trước\nTết Nguyên đán\n"
        "Phòng Kế hoạch\n- Tài chính\nHải quan cửa\nkhẩu Hữu Nghị\n"
        "\n______________________________\nTrang 3/6\n"
        + header
        + "3\nTổ chức tiêm phòng đợt 2 cho gia súc\nTháng 4 -\n5/2026\n"
        "Trung tâm\nKhuyến nông\nChi cục Chăn\nnuôi và Thú y\n"
    )
    tasks = _tasks(_notice(table, kind="KH", title="KẾ HOẠCH", subject="Phòng, chống dịch bệnh động vật năm 2026"))
    assert [(lead, partners, deadline) for lead, partners, deadline, _ in tasks] == [
        (["Chi cục Chăn nuôi và Thú y"], ["Ủy ban nhân dân các xã, phường", "Trạm Thú y khu vực"], "2026-06-30"),
        (["Phòng Kế hoạch - Tài chính"], ["Hải quan cửa khẩu Hữu Nghị"], None),
        (["Trung tâm Khuyến nông"], ["Chi cục Chăn nuôi và Thú y"], "2026-05-31"),
    ]


# --- a project's record and its investor; a body named with its role over its duties (g1191-g1192)


def test_a_project_decision_names_its_investor_in_its_record() -> None:
    body = (
        "Điều 1. Phê duyệt dự án đầu tư xây dựng kè chống sạt lở bờ suối Ngòi Lanh với các nội dung sau:\n"
        "1. Chủ đầu tư: Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp tỉnh.\n"
        "2. Địa điểm xây dựng: xã Khe Lánh.\n"
        "3. Hình thức tổ chức quản lý dự án: Chủ đầu tư trực tiếp quản lý dự án.\n"
        "Điều 2. Tổ chức thực hiện\n"
        "1. Chủ đầu tư có trách nhiệm tổ chức lựa chọn nhà thầu theo quy định, hoàn thành trong quý III/2026.\n"
    )
    result = _notice(body, kind="QĐ", title="QUYẾT ĐỊNH", subject="Phê duyệt dự án kè suối Ngòi Lanh")
    assert _tasks(result) == [
        (["Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp tỉnh"], [], "2026-09-30", None)
    ]


def test_a_body_named_with_its_role_over_its_duties_leads_them() -> None:
    body = (
        "Điều 4. Cơ quan thường trực và Tổ giúp việc\n"
        "1. Sở Nông nghiệp và Môi trường là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:\n"
        "a) Tham mưu Trưởng ban ban hành kế hoạch hoạt động trong tháng 9/2026.\n"
        "b) Tổng hợp, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng quý.\n"
    )
    result = _notice(body, kind="QĐ", title="QUYẾT ĐỊNH", subject="Thành lập Ban Chỉ đạo các Chương trình")
    assert _tasks(result) == [
        (["Sở Nông nghiệp và Môi trường"], [], "2026-09-30", None),
        (["Sở Nông nghiệp và Môi trường"], [], None, "quarterly"),
    ]


# --- a unit's name given by a heading line, with a comma, a role in brackets or a verb's word (g1209)


def test_a_heading_that_names_a_unit_gives_its_whole_name() -> None:
    body = (
        "1. Phòng Xây dựng chính quyền và công tác thanh niên (đơn vị đầu mối)\n"
        "- Chủ trì khảo sát thực trạng đội ngũ công chức cấp xã, hoàn thành trong tháng 8/2026.\n"
        "2. Phòng Cải cách hành chính và Văn thư, lưu trữ\n"
        "- Kiểm tra công tác văn thư tại cấp xã trong quý IV/2026.\n"
        "3. Các xã, phường báo cáo kết quả về Phòng Xây dựng chính quyền và công tác thanh niên hằng quý.\n"
    )
    leads = [
        lead for lead, _, _, _ in _tasks(_notice(body, kind="KH", title="KẾ HOẠCH", subject="Bồi dưỡng công chức"))
    ]
    assert leads[:2] == [
        ["Phòng Xây dựng chính quyền và công tác thanh niên"],
        ["Phòng Cải cách hành chính và Văn thư, lưu trữ"],
    ]


def test_a_target_before_a_lead_in_dates_none_of_the_items() -> None:
    # "Mục tiêu ... trong quý I/2027. Để bảo đảm mục tiêu trên, yêu cầu ...:" leads in; its target's
    # quarter is no deadline of the items under it (genre g1205)
    body = (
        "1. Dự án đã hoàn thành 60% khối lượng xây dựng.\n"
        "Mục tiêu đặt ra là đưa Trung tâm vào hoạt động trong quý I/2027. Để bảo đảm mục tiêu trên, yêu cầu"
        " các cơ quan, đơn vị thực hiện các nhiệm vụ sau:\n"
        "2. Sở Xây dựng thẩm định hồ sơ điều chỉnh thiết kế ngay sau khi nhận đủ hồ sơ.\n"
        "3. Sở Tài chính bố trí vốn cho dự án trước ngày 30/9/2026.\n"
    )
    tasks = _tasks(_notice(body))
    assert (["Sở Xây dựng"], [], None, None) in tasks and (["Sở Tài chính"], [], "2026-09-30", None) in tasks


def test_what_is_asked_for_the_coming_period_is_no_section_of_targets() -> None:
    # "II. YÊU CẦU TRONG THỜI GIAN TỚI" over "1. Đối với Giám đốc Sở ..." (genre g1228); the closing
    # "... nghiêm túc triển khai thực hiện và báo cáo theo yêu cầu./." is no task
    body = (
        "I. ĐÁNH GIÁ CHUNG\nPhiên chất vấn diễn ra nghiêm túc, thẳng thắn.\n"
        "II. YÊU CẦU TRONG THỜI GIAN TỚI\n"
        "1. Đối với Giám đốc Sở Y tế\n"
        "a) Tăng cường kiểm tra đột xuất bếp ăn tập thể tại trường học trong tháng 11/2026.\n"
        "Đề nghị các cơ quan, đơn vị nêu trên nghiêm túc triển khai thực hiện và báo cáo theo yêu cầu./.\n"
    )
    assert _tasks(_notice(body)) == [(["Giám đốc Sở Y tế"], [], "2026-11-30", None)]


def test_what_a_report_must_make_clear_and_whom_to_call_are_no_tasks() -> None:
    body = (
        "Giao Sở Nông nghiệp và Môi trường:\n"
        "1. Chỉ đạo các cơ quan chức năng kiểm tra, xác minh nội dung báo chí phản ánh và báo cáo Bộ Nông"
        " nghiệp và Môi trường trước ngày 30/9/2026, trong đó làm rõ các nội dung sau:\n"
        "a) Tình hình cấp phép khai thác cát, sỏi lòng sông trên địa bàn;\n"
        "b) Các hành vi vi phạm đã được phát hiện và kết quả xử lý.\n"
        "Thông tin chi tiết xin liên hệ: Cục Địa chất và Khoáng sản Việt Nam (đồng chí Vũ Đình Khải).\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Nông nghiệp và Môi trường"], [], "2026-09-30", None)]


def test_the_period_of_the_work_in_a_lead_in_is_no_deadline() -> None:
    # "... các nhiệm vụ, giải pháp trong quý IV, trong đó lưu ý một số nội dung sau:" (genre g1206)
    body = (
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương triển khai quyết liệt các nhiệm vụ, giải pháp"
        " trong quý IV, trong đó lưu ý một số nội dung sau:\n"
        "1. Sở Công Thương đôn đốc các nhà đầu tư dự án điện gió đẩy nhanh tiến độ.\n"
        "2. Sở Tài chính tham mưu bố trí vốn trước ngày 15/11/2026.\n"
    )
    assert [deadline for _, _, deadline, _ in _tasks(_notice(body))] == [None, "2026-11-15"]


def test_a_plans_time_frame_running_to_the_end_of_a_month_dates_its_tasks() -> None:
    # "III. THỜI GIAN THỰC HIỆN" / "Từ tháng 4/2026 đến hết tháng 12/2026." (genre g1209)
    body = (
        "I. MỤC ĐÍCH\nNâng cao chất lượng đội ngũ công chức cấp xã.\n"
        "II. THỜI GIAN THỰC HIỆN\nTừ tháng 4/2026 đến hết tháng 12/2026.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí bồi dưỡng.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Bồi dưỡng công chức cấp xã năm 2026", intro="")
    assert _tasks(result) == [(["Sở Tài chính"], [], "2026-12-31", None)]


def test_the_2025_ministries_departments_are_known_by_name() -> None:
    body = (
        "1. Cục Chuyển đổi số quốc gia là đầu mối giúp Bộ trưởng theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
        "2. Cục Chất lượng, Chế biến và Phát triển thị trường chủ trì xây dựng cơ sở dữ liệu truy xuất nguồn gốc.\n"
    )
    assert [lead for lead, _, _, _ in _tasks(_notice(body))] == [
        ["Cục Chuyển đổi số quốc gia"],
        ["Cục Chất lượng, Chế biến và Phát triển thị trường"],
    ]


def test_a_communes_offices_by_their_short_names() -> None:
    body = (
        "1. Phòng KT, HT&ĐT chủ trì, phối hợp với Công an phường rà soát các điểm lấn chiếm vỉa hè.\n"
        "2. Giao Phòng VH-XH tổ chức tuyên truyền trên hệ thống loa truyền thanh.\n"
    )
    assert [lead for lead, _, _, _ in _tasks(_notice(body))] == [
        ["Phòng Kinh tế, Hạ tầng và Đô thị"],
        ["Phòng Văn hóa - Xã hội"],
    ]


def test_investors_told_apart_by_what_they_have() -> None:
    body = "1. Các chủ đầu tư có dự án khởi công mới khẩn trương hoàn thiện hồ sơ thiết kế trước ngày 30/9/2026.\n"
    assert _tasks(_notice(body)) == [(["Các chủ đầu tư có dự án khởi công mới"], [], "2026-09-30", None)]


def test_a_tab_table_with_its_lead_first_and_merged_lead_cells() -> None:
    # The lead cell, merged down, is blank on the later rows and the copy dropped the tab that kept
    # it; a later row blank in both lead and partners but dated is a task, no group (genre g1181)
    table = (
        "Cơ quan chủ trì\tNội dung nhiệm vụ\tCơ quan phối hợp\tThời hạn hoàn thành\n"
        "Sở Y tế\tThành lập 03 đoàn kiểm tra liên ngành về an toàn thực phẩm\tCông an tỉnh\tTrước 20/12/2026\n"
        "\tTổ chức Lễ phát động Tháng hành động\tSở Văn hóa, Thể thao và Du lịch\tNgày 18/12/2026\n"
        "\tTổng hợp kết quả Tháng hành động, báo cáo Ủy ban nhân dân tỉnh\t\tTrước 20/3/2027\n"
        "Sở Công Thương\tKiểm tra, xử lý hàng giả, thực phẩm không rõ nguồn gốc\tCông an tỉnh\tThường xuyên\n"
    )
    assert _tasks(_notice(table, kind="KH", title="KẾ HOẠCH", subject="Bảo đảm an toàn thực phẩm dịp Tết")) == [
        (["Sở Y tế"], ["Công an tỉnh"], "2026-12-20", None),
        (["Sở Y tế"], ["Sở Văn hóa, Thể thao và Du lịch"], "2026-12-18", None),
        (["Sở Y tế"], [], "2027-03-20", None),
        (["Sở Công Thương"], ["Công an tỉnh"], None, None),
    ]
