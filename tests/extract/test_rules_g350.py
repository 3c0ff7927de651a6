"""Rules added on 2026-12-06 (fifth session) from the families left open by g300-g349 and the
genre examples g350 onwards, measured on arrival first, each on a short notice written for it.
The notices are invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # a group named by its assignment in a part of the document, a verb after the reference
        (
            "Các đơn vị được giao chủ trì nhiệm vụ tại Mục II xây dựng kế hoạch chi tiết, gửi Sở Nội vụ"
            " trước ngày 15/3/2027.",
            [(["Các đơn vị được giao chủ trì nhiệm vụ tại Mục II"], [], "2027-03-15", None)],
        ),
        (
            "Thủ trưởng các cơ quan được phân công chủ trì tại Phụ lục kèm theo chủ động triển khai thực hiện.",
            [(["Thủ trưởng các cơ quan được phân công chủ trì tại Phụ lục kèm theo"], [], None, None)],
        ),
        (
            "Các đơn vị được giao chủ trì tại Bảng phân công chủ động xây dựng kế hoạch chi tiết.",
            [(["Các đơn vị được giao chủ trì tại Bảng phân công"], [], None, None)],
        ),
        # "theo Kế hoạch này" in the group's name is no plan's cycle: the month is how often it reports
        (
            "Các phòng được giao nhiệm vụ theo Kế hoạch này báo cáo kết quả hằng tháng.",
            [(["Các phòng được giao nhiệm vụ theo Kế hoạch này"], [], None, "monthly")],
        ),
        # ... while a yearly plan still keeps its own cycle
        ("Sở Y tế báo cáo kết quả thực hiện kế hoạch hằng năm.", [(["Sở Y tế"], [], None, None)]),
        # ... and a duty word still closes such a group as before
        (
            "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm báo cáo"
            " trước ngày 10/12/2026.",
            [(["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"], [], "2026-12-10", None)],
        ),
    ],
)
def test_groups_named_by_their_assignment(item, expected):
    assert _items(item) == expected
