"""The cue patterns of the data files, the deadlines.toml way: every row carries an example that
its regex must find (and, when the row says, exactly what it must match)."""

import pytest

from chidao.data import check, data_files, load_toml
from chidao.extract.cues import CUE_FILES, compile_row, cue_regex, cues
from chidao.text import match_key

ROWS = [(name, row) for name in CUE_FILES for row in load_toml(name)["pattern"]]


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[f"{n}:{r['name']}" for n, r in ROWS])
def test_every_row_finds_its_example(name, row):
    key = row["example"] if row.get("cased") else match_key(row["example"])  # cased: the text as written
    found = compile_row(row).search(key)
    assert found is not None, (name, row["name"], row["example"])
    if "matched" in row:
        assert found.group(0) == row["matched"], (name, row["name"])


def test_every_file_of_patterns_is_a_cue_file_and_read_by_name():
    with_patterns = {name for name in data_files() if "pattern" in load_toml(name)}
    assert with_patterns == set(CUE_FILES)
    for name in CUE_FILES:
        assert set(cues(name)) == {row["name"] for row in load_toml(name)["pattern"]}


def test_a_pattern_without_its_example_or_named_twice_is_refused():
    rows = [{"name": "a", "regex": "giao"}, {"name": "a", "regex": "giao", "example": "giao"}]
    problems = check("task_cues.toml", {"pattern": rows})
    assert any("pattern[0]: no example" in p for p in problems)
    assert any("the name 'a' twice" in p for p in problems)
    day = {"recurrence": ["monthly"], "pattern": "ngày", "code": "{d}", "example": "ngày 5"}
    assert any("day[0]: no expect" in p for p in check("recurring_days.toml", {"day": [day]}))


@pytest.mark.parametrize(
    ("words", "phrase"),
    [
        ("assign", "Giao Sở Nội vụ chủ trì"),
        ("assign", "Ủy quyền cho Giám đốc Sở Tài chính ký"),
        ("assign", "Đề nghị Công an tỉnh phối hợp"),
        ("coordinate", "phối hợp với Sở Y tế"),
        ("coordinate", "phối với Sở Y tế"),
        ("coordinate", "thống nhất với Sở Y tế"),
        ("coordinate", "cùng với Sở Y tế"),
        ("coordinate", "làm việc với Sở Y tế"),
        ("lead_then", "Sở Y tế chủ trì, Sở Tài chính phối hợp"),
        ("past", "Sở A đã hoàn thành"),
        ("past", "Sở A vừa ban hành"),
        ("past", "Sở A đang triển khai"),
    ],
)
def test_the_prefilter_words_stand_for_their_patterns(words, phrase):
    """A clause without one of the [prefilter] words is not searched: every match holds one."""
    cue = {"lead_then": "lead_then_coordinate", "past": "past_or_ongoing"}.get(words, words)
    found = cues("assignment_cues.toml")[cue].search(match_key(phrase))
    assert found is not None, phrase
    assert any(word in found.group(0) for word in load_toml("assignment_cues.toml")["prefilter"][words])


def test_every_closing_holds_a_prefilter_word():
    """A text without one of task_cues.toml's [prefilter] words is not searched for a closing."""
    row = next(row for row in load_toml("task_cues.toml")["pattern"] if row["name"] == "closing_any")
    found = cues("task_cues.toml")["closing_any"].search(match_key(row["example"]))
    assert any(word in found.group(0) for word in load_toml("task_cues.toml")["prefilter"]["closing_any"])


def test_a_cue_spliced_into_a_grammar_is_its_regex_text():
    assert cue_regex("deadline_cues.toml", "quarter_word") == cues("deadline_cues.toml")["quarter_word"].pattern
    with pytest.raises(KeyError, match="no cue 'nosuch'"):
        cue_regex("deadline_cues.toml", "nosuch")
    with pytest.raises(ValueError, match="guarded"):
        cue_regex("assignment_cues.toml", "assign")


@pytest.mark.parametrize(
    ("issuer", "lead"),
    [
        ("CHÍNH PHỦ", "Chính phủ"),
        ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh"),
        ("UỶ BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố"),
        ("UBND TỈNH ĐỒNG NAI", "Ủy ban nhân dân tỉnh"),
        ("VĂN PHÒNG UBND TỈNH", None),
        ("SỞ Y TẾ", None),
    ],
)
def test_the_issuer_is_named_as_a_lead_with_the_words_of_layout_toml(issuer, lead):

    from chidao.extract.issuer_keys import issuer_key
    from chidao.extract.registry import phrase_key

    assert issuer_key(issuer) == (phrase_key(lead) if lead else None)
