"""Where an agency's name ends: the name words after its head, read one word at a time, and
the lowercase words that go on to the province's word ("... quỹ đất tỉnh")."""

from __future__ import annotations

from chidao.extract.agency_name_parts import NameParts
from chidao.extract.agency_words import (
    _AND_WORD,
    _COMMA_COMPOUND,
    _COMPOUND_FIRSTS,
    _COMPOUND_LASTS,
    _COMPOUNDS,
    _CONNECT,
    _ENDING_VERBS,
    _FUNCTION_WORDS,
    _GROUP_LINKS,
    _HARD_STOP,
    _KIND_FIRSTS,
    _KIND_WORDS,
    _OF_WORD,
    _PARENT_HEADS,
    _PARTY_COMMITTEE,
    _PLURAL_WORDS,
    _RESPONSIBLE,
    _TAIL_LINKS,
    _UNITS_PLURAL,
)
from chidao.extract.cues import cues


class _Run:
    """A name being read: how far it reaches (``end``), how far that is confirmed, whether a
    name word was read, and the lowercase and capitalized words read since the last of the
    other kind."""

    __slots__ = ("cap_run", "confirmed", "end", "lower_run", "seen_name", "start")

    def __init__(self, pos: int) -> None:
        self.start = pos
        self.end = self.confirmed = pos
        self.lower_run = self.cap_run = 0
        self.seen_name = False


class NameContinuation(NameParts):
    """The name-continuation part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit``, ``reg`` and token helpers)."""

    def _name_end(self, pos: int, *, need_name: bool, commas: bool = True) -> int | None:
        """Extend a name from ``pos`` over name words; None if a name was needed but absent.

        Only the first syllable of a name word is capitalized ("Truyền thông", "Công nghệ"), so
        one lowercase syllable after a lone capitalized one belongs to it. Further lowercase words
        ("quỹ đất", "thông tin") belong to the name only when something confirms it: a capital,
        a place word ("tỉnh"), a colon or the end of the phrase; a verb after them ends the name
        before them ("Báo Hòa Bình Xanh tăng thời lượng").
        """
        run = _Run(pos)
        while self._name_word(run, pos, need_name, commas):
            pass
        if need_name and not run.seen_name:
            return None
        return run.confirmed

    def _name_word(self, run: _Run, pos: int, need_name: bool, commas: bool) -> bool:
        """Read the word at ``run.end`` into the name that started at ``pos``; False once the
        name has ended (``run.confirmed`` is then where)."""
        tok = self._token(run.end)
        if tok is None:
            if run.seen_name:
                run.confirmed = run.end
            return False
        ts, te = tok
        word = self.key[ts:te]
        if word in _HARD_STOP:
            if run.seen_name:
                run.confirmed = run.end
            return False
        if word in _CONNECT:
            return self._name_connector(run, ts, te, word, commas)
        if run.seen_name and word[0] in self.reg.firsts["tails"]:  # what the tails' matches start with
            tailed = self._name_tail(run, ts, word)
            if tailed is not None:
                return tailed
        upper = self._is_upper(ts)
        field = self._field_after(ts) if not upper and run.seen_name and not run.lower_run else None
        if field is not None:
            run.end = run.confirmed = field  # "Trung tâm Quan trắc | tài nguyên và môi trường" (genre g594)
            return True
        if (
            not upper
            and self.reg.stop_words.match(self.key, ts, self.limit)
            and not self._inside_word(run.end, te)
            and not self._opens_compound(ts, te)  # "Cục Cảnh sát giao thông" (genre g81)
        ):
            if self._noun_at_end(run, ts):
                return False
            return self._name_verb(run, ts, te, word)
        return self._name_part(run, pos, (ts, te), word, upper, need_name)

    def _noun_at_end(self, run: _Run, ts: int) -> bool:
        """ "Phòng Quản lý chất lượng công trình xây dựng | chủ trì": a word that is a verb elsewhere
        ("xây dựng", "tổng hợp") closes a name that already runs on in lowercase words when a verb
        follows it at once (genre g91). The name then ends after it."""
        if run.lower_run < 2:
            return False  # "Sở Y tế | tổng hợp báo cáo": the name had ended
        noun = self.reg.noun_verbs.match(self.key, ts, self.limit)
        if noun is None or self._inside_word(ts, noun.end()):
            return False
        after = self._token(noun.end())
        if after is None or self.key[after[0] : after[1]] == ":" or "\n" in self.key[noun.end() : after[0]]:
            run.end = run.confirmed = noun.end()  # "3. Cục Kinh tế - Quản lý đầu tư xây dựng(:)" (genre g380)
            return True
        if after is None or self._is_upper(after[0]):
            return False
        verb = self.reg.stop_words.match(self.key, after[0], self.limit)
        if verb is None or " ".join(verb.group(0).split()) in _FUNCTION_WORDS:
            return False  # "Cục Quản lý đất đai | tổng hợp các vướng mắc": "các" is no verb
        run.end = run.confirmed = noun.end()
        return True

    def _name_connector(self, run: _Run, ts: int, te: int, word: str, commas: bool) -> bool:
        """A comma, "và" or dash inside the name joins a capitalized part that opens no agency."""
        if word == "," and not commas:
            return False
        if word in ("-", "–") and self._opens_line(ts):
            return False  # "Đối với Tập đoàn Sao Việt" + "- Tập trung ...": a bullet, not a name's part
        nxt = self._token(te)
        if (
            word == ","
            and nxt
            and run.seen_name
            and self.key[ts - len(_COMMA_COMPOUND[0]) : ts] == _COMMA_COMPOUND[0]
            and self.key.startswith(_COMMA_COMPOUND[1], nxt[0])
        ):
            run.end = te  # "Cục Quản lý đê điều và Phòng, chống thiên tai"
            return True
        joins = (
            word in ("-", "–")
            or not self.starts_agency(nxt[0])
            or self._unnamed_head(nxt[0])
            or (word == "," and self.key.startswith(_PARENT_HEADS, nxt[0]) and self._member_school(run.start))
            if nxt
            else False
        )  # "Trường Đại học Ngoại ngữ, | Đại học Huế": a member school and its university (g333)
        if nxt and self._is_upper(nxt[0]) and run.seen_name and joins:
            run.end = te
            return True
        if word in ("-", "–") and run.seen_name and run.lower_run and nxt and self._lower_pair_end(nxt[0]):
            run.end = run.confirmed = self._lower_pair_end(nxt[0])  # "Vụ Pháp luật dân sự - kinh tế" (g337)
            return False
        if word == "," and nxt and self.lower_group_at(nxt[0]):
            return False  # "..., | đảng ủy các xã, phường": the list's next group (genre g844)
        closed = self._comma_part_tailed(te) if word == "," and run.seen_name and nxt else None
        if word == _AND_WORD and run.seen_name and nxt and not self._is_upper(nxt[0]):
            closed = self._and_part_closed(te)
        if closed is not None:
            run.end = run.confirmed = closed  # "Phòng Công tác học sinh, sinh viên thuộc Sở" (genre g115)
            return False
        if (
            word in (",", _AND_WORD)
            and run.seen_name
            and 1 <= run.lower_run <= 3
            and nxt
            and self.starts_agency(nxt[0])
        ):
            # "Cục ... Thông tin điện tử, Cục Thông tin cơ sở": a list goes on with another
            # agency, so the lowercase words before the comma end this one's name; so does "và"
            # ("Vụ Kết cấu hạ tầng | và Viện Chiến lược ...", genre k06).
            run.confirmed = run.end
        return False

    def _opens_line(self, pos: int) -> bool:
        """Whether only spaces stand between the line's start and ``pos``."""
        line_start = self.key.rfind("\n", 0, pos) + 1
        return not self.key[line_start:pos].strip()

    def _name_tail(self, run: _Run, ts: int, word: str) -> bool | None:
        """A registry tail closes the name ("... tỉnh Lâm Đồng", "... Trung ương"): whether the
        name goes on after it; None if no tail is at ``ts`` or a bare "tỉnh" names a place."""
        tail = self.reg.tails.match(self.key, ts, self.limit)
        if not tail:
            return None
        if word in _KIND_FIRSTS:
            committee = _PARTY_COMMITTEE.match(self.key, ts, self.limit)
            if committee:
                run.end = run.confirmed = committee.end()  # "Ban Nội chính | Tỉnh ủy"
                return False
            unnamed = self._unnamed_province(ts)
            if unnamed is None:
                return None
            run.end = run.confirmed = unnamed  # "Sở Y tế tỉnh | và Sở Tài chính": no place name follows
            return False
        run.end = run.confirmed = tail.end()
        # "Cục Thông tin cơ sở | và Thông tin đối ngoại", "... Trung ương | Cần Thơ"
        return self._joined_part(run.end) or self._place_after_centre(tail.group(0), run.end)

    def _name_verb(self, run: _Run, ts: int, te: int, word: str) -> bool:
        """A lowercase verb or function word at ``ts`` ends the name, or confirms it."""
        if (
            run.seen_name
            and 1 <= run.lower_run <= 4
            and (
                word not in _FUNCTION_WORDS
                or _RESPONSIBLE.match(self.key, ts, self.limit)
                or self.key.startswith(_ENDING_VERBS, ts)  # "... Bảo vệ thực vật | theo dõi": a verb
            )
        ):
            run.confirmed = run.end  # "Cục Trồng trọt và Bảo vệ thực vật | hướng dẫn": a verb ends the name
        units = _UNITS_AFTER.match(self.key, self.skip_space(te), self.limit) if word == _UNITS_PLURAL else None
        if units and run.seen_name and run.lower_run == 0:
            # "Trung tâm Y tế các khu vực", "Trung tâm Y tế các huyện" (genre g76), "Sở Y tế các
            # tỉnh, thành phố trực thuộc Trung ương"; "Trạm Y tế các xã | biên giới" (genre g270)
            run.end = run.confirmed = units.end()
            qualifier = self.reg.locality_qualifiers.match(self.key, self.skip_space(units.end()), self.limit)
            if qualifier and not self.key[qualifier.end() : qualifier.end() + 1].isalnum():
                run.end = run.confirmed = qualifier.end()
            return False
        if word in _PLURAL_WORDS and run.seen_name and self._capital_soon(te):
            run.end = te  # "Cục Văn hóa các dân tộc Việt Nam"
            run.lower_run += 1
            run.cap_run = 0
            return True
        return False

    def _name_part(self, run: _Run, pos: int, tok: tuple[int, int], word: str, upper: bool, need_name: bool) -> bool:
        """A place word, a capitalized word or a number goes into the name; a lowercase word
        goes in provisionally (``_name_lowercase``)."""
        ts, te = tok
        reg = self.reg
        locality = reg.localities.match(self.key, ts, self.limit) if word[0] in reg.firsts["localities"] else None
        if locality and upper and " " in locality.group(0):
            run.end = run.confirmed = locality.end()  # "... Việt Nam Thành phố": the place word whole
            run.seen_name = True
            run.cap_run = 0
            return True
        if upper and self._verb_on_new_line(run.end, ts):
            return False
        if upper or word.isdigit():
            run.end = run.confirmed = te
            run.seen_name = True
            if upper:
                run.cap_run += 1
            run.lower_run = 0
            return True
        if locality:  # a lowercase place word: "tỉnh", "thành phố"
            run.end = run.confirmed = locality.end()
            run.seen_name = True
            run.cap_run = 0
            return True
        return self._name_lowercase(run, pos, ts, te, word, need_name)

    def _name_lowercase(self, run: _Run, pos: int, ts: int, te: int, word: str, need_name: bool) -> bool:
        """A lowercase word: the second syllable of a lone capitalized one ("Truyền thông"), or
        one of at most six words that only a later capital or place word confirms."""
        if not run.seen_name and (need_name or word not in _GROUP_LINKS or run.lower_run >= 1):
            return False
        if (
            run.seen_name
            and run.lower_run == 0
            and run.cap_run == 1
            and self.text[ts - 1 : ts] == " "
            and not _acronym_before(self.text[max(pos, ts - 4) : ts - 1])
        ):
            run.end = run.confirmed = te  # the second syllable: "Truyền thông"
            run.cap_run = 0
            return True
        run.lower_run += 1
        run.cap_run = 0
        if run.lower_run > 6:
            return False
        run.end = te
        return True

    def _unnamed_province(self, ts: int) -> int | None:
        """Where a bare "tỉnh" / "thành phố" at ``ts`` ends, when no place name follows it: the
        document's own province, closing a name ("Sở Y tế tỉnh", "... nông nghiệp tỉnh")."""
        place = self.reg.tails.match(self.key, ts, self.limit)
        if place is None or place.group(0) not in _KIND_WORDS:
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
            if not word.isalpha() or self._is_upper(ts) or (count == 0 and word == _AND_WORD):
                return None
            if count > 0 and word in _KIND_FIRSTS:
                return self._unnamed_province(ts)
            if word == _OF_WORD and count > 0 and self.key.startswith(_KIND_WORDS, self.skip_space(te)):
                cur = te  # "Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm | của tỉnh"
                continue
            if (
                word not in _TAIL_LINKS
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
        if link is None or self.key[link[0] : link[1]] != _AND_WORD:
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


# The units a body is one per, after its name and "các": "Trung tâm Y tế các khu vực".
_UNITS_AFTER = cues("agency_cues.toml")["units_after"]  # "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"


def _acronym_before(chars: str) -> bool:
    """Whether the word ending ``chars`` is an acronym ("TT", "CNTT"), not the capital "Y" of
    "Trung tâm Y tế" (genre g76: "Trung tâm Y tế các khu vực" was cut at "Y")."""
    words = chars.split()
    return chars.isupper() and not (words and len(words[-1]) == 1)
