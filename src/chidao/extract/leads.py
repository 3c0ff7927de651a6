"""Who is asked to act: the lead agencies of a clause and the agencies that coordinate.

Rules, in the words of ANNOTATION.md: the addressee of "giao", "đề nghị",
"yêu cầu"; "X chủ trì"; the subject that opens a clause ("Sở Tài chính rà
soát ..."); the agency a heading names ("a) Sở Nội vụ:"). Coordinators are
named with "phối hợp (với)", "thống nhất với", "cùng"; vague partners that
name no one are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.document.lexicon import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.registry import phrase_key
from chidao.text.guarded import guarded
from chidao.text.occurrences import Occurrences

_ASSIGN = guarded(
    r"(?<![\w])(?<!về )(?<!theo )(?<!xét )(?<!kiến )(?<!các )(?<!bàn )"
    r"(?:giao(?: nhiệm vụ)?(?: cho)?|đề nghị|yêu cầu|phân công|chỉ định)\s+(?!của\b)"
)
_DIRECTS = re.compile(r"\s*(?:tập trung\s+|tiếp tục\s+)?chỉ đạo(?=\s)")
# "Sở Y tế được giao chỉ đạo ...": the subject is the one assigned.
_PASSIVE_ASSIGN = re.compile(r"\s*(?:được|đã được)\s+(?:giao|phân công|yêu cầu)(?![\w])(?!\s+(?:tại|theo|trong)\b)")
_ASSIGN_AFTER_SUBJECT = re.compile(
    r"\s*(?:(?:đã|vừa|cũng|tiếp tục)\s+)?(?:giao(?: nhiệm vụ)?(?: cho)?|yêu cầu|đề nghị|phân công)(?![\w])"
)
_COORDINATE = guarded(
    r"(?<![\w])(?:phối hợp(?: chặt chẽ)?(?: với| cùng(?: với)?| giữa)?|phối với|thống nhất với|cùng với|cùng|"
    r"làm việc(?: cụ thể)? với)\s+"
)
# Every _ASSIGN match opens with one of these words, every _COORDINATE match holds one.
_ASSIGN_WORDS = ("giao", "đề nghị", "yêu cầu", "phân công", "chỉ định")
_COORDINATE_WORDS = ("phối", "thống nhất với", "cùng", "làm việc")
# "A chỉ đạo B phối hợp với C ...": the coordination after it is B's.
_DIRECTED = guarded(r"(?<![\w])(?:chỉ đạo|đôn đốc|hướng dẫn)\s+")
_TO_AGREE = guarded(r"(?<![\w])(?:để )?thống nhất(?![\w])")
_LEAD_THEN_COORD = re.compile(r"chủ trì\s*[,;]\s*")
_CONNECTOR = re.compile(
    r"(?:đồng thời|trên cơ sở đó|ngoài ra|bên cạnh đó|mặt khác|sau đó|theo đó|trong đó|riêng đối với|riêng)\s*,?\s+"
)
_INTRO_WORD = re.compile(
    r"(?:trên cơ sở|căn cứ|để|sau khi|trong (?:thời gian|quá trình)|với vai trò|trường hợp|"
    r"nếu|khi|qua|thực hiện|nhằm|(?:trong |đến |đến hết |từ )?năm \d{4}(?=\s*,)|"
    r"thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?=\s*,))(?![\w])"
)
_SHORT_INTRO = re.compile(
    r"(?:thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:trong |đến |đến hết |từ )?năm \d{4})\s*,\s*"
)
_TOPIC = re.compile(r"(?:về|đối với|riêng)\s+(?:[^:.]|\.(?=\d)){2,600}?:\s*")
_PAST = re.compile(
    r"\s*(?:đã|vừa|đã được|được|từng|đánh giá cao|ghi nhận|biểu dương|cảm ơn|"
    r"hoan nghênh|thông báo|trân trọng|xin)\b"
)
# "Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc ...": a role, then (maybe) the duties of it.
_ROLE_IS = re.compile(r"\s*là cơ quan (?:thường trực|đầu mối)(?:[^,.;:]*)")
_ISSUER_VERB = re.compile(
    r"\s*(?:ban hành|thông báo|kết luận|có ý kiến|tán thành|thống nhất|quyết nghị|tổ chức (?:hội nghị|buổi|cuộc)|"
    r"chủ trì (?:hội nghị|buổi|cuộc)|xin)"
)
# Verbs that are always the issuer speaking, whoever the subject: "Sở X thông báo ..." is no order.
_ALWAYS_ISSUING = re.compile(r"\s*(?:thông báo|kết luận|có ý kiến|tán thành|quyết nghị|xin)(?![\w])")
# "... ban hành Kế hoạch ... với các nội dung sau:", "... ban hành Kế hoạch này": the document itself.
_THIS_DOCUMENT = re.compile(
    r"(?:(?:kế hoạch|thông báo|chỉ thị|quyết định|công văn|nghị quyết) này|như sau|nội dung sau|:\s*$)"
)
# "Các sở, ngành và địa phương đã tích cực ...": a report of the past, a few words after the subject.
_PAST_SOON = re.compile(r"(?:\s+[^\s.;:]+){0,4}?\s+(?:đã|vừa)(?![\w])")
# After an addressee, these words show "giao nhiệm vụ cho X" is a noun phrase, not an order.
_NO_ACTION_AFTER = re.compile(r"\s*(?:$|[.;]|(?:theo(?!\s+dõi)|tại|trong|của|về|để|nhằm|đối với|với)(?![\w]))")
_COLON_AFTER = re.compile(r"\s*:")
_HEADING_VERB = re.compile(r"(?:giao|đề nghị|yêu cầu|đối với)\s+")
_THEN_COORD = re.compile(r"\s*phối hợp")
_LABEL = re.compile(r"(?:nhiệm vụ|nội dung|giải pháp)\s*:\s*")
_STOP_SPACE = re.compile(r"[.;]\s")
_COMMA_SPACE = re.compile(r",\s+")
_PUNCTUATION = re.compile(r"[.;:,]")
_STOP = re.compile(r"[.;]")


class Cues:
    """Where one document's assignment and coordination words occur, found once.

    Most clauses hold none of them; asking first costs one bisection, where the guarded
    searches for the verbs cost a scan of the clause. Build one per document."""

    __slots__ = ("assign", "coordinate", "lead_then")

    def __init__(self, key: str) -> None:
        self.assign = Occurrences(key, _ASSIGN_WORDS)
        self.coordinate = Occurrences(key, _COORDINATE_WORDS)
        self.lead_then = Occurrences(key, ("chủ trì",))


@dataclass(frozen=True)
class Assignment:
    """The lead agencies a clause names, and where the naming phrase starts."""

    leads: list[Mention]
    start: int
    explicit: bool


def past_spaces(reader: AgencyReader, pos: int) -> int:
    """``reader.skip_space(pos)``: most clauses open at a word already, which needs no call."""
    text = reader.text
    if 0 <= pos < len(text) and not text[pos].isspace():
        return pos
    return reader.skip_space(pos)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.name.lower() not in seen:
            seen.add(mention.name.lower())
            out.append(mention)
    return out


def clean_leads(mentions: list[Mention]) -> list[Mention]:
    """A lead list without repeats. Vague partners stay ("Các Sở, ngành, UBND cấp xã và các đơn
    vị có liên quan"): unlike coordinators, a lead list is kept whole (ANNOTATION.md)."""
    return _dedupe(mentions)


def _opens_phrase(key: str, start: int, pos: int) -> bool:
    """Whether ``pos`` begins a clause or follows a comma or colon (not "việc giao ... cho")."""
    before = key[start:pos].rstrip()
    return not before or before[-1] in ",:;.\n-" or before.endswith((" thì", "đồng thời", "trong đó"))


def _meeting(reader: AgencyReader, pos: int) -> bool:
    """ "giao ban" is a meeting; "giao Ban Quản lý ..." assigns to a board."""
    return reader.key.startswith("giao ban", pos) and not reader.text[pos + 5 : pos + 6].isupper()


@cache
def _speakers() -> re.Pattern[str]:
    data = load_toml("assignment.toml")
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["speakers"], key=len, reverse=True))
    return re.compile(rf"(?:{words})(?![\w])")


def _spoken(key: str, start: int, pos: int) -> bool:
    """ "Ông yêu cầu ...", "Chủ tịch UBND tỉnh Phạm X giao ...": a speaker's few words before the verb."""
    before = key[start:pos]
    clause = before[max(before.rfind(c) for c in ",;:.\n") + 1 :].strip()  # after the last break
    words = clause.split()
    return 0 < len(words) <= 10 and bool(_speakers().match(clause))


def explicit_assignment(reader: AgencyReader, start: int, end: int, cues: Cues | None = None) -> Assignment | None:
    """ "giao Sở X ...", "đề nghị Báo Y, Đài Z ...", "yêu cầu ..." within ``[start, end)``."""
    if cues is not None and not cues.assign.within(start, end):
        return None
    for match in _ASSIGN.finditer(reader.key, start, end):
        if _meeting(reader, match.start()):
            continue
        if not _opens_phrase(reader.key, start, match.start()) and not _spoken(reader.key, start, match.start()):
            continue
        mentions, after = reader.read_list(match.end(), lenient=True, limit=end)
        if mentions and _upward(reader, match, mentions):
            continue
        if mentions and not _NO_ACTION_AFTER.match(reader.key, after, end):
            return Assignment(clean_leads(mentions), match.start(), True)
    return None


@cache
def _higher() -> re.Pattern[str]:
    data = load_toml("assignment.toml")
    words = "|".join(re.escape(w) for w in sorted(data["higher"], key=len, reverse=True))
    return re.compile(rf"(?:{words})(?![\w])")


def _upward(reader: AgencyReader, match: re.Match[str], mentions: list[Mention]) -> bool:
    """A province asking the centre ("đề nghị Bộ Xây dựng hỗ trợ tỉnh ..."): no task (rule 10)."""
    if reader.place.national or not match.group(0).startswith("đề nghị"):
        return False
    for mention in mentions:
        name = phrase_key(mention.name)
        local = name.endswith(" tỉnh") or " khu vực " in name or " chi nhánh " in f" {name} "  # a regional branch
        if not _higher().match(name) or name.startswith(("bộ chỉ huy", "bộ đội")) or local:
            return False
    return True


# What ``_skip_intro`` skips opens with one of these: most clauses open with none.


def _words_of(name: str) -> str:
    words = load_toml("assignment.toml")[name]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# "Công văn nêu rõ: Sở Công Thương chủ trì ...": a page relaying a document's words.
_RELAY = re.compile(rf"(?:{_words_of('relayed_documents')})(?: này)?\s+(?:{_words_of('relay_verbs')})\s*:\s*")
# "Đối với UBND các xã, phường, Công văn yêu cầu bố trí ...": the addressee then the request.
_RELAYED_REQUEST = re.compile(
    rf"\s*,\s*(?:{_words_of('relayed_documents')})(?: này)?\s+(?:yêu cầu|đề nghị|giao)\s"
)
_INTROS = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_TOPIC, _CONNECTOR, _SHORT_INTRO, _INTRO_WORD, _RELAY))
)


def _skip_intro(reader: AgencyReader, pos: int, end: int) -> int:
    """Past a connector or an adverbial clause that opens a sentence ("Trên cơ sở ..., ")."""
    key = reader.key
    if _INTROS.match(key, pos, end) is None:
        return pos
    for _ in range(2):
        topic = _TOPIC.match(key, pos, end)
        if topic:
            pos = topic.end()
            continue
        connector = _CONNECTOR.match(key, pos, end)
        if connector and reader.starts_agency(connector.end()):
            return connector.end()
        relay = _RELAY.match(key, pos, end)
        if relay:
            return relay.end()  # "Công văn nêu rõ: Sở Công Thương chủ trì ..."
        short = _SHORT_INTRO.match(key, pos, end)
        if short:
            return short.end()  # "Thứ nhất, các bộ, ngành ...", "Năm 2027, Sở ...": the subject follows
        intro = _INTRO_WORD.match(key, pos, end)
        if not intro:
            break
        stop = min(end, pos + 400)
        sentence = _STOP_SPACE.search(key[pos:stop])
        stop = pos + sentence.start() if sentence else stop
        for comma in _COMMA_SPACE.finditer(key[pos:stop]):
            after = pos + comma.end()
            if reader.starts_agency(after):
                return after
        break
    return pos


# A list read at a clause's opening: where, what it found, where it ended and the reader's bound after it.
_Read = tuple[int, list[Mention], int, int]


def subject_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """A clause opened by its subject: "Sở Tài chính rà soát ...", "Đồng thời, UBND ... đề xuất"."""
    return _subject(reader, past_spaces(reader, start), end, None)


def _subject(reader: AgencyReader, pos: int, end: int, known: _Read | None) -> Assignment | None:
    """``subject_assignment`` from ``pos`` (past the spaces); ``known`` is the list the heading
    rule read there, which ``read_list`` would give again from its memory."""
    pos = _skip_intro(reader, pos, end)
    if _read_nothing(reader, pos, known):
        return None
    if not reader.starts_agency(pos):
        return None
    if known is not None and known[0] == pos:
        _, mentions, after, limit = known
        mentions = list(mentions)
        reader.bounded(limit)  # where a second read would leave the reader's bound
    else:
        mentions, after = reader.read_list(pos, limit=end)
    if not mentions or after > end:
        return None
    role = _ROLE_IS.match(reader.key, after, end)
    if role is not None:
        # a mere description of the role is no task; the duties that follow it are
        return Assignment(clean_leads(mentions), pos, False) if reader.acts(role.end(), end) else None
    colon = _COLON_AFTER.match(reader.key, after)
    past = _PAST.match(reader.key, after) or _PAST_SOON.match(reader.key, after, end)
    if not colon and past and not _PASSIVE_ASSIGN.match(reader.key, after):
        return None
    if _ISSUER_VERB.match(reader.key, after) and _issues(reader, mentions, after, end):
        return None
    assigning = _ASSIGN_AFTER_SUBJECT.match(reader.key, after, end)
    if assigning and _meeting(reader, past_spaces(reader, after)):
        assigning = None
    if assigning is None and reader.place.council:
        # A People's Council asks "Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế ...": Sở Y tế leads (rule 15).
        assigning = _DIRECTS.match(reader.key, after, end)
    if assigning:
        # "Chủ tịch UBND tỉnh giao Sở GD&ĐT ...", "HĐND tỉnh yêu cầu UBND tỉnh ...": the
        # addressee acts, not the one who assigns.
        addressees, later = reader.read_list(assigning.end(), lenient=True, limit=end)
        directs = _DIRECTS.match(reader.key, later, end) if reader.place.council else None
        if directs:
            # "HĐND tỉnh đề nghị UBND tỉnh chỉ đạo Sở Y tế ...": Sở Y tế leads (rule 15)
            directed, _ = reader.read_list(directs.end(), lenient=True, limit=end)
            addressees = directed or addressees
        if addressees:
            return Assignment(clean_leads(addressees), assigning.start(), True)
        if not assigning.group(0).strip().endswith("chỉ đạo"):
            return None
    return Assignment(clean_leads(mentions), pos, bool(colon))


def _read_nothing(reader: AgencyReader, pos: int, known: _Read | None) -> bool:
    """Whether the heading rule found no agency at ``pos``, so that the subject rule would find
    none either, whether or not ``starts_agency`` said one opens there; and asking would leave the
    reader as it is (``pos`` is a word inside its bound, which is the one that read left)."""
    return (
        known is not None
        and known[0] == pos
        and not known[1]
        and pos < reader.limit == known[3]
        and not reader.text[pos : pos + 1].isspace()
    )


def _issues(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> bool:
    """Whether "X ban hành ...", "X tổ chức hội nghị ..." is the issuer introducing the document
    (not a task) rather than an order to X ("Sở Tư pháp ban hành hướng dẫn ...")."""
    if _ALWAYS_ISSUING.match(reader.key, after) or all(reader.is_issuer(m) for m in mentions):
        return True
    return bool(_THIS_DOCUMENT.search(reader.key, after, end))


def heading_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """An item that opens with an agency and a colon, or is just an agency: "a) Sở Nội vụ:"."""
    return _heading(reader, start, past_spaces(reader, start), end)[0]


def _heading(reader: AgencyReader, start: int, pos: int, end: int) -> tuple[Assignment | None, _Read | None]:
    """``heading_assignment`` with ``pos`` past the spaces; and the list read at ``pos`` when it
    was read as a subject would be (no verb before it, not lenient)."""
    key = reader.key
    lead_in = _HEADING_VERB.match(key, pos)
    if lead_in:
        pos = lead_in.end()
    mentions, after = reader.read_list(pos, lenient=bool(lead_in), limit=end)
    read = None if lead_in else (pos, mentions, after, reader.limit)
    if not mentions:
        return None, read
    rest = key[after:end].strip(" .;\n").lstrip(")").strip()
    if rest.startswith(":") or not rest:
        return Assignment(clean_leads(mentions), start, True), read
    owned = _owned_heading(reader, mentions, after, end) or _role_heading(reader, mentions, after, end)
    if owned is not None:
        return Assignment([owned], start, True), read
    return None, read


def _role_heading(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> Mention | None:
    """ "3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án" over its items: a body named by its
    role is named by the whole heading."""
    key = reader.key
    if len(mentions) != 1 or not reader.reg.roles.fullmatch(phrase_key(mentions[0].written)):
        return None
    stop = len(key[:end].rstrip(" .\n"))
    if _PUNCTUATION.search(key[after:stop]) or len(key[after:stop].split()) > 10:
        return None
    mention = mentions[0]
    written = reader.text[mention.start : stop].strip()
    return Mention(mention.start, stop, written, reader.canonical(written))


def _owned_heading(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> Mention | None:
    """ "1. Nhà đầu tư của 02 dự án đường bộ cao tốc Tân Phú – Bảo Lộc và Bảo Lộc – Liên Khương:":
    a heading whose one agency goes on with "của ..." up to the colon is named by the whole phrase."""
    key = reader.key
    if len(mentions) != 1 or not key.startswith("của ", past_spaces(reader, after)):
        return None
    colon = key.find(":", after, end)
    if colon < 0 or key[colon + 1 : end].strip() or _STOP.search(key[after:colon]):
        return None
    if len(key[after:colon].split()) > 20 or reader.acts(after, colon):
        return None
    mention = mentions[0]
    written = reader.text[mention.start : colon].strip()
    return Mention(mention.start, mention.start + len(written), written, reader.canonical(written))


_DUTY_OF = re.compile(r"(?:chức năng,? nhiệm vụ|trách nhiệm|nhiệm vụ) (?:của|thuộc) ")


def duty_holder(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """A heading about the duties of one agency: "... thuộc chức năng, nhiệm vụ của Sở X, cụ thể:"."""
    match = _DUTY_OF.search(reader.key, start, end)
    if not match:
        return None
    mentions, _ = reader.read_list(match.end(), limit=end)
    mentions = [m for m in mentions if not reader.is_vague(m)]
    return Assignment(clean_leads(mentions), match.start(), False) if mentions else None


def is_vague_list(reader: AgencyReader, mentions: list[Mention]) -> bool:
    """Whether every lead names no kind of body ("Các cơ quan, đơn vị có liên quan")."""
    faceless = reader.reg.faceless_syllables
    return all(set(m.written.lower().replace(",", " ").split()) <= faceless for m in mentions)


def assignment_at_colon(reader: AgencyReader, start: int, end: int, cues: Cues | None = None) -> bool:
    """Whether a long lead-in ends by naming its addressee: "..., giao Trung tâm X:"."""
    if cues is not None and not cues.assign.within(start, end):
        return False
    for match in _ASSIGN.finditer(reader.key, start, end):
        mentions, after = reader.read_list(match.end(), lenient=True, limit=end)
        if mentions and reader.key[after:end].strip() == ":":
            return True
    return False


_ADDRESSED = re.compile(r"đối với\s+")
_MUST = re.compile(r"\s*,?\s*(?:thì\s+)?(?:cần phải|cần|phải)\s")


def addressed_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """ "Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng ...": the addressee must act."""
    return _addressed(reader, past_spaces(reader, start), end)


def _addressed(reader: AgencyReader, pos: int, end: int) -> Assignment | None:
    opener = _ADDRESSED.match(reader.key, pos, end)
    if opener is None:
        return None
    mentions, after = reader.read_list(opener.end(), lenient=True, limit=end)
    if not mentions or not (_MUST.match(reader.key, after, end) or _RELAYED_REQUEST.match(reader.key, after, end)):
        return None
    return Assignment(clean_leads(mentions), pos, True)


def find_assignment(
    reader: AgencyReader, start: int, end: int, cues: Cues | None = None, *, pos: int | None = None
) -> Assignment | None:
    """The lead a clause names by heading, subject or explicit assignment, whichever opens it.

    The clause's opening (``pos``, past the spaces after ``start``, if the caller knows it) is
    found once, and a list the heading rule read there is not read again as the subject."""
    if pos is None:
        pos = past_spaces(reader, start)
    found, read = _heading(reader, start, pos, end)
    found = (
        found
        or _subject(reader, pos, end, read)
        or explicit_assignment(reader, start, end, cues)
        or _addressed(reader, pos, end)
    )
    if found and reader.place.council and all(reader.is_issuer(m) for m in found.leads):
        return None
    return found


def coordinators(
    reader: AgencyReader, start: int, end: int, leads: list[Mention], cues: Cues | None = None
) -> list[Mention]:
    """Agencies named as partners within ``[start, end)``, vague ones and the leads left out.

    With the document's ``cues``, a span that holds no coordination word is not searched."""
    found: list[Mention] = []
    key = reader.key
    coordinate = cues is None or cues.coordinate.within(start, end)
    for match in _COORDINATE.finditer(key, start, end) if coordinate else ():
        if _directed(reader, start, match.start(), leads):
            continue  # "A chỉ đạo B phối hợp với C": C works with B, not with A
        if match.group(0).startswith("làm việc") and not _TO_AGREE.search(key, match.end(), end):
            continue  # "làm việc với X" coordinates only "để thống nhất"
        mentions, _ = reader.read_list(match.end(), lenient=True, limit=end)
        found.extend(m for m in mentions if m.end <= end)
    lead_then = cues is None or cues.lead_then.within(start, end)
    for match in _LEAD_THEN_COORD.finditer(key, start, end) if lead_then else ():
        mentions, after = reader.read_list(match.end(), limit=end)
        if mentions and _THEN_COORD.match(key, after):
            found.extend(mentions)
    if not found:
        return []
    lead_names = {m.name.lower() for m in leads}
    kept = [m for m in found if not reader.is_vague(m) and m.name.lower() not in lead_names]
    return _dedupe(kept)


def _directed(reader: AgencyReader, start: int, pos: int, leads: list[Mention]) -> bool:
    """Whether the clause before ``pos`` directs a body other than the leads ("chỉ đạo B ...")."""
    window = max(start, pos - 120)
    lead_names = {m.name.lower() for m in leads}
    for match in _DIRECTED.finditer(reader.key, window, pos):
        if _STOP.search(reader.key, match.end(), pos):
            continue
        # "chỉ đạo trạm y tế phối hợp với ...": the directed body may be written in lowercase
        directed, _ = reader.read_list(match.end(), lenient=True, limit=pos)
        if directed and not {m.name.lower() for m in directed} & lead_names:
            return True
    return False


def strip_label(key: str, start: int) -> int:
    """Past a plan's "Nhiệm vụ:" label."""
    label = _LABEL.match(key, start)
    return label.end() if label else start


def topic_end(key: str, start: int, end: int) -> int:
    """End of a "Về ...:" / "Đối với ...:" topic that opens an item (its dates are not deadlines)."""
    topic = _TOPIC.match(key, start, end)
    return topic.end() if topic else start
