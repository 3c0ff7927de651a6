"""Rules added on 2026-12-07 (fourth session) from the batches g734-g757, each on a short notice
written for it. The notices are invented and share no text with the measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks


def test_a_city_named_with_its_own_kind_is_a_member_of_a_group_of_provinces_and_cities() -> None:
    # "các tỉnh, thành phố: ... và thành phố Y": the city is one of the group, so a later "Ủy ban
    # nhân dân các tỉnh, thành phố" names it with the provinces.
    intro = "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố: Vĩnh Long, An Giang và thành phố Cần Thơ.\n"
    body = (
        "Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo thực hiện"
        " các nội dung sau:\n"
        "1/ Theo dõi chặt chẽ diễn biến xâm nhập mặn.\n"
    )
    result = _notice(body, kind="BNNMT-TL", title="V/v ứng phó xâm nhập mặn", subject=" ", intro=intro)
    assert _tasks(result)[0][0] == [
        "Ủy ban nhân dân tỉnh Vĩnh Long",
        "Ủy ban nhân dân tỉnh An Giang",
        "Ủy ban nhân dân thành phố Cần Thơ",
    ]


def test_how_often_or_how_firmly_ends_a_group_named_as_the_doer() -> None:
    body = (
        "1. Yêu cầu các sở, ngành, địa phương mỗi tháng tổ chức ít nhất một buổi đối thoại với doanh nghiệp.\n"
        "2. Yêu cầu các bộ, ngành, địa phương tuyệt đối không để thiếu điện trong mùa khô.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Các sở, ngành, địa phương"], [], None, "monthly"),
        (["Các bộ, ngành, địa phương"], [], None, None),
    ]


def test_a_side_of_the_province_qualifies_a_group_of_communes() -> None:
    body = "1. Các xã miền núi phía Tây phải rà soát từng khu dân cư ven sông, suối.\n"
    assert _tasks(_notice(body))[0][0] == ["Các xã miền núi phía Tây"]


def test_a_schedule_by_month_without_the_year_and_a_list_of_abbreviations() -> None:
    # A school year's plan: the heading's note defines the short names of the offices (no task), the
    # month lines date the items under them (the year from the document's date, rolling over), and
    # the short names are the offices' full names.
    body = (
        "IV. LỊCH CÔNG TÁC THEO THÁNG\n"
        "(Trong Kế hoạch này viết tắt: Phòng Giáo dục mầm non là Phòng GDMN; Phòng Quản lý chất lượng"
        " là Phòng QLCL.)\n"
        "\n"
        "Tháng 9\n"
        "- Phòng GDMN hướng dẫn các trường mầm non xây dựng kế hoạch giáo dục nhà trường.\n"
        "- Phòng QLCL chủ trì, phối hợp với Phòng GDMN kiểm tra công tác kiểm định chất lượng.\n"
        "\n"
        "Tháng 1\n"
        "- Phòng QLCL tổng hợp kết quả kiểm định, báo cáo Giám đốc Sở.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Giáo dục mầm non"], [], "2026-09-30", None),
        (["Phòng Quản lý chất lượng"], ["Phòng Giáo dục mầm non"], "2026-09-30", None),
        (["Phòng Quản lý chất lượng"], [], "2027-01-31", None),
    ]


NEWS = (
    "Trang chủ > Tin tức > Hoạt động của lãnh đạo tỉnh\n"
    "Chủ tịch UBND tỉnh đối thoại với doanh nghiệp\n"
    "\n"
    "(BN) - Sáng 11/12, UBND tỉnh tổ chức Hội nghị đối thoại với doanh nghiệp năm 2026.\n"
    "\n"
)


def _news(body: str) -> dict:
    from chidao import extract_text

    return extract_text(NEWS + body)


def test_the_problems_businesses_raised_are_no_tasks_and_the_answers_after_them_are() -> None:
    # The list of petitions names who raised each; the paragraphs after the list (a blank line
    # apart) are the article going on, not the last petition's continuation.
    body = (
        "Tại Hội nghị, các doanh nghiệp đã nêu 14 kiến nghị, tập trung vào các nhóm vấn đề:\n"
        "- Thời gian thẩm duyệt phòng cháy, chữa cháy còn kéo dài (Công ty TNHH Minh Long);\n"
        "- Còn 5 ha đất chưa giải phóng mặt bằng tại Khu công nghiệp Nam Sơn (Công ty CP Nam Sơn).\n"
        "\n"
        "Kết luận Hội nghị, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương mỗi tháng tổ chức"
        " ít nhất 01 buổi làm việc với doanh nghiệp.\n"
        "\n"
        "Chủ tịch UBND tỉnh giao Công an tỉnh rút ngắn thời gian thẩm duyệt, hoàn thành trước ngày"
        " 31/01/2027.\n"
    )
    assert _tasks(_news(body)) == [
        (["Các sở, ngành, địa phương"], [], None, "monthly"),
        (["Công an tỉnh"], [], "2027-01-31", None),
    ]


def test_a_browsers_print_marks_between_pages_do_not_cut_the_sentence_they_fall_in() -> None:
    body = (
        "Chủ tịch UBND tỉnh giao Sở Tài chính rà soát quy trình\n"
        "\n"
        "https://example.gov.vn/tin-tuc/-/asset_publisher/hoat-dong-lanh-dao...     2/3\n"
        "12/12/2026 10:47     Chủ tịch UBND tỉnh đối thoại với doanh nghiệp\n"
        "\n"
        "giải quyết thủ tục đầu tư, hoàn thành trước ngày 31/3/2027.\n"
    )
    assert _tasks(_news(body)) == [(["Sở Tài chính"], [], "2027-03-31", None)]


def test_a_table_whose_doer_column_labels_the_lead_and_partners_with_short_forms_the_text_defines() -> None:
    # "Đơn vị thực hiện" holds "Chủ trì: ...; Phối hợp: ..."; the short forms, acronyms included,
    # were defined above the table as "A viết tắt là B".
    body = (
        "(Chi cục An toàn vệ sinh thực phẩm viết tắt là Chi cục ATVSTP; Trung tâm Kiểm soát bệnh tật"
        " viết tắt là CDC)\n"
        "| STT | Nội dung hoạt động | Đơn vị thực hiện | Thời gian |\n"
        "|-----|--------------------|------------------|-----------|\n"
        "| 1 | Tổ chức Lễ phát động Tháng hành động vì an toàn thực phẩm | Chủ trì: Chi cục ATVSTP; Phối hợp:"
        " Sở Công Thương | 15/4 - 20/4/2026 |\n"
        "| 2 | Lấy mẫu giám sát mối nguy ô nhiễm thực phẩm | Chủ trì: CDC; Phối hợp: Chi cục ATVSTP, Sở Y tế |"
        " Quý II/2026 |\n"
    )
    assert _tasks(_notice(body, title="KẾ HOẠCH", intro="")) == [
        (["Chi cục An toàn vệ sinh thực phẩm"], ["Sở Công Thương"], "2026-04-20", None),
        (["Trung tâm Kiểm soát bệnh tật"], ["Chi cục An toàn vệ sinh thực phẩm", "Sở Y tế"], "2026-06-30", None),
    ]


def test_a_notice_of_the_leaders_schedule_for_a_week_gives_no_tasks() -> None:
    body = (
        "Văn phòng UBND tỉnh thông báo lịch làm việc của Chủ tịch, các Phó Chủ tịch UBND tỉnh như sau:\n"
        "THỨ HAI (02/3)\n"
        "Sáng 08 giờ 00: Họp nghe báo cáo tiến độ giải ngân vốn đầu tư công. Chủ trì: Chủ tịch UBND tỉnh."
        " Thành phần: Giám đốc các Sở: Tài chính, Xây dựng. Chuẩn bị nội dung: Sở Tài chính.\n"
    )
    result = _notice(body, subject="Lịch làm việc của Chủ tịch, các Phó Chủ tịch UBND tỉnh (Tuần 10)", intro="")
    assert result["tasks"] == []


def test_a_weekday_with_its_date_in_brackets_is_that_date() -> None:
    body = (
        "1. Sở Nội vụ trình ký Kế hoạch trước thứ Sáu (23/01/2027).\n"
        "2. Phòng Kinh tế báo cáo tại cuộc họp giao ban vào sáng thứ Hai tuần sau (26/01/2027).\n"
        "3. Công an xã báo cáo trước 17 giờ thứ Tư (21/01/2027).\n"
    )
    assert [t[2] for t in _tasks(_notice(body))] == ["2027-01-23", "2027-01-26", "2027-01-21"]


def test_a_body_said_to_be_asked_is_asked() -> None:
    body = "1. Công an tỉnh được đề nghị chỉ đạo Công an các xã nắm chắc tình hình, bảo đảm an ninh trật tự.\n"
    assert _tasks(_notice(body)) == [(["Công an tỉnh"], [], None, None)]


def test_a_news_paragraph_that_only_tells_what_was_done_gives_no_task() -> None:
    body = (
        "Năm 2026, Đảng bộ xã đã lãnh đạo hoàn thành 14/18 chỉ tiêu chủ yếu. Trung tâm Phục vụ hành chính"
        " công xã tiếp nhận 9.412 hồ sơ, giải quyết đúng hạn 98,6%.\n"
        "\n"
        "Phát biểu kết luận, Chủ tịch UBND tỉnh yêu cầu UBND xã Yên Hòa rà soát, di dời các hộ dân vùng"
        " sạt lở trước ngày 30/12/2026.\n"
    )
    assert _tasks(_news(body)) == [(["Ủy ban nhân dân xã Yên Hòa"], [], "2026-12-30", None)]


def test_asking_bodies_to_keep_up_their_results_is_encouragement_not_a_task() -> None:
    body = (
        "Phát biểu tại Ngày hội, Phó Bí thư Tỉnh ủy đề nghị Ban Công tác Mặt trận và các đoàn thể khu phố"
        " tiếp tục phát huy những kết quả đã đạt được, giữ vững danh hiệu Khu dân cư văn hóa. Đồng chí"
        " tin tưởng, với sự đồng lòng của Nhân dân, khu phố sẽ hoàn thành các mục tiêu đã đề ra.\n"
    )
    assert _news(body)["tasks"] == []


def test_a_table_of_figures_flattened_with_tabs_gives_no_tasks() -> None:
    intro = "Kính gửi: Ủy ban nhân dân các tỉnh: Lai Châu, Điện Biên.\n"
    body = (
        "Bộ Xây dựng tổng hợp chỉ tiêu năm 2026 như sau:\n"
        "STT\tTỉnh\tChỉ tiêu năm 2026 (căn)\tĐã hoàn thành (căn)\tTỷ lệ (%)\n"
        "1\tLai Châu\t296\t0\t0,0\n"
        "2\tĐiện Biên\t430\t60\t14,0\n"
        "Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh báo cáo kết quả trước ngày 20/10/2026.\n"
    )
    result = _notice(body, kind="BXD-QLN", title="V/v chỉ tiêu nhà ở xã hội", subject=" ", intro=intro)
    assert [t["text"][:21] for t in result["tasks"]] == ["Bộ Xây dựng đề nghị Ủ"]


def test_a_councils_mandate_by_reference_and_its_ways_of_working_are_no_tasks() -> None:
    body = (
        "Điều 2. Hội đồng thực hiện nhiệm vụ, quyền hạn theo quy định tại Điều 16 Nghị định số 71/2024/NĐ-CP.\n"
        "Hội đồng làm việc theo nguyên tắc tập thể, quyết định theo đa số.\n"
        "Sở Tài chính là cơ quan thường trực của Hội đồng. Chủ tịch Hội đồng được sử dụng con dấu của Ủy ban"
        " nhân dân tỉnh.\n"
    )
    subject = "Về việc thành lập Hội đồng thẩm định giá đất"
    assert _notice(body, kind="QĐ", title="QUYẾT ĐỊNH", subject=subject)["tasks"] == []


def test_quoted_petitions_are_the_petitioners_words_and_the_answers_assign() -> None:
    intro = "Kính gửi: Hiệp hội Doanh nghiệp tỉnh.\n"
    body = (
        "1. Kiến nghị của Công ty TNHH Điện tử Sao Việt\n"
        "- Nội dung kiến nghị: “Việc hoàn thuế còn chậm, nhiều hồ sơ phải bổ sung nhiều lần. Đề nghị cơ quan"
        " thuế rút ngắn thời gian giải quyết hồ sơ hoàn thuế”.\n"
        "- Trả lời: UBND tỉnh giao Sở Tài chính rà soát các hồ sơ, trả lời Công ty trước ngày 31/01/2027.\n"
    )
    result = _notice(body, kind="UBND-KT", title="V/v trả lời kiến nghị", subject=" ", intro=intro)
    assert _tasks(result) == [(["Sở Tài chính"], [], "2027-01-31", None)]


def test_a_schedule_whose_rows_open_with_their_date() -> None:
    # One cell per line: "Ngày", "Nội dung", "Đơn vị thực hiện", then each day; a ceremony with
    # nobody in its doer cell (a blank line) is no task, and "Y phối hợp" names a partner.
    body = (
        "III. LỊCH TRÌNH\n"
        "Ngày\nNội dung\nĐơn vị thực hiện\n"
        "19/5/2026\nHoàn thành công tác chuẩn bị cơ sở vật chất tại các địa điểm thi đấu\n"
        "Trung tâm Huấn luyện và Thi đấu thể thao tỉnh chủ trì; Công ty Điện lực Quảng Trị phối hợp\n"
        "22/5/2026\nLễ khai mạc Đại hội tại Quảng trường\n"
        "\n"
        "23/5 - 25/5/2026\nThi đấu các môn Điền kinh, Bơi\nSở Văn hóa, Thể thao và Du lịch\n"
        "\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Địa điểm: Trung tâm Huấn luyện và Thi đấu thể thao tỉnh.\n"
    )
    assert _tasks(_notice(body, title="KẾ HOẠCH", intro="")) == [
        (["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"], ["Công ty Điện lực Quảng Trị"], "2026-05-19", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], [], "2026-05-25", None),
    ]


def test_a_page_mark_inside_a_tab_table_does_not_end_it() -> None:
    body = (
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tTổ chức hội nghị quán triệt Nghị định\tSở Nông nghiệp và Môi trường\tSở Tư pháp\tTháng 5/2026\n"
        "--- 2 ---\n"
        "2\tRà soát các văn bản quy phạm pháp luật của tỉnh\tSở Tư pháp\tSở Nội vụ\tQuý III/2026\n"
    )
    assert _tasks(_notice(body, title="KẾ HOẠCH", intro="")) == [
        (["Sở Nông nghiệp và Môi trường"], ["Sở Tư pháp"], "2026-05-31", None),
        (["Sở Tư pháp"], ["Sở Nội vụ"], "2026-09-30", None),
    ]


def test_a_table_one_cell_per_line_across_a_page_turn_with_its_header_repeated_and_new_dates() -> None:
    # The page's foot and running header, then the header again; each row has the date first given
    # and the new one: the new one is due. Row 2's partner cell is empty.
    body = (
        "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn đã giao\nThời hạn mới\n"
        "1\nXây dựng Đề án phát triển du lịch hồ Núi Cốc\nSở Văn hóa, Thể thao và Du lịch\nSở Tài chính\n"
        "31/10/2026\nQuý I/2027\n"
        "\n"
        "Trang 2/3\n"
        "6215/UBND-TH - Phụ lục\n"
        "\n"
        "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn đã giao\nThời hạn mới\n"
        "2\nBáo cáo nguyên nhân chậm tiến độ, đề xuất giải pháp\nSở Y tế\n\n15/10/2026\nTrước ngày 12/12/2026\n"
    )
    assert _tasks(_notice(body, title="PHỤ LỤC", intro="")) == [
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"], "2027-03-31", None),
        (["Sở Y tế"], [], "2026-12-12", None),
    ]


def test_a_heading_that_is_only_a_group_names_it_whole() -> None:
    body = (
        "1. Các thương nhân đầu mối, thương nhân phân phối xăng dầu\n"
        "a) Bố trí đủ nguồn hàng, cung ứng kịp thời cho các cửa hàng bán lẻ thuộc hệ thống.\n"
        "2. Các doanh nghiệp, cửa hàng bán lẻ xăng dầu\n"
        "a) Niêm yết công khai giá bán, thời gian bán hàng tại cửa hàng.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Các thương nhân đầu mối, thương nhân phân phối xăng dầu"],
        ["Các doanh nghiệp, cửa hàng bán lẻ xăng dầu"],
    ]


def test_the_provinces_office_as_issuer_still_drops_the_provinces_own_name() -> None:
    from chidao import extract_text

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 412/TB-VP\nTuyên Quang, ngày 14 tháng 7 năm 2026\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về dự toán ngân sách năm 2027\n"
        "1. Giao Thuế tỉnh Tuyên Quang rà soát nguồn thu, báo cáo trước ngày 25/7/2026.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Thuế tỉnh"]]


def test_party_cells_named_by_their_body_lead() -> None:
    body = "1. Chi bộ Công an xã, Chi bộ Quân sự xã lãnh đạo xây dựng phương án bảo vệ an toàn cuộc bầu cử.\n"
    assert _tasks(_notice(body))[0][0] == ["Chi bộ Công an xã", "Chi bộ Quân sự xã"]


def test_a_heading_about_the_projects_a_body_invests_in_names_that_body() -> None:
    body = (
        "1. Đối với các dự án do Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"
        " làm chủ đầu tư:\n"
        "a) Dự án Trường Phổ thông dân tộc nội trú xã Mèo Vạc: chỉ đạo nhà thầu bổ sung mũi thi công, hoàn"
        " thành trước ngày 20/8/2026.\n"
    )
    assert _tasks(_notice(body))[0][:1] == (
        ["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"],
    )


def test_what_a_form_or_a_file_holds_is_no_task() -> None:
    body = (
        "1. Sở Nội vụ tổng hợp kết quả tinh giản biên chế, báo cáo UBND tỉnh trước ngày 15/12/2026.\n"
        "Biểu mẫu số 01 (Báo cáo kết quả thực hiện tinh giản biên chế) gồm các chỉ tiêu:\n"
        "- Tổng số biên chế công chức, số lượng người làm việc được giao năm 2026;\n"
        "- Số người thực tế có mặt tại thời điểm 30/11/2026.\n"
        "2. Hồ sơ gửi về Sở Nội vụ gồm: Văn bản đề nghị của cơ quan, đơn vị; Biểu mẫu số 02 có chữ ký của Thủ"
        " trưởng.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [["Sở Nội vụ"]]


def test_the_departments_of_several_provinces_keep_their_whole_name() -> None:
    body = "1. Sở Y tế các tỉnh, thành phố cập nhật số liệu ca bệnh lên Hệ thống giám sát bệnh truyền nhiễm.\n"
    assert _tasks(_notice(body))[0][0] == ["Sở Y tế các tỉnh, thành phố"]


def test_a_group_followed_by_its_members_after_gom() -> None:
    body = (
        "1. Các bệnh viện tuyến cuối gồm Bệnh viện Bạch Mai, Bệnh viện Chợ Rẫy và Bệnh viện Trung ương Huế"
        " cử chuyên gia hỗ trợ các địa phương điều trị ca bệnh nặng.\n"
    )
    assert _tasks(_notice(body))[0][0] == ["Bệnh viện Bạch Mai", "Bệnh viện Chợ Rẫy", "Bệnh viện Trung ương Huế"]


def test_an_urging_paragraph_asks_again_with_a_new_date() -> None:
    body = (
        "1. Tại Thông báo số 312/TB-UBND ngày 18/5/2026, Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì tham mưu"
        " ban hành giá cho thuê nhà ở xã hội, hoàn thành trước ngày 30/6/2026; đến nay đã quá hạn nhưng Sở Xây"
        " dựng chưa trình UBND tỉnh. Đề nghị Sở Xây dựng khẩn trương hoàn thiện hồ sơ, trình UBND tỉnh trước"
        " ngày 25/7/2026.\n"
    )
    assert _tasks(_notice(body))[0][2] == "2026-07-25"


def test_a_title_in_capitals_standing_alone_is_no_task() -> None:
    body = (
        "SỐ LIỆU VỤ ĐÔNG XUÂN 2025 - 2026 (VÙNG ĐBSCL)\n\n"
        "Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và Môi trường báo cáo tiến độ thu hoạch.\n"
    )
    assert [t[0] for t in _tasks(_news(body))] == [["Sở Nông nghiệp và Môi trường"]]
