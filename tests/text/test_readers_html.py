"""HTML: the main content of portal pages, one block per line, without the site around it."""

from __future__ import annotations

import unicodedata

import pytest

from chidao.text import ReadError, read_text

PORTAL = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Cổng thông tin điện tử tỉnh</title><style>p { color: red }</style>
<script>var menu = "<p>Không phải nội dung</p>";</script></head>
<body>
<a href="#main">Skip to main content</a>
<div id="s4-ribbonrow">Skip Ribbon Commands</div>
<header class="site-header"><h1>Cổng thông tin điện tử tỉnh Lâm Đồng</h1></header>
<nav class="main-menu"><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav>
<div class="breadcrumb">Trang chủ &gt; Văn bản chỉ đạo</div>
<div id="wrapper">
  <div class="left-sidebar"><p>Liên kết website</p></div>
  <div class="news-content">
    <h2>THÔNG BÁO</h2>
    <p>Kết luận của Chủ tịch UBND tỉnh&nbsp;tại cuộc họp &amp; làm việc
       về chuyển đổi số</p>
    <ol><li>Giao Sở Nội vụ rà soát.<li>Giao Sở Tài chính bố trí kinh phí.</ol>
    <ul><li>Văn phòng UBND tỉnh theo dõi</li><li>- Đã có dấu gạch</li></ul>
    <table><thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Thời hạn</th></tr></thead>
      <tbody><tr><td>1</td><td>Báo cáo <b>kết quả</b></td><td>30/6/2026</td></tr></tbody></table>
    <p>Dòng một<br>Dòng hai</p>
    <div class="social-share">Chia sẻ Facebook</div>
    <div id="comments">Bình luận của bạn</div>
  </div>
</div>
<footer>Bản quyền © 2026 Sở Thông tin và Truyền thông</footer>
</body></html>"""

PORTAL_LINES = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh\xa0tại cuộc họp & làm việc về chuyển đổi số",
    "1. Giao Sở Nội vụ rà soát.",
    "2. Giao Sở Tài chính bố trí kinh phí.",
    "- Văn phòng UBND tỉnh theo dõi",
    "- Đã có dấu gạch",
    "STT | Nhiệm vụ | Thời hạn",
    "1 | Báo cáo kết quả | 30/6/2026",
    "Dòng một",
    "Dòng hai",
]


def test_portal_page_keeps_the_main_content_only(write):
    assert read_text(write("tb.html", PORTAL)).splitlines() == PORTAL_LINES


@pytest.mark.parametrize("container", ["article", "main", 'div role="main"', 'div id="content"', 'td class="detail"'])
def test_main_content_containers(write, container):
    tag = container.split()[0]
    wrap = "table><tr" if tag == "td" else "div"
    page = (
        f"<html><body><div class='menu'>Giới thiệu</div><p>Tin nổi bật ngoài lề</p><{wrap}>"
        f"<{container}><p>Kết luận của Phó Chủ tịch UBND tỉnh về tiến độ giải ngân vốn đầu tư công</p>"
        f"<p>Giao Sở Tài chính tham mưu</p></{tag}></{wrap.split('>')[0]}></body></html>"
    )
    assert read_text(write("tb.htm", page)).splitlines() == [
        "Kết luận của Phó Chủ tịch UBND tỉnh về tiến độ giải ngân vốn đầu tư công",
        "Giao Sở Tài chính tham mưu",
    ]


def test_teaser_article_does_not_hide_the_page(write):
    body = "".join(f"<p>Đoạn {i} của thông báo kết luận về công tác cải cách hành chính.</p>" for i in range(8))
    page = f"<html><body><aside><article>Tin liên quan</article></aside><div>{body}</div><article>Tin</article>"
    lines = read_text(write("tb.html", page)).splitlines()
    assert len(lines) == 9
    assert lines[0].startswith("Đoạn 0") and lines[-1] == "Tin"


def test_page_without_main_content_drops_site_chrome(write):
    page = """<html><body><div id="header">Cổng thông tin</div>
    <div class="topnav">Trang chủ | Giới thiệu</div>
    <p>Trang chủ » Tin tức » Văn bản</p><p>Bỏ qua nội dung</p>
    <p>Thông báo kết luận</p><p>Giao Sở Y tế chủ trì.</p>
    <div class="footer-links">Liên hệ</div><div hidden>Ẩn</div>
    <p style="display: none">Ẩn nữa</p></body></html>"""
    assert read_text(write("tb.html", page)).splitlines() == ["Thông báo kết luận", "Giao Sở Y tế chủ trì."]


def test_sharepoint_page_inside_a_form_is_read(write):
    page = """<html><body><form id="aspnetForm" action="/"><div class="ms-ribbon">Skip Ribbon Commands</div>
    <span>Turn on more accessible mode</span><div><input name="q"><button>Tìm kiếm</button></div>
    <p>Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với các sở, ngành về tiến độ thực hiện các
    nhiệm vụ trọng tâm năm 2026 và kế hoạch triển khai trong thời gian tới.</p>
    <p>Giao Sở Kế hoạch và Đầu tư tổng hợp, báo cáo.</p></form>
    <form class="search"><input name="q"><label>Tìm kiếm</label></form></body></html>"""
    lines = read_text(write("tb.html", page)).splitlines()
    assert lines[0].startswith("Thông báo kết luận của Chủ tịch UBND tỉnh")
    assert lines[1:] == ["Giao Sở Kế hoạch và Đầu tư tổng hợp, báo cáo."]


def test_layout_table_is_read_cell_by_cell(write):
    page = """<html><body><table><tr>
    <td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH LÂM ĐỒNG</p><p>Số: 12/TB-UBND</p></td>
    <td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>
    <p>Lâm Đồng, ngày 5/4/2026</p></td>
    </tr></table><p>THÔNG BÁO</p></body></html>"""
    assert read_text(write("tb.html", page)).splitlines() == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: 12/TB-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 5/4/2026",
        "THÔNG BÁO",
    ]


def test_tag_soup_is_repaired(write):
    page = "<body><p>Một<p>Hai<ul><li>Ba<li>Bốn<ul><li>Năm</ul><li>Sáu</ul>"
    page += "<table><tr><td>a<td>b<tr><td>c</table>"
    assert read_text(write("tb.html", page)).splitlines() == [
        "Một",
        "Hai",
        "- Ba",
        "- Bốn",
        "- Năm",
        "- Sáu",
        "a | b",
        "c",
    ]


def test_ordered_list_attributes(write):
    page = '<ol start="3"><li>Ba</li><li>Bốn</li></ol><ol type="a"><li>Một</li><li value="4">Bốn</li></ol>'
    assert read_text(write("tb.html", page)).splitlines() == ["3. Ba", "4. Bốn", "a. Một", "d. Bốn"]


def test_preformatted_text_keeps_its_lines(write):
    page = "<html><body><pre>Dòng 1\n  Dòng 2\n\nDòng 3</pre></body></html>"
    assert read_text(write("tb.html", page)).splitlines() == ["Dòng 1", "  Dòng 2", "Dòng 3"]


def test_entities_are_decoded(write):
    page = "<p>Sở &quot;Tài chính&quot; &amp; Sở Nội vụ &#8211; &#x110;ồng &lt;ý kiến&gt;</p>"
    assert read_text(write("tb.html", page)) == 'Sở "Tài chính" & Sở Nội vụ – Đồng <ý kiến>'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="windows-1258"><p>Th\xf4ng ba\xecn b\xea\xccn</p>', "Thông bán bền"),
        ('<meta charset="iso-8859-1"><p>Caf\xe9 r\xe9sum\xe9</p>'.encode("latin-1"), "Café résumé"),
        ('<meta charset="iso-8859-1"><p>Thông báo kết luận</p>'.encode(), "Thông báo kết luận"),
        ("<p>Thông báo kết luận</p>".encode("utf-16"), "Thông báo kết luận"),
        ("<p>Thông báo</p>".encode("utf-8-sig"), "Thông báo"),
        ('<meta charset="no-such-charset"><p>Thông báo</p>'.encode(), "Thông báo"),
    ],
)
def test_charsets(write, data, expected):
    assert unicodedata.normalize("NFC", read_text(write("tb.html", data))) == expected


def test_legacy_font_page_is_converted(write):
    page = '<meta charset="iso-8859-1"><p>Th\xabng b\xb8o k\xd5t lu\xcbn c\xf1a Ch\xf1 t\xdech UBND t\xd8nh</p>'
    assert read_text(write("tb.html", page.encode("latin-1"))) == "Thông báo kết luận của Chủ tịch UBND tỉnh"


def test_mixed_page_converts_only_its_legacy_paragraphs(write):
    page = (
        "<html><body><p>Thông báo kết luận của Chủ tịch UBND tỉnh</p>"
        '<p><font face=".VnTime">Giao Së Tµi chÝnh chñ tr× thùc hiÖn</font></p></body></html>'
    )
    expected = "Thông báo kết luận của Chủ tịch UBND tỉnh\nGiao Sở Tài chính chủ trì thực hiện"
    assert read_text(write("tb.html", page.encode())) == expected


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav>Trang chủ</nav><script>alert(1)</script></body></html>",
        "<html><head><title>Chỉ có tiêu đề</title></head><body></body></html>",
    ],
)
def test_page_without_text(write, page):
    with pytest.raises(ReadError) as caught:
        read_text(write("tb.html", page))
    assert caught.value.reason == "no text in the HTML page"


def test_deeply_nested_page_does_not_crash(write):
    page = "<div>" * 5000 + "Thông báo kết luận" + "</div>" * 5000
    assert read_text(write("tb.html", page)) == "Thông báo kết luận"
