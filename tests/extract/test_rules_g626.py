"""Rules added on 2026-12-07 (third session) from the families the genre set still misses, each
on a short notice written for it. The notices are invented and share no text with the
measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks


def test_a_long_item_closed_by_an_aside_of_plan_labels() -> None:
    # The aside comes after a long action with commas of its own: it still names who leads.
    body = (
        "1. Nhóm nhiệm vụ chung\n"
        "1.1. Đưa kết quả chấm điểm vào tiêu chí đánh giá, xếp loại chất lượng người đứng đầu cơ quan,"
        " đơn vị, địa phương năm 2026 theo quy định hiện hành (Cơ quan chủ trì: Sở Nội vụ; cơ quan"
        " phối hợp: Văn phòng UBND tỉnh; thời gian: Quý II/2026).\n"
        "1.2. Phổ biến kết quả khảo sát đến toàn thể cán bộ, công chức; phân tích nguyên nhân giảm"
        " điểm của từng chỉ số thành phần (Cơ quan chủ trì: Các sở, ban, ngành; UBND các xã, phường;"
        " cơ quan phối hợp: không; thời gian: trước ngày 28/02/2026).\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Nội vụ"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2026-06-30", None),
        (["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], "2026-02-28", None),
    ]


def test_numbered_tasks_under_numbered_headings() -> None:
    # "Nhiệm vụ 1:" items under "1. <topic>" headings: the headings are no tasks, and a lead line
    # after the last item of a heading is that item's, not the heading's.
    body = (
        "1. Hoàn thiện thể chế\n"
        "Nhiệm vụ 1: Rà soát Quy chế phối hợp quản lý chợ. Chủ trì: Sở Công Thương; phối hợp: Sở Tư"
        " pháp; thời gian: trong quý II/2027.\n"
        "Nhiệm vụ 2: Xây dựng chính sách hỗ trợ hộ kinh doanh.\n"
        "Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Sở Công Thương; thời hạn trình: trước ngày"
        " 15/5/2027.\n"
        "2. Phát triển nguồn nhân lực\n"
        "Nhiệm vụ 3: Tổ chức tập huấn kỹ năng bán hàng trực tuyến. Chủ trì: Tỉnh đoàn; thời gian: hằng quý.\n"
    )
    result = _notice(body)
    assert [t["text"][:11] for t in result["tasks"]] == ["Nhiệm vụ 1:", "Nhiệm vụ 2:", "Nhiệm vụ 3:"]
    assert _tasks(result) == [
        (["Sở Công Thương"], ["Sở Tư pháp"], "2027-06-30", None),
        (["Sở Tài chính"], ["Sở Công Thương"], "2027-05-15", None),
        (["Tỉnh đoàn"], [], None, "quarterly"),
    ]


def test_the_verdict_on_a_proposal_is_no_task_but_the_work_it_gives_is() -> None:
    body = (
        "1. Về đề nghị cho phép nhà đầu tư thi công trước một số hạng mục: UBND tỉnh không thống nhất.\n"
        "2. Đối với đề xuất của Công an tỉnh về mua sắm máy quét: UBND tỉnh sẽ xem xét sau khi có ý kiến"
        " thẩm định của Sở Tài chính.\n"
        "3. Về kiến nghị kéo dài thời gian giải ngân: Nội dung này đã được Quốc hội cho phép tại Nghị quyết"
        " về dự toán ngân sách nhà nước năm 2026.\n"
        "4. Về đề xuất của UBND phường An Hòa xin sử dụng trụ sở dôi dư: Chủ tịch UBND tỉnh đồng ý về chủ"
        " trương; giao Sở Tài chính hướng dẫn phường An Hòa thực hiện các thủ tục theo quy định.\n"
        "5. Về đề nghị hỗ trợ kinh phí sửa chữa trường học: thống nhất chủ trương, giao Sở Giáo dục và Đào"
        " tạo rà soát, đề xuất mức hỗ trợ trước ngày 30/6/2026.\n"
        "6. Đối với các kiến nghị khác của xã: giao các sở, ngành theo chức năng, nhiệm vụ được giao chủ"
        " động xem xét, trả lời xã trước ngày 31/7/2026.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Tài chính"], [], None, None),
        (["Sở Giáo dục và Đào tạo"], [], "2026-06-30", None),
        (["Các sở, ngành"], [], "2026-07-31", None),
    ]


def test_items_naming_their_actors_under_a_long_topic_heading() -> None:
    body = (
        "3. Về công tác giải phóng mặt bằng\n"
        "3.1. Đối với dự án Đường vành đai phía Bắc đoạn qua các xã miền núi của tỉnh kết nối với quốc lộ"
        " (còn 11,2 ha chưa bàn giao mặt bằng):\n"
        "a) UBND các xã: An Bình, Tân Lập tập trung lực lượng, hoàn thành phê duyệt phương án bồi thường"
        " trước ngày 15/11/2026.\n"
        "b) UBND xã Hòa Sơn chủ trì, phối hợp với Công an xã Hòa Sơn vận động các hộ chưa bàn giao mặt bằng.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Ủy ban nhân dân xã An Bình", "Ủy ban nhân dân xã Tân Lập"], [], "2026-11-15", None),
        (["Ủy ban nhân dân xã Hòa Sơn"], ["Công an xã Hòa Sơn"], None, None),
    ]


def test_a_stance_that_goes_on_with_actions_opens_the_task() -> None:
    body = (
        "1. Thủ trưởng các sở, ban, ngành xác định giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng"
        " tâm; rà soát từng dự án, lập kế hoạch giải ngân chi tiết; phấn đấu giải ngân 100% kế hoạch"
        " trước ngày 31/01/2027.\n"
        "2. Các chủ đầu tư phải xác định đây là nhiệm vụ trọng tâm.\n"
    )
    result = _notice(body)
    assert _tasks(result) == [(["Thủ trưởng các sở, ban, ngành"], [], "2027-01-31", None)]
    assert result["tasks"][0]["text"].startswith("Thủ trưởng các sở, ban, ngành xác định")


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA BÌNH
Số: 12/NQ-HĐND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình, ngày 10 tháng 7 năm 2026
NGHỊ QUYẾT
Về tình hình kinh tế - xã hội 6 tháng đầu năm; nhiệm vụ, giải pháp 6 tháng cuối năm 2026
HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Xét Báo cáo số 245/BC-UBND ngày 26 tháng 6 năm 2026 của Ủy ban nhân dân tỉnh về tình hình kinh tế
- xã hội 6 tháng đầu năm; báo cáo thẩm tra của các Ban của Hội đồng nhân dân tỉnh; ý kiến thảo
luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.
QUYẾT NGHỊ:
Điều 1. Hội đồng nhân dân tỉnh cơ bản tán thành đánh giá tình hình nêu trong các báo cáo của
Ủy ban nhân dân tỉnh, đồng thời nhấn mạnh một số nội dung sau:
1. Kết quả đạt được
Sáu tháng đầu năm 2026, kinh tế
của tỉnh tiếp tục phục hồi, tăng trưởng khá; an sinh xã hội được bảo đảm; quốc phòng,
an ninh được giữ vững, chủ quyền biên giới quốc gia được bảo vệ vững chắc.
2. Nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026
Hội đồng nhân dân tỉnh yêu
cầu Ủy ban nhân dân tỉnh tập trung chỉ đạo, điều hành quyết liệt, thực hiện đồng bộ các
nhiệm vụ, giải pháp đã đề ra, trong đó chú trọng các nội dung sau:
a) Tập trung tháo gỡ vướng mắc về
giải phóng mặt bằng; phấn đấu đến ngày 31/12/2026 giải ngân đạt trên 95% kế hoạch vốn.
b) Tăng cường các biện pháp chống thất thu ngân sách, nhất là thu từ đất đai, khai thác
khoáng sản, kinh doanh trên nền tảng số.
3. Đề nghị Tòa án nhân dân tỉnh nâng cao chất lượng xét xử; Thi hành án dân sự tỉnh tập trung
giải quyết các việc có điều kiện thi hành.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Vương Ngọc Hà
"""


def test_a_wrapped_resolution_whose_paragraphs_open_with_a_short_indented_line() -> None:
    # The heading "2. Nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026" stays apart from the
    # lead-in's first, short line; its period is the work's own, no deadline; the enforcement
    # office of the province since 2025 is a body of its own.
    from chidao import extract_text

    assert _tasks(extract_text(RESOLUTION)) == [
        (["Ủy ban nhân dân tỉnh"], [], "2026-12-31", None),
        (["Ủy ban nhân dân tỉnh"], [], None, None),
        (["Tòa án nhân dân tỉnh"], [], None, None),
        (["Thi hành án dân sự tỉnh"], [], None, None),
    ]


def test_a_group_with_its_members_in_brackets_some_of_them_groups() -> None:
    body = (
        "1. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, Khu Bảo tồn thiên nhiên Ea Sô,"
        " Vườn quốc gia Yok Đôn, các công ty lâm nghiệp) xây dựng phương án phòng cháy rừng.\n"
    )
    assert _tasks(_notice(body))[0][0] == [
        "Các Ban quản lý rừng phòng hộ",
        "Khu Bảo tồn thiên nhiên Ea Sô",
        "Vườn quốc gia Yok Đôn",
        "Các công ty lâm nghiệp",
    ]


def test_a_body_item_that_points_to_its_row_of_the_annex_is_that_row() -> None:
    body = (
        "1. Thuế tỉnh chủ trì rà soát, phân loại hộ kinh doanh theo ngưỡng doanh thu, hoàn thành trước"
        " ngày 31/01/2026 (chi tiết tại mục 2 Phụ lục kèm theo).\n"
        "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "STT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
        "I\nTuyên truyền, tập huấn\n"
        "1\nTổ chức hội nghị tập huấn chính sách bãi bỏ thuế khoán cho công chức phụ trách kinh tế của các"
        " xã, phường, đặc khu trên địa bàn tỉnh\nThuế tỉnh\nSở Tài chính\nTháng 01/2026\n"
        "2\nRà soát, phân loại hộ kinh doanh theo ngưỡng doanh thu\nThuế tỉnh\nUBND các xã, phường\n"
        "Trước 31/01/2026\n"
    )
    assert _tasks(_notice(body)) == [
        (["Thuế tỉnh"], ["Sở Tài chính"], "2026-01-31", None),
        (["Thuế tỉnh"], ["Ủy ban nhân dân các xã, phường"], "2026-01-31", None),
    ]


def test_a_closing_section_dates_the_items_above_it_and_a_cut_off_date_is_none() -> None:
    body = (
        "1. Đánh giá tình hình thực hiện dự toán năm 2026\n"
        "a) Các sở, ban, ngành đánh giá tình hình thu, chi ngân sách 6 tháng đầu năm.\n"
        "b) Các sở, ban, ngành rà soát các khoản kinh phí đến ngày 30/6/2026 chưa phân bổ, gửi Sở Tài"
        " chính trước ngày 20/7/2026.\n"
        "c) UBND các xã, phường báo cáo số tồn quỹ ngân sách xã đến ngày 30/6/2026.\n"
        "2. Thời hạn gửi báo cáo\n"
        "Báo cáo theo các nội dung tại mục 1 nêu trên gửi về Sở Tài chính trước ngày 25/7/2026, trừ các"
        " nội dung đã có thời hạn riêng.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Các sở, ban, ngành"], [], "2026-07-25", None),
        (["Các sở, ban, ngành"], [], "2026-07-20", None),
        (["Ủy ban nhân dân các xã, phường"], [], "2026-07-25", None),
    ]


NEWS = (
    "Bí thư Tỉnh ủy làm việc với Sở Khoa học và Công nghệ\n\n"
    "Chiều 9/6, đồng chí Bí thư Tỉnh ủy đã có buổi làm việc với Sở Khoa học và Công nghệ về tình hình"
    " thực hiện nhiệm vụ 5 tháng đầu năm.\n\n"
    "Để thực hiện thắng lợi các mục tiêu đề ra, Bí thư Tỉnh ủy đề nghị Sở Khoa học và Công nghệ cần tập"
    " trung thực hiện tốt một số nhiệm vụ trọng tâm.\n\n"
    "Thứ nhất, chủ động tham mưu cụ thể hóa Nghị quyết số 57-NQ/TW bằng các chương trình, đề án có mục"
    " tiêu rõ ràng.\n\n"
    "Thứ hai, khẩn trương hoàn thành kho dữ liệu dùng chung của tỉnh trong quý III/2026.\n\n"
    "Tiếp thu ý kiến chỉ đạo, Giám đốc Sở Khoa học và Công nghệ cam kết sẽ nỗ lực hoàn thành các nhiệm"
    " vụ được giao.\n"
)


def test_points_announced_by_a_sentence_with_a_full_stop() -> None:
    from chidao import extract_text

    result = extract_text(NEWS)
    assert [t["text"][:9] for t in result["tasks"]] == ["Thứ nhất,", "Thứ hai, "]
    assert _tasks(result) == [
        (["Sở Khoa học và Công nghệ"], [], None, None),
        (["Sở Khoa học và Công nghệ"], [], "2026-09-30", None),
    ]


def test_a_tab_table_with_day_ranges_and_a_content_cell_wrapped_onto_the_rest_of_its_row() -> None:
    body = (
        "II. NHIỆM VỤ CỤ THỂ\n"
        "STT\tNội dung\tĐơn vị thực hiện\tThời gian\n"
        "1\tTuyên truyền trên hệ thống loa truyền thanh cơ sở\tTrung tâm Dịch vụ tổng hợp xã\t15/4 - 15/5/2026\n"
        "2\tKiểm tra, giám sát các cơ sở kinh doanh thực phẩm trên địa bàn xã.\n"
        "Xử lý nghiêm các vi phạm theo thẩm quyền\tPhòng Kinh tế\t01/4 - 30/4/2026\n"
        "3\tTổng hợp, báo cáo kết quả về UBND xã\tPhòng Văn hóa - Xã hội\tTrước 20/12\n"
    )
    result = _notice(body)
    assert _tasks(result) == [
        (["Trung tâm Dịch vụ tổng hợp xã"], [], "2026-05-15", None),
        (["Phòng Kinh tế"], [], "2026-04-30", None),
        (["Phòng Văn hóa - Xã hội"], [], "2026-12-20", None),
    ]
    assert "Xử lý nghiêm" in result["tasks"][1]["text"]


def test_continuing_education_is_part_of_a_name_but_continually_still_a_manner() -> None:
    body = (
        "1. Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên hướng dẫn các trung tâm xây dựng kế hoạch.\n"
        "2. Các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên tổ chức khai giảng.\n"
        "3. Sở Giáo dục và Đào tạo thường xuyên kiểm tra việc thực hiện.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên"],
        ["Các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên"],
        ["Sở Giáo dục và Đào tạo"],
    ]


def test_a_lead_cell_that_marks_its_partners_and_a_remarks_cell_that_names_them() -> None:
    body = (
        "II. NHIỆM VỤ CỤ THỂ\n"
        "STT | Đơn vị thực hiện | Nội dung công việc | Thời gian | Ghi chú\n"
        "1 | Phòng Kinh tế (chủ trì); Công an phường (phối hợp) | Ra quân lập lại trật tự vỉa hè, lòng"
        " đường | Trong tháng 12/2026 | \n"
        "2 | Phòng Văn hóa - Xã hội | Xây dựng nội dung tuyên truyền trên hệ thống loa truyền thanh |"
        " Trong tháng 12/2026 | Phối hợp: Đoàn Thanh niên phường\n"
        "3 | Công an phường | Tăng cường tuần tra, kiểm soát | Trong tháng 12/2026 | Mỗi tổ ít nhất 01 đợt\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Kinh tế"], ["Công an phường"], "2026-12-31", None),
        (["Phòng Văn hóa - Xã hội"], ["Đoàn Thanh niên phường"], "2026-12-31", None),
        (["Công an phường"], [], "2026-12-31", None),
    ]


def test_news_attendance_reports_and_statements_are_no_tasks() -> None:
    from chidao import extract_text

    text = (
        "Phó Thủ tướng chủ trì hội nghị trực tuyến về phòng, chống dịch tả lợn châu Phi\n\n"
        "Dự hội nghị tại điểm cầu Trụ sở Chính phủ có Bộ trưởng Bộ Nông nghiệp và Môi trường; lãnh đạo các"
        " Bộ: Công an, Quốc phòng, Công Thương. Tại điểm cầu các địa phương có lãnh đạo UBND tỉnh, thành phố,"
        " Sở Nông nghiệp và Môi trường.\n\n"
        "Các địa phương có số ổ dịch lớn là Hà Tĩnh (74 ổ dịch), Nghệ An (61), Quảng Ngãi (48).\n\n"
        "Bộ Công Thương thông tin, lực lượng quản lý thị trường đã kiểm tra 1.216 cơ sở kinh doanh.\n\n"
        "Phó Thủ tướng yêu cầu Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương khoanh vùng, dập dịch.\n"
    )
    assert _tasks(extract_text(text)) == [(["Bộ Nông nghiệp và Môi trường"], [], None, None)]


def test_property_and_assigning_words_end_or_stay_in_names() -> None:
    body = (
        "1. Phòng Tiêu chuẩn, Đo lường, Chất lượng và Sở hữu trí tuệ tổ chức kiểm tra nhà nước về đo lường.\n"
        "2. Giám đốc Sở phân công lãnh đạo phụ trách từng lĩnh vực.\n"
        "3. Phân công nhiệm vụ cụ thể như sau:\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Phòng Tiêu chuẩn, Đo lường, Chất lượng và Sở hữu trí tuệ"],
        ["Giám đốc Sở"],
    ]


def test_a_province_writing_to_the_prime_minister_gives_him_no_task() -> None:
    from chidao import extract_text

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 142/UBND-KT\nV/v đề nghị hỗ trợ kinh phí khắc phục hậu quả"
        " thiên tai\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Quảng Bình, ngày 12 tháng 01 năm 2026\n\n"
        "Kính gửi: Thủ tướng Chính phủ.\nĐồng kính gửi:\n- Bộ Tài chính;\n- Bộ Xây dựng.\n\n"
        "Trong tháng 10 năm 2025, trên địa bàn tỉnh liên tiếp chịu ảnh hưởng của bão số 10, gây sạt lở"
        " nghiêm trọng bờ sông, bờ biển tại nhiều xã, phường.\n\n"
        "Ủy ban nhân dân tỉnh đã ban hành các văn bản chỉ đạo ứng phó; đã giao Sở Nông nghiệp và Môi trường"
        " chủ trì kiểm tra hiện trường; giao Bộ Chỉ huy Quân sự tỉnh chủ trì huy động lực lượng hỗ trợ"
        " Nhân dân.\n\n"
        "Quảng Bình là tỉnh có nguồn thu ngân sách hạn chế, năm 2026 còn phải nhận bổ sung cân đối từ"
        " ngân sách trung ương.\n\n"
        "Ủy ban nhân dân tỉnh kính đề nghị Thủ tướng Chính phủ xem xét hỗ trợ 850 tỷ đồng.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Minh\n"
    )
    result = extract_text(text)
    assert result["tasks"] == []
    assert result["document"]["is_directive"] is False


def test_annex_items_that_open_with_a_content_label_under_group_headings() -> None:
    body = (
        "1. Sở Nội vụ hướng dẫn các cơ quan triển khai Kế hoạch.\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n\n"
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n"
        "1. Nội dung: Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026\n"
        "- Cơ quan chủ trì: Sở Nội vụ\n- Cơ quan phối hợp: Sở Tư pháp\n"
        "- Thời gian hoàn thành: Tháng 02/2026\n- Cơ quan theo dõi, đôn đốc: Văn phòng UBND tỉnh\n"
        "II. CẢI CÁCH TÀI CHÍNH CÔNG\n"
        "2. Nội dung: Hướng dẫn xây dựng phương án tự chủ tài chính của các đơn vị sự nghiệp công lập\n"
        "- Cơ quan chủ trì: Sở Tài chính\n- Thời gian hoàn thành: Quý II/2026\n"
        "- Sản phẩm: Quyết định giao quyền tự chủ\n"
    )
    result = _notice(body)
    assert [t["text"][:9] for t in result["tasks"]][1:] == ["Nội dung:", "Nội dung:"]
    assert _tasks(result)[1:] == [
        (["Sở Nội vụ"], ["Sở Tư pháp"], "2026-02-28", None),
        (["Sở Tài chính"], [], "2026-06-30", None),
    ]


def test_a_body_cited_in_the_intro_is_no_subject_and_a_slash_parts_a_lead_cell() -> None:
    body = (
        "Thực hiện Kết luận số 210-KL/TW của Bộ Chính trị, Ban Bí thư về việc hoàn thiện tổ chức bộ máy,"
        " Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường thực hiện một số nội dung sau:\n"
        "1. Đánh giá toàn diện tình hình tổ chức và hoạt động của chính quyền cấp xã.\n"
        "2. Nhiệm vụ cụ thể\n"
        "STT | Nội dung | Đơn vị thực hiện | Thời gian\n"
        "1 | Rà soát hạ tầng công nghệ thông tin | Phòng Kế hoạch - Tài chính/Văn phòng Sở | Quý II/2026\n"
    )
    leads = [t[0] for t in _tasks(_notice(body))]
    assert leads[0] == ["Ủy ban nhân dân các xã, phường"]
    assert leads[-1] == ["Phòng Kế hoạch - Tài chính", "Văn phòng Sở"]


def test_a_ward_team_and_the_standing_board_of_the_issuer() -> None:
    body = (
        "1. Đội Trật tự đô thị phường\n"
        "a) Tổ chức tuần tra, kiểm tra trên các tuyến phố trọng điểm.\n"
        "2. Công an phường phối hợp với Đội Trật tự đô thị phường trong các đợt ra quân.\n"
        "3. Sở Nội vụ nâng cao chất lượng đội ngũ cán bộ, công chức.\n"
        "4. Thường trực UBND tỉnh cơ bản thống nhất phương án sắp xếp 186 cơ sở nhà, đất dôi dư.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Đội Trật tự đô thị phường"], [], None, None),
        (["Công an phường"], ["Đội Trật tự đô thị phường"], None, None),
        (["Sở Nội vụ"], [], None, None),
    ]


def test_a_group_heading_with_its_members_in_brackets_heads_its_items() -> None:
    body = (
        "2. Các chủ đầu tư (bao gồm các Ban Quản lý dự án đầu tư xây dựng chuyên ngành, khu vực)\n"
        "a) Lập kế hoạch giải ngân chi tiết cho từng dự án, gửi Sở Tài chính trước ngày 15/3/2026.\n"
        "b) Khẩn trương hoàn thiện thủ tục đầu tư các dự án khởi công mới.\n"
    )
    result = _notice(body)
    assert [t["text"][:10] for t in result["tasks"]] == ["Lập kế hoạ", "Khẩn trươn"]
    assert [t[0] for t in _tasks(result)] == [["Các chủ đầu tư"], ["Các chủ đầu tư"]]


def test_plus_bullets_of_their_own_under_a_whole_sentence_are_tasks() -> None:
    body = (
        "1. Sở Văn hóa, Thể thao và Du lịch:\n"
        "- Chủ trì xây dựng Kế hoạch tổ chức Lễ hội, trình UBND tỉnh trước ngày 15/4/2026.\n"
        "+ Rà soát, cập nhật Đề án phát triển du lịch tỉnh, trình UBND tỉnh trong quý II/2026.\n"
        "- Kiểm tra việc niêm yết giá tại các điểm du lịch.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Văn hóa, Thể thao và Du lịch"], [], "2026-04-15", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], [], "2026-06-30", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], [], None, None),
    ]


def test_month_ranges_in_a_time_cell_and_a_date_the_law_refers_to() -> None:
    body = (
        "1. Sở Tư pháp có ý kiến về cơ sở pháp lý đối với trường hợp sử dụng đất trước ngày 15/10/1993,"
        " gửi Thanh tra tỉnh trước ngày 30/6/2026.\n"
        "2. Nhiệm vụ cụ thể\n\n"
        "STT | Nội dung | Đơn vị thực hiện | Thời gian\n"
        "1 | Tổ chức trại hè cho thiếu nhi | Phòng Văn hóa - Xã hội | Tháng 6 - 8/2026\n"
        "2 | Mở lớp dạy bơi miễn phí | Trung tâm Văn hóa - Thể thao | Tháng 6 - tháng 7/2026\n"
    )
    tasks = _tasks(_notice(body))
    assert tasks[0] == (["Sở Tư pháp"], [], "2026-06-30", None)
    assert tasks[-2:] == [
        (["Phòng Văn hóa - Xã hội"], [], "2026-08-31", None),
        (["Trung tâm Văn hóa - Thể thao"], [], "2026-07-31", None),
    ]


def test_a_department_that_guides_its_addressee_gives_it_the_items() -> None:
    from chidao import extract_text

    text = (
        "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 6215/STC-QLNS\nV/v hướng dẫn khóa sổ kế toán ngân sách cấp xã\n"
        "Quảng Ninh, ngày 14 tháng 12 năm 2026\n\n"
        "Kính gửi: Ủy ban nhân dân các xã, phường, đặc khu.\n\n"
        "Để công tác khóa sổ kế toán bảo đảm đúng quy định, Sở Tài chính hướng dẫn một số nội dung như sau:\n"
        "1. Rà soát toàn bộ dự toán chi năm 2026 đã được giao.\n"
        "2. Thực hiện khóa sổ kế toán ngân sách xã niên độ 2026, gửi báo cáo trước ngày 15/02/2027.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Bình\n"
    )
    assert [t[0] for t in _tasks(extract_text(text))] == [["Ủy ban nhân dân các xã, phường, đặc khu"]] * 2


def test_the_head_of_a_delegation_directs_in_the_news_and_market_surveillance_is_a_body() -> None:
    from chidao import extract_text

    text = (
        "Đoàn giám sát của Quốc hội làm việc với tỉnh Phú Thọ\n\n"
        "Chiều 15/9, Đoàn giám sát của Quốc hội đã làm việc với UBND tỉnh Phú Thọ.\n\n"
        "Trưởng đoàn giám sát đề nghị UBND tỉnh tiếp tục rà soát, đánh giá tổ chức bộ máy.\n\n"
        "Đồng chí Trưởng đoàn cũng yêu cầu Sở Khoa học và Công nghệ phối hợp với Chi cục Quản lý thị trường"
        " cập nhật dữ liệu.\n"
    )
    assert _tasks(extract_text(text)) == [
        (["Ủy ban nhân dân tỉnh"], [], None, None),
        (["Sở Khoa học và Công nghệ"], ["Chi cục Quản lý thị trường"], None, None),
    ]


def test_the_department_a_working_session_was_with_is_the_bare_so() -> None:
    from chidao import extract_text

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 123/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 10 tháng 5 năm 2026\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế về tình hình thực hiện nhiệm vụ\n"
        "1. Sở cần chủ động rà soát nhân lực các trạm y tế.\n"
        "2. Giao Sở chủ trì, phối hợp với Sở Nội vụ xây dựng đề án thu hút bác sĩ.\n"
        "3. Sở Tài chính cân đối, bố trí kinh phí thực hiện.\n"
        "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    assert _tasks(extract_text(text)) == [
        (["Sở Y tế"], [], None, None),
        (["Sở Y tế"], ["Sở Nội vụ"], None, None),
        (["Sở Tài chính"], [], None, None),
    ]


def test_two_groups_parted_by_a_semicolon_in_a_heading() -> None:
    body = (
        "7. Các trường trung học phổ thông; các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên\n"
        "- Xây dựng kế hoạch giáo dục nhà trường năm học 2026 - 2027.\n"
    )
    assert _tasks(_notice(body))[0][0] == [
        "Các trường trung học phổ thông",
        "Các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên",
    ]


def test_a_topic_closed_by_a_comma_before_the_body_that_acts() -> None:
    body = (
        "1. Đối với tình trạng lấn chiếm đất, UBND các xã Ia Grai, Chư Prông chủ trì phân loại từng trường hợp.\n"
        "2. Đối với các công trình chậm tiến độ, Sở Xây dựng tập trung kiểm tra, đôn đốc.\n"
        "3. Đối với các tỉnh Vĩnh Long, Đồng Tháp, Phó Chủ tịch UBND tỉnh đề nghị Sở Tài chính hỗ trợ.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Ủy ban nhân dân xã Ia Grai", "Ủy ban nhân dân xã Chư Prông"],
        ["Sở Xây dựng"],
        ["Sở Tài chính"],
    ]


def test_a_lowercase_head_after_a_qualifiers_comma_ends_that_group() -> None:
    body = "1. Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp xây dựng kế hoạch năm học.\n"
    assert _tasks(_notice(body))[0][0][0] == "Các trường trung học phổ thông"


def test_a_period_an_action_is_about_gives_way_to_its_dated_step() -> None:
    body = (
        "1. Sở Xây dựng công bố giá vật liệu xây dựng quý IV/2026 sát với giá thị trường, hoàn thành"
        " trước ngày 10/11/2026.\n"
        "2. Các đơn vị gửi báo cáo sơ kết 6 tháng đầu năm 2026 về Sở Y tế trước 05/7/2026.\n"
        "3. Sở Tài chính rà soát, báo cáo trong quý IV/2026.\n"
    )
    assert [t[2] for t in _tasks(_notice(body))] == ["2026-11-10", "2026-07-05", "2026-12-31"]


def test_a_plain_period_beside_a_count_of_times_says_how_often() -> None:
    body = (
        "1. Sở Nông nghiệp và Môi trường lấy mẫu nước với tần suất 02 lần/ngày; báo cáo kết quả về UBND"
        " tỉnh trước 16 giờ hằng ngày.\n"
        "2. Sở Y tế định kỳ 02 tuần/lần báo cáo Bộ Y tế.\n"
    )
    assert [t[3] for t in _tasks(_notice(body))] == ["daily", None]


def test_a_labelled_petition_and_the_approval_that_answers_it() -> None:
    body = (
        "1. Công ty TNHH Phú An\n"
        "- Nội dung kiến nghị: Doanh nghiệp đã nộp hồ sơ cấp Giấy phép môi trường nhưng chưa được giải quyết.\n"
        "- Ý kiến chỉ đạo: Giao Sở Nông nghiệp và Môi trường giải quyết hồ sơ trước ngày 30/6/2026.\n"
        "2. Công ty Cổ phần Minh Long\n"
        "- Nội dung kiến nghị: Đề nghị được đầu tư nhà lưu trú cho công nhân.\n"
        "- Ý kiến chỉ đạo: Thống nhất chủ trương khuyến khích doanh nghiệp đầu tư nhà lưu trú công nhân.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Nông nghiệp và Môi trường"], [], "2026-06-30", None)]


def test_a_sub_committee_is_a_body() -> None:
    body = "1. Tiểu ban Văn kiện tiếp thu tối đa ý kiến góp ý, hoàn thiện dự thảo Báo cáo chính trị.\n"
    assert _tasks(_notice(body))[0][0] == ["Tiểu ban Văn kiện"]
