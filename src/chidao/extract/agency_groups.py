"""Reading groups: "các sở, ban, ngành liên quan", "Ủy ban nhân dân các xã ven biển", "các
doanh nghiệp viễn thông", the qualifiers and tails that close them."""

from __future__ import annotations

import re

from chidao.extract.agency_words import (
    _ASSIGNED_GROUP,
    _ASSIGNED_LEAD_DUTY,
    _ASSIGNED_REFERENCE,
    _COMMA,
    _COMMA_OR_AND,
    _HAVING,
    _INSPECTED_GROUP,
    _MEMBER_GROUP,
    _OF,
    _OF_WORD,
    _PLURAL,
    _ROUTE_WORDS,
    _UNDER,
    _WORDS,
)

# The last words of a group of localities ("các địa phương", "các xã, phường").
_FUNCTION_WORD_SET = frozenset(_WORDS["function_words"])
_AND = _WORDS["and_word"]  # "của", "và": no verb after a group
_SETTLEMENTS = frozenset(_WORDS["settlements"])
_SETTLEMENT_WORDS = tuple(f"{word} " for word in _WORDS["settlements"])
_LOCAL_GROUP_ENDS = tuple(f" {word.lower()}" for word in (*_WORDS["localities"], *_WORDS["having_groups"]))
_UNDER_WORDS = tuple(f"{word} " for word in _WORDS["under_words"])  # "thuộc ", "trực thuộc "
# Where the members of a group come from, closing what they do: "... sản xuất vắc xin | trong nước".
_WHERE_FROM = re.compile(rf"(?:{'|'.join(map(re.escape, _WORDS['origin_tails']))})(?!\w)")


class GroupReading:
    """The group-reading part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg`` and caches)."""

    def _locality_end(self, pos: int) -> int:
        """ "Ủy ban nhân dân" + "các huyện, thành phố Gia Nghĩa" / "xã Bảo Lâm 2" / "Thành phố"."""
        reg, key = self.reg, self.key
        end = pos
        cur = self.skip_space(pos)
        plural = _PLURAL.match(key, cur, self.limit)
        if plural:
            cur = plural.end()
        while True:
            local = reg.localities.match(key, cur, self.limit)
            if not local:
                break
            end = local.end()
            sep = _COMMA_OR_AND.match(key, end, self.limit)
            if sep and reg.localities.match(key, sep.end(), self.limit):
                cur = sep.end()
                continue
            break
        name = self._name_end(end, need_name=True)
        if name:
            return name
        if plural:
            end = self._having_end(self._qualified_end(end))
            cur = self.skip_space(end)
            tail = reg.tails.match(key, cur, self.limit) if key[cur : cur + 1] in reg.firsts["tails"] else None
            return tail.end() if tail else end  # "UBND các tỉnh, thành phố trực thuộc trung ương"
        return end

    def _qualified_end(self, end: int) -> int:
        """ "các xã" + " ven biển, ven sông", " biên giới", " ven biển và miền núi": the qualifiers
        of a group of localities."""
        reg, key = self.reg, self.key
        cur = end
        while True:
            sep = _COMMA_OR_AND.match(key, cur, self.limit) if cur > end else None
            at = self.skip_space(sep.end() if sep else cur)
            qualifier = reg.locality_qualifiers.match(key, at, self.limit)
            if qualifier is None and at > cur:
                qualifier = self._open_qualifier(at)
            if qualifier is None or (cur == end and at == cur):
                return cur
            cur = self._named_place_end(qualifier.end())

    def _named_place_end(self, end: int) -> int:
        """ "ven sông Hậu", "ven sông Cầu, sông Công": the river's or the road's own name after a
        qualifier, capitalized words that open no body (genre g831, g656)."""
        cur = end
        for _ in range(4):
            tok = self._token(cur)
            if tok is None or not self._is_upper(tok[0]) or not self.key[tok[0]].isalpha():
                return cur
            if self.starts_agency(tok[0]):
                return cur
            cur = tok[1]
        return cur

    def _open_qualifier(self, at: int) -> re.Match[str] | None:
        """ "vùng chè": an open qualifier and the one noun after it, no verb."""
        opening = self.reg.open_qualifiers.match(self.key, at, self.limit)
        if opening is None:
            return None
        noun = re.compile(r"\s+[^\W\d_]+").match(self.key, opening.end(), self.limit)
        if noun is None or self.reg.stop_words.match(self.key, self.skip_space(opening.end()), self.limit):
            return None
        return noun

    def _having_end(self, end: int) -> int:
        """ "UBND các xã có rừng", "các xã, phường có quốc lộ đi qua": a group qualified by what
        its members have, up to a verb or punctuation (not "có trách nhiệm", which is a verb)."""
        having = _HAVING.match(self.key, end, self.limit)
        if not having:
            return end
        cur = having.end()
        for _ in range(10):  # "... cung cấp dịch vụ an toàn thông tin, công nghệ thông tin"
            tok = self._token(cur)
            if tok is None:
                return cur
            ts, te = tok
            word = self.key[ts:te]
            if word == "," and self._goes_on(te):
                cur = te  # "các xã có thôn, làng lõm sóng": the comma joins what they have
                continue
            if len(word) > 1 and self.text[ts:te].isupper() and cur > having.end():
                cur = te  # "các xã có sản phẩm OCOP": an acronym inside what they have
                continue
            if self._is_upper(ts) and word[0].isalpha() and not self.starts_agency(ts):
                cur = te  # "Các bệnh viện có khoa Nhi | tổ chức ...": a proper name inside what they have
                continue
            if not word[0].isalpha() or self._is_upper(ts):
                return cur if word in (",", ";", ":", ".", "(") or tok is None else end
            if cur > having.end() and self.key.startswith(_UNDER_WORDS, ts):
                return self._tail_end(cur)  # "... có giường bệnh | trực thuộc Bộ Y tế"
            tail = _WHERE_FROM.match(self.key, ts, self.limit) if cur > having.end() else None
            if tail is not None:
                return tail.end()  # "các doanh nghiệp sản xuất vắc xin thú y | trong nước" (genre g362)
            if self.reg.stop_words.match(self.key, ts, self.limit) and word not in _ROUTE_WORDS:
                return cur if cur > having.end() else end
            cur = te
        return end

    def _and_agency(self, pos: int) -> bool:
        """ "và" and another body after ``pos``: "... được phân công nhiệm vụ | và UBND các xã"."""
        link = self._token(pos)
        return link is not None and self.key[link[0] : link[1]] == _AND and self.starts_agency(link[1])

    def _goes_on(self, pos: int) -> bool:
        """Whether a lowercase word that is no verb or function word follows ``pos``, and then
        a few more such words up to punctuation or a verb ("khu, điểm du lịch;"): a list inside
        a phrase."""
        for count in range(5):
            tok = self._token(pos)
            if tok is None:
                return count > 0
            ts, te = tok
            word = self.key[ts:te]
            if not word[0].isalpha():
                return count > 0 and word in (",", ";", ".", ":", ")")
            if self._is_upper(ts):
                return False
            if self.reg.stop_words.match(self.key, ts, self.limit):
                return count > 0  # "khu, điểm du lịch kiểm tra ...": the verb ends the phrase
            pos = te
        return False

    def _group_end(self, pos: int) -> int:
        """ "các sở, ban, ngành liên quan", "các doanh nghiệp viễn thông", "các cơ quan báo chí ..."."""
        reg, key = self.reg, self.key
        end = pos
        tailed = False
        while True:
            sep = _COMMA.match(key, end, self.limit)
            if sep:
                group = reg.group_nouns.match(key, sep.end(), self.limit)
                if group and not self._is_upper(sep.end()) and not self.lower_group_at(sep.end()):
                    end = group.end()
                    continue
            longer = self._tail_end(end)
            if longer <= end:
                if self._local_group(pos, end):
                    # "các địa phương có dự án đi qua" (genre g198), "Các đảng ủy xã, phường có dự án
                    # trọng điểm đi qua" (its localities read as the group's tail; genre g842)
                    having = self._having_end(end)
                    if having > end:
                        return having
                if tailed:  # "các phòng, đơn vị trực thuộc Sở | được giao chủ trì nhiệm vụ" (genre g432)
                    described = self._described_group_end(end)
                    return described if described is not None else end
                return self._qualifier_end(end)
            end = longer
            tailed = True

    def _closes_group(self, pos: int) -> bool:
        """Whether a group's name may end at ``pos``: the phrase ends there (a colon, the line's
        end) or a verb follows ("Các đơn vị được kiểm tra | chuẩn bị ...")."""
        tok = self._token(pos)
        if tok is None:
            return True
        word = self.key[tok[0] : tok[1]]
        verb = self.reg.stop_words.match(self.key, tok[0], self.limit)  # "theo dõi" as one, not "theo"
        return (
            word in (":", ",", ".", ";")
            or self.key[pos : tok[0]].count("\n") > 0
            or (verb is not None and " ".join(verb.group(0).split()) not in _FUNCTION_WORD_SET)
        )

    def _local_group(self, pos: int, end: int) -> bool:
        """Whether the group read from ``pos`` to ``end`` is of localities ("các địa phương",
        "các xã, phường"), which may be told apart by what they have."""
        return self.key[max(0, end - 14) : end].endswith(_LOCAL_GROUP_ENDS)

    def _qualifier_end(self, end: int) -> int:
        """The lowercase words that qualify a group, when what follows confirms them.

        "Các lực lượng chức năng phối hợp ...", "Các cơ quan đăng ký đầu tư (Sở Tài chính, ...)":
        the run counts only if a verb that never belongs to a name, a tail ("liên quan"), a
        parenthesis, a colon or the end of the phrase follows it, so that "các doanh nghiệp mở
        rộng vùng phủ sóng" stays "các doanh nghiệp".
        """
        described = self._described_group_end(end)
        if described is not None:
            return described
        reg, key = self.reg, self.key
        cur = end
        first = None  # the qualifiers' first word
        listed = False  # a comma went on with them: only a verb proper confirms them then
        for count in range(12):
            tok = self._token(cur)
            if tok is None:
                return cur
            ts, te = tok
            word = key[ts:te]
            if word in (",", ";") and first is not None and not listed and self._body_after_comma(te):
                return cur  # "(các Ban quản lý rừng phòng hộ, | Vườn quốc gia Kon Ka Kinh)": a list goes on
            if word == "," and first is not None and self._qualifier_goes_on(te, first):
                # "Các Ban quản lý rừng đặc dụng, | rừng phòng hộ" (genre g181)
                listed = listed or not key.startswith(first, self.skip_space(te))
                cur = te
                continue
            if count >= 8 and not listed:
                return end
            first = first or word
            tail = reg.tails.match(key, ts, self.limit) if word[0] in reg.firsts["tails"] else None
            stop = reg.stop_words.match(key, ts, self.limit)
            verb = (
                stop is not None
                and not self._inside_word(cur, te)
                and not self._opens_compound(ts, te)  # "các đơn vị thi công công trình giao thông"
                # "Các thôn trang trí cờ, hoa | tại nhà văn hóa": after a comma, "tại" confirms nothing
                and not (listed and " ".join(stop.group(0).split()) in _FUNCTION_WORD_SET)
            )
            if verb and cur > end and self._noun_then_verb(ts):
                cur = self.reg.noun_verbs.match(
                    key, ts, self.limit
                ).end()  # "các nhà thầu thi công xây dựng | kiểm tra"
                continue
            if word in ("(", ":") or verb or tail:
                if tail and cur > end:
                    return self._tails_after(tail.end())
                return cur
            if word == "-" and cur > end and self._qualifier_goes_on(te, first):
                listed = True  # "Các trung tâm giáo dục nghề nghiệp - | giáo dục thường xuyên"
                cur = te
                continue
            if cur > end and self._acronym_inside(ts, te):
                cur = te  # "Các chủ đầu tư dự án ODA | báo cáo ...": an acronym inside the qualifier
                continue
            if not word[0].isalpha() or self._is_upper(ts):
                return end
            cur = self._qualifier_word_end(ts, te)
        return end

    def _qualifier_word_end(self, start: int, end: int) -> int:
        """Where a lowercase word of a group's qualifiers ends, or the locality qualifier it opens:
        "Các xã miền núi | phía Tây phải ...", a side of the province, its capital included (g743)."""
        qualifier = self.reg.locality_qualifiers.match(self.key, start, self.limit)
        return qualifier.end() if qualifier and qualifier.end() > end else end

    def _body_after_comma(self, pos: int) -> bool:
        """Whether another body opens after a qualifier's comma: a name, or a lowercase head of a
        second group ("Các trường trung học phổ thông, | trung tâm giáo dục nghề nghiệp ...", g673)."""
        if self.starts_agency(pos):
            return True
        nxt = self._token(pos)
        return (
            nxt is not None and bool(self.reg.heads.match(self.key, nxt[0], self.limit)) and not self._is_upper(nxt[0])
        )

    def _acronym_inside(self, ts: int, te: int) -> bool:
        """Whether the token at ``ts`` is an acronym that names a thing, not a body ("ODA", "PPP",
        "OCOP", not "UBND"): it goes on a group's qualifier."""
        word = self.text[ts:te]
        return len(word) > 1 and word.isalpha() and word.isupper() and not self.starts_agency(ts)

    def _noun_then_verb(self, ts: int) -> bool:
        """Whether the verb at ``ts`` is one that also closes a noun ("xây dựng", "đầu tư") and a
        verb proper follows it at once: "các nhà thầu thi công xây dựng | kiểm tra ..." (genre g380)."""
        noun = self.reg.noun_verbs.match(self.key, ts, self.limit)
        if noun is None:
            return False
        after = self._token(noun.end())
        if after is None or self._is_upper(after[0]) or "\n" in self.key[noun.end() : after[0]]:
            return False
        verb = self.reg.stop_words.match(self.key, after[0], self.limit)
        return verb is not None and " ".join(verb.group(0).split()) not in _FUNCTION_WORD_SET

    def _described_group_end(self, end: int) -> int | None:
        """A group named by what it was given, what was done to it or what it belongs to."""
        reg, key = self.reg, self.key
        assigned = _ASSIGNED_GROUP.match(key, end, self.limit)
        if assigned:
            # "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này | có trách
            # nhiệm ...": the group is named by what it was given, up to its duty.
            duty = next(
                (
                    m
                    for m in reg.group_duties.finditer(key, assigned.end(), min(self.limit, assigned.end() + 120))
                    if not key[m.start() - 1].isalnum()
                ),
                None,
            )
            if duty and not re.search(r"[.;:]", key[assigned.end() : duty.start()]):
                return len(key[: duty.start()].rstrip())
            part = _ASSIGNED_REFERENCE.match(key, assigned.end(), self.limit) or _ASSIGNED_LEAD_DUTY.match(
                key, assigned.end(), self.limit
            )
            if part and (self._closes_group(part.end()) or self._and_agency(part.end())):
                return part.end()  # "Các đơn vị được giao chủ trì nhiệm vụ tại Mục II | xây dựng ..."
        inspected = _INSPECTED_GROUP.match(key, end, self.limit)
        if inspected and self._closes_group(inspected.end()):
            return inspected.end()  # "Các trường được kiểm tra" (genre g200)
        member = _MEMBER_GROUP.match(key, end, self.limit)
        if member and self.starts_agency(member.end()):
            # "Các sở, ngành là thành viên | Ban Chỉ đạo" (genre g228): the body, named in full or
            # by its head alone when the document is its own ("Ban Chỉ đạo" | "theo dõi ...")
            head = reg.heads.match(key, member.end(), self.limit)
            body = self._read_end(member.end()) or (head.end() if head and self._closes_group(head.end()) else None)
            if body:
                return body
        return None

    def _qualifier_goes_on(self, pos: int, first: str) -> bool:
        """After a comma inside a group's qualifiers: the same first word again ("rừng đặc dụng,
        rừng phòng hộ"), or another lowercase word that is no verb and opens no body ("các cơ sở
        sản xuất, | kinh doanh thực phẩm", "các trường mầm non, | tiểu học")."""
        nxt = self._token(pos)
        if nxt is None:
            return False
        word = self.key[nxt[0] : nxt[1]]
        if word == first or (first in _SETTLEMENTS and self.key.startswith(_SETTLEMENT_WORDS, nxt[0])):
            return True  # "rừng đặc dụng, rừng phòng hộ"; "các chi bộ thôn, tổ dân phố"
        return (
            word[0].isalpha()
            and not self._is_upper(nxt[0])
            and not self.reg.stop_words.match(self.key, nxt[0], self.limit)
            and not self.reg.group_nouns.match(self.key, nxt[0], self.limit)
            and not self.starts_agency(nxt[0])
        )

    def _tail_end(self, end: int) -> int:
        """Close a group: "... liên quan", "... thuộc Bộ X", "... trên địa bàn tỉnh", "... Việt Nam"."""
        reg, key = self.reg, self.key
        while True:
            cur = self.skip_space(end)
            under = _UNDER.match(key, cur, self.limit) or _OF.match(key, cur, self.limit)
            if under and self.starts_agency(under.end()):
                inner = self._read_end(self.skip_space(under.end()))
                if inner:
                    return inner  # "... trực thuộc | Bộ Y tế" in full, before the tail "trực thuộc Bộ"
            tail = reg.tails.match(key, cur, self.limit) if key[cur : cur + 1] in reg.firsts["tails"] else None
            if tail:
                return tail.end()
            if under and under.group(0).startswith(_OF_WORD) and self._is_upper(self.skip_space(under.end())):
                # "các tổ chức thành viên của Mặt trận", "các thành viên của Ban Chỉ đạo"
                inner = self._name_end(self.skip_space(under.end()), need_name=True)
                return inner if inner else end
            break
        name = self._name_end(end, need_name=False)
        return name if name and name > end else end

    def _compound_end(self, pos: int) -> int:
        """ "Cấp ủy, tổ chức đảng, chính quyền, đoàn thể các cấp"."""
        reg, key = self.reg, self.key
        end = pos
        while True:
            sep = _COMMA_OR_AND.match(key, end, self.limit)
            if sep and reg.compound_parts.match(key, sep.end(), self.limit):
                end = reg.compound_parts.match(key, sep.end(), self.limit).end()
                continue
            break
        local = self._locality_end(end) if end > pos else end
        if local > end:
            return self._tail_end(local)  # "Cấp ủy, chính quyền | các xã, phường, đặc khu", "... | phường"
        return self._tail_end(end)
