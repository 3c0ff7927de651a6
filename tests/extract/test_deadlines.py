"""The deadline grammar: one row per real-world phrase, the data file's examples, and properties."""

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.deadlines import DeadlineMatch, find_deadlines, load_data
from chidao.extract.workdays import WorkCalendar

D = date
SIGNED = D(2024, 3, 15)  # Friday; the example notice 125/TB-UBND


def only(text, **context):
    found = find_deadlines(text, **context)
    assert len(found) == 1, found
    return found[0]


# (sentence, year or None, deadline text or None for the whole sentence, date, kind).
# Rows marked "corpus" come from the shared corpus.
DATED = [
    # an exact day
    ("trình UBND tỉnh xem xét trước ngày 30/6/2024", None, "trước ngày 30/6/2024", "2024-06-30", "before_date"),
    ("hoàn thành trước ngày 10/12/2022.", None, "trước ngày 10/12/2022", "2022-12-10", "before_date"),  # corpus
    ("điều chỉnh chủ trương đầu tư trước 30/5/2026 và", None, "trước 30/5/2026", "2026-05-30", "before_date"),
    ("yêu cầu đến 30/5/2026 phải bàn giao toàn bộ mặt bằng", None, "đến 30/5/2026", "2026-05-30", "until_date"),
    (
        "gửi Bộ Tư pháp trước ngày 05 tháng 12 năm 2025.",
        None,
        "trước ngày 05 tháng 12 năm 2025",
        "2025-12-05",
        "before_date",
    ),  # corpus
    ("hoàn thành xong trước ngày 05 tháng 12", 2025, "trước ngày 05 tháng 12", "2025-12-05", "before_date"),
    ("trước ngày 28/4", 2026, None, "2026-04-28", "before_date"),
    ("chậm nhất ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("chậm nhất là ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("chậm nhất trước ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("hạn chót ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("muộn nhất ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("phấn đấu đến ngày 30/6/2026 hoàn thành", None, "đến ngày 30/6/2026", "2026-06-30", "until_date"),  # corpus
    ("duy trì đến hết ngày 31/12/2024", None, "đến hết ngày 31/12/2024", "2024-12-31", "until_date"),
    ("trước ngày 15-12-2024", None, None, "2024-12-15", "before_date"),
    ("trước ngày 15.12.2024.", None, "trước ngày 15.12.2024", "2024-12-15", "before_date"),
    ("trước ngày 30 / 6 / 2024", None, None, "2024-06-30", "before_date"),
    ("trước ngày 30/6/24", None, None, "2024-06-30", "before_date"),
    ("Trước Ngày 01/7/2024", None, None, "2024-07-01", "before_date"),
    ("trình UBND tỉnh trước\nngày 30/4/2024", None, "trước\nngày 30/4/2024", "2024-04-30", "before_date"),
    ("gửi về Sở trước 16h00 ngày 30/6/2024", None, "trước 16h00 ngày 30/6/2024", "2024-06-30", "before_date"),
    ("chậm nhất 17 giờ 30 phút, ngày 15/12/2024", None, None, "2024-12-15", "before_date"),
    ("trước ngày 29/2/2024", None, None, "2024-02-29", "before_date"),
    ("trước ngày 30 tháng 6 năm nay", 2025, None, "2025-06-30", "before_date"),
    ("gia hạn đến ngày 30/9/2024", None, "đến ngày 30/9/2024", "2024-09-30", "until_date"),
    # a month
    ("hoàn thành trong tháng 11/2022", None, "trong tháng 11/2022", "2022-11-30", "in_month"),  # corpus
    ("báo cáo UBND tỉnh trong tháng 12/2022", None, "trong tháng 12/2022", "2022-12-31", "in_month"),  # corpus
    ("báo cáo UBND tỉnh trong tháng 5 năm 2026", None, "trong tháng 5 năm 2026", "2026-05-31", "in_month"),
    ("trong tháng 4/2026", None, None, "2026-04-30", "in_month"),
    ("trong tháng 11 năm 2025", None, None, "2025-11-30", "in_month"),
    ("trong tháng 2-2024", None, None, "2024-02-29", "in_month"),
    ("trong tháng 12", 2022, None, "2022-12-31", "in_month"),
    ("trong tháng 12 năm nay", 2025, None, "2025-12-31", "in_month"),
    ("trước tháng 6/2024", None, None, "2024-05-31", "before_month"),
    ("trước tháng 01/2025", None, None, "2024-12-31", "before_month"),
    ("cuối tháng 6/2024", None, None, "2024-06-30", "end_month"),
    ("trong cuối tháng 2/2024", None, None, "2024-02-29", "end_month"),
    ("đầu tháng 7/2024", None, None, "2024-07-10", "early_month"),
    ("giữa tháng 7/2024", None, None, "2024-07-20", "mid_month"),
    ("đến hết tháng 9/2024", None, None, "2024-09-30", "until_month"),
    # a quarter
    ("hoàn thành trong quý II/2024.", None, "trong quý II/2024", "2024-06-30", "in_quarter"),
    (
        "báo cáo Thủ tướng Chính phủ kết quả thực hiện trong Quý I năm 2026",
        None,
        "trong Quý I năm 2026",
        "2026-03-31",
        "in_quarter",
    ),  # corpus
    ("hoàn thành quý II/2024", None, "quý II/2024", "2024-06-30", "in_quarter"),
    ("hoàn thành quý 3/2024", None, "quý 3/2024", "2024-09-30", "in_quarter"),
    ("khởi công quý IV năm 2025", None, "quý IV năm 2025", "2025-12-31", "in_quarter"),
    ("HOÀN THÀNH TRONG QUÝ II/2024", None, "TRONG QUÝ II/2024", "2024-06-30", "in_quarter"),
    ("trong quý II", 2024, None, "2024-06-30", "in_quarter"),
    ("trong Qúy 3 năm 2025", None, None, "2025-09-30", "in_quarter"),
    ("trong quí IV/2025", None, None, "2025-12-31", "in_quarter"),
    ("trước quý III/2024", None, None, "2024-06-30", "before_quarter"),
    ("trước quý I/2025", None, None, "2024-12-31", "before_quarter"),
    ("cuối quý 3/2024", None, None, "2024-09-30", "end_quarter"),
    ("đầu quý II/2025", None, None, "2025-04-30", "early_quarter"),
    ("giữa quý IV năm 2025", None, None, "2025-11-30", "mid_quarter"),
    # part of a year
    ("6 tháng đầu năm 2024", None, None, "2024-06-30", "year_span"),
    ("6 tháng cuối năm 2024", None, None, "2024-12-31", "year_span"),
    (
        "cần tập trung thực hiện trong 6 tháng cuối năm 2022./.",
        None,
        "trong 6 tháng cuối năm 2022",
        "2022-12-31",
        "year_span",
    ),  # corpus
    ("trong 6 tháng đầu năm", 2024, None, "2024-06-30", "year_span"),
    ("trong sáu tháng cuối năm 2023", None, None, "2023-12-31", "year_span"),
    ("trong 06 tháng đầu năm nay", 2025, None, "2025-06-30", "year_span"),
    ("nửa đầu năm 2025", None, None, "2025-06-30", "year_span"),
    ("9 tháng đầu năm 2024", None, None, "2024-09-30", "year_span"),
    # a year
    ("hoàn thành đưa dự án vào vận hành trong năm 2027", None, "trong năm 2027", "2027-12-31", "in_year"),
    ("Hoàn thành trong năm 2025.", None, "trong năm 2025", "2025-12-31", "in_year"),  # corpus
    ("trong năm nay", 2025, None, "2025-12-31", "in_year"),
    ("cuối năm 2024", None, None, "2024-12-31", "end_year"),
    ("trước cuối năm 2024", None, None, "2024-12-31", "end_year"),
    ("trong cuối năm 2024", None, None, "2024-12-31", "end_year"),
    ("trước năm 2025", None, None, "2024-12-31", "before_year"),
    ("đầu năm 2025", None, None, "2025-03-31", "early_year"),
    ("giữa năm 2025", None, None, "2025-06-30", "mid_year"),
    ("Từ nay đến hết năm 2025.", None, "đến hết năm 2025", "2025-12-31", "until_year"),  # corpus
]


@pytest.mark.parametrize(("sentence", "year", "text", "expected", "kind"), DATED, ids=[r[0] for r in DATED])
def test_dated_deadlines(sentence, year, text, expected, kind):
    match = only(sentence, year=year)
    text = sentence if text is None else text
    expected = date.fromisoformat(expected)
    assert (match.text, match.date, match.kind, match.recurrence) == (text, expected, kind, None)
    assert sentence[match.start : match.end] == text


# (sentence, signed on, deadline text, date, kind)
RELATIVE = [
    # Tết 2024 (8-14/2) falls inside: 6, 7, 15, 16, 19-23, 26/2.
    (
        "trong vòng 10 ngày làm việc kể từ ngày ký",
        D(2024, 2, 5),
        "trong vòng 10 ngày làm việc kể từ ngày ký",
        D(2024, 2, 26),
        "relative_workdays",
    ),
    (
        "Giao Công an tỉnh làm sạch dữ liệu trong vòng 10 ngày làm việc kể từ ngày ký Thông báo này.",
        SIGNED,
        "trong vòng 10 ngày làm việc kể từ ngày ký",
        D(2024, 3, 29),
        "relative_workdays",
    ),
    (
        "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản",
        SIGNED,
        "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản",
        D(2024, 3, 22),
        "relative_workdays",
    ),
    ("báo cáo trong 15 ngày làm việc", SIGNED, "trong 15 ngày làm việc", D(2024, 4, 5), "relative_workdays"),
    (
        "trong thời hạn 15 (mười lăm) ngày làm việc, kể từ ngày ban hành",
        SIGNED,
        "trong thời hạn 15 (mười lăm) ngày làm việc, kể từ ngày ban hành",
        D(2024, 4, 5),
        "relative_workdays",
    ),
    (
        "chậm nhất 10 ngày làm việc sau khi nhận được văn bản",
        SIGNED,
        "chậm nhất 10 ngày làm việc sau khi nhận được văn bản",
        D(2024, 3, 29),
        "relative_workdays",
    ),
    ("trong vòng 30 ngày kể từ ngày ký", SIGNED, "trong vòng 30 ngày kể từ ngày ký", D(2024, 4, 14), "relative_days"),
    ("trong thời hạn 07 ngày", SIGNED, "trong thời hạn 07 ngày", D(2024, 3, 22), "relative_days"),
    (
        "trong vòng mười ngày kể từ ngày ban hành",
        SIGNED,
        "trong vòng mười ngày kể từ ngày ban hành",
        D(2024, 3, 25),
        "relative_days",
    ),
    (
        "trong vòng 30 ngày kể từ ngày 01/4/2024",
        SIGNED,
        "trong vòng 30 ngày kể từ ngày 01/4/2024",
        D(2024, 5, 1),
        "relative_days",
    ),
    ("trong vòng 02 tuần", SIGNED, "trong vòng 02 tuần", D(2024, 3, 29), "relative_weeks"),
    (
        "trong thời hạn 03 tháng kể từ ngày ký",
        D(2024, 11, 30),
        "trong thời hạn 03 tháng kể từ ngày ký",
        D(2025, 2, 28),
        "relative_months",
    ),
    # Another origin than the document: found, but it has no date.
    ("trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", SIGNED, "trong thời hạn 15 ngày", None, "relative_days"),
]


@pytest.mark.parametrize(("sentence", "signed", "text", "expected", "kind"), RELATIVE, ids=[r[0] for r in RELATIVE])
def test_relative_deadlines(sentence, signed, text, expected, kind):
    match = only(sentence, doc_date=signed)
    assert (match.text, match.date, match.kind) == (text, expected, kind)


def test_relative_deadline_without_document_date_has_no_date():
    match = only("trong vòng 10 ngày làm việc kể từ ngày ký", year=2024)
    assert match.date is None and match.kind == "relative_workdays"


def test_relative_deadline_uses_the_given_calendar():
    cal = WorkCalendar(extra_off=[D(2024, 3, 18)])
    assert only("trong 01 ngày làm việc", doc_date=SIGNED, calendar=cal).date == D(2024, 3, 19)


def test_yearless_date_without_any_year_has_no_date():
    match = only("trước ngày 28/4")
    assert (match.text, match.date, match.kind) == ("trước ngày 28/4", None, "before_date")


def test_year_defaults_to_the_document_year():
    assert only("trong tháng 12", doc_date=D(2022, 10, 3)).date == D(2022, 12, 31)
    assert only("trong tháng 12", doc_date=D(2022, 10, 3), year=2023).date == D(2023, 12, 31)


RECURRING = [
    ("cập nhật trước ngày 20 hằng tháng lên phần mềm", "trước ngày 20 hằng tháng", "monthly"),  # corpus
    # corpus
    ("gửi Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.", "trước ngày 15 hằng tháng", "monthly"),
    ("trước ngày 15 hàng tháng", "trước ngày 15 hàng tháng", "monthly"),
    ("chậm nhất vào ngày 05 hằng tháng", "chậm nhất vào ngày 05 hằng tháng", "monthly"),
    ("vào ngày 25 hằng tháng", "vào ngày 25 hằng tháng", "monthly"),
    ("trước 16h00 ngày 20 hằng tháng", "trước 16h00 ngày 20 hằng tháng", "monthly"),
    ("trước ngày 25 mỗi tháng", "trước ngày 25 mỗi tháng", "monthly"),
    ("trước ngày 15/12 hằng năm", "trước ngày 15/12 hằng năm", "yearly"),
    ("trước ngày 15 tháng 12 hàng năm", "trước ngày 15 tháng 12 hàng năm", "yearly"),
    ("trước ngày 10 hằng quý", "trước ngày 10 hằng quý", "quarterly"),
    ("trước thứ Sáu hằng tuần", "trước thứ Sáu hằng tuần", "weekly"),
    ("vào chiều thứ Năm hàng tuần", "vào chiều thứ Năm hàng tuần", "weekly"),
    ("trước 11h00’ ngày thứ 5 hằng tuần", "trước 11h00’ ngày thứ 5 hằng tuần", "weekly"),
]


@pytest.mark.parametrize(("sentence", "text", "recurrence"), RECURRING, ids=[r[0] for r in RECURRING])
def test_recurring_deadlines(sentence, text, recurrence):
    match = only(sentence, year=2024)
    assert (match.text, match.date, match.recurrence, match.kind) == (text, None, recurrence, "recurring")


NOT_DEADLINES = [
    "Quyết định số 1618/QĐ-UBND ngày 08/10/2025 của UBND tỉnh",
    "Ngày 24/4/2026, đồng chí Nguyễn Văn A kiểm tra hiện trường",
    "Nghị định số 272/2025/NĐ-CP ngày 16 tháng 10 năm 2025 của Chính phủ",
    "Hòa Bình Xanh, ngày 15 tháng 3 năm 2024",
    "Thông tư số 12/2024/TT-BTC",
    "từ ngày 01/7 đến nay",
    "giai đoạn 2021-2025",
    "kế hoạch chuyển đổi số năm 2024",
    "định hướng đến năm 2030",
    "Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
    "đoạn từ Km161+750 đến Km171+600, Km186+819",
    "duy trì chế độ họp giao ban định kỳ 02 tuần/lần",
    "Đường dây nóng: 0912.345.678",
    "bảo đảm trực 24/7",
    "từ tháng 3 đến hết tháng 6/2024",
    "số liệu tính đến ngày 30/6/2024",
    "Giấy phép có hiệu lực đến ngày 31/12/2025",
    "trước ngày 31/2/2024",
    "trước ngày 45/13/2024",
    "trước ngày 30/6/20245",
    "trước ngày 0/6/2024",
    "rà soát hồ sơ liên quan đến 36 hộ dân/4,92 ha",  # corpus
    "thời gian thực hiện đến 3-5 năm",
    "tổ chức trong 2 ngày",
    "tổng hợp báo cáo quý II",
    "Hội nghị sơ kết 6 tháng đầu năm và triển khai nhiệm vụ",  # corpus
    "Xã Vinh Quý",  # corpus
    "trong năm 2024-2025",
    "trong thời gian tới, trước hết, trước mắt",
    "trước 12/2024",
    "",
]


@pytest.mark.parametrize("sentence", NOT_DEADLINES)
def test_not_deadlines(sentence):
    assert find_deadlines(sentence, doc_date=SIGNED) == []


# ANNOTATION.md: "từ ngày W đến ngày X", "vào ngày X" → X; a range of months or a cut-off is not one.
DAY_RANGES = [
    ("từ ngày 01/7 đến ngày 31/7/2024", "đến ngày 31/7/2024", date(2024, 7, 31)),
    ("từ 15/12 đến 31/12/2025", "đến 31/12/2025", date(2025, 12, 31)),
    ("Từ ngày 08 đến ngày 09 tháng 11 năm 2025 tại Thanh Hóa", "đến ngày 09 tháng 11 năm 2025", date(2025, 11, 9)),
    ("tổ chức vào ngày 30/6/2024", "vào ngày 30/6/2024", date(2024, 6, 30)),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), DAY_RANGES, ids=[d[0] for d in DAY_RANGES])
def test_day_ranges_and_event_days_give_their_last_day(sentence, text, expected):
    (match,) = find_deadlines(sentence, doc_date=SIGNED)
    assert (match.text, match.date) == (text, expected)


def test_several_deadlines_in_order():
    text = (
        "Sở Tài chính trình trước ngày 30/4/2024; hoàn thành trong quý II/2024; báo cáo trước ngày 20 "
        "hằng tháng và tổng kết trong năm 2024."
    )
    found = find_deadlines(text, year=2024)
    assert [(m.text, m.kind) for m in found] == [
        ("trước ngày 30/4/2024", "before_date"),
        ("trong quý II/2024", "in_quarter"),
        ("trước ngày 20 hằng tháng", "recurring"),
        ("trong năm 2024", "in_year"),
    ]


def test_field_order_is_part_of_the_api():
    # timing.py rebuilds matches positionally.
    match = DeadlineMatch(1, 2, "x", None, "monthly", "recurring")
    assert (match.start, match.end, match.text, match.date, match.recurrence, match.kind) == (
        1,
        2,
        "x",
        None,
        "monthly",
        "recurring",
    )


# --- The data file ------------------------------------------------------------------------------
RULES = load_data()["rule"]


@pytest.mark.parametrize("rule", RULES, ids=[r["kind"] for r in RULES])
def test_every_data_example(rule):
    found = find_deadlines(rule["example"], year=rule.get("year"), doc_date=rule.get("doc_date"))
    assert len(found) == 1, found
    match = found[0]
    assert match.kind.startswith(rule["kind"])
    assert match.date == rule.get("expect")
    assert match.recurrence == rule.get("recurrence")
    if "text" in rule:
        assert match.text == rule["text"]


def test_every_rule_has_an_example_and_a_known_shape():
    shapes = {"date", "month", "quarter", "year", "year_span", "relative", "recurring", "tet", "duration"}
    for rule in RULES:
        assert rule["shape"] in shapes and rule["triggers"] and rule["example"], rule["kind"]
        assert ("expect" in rule) != ("recurrence" in rule), rule["kind"]
        assert rule.get("part", "whole") in {"whole", "end", "before", "early", "mid"}, rule["kind"]


# --- Properties ---------------------------------------------------------------------------------
def _check(text, **context):
    found = find_deadlines(text, **context)
    for match in found:
        assert text[match.start : match.end] == match.text
        assert match.text == match.text.strip() and match.text
    assert all(a.end <= b.start for a, b in pairwise(found))
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    _check(text, doc_date=SIGNED)


PIECES = [
    "trước ngày ",
    "trước ",
    "đến ",
    "đến hết ",
    "chậm nhất ",
    "trong vòng ",
    "trong thời hạn ",
    "trong ",
    "cuối ",
    "đầu ",
    "quý ",
    "Qúy ",
    "II",
    "IV",
    "tháng ",
    "năm ",
    "nay",
    "ngày ",
    "30/6/2024",
    "31/2",
    "15",
    "12",
    "/",
    ".",
    "-",
    " ",
    "\n",
    "hằng tháng",
    "hàng tuần",
    "thứ Sáu ",
    "làm việc ",
    "kể từ ngày ký",
    "kể từ ngày ",
    "6 tháng đầu năm ",
    "2024",
    "24",
    "16h00 ",
    "(mười lăm) ",
    "mười ",
    "từ ",
    "tính ",
    "İ",
    "٣",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=14),
    st.sampled_from([None, 1999, 2024]),
    st.sampled_from([None, SIGNED, D(9999, 12, 30), D(1, 1, 1)]),
)
def test_deadline_like_text(pieces, year, signed):
    _check("".join(pieces), year=year, doc_date=signed)
