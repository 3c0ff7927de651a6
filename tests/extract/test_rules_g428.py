"""Rules added on 2026-12-07 from the families left open by g350-g427 and the genre examples
g428 onwards, measured on arrival first, each on a short notice written for it. The notices are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "lead", "partners"),
    [
        # kinds of body listed after a comma and closed by the body they belong to
        (
            "Các tổng công ty, doanh nghiệp nhà nước thuộc Bộ Công Thương rà soát quy trình vận hành.",
            ["Các tổng công ty, doanh nghiệp nhà nước thuộc Bộ Công Thương"],
            [],
        ),
        # a verb that also closes a noun ("xây dựng"), a verb proper right after it
        ("Các nhà thầu thi công xây dựng kiểm tra hệ thống giàn giáo.", ["Các nhà thầu thi công xây dựng"], []),
        # ... but not when what follows is its object
        ("Các nhà thầu thi công xây dựng kế hoạch bảo đảm an toàn.", ["Các nhà thầu thi công"], []),
        # members of a body, with no "là"
        (
            "Các sở, ngành, đơn vị thành viên Ban Chỉ đạo 138 tỉnh xây dựng kế hoạch kiểm tra.",
            ["Các sở, ngành, đơn vị thành viên Ban Chỉ đạo 138 tỉnh"],
            [],
        ),
        # localities told apart by where the project runs, groups by where they are, by harm done
        (
            "Sở Giao thông phối hợp với Ủy ban nhân dân các tỉnh, thành phố nơi có tuyến đường đi qua để"
            " bàn giao mặt bằng.",
            ["Sở Giao thông"],
            ["Ủy ban nhân dân các tỉnh, thành phố nơi có tuyến đường đi qua"],
        ),
        (
            "Sở Công Thương phối hợp với các doanh nghiệp sản xuất phân bón trong nước bình ổn giá.",
            ["Sở Công Thương"],
            ["Các doanh nghiệp sản xuất phân bón trong nước"],
        ),
        (
            "Sở Y tế phối hợp với các cơ quan thông tấn, báo chí tuyên truyền về dịch bệnh.",
            ["Sở Y tế"],
            ["Các cơ quan thông tấn, báo chí"],
        ),
        (
            "UBND các xã, phường bị thiệt hại rà soát, thống kê số hộ cần hỗ trợ.",
            ["Ủy ban nhân dân các xã, phường bị thiệt hại"],
            [],
        ),
        # two kinds of training joined by a dash in the group's description
        (
            "Các trung tâm giáo dục nghề nghiệp - giáo dục kỹ thuật tổ chức tuyển sinh.",
            ["Các trung tâm giáo dục nghề nghiệp - giáo dục kỹ thuật"],
            [],
        ),
        # a unit of a ministry whose name goes on in lowercase
        ("Cục Cơ sở vật chất theo dõi tiến độ xây dựng trường học.", ["Cục Cơ sở vật chất"], []),
    ],
)
def test_the_whole_qualifying_phrase_of_a_group(item, lead, partners):
    ((got_lead, got_partners, _, _),) = _items(item)
    assert (got_lead, got_partners) == (lead, partners)


_ROOMS = """SỞ XÂY DỰNG TỈNH PHÚ THỌ
Số: 41/KH-SXD
Phú Thọ, ngày 12 tháng 1 năm 2027

KẾ HOẠCH
Thực hiện nhiệm vụ năm 2027

II. NHIỆM VỤ CỤ THỂ
1. Phòng Quản lý nhà và thị trường
- Rà soát quỹ đất phát triển nhà ở xã hội, hoàn thành trước ngày 30/6/2027.
2. Phòng Kinh tế vật liệu xây dựng:
- Cập nhật giá vật liệu xây dựng hằng tháng.
3. Văn phòng Sở
- Phòng Quản lý nhà và thị trường phối hợp với Phòng Kinh tế vật liệu xây dựng tổng hợp báo cáo năm.
"""


def test_a_heading_line_defines_a_units_whole_name():
    """A room's heading holds its name alone, so the lowercase words the name reader would leave
    off ("thị trường", "vật liệu xây dựng") belong to it, there and in the body."""
    assert _tasks(extract_text(_ROOMS)) == [
        (["Phòng Quản lý nhà và thị trường"], [], "2027-06-30", None),
        (["Phòng Kinh tế vật liệu xây dựng"], [], None, "monthly"),
        (["Phòng Quản lý nhà và thị trường"], ["Phòng Kinh tế vật liệu xây dựng"], None, None),
    ]


def test_a_heading_that_says_something_defines_no_name():
    """A heading with a verb or a second body is no name: "Bộ Tư pháp có trách nhiệm", "Ủy ban
    nhân dân tỉnh A và Ủy ban nhân dân tỉnh B" keep their own readings."""
    text = _notice(
        "1. Bộ Tư pháp có trách nhiệm:\n- Đôn đốc các bộ xây dựng văn bản.\n"
        "2. Ủy ban nhân dân xã Tân Lập và Ủy ban nhân dân xã Hòa Bình\n- Vận động người dân bàn giao mặt bằng.\n"
    )
    assert _tasks(text) == [
        (["Bộ Tư pháp"], [], None, None),
        (["Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Hòa Bình"], [], None, None),
    ]
