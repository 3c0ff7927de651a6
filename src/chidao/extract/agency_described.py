"""Names that describe what a body manages or does, in lowercase after their head: "Ban Quản lý
dự án Hồ chứa nước Ka Pét", "Ban Quản lý các khu công nghiệp", "Ban QLDA đầu tư xây dựng khu vực
Phan Thiết", "Phòng Cảnh sát giao thông". The heads are ``described_heads`` in
``data/vi/agency_grammar.toml``; the words after one belong to the name up to the first verb."""

from __future__ import annotations

import re
from functools import cache

from chidao.extract.agency_words import _AND_WORD, _HARD_STOP, _KIND_FIRSTS, _PLACE_TAILS, _WORDS
from chidao.extract.registry import alternation, registry

_AND_PARTS = tuple(sorted(_WORDS["and_parts"], key=len, reverse=True))  # "và | các khu công nghiệp"
_LINKS = tuple(_WORDS["description_links"])  # inside a description when a name word follows: "các khu công nghiệp"
_LONGEST = 14  # words of a description


# Abbreviations that stand for lowercase words ("KCN" → "khu công nghiệp"): part of a description.
_LOWER_ABBREVIATIONS = frozenset(a for a, full in registry().abbreviations.items() if full[:1].islower())


@cache
def _described_heads() -> re.Pattern[str]:
    return alternation(registry().grammar["described_heads"])


class DescribedReading:
    """The described-name half of ``AgencyReader`` (mixed into it; uses its ``key``, ``limit``,
    ``reg`` and the name reader's helpers)."""

    def _described(self, at: int) -> int | None:
        """The end of a described name whose capitalized head is at ``at``, or None when the head
        is followed by no description (the other readers then read it)."""
        head = _described_heads().match(self.key, at, self.limit)
        if head is None:
            return None
        end = self._described_end(head.end())
        body = self.reg.body_re.match(self.key, at, self.limit)
        if end <= head.end() or (body and body.end() >= end):
            return None  # a registry name at least as long reads it: "Phòng Cảnh sát phòng cháy, chữa cháy ..."
        return end

    def _described_end(self, pos: int) -> int:
        """Read the description from ``pos``: lowercase words up to a verb, a comma or a stop;
        "tỉnh" with no place after it closes it; a capital that starts no agency hands over to the
        name reader ("dự án | Hồ chứa nước Ka Pét", "khu vực | Phan Thiết")."""
        key, reg = self.key, self.reg
        cur = end = pos
        first = None  # the description's first word
        for _ in range(_LONGEST):
            tok = self._token(cur)
            if tok is None:
                break
            ts, te = tok
            word = key[ts:te]
            if self._is_upper(ts):  # "Ban Quản lý chợ | Trường Vinh": a capital names the place or project
                return self._and_province(self._name_end(cur, need_name=True) or end)
            if word == "," and first is not None and self._repeats(te, first):
                cur = te  # "Ban quản lý rừng đặc dụng, | rừng phòng hộ": one kind of body, two objects
                continue
            if word in _HARD_STOP or word == "," or not word[0].isalnum():
                break
            first = first or word
            if word in _KIND_FIRSTS:
                unnamed = self._unnamed_province(ts)
                if unnamed is not None:
                    return unnamed  # "... các khu công nghiệp tỉnh"
            elif word in _LINKS:
                nxt = self._token(te)
                if nxt is not None and self.text[nxt[0] : nxt[1]] in _LOWER_ABBREVIATIONS:
                    cur = end = nxt[1]  # "Ban Quản lý các | KCN": an abbreviation of lowercase words (genre g218)
                    continue
                if nxt is None or self._is_upper(nxt[0]) or reg.stop_words.match(key, nxt[0], self.limit):
                    break
            elif word.isdigit():
                pass  # "Ban Quản lý dự án đầu tư xây dựng khu vực số 2"
            elif (
                reg.stop_words.match(key, ts, self.limit)
                and not self._inside_word(cur, te)
                and not self._opens_compound(ts, te)
            ):
                break
            cur = end = te
        return end

    def _repeats(self, at: int, first: str) -> bool:
        """Whether the word at ``at`` is the description's first word again (genre g181)."""
        nxt = self._token(at)
        return nxt is not None and self.key[nxt[0] : nxt[1]] == first

    def _and_province(self, end: int) -> int:
        """A described name goes on with "và" and a description closed by the province's word:
        "Ban Quản lý Khu kinh tế Dung Quất | và các khu công nghiệp tỉnh"."""
        link = self._token(end)
        if link is None or self.key[link[0] : link[1]] != _AND_WORD:
            return end
        tail = self._province_tail(link[1])
        if tail:
            return tail
        at = self.skip_space(link[1])
        for part in _AND_PARTS:  # "... Nghi Sơn | và các khu công nghiệp" (genre j02)
            if self.key.startswith(part, at) and not self.key[at + len(part) : at + len(part) + 1].isalnum():
                return self._extend_place(at + len(part))  # "... công nghiệp | Quảng Ngãi"
        return end

    def _place_after_centre(self, tail: str, end: int) -> bool:
        """Whether a place's name follows "Trung ương" in a name: "Bệnh viện Đa khoa Trung ương |
        Cần Thơ", "Bệnh viện Trung ương | Huế" (a capital that opens no other body)."""
        nxt = self._token(end) if tail in _PLACE_TAILS else None
        return nxt is not None and self._is_upper(nxt[0]) and not self.starts_agency(nxt[0])
