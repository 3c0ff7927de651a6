"""The day a recurring task falls on and the end of its rounds, emitted by extraction so that
nothing downstream reads the task's words again (issue 9; rounds of issue 11)."""

import pytest

from chidao.data import load_toml
from chidao.extract import extract_text
from chidao.extract.recurring_day import recurring_day
from chidao.text import match_key

ROWS = load_toml("recurring_days.toml")["day"]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["expect"])
def test_every_row_reads_its_own_example(row):
    key = match_key(row["example"])
    for recurrence in row["recurrence"]:
        assert recurring_day(key, 0, len(key), recurrence) == row["expect"], row["pattern"]


@pytest.mark.parametrize(
    ("phrase", "recurrence", "day"),
    [
        # corpus (dev): the forms the notices use
        ("gửi báo cáo về Sở Tài chính trước ngày 05 hàng\ntháng.", "monthly", "5"),
        ("báo cáo UBND tỉnh trước ngày 10 của tháng cuối mỗi quý.", "quarterly", "10/q3"),
        ("định kỳ hằng quý (trước ngày 10 của tháng cuối quý) báo cáo", "quarterly", "10/q3"),
        ("gửi về PC06 trước 11h00’ ngày thứ 5 hằng tuần để tổng hợp", "weekly", "thu"),
        ("báo cáo Ủy ban nhân dân tỉnh định kỳ hàng tuần (trước 15 giờ thứ Sáu)", "weekly", "fri"),
        ("báo cáo Giám đốc Sở vào chiều thứ Sáu hằng tuần.", "weekly", "fri"),
        ("báo cáo UBND tỉnh trước ngày 15/3 hằng năm.", "yearly", "15/3"),
        # a day that does not fit the task's period says nothing
        ("trước ngày 25 hằng tháng", "weekly", None),
        ("báo cáo hằng tháng", "monthly", None),
        ("trước ngày 35 hằng tháng", "monthly", None),  # no such day
        ("trước ngày 25 hằng tháng", None, None),
    ],
)
def test_the_day_of_a_phrase(phrase, recurrence, day):
    key = match_key(phrase)
    assert recurring_day(key, 0, len(key), recurrence) == day


NOTICE = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 12/TB-UBND
Đồng Nai, ngày 05 tháng 01 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số
1. Giao Sở Khoa học và Công nghệ tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 25 hằng tháng.
2. Giao Sở Nội vụ báo cáo UBND tỉnh vào thứ Sáu hằng tuần.
3. Giao Sở Tài chính báo cáo hằng tháng tình hình giải ngân đến hết năm 2026.
4. Giao Sở Xây dựng hoàn thành quy hoạch trước ngày 30/6/2026.
"""


def test_extraction_emits_the_day_and_the_end_of_the_rounds():
    tasks = extract_text(NOTICE)["tasks"]
    got = [(t["recurrence"], t["recurrence_day"], t["recurrence_until"]) for t in tasks]
    assert got == [
        ("monthly", "25", None),
        ("weekly", "fri", None),
        ("monthly", None, "2026-12-31"),
        (None, None, None),
    ]
