"""A news page's headline is the line right above its date line, under a masthead of any name, or
the line right below it when a section's name sits above (genre g1371, g1078)."""

from chidao import extract_text

_PAGE = (
    "HTV ONLINE - BÁO VÀ PHÁT THANH, TRUYỀN HÌNH HÀ TĨNH\n"
    "Tin tức   Thời sự   Truyền hình   Phát thanh\n"
    "Đăng nhập | Đăng ký\n"
    "\n"
    "{above}\n"
    "\n"
    "{dateline}\n"
    "\n"
    "{below}\n"
    "\n"
    "HTV - Sáng 5/3, Phó Chủ tịch UBND tỉnh đã kiểm tra Nhà máy nước Cẩm Xuyên. Phó Chủ tịch đề nghị"
    " Công ty Cổ phần Cấp nước Hà Tĩnh hoàn thành tuyến ống mới trước ngày 15/4/2026.\n"
)
_HEADLINE = "Phó Chủ tịch UBND tỉnh yêu cầu bảo đảm nước sinh hoạt cho người dân mùa khô"


def test_the_line_above_the_date_is_the_headline_and_no_task():
    text = _PAGE.format(above=_HEADLINE, dateline="05/03/2026 | 17:42 GMT+7   Lượt xem: 1.254", below="")
    result = extract_text(text)
    assert result["document"]["title"] == _HEADLINE
    assert [t["lead"] for t in result["tasks"]] == [["Công ty Cổ phần Cấp nước Hà Tĩnh"]]


def test_the_line_below_the_date_is_the_headline_under_a_section_name():
    text = _PAGE.format(above="Tin tức - Sự kiện", dateline="Ngày đăng: 05/03/2026 | Lượt xem: 214", below=_HEADLINE)
    result = extract_text(text)
    assert result["document"]["title"] == _HEADLINE
    assert [t["lead"] for t in result["tasks"]] == [["Công ty Cổ phần Cấp nước Hà Tĩnh"]]
