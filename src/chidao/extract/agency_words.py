"""The agency reader's patterns and word lists, compiled once: what opens, continues and closes
an agency's name in running text (the vocabulary itself is in ``data/vi/agency_grammar.toml``
and ``agencies.toml``; what is left here is how names are built)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from chidao.document.lexicon import lexicon
from chidao.extract.registry import alternation, phrase_key, registry
from chidao.text.chars import LOWER, UPPER
from chidao.text.firsts import first_chars

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
_OPENING = re.compile(r"\s*(?:là\s+[^()\n,;.:]{1,30}?\s*)?\(")  # "Các chủ rừng là tổ chức (A, B)"
_APPOSITION = re.compile(r"\s*là\s+")  # "nhà đầu tư là Công ty Cổ phần X": the role named
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
# A member of a list of localities named with its own kind: "các tỉnh: Cà Mau, An Giang | và thành
# phố Cần Thơ" (genre g121).
_KIND_NAMED = re.compile(rf"(?i:({_LOCALITY_KIND}))\s+(?=[{UPPER}])")
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
    "hậu cần",
}
_COMPOUND_FIRSTS = {compound.split()[0] for compound in _COMPOUNDS}  # what a compound starts
_COMPOUND_LASTS = {compound.split()[-1] for compound in _COMPOUNDS}  # and ends with
_RESPONSIBLE = re.compile(r"(?:có|chịu) trách nhiệm")
# "đồng chí Nguyễn Văn A, Phó Giám đốc ...", "đ/c Hà Thị Lan - Phó Chủ tịch ..." (genre g130).
_OFFICIAL = re.compile(
    rf"(?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à)\s+(?:[{UPPER}][{LOWER}]*\s+){{1,3}}[{UPPER}][{LOWER}]*\s*(?:,|\s[-–])\s*"
)
_PERSON = re.compile(rf"\s+(?P<surname>[{UPPER}][{LOWER}]*)(?:\s+[{UPPER}][{LOWER}]*){{1,3}}(?![\w])")
_ROLES = {"nhà đầu tư", "chủ đầu tư", "nhà thầu", "đơn vị thi công"}  # named by their project
_CONNECT = {",", "-", "–", "và", "&"}
_HARD_STOP = {":", ";", "(", ")", ".", "!", "?", "“", "”", '"', "/"}
_DEPARTMENT_OF_PROVINCE = re.compile(r"^(Sở (?!ban\b|ngành\b)\S.*?)(?<! các)(?<! thuộc) (?:tỉnh|thành phố|Thành phố)$")
# What a match of each pattern can start with: a position whose character is not in it is ruled
# out by a set lookup, where asking ``re`` costs a call (``chidao.text.firsts``).
_FALSE_HEAD_FIRSTS = first_chars(_FALSE_HEAD)
_PLURAL_FIRSTS = first_chars(_PLURAL)
_FIELD_HEAD_FIRSTS = first_chars(_FIELD_HEAD)
_PLACE_AGENCY_FIRSTS = first_chars(_PLACE_AGENCY)  # these three on the text, not the key
_BARE_PLACE_FIRSTS = first_chars(_BARE_PLACE)
_OFFICIAL_FIRSTS = first_chars(_OFFICIAL)
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
    grammar = ("roles", "positions", "bare", "compound_heads", "group_nouns", "heads", "described_heads")
    names = alternation([*reg.bodies, *(phrase for name in grammar for phrase in reg.grammar[name])])
    on_key = (names, _PLURAL, _FIELD_HEAD)
    on_text = (_PLACE_AGENCY, _BARE_PLACE, _OFFICIAL)
    return _union(on_key), _union(on_text)


@cache
def _opener_firsts() -> tuple[frozenset[str], frozenset[str]]:
    """What the matches of ``_openers`` (on the key, on the text) start with."""
    on_key, on_text = _openers()
    return first_chars(on_key), first_chars(on_text)


@cache
def _head_firsts() -> tuple[frozenset[str], frozenset[str]]:
    """What the matches of the registry's names (``body_re``) and fields (``field_re``) start with."""
    reg = registry()
    return first_chars(reg.body_re), first_chars(reg.field_re)


@cache
def _capitalized_openers() -> re.Pattern[str]:
    """What a capital opens a name with: a registry name, a head, a bare noun, a position or a
    role, as one alternation (it matches where one of theirs does)."""
    reg = registry()
    grammar = ("heads", "bare", "positions", "roles", "described_heads")
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
