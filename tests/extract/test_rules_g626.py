"""Rules added on 2026-12-07 (third session) from the families the genre set still misses, each
on a short notice written for it. The notices are invented and share no text with the
measurement sets.
"""

from __future__ import annotations

from test_rules_g82_g105 import _notice, _tasks


def test_a_long_item_closed_by_an_aside_of_plan_labels() -> None:
    # The aside comes after a long action with commas of its own: it still names who leads.
    body = (
        "1. Nhóm nhiệm vụ chung\n"
        "1.1. Đưa kết quả chấm điểm vào tiêu chí đánh giá, xếp loại chất lượng người đứng đầu cơ quan,"
        " đơn vị, địa phương năm 2026 theo quy định hiện hành (Cơ quan chủ trì: Sở Nội vụ; cơ quan"
        " phối hợp: Văn phòng UBND tỉnh; thời gian: Quý II/2026).\n"
        "1.2. Phổ biến kết quả khảo sát đến toàn thể cán bộ, công chức; phân tích nguyên nhân giảm"
        " điểm của từng chỉ số thành phần (Cơ quan chủ trì: Các sở, ban, ngành; UBND các xã, phường;"
        " cơ quan phối hợp: không; thời gian: trước ngày 28/02/2026).\n"
    )
    assert _tasks(_notice(body)) == [
        (["Sở Nội vụ"], ["Văn phòng Ủy ban nhân dân tỉnh"], "2026-06-30", None),
        (["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], "2026-02-28", None),
    ]


def test_numbered_tasks_under_numbered_headings() -> None:
    # "Nhiệm vụ 1:" items under "1. <topic>" headings: the headings are no tasks, and a lead line
    # after the last item of a heading is that item's, not the heading's.
    body = (
        "1. Hoàn thiện thể chế\n"
        "Nhiệm vụ 1: Rà soát Quy chế phối hợp quản lý chợ. Chủ trì: Sở Công Thương; phối hợp: Sở Tư"
        " pháp; thời gian: trong quý II/2027.\n"
        "Nhiệm vụ 2: Xây dựng chính sách hỗ trợ hộ kinh doanh.\n"
        "Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Sở Công Thương; thời hạn trình: trước ngày"
        " 15/5/2027.\n"
        "2. Phát triển nguồn nhân lực\n"
        "Nhiệm vụ 3: Tổ chức tập huấn kỹ năng bán hàng trực tuyến. Chủ trì: Tỉnh đoàn; thời gian: hằng quý.\n"
    )
    result = _notice(body)
    assert [t["text"][:11] for t in result["tasks"]] == ["Nhiệm vụ 1:", "Nhiệm vụ 2:", "Nhiệm vụ 3:"]
    assert _tasks(result) == [
        (["Sở Công Thương"], ["Sở Tư pháp"], "2027-06-30", None),
        (["Sở Tài chính"], ["Sở Công Thương"], "2027-05-15", None),
        (["Tỉnh đoàn"], [], None, "quarterly"),
    ]
