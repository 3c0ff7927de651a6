"""Finding documents (issue 14): by number, date of issue, issuer, type and words folded as the
task search folds them ("chuyen doi so" finds "chuyển đổi số", "uy ban" finds "Uỷ ban"), the
filters combined, always within what the user may see; the folded text follows an edit of the
particulars; and the issuers and types offered are those the user may see."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.tracking.document_details import update_details
from chidao.tracking.document_filter import DocumentFilter, issuers_and_types
from chidao.tracking.documents import list_documents

CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # 125/TB-UBND, 15/3/2024, Sở TTTT leads
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # 842/UBND-VX, 5/8/2024, Sở Y tế leads
ISSUER = "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH"


def found(session, user, **asked) -> list[str | None]:
    rows, total = list_documents(session=session, user=user, flt=DocumentFilter(**asked), page=1, per_page=50)
    assert total == len(rows)
    return [d.number for d in rows]


@pytest.fixture
def notices(ingest, session):
    documents = ingest(CONVERSION), ingest(HEALTH)
    session.flush()
    return documents


def test_stored_documents_keep_their_issuer_and_folded_particulars(notices):
    conversion, _ = notices
    assert conversion.issuer == ISSUER
    assert conversion.search_text.startswith(" 125 tb ubnd | ")
    assert " uy ban nhan dan tinh hoa binh xanh" in conversion.search_text
    assert "|" not in conversion.search_text[conversion.search_text.index("|") + 1 :]


@pytest.mark.parametrize(
    ("asked", "numbers"),
    [
        ({"q": "chuyen doi so"}, ["125/TB-UBND"]),
        ({"q": "Chuyển đổi số"}, ["125/TB-UBND"]),
        ({"q": "CHUYEN DOI"}, ["125/TB-UBND"]),
        ({"q": "sot xuat huyet"}, ["842/UBND-VX"]),
        ({"q": "Uỷ ban"}, ["842/UBND-VX", "125/TB-UBND"]),  # either tone placement
        ({"q": "uy ban"}, ["842/UBND-VX", "125/TB-UBND"]),
        ({"q": "tran thi binh"}, ["125/TB-UBND"]),  # the signer
        ({"q": "kết luận"}, ["125/TB-UBND"]),
        ({"q": "huyen"}, []),  # "huyết" folds to "huyet", not "huyen"
        ({"q": "oi so"}, []),  # words match at their start only
        ({"q": "chuyen doi so dich"}, []),  # every word must be there
        ({"q": "…!?"}, ["842/UBND-VX", "125/TB-UBND"]),  # no word: no filter
        ({"number": "125/TB-UBND"}, ["125/TB-UBND"]),
        ({"number": "125"}, ["125/TB-UBND"]),
        ({"number": "ubnd"}, ["842/UBND-VX", "125/TB-UBND"]),
        ({"number": "vx"}, ["842/UBND-VX"]),
        ({"number": "chuyen"}, []),  # a number search looks at the number only
        ({"issued_from": date(2024, 4, 1)}, ["842/UBND-VX"]),
        ({"issued_to": date(2024, 3, 15)}, ["125/TB-UBND"]),
        ({"issued_from": date(2024, 3, 15), "issued_to": date(2024, 8, 5)}, ["842/UBND-VX", "125/TB-UBND"]),
        ({"issued_from": date(2024, 3, 16), "issued_to": date(2024, 8, 4)}, []),
        ({"issuer": ISSUER}, ["842/UBND-VX", "125/TB-UBND"]),
        ({"issuer": "BỘ Y TẾ"}, []),
        ({"doc_type": "CÔNG VĂN"}, ["842/UBND-VX"]),
        ({"doc_type": "THÔNG BÁO", "q": "uy ban", "issuer": ISSUER, "number": "125"}, ["125/TB-UBND"]),
        ({"doc_type": "THÔNG BÁO", "q": "sot xuat huyet"}, []),  # the filters combine
        ({"status": "confirmed", "issued_from": date(2024, 8, 1)}, ["842/UBND-VX"]),
    ],
)
def test_the_office_finds_documents_by_any_filter_combined(session, users, notices, asked, numbers):
    assert found(session, users["clerk"], **asked) == numbers


def test_search_never_widens_what_a_user_may_see(ingest, session, users):
    ingest(CONVERSION)
    ingest(HEALTH, confirm=False)  # a draft
    session.flush()
    assert found(session, users["clerk"], q="sot xuat huyet") == ["842/UBND-VX"]
    for who in ("viewer", "officer", "health"):
        assert found(session, users[who], q="sot xuat huyet") == [], who  # nobody else sees a draft
        assert found(session, users[who], number="842") == [], who
    assert found(session, users["officer"], q="uy ban") == ["125/TB-UBND"]  # its agency leads tasks there
    assert found(session, users["finance"], q="chuyen doi so") == ["125/TB-UBND"]  # it coordinates one
    rows, total = list_documents(
        session=session, user=users["viewer"], flt=DocumentFilter(q="uy ban"), page=1, per_page=50
    )
    assert ([d.number for d in rows], total) == (["125/TB-UBND"], 1)


def test_the_choices_are_the_issuers_and_types_the_user_may_see(ingest, session, users):
    ingest(CONVERSION)
    ingest(HEALTH, confirm=False)
    session.flush()
    assert issuers_and_types(session, users["clerk"]) == ([ISSUER], ["CÔNG VĂN", "THÔNG BÁO"])
    assert issuers_and_types(session, users["viewer"]) == ([ISSUER], ["THÔNG BÁO"])
    assert issuers_and_types(session, users["health"]) == ([], [])


def test_an_edit_of_the_particulars_is_searched_at_once(session, users, notices):
    conversion, _ = notices
    assert found(session, users["clerk"], q="cuoc hop") == ["125/TB-UBND"]
    update_details(
        session=session,
        document=conversion,
        user_id=users["clerk"].id,
        changes={"number": "130/TB-UBND", "title": "Kết luận về giao thông nông thôn", "signer": "Đỗ Văn Đức"},
    )
    clerk = users["clerk"]
    assert found(session, clerk, q="giao thong nong thon") == ["130/TB-UBND"]
    assert found(session, clerk, q="do van duc") == ["130/TB-UBND"]
    assert found(session, clerk, number="130") == ["130/TB-UBND"]
    assert found(session, clerk, number="125") == []
    assert found(session, clerk, q="cuoc hop") == []  # the former title
    assert found(session, clerk, q="chuyen doi so") == ["130/TB-UBND"]  # still in its file name
