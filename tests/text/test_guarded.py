"""``guarded`` patterns find exactly what the plain compiled pattern finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.text.guarded import guarded

PATTERNS = [
    r"(?<![\w])(?:giao|đề nghị|yêu cầu)\s+",
    r"(?<![\w])(?<!về )(?<!các )(?:giao(?: cho)?|đề nghị)\s+(?!của\b)",
    r"(?<![\w])(?:đã|vừa|đang)(?![\w])",
    r"(?<![\w])dự kiến(?![\w])[^.;,]{0,30}$",
    r"(?<=[ab])c+",
]
TEXT = st.text(alphabet="giao đề nghị yêu cầu về các của cho đã vừa dự kiến abc.,;\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, pos=st.integers(0, 60), end=st.integers(0, 70))
def test_same_matches_as_re(text: str, pos: int, end: int) -> None:
    for pattern in PATTERNS:
        plain, fast = re.compile(pattern), guarded(pattern)
        assert [m.span() for m in fast.finditer(text, pos, end)] == [m.span() for m in plain.finditer(text, pos, end)]
        found, expected = fast.search(text, pos, end), plain.search(text, pos, end)
        assert (found and found.span()) == (expected and expected.span())
        assert (fast.match(text, pos) and fast.match(text, pos).span()) == (
            plain.match(text, pos) and plain.match(text, pos).span()
        )


def test_guard_sees_before_pos() -> None:
    """As with ``re``, a lookbehind looks at the text before ``pos``."""
    assert guarded(r"(?<![\w])giao").search("xgiao giao", 1).start() == 6
