"""Agency mentions: where a name starts and ends in running text, and its canonical form.

Vietnamese official names capitalize only their first word after the type
("Trung tâm Phát triển quỹ đất tỉnh"), so capitals alone cannot find the
end of a name. We read a known name from the registry when there is one, and
otherwise a head word ("Sở", "Trung tâm", "các doanh nghiệp") followed by
name words up to the first verb or function word ("chủ trì", "phối hợp").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from chidao.document.lexicon import lexicon
from chidao.extract.registry import Registry, alternation, phrase_key, registry
from chidao.text.chars import LOWER, UPPER

_TOKEN = re.compile(r"\s*([\w&]+(?:[-–/.'’][\w&]+)*|[^\w\s])")
_PLURAL = re.compile(r"(?:tất cả các|toàn bộ các|các|những|mọi)\s+")
_FIELD_HEAD = re.compile(r"(?:đảng ủy bộ|đảng ủy|ban cán sự đảng bộ|sở|bộ|phòng)\s+")
_SEPARATOR = re.compile(r"\s*(?:,\s*và\s+|;\s*|,\s*|\s+và\s+)")
# "các đơn vị được giao chủ trì nhiệm vụ tại Phụ lục có trách nhiệm ...": a group named by its
# assignment, closed by the duty that follows it.
_ASSIGNED_GROUP = re.compile(r"\s+được\s+(?:giao|phân công)(?![\w])")
_FALSE_HEAD = re.compile(
    r"(?:báo cáo|báo chí|hội nghị|hội thảo|ban hành|đoàn kết|phòng,? chống|"
    r"vụ việc|cục bộ|bộ máy|bộ chỉ số|bộ tiêu chí|bộ phận|ban đầu)(?![\w])"
)
# A place named as written leads as itself: "tỉnh Nghệ An", "Phường Sơn Nam", "xã Hồng Minh".
_PLACE_AGENCY = re.compile(
    rf"(?:[Tt]hành phố|[Tt]ỉnh|[Pp]hường|[Xx]ã|[Đđ]ặc khu|[Tt]hị xã|[Tt]hị trấn)\s+[{UPPER}][{LOWER}]+"
    rf"(?:\s+[{UPPER}\d][{LOWER}\d]*)*"
)
_BARE_PLACE = re.compile(r"(?:Tỉnh|Thành phố)(?![\w])")
_COMMA_OR_AND = re.compile(r"\s*(?:,|và)\s*")
_COMMA = re.compile(r"\s*,\s*")
_UNDER = re.compile(r"(?:trực thuộc|thuộc)\s+")
_OF = re.compile(r"của\s+(?=\S)")
_HAVING = re.compile(r"\s+có\s+(?!trách nhiệm|ý kiến|văn bản|báo cáo|kế hoạch|liên quan)(?=[^\W\d_])")
_COLON = re.compile(r"\s*:\s*")
_OPENING = re.compile(r"\s*\(")
_SPACES = re.compile(r"\s*")
_LIST_SEP = re.compile(r"\s*(?:,|và|;)\s*")
_LOCALITY_KIND = r"(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn)"
# "Ủy ban nhân dân các tỉnh, thành phố[:] Hà Nội, Thái Nguyên", "các tỉnh Nghệ An, Cao Bằng".
_PLACE_GROUP = re.compile(
    rf"(?P<head>.*?)(?:^|(?<=\s))(?:[Cc]ác|[Nn]hững)\s+(?P<kinds>{_LOCALITY_KIND}(?:\s*(?:,|và)\s*{_LOCALITY_KIND})*)"
    rf"(?:\s*:?\s+(?P<names>[{UPPER}].*))?$",
    re.S,
)
# What every _PLACE_GROUP match holds: "các" or "những" before a kind of locality. The pattern's
# lazy head makes a miss cost a scan of every start; most groups ("các cơ quan") hold no cue.
_PLACE_GROUP_CUE = re.compile(rf"(?:[Cc]ác|[Nn]hững)\s+{_LOCALITY_KIND}")
_COMMITTEES = ("ủy ban nhân dân", "ubnd")  # what a group named with its members opens with
_NAMED_GROUP_REST = rf"\s+(?:các|những)\s+{_LOCALITY_KIND}(?:\s*,\s*{_LOCALITY_KIND})*\s*:?\s+(?=[^\W\d_])"
# One pattern for each committee's word: each opens with a literal, which ``re`` skips to fast.
_NAMED_GROUP_OF = tuple(re.compile(re.escape(word) + _NAMED_GROUP_REST) for word in _COMMITTEES)
_PLACE_NAME = re.compile(rf"[{UPPER}][{LOWER}]*(?:\s*-\s*|\s+)?(?:[{UPPER}\d][{LOWER}\d]*(?:\s*-\s*|\s+)?){{0,4}}")
_GROUP_LINKS = {"ngang"}
# Stop words that are not verbs: a name may go on after them ("của", "và"), so they confirm nothing.
_FUNCTION_WORDS = {
    "các",
    "những",
    "một",
    "mọi",
    "của",
    "và",
    "hoặc",
    "hay",
    "với",
    "cho",
    "tại",
    "để",
    "từ",
    "đến",
    "trong",
    "theo",
    "về",
    "trên",
    "dưới",
    "sau",
    "trước",
    "khi",
    "nếu",
    "thì",
    "là",
    "có",
    "được",
    "bị",
    "đã",
    "đang",
    "sẽ",
    "này",
    "đó",
    "như",
    "gồm",
    "cùng",
    "nhất là",
    "đối với",
    "thông qua",
}  # "Thủ trưởng cơ quan ngang Bộ"
# Compound nouns whose last syllable alone is a verb that would end a name.
_COMPOUNDS = {
    "công lập",
    "giao thông",
    "giao dịch",
    "công trình",
    "chương trình",
    "quy trình",
    "tờ trình",
    "lộ trình",
    "giáo trình",
    "đào tạo",
    "sáng tạo",
    "chế tạo",
    "thành lập",
    "thiết lập",
    "độc lập",
    "vận chuyển",
    "luân chuyển",
    "việc làm",
    "đầu tư",
}
_COMPOUND_FIRSTS = {compound.split()[0] for compound in _COMPOUNDS}  # what a compound starts
_COMPOUND_LASTS = {compound.split()[-1] for compound in _COMPOUNDS}  # and ends with
_RESPONSIBLE = re.compile(r"(?:có|chịu) trách nhiệm")
_OFFICIAL = re.compile(rf"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+(?:[{UPPER}][{LOWER}]*\s+){{1,3}}[{UPPER}][{LOWER}]*\s*,\s*")
_PERSON = re.compile(rf"\s+(?P<surname>[{UPPER}][{LOWER}]*)(?:\s+[{UPPER}][{LOWER}]*){{1,3}}(?![\w])")
_ROLES = {"nhà đầu tư", "chủ đầu tư", "nhà thầu", "đơn vị thi công"}  # named by their project
_LOCAL_HEADS = {"ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "công an"}
_CONNECT = {",", "-", "–", "và", "&"}
_HARD_STOP = {":", ";", "(", ")", ".", "!", "?", "“", "”", '"', "/"}
_DEPARTMENT_OF_PROVINCE = re.compile(r"^(Sở (?!ban\b|ngành\b)\S.*?) (?:tỉnh|thành phố|Thành phố)$")
_PROVINCIAL = re.compile(
    r"^(Đài Phát thanh và Truyền hình|Công an|Bộ Chỉ huy Quân sự|Hội Nhà báo|Thanh tra|Bưu điện|"
    r"Kho bạc Nhà nước|Bảo hiểm xã hội|Liên đoàn Lao động|Hội Liên hiệp Phụ nữ|Tỉnh đoàn|"
    r"Văn phòng Ủy ban nhân dân|Ủy ban Mặt trận Tổ quốc Việt Nam|Hội Nông dân|Cục Thuế|Thuế)\s+(.+)$"
)


_LOCAL_COMMITTEE = re.compile(r"^(?:ubnd|ủy ban nhân dân)\s+")
_FIELD_NAME = re.compile(r"^((?:Đảng ủy |Đảng uỷ )?(?:Sở|Bộ|Phòng)) (.+?)((?: tỉnh| thành phố)?(?: .*)?)$")
_FIELD_OPENINGS = ("Sở ", "Bộ ", "Phòng ", "Đảng ủy ", "Đảng uỷ ")  # what a _FIELD_NAME starts with
_SUBJECT_WORD = re.compile(r"(?:^|\s)(Thành phố|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Tỉnh)$")
_SUBJECT_ENDINGS = ("Thành phố", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Tỉnh", "\n")  # what it ends with
_VAGUE_REST = re.compile(r"[\s,;:.\-–]+")
_PLURAL_IN = re.compile(r"(?:^|\s)các\s")
_PLURAL_OPENING = re.compile(r"^(?:các|Các)\s+")
_PLURAL_INSIDE = re.compile(r"\s+các\s+")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)$")
_GROUP_KEY = re.compile(
    rf"(?P<head>ủy ban nhân dân\s+)?(?:(?:các|những)\s+)?(?P<kinds>{_LOCALITY_KIND}(?:\s*,\s*{_LOCALITY_KIND})*)"
)
_GROUP_KEY_REST = re.compile(r"[\s,]*(?:và\s+)?[^\W\d_].*")
_PLURAL_WORD = re.compile(r"(?:^|\s)(?:các|những)\s+")
# "UBND các tỉnh, thành phố nêu trên": the words that point back.
_BACK_MARK = re.compile(r"\s+(?:nêu trên|kể trên|trên)$")
# A committee of one named locality ("Ủy ban nhân dân thành phố Cần Thơ"), and the key prefix
# that keeps such single committees apart from groups named with their members.
_SINGLE_COMMITTEE = re.compile(rf"^Ủy ban nhân dân ({_LOCALITY_KIND}) [{UPPER}]")
_SINGLE = "1:"


def _group_key(written: str) -> str:
    """ "Ủy ban Nhân dân các tỉnh, thành phố Hà Nội" and "ủy ban nhân dân tỉnh, thành phố" alike."""
    key = phrase_key(written)
    key = _LOCAL_COMMITTEE.sub("ủy ban nhân dân ", key)
    match = _GROUP_KEY.match(key)
    if not match:
        return "\0"
    if match.end() < len(key) and not _GROUP_KEY_REST.fullmatch(key, match.end()):
        return "\0"
    return (match.group("head") or "") + match.group("kinds")


def _reference_key(written: str) -> str:
    """The key of a bare group that can refer back to one named with its members."""
    key = _group_key(written)
    bare = _LOCAL_COMMITTEE.sub("ủy ban nhân dân ", phrase_key(written))
    bare = _PLURAL_WORD.sub(" ", bare).strip()
    return key if bare.replace(" ,", ",") == key.replace(" ,", ",") else "\0"


def _named_groups(key: str) -> Iterator[re.Match[str]]:
    """Where a committee of a group of localities is named with its members ("UBND các tỉnh,
    thành phố: ..."), left to right, as ``finditer`` of the alternation of ``_NAMED_GROUP_OF``
    would find them: its first letters are too common for ``re`` to skip through a document
    fast, each one's literal is not. No match holds the start of another (its words are the
    committee's, "các" and kinds of locality), so the two lists merge into one."""
    found = sorted((match for pattern in _NAMED_GROUP_OF for match in pattern.finditer(key)), key=lambda m: m.start())
    end = 0
    for match in found:
        if match.start() >= end:
            yield match
            end = match.end()


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every pattern an agency name can open with: one union on the match key, one on the text.

    ``_read_end`` and ``starts_agency`` find a name only where one of these matches. Most
    positions they are asked about match none (the start of each clause: "phối hợp", "về",
    "tăng cường"), and one match of the union rules out the dozen they would try one by one.
    A new way for a name to open, in either method, must be added here.
    """
    reg = registry()
    # The registry's names and grammar phrases as one alternation: it matches where one of
    # theirs does, and reads each character once, where their union tried each in turn.
    grammar = ("roles", "positions", "bare", "compound_heads", "group_nouns", "heads")
    names = alternation([*reg.bodies, *(phrase for name in grammar for phrase in reg.grammar[name])])
    on_key = (names, _PLURAL, _FIELD_HEAD)
    on_text = (_PLACE_AGENCY, _BARE_PLACE, _OFFICIAL)
    return _union(on_key), _union(on_text)


@cache
def _capitalized_openers() -> re.Pattern[str]:
    """What a capital opens a name with: a registry name, a head, a bare noun, a position or a
    role, as one alternation (it matches where one of theirs does)."""
    reg = registry()
    grammar = ("heads", "bare", "positions", "roles")
    return alternation([*reg.bodies, *(phrase for name in grammar for phrase in reg.grammar[name])])


def _union(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


@cache
def _abbreviation_scout() -> re.Pattern[str]:
    """The abbreviations without their opening guard, which ``re`` can skip through fast: where it
    finds none, ``abbreviation_re`` finds none either."""
    pattern = registry().abbreviation_re.pattern
    guard = r"(?<![\w&])"
    assert pattern.startswith(guard)
    return re.compile(pattern[len(guard) :])


@cache
def _surnames() -> frozenset[str]:
    return lexicon().surnames


@dataclass(frozen=True)
class Mention:
    """An agency as written at ``text[start:end]`` and its canonical ``name``."""

    start: int
    end: int
    written: str
    name: str


@dataclass(frozen=True)
class Place:
    """Where a document stands: its own province (dropped from names) and, for national
    issuers, the locality it is about ("Thành phố" then means "thành phố Đà Nẵng")."""

    province: str | None = None
    subject: str | None = None
    subject_kind: str | None = None
    council: bool = False  # a People's Council resolution: the Council issues, never leads (rule 15)
    issuer: str | None = None  # the issuing body's name as a lead would be written ("ủy ban nhân dân tỉnh")
    national: bool = False  # issued by the Government, a ministry or the Party's centre


class AgencyReader:
    """Reads agency mentions from one document's text."""

    def __init__(self, text: str, key: str, place: Place | None = None) -> None:
        self.text = text
        self.key = key
        self.place = place or Place()
        self.reg: Registry = registry()
        self.limit = len(text)
        self._canonical: dict[str, str] = {}
        self._vague: dict[str, bool] = {}  # is_vague by the written name: asked for each list read
        self._lists: dict[tuple[int, bool, int, bool, tuple[int, int]], tuple[tuple[Mention, ...], int, int]] = {}
        # Groups of localities whose members the text named ("UBND các tỉnh, thành phố Hà Nội,
        # Thái Nguyên"): a later "Ủy ban nhân dân tỉnh, thành phố" refers back to them.
        self._named_groups: dict[str, list[Mention]] = {}
        self._priming = False
        self._reading = 0  # read_list calls in progress: ``limit`` bounds the clause being read
        self._openers = _openers()
        self._starts: dict[tuple[int, int], bool] = {}  # starts_agency by position and bound

    # -- tokens -----------------------------------------------------------------------------
    def _token(self, pos: int) -> tuple[int, int] | None:
        match = _TOKEN.match(self.key, pos, self.limit)
        return (match.start(1), match.end(1)) if match else None

    def bounded(self, limit: int) -> AgencyReader:
        """Read no further than ``limit`` (the end of the clause or heading being read)."""
        self.limit = min(limit, len(self.text))
        return self

    def _is_upper(self, pos: int) -> bool:
        return pos < len(self.text) and self.text[pos].isupper()

    def skip_space(self, pos: int) -> int:
        if 0 <= pos < len(self.text):
            if not self.text[pos].isspace():
                return pos  # most calls: already at a word (``\s`` and ``isspace`` agree)
            return _SPACES.match(self.text, pos).end()  # type: ignore[union-attr]
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def starts_agency(self, pos: int) -> bool:
        """Whether a new agency name begins at ``pos`` (used to split lists)."""
        pos = self.skip_space(pos)
        if pos >= self.limit and not self._reading:
            self.limit = len(self.text)  # a bound left from reading an earlier clause
        known = self._starts.get((pos, self.limit))
        if known is None:
            known = self._starts[pos, self.limit] = self._starts_agency(pos)
        return known

    def _starts_agency(self, pos: int) -> bool:
        """``starts_agency`` at ``pos``, past spaces, within ``limit``: a function of the two."""
        if not self._may_open(pos, len(self.text)):
            return False
        reg, key, limit = self.reg, self.key, self.limit
        if _FALSE_HEAD.match(key, pos, limit):
            return False
        upper = self._is_upper(pos)
        if (upper or key.startswith("đồng chí", pos)) and reg.positions.match(key, pos, limit):
            return True
        plural = _PLURAL.match(key, pos, limit)
        if plural:
            if _FALSE_HEAD.match(key, plural.end(), limit):
                return False
            return bool(reg.group_nouns.match(key, plural.end(), limit) or reg.heads.match(key, plural.end(), limit))
        if key[pos : pos + 1] in reg.firsts["compound_heads"] and reg.compound_heads.match(key, pos, limit):
            return True
        if _PLACE_AGENCY.match(self.text, pos):
            return True
        if self.place.subject and _BARE_PLACE.match(self.text, pos):
            return True
        return upper and bool(_capitalized_openers().match(key, pos, limit))

    def _may_open(self, pos: int, text_end: int) -> bool:
        """Whether a name may open at ``pos``: a pattern of ``_openers`` matches there (the text's
        patterns up to ``text_end``, as the caller matches them)."""
        on_key, on_text = self._openers
        return bool(on_key.match(self.key, pos, self.limit) or on_text.match(self.text, pos, text_end))

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
                if self._joined_part(end):
                    continue  # "Cục Thông tin cơ sở | và Thông tin đối ngoại": the name has two parts
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

    def acts(self, start: int, end: int) -> bool:
        """Whether ``key[start:end]`` holds a verb or modal that never belongs to a name ("rà
        soát", "phải"), not only function words: a list of sources or objects has none."""
        key = self.key
        for match in self.reg.stop_words.finditer(key, start, end):
            if match.start() > 0 and key[match.start() - 1].isalnum():
                continue
            if match.end() < len(key) and key[match.end()].isalnum():
                continue
            if " ".join(match.group(0).split()) not in _FUNCTION_WORDS:
                return True
        return False

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
        """ "các xã" + " ven biển, ven sông", " biên giới": the qualifiers of a group of localities."""
        reg, key = self.reg, self.key
        cur = end
        while True:
            sep = _COMMA.match(key, cur, self.limit) if cur > end else None
            at = self.skip_space(sep.end() if sep else cur)
            qualifier = reg.locality_qualifiers.match(key, at, self.limit)
            if qualifier is None or (cur == end and at == cur):
                return cur
            cur = qualifier.end()

    def _having_end(self, end: int) -> int:
        """ "UBND các xã có rừng", "các xã, phường có quốc lộ đi qua": a group qualified by what
        its members have, up to a verb or punctuation (not "có trách nhiệm", which is a verb)."""
        having = _HAVING.match(self.key, end, self.limit)
        if not having:
            return end
        cur = having.end()
        for _ in range(6):
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
            if not word[0].isalpha() or self._is_upper(ts):
                return cur if word in (",", ";", ":", ".", "(") or tok is None else end
            if self.reg.stop_words.match(self.key, ts, self.limit) and word not in ("đi", "qua"):
                return cur if cur > having.end() else end
            cur = te
        return end

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
                if group and not self._is_upper(sep.end()):
                    end = group.end()
                    continue
            longer = self._tail_end(end)
            if longer <= end:
                return end if tailed else self._qualifier_end(end)
            end = longer
            tailed = True

    def _qualifier_end(self, end: int) -> int:
        """The lowercase words that qualify a group, when what follows confirms them.

        "Các lực lượng chức năng phối hợp ...", "Các cơ quan đăng ký đầu tư (Sở Tài chính, ...)":
        the run counts only if a verb that never belongs to a name, a tail ("liên quan"), a
        parenthesis, a colon or the end of the phrase follows it, so that "các doanh nghiệp mở
        rộng vùng phủ sóng" stays "các doanh nghiệp".
        """
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
        cur = end
        for _ in range(6):
            tok = self._token(cur)
            if tok is None:
                return cur
            ts, te = tok
            word = key[ts:te]
            tail = reg.tails.match(key, ts, self.limit) if word[0] in reg.firsts["tails"] else None
            verb = reg.stop_words.match(key, ts, self.limit) and not self._inside_word(cur, te)
            if word in ("(", ":") or verb or tail:
                if tail and cur > end:
                    return tail.end()
                return cur
            if not word[0].isalpha() or self._is_upper(ts):
                return end
            cur = te
        return end

    def _tail_end(self, end: int) -> int:
        """Close a group: "... liên quan", "... thuộc Bộ X", "... trên địa bàn tỉnh", "... Việt Nam"."""
        reg, key = self.reg, self.key
        while True:
            cur = self.skip_space(end)
            tail = reg.tails.match(key, cur, self.limit) if key[cur : cur + 1] in reg.firsts["tails"] else None
            if tail:
                return tail.end()
            under = _UNDER.match(key, cur, self.limit) or _OF.match(key, cur, self.limit)
            if under and self.starts_agency(under.end()):
                inner = self._read_end(self.skip_space(under.end()))
                if inner:
                    return inner
            if under and under.group(0).startswith("của") and self._is_upper(self.skip_space(under.end())):
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
        return self._tail_end(end)

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
        first = self.read(pos, lenient=lenient)
        if first is None:
            return [], pos
        mentions = self._distribute(first)
        end = mentions[-1].end
        while True:
            sep = _SEPARATOR.match(self.key, end, self.limit)
            if not sep or not self.starts_agency(sep.end()):
                break
            nxt = self.read(sep.end())
            if nxt is None:
                break
            more = self._distribute(nxt)
            mentions.extend(more)
            end = more[-1].end
        return mentions, end

    def _distribute(self, mention: Mention) -> list[Mention]:
        """A group written with its members is recorded as its members.

        "các Tập đoàn: A, B" → "Tập đoàn A", "Tập đoàn B"; "UBND các tỉnh, thành phố: Tuyên
        Quang, Hồ Chí Minh" → "Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân thành phố Hồ
        Chí Minh"; "các tỉnh Nghệ An, Cao Bằng"; "các địa phương (Ninh Bình, Hải Phòng)";
        "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý ...)".
        """
        places = self._place_members(mention)
        if places:
            key = _group_key(mention.written)
            if key != "\0":
                self._named_groups.setdefault(key, places)
            return places
        earlier = (
            self._earlier_members(mention.written) if self._named_groups and not self._priming else None
        )
        if earlier and earlier[0].start < mention.start and not _COLON.match(self.key, mention.end, self.limit):
            return [Mention(mention.start, mention.end, m.written, m.name) for m in earlier]
        listed = self._parenthesized_members(mention)
        if listed:
            return listed
        colon = _COLON.match(self.key, mention.end, self.limit)
        if not colon:
            return [mention]
        plural = _PLURAL_IN.search(self.key[mention.start : mention.end] + " ")
        if not plural or not self._is_upper(colon.end()):
            return [mention]
        head = _PLURAL_OPENING.sub("", mention.written)
        head = _PLURAL_INSIDE.sub(" ", head)
        singular = {"sở": "Sở", "bộ": "Bộ", "phòng": "Phòng"}.get(head.lower(), head)
        out: list[Mention] = []
        pos = colon.end()
        while True:
            pos = self.skip_space(pos)
            field = self.reg.field_re.match(self.key, pos, self.limit) if singular in ("Sở", "Bộ") else None
            if field is None and self.reg.stop_words.match(self.key, pos, self.limit):
                break  # "Các sở, ban, ngành: Là các đơn vị ...": a sentence, not members
            end = field.end() if field else self._name_end(pos, need_name=True, commas=False)
            if end is None:
                break
            written = self.text[pos:end]
            full = f"{singular} {written}"
            out.append(Mention(mention.start if not out else pos, end, written, self.canonical(full)))
            sep = _LIST_SEP.match(self.key, end, self.limit)
            if not sep or not self._is_upper(sep.end()) or self.starts_agency(sep.end()):
                break
            pos = sep.end()
        return out or [mention]

    def _earlier_members(self, written: str) -> list[Mention] | None:
        """The members a bare group refers back to: the group of the same kinds named with its
        members, or, for "UBND các tỉnh, thành phố nêu trên", every locality of those kinds the
        text named before ("UBND các tỉnh Tây Ninh, Đồng Tháp và UBND thành phố Cần Thơ")."""
        written = _BACK_MARK.sub("", written)
        key = _reference_key(written)
        if key == "\0":
            return None
        exact = self._named_groups.get(key)
        if exact or "," not in key:
            return exact
        head, _, kinds = key.rpartition(" ") if not key.startswith("ủy ban nhân dân ") else (
            "ủy ban nhân dân",
            "",
            key[len("ủy ban nhân dân ") :],
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
                        named = self._named_groups.setdefault(f"{_SINGLE}ủy ban nhân dân {single.group(1)}", [])
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
        if "thành phố" in kinds and key in self.reg.cities:
            return "thành phố"
        if "tỉnh" in kinds and (key in self.reg.provinces or "thành phố" not in kinds):
            return "tỉnh"
        return kinds[0]

    def _place_members(self, mention: Mention) -> list[Mention]:
        """Members of a group of localities named with it, after a colon or right after it."""
        written = mention.written
        match = _PLACE_GROUP.match(written) if _PLACE_GROUP_CUE.search(written) else None
        names_at: int | None = None
        if match and match.group("names"):
            names_at = mention.start + match.start("names")
            limit = mention.end
        elif match and not match.group("names"):
            colon = _COLON.match(self.key, mention.end, self.limit)
            if colon and self._is_upper(colon.end()):
                names_at, limit = colon.end(), self.limit
        if match is None or names_at is None:
            return []
        kinds = [" ".join(k.lower().split()) for k in re.split(r"\s*(?:,|và)\s*", match.group("kinds"))]
        head = match.group("head").strip()
        out: list[Mention] = []
        pos = names_at
        while pos < limit:
            pos = self.skip_space(pos)
            name = _PLACE_NAME.match(self.text, pos, limit)
            if name is None:
                break
            written_name = name.group(0).strip()
            kind = self._place_kind(written_name, kinds)
            full = f"{head} {kind} {written_name}" if head else f"{kind} {written_name}"
            out.append(Mention(pos, pos + len(written_name), written_name, self.canonical(full)))
            pos = name.end()
            sep = _LIST_SEP.match(self.key, pos, limit)
            if sep is None or not self._is_upper(sep.end()):
                break
            pos = sep.end()
        if len(out) < 1 or (names_at < mention.end and pos < mention.end - 1):
            return []  # not a clean list of place names: keep the mention as written
        if len(kinds) > 1 and len(out) < 2:
            return []  # "UBND các huyện, thành phố Gia Nghĩa": every district, and the city
        if set(kinds) <= {"tỉnh", "thành phố"} and not all(
            phrase_key(m.written) in self.reg.provinces | self.reg.cities for m in out
        ):
            return []
        return out

    def _parenthesized_members(self, mention: Mention) -> list[Mention]:
        """A group followed by its members in parentheses."""
        opening = _OPENING.match(self.key, mention.end, self.limit)
        if not opening:
            return []
        role = " ".join(mention.written.lower().split()) in _ROLES
        if not (role or re.match(r"(?:các|những)\s", mention.written.lower())):
            return []
        close = self.key.find(")", opening.end(), self.limit)
        if close < 0:
            return []
        inner_start = opening.end()
        kinds = re.match(r"(?:các|những)\s+(?:địa phương|tỉnh|thành phố|tỉnh, thành phố)$", mention.written.lower())
        if kinds:
            out: list[Mention] = []
            for part in re.finditer(r"[^,;()]+", self.text[inner_start:close]):
                name = part.group(0).strip()
                if not name or not name[0].isupper() or len(name.split()) > 5:
                    return []
                key = phrase_key(name)
                kind = "thành phố" if key in self.reg.cities else "tỉnh" if key in self.reg.provinces else None
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

    # -- canonical names ------------------------------------------------------------------------
    def canonical(self, written: str) -> str:
        """Abbreviations expanded, the document's own province dropped, first letter capital."""
        cached = self._canonical.get(written)
        if cached is None:
            cached = self._canonical[written] = self._canonical_uncached(written)
        return cached

    def _canonical_uncached(self, written: str) -> str:
        reg = self.reg
        name = " ".join(written.split()).strip(" ,;:")  # as re.sub(r"\s+", " ") would, once stripped
        if name.endswith(")"):  # no line break is left for "$" to stop before
            name = _TRAILING_PARENTHESIS.sub("", name)
        if _abbreviation_scout().search(name):  # most names hold none
            name = reg.abbreviation_re.sub(lambda m: reg.abbreviations[m.group(1)], name)
        name = self._expand_field(name)
        known = reg.bodies.get(phrase_key(name))
        if known:
            name = known
        name = self._drop_own_province(name)
        name = self._subject_locality(name)
        return name[:1].upper() + name[1:]

    def _expand_field(self, name: str) -> str:
        match = _FIELD_NAME.match(name) if name.startswith(_FIELD_OPENINGS) else None
        if not match:
            return name
        field = self.reg.fields.get(phrase_key(match.group(2)))
        if field:
            return f"{match.group(1)} {field}{match.group(3)}"
        return name

    def _drop_own_province(self, name: str) -> str:
        department = _DEPARTMENT_OF_PROVINCE.match(name)
        if department:
            return department.group(1)  # "Sở Nội vụ tỉnh": a department is always the province's
        province = self.place.province
        if not province or not name.endswith(province):  # as every suffix below does
            return name
        for prefix in ("tỉnh ", "thành phố ", "Tỉnh ", "Thành phố ", ""):
            suffix = " " + prefix + province
            if name.endswith(suffix) and len(name) > len(suffix):
                base = name[: -len(suffix)]
                if prefix or _PROVINCIAL.match(name):
                    kind = prefix.strip().lower() or ("thành phố" if self.place.subject_kind == "city" else "tỉnh")
                    if base.startswith("Sở ") and prefix:
                        return base
                    return f"{base} {kind}"
        return name

    def _subject_locality(self, name: str) -> str:
        subject = self.place.subject
        if not subject:
            return name
        match = _SUBJECT_WORD.search(name) if name.endswith(_SUBJECT_ENDINGS) else None
        if match:
            word = match.group(1)
            if word in ("Thành phố", "Tỉnh"):
                word = word.lower() if match.start(1) > 0 else word
            return name[: match.start(1)] + f"{word} {subject}"
        return name

    def is_issuer(self, mention: Mention) -> bool:
        """The body that issues the document, which never leads its own tasks (a People's
        Council in its resolution)."""
        name = mention.name.lower()
        if self.place.council and name.startswith(("hội đồng nhân dân", "hđnd")):
            return True
        return bool(self.place.issuer) and phrase_key(name) == self.place.issuer

    def is_vague(self, mention: Mention) -> bool:
        """Partners that name no one: "các cơ quan, đơn vị liên quan", "các sở, ngành"."""
        vague = self._vague.get(mention.written)
        if vague is None:
            vague = self._vague[mention.written] = self._is_vague(mention.written)
        return vague

    def _is_vague(self, written: str) -> bool:
        key = phrase_key(written)
        rest = self.reg.vague_re.sub(" ", key)
        return not _VAGUE_REST.sub("", rest)
