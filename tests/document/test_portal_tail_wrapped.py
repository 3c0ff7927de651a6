"""A portal page copied with its lines hard-wrapped: the heading that closes the article ("Bài viết
liên quan:") is joined to the lines above it, yet the related links after it stay out (genre n05)."""

from chidao import extract_text


def test_related_articles_after_a_wrapped_footer_are_no_part_of_the_article():
    text = (
        "Trang chủ > Tin tức > Hoạt động\n"
        "Phó Chủ tịch UBND tỉnh kiểm tra công tác khắc phục sạt lở\n"
        "(QT) - Ngày 20/10/2026, Phó Chủ tịch UBND tỉnh Lê Đức Tiến kiểm tra công tác khắc\n"
        "phục sạt lở tại xã Hải Lăng. Phó Chủ tịch yêu cầu UBND xã Hải Lăng di dời ngay các\n"
        "hộ dân ra khỏi vùng nguy hiểm.\n"
        "Tin, ảnh: Minh Châu\n"
        "Lượt xem: 1.247\n"
        "Bài viết liên quan:\n"
        "- Phó Chủ tịch UBND tỉnh kiểm tra công tác khắc phục hậu quả mưa lũ tại xã Cam Lộ\n"
        "- Đoàn ĐBQH tỉnh tiếp xúc cử tri sau Kỳ họp thứ nhất\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân xã Hải Lăng"]]
