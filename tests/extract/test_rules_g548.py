"""Rules added on 2026-12-07 (second session) from the families the genre set still misses, each
on a short notice written for it. The notices are invented and share no text with the
measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # an acronym inside a group's qualifier names a thing, not a body
        ("Các chủ đầu tư dự án ODA báo cáo tiến độ giải ngân.", ["Các chủ đầu tư dự án ODA"]),
        ("Các hợp tác xã có sản phẩm OCOP tham gia hội chợ xúc tiến thương mại.", ["Các hợp tác xã có sản phẩm OCOP"]),
        # a proper name inside what the members of a group have
        ("Các bệnh viện có khoa Nhi tổ chức khám sàng lọc cho trẻ em.", ["Các bệnh viện có khoa Nhi"]),
        (
            "UBND các xã, phường có Dự án đi qua khẩn trương bàn giao mặt bằng.",
            ["Ủy ban nhân dân các xã, phường có Dự án đi qua"],
        ),
        # kinds of Party committee listed as a group
        ("Các tỉnh ủy, thành ủy xây dựng chương trình hành động.", ["Các tỉnh ủy, thành ủy"]),
    ],
)
def test_group_qualifiers(item: str, lead: list[str]) -> None:
    assert _items(item)[0][0] == lead


def test_a_body_after_what_a_group_has_stays_apart() -> None:
    """A capitalized word that opens a body is a second lead, not part of what the group has."""
    assert _items("Các bệnh viện có khoa Nhi, Sở Y tế kiểm tra công tác tiêm chủng.")[0][0] == [
        "Các bệnh viện có khoa Nhi",
        "Sở Y tế",
    ]
