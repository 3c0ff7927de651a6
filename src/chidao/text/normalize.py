"""Raw text → normalized text with a map back to the raw offsets.

Normalization is what every later layer relies on: Unicode NFC, one kind of
space (a tab inside a line stays one tab: it separates table cells), no
markdown emphasis or heading hashes (portal copies of notices carry
them, e.g. the seeds' ``### **Kết luận ...**``), at most one blank line.
Line breaks are kept: the layout layer reads them.

The map is a list of copied segments, so it costs memory in the number of
edits, not in the length of the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

_SPACE = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000\\f\\v]"
_EDITS = re.compile(
    r"(?=[\r\n\t*_#\u00a0\u2000-\u200d\u2060\ufeff\u00ad\u202f\u205f\u3000\f\v]| [ \t\r\n]| \Z|\A)(?:"
    + "|".join(
        [
            r"(?P<crlf>\r(?!\n))",
            r"(?P<invisible>[\u200b-\u200d\u2060\ufeff\u00ad])",
            rf"(?P<eol>{_SPACE}*\r?\n(?:{_SPACE}*\r?\n)*{_SPACE}*(?:#{{1,6}}{_SPACE}+)?)",
            rf"(?P<bol>\A{_SPACE}*(?:#{{1,6}}{_SPACE}+)?)",
            rf"(?P<eot>{_SPACE}+\Z)",
            r"(?P<strong>\*\*+|__+)",
            r"(?P<em>(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*]))",
            rf"(?P<spaces>{_SPACE}{{2,}}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v])",
        ]
    )
    + ")"
)
# Where an edit can start, apart from the very start: a character the lookahead of ``_EDITS``
# names, or a space before whitespace or the end. ``_EDITS`` opens with that lookahead, so its
# own search tries every position; this class lets ``re`` skip ahead, and spaces (a quarter of
# Vietnamese text) are looked at only in pairs or before a line break or a tab. A line break, or
# two, is looked at only after a space or before whitespace or "#": any other ("\n" between two
# words, "\n\n" between two paragraphs: most of them) is an "eol" that is kept as it is. The two
# are searched apart: ``re`` skips through text fastest for one class, or for one literal.
_EDIT_CHAR = re.compile(r"[\r\t*_#\u00a0\u2000-\u200d\u2060\ufeff\u00ad\u202f\u205f\u3000\f\v]")
_EDIT_BREAK = re.compile(rf"\n(?:(?=[\r#]|{_SPACE})|(?=\n(?:[\r\n#]|{_SPACE}))|(?<= \n))")


def _edits(nfc: str) -> Iterator[re.Match[str]]:
    """The matches of ``_EDITS.finditer(nfc)``, found faster, but for the plain line breaks (a
    "\n" or "\n\n" token after no space and before no whitespace or "#"), kept as they are.

    The first one or two come from ``finditer`` itself (at the start an empty match may be
    followed by another at the same place). After them no match is empty, so each next one
    starts at the first candidate after the previous end where the whole pattern matches.
    """
    matches = _EDITS.finditer(nfc)
    match = next(matches, None)
    if match is not None and match.end() == 0:
        yield match
        match = next(matches, None)
    double = -1  # where the next two spaces are, once looked for
    char = brk = -1  # where the next edit character and line break are, once looked for
    trailing = len(nfc) - 1 if nfc.endswith(" ") else -1
    while match is not None:
        yield match
        pos = match.end()
        match = None
        while match is None:
            if double < pos:
                double = nfc.find("  ", pos)
                double = len(nfc) if double < 0 else double
            if char < pos:
                found = _EDIT_CHAR.search(nfc, pos)
                char = found.start() if found else len(nfc)
            if brk < pos:
                found = _EDIT_BREAK.search(nfc, pos)
                brk = found.start() if found else len(nfc)
            at = min(char, brk)
            if at > pos and nfc[at - 1] == " " and nfc[at : at + 1] in ("\t", "\r", "\n"):
                at -= 1  # " \n": the space is where the edit starts
            at = min(at, double, trailing if trailing >= pos else len(nfc))
            if at >= len(nfc):
                return
            match = _EDITS.match(nfc, at)
            pos = at + 1


@dataclass(frozen=True)
class NormalizedText:
    """Normalized ``text`` plus the offsets of ``raw`` it came from.

    Segments map normalized offsets to offsets in the NFC form of ``raw``;
    ``_nfc_map`` (only when NFC changed something) maps those to ``raw``.
    """

    text: str
    raw: str
    _norm_starts: list[int] = field(repr=False)
    _raw_starts: list[int] = field(repr=False)
    _nfc_map: tuple[list[int], list[int]] | None = field(default=None, repr=False)

    def to_raw(self, index: int) -> int:
        """Offset in ``raw`` of the character at ``index`` in ``text`` (or the end)."""
        if index >= len(self.text):
            return len(self.raw)
        seg = bisect.bisect_right(self._norm_starts, index) - 1
        nfc_index = self._raw_starts[seg] + (index - self._norm_starts[seg])
        if self._nfc_map is None:
            return nfc_index
        starts, raws = self._nfc_map
        k = bisect.bisect_right(starts, nfc_index) - 1
        return min(raws[k] + (nfc_index - starts[k]), len(self.raw)) if k >= 0 else 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"  # combining marks
# A run of marks: what ``re`` skips ahead to, where a cluster's pattern, which opens with any
# character but a mark, is tried at every position of the text.
_MARK_RUN = re.compile(f"[{_MARKS}]+")


class _Builder:
    """Builds an output string piece by piece, remembering where each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.out_starts: list[int] = []
        self.src_starts: list[int] = []
        self.length = 0

    def add(self, piece: str, src: int) -> None:
        """Append ``piece``, which starts at offset ``src`` of the source."""
        if piece:
            self.out_starts.append(self.length)
            self.src_starts.append(src)
            self.parts.append(piece)
            self.length += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


def _clusters(raw: str) -> Iterator[tuple[int, int]]:
    """The spans of ``[^marks][marks]+`` in ``raw``, left to right, not overlapping: each run of
    marks with the character before it (a run is as long as it goes, so that character is no
    mark; a run at the very start has none and is no cluster)."""
    for run in _MARK_RUN.finditer(raw):
        if run.start() > 0:
            yield run.start() - 1, run.end()


_CHUNK = 2048  # characters of text checked at once by ``_is_nfc``, give or take a line


def _is_nfc(raw: str, chunk: int = _CHUNK) -> bool:
    """``unicodedata.is_normalized("NFC", raw)``, checked a few lines at a time.

    ``is_normalized`` answers at once for most text, but at a combining mark it cannot, and then
    normalizes the whole text to compare: a millisecond for a notice with one decomposed letter
    (PDF copies have them), where the lines around the mark would do. A line break is a
    normalization boundary (nothing composes or reorders across it), so the text is normalized if
    and only if each piece cut just before a line break is.
    """
    pieces = []
    pos, size = 0, len(raw)
    while pos < size:
        cut = raw.find("\n", pos + chunk)
        if cut < 0:
            cut = size
        pieces.append(raw[pos:cut])
        pos = cut
    return all(map(_NFC_CHECK, pieces))


_NFC_CHECK = partial(unicodedata.is_normalized, "NFC")


def _nfc_with_map(raw: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """NFC text and, when NFC changed anything, a segment map from NFC offsets to raw offsets.

    Only base-plus-combining-mark clusters can change, so only they are normalized; each
    character of a composed cluster maps to its own segment.
    """
    if _is_nfc(raw):
        return raw, None
    built = _Builder()
    pos = 0
    for start, end in _clusters(raw):
        built.add(raw[pos:start], pos)
        cluster = unicodedata.normalize("NFC", raw[start:end])
        for i, char in enumerate(cluster):
            built.add(char, start if i == 0 else end - 1)
        pos = end
    built.add(raw[pos:], pos)
    return built.text(), (built.out_starts, built.src_starts)


# Tokens that ``_replacement`` gives back unchanged whatever their kind: only a line break or two
# ("eol") or the empty start ("bol") can be these.
_KEPT = frozenset({"", "\n", "\n\n"})


def _replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    token = match.group(0)
    if kind == "crlf":
        return "\n"
    if kind == "eol":
        return "\n\n" if token.count("\n") > 1 else "\n"
    if kind == "spaces":
        # A tab inside a line separates cells (a table or a header laid out in columns, copied
        # from Word): tabs are kept, every one, so that an empty cell ("\t\t") still counts;
        # the spaces around them go.
        return "\t" * token.count("\t") if "\t" in token else " "
    return ""


def normalize(raw: str) -> NormalizedText:
    """Return the normalized form of ``raw`` with its offset map."""
    nfc, origin = _nfc_with_map(raw)
    built = _Builder()
    pos = 0
    for match in _edits(nfc):
        token = match.group(0)
        if token in _KEPT:
            continue  # most matches: a plain line break, nothing to edit
        rep = _replacement(match)
        if rep == token:
            continue
        built.add(nfc[pos : match.start()], pos)
        built.add(rep, match.start())
        pos = match.end()
    built.add(nfc[pos:], pos)
    text = built.text()
    norm_starts, src_starts = built.out_starts or [0], built.src_starts or [0]
    return NormalizedText(text, raw, norm_starts, src_starts, origin)
