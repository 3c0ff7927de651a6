"""Groups named with their members are found as one pattern's ``finditer`` would find them."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.agency_words import _COMMITTEES, _NAMED_GROUP_REST, _named_groups

_WHOLE = re.compile(rf"(?:{'|'.join(_COMMITTEES)})" + _NAMED_GROUP_REST)
_PIECES = ["ubnd", "ủy ban nhân dân", "các", "những", "tỉnh", "thành phố", "xã", ",", ":", " ", "\n", "Hà", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_named_groups_as_finditer(pieces):
    key = "".join(pieces)
    assert [m.span() for m in _named_groups(key)] == [m.span() for m in _WHOLE.finditer(key)]


def test_named_groups_in_a_sentence():
    key = "đề nghị ubnd các tỉnh, thành phố: Hà Nội và ủy ban nhân dân các xã Tân An"
    assert [m.group(0) for m in _named_groups(key)] == ["ubnd các tỉnh, thành phố: ", "ủy ban nhân dân các xã "]
