import random

import pytest

from chidao.text.occurrences import Occurrences


def test_within_is_find_over_the_words():
    rng = random.Random(7)
    words = ("ab", "b", "aba", "c a", "./.")
    for _ in range(200):
        text = "".join(rng.choice("abc ./") for _ in range(rng.randint(0, 40)))
        found = Occurrences(text, words)
        for start in range(len(text) + 1):
            for end in range(len(text) + 1):
                expected = any(text.find(word, start, end) >= 0 for word in words)
                assert found.within(start, end) == expected, (text, start, end)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        Occurrences("text", ["", "x"])
