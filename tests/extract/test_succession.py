"""A notice dated after a body was merged that still names it (issue 13, item 4): extraction keeps
the name as written in the task and says, in ``successors``, which body answers for it now; a
notice dated before says nothing; the store tracks the task with the successor. Notices written
here, in the genre's words, not taken from the corpus."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chidao.extract import extract_text
from chidao.extract.succession import province_now, successor_on, successors
from chidao.store.agencies import seed_agencies
from chidao.store.models import Task
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import add_document
from db import database_fixture

database = database_fixture()
OLD, NEW = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 412/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày {day}

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số

1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát hạ tầng \
trung tâm dữ liệu tỉnh, báo cáo UBND tỉnh trước ngày 30/11/{year}.
2. Sở Y tế chủ trì triển khai hồ sơ sức khỏe điện tử, hoàn thành trong tháng 12/{year}.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def notice(day: str, year: int) -> str:
    return NOTICE.format(day=day, year=year)


def test_after_the_merge_the_successor_is_named_beside_the_name_as_written():
    result = extract_text(notice("15 tháng 8 năm 2025", 2025))
    assert result["document"]["date"] == "2025-08-15"
    first = result["tasks"][0]
    assert first["lead"] == [OLD] and first["coordinators"] == ["Sở Kế hoạch và Đầu tư"]  # as written
    assert result["successors"][OLD] == {
        "name": NEW,
        "effective": "2025-03-01",
        "reference": "Nghị định 45/2025/NĐ-CP",
    }
    assert result["successors"]["Sở Kế hoạch và Đầu tư"]["name"] == "Sở Tài chính"
    assert "Sở Y tế" not in result["successors"]


def test_before_the_merge_nothing_is_said():
    result = extract_text(notice("15 tháng 8 năm 2024", 2024))
    assert result["tasks"][0]["lead"] == [OLD] and result["successors"] == {}


def test_the_effective_day_itself_counts_and_a_document_without_date_says_nothing():
    assert successor_on(OLD, date(2025, 3, 1)).name == NEW
    assert successor_on(OLD, date(2025, 2, 28)) is None
    assert successor_on("Sở Y tế", date(2026, 1, 1)) is None
    assert successor_on("sở thông tin và truyền thông", date(2026, 1, 1)).name == NEW  # folded
    assert successors([OLD], None) == {}


@pytest.mark.parametrize("year,expected", [(2025, NEW), (2024, OLD)])
def test_the_store_tracks_the_task_with_the_body_that_answers_for_it(database, year, expected):
    with open_sessions(database).begin() as session:
        seed_agencies(session=session)
        text = notice(f"15 tháng 8 năm {year}", year).encode()
        add_document(session=session, filename=f"tb-{year}.txt", data=text, confirm=True)
        task = session.scalar(select(Task).order_by(Task.position))
        lead = next(a for a in task.assignments if a.role == "lead")
        assert lead.agency.name == expected
        if year == 2025:
            assert lead.written == OLD  # the name as the notice wrote it, kept beside


def test_the_provinces_of_before_are_known_in_the_34_of_now():
    from chidao.data import load_toml

    provinces = load_toml("provinces.toml")["province"]
    names = [name for p in provinces for name in (p["name"], *p["merged"])]
    assert len(provinces) == 34 and len(names) == 63 and len(set(names)) == 63
    assert sum(not p["merged"] for p in provinces) == 11
    assert province_now("tỉnh Đắk Nông") == "Lâm Đồng" and province_now("Bình Thuận") == "Lâm Đồng"
    assert province_now("Bà Rịa - Vũng Tàu") == "Hồ Chí Minh" and province_now("thành phố Huế") == "Huế"
    assert province_now("Sở Y tế") is None


def test_a_merged_provinces_bodies_pass_to_the_province_it_joined():
    committee = successor_on("Ủy ban nhân dân tỉnh Đắk Nông", date(2025, 7, 1))
    assert committee.name == "Ủy ban nhân dân tỉnh Lâm Đồng" and committee.reference == "Nghị quyết 202/2025/QH15"
    assert successor_on("Ủy ban nhân dân tỉnh Đắk Nông", date(2025, 6, 30)) is None
    council = successor_on("Hội đồng nhân dân tỉnh Hậu Giang", date(2026, 1, 1))
    assert council.name == "Hội đồng nhân dân thành phố Cần Thơ"
    assert successor_on("Ủy ban nhân dân tỉnh Lâm Đồng", date(2026, 1, 1)) is None  # it absorbed, it lives on


CENTRAL = """VĂN PHÒNG CHÍNH PHỦ
Số: 88/TB-VPCP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày {day}

THÔNG BÁO
Kết luận của Phó Thủ tướng về phát triển điện gió

Giao Ủy ban nhân dân tỉnh Bình Thuận chủ trì, phối hợp với Bộ Công Thương rà soát các dự án điện gió \
ven biển, báo cáo Thủ tướng Chính phủ trước ngày 15/12/{year}.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


@pytest.mark.parametrize("year,expected", [(2025, "Ủy ban nhân dân tỉnh Lâm Đồng"), (2024, None)])
def test_a_central_notice_naming_a_merged_province(year, expected):
    result = extract_text(CENTRAL.format(day=f"20 tháng 9 năm {year}", year=year))
    (task,) = result["tasks"]
    assert task["lead"] == ["Ủy ban nhân dân tỉnh Bình Thuận"]  # as written
    assert result["successors"].get("Ủy ban nhân dân tỉnh Bình Thuận", {}).get("name") == expected
