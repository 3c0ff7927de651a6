"""Rules added on 2026-12-06 (third session) from the genre examples g230 onwards, measured on
arrival first, each on a short notice written for it. The notices are invented and share no text
with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # g231: a residential group's head keeps the group's number
        (
            "Tổ trưởng tổ dân phố số 12 vận động các hộ dân dọn vệ sinh kênh thoát nước.",
            (["Tổ trưởng tổ dân phố số 12"], [], None, None),
        ),
        # g231: a ward's Fatherland Front by its short name is a partner
        (
            "Công an xã phối hợp với Mặt trận xã tuyên truyền phòng, chống lừa đảo qua mạng.",
            (["Công an xã"], ["Mặt trận xã"], None, None),
        ),
        # g231: a commune's force by its kind, in lowercase, is a partner
        (
            "Công an phường phối hợp với lực lượng trật tự đô thị giải tỏa lấn chiếm lòng đường.",
            (["Công an phường"], ["Lực lượng trật tự đô thị"], None, None),
        ),
        (
            "Ban Chỉ huy Quân sự xã phối hợp với lực lượng dân quân tuần tra khu vực đê bao.",
            (["Ban Chỉ huy Quân sự xã"], ["Lực lượng dân quân"], None, None),
        ),
        # a probe of deadline phrasing: "không muộn hơn", a labelled "hạn chót:", completing within
        # a span counted from the notice's date (06/7/2026)
        (
            "Sở Y tế rà soát danh mục thuốc, báo cáo không muộn hơn ngày 20/10/2026.",
            (["Sở Y tế"], [], "2026-10-20", None),
        ),
        (
            "Sở Y tế rà soát danh mục thuốc (hạn chót: 20/10/2026).",
            (["Sở Y tế"], [], "2026-10-20", None),
        ),
        (
            "Sở Y tế rà soát danh mục thuốc, hoàn thành trong 15 ngày.",
            (["Sở Y tế"], [], "2026-07-21", None),
        ),
    ],
)
def test_g230_g231(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == [expected]
