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


_INSIDE = (
    "Trang chủ › Tin tức › Chỉ đạo điều hành\n"
    "Phó Chủ tịch UBND tỉnh chỉ đạo bảo đảm vật liệu cho dự án đường ven biển\n"
    "(Cổng TTĐT) - Ngày 12/11/2026, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về nguồn vật liệu đắp nền.\n"
    "\n"
    "Tin liên quan\n"
    "  Chủ tịch UBND tỉnh yêu cầu không để dự án thiếu vật liệu\n"
    "  Đề nghị các xã ven biển tháo gỡ vướng mắc về mỏ đất\n"
    "\n"
    "Để hoàn thành dự án đúng tiến độ, Phó Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng chủ trì, phối hợp"
    " với Sở Nông nghiệp và Môi trường rà soát nhu cầu vật liệu của từng gói thầu, báo cáo trước ngày"
    " 30/11/2026.\n"
    "\n"
    "Sở Tài chính tổng hợp nhu cầu vốn bổ sung do biến động giá vật liệu, báo cáo UBND tỉnh trong"
    " tháng 12/2026, bảo đảm đúng quy định hiện hành.\n"
    "\n"
    "Các tin khác\n"
    "  Hội nghị tổng kết công tác dân vận năm 2026\n"
)


def test_a_box_of_related_articles_inside_the_article_does_not_end_it():
    # Pages print the box between two paragraphs of the article (genre g1116): the article goes
    # on with a long paragraph right after the box's headlines.
    tasks = extract_text(_INSIDE)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [
        (["Sở Xây dựng"], "2026-11-30"),
        (["Sở Tài chính"], "2026-12-31"),
    ]


def test_teasers_after_the_closing_heading_stay_out():
    # Under "Các tin khác" a page may print other items' headlines and their long summaries: the
    # summary ends no box inside the article, since a second closing heading or none follows it.
    text = _INSIDE + (
        "\n"
        "Ngày 10/11, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026; Ban Dân vận"
        " Tỉnh ủy yêu cầu các xã, phường tiếp tục đổi mới phương thức vận động quần chúng, báo cáo kết quả"
        " thực hiện trước ngày 15/12/2026 cho Thường trực Tỉnh ủy.\n"
    )
    assert len(extract_text(text)["tasks"]) == 2


def test_a_social_media_posts_pictograph_bullets_and_its_comments():
    # "✅ Công an xã ..." items under "👉 ... giao nhiệm vụ cụ thể như sau:"; the readers' comments
    # under "Phù hợp nhất ▾" are no part of the post (genre g1175)
    text = (
        "Ủy ban nhân dân xã Tân Phú\n16 tháng 12 lúc 17:05\n\n"
        "📢 XÃ TÂN PHÚ: BẢO ĐẢM AN NINH TRẬT TỰ DỊP TẾT\n\n"
        "👉 Đồng chí Chủ tịch UBND xã giao nhiệm vụ cụ thể như sau:\n\n"
        "✅ Công an xã xây dựng kế hoạch cao điểm trấn áp tội phạm dịp Tết, hoàn thành trước ngày 25/12/2026.\n\n"
        "✅ Phòng Văn hóa - Xã hội lập danh sách hộ nghèo để tặng quà Tết, trình UBND xã trước ngày 10/01/2027.\n\n"
        "Thích\nBình luận\nChia sẻ\n\nPhù hợp nhất ▾\n\n"
        "Nguyễn Văn Năm\nĐề nghị Công an xã tăng cường tuần tra khu vực chợ ạ\n"
    )
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [
        (["Công an xã"], "2026-12-25"),
        (["Phòng Văn hóa - Xã hội"], "2027-01-10"),
    ]


def test_a_source_credit_and_a_newspapers_related_box_are_no_part_of_the_article():
    text = (
        "Trang chủ › Tin tức\n"
        "Chủ tịch UBND tỉnh kiểm tra công tác phòng cháy rừng\n"
        "(Cổng TTĐT) - Sáng 12/3, Chủ tịch UBND tỉnh kiểm tra công tác phòng cháy rừng tại xã Ia Pa.\n\n"
        "Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và Môi trường tăng cường tuần tra, canh gác lửa rừng"
        " trong mùa khô, báo cáo trước ngày 30/4/2026.\n\n"
        "Nguồn: Văn phòng UBND tỉnh\n\n"
        "Bài liên quan\n"
        "[Gia Lai: 14 vụ cháy rừng từ đầu mùa khô](https://example.vn/gia-lai-14-vu-chay-rung)\n"
    )
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [(["Sở Nông nghiệp và Môi trường"], "2026-04-30")]


def test_an_instruction_in_the_paragraph_that_opens_with_the_source():
    # "(Chinhphu.vn) - Phó Thủ tướng yêu cầu Bộ Xây dựng ...": the source before the sentence
    text = (
        "Trang chủ › Chỉ đạo điều hành\n"
        "Phó Thủ tướng chỉ đạo bảo đảm vật liệu cho các dự án cao tốc\n"
        "(Chinhphu.vn) - Phó Thủ tướng yêu cầu Bộ Xây dựng hoàn thành hướng dẫn sử dụng cát biển trước"
        " ngày 30/4/2026.\n\n"
        "Tin liên quan\n"
    )
    tasks = extract_text(text)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [(["Bộ Xây dựng"], "2026-04-30")]
