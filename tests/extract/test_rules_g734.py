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
