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


def test_related_articles_under_a_heading_in_capitals_are_no_part_of_the_article():
    # Pages print the heading in capitals too ("TIN LIÊN QUAN"); the links' headlines read like
    # orders, with the date each was posted.
    text = (
        "Trang chủ > Tin tức > Hoạt động của lãnh đạo tỉnh\n"
        "Chủ tịch UBND tỉnh làm việc với xã Yên Hòa\n"
        "Chiều 14/11, Chủ tịch UBND tỉnh làm việc với xã Yên Hòa. Chủ tịch yêu cầu UBND xã Yên Hòa"
        " hoàn thành di dời các hộ dân vùng sạt lở trước ngày 30/12/2026.\n"
        "\n"
        "TIN LIÊN QUAN\n"
        "- Chủ tịch UBND tỉnh kiểm tra tiến độ xây dựng trường nội trú tại các xã biên giới  (12/11/2026)\n"
        "- Yên Hòa: Đẩy nhanh tiến độ di dời dân khỏi vùng sạt lở  (10/11/2026)\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân xã Yên Hòa"]]
