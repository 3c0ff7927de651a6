"""A web page's sidebar drawn with ASCII ("+----+" frames, "| ... |" lines): its lines are the
article's, its frame no text, every offset kept (genre g802)."""

from chidao import extract_text
from chidao.document import unbox


def test_the_frame_is_blanked_and_the_length_kept():
    text = "Trước.\n+--------+\n| • Sở Y tế báo cáo. |\n+--------+\nSau.\n"
    out = unbox(text)
    assert len(out) == len(text)
    assert "+--" not in out and "|" not in out
    assert "• Sở Y tế báo cáo." in out


def test_a_table_of_pipes_is_no_box():
    text = "+---+---+\n| STT | Nội dung | Cơ quan chủ trì |\n+---+---+\n"
    assert unbox(text).count("|") == 4


def test_the_bullets_of_a_sidebar_are_tasks():
    page = (
        "Trang chủ > Tin tức > Nông nghiệp\n"
        "Bộ trưởng yêu cầu không để được mùa mất giá\n"
        "\n"
        "(TT) - Chiều 24/2, Bộ trưởng Bộ Nông nghiệp và Môi trường chủ trì hội nghị trực tuyến về tiêu thụ lúa.\n"
        "\n"
        "+-------------------------------------------------+\n"
        "| BỘ TRƯỞNG GIAO NHIỆM VỤ                          |\n"
        "| • Cục Trồng trọt và Bảo vệ thực vật ban hành khung lịch thời vụ trước ngày 10/3/2026. |\n"
        "| • Văn phòng Bộ tổng hợp kết quả hội nghị, báo cáo Thủ tướng Chính phủ trước ngày 27/2/2026. |\n"
        "+-------------------------------------------------+\n"
    )
    leads = [t["lead"] for t in extract_text(page)["tasks"]]
    assert ["Cục Trồng trọt và Bảo vệ thực vật"] in leads and ["Văn phòng Bộ"] in leads
