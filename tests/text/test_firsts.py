import random
import re

import pytest

from chidao.extract.agency_words import _FALSE_HEAD, _OFFICIAL, _PLACE_AGENCY, _PLURAL, _head_firsts, _opener_firsts
from chidao.extract.registry import registry
from chidao.text.firsts import first_chars


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"abc", "a"),
        (r"(?:các|những)\s+", "cn"),
        (r"[Tt]ỉnh|[Pp]hường", "TtPp"),
        (r"(?<![\w])(?:x|y)z", "xy"),  # a lookbehind opens no match
        (r"(?:a?b)+c", "ab"),  # an optional item lets the next one open the match
        (r"[a-c]d", "abc"),
        (r"(?=q)qu", "q"),
    ],
)
def test_the_first_characters_of_a_pattern(pattern, chars):
    assert first_chars(re.compile(pattern)) == frozenset(chars)


@pytest.mark.parametrize("pattern", [r"a?", r"\s*x", r"\w+", r".x", r"[^a]b", r"(?i)abc", r"(?i:a)b", r"(a?)\1b"])
def test_patterns_it_cannot_tell_are_refused(pattern):
    """Empty matches, categories, any character, negated classes, ignored case, back references."""
    with pytest.raises(ValueError):
        first_chars(re.compile(pattern))


def test_no_match_starts_outside_the_set():
    """The gate is exact: wherever the first character is outside the set, the pattern fails."""
    reg = registry()
    on_key, on_text = _opener_firsts()
    bodies, fields = _head_firsts()
    checked = [
        (_FALSE_HEAD, first_chars(_FALSE_HEAD)),
        (_PLURAL, first_chars(_PLURAL)),
        (_PLACE_AGENCY, first_chars(_PLACE_AGENCY)),
        (_OFFICIAL, first_chars(_OFFICIAL)),
        (reg.body_re, bodies),
        (reg.field_re, fields),
        (reg.heads, reg.firsts["heads"]),  # the registry's own sets agree with the parser
    ]
    assert first_chars(reg.heads) == reg.firsts["heads"]
    assert on_key and on_text
    rng = random.Random(3)
    words = ["các sở", "Tỉnh Lâm Đồng", "ông Nguyễn Văn A, ", "báo cáo", "sở y tế", "Bộ Công Thương", "xã Tân"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(4))
        for pos in range(len(text)):
            for pattern, chars in checked:
                if text[pos] not in chars:
                    assert pattern.match(text, pos) is None, (pattern.pattern[:40], text, pos)
