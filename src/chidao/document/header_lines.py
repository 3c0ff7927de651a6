"""The lines of a document's first part, split only as far as the header reader reads them."""

from __future__ import annotations

from collections.abc import Iterator


def clean_line(line: str) -> str:
    """A line without its spaces and the "*" and "#" a Markdown copy puts around it."""
    return line.strip().strip("*#").strip()


class Lines:
    """The lines of a text with their offsets, split only as far as they are read: the header is
    in the first few thousand characters, and a notice may be far longer."""

    _CHUNK = 4096  # characters split at a time (whole lines): the header is read from 3000

    __slots__ = ("_lines", "_next", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[tuple[int, str]] = []
        self._next = 0  # where the lines not split yet start; -1 when there are none

    def has(self, i: int) -> bool:
        """Whether the text has a line ``i`` (counted from 0)."""
        while i >= len(self._lines) and self._next >= 0:
            self._split_more()
        return i < len(self._lines)

    def __getitem__(self, i: int) -> tuple[int, str]:
        if not self.has(i):
            raise IndexError(i)
        return self._lines[i]

    def up_to(self, i: int, j: int) -> list[tuple[int, str]]:
        """Lines ``i`` to ``j - 1``, those of them that there are."""
        self.has(j - 1)
        return self._lines[i:j]

    def __iter__(self) -> Iterator[tuple[int, str]]:
        i = 0
        while self.has(i):
            j = len(self._lines)
            yield from self._lines[i:j]  # the lines split so far, then the next ones
            i = j

    def _split_more(self) -> None:
        start = self._next
        cut = self._text.find("\n", start + self._CHUNK)
        pos = start
        for line in self._text[start : cut if cut >= 0 else len(self._text)].split("\n"):
            self._lines.append((pos, line))
            pos += len(line) + 1
        self._next = cut + 1 if cut >= 0 else -1
