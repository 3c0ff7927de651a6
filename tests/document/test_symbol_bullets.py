"""Word's Symbol-font bullet (U+F0B7) kept by a copy beside "•" bullets: the first kind used is the
upper level, so its agency headings give the items under them their lead (genre g1165)."""

from chidao import extract_text
from chidao.document import parse_layout

_PLAN = (
    "\uf0b7\tTỔ CHỨC THỰC HIỆN\n"
    "\uf0b7\tSở Văn hóa, Thể thao và Du lịch\n"
    "•\tHướng dẫn các xã xây dựng sản phẩm du lịch cộng đồng, hoàn thành trong quý III/2026.\n"
    "•\tTổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15/12/2026.\n"
    "\uf0b7\tSở Tài chính\n"
    "•\tTham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn sự nghiệp du lịch.\n"
)


def test_symbol_bullets_over_round_bullets_are_the_upper_level():
    layout = parse_layout("KẾ HOẠCH\nPhát triển du lịch cộng đồng năm 2026\n\n" + _PLAN)
    assert [len(node.children) for node in layout.outline.children][-2:] == [2, 1]


def test_items_under_a_symbol_bullet_heading_take_its_lead():
    tasks = extract_text("KẾ HOẠCH\nPhát triển du lịch cộng đồng năm 2026\n\n" + _PLAN)["tasks"]
    assert [(t["lead"], t["deadline"]) for t in tasks] == [
        (["Sở Văn hóa, Thể thao và Du lịch"], "2026-09-30"),
        (["Sở Văn hóa, Thể thao và Du lịch"], "2026-12-15"),
        (["Sở Tài chính"], None),
    ]


def test_symbol_bullets_alone_are_ordinary_bullets():
    layout = parse_layout(_PLAN.replace("•", "\uf0b7"))
    assert {p.kind for p in layout.read_paragraphs} == {"dash"}
