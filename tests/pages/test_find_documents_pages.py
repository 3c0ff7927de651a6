"""Finding documents on the list page (issue 14): words without diacritics, number, dates typed
dd/mm/yyyy, issuer and type as select lists of what the user may see; the filters stay in the
page links and the status tabs; bad values answer a 422 page saying what to correct."""

from __future__ import annotations

import html
import re

import pytest
from pagekit import words
from siteclient import CONVERSION, HEALTH

from chidao.store.documents import document_search_text
from chidao.store.models import Document

ISSUER = "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH"


@pytest.fixture
def notices(site):
    """Both notices confirmed: 125/TB-UBND of 15/3/2024, 842/UBND-VX of 5/8/2024."""
    return site.document(CONVERSION), site.document(HEALTH)


def numbers(page: str) -> list[str]:
    return re.findall(r'<td data-label="Số"><a href="/documents/\d+">([^<]+)</a>', page)


def options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select id="[^"]+" name="{name}">(.*?)</select>', page, re.S)
    assert select, name
    return [html.unescape(v) for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "chuyen doi so"}, ["125/TB-UBND"]),
        ({"q": "uy ban"}, ["842/UBND-VX", "125/TB-UBND"]),
        ({"q": "Uỷ ban sot xuat huyet"}, ["842/UBND-VX"]),
        ({"number": "125/tb"}, ["125/TB-UBND"]),
        ({"issued_from": "01/04/2024"}, ["842/UBND-VX"]),
        ({"issued_to": "15/03/2024"}, ["125/TB-UBND"]),
        ({"issued_from": "2024-03-15", "issued_to": "2024-03-15"}, ["125/TB-UBND"]),  # a date picker's value
        ({"issuer": ISSUER, "doc_type": "CÔNG VĂN"}, ["842/UBND-VX"]),
        ({"q": "", "number": "", "issued_from": "", "issued_to": "", "issuer": "", "doc_type": ""}, None),
        ({"q": "chuyen doi so", "doc_type": "CÔNG VĂN"}, []),
    ],
)
def test_the_list_finds_documents_by_its_filters(site, notices, params, expected):
    page = site.login("viewer").get("/documents", params=params)
    assert page.status_code == 200
    assert numbers(page.text) == (expected if expected is not None else ["842/UBND-VX", "125/TB-UBND"])
    if expected == []:
        assert "Không tìm thấy văn bản nào khớp với bộ lọc." in words(page.text)


def test_the_form_shows_the_choices_and_what_was_asked(site, notices):
    page = (
        site.login("clerk")
        .get("/documents", params={"q": "uy ban", "issued_from": "2024-03-01", "doc_type": "THÔNG BÁO"})
        .text
    )
    assert options(page, "issuer") == [ISSUER]
    assert options(page, "doc_type") == ["CÔNG VĂN", "THÔNG BÁO"]
    assert 'name="q" value="uy ban"' in page
    assert 'name="issued_from" value="01/03/2024"' in page  # shown back as typed in Vietnam
    assert '<option value="THÔNG BÁO" selected>' in html.unescape(page)
    tabs = re.findall(r'<a href="(/documents\?[^"]*status=draft[^"]*)"', page)
    assert tabs and "q=uy+ban" in html.unescape(tabs[0])  # the status tabs keep the search


def _many(site, count: int) -> None:
    """``count`` confirmed documents about "chuyển đổi số", written as ingest writes them."""
    with site.session() as session:
        for n in range(count):
            number, title = f"{n + 1}/KH-UBND", f"Kế hoạch chuyển đổi số, phần {n + 1}"
            session.add(
                Document(
                    filename=f"kh-{n}.txt",
                    content_hash=f"many-{n}",
                    original=b"x",
                    text=title,
                    number=number,
                    title=title,
                    status="confirmed",
                    meta={},
                    search_text=document_search_text(number, title=title, filename=f"kh-{n}.txt"),
                )
            )
        session.commit()


def test_the_pages_keep_the_filters(site, notices):
    _many(site, 60)  # with the conversion notice, 61 documents match: two pages of 50
    clerk = site.login("clerk")
    first = clerk.get("/documents", params={"q": "chuyen doi so", "doc_type": ""})
    assert "61 văn bản" in words(first.text) and len(numbers(first.text)) == 50
    following = re.search(r'<a href="([^"]+)" rel="next">', first.text)
    assert following and "q=chuyen+doi+so" in html.unescape(following.group(1)) and "page=2" in following.group(1)
    second = clerk.get(html.unescape(following.group(1)))
    assert len(numbers(second.text)) == 11 and "125/TB-UBND" in numbers(second.text)


def test_drafts_and_other_agencies_stay_out_of_search_and_choices(site):
    site.document(CONVERSION)
    site.document(HEALTH, confirm=False)
    for who in ("viewer", "officer"):
        page = site.login(who).get("/documents", params={"q": "sot xuat huyet"}).text
        assert numbers(page) == [], who
        assert options(page, "doc_type") == ["THÔNG BÁO"], who
    health = site.login("health").get("/documents").text
    assert options(health, "issuer") == [] and options(health, "doc_type") == []
    assert numbers(site.login("clerk").get("/documents", params={"q": "sot xuat huyet"}).text) == ["842/UBND-VX"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"issued_from": "31/02/2024"}, "Ngày ban hành “từ ngày” không hợp lệ"),
        ({"issued_to": "hôm qua"}, "Ngày ban hành “đến ngày” không hợp lệ"),
        ({"issued_from": "01/05/2024", "issued_to": "01/04/2024"}, "Khoảng ngày ban hành không hợp lệ"),
        ({"q": "x" * 301}, "Dữ liệu không hợp lệ"),
        ({"status": "deleted"}, "Dữ liệu không hợp lệ"),
    ],
)
def test_bad_filters_answer_a_vietnamese_422_page(site, params, message):
    page = site.login("viewer").get("/documents", params=params)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert message in html.unescape(page.text)
