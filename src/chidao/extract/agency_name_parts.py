"""Parts of an agency's name that its reader checks one at a time: a body's role that closes a name
("... chứng thực | chủ trì"), a head that names a body only with a name after it ("Viễn thông"), a
member school named with its university, a lowercase pair after a dash ("dân sự - kinh tế")."""

from __future__ import annotations

from functools import cache

from chidao.extract.agency_words import _CLOSING_ROLES, _MEMBER_HEADS, _NAMED_HEADS, _UNDER_WORDS
from chidao.extract.registry import registry


@cache
def _field_firsts() -> frozenset[str]:
    """The letters a sector's name starts with: ``field_re`` is tried only there."""
    return frozenset(key[:1] for key in registry().fields)


class NameParts:
    """Part of ``AgencyReader`` (mixed into it through ``NameContinuation``; uses its ``key``,
    ``limit``, ``reg`` and token helpers)."""

    def _tails_after(self, end: int) -> int:
        """Past a second tail right after a first: "Các trường mầm non, tiểu học, trung học cơ sở |
        trên địa bàn xã" (genre g1473, g1556)."""
        cur = self.skip_space(end)
        if self.key[cur : cur + 1] not in self.reg.firsts["tails"]:
            return end
        tail = self.reg.tails.match(self.key, cur, self.limit)
        return tail.end() if tail and not self.key[tail.end() : tail.end() + 1].isalnum() else end

    def _lower_pair_end(self, pos: int) -> int | None:
        """After a dash inside a name that runs on in lowercase: one or two lowercase words that are no
        verb, closed by the body's role, a verb or punctuation ("dân sự - | kinh tế | phối hợp"); where
        they end."""
        cur = pos
        for count in range(3):
            tok = self._token(cur)
            verb = tok is not None and self.reg.stop_words.match(self.key, tok[0], self.limit) is not None
            if tok is None or (count and (not self.key[tok[0]].isalnum() or self._closing_role(tok[0]) or verb)):
                return cur if count else None  # "... kinh tế | xây dựng Thông tư": a verb closes it too
            if self._is_upper(tok[0]) or verb:
                return None
            cur = tok[1]
        return None

    def _member_school(self, start: int) -> bool:
        """Whether the name read from ``start`` (past its head) is a school's or an institute's."""
        return any(head in self.key[max(0, start - 12) : start + 8] for head in _MEMBER_HEADS)

    def _unnamed_head(self, pos: int) -> bool:
        """ "Phòng Bưu chính, | Viễn thông chủ trì": a head that names a body only with a name
        after it ("Viễn thông Thái Nguyên"), here followed by none, goes on with the name."""
        for head in _NAMED_HEADS:
            if self.key.startswith(head, pos):
                after = self._token(pos + len(head))
                return after is None or not self._is_upper(after[0])
        return False

    def _closing_role(self, pos: int) -> bool:
        """Whether a body's role ("chủ trì", "phối hợp") stands at ``pos`` as a whole word."""
        for role in _CLOSING_ROLES:
            if self.key.startswith(role, pos) and not self.key[pos + len(role) : pos + len(role) + 1].isalnum():
                return True
        return False

    def _field_after(self, ts: int) -> int | None:
        """Where a sector's whole name written in lowercase at ``ts`` ends ("tài nguyên và môi
        trường"): the words of a name, whatever follows them; None if none starts there."""
        if self.key[ts : ts + 1] not in _field_firsts():
            return None
        field = self.reg.field_re.match(self.key, ts, self.limit)
        if field is None or self.key[field.end() : field.end() + 1].isalnum() or len(field.group(0).split()) < 3:
            return None  # "xây dựng", "tài chính": a verb or a noun as often as a sector
        return field.end()

    def _comma_part_tailed(self, pos: int) -> int | None:
        """After a comma inside a name: one to three lowercase words that are no verb, closed by a
        tail ("sinh viên | thuộc Sở"), belong to the name; where the tail ends, or None. So do
        lowercase parts parted by commas and closed by the body's role ("Cục Hộ tịch, | quốc tịch,
        chứng thực | chủ trì", genre g337)."""
        cur = pos
        words = 0
        for count in range(7):
            tok = self._token(cur)
            if tok is None:
                return None
            ts, te = tok
            tail = self.reg.tails.match(self.key, ts, self.limit) if count else None
            if tail and tail.group(0).startswith(_UNDER_WORDS):
                return tail.end()
            word = self.key[ts:te]
            if count and word in ("-", "–"):
                return self._owner_end(te)  # "Phòng Chính trị, tư tưởng - Sở Giáo dục và Đào tạo" (g135)
            if words >= 2 and self._closing_role(ts):
                return cur  # the role closes the name
            if word == "," and words:
                cur = te
                continue
            if not word.isalpha() or self._is_upper(ts) or self.reg.stop_words.match(self.key, ts, self.limit):
                return None
            words += 1
            if words > 4:
                return None
            cur = te
        return None

    def _and_part_closed(self, pos: int) -> int | None:
        """After "và" inside a name: two to six lowercase words that are no verb, closed at once by
        the body's role, belong to the name ("Phòng Quản lý nhà | và thị trường bất động sản | chủ
        trì"); where they end, or None."""
        cur = pos
        for words in range(7):
            tok = self._token(cur)
            if tok is None:
                return None
            if words >= 2 and self._closing_role(tok[0]):
                return cur
            if (
                not self.key[tok[0] : tok[1]].isalpha()
                or self._is_upper(tok[0])
                or self.reg.stop_words.match(self.key, tok[0], self.limit)
            ):
                return None
            cur = tok[1]
        return None

    def _owner_end(self, pos: int) -> int | None:
        """Where the body a unit belongs to, named after a dash, ends; None if no body opens there."""
        nxt = self._token(pos)
        if nxt is None or not self._is_upper(nxt[0]) or not self.starts_agency(nxt[0]):
            return None
        return self._read_end(nxt[0])
