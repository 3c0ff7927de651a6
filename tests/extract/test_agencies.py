import pytest

from chidao.extract.agencies import AgencyReader, Place
from chidao.text import match_key


def read(text, place=None):
    reader = AgencyReader(text, match_key(text), place or Place(province="Kiên Giang"))
    mentions, _ = reader.read_list(0)
    return [m.name for m in mentions]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sở Nội vụ chủ trì, phối hợp", ["Sở Nội vụ"]),
        ("Sở TT&TT rà soát", ["Sở Thông tin và Truyền thông"]),
        ("Sở Thông tin và Truyền thông, Sở Tài chính thống nhất", ["Sở Thông tin và Truyền thông", "Sở Tài chính"]),
        ("Phòng Công nghệ thông tin: chủ trì", ["Phòng Công nghệ thông tin"]),
        ("Trung tâm Dữ liệu công nghệ và Truyền thông phối hợp", ["Trung tâm Dữ liệu công nghệ và Truyền thông"]),
        ("UBND các huyện, thành phố Gia Nghĩa:", ["Ủy ban nhân dân các huyện, thành phố Gia Nghĩa"]),
        # seeds/002: the province's own name is dropped, a newspaper keeps its name
        (
            "Báo Kiên Giang, Đài Phát thanh và Truyền hình Kiên Giang, Hội Nhà báo tỉnh và các cơ quan báo chí "
            "thường trú trên địa bàn tỉnh nghiên cứu",
            [
                "Báo Kiên Giang",
                "Đài Phát thanh và Truyền hình tỉnh",
                "Hội Nhà báo tỉnh",
                "Các cơ quan báo chí thường trú trên địa bàn tỉnh",
            ],
        ),
        ("Công an tỉnh Kiên Giang chủ trì", ["Công an tỉnh"]),
        ("Văn phòng UBND tỉnh thống nhất với", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì", ["Ban Quản lý dự án đầu tư xây dựng số 1"]),
        ("UBND xã Bảo Lâm 2: Rà soát", ["Ủy ban nhân dân xã Bảo Lâm 2"]),
        ("Nhà đầu tư của 02 dự án", ["Nhà đầu tư"]),
        (
            "Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam báo cáo",
            ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"],
        ),
        (
            "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng",
            ["Các đồng chí Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"],
        ),
        ("Cấp uỷ, chính quyền địa phương các cấp, nhất là", ["Cấp uỷ, chính quyền địa phương các cấp"]),
        (
            "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường",
            ["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch Ủy ban nhân dân các xã, phường"],
        ),
        # distribution over a colon: "UBND các phường: A, B", "các Tập đoàn: A, B"
        (
            "các sở, ngành liên quan và UBND các phường: Yên Bái, Văn Phú tăng cường",
            ["Các sở, ngành liên quan", "Ủy ban nhân dân phường Yên Bái", "Ủy ban nhân dân phường Văn Phú"],
        ),
        (
            "các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức",
            ["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"],
        ),
        (
            "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) rà soát",
            ["Liên đoàn Thương mại và Công nghiệp Việt Nam"],
        ),
        (
            "các cơ quan, đơn vị thuộc Bộ Thông tin và Truyền thông đẩy nhanh",
            ["Các cơ quan, đơn vị thuộc Bộ Thông tin và Truyền thông"],
        ),
        ("Thường trực Tỉnh ủy tập trung", ["Thường trực Tỉnh ủy"]),
        # a department named with a bare "tỉnh" is the province's department; the list goes on
        ("Sở Y tế tỉnh và Sở Tài chính rà soát", ["Sở Y tế", "Sở Tài chính"]),
        ("Sở Nội vụ tỉnh, Sở Xây dựng kiểm tra", ["Sở Nội vụ", "Sở Xây dựng"]),
        # a name in two parts joined by "và"; lowercase name words before a comma that goes on
        ("Cục Thông tin cơ sở và Thông tin đối ngoại: Tham mưu", ["Cục Thông tin cơ sở và Thông tin đối ngoại"]),
        (
            "Cục Phát thanh Truyền hình và Thông tin điện tử, Cục Báo chí chủ động",
            ["Cục Phát thanh Truyền hình và Thông tin điện tử", "Cục Báo chí"],
        ),
        # a name that goes on in lowercase to the province's word
        (
            "Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp tỉnh lập hồ sơ",
            ["Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp tỉnh"],
        ),
        ("Ban Quản lý dự án đầu tư xây dựng và Sở Xây dựng tỉnh", ["Ban Quản lý dự án đầu tư xây dựng", "Sở Xây dựng"]),
        (
            "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và dân dụng tỉnh rà soát",
            ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và dân dụng tỉnh"],
        ),
        # a group of communes written with its members, up to the verb
        (
            "UBND các xã Lương Hòa, Bình Đức tháo gỡ dứt điểm",
            ["Ủy ban nhân dân xã Lương Hòa", "Ủy ban nhân dân xã Bình Đức"],
        ),
        # groups with their qualifiers: more group nouns, an owner, what they were given
        ("các nhà đầu tư, nhà thầu tập trung", ["Các nhà đầu tư, nhà thầu"]),
        ("các bộ, ngành, cơ quan chủ quản, nhất là", ["Các bộ, ngành, cơ quan chủ quản"]),
        (
            "các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục",
            ["Các bộ, ngành, địa phương", "Các thành viên của Ban Chỉ đạo"],
        ),
        (
            "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập",
            ["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"],
        ),
        (
            "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm",
            ["Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"],
        ),
        ("Đảng uỷ Công an Trung ương chủ trì", ["Đảng uỷ Công an Trung ương"]),
        ("các đơn vị đồng thời rà soát", ["Các đơn vị"]),
        ("các bệnh viện ngoài công lập trên địa bàn tỉnh tổ chức", ["Các bệnh viện ngoài công lập trên địa bàn tỉnh"]),
        (
            "Báo và Phát thanh, Truyền hình Kiên Giang, Ủy ban nhân dân các xã tuyên truyền",
            ["Báo và Phát thanh, Truyền hình Kiên Giang", "Ủy ban nhân dân các xã"],
        ),
        ("UBND các xã ven biển, ven sông lập phương án", ["Ủy ban nhân dân các xã ven biển, ven sông"]),
        ("UBND các xã biên giới có rừng phối hợp", ["Ủy ban nhân dân các xã biên giới có rừng"]),
        (
            "Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm của tỉnh tổ chức họp",
            ["Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm của tỉnh"],
        ),
        # vague partners stay in the list (a lead list keeps them; coordinators drop them later)
        (
            "các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức năng",
            ["Các Sở, ngành", "Ủy ban nhân dân cấp xã", "Các đơn vị có liên quan"],
        ),
    ],
)
def test_agency_lists(text, names):
    assert read(text) == names


@pytest.mark.parametrize("text", ["báo cáo kết quả", "Báo cáo hằng ngày", "các Báo cáo trên", "Hội nghị giao ban"])
def test_words_that_only_look_like_agencies(text):
    assert read(text) == []


def test_subject_locality_of_a_national_notice():
    reader = AgencyReader("x", "x", Place(subject="Đà Nẵng", subject_kind="city"))
    assert reader.canonical("Ủy ban nhân dân Thành phố") == "Ủy ban nhân dân thành phố Đà Nẵng"
    assert reader.canonical("Thành phố") == "Thành phố Đà Nẵng"


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("các cơ quan, đơn vị liên quan", True),
        ("các sở, ngành, địa phương liên quan", True),
        ("các doanh nghiệp viễn thông", False),
        ("Sở Tài chính", False),
        ("UBND địa phương có liên quan", True),
        ("Uỷ ban nhân dân các tỉnh, thành phố", False),
    ],
)
def test_vague_partners(text, vague):
    reader = AgencyReader(text, match_key(text))
    mention = reader.read(0)
    assert reader.is_vague(mention) is vague


def test_a_reference_back_to_several_kinds_of_locality():
    text = (
        "Bộ vừa có Công văn gửi UBND các tỉnh Tây Ninh, Đồng Tháp và UBND thành phố Cần Thơ về việc phòng, "
        "chống hạn hán. Bộ đề nghị UBND các tỉnh, thành phố nêu trên chỉ đạo các sở, ngành"
    )
    reader = AgencyReader(text, match_key(text), Place(national=True))
    reader.prime_references()
    mentions, _ = reader.read_list(text.index("UBND các tỉnh, thành phố nêu"), lenient=True)
    assert [m.name for m in mentions] == [
        "Ủy ban nhân dân tỉnh Tây Ninh",
        "Ủy ban nhân dân tỉnh Đồng Tháp",
        "Ủy ban nhân dân thành phố Cần Thơ",
    ]


def test_a_general_group_is_no_reference_when_not_every_kind_was_named():
    text = "Gửi UBND các tỉnh Tây Ninh, Đồng Tháp. Đề nghị UBND các tỉnh, thành phố chỉ đạo các sở, ngành"
    reader = AgencyReader(text, match_key(text), Place(national=True))
    reader.prime_references()
    mentions, _ = reader.read_list(text.index("UBND các tỉnh, thành phố chỉ"), lenient=True)
    assert [m.name for m in mentions] == ["Ủy ban nhân dân các tỉnh, thành phố"]


def test_openers_rule_out_only_positions_where_no_name_opens(monkeypatch):
    """``_may_open`` is a shortcut: with it or without it, every read gives the same answer."""
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "genre").glob("*.txt"))]

    def answers(text):
        reader = AgencyReader(text, match_key(text), Place(province="Kiên Giang", subject="Đà Nẵng"))
        out = []
        for pos in range(len(text)):
            if pos == 0 or not text[pos - 1].isalnum():
                reader.limit = min(len(text), pos + 80)
                out.append((reader._read_end(pos), reader._read_end(pos, lenient=True), reader.starts_agency(pos)))
        return out

    fast = [answers(text) for text in texts]
    monkeypatch.setattr(AgencyReader, "_may_open", lambda self, pos, text_end: True)
    assert fast == [answers(text) for text in texts]
