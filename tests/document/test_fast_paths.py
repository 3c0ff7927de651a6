"""The layout's fast searches find exactly what the plain patterns find.

Several patterns of the layout open with "^" or a lookbehind, which ``re`` tries at every
position; the layout finds their matches from a plain string or a cheap pattern instead. These
tests hold each fast search to the plain one on token soups built to hit their edge cases.
"""

from __future__ import annotations

import random

import pytest

import chidao.document as layout
from chidao.document import header, paragraphs, people, table_flat, tables

_WORDS = [
    *["Thành phố", "TP.", "Tp.", "TP", "Thị xã", "Hà", "Nội", "Đà", "Nẵng", "Ab", "O’Reilly", "UBND", "x", "A"],
    *["ngày", "Ngày", "tháng", "năm", "12", "1", "05", "2024", "20245", "/", " / ", ",", " ,", "số", "Số 63/GM"],
    *["Sáng", "Chiều", "Tối", "Trưa", "xSáng", "PHỤ LỤC", "Phụ lục", "II", "IV", "tỉnh", "thành phố", "Tỉnh ủy"],
    *["Thành uỷ", "hành", "ỉnh", "Cao Bằng", "t", "T", "STT", "Stt", "TT", "Số TT", "số thứ tự", "Nội dung"],
    *[" ", " ", "  ", "\n", "\n\n", "\t", "\u2028", "(", "-", "- ", "1.", "a)", "\u00a0"],
]


def _date(rng: random.Random) -> str:
    """A date, whole or broken, with what may come before it: "Sáng ngày 12 tháng 5 năm 2024"."""
    return "".join(
        rng.choice(options)
        for options in (
            ["", " ", "\n", ", ", " ,", "x"],
            ["", "Sáng", "Chiều", "Tối", "xTrưa", "Hà Nội", "TP. Hà", "số 63/GM ", "(Thị xã Ab Cd"],
            ["", "", "Thành phố Hồ Chí Minh Ab Cd", "TP. Hà Nội Đà\nNẵng Ab", "Ab Cd Ef Gh Ij Kl"],
            ["", " ", "  ", "\n ", ", ", " ,"],
            ["ngày", "Ngày", "ngày ngày"],
            [" ", "  ", "", "\n"],
            ["12", "31", "1", ""],
            ["/", " / ", " tháng ", "tháng"],
            ["02", "5", "13", ""],
            ["/", " / ", " năm ", "năm"],
            ["2019", "2024", "202", "20245"],
        )
    )


def _soups(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", " "]).join(
            rng.choice(_WORDS) if rng.random() < 0.8 else _date(rng) for _ in range(rng.randint(0, 25))
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(3))
def test_place_date_starts_where_a_plain_search_finds_it(seed):
    for text in _soups(seed, 3000):
        plain = header._PLACE_DATE.search(text)
        fast = header._PLACE_DATE.search(text, header._place_date_bound(text))
        assert (fast and fast.span()) == (plain and plain.span()), text


@pytest.mark.parametrize("seed", range(3))
def test_meeting_dates_are_the_plain_matches(seed):
    for text in _soups(seed, 3000):
        plain = [m.span() for m in people._MEETING_DATE.finditer(text)]
        assert [m.span() for m in people._meeting_dates(text)] == plain, text


@pytest.mark.parametrize("seed", range(3))
def test_annex_and_localities_are_the_plain_matches(seed):
    for text in _soups(seed, 3000):
        start = len(text) // 3
        annex = layout._ANNEX.search(text, start)
        assert layout._annex_start(text, start) == (annex.start() if annex else len(text)), text
        plain = [(m.span(), m.groups()) for m in layout._LOCALITY.finditer(text)]
        assert [(m.span(), m.groups()) for m in layout._localities(text)] == plain, text


@pytest.mark.parametrize("seed", range(3))
def test_stt_lines_are_every_line_that_names_the_column(seed):
    for text in _soups(seed, 3000):
        lines = tables._lines(text, 0, len(text))
        plain = [s for s, e in lines if e - s <= 40 and table_flat.names_numbers(text[s:e])]
        assert table_flat.number_heads(text, 0, len(text)) == plain, text


def test_a_bare_marker_is_told_without_stripping_when_nothing_is_around_it():
    for line in ["1.", "1. ", " 1.", "I.", "a)", "2.1.", "- ", "-", "1. Sở", "(a)", "Một là,", "x"]:
        match = paragraphs._ANY_MARKER.match(line)
        stripped = line.strip()
        whole = paragraphs._ANY_MARKER.match(stripped)
        expected = whole is not None and whole.lastgroup not in paragraphs._BULLETS and whole.end() == len(stripped)
        assert paragraphs._bare_marker(line, match) is expected, line
