"""Where a few literal words occur in one document, to ask of many spans whether they hold one.

The rules ask of every clause whether it holds a cue word before they try a costly pattern
("biết", "thông báo" before the closing formulas; "hằng", "mỗi" before the recurrence pattern;
a digit, "năm", "tháng" before the deadline grammar). ``key.find(word, start, end)`` for each
word costs a microsecond or two a clause; an ``Occurrences`` finds the words once per document,
after which a span costs one bisection. Build one per document (never share one across texts).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class Occurrences:
    """Every occurrence of ``words`` in ``text``, overlapping ones included."""

    __slots__ = ("_first_end", "_starts")

    def __init__(self, text: str, words: Iterable[str]) -> None:
        found: list[tuple[int, int]] = []
        for word in set(words):
            if not word:
                raise ValueError("an empty word occurs everywhere")
            at = text.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = text.find(word, at + 1)
        found.sort()
        self._starts = [start for start, _ in found]
        # From each occurrence on (in order of start), the earliest end: a span [start, end) holds
        # a word if the first occurrence that starts in it, or one after it, ends by ``end``.
        self._first_end = list(accumulate(reversed([end for _, end in found]), min))[::-1]

    def within(self, start: int, end: int) -> bool:
        """Whether a word lies wholly in ``text[start:end]``: ``text.find(word, start, end) >= 0``
        for one of the words (``start`` and ``end`` within the text)."""
        i = bisect_left(self._starts, start)
        return i < len(self._starts) and self._first_end[i] <= end


def find_words(text: str, words: list[str]) -> tuple[int, int] | None:
    """Where ``words`` first stand in ``text`` one after another, parted by any whitespace (a
    title or a place wrapped or not, a blank line between): as ``re.search`` of the words joined
    by ``\\s+`` would find them, without building a pattern a document, which cost more than the
    search."""
    if not words:
        return None
    at = text.find(words[0])
    while at != -1:
        end = at + len(words[0])
        for word in words[1:]:
            gap = end
            while gap < len(text) and text[gap].isspace():
                gap += 1
            if gap == end or not text.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return at, end
        at = text.find(words[0], at + 1)
    return None

