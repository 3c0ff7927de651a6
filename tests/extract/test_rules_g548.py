"""Rules added on 2026-12-07 (second session) from the families the genre set still misses, each
on a short notice written for it. The notices are invented and share no text with the
measurement sets.
"""

from __future__ import annotations

import pytest
from test_rules_g82_g105 import _notice, _tasks

from chidao import extract_text


def _items(item: str) -> list[tuple[list[str], list[str], str | None, str | None]]:
    return _tasks(_notice(f"1. Sở Nội vụ rà soát biên chế.\n2. {item}\n"))[1:]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # an acronym inside a group's qualifier names a thing, not a body
        ("Các chủ đầu tư dự án ODA báo cáo tiến độ giải ngân.", ["Các chủ đầu tư dự án ODA"]),
        ("Các hợp tác xã có sản phẩm OCOP tham gia hội chợ xúc tiến thương mại.", ["Các hợp tác xã có sản phẩm OCOP"]),
        # a proper name inside what the members of a group have
        ("Các bệnh viện có khoa Nhi tổ chức khám sàng lọc cho trẻ em.", ["Các bệnh viện có khoa Nhi"]),
        (
            "UBND các xã, phường có Dự án đi qua khẩn trương bàn giao mặt bằng.",
            ["Ủy ban nhân dân các xã, phường có Dự án đi qua"],
        ),
        # kinds of Party committee listed as a group
        ("Các tỉnh ủy, thành ủy xây dựng chương trình hành động.", ["Các tỉnh ủy, thành ủy"]),
        # a sector's whole name in lowercase goes on a body's name, whatever verb follows
        (
            "Trung tâm Quan trắc tài nguyên và môi trường kiểm tra, hiệu chuẩn thiết bị.",
            ["Trung tâm Quan trắc tài nguyên và môi trường"],
        ),
        # ... but not a two-word one that is as often a verb: "xây dựng"
        ("Phòng Văn hóa - Xã hội xây dựng kế hoạch tổ chức các hoạt động.", ["Phòng Văn hóa - Xã hội"]),
        # "Đ/c" before a position, as "Đồng chí" (kept as written, rule 8)
        (
            "Đ/c Trưởng phòng Kế hoạch - Tài chính rà soát tình hình giải ngân.",
            ["Đ/c Trưởng phòng Kế hoạch - Tài chính"],
        ),
        # the Party committee and the government of a commune together, and of a group of them
        (
            "Đảng ủy, chính quyền xã Mù Cang Chải bám sát các chỉ tiêu nghị quyết.",
            ["Đảng ủy, chính quyền xã Mù Cang Chải"],
        ),
        (
            "Cấp ủy, chính quyền các xã, phường, đặc khu rà soát các điểm sạt lở.",
            ["Cấp ủy, chính quyền các xã, phường, đặc khu"],
        ),
        # ... while "Đảng ủy xã X" alone stays the committee's own name
        ("Đảng ủy xã Mù Cang Chải lãnh đạo triển khai nghị quyết.", ["Đảng ủy xã Mù Cang Chải"]),
    ],
)
def test_group_qualifiers(item: str, lead: list[str]) -> None:
    assert _items(item)[0][0] == lead


def test_a_body_after_what_a_group_has_stays_apart() -> None:
    """A capitalized word that opens a body is a second lead, not part of what the group has."""
    assert _items("Các bệnh viện có khoa Nhi, Sở Y tế kiểm tra công tác tiêm chủng.")[0][0] == [
        "Các bệnh viện có khoa Nhi",
        "Sở Y tế",
    ]


def test_one_cell_per_line_table_with_group_lines_and_a_product_column() -> None:
    """Group lines ("I. ...", "II. ...") before and between the rows of a table flattened one cell
    per line, a task cell wrapped over two lines, a sixth column of products, a year range."""
    result = _notice(
        "III. NHIỆM VỤ CỤ THỂ\nSTT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\nSản phẩm\n"
        "I. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH\n"
        "1\nRà soát, tham mưu ban hành chính sách hỗ trợ học sinh công tác tại các xã\nbiên giới, xã đặc biệt"
        " khó khăn\nSở Giáo dục và Đào tạo\nSở Tài chính, Sở Tư pháp\nTháng 12/2026\nNghị quyết của HĐND tỉnh\n"
        "II. NÂNG CAO NHẬN THỨC\n"
        "2\nTổ chức quán triệt, tuyên truyền Nghị quyết đến cán bộ quản lý, nhà giáo\nSở Văn hóa, Thể thao và Du lịch\n"
        "Sở Giáo dục và Đào tạo\nQuý IV/2026\nHội nghị quán triệt\n"
        "3\nĐầu tư, cải tạo nhà công vụ cho giáo viên\nSở Tài chính\nSở Xây dựng\n2026 - 2027\nNhà công vụ\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ theo dõi, tổng hợp kết quả.\n",
        kind="KH",
        title="KẾ HOẠCH",
        subject="Phát triển giáo dục vùng biên giới",
    )
    assert _tasks(result) == [
        (["Sở Giáo dục và Đào tạo"], ["Sở Tài chính", "Sở Tư pháp"], "2026-12-31", None),
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Giáo dục và Đào tạo"], "2026-12-31", None),
        (["Sở Tài chính"], ["Sở Xây dựng"], "2027-12-31", None),
        (["Sở Nội vụ"], [], None, None),
    ]


def test_a_pointer_to_the_annex_as_the_basis_of_an_action_is_a_task() -> None:
    """ "Căn cứ nhiệm vụ được giao tại Phụ lục, xây dựng kế hoạch": the annex is the basis of the
    item's own action; "Các nhiệm vụ khác được giao tại Phụ lục" alone is no task."""
    tasks = _tasks(
        _notice(
            "1. Sở Y tế\n- Căn cứ nhiệm vụ được giao tại Phụ lục, xây dựng kế hoạch của đơn vị, hoàn thành trước"
            " ngày 31/10/2026.\n- Các nhiệm vụ cụ thể khác được giao tại Phụ lục kèm theo.\n"
        )
    )
    assert tasks == [(["Sở Y tế"], [], "2026-10-31", None)]


def test_actions_under_a_long_lead_in_are_the_tasks() -> None:
    """A long item that ends "...; trực tiếp chỉ đạo:" over lettered actions: one task per action
    (rules 11, 14), with the item's lead."""
    tasks = _tasks(
        _notice(
            "1. Chủ tịch Ủy ban nhân dân các xã ven sông tập trung lãnh đạo, chỉ đạo, huy động cả hệ thống"
            " chính trị ứng phó với mưa lũ theo phương châm bốn tại chỗ, không để bị động, bất ngờ; trực tiếp"
            " chỉ đạo:\n\na) Tổ chức sơ tán người dân ra khỏi khu vực nguy hiểm trước 18 giờ ngày 21/10/2026.\n\n"
            "b) Bố trí lực lượng canh gác tại các ngầm, tràn bị ngập sâu.\n\n2. Sở Y tế báo cáo tình hình.\n"
        )
    )
    lead = ["Chủ tịch Ủy ban nhân dân các xã ven sông"]
    assert tasks == [(lead, [], "2026-10-21", None), (lead, [], None, None), (["Sở Y tế"], [], None, None)]


def test_a_short_name_defined_for_a_body_and_the_full_name_after_it() -> None:
    """ "(sau đây gọi tắt là Tập đoàn)": the full name written later is still the full name, a
    heading "Đối với <full name>" still heads its bullets, and a bullet's dash is no part of it."""
    tasks = _tasks(
        _notice(
            "1. Làm việc với Tập đoàn Đầu tư Sao Việt (sau đây gọi tắt là Tập đoàn) về Dự án.\n\n"
            "2. Đối với Tập đoàn Đầu tư Sao Việt\n\n- Tập trung nguồn lực, đẩy nhanh tiến độ thi công.\n\n"
            "- Hoàn thành việc ký quỹ trước ngày 31/3/2026.\n\n3. Tập đoàn có trách nhiệm báo cáo tiến độ.\n"
        )
    )
    company = ["Tập đoàn Đầu tư Sao Việt"]
    assert tasks == [(company, [], None, None), (company, [], "2026-03-31", None), (company, [], None, None)]


def test_a_newspaper_ends_before_what_it_opens() -> None:
    """ "Báo Gia Lai | mở chuyên mục ...": "mở" is a verb, no part of the name."""
    assert _items("Báo Gia Lai mở chuyên mục tuyên truyền về phòng cháy, chữa cháy rừng.")[0][0] == ["Báo Gia Lai"]


def test_star_bullets_that_ask_other_bodies_are_tasks_of_their_own() -> None:
    """ "* Đề nghị X ..." under a numbered item with its own lead: as with "-", each asks its body."""
    tasks = _tasks(
        _notice(
            "3.3. Văn phòng HĐND và UBND đặc khu chuẩn bị nội dung kỳ họp cuối năm.\n\n"
            "* Đề nghị Điện lực Phú Quý bảo đảm cung cấp điện ổn định cho sản xuất.\n\n"
            "* Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu tăng cường tuyên truyền.\n"
        )
    )
    assert [t[0] for t in tasks] == [
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân đặc khu"],
        ["Điện lực Phú Quý"],
        ["Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"],
    ]


def test_a_tax_office_by_its_number() -> None:
    """ "Thuế cơ sở 9 tỉnh X" (the 2025 tax offices of several communes): the number and its
    province belong to the name; the document's own province is dropped as for any body."""
    assert _items("Phòng Kinh tế phối hợp với Thuế cơ sở 9 tỉnh Lâm Đồng rà soát nguồn thu.")[0][1] == [
        "Thuế cơ sở 9 tỉnh Lâm Đồng"
    ]
    assert _items("Thuế cơ sở 3 thành phố Hà Nội rà soát nguồn thu.")[0][0] == ["Thuế cơ sở 3 thành phố Hà Nội"]


def test_an_abbreviated_short_form_names_the_body_it_was_defined_for() -> None:
    """ "(sau đây gọi là Ban QLDA Giao thông)", "(Ban QLDA khu vực số 2)" after a body's full name:
    the short form is that body, by its full name, and the bracket assigns nothing."""
    tasks = _tasks(
        _notice(
            "Tham dự có Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh (sau đây gọi là Ban QLDA"
            " Giao thông) và Ban Quản lý dự án đầu tư xây dựng khu vực số 2 (Ban QLDA khu vực số 2).\n\n"
            "1. Ban QLDA Giao thông chỉ đạo nhà thầu tăng cường nhân lực, máy móc.\n\n"
            "2. Sở Y tế phối hợp với Ban QLDA khu vực số 2 rà soát danh mục thiết bị.\n"
        )
    )
    assert tasks == [
        (["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"], [], None, None),
        (["Sở Y tế"], ["Ban Quản lý dự án đầu tư xây dựng khu vực số 2"], None, None),
    ]


def test_the_abbreviation_of_a_kind_is_no_short_form() -> None:
    """ "Ủy ban nhân dân (UBND) tỉnh, thành phố": "UBND" goes on naming any committee."""
    tasks = _tasks(
        _notice(
            "Dự họp có lãnh đạo Ủy ban nhân dân (UBND) các tỉnh.\n\n"
            "1. Giao Bộ Xây dựng chủ trì, làm việc với UBND tỉnh Đồng Nai để thống nhất phương án.\n"
        )
    )
    assert tasks == [(["Bộ Xây dựng"], ["Ủy ban nhân dân tỉnh Đồng Nai"], None, None)]


def test_a_joint_venture_of_contractors() -> None:
    """ "Liên danh nhà thầu X - Y": a body, led or partnered."""
    assert _items("Yêu cầu Liên danh nhà thầu Thành An - Miền Trung huy động thêm 02 mũi thi công.")[0][0] == [
        "Liên danh nhà thầu Thành An - Miền Trung"
    ]
    assert _items("Sở Xây dựng làm việc với Liên danh nhà thầu Hưng Phát - Sông Hồng để thống nhất tiến độ.")[0][1] == [
        "Liên danh nhà thầu Hưng Phát - Sông Hồng"
    ]


def test_an_invitation_hands_out_the_preparation() -> None:
    """A meeting invitation's "Phân công chuẩn bị nội dung:" items are tasks whoever opens them;
    who chairs and who attends are not."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM\nSố: 57/GM-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Lâm, ngày 03 tháng 02 năm 2026\nGIẤY MỜI\n"
        "Họp nghe báo cáo tình hình cấp nước sinh hoạt mùa khô\n"
        "Ủy ban nhân dân tỉnh tổ chức cuộc họp, cụ thể như sau:\n"
        "1. Chủ trì: Đồng chí Trần Văn Hòa, Phó Chủ tịch Ủy ban nhân dân tỉnh.\n"
        "2. Thành phần mời: Lãnh đạo các sở: Nông nghiệp và Môi trường, Tài chính.\n"
        "3. Địa điểm: Phòng họp số 3, trụ sở Ủy ban nhân dân tỉnh.\n"
        "4. Phân công chuẩn bị nội dung:\n"
        "- Sở Nông nghiệp và Môi trường chuẩn bị báo cáo tình hình cấp nước sinh hoạt;\n"
        "- Sở Tài chính chuẩn bị ý kiến về khả năng cân đối nguồn dự phòng.\n"
        "Báo cáo gửi về Văn phòng UBND tỉnh trước 15 giờ 00 ngày 05/02/2026.\n\n"
        "Đề nghị các thành phần được mời tham dự đầy đủ, đúng giờ./.\n"
        "Nơi nhận:\n- Như thành phần mời;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nLê Thị Mỹ Hạnh\n"
    )
    tasks = _tasks(extract_text(text))
    assert [t[0] for t in tasks] == [["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"]]


def test_a_lead_line_after_items_with_their_own_time_lines() -> None:
    """ "a) ... / Thời gian thực hiện: ... / b) ... / Thời gian thực hiện: ... / Đơn vị thực hiện:
    X chủ trì": the lead line is every item's above it (rule 7), each keeping its own time."""
    tasks = _tasks(
        _notice(
            "3. Ra quân kiểm tra, xử lý vi phạm\na) Tổ chức đợt cao điểm lập lại trật tự lòng đường, vỉa hè.\n"
            "Thời gian thực hiện: Từ ngày 02/3/2026 đến ngày 30/4/2026.\n"
            "b) Sau đợt cao điểm, duy trì kiểm tra định kỳ trên các tuyến đã ra quân.\n"
            "Thời gian thực hiện: Hằng tuần, vào chiều thứ Sáu.\n"
            "Đơn vị thực hiện: Công an phường chủ trì, phối hợp với Phòng Kinh tế.\n",
            kind="KH",
            title="KẾ HOẠCH",
            subject="Lập lại trật tự đô thị năm 2026",
        )
    )
    assert tasks == [
        (["Công an phường"], ["Phòng Kinh tế"], "2026-04-30", None),
        (["Công an phường"], ["Phòng Kinh tế"], None, "weekly"),
    ]


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("trong tháng 02 và tháng 3/2026", "2026-03-31"),  # two months in a row: one period
        ("trong tháng 12 và tháng 01/2027", "2027-01-31"),
        ("trong tháng 6, tháng 12/2026", "2026-06-30"),  # two steps: the first
    ],
)
def test_months_of_one_period(phrase: str, deadline: str) -> None:
    assert _items(f"Sở Y tế tổ chức kiểm tra các cơ sở {phrase}.")[0][2] == deadline


def test_a_leader_quoted_in_the_news() -> None:
    """ "“..., tôi đề nghị X ...”, Chủ tịch UBND tỉnh lưu ý.": the quoted request is a task for X; who
    said it opens no clause of its own; a group by the area it lies in keeps that qualifier."""
    tasks = _tasks(
        _notice(
            "“Mùa mưa bão vẫn còn kéo dài, tôi đề nghị UBND các xã, phường trong vùng bị ảnh hưởng chủ động rà soát"
            " các điểm có nguy cơ sạt lở”, Chủ tịch UBND tỉnh lưu ý.\n"
        )
    )
    assert tasks == [(["Ủy ban nhân dân các xã, phường trong vùng bị ảnh hưởng"], [], None, None)]


@pytest.mark.parametrize("indent", ["\t\t\t\t", ""])
def test_a_tab_table_whose_time_column_splits_into_start_and_end(indent: str) -> None:
    """ "Thời gian" over "Bắt đầu" | "Hoàn thành" (the second header line's leading tabs may be
    lost): the deadline is the end column; a bare "03/2026" there is that month."""
    tasks = _tasks(
        _notice(
            "II. NHIỆM VỤ CỤ THỂ\n"
            "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\t\tKết quả, sản phẩm\n"
            f"{indent}Bắt đầu\tHoàn thành\t\n"
            "1\tRà soát quỹ đất phát triển nhà ở xã hội\tSở Xây dựng\tSở Tài chính\t01/2026\t03/2026\tDanh mục\n"
            "2\tKhảo sát nhu cầu nhà ở của công nhân\tSở Nội vụ\tSở Y tế\t02/2026\t04/2026\tBáo cáo\n",
            kind="KH",
            title="KẾ HOẠCH",
            subject="Phát triển nhà ở xã hội năm 2026",
        )
    )
    assert tasks == [
        (["Sở Xây dựng"], ["Sở Tài chính"], "2026-03-31", None),
        (["Sở Nội vụ"], ["Sở Y tế"], "2026-04-30", None),
    ]


def test_an_urging_letter_gives_the_overdue_tasks_it_lists_a_new_date() -> None:
    """Overdue tasks listed in prose with the dates they missed, then "đề nghị ... các cơ quan, đơn
    vị nêu trên khẩn trương hoàn thành các nhiệm vụ được giao ... trước ngày N; riêng nhiệm vụ của X
    ... trước ngày M": each is due by N, X's by M, and the request is no task of its own."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM\nVĂN PHÒNG\nSố: 88/VP-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Lâm, ngày 05 tháng 01 năm 2026\n"
        "V/v đôn đốc thực hiện nhiệm vụ quá hạn\n"
        "Kính gửi: Các sở: Tài chính, Y tế, Xây dựng.\n\n"
        "Tính đến hết ngày 31/12/2025 còn các nhiệm vụ đã quá hạn, cụ thể như sau:\n\n"
        "Sở Tài chính: nhiệm vụ rà soát, đề xuất phương án xử lý cơ sở nhà, đất dôi dư (hạn 30/11/2025). "
        "Sở Y tế: nhiệm vụ báo cáo phương án sắp xếp các trạm y tế xã (hạn 05/12/2025). "
        "Sở Xây dựng: nhiệm vụ hoàn thiện hồ sơ điều chỉnh chủ trương đầu tư dự án đường ven biển"
        " (hạn 15/12/2025).\n\n"
        "Văn phòng Ủy ban nhân dân tỉnh đề nghị Thủ trưởng các cơ quan, đơn vị nêu trên khẩn trương hoàn thành"
        " các nhiệm vụ được giao, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 20/01/2026; riêng nhiệm vụ"
        " của Sở Y tế phải hoàn thành trước ngày 09/01/2026.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An\n"
    )
    tasks = _tasks(extract_text(text))
    assert tasks == [
        (["Sở Tài chính"], [], "2026-01-20", None),
        (["Sở Y tế"], [], "2026-01-09", None),
        (["Sở Xây dựng"], [], "2026-01-20", None),
    ]


def test_objects_listed_after_cu_the() -> None:
    """ "Rà soát hồ sơ ..., cụ thể:" over "+" noun phrases: one task, the phrases are its objects."""
    tasks = _tasks(
        _notice(
            "1. Các trường rà soát hồ sơ học sinh lớp 12, bảo đảm đầy đủ, chính xác với cơ sở dữ liệu ngành, cụ thể:\n"
            "+ Học bạ trung học phổ thông (học bạ số hoặc học bạ giấy);\n"
            "+ Thông tin căn cước, số định danh cá nhân, ngày sinh, nơi sinh;\n"
            "+ Giấy tờ xác nhận chế độ ưu tiên, khuyến khích (nếu có).\n"
        )
    )
    assert tasks == [(["Các trường"], [], None, None)]


def test_a_department_under_its_committee_beside_the_motto_is_the_issuer() -> None:
    """ "UBND TỈNH X   CỘNG HÒA ..." / "SỞ GIÁO DỤC VÀ ĐÀO TẠO   Độc lập - Tự do - Hạnh phúc": the
    department is the issuer, so "Sở Giáo dục và Đào tạo sẽ ..." is its own promise, no task."""
    text = (
        "UBND TỈNH PHÚ THỌ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO                    Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 118/SGDĐT-QLCL                       Phú Thọ, ngày 15 tháng 01 năm 2026\n"
        "V/v chuẩn bị ôn tập cho học sinh lớp 12\n\nKính gửi: Hiệu trưởng các trường trung học phổ thông.\n\n"
        "1. Các trường xây dựng kế hoạch ôn tập chi tiết theo từng môn thi.\n\n"
        "Sở Giáo dục và Đào tạo sẽ thành lập các đoàn kiểm tra công tác ôn tập trong tháng 4/2026.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
    )
    assert [t[0] for t in _tasks(extract_text(text))] == [["Các trường"]]


def test_a_closing_request_for_a_report_is_a_duty_not_a_date_for_the_items() -> None:
    """ "Yêu cầu các đơn vị báo cáo kết quả về Sở X trước 10 giờ ngày ...": a task of its own
    (rule 13); the items above keep their own dates."""
    tasks = _tasks(
        _notice(
            "1. Sở Công Thương chỉ đạo các chủ hồ thủy điện vận hành đúng quy trình.\n\n"
            "2. Sở Xây dựng kiểm tra an toàn các công trình đang thi công.\n\n"
            "Yêu cầu các đơn vị báo cáo kết quả về Sở Nông nghiệp và Môi trường trước 10 giờ ngày 22/3/2026.\n"
        )
    )
    assert [t[2] for t in tasks] == [None, None, "2026-03-22"]


def test_an_urging_letters_table_rows_take_the_new_date_of_the_sentence_after_it() -> None:
    """A table of overdue tasks (old dates) and "đề nghị ... hoàn thành dứt điểm các nhiệm vụ được
    giao ... trước ngày N; riêng các nhiệm vụ tại số thứ tự 2, hoàn thành trước ngày M": every row
    takes N, row 2 takes M."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM\nVĂN PHÒNG\nSố: 90/VP-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Lâm, ngày 01 tháng 12 năm 2025\n"
        "V/v đôn đốc thực hiện nhiệm vụ quá hạn\nKính gửi: Các sở: Tài chính, Nội vụ, Xây dựng.\n\n"
        "Các nhiệm vụ đã quá hạn, cụ thể như sau:\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời hạn\n"
        "1\tRà soát, đề xuất phương án xử lý cơ sở nhà, đất dôi dư\tSở Tài chính\t15/10/2025\n"
        "2\tHoàn thành chỉnh lý hồ sơ, tài liệu lưu trữ\tSở Nội vụ\t31/10/2025\n"
        "3\tKiểm tra, xử lý lấn chiếm hành lang an toàn đường bộ\tSở Xây dựng\t15/11/2025\n\n"
        "Văn phòng UBND tỉnh đề nghị Thủ trưởng các cơ quan nêu trên khẩn trương hoàn thành dứt điểm các nhiệm"
        " vụ được giao, báo cáo kết quả trước ngày 15/12/2025; riêng các nhiệm vụ tại số thứ tự 2, hoàn thành"
        " trước ngày 08/12/2025.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An\n"
    )
    assert [t[2] for t in _tasks(extract_text(text))] == ["2025-12-15", "2025-12-08", "2025-12-15"]


def test_a_plan_issued_with_a_decision_before_its_own_annex() -> None:
    """A decision, its signature, then the plan it approves ("KẾ HOẠCH ... (Kèm theo Quyết định
    ...)") and the plan's "PHỤ LỤC": the plan's own sections are read, not only its annex."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA LÂM\nSố: 2874/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Lâm, ngày 24 tháng 10 năm 2025\nQUYẾT ĐỊNH\n"
        "Phê duyệt Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân\n"
        "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân (có Kế hoạch kèm theo).\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVũ Đình Khiêm\n\n"
        "KẾ HOẠCH\nTriển khai thi hành Luật Bảo vệ dữ liệu cá nhân\n"
        "(Kèm theo Quyết định số 2874/QĐ-UBND ngày 24/10/2025 của UBND tỉnh Hòa Lâm)\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.\n\n"
        "2. Công an tỉnh tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/12/2025.\n\n"
        "PHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n(Kèm theo Kế hoạch)\n\n"
        "1. Tổ chức hội nghị quán triệt, phổ biến Luật.\n- Cơ quan chủ trì: Công an tỉnh.\n"
        "- Thời gian hoàn thành: Quý IV năm 2025.\n"
    )
    tasks = _tasks(extract_text(text))
    assert [t[0] for t in tasks] == [["Sở Tài chính"], ["Công an tỉnh"], ["Công an tỉnh"]]


def test_reservoir_owners_and_consolidation() -> None:
    """ "Các chủ hồ chứa ...:" over a paragraph leads it; "Kiện toàn ..." opens an item's action."""
    tasks = _tasks(
        _notice(
            "1. Chủ tịch UBND các xã, phường theo chức năng, nhiệm vụ được giao, tập trung chỉ đạo các nội dung"
            " phòng, chống thiên tai trên địa bàn quản lý theo phương châm bốn tại chỗ:\n\n"
            "a) Quán triệt phương châm ba sẵn sàng, không được chủ quan.\n\n"
            "b) Kiện toàn Ban Chỉ huy phòng thủ dân sự của địa phương.\n\n"
            "2. Các chủ hồ chứa thủy điện, thủy lợi trên địa bàn tỉnh:\n\n"
            "Vận hành hồ chứa đúng quy trình đã được cấp có thẩm quyền phê duyệt.\n"
        )
    )
    heads = ["Chủ tịch Ủy ban nhân dân các xã, phường"]
    assert [t[0] for t in tasks] == [heads, heads, ["Các chủ hồ chứa thủy điện, thủy lợi trên địa bàn tỉnh"]]


def test_a_hamlet_head_in_the_south() -> None:
    """ "Trưởng ấp X", "Trưởng khóm X": the head of a hamlet, as "Trưởng thôn X"."""
    assert _items("Trưởng ấp Long Thạnh rà soát, lập danh sách các hộ bị ảnh hưởng.")[0][0] == ["Trưởng ấp Long Thạnh"]


def test_a_short_name_defined_as_a_prefix_of_the_full_name() -> None:
    """ "Ban Quản lý dự án đầu tư xây dựng ... tỉnh (sau đây gọi tắt là Ban Quản lý dự án)": the
    full name written later, over its items, is still the full name."""
    tasks = _tasks(
        _notice(
            "Dự họp có Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh (sau đây gọi"
            " tắt là Ban Quản lý dự án).\n\n"
            "1. Đối với Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh:\n\n"
            "a) Chỉ đạo nhà thầu thi công tăng cường nhân lực, máy móc.\n\n"
            "b) Hoàn thiện hồ sơ điều chỉnh mặt bằng trước ngày 19/12/2026.\n"
        )
    )
    board = ["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"]
    assert tasks == [(board, [], None, None), (board, [], "2026-12-19", None)]


def test_a_communes_proposals_to_higher_levels_are_no_tasks() -> None:
    """ "III. Về các nội dung đề xuất, kiến nghị với cấp trên" over "Đề nghị UBND tỉnh ...": the
    issuer's own requests upward (rule 10)."""
    tasks = _tasks(
        _notice(
            "II. Nhiệm vụ\n1. Sở Y tế kiểm tra công tác phòng, chống dịch.\n\n"
            "III. Về các nội dung đề xuất, kiến nghị với cấp trên\n"
            "1. Đề nghị UBND tỉnh xem xét hỗ trợ kinh phí xây dựng khu tái định cư.\n"
            "2. Đề nghị Sở Xây dựng cử cán bộ khảo sát điểm sạt lở.\n"
        )
    )
    assert [t[0] for t in tasks] == [["Sở Y tế"]]
