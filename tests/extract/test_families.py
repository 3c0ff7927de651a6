"""Families of documents met on arrival of new genre examples (g27-g34), each with a short
notice written for the test: an annex list of tasks after the signature, a telegram's addressee
list, qualified group names, duties "trước 16 giờ hằng ngày" and "tháng cuối quý"."""

from __future__ import annotations

from test_annotation_rules import (
    DEPUTY_SIGNATURE,
    assert_agencies,
    document,
    letter,
    task_containing,
)

from chidao import extract_text


def test_annex_items_after_the_signature_are_tasks_with_their_plan_lines():
    decision = document(
        "Điều 1. Ban hành kèm theo Quyết định này Danh mục nhiệm vụ chuyển đổi số năm 2026.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        kind="QUYẾT ĐỊNH",
        title="Ban hành Danh mục nhiệm vụ chuyển đổi số năm 2026",
        number="88/QĐ-UBND",
        signature=DEPUTY_SIGNATURE,
    )
    annex = (
        "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026\n"
        "(Kèm theo Quyết định số 88/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)\n\n"
        "1. Xây dựng kho dữ liệu dùng chung của tỉnh, kết nối với các hệ thống thông tin của các sở.\n"
        "Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
        "Cơ quan phối hợp: Sở Tài chính.\n"
        "Thời hạn: Quý III/2026.\n\n"
        "2. Số hóa hồ sơ đất đai còn lưu trữ bằng giấy tại các xã, phường.\n"
        "Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n"
        "Thời hạn: Tháng 10/2026.\n"
    )
    result = extract_text(decision + annex)
    store = task_containing(result, "kho dữ liệu dùng chung")
    assert_agencies(store["lead"], ["Sở Khoa học và Công nghệ"])
    assert_agencies(store["coordinators"], ["Sở Tài chính"])
    assert store["deadline"] == "2026-09-30"
    land = task_containing(result, "hồ sơ đất đai")
    assert_agencies(land["lead"], ["Sở Nông nghiệp và Môi trường"])
    assert land["deadline"] == "2026-10-31"
    assert len(result["tasks"]) == 2


def test_a_telegram_names_addressees_not_tasks_and_its_hourly_daily_duty_recurs():
    body = (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
        "- Giám đốc Công an tỉnh;\n"
        "- Giám đốc các sở: Y tế, Xây dựng;\n"
        "- Chủ tịch UBND các xã, phường.\n\n"
        "Trước diễn biến phức tạp của dịch sốt xuất huyết, Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Sở Y tế tổ chức giám sát chặt chẽ các ổ dịch, tổng hợp tình hình, báo cáo Chủ tịch UBND tỉnh "
        "trước 15 giờ hằng ngày.\n"
        "2. Sở Xây dựng kiểm tra vệ sinh các công trình đang thi công, báo cáo trước ngày 20 tháng cuối quý.\n\n"
        "Yêu cầu Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, phường nghiêm túc, khẩn trương "
        "triển khai thực hiện Công điện này./."
    )
    result = extract_text(
        document(body, kind="CÔNG ĐIỆN", title="Về việc phòng, chống dịch sốt xuất huyết", number="07/CĐ-UBND")
    )
    assert len(result["tasks"]) == 2, [t["text"][:40] for t in result["tasks"]]
    watch = task_containing(result, "giám sát chặt chẽ")
    assert_agencies(watch["lead"], ["Sở Y tế"])
    assert watch["recurrence"] == "daily" and watch["deadline"] is None
    assert task_containing(result, "vệ sinh các công trình")["recurrence"] == "quarterly"


def test_a_ward_names_its_own_office_and_heads_by_position_and_a_directive_its_whole_groups():
    body = (
        "Chủ tịch UBND phường yêu cầu:\n"
        "1. Văn phòng HĐND và UBND phường xây dựng lịch trực Tết của lãnh đạo phường, "
        "hoàn thành trước ngày 10/02/2026.\n"
        "2. Tổ trưởng các tổ dân phố vận động Nhân dân giữ gìn vệ sinh môi trường, báo cáo trước ngày 12/02/2026.\n"
        "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ rà soát các thủ tục hành chính liên quan.\n"
    )
    result = extract_text(document(body, kind="THÔNG BÁO", title="Về việc trực Tết", number="12/TB-UBND"))
    assert_agencies(
        task_containing(result, "lịch trực Tết")["lead"], ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"]
    )
    assert_agencies(task_containing(result, "vệ sinh môi trường")["lead"], ["Tổ trưởng các tổ dân phố"])
    assert_agencies(
        task_containing(result, "thủ tục hành chính")["lead"], ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]
    )


def test_a_last_item_that_only_urges_carrying_out_the_directive_is_no_task():
    body = (
        "1. Sở Xây dựng rà soát quỹ đất phát triển nhà ở xã hội, báo cáo trước ngày 30/6/2026.\n"
        "2. Giám đốc các sở, Chủ tịch UBND các xã, phường chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả "
        "thực hiện; tập trung chỉ đạo, tổ chức thực hiện nghiêm túc, hiệu quả Chỉ thị này./."
    )
    result = extract_text(document(body, kind="CHỈ THỊ", title="Về phát triển nhà ở xã hội", number="05/CT-UBND"))
    assert [t["lead"] for t in result["tasks"]] == [["Sở Xây dựng"]], [t["text"][:60] for t in result["tasks"]]


def test_news_names_who_came_along_and_each_sentence_with_its_own_subject_is_a_task():
    news = (
        "Chủ tịch UBND tỉnh kiểm tra tiến độ dự án cầu Bến Lức\n\n"
        "Sáng 12/10, Chủ tịch UBND tỉnh Trần Văn Lâm kiểm tra tiến độ thi công dự án cầu Bến Lức. "
        "Cùng đi có lãnh đạo các sở: Xây dựng, Tài chính; Ban Quản lý dự án đầu tư xây dựng tỉnh và "
        "lãnh đạo các xã có dự án đi qua.\n\n"
        "Chủ tịch UBND tỉnh giao Sở Tài chính thẩm định điều chỉnh tổng mức đầu tư của dự án. "
        "Đồng thời, Sở Tài chính tham mưu bố trí bổ sung vốn năm 2026 cho dự án.\n"
    )
    result = extract_text(news)
    assert [t["lead"] for t in result["tasks"]] == [["Sở Tài chính"], ["Sở Tài chính"]], [
        t["text"][:50] for t in result["tasks"]
    ]


def test_the_issuers_promise_in_its_own_words_answering_a_proposal_is_no_task():
    body = (
        "Bộ trưởng kết luận như sau:\n"
        "1. Giao Cục Thủy sản và Kiểm ngư hướng dẫn các tỉnh cập nhật dữ liệu tàu cá, hoàn thành trong tháng 4/2026.\n"
        "2. Về kiến nghị của Ủy ban nhân dân tỉnh Quảng Ngãi hỗ trợ kinh phí lắp thiết bị giám sát hành trình: "
        "Bộ ghi nhận và sẽ tổng hợp, báo cáo Chính phủ trong quý III/2026.\n"
    )
    notice = document(
        body,
        issuer="BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        number="210/TB-BNNMT",
        place="Hà Nội",
        title="Kết luận của Bộ trưởng tại cuộc họp về chống khai thác IUU",
    )
    result = extract_text(notice)
    assert [t["lead"] for t in result["tasks"]] == [["Cục Thủy sản và Kiểm ngư"]], [
        t["text"][:50] for t in result["tasks"]
    ]


def test_a_group_of_localities_keeps_its_whole_qualifying_phrase():
    body = (
        "Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ủy ban nhân dân các xã, phường có khu, "
        "điểm du lịch kiểm tra an toàn thực phẩm tại các cơ sở lưu trú.\n"
        "2. Sở Công Thương chủ trì, phối hợp với Ủy ban nhân dân các xã có sản phẩm OCOP quảng bá sản phẩm.\n"
    )
    result = extract_text(document(body, title="Về việc bảo đảm an toàn mùa du lịch", number="40/TB-UBND"))
    task = task_containing(result, "an toàn thực phẩm")
    assert_agencies(task["coordinators"], ["Ủy ban nhân dân các xã, phường có khu, điểm du lịch"])
    products = task_containing(result, "quảng bá sản phẩm")
    assert_agencies(products["coordinators"], ["Ủy ban nhân dân các xã có sản phẩm OCOP"])
    directive = "1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương bố trí đủ quỹ đất cho nhà ở xã hội.\n"
    national = document(
        directive, kind="CHỈ THỊ", issuer="THỦ TƯỚNG CHÍNH PHỦ", number="12/CT-TTg", place="Hà Nội", title="Về nhà ở"
    )
    land = task_containing(extract_text(national), "quỹ đất")
    assert_agencies(land["lead"], ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"])


def test_a_communes_own_health_station_keeps_its_place_word():
    body = (
        "1. Trạm Y tế phường bố trí lực lượng trực cấp cứu trong các ngày nghỉ Tết.\n"
        "2. Sở Y tế xã hội hóa các dịch vụ y tế dự phòng tại các trạm y tế.\n"
    )
    result = extract_text(document(body, title="Về công tác y tế dịp Tết", number="15/TB-UBND"))
    assert_agencies(task_containing(result, "trực cấp cứu")["lead"], ["Trạm Y tế phường"])
    assert task_containing(result, "dịch vụ y tế dự phòng")["lead_written"] == ["Sở Y tế"]


def test_an_annex_that_is_a_report_form_gives_no_task():
    letter_text = document(
        "Kính gửi: Ủy ban nhân dân các xã, phường\n\n"
        "Đề nghị Ủy ban nhân dân các xã, phường tổng hợp số liệu theo mẫu tại Phụ lục, "
        "gửi Sở Y tế trước ngày 20/3/2026.",
        kind=None,
        subject="báo cáo số liệu trạm y tế",
        number="88/SYT-KHTC",
        issuer="SỞ Y TẾ\nTỈNH HƯNG YÊN",
    )
    form = (
        "\nPhụ lục\nMẪU BÁO CÁO SỐ LIỆU TRẠM Y TẾ\n(Kèm theo Công văn số 88/SYT-KHTC)\n\n"
        "Xã/phường: ..........\n\n"
        "1. Số trạm y tế đang hoạt động: ....\n"
        "2. Số bác sĩ làm việc tại trạm: ....\n\n"
        "Người lập biểu\n(Ký, ghi rõ họ tên)\nTM. ỦY BAN NHÂN DÂN\n(Ký tên, đóng dấu)\n"
    )
    result = extract_text(letter_text + form)
    assert len(result["tasks"]) == 1, [t["text"][:50] for t in result["tasks"]]


def test_names_of_units_regional_branches_and_headings_without_a_colon():
    body = (
        "Giám đốc Sở kết luận như sau:\n\n"
        "1. Chi cục Kiểm lâm\n"
        "Tổ chức tuần tra bảo vệ rừng tại các xã biên giới, báo cáo trước ngày 30/4/2026.\n\n"
        "2. Các phòng, chi cục, trung tâm, ban quản lý trực thuộc Sở\n"
        "Cập nhật kết quả thực hiện nhiệm vụ lên hệ thống điều hành trước ngày 25 hằng tháng.\n\n"
        "3. Phòng Quản lý đất đai chủ trì, phối hợp với Văn phòng Đăng ký đất đai rà soát hồ sơ cấp giấy.\n\n"
        "4. Đề nghị Ngân hàng Nhà nước Khu vực 15 chỉ đạo các tổ chức tín dụng bảo đảm nguồn vốn cho vay.\n"
    )
    result = extract_text(
        document(
            body, issuer="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nTỈNH HƯNG YÊN", number="45/TB-SNNMT", title="Kết luận giao ban"
        )
    )
    assert_agencies(task_containing(result, "tuần tra bảo vệ rừng")["lead"], ["Chi cục Kiểm lâm"])
    assert_agencies(
        task_containing(result, "hệ thống điều hành")["lead"],
        ["Các phòng, chi cục, trung tâm, ban quản lý trực thuộc Sở"],
    )
    assert_agencies(task_containing(result, "hồ sơ cấp giấy")["coordinators"], ["Văn phòng Đăng ký đất đai"])
    assert_agencies(task_containing(result, "nguồn vốn cho vay")["lead"], ["Ngân hàng Nhà nước Khu vực 15"])


def test_a_government_resolution_approves_without_tasks_and_its_monitoring_duty_is_one():
    body = (
        "QUYẾT NGHỊ:\n\n"
        "1. Chính phủ thống nhất đánh giá: năm 2025 kinh tế tiếp tục phục hồi, các cân đối lớn được bảo đảm.\n\n"
        "2. Chính phủ thống nhất thông qua Báo cáo về công tác phòng, chống tham nhũng năm 2025.\n\n"
        "3. Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng hoàn thiện đề án phát triển nhà ở xã hội, "
        "trình Thủ tướng Chính phủ trước ngày 31/3/2026.\n\n"
        "4. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Nghị quyết này; định kỳ hằng tháng tổng hợp, "
        "báo cáo Chính phủ tại phiên họp thường kỳ.\n"
    )
    resolution = document(
        body,
        kind="NGHỊ QUYẾT",
        issuer="CHÍNH PHỦ\n--------",
        number="05/NQ-CP",
        place="Hà Nội",
        title="Phiên họp Chính phủ thường kỳ tháng 02 năm 2026",
    )
    result = extract_text(resolution)
    assert [t["lead"] for t in result["tasks"]] == [["Bộ Tài chính"], ["Văn phòng Chính phủ"]], [
        t["text"][:50] for t in result["tasks"]
    ]
    assert result["tasks"][1]["recurrence"] == "monthly"


def test_a_portal_page_relays_a_letter_after_its_menu_and_breadcrumb():
    page = (
        "Cổng Thông tin điện tử tỉnh Hưng Yên\n"
        "Trang chủ\nGiới thiệu\nTin tức - Sự kiện\n"
        "Trang chủ > Tin tức - Sự kiện > Chỉ đạo điều hành\n"
        "Chủ tịch UBND tỉnh yêu cầu bảo đảm hàng hóa dịp Tết\n"
        "Thứ Hai, 12/01/2026 09:15\n"
        "(Cổng TTĐT Hưng Yên) - Chủ tịch UBND tỉnh vừa ký Công văn về việc bảo đảm cung ứng hàng hóa dịp Tết.\n"
        "Công văn nêu rõ: Sở Công Thương chủ trì, phối hợp với Sở Tài chính theo dõi sát diễn biến giá cả thị trường.\n"
        "Đối với UBND các xã, phường, Công văn yêu cầu bố trí điểm bán hàng bình ổn giá tại các chợ.\n"
    )
    result = extract_text(page)
    assert result["document"]["title"] == "Chủ tịch UBND tỉnh yêu cầu bảo đảm hàng hóa dịp Tết"
    prices = task_containing(result, "diễn biến giá cả")
    assert_agencies(prices["lead"], ["Sở Công Thương"])
    assert_agencies(prices["coordinators"], ["Sở Tài chính"])
    assert_agencies(task_containing(result, "điểm bán hàng")["lead"], ["Ủy ban nhân dân các xã, phường"])


def test_a_commune_letter_to_village_heads_and_its_own_offices():
    body = (
        "Chủ tịch UBND xã yêu cầu:\n\n"
        "1. Trưởng các thôn\n"
        "- Khẩn trương rà soát các hộ dân sống ven suối, thông báo nguy cơ sạt lở đến từng hộ.\n"
        "- Trưởng thôn Nà Pồng phối hợp với Công an xã di dời 12 hộ dân đến nơi an toàn.\n\n"
        "2. Ban Chỉ huy quân sự xã\n"
        "Chủ trì, phối hợp với Công an xã và Đoàn Thanh niên xã huy động dân quân giúp dân di chuyển tài sản.\n"
    )
    result = extract_text(
        letter(
            "ứng phó sạt lở đất",
            "Trưởng các thôn; Công an xã; Ban Chỉ huy quân sự xã",
            body,
            issuer="ỦY BAN NHÂN DÂN\nXÃ NÀ HANG",
        )
    )
    assert result["document"]["chair"] is None
    assert_agencies(task_containing(result, "rà soát các hộ dân")["lead"], ["Trưởng các thôn"])
    assert_agencies(task_containing(result, "di dời 12 hộ")["lead"], ["Trưởng thôn Nà Pồng"])
    assert_agencies(task_containing(result, "huy động dân quân")["lead"], ["Ban Chỉ huy quân sự xã"])


def test_a_year_is_the_deadline_of_what_must_be_completed_in_it():
    body = "1. Sở Tài chính hoàn thiện cơ sở dữ liệu giá, kết nối với Cổng Dịch vụ công quốc gia trong năm 2026.\n"
    task = extract_text(document(body, title="Về cơ sở dữ liệu giá"))["tasks"][0]
    assert (task["deadline"], task["deadline_text"]) == ("2026-12-31", "trong năm 2026")
