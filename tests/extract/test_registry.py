"""The trie-shaped alternation matches as the flat alternation of its phrases, longest first."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.registry import _phrase_pattern, alternation, registry

# Few letters, spaces and punctuation: phrases share prefixes and texts hold them often.
_PHRASE = st.text(alphabet="ab (-)&", min_size=1, max_size=8).filter(lambda p: p.strip(" ") != "")
_TEXT = st.text(alphabet="ab (-)&c", max_size=24)


def _flat(phrases):
    unique = sorted({_phrase_pattern(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(unique) + r")(?![\w&])")


def _spans(pattern, text):
    return [
        (m.span() if (m := pattern.match(text, pos, end)) else None)
        for pos in range(len(text) + 1)
        for end in range(pos, len(text) + 1)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASE, min_size=1, max_size=8), _TEXT)
def test_alternation_matches_as_the_flat_one(phrases, text):
    phrases = [p for p in phrases if re.search(r"[\w&]|[^\w\s]", p)]
    if not phrases:
        return
    assert _spans(alternation(phrases), text) == _spans(_flat(phrases), text)


def test_registry_names_match_as_flat():
    reg = registry()
    assert reg.heads.match("ủy ban nhân dân tỉnh").group(0) == "ủy ban nhân dân"
    flat = _flat(list(reg.bodies))
    for name in reg.bodies:
        assert reg.body_re.fullmatch(name) is not None
        assert reg.body_re.match(name + " x").span() == flat.match(name + " x").span()


def test_firsts_hold_every_first_character():
    reg = registry()
    for name, phrases in reg.grammar.items():
        pattern = getattr(reg, name, None) if name != "vague_words" else reg.vague_re
        for phrase in phrases:
            key = " ".join(re.findall(r"[\w&]+|[^\w\s]", phrase.lower()))
            assert key[:1] in reg.firsts[name] or pattern is None or not pattern.match(key), (name, phrase)
