"""Families met on arrival of genre examples g43-g50, each with a short notice written for the
test: a title that runs straight into its intro, boards named by what they manage ("Ban Quản lý
dự án ...", "Ban Quản lý các khu công nghiệp"), police units, ranks before a signer's name."""

from __future__ import annotations

from test_annotation_rules import NATIONAL, assert_agencies, task_containing

from chidao import extract_text

TITLE = "Kết luận của Chủ tịch UBND tỉnh về tiến độ dự án cầu Phú Hội"
OFFICE = "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Bình"


def notice(
    body: str,
    *,
    title: str = TITLE,
    issuer: str = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
    signature: str = OFFICE,
    kind: str = "THÔNG BÁO",
    blank: str = "\n",
) -> str:
    """A notice whose title line is followed by the body after ``blank`` (no blank line when "")."""
    return (
        f"{issuer}\nSố: 77/TB-UBND\n{NATIONAL}\nLâm Đồng, ngày 10 tháng 11 năm 2026\n\n{kind}\n{title}\n{blank}"
        f"{body.strip()}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{signature}\n"
    )


def test_a_title_line_followed_directly_by_the_intro_keeps_the_intro_out_of_the_title():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n"
        "1. Sở Xây dựng hoàn thiện hồ sơ thiết kế cầu Phú Hội, trình trước ngày 30/11/2026.\n"
        "2. Sở Tài chính bố trí vốn cho dự án trong tháng 12/2026.\n"
    )
    result = extract_text(notice(body, blank=""))
    assert result["document"]["title"] == "Kết luận của Chủ tịch UBND tỉnh về tiến độ dự án cầu Phú Hội"
    assert result["document"]["is_directive"] is True
    assert len(result["tasks"]) == 2
    assert task_containing(result, "hồ sơ thiết kế")["deadline"] == "2026-11-30"


def test_boards_named_by_what_they_manage_lead_with_their_whole_name():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n\n"
        "1. Ban Quản lý dự án Cầu Mới chủ trì, phối hợp với Sở Xây dựng hoàn thiện hồ sơ thiết kế cầu, "
        "trình trước ngày 30/11/2026.\n"
        "2. Ban Quản lý các khu công nghiệp hướng dẫn doanh nghiệp hoàn thiện thủ tục môi trường.\n"
        "3. Ban QLDA đầu tư xây dựng các công trình giao thông phối hợp với Ban Quản lý dự án đầu tư xây dựng "
        "khu vực Bảo Lộc bàn giao hồ sơ tuyến tránh trong tháng 12/2026.\n"
        "4. Ban Quản lý rừng phòng hộ Đa Nhim tăng cường tuần tra, bảo vệ rừng.\n"
    )
    result = extract_text(notice(body))
    assert len(result["tasks"]) == 4
    bridge = task_containing(result, "hồ sơ thiết kế cầu")
    assert_agencies(bridge["lead"], ["Ban Quản lý dự án Cầu Mới"])
    assert_agencies(bridge["coordinators"], ["Sở Xây dựng"])
    assert_agencies(task_containing(result, "thủ tục môi trường")["lead"], ["Ban Quản lý các khu công nghiệp"])
    bypass = task_containing(result, "tuyến tránh")
    assert_agencies(bypass["lead"], ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"])
    assert_agencies(bypass["coordinators"], ["Ban Quản lý dự án đầu tư xây dựng khu vực Bảo Lộc"])
    assert_agencies(task_containing(result, "bảo vệ rừng")["lead"], ["Ban Quản lý rừng phòng hộ Đa Nhim"])


def test_a_police_plan_gives_its_units_headings_with_their_whole_names():
    body = (
        "Công an tỉnh phân công nhiệm vụ như sau:\n\n"
        "1. Phòng Cảnh sát giao thông\n"
        "Bố trí các tổ tuần tra, kiểm soát trên Quốc lộ 20, hoàn thành trước ngày 15/12/2026.\n\n"
        "2. Phòng Cảnh sát quản lý hành chính về trật tự xã hội\n"
        "Phối hợp với lực lượng Cảnh sát giao thông kiểm tra các cơ sở kinh doanh có điều kiện.\n\n"
        "3. Phòng Hậu cần\n"
        "Bảo đảm xăng dầu, trang thiết bị cho các tổ công tác.\n"
    )
    result = extract_text(
        notice(body, kind="KẾ HOẠCH", title="Tuần tra, kiểm soát dịp Tết", issuer="BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG")
    )
    assert_agencies(task_containing(result, "Quốc lộ 20")["lead"], ["Phòng Cảnh sát giao thông"])
    check = task_containing(result, "cơ sở kinh doanh")
    assert_agencies(check["lead"], ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"])
    assert_agencies(check["coordinators"], ["lực lượng Cảnh sát giao thông"])
    assert_agencies(task_containing(result, "xăng dầu")["lead"], ["Phòng Hậu cần"])


def test_a_board_named_by_its_zone_and_the_parks_it_also_manages_keeps_both():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n\n"
        "1. Ban Quản lý Khu kinh tế Nam Phú Yên và các khu công nghiệp tỉnh chủ trì, phối hợp với Ban Quản lý "
        "chợ Đầm Hòa kiểm tra phòng cháy, chữa cháy tại các kho hàng.\n"
    )
    task = task_containing(extract_text(notice(body)), "kho hàng")
    assert_agencies(task["lead"], ["Ban Quản lý Khu kinh tế Nam Phú Yên và các khu công nghiệp tỉnh"])
    assert_agencies(task["coordinators"], ["Ban Quản lý chợ Đầm Hòa"])


def test_a_rank_before_the_signer_and_a_lunar_year_in_the_title_are_no_names():
    body = (
        "Công an tỉnh phân công nhiệm vụ như sau:\n\n"
        "1. Phòng Cảnh sát giao thông bố trí các tổ tuần tra trên Quốc lộ 20, hoàn thành trước ngày 15/12/2026.\n"
    )
    text = notice(
        body,
        kind="KẾ HOẠCH",
        title="Bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán Đinh Mùi 2027",
        issuer="BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG",
        signature="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐại tá Trần Văn Hùng",
    )
    document = extract_text(text)["document"]
    assert document["signer"] == "Trần Văn Hùng"
    assert document["chair"] is None


def test_a_list_of_communes_ends_where_a_body_goes_on_after_it():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n\n"
        "1. Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các phường: Hội An, Điện Bàn và Trung tâm Phát triển "
        "quỹ đất tỉnh hoàn thành chi trả tiền bồi thường trước ngày 30/12/2026.\n"
    )
    task = task_containing(extract_text(notice(body)), "chi trả tiền bồi thường")
    assert_agencies(
        task["coordinators"],
        ["Ủy ban nhân dân phường Hội An", "Ủy ban nhân dân phường Điện Bàn", "Trung tâm Phát triển quỹ đất tỉnh"],
    )


def test_a_central_hospital_keeps_the_city_after_trung_uong():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n\n"
        "1. Bệnh viện Trung ương Huế phối hợp với Bệnh viện Lao và Bệnh phổi sắp xếp lại khu khám bệnh "
        "trong tháng 12/2026.\n"
    )
    task = task_containing(extract_text(notice(body)), "khu khám bệnh")
    assert_agencies(task["lead"], ["Bệnh viện Trung ương Huế"])
    assert_agencies(task["coordinators"], ["Bệnh viện Lao và Bệnh phổi"])


def test_an_exhortation_that_goes_on_with_the_usual_report_of_difficulties_is_no_task():
    body = (
        "Công an tỉnh phân công nhiệm vụ như sau:\n\n"
        "1. Phòng Cảnh sát giao thông bố trí các tổ tuần tra trên Quốc lộ 20, hoàn thành trước ngày 15/12/2026.\n\n"
        "Yêu cầu Thủ trưởng các đơn vị nghiêm túc triển khai thực hiện; quá trình thực hiện có vướng mắc, báo cáo "
        "Ban Giám đốc Công an tỉnh (qua Phòng Cảnh sát giao thông) để chỉ đạo./.\n"
    )
    result = extract_text(notice(body, kind="KẾ HOẠCH", title="Tuần tra dịp Tết", issuer="CÔNG AN TỈNH LÂM ĐỒNG"))
    assert [t["text"][:30] for t in result["tasks"]] == ["Phòng Cảnh sát giao thông bố t"]
