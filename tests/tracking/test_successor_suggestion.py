"""The suggested successor of a split agency's task, read from its text: each row of
``agency_duties.toml`` carries a task sentence that must go to its field's body, and a table of
sentences written for the rule's corners (ties, the old body's own name, diacritics)."""

from __future__ import annotations

import pytest

from chidao.data import load_toml
from chidao.tracking.successor_suggestion import duty_phrases, suggest

OLD = ["Sở Thông tin và Truyền thông", "Sở TT&TT"]
SCIENCE, CULTURE = "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"
ROWS = load_toml("agency_duties.toml")["duties"]


@pytest.mark.parametrize("row", ROWS, ids=[row["field"] for row in ROWS])
def test_every_duty_row_s_example_goes_to_its_body(row):
    for head in ("Sở", "Bộ"):
        ours, theirs = f"{head} {row['field']}", f"{head} {row['against']}"
        for order in ([ours, theirs], [theirs, ours]):  # whichever the decision names first
            hint = suggest(row["example"], order, OLD)
            assert order[hint.index] == ours and hint.score > 0, (order, hint)


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        # no duty word at all: the successor named first (it takes the main duties)
        ("Giao Sở Thông tin và Truyền thông chủ trì tổng kết công tác năm 2024.", SCIENCE, ()),
        # the old body's name holds "thông tin", "truyền thông": never counted
        ("Sở TT&TT báo cáo UBND tỉnh về công tác thông tin.", SCIENCE, ()),
        # a three-syllable phrase outweighs a two-syllable one
        ("Tuyên truyền về chuyển đổi số trên địa bàn.", SCIENCE, ("chuyển đổi số",)),
        # the successor's own name words count ("Du lịch"), written with the other tone placement
        ("Xây dựng kế hoạch phát triển du lịch, văn hoá cộng đồng.", CULTURE, ("du lịch", "văn hóa")),
        ("Quản lý hoạt động báo chí, xuất bản.", CULTURE, ("báo chí", "xuất bản")),
    ],
)
def test_the_rule_s_corners(text, expected, words):
    hint = suggest(text, [SCIENCE, CULTURE], OLD)
    assert [SCIENCE, CULTURE][hint.index] == expected and set(hint.words) == set(words)


def test_a_body_without_a_duty_row_is_scored_on_its_name_and_generic_words_never_count():
    assert duty_phrases("Ban Quản lý Khu kinh tế tỉnh") == ("Quản lý Khu kinh tế",)
    assert {"văn hóa", "thể thao", "du lịch"} <= {p.lower() for p in duty_phrases(CULTURE)}
    assert duty_phrases("Ủy ban nhân dân tỉnh") == ()
    hint = suggest("Rà soát quỹ đất trong khu kinh tế.", ["Sở Tài chính", "Ban Quản lý Khu kinh tế tỉnh"], OLD)
    assert hint.index == 0  # "khu kinh tế" alone is not the whole phrase "quản lý khu kinh tế"


def test_the_suggestion_is_deterministic():
    text = "Triển khai nền tảng chính quyền số và quản lý báo chí."
    first = suggest(text, [CULTURE, SCIENCE], OLD)
    assert all(suggest(text, [CULTURE, SCIENCE], OLD) == first for _ in range(3))
