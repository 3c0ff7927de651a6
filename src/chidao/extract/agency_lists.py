"""Reading lists of agencies ("A, B và C"), groups written with their members ("UBND các
tỉnh: A, B") and later references back to them ("các tỉnh nêu trên")."""

from __future__ import annotations

import re

from chidao.extract.agency_kinds import kinds_listed, numbered_members
from chidao.extract.agency_words import (
    _AND_WORD,
    _APPOSITION,
    _BACK_AFTER,
    _BACK_MARK,
    _CITY_KIND,
    _COLON,
    _COMMA_OR_AND,
    _COMMITTEES,
    _KIND_NAMED,
    _KIND_WORDS,
    _LIST_SEP,
    _LOCAL_COMMITTEE,
    _PLACE_GROUP,
    _PLACE_GROUP_CUE,
    _PLACE_NAME,
    _PLURAL_IN,
    _PROVINCE_KIND,
    _ROLES,
    _SEPARATOR,
    _SINGLE,
    _SINGLE_COMMITTEE,
    _group_key,
    _named_groups,
    _reference_key,
    _unqualified,
)
from chidao.extract.agency_words import _PLURAL as _PLURAL_WORD
from chidao.extract.mention import Mention
from chidao.extract.registry import phrase_key

_PLURAL_AFTER = re.compile(rf"\s+{_PLURAL_WORD.pattern}")  # "đảng ủy | các xã"


class ListReading:
    """The list-reading part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg`` and caches)."""

    # -- lists ---------------------------------------------------------------------------------
    def read_list(self, pos: int, *, lenient: bool = False, limit: int | None = None) -> tuple[list[Mention], int]:
        """ "A, B và C": every agency of a list starting at ``pos``; and where the list ends.

        A read is remembered with what it depends on, the groups of localities named so far
        included: the cutter reads some lists twice (a clause's opening as a heading, then as
        its subject)."""
        self.limit = len(self.text) if limit is None else min(limit, len(self.text))
        if not self._may_open(self.skip_space(pos), self.limit):
            return [], pos  # most positions asked about: no name opens there (as ``read`` finds)
        named = self._named_groups
        groups = (len(named), sum(len(g) for g in named.values())) if named else (0, 0)
        key = (pos, lenient, self.limit, self._priming, groups)
        known = self._lists.get(key)
        if known is not None:
            mentions, end, self.limit = known
            return list(mentions), end
        self._reading += 1
        try:
            found, end = self._read_list(pos, lenient)
        finally:
            self._reading -= 1
        self._lists[key] = (tuple(found), end, self.limit)
        return found, end

    def _read_list(self, pos: int, lenient: bool) -> tuple[list[Mention], int]:
        first = self.read(pos, lenient=lenient, opened=True)  # ``read_list`` asked ``_may_open``
        if first is None:
            return [], pos
        mentions = self._distribute(first)
        end = mentions[-1].end
        while True:
            sep = _SEPARATOR.match(self.key, end, self.limit)
            if not sep:
                break
            role = self._project_role_at(sep.end()) or self.lower_group_at(sep.end())
            if not role and not self.starts_agency(sep.end()):
                break
            nxt = self.read(sep.end(), lenient=role)
            if nxt is None:
                break
            more = self._distribute(nxt)
            if len(more) == 1 and _AND_WORD in self.key[end : sep.end()]:
                more = [self._committee_of_group(mentions[-1], more[0])]
            mentions.extend(more)
            end = more[-1].end
        return mentions, end

    def _committee_of_group(self, group: Mention, member: Mention) -> Mention:
        """ "Chủ tịch Ủy ban nhân dân các xã, phường ven biển và | đặc khu Lý Sơn": a locality by
        its kind and name after a plural group of committees is one committee more (genre g311)."""
        written = group.name
        lowered = written.lower()
        at = lowered.find(f"{_COMMITTEES[0]} ")
        if at < 0 or not _PLURAL_IN.match(lowered, at + len(_COMMITTEES[0])):
            return member
        if not _KIND_NAMED.match(member.written) or not member.written[:1].islower():
            return member
        head = written[: at + len(_COMMITTEES[0])]
        return Mention(member.start, member.end, member.written, self.canonical(f"{head} {member.written}"))

    def lower_group_at(self, pos: int) -> bool:
        """Whether a body's head in lowercase and a group of localities after it open at ``pos``: "Các
        đảng ủy trực thuộc Tỉnh ủy, | đảng ủy các xã, phường", "Các sở, ngành, | ủy ban nhân dân các
        xã" — a second group of the list, not the first's words (genre g844)."""
        pos = self.skip_space(pos)
        if self._is_upper(pos):
            return False
        head = self.reg.heads.match(self.key, pos, self.limit)
        return head is not None and _PLURAL_AFTER.match(self.key, head.end(), self.limit) is not None

    def _project_role_at(self, pos: int) -> bool:
        """Whether a party named by its project ("nhà đầu tư", "chủ đầu tư") opens at ``pos``,
        written in lowercase as a list's last member."""
        rest = self.key[pos : pos + 16]
        return any(rest.startswith(role) and not rest[len(role) : len(role) + 1].isalnum() for role in _ROLES)

    def _distribute(self, mention: Mention) -> list[Mention]:
        """A group written with its members is recorded as its members.

        "các Tập đoàn: A, B" → "Tập đoàn A", "Tập đoàn B"; "UBND các tỉnh, thành phố: Tuyên
        Quang, Hồ Chí Minh" → "Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân thành phố Hồ
        Chí Minh"; "các tỉnh Nghệ An, Cao Bằng"; "các địa phương (Ninh Bình, Hải Phòng)";
        "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý ...)".
        """
        places, strays = self._place_members(mention)
        if places:
            key = _group_key(mention.written)
            if key != "\0":
                self._named_groups.setdefault(key, [m for m in places if m.start not in strays] or places)
                head = f"{_COMMITTEES[0]} " if key.startswith(_COMMITTEES[0]) else ""  # "ủy ban nhân dân "
                for member in places:  # "... và thành phố Cần Thơ": a locality of another kind
                    if member.start in strays:
                        self._named_groups.setdefault(f"{_SINGLE}{head}{strays[member.start]}", []).append(member)
            return places
        earlier = None
        # a group in capitals heads a section of its own ("V. ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG"): the
        # whole group, not the members of one named earlier (genre g1568)
        if self._named_groups and not self._priming and not mention.written.isupper():
            back = _BACK_AFTER.match(self.key, mention.end, self.limit) is not None
            earlier = self._earlier_members(mention.written, back)
        if earlier and earlier[0].start < mention.start and not _COLON.match(self.key, mention.end, self.limit):
            return [Mention(mention.start, mention.end, m.written, m.name) for m in earlier]
        listed = (
            self._parenthesized_members(mention)
            or self._members_after(mention)
            or self._named_role(mention)
            or self._kinds(mention)
        )
        if listed:
            return listed
        return self._colon_members(mention)

    def _kinds(self, mention: Mention) -> list[Mention]:
        """ "Các trường THPT, PTDTNT", "Tổ dân phố số 1, 2, 3": one mention per kind or number."""
        return kinds_listed(mention, self.reg.abbreviations, self.canonical) or numbered_members(
            mention, self.canonical
        )

    def _earlier_members(self, written: str, back: bool = False) -> list[Mention] | None:
        """The members a bare group refers back to: the group of the same kinds named with its
        members, or, for "UBND các tỉnh, thành phố nêu trên", every locality of those kinds the
        text named before ("UBND các tỉnh Tây Ninh, Đồng Tháp và UBND thành phố Cần Thơ")."""
        back = back or _BACK_MARK.search(written) is not None
        written = _BACK_MARK.sub("", written)
        position = self.reg.positions.match(phrase_key(written))
        if position and _LOCAL_COMMITTEE.match(phrase_key(written)[position.end() :].lstrip()):
            # "Chủ tịch UBND các tỉnh, thành phố nêu trên": the chair of each committee (genre g121)
            size = len(position.group(0).split())
            title, rest = " ".join(written.split()[:size]), " ".join(written.split()[size:])
            members = self._earlier_members(rest, back)
            if not members:
                return None
            return [Mention(m.start, m.end, m.written, self.canonical(f"{title} {m.name}")) for m in members]
        key = _reference_key(written)
        if key == "\0":
            return None
        bare = _unqualified(key, written)
        if bare != key and not back:
            return None  # "UBND các xã biên giới" with no "nêu trên": the group as written (genre g649)
        exact = self._named_groups.get(key)
        if not exact and bare != key:
            key, exact = bare, self._named_groups.get(bare)
        if exact or "," not in key:
            return exact
        head, _, kinds = (
            key.rpartition(" ")
            if not key.startswith(f"{_COMMITTEES[0]} ")
            else (
                _COMMITTEES[0],
                "",
                key[len(_COMMITTEES[0]) + 1 :],
            )
        )
        found: list[Mention] = []
        for kind in (k.strip() for k in kinds.split(",")):
            named = self._named_groups.get(f"{head} {kind}".strip()) or self._named_groups.get(
                f"{_SINGLE}{head} {kind}".strip()
            )
            if not named:
                return None  # every kind must have been named, or the reference is general
            found.extend(m for m in named if all(f.name != m.name for f in found))
        return sorted(found, key=lambda m: m.start)

    def prime_references(self) -> None:
        """Read every group of localities named with its members, so that a later reference
        back ("đề nghị Ủy ban nhân dân tỉnh, thành phố chỉ đạo ...") finds them; a single
        locality's committee named in the same list ("... và UBND thành phố Cần Thơ") is kept
        apart, for a reference back to several kinds."""
        self._priming = True
        try:
            for match in _named_groups(self.key):
                mentions, _ = self.read_list(match.start(), lenient=True)
                for mention in mentions:
                    single = _SINGLE_COMMITTEE.match(mention.name)
                    if single and _LOCAL_COMMITTEE.match(phrase_key(mention.written)):
                        named = self._named_groups.setdefault(f"{_SINGLE}{_COMMITTEES[0]} {single.group(1)}", [])
                        if all(m.start != mention.start for m in named):
                            named.append(mention)
        finally:
            self._priming = False
            self.limit = len(self.text)

    def _place_kind(self, name: str, kinds: list[str]) -> str:
        """The kind of locality a member of "các tỉnh, thành phố: A, B" is."""
        if len(kinds) == 1:
            return kinds[0]
        key = phrase_key(name)
        if _CITY_KIND in kinds and key in self.reg.cities:
            return _CITY_KIND
        if _PROVINCE_KIND in kinds and (key in self.reg.provinces or _CITY_KIND not in kinds):
            return _PROVINCE_KIND
        return kinds[0]

    def _place_members(self, mention: Mention) -> tuple[list[Mention], dict[int, str]]:
        """Members of a group of localities named with it, after a colon or right after it, and
        those named with a kind of their own ("các tỉnh: Cà Mau, An Giang và thành phố Cần Thơ"),
        by where they start."""
        written = mention.written
        match = _PLACE_GROUP.match(written) if _PLACE_GROUP_CUE.search(written) else None
        names_at: int | None = None
        if match and match.group("names"):
            # "Ủy ban nhân dân các tỉnh Ninh Bình, Hưng Yên | và thành phố Hải Phòng": a member of
            # another kind may follow the mention, as after a colon
            names_at = mention.start + match.start("names")
            limit = self.limit
        elif match and not match.group("names"):
            colon = _COLON.match(self.key, mention.end, self.limit)
            if colon and self._is_upper(colon.end()):
                names_at, limit = colon.end(), self.limit
        if match is None or names_at is None:
            return [], {}
        kinds = [" ".join(k.lower().split()) for k in _COMMA_OR_AND.split(match.group("kinds"))]
        head = match.group("head").strip()
        out: list[Mention] = []
        strays: dict[int, str] = {}
        pos = names_at
        while pos < limit:
            pos = self.skip_space(pos)
            own_kind = _KIND_NAMED.match(self.text, pos, limit) if out else None
            name = _PLACE_NAME.match(self.text, own_kind.end() if own_kind else pos, limit)
            if name is None or (out and not own_kind and self._other_body(pos, name.end())):
                break
            written_name = name.group(0).strip()
            kind = own_kind.group(1).lower() if own_kind else self._place_kind(written_name, kinds)
            if own_kind and kind not in kinds:  # "các tỉnh, thành phố: ... và thành phố Cần Thơ" is one of them
                strays[pos] = kind
            full = f"{head} {kind} {written_name}" if head else f"{kind} {written_name}"
            out.append(Mention(pos, name.start() + len(written_name), written_name, self.canonical(full)))
            pos = name.end()
            sep = _LIST_SEP.match(self.key, pos, limit)
            if sep is None or not (self._is_upper(sep.end()) or _KIND_NAMED.match(self.text, sep.end(), limit)):
                break
            pos = sep.end()
        if len(out) < 1 or (names_at < mention.end and pos < mention.end - 1):
            return [], {}  # not a clean list of place names: keep the mention as written
        if len(kinds) > 1 and len(out) < 2:
            return [], {}  # "UBND các huyện, thành phố Gia Nghĩa": every district, and the city
        if set(kinds) <= set(_KIND_WORDS) and not all(
            phrase_key(m.written) in self.reg.provinces | self.reg.cities for m in out
        ):
            return [], {}
        return out, strays

    def _other_body(self, pos: int, place_end: int) -> bool:
        """Whether a body, not a place, goes on at ``pos`` after the members: its name reads past
        the capitals ("các xã: Hàm Thuận Nam, Tân Thành | và Trung tâm Phát triển quỹ đất tỉnh")."""
        if not self.starts_agency(pos):
            return False
        body = self.read(pos)
        return body is not None and body.end > place_end

    def _whole_member(self, pos: int) -> int | None:
        """The end of a member named in full after a collective's colon ("Các lực lượng: Công an
        thành phố, Sở Y tế"): a body of its own, where "các Tập đoàn: Điện lực Việt Nam" names a
        Tập đoàn."""
        if not self.starts_agency(pos):
            return None
        limit = self.limit
        found, _ = self.read_list(pos, limit=limit)
        self.limit = limit
        return found[0].end if found else None

    def _named_role(self, mention: Mention) -> list[Mention]:
        """A role given its body: "yêu cầu nhà đầu tư là Công ty Cổ phần Địa ốc Phước Thành ..."
        is the company's task (genre g82)."""
        if " ".join(mention.written.lower().split()) not in _ROLES:
            return []
        named = _APPOSITION.match(self.key, mention.end, self.limit)
        if not named or not self.starts_agency(named.end()):
            return self._defined_role(mention)
        limit = self.limit
        members, _ = self.read_list(named.end(), limit=limit)
        self.limit = limit
        return members

    def _defined_role(self, mention: Mention) -> list[Mention]:
        """ "Công ty Cổ phần X (nhà đầu tư)" earlier in the text, then "Đối với nhà đầu tư:": the
        body the text gave the role to, the last time before the mention (genre g125)."""
        role = " ".join(mention.written.lower().split())
        marks = list(re.finditer(rf"\(\s*{re.escape(role)}\s*\)", self.key[: mention.start]))
        if not marks or self._priming:
            return []
        opening = marks[-1].start()
        known = self._role_bodies.get(opening)
        if known is None:
            known = self._role_bodies[opening] = self._body_ending_at(opening)
        return [Mention(mention.start, mention.end, body.written, body.name) for body in known]

    def _body_ending_at(self, end: int) -> list[Mention]:
        """The body whose name ends right before ``end`` (within 150 characters)."""
        limit = self.limit
        try:
            for word in re.finditer(r"(?<![\w])\w", self.key[max(0, end - 150) : end]):
                pos = max(0, end - 150) + word.start()
                if not self.starts_agency(pos):
                    continue
                self.limit = end
                body = self.read(pos)
                if body is not None and not self.key[body.end : end].strip():
                    return [body]
        finally:
            self.limit = limit
        return []
