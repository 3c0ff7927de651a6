"""Rules added on 2026-12-07 (sixth session) from the batches g950-g985, each on a short text
written for it. The texts are invented and share no text with the measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks

PLAN = "Kế hoạch này được xây dựng trên cơ sở kết quả phòng, chống dịch bệnh năm 2025."


def _plan(table: str, before: str = PLAN) -> dict:
    return _notice(
        before + "\n\n" + table, kind="KH", title="KẾ HOẠCH", subject="Phòng, chống dịch bệnh năm 2026", intro=""
    )


# --- pipe tables whose lead is given once for the rows under it (g966) ----------------------


def test_a_pipe_row_with_a_blank_first_cell_is_a_row_of_its_own() -> None:
    table = (
        "Đơn vị chủ trì | TT | Nội dung | Đơn vị phối hợp | Thời hạn\n"
        "Sở Y tế | 1 | Lập kế hoạch tiêm chủng mở rộng cho trẻ em | Sở Tài chính | Tháng 8/2026\n"
        " | 2 | Kiểm tra các điểm tiêm chủng trên địa bàn tỉnh | | Thường xuyên\n"
        "Sở Giáo dục và Đào tạo | 3 | Tuyên truyền phòng bệnh trong các trường học | Sở Y tế | Tháng 9/2026\n"
        " | 4 | Rà soát hồ sơ tiêm chủng của học sinh lớp 1 | | Tháng 10/2026\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Y tế"], ["Sở Tài chính"], "2026-08-31", None),
        (["Sở Y tế"], [], None, None),
        (["Sở Giáo dục và Đào tạo"], ["Sở Y tế"], "2026-09-30", None),
        (["Sở Giáo dục và Đào tạo"], [], "2026-10-31", None),
    ]


# --- one column for every doer: "Sở A (chủ trì); Sở B, Sở C" (g963) ------------------------------


def test_a_doer_cell_marking_its_lead_makes_the_others_partners() -> None:
    table = (
        "STT\tNội dung công việc\tThời hạn\tĐơn vị thực hiện\n"
        "1\tThẩm định phương án giá dịch vụ thu gom rác\tTháng 9/2026\t"
        "Sở Tài chính (chủ trì); Sở Xây dựng, Sở Công Thương\n"
        "2\tKiểm tra các điểm tập kết rác tự phát\tThường xuyên\tCông an tỉnh (chủ trì); UBND các xã, phường\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Tài chính"], ["Sở Xây dựng", "Sở Công Thương"], "2026-09-30", None),
        (["Công an tỉnh"], ["Ủy ban nhân dân các xã, phường"], None, None),
    ]


def test_the_sentence_that_introduces_a_table_with_a_colon_is_no_task() -> None:
    table = (
        "STT\tNội dung công việc\tĐơn vị chủ trì\tThời hạn\n"
        "1\tKiểm tra việc thu gom rác tại các chợ\tSở Công Thương\tTháng 9/2026\n"
    )
    before = "Phó Chủ tịch UBND tỉnh giao các cơ quan, đơn vị thực hiện các nhiệm vụ cụ thể sau:"
    assert _tasks(_plan(table, before)) == [(["Sở Công Thương"], [], "2026-09-30", None)]


# --- tab tables whose cells wrap over several lines (g967) ------------------------------------


def test_a_tab_row_whose_cells_wrap_over_three_lines() -> None:
    table = (
        "TT\tNhiệm vụ\tThời gian hoàn thành\tCơ quan thực hiện\tSản phẩm\n"
        "1\tRà soát các thủ tục hành chính trong lĩnh vực đất đai còn chồng chéo,\n"
        "gây khó khăn cho người dân\tQuý III/2026\tChủ trì: Sở Nông nghiệp và Môi trường;\n"
        "Phối hợp: Sở Tư pháp\tBáo cáo rà soát\n"
        "2\tTổ chức đối thoại với doanh nghiệp\tHằng quý\tChủ trì: Sở Tài chính;\n"
        "Phối hợp: Hiệp hội Doanh nghiệp tỉnh\tThông báo kết luận\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Nông nghiệp và Môi trường"], ["Sở Tư pháp"], "2026-09-30", None),
        (["Sở Tài chính"], ["Hiệp hội Doanh nghiệp tỉnh"], None, "quarterly"),
    ]


def test_a_body_sentence_that_names_a_rows_work_word_for_word_is_that_row() -> None:
    before = (
        "1. Hoàn thiện cơ chế hỗ trợ doanh nghiệp; trong đó, giao Sở Tài chính chủ trì xây dựng Đề án thành lập"
        " Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa của tỉnh, trình UBND tỉnh trong quý III/2026.\n"
        "2. Các nhiệm vụ cụ thể tại bảng dưới đây."
    )
    table = (
        "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "1\tXây dựng Đề án thành lập Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa của tỉnh"
        "\tSở Tài chính\tQuý III/2026\n"
        "2\tTổ chức tập huấn cho doanh nghiệp\tSở Công Thương\tQuý IV/2026\n"
    )
    assert _tasks(_plan(table, before)) == [
        (["Sở Tài chính"], [], "2026-09-30", None),
        (["Sở Công Thương"], [], "2026-12-31", None),
    ]


def test_a_time_cell_listing_steps_is_due_at_the_first_and_a_range_at_its_end() -> None:
    table = (
        "STT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành\n"
        "1 | Tổ chức lớp bồi dưỡng kỹ năng số | Sở Nội vụ | Quý II và Quý IV/2026\n"
        "2 | Kiểm tra công tác văn thư lưu trữ | Sở Nội vụ | Tháng 3, tháng 9/2026\n"
        "3 | Tổ chức thi tuyển công chức | Sở Nội vụ | Quý II - Quý III/2026\n"
    )
    assert [t[2] for t in _tasks(_plan(table))] == ["2026-06-30", "2026-03-31", "2026-09-30"]


# --- tables copied one cell per line (g964) ---------------------------------------------------


def test_a_table_one_cell_per_line_with_lettered_groups_and_a_missing_cell() -> None:
    table = (
        "TT\nNội dung nhiệm vụ\nKết quả\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n"
        "A\nNHIỆM VỤ TRỌNG TÂM\n"
        "1\nTổ chức tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt 1 năm 2026 trên địa bàn toàn tỉnh\n"
        "Báo cáo kết quả tiêm phòng\nSở Nông nghiệp và Môi trường\nUBND các xã, phường\nTháng 4/2026\n"
        "2\nTham mưu UBND tỉnh quyết định hỗ trợ thiệt hại cho người chăn nuôi có vật nuôi bị tiêu hủy\n"
        "Dự thảo Quyết định\nSở Tài chính\nSở Nông nghiệp và Môi trường\nQuý III/2026\n"
        "B\nNHIỆM VỤ THƯỜNG XUYÊN\n"
        "3\nBáo cáo nhanh tình hình dịch bệnh\nBáo cáo\nUBND các xã, phường\nThứ Sáu hằng tuần\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã, phường"], "2026-04-30", None),
        (["Sở Tài chính"], ["Sở Nông nghiệp và Môi trường"], "2026-09-30", None),
        (["Ủy ban nhân dân các xã, phường"], [], None, "weekly"),
    ]


# --- tables with no lead column, their rows grouped under the lead (g933, g989) ---------------


def test_a_pipe_table_grouped_under_numbered_lead_rows() -> None:
    table = (
        "| STT | Nội dung nhiệm vụ | Đơn vị phối hợp | Thời gian thực hiện |\n"
        "|---|---|---|---|\n"
        "| **1. Chi cục Thủy lợi** |  |  |  |\n"
        "| 1.1 | Rà soát phương án phòng, chống hạn hán mùa khô | UBND các xã ven biển | Tháng 02/2026 |\n"
        "| 1.2 | Vận hành các cống ngăn mặn theo diễn biến độ mặn |  | Thường xuyên |\n"
        "| **2. Phòng Quản lý đất đai** |  |  |  |\n"
        "| 2.1 | Hướng dẫn các xã lập kế hoạch sử dụng đất năm 2027 | Văn phòng Đăng ký đất đai | Quý III/2026 |\n"
    )
    assert _tasks(_plan(table)) == [
        (["Chi cục Thủy lợi"], ["Ủy ban nhân dân các xã ven biển"], "2026-02-28", None),
        (["Chi cục Thủy lợi"], [], None, None),
        (["Phòng Quản lý đất đai"], ["Văn phòng Đăng ký đất đai"], "2026-09-30", None),
    ]


def test_a_table_one_cell_per_line_grouped_under_lead_lines() -> None:
    table = (
        "STT\nNhiệm vụ\nCơ quan phối hợp\nThời gian hoàn thành\n"
        "1. Sở Xây dựng\n"
        "1.1\nRà soát quỹ đất dành cho nhà ở xã hội trong các dự án nhà ở thương mại\n"
        "Sở Nông nghiệp và Môi trường;\nUBND các xã, phường\nTrước ngày 30/4/2026\n"
        "1.2\nCông bố danh mục dự án nhà ở xã hội kêu gọi đầu tư\nSở Tài chính\nQuý II/2026\n"
        "2. Sở Văn hóa, Thể thao và\nDu lịch\n"
        "2.1\nTuyên truyền chính sách nhà ở xã hội cho công nhân\nLiên đoàn Lao động tỉnh\nThường xuyên\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Xây dựng"], ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"], "2026-04-30", None),
        (["Sở Xây dựng"], ["Sở Tài chính"], "2026-06-30", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Liên đoàn Lao động tỉnh"], None, None),
    ]


def test_a_flat_cell_goes_on_after_a_line_ending_with_and_or_a_semicolon() -> None:
    table = (
        "STT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian\n"
        "1\nTuyên truyền, hướng dẫn người dân phân loại rác tại nguồn\n"
        "Sở Văn hóa, Thể thao và\nDu lịch\nHội Liên hiệp Phụ nữ tỉnh;\nTỉnh đoàn\nThường xuyên\n"
        "2\nXác định giá đất cụ thể làm căn cứ tính tiền bồi thường\n"
        "Sở Nông nghiệp và Môi trường\nSở Tài chính;\nUBND các xã: Vân Canh, Canh Liên\nTháng 3/2026\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"], None, None),
        (
            ["Sở Nông nghiệp và Môi trường"],
            ["Sở Tài chính", "Ủy ban nhân dân xã Vân Canh", "Ủy ban nhân dân xã Canh Liên"],
            "2026-03-31",
            None,
        ),
    ]


# --- urging letters (g954) --------------------------------------------------------------------

URGING = (
    "Ngày 14/4/2026, Văn phòng UBND tỉnh ban hành Thông báo số 236/TB-VPUBND thông báo kết luận của Chủ"
    " tịch UBND tỉnh tại buổi kiểm tra dự án Đường tỉnh 943. Trong đó, Chủ tịch UBND tỉnh đã chỉ đạo:\n"
    "“1. Giao Sở Xây dựng chủ trì rà soát, điều chỉnh dự toán các gói thầu, trình trước ngày 15/5/2026.\n"
    "2. Giao Sở Tài chính tham mưu bố trí bổ sung vốn cho dự án.”\n\n"
    "Qua theo dõi, Sở Xây dựng chưa trình hồ sơ điều chỉnh dự toán.\n\n"
    "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
    "1. Phê bình Sở Xây dựng chậm thực hiện nhiệm vụ được giao tại Thông báo số 236/TB-VPUBND.\n"
    "2. Yêu cầu Sở Xây dựng khẩn trương hoàn thiện hồ sơ, trình UBND tỉnh trước ngày 19/6/2026.\n"
    "3. Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh yêu cầu nhà thầu bổ sung ngay máy móc,"
    " nhân lực, báo cáo tiến độ về Sở Xây dựng vào thứ Sáu hằng tuần.\n"
)


def test_an_urging_letter_gives_no_task_of_what_it_quotes_reports_or_reprimands() -> None:
    addressees = "Kính gửi:\n- Sở Xây dựng;\n- Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh."
    subject = "V/v đôn đốc thực hiện Thông báo số 236/TB-VPUBND"
    result = _notice(URGING, kind="UBND-KTN", title="", subject=subject, intro=addressees)
    assert _tasks(result) == [
        (["Sở Xây dựng"], [], "2026-06-19", None),
        (["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"], [], None, "weekly"),
    ]
    reasons = {u["reason"] for u in result["unassigned"]}
    assert "quoted" in reasons


def test_a_body_told_to_demand_of_a_state_body_gives_that_body_the_task() -> None:
    # Only parties a body oversees (contractors, investors, owners) leave it the lead.
    body = "Phó Chủ tịch kết luận:\n1. Sở Nông nghiệp và Môi trường đề nghị UBND xã Biển Hồ rà soát hồ sơ.\n"
    assert _tasks(_notice(body)) == [(["Ủy ban nhân dân xã Biển Hồ"], [], None, None)]


# --- more table forms (g1041, g1042) ----------------------------------------------------------


def test_a_doer_column_named_phan_cong_with_its_partner_half_on_the_next_line() -> None:
    table = (
        "STT\nNhiệm vụ\nPhân công thực hiện\nThời hạn hoàn thành\n"
        "1\nRà soát, xử lý dứt điểm các dự án chậm tiến độ, kéo dài qua nhiều năm\n"
        "Chủ trì: Sở Xây dựng;\nPhối hợp: Sở Tài chính\n30/4/2026\n"
        "2\nKiểm tra hiện trường các dự án giao thông trọng điểm\nChủ trì: Sở Xây dựng\nĐịnh kỳ hằng tháng\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Xây dựng"], ["Sở Tài chính"], "2026-04-30", None),
        (["Sở Xây dựng"], [], None, "monthly"),
    ]


def test_quarter_sub_columns_under_a_merged_time_header() -> None:
    table = (
        "| TT | Nội dung công việc | Cơ quan chủ trì | Thời gian thực hiện |  |  |  |\n"
        "|---|---|---|---|---|---|---|\n"
        "|  |  |  | Quý I | Quý II | Quý III | Quý IV |\n"
        "| 1 | Ban hành kế hoạch hoạt động của Hội đồng | Sở Tư pháp | x |  |  |  |\n"
        "| 2 | Tổ chức hội nghị phổ biến các luật mới | Sở Tư pháp |  | x | x |  |\n"
        "| 3 | Kiểm tra công tác hòa giải ở cơ sở | Sở Tư pháp |  | x |  | x |\n"
    )
    assert [t[2] for t in _tasks(_plan(table))] == ["2026-03-31", "2026-09-30", "2026-06-30"]


def test_an_urging_letter_recounting_old_tasks_under_agency_headings() -> None:
    body = (
        "Văn phòng UBND tỉnh đề nghị các cơ quan tập trung thực hiện các nội dung sau:\n\n"
        "1. Sở Tài chính\n"
        "Thông báo số 377/TB-UBND ngày 28/7/2026 (kết luận của Chủ tịch UBND tỉnh) giao Sở Tài chính tham mưu"
        " phương án phân bổ vốn, hoàn thành trong tháng 8/2026. Nhiệm vụ đã quá hạn 45 ngày.\n"
        "Yêu cầu Sở Tài chính khẩn trương trình UBND tỉnh phương án phân bổ trước ngày 20/10/2026.\n\n"
        "2. Sở Y tế\n"
        "Tại Thông báo số 389/TB-UBND ngày 01/8/2026, Sở được giao xây dựng Đề án sắp xếp các trung tâm y tế."
        " Sở đã gửi dự thảo lấy ý kiến các cơ quan nhưng chưa trình.\n"
        "Đề nghị Sở Y tế hoàn thiện dự thảo Đề án, trình UBND tỉnh trong tháng 10/2026.\n"
    )
    addressees = "Kính gửi:\n- Sở Tài chính;\n- Sở Y tế."
    result = _notice(body, kind="VP-TH", title="", subject="V/v đôn đốc thực hiện nhiệm vụ chậm", intro=addressees)
    assert _tasks(result) == [
        (["Sở Tài chính"], [], "2026-10-20", None),
        (["Sở Y tế"], [], "2026-10-31", None),
    ]


# --- documents that assign little (g993, g1028) ----------------------------------------------


def test_a_letter_of_comments_on_a_draft_gives_no_task() -> None:
    body = (
        "Sở Tư pháp có ý kiến như sau:\n"
        "1. Đề nghị cơ quan soạn thảo bổ sung căn cứ pháp lý tại phần mở đầu.\n"
        "2. Dự thảo giao Sở Tài chính chủ trì xây dựng đơn giá trước ngày 31/12/2026; đề nghị làm rõ"
        " trách nhiệm phối hợp của Sở Xây dựng.\n"
    )
    result = _notice(
        body,
        kind="STP-XDKTVB",
        title="",
        subject="V/v góp ý dự thảo Quyết định quản lý chất thải rắn",
        intro="Kính gửi: Sở Nông nghiệp và Môi trường.",
    )
    assert _tasks(result) == []


def test_a_sentence_telling_what_an_earlier_document_assigned_is_no_task() -> None:
    body = (
        "1. Cử tri xã Thanh Sơn kiến nghị nâng mức phụ cấp cho người hoạt động không chuyên trách.\n"
        "Ngày 12/5/2026, Ủy ban nhân dân tỉnh đã có Văn bản số 1520/UBND-NC giao Sở Nội vụ rà soát chế độ phụ cấp,"
        " báo cáo trước ngày 30/6/2026.\n"
        "2. Giao Sở Xây dựng khảo sát, sửa chữa Đường tỉnh 315 trong quý III/2026.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Xây dựng"], [], "2026-09-30", None)]


# --- more table forms (g1074, g1075) ----------------------------------------------------------


def test_a_pipe_table_under_capitalized_lead_lines_with_roman_numbers() -> None:
    table = (
        "TT | Nội dung nhiệm vụ | Cơ quan phối hợp | Thời hạn hoàn thành\n"
        "I. SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
        "1 | Kiểm tra hiện trạng đê điều trước mùa mưa bão | UBND các xã, phường | Quý II/2026\n"
        "II. SỞ Y TẾ\n"
        "2 | Chuẩn bị cơ số thuốc, hóa chất khử khuẩn | | Tháng 6/2026\n"
        "III. CÔNG AN TỈNH; BỘ CHỈ HUY QUÂN SỰ TỈNH\n"
        "3 | Xây dựng phương án sơ tán dân ở vùng trũng thấp | Sở Xây dựng | Quý III/2026\n"
    )
    assert _tasks(_plan(table)) == [
        (["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã, phường"], "2026-06-30", None),
        (["Sở Y tế"], [], "2026-06-30", None),
        (["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], ["Sở Xây dựng"], "2026-09-30", None),
    ]


def test_a_tab_rows_partner_half_on_a_line_of_its_own() -> None:
    table = (
        "TT\tNhiệm vụ\tCơ quan thực hiện\tThời hạn\n"
        "1\tHoàn thành bàn giao mặt bằng còn lại cho đơn vị thi công\tChủ trì: UBND xã Bảo Thắng;\tTrước 30/5/2026\n"
        "\t\tPhối hợp: Sở Nông nghiệp và Môi trường\t\n"
        "2\tThẩm định giá đất cụ thể\tChủ trì: Sở Nông nghiệp và Môi trường\tTháng 4/2026\n"
    )
    assert _tasks(_plan(table)) == [
        (["Ủy ban nhân dân xã Bảo Thắng"], ["Sở Nông nghiệp và Môi trường"], "2026-05-30", None),
        (["Sở Nông nghiệp và Môi trường"], [], "2026-04-30", None),
    ]


def test_a_board_heading_over_a_request_to_its_contractor_keeps_the_task() -> None:
    body = (
        "5. Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh:\n"
        "a) Đối với dự án đường nối Quốc lộ 19: yêu cầu nhà thầu tăng ca, bổ sung máy móc, hoàn thành trong tháng"
        " 5/2026.\n"
        "b) Đề nghị Công ty Điện lực Gia Lai di dời đường dây trung thế trước ngày 30/4/2026.\n"
        "6. Chủ tịch UBND tỉnh phê bình Ủy ban nhân dân xã Vĩnh Trạch chậm bàn giao mặt bằng.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"], [], "2026-05-31", None),
        (["Công ty Điện lực Gia Lai"], [], "2026-04-30", None),
    ]


def test_a_communes_plan_lines_name_its_units_bo_phan() -> None:
    body = (
        "1. Tổ chức các lớp Bình dân học vụ số tại nhà văn hóa thôn.\n"
        "- Bộ phận chủ trì: Phòng Văn hóa - Xã hội, Công an xã.\n"
        "- Bộ phận phối hợp: Đoàn Thanh niên xã.\n"
        "- Thời gian hoàn thành: Quý III/2026.\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Triển khai phong trào Bình dân học vụ số", intro="")
    assert _tasks(result) == [(["Phòng Văn hóa - Xã hội", "Công an xã"], ["Đoàn Thanh niên xã"], "2026-09-30", None)]


def test_a_lead_in_naming_no_one_dates_the_items_under_its_heading() -> None:
    body = (
        "1. Đối với Sở Tài chính\n"
        "Hoàn thành trong quý I/2026 các việc sau:\n"
        "- Tổng hợp phương án xử lý nhà, đất dôi dư.\n"
        "- Hướng dẫn các xã kiểm kê tài sản, hoàn thành trước ngày 15/02/2026.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Tài chính"], [], "2026-03-31", None),
        (["Sở Tài chính"], [], "2026-02-15", None),
    ]


def test_the_investor_named_once_is_who_the_role_names_later() -> None:
    text = (
        "Phó Chủ tịch UBND tỉnh kiểm tra dự án đường ven biển\n"
        "(Báo Quảng Ngãi) - Dự án do Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh làm"
        " chủ đầu tư, đến nay mới giải ngân 38% kế hoạch vốn.\n"
        "Phó Chủ tịch giao chủ đầu tư làm việc với Sở Xây dựng để thống nhất phương án điều chỉnh hướng tuyến.\n"
        "Giao Sở Tài chính phối hợp với chủ đầu tư rà soát kế hoạch vốn.\n"
    )
    from chidao import extract_text

    board = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
    assert _tasks(extract_text(text)) == [
        ([board], ["Sở Xây dựng"], None, None),
        (["Sở Tài chính"], [board], None, None),
    ]


def test_a_news_items_byline_and_credit_lines_give_no_task() -> None:
    text = (
        "Chủ tịch UBND tỉnh chủ trì hội nghị giải ngân vốn đầu tư công\n"
        "(laocai.gov.vn) - Ngày 12/11, Chủ tịch UBND tỉnh chủ trì hội nghị về giải ngân vốn.\n"
        "Chủ tịch UBND tỉnh yêu cầu Sở Tài chính rà soát, điều chuyển vốn trước ngày 30/11/2026.\n\n"
        "Thu Hằng (Trung tâm Thông tin - Văn phòng UBND tỉnh)\n\n"
        "Tin, ảnh: Văn phòng HĐND và UBND xã\n"
    )
    from chidao import extract_text

    assert _tasks(extract_text(text)) == [(["Sở Tài chính"], [], "2026-11-30", None)]


def test_a_letter_granting_extensions_names_each_items_owner_in_its_bracket() -> None:
    body = (
        "1. Đồng ý gia hạn thời gian thực hiện các nhiệm vụ sau:\n"
        "a) Nhiệm vụ xây dựng Bảng giá đất điều chỉnh (giao Sở Nông nghiệp và Môi trường tại Thông báo số"
        " 215/TB-UBND ngày 02/9/2026, thời hạn trước ngày 31/10/2026): gia hạn đến ngày 25/11/2026.\n"
        "b) Nhiệm vụ lập Quy hoạch phân khu đô thị (giao Sở Xây dựng tại Văn bản số 3390/UBND-KT ngày"
        " 15/9/2026, thời hạn trong tháng 10/2026): gia hạn đến hết tháng 11/2026.\n"
    )
    addressees = "Kính gửi:\n- Sở Nông nghiệp và Môi trường;\n- Sở Xây dựng;\n- Sở Y tế."
    result = _notice(
        body, kind="UBND-TH", title="", subject="V/v gia hạn thời gian thực hiện nhiệm vụ", intro=addressees
    )
    assert _tasks(result) == [
        (["Sở Nông nghiệp và Môi trường"], [], "2026-11-25", None),
        (["Sở Xây dựng"], [], "2026-11-30", None),
    ]


def test_a_notice_of_appointment_lists_a_record_no_task() -> None:
    body = (
        "Kể từ ngày 01/12/2026, Giám đốc Sở Xây dựng là:\n"
        "- Họ và tên: Trương Minh Khoa\n"
        "- Chức vụ trước khi bổ nhiệm: Phó Giám đốc Sở Xây dựng\n"
        "- Chức vụ hiện nay: Giám đốc Sở Xây dựng\n"
        "- Điện thoại: 0296.3852.461\n"
    )
    assert _tasks(_notice(body, title="THÔNG BÁO", subject="Về việc thay đổi nhân sự lãnh đạo Sở", intro="")) == []
