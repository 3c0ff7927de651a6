"""Reading one agency's name: where it starts, its head, and what closes it (a registry name's
trailing place, a position holder's name); the name words after a head are read by
``agency_continuation``."""

from __future__ import annotations

import re

from chidao.extract.agency_continuation import _UNITS_AFTER
from chidao.extract.agency_words import (
    _BARE_PLACE,
    _BARE_PLACE_FIRSTS,
    _CENTRE,
    _COLON,
    _COMMA,
    _COMMUNE_KINDS,
    _COMRADE,
    _FALSE_HEAD,
    _FALSE_HEAD_FIRSTS,
    _FIELD_HEAD,
    _FIELD_HEAD_FIRSTS,
    _KIND_FIRSTS,
    _KIND_WORDS,
    _NUMBER_WORD,
    _OFFICIAL,
    _OFFICIAL_FIRSTS,
    _PERSON,
    _PLACE_AGENCY,
    _PLACE_AGENCY_FIRSTS,
    _PLURAL,
    _PLURAL_FIRSTS,
    _ROLE_VERBS,
    _ROLES,
    _SETTLEMENT_FIRSTS,
    _SETTLEMENT_NAMED,
    _SOCIAL_WORD,
    _UNITS_PLURAL,
    _WORDS,
    _head_firsts,
    _surnames,
)
from chidao.extract.mention import Mention

_IN_CHARGE = _WORDS["in_charge"]
_BRANCH_WORDS = tuple(_WORDS["branch_words"])  # "chi nhánh" after the body's name
_CITY_SHORT = _WORDS["city_short"]  # "tp.": "Sở Y tế | TP. Hồ Chí Minh"
_UNIT_HEADS = tuple(f"{word} " for word in _WORDS["owned_unit_heads"])  # "phòng ": a unit named with its owner
_OWNER_DASH = re.compile(r"[^\S\n]+[-–][^\S\n]+")  # "Phòng Cảnh sát kinh tế | - | Công an tỉnh"
_JOINED_HEADS = frozenset(_WORDS["joined_heads"])  # "đảng ủy": a compound only with its parts after it
_NUMBERED_BODIES = tuple(_WORDS["numbered_bodies"])  # "Thuế cơ sở" + " 9"
_NUMBERED_UNITS = tuple(
    _WORDS["numbered_units"]
)  # "khu vực": a regional unit before its number  # "phụ trách": an official's field after the position


class NameReading:
    """The name-reading part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg``, caches and ``NameContinuation``'s ``_name_end``)."""

    # -- positions ----------------------------------------------------------------------------
    def _person_after(self, end: int) -> int:
        """A position goes on with the holder's name: "Phó Thủ tướng Chính phủ Trần Hồng Hà"."""
        match = _PERSON.match(self.text, end, self.limit)
        if match and match.group("surname") in _surnames():
            return match.end()
        return end

    def _in_charge_end(self, end: int) -> int:
        """A named official's field after the position: "... Phó Chủ tịch UBND xã | phụ trách kinh
        tế | chỉ đạo ...": lowercase words up to a verb or punctuation (genre g223)."""
        at = self.skip_space(end)
        if not self.key.startswith(_IN_CHARGE, at):
            return end
        cur = at + len(_IN_CHARGE)
        for _ in range(5):
            tok = self._token(cur)
            if tok is None:
                break
            ts, te = tok
            if not self.key[ts].isalpha() or self._is_upper(ts) or self.reg.stop_words.match(self.key, ts, self.limit):
                break
            cur = te
        return cur if cur > at + len(_IN_CHARGE) else end

    # -- one mention --------------------------------------------------------------------------
    def read(self, pos: int, *, lenient: bool = False, opened: bool = False) -> Mention | None:
        """The agency whose name starts at ``pos`` (after spaces), or None.

        ``lenient`` accepts a lowercase head, as after "giao cho phòng CNTT"; ``opened``: the
        caller found that a name may open there (``_may_open``), within the current bound.
        """
        start = self.skip_space(pos)
        end = self._read_end(start, lenient=lenient, opened=opened)
        if end is None or end <= start:
            return None
        end = self._province_tail(end) or end
        end = self._unit_owner_end(start, end)
        written = self.text[start:end].strip(" ,")
        return Mention(start, start + len(written), written, self.canonical(written))

    def _unit_owner_end(self, start: int, end: int) -> int:
        """ "Phòng Cảnh sát kinh tế - Công an tỉnh": a unit, then after a dash the body it belongs
        to, is one name (genre g808, g135); ``end`` when no such owner follows."""
        if not self.key.startswith(_UNIT_HEADS, start):
            return end
        dash = _OWNER_DASH.match(self.key, end, self.limit)
        if dash is None:
            return end
        owner = self._owner_end(dash.end())
        return owner if owner is not None else end

    def _read_end(self, start: int, *, lenient: bool = False, opened: bool = False) -> int | None:
        limit = checked = self.limit
        if not opened and not self._may_open(start, limit):
            return None
        reg, key, text = self.reg, self.key, self.text
        first, written = key[start : start + 1], text[start : start + 1]  # what each pattern must start with
        if first in _FALSE_HEAD_FIRSTS and _FALSE_HEAD.match(key, start, limit):
            return None
        written_end = self._written_end(start, limit)
        if written_end is not None:
            return written_end
        if self.place.subject:
            bare = _BARE_PLACE.match(text, start, limit) if written in _BARE_PLACE_FIRSTS else None
            if bare and not _PLACE_AGENCY.match(text, start):
                return bare.end()
        official = _OFFICIAL.match(text, start, limit) if written in _OFFICIAL_FIRSTS else None
        if official and reg.positions.match(key, official.end(), limit):
            # "đồng chí Nguyễn Văn A, Phó Giám đốc Sở Y tế": the named official, as written (rule 8)
            inner = self._read_end(official.end())
            if inner:
                return self._in_charge_end(inner)
            limit = self.limit  # moved only by a read outside read_list (see starts_agency)
        upper = self._is_upper(start)
        role = reg.roles.match(key, start, limit) if upper and first in reg.firsts["roles"] else None
        if role and not _COLON.match(key, role.end(), limit) and not key.startswith(_ROLE_VERBS, role.end()):
            return role.end()
        positions = first in reg.firsts["positions"] and (upper or key.startswith(_COMRADE, start))
        position = reg.positions.match(key, start, limit) if positions else None
        if position:
            rest = self.skip_space(position.end())
            inner = self._read_end(rest) if self.starts_agency(rest) else None
            if (
                inner is None
                and reg.group_nouns.match(key, rest, self.limit)
                and not reg.stop_words.match(key, rest, self.limit)  # "Tổ trưởng Tổ công tác | ban hành ..."
            ):
                inner = self._group_end(reg.group_nouns.match(key, rest, self.limit).end())
                inner = self._number_after(inner)  # "Tổ trưởng tổ dân phố | số 5"
            if inner is None and key[position.start() : position.end()].split()[-1] in reg.grammar["place_units"]:
                inner = self._place_name_end(position.end())  # "Trưởng thôn Cốc Rế"
            if inner is None and " " in key[position.start() : position.end()].strip():
                # "Trưởng Ban Quản lý Khu kinh tế tỉnh": the title "Trưởng", then the body "Ban ..."
                last = key.rfind(" ", position.start(), position.end() - 1) + 1
                if self._is_upper(last) and self.starts_agency(last):
                    inner = self._read_end(last)
            return self._person_after(inner if inner else position.end())
        plural = _PLURAL.match(key, start, limit) if first in _PLURAL_FIRSTS else None
        at = plural.end() if plural else start
        if (
            (plural or limit != checked)
            and key[at : at + 1] in _FALSE_HEAD_FIRSTS
            and _FALSE_HEAD.match(key, at, limit)
        ):
            return None  # (without "các", the head was checked above)
        return self._head_end(at, self._is_upper(at) if plural else upper, plural, lenient)

    def _written_end(self, start: int, limit: int) -> int | None:
        """A name read as written, before any grammar: one the document defined ("Phòng Tài chính
        doanh nghiệp" on a heading line), a place ("xã Hồng Minh"), a village or residential group
        ("Thôn Bình Minh", "Tổ dân phố số 1, 2, 3")."""
        written = self.text[start : start + 1]
        if self._defined:
            defined = self._defined_end(start)
            if defined is not None:
                return defined
        if self._short:
            short = self._short_end(start)
            if short is not None:
                return short  # "Công ty", the one company the text names in full
        place = _PLACE_AGENCY.match(self.text, start, limit) if written in _PLACE_AGENCY_FIRSTS else None
        if place:
            return place.end()
        settlement = _SETTLEMENT_NAMED.match(self.text, start, limit) if written in _SETTLEMENT_FIRSTS else None
        if settlement and not self.reg.heads.match(self.key, start, limit):
            return settlement.end()
        return None

    def _head_end(self, at: int, upper: bool, plural: re.Match[str] | None, lenient: bool) -> int | None:
        """Where a name whose head is at ``at`` ends (after "các", if ``plural``); ``upper``:
        whether the head is capitalized. Patterns whose match would not count are not tried."""
        reg, key, limit = self.reg, self.key, self.limit
        counts = upper or plural or lenient  # a registry name, a bare noun or a head counts only so
        described = self._described(at) if counts and not plural else None
        if described:
            return described  # "Ban Quản lý dự án Hồ chứa nước Ka Pét", "Phòng Cảnh sát giao thông"
        head_at = key[at : at + 1]  # what each pattern below must start with
        bodies, fields = _head_firsts()
        for fixed, firsts in ((reg.body_re, bodies), (reg.bare, reg.firsts["bare"])) if counts else ():
            match = fixed.match(key, at, limit) if head_at in firsts else None
            if match:
                if fixed is reg.bare and " ".join(match.group(0).split()) in _ROLES:
                    if plural:
                        return self._group_end(match.end())  # "các nhà đầu tư, nhà thầu"
                    # "Nhà đầu tư 02 dự án", "Nhà đầu tư Dự án cao tốc Tân Phú - Bảo Lộc"
                    longer = self._name_end(match.end(), need_name=False)
                    return longer if longer and longer > match.end() else match.end()
                if plural and self._group_noun_to(at, match.end()):
                    return self._group_end(match.end())  # "Các tỉnh ủy, thành ủy": a kind, then more kinds
                return self._extend_place(match.end())
        field_head = _FIELD_HEAD.match(key, at, limit) if head_at in _FIELD_HEAD_FIRSTS else None
        if field_head:
            after = field_head.end()
            field = reg.field_re.match(key, after, limit) if key[after : after + 1] in fields else None
            if field and (self._is_upper(field_head.end()) or lenient or plural):  # "Các sở giáo dục và đào tạo"
                return self._extend_place(field.end())
        compound = reg.compound_heads.match(key, at, limit) if head_at in reg.firsts["compound_heads"] else None
        if compound:
            joined = self._compound_end(compound.end())
            if joined > self._tail_end(compound.end()) or " ".join(compound.group(0).split()) not in _JOINED_HEADS:
                return joined
        group = (
            reg.group_nouns.match(key, at, limit)
            if (plural or upper) and head_at in reg.firsts["group_nouns"]
            else None
        )
        if plural:
            head = reg.heads.match(key, at, limit) if group and head_at in reg.firsts["heads"] else None
            if group and not (head and head.end() > group.end()):  # "các Tổ đại biểu": a head, not "các tổ"
                return self._group_end(group.end())
        elif upper:
            sep = _COMMA.match(key, group.end(), limit) if group else None
            if sep and not self._is_upper(sep.end()) and reg.group_nouns.match(key, sep.end(), limit):
                return self._group_end(group.end())  # "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"
        head = reg.heads.match(key, at, limit) if counts and head_at in reg.firsts["heads"] else None
        if head:
            if " ".join(head.group(0).split()) in reg.local_heads:
                return self._locality_end(head.end())
            name = self._name_end(head.end(), need_name=not plural)
            if name is None and not plural:
                name = self._province_tail(head.end())  # "Ban Chỉ đạo giải phóng mặt bằng ... của tỉnh"
            return name
        return None

    def _group_noun_to(self, at: int, end: int) -> bool:
        """Whether the group nouns read a kind from ``at`` to exactly ``end``."""
        group = self.reg.group_nouns.match(self.key, at, self.limit)
        return group is not None and group.end() == end

    def _number_after(self, end: int) -> int:
        """A singular unit goes on with its number: "tổ dân phố" + " số 5", "tổ" + " số 12"."""
        tok = self._token(end)
        if tok and self.key[tok[0] : tok[1]] == _NUMBER_WORD:
            nxt = self._token(tok[1])
            if nxt and self.key[nxt[0] : nxt[1]].isdigit():
                return nxt[1]
        return end

    def _numbered_unit(self, at: int) -> int | None:
        """The end of "khu vực 11" / "khu vực V" at ``at``: a body's regional unit by its number."""
        for unit in _NUMBERED_UNITS:
            if self.key.startswith(unit, at):
                nxt = self._token(at + len(unit))
                if nxt and re.fullmatch(r"\d{1,2}|[IVX]{1,5}", self.text[nxt[0] : nxt[1]]):
                    return nxt[1]
                # "Hạt Kiểm lâm khu vực | Bắc Sơn": the area by its place's name (genre j12)
                cur = None
                while nxt and self._is_upper(nxt[0]) and self.key[nxt[0] : nxt[1]].isalpha():
                    if cur is None and self.starts_agency(nxt[0]):
                        break
                    cur = nxt[1]
                    nxt = self._token(cur)
                if cur is not None:
                    return cur
        return None

    def _numbered_place(self, end: int) -> int:
        """After a body's number, the province it serves: "Thuế cơ sở 9 | tỉnh Lâm Đồng"."""
        tok = self._token(end)
        if tok is None or self.key[tok[0] : tok[1]] not in _KIND_FIRSTS:
            return end
        place = self.reg.tails.match(self.key, tok[0], self.limit)
        if place is None:
            return end
        return self._extend_place(place.end())

    def _commune_kind_end(self, ts: int) -> int | None:
        """The end of a commune's kind written at ``ts`` ("xã", "phường", "đặc khu"), or None."""
        for kind in _COMMUNE_KINDS:
            end = ts + len(kind)
            if self.key.startswith(kind, ts) and not self.key[end : end + 1].isalnum():
                return end
        return None

    def _kind_place_end(self, ts: int, cur: int) -> int:
        """After a name, "tỉnh" alone ("Sở Y tế tỉnh | và Sở Tài chính"), or with its province's
        name ("Sở Y tế tỉnh Gia Lai", its own dropped later); ``cur`` when neither."""
        unnamed = None if self.key.startswith(_CITY_SHORT, ts) else self._unnamed_province(ts)
        if unnamed is not None:
            return unnamed
        named = self._named_province_end(ts)
        return named if named is not None else cur

    def _named_province_end(self, ts: int) -> int | None:
        """Where "tỉnh Gia Lai", "thành phố Hồ Chí Minh" at ``ts`` ends: the kind word, then one to
        four capitalized words that open no body; a central document names a department of each
        province so (genre g853)."""
        if self.key.startswith(_CITY_SHORT, ts):
            kind_end = ts + len(_CITY_SHORT)
        else:
            place = self.reg.tails.match(self.key, ts, self.limit)
            if place is None or place.group(0) not in _KIND_WORDS:
                return None
            kind_end = place.end()
        cur, found = kind_end, None
        for _ in range(4):
            tok = self._token(cur)
            if tok is None or not self._is_upper(tok[0]) or not self.key[tok[0]].isalpha():
                break
            if self.starts_agency(tok[0]):
                break
            cur = found = tok[1]
        return found

    def _extend_place(self, end: int) -> int:
        """Take a trailing place or number: "Công an tỉnh" + " Kiên Giang", "... xây dựng" + " số 1"."""
        cur = end
        while True:
            tok = self._token(cur)
            if tok is None:
                return cur
            ts, te = tok
            word = self.key[ts:te]
            if cur == end and (word in _KIND_FIRSTS or self.key.startswith(_CITY_SHORT, ts)):
                return self._kind_place_end(ts, cur)
            units = _UNITS_AFTER.match(self.key, self.skip_space(te), self.limit) if word == _UNITS_PLURAL else None
            if units and cur == end:
                qualifier = self.reg.locality_qualifiers.match(self.key, self.skip_space(units.end()), self.limit)
                if qualifier and not self.key[qualifier.end() : qualifier.end() + 1].isalnum():
                    return qualifier.end()  # "Trạm Y tế các xã | biên giới" (genre g270)
                return units.end()  # "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"
            kind = self._commune_kind_end(ts) if cur == end and self.text[ts].islower() else None
            if kind is not None and not self._social(kind):
                cur = kind  # "Trạm Y tế phường", "Trạm Y tế xã Tân Lập", "Văn phòng ... đặc khu": the commune's own
                continue
            if cur == end and word.isdigit() and len(word) <= 2 and self.key.endswith(_NUMBERED_BODIES, 0, end):
                return self._numbered_place(te)  # "Thuế cơ sở | 9", then its province
            numbered = self._numbered_unit(ts) if cur == end else None
            if numbered is not None:
                cur = numbered  # "Ngân hàng Nhà nước | khu vực 11" (genre g225)
                continue
            if word == _NUMBER_WORD:
                nxt = self._token(te)
                if nxt and self.key[nxt[0] : nxt[1]].isdigit():
                    cur = nxt[1]
                    continue
                return cur
            if self._is_upper(ts) and self._verb_on_new_line(cur, ts):
                return cur
            branch = next((b for b in _BRANCH_WORDS if self.key.startswith(b, ts)), None)
            if branch and cur == end and self._token(ts + len(branch)):
                return self._extend_place(ts + len(branch))  # "Ngân hàng Nhà nước | Chi nhánh Khu vực 15"
            if self._is_upper(ts) and not self.starts_agency(ts):
                tail = self.reg.tails.match(self.key, ts, self.limit)
                cur = tail.end() if tail and tail.group(0) == _CENTRE else te  # "Công an Trung ương"
                continue
            if word.isdigit() and cur > end:
                cur = te
                continue
            nxt = self._token(te) if cur > end and word.isalpha() else None
            if nxt and self.key[nxt[0] : nxt[1]].isdigit():
                cur = nxt[1]  # "Ngân hàng Nhà nước Khu vực 15": a lowercase word before a number
                continue
            if word in ("-", "–") and cur > end:
                nxt = self._token(te)
                if nxt and self._is_upper(nxt[0]):
                    cur = te
                    continue
            return cur

    def _verb_on_new_line(self, end: int, ts: int) -> bool:
        """Whether the capital at ``ts`` opens a new line with a verb: "8. Thanh tra Sở" over
        "Tổ chức thanh tra ...", a heading without a colon over its item, ends the name."""
        return "\n" in self.text[end:ts] and self.reg.stop_words.match(self.key, ts, self.limit) is not None

    def _place_name_end(self, pos: int) -> int | None:
        """The end of the capitalized words after ``pos`` that name a place (not a body)."""
        end, cur = None, pos
        if (first := self._token(cur)) is not None and self.key[first[0] : first[1]].isdigit():
            return first[1]  # "Trưởng ấp | 3": a settlement by its number (genre g1440)
        while (tok := self._token(cur)) is not None and self._is_upper(tok[0]) and not self.starts_agency(tok[0]):
            if self._verb_on_new_line(cur, tok[0]):
                break
            end = cur = tok[1]
        return end

    def _social(self, pos: int) -> bool:
        """Whether "hội" follows ``pos``: "xã hội" is a word ("xã hội hóa"), not a commune."""
        tok = self._token(pos)
        return tok is not None and self.key[tok[0] : tok[1]] == _SOCIAL_WORD
