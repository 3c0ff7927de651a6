"""``GET /api/v1/documents`` filters (issue 14): number, issued_from/issued_to (ISO dates),
issuer, doc_type and q (words with or without diacritics), combined, in the caller's scope;
422 on a bad value; the issuer in each summary."""

from __future__ import annotations

import pytest
from apiclient import CONVERSION, HEALTH

ISSUER = "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH"


def numbers(api, who: str = "clerk", **params) -> list[str]:
    response = api.get("/documents", who, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [d["number"] for d in body["items"]]


@pytest.fixture
def notices(api):
    return api.document(CONVERSION, confirm=True), api.document(HEALTH, confirm=False)


def test_the_filters_combine(api, notices):
    assert numbers(api, q="chuyen doi so") == ["125/TB-UBND"]
    assert numbers(api, q="UY BAN") == ["842/UBND-VX", "125/TB-UBND"]
    assert numbers(api, q="Uỷ ban", status="draft") == ["842/UBND-VX"]
    assert numbers(api, number="842/UBND") == ["842/UBND-VX"]
    assert numbers(api, number="tb-ubnd", q="ket luan") == ["125/TB-UBND"]
    assert numbers(api, issued_from="2024-03-16") == ["842/UBND-VX"]
    assert numbers(api, issued_from="2024-03-15", issued_to="2024-03-15") == ["125/TB-UBND"]
    assert numbers(api, issuer=ISSUER, doc_type="THÔNG BÁO") == ["125/TB-UBND"]
    assert numbers(api, issuer="BỘ Y TẾ") == []
    assert numbers(api, q="sot xuat huyet", doc_type="THÔNG BÁO") == []
    summary = api.get("/documents", params={"number": "125"}).json()["items"][0]
    assert summary["issuer"] == ISSUER


def test_the_filters_keep_to_the_callers_scope(api, notices):
    for who in ("viewer", "officer"):
        assert numbers(api, who, q="sot xuat huyet") == [], who  # a draft
        assert numbers(api, who, q="uy ban") == ["125/TB-UBND"], who
    assert numbers(api, "health", q="uy ban") == []


@pytest.mark.parametrize(
    "params",
    [
        {"issued_from": "15/03/2024"},  # the API takes ISO dates
        {"issued_to": "2024-02-30"},
        {"issued_from": "2024-05-01", "issued_to": "2024-04-01"},
        {"q": "x" * 301},
        {"number": "x" * 301},
        {"doc_type": "x" * 51},
    ],
)
def test_bad_values_are_a_422(api, params):
    response = api.get("/documents", params=params)
    assert response.status_code == 422, params
    assert response.json()["detail"][0]["loc"][0] == "query"
