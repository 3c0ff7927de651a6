"""Names a document defines by heading a part with them or by naming a body short: "2. Phòng Tài chính doanh nghiệp",
"3. Phòng Quản lý giá và công sản" over the items each room is given (genre g441). A reader
cannot tell where such a name ends in running text ("Phòng Tài chính | doanh nghiệp ..."), but the
heading line holds the name alone, so the whole line is the name wherever the text uses it."""

from __future__ import annotations

import re

from chidao.extract.agency_words import _AND_WORD, _CUES

# A numbered or lettered line that holds a few words and perhaps a colon, nothing else.
_HEADING_NAME = re.compile(
    r"^[ \t]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+([^\n:;,.()]{6,90}?)[ \t]*:?[ \t]*$", re.MULTILINE
)
_MOST_WORDS = 5  # words of a name after what the reader reads
_SHORT_NAME = _CUES["short_name"]  # "(sau đây gọi tắt là Tổ công tác)" (genre g376, g445)


class DefinedReading:
    """The defined-name part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit`` and the name reader)."""

    _defined: dict[str, tuple[str, ...]]  # a name's first word → the names, longest first (AgencyReader sets it)

    def prime_defined(self) -> None:
        """Collect the names the document's heading lines define, where the name reader alone
        would read a shorter name from the line."""
        defined: dict[str, list[str]] = {}
        for match in _HEADING_NAME.finditer(self.text):
            start, end = match.span(1)
            self.limit = len(self.text)
            if not self._is_upper(start) or not self.starts_agency(start) or self.acts(start, end):
                continue
            read = self._read_end(start)
            if read is not None and read < end and self._plain_rest(read, end):
                phrase = self.key[start:end]
                defined.setdefault(phrase.split()[0], []).append(phrase)
        for match in _SHORT_NAME.finditer(self.text):
            start, end = match.span(1)
            self.limit = len(self.text)
            if self._is_upper(start) and self.reg.heads.match(self.key, start, end):
                phrase = self.key[start:end]
                defined.setdefault(phrase.split()[0], []).append(phrase)
        self.limit = len(self.text)
        self._defined = {word: tuple(sorted(set(names), key=len, reverse=True)) for word, names in defined.items()}

    def _plain_rest(self, read: int, end: int) -> bool:
        """Whether what the name reader left of a heading line is a few lowercase words that name
        no one and say nothing ("doanh nghiệp", "giá và công sản"): no capital, no verb or function
        word but "và", at most five words."""
        rest = self.text[read:end]
        words = rest.split()
        if not words or len(words) > _MOST_WORDS or any(not w.isalpha() or not w.islower() for w in words):
            return False
        for match in self.reg.stop_words.finditer(self.key, read, end):
            inside = (
                self.key[match.start() - 1 : match.start()].isalnum()
                or self.key[match.end() : match.end() + 1].isalnum()
            )
            if not inside and match.group(0) != _AND_WORD:
                return False
        return True

    def _defined_end(self, start: int) -> int | None:
        """The end of a defined name written at ``start``, or None."""
        key = self.key
        space = key.find(" ", start, start + 30)
        names = self._defined.get(key[start:space]) if space > start else None
        for phrase in names or ():
            end = start + len(phrase)
            if end <= self.limit and key.startswith(phrase, start) and not key[end : end + 1].isalnum():
                return end
        return None
