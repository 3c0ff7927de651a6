"""Kinds of body (``agency_kinds.toml``): every example of the data file is of its kind, a
province's military command is no ministry, and the leads extraction reads from a notice of
August 2025 (a special zone, a ward, a commune, a ministry) get the kinds of the 2025 structure."""

from __future__ import annotations

import pytest

from chidao.data import load_toml
from chidao.extract.pipeline import extract_text
from chidao.extract.registry import agency_kind

ROWS = load_toml("agency_kinds.toml")["kind"]
EXAMPLES = [(row["code"], example) for row in ROWS for example in row["examples"]]
NOTICE = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG

Số: 12/TB-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

An Giang, ngày 10 tháng 8 năm 2025

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh

Chủ tịch UBND tỉnh kết luận như sau:

1. Giao UBND đặc khu Phú Quốc chủ trì, phối hợp với Bộ Tài chính rà soát dự án; hoàn thành trước ngày 30/9/2025.
2. Giao UBND phường Long Xuyên chủ trì kiểm tra trật tự đô thị; hoàn thành trước ngày 30/10/2025.
3. Giao Ủy ban nhân dân xã Mỹ Hòa Hưng báo cáo tình hình thiên tai; hoàn thành trước ngày 15/10/2025.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Trần Thị Bình
"""


@pytest.mark.parametrize(("code", "name"), EXAMPLES, ids=[name for _, name in EXAMPLES])
def test_every_example_is_of_its_kind(code, name):
    assert agency_kind(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bộ Chỉ huy Quân sự tỉnh", None),  # a province's military command, not a ministry
        ("Bộ CHQS tỉnh", None),
        ("Công an tỉnh", None),
        ("Ngân hàng Nhà nước", "ministry_level"),
        ("UBND các xã, phường", "commune"),
        ("Uỷ ban nhân dân Phường Ba Đình", "commune"),  # old tone placement, capitalized kind
        ("Bộ", "ministry"),
    ],
)
def test_the_kinds_corners(name, code):
    found = agency_kind(name)
    assert (found.code if found else None) == code


def test_extracted_leads_of_2025_have_their_kinds():
    tasks = extract_text(NOTICE)["tasks"]
    kinds = [(agency_kind(t["lead"][0]).code, [agency_kind(c).code for c in t["coordinators"]]) for t in tasks]
    assert kinds == [("commune", ["ministry"]), ("commune", []), ("commune", [])]


def test_every_kind_has_a_label_and_a_unique_code():
    codes = [row["code"] for row in ROWS]
    assert len(set(codes)) == len(codes) and all(row["label"].strip() for row in ROWS)
