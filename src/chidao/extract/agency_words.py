"""The agency reader's patterns and word lists, compiled once: what opens, continues and closes
an agency's name in running text (the vocabulary itself is in ``data/vi/agency_grammar.toml``
and ``agencies.toml``; what is left here is how names are built)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from chidao.data import load_toml
from chidao.document.lexicon import lexicon
from chidao.extract.cues import cue_regex, cues
from chidao.extract.registry import alternation, phrase_key, registry
from chidao.text.chars import LOWER, UPPER
from chidao.text.firsts import first_chars
from chidao.text.fold import tone_spellings

_CUES = cues("agency_cues.toml")  # the patterns of the words, each with its example
_WORDS = load_toml("agency_grammar.toml")


def _piece(name: str) -> str:
    """The regex text of a cue of agency_cues.toml, spliced into a pattern built here."""
    return cue_regex("agency_cues.toml", name)


_TOKEN = re.compile(r"\s*([\w&]+(?:[-–/.'’][\w&]+)*|[^\w\s])")
_PLURAL = _CUES["plural"]
_FIELD_HEAD = _CUES["field_head"]
_SEPARATOR = _CUES["separator"]
# "các đơn vị được giao chủ trì nhiệm vụ tại Phụ lục có trách nhiệm ...": a group named by its
# assignment, closed by the duty that follows it.
_ASSIGNED_GROUP = _CUES["assigned_group"]
_ASSIGNED_REFERENCE = _CUES["assigned_reference"]  # "... được giao chủ trì tại Mục II"
_ASSIGNED_LEAD_DUTY = _CUES["assigned_lead_duty"]  # "... được giao chủ trì nhiệm vụ | lập ..."
_INSPECTED_GROUP = _CUES["inspected_group"]  # "Các trường được kiểm tra"
_MEMBER_GROUP = _CUES["member_group"]  # "Các sở, ngành là thành viên Ban Chỉ đạo"
_FALSE_HEAD = _CUES["false_head"]
# A place named as written leads as itself: "tỉnh Nghệ An", "Phường Sơn Nam", "xã Hồng Minh".
_PLACE_AGENCY = re.compile(rf"{_piece('place_kind_written')}\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}\d][{LOWER}\d]*)*")
_BARE_PLACE = _CUES["bare_place"]
# A village or residential group by its name or number, capitalized: "Thôn Bình Minh", "Tổ dân
# phố số 5", "Tổ dân phố số 1, 2, 3", "Bản Nà Sảng" (genre g382, g507).
_SETTLEMENT_KINDS = "|".join(
    re.escape(k[:1].upper() + k[1:]) for k in sorted(_WORDS["settlements"], key=len, reverse=True)
)
# "Tổ" alone is a residential group by its number only: "Tổ 5", not "Tổ Công nghệ số cộng đồng".
_NAMED_KINDS = "|".join(
    re.escape(k[:1].upper() + k[1:])
    for k in sorted(_WORDS["settlements"], key=len, reverse=True)
    if k not in _WORDS["place_units_numbered_only"]
)
_SETTLEMENT_NAMED = re.compile(
    rf"(?:(?:{_SETTLEMENT_KINDS})\s+(?:{_WORDS['number_word']}\s+)?\d{{1,3}}[A-Za-z]?"
    rf"(?:\s*(?:,|{_WORDS['and_word']})\s*\d{{1,3}}[A-Za-z]?)*(?![\w/])"
    rf"|(?:{_NAMED_KINDS})\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}\d][{LOWER}\d]*)*)"
)
_COMMA_OR_AND = _CUES["comma_or_and"]
_COMMA = re.compile(r"\s*,\s*")
_UNDER = _CUES["under"]
_OF = _CUES["of"]
_HAVING = _CUES["having"]
_COLON = re.compile(r"\s*:\s*")
_OPENING = _CUES["opening"]  # "Các chủ rừng là tổ chức (A, B)"
_APPOSITION = _CUES["apposition"]  # "nhà đầu tư là Công ty Cổ phần X": the role named
_SPACES = re.compile(r"\s*")
_LIST_SEP = _CUES["list_separator"]
_LOCALITY_KIND = _piece("locality_kind")
_PLURAL_WRITTEN = _piece("plural_written")  # "các", "những" as written
_GROUP_PLURAL = _piece("group_plural")  # "các", "những" in the match key
# "Ủy ban nhân dân các tỉnh, thành phố[:] Hà Nội, Thái Nguyên", "các tỉnh Nghệ An, Cao Bằng".
_PLACE_GROUP = re.compile(
    rf"(?P<head>.*?)(?:^|(?<=\s)){_PLURAL_WRITTEN}\s+(?P<kinds>{_LOCALITY_KIND}(?:{_piece('comma_or_and')}{_LOCALITY_KIND})*)"
    # "các tỉnh, thành phố ven biển: Quảng Ninh, Hải Phòng": words that qualify the kinds, before
    # the colon of their members (genre g1196)
    rf"(?P<qualifier>(?:\s+[{LOWER}]+){{1,4}}(?=\s*:|$))?"
    rf"(?:\s*:?\s+(?P<names>[{UPPER}].*))?$",
    re.S,
)
# What every _PLACE_GROUP match holds: "các" or "những" before a kind of locality. The pattern's
# lazy head makes a miss cost a scan of every start; most groups ("các cơ quan") hold no cue.
_PLACE_GROUP_CUE = re.compile(rf"{_PLURAL_WRITTEN}\s+{_LOCALITY_KIND}")
_COMMITTEES = tuple(_WORDS["group_committees"])  # what a group named with its members opens with
_NAMED_GROUP_REST = rf"\s+{_GROUP_PLURAL}\s+{_LOCALITY_KIND}(?:\s*,\s*{_LOCALITY_KIND})*\s*:?\s+(?=[^\W\d_])"
# One pattern for each committee's word: each opens with a literal, which ``re`` skips to fast.
_NAMED_GROUP_OF = tuple(re.compile(re.escape(word) + _NAMED_GROUP_REST) for word in _COMMITTEES)
# A member of a list of localities named with its own kind: "các tỉnh: Cà Mau, An Giang | và thành
# phố Cần Thơ" (genre g121).
_KIND_NAMED = re.compile(rf"(?i:({_LOCALITY_KIND}))\s+(?=[{UPPER}])")
_PLACE_NAME = re.compile(rf"[{UPPER}][{LOWER}]*(?:\s*-\s*|\s+)?(?:[{UPPER}\d][{LOWER}\d]*(?:\s*-\s*|\s+)?){{0,4}}")
_GROUP_LINKS = set(_WORDS["group_links"])  # "Thủ trưởng cơ quan ngang Bộ"
# Stop words that are not verbs: a name may go on after them ("của", "và"), so they confirm nothing.
_FUNCTION_WORDS = set(_WORDS["function_words"])
# Compound nouns whose last syllable alone is a verb that would end a name.
_COMPOUNDS = set(_WORDS["name_compounds"])
_COMPOUND_FIRSTS = {compound.split()[0] for compound in _COMPOUNDS}  # what a compound starts
_COMPOUND_LASTS = {compound.split()[-1] for compound in _COMPOUNDS}  # and ends with
_RESPONSIBLE = _CUES["responsible"]
# "đồng chí Nguyễn Văn A, Phó Giám đốc ...", "đ/c Hà Thị Lan - Phó Chủ tịch ..." (genre g130).
_OFFICIAL = re.compile(
    rf"{_piece('official_title')}\s+(?:[{UPPER}][{LOWER}]*\s+){{1,3}}[{UPPER}][{LOWER}]*\s*(?:,|\s[-–])\s*"
)
_PERSON = re.compile(rf"\s+(?P<surname>[{UPPER}][{LOWER}]*)(?:\s+[{UPPER}][{LOWER}]*){{1,3}}(?![\w])")
_ROLES = set(_WORDS["project_roles"])  # named by their project
_CONNECT = {",", "-", "–", _WORDS["and_word"], "&"}  # "và"
_HARD_STOP = {":", ";", "(", ")", ".", "!", "?", "“", "”", '"', "/"}
_DEPARTMENT_OF_PROVINCE = _CUES["department_of_province"]
_FIRM_HEADS = tuple(f"{head} " for head in _WORDS["firm_heads"])  # "Công ty ": keeps its province
# What a match of each pattern can start with: a position whose character is not in it is ruled
# out by a set lookup, where asking ``re`` costs a call (``chidao.text.firsts``).
_FALSE_HEAD_FIRSTS = first_chars(_FALSE_HEAD)
_PLURAL_FIRSTS = first_chars(_PLURAL)
_FIELD_HEAD_FIRSTS = first_chars(_FIELD_HEAD)
_PLACE_AGENCY_FIRSTS = first_chars(_PLACE_AGENCY)  # these three on the text, not the key
_SETTLEMENT_FIRSTS = first_chars(_SETTLEMENT_NAMED)
_BARE_PLACE_FIRSTS = first_chars(_BARE_PLACE)
_OFFICIAL_FIRSTS = first_chars(_OFFICIAL)
_PROVINCIAL = _CUES["provincial"]


_LOCAL_COMMITTEE = _CUES["local_committee"]
_FIELD_NAME = _CUES["field_name"]
# What a _FIELD_NAME starts with ("Sở ", "Đảng uỷ "), and what a _SUBJECT_WORD name ends with.
_FIELD_OPENINGS = tuple(f"{s} " for word in _WORDS["field_openings"] for s in tone_spellings(word))
_SUBJECT_WORD = _CUES["subject_word"]
_SUBJECT_ENDINGS = (*(s for word in _WORDS["subject_endings"] for s in tone_spellings(word)), "\n")
_PLURAL_WORDS = tuple(_WORDS["plural_words"])  # "các", "những"
_TAIL_LINKS = tuple(_WORDS["tail_links"])  # "và", "các"
_UNDER_WORDS = tuple(_WORDS["under_words"])  # "thuộc", "trực thuộc"
_COMMA_COMPOUND = tuple(_WORDS["comma_compound"])  # "phòng", "chống"
_NAMED_HEADS = tuple(_WORDS["named_heads"])  # "viễn thông": a body only with a name after it
_PARENT_HEADS = tuple(f"{w} " for w in _WORDS["parent_heads"])  # "đại học "
_MEMBER_HEADS = tuple(f"{w} " for w in _WORDS["member_heads"])  # "trường "
_CLOSING_ROLES = tuple(_WORDS["name_closing_roles"])  # "chủ trì", "phối hợp"
_ENDING_VERBS = tuple(_WORDS["ending_verbs"])  # "theo dõi"
_ROUTE_WORDS = tuple(_WORDS["route_words"])  # "đi", "qua"
_FIELD_GROUPS = tuple(_WORDS["field_groups"])  # "sở", "bộ"
_SINGULARS = {word.lower(): word for word in _WORDS["group_singulars"]}  # "sở" → "Sở"
_OF_WORD = _WORDS["of_word"]  # "của"
_UNITS_PLURAL = _WORDS["units_plural"]  # "các"
_AND_WORD = _WORDS["and_word"]  # "và"
_CENTRE = _WORDS["centre"]  # "trung ương"
_PLACE_TAILS = frozenset(_WORDS["place_tails"])  # "trung ương", "cơ sở": a place's name may follow
_NUMBER_WORD = _WORDS["number_word"]  # "số"
_SOCIAL_WORD = _WORDS["social_word"]  # "hội"
_COMMUNE_KINDS = tuple(_WORDS["commune_kinds"])  # "xã", "phường"
_ROLE_VERBS = tuple(f" {word}" for word in _WORDS["role_verbs"])  # " thực hiện"
_COMRADE = tuple(_WORDS["comrade_words"])  # "đồng chí" before a position
_DEPARTMENT = f"{_WORDS['department']} "  # "Sở "
_COUNCILS = tuple(_WORDS["council_names"])  # "hội đồng nhân dân", "hđnd"
_ISSUER_HEADS = tuple(f"{title} " for title in _WORDS["issuer_head_titles"])  # "chủ tịch "
_SPEAKERS = tuple(f"{title} " for title in _WORDS["speaker_titles"])  # "chủ tịch ", "thủ tướng "
# The kinds of a province and a city ("tỉnh", "thành phố"), lowercase and capitalized, as a name
# may end with them before the province's own name ("Công an tỉnh Nghệ An").
_ISSUER = load_toml("layout.toml")["issuer"]
_PROVINCE_KIND, _CITY_KIND = _ISSUER["province_kind"], _ISSUER["city_kind"]
_KIND_WORDS = (_PROVINCE_KIND, _CITY_KIND)  # "tỉnh", "thành phố"
_KIND_FIRSTS = tuple(kind.split()[0] for kind in _KIND_WORDS)  # "tỉnh", "thành": a kind's first token
_PARTY_COMMITTEE = alternation(_WORDS["party_committees"])  # "Tỉnh ủy" closing "Ban Nội chính Tỉnh ủy"
_CAPITALIZED_KINDS = tuple(kind[:1].upper() + kind[1:] for kind in (_CITY_KIND, _PROVINCE_KIND))  # "Thành phố"
_KIND_PREFIXES = (
    *(f"{kind} " for kind in (_PROVINCE_KIND, _CITY_KIND)),
    *(f"{kind} " for kind in reversed(_CAPITALIZED_KINDS)),
    "",
)
_VAGUE_REST = re.compile(r"[\s,;:.\-–]+")
_PLURAL_IN = _CUES["plural_in"]
_PLURAL_OPENING = _CUES["plural_opening"]
_PLURAL_INSIDE = _CUES["plural_inside"]
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)$")
_GROUP_KEY = re.compile(
    rf"(?P<head>{_piece('committee')}\s+)?(?:{_GROUP_PLURAL}\s+)?(?P<kinds>{_LOCALITY_KIND}(?:\s*,\s*{_LOCALITY_KIND})*)"
)
_GROUP_KEY_REST = _CUES["group_key_rest"]
_PLURAL_WORD = re.compile(rf"(?:^|\s){_GROUP_PLURAL}\s+")
_PLURAL_FIRST = re.compile(rf"{_GROUP_PLURAL}\s")  # "các ", "những " opening a lowercased name
_PLURAL_LOCALITIES = _CUES["plural_localities"]  # "các địa phương", "các tỉnh, thành phố"
# "UBND các tỉnh, thành phố nêu trên": the words that point back.
_BACK_MARK = _CUES["back_mark"]
_BACK_AFTER = _CUES["back_after"]  # the same words after a name read without them
# A committee of one named locality ("Ủy ban nhân dân thành phố Cần Thơ"), and the key prefix
# that keeps such single committees apart from groups named with their members.
_SINGLE_COMMITTEE = re.compile(rf"^{_piece('committee_written')} ({_LOCALITY_KIND}) [{UPPER}]")
_SINGLE = "1:"


def _group_key(written: str) -> str:
    """ "Ủy ban Nhân dân các tỉnh, thành phố Hà Nội" and "ủy ban nhân dân tỉnh, thành phố" alike."""
    key = phrase_key(written)
    key = _LOCAL_COMMITTEE.sub(_COMMITTEES[0] + " ", key)
    match = _GROUP_KEY.match(key)
    if not match:
        return "\0"
    if match.end() < len(key) and not _GROUP_KEY_REST.fullmatch(key, match.end()):
        return "\0"
    return (match.group("head") or "") + match.group("kinds") + _qualifier(written)


def _qualifier(written: str) -> str:
    """The words that qualify a group's kinds, as a key suffix: " ven biển" of "UBND các tỉnh,
    thành phố ven biển", so that "các tỉnh, thành phố ven biển nêu trên" finds that group and not
    another group of provinces (genre g1196)."""
    if not _PLACE_GROUP_CUE.search(written):
        return ""
    match = _PLACE_GROUP.match(_BACK_MARK.sub("", written))
    qualifier = match.group("qualifier") if match else None
    return f" {phrase_key(qualifier)}" if qualifier else ""


def _unqualified(key: str, written: str) -> str:
    """A group's key without its qualifier: "các tỉnh vùng núi nêu trên" may point back to the
    provinces named in a group of provinces that had no qualifier."""
    qualifier = _qualifier(written)
    return key[: -len(qualifier)] if qualifier and key.endswith(qualifier) else key


def _reference_key(written: str) -> str:
    """The key of a bare group that can refer back to one named with its members."""
    key = _group_key(written)
    bare = _LOCAL_COMMITTEE.sub(_COMMITTEES[0] + " ", phrase_key(written))
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
    on_text = (_PLACE_AGENCY, _BARE_PLACE, _OFFICIAL, _SETTLEMENT_NAMED)
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
