"""The characters a pattern's match can start with, to rule a position out before ``re`` runs.

A call of ``Pattern.match`` costs a few hundred nanoseconds even when the first character already
fails, as many times as a set lookup. The agency reader asks most of its patterns at positions
where they fail that way ("các", "những" at a capital; "thành phố", "tỉnh" at "sở"):
``key[pos:pos + 1] in first_chars(pattern)`` is false wherever the pattern cannot match at
``pos``, so the match is tried only where it may hold, and its result is the same.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_WIDEST_RANGE = 512  # a class wider than this ("[^...]", "[a-ỹ]") is no use as a gate


def first_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    """Every character a match of ``pattern`` can start with.

    Raises ValueError for a pattern whose first characters this cannot list: one that may match
    the empty string (a match needs no character at all), ignores case, or may open with a
    class by category (``\\w``, ``\\s``), any character (``.``) or a negated or very wide class.
    Lookarounds open no match: the characters after them are listed (a superset, which is safe).
    """
    if pattern.flags & re.IGNORECASE:
        raise ValueError(f"{pattern.pattern!r} ignores case")
    chars, empty = _sequence(list(_p.parse(pattern.pattern, pattern.flags)))
    if empty:
        raise ValueError(f"{pattern.pattern!r} may match the empty string")
    return frozenset(chars)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The first characters of a sequence of items, and whether the whole may be empty."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class(av), False
    if op is _c.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in av[1]:
            more, may_be_empty = _sequence(list(alternative))
            chars |= more
            empty = empty or may_be_empty
        return chars, empty
    if op is _c.SUBPATTERN:
        _, add_flags, _, inner = av
        if add_flags & re.IGNORECASE:
            raise ValueError("a group ignores case")
        return _sequence(list(inner))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in _REPEATS:
        low, _, inner = av
        chars, empty = _sequence(list(inner))
        return chars, empty or low == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise ValueError(f"cannot list the first characters of {op}")


def _class(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            raise ValueError(f"a class with {op} {av}")
    return chars
