"""Rules added on 2026-12-07 (fifth session) from the batches g806-g841, each on a short text
written for it. The texts are invented and share no text with the measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


def _news(body: str) -> dict:
    """A news item with no header: a headline, a lead paragraph, then the body."""
    return extract_text("Phó Thủ tướng kiểm tra khắc phục hậu quả bão tại Quảng Trị\n(Chinhphu.vn) - Ngày 12/10,"
                        " Phó Thủ tướng đã kiểm tra vùng bão.\n" + body)


def test_in_the_news_what_comes_before_a_lead_in_assigns_on_its_own() -> None:
    # A news item's sentences each stand alone: a lead-in with a colon after them does not make
    # them its preamble.
    body = (
        "Phó Thủ tướng giao Bộ Tài chính chủ trì thẩm định đề xuất hỗ trợ của tỉnh trước ngày 20/10/2026.\n"
        "Bộ Xây dựng chỉ đạo Cục Đường bộ Việt Nam khẩn trương thông xe Quốc lộ 9.\n"
        "Phó Thủ tướng yêu cầu UBND tỉnh Quảng Trị:\n"
        "- Rà soát, thống kê đầy đủ thiệt hại.\n"
    )
    assert _tasks(_news(body)) == [
        (["Bộ Tài chính"], [], "2026-10-20", None),
        (["Bộ Xây dựng"], [], None, None),
        (["Ủy ban nhân dân tỉnh Quảng Trị"], [], None, None),
    ]


def test_a_topic_naming_the_addressees_before_the_speakers_request_and_a_colon() -> None:
    body = (
        "Đối với UBND tỉnh Quảng Trị và UBND tỉnh Hà Tĩnh, Phó Thủ tướng yêu cầu:\n"
        "- Bố trí chỗ ở tạm cho các hộ mất nhà.\n"
        "- Công khai việc phân bổ hàng cứu trợ.\n"
    )
    leads = ["Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Hà Tĩnh"]
    assert _tasks(_news(body)) == [(leads, [], None, None), (leads, [], None, None)]


def test_a_title_alone_that_stresses_a_point_is_the_speaker() -> None:
    body = (
        "Thứ trưởng nhấn mạnh, người bệnh phải là trung tâm của mọi thay đổi.\n"
        "Thứ trưởng đề nghị Bệnh viện Đa khoa tỉnh rà soát quy trình khám bệnh.\n"
    )
    assert _tasks(_news(body)) == [(["Bệnh viện Đa khoa tỉnh"], [], None, None)]


def test_a_body_asking_one_above_it_proposes_and_a_supervisor_asking_assigns() -> None:
    body = (
        "Ban Quản lý dự án đầu tư xây dựng tỉnh đề xuất UBND tỉnh cho phép áp dụng cơ chế đặc thù.\n"
        "Sở Công Thương đề nghị UBND tỉnh thành lập tổ công tác liên ngành.\n"
        "Đoàn ĐBQH tỉnh đề nghị UBND tỉnh tiếp tục rà soát các hộ chưa có nhà ở.\n"
        "Sở Công Thương đề nghị các doanh nghiệp báo cáo sản lượng điện trước ngày 25/10/2026.\n"
    )
    assert _tasks(_news(body)) == [
        (["Ủy ban nhân dân tỉnh"], [], None, None),
        (["Các doanh nghiệp"], [], "2026-10-25", None),
    ]


def test_a_photo_caption_after_a_dash_and_a_province_detailing_a_request() -> None:
    body = (
        "Phó Thủ tướng thăm hỏi người dân vùng lũ tại xã Cam Lộ - Ảnh: VGP\n"
        "Lãnh đạo tỉnh kiến nghị Chính phủ hỗ trợ khẩn cấp, trong đó tỉnh Quảng Trị đề xuất 800 tỷ đồng.\n"
        "Phó Thủ tướng giao Bộ Nông nghiệp và Môi trường hỗ trợ giống cây trồng cho người dân.\n"
    )
    assert _tasks(_news(body)) == [(["Bộ Nông nghiệp và Môi trường"], [], None, None)]


def test_a_tab_table_whose_agency_column_splits_into_lead_and_partners() -> None:
    # "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp" on the header's second line.
    body = (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "STT\tNội dung\tCơ quan thực hiện\t\tThời gian hoàn thành\tSản phẩm\n"
        "\t\tChủ trì\tPhối hợp\t\t\n"
        "1\tRà soát quy chế tiếp nhận hồ sơ\tSở Nội vụ\tSở Tư pháp; Công an tỉnh\tQuý II/2026\tBáo cáo\n"
        "2\tNâng cấp cổng dịch vụ công\tSở Khoa học và Công nghệ\tVăn phòng UBND tỉnh\tTháng 9/2026\tHệ thống\n"
    )
    assert _tasks(_notice(body, kind="KH", title="KẾ HOẠCH", subject="Cải cách hành chính năm 2026")) == [
        (["Sở Nội vụ"], ["Sở Tư pháp", "Công an tỉnh"], "2026-06-30", None),
        (["Sở Khoa học và Công nghệ"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2026-09-30", None),
    ]


def test_a_plan_line_after_short_lettered_items_is_every_ones() -> None:
    body = (
        "1. Xây dựng cơ sở dữ liệu chuyên ngành\n"
        "a) Sở Y tế triển khai hồ sơ sức khỏe điện tử.\n"
        "b) Sở Giáo dục và Đào tạo làm sạch dữ liệu ngành giáo dục.\n"
        "- Cơ quan phối hợp: Công an tỉnh; Thời gian: hoàn thành trong năm 2026.\n"
        "2. Phổ biến Luật Dữ liệu\n"
        "a) Tổ chức hội nghị quán triệt Luật Dữ liệu.\n"
        "b) Biên soạn tài liệu hỏi - đáp về Luật Dữ liệu.\n"
        "- Cơ quan chủ trì: Sở Tư pháp; Thời gian: Quý IV/2026.\n"
    )
    assert _tasks(_notice(body, kind="KH", title="KẾ HOẠCH", subject="Triển khai Luật Dữ liệu")) == [
        (["Sở Y tế"], ["Công an tỉnh"], "2026-12-31", None),
        (["Sở Giáo dục và Đào tạo"], ["Công an tỉnh"], "2026-12-31", None),
        (["Sở Tư pháp"], [], "2026-12-31", None),
        (["Sở Tư pháp"], [], "2026-12-31", None),
    ]


def test_groups_of_localities_named_by_the_hazard_or_the_river() -> None:
    body = (
        "1. Ủy ban nhân dân các xã, phường vùng bị ảnh hưởng mặn chủ động gia cố cống, bờ bao.\n"
        "2. UBND các xã chịu ảnh hưởng của bão thống kê thiệt hại.\n"
        "3. UBND các xã, phường ven sông Tiền, sông Hàm Luông kiểm tra sạt lở bờ sông.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [
        ["Ủy ban nhân dân các xã, phường vùng bị ảnh hưởng mặn"],
        ["Ủy ban nhân dân các xã chịu ảnh hưởng của bão"],
        ["Ủy ban nhân dân các xã, phường ven sông Tiền, sông Hàm Luông"],
    ]


def test_a_police_unit_with_its_comma_and_its_owner_after_a_dash() -> None:
    body = (
        "1. Chi cục Bảo vệ môi trường chủ trì, phối hợp với Phòng Cảnh sát phòng, chống tội phạm về môi"
        " trường - Công an tỉnh kiểm tra các cơ sở xả thải.\n"
        "2. Sở Công Thương phối hợp với Phòng Cảnh sát kinh tế - Công an tỉnh kiểm tra thị trường xăng dầu.\n"
    )
    assert [t[1] for t in _tasks(_notice(body))] == [
        ["Phòng Cảnh sát phòng, chống tội phạm về môi trường - Công an tỉnh"],
        ["Phòng Cảnh sát kinh tế - Công an tỉnh"],
    ]


def test_the_last_sentence_carrying_the_document_out_and_a_courtesy_are_no_tasks() -> None:
    body = (
        "1. Sở Y tế kiểm tra công tác phòng, chống dịch tại các bệnh viện.\n"
        "Đề nghị đồng chí Chủ tịch Ủy ban nhân dân các xã, phường quan tâm chỉ đạo; Thủ trưởng các đơn vị"
        " liên quan khẩn trương triển khai thực hiện Thông báo này./.\n"
    )
    assert _tasks(_notice(body)) == [(["Sở Y tế"], [], None, None)]
    body = "1. Sở Y tế kiểm tra các bệnh viện.\nRất mong nhận được sự quan tâm, phối hợp của các cơ quan, đơn vị./.\n"
    assert _tasks(_notice(body)) == [(["Sở Y tế"], [], None, None)]


def test_a_period_opening_a_coordinated_action_says_how_often_it_is_done() -> None:
    body = (
        "1. Văn phòng UBND tỉnh theo dõi, đôn đốc và hằng tuần tổng hợp tình hình, báo cáo Chủ tịch UBND tỉnh.\n"
        "2. Chi cục Thủy lợi tổ chức đo đạc, hằng ngày cập nhật số liệu độ mặn trên trang thông tin của Sở.\n"
        "3. Sở Tài chính rà soát cơ sở vật chất, hằng năm được bố trí kinh phí theo quy định.\n"
    )
    assert [t[3] for t in _tasks(_notice(body))] == ["weekly", "daily", None]


def test_a_party_standing_committee_approving_in_its_own_notice_and_a_rule_under_the_title() -> None:
    text = (
        "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nTỈNH ỦY\n*\nSố 88-TB/TU\nQuảng Trị, ngày 12 tháng 5 năm 2026\n"
        "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về công tác giảm nghèo bền vững\n-----\n"
        "1. Ban Thường vụ Tỉnh ủy cơ bản thống nhất với báo cáo của Đảng ủy UBND tỉnh.\n"
        "2. Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh rà soát các chính sách hỗ trợ hộ nghèo trước ngày 30/6/2026.\n"
        "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"
    )
    result = extract_text(text)
    assert not result["document"]["title"].endswith("-")
    assert _tasks(result) == [(["Đảng ủy Ủy ban nhân dân tỉnh"], [], "2026-06-30", None)]


_OFFICE = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nVĂN PHÒNG\nSố: 77/TB-VP\nHải Phòng, ngày 02 tháng 11 năm 2026\n"
    "THÔNG BÁO\nKết luận của Chủ tịch UBND thành phố tại cuộc họp về chống ngập\n\n{body}\nNơi nhận:\n- Lưu: VT.\n"
)


def test_a_firm_keeps_the_city_in_its_name_and_the_committee_promises_in_its_offices_notice() -> None:
    body = (
        "1. Công ty Điện lực thành phố Hải Phòng bảo đảm cấp điện cho các trạm bơm.\n"
        "2. Công an thành phố Hải Phòng bố trí lực lượng phân luồng giao thông.\n"
        "3. Ủy ban nhân dân thành phố sẽ báo cáo Thủ tướng Chính phủ xem xét hỗ trợ kinh phí.\n"
    )
    assert [t[0] for t in _tasks(extract_text(_OFFICE.format(body=body)))] == [
        ["Công ty Điện lực thành phố Hải Phòng"],
        ["Công an thành phố"],
    ]


def test_party_groups_after_2025_a_lowercase_second_group_and_what_the_communes_have() -> None:
    text = (
        "TỈNH ỦY HÀ TĨNH\nSố 15-CT/TU\nHà Tĩnh, ngày 20 tháng 5 năm 2026\nCHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy"
        " về công tác phòng, chống thiên tai\n\n"
        "1. Các đảng ủy trực thuộc Tỉnh ủy, đảng ủy các xã, phường tổ chức quán triệt Chỉ thị.\n"
        "2. Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh lãnh đạo các đoàn thể vận động nhân dân.\n"
        "3. Các đảng ủy xã, phường có dự án trọng điểm đi qua lãnh đạo công khai phương án bồi thường.\n"
        "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"
    )
    assert [t[0] for t in _tasks(extract_text(text))] == [
        ["Các đảng ủy trực thuộc Tỉnh ủy", "Đảng ủy các xã, phường"],
        ["Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh"],
        ["Các đảng ủy xã, phường có dự án trọng điểm đi qua"],
    ]


def test_the_party_office_conveying_the_standing_committee_gives_the_items_to_its_addressee() -> None:
    text = (
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI\nTỈNH ỦY\nVĂN PHÒNG\n*\nSố 3120-CV/VPTU\nV/v ý kiến của Ban Thường vụ Tỉnh ủy\n\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ngãi, ngày 11 tháng 8 năm 2026\n\nKính gửi: Đảng ủy UBND tỉnh\n\n"
        "Văn phòng Tỉnh ủy truyền đạt ý kiến của Ban Thường vụ Tỉnh ủy như sau:\n"
        "1. Chỉ đạo rà soát năng lực tài chính của nhà đầu tư, báo cáo trước ngày 30/9/2026.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu Văn phòng Tỉnh ủy.\n"
    )
    assert _tasks(extract_text(text)) == [(["Đảng ủy Ủy ban nhân dân tỉnh"], [], "2026-09-30", None)]


def test_a_central_document_keeps_each_provinces_department() -> None:
    text = (
        "BỘ Y TẾ\nSố: 3310/BYT-DP\nV/v phòng, chống sốt xuất huyết\nHà Nội, ngày 12 tháng 8 năm 2026\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.\n\n"
        "1. Sở Y tế tỉnh Gia Lai và Sở Y tế TP. Hồ Chí Minh tổ chức chiến dịch diệt lăng quăng.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, DP.\n"
    )
    assert _tasks(extract_text(text)) == [(["Sở Y tế tỉnh Gia Lai", "Sở Y tế thành phố Hồ Chí Minh"], [], None, None)]


def test_a_report_item_that_points_back_at_items_is_a_task_of_its_own() -> None:
    body = (
        "1. Rà soát các tuyến đê xung yếu.\n"
        "2. Kiểm tra các cống qua đê.\n"
        "3. Tổng hợp kết quả thực hiện các nội dung tại mục 1, 2 nêu trên, gửi về Sở Nông nghiệp và Môi"
        " trường trước ngày 20/8/2026.\n"
    )
    intro = "Kính gửi: Ủy ban nhân dân các xã, phường.\n\n"
    result = _notice(body, kind="SNNMT-TL", title="V/v bảo đảm an toàn đê điều", subject=" ", intro=intro)
    assert [t[2] for t in _tasks(result)] == [None, None, "2026-08-20"]


def test_in_the_news_a_group_and_whom_it_holds_is_no_task() -> None:
    body = "Các địa phương có số mắc cao gồm TP. Hồ Chí Minh, Đồng Nai và Cần Thơ.\n"
    body += "Thứ trưởng yêu cầu Sở Y tế TP. Hồ Chí Minh khẩn trương diệt lăng quăng.\n"
    assert _tasks(_news(body)) == [(["Sở Y tế thành phố Hồ Chí Minh"], [], None, None)]


def test_the_issuers_promise_after_the_last_item_gives_it_no_date() -> None:
    text = (
        "ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY\n*\nSố 90-TB/TU\nTuyên Quang, ngày 14 tháng 4 năm 2026\n"
        "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về phát triển du lịch\n-----\n"
        "1. Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kết luận; hằng quý tổng\nhợp tình hình,"
        " báo cáo Thường trực Tỉnh ủy.\nBan Thường vụ Tỉnh ủy sẽ tổ chức sơ kết việc thực hiện Kết luận"
        " này vào quý\nIV/2027.\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"
    )
    assert _tasks(extract_text(text)) == [(["Văn phòng Tỉnh ủy"], [], None, "quarterly")]


def test_a_date_already_past_tells_of_an_event_and_a_labelled_month_beats_the_year() -> None:
    # The notice is dated 06/7/2026 (test_rules_g82_g105.HEADER).
    body = (
        "1. Ủy ban nhân dân xã hoàn thành chi trả hỗ trợ cho các hộ bị thiệt hại do đợt mưa lớn đầu năm"
        " 2026 trong 05 ngày làm việc kể từ ngày ký Thông báo này.\n"
        "2. Ban Chỉ huy Quân sự xã đăng ký nghĩa vụ quân sự cho công dân nam đủ 17 tuổi trong năm 2027;"
        " thời gian thực hiện trong tháng 4/2027.\n"
    )
    result = _notice(body)
    assert [t[2] for t in _tasks(result)] == ["2026-07-13", "2027-04-30"]


def test_an_urging_letters_items_take_its_new_date_not_their_old_one_in_brackets() -> None:
    # The notice is dated 06/7/2026: the bracket's deadline is the old, missed one.
    body = (
        "Chủ tịch UBND tỉnh yêu cầu các cơ quan hoàn thành dứt điểm các nhiệm vụ sau đây trước ngày 31/7/2026:\n"
        "1. Sở Tài chính tham mưu phương án xử lý nhà, đất dôi dư (theo Thông báo số 402/TB-UBND ngày"
        " 14/5/2026, thời hạn trước ngày 15/6/2026).\n"
        "2. Sở Nội vụ trình Quy định phân cấp quản lý biên chế (nhiệm vụ giao tại Văn bản số 4870/UBND-TH,"
        " thời hạn trước ngày 30/6/2026).\n"
    )
    assert [t[2] for t in _tasks(_notice(body))] == ["2026-07-31", "2026-07-31"]


def test_a_tab_table_with_lettered_and_roman_group_lines_and_two_bodies_in_a_lead_cell() -> None:
    body = (
        "PHỤ LỤC\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\n"
        "A. NHIỆM VỤ CHUNG\n"
        "1\tTuyên truyền nội dung Kế hoạch\tPhòng Văn hóa - Xã hội\tCác tổ dân phố\tTháng 3/2026\n"
        "B. NHIỆM VỤ CỤ THỂ\n"
        "I. Trật tự đô thị\n"
        "2\tRà soát hộ kinh doanh lấn chiếm vỉa hè\tPhòng Kinh tế, Hạ tầng và Đô thị\n"
        "Công an phường\tCác tổ dân phố\tTháng 4/2026\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Lập lại trật tự đô thị năm 2026")
    assert _tasks(result) == [
        (["Phòng Văn hóa - Xã hội"], ["Các tổ dân phố"], "2026-03-31", None),
        (["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"], ["Các tổ dân phố"], "2026-04-30", None),
    ]


def test_in_the_news_a_topic_naming_who_acts_before_a_speakers_request_figures_and_tags() -> None:
    body = (
        "Đối với các doanh nghiệp trong khu kinh tế, Bí thư Tỉnh ủy đề nghị quan tâm chăm lo đời sống người lao động.\n"
        "Xã Tương Dương có 12 điểm trường bị ngập sâu, hư hỏng bàn ghế.\n"
        "Phó Thủ tướng giao Bộ Xây dựng kiểm tra hệ thống kè.\n"
        "Từ khóa: Phó Thủ tướng, Quảng Trị, sạt lở bờ biển\n"
    )
    assert _tasks(_news(body)) == [
        (["Các doanh nghiệp trong khu kinh tế"], [], None, None),
        (["Bộ Xây dựng"], [], None, None),
    ]


def test_what_a_draft_must_make_clear_is_no_task_and_the_request_before_it_is() -> None:
    intro = "Kính gửi: Sở Văn hóa, Thể thao và Du lịch.\n\n"
    body = (
        "Văn phòng UBND tỉnh đề nghị khẩn trương hoàn thiện dự thảo Đề án phát triển du lịch cộng đồng,"
        " trình UBND tỉnh trước ngày 20/11/2026.\n"
        "Trong quá trình hoàn thiện, dự thảo Đề án cần làm rõ các nội dung sau:\n"
        "- Đánh giá thực trạng hoạt động du lịch cộng đồng tại các làng;\n"
        "- Nhu cầu kinh phí và khả năng lồng ghép các chương trình.\n"
    )
    result = _notice(body, kind="VP-KGVX", title="V/v đôn đốc hoàn thiện Đề án", subject=" ", intro=intro)
    assert _tasks(result) == [(["Sở Văn hóa, Thể thao và Du lịch"], [], "2026-11-20", None)]


def test_a_pipe_table_whose_time_splits_into_start_and_end_on_a_second_header_line() -> None:
    body = (
        "| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | |\n"
        "| | | | | Bắt đầu | Hoàn thành |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Rà soát, lựa chọn địa điểm xây trường | Sở Giáo dục và Đào tạo | Sở Xây dựng | 3/2026 | 30/4/2026 |\n"
        "| 2 | Lập, thẩm định chủ trương đầu tư | Sở Tài chính | Sở Giáo dục và Đào tạo | 5/2026 | 30/6/2026 |\n"
    )
    result = _notice(body, kind="KH", title="KẾ HOẠCH", subject="Xây dựng trường nội trú biên giới")
    assert [t[2] for t in _tasks(result)] == ["2026-04-30", "2026-06-30"]


def test_a_provinces_answer_to_a_company_gives_it_only_what_it_is_asked() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 512/UBND-KT\nV/v trả lời đề xuất của Công ty Cổ phần Du lịch Biển Xanh\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhú Yên, ngày 06 tháng 10 năm 2026\n\n"
        "Kính gửi: Công ty Cổ phần Du lịch Biển Xanh.\n\n"
        "UBND tỉnh nhận được Văn bản số 15/CV-BX của Công ty Cổ phần Du lịch Biển Xanh (sau đây gọi tắt là Công ty)"
        " về tháo gỡ khó khăn cho Dự án. Theo đó, Công ty đề nghị UBND tỉnh xem xét:\n"
        "- Cho phép gia hạn tiến độ Dự án thêm 24 tháng;\n"
        "- Miễn tiền thuê đất trong thời gian gia hạn.\n\n"
        "Sau khi xem xét, UBND tỉnh có ý kiến như sau:\n\n"
        "1. Về đề nghị gia hạn tiến độ\n"
        "Dự án được UBND tỉnh chấp thuận chủ trương đầu tư tại Quyết định số 1876/QĐ-UBND năm 2020.\n"
        "Theo quy định của Luật Đầu tư, việc điều chỉnh tiến độ chỉ được xem xét trên cơ sở hồ sơ hợp lệ.\n"
        "Đề nghị Công ty lập hồ sơ đề nghị điều chỉnh dự án, gửi Sở Tài chính trước ngày 31/10/2026.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    assert _tasks(extract_text(text)) == [(["Công ty Cổ phần Du lịch Biển Xanh"], [], "2026-10-31", None)]
