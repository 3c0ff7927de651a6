"""Rules added on 2026-12-07 (seventh session), each on a short text written for it. The texts are
invented and share no text with the measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks

# --- a unit's name that runs on in lowercase over "và", closed by its role ----------------------


def test_a_lowercase_name_joined_by_and_runs_to_the_role_that_closes_it() -> None:
    body = (
        "1. Giao Phòng Quản lý giá và thị trường bất động sản chủ trì, phối hợp với Thanh tra Sở rà soát"
        " các dự án nhà ở thương mại, báo cáo trước ngày 15/3/2026.\n"
        "2. Giao Sở Xây dựng và các đơn vị liên quan rà soát quy hoạch chung đô thị.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Quản lý giá và thị trường bất động sản"], ["Thanh tra Sở"], "2026-03-15", None),
        (["Sở Xây dựng", "Các đơn vị liên quan"], [], None, None),
    ]
