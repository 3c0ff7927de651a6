"""A portal page has no header: its headline is the first line that is not the page's furniture
(menus, the date and counters bar, the portal's own name), with the lines it wraps onto."""

from __future__ import annotations

import pytest

from chidao.document.header import parse_header
from chidao.text import normalize

HEADLINE = "Phó Chủ tịch UBND tỉnh Lê Minh Tâm: Sơ tán dân trước 17 giờ ngày 26/10, không để ai ở lại lồng bè"
BODY = "\n\n(QN) - Chiều 25/10, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp ứng phó với bão số 12.\n"


@pytest.mark.parametrize(
    "furniture",
    [
        # the date and counters bar, its parts apart with wide spaces (one after normalization)
        "Thứ bảy, 25/10/2026, 18:52 (GMT+7)     Lượt xem:  5.417\nNghe đọc bài   |   Chia sẻ\n",
        "Thứ Bảy, 12/12/2026 - 08:15  |  Lượt xem: 1.906\nA-  A+   Chia sẻ: f  Zalo  In\n",
        # the portal's name after its owner's, a menu of short entries, a section path with "/"
        "BỘ Y TẾ - CỔNG THÔNG TIN ĐIỆN TỬ\nTrang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản\n"
        "Tin tức - Sự kiện / Hoạt động của Lãnh đạo Bộ\n",
    ],
)
def test_the_headline_is_read_past_the_page_furniture_and_across_its_wrap(furniture: str) -> None:
    first, rest = HEADLINE[:60].rsplit(" ", 1)[0], HEADLINE[len(HEADLINE[:60].rsplit(" ", 1)[0]) + 1 :]
    page = "Trang chủ » Thời sự » Phòng chống thiên tai\n\n" + furniture + "\n" + first + "\n" + rest + BODY
    assert parse_header(normalize(page).text).title == HEADLINE
