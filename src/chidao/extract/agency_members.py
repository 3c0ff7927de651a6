"""A group's members written with it: after a colon ("các Tập đoàn: Điện lực Việt Nam, Dầu khí
Việt Nam"), in brackets ("Các cơ quan đăng ký đầu tư (Sở Tài chính, ...)") or after "gồm" ("Các
bệnh viện tuyến cuối gồm Bệnh viện Bạch Mai, ..."). Part of ``AgencyReader``."""

from __future__ import annotations

import re

from chidao.extract.agency_words import (
    _CITY_KIND,
    _COLON,
    _FIELD_GROUPS,
    _LIST_SEP,
    _OPENING,
    _PLURAL_FIRST,
    _PLURAL_IN,
    _PLURAL_INSIDE,
    _PLURAL_LOCALITIES,
    _PLURAL_OPENING,
    _PROVINCE_KIND,
    _ROLES,
    _SINGULARS,
)
from chidao.extract.cues import cues
from chidao.extract.mention import Mention
from chidao.extract.registry import phrase_key

_INCLUDING = cues("agency_cues.toml")["including"]  # "Các bệnh viện tuyến cuối gồm ..."


class MemberReading:
    """The member-reading part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg`` and the list reader)."""

    def _colon_members(self, mention: Mention) -> list[Mention]:
        """ "các Tập đoàn: A, B" → "Tập đoàn A", "Tập đoàn B"; "Các lực lượng: Công an thành
        phố, ...": the members after a group's colon, or the group alone."""
        colon = _COLON.match(self.key, mention.end, self.limit)
        if not colon:
            return [mention]
        plural = _PLURAL_IN.search(self.key[mention.start : mention.end] + " ")
        if not plural or not self._is_upper(colon.end()):
            return [mention]
        head = _PLURAL_OPENING.sub("", mention.written)
        head = _PLURAL_INSIDE.sub(" ", head)
        singular = _SINGULARS.get(head.lower(), head)  # "sở" → "Sở"
        # "các Bộ: Quốc phòng, Công an", "Bộ trưởng các Bộ: ...", "Giám đốc các Sở: ...": fields
        by_field = head.split()[-1].lower() in _FIELD_GROUPS
        out: list[Mention] = []
        pos = colon.end()
        while True:
            pos = self.skip_space(pos)
            field = self.reg.field_re.match(self.key, pos, self.limit) if by_field else None
            if field is None and self.reg.stop_words.match(self.key, pos, self.limit):
                break  # "Các sở, ban, ngành: Là các đơn vị ...": a sentence, not members
            whole = None if field or head.lower() not in self.reg.collective_heads else self._whole_member(pos)
            end = field.end() if field else whole or self._name_end(pos, need_name=True, commas=False)
            if end is None:
                break
            written = self.text[pos:end]
            full = written if whole else f"{singular} {written}"  # "Các lực lượng: Công an thành phố"
            out.append(Mention(mention.start if not out else pos, end, written, self.canonical(full)))
            sep = _LIST_SEP.match(self.key, end, self.limit)
            if not sep or not self._is_upper(sep.end()):
                break
            field_next = by_field and self.reg.field_re.match(self.key, sep.end(), self.limit)
            if self.starts_agency(sep.end()) and not field_next:
                break  # another body, not a member ("các Bộ: Quốc phòng, Công an" lists a field)
            pos = sep.end()
        return out or [mention]

    def _members_after(self, mention: Mention) -> list[Mention]:
        """A group followed by "gồm" and its members named in full: "Các bệnh viện tuyến cuối gồm
        Bệnh viện Bạch Mai, Bệnh viện Chợ Rẫy và Bệnh viện Trung ương Huế" (genre g785)."""
        including = _INCLUDING.match(self.key, mention.end, self.limit)
        if including is None or not _PLURAL_FIRST.match(mention.written.lower()):
            return []
        if not self._is_upper(including.end()):
            return []
        limit = self.limit
        members, _ = self.read_list(including.end(), limit=limit)
        self.limit = limit
        return members if len(members) >= 2 else []

    def _parenthesized_members(self, mention: Mention) -> list[Mention]:
        """A group followed by its members in parentheses."""
        opening = _OPENING.match(self.key, mention.end, self.limit)
        if not opening:
            return []
        role = " ".join(mention.written.lower().split()) in _ROLES
        # "Tổ công tác ... (gồm: A, B)": a team's member bodies, said to be its members
        listed = _INCLUDING.search(opening.group(0).replace("(", " ")) is not None
        if not (role or listed or _PLURAL_FIRST.match(mention.written.lower())):
            return []
        close = self.key.find(")", opening.end(), self.limit)
        if close < 0:
            return []
        inner_start = opening.end()
        kinds = _PLURAL_LOCALITIES.match(mention.written.lower())
        if kinds:
            out: list[Mention] = []
            for part in re.finditer(r"[^,;()]+", self.text[inner_start:close]):
                name = part.group(0).strip()
                if not name or not name[0].isupper() or len(name.split()) > 5:
                    return []
                key = phrase_key(name)
                kind = _CITY_KIND if key in self.reg.cities else _PROVINCE_KIND if key in self.reg.provinces else None
                if kind is None:
                    return []
                at = inner_start + part.start() + (len(part.group(0)) - len(part.group(0).lstrip()))
                out.append(Mention(at, at + len(name), name, self.canonical(f"{kind} {name}")))
            return out
        members, after = self.read_list(inner_start, limit=close)
        self.limit = len(self.text)
        if members and self.key[after:close].strip(" ,;.") == "":
            return members
        return []
