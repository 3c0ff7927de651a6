"""Who acts, named as the topic a clause opens with: "Đối với các chủ đầu tư cần ...", "Đối với
UBND các xã, phường, Phó Chủ tịch UBND tỉnh yêu cầu ...", "Đối với các doanh nghiệp trong khu kinh
tế, Bí thư Tỉnh ủy đề nghị ..."."""

from __future__ import annotations

import re
from functools import cache

from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cue_regex, cues
from chidao.extract.lead_basics import Assignment, clean_leads, past_spaces
from chidao.extract.vocabulary import assignment_phrases

_FILE = "assignment_cues.toml"
_CUES = cues(_FILE)
_THIS = cue_regex(_FILE, "this_word")  # "Công văn này"
# "Đối với UBND các xã, phường, Công văn yêu cầu bố trí ...": the addressee then the request.
_RELAYED_REQUEST = re.compile(
    rf"\s*,\s*(?:{assignment_phrases('relayed_documents')})(?:{_THIS})?\s+{cue_regex(_FILE, 'request_verb')}"
)
# "Đối với UBND các xã, phường, Phó Chủ tịch UBND tỉnh yêu cầu huy động ...": the list reader
# takes the speaker for one more addressee; the request after it shows it is not (genre g55).
_REQUEST_AFTER = _CUES["request_after"]
_ADDRESSED = _CUES["addressed"]
_TOPIC_COMMA_END = re.compile(r"[,.;:]")  # the first stop after a topic: a comma closes it
_MUST = _CUES["must"]


def addressed_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """ "Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng ...": the addressee must act."""
    return _addressed(reader, past_spaces(reader, start), end)


def _addressed(reader: AgencyReader, pos: int, end: int) -> Assignment | None:
    opener = _ADDRESSED.match(reader.key, pos, end)
    if opener is None:
        return None
    mentions, after = reader.read_list(opener.end(), lenient=True, limit=end)
    if not mentions:
        return None
    key = reader.key
    if not (_MUST.match(key, after, end) or _RELAYED_REQUEST.match(key, after, end)):
        spoken = len(mentions) > 1 and _REQUEST_AFTER.match(key, after, end)
        if not spoken or not _speakers().match(mentions[-1].name.lower()):
            return _topic_addressee(reader, opener.end(), pos, end)
        mentions = mentions[:-1]
    return Assignment(clean_leads(mentions), pos, True)


def _topic_addressee(reader: AgencyReader, start: int, pos: int, end: int) -> Assignment | None:
    """ "Đối với các doanh nghiệp trong khu kinh tế, Bí thư Tỉnh ủy đề nghị quan tâm ...": the whole
    topic up to its comma names who acts when a speaker's request follows it (genre g879, g880)."""
    key = reader.key
    comma = _TOPIC_COMMA_END.search(key, start, min(end, start + 160))
    if comma is None or key[comma.start()] != ",":
        return None
    limit = reader.limit
    speakers, after = reader.read_list(comma.end(), limit=end)
    reader.bounded(limit)
    if not speakers or not all(reader.is_speaker(m) or reader.is_leader(m) for m in speakers):
        return None
    if not _REQUEST_AFTER.match(key, after, end) or not reader.starts_agency(start):
        return None
    written = reader.text[start : comma.start()].strip()
    mention = Mention(start, start + len(written), written, reader.canonical(written))
    return Assignment([mention], pos, True)


@cache
def _speakers() -> re.Pattern[str]:
    return re.compile(rf"(?:{assignment_phrases('speakers')})(?![\w])")
