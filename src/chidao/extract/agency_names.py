"""Reading one agency's name: where it starts, its head, and where it ends (the name words
after a head, a registry name's trailing place, a position holder's name)."""

from __future__ import annotations

import re

from chidao.extract.agency_words import (
    _BARE_PLACE,
    _COLON,
    _COMMA,
    _COMPOUND_FIRSTS,
    _COMPOUND_LASTS,
    _COMPOUNDS,
    _CONNECT,
    _FALSE_HEAD,
    _FIELD_HEAD,
    _FUNCTION_WORDS,
    _GROUP_LINKS,
    _HARD_STOP,
    _LOCAL_HEADS,
    _OFFICIAL,
    _PERSON,
    _PLACE_AGENCY,
    _PLURAL,
    _RESPONSIBLE,
    _ROLES,
    _surnames,
)
from chidao.extract.mention import Mention


class NameReading:
    """The name-reading half of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg`` and caches)."""

    # -- name continuation -----------------------------------------------------------------
    def _name_end(self, pos: int, *, need_name: bool, commas: bool = True) -> int | None:
        """Extend a name from ``pos`` over name words; None if a name was needed but absent.

        Only the first syllable of a name word is capitalized ("Truyền thông", "Công nghệ"), so
        one lowercase syllable after a lone capitalized one belongs to it. Further lowercase words
        ("quỹ đất", "thông tin") belong to the name only when something confirms it: a capital,
        a place word ("tỉnh"), a colon or the end of the phrase; a verb after them ends the name
        before them ("Báo Hòa Bình Xanh tăng thời lượng").
        """
        reg = self.reg
        tails, localities = reg.firsts["tails"], reg.firsts["localities"]  # what their matches start with
        end = confirmed = pos
        lower_run = cap_run = 0
        seen_name = False
        while True:
            tok = self._token(end)
            if tok is None:
                if seen_name:
                    confirmed = end
                break
            ts, te = tok
            word = self.key[ts:te]
            if word in _HARD_STOP:
                confirmed = end if seen_name else confirmed
                break
            if word in _CONNECT:
                if word == "," and not commas:
                    break
                nxt = self._token(te)
                if (
                    word == ","
                    and nxt
                    and seen_name
                    and self.key[ts - 5 : ts] == "phòng"
                    and self.key.startswith("chống", nxt[0])
                ):
                    end = te  # "Cục Quản lý đê điều và Phòng, chống thiên tai"
                    continue
                joins = word in ("-", "–") or not self.starts_agency(nxt[0]) if nxt else False
                if nxt and self._is_upper(nxt[0]) and seen_name and joins:
                    end = te
                    continue
                if word == "," and seen_name and 1 <= lower_run <= 3 and nxt and self.starts_agency(nxt[0]):
                    # "Cục ... Thông tin điện tử, Cục Thông tin cơ sở": a list goes on with another
                    # agency, so the lowercase words before the comma end this one's name.
                    confirmed = end
                break
            tail = reg.tails.match(self.key, ts, self.limit) if seen_name and word[0] in tails else None
            if tail and seen_name and word in ("tỉnh", "thành"):
                unnamed = self._unnamed_province(ts)
                if unnamed is not None:
                    end = confirmed = unnamed  # "Sở Y tế tỉnh | và Sở Tài chính": no place name follows
                    break
            elif tail and seen_name:
                end = confirmed = tail.end()
                if self._joined_part(end) or self._place_after_centre(tail.group(0), end):
                    continue  # "Cục Thông tin cơ sở | và Thông tin đối ngoại", "... Trung ương | Cần Thơ"
                break
            upper = self._is_upper(ts)
            if not upper and reg.stop_words.match(self.key, ts, self.limit) and not self._inside_word(end, te):
                if (
                    seen_name
                    and 1 <= lower_run <= 4
                    and (word not in _FUNCTION_WORDS or _RESPONSIBLE.match(self.key, ts, self.limit))
                ):
                    confirmed = end  # "Cục Trồng trọt và Bảo vệ thực vật | hướng dẫn": a verb ends the name
                elif word in ("các", "những") and seen_name and self._capital_soon(te):
                    end = te  # "Cục Văn hóa các dân tộc Việt Nam"
                    lower_run += 1
                    cap_run = 0
                    continue
                break
            locality = reg.localities.match(self.key, ts, self.limit) if word[0] in localities else None
            if locality and upper and " " in locality.group(0):
                end = confirmed = locality.end()  # "... Việt Nam Thành phố": the place word whole
                seen_name = True
                cap_run = 0
                continue
            if upper and self._verb_on_new_line(end, ts):
                break
            if upper or word.isdigit():
                end = confirmed = te
                seen_name = True
                cap_run = cap_run + 1 if upper else cap_run
                lower_run = 0
                continue
            if locality:  # a lowercase place word: "tỉnh", "thành phố"
                end = confirmed = locality.end()
                seen_name = True
                cap_run = 0
                continue
            if not seen_name and (need_name or word not in _GROUP_LINKS or lower_run >= 1):
                break
            if (
                seen_name
                and lower_run == 0
                and cap_run == 1
                and self.text[ts - 1 : ts] == " "
                and not self.text[max(pos, ts - 4) : ts - 1].isupper()
            ):
                end = confirmed = te  # the second syllable: "Truyền thông"
                cap_run = 0
                continue
            lower_run += 1
            cap_run = 0
            if lower_run > 6:
                break
            end = te
        if need_name and not seen_name:
            return None
        return confirmed

    def _unnamed_province(self, ts: int) -> int | None:
        """Where a bare "tỉnh" / "thành phố" at ``ts`` ends, when no place name follows it: the
        document's own province, closing a name ("Sở Y tế tỉnh", "... nông nghiệp tỉnh")."""
        place = self.reg.tails.match(self.key, ts, self.limit)
        if place is None or place.group(0) not in ("tỉnh", "thành phố"):
            return None
        after = self._token(place.end())
        return place.end() if after is None or not self._is_upper(after[0]) else None

    def _province_tail(self, end: int) -> int | None:
        """A name that goes on in lowercase to the province's word: "Ban Quản lý dự án đầu tư xây
        dựng | công trình nông nghiệp tỉnh", "Trung tâm Phát triển | quỹ đất tỉnh". Only name
        words may come between (no verb, no punctuation), and no place name after "tỉnh"."""
        cur = end
        for count in range(12):
            tok = self._token(cur)
            if tok is None:
                return None
            ts, te = tok
            word = self.key[ts:te]
            if not word.isalpha() or self._is_upper(ts) or (count == 0 and word == "và"):
                return None
            if count > 0 and word in ("tỉnh", "thành"):
                return self._unnamed_province(ts)
            if word == "của" and count > 0 and self.key.startswith(("tỉnh", "thành phố"), self.skip_space(te)):
                cur = te  # "Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm | của tỉnh"
                continue
            if (
                word not in ("và", "các")
                and self.reg.stop_words.match(self.key, ts, self.limit)
                and not self._inside_word(cur, te)
                and not self._opens_compound(ts, te)
            ):
                return None
            cur = te
        return None

    def _opens_compound(self, ts: int, te: int) -> bool:
        """Whether the syllable ``key[ts:te]``, a verb alone, opens a compound noun with the next
        one: "giao | thông" (not "giao" = assign)."""
        if self.key[ts:te] not in _COMPOUND_FIRSTS:
            return False
        nxt = self._token(te)
        return nxt is not None and f"{self.key[ts:te]} {self.key[nxt[0] : nxt[1]]}" in _COMPOUNDS

    def _joined_part(self, end: int) -> bool:
        """Whether "và" + a capitalized word that starts no agency follows ``end``: the second
        part of one name ("... cơ sở và Thông tin đối ngoại"), not a second agency."""
        link = self._token(end)
        if link is None or self.key[link[0] : link[1]] != "và":
            return False
        nxt = self._token(link[1])
        return nxt is not None and self._is_upper(nxt[0]) and not self.starts_agency(nxt[0])

    def _inside_word(self, end: int, te: int) -> bool:
        """Whether the syllable just read ends a compound word whose last syllable is also a verb:
        "công trình" (not "trình"), "đào tạo", "thành lập"."""
        last = self.key[end:te].strip()
        if last not in _COMPOUND_LASTS:
            return False
        previous = self.key[max(0, end - 12) : end].split()
        return bool(previous) and f"{previous[-1]} {last}" in _COMPOUNDS

    def _person_after(self, end: int) -> int:
        """A position goes on with the holder's name: "Phó Thủ tướng Chính phủ Trần Hồng Hà"."""
        match = _PERSON.match(self.text, end, self.limit)
        if match and match.group("surname") in _surnames():
            return match.end()
        return end

    def _capital_soon(self, pos: int) -> bool:
        """Whether a capitalized word comes within three lowercase words after ``pos``."""
        for _ in range(4):
            tok = self._token(pos)
            if tok is None or not self.key[tok[0]].isalpha():
                return False
            if self._is_upper(tok[0]):
                return not self.starts_agency(tok[0])
            if self.reg.stop_words.match(self.key, tok[0], self.limit):
                return False
            pos = tok[1]
        return False

    # -- one mention --------------------------------------------------------------------------
    def read(self, pos: int, *, lenient: bool = False) -> Mention | None:
        """The agency whose name starts at ``pos`` (after spaces), or None.

        ``lenient`` accepts a lowercase head, as after "giao cho phòng CNTT".
        """
        start = self.skip_space(pos)
        end = self._read_end(start, lenient=lenient)
        if end is None or end <= start:
            return None
        end = self._province_tail(end) or end
        written = self.text[start:end].strip(" ,")
        return Mention(start, start + len(written), written, self.canonical(written))

    def _read_end(self, start: int, *, lenient: bool = False) -> int | None:
        limit = checked = self.limit
        if not self._may_open(start, limit):
            return None
        reg, key, text = self.reg, self.key, self.text
        if _FALSE_HEAD.match(key, start, limit):
            return None
        place = _PLACE_AGENCY.match(text, start, limit)
        if place:
            return place.end()
        if self.place.subject:
            bare = _BARE_PLACE.match(text, start, limit)
            if bare and not _PLACE_AGENCY.match(text, start):
                return bare.end()
        official = _OFFICIAL.match(text, start, limit)
        if official and reg.positions.match(key, official.end(), limit):
            # "đồng chí Nguyễn Văn A, Phó Giám đốc Sở Y tế": the named official, as written (rule 8)
            inner = self._read_end(official.end())
            if inner:
                return inner
            limit = self.limit  # moved only by a read outside read_list (see starts_agency)
        upper = self._is_upper(start)
        first = key[start : start + 1]
        role = reg.roles.match(key, start, limit) if upper and first in reg.firsts["roles"] else None
        if role and not _COLON.match(key, role.end(), limit) and not key.startswith(" thực hiện", role.end()):
            return role.end()
        positions = first in reg.firsts["positions"] and (upper or key.startswith("đồng chí", start))
        position = reg.positions.match(key, start, limit) if positions else None
        if position:
            rest = self.skip_space(position.end())
            inner = self._read_end(rest) if self.starts_agency(rest) else None
            if inner is None and reg.group_nouns.match(key, rest, self.limit):
                inner = self._group_end(reg.group_nouns.match(key, rest, self.limit).end())
            if inner is None and key[position.start() : position.end()].split()[-1] in reg.grammar["place_units"]:
                inner = self._place_name_end(position.end())  # "Trưởng thôn Cốc Rế"
            return self._person_after(inner if inner else position.end())
        plural = _PLURAL.match(key, start, limit)
        at = plural.end() if plural else start
        if (plural or limit != checked) and _FALSE_HEAD.match(key, at, limit):
            return None  # (without "các", the head was checked above)
        return self._head_end(at, self._is_upper(at) if plural else upper, plural, lenient)

    def _head_end(self, at: int, upper: bool, plural: re.Match[str] | None, lenient: bool) -> int | None:
        """Where a name whose head is at ``at`` ends (after "các", if ``plural``); ``upper``:
        whether the head is capitalized. Patterns whose match would not count are not tried."""
        reg, key, limit = self.reg, self.key, self.limit
        counts = upper or plural or lenient  # a registry name, a bare noun or a head counts only so
        described = self._described(at) if counts and not plural else None
        if described:
            return described  # "Ban Quản lý dự án Hồ chứa nước Ka Pét", "Phòng Cảnh sát giao thông"
        for fixed in (reg.body_re, reg.bare) if counts else ():
            match = fixed.match(key, at, limit)
            if match:
                if fixed is reg.bare and " ".join(match.group(0).split()) in _ROLES:
                    if plural:
                        return self._group_end(match.end())  # "các nhà đầu tư, nhà thầu"
                    # "Nhà đầu tư 02 dự án", "Nhà đầu tư Dự án cao tốc Tân Phú - Bảo Lộc"
                    longer = self._name_end(match.end(), need_name=False)
                    return longer if longer and longer > match.end() else match.end()
                return self._extend_place(match.end())
        field_head = _FIELD_HEAD.match(key, at, limit)
        if field_head:
            field = reg.field_re.match(key, field_head.end(), limit)
            if field and (self._is_upper(field_head.end()) or lenient):
                return self._extend_place(field.end())
        compounds = key[at : at + 1] in reg.firsts["compound_heads"]
        compound = reg.compound_heads.match(key, at, limit) if compounds else None
        if compound:
            return self._compound_end(compound.end())
        if plural:
            group = reg.group_nouns.match(key, at, limit)
            if group:
                return self._group_end(group.end())
        elif upper:
            group = reg.group_nouns.match(key, at, limit)
            sep = _COMMA.match(key, group.end(), limit) if group else None
            if sep and not self._is_upper(sep.end()) and reg.group_nouns.match(key, sep.end(), limit):
                return self._group_end(group.end())  # "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"
        head = reg.heads.match(key, at, limit) if counts else None
        if head:
            if " ".join(head.group(0).split()) in _LOCAL_HEADS:
                return self._locality_end(head.end())
            name = self._name_end(head.end(), need_name=not plural)
            if name is None and not plural:
                name = self._province_tail(head.end())  # "Ban Chỉ đạo giải phóng mặt bằng ... của tỉnh"
            return name
        return None

    def _extend_place(self, end: int) -> int:
        """Take a trailing place or number: "Công an tỉnh" + " Kiên Giang", "... xây dựng" + " số 1"."""
        cur = end
        while True:
            tok = self._token(cur)
            if tok is None:
                return cur
            ts, te = tok
            word = self.key[ts:te]
            if cur == end and word in ("tỉnh", "thành"):
                unnamed = self._unnamed_province(ts)  # "Sở Y tế tỉnh | và Sở Tài chính"
                return unnamed if unnamed is not None else cur
            if cur == end and word in ("xã", "phường") and self.text[ts].islower() and not self._social(te):
                cur = te  # "Trạm Y tế phường", "Trạm Y tế xã Tân Lập": the commune's own
                continue
            if word == "số":
                nxt = self._token(te)
                if nxt and self.key[nxt[0] : nxt[1]].isdigit():
                    cur = nxt[1]
                    continue
                return cur
            if self._is_upper(ts) and self._verb_on_new_line(cur, ts):
                return cur
            if self._is_upper(ts) and not self.starts_agency(ts):
                tail = self.reg.tails.match(self.key, ts, self.limit)
                cur = tail.end() if tail and tail.group(0) == "trung ương" else te  # "Công an Trung ương"
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
        end = None
        cur = pos
        while (tok := self._token(cur)) is not None and self._is_upper(tok[0]) and not self.starts_agency(tok[0]):
            if self._verb_on_new_line(cur, tok[0]):
                break
            end = cur = tok[1]
        return end

    def _social(self, pos: int) -> bool:
        """Whether "hội" follows ``pos``: "xã hội" is a word ("xã hội hóa"), not a commune."""
        tok = self._token(pos)
        return tok is not None and self.key[tok[0] : tok[1]] == "hội"
