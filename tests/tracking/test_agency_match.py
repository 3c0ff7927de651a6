"""Agencies typed any way (``tracking.agency_match``), against the seeded registry of a real
SQLite store: folded, abbreviations written out, the province left out, initials; an unknown
name gets the closest registry names, an ambiguous one the candidates."""

from __future__ import annotations

import pytest

from chidao.store.agencies import agency_key, get_or_create_agency
from chidao.tracking.agency_match import (
    AmbiguousAgency,
    UnknownAgency,
    expanded,
    match_agency,
    vietnamese,
    without_places,
)


@pytest.mark.parametrize(
    "typed",
    [
        "Sở Nội vụ",
        "Sở Nội Vụ tỉnh Lâm Đồng",
        "so noi vu",
        "SỞ NỘI VỤ",
        "Sở NV",
        "Sở NV tỉnh Lâm Đồng",
        "  Sở   nội vụ  TP Hà Nội ",
    ],
)
def test_ways_of_writing_the_home_affairs_department(session, typed):
    assert match_agency(session, typed).name == "Sở Nội vụ"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("so kh&dt", "Sở Kế hoạch và Đầu tư"),
        ("SKHĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Thông tin và truyền thông tỉnh Gia Lai", "Sở Thông tin và Truyền thông"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Bộ Tài Chính", "Bộ Tài chính"),
        ("Sở Y Tế", "Sở Y tế"),
        ("Sở Hoà Bình Xã Hội", None),
    ],
)
def test_fields_and_abbreviations(session, typed, name):
    if name is None:
        with pytest.raises(UnknownAgency):
            match_agency(session, typed)
    else:
        assert match_agency(session, typed).name == name


def test_initials_that_fit_two_departments_are_ambiguous(session):
    with pytest.raises(AmbiguousAgency) as caught:
        match_agency(session, "SNV")
    assert caught.value.names == ["Sở Ngoại vụ", "Sở Nội vụ"]


def test_tone_placement_does_not_matter(session):
    agency = get_or_create_agency(session=session, name="Ủy ban nhân dân tỉnh Lâm Đồng")
    assert match_agency(session, "Uỷ ban nhân dân tỉnh Lâm Đồng").id == agency.id
    assert match_agency(session, "UBND tỉnh Lâm Đồng").id == agency.id
    assert match_agency(session, "UBND Lâm Đồng").id == agency.id


def test_a_province_in_the_store_is_preferred_to_dropping_it(session):
    lam_dong = get_or_create_agency(session=session, name="Ủy ban nhân dân tỉnh Lâm Đồng")
    gia_lai = get_or_create_agency(session=session, name="Ủy ban nhân dân tỉnh Gia Lai")
    assert match_agency(session, "UBND tỉnh Gia Lai").id == gia_lai.id
    assert match_agency(session, "ubnd lam dong").id == lam_dong.id
    with pytest.raises(AmbiguousAgency) as caught:
        match_agency(session, "UBND tỉnh Đắk Lắk")
    assert caught.value.names == ["Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Lâm Đồng"]
    assert "nhiều cơ quan" in vietnamese(caught.value)


def test_an_unknown_name_offers_the_closest(session):
    with pytest.raises(UnknownAgency) as caught:
        match_agency(session, "Sở Nội vụu")
    assert caught.value.names[0] == "Sở Nội vụ"
    assert "did you mean: Sở Nội vụ" in str(caught.value)
    assert vietnamese(caught.value).endswith("Có phải: " + "; ".join(caught.value.names) + "?")
    with pytest.raises(UnknownAgency) as nothing:
        match_agency(session, "zzzz qqqq")
    assert nothing.value.names == [] and "Có phải" not in vietnamese(nothing.value)
    with pytest.raises(UnknownAgency):
        match_agency(session, "   ")


def test_an_ended_agency_only_when_no_live_one_answers(session):
    old = get_or_create_agency(session=session, name="Sở Nội vụ cũ")
    old.aliases = ["Sở NV"]
    old.successor_id = match_agency(session, "Sở Nội vụ").id
    session.flush()
    assert match_agency(session, "Sở NV").name == "Sở Nội vụ"


def test_folding_helpers():
    assert expanded(agency_key("UBND TP. Hồ Chí Minh")) == "uy ban nhan dan thanh pho ho chi minh"
    assert without_places("so noi vu tinh lam dong") == "so noi vu"
    assert without_places("uy ban nhan dan thanh pho ho chi minh") == "uy ban nhan dan"
