import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.text import fold, match_key, normalize
from chidao.text.fold import tone_spellings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("### **Kết luận**  của  UBND", "Kết luận của UBND"),
        ("STT\t \tNội dung\tĐơn vị chủ trì", "STT\t\tNội dung\tĐơn vị chủ trì"),  # cells stay apart, empty ones too
        ("a\r\nb", "a\nb"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("  thụt đầu dòng  \n", "thụt đầu dòng\n"),
        ("(*trên cả 05 trụ cột*)", "(trên cả 05 trụ cột)"),
        ("- mục *nghiêng* đây", "- mục nghiêng đây"),
        ("\u00a0Số:\u200b 12/TB", "Số: 12/TB"),
        ("* gạch đầu dòng", "* gạch đầu dòng"),  # a star bullet is kept
    ],
)
def test_normalize_cleans_layout_noise(raw, expected):
    assert normalize(raw).text == expected


def test_normalize_produces_nfc_and_maps_back_to_raw():
    raw = unicodedata.normalize("NFD", "  Đắk Nông  **Thông báo**")
    result = normalize(raw)
    assert result.text == "Đắk Nông Thông báo"
    assert unicodedata.is_normalized("NFC", result.text)
    start = result.text.index("Thông")
    raw_start, raw_end = result.raw_span(start, start + len("Thông báo"))
    assert unicodedata.normalize("NFC", raw[raw_start:raw_end]) == "Thông báo"


def test_offsets_point_at_the_same_characters():
    raw = "Giao  **Sở Nội vụ**\t chủ trì\r\n\r\n\r\nphối hợp"
    result = normalize(raw)
    for i, char in enumerate(result.text):
        if not char.isspace():
            assert raw[result.to_raw(i)] == char


@pytest.mark.parametrize(
    ("a", "b"),
    [("Uỷ ban", "Ủy ban"), ("hoà bình", "hòa bình"), ("KHOẺ", "khỏe"), ("Thuỷ", "thủy")],
)
def test_match_key_ignores_tone_placement(a, b):
    assert match_key(a) == match_key(b)
    assert len(match_key(a)) == len(a)


def test_match_key_keeps_diacritics_apart():
    assert match_key("năm") != match_key("nam")
    assert match_key("Bộ") != match_key("bỏ")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ouqaeyQOU àáảãạèéẻẽẹỳýỷỹỵòóủụ.,", max_size=16))
def test_match_key_moves_tones_as_one_class_pattern_would(text: str) -> None:
    # match_key runs one pattern per first letter ("o", "u"), which re skips to fast; the
    # result must be that of the single "[ou]" pattern it replaced.
    import re

    from chidao.text.fold import _TONE_PAIRS, lower

    one = re.compile("[ou](?<!q[ou])[àáảãạèéẻẽẹỳýỷỹỵ](?![a-zà-ỹ])")
    assert match_key(text) == one.sub(lambda m: _TONE_PAIRS.get(m.group(0), m.group(0)), lower(text))


@pytest.mark.parametrize(("text", "folded"), [("Đắk Nông", "dak nong"), ("chuyển đổi số", "chuyen doi so")])
def test_fold_strips_diacritics_and_keeps_length(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="  \t\n\r*_#\u00a0\u200b\u3000ab.X", max_size=24))
def test_edits_are_found_as_a_plain_search_finds_them(raw: str) -> None:
    from chidao.text.normalize import _EDITS, _edits

    def plain_break(m):  # a line break between two words: kept as it is, not looked at
        before, after = raw[m.start() - 1 : m.start()], raw[m.end() : m.end() + 1]
        return m.group(0) in ("\n", "\n\n") and before != " " and after not in ("#", "\r")

    found = list(_EDITS.finditer(raw))
    first = 2 if found and found[0].end() == 0 else 1  # the first match or two come from finditer itself
    expected = [(m.span(), m.lastgroup) for i, m in enumerate(found) if i < first or not plain_break(m)]
    assert [(m.span(), m.lastgroup) for m in _edits(raw)] == expected


@pytest.mark.parametrize(
    ("word", "spellings"),
    [
        ("Đảng ủy", ("Đảng ủy", "Đảng uỷ")),
        ("Ủy ban", ("Ủy ban", "Uỷ ban")),
        ("CỘNG HÒA", ("CỘNG HÒA", "CỘNG HOÀ")),
        ("khỏe", ("khỏe", "khoẻ")),
        ("quý", ("quý",)),  # "qu" is no "uy" pair
        ("Thành phố", ("Thành phố",)),
        ("thuỷ", ("thuỷ",)),  # already the old placement
    ],
)
def test_tone_spellings_adds_the_old_tone_placement(word, spellings):
    assert tone_spellings(word) == spellings
    assert {match_key(s) for s in spellings} == {match_key(word)}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ae\u0301\u0323\u0302\u0306\n \u1ea1ê\u00c5", max_size=40), st.integers(1, 6))
def test_nfc_is_checked_piece_by_piece_as_a_whole(raw: str, chunk: int) -> None:
    # _is_nfc cuts the text before line breaks (a normalization boundary); small pieces here
    # put cuts everywhere a line break allows.
    import unicodedata

    from chidao.text.normalize import _is_nfc

    assert _is_nfc(raw, chunk) == unicodedata.is_normalized("NFC", raw)
