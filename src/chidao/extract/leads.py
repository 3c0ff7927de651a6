"""Who is asked to act: the lead agencies of a clause and the agencies that coordinate.

Rules, in the words of ANNOTATION.md: the addressee of "giao", "đề nghị",
"yêu cầu"; "X chủ trì"; the subject that opens a clause ("Sở Tài chính rà
soát ..."); the agency a heading names ("a) Sở Nội vụ:"). Coordinators are
named with "phối hợp (với)", "thống nhất với", "cùng"; vague partners that
name no one are left out.
"""

from __future__ import annotations

import re

from chidao.data import load_toml
from chidao.extract.addressed_leads import _addressed, _speakers, addressed_assignment
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.coordination import coordinators
from chidao.extract.cues import cue_regex, cues
from chidao.extract.doer_leads import agent_assignment
from chidao.extract.heading_leads import _heading, duty_holder, heading_assignment
from chidao.extract.higher_bodies import asks_higher, is_higher, upward
from chidao.extract.lead_basics import (
    Assignment,
    Cues,
    _assigning_at,
    _Read,
    clean_leads,
    no_order_at,
    past_source,
    past_spaces,
    strip_label,
    topic_end,
)
from chidao.extract.overseen import REQUESTING, asks_overseen, overseen_at
from chidao.extract.vocabulary import assignment_phrases

_FILE = "assignment_cues.toml"
_CUES = cues(_FILE)  # the words of these patterns, each row with its example
_THIS = cue_regex(_FILE, "this_word")  # "Công văn này"

__all__ = [
    "Assignment",
    "Cues",
    "addressed_assignment",
    "clean_leads",
    "coordinators",
    "duty_holder",
    "explicit_assignment",
    "find_assignment",
    "heading_assignment",
    "is_vague_list",
    "past_spaces",
    "strip_label",
    "subject_assignment",
    "topic_end",
]


_ASSIGN = _CUES["assign"]
_DIRECTS = _CUES["directs"]
_PASSIVE_ASSIGN = _CUES["passive_assign"]
_ASSIGN_AFTER_SUBJECT = _CUES["assign_after_subject"]
_CONNECTOR = _CUES["connector"]
_TOPIC_COMMA = _CUES["topic_comma_subject"]
_INTRO_WORD = _CUES["intro_word"]
_SHORT_INTRO = _CUES["short_intro"]
_TOPIC = _CUES["topic"]
_PAST = _CUES["past"]
_ROLE_IS = _CUES["role_is"]
_ISSUER_VERB = _CUES["issuer_verb"]
_ALWAYS_ISSUING = _CUES["always_issuing"]
_APPROVING = _CUES["approving"]
_REPORTS, _COPULA, _CITED = _CUES["reports"], _CUES["copula"], _CUES["cited_after"]  # "X cho biết", "X là", "X về"
_SPEECH = _CUES["speech"]
_TITLE_COLON = _CUES["title_colon"]
_LEADER_DIRECTS = _CUES["leader_directs"]
_THIS_DOCUMENT = _CUES["this_document"]
_PAST_SOON = _CUES["past_soon"]
_NO_ACTION_AFTER = _CUES["no_action_after"]
_COLON_AFTER = re.compile(r"\s*:")
# "Ủy ban nhân dân", "UBND" in a name
_COMMITTEE_NAMED = re.compile("|".join(load_toml("agency_grammar.toml")["group_committees"]), re.I)
_PROPOSES = _CUES["proposes_after_subject"]
_FIGURES = _CUES["states_figures"]
_TASK_TOPIC = _CUES["task_topic"]
_QUOTED_SPEECH = _CUES["quoted_speech"]
_NARRATED = _CUES["narrated"]
_WORDS = load_toml(_FILE)["words"]  # the words compared with the match key
_COMRADE = tuple(f"{word} " for word in _WORDS["comrade"])  # "đồng chí ", "đ/c "
_OPENING_ENDS = tuple(_WORDS["opening_ends"])  # " thì", "đồng thời"
_DIRECTING = tuple(_WORDS["directing"])  # "chỉ đạo", "phân công"
_STOP_SPACE = re.compile(r"[.;]\s")
_OPENING_QUOTES = frozenset('"“‘«')
_COMMA_SPACE = re.compile(r",\s+")


def _opens_phrase(key: str, start: int, pos: int) -> bool:
    """Whether ``pos`` begins a clause or follows a comma or colon (not "việc giao ... cho"), or
    follows the task it assigns ("Nhiệm vụ rà soát đất công | giao Sở Tài chính chủ trì")."""
    before = key[start:pos].rstrip()
    if not before or before[-1] in ",:;.\n-+*•" or before.endswith(_OPENING_ENDS):  # a bullet opens one too
        return True
    return _TASK_TOPIC.match(before.lstrip()) is not None


def _spoken(key: str, start: int, pos: int) -> bool:
    """ "Ông yêu cầu ...", "Chủ tịch UBND tỉnh Phạm X giao ...": a speaker's few words before the verb."""
    before = key[start:pos]
    clause = before[max(before.rfind(c) for c in ",;:.\n") + 1 :].strip().lstrip('"“‘«')  # after the last break
    words = clause.split()
    return 0 < len(words) <= 10 and bool(_speakers().match(clause))


def explicit_assignment(reader: AgencyReader, start: int, end: int, cues: Cues | None = None) -> Assignment | None:
    """ "giao Sở X ...", "đề nghị Báo Y, Đài Z ...", "yêu cầu ..." within ``[start, end)``."""
    if cues is not None and not cues.assign.within(start, end):
        return None
    for match in _ASSIGN.finditer(reader.key, start, end):
        if no_order_at(reader, match.start()):
            continue
        if not _opens_phrase(reader.key, start, match.start()) and not _spoken(reader.key, start, match.start()):
            continue
        mentions, after = reader.read_list(match.end(), lenient=True, limit=end)
        if mentions and upward(reader, match, mentions):
            continue
        if mentions and not _NO_ACTION_AFTER.match(reader.key, after, end):
            return Assignment(clean_leads(_council_directed(reader, mentions, after, end)), match.start(), True)
    return None


def _council_directed(reader: AgencyReader, addressees: list[Mention], after: int, end: int) -> list[Mention]:
    """Who leads when a People's Council asks its addressee to direct another body: "đề nghị UBND
    tỉnh chỉ đạo Sở Y tế ..." gives Sở Y tế the task (rule 15; genre g1256); "chỉ đạo các cơ quan,
    đơn vị thực hiện ..." names no one, so the addressee answers for it (genre g56)."""
    # "đề nghị Ủy ban MTTQ tỉnh chỉ đạo Mặt trận các xã ...": a body the Council does not oversee
    # answers for its own lower levels (genre g830)
    directs = _DIRECTS.match(reader.key, after, end) if reader.place.council else None
    if not directs or not all(_COMMITTEE_NAMED.search(m.name) for m in addressees):
        return addressees
    directed, _ = reader.read_list(directs.end(), lenient=True, limit=end)
    return directed if directed and not is_vague_list(reader, directed) else addressees


# "Công văn nêu rõ: Sở Công Thương chủ trì ...": a page relaying a document's words.
_RELAY = re.compile(
    rf"(?:{assignment_phrases('relayed_documents')})(?:{_THIS})?\s+(?:{assignment_phrases('relay_verbs')})\s*:\s*"
)


# What ``_skip_intro`` skips opens with one of these: most clauses open with none.
_INTROS = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_TOPIC, _CONNECTOR, _SHORT_INTRO, _INTRO_WORD, _RELAY, _TOPIC_COMMA))
)


def _skip_intro(reader: AgencyReader, pos: int, end: int) -> int:
    """Past a connector or an adverbial clause that opens a sentence ("Trên cơ sở ..., ")."""
    key = reader.key
    pos = past_source(key, pos, end)  # "(Chinhphu.vn) - Phó Thủ tướng yêu cầu ..."
    if key[pos : pos + 1] in _OPENING_QUOTES:
        pos = past_spaces(reader, pos + 1)  # "Các chủ đầu tư phải ..." (genre g110)
    quoted = _QUOTED_SPEECH.match(key, pos, end) if '"' in key[pos : pos + 140] or "“" in key[pos : pos + 140] else None
    if quoted and reader.starts_agency(quoted.end()):
        return quoted.end()  # Chủ tịch nhấn mạnh: "Các chủ đầu tư phải ...": the quote's subject
    if _INTROS.match(key, pos, end) is None:
        title = _TITLE_COLON.match(key, pos, end) if not reader.starts_agency(pos) else None
        if title and reader.starts_agency(title.end()):
            return title.end()  # "Hỗ trợ tiếp cận vốn ...: Quỹ Hỗ trợ phát triển ... ưu tiên ..."
        return pos
    for _ in range(2):
        connector = _CONNECTOR.match(key, pos, end) or _topic_comma(reader, pos, end)
        if connector and reader.starts_agency(connector.end()):
            # "Riêng Ủy ban nhân dân các tỉnh: A, B, đề nghị ...": the subject, no topic (genre h04)
            return connector.end()
        topic = _TOPIC.match(key, pos, end)
        if topic:
            pos = topic.end()
            continue
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
        stop = _assigning_at(key, pos, pos + sentence.start() if sentence else stop)
        for comma in _COMMA_SPACE.finditer(key[pos:stop]):
            after = pos + comma.end()
            if key.count("(", pos, after) > key.count(")", pos, after):
                continue  # inside brackets: "(qua ..., địa chỉ: ..., phường X)" names no subject
            if reader.starts_agency(after):
                limit = reader.limit
                _, listed = reader.read_list(after, limit=end)
                reader.bounded(limit)
                nxt = past_spaces(reader, listed)
                if key[nxt : nxt + 1] in ";." or _CITED.match(key, listed):
                    continue  # "Căn cứ ... của các bộ, UBND các tỉnh; ...", "..., Ban Bí thư về ...": cited
                return after
        break
    return pos


def _topic_comma(reader: AgencyReader, pos: int, end: int) -> re.Match[str] | None:
    """A topic closed by a comma that names no body nor a proposal, before a body that is no
    speaker: "Đối với tình trạng lấn chiếm đất, | UBND các xã A, B chủ trì ..." (genre g685)."""
    topic = _TOPIC_COMMA.match(reader.key, pos, end)
    if topic is None or reader.starts_agency(topic.end("opening")):
        return None
    body = reader.read(topic.end()) if reader.starts_agency(topic.end()) else None
    return None if body is None or reader.is_speaker(body) or reader.is_leader(body) else topic


def subject_position(reader: AgencyReader, start: int, end: int) -> int:
    """Where a clause's subject would stand: past the spaces and an opening connector or
    adverbial clause ("Qua theo dõi, | Sở Xây dựng chưa trình ...")."""
    return _skip_intro(reader, past_spaces(reader, start), end)


def demands_overseen(reader: AgencyReader, start: int, end: int, heading: list[Mention]) -> bool:
    """Whether "yêu cầu nhà thầu ..." opens the clause under a heading that names a body, not a vague
    one: the body demands it, the task is its own (genre g1089; ``_demands``)."""
    if not heading or is_vague_list(reader, heading):
        return False
    return asks_overseen(reader, subject_position(reader, start, end))


def subject_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """A clause opened by its subject: "Sở Tài chính rà soát ...", "Đồng thời, UBND ... đề xuất"."""
    return _subject(reader, past_spaces(reader, start), end, None)


def _subject(reader: AgencyReader, pos: int, end: int, known: _Read | None) -> Assignment | None:
    """``subject_assignment`` from ``pos`` (past the spaces); ``known`` is the list the heading
    rule read there, which ``read_list`` would give again from its memory."""
    pos = _skip_intro(reader, pos, end)
    if reader.key.startswith(_COMRADE, pos):
        return _comrade(reader, pos, end)  # "Đồng chí Trần Thị Mai, Phó Giám đốc Sở chỉ đạo ..."
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
    if _FIGURES.match(reader.key, after, end):
        return None  # "Xã Tương Dương có 12 điểm trường bị ngập ...": a fact, no task (genre g882)
    role = _ROLE_IS.match(reader.key, after, end) or _COPULA.match(reader.key, after, end)
    if role is not None:
        # a mere description of the role (or of what X is, genre g665) is no task; the duties after it are
        return Assignment(clean_leads(mentions), pos, False) if reader.acts(role.end(), end) else None
    colon = _COLON_AFTER.match(reader.key, after)
    past = _PAST.match(reader.key, after) or _PAST_SOON.match(reader.key, after, end)
    if not colon and past and not _PASSIVE_ASSIGN.match(reader.key, after):
        return None
    relayed = _SPEECH.match(reader.key, after, end)
    if relayed and reader.starts_agency(relayed.end()):
        return _subject(reader, relayed.end(), end, None)  # "Bộ trưởng nhấn mạnh, Sở Y tế phải ..."
    if _ISSUER_VERB.match(reader.key, after) and _issues(reader, mentions, after, end):
        speech = _SPEECH.match(reader.key, after, end)
        if speech and reader.starts_agency(speech.end()):
            return _subject(reader, speech.end(), end, None)  # "... nhấn mạnh, Sở Y tế phải ..."
        return None
    proposing = _PROPOSES.match(reader.key, after, end)
    asked = reader.read_list(proposing.end(), lenient=True, limit=end)[0] if proposing else []
    if proposing and asks_higher(reader, mentions, asked, proposing.end()):
        return None  # "Sở Xây dựng đề nghị UBND tỉnh thành lập ...": a proposal upward (rule 10; g818)
    assigning = _ASSIGN_AFTER_SUBJECT.match(reader.key, after, end)
    if assigning and no_order_at(reader, past_spaces(reader, after)):
        assigning = None
    if assigning is None and all(reader.is_speaker(m) for m in mentions):
        directs = _LEADER_DIRECTS.match(reader.key, after, end)
        if directs and reader.starts_agency(directs.end()):
            assigning = directs  # "Chủ tịch UBND tỉnh chỉ đạo Sở Xây dựng ...": Sở Xây dựng acts
    if assigning is None and reader.place.council:
        # A People's Council asks "Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế ...": Sở Y tế leads (rule 15).
        assigning = _DIRECTS.match(reader.key, after, end)
    if (
        assigning
        and not any(reader.is_speaker(m) or is_higher(m) for m in mentions)
        and upward(reader, assigning, reader.read_list(assigning.end(), lenient=True, limit=end)[0])
    ):
        return None  # "Sở cũng đề nghị Bộ Tài chính sớm hướng dẫn ...": asked upward (rule 10; genre g420)
    if assigning:
        return _assigned(reader, mentions, assigning, pos, end)
    return Assignment(clean_leads(mentions), pos, bool(colon))


def _assigned(
    reader: AgencyReader, mentions: list[Mention], assigning: re.Match[str], pos: int, end: int
) -> Assignment | None:
    """The lead of "subject + assigning verb + addressees": the addressees, or the subject when it
    is told to demand of parties it oversees ("Ban QLDA yêu cầu nhà thầu ...", g954) or asks no one."""
    if _demands(reader, mentions, assigning):
        return Assignment(clean_leads(mentions), pos, True)
    return _to_addressees(reader, assigning, end) or (
        None if _asks_no_one(reader, mentions, assigning, end) else Assignment(clean_leads(mentions), pos, True)
    )


def _to_addressees(reader: AgencyReader, assigning: re.Match[str], end: int) -> Assignment | None:
    """ "Chủ tịch UBND tỉnh giao Sở GD&ĐT ...": the addressee acts; None when the verb names none."""
    addressees, later = reader.read_list(assigning.end(), lenient=True, limit=end)
    addressees = _council_directed(reader, addressees, later, end) if addressees else addressees
    return Assignment(clean_leads(addressees), assigning.start(), True) if addressees else None


def _demands(reader: AgencyReader, mentions: list[Mention], assigning: re.Match[str]) -> bool:
    """Whether a directive tells its subject, a body that neither speaks, leads nor issues it, to
    demand something of others: "5. Ban Quản lý dự án ... yêu cầu nhà thầu bổ sung ngay máy móc"
    gives the board the task (genre g954, g298); news only reports such requests."""
    if reader.place.running or not assigning.group(0).strip().endswith(REQUESTING):
        return False
    if any(reader.is_speaker(m) or reader.is_leader(m) or reader.is_issuer(m) or is_higher(m) for m in mentions):
        return False
    return overseen_at(reader, assigning.end())


def _asks_no_one(reader: AgencyReader, mentions: list[Mention], assigning: re.Match[str], end: int) -> bool:
    """Whether an assigning verb naming no agency gives no task (a leader's, the issuer's, a lead-in's,
    a council's); a body asking others does it itself ("Sở Công Thương yêu cầu các chủ đập ...", g298)."""
    if assigning.group(0).strip().endswith(_DIRECTING):
        return False
    speaking = all(reader.is_speaker(m) or reader.is_leader(m) or reader.is_issuer(m) for m in mentions)
    return speaking or reader.key[:end].rstrip().endswith(":") or reader.place.council


def _comrade(reader: AgencyReader, pos: int, end: int) -> Assignment | None:
    """A named official opening the clause, by name and position (rule 8; genre g117): the lead
    when a verb follows, not a past report ("Đồng chí ... đã báo cáo")."""
    mentions, after = reader.read_list(pos, lenient=True, limit=end)
    key = reader.key
    if not mentions or after >= end or _PAST.match(key, after) or _COLON_AFTER.match(key, after):
        return None
    if all(reader.is_speaker(m) for m in mentions):
        return None  # "Đồng chí Bí thư Tỉnh ủy yêu cầu Đảng ủy xã ...": the speaker, read as a subject
    if _ISSUER_VERB.match(key, after) or _NARRATED.match(key, after):
        return None  # "Đồng chí ..., Phó Chủ tịch UBND tỉnh chủ trì hội nghị": who met, not who acts
    return Assignment(clean_leads(mentions), pos, True) if reader.acts(after, end) else None


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
    if _ALWAYS_ISSUING.match(reader.key, after) or _REPORTS.match(reader.key, after):
        return True  # "X thông báo ...", and anyone's report: "Bộ Công Thương thông tin, lực lượng ..."
    if all(reader.speaks_for_issuer(m) for m in mentions):
        return True
    if _APPROVING.match(reader.key, after) and all(reader.is_leader(m) or reader.is_speaker(m) for m in mentions):
        return True  # "Chủ tịch UBND tỉnh đồng ý với đề xuất ...", "Thủ tướng nhấn mạnh, ...", in the news too
    return bool(_THIS_DOCUMENT.search(reader.key, after, end))


def is_vague_list(reader: AgencyReader, mentions: list[Mention]) -> bool:
    """Whether every lead names no kind of body ("Các cơ quan, đơn vị có liên quan")."""
    faceless = reader.reg.faceless_syllables
    return all(set(m.written.lower().replace(",", " ").split()) <= faceless for m in mentions)


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
        or agent_assignment(reader, pos, end)
    )
    if found and reader.place.council and all(reader.is_issuer(m) for m in found.leads):
        return None
    return found
