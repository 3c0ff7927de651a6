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


@pytest.mark.parametrize(
    ("item", "deadline"),
    [
        # a letter urging overdue tasks: the bracket tells when the task was first due; the
        # deadline is the one the letter sets now
        (
            "Sở Tài chính tham mưu phân bổ vốn (nhiệm vụ giao tại Văn bản số 512/UBND-KT ngày 12/5/2026,"
            " thời hạn hoàn thành trước ngày 30/6/2026). Yêu cầu hoàn thành trước ngày 20/8/2026.",
            "2026-08-20",
        ),
        (
            "Sở Xây dựng hoàn thiện dự thảo Quyết định (giao tại Thông báo số 301/TB-UBND ngày 18/5/2026,"
            " thời hạn 15/6/2026), trình UBND tỉnh trong tháng 8/2026.",
            "2026-08-31",
        ),
        # ... and alone, the first deadline still stands (the task is overdue)
        (
            "Sở Nội vụ trình Đề án vị trí việc làm (giao tại Văn bản số 77/UBND-NC, thời hạn 30/6/2026).",
            "2026-06-30",
        ),
    ],
)
def test_history_bracket(item, deadline):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1][2] == deadline


def test_date_before_a_page_number_is_read():
    """A PDF copy's page number on a line of its own after an item ("... trong tháng 12/2026.",
    "", "2") is no part of the date."""
    from chidao.extract.deadlines import find_deadlines

    assert [m.text for m in find_deadlines("trình UBND tỉnh trong tháng 12/2026.\n\n2\n")] == ["trong tháng 12/2026"]
    assert [m.text for m in find_deadlines("hoàn thành trước ngày 15/12/2026.\n\n2\n")] == ["trước ngày 15/12/2026"]


def test_long_purpose_over_numbered_lead_ins():
    """ "Điều 2. Để khắc phục ... (a long purpose), Hội đồng nhân dân tỉnh yêu cầu:" over "1. Giao
    Ủy ban nhân dân tỉnh:" and its lettered items: each item is a task."""
    from chidao import extract_text

    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 21/NQ-HĐND\nNinh Bình, ngày 10 tháng 7 năm 2026\n\nNGHỊ QUYẾT\n"
        "Về kết quả giám sát việc quản lý chợ\n\nHỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH\nQUYẾT NGHỊ:\n"
        "Điều 1. Tán thành Báo cáo kết quả giám sát.\n"
        "Điều 2. Để khắc phục những tồn tại, hạn chế đã nêu và nâng cao hiệu quả quản lý, khai thác các chợ"
        " sau khi sắp xếp đơn vị hành chính cấp xã, Hội đồng nhân dân tỉnh yêu cầu:\n"
        "1. Giao Ủy ban nhân dân tỉnh:\n"
        "a) Rà soát quy hoạch mạng lưới chợ, hoàn thành trước ngày 30/9/2026.\n"
        "b) Chỉ đạo chuyển đổi mô hình quản lý chợ, hoàn thành trong năm 2027.\n"
        "2. Ủy ban nhân dân các xã, phường:\n"
        "a) Tiếp nhận, quản lý các chợ được bàn giao.\n"
        "b) Báo cáo tình hình kinh doanh tại chợ trước ngày 15/10/2026.\n"
    )
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [
        (["Ủy ban nhân dân tỉnh"], "2026-09-30"),
        (["Ủy ban nhân dân tỉnh"], "2027-12-31"),
        (["Ủy ban nhân dân các xã, phường"], None),
        (["Ủy ban nhân dân các xã, phường"], "2026-10-15"),
    ]


@pytest.mark.parametrize(
    ("item", "leads"),
    [
        # a locality of another kind after a group of committees named with its members
        (
            "Ủy ban nhân dân các tỉnh Thái Bình, Nam Định và thành phố Hải Phòng bàn giao mặt bằng.",
            ["Ủy ban nhân dân tỉnh Thái Bình", "Ủy ban nhân dân tỉnh Nam Định", "Ủy ban nhân dân thành phố Hải Phòng"],
        ),
        # ... or after a plural group of committees told apart by what they are
        (
            "Chủ tịch Ủy ban nhân dân các xã, phường ven biển và đặc khu Cồn Cỏ tổ chức sơ tán dân.",
            ["Chủ tịch Ủy ban nhân dân các xã, phường ven biển", "Chủ tịch Ủy ban nhân dân đặc khu Cồn Cỏ"],
        ),
    ],
)
def test_locality_after_committee_group(item, leads):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1][0] == leads


def test_proposals_section_and_upward_lead_in_are_no_tasks():
    """A commune's "3. Đề xuất, kiến nghị" and "UBND xã thống nhất kiến nghị UBND tỉnh ...:" hold
    its requests to the province (rule 10)."""
    from chidao import extract_text

    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HƯNG NGUYÊN\nSố: 88/TB-UBND\nHưng Nguyên, ngày 02 tháng 11 năm 2026\n\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND xã tại cuộc họp về bồi thường\n\n"
        "1. Công an xã bảo đảm an ninh trật tự tại khu vực thu hồi đất.\n"
        "2. Đề xuất, kiến nghị\n"
        "UBND xã thống nhất kiến nghị UBND tỉnh, các sở, ngành cấp tỉnh một số nội dung sau:\n"
        "- Đề nghị UBND tỉnh xem xét, cho phép áp dụng mức hỗ trợ đặc thù.\n"
        "- Đề nghị Sở Nông nghiệp và Môi trường hướng dẫn việc xác định nguồn gốc đất.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Công an xã"]]


def test_issuing_ministry_promise_is_no_task():
    """ "Bộ Y tế sẽ tiếp tục hỗ trợ ..." in the ministry's own letter is its promise (rule 12)."""
    from chidao import extract_text

    text = (
        "BỘ Y TẾ\nSố: 1234/BYT-DP\nV/v phòng, chống dịch sởi\nHà Nội, ngày 02 tháng 11 năm 2026\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
        "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo thực hiện các nội dung sau:\n"
        "1. Tổ chức tiêm vắc xin sởi cho trẻ em trước ngày 30/12/2026.\n"
        "2. Bộ Y tế sẽ tiếp tục hỗ trợ vắc xin, vật tư cho các địa phương khi có đề nghị.\n"
    )
    assert [t["deadline"] for t in extract_text(text)["tasks"]] == ["2026-12-30"]


def test_news_page_date_line_tool_bar_and_reported_intent():
    """A portal page: its date line ("Thứ Tư, 14/04/2027 - 17:25") and tool bar ("Cỡ chữ: ... | In
    bài") are no headline; the leader who holds the working session named with two positions
    chairs; what a body "sẽ" do is reported intent, no task."""
    from chidao import extract_text

    text = (
        "Trang chủ » Tin tức - Sự kiện » Hoạt động lãnh đạo tỉnh\nThứ Năm, 15/04/2027 - 09:10\n"
        "Cỡ chữ: A- A A+ | In bài | Gửi email | Chia sẻ\n"
        "Chủ tịch UBND tỉnh làm việc với phường Hòa Phú: Chống ngập và chỉnh trang đô thị\n"
        "(Cổng TTĐT) - Sáng 15/4, đồng chí Lê Văn Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã có"
        " buổi làm việc với UBND phường Hòa Phú.\n\n"
        "Chủ tịch UBND tỉnh giao Sở Xây dựng hướng dẫn phường lập hồ sơ dự án. Đối với việc bổ sung"
        " biên chế, UBND tỉnh sẽ xem xét sau khi có kết quả đánh giá.\n\n"
        "Sở Tài chính sẽ cân đối nguồn vốn trong năm 2028.\n"
    )
    result = extract_text(text)
    assert (
        result["document"]["title"]
        == "Chủ tịch UBND tỉnh làm việc với phường Hòa Phú: Chống ngập và chỉnh trang đô thị"
    )
    assert result["document"]["chair"] == "Lê Văn Bình"
    assert [t["lead"] for t in result["tasks"]] == [["Sở Xây dựng"]]


def test_unit_name_with_a_comma_before_a_named_head():
    """ "Phòng Bưu chính, Viễn thông" is one unit: "Viễn thông" names a body only with a name
    after it ("Viễn thông Thái Nguyên")."""
    body = (
        "1. Phòng Bưu chính, Viễn thông chủ trì rà soát các thôn chưa có sóng di động.\n"
        "2. Sở Xây dựng phối hợp với Viễn thông Cao Bằng kiểm tra hạ tầng.\n"
    )
    assert [t[:2] for t in _tasks(_notice(body))] == [
        (["Phòng Bưu chính, Viễn thông"], []),
        (["Sở Xây dựng"], ["Viễn thông Cao Bằng"]),
    ]


def test_lead_in_names_the_one_addressee_short():
    """A letter to "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" whose lead-in names
    them "Ủy ban nhân dân các tỉnh, thành phố": the items go to the addressee as written there."""
    from chidao import extract_text

    text = (
        "BỘ Y TẾ\nSố: 1234/BYT-DP\nV/v phòng, chống dịch sởi\nHà Nội, ngày 02 tháng 11 năm 2026\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
        "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo thực hiện các nội dung sau:\n"
        "1. Tổ chức tiêm vắc xin sởi cho trẻ em trước ngày 30/12/2026.\n"
        "2. Bố trí kinh phí mua vật tư tiêm chủng.\n"
    )
    leads = [t["lead"] for t in extract_text(text)["tasks"]]
    assert leads == [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]] * 2


def test_page_mark_and_funding_statement_are_no_tasks():
    """A page's "- 2 -" between items, and where a plan's money comes from ("Kinh phí ... được bố
    trí từ ...; trong đó: ...", "Tổng kinh phí ... là ...") give no task."""
    body = (
        "1. Chi cục Thủy lợi kiểm tra các công trình đê bao.\n\n- 2 -\n\n"
        "2. Kinh phí thực hiện được bố trí từ nguồn ngân sách tỉnh giao hằng năm cho Sở Nông nghiệp"
        " và Môi trường; trong đó: mua vật tư 120.000.000 đồng; tập huấn 30.000.000 đồng.\n"
        "3. Tổng kinh phí dự kiến năm 2027 là 150.000.000 đồng.\n"
        "4. Phòng Kế hoạch - Tài chính lập dự toán chi tiết trước ngày 28/02/2027.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Chi cục Thủy lợi"], [], None, None),
        (["Phòng Kế hoạch - Tài chính"], [], "2027-02-28", None),
    ]


def test_objects_by_group_and_a_window_counted_from_each_request():
    """ "Phân loại ... theo các nhóm:" over "+ Dự án ...;" lists objects (rule 14), its text going on
    after the list; "trong thời hạn 15 ngày kể từ ngày nhận được văn bản đề nghị" counts from each
    request's day, which the notice does not know."""
    body = (
        "1. Phân loại các dự án tồn đọng trên địa bàn theo các nhóm:\n"
        "+ Dự án thuộc thẩm quyền xử lý của địa phương;\n"
        "+ Dự án vượt thẩm quyền, phải báo cáo Thủ tướng Chính phủ.\n"
        "Công bố danh mục dự án trên Cổng thông tin điện tử trước ngày 31/10/2026.\n"
        "2. Sở Tài chính trả lời các kiến nghị trong thời hạn 15 ngày kể từ ngày nhận được văn bản đề nghị.\n"
    )
    tasks = _tasks(_notice(f"Giao Sở Xây dựng thực hiện các nội dung sau:\n{body}"))
    assert tasks == [(["Sở Xây dựng"], [], "2026-10-31", None), (["Sở Tài chính"], [], None, None)]


def test_visited_province_takes_items_that_open_with_an_action():
    """Rule 16: a Government Office notice of a working visit to one province, addressed to no
    one, gives that province's committee the items that name no actor; an item that says what
    something is stays no task."""
    from chidao import extract_text

    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 77/TB-VPCP\nHà Nội, ngày 19 tháng 3 năm 2027\n\nTHÔNG BÁO\n"
        "Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Lâm Đồng\n\n"
        "Ngày 12/3/2027, Phó Thủ tướng Chính phủ làm việc với Ủy ban nhân dân tỉnh Lâm Đồng. Sau khi"
        " nghe lãnh đạo tỉnh Lâm Đồng báo cáo, Phó Thủ tướng kết luận như sau:\n"
        "I. NHIỆM VỤ THỜI GIAN TỚI\n"
        "Thống nhất với các nhiệm vụ Tỉnh đã đề ra; cần tập trung thực hiện tốt các nội dung sau:\n"
        "1. Dự án là công trình trọng điểm, có ý nghĩa quan trọng đối với vùng.\n"
        "2. Rà soát phương án phòng, chống sạt lở bờ biển, hoàn thành trong quý II năm 2027.\n"
        "II. TRÁCH NHIỆM CỦA CÁC BỘ\n"
        "1. Bộ Xây dựng hướng dẫn về cao độ nền xây dựng trước ngày 30/6/2027.\n"
    )
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Ủy ban nhân dân tỉnh Lâm Đồng"], "2027-06-30"), (["Bộ Xây dựng"], "2027-06-30")]


def test_news_attendance_proposals_and_roles_are_no_tasks():
    """News: who came with the leader ("Cùng đi với Thủ tướng có ...; Văn phòng Chính phủ; ..."),
    a province's request upward ("tỉnh X đề xuất được ..."), what a body is in a project ("X (Bộ
    Xây dựng) là chủ đầu tư") are no tasks; the leader's assignment is."""
    from chidao import extract_text

    text = (
        "(Chinhphu.vn) - Sáng 24/10, Thủ tướng Chính phủ đã đi kiểm tra công trường cầu Rạch Miễu 3.\n\n"
        "Cùng đi với Thủ tướng có lãnh đạo các bộ: Xây dựng, Tài chính; Văn phòng Chính phủ; lãnh đạo"
        " tỉnh Vĩnh Long.\n\n"
        "Ban Quản lý dự án Mỹ Thuận (Bộ Xây dựng) là chủ đầu tư; liên danh nhà thầu thi công gói thầu"
        " cầu chính.\n\n"
        "Báo cáo với Thủ tướng, lãnh đạo tỉnh Đồng Tháp kiến nghị Chính phủ bổ sung vốn; tỉnh Vĩnh Long"
        " đề xuất được điều chỉnh ranh giới mỏ cát.\n\n"
        "Thủ tướng giao UBND tỉnh Vĩnh Long hoàn thành bàn giao mặt bằng trước ngày 30/11/2026.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân tỉnh Vĩnh Long"]]


def test_breakdown_after_trong_do_belongs_to_its_item():
    """ "- Chủ trì ... giải phóng mặt bằng các đoạn tuyến, trong đó:" over "+ Đối với dự án A: ..."
    breaks the item's own work down: one task (dev d01's family)."""
    body = (
        "1. Trung tâm Phát triển quỹ đất tỉnh:\n"
        "- Chủ trì giải phóng mặt bằng các đoạn tuyến khởi công trong quý II/2027, trong đó:\n"
        "+ Đối với dự án cao tốc A: tập trung giải phóng mặt bằng nút giao Km12;\n"
        "+ Đối với dự án cao tốc B: bàn giao toàn bộ mặt bằng trước ngày 30/5/2027.\n"
        "- Đẩy nhanh việc chi trả tiền bồi thường cho người dân.\n"
    )
    tasks = _tasks(_notice(body))
    assert [t[0] for t in tasks] == [["Trung tâm Phát triển quỹ đất tỉnh"]] * 2


def test_party_notice_groups_results_heading_and_chair():
    """A Party standing committee's notice: "1. Về kết quả thực hiện" holds no task; the Party's
    long collective and the 2025 Party committee named with a comma are one lead each; the chair
    is named across a wrapped line ("... Bí" / "thư Tỉnh ủy chủ trì")."""
    from chidao import extract_text

    text = (
        "TỈNH ỦY LÀO CAI\nĐẢNG CỘNG SẢN VIỆT NAM\nLào Cai, ngày 14 tháng 4 năm 2026\nSố 141-TB/TU\n\n"
        "THÔNG BÁO KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác phát triển du lịch\n"
        "Ngày 09/4/2026, Ban Thường vụ Tỉnh ủy họp nghe báo cáo kết quả công tác du lịch. Hội nghị do\n"
        "đồng chí Trần Văn Minh, Ủy viên Trung ương Đảng, Bí\nthư Tỉnh ủy chủ trì. Ban Thường vụ Tỉnh ủy"
        " kết luận như sau:\n"
        "1. Về kết quả thực hiện\nCác cấp ủy, chính quyền đã quan tâm lãnh đạo, chỉ đạo phát triển du lịch.\n"
        "2. Về nhiệm vụ thời gian tới\n"
        "a) Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội"
        " tiếp tục quán triệt quan điểm phát triển du lịch xanh.\n"
        "b) Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh lãnh đạo Ủy ban Mặt trận Tổ quốc tỉnh giám sát"
        " việc thực hiện.\n"
        "Ban Thường vụ Tỉnh ủy sẽ tổ chức sơ kết việc thực hiện Kết luận này vào quý IV/2027.\n"
    )
    result = extract_text(text)
    assert result["document"]["chair"] == "Trần Văn Minh"
    assert [t["lead"] for t in result["tasks"]] == [
        ["Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội"],
        ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"],
    ]


def test_item_naming_its_lead_later_lends_it_to_no_one():
    """ "2. Thực hiện ... . Ủy ban nhân dân tỉnh chỉ đạo Sở Tài chính ..." names its lead in a later
    sentence: "3. Phát triển du lịch ..." (no actor) does not take it."""
    from chidao import extract_text

    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 112/NQ-HĐND\nKhánh Hòa, ngày 10 tháng 12 năm 2026\n\n"
        "NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2027\n\nQUYẾT NGHỊ:\n"
        "Điều 2. Nhiệm vụ, giải pháp chủ yếu\n"
        "Hội đồng nhân dân tỉnh nhấn mạnh một số nội dung sau:\n"
        "1. Thực hiện quyết liệt các giải pháp tăng thu ngân sách. Ủy ban nhân dân tỉnh chỉ đạo Sở Tài"
        " chính rà soát các nguồn thu, hoàn thành trước ngày 31/3/2027.\n"
        "2. Phát triển du lịch trở thành ngành kinh tế mũi nhọn; mở rộng thị trường khách quốc tế.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Tài chính"]]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # "A chỉ đạo B phối hợp với C": B may be named in lowercase; C is B's partner, not A's
        (
            "Đề nghị Ủy ban nhân dân các xã chỉ đạo bộ phận chuyên môn, nhân viên thú y cấp xã phối hợp"
            " với Chi cục Chăn nuôi và Thú y tiêm phòng.",
            (["Ủy ban nhân dân các xã"], []),
        ),
        # ... where "hướng dẫn chuyên môn, phối hợp với C" names what is guided
        (
            "Giao Sở Công Thương chủ trì hướng dẫn chuyên môn, phối hợp với Ủy ban nhân dân phường Hòa An"
            " rà soát hiện trạng cụm công nghiệp.",
            (["Sở Công Thương"], ["Ủy ban nhân dân phường Hòa An"]),
        ),
        # two bodies by a multiword head
        (
            "Chi cục Chăn nuôi và Thú y phối hợp với Cơ quan Thú y vùng VII lấy mẫu giám sát dịch bệnh.",
            (["Chi cục Chăn nuôi và Thú y"], ["Cơ quan Thú y vùng VII"]),
        ),
        (
            "Văn phòng thường trực Ban Chỉ huy Phòng thủ dân sự tỉnh tổ chức trực ban 24/24 giờ.",
            (["Văn phòng thường trực Ban Chỉ huy Phòng thủ dân sự tỉnh"], []),
        ),
    ],
)
def test_directed_partners_and_multiword_heads(item, expected):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1][:2] == expected


@pytest.mark.parametrize(
    ("item", "leads"),
    [
        # bodies told apart by what they have
        (
            "Đề nghị Thủ trưởng các cơ quan, đơn vị có nhiệm vụ quá hạn cập nhật kết quả.",
            ["Thủ trưởng các cơ quan, đơn vị có nhiệm vụ quá hạn"],
        ),
        # ... not by a duty
        ("Các cơ quan, đơn vị có trách nhiệm triển khai Kế hoạch.", ["Các cơ quan, đơn vị"]),
    ],
)
def test_bodies_told_apart_by_what_they_have(item, leads):
    assert _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1][0] == leads


def test_consequence_of_delay_is_no_task():
    """ "...; việc chậm trễ sẽ được xem xét khi đánh giá, xếp loại ..." states a consequence."""
    body = (
        "1. Sở Tài chính trình phương án phân bổ vốn trước ngày 20/12/2026.\n"
        "Trường hợp không hoàn thành đúng thời hạn nêu trên, Thủ trưởng cơ quan, đơn vị chịu trách nhiệm"
        " trước Chủ tịch UBND tỉnh; việc chậm trễ sẽ được xem xét khi đánh giá, xếp loại năm 2026.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [["Sở Tài chính"]]


def test_goal_year_after_phan_dau():
    """ "phấn đấu đến năm 2028 có ít nhất 20 làng ..." sets the year as the goal's deadline; "tầm
    nhìn đến năm 2050" does not."""
    body = (
        "1. Sở Văn hóa, Thể thao và Du lịch phát triển sản phẩm du lịch cộng đồng; phấn đấu đến năm"
        " 2028 có ít nhất 20 làng du lịch đạt chuẩn.\n"
        "2. Sở Xây dựng rà soát quy hoạch chung, tầm nhìn đến năm 2050.\n"
    )
    assert [t[2] for t in _tasks(_notice(body))] == ["2028-12-31", None]


def test_signed_mark_and_subject_around_the_dateline():
    """A copy's "(Đã ký)" between the position and the name; a two-column header that put the
    place-date line inside the "V/v" subject."""
    from chidao import extract_text

    text = (
        "UBND TỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ XÂY DỰNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 2190/SXD-QLCL\nV/v tăng cường công tác quản lý chất\nBắc Ninh, ngày 09 tháng 6 năm 2026\n"
        "lượng, an toàn thi công trong mùa mưa bão\nKính gửi: Ban Quản lý dự án đầu tư xây dựng tỉnh.\n"
        "1. Rà soát các công trình đang thi công, hoàn thành trước ngày 20/6/2026.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n(Đã ký)\nNguyễn Văn Thành\n"
    )
    document = extract_text(text)["document"]
    assert document["title"] == "tăng cường công tác quản lý chất lượng, an toàn thi công trong mùa mưa bão"
    assert document["signer"] == "Nguyễn Văn Thành"


def test_work_periods_and_a_figures_period_are_no_deadlines():
    """ "2. Nhiệm vụ trọng tâm tháng 4 và quý II năm 2026" frames the items; "phấn đấu tốc độ tăng
    trưởng GRDP quý II/2026 đạt ..." in a lead-in is a figure's period; "kịch bản cho quý II và 6
    tháng cuối năm 2026" is what it is for; "vốn được giao đến hết ngày 30/6/2026" is a deadline."""
    body = (
        "2. Nhiệm vụ trọng tâm tháng 4 và quý II năm 2026\n"
        "Yêu cầu các sở, ngành bám sát kịch bản, phấn đấu tốc độ tăng trưởng GRDP quý II/2026 đạt trên"
        " 9%, tập trung thực hiện tốt các nhiệm vụ sau:\n"
        "a) Sở Tài chính cập nhật kịch bản tăng trưởng cho quý II và 6 tháng cuối năm 2026, trình Ủy ban"
        " nhân dân tỉnh trước ngày 20/4/2026.\n"
        "b) Sở Nông nghiệp và Môi trường hướng dẫn các xã chăm sóc lúa vụ Xuân.\n"
        "c) Ban Quản lý dự án đầu tư xây dựng tỉnh phấn đấu giải ngân đạt trên 45% kế hoạch vốn được giao"
        " đến hết ngày 30/6/2026.\n"
    )
    assert [t[2] for t in _tasks(_notice(body))] == ["2026-04-20", None, "2026-06-30"]


def test_interleaved_header_gives_the_organ_and_its_promise():
    """A header whose two columns alternate line by line ("UBND TỈNH BẮC NINH" / "CỘNG HÒA ..." /
    "SỞ XÂY DỰNG" / "Độc lập ..."): the issuer is the department (its "sẽ" is a promise, and so is
    the rest of that sentence), the province stays "Bắc Ninh"."""
    from chidao import extract_text

    text = (
        "UBND TỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ XÂY DỰNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 2190/SXD-QLCL\nV/v an toàn thi công mùa mưa bão\nBắc Ninh, ngày 09 tháng 6 năm 2026\n"
        "Kính gửi:\n- Ban Quản lý dự án đầu tư xây dựng tỉnh;\n- Ủy ban nhân dân các xã, phường.\n"
        "1. Rà soát các công trình đang thi công, hoàn thành trước ngày 20/6/2026.\n"
        "2. Sở Xây dựng sẽ thành lập các đoàn kiểm tra trong tháng 7/2026; kết quả kiểm tra được công"
        " khai trên Trang thông tin điện tử của Sở.\n"
        "3. Công an tỉnh Bắc Ninh phối hợp kiểm tra an toàn công trường.\n"
    )
    result = extract_text(text)
    assert result["document"]["issuer"] == "UBND TỈNH BẮC NINH SỞ XÂY DỰNG"
    assert [t["lead"] for t in result["tasks"]] == [
        ["Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ủy ban nhân dân các xã, phường"],
        ["Công an tỉnh"],
    ]


def test_news_specifics_after_trong_do_colon_and_relayed_intent():
    """News: "..., trong đó: Bộ trưởng giao Vụ X chủ trì ..." gives the specific task; "Bộ trưởng
    khẳng định, Bộ ... sẽ tiếp tục đồng hành ..." relays intent, no task."""
    from chidao import extract_text

    text = (
        "(CMO) - Chiều 16/3, Bộ trưởng Nguyễn Hải Đăng đã có buổi làm việc với UBND tỉnh Cà Mau.\n\n"
        "Trả lời các kiến nghị của tỉnh, Bộ trưởng giao các đơn vị chức năng của Bộ xử lý theo thẩm"
        " quyền, trong đó: Bộ trưởng giao Vụ Kế hoạch - Tài chính chủ trì tổng hợp đề xuất bổ sung vốn,"
        " báo cáo Lãnh đạo Bộ trước ngày 30/4/2027.\n\n"
        "Bộ trưởng khẳng định, Bộ Dân tộc và Tôn giáo sẽ tiếp tục đồng hành với tỉnh.\n"
    )
    tasks = [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]
    assert tasks == [(["Vụ Kế hoạch - Tài chính"], "2027-04-30")]


def test_goal_in_a_headings_earlier_sentence_dates_no_item():
    """ "2. Dự án ... phấn đấu bàn giao mặt bằng trước ngày 30/9/2026. Để bảo đảm mục tiêu này, các
    cơ quan ... thực hiện các nội dung sau:" dates the goal; its items keep their own deadlines, and
    "các lực lượng chức năng" is no named partner."""
    body = (
        "2. Dự án Đường Vành đai là công trình trọng điểm, phấn đấu bàn giao toàn bộ mặt bằng trước ngày"
        " 30/9/2026. Để bảo đảm mục tiêu này, các cơ quan, đơn vị tập trung thực hiện các nội dung sau:\n"
        "a) Giao Ủy ban nhân dân xã Hòa Vang chủ trì kiểm đếm đất đai, xong trước ngày 31/5/2026.\n"
        "b) Giao Công an thành phố phối hợp với các lực lượng chức năng bảo đảm an ninh trật tự.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Ủy ban nhân dân xã Hòa Vang"], [], "2026-05-31", None),
        (["Công an thành phố"], [], None, None),
    ]


def test_member_school_unit_heads_and_yearly_day():
    """ "Trường Đại học Ngoại ngữ, Đại học Huế" is one partner; "Xí nghiệp ..." is a body; a name
    ends before "di dời"; "Định kỳ hằng năm, ... trước ngày 15 tháng 11" is each year's day."""
    body = (
        "1. Phòng Giáo dục Trung học phối hợp với Trường Đại học Ngoại ngữ, Đại học Huế tổ chức khảo sát.\n"
        "2. Phòng Kinh tế phối hợp với Xí nghiệp Môi trường đô thị Hoàng Mai rà soát điểm tập kết rác.\n"
        "3. Giao Công ty Điện lực Đà Nẵng chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng các công"
        " trình giao thông và nông nghiệp di dời đường dây trung thế.\n"
        "4. Định kỳ hằng năm, Sở Văn hóa, Thể thao và Du lịch tổng hợp báo cáo tình trạng bảo tồn di sản,"
        " gửi Bộ Văn hóa, Thể thao và Du lịch trước ngày 15 tháng 11.\n"
    )
    assert _tasks(_notice(body)) == [
        (["Phòng Giáo dục Trung học"], ["Trường Đại học Ngoại ngữ, Đại học Huế"], None, None),
        (["Phòng Kinh tế"], ["Xí nghiệp Môi trường đô thị Hoàng Mai"], None, None),
        (
            ["Công ty Điện lực Đà Nẵng"],
            ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và nông nghiệp"],
            None,
            None,
        ),
        (["Sở Văn hóa, Thể thao và Du lịch"], [], None, "yearly"),
    ]


def test_one_addressee_named_short_in_an_item():
    """A ministry's letter to "Ủy ban nhân dân tỉnh Quảng Ninh": "Đề nghị Ủy ban nhân dân tỉnh ..."
    in an item names that addressee."""
    from chidao import extract_text

    text = (
        "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 2417/BVHTTDL-DSVH\nV/v bảo tồn di tích\n"
        "Hà Nội, ngày 02 tháng 11 năm 2026\n\nKính gửi: Ủy ban nhân dân tỉnh Quảng Ninh.\n\n"
        "1. Đề nghị Ủy ban nhân dân tỉnh xây dựng Đề án bảo tồn di tích, gửi Bộ trước ngày 30/12/2026.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Ủy ban nhân dân tỉnh Quảng Ninh"]]


def test_plan_attached_after_the_decisions_signature():
    """A decision issuing a plan, the plan copied after the signature ("KẾ HOẠCH" / title / "(Ban
    hành kèm theo Quyết định số ...)"): its items are the tasks; an aside in brackets with ";" is one
    ("(Cục X, y, z chủ trì; Cục W phối hợp; thời gian: tháng 8/2027)")."""
    from chidao import extract_text

    text = (
        "BỘ TƯ PHÁP\nSố: 1286/QĐ-BTP\nHà Nội, ngày 14 tháng 6 năm 2027\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch"
        " số hóa Sổ hộ tịch năm 2027\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch số"
        " hóa Sổ hộ tịch năm 2027.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Quang Vinh\n\n"
        "KẾ HOẠCH\nSố hóa Sổ hộ tịch năm 2027\n(Ban hành kèm theo Quyết định số 1286/QĐ-BTP ngày 14"
        " tháng 6 năm 2027 của Bộ trưởng Bộ Tư pháp)\n\nI. NHIỆM VỤ CỤ THỂ\n"
        "1. Ban hành tài liệu hướng dẫn số hóa (Cục Công nghệ thông tin chủ trì; Cục Hộ tịch, quốc tịch,"
        " chứng thực phối hợp; thời gian: tháng 8/2027).\n"
        "2. Rà soát dữ liệu hộ tịch đã số hóa (Cục Hộ tịch, quốc tịch, chứng thực chủ trì; thời gian:"
        " quý IV/2027).\n"
    )
    result = extract_text(text)
    assert result["document"]["is_directive"] is True
    assert [(t["lead"], t["coordinators"], t["deadline"]) for t in result["tasks"]] == [
        (["Cục Công nghệ thông tin"], ["Cục Hộ tịch, quốc tịch, chứng thực"], "2027-08-31"),
        (["Cục Hộ tịch, quốc tịch, chứng thực"], [], "2027-12-31"),
    ]


def test_justice_units_and_press_bodies():
    """The 2025 justice units named in full, a magazine as a body of its own, "các phòng, đơn vị
    thuộc Sở" as no named partner, a name with commas closed by "là đơn vị"."""
    body = (
        "1. Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật tham mưu kế hoạch tuyên truyền.\n"
        "2. Phòng Hành chính tư pháp và Bổ trợ tư pháp chủ trì, phối hợp với các phòng, đơn vị thuộc Sở"
        " tổng hợp số liệu.\n"
        "3. Báo Pháp luật Việt Nam, Tạp chí Dân chủ và Pháp luật tuyên truyền lợi ích của số hóa.\n"
        "4. Cục Hộ tịch, quốc tịch, chứng thực là đơn vị đầu mối, theo dõi việc thực hiện Kế hoạch.\n"
    )
    assert [t[:2] for t in _tasks(_notice(body))] == [
        (["Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật"], []),
        (["Phòng Hành chính tư pháp và Bổ trợ tư pháp"], []),
        (["Báo Pháp luật Việt Nam", "Tạp chí Dân chủ và Pháp luật"], []),
        (["Cục Hộ tịch, quốc tịch, chứng thực"], []),
    ]


def test_answer_to_a_proposal_names_its_subject_after_the_topic():
    """ "Về đề xuất nạo vét luồng cảng cá, Sở X phối hợp với Sở Y ..." answers a proposal with a
    task for X; "Về đề nghị ..., giao A, B xem xét" gives both; a leader's wish is no task."""
    from chidao import extract_text

    text = (
        "(DLO) - Sáng 5/6, Chủ tịch UBND tỉnh Nguyễn Đình Khoa chủ trì hội nghị đối thoại với doanh nghiệp.\n\n"
        "Về đề xuất nạo vét luồng cảng cá Sông Cầu, Sở Nông nghiệp và Môi trường phối hợp với Sở Tài"
        " chính rà soát, báo cáo UBND tỉnh trong tháng 7/2027.\n\n"
        "Về đề nghị gia hạn nộp thuế, giao Thuế tỉnh, Sở Tài chính xem xét, trả lời doanh nghiệp.\n\n"
        "Chủ tịch UBND tỉnh mong muốn cộng đồng doanh nghiệp tiếp tục phát huy tinh thần tự lực.\n"
    )
    assert [(t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]] == [
        (["Sở Nông nghiệp và Môi trường"], "2027-07-31"),
        (["Thuế tỉnh", "Sở Tài chính"], None),
    ]


def test_issuer_presenting_its_plan_leads_nothing():
    """ "..., Sở Y tế xây dựng Kế hoạch triển khai chiến dịch như sau:" presents the plan: its action
    items that name no agency are no tasks (rule 7), its named ones are."""
    from chidao import extract_text

    text = (
        "UBND TỈNH HÀ TĨNH\nSỞ Y TẾ\nSố: 1186/KH-SYT\nHà Tĩnh, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
        "Tiêm bổ sung vắc xin sởi năm 2026\n\n"
        "Trước diễn biến số ca mắc sởi tăng, Sở Y tế xây dựng Kế hoạch triển khai chiến dịch như sau:\n"
        "I. NỘI DUNG HOẠT ĐỘNG\n1. Điều tra, lập danh sách đối tượng theo từng thôn.\n"
        "2. Tập huấn chuyên môn cho cán bộ tham gia chiến dịch.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Kiểm soát bệnh tật tỉnh phân phối vắc xin trước ngày 01/4/2026.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Trung tâm Kiểm soát bệnh tật tỉnh"]]


def test_place_after_a_subject_line_wrapped_over_two_lines():
    """ "V/v xử lý sạt lở bờ biển, cửa" / "sông trên địa bàn tỉnh Quảng Trị" / "Hà Nội, ngày 12" /
    "tháng 8 năm 2026": the place is Hà Nội, the subject keeps its province."""
    from chidao import extract_text

    text = (
        "VĂN PHÒNG CHÍNH\nPHỦ\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 6812/VPCP-NN\nV/v xử lý sạt lở bờ biển, cửa\nsông trên địa bàn tỉnh Quảng Trị\nHà Nội, ngày 12\n"
        "tháng 8 năm 2026\n\nKính gửi: Ủy ban nhân dân tỉnh Quảng Trị.\n\n1. Rà soát các điểm sạt lở.\n"
    )
    document = extract_text(text)["document"]
    assert (document["place"], document["title"]) == (
        "Hà Nội",
        "xử lý sạt lở bờ biển, cửa sông trên địa bàn tỉnh Quảng Trị",
    )


def test_news_of_a_conference_that_assigns_nothing():
    """Portal news of a conference: who chaired it ("Đồng chí X - Phó Chủ tịch UBND tỉnh, Trưởng Ban
    Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh chủ trì hội nghị"), who attended ("Dự hội nghị
    có ..."): no task, and the page assigns nothing."""
    from chidao import extract_text

    text = (
        "(TTĐT) - Sáng 26/3/2026, UBND tỉnh tổ chức Hội nghị tổng kết Chương trình xây dựng nông thôn mới."
        " Đồng chí Trương Minh Hiếu - Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo các Chương trình mục tiêu"
        " quốc gia tỉnh chủ trì hội nghị. Dự hội nghị có lãnh đạo các sở, ban, ngành tỉnh.\n\n"
        "Theo báo cáo tại hội nghị, sau 5 năm triển khai, toàn tỉnh có 62 xã đạt chuẩn nông thôn mới.\n"
    )
    result = extract_text(text)
    assert result["tasks"] == []
    assert result["document"]["is_directive"] is False


def test_policy_terms_and_settlements_in_a_group():
    """A council's policy terms ("2. Đối tượng áp dụng" over "a) Hợp tác xã ...") are no tasks; "Các
    chi bộ thôn, tổ dân phố" is one group."""
    body = (
        "1. Đối tượng áp dụng\na) Hợp tác xã, tổ hợp tác sản xuất lúa có diện tích tham gia vùng chuyên canh.\n"
        "b) Hộ gia đình, cá nhân sản xuất lúa là thành viên của hợp tác xã.\n"
        "2. Các chi bộ thôn, tổ dân phố nâng cao chất lượng sinh hoạt chi bộ.\n"
    )
    assert [t[0] for t in _tasks(_notice(body))] == [["Các chi bộ thôn, tổ dân phố"]]


def test_lowercase_pair_after_a_dash_inside_a_name():
    """ "Vụ Pháp luật dân sự - kinh tế phối hợp": the name goes on past the dash in lowercase, up to
    the body's role; "báo cáo tình hình kinh tế - xã hội" after a name is no part of it."""
    body = (
        "1. Cục Hộ tịch, quốc tịch, chứng thực chủ trì, phối hợp với Vụ Pháp luật dân sự - kinh tế xây dựng"
        " Thông tư.\n"
        "2. Sở Tài chính báo cáo tình hình kinh tế - xã hội quý III.\n"
    )
    assert [t[:2] for t in _tasks(_notice(body))] == [
        (["Cục Hộ tịch, quốc tịch, chứng thực"], ["Vụ Pháp luật dân sự - kinh tế"]),
        (["Sở Tài chính"], []),
    ]


def test_leaders_words_then_the_body_that_acts():
    """News: "Bộ trưởng nhấn mạnh, Sở Y tế phải khẩn trương rà soát ..." gives Sở Y tế the task,
    whoever speaks."""
    from chidao import extract_text

    text = (
        "(CMO) - Chiều 16/3, Bộ trưởng Nguyễn Hải Đăng đã có buổi làm việc với UBND tỉnh Cà Mau.\n\n"
        "Bộ trưởng nhấn mạnh, Sở Y tế phải khẩn trương rà soát danh mục thuốc thiếu.\n"
    )
    assert [t["lead"] for t in extract_text(text)["tasks"]] == [["Sở Y tế"]]
