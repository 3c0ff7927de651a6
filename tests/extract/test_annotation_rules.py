"""One test per rule of the shared ANNOTATION.md, each on a short notice written for it.

"How to cut a document into tasks" rules 1-18 are ``test_rule_NN_*``; the bullets of "Agencies in
detail", "Deadlines in detail" and "Document fields in detail" are ``test_agencies_*``,
``test_deadline_*`` and ``test_document_*``. The notices are invented (Hưng Yên, 2026) and share
no text with the measurement sets. Agency names are compared with the official scorer's
``same_agency``, as the corpus score does.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import unicodedata
from pathlib import Path

import pytest

from chidao import extract_text

ROOT = Path(__file__).resolve().parents[2]


# --- the scorer's agency comparison --------------------------------------------------------


def _scorer_path() -> Path | None:
    corpus = os.environ.get("CHIDAO_CORPUS")
    candidates = [Path(corpus).parent / "tools" / "score.py"] if corpus else []
    candidates.append(ROOT.parent / "shared" / "tools" / "score.py")
    return next((path for path in candidates if path.is_file()), None)


def _load_scorer():
    path = _scorer_path()
    if path is None:
        return None
    spec = importlib.util.spec_from_file_location("chidao_official_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ABBREVIATIONS = [
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\btt\s*&\s*tt\b", "thong tin va truyen thong"),
    (r"\bkh\s*&\s*dt\b", "ke hoach va dau tu"),
    (r"\bcntt\b", "cong nghe thong tin"),
]


def _fallback_key(name: str) -> str:
    """The scorer's folding, for when the shared folder is not beside the repository."""
    text = unicodedata.normalize("NFD", name or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D").lower()
    text = re.sub(r"[^\w&]+", " ", text)
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    text = re.sub(r"\b(dong chi|co quan|don vi)\b", " ", text)
    return " ".join(text.split())


def _fallback_same(a: str, b: str) -> bool:
    ka, kb = _fallback_key(a), _fallback_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if ka == kb or long_.startswith(short + " tinh") or long_.startswith(short + " thanh pho"):
        return True
    return difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.9


_SCORER = _load_scorer()
same_agency = _SCORER.same_agency if _SCORER else _fallback_same
agency_key = _SCORER.agency_key if _SCORER else _fallback_key


def assert_agencies(actual: list[str], expected: list[str]) -> None:
    """The same bodies in any order, each compared as the scorer compares them."""
    remaining = list(actual)
    for name in expected:
        hit = next((i for i, got in enumerate(remaining) if same_agency(name, got)), None)
        assert hit is not None, f"{name!r} missing from {actual!r}"
        del remaining[hit]
    assert not remaining, f"unexpected {remaining!r} beside {expected!r}"


def assert_exact_agencies(actual: list[str], expected: list[str]) -> None:
    """Folded equality, for the province's name, where the scorer's fuzzy matching could hide it."""
    assert sorted(agency_key(a) for a in actual) == sorted(agency_key(e) for e in expected), actual


# --- finding tasks -----------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def tasks_by_start(result: dict) -> dict:
    """Tasks looked up by the first words of their text (one task must match)."""

    class _ByStart(dict):
        def __getitem__(self, prefix):
            found = [t for t in self.values() if _flat(t["text"]).startswith(prefix)]
            assert len(found) == 1, (prefix, [t["text"][:50] for t in self.values()])
            return found[0]

    return _ByStart(enumerate(result["tasks"]))


def task_containing(result: dict, fragment: str) -> dict:
    found = [t for t in result["tasks"] if fragment in _flat(t["text"])]
    assert len(found) == 1, (fragment, [t["text"][:50] for t in result["tasks"]])
    return found[0]


def starts(result: dict, prefix: str) -> list[dict]:
    return [t for t in result["tasks"] if _flat(t["text"]).startswith(prefix)]


def leads(result: dict) -> list[list[str]]:
    return [t["lead"] for t in result["tasks"]]


def assert_leads(result: dict, expected: list[list[str]]) -> None:
    got = leads(result)
    assert len(got) == len(expected), got
    for actual, wanted in zip(got, expected, strict=True):
        assert_agencies(actual, wanted)


# --- notices -----------------------------------------------------------------------------------

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
PROVINCE = "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN"
COUNCIL = "HỘI ĐỒNG NHÂN DÂN\nTỈNH HƯNG YÊN"
CHAIR = "Nguyễn Văn Thắng"
SIGNER = "Phạm Thị Thu Hà"
MARCH = "ngày 05 tháng 3 năm 2026"  # a Thursday
OFFICE_CLOSING = "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./."
RECIPIENTS = "Nơi nhận:\n- Chủ tịch, các PCT UBND tỉnh;\n- Các sở, ngành, địa phương liên quan;\n- Lưu: VT, TH."
OFFICE_SIGNATURE = f"TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n{SIGNER}"
DEPUTY_SIGNATURE = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Quang Minh"


def document(
    body: str,
    *,
    kind: str | None = "THÔNG BÁO",
    title: str = "",
    number: str = "35/TB-UBND",
    dated: str = MARCH,
    issuer: str = PROVINCE,
    place: str = "Hưng Yên",
    subject: str | None = None,
    signature: str = OFFICE_SIGNATURE,
) -> str:
    """An administrative document: header, kind and title (or a "V/v" line), body, recipients, signature."""
    head = [issuer, f"Số: {number}"]
    if subject:
        head.append(f"V/v {subject}")
    head += [NATIONAL, f"{place}, {dated}", ""]
    if kind:
        head += [kind, title, ""]
    return "\n".join([*head, body.strip(), "", RECIPIENTS, "", signature, ""])


def conclusion(topic: str, items: str, *, meeting: str = "03/3/2026", **kwargs) -> str:
    """A notice of the Chairman's conclusions at a meeting on ``topic``."""
    intro = (
        f"Ngày {meeting}, đồng chí {CHAIR}, Chủ tịch UBND tỉnh chủ trì cuộc họp về {topic}. Tham dự cuộc họp có "
        "lãnh đạo các sở, ngành và địa phương liên quan. Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, "
        "Chủ tịch UBND tỉnh kết luận như sau:"
    )
    title = f"Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về {topic}"
    return document(f"{intro}\n{items.strip()}\n\n{OFFICE_CLOSING}", title=title, **kwargs)


def letter(subject: str, addressee: str, body: str, *, number: str = "635/UBND-KT", **kwargs) -> str:
    """A letter (công văn): no printed kind, a "V/v" line and "Kính gửi"."""
    return document(
        f"Kính gửi: {addressee}\n\n{body.strip()}",
        kind=None,
        number=number,
        subject=subject,
        signature=DEPUTY_SIGNATURE,
        **kwargs,
    )


def resolution(articles: str, *, title: str) -> str:
    """A People's Council resolution with its standard closing article."""
    body = (
        "HỘI ĐỒNG NHÂN DÂN TỈNH HƯNG YÊN\nKHÓA XVII, KỲ HỌP THỨ 35\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Xét Báo cáo số 25/BC-ĐGS ngày 02 tháng 3 năm 2026 của Đoàn giám sát Hội đồng nhân dân tỉnh; ý kiến "
        "thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.\n\nQUYẾT NGHỊ:\n"
        f"{articles.strip()}\n"
        "Điều 3. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n"
        "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại "
        "biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.\n"
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh Hưng Yên Khóa XVII, Kỳ họp thứ 35 thông qua ngày 10 tháng 3 "
        "năm 2026 và có hiệu lực từ ngày thông qua./."
    )
    return document(
        body,
        kind="NGHỊ QUYẾT",
        title=title,
        number="15/NQ-HĐND",
        dated="ngày 10 tháng 3 năm 2026",
        issuer=COUNCIL,
        signature="CHỦ TỊCH\n\nTrần Quốc Văn",
    )


def plan(title: str, body: str, *, number: str = "48/KH-UBND") -> str:
    return document(body, kind="KẾ HOẠCH", title=title, number=number, signature=DEPUTY_SIGNATURE)


# =============================================================================================
# How to cut a document into tasks
# =============================================================================================

EPIDEMIC = conclusion(
    "công tác phòng, chống dịch bệnh mùa xuân năm 2026",
    """
1. Sở Y tế chỉ đạo các cơ sở y tế tăng cường giám sát, phát hiện sớm các ca bệnh cúm A, sởi; chuẩn bị đủ thuốc, vật \
tư, trang thiết bị phục vụ điều trị.
2. Sở Giáo dục và Đào tạo chỉ đạo các trường học thực hiện vệ sinh lớp học, tuyên truyền cho học sinh các biện pháp \
phòng bệnh.
3. Ủy ban nhân dân các xã, phường tổ chức ra quân vệ sinh môi trường, phun hóa chất khử khuẩn tại các khu vực có \
nguy cơ cao.
""",
)


def test_rule_01_each_action_item_is_one_task():
    result = extract_text(EPIDEMIC)
    assert_leads(result, [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["Ủy ban nhân dân các xã, phường"]])
    tasks = tasks_by_start(result)
    assert tasks["Sở Y tế chỉ đạo các cơ sở"]["deadline"] is None
    assert tasks["Ủy ban nhân dân các xã, phường tổ chức"]["coordinators"] == []


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        pytest.param(
            "Sở Giáo dục và Đào tạo ban hành hướng dẫn tuyển sinh vào lớp 10 trước ngày 30/4/2026.",
            "Sở Giáo dục và Đào tạo",
        ),
        pytest.param(
            "Sở Nội vụ tổ chức hội nghị tập huấn công tác thi đua, khen thưởng trong tháng 4/2026.",
            "Sở Nội vụ",
        ),
        ("Sở Y tế tổ chức tiêm vắc xin sởi bổ sung cho trẻ em chưa được tiêm đủ mũi.", "Sở Y tế"),
    ],
    ids=["ban-hanh", "to-chuc-hoi-nghi", "to-chuc-tiem"],
)
def test_rule_01_item_with_an_agency_subject_is_a_task(item, lead):
    result = extract_text(conclusion("một số nhiệm vụ trọng tâm tháng 3 năm 2026", f"1. {item}"))
    assert_leads(result, [[lead]])


def test_rule_02_item_with_two_lead_clauses_gives_two_tasks():
    result = extract_text(
        conclusion(
            "tiến độ giải ngân vốn đầu tư công năm 2026",
            """
1. Giao Sở Tài chính rà soát, điều chuyển vốn của các dự án chậm giải ngân, tham mưu UBND tỉnh trước ngày \
20/3/2026; giao Sở Xây dựng đôn đốc các chủ đầu tư đẩy nhanh tiến độ thi công, hoàn thành nghiệm thu các hạng mục \
trong tháng 4/2026.
""",
        )
    )
    assert len(result["tasks"]) == 2
    finance = task_containing(result, "Sở Tài chính rà soát, điều chuyển")
    building = task_containing(result, "Sở Xây dựng đôn đốc các chủ đầu tư")
    assert finance is not building
    assert_agencies(finance["lead"], ["Sở Tài chính"])
    assert finance["deadline"] == "2026-03-20"
    assert_agencies(building["lead"], ["Sở Xây dựng"])
    assert building["deadline"] == "2026-04-30"


def test_rule_03_several_actions_for_one_lead_are_one_task():
    result = extract_text(
        conclusion(
            "công tác chuẩn bị sản xuất vụ Xuân năm 2026",
            """
1. Sở Nông nghiệp và Môi trường rà soát hiện trạng các công trình thủy lợi, xây dựng phương án cấp nước phục vụ sản \
xuất vụ Xuân; đồng thời hướng dẫn nông dân gieo cấy đúng khung lịch thời vụ và báo cáo UBND tỉnh kết quả thực hiện \
trước ngày 31/3/2026.
2. Sở Công Thương chỉ đạo các doanh nghiệp bảo đảm cung ứng đủ phân bón, vật tư nông nghiệp cho sản xuất.
""",
        )
    )
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương"]])
    assert result["tasks"][0]["deadline"] == "2026-03-31"


def test_rule_04_heading_gives_lead_to_items():
    result = extract_text(
        conclusion(
            "công tác quản lý thị trường dịp đầu năm 2026",
            """
1. Thời gian qua, lực lượng quản lý thị trường đã kiểm tra 215 vụ việc, xử lý 147 vụ vi phạm.
2. Nhiệm vụ thời gian tới
a) Sở Công Thương:
- Chủ trì, phối hợp với Công an tỉnh kiểm tra, xử lý nghiêm các hành vi buôn lậu, gian lận thương mại trên địa bàn.
- Theo dõi sát diễn biến giá cả thị trường, kịp thời tham mưu UBND tỉnh các biện pháp bình ổn giá.
b) Đề nghị UBND các xã, phường:
- Tăng cường quản lý hoạt động kinh doanh tại các chợ trên địa bàn.
- Tuyên truyền, vận động người dân không tham gia vận chuyển, tiêu thụ hàng nhập lậu.
""",
        )
    )
    tasks = tasks_by_start(result)
    assert len(result["tasks"]) == 4
    check = tasks["Chủ trì, phối hợp với Công an"]
    assert_agencies(check["lead"], ["Sở Công Thương"])
    assert_agencies(check["coordinators"], ["Công an tỉnh"])
    assert_agencies(tasks["Theo dõi sát diễn biến"]["lead"], ["Sở Công Thương"])
    for start in ("Tăng cường quản lý hoạt động", "Tuyên truyền, vận động người dân"):
        assert_agencies(tasks[start]["lead"], ["Ủy ban nhân dân các xã, phường"])


def test_rule_04_lead_in_sentence_gives_lead_and_coordinators_to_items():
    result = extract_text(
        conclusion(
            "công tác khám bệnh, chữa bệnh bảo hiểm y tế",
            """
1. Yêu cầu Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tập trung thực hiện tốt một số nội dung sau:
- Rà soát, kiểm tra việc khám bệnh, chữa bệnh bảo hiểm y tế tại các cơ sở y tế, chấn chỉnh tình trạng lạm dụng chỉ \
định xét nghiệm.
- Đẩy mạnh thanh toán không dùng tiền mặt trong các bệnh viện công lập; hoàn thành trước ngày 30/6/2026.
""",
        )
    )
    tasks = tasks_by_start(result)
    assert len(result["tasks"]) == 2
    for start in ("Rà soát, kiểm tra việc khám", "Đẩy mạnh thanh toán"):
        assert_agencies(tasks[start]["lead"], ["Sở Y tế"])
        assert_agencies(tasks[start]["coordinators"], ["Bảo hiểm xã hội tỉnh"])
    assert tasks["Đẩy mạnh thanh toán"]["deadline"] == "2026-06-30"


def test_section_heading_then_lead_in_line_gives_lead_to_lettered_items():
    """The reported trap: "5. Về ..." then "Giao Sở ... chủ trì, phối hợp với ...:" over a), b), c)."""
    result = extract_text(
        conclusion(
            "phát triển du lịch và xúc tiến đầu tư năm 2026",
            """
4. Về xúc tiến đầu tư
Sở Tài chính chủ trì tổ chức Hội nghị xúc tiến đầu tư vào tỉnh trong quý II/2026.
5. Về phát triển du lịch
Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng:
a) Rà soát, điều chỉnh quy hoạch các khu, điểm du lịch trọng điểm của tỉnh;
b) Xây dựng bộ tiêu chí đánh giá chất lượng dịch vụ tại các điểm du lịch cộng đồng;
c) Tổ chức Tuần lễ Văn hóa - Du lịch Phố Hiến năm 2026, hoàn thành công tác chuẩn bị trước ngày 30/6/2026.
""",
        )
    )
    tasks = tasks_by_start(result)
    assert len(result["tasks"]) == 4
    for start in ("Rà soát, điều chỉnh quy hoạch", "Xây dựng bộ tiêu chí", "Tổ chức Tuần lễ Văn hóa"):
        assert_agencies(tasks[start]["lead"], ["Sở Văn hóa, Thể thao và Du lịch"])
        assert_agencies(tasks[start]["coordinators"], ["Sở Tài chính", "Sở Xây dựng"])
    assert tasks["Tổ chức Tuần lễ Văn hóa"]["deadline"] == "2026-06-30"
    assert_agencies(tasks["Sở Tài chính chủ trì tổ chức"]["lead"], ["Sở Tài chính"])


def test_rule_05_thanks_assessments_approvals_recipients_and_signature_are_not_tasks():
    result = extract_text(
        conclusion(
            "tiến độ dự án đầu tư xây dựng Trung tâm Văn hóa tỉnh",
            """
1. Chủ tịch UBND tỉnh biểu dương Sở Xây dựng, chủ đầu tư và các nhà thầu đã nỗ lực triển khai thi công; đến nay \
khối lượng hoàn thành đạt 65% giá trị hợp đồng. UBND tỉnh trân trọng cảm ơn các sở, ngành đã phối hợp chặt chẽ trong \
quá trình thực hiện dự án.
2. Thống nhất chủ trương điều chỉnh thiết kế phần sân vườn, cảnh quan của dự án theo đề xuất của Sở Xây dựng.
3. Giao Sở Xây dựng chỉ đạo chủ đầu tư, nhà thầu bổ sung nhân lực, máy móc, thi công ba ca, bảo đảm hoàn thành dự \
án trước ngày 30/8/2026.
""",
        )
    )
    assert_leads(result, [["Sở Xây dựng"]])
    assert result["tasks"][0]["deadline"] == "2026-08-30"
    assert not any("Lưu: VT" in t["text"] or SIGNER in t["text"] for t in result["tasks"])


NEWS_REPORT = """Hưng Yên sơ kết công tác cải cách hành chính quý I năm 2026

Sáng 28/3, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính quý I năm 2026. Đồng chí Lê Quang Minh, \
Phó Chủ tịch UBND tỉnh chủ trì hội nghị.

Theo báo cáo của Sở Nội vụ, trong quý I, 100% thủ tục hành chính được cập nhật, công khai trên Cổng Dịch vụ công \
quốc gia; tỷ lệ hồ sơ trực tuyến toàn trình đạt 78%, tăng 12% so với cùng kỳ. Các sở, ngành và địa phương đã tích \
cực số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.

Phát biểu tại hội nghị, đồng chí Lê Quang Minh ghi nhận những kết quả đạt được và cho rằng cải cách hành chính tiếp \
tục là khâu đột phá trong phát triển kinh tế - xã hội của tỉnh.

Thu Trang
"""


def test_rule_06_news_report_without_assignment_has_no_tasks():
    result = extract_text(NEWS_REPORT)
    assert result["tasks"] == []
    assert result["document"]["is_directive"] is False
    assert result["document"]["doc_type"] is None
    assert result["document"]["signer"] is None  # the author's byline is not a signer


NEWS_RELAY = """Chủ động ứng phó với đợt nắng nóng kéo dài

(Cổng TTĐT) - UBND tỉnh vừa ban hành Công văn số 512/UBND-KT về việc chủ động ứng phó với nắng nóng, hạn hán trên \
địa bàn tỉnh.

Công văn nêu rõ: giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công ty TNHH một thành viên Khai thác công \
trình thủy lợi tỉnh theo dõi chặt chẽ nguồn nước, vận hành hợp lý các trạm bơm, bảo đảm đủ nước tưới cho cây trồng. \
UBND các xã, phường rà soát các khu vực có nguy cơ thiếu nước sinh hoạt, báo cáo UBND tỉnh trước ngày 15/6/2026. \
Sở Công Thương chỉ đạo Công ty Điện lực tỉnh bảo đảm cung cấp điện ổn định cho sản xuất và sinh hoạt của nhân dân.

Minh Châu
"""


def test_rule_06_news_relaying_a_directive_gives_its_assignments():
    result = extract_text(NEWS_RELAY)
    assert result["document"]["is_directive"] is True
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã, phường"], ["Sở Công Thương"]])
    assert "vừa ban hành Công văn" not in result["tasks"][0]["text"]  # the narration before it is no part
    assert result["tasks"][1]["deadline"] == "2026-06-15"


JUSTICE_PLAN = plan(
    "Triển khai thực hiện Đề án 06 trên địa bàn tỉnh năm 2026",
    """
I. MỤC ĐÍCH, YÊU CẦU
- Đẩy mạnh ứng dụng dữ liệu dân cư trong giải quyết thủ tục hành chính, phục vụ người dân và doanh nghiệp.
- Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
1. Hoàn thiện cơ sở dữ liệu chuyên ngành
- Rà soát, làm sạch dữ liệu hộ tịch đã số hóa, kết nối với Cơ sở dữ liệu quốc gia về dân cư.
- Cập nhật đầy đủ thông tin công dân vào hệ thống quản lý hồ sơ hộ tịch điện tử.
Đơn vị chủ trì: Sở Tư pháp; Đơn vị phối hợp: Công an tỉnh, Ủy ban nhân dân các xã, phường.
Thời gian thực hiện: trước ngày 30/6/2026.
2. Tuyên truyền về Đề án
- Đẩy mạnh tuyên truyền lợi ích của việc sử dụng tài khoản định danh điện tử mức độ 2.
- Đăng tải tin, bài về các mô hình điểm trong thực hiện Đề án.
""",
)


def test_rule_07_plan_unit_lines_give_lead_and_coordinators_to_bullets_above():
    tasks = tasks_by_start(extract_text(JUSTICE_PLAN))
    for start in ("Rà soát, làm sạch dữ liệu", "Cập nhật đầy đủ thông tin"):
        assert_agencies(tasks[start]["lead"], ["Sở Tư pháp"])
        assert_agencies(tasks[start]["coordinators"], ["Công an tỉnh", "Ủy ban nhân dân các xã, phường"])


def test_rule_07_bullets_without_an_agency_are_not_tasks():
    result = extract_text(JUSTICE_PLAN)
    assert len(result["tasks"]) == 2
    for start in ("Đẩy mạnh tuyên truyền", "Đăng tải tin, bài", "Đẩy mạnh ứng dụng dữ liệu"):
        assert starts(result, start) == []


ACTIVITY_PLAN = plan(
    "Tháng hành động vì an toàn thực phẩm năm 2026",
    """
I. CÁC HOẠT ĐỘNG
1. Tổ chức các hoạt động truyền thông về an toàn thực phẩm trong Tháng hành động năm 2026.
a) Hoạt động 1
- Nội dung: Tuyên truyền về an toàn thực phẩm trên báo, đài và mạng xã hội.
- Cơ quan thực hiện:
+ Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Y tế và các đơn vị có liên quan.
+ Sở Xây dựng đăng tải thông điệp của Tháng hành động trên các bảng quang báo giao thông.
2. Duy trì, nhân rộng các mô hình chợ an toàn thực phẩm đã triển khai trên địa bàn tỉnh.
a) Hoạt động 1
- Nội dung:
+ Tổng kết mô hình chợ an toàn thực phẩm tại xã Phụng Công.
+ Tập huấn cho ban quản lý chợ và tiểu thương về bảo quản thực phẩm.
- Cơ quan thực hiện: Sở Công Thương chủ trì, phối hợp với Ủy ban nhân dân các xã, phường.
II. GIẢI PHÁP
1. Ưu tiên bố trí kinh phí cho các hoạt động của Kế hoạch này.
""",
)


def test_rule_07_activities_take_the_lead_of_their_implementing_line():
    result = extract_text(ACTIVITY_PLAN)
    tasks = tasks_by_start(result)
    assert_agencies(
        task_containing(result, "Tuyên truyền về an toàn thực phẩm")["lead"], ["Sở Văn hóa, Thể thao và Du lịch"]
    )
    assert_agencies(tasks["Sở Xây dựng đăng tải"]["lead"], ["Sở Xây dựng"])
    for fragment in ("Tổng kết mô hình chợ", "Tập huấn cho ban quản lý chợ"):
        assert_agencies(task_containing(result, fragment)["lead"], ["Sở Công Thương"])
    # A solution that names no agency borrows none from the activities above it (rule 7).
    assert starts(result, "Ưu tiên bố trí kinh phí") == []
    assert starts(result, "Duy trì, nhân rộng") == []
    assert len(result["tasks"]) == 4


def test_rule_08_lead_may_be_a_position_or_a_named_official():
    result = extract_text(
        conclusion(
            "công tác cung ứng thuốc, vật tư y tế",
            """
1. Giao Giám đốc Sở Y tế trực tiếp chỉ đạo, kiểm tra công tác cung ứng thuốc tại các bệnh viện công lập; báo cáo \
Chủ tịch UBND tỉnh trước ngày 31/3/2026.
2. Giao đồng chí Nguyễn Thành Long, Phó Giám đốc Sở Y tế theo dõi, đôn đốc việc khắc phục tình trạng thiếu thuốc \
tại Bệnh viện Đa khoa tỉnh.
""",
        )
    )
    assert_leads(result, [["Giám đốc Sở Y tế"], ["đồng chí Nguyễn Thành Long, Phó Giám đốc Sở Y tế"]])


MEASLES_LETTER = letter(
    "tăng cường phòng, chống bệnh sởi",
    "\n- Sở Y tế;\n- Sở Giáo dục và Đào tạo;\n- Ủy ban nhân dân các xã, phường.",
    """
Để chủ động phòng, chống bệnh sởi trên địa bàn tỉnh, Chủ tịch UBND tỉnh yêu cầu:
1. Sở Y tế tổ chức tiêm vắc xin sởi bổ sung cho trẻ em từ 1 đến 5 tuổi chưa được tiêm đủ mũi, hoàn thành trước ngày \
30/4/2026.
2. Sở Giáo dục và Đào tạo phối hợp với Sở Y tế rà soát tiền sử tiêm chủng của học sinh mầm non, tiểu học.
3. Ủy ban nhân dân các xã, phường huy động y tế cơ sở, cộng tác viên dân số vận động người dân đưa trẻ đi tiêm chủng.
Đề nghị các cơ quan, đơn vị nêu trên nghiêm túc triển khai thực hiện tốt nội dung Công văn này./.
""",
    number="248/UBND-VX",
)


def test_rule_09_closing_exhortation_is_not_a_task():
    result = extract_text(MEASLES_LETTER)
    assert_leads(result, [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["Ủy ban nhân dân các xã, phường"]])
    assert starts(result, "Đề nghị các cơ quan, đơn vị nêu trên") == []
    assert_agencies(result["tasks"][1]["coordinators"], ["Sở Y tế"])


NEWS_VISIT = """Chủ tịch UBND tỉnh làm việc với xã Tân Hưng về phòng, chống sạt lở bờ sông

(Cổng TTĐT) - Chiều 10/3, đồng chí Nguyễn Văn Thắng, Chủ tịch UBND tỉnh đã kiểm tra tình hình sạt lở bờ sông Luộc \
và làm việc với lãnh đạo xã Tân Hưng.

Báo cáo tại buổi làm việc, lãnh đạo xã Tân Hưng cho biết đoạn sạt lở dài khoảng 300 m, đe dọa an toàn của 25 hộ \
dân. Xã kiến nghị UBND tỉnh hỗ trợ kinh phí xây dựng kè chống sạt lở và đề nghị Trung ương hỗ trợ vốn từ nguồn dự \
phòng ngân sách.

Kết luận buổi làm việc, Chủ tịch UBND tỉnh giao Sở Nông nghiệp và Môi trường khẩn trương khảo sát hiện trạng, đề \
xuất phương án xử lý cấp bách trước ngày 20/3/2026. Đồng chí yêu cầu UBND xã Tân Hưng lắp đặt biển cảnh báo, di \
dời ngay các hộ dân trong vùng nguy hiểm đến nơi an toàn. Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí từ nguồn \
dự phòng ngân sách tỉnh để thực hiện.

Hoàng Yến
"""


def test_rule_10_news_item_cut_by_sentence_and_local_requests_are_not_tasks():
    result = extract_text(NEWS_VISIT)
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân xã Tân Hưng"], ["Sở Tài chính"]])
    survey = task_containing(result, "giao Sở Nông nghiệp và Môi trường khẩn trương")
    assert survey["deadline"] == "2026-03-20"
    assert "lắp đặt biển cảnh báo" not in survey["text"]  # the next sentence is its own task
    assert not any("kiến nghị UBND tỉnh" in t["text"] or "đề nghị Trung ương" in t["text"] for t in result["tasks"])


def test_rule_11_summary_sentence_gives_tasks_for_its_specifics():
    result = extract_text(
        conclusion(
            "công tác phòng, chống bệnh dịch tả lợn châu Phi",
            """
1. Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương tập trung triển khai quyết liệt các biện pháp phòng, chống \
dịch, trong đó yêu cầu Sở Nông nghiệp và Môi trường chỉ đạo lực lượng thú y kiểm soát chặt chẽ việc vận chuyển lợn \
ra, vào địa bàn tỉnh; Công an tỉnh xử lý nghiêm các trường hợp buôn bán lợn bệnh, vứt xác lợn chết ra môi trường; \
Ủy ban nhân dân các xã, phường tổ chức tiêu hủy lợn bệnh theo đúng quy định.
""",
        )
    )
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"], ["Ủy ban nhân dân các xã, phường"]])


def test_rule_12_plan_targets_and_requirements_are_not_tasks():
    result = extract_text(
        plan(
            "Phát triển thanh toán không dùng tiền mặt trên địa bàn tỉnh năm 2026",
            """
I. MỤC TIÊU, CHỈ TIÊU
1. Mục tiêu
Thúc đẩy thanh toán không dùng tiền mặt trong các giao dịch của người dân, doanh nghiệp và cơ quan nhà nước.
2. Chỉ tiêu
- 100% trường học, bệnh viện công lập thu học phí, viện phí bằng phương thức không dùng tiền mặt.
- Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán đạt trên 85%.
II. YÊU CẦU
- Các cơ quan, đơn vị bám sát mục tiêu, chỉ tiêu của Kế hoạch, bảo đảm thực hiện đồng bộ, hiệu quả.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Giáo dục và Đào tạo chỉ đạo các cơ sở giáo dục công lập thu học phí qua tài khoản ngân hàng, hoàn thành trong \
quý II/2026.
2. Sở Y tế chỉ đạo các bệnh viện công lập bố trí thiết bị thanh toán thẻ, mã QR tại khu vực thu viện phí.
""",
            number="52/KH-UBND",
        )
    )
    assert_leads(result, [["Sở Giáo dục và Đào tạo"], ["Sở Y tế"]])
    assert result["tasks"][0]["deadline"] == "2026-06-30"


def test_rule_12_report_contents_promises_and_liability_are_not_tasks():
    result = extract_text(
        conclusion(
            "công tác sắp xếp đơn vị sự nghiệp công lập",
            """
1. Sở Nội vụ tổng hợp, báo cáo UBND tỉnh kết quả sắp xếp đơn vị sự nghiệp công lập trước ngày 15/4/2026, gồm các \
nội dung sau:
- Số lượng đơn vị sự nghiệp trước và sau sắp xếp;
- Số lượng người làm việc dôi dư và phương án bố trí;
- Khó khăn, vướng mắc và đề xuất, kiến nghị.
2. UBND tỉnh sẽ bố trí đủ kinh phí thực hiện chính sách đối với người làm việc dôi dư do sắp xếp.
3. Thủ trưởng các sở, ban, ngành chịu trách nhiệm trước Chủ tịch UBND tỉnh về tiến độ, chất lượng sắp xếp đơn vị sự \
nghiệp thuộc phạm vi quản lý.
""",
        )
    )
    assert_leads(result, [["Sở Nội vụ"]])
    assert result["tasks"][0]["deadline"] == "2026-04-15"


BOARDING_RESOLUTION = resolution(
    """
Điều 1. Tán thành kết quả giám sát tại Báo cáo số 25/BC-ĐGS. Hội đồng nhân dân tỉnh ghi nhận chính sách hỗ trợ học \
sinh bán trú đã được triển khai kịp thời, đúng đối tượng.
Điều 2. Để khắc phục những hạn chế, Hội đồng nhân dân tỉnh yêu cầu:
1. Ủy ban nhân dân tỉnh sửa đổi, bổ sung quy định mức hỗ trợ tiền ăn cho học sinh bán trú phù hợp với điều kiện thực \
tế, hoàn thành trong quý II/2026.
2. Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo xử lý dứt điểm các khoản hỗ trợ còn nợ đọng đối với học sinh trước ngày \
31/5/2026.
3. Sở Giáo dục và Đào tạo hướng dẫn các trường rà soát, lập danh sách học sinh thuộc đối tượng hỗ trợ theo đúng \
quy định.
""",
    title="Về kết quả giám sát việc thực hiện chính sách hỗ trợ học sinh bán trú trên địa bàn tỉnh",
)


def test_rule_12_resolution_closing_articles_are_not_tasks():
    result = extract_text(BOARDING_RESOLUTION)
    assert result["tasks"]
    items = ("Ủy ban nhân dân tỉnh sửa đổi", "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo", "Sở Giáo dục và Đào tạo hướng")
    for task in result["tasks"]:  # only the requests of Article 2; rule 15 checks that all three are there
        assert _flat(task["text"]).startswith(items), task["text"]


def test_rule_13_closing_sentence_with_recurring_duty_is_a_task():
    result = extract_text(
        conclusion(
            "công tác phòng, chống bệnh tay chân miệng",
            """
1. Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát chặt chẽ các ổ dịch, xử lý triệt để không để lây lan.
2. Sở Giáo dục và Đào tạo hướng dẫn các trường mầm non khử khuẩn đồ chơi, phòng học ít nhất một lần mỗi tuần.
Sở Y tế, Sở Giáo dục và Đào tạo gửi báo cáo tình hình thực hiện về Văn phòng UBND tỉnh trước 16 giờ thứ Sáu hằng \
tuần để tổng hợp, báo cáo Chủ tịch UBND tỉnh.
""",
        )
    )
    assert len(result["tasks"]) == 3
    report = task_containing(result, "trước 16 giờ thứ Sáu hằng tuần")
    assert_agencies(report["lead"], ["Sở Y tế", "Sở Giáo dục và Đào tạo"])
    assert report["coordinators"] == []  # the office receiving the report does not coordinate
    assert report["recurrence"] == "weekly"
    assert report["deadline"] is None


def test_rule_13_closing_request_after_a_plan_line_is_a_task_of_its_own():
    result = extract_text(
        plan(
            "Tổng kiểm tra hộ khẩu, hộ tịch năm 2026",
            """
I. NHIỆM VỤ
(1) Rà soát, cập nhật dữ liệu hộ tịch vào Cơ sở dữ liệu quốc gia về dân cư.
- Đơn vị thực hiện: Sở Tư pháp chủ trì, phối hợp với Công an tỉnh.
- Thời gian hoàn thành: Thực hiện thường xuyên.
Yêu cầu các sở, ban, ngành, địa phương gửi báo cáo về UBND tỉnh (qua Công an tỉnh) trước 11h00’ ngày thứ 5 \
hằng tuần để tổng hợp.
Đầu mối liên hệ: đ/c Nguyễn Thị Hà, Công an tỉnh.
""",
        )
    )
    assert len(result["tasks"]) == 2
    report = task_containing(result, "gửi báo cáo về UBND tỉnh")
    assert_agencies(report["lead"], ["Các sở, ban, ngành, địa phương"])
    assert report["recurrence"] == "weekly" and report["deadline"] is None
    assert "Yêu cầu" not in task_containing(result, "Rà soát, cập nhật")["text"]
    # the plan line gave its agencies to the item above: it is no unassigned passage
    assert not [u for u in result["unassigned"] if "Đơn vị thực hiện" in u["text"]]


def test_rule_01_points_of_a_speech_in_paragraphs_are_cut_by_who_acts():
    result = extract_text(
        conclusion(
            "tiến độ các dự án giao thông trọng điểm",
            """
Thứ nhất, các địa phương cần chủ động, quyết liệt hơn nữa để tháo gỡ vướng mắc trong giải phóng mặt bằng.

Thứ hai, việc đẩy nhanh tiến độ là quan trọng, nhưng phải bảo đảm chất lượng công trình và an toàn lao động.

Thời gian qua mưa lớn kéo dài gây sạt lở nhiều đoạn tuyến. Yêu cầu các địa phương chủ động khắc phục hậu quả \
thiên tai, hỗ trợ người dân ổn định cuộc sống.
Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi công.
""",
        )
    )
    assert_leads(result, [["Các địa phương"], ["Các địa phương"], ["Các chủ đầu tư"]])
    assert starts(result, "Thứ hai") == []
    assert _flat(result["tasks"][1]["text"]).startswith("Yêu cầu các địa phương chủ động khắc phục")


def test_rule_04_a_heading_names_its_agency_with_the_whole_phrase():
    result = extract_text(
        conclusion(
            "tiến độ hai dự án đường bộ cao tốc",
            """
1. Nhà đầu tư của 02 dự án đường bộ cao tốc Hưng Yên – Thái Bình và Hưng Yên – Hà Nam:
- Khẩn trương tập kết máy móc, trang thiết bị thi công trên toàn tuyến.
- Xây dựng tiến độ thi công chi tiết, gửi Sở Xây dựng trước ngày 20/3/2026.
2. Thuế tỉnh Hưng Yên
- Rà soát nghĩa vụ thuế của các nhà đầu tư dự án.
""",
        )
    )
    investor = "Nhà đầu tư của 02 dự án đường bộ cao tốc Hưng Yên – Thái Bình và Hưng Yên – Hà Nam"
    assert_leads(result, [[investor], [investor], ["Thuế tỉnh"]])


def test_agencies_a_body_named_by_its_role_in_a_procedure():
    result = extract_text(
        document(
            """
Để rút ngắn thời gian giải quyết thủ tục đầu tư, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành thực \
hiện nghiêm các nội dung sau:
1. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án
a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ ngay trong lần tiếp nhận đầu tiên.
b) Tổng hợp ý kiến của các cơ quan liên quan, trình cấp có thẩm quyền đúng thời hạn.
2. Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản trong thời hạn 05 ngày làm việc.
3. Cơ quan chủ trì: Sở Tài chính.
""",
            kind="CHỈ THỊ",
            title="Về đẩy mạnh cải cách thủ tục đầu tư",
            number="05/CT-UBND",
        )
    )
    role = "Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"
    assert_leads(result, [[role], [role], ["Cơ quan phối hợp"]])


def test_rule_05_a_standing_body_with_duties_is_a_task_a_bare_role_is_not():
    result = extract_text(
        plan(
            "Phân loại chất thải rắn sinh hoạt tại nguồn năm 2026",
            """
I. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường là cơ quan thường trực, hướng dẫn, đôn đốc các xã, phường triển khai Kế hoạch; \
tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 10 của tháng cuối mỗi quý.
2. Sở Y tế là cơ quan thường trực của Ban Chỉ đạo phòng, chống dịch bệnh tỉnh.
3. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.
""",
        )
    )
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"]])


def test_rule_12_a_bullet_saying_what_a_report_must_hold_is_not_a_task():
    result = extract_text(
        plan(
            "Phát triển vùng nguyên liệu chè năm 2026",
            """
I. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường:
- Theo dõi, đôn đốc các xã triển khai Kế hoạch; báo cáo UBND tỉnh trước ngày 10/12/2026.
- Báo cáo phải nêu rõ: diện tích được cấp mã số vùng trồng, số chuỗi liên kết, khó khăn và kiến nghị.
""",
        )
    )
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"]])
    assert [u["reason"] for u in result["unassigned"] if "Báo cáo phải" in u["text"]] in ([], ["report_contents"])


def test_rule_14_places_listed_under_an_action_are_its_objects_not_leads():
    result = extract_text(
        conclusion(
            "công tác phòng, chống dịch bệnh mùa đông xuân",
            """
1. Sở Y tế:
- Theo dõi chặt chẽ diễn biến dịch bệnh, kịp thời tham mưu các biện pháp phòng, chống.
- Bảo đảm đủ cơ số thuốc, vắc xin, vật tư, trang thiết bị phục vụ phòng, chống dịch tại:
+ Các bệnh viện tuyến tỉnh;
+ Các trung tâm y tế khu vực;
+ Các trạm y tế xã, phường.
""",
        )
    )
    assert_leads(result, [["Sở Y tế"], ["Sở Y tế"]])
    assert "Các trạm y tế xã, phường" in task_containing(result, "Bảo đảm đủ cơ số thuốc")["text"]


def test_rule_13_a_weekly_report_after_a_letters_items_is_the_addressees_task():
    result = extract_text(
        letter(
            "đẩy nhanh tiến độ các dự án giao thông",
            "Sở Xây dựng.",
            """
Chủ tịch UBND tỉnh có ý kiến như sau:
1. Chỉ đạo các nhà thầu tăng cường nhân lực, máy móc, thi công tăng ca trên các tuyến đường tỉnh.
2. Rà soát, tham mưu UBND tỉnh điều chuyển kế hoạch vốn năm 2026, gửi Sở Tài chính trước ngày 20/12.
Báo cáo kết quả thực hiện về UBND tỉnh (qua Văn phòng UBND tỉnh) trước 16 giờ thứ Sáu hằng tuần để theo dõi.
Đề nghị Sở Xây dựng khẩn trương triển khai, thực hiện nghiêm túc nội dung Công văn này./.
""",
        )
    )
    assert_leads(result, [["Sở Xây dựng"], ["Sở Xây dựng"], ["Sở Xây dựng"]])
    weekly = task_containing(result, "trước 16 giờ thứ Sáu hằng tuần")
    assert weekly["recurrence"] == "weekly"
    assert "Báo cáo kết quả" not in task_containing(result, "Rà soát, tham mưu")["text"]


def test_deadline_a_firm_trigger_is_a_deadline_after_any_verb():
    result = extract_text(
        conclusion(
            "tiến độ các dự án phòng, chống thiên tai",
            """
1. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh hoàn thiện hồ sơ điều chỉnh, tổ chức khởi công trước ngày 30/12/2026.
2. Giao Sở Xây dựng kiểm tra công trình khởi công ngày 15/3/2026 tại xã Phụng Công.
""",
        )
    )
    assert task_containing(result, "khởi công trước ngày")["deadline"] == "2026-12-30"
    assert task_containing(result, "khởi công ngày 15/3")["deadline"] is None  # the event's date


PORTAL_PAGE = """Trang chủ > Tin tức - Sự kiện > Hoạt động của lãnh đạo tỉnh

Phó Chủ tịch UBND tỉnh Đỗ Văn Hưng kiểm tra tình hình sạt lở bờ sông Luộc

(HY) - Ngày 14/4, Phó Chủ tịch UBND tỉnh Đỗ Văn Hưng kiểm tra tình hình sạt lở bờ sông Luộc đoạn qua xã Tiên Lữ.

Tại buổi kiểm tra, UBND xã Tiên Lữ kiến nghị tỉnh sớm đầu tư kè bảo vệ đoạn đê xung yếu.

Phó Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và Môi trường khảo sát, lập phương án xử lý khẩn cấp, trình UBND \
tỉnh trước ngày 30/4/2026; giao Sở Tài chính tham mưu bố trí nguồn dự phòng ngân sách tỉnh.

Phó Chủ tịch UBND tỉnh cũng đề nghị UBND các xã ven sông tăng cường tuyên truyền, vận động người dân di dời khỏi \
khu vực nguy hiểm.

Minh Thư

Tin liên quan:
- Hưng Yên: Ra quân khắc phục sạt lở đê sông Luộc
- Phó Chủ tịch UBND tỉnh làm việc với xã Tiên Lữ về phát triển kinh tế
"""


def test_rule_18_a_portal_page_is_its_article_not_its_navigation():
    result = extract_text(PORTAL_PAGE)
    doc = result["document"]
    assert doc["title"] == "Phó Chủ tịch UBND tỉnh Đỗ Văn Hưng kiểm tra tình hình sạt lở bờ sông Luộc"
    assert doc["recipients"] == []  # the related articles are not recipients
    assert_leads(result, [["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"], ["Ủy ban nhân dân các xã ven sông"]])


def test_rule_04_an_item_that_singles_out_one_member_is_its():
    result = extract_text(
        conclusion(
            "công tác phòng, chống dịch bệnh mùa hè",
            """
1. Ủy ban nhân dân các xã, phường, đặc khu:
- Tổ chức ra quân vệ sinh môi trường, diệt lăng quăng, bọ gậy tại các khu dân cư.
- Riêng Ủy ban nhân dân đặc khu Cô Tô chủ động dự trữ thuốc, vật tư y tế cho mùa mưa bão.
- Riêng đối với Ủy ban nhân dân phường Hồng Châu, rà soát các điểm ngập úng trong nội thành.
""",
        )
    )
    assert_leads(
        result,
        [
            ["Ủy ban nhân dân các xã, phường, đặc khu"],
            ["Ủy ban nhân dân đặc khu Cô Tô"],
            ["Ủy ban nhân dân phường Hồng Châu"],
        ],
    )


def test_rule_09_closing_exhortation_naming_the_document():
    result = extract_text(
        document(
            """
Để chủ động phòng, chống dịch bệnh mùa hè, Chủ tịch UBND tỉnh yêu cầu:
1. Sở Y tế theo dõi chặt chẽ diễn biến dịch bệnh, tham mưu kịp thời các biện pháp phòng, chống.
2. Ủy ban nhân dân các xã, phường tổ chức vệ sinh môi trường, diệt lăng quăng, bọ gậy.
Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện \
Chỉ thị này./.
""",
            kind="CHỈ THỊ",
            title="Về tăng cường phòng, chống dịch bệnh mùa hè",
            number="07/CT-UBND",
        )
    )
    assert_leads(result, [["Sở Y tế"], ["Ủy ban nhân dân các xã, phường"]])


def test_rule_16_a_letter_to_several_bodies_lends_none_of_them_and_refers_back_to_all():
    result = extract_text(
        letter(
            "xử lý cơ sở nhà, đất dôi dư sau sắp xếp",
            "\n- Sở Tài chính;\n- Sở Xây dựng;\n- Ủy ban nhân dân các xã, phường.",
            """
Chủ tịch UBND tỉnh có ý kiến như sau:
1. Giao Sở Tài chính:
a) Hoàn thiện phương án chi tiết đối với từng cơ sở nhà, đất, trình UBND tỉnh trước ngày 05/11/2026.
b) Hướng dẫn các xã, phường lập hồ sơ điều chuyển tài sản theo quy định.
2. Sở Xây dựng thẩm định việc cải tạo các trụ sở dôi dư; hoàn thành trong quý IV/2026.
3. Ủy ban nhân dân các xã, phường quản lý, bảo vệ các cơ sở nhà, đất dôi dư trên địa bàn.
4. Việc xử lý tài sản phải bảo đảm công khai, minh bạch, đúng quy định.
5. Các cơ quan, đơn vị nêu trên báo cáo tiến độ về UBND tỉnh trước ngày 25 hằng tháng.
""",
        )
    )
    assert starts(result, "Việc xử lý tài sản") == []
    report = task_containing(result, "Các cơ quan, đơn vị nêu trên báo cáo")
    assert_agencies(report["lead"], ["Sở Tài chính", "Sở Xây dựng", "Ủy ban nhân dân các xã, phường"])


def test_agencies_a_directed_body_s_partners_are_not_the_directors():
    result = extract_text(
        conclusion(
            "công tác tiêm chủng mở rộng",
            """
1. Sở Y tế:
- Chỉ đạo trạm y tế phối hợp với các trường học trên địa bàn tổ chức tiêm vắc xin sởi cho học sinh.
- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo rà soát tiền sử tiêm chủng của học sinh.
""",
        )
    )
    directing = task_containing(result, "Chỉ đạo trạm y tế")
    assert_agencies(directing["lead"], ["Sở Y tế"])
    assert directing["coordinators"] == []
    assert_agencies(task_containing(result, "rà soát tiền sử")["coordinators"], ["Sở Giáo dục và Đào tạo"])


MINISTRY_NOTICE = document(
    """
Ngày 02/3/2026, Bộ trưởng Hoàng Văn Lợi chủ trì cuộc họp về công tác xây dựng văn bản quy phạm pháp luật năm 2026. \
Sau khi nghe Vụ Pháp chế báo cáo và ý kiến của các đại biểu, Bộ trưởng kết luận như sau:
1. Vụ Pháp chế:
- Nghiên cứu, tham mưu Lãnh đạo Bộ:
+ Trình Bộ trưởng ban hành Chương trình xây dựng văn bản quy phạm pháp luật năm 2027 trước ngày 15/11/2026.
+ Tổ chức tập huấn nghiệp vụ soạn thảo văn bản cho công chức các đơn vị thuộc Bộ.
- Rà soát các văn bản quy phạm pháp luật hết hiệu lực trong các lĩnh vực:
+ đất đai;
+ tài nguyên nước;
+ khoáng sản.
2. Thủ trưởng các đơn vị thuộc Bộ bố trí công chức có năng lực tham gia các tổ soạn thảo.

Văn phòng Bộ thông báo để các đơn vị biết, thực hiện./.
""",
    title="Kết luận của Bộ trưởng tại cuộc họp về công tác xây dựng văn bản quy phạm pháp luật năm 2026",
    number="118/TB-BNNMT",
    issuer="BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    place="Hà Nội",
    signature="TL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n\nĐỗ Minh Tuấn",
)


def test_rule_14_plus_bullets_under_a_lead_in_are_tasks_and_object_lists_are_not():
    result = extract_text(MINISTRY_NOTICE)
    assert len(result["tasks"]) == 4
    programme = task_containing(result, "Trình Bộ trưởng ban hành Chương trình")
    training = task_containing(result, "Tổ chức tập huấn nghiệp vụ")
    review = task_containing(result, "Rà soát các văn bản quy phạm")
    assert len({id(programme), id(training), id(review)}) == 3
    for task in (programme, training, review):
        assert_agencies(task["lead"], ["Vụ Pháp chế"])
    assert programme["deadline"] == "2026-11-15"
    assert "khoáng sản" in review["text"]  # the listed fields belong to their parent
    task_containing(result, "bố trí công chức có năng lực")  # item 2, whose lead the agencies tests check


def test_rule_15_peoples_council_is_never_a_lead():
    result = extract_text(BOARDING_RESOLUTION)
    assert result["document"]["doc_type"] == "NGHỊ QUYẾT"
    assert_leads(result, [["Ủy ban nhân dân tỉnh"], ["Chủ tịch Ủy ban nhân dân tỉnh"], ["Sở Giáo dục và Đào tạo"]])
    assert not any("hoi dong nhan dan" in agency_key(a) for t in result["tasks"] for a in t["lead"])
    assert [t["deadline"] for t in result["tasks"]] == ["2026-06-30", "2026-05-31", None]


ROAD_LETTER = letter(
    "xử lý kiến nghị của cử tri về tuyến đường ĐT.378",
    "Sở Xây dựng.",
    """
Xét đề nghị của Sở Xây dựng tại Tờ trình số 85/TTr-SXD ngày 25/02/2026, Chủ tịch UBND tỉnh có ý kiến như sau:
1. Khẩn trương kiểm tra hiện trạng tuyến đường ĐT.378 đoạn qua xã Tiên Lữ, lập phương án sửa chữa các vị trí hư \
hỏng nặng, bảo đảm an toàn giao thông.
2. Báo cáo kết quả thực hiện về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày 25/3/2026.
""",
)


def test_rule_16_single_addressee_leads_items_without_actor():
    result = extract_text(ROAD_LETTER)
    assert_leads(result, [["Sở Xây dựng"], ["Sở Xây dựng"]])
    assert result["tasks"][1]["deadline"] == "2026-03-25"


TABLE_NOTICE = conclusion(
    "tình hình phát triển kinh tế - xã hội tháng 02 năm 2026",
    """
1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn các xã, phường kiện toàn tổ chức bộ máy, hoàn thành \
trước ngày 31/3/2026.
2. Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng xây dựng Đề án phát triển các cụm công \
nghiệp giai đoạn 2026 - 2030, trình UBND tỉnh trong tháng 6/2026.
3. Các nhiệm vụ cụ thể khác được giao tại Phụ lục kèm theo Thông báo này.
""",
) + (
    "\nPhụ lục\nDANH MỤC NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ\n"
    "(Kèm theo Thông báo số 35/TB-UBND ngày 05/3/2026 của UBND tỉnh)\n"
    "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Theo dõi, kiểm tra, đôn đốc\n"
    "1 | Xây dựng Đề án phát triển các cụm công nghiệp giai đoạn 2026 - 2030 | Sở Công Thương | Sở Tài chính; "
    "Sở Xây dựng | Tháng 6/2026 | Văn phòng UBND tỉnh\n"
    "2 | Hoàn thiện hồ sơ đề nghị công nhận làng nghề truyền thống | Sở Nông nghiệp và Môi trường | UBND các xã, "
    "phường | Trước ngày 30/4/2026 | Văn phòng UBND tỉnh\n"
    "3 | Tổ chức Lễ hội văn hóa ẩm thực Phố Hiến | Sở Văn hóa, Thể thao và Du lịch |  | Quý III/2026 | Văn phòng "
    "UBND tỉnh\n"
)


def test_rule_17_table_rows_are_tasks_with_their_own_cells():
    result = extract_text(TABLE_NOTICE)
    craft = task_containing(result, "Hoàn thiện hồ sơ đề nghị công nhận")
    text = _flat(craft["text"])
    assert text.index("Hoàn thiện hồ sơ") < text.index("Sở Nông nghiệp") < text.index("Trước ngày 30/4/2026")
    assert_agencies(craft["lead"], ["Sở Nông nghiệp và Môi trường"])
    assert_agencies(craft["coordinators"], ["Ủy ban nhân dân các xã, phường"])
    assert craft["deadline"] == "2026-04-30"
    festival = task_containing(result, "Lễ hội văn hóa ẩm thực")
    assert_agencies(festival["lead"], ["Sở Văn hóa, Thể thao và Du lịch"])
    assert festival["coordinators"] == []
    assert festival["deadline"] == "2026-09-30"
    # the monitoring column gives neither lead nor coordinator
    monitors = [a for t in result["tasks"] for a in t["lead"] + t["coordinators"]]
    assert not any(same_agency(a, "Văn phòng Ủy ban nhân dân tỉnh") for a in monitors)


def test_rule_17_body_task_repeated_by_a_row_is_one_task():
    result = extract_text(TABLE_NOTICE)
    cluster = task_containing(result, "phát triển các cụm công nghiệp")  # once, not twice
    assert "Tháng 6/2026" in cluster["text"]  # it is the row
    assert_agencies(cluster["lead"], ["Sở Công Thương"])
    assert_agencies(cluster["coordinators"], ["Sở Tài chính", "Sở Xây dựng"])
    assert cluster["deadline"] == "2026-06-30"
    staff = task_containing(result, "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn")
    assert staff["deadline"] == "2026-03-31"


def test_rule_17_sentence_pointing_to_the_table_is_not_a_task():
    result = extract_text(TABLE_NOTICE)
    assert starts(result, "Các nhiệm vụ cụ thể khác") == []  # it names no agency and no action
    assert len(result["tasks"]) == 4  # body item 1, and the three rows


FUNDED_PLAN = plan(
    "Triển khai bệnh án điện tử năm 2026",
    """
I. NHIỆM VỤ
1. Triển khai bệnh án điện tử tại các bệnh viện theo Phụ lục kèm theo.
II. KINH PHÍ THỰC HIỆN
1. Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước và các nguồn hợp pháp khác.
2. Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu bố trí kinh phí thực hiện Kế hoạch (nhiệm vụ số 2 tại Phụ lục).
III. TỔ CHỨC THỰC HIỆN
1. Đề nghị Bảo hiểm xã hội tỉnh thực hiện giám định, thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế \
trên dữ liệu điện tử.
""",
) + (
    "\nPhụ lục\nDANH MỤC NHIỆM VỤ\n"
    "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
    "1 | Kết nối, gửi dữ liệu điện tử phục vụ giám định, thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế | "
    "Bệnh viện Đa khoa tỉnh | Bảo hiểm xã hội tỉnh | Quý II/2026\n"
    "2 | Tham mưu bố trí kinh phí; hướng dẫn các bệnh viện lập dự toán | Sở Tài chính | Sở Y tế | Quý I/2026\n"
)


def test_rule_17_a_body_task_is_a_row_only_with_the_same_lead():
    result = extract_text(FUNDED_PLAN)
    # the body's funding task points to row 2: one task, the row
    funding = [t for t in result["tasks"] if "kinh phí" in _flat(t["text"])]
    assert len(funding) == 1 and "Quý I/2026" in funding[0]["text"]
    # the insurer's task shares words with row 1 but not its lead: it stays a task of its own
    insurer = task_containing(result, "Đề nghị Bảo hiểm xã hội tỉnh thực hiện giám định")
    assert_agencies(insurer["lead"], ["Bảo hiểm xã hội tỉnh"])


def test_rule_12_a_funding_section_is_not_a_target_section():
    text = FUNDED_PLAN.replace(" (nhiệm vụ số 2 tại Phụ lục)", "").split("\nPhụ lục")[0]
    result = extract_text(text)
    funding = task_containing(result, "Sở Tài chính chủ trì, phối hợp với Sở Y tế")
    assert_agencies(funding["lead"], ["Sở Tài chính"])
    assert starts(result, "Kinh phí thực hiện Kế hoạch được bố trí") == []


LAW_LIBRARY_PAGE = """Công văn 25/UBND-VX năm 2026 tăng cường bảo đảm an toàn thực phẩm dịp Tết Nguyên đán do tỉnh \
Hưng Yên ban hành

Số hiệu: 25/UBND-VX
Loại văn bản: Công văn
Nơi ban hành: Tỉnh Hưng Yên
Người ký: Lê Quang Minh
Ngày ban hành: 05/01/2026

Tóm tắt nội dung: Ngày 05/01/2026, UBND tỉnh Hưng Yên ban hành Công văn số 25/UBND-VX về việc tăng cường bảo đảm \
an toàn thực phẩm dịp Tết Nguyên đán Bính Ngọ và mùa Lễ hội Xuân 2026. Theo đó, UBND tỉnh giao Sở Y tế chủ trì, \
phối hợp với Sở Công Thương, Sở Nông nghiệp và Môi trường thành lập các đoàn kiểm tra liên ngành về an toàn thực \
phẩm, hoàn thành kiểm tra trước ngày 10/02/2026. Công an tỉnh tăng cường điều tra, xử lý nghiêm các hành vi sản \
xuất, kinh doanh thực phẩm giả, kém chất lượng. UBND các xã, phường tổ chức kiểm tra các cơ sở kinh doanh thực phẩm \
trên địa bàn, báo cáo kết quả về Sở Y tế trước ngày 25/02/2026.
"""


def test_rule_18_relay_page_has_its_own_null_document_fields():
    result = extract_text(LAW_LIBRARY_PAGE)
    doc = result["document"]
    assert {k: doc[k] for k in ("doc_type", "number", "date", "chair", "signer")} == dict.fromkeys(
        ("doc_type", "number", "date", "chair", "signer")
    )
    assert doc["is_directive"] is True
    assert_leads(result, [["Sở Y tế"], ["Công an tỉnh"], ["Ủy ban nhân dân các xã, phường"]])
    food = result["tasks"][0]
    assert_agencies(food["coordinators"], ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"])
    assert food["deadline"] == "2026-02-10"


# =============================================================================================
# Agencies in detail
# =============================================================================================


@pytest.mark.parametrize(
    ("item", "lead", "coordinators"),
    [
        pytest.param(
            "Ủy ban nhân dân các xã có tuyến đê đi qua tổ chức kiểm tra, phát hiện sớm các sự cố đê điều, xử lý ngay "
            "từ giờ đầu.",
            "Ủy ban nhân dân các xã có tuyến đê đi qua",
            [],
        ),
        (
            "Các lực lượng chức năng tăng cường tuần tra, kiểm soát, xử lý nghiêm các vi phạm hành lang đê điều.",
            "Các lực lượng chức năng",
            [],
        ),
        (
            "Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh chỉ đạo rà soát các thủ tục hành chính liên "
            "quan đến cấp phép hoạt động trong phạm vi bảo vệ đê.",
            "Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
            [],
        ),
        (
            "Giao Ban Quản lý dự án đầu tư xây dựng tỉnh chỉ đạo nhà thầu bổ sung nhân lực, máy móc, thi công ba ca.",
            "Ban Quản lý dự án đầu tư xây dựng tỉnh",
            [],
        ),
        pytest.param(
            "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công ty TNHH một thành viên Khai thác công trình "
            "thủy lợi tỉnh vận hành hợp lý các trạm bơm, bảo đảm đủ nước tưới cho cây trồng.",
            "Sở Nông nghiệp và Môi trường",
            ["Công ty TNHH một thành viên Khai thác công trình thủy lợi tỉnh"],
        ),
    ],
    ids=["xa-co-tuyen-de", "luc-luong-chuc-nang", "thu-truong-co-quan", "ban-quan-ly-du-an", "cong-ty-tnhh"],
)
def test_agencies_whole_phrase_with_qualifiers(item, lead, coordinators):
    result = extract_text(conclusion("công tác phòng, chống thiên tai năm 2026", f"1. {item}"))
    (task,) = result["tasks"]
    assert_agencies(task["lead"], [lead])
    assert_agencies(task["coordinators"], coordinators)


def test_agencies_whole_phrase_in_a_ministry_notice():
    staff = task_containing(extract_text(MINISTRY_NOTICE), "bố trí công chức có năng lực")
    assert_agencies(staff["lead"], ["Thủ trưởng các đơn vị thuộc Bộ"])


def test_agencies_names_stay_as_written():
    result = extract_text(
        conclusion(
            "tiến độ giải phóng mặt bằng các dự án trọng điểm",
            """
1. Phường Sơn Nam khẩn trương hoàn thành công tác giải phóng mặt bằng dự án đường trục trung tâm trước ngày \
30/4/2026.
2. Giao xã Hồng Minh phối hợp với Sở Xây dựng xử lý dứt điểm điểm ngập úng tại khu dân cư số 3.
""",
        )
    )
    assert_leads(result, [["Phường Sơn Nam"], ["xã Hồng Minh"]])
    assert_agencies(result["tasks"][1]["coordinators"], ["Sở Xây dựng"])


def test_agencies_issuer_province_name_is_dropped_and_other_provinces_kept():
    result = extract_text(
        conclusion(
            "công tác phòng cháy, chữa cháy và quản lý khai thác cát",
            """
1. Giao Công an tỉnh Hưng Yên chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh Hưng Yên tổ chức diễn tập phương án \
chữa cháy, cứu nạn, cứu hộ tại các khu công nghiệp trong quý II/2026.
2. Sở Nông nghiệp và Môi trường phối hợp với Ủy ban nhân dân tỉnh Ninh Bình quản lý hoạt động khai thác cát trên \
sông Hồng đoạn giáp ranh hai tỉnh.
""",
        )
    )
    drill, sand = result["tasks"]
    assert_exact_agencies(drill["lead"], ["Công an tỉnh"])
    assert_exact_agencies(drill["coordinators"], ["Bộ Chỉ huy Quân sự tỉnh"])
    assert_exact_agencies(sand["coordinators"], ["Ủy ban nhân dân tỉnh Ninh Bình"])


def test_agencies_central_document_keeps_province_name():
    result = extract_text(
        document(
            """
Ngày 28 tháng 02 năm 2026, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ Lê Minh Hòa chủ trì cuộc họp về tiến độ \
dự án đường Vành đai 5 vùng Thủ đô. Sau khi nghe báo cáo của Bộ Xây dựng và ý kiến các đại biểu, Phó Thủ tướng kết \
luận như sau:
1. Giao Ủy ban nhân dân tỉnh Hưng Yên chủ trì, phối hợp với Bộ Xây dựng hoàn thành công tác giải phóng mặt bằng đoạn \
tuyến qua địa bàn tỉnh trước ngày 30/6/2026.
2. Ủy ban nhân dân tỉnh Ninh Bình khẩn trương hoàn thiện hồ sơ điều chỉnh chủ trương đầu tư dự án thành phần, báo \
cáo Thủ tướng Chính phủ trong tháng 4/2026.

Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
""",
            title="Kết luận của Phó Thủ tướng Chính phủ Lê Minh Hòa tại cuộc họp về tiến độ dự án đường Vành đai 5 "
            "vùng Thủ đô",
            number="95/TB-VPCP",
            issuer="VĂN PHÒNG CHÍNH PHỦ",
            place="Hà Nội",
            signature="KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nNguyễn Văn Hải",
        )
    )
    clearance, adjust = result["tasks"]
    assert_exact_agencies(clearance["lead"], ["Ủy ban nhân dân tỉnh Hưng Yên"])
    assert_agencies(clearance["coordinators"], ["Bộ Xây dựng"])
    assert_exact_agencies(adjust["lead"], ["Ủy ban nhân dân tỉnh Ninh Bình"])


def test_agencies_group_with_listed_members_becomes_its_members():
    result = extract_text(
        conclusion(
            "công tác phòng, chống sạt lở bờ sông mùa mưa lũ năm 2026",
            """
1. Giao Ủy ban nhân dân các xã: Tân Hưng, Hồng Minh, Lạc Đạo phối hợp với Sở Nông nghiệp và Môi trường kiểm tra, \
gia cố các vị trí kè xung yếu trước mùa mưa lũ.
2. Các cơ quan quản lý chuyên ngành (Sở Công Thương, Sở Y tế, Sở Nông nghiệp và Môi trường) tăng cường hậu kiểm an \
toàn thực phẩm tại các vùng bị ảnh hưởng sau mưa lũ.
""",
        )
    )
    dykes, food = result["tasks"]
    assert_agencies(
        dykes["lead"],
        ["Ủy ban nhân dân xã Tân Hưng", "Ủy ban nhân dân xã Hồng Minh", "Ủy ban nhân dân xã Lạc Đạo"],
    )
    assert_agencies(dykes["coordinators"], ["Sở Nông nghiệp và Môi trường"])
    assert_agencies(food["lead"], ["Sở Công Thương", "Sở Y tế", "Sở Nông nghiệp và Môi trường"])


def test_agencies_reference_back_names_the_earlier_bodies():
    result = extract_text(
        conclusion(
            "công tác bảo đảm trật tự an toàn giao thông trước cổng trường học",
            """
1. Sở Giáo dục và Đào tạo chỉ đạo các trường phân luồng giờ tan học, bố trí điểm đưa đón học sinh phù hợp.
2. Công an tỉnh bố trí lực lượng cảnh sát giao thông hướng dẫn, điều tiết giao thông tại các cổng trường.
3. Các đơn vị nêu trên báo cáo kết quả thực hiện về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày 30/4/2026.
""",
        )
    )
    report = tasks_by_start(result)["Các đơn vị nêu trên báo cáo"]
    assert_agencies(report["lead"], ["Sở Giáo dục và Đào tạo", "Công an tỉnh"])
    assert report["deadline"] == "2026-04-30"


def test_agencies_vague_group_is_a_lead_but_not_a_coordinator():
    result = extract_text(
        conclusion(
            "công tác sắp xếp, xử lý trụ sở làm việc sau sắp xếp đơn vị hành chính",
            """
1. Các sở, ban, ngành rà soát, thống kê trụ sở, tài sản công dôi dư thuộc phạm vi quản lý, gửi Sở Tài chính trước \
ngày 20/3/2026.
2. Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị liên quan rà soát các văn bản quy phạm pháp luật của \
tỉnh cần sửa đổi sau sắp xếp đơn vị hành chính.
3. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và các ngành, địa phương có liên quan xây dựng phương án xử lý \
trụ sở làm việc dôi dư.
""",
        )
    )
    assert_leads(result, [["Các sở, ban, ngành"], ["Sở Tư pháp"], ["Sở Tài chính"]])
    assert result["tasks"][1]["coordinators"] == []
    assert_agencies(result["tasks"][2]["coordinators"], ["Sở Xây dựng"])


def test_agencies_typed_group_stays_a_coordinator():
    result = extract_text(
        conclusion(
            "hạ tầng số năm 2026",
            """
1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh nghiệp viễn thông hoàn thành phủ sóng 5G tại các \
khu công nghiệp trong năm 2026.
""",
        )
    )
    (task,) = result["tasks"]
    assert_agencies(task["coordinators"], ["Các doanh nghiệp viễn thông"])
    assert task["deadline"] == "2026-12-31"


@pytest.mark.parametrize(
    ("item", "lead", "coordinators"),
    [
        pytest.param(
            "Giao Sở Xây dựng làm việc với Bộ Xây dựng để thống nhất phương án kết nối tuyến đường tỉnh ĐT.376 với "
            "đường cao tốc, báo cáo UBND tỉnh trước ngày 15/4/2026.",
            "Sở Xây dựng",
            ["Bộ Xây dựng"],
        ),
        (
            "Sở Nội vụ thống nhất với Sở Tài chính trước khi trình UBND tỉnh phương án giao số lượng người làm việc "
            "trong các đơn vị sự nghiệp công lập năm 2026.",
            "Sở Nội vụ",
            ["Sở Tài chính"],
        ),
        pytest.param(
            "Công an tỉnh cùng Bộ Chỉ huy Quân sự tỉnh xây dựng phương án bảo đảm an ninh, trật tự dịp Lễ hội Đền Mẫu.",
            "Công an tỉnh",
            ["Bộ Chỉ huy Quân sự tỉnh"],
        ),
        pytest.param(
            "Giao Sở Y tế chủ trì thực hiện cơ chế phối hợp giữa Sở Y tế, Sở Giáo dục và Đào tạo và Công an tỉnh "
            "trong kiểm tra an toàn thực phẩm tại các bếp ăn trường học.",
            "Sở Y tế",
            ["Sở Giáo dục và Đào tạo", "Công an tỉnh"],
        ),
        pytest.param(
            "Sở Văn hóa, Thể thao và Du lịch phối với Sở Xây dựng chỉnh trang khu vực quảng trường trung tâm tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch",
            ["Sở Xây dựng"],
        ),
    ],
    ids=["lam-viec-voi-de-thong-nhat", "thong-nhat-voi", "cung", "phoi-hop-giua", "phoi-voi-misspelled"],
)
def test_agencies_coordination_phrases(item, lead, coordinators):
    result = extract_text(conclusion("một số nhiệm vụ cấp bách", f"1. {item}"))
    (task,) = result["tasks"]
    assert_agencies(task["lead"], [lead])
    assert_agencies(task["coordinators"], coordinators)


def test_agencies_body_directed_by_the_lead_is_not_its_coordinator():
    result = extract_text(
        conclusion(
            "công tác tiêm chủng mở rộng năm 2026",
            """
1. Đề nghị Sở Giáo dục và Đào tạo chỉ đạo các trường học phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh tổ chức tiêm \
vắc xin cho học sinh theo kế hoạch.
""",
        )
    )
    (task,) = result["tasks"]
    assert_agencies(task["lead"], ["Sở Giáo dục và Đào tạo"])
    assert task["coordinators"] == []


def test_agencies_resolution_asking_the_committee_to_direct_gives_the_lead_to_the_directed_body():
    result = extract_text(
        resolution(
            """
Điều 1. Tán thành kết quả giám sát tại Báo cáo số 25/BC-ĐGS.
Điều 2. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế phối hợp với Bảo hiểm xã hội tỉnh rà \
soát, thanh toán dứt điểm chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán trước ngày 30/6/2026.
""",
            title="Về kết quả giám sát việc thực hiện chính sách bảo hiểm y tế trên địa bàn tỉnh",
        )
    )
    (task,) = result["tasks"]
    assert_agencies(task["lead"], ["Sở Y tế"])
    assert_agencies(task["coordinators"], ["Bảo hiểm xã hội tỉnh"])


def test_agencies_main_responsibility_assigns_a_task_and_answerability_does_not():
    result = extract_text(
        conclusion(
            "công tác tiêm chủng vắc xin sởi",
            """
1. Ghi nhận Sở Y tế đã chủ động triển khai tiêm vắc xin sởi cho hơn 40.000 trẻ em trong tháng 02/2026.
2. Sở Y tế chịu trách nhiệm chính về việc tổ chức tiêm bổ sung vắc xin sởi cho trẻ em trên địa bàn tỉnh, hoàn thành \
trước ngày 30/4/2026.
3. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về \
kết quả tiêm chủng thuộc phạm vi quản lý.
""",
        )
    )
    assert_leads(result, [["Sở Y tế"]])
    assert result["tasks"][0]["deadline"] == "2026-04-30"


# =============================================================================================
# Deadlines in detail (and the deadline forms of the `tasks` section)
# =============================================================================================

DEADLINE_FORMS = conclusion(
    "tiến độ thực hiện các nhiệm vụ trọng tâm quý I năm 2026",
    """
1. Sở Tài chính tổng hợp nhu cầu vốn đầu tư công trung hạn của các sở, ngành, trình UBND tỉnh trước ngày 10/4/2026.
2. Sở Xây dựng duy trì các chốt kiểm soát tải trọng xe trên tuyến đường tỉnh ĐT.378 đến ngày 31/5/2026.
3. Sở Văn hóa, Thể thao và Du lịch tổ chức Tuần lễ văn hóa các dân tộc từ ngày 20/4/2026 đến ngày 26/4/2026.
4. Sở Nội vụ tổ chức tập huấn công tác thi đua, khen thưởng cho cán bộ các xã, phường vào ngày 18/3/2026.
5. Ủy ban nhân dân các xã, phường gửi báo cáo về Sở Nội vụ chậm nhất ngày 25/3/2026.
6. Sở Công Thương hoàn thành việc kiểm tra các cửa hàng xăng dầu trong tháng 11/2026.
7. Sở Tư pháp tổ chức đánh giá chất lượng đội ngũ hòa giải viên ở cơ sở trong quý II/2026.
8. Sở Khoa học và Công nghệ hoàn thành số hóa hồ sơ lưu trữ của các sở, ngành trong năm 2026.
""",
)


@pytest.mark.parametrize(
    ("start", "deadline", "deadline_text"),
    [
        ("Sở Tài chính tổng hợp", "2026-04-10", "trước ngày 10/4/2026"),
        ("Sở Xây dựng duy trì", "2026-05-31", "đến ngày 31/5/2026"),
        pytest.param(
            "Sở Văn hóa, Thể thao",
            "2026-04-26",
            None,
        ),
        pytest.param(
            "Sở Nội vụ tổ chức tập huấn",
            "2026-03-18",
            None,
        ),
        ("Ủy ban nhân dân các xã, phường gửi", "2026-03-25", "chậm nhất ngày 25/3/2026"),
        ("Sở Công Thương hoàn thành", "2026-11-30", "trong tháng 11/2026"),
        ("Sở Tư pháp tổ chức đánh giá", "2026-06-30", "trong quý II/2026"),
        ("Sở Khoa học và Công nghệ hoàn thành", "2026-12-31", "trong năm 2026"),
    ],
    ids=[
        "truoc-ngay",
        "den-ngay",
        "tu-ngay-den-ngay",
        "vao-ngay",
        "cham-nhat",
        "trong-thang",
        "trong-quy",
        "trong-nam",
    ],
)
def test_deadline_stated_forms_give_their_date(start, deadline, deadline_text):
    task = tasks_by_start(extract_text(DEADLINE_FORMS))[start]
    assert task["deadline"] == deadline
    if deadline_text:  # only where the shortest phrase is beyond doubt
        assert task["deadline_text"] == deadline_text


def test_deadline_before_lunar_new_year():
    result = extract_text(
        conclusion(
            "công tác bảo đảm cung ứng hàng hóa dịp Tết Nguyên đán",
            """
1. Sở Công Thương chủ trì, phối hợp với các doanh nghiệp phân phối xây dựng kế hoạch dự trữ hàng hóa thiết yếu, \
bình ổn thị trường, hoàn thành trước Tết Nguyên đán 2026.
""",
            meeting="03/01/2026",
            dated="ngày 05 tháng 01 năm 2026",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-02-17"
    assert task["deadline_text"] == "trước Tết Nguyên đán 2026"


def test_deadline_event_without_a_date_is_null():
    result = extract_text(
        conclusion(
            "chính sách khuyến công giai đoạn tới",
            """
1. Sở Công Thương hoàn thiện dự thảo Nghị quyết quy định mức chi hỗ trợ hoạt động khuyến công, kịp trình tại Kỳ \
họp thứ 36 Hội đồng nhân dân tỉnh.
""",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] is None


def test_deadline_yearless_date_takes_the_document_year():
    result = extract_text(
        conclusion(
            "công tác tuyển sinh đầu cấp",
            "1. Sở Giáo dục và Đào tạo khẩn trương ban hành hướng dẫn tuyển sinh vào lớp 10 trước ngày 30/4.",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-04-30"


def test_deadline_yearless_date_rolls_into_next_year():
    result = extract_text(
        conclusion(
            "công tác chuẩn bị sản xuất vụ Xuân",
            """
1. Sở Nông nghiệp và Môi trường hoàn thành kế hoạch sản xuất vụ Xuân, trình UBND tỉnh phê duyệt trước ngày 15/01.
""",
            meeting="18/12/2025",
            dated="ngày 20 tháng 12 năm 2025",
            number="412/TB-UBND",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-01-15"


def test_deadline_yearless_date_without_document_date_is_null():
    result = extract_text(
        conclusion(
            "công tác tuyển sinh đầu cấp",
            "1. Sở Giáo dục và Đào tạo khẩn trương ban hành hướng dẫn tuyển sinh vào lớp 10 trước ngày 30/4.",
            dated="ngày      tháng      năm 2026",
        )
    )
    assert result["document"]["date"] is None
    (task,) = result["tasks"]
    assert task["deadline"] is None


@pytest.mark.parametrize(
    ("meeting", "dated", "days", "deadline"),
    [
        # Thursday 05/3/2026: day 1 is Friday 06/3, day 10 is Thursday 19/3.
        ("03/3/2026", "ngày 05 tháng 3 năm 2026", "10", "2026-03-19"),
        # Tuesday 28/4/2026: 29/4 is day 1; 30/4, 01/5 and the weekend are off; day 3 is Tuesday 05/5.
        ("27/4/2026", "ngày 28 tháng 4 năm 2026", "03", "2026-05-05"),
        # Thursday 12/02/2026: day 1 is 13/02; Tết is off from 14/02 to 22/02; day 5 is Thursday 26/02.
        ("10/02/2026", "ngày 12 tháng 02 năm 2026", "05", "2026-02-26"),
    ],
    ids=["plain-weeks", "reunification-day", "lunar-new-year"],
)
def test_deadline_working_days_from_signing(meeting, dated, days, deadline):
    result = extract_text(
        conclusion(
            "công tác làm sạch dữ liệu dân cư",
            f"1. Giao Công an tỉnh hướng dẫn các xã, phường làm sạch dữ liệu dân cư trong vòng {days} ngày làm việc "
            "kể từ ngày ký Thông báo này.",
            meeting=meeting,
            dated=dated,
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == deadline


def test_deadline_calendar_days_from_signing():
    result = extract_text(
        conclusion(
            "công tác làm sạch dữ liệu dân cư",
            "1. Giao Công an tỉnh hoàn thành việc cập nhật dữ liệu cư trú trong 10 ngày kể từ ngày ký Thông báo này.",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-03-15"


@pytest.mark.parametrize(
    ("items", "deadline"),
    [
        (
            "1. Sở Xây dựng đôn đốc nhà thầu đẩy nhanh tiến độ, phấn đấu đến hết năm 2026 thông xe toàn tuyến đường "
            "vành đai phía Đông.",
            "2026-12-31",
        ),
        pytest.param(
            "1. Năm 2027, Sở Khoa học và Công nghệ hoàn thành kết nối 100% hệ thống thông tin của các sở, ngành với "
            "nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.",
            "2027-12-31",
        ),
        pytest.param(
            "1. Sở Khoa học và Công nghệ:\n- Năm 2027, hoàn thành kết nối 100% hệ thống thông tin của các sở, ngành "
            "với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.",
            "2027-12-31",
        ),
    ],
    ids=["phan-dau-den-het-nam", "nam-then-agency", "nam-under-agency-heading"],
)
def test_deadline_year_by_which_the_result_is_reached_is_its_last_day(items, deadline):
    result = extract_text(conclusion("tiến độ các dự án hạ tầng và chuyển đổi số", items))
    (task,) = result["tasks"]
    assert task["deadline"] == deadline


def test_deadline_programme_year_is_not_a_deadline():
    result = extract_text(
        conclusion(
            "phát triển nông nghiệp và thương mại năm 2026",
            """
1. Nhiệm vụ trọng tâm năm 2026
- Sở Nông nghiệp và Môi trường đẩy mạnh cấp mã số vùng trồng cho các sản phẩm nông sản chủ lực của tỉnh.
- Sở Công Thương hỗ trợ các doanh nghiệp tham gia hội chợ, triển lãm xúc tiến thương mại trong nước và quốc tế.
""",
        )
    )
    assert len(result["tasks"]) == 2
    assert [t["deadline"] for t in result["tasks"]] == [None, None]


def test_deadline_implementation_time_line_covers_the_items_above():
    tasks = tasks_by_start(extract_text(JUSTICE_PLAN))
    assert tasks["Rà soát, làm sạch dữ liệu"]["deadline"] == "2026-06-30"
    assert tasks["Cập nhật đầy đủ thông tin"]["deadline"] == "2026-06-30"


def test_deadline_heading_deadline_covers_its_items():
    result = extract_text(
        conclusion(
            "công tác cải cách thủ tục hành chính",
            """
1. Hoàn thành trong quý II/2026 các việc sau:
- Sở Tư pháp rà soát, công bố danh mục thủ tục hành chính được cắt giảm thời gian giải quyết.
- Sở Nội vụ đánh giá chỉ số hài lòng của người dân đối với các xã, phường trước ngày 15/4/2026.
""",
        )
    )
    tasks = tasks_by_start(result)
    assert tasks["Sở Tư pháp rà soát"]["deadline"] == "2026-06-30"
    assert tasks["Sở Nội vụ đánh giá"]["deadline"] == "2026-04-15"  # its own deadline wins


def test_deadline_sentence_covering_several_items():
    result = extract_text(
        conclusion(
            "công tác chuẩn bị kỳ thi tốt nghiệp trung học phổ thông",
            """
1. Sở Giáo dục và Đào tạo rà soát cơ sở vật chất, trang thiết bị tại các điểm thi.
2. Công an tỉnh xây dựng phương án bảo đảm an ninh, an toàn tuyệt đối cho việc in sao, vận chuyển đề thi.
3. Sở Y tế bố trí cán bộ y tế trực tại các điểm thi.
Các nhiệm vụ nêu trên hoàn thành trước ngày 31/5/2026.
""",
        )
    )
    assert len(result["tasks"]) == 3
    assert [t["deadline"] for t in result["tasks"]] == ["2026-05-31"] * 3


def test_deadline_start_and_duration_gives_the_last_day_covered():
    result = extract_text(
        conclusion(
            "công tác kiểm tra an toàn đê điều trước mùa mưa lũ",
            """
1. Sở Nông nghiệp và Môi trường tổ chức đợt kiểm tra liên ngành về an toàn đê điều trong 03 ngày, bắt đầu từ ngày \
16/3/2026.
""",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-03-18"


def test_deadline_several_dated_steps_take_the_earliest():
    result = extract_text(
        conclusion(
            "phương án sắp xếp lại, xử lý nhà, đất",
            """
1. Sở Tài chính xây dựng dự thảo phương án trước ngày 20/3/2026, lấy ý kiến các sở, ngành và trình UBND tỉnh trước \
ngày 10/4/2026.
""",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-03-20"


def test_deadline_earlier_than_the_document_is_kept():
    result = extract_text(
        conclusion(
            "tiến độ dự án cầu vượt sông Luộc",
            """
1. Yêu cầu Sở Xây dựng hoàn thành việc bàn giao mặt bằng cho nhà thầu trước ngày 28/02/2026 theo đúng chỉ đạo tại \
Thông báo số 20/TB-UBND; làm rõ trách nhiệm của các tổ chức, cá nhân để chậm tiến độ.
""",
        )
    )
    (task,) = result["tasks"]
    assert task["deadline"] == "2026-02-28"


def test_deadline_of_a_document_to_draft_and_not_the_years_inside_it():
    result = extract_text(
        conclusion(
            "công tác xây dựng kế hoạch, đề án giai đoạn 2026 - 2030",
            """
1. Giao Sở Khoa học và Công nghệ xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030, trình UBND tỉnh trước ngày \
30/4/2026.
2. Giao Sở Công Thương xây dựng Đề án phát triển thương mại điện tử của tỉnh đến năm 2030.
""",
        )
    )
    assert [t["deadline"] for t in result["tasks"]] == ["2026-04-30", None]


@pytest.mark.parametrize(
    ("item", "recurrence"),
    [
        ("Sở Y tế thường xuyên kiểm tra việc chấp hành quy định về an toàn thực phẩm tại các bếp ăn tập thể.", None),
        ("Công an tỉnh duy trì lực lượng tuần tra trên các tuyến sông năm 2026 và các năm tiếp theo.", None),
        ("Sở Tài chính báo cáo UBND tỉnh tiến độ giải ngân vốn đầu tư công trước ngày 15 hằng tháng.", "monthly"),
        ("Sở Nội vụ tổng hợp kết quả thi đua của các cơ quan, đơn vị trước ngày 15/12 hằng năm.", "yearly"),
        pytest.param(
            "Sở Nông nghiệp và Môi trường báo cáo hằng ngày tình hình mực nước các sông trong mùa lũ.",
            "daily",
        ),
        ("Sở Xây dựng định kỳ hằng quý báo cáo UBND tỉnh tình hình thị trường bất động sản.", "quarterly"),
        ("Sở Tư pháp hằng năm tổ chức kiểm tra công tác xử lý vi phạm hành chính tại các sở, ngành.", "yearly"),
        ("Sở Văn hóa, Thể thao và Du lịch định kỳ báo cáo UBND tỉnh kết quả quản lý các di tích.", None),
    ],
    ids=[
        "thuong-xuyen",
        "cac-nam-tiep-theo",
        "hang-thang",
        "hang-nam-date",
        "hang-ngay",
        "hang-quy",
        "hang-nam",
        "dinh-ky-no-period",
    ],
)
def test_deadline_open_ended_and_recurring_timing_give_no_date(item, recurrence):
    result = extract_text(conclusion("một số nhiệm vụ thường xuyên", f"1. {item}"))
    (task,) = result["tasks"]
    assert task["deadline"] is None
    assert task["recurrence"] == recurrence


def test_deadline_every_two_weeks_has_recurrence_text_only():
    result = extract_text(
        conclusion(
            "tiến độ giải phóng mặt bằng",
            "1. Sở Xây dựng định kỳ 02 tuần/lần báo cáo UBND tỉnh tiến độ giải phóng mặt bằng các dự án trọng điểm.",
        )
    )
    (task,) = result["tasks"]
    assert task["recurrence"] is None
    assert task["recurrence_text"] and "02 tuần/lần" in task["recurrence_text"]
    assert task["deadline"] is None


def test_recurrence_of_a_noun_is_not_a_recurrence():
    result = extract_text(
        conclusion(
            "công tác lập dự toán",
            "1. Sở Tài chính hướng dẫn các đơn vị xây dựng dự toán ngân sách hằng năm bảo đảm đúng quy định.",
        )
    )
    (task,) = result["tasks"]
    assert task["recurrence"] is None


# =============================================================================================
# Document fields in detail (and the `document` bullets)
# =============================================================================================


def test_document_letter_with_vv_line_is_a_cong_van_without_chair():
    doc = extract_text(ROAD_LETTER)["document"]
    assert doc["doc_type"] == "CÔNG VĂN"
    assert doc["chair"] is None
    assert doc["number"] == "635/UBND-KT"
    assert doc["is_directive"] is True


def test_document_text_repeated_under_two_leads_gives_a_task_under_each():
    result = extract_text(
        conclusion(
            "công tác phòng, chống đuối nước trẻ em",
            """
a) Sở Giáo dục và Đào tạo:
- Chỉ đạo các trường học tổ chức dạy bơi an toàn cho học sinh tiểu học trong dịp hè.
- Báo cáo kết quả thực hiện về UBND tỉnh trước ngày 25/9/2026.
b) Sở Văn hóa, Thể thao và Du lịch:
- Hướng dẫn các bể bơi công cộng bố trí nhân viên cứu hộ theo quy định.
- Báo cáo kết quả thực hiện về UBND tỉnh trước ngày 25/9/2026.
""",
        )
    )
    repeated = [t for t in result["tasks"] if _flat(t["text"]).startswith("Báo cáo kết quả thực hiện")]
    assert len(repeated) == 2
    assert_agencies(
        [a for t in repeated for a in t["lead"]], ["Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"]
    )
    assert [t["deadline"] for t in repeated] == ["2026-09-25"] * 2


def test_document_fields_of_a_conclusion_notice():
    text = document(
        f"Ngày 03/3/2026, đồng chí {CHAIR}, Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác phòng, chống thiên tai. "
        "Chủ tịch UBND tỉnh kết luận như sau:\n1. Sở Nông nghiệp và Môi trường rà soát phương án phòng, chống "
        "thiên tai của tỉnh, trình UBND tỉnh trước ngày 30/4/2026.",
        title="Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác\nphòng, chống thiên tai năm 2026",
    )
    doc = extract_text(text)["document"]
    assert {k: doc[k] for k in ("doc_type", "number", "place", "date", "title", "chair", "signer", "is_directive")} == {
        "doc_type": "THÔNG BÁO",
        "number": "35/TB-UBND",
        "place": "Hưng Yên",
        "date": "2026-03-05",
        "title": "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng, chống thiên tai năm 2026",
        "chair": CHAIR,
        "signer": SIGNER,
        "is_directive": True,
    }


def test_document_blank_number_and_day():
    doc = extract_text(
        conclusion(
            "công tác tuyển sinh đầu cấp",
            "1. Sở Giáo dục và Đào tạo ban hành hướng dẫn tuyển sinh vào lớp 10 trước ngày 30/4/2026.",
            number="      /TB-UBND",
            dated="ngày      tháng 3 năm 2026",
        )
    )["document"]
    assert doc["number"] == "/TB-UBND"
    assert doc["place"] == "Hưng Yên"
    assert doc["date"] is None
