"""Rules added on 2026-12-06 (fourth session) from the families left open by g230-g299 and the
genre examples g300 onwards, measured on arrival first, each on a short notice written for it.
The notices are invented and share no text with the measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # rule 2: two bodies, two actions, only a comma between them: a task per lead clause
        (
            "Giao Sở Xây dựng tham mưu điều chỉnh quy hoạch, Sở Tài chính bố trí kinh phí thực hiện.",
            [(["Sở Xây dựng"], [], None, None), (["Sở Tài chính"], [], None, None)],
        ),
        (
            "Sở Y tế kiểm tra các cơ sở khám bệnh, Công an tỉnh xử lý nghiêm các vi phạm trước ngày 30/9/2026.",
            [(["Sở Y tế"], [], None, None), (["Công an tỉnh"], [], "2026-09-30", None)],
        ),
        # ... but not where the comma goes on with a partners' list
        (
            "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, UBND các xã thực hiện rà soát.",
            [(["Sở Xây dựng"], ["Sở Tài chính", "Ủy ban nhân dân các xã"], None, None)],
        ),
        # ... nor where the second body coordinates the first one's task
        (
            "Sở Xây dựng chủ trì, Sở Tài chính phối hợp thẩm định hồ sơ dự án.",
            [(["Sở Xây dựng"], ["Sở Tài chính"], None, None)],
        ),
        # ... nor inside brackets, nor where the second body does nothing of its own
        (
            "Trưởng thôn Nà Lừa di dời các hộ dân đến nơi an toàn (Nhà văn hóa thôn, Trường Tiểu học Nà Lừa).",
            [(["Trưởng thôn Nà Lừa"], [], None, None)],
        ),
        (
            "Giao Sở Y tế hướng dẫn các cơ sở khám bệnh, Sở Tài chính và các đơn vị liên quan.",
            [(["Sở Y tế"], [], None, None)],
        ),
        (
            "Giao Sở Y tế chủ trì, phối hợp với các sở, ngành, UBND các xã triển khai tiêm chủng.",
            [(["Sở Y tế"], ["Ủy ban nhân dân các xã"], None, None)],  # vague "các sở, ngành" is dropped
        ),
        # a ministry's unit whose name goes on in lowercase past "trong"
        (
            "Vụ Thị trường trong nước chủ trì tổng hợp kết quả rà soát, báo cáo trước ngày 15/10/2026.",
            [(["Vụ Thị trường trong nước"], [], "2026-10-15", None)],
        ),
    ],
)
def test_lead_clauses(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:] == expected


def test_relayed_leader_opinion_names_its_subject():
    """News: "Theo Chủ tịch UBND tỉnh, Sở X cần ..." relays an instruction; Sở X acts. A rule
    explained ("Theo quy định tại Nghị định ..., X có thẩm quyền ...") assigns nothing."""
    from chidao import extract_text

    text = (
        "Sáng 5/12, Chủ tịch UBND tỉnh Lê Văn Tâm làm việc với ngành y tế về cung ứng thuốc.\n\n"
        "Theo Chủ tịch UBND tỉnh, Sở Y tế cần khẩn trương rà soát danh mục thuốc thiếu.\n\n"
        "Chủ tịch UBND tỉnh yêu cầu Sở Tài chính bố trí kinh phí mua sắm bổ sung.\n"
    )
    tasks = [(t["lead"], t["text"][:20]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Sở Y tế"], "Theo Chủ tịch UBND t"), (["Sở Tài chính"], "Chủ tịch UBND tỉnh y")]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # a typed group's qualifiers listed with commas, confirmed by the verb after them
        (
            "Các cơ sở sản xuất, kinh doanh thực phẩm thực hiện nghiêm quy định ghi nhãn.",
            "Các cơ sở sản xuất, kinh doanh thực phẩm",
        ),
        (
            "Hiệu trưởng các trường mầm non, tiểu học kiểm tra cơ sở vật chất trước năm học mới.",
            "Hiệu trưởng các trường mầm non, tiểu học",
        ),
        # a compound noun whose first syllable alone is a verb goes on inside the qualifiers
        (
            "Các đơn vị thi công công trình giao thông bảo đảm an toàn lao động.",
            "Các đơn vị thi công công trình giao thông",
        ),
        # ... but a place after the comma, closed by a function word, is no qualifier
        ("Các thôn trang trí cờ, hoa tại nhà văn hóa thôn.", "Các thôn"),
    ],
)
def test_group_qualifiers_listed(item, lead):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1][0] == [lead]
