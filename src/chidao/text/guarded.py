"""Regexes that open with a lookbehind guard, searched as fast as plain ones.

``re`` skips ahead to the characters a pattern can start with only when the pattern opens with
them. One that opens with a guard such as ``(?<![\\w])`` (the start of a word) is tried at every
position of the text instead, which costs about 25 ns a character: 10-15 µs a clause for the
assignment verbs, the recurrence words or the deadline cue words, run on every clause.

``guarded`` compiles such a pattern together with a scout, the same pattern without its opening
lookbehinds, which the engine can skip through fast. The whole pattern is tried only where the
scout matches; since it can match nowhere else, the results are the whole pattern's, match for
match (a lookbehind sees the text before ``pos``, so the guard is checked as a plain search would).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

# One or more lookbehinds, "(?<![\w])(?<!về )", at the very start of a pattern.
_OPENING_GUARDS = re.compile(r"(?:\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()\[\]\\])*\))+")


class Guarded:
    """A compiled pattern that opens with lookbehinds; ``search`` and ``finditer`` as ``re``'s."""

    __slots__ = ("_scout", "_whole", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        guards = _OPENING_GUARDS.match(pattern)
        self.pattern = pattern
        self._whole = re.compile(pattern, flags)
        self._scout = re.compile(pattern[guards.end() :] if guards else pattern, flags)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._whole.match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        scout, whole = self._scout, self._whole
        while True:
            candidate = scout.search(string, pos, endpos)
            if candidate is None:
                return None
            found = whole.match(string, candidate.start(), endpos)
            if found is not None:
                return found
            pos = candidate.start() + 1

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right (the guarded patterns never match empty)."""
        while True:
            found = self.search(string, pos, endpos)
            if found is None:
                return
            yield found
            pos = found.end() if found.end() > found.start() else found.end() + 1


def guarded(pattern: str, flags: int = 0) -> Guarded:
    """Compile ``pattern``, which opens with lookbehinds, for fast ``search`` and ``finditer``."""
    return Guarded(pattern, flags)
