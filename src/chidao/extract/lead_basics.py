"""What the lead rules share: the document's assignment and coordination cues, an assignment,
and small helpers on lists of leads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cues
from chidao.text.occurrences import Occurrences

# Every _ASSIGN match opens with one of the assign words, every _COORDINATE match holds one of the
# coordinate words (assignment_cues.toml, [prefilter]).
_PREFILTER = load_toml("assignment_cues.toml")["prefilter"]
_ASSIGN_WORDS = tuple(_PREFILTER["assign"])
_COORDINATE_WORDS = tuple(_PREFILTER["coordinate"])
_LEAD_THEN_WORDS = tuple(_PREFILTER["lead_then"])

_STOP = re.compile(r"[.;]")


class Cues:
    """Where one document's assignment and coordination words occur, found once.

    Most clauses hold none of them; asking first costs one bisection, where the guarded
    searches for the verbs cost a scan of the clause. Build one per document."""

    __slots__ = ("assign", "coordinate", "lead_then")

    def __init__(self, key: str) -> None:
        self.assign = Occurrences(key, _ASSIGN_WORDS)
        self.coordinate = Occurrences(key, _COORDINATE_WORDS)
        self.lead_then = Occurrences(key, _LEAD_THEN_WORDS)


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


# A list read at a clause's opening: where, what it found, where it ended and the reader's bound after it.
_Read = tuple[int, list[Mention], int, int]


_ASSIGNING = cues("assignment_cues.toml")["assign"]


def _assigning_at(key: str, start: int, end: int) -> int:
    """Where an assigning verb ("giao") opens in ``key[start:end]``, else ``end``: a clause's
    intro ends before it ("Về đề nghị ..., giao Thanh tra tỉnh, Sở Tài chính xem xét")."""
    found = _ASSIGNING.search(key, start, end)
    return found.start() if found else end


_LABEL = cues("assignment_cues.toml")["label"]
_TOPIC = cues("assignment_cues.toml")["topic"]


def strip_label(key: str, start: int) -> int:
    """Past a plan's "Nhiệm vụ:" label."""
    label = _LABEL.match(key, start)
    return label.end() if label else start


def topic_end(key: str, start: int, end: int) -> int:
    """End of a "Về ...:" / "Đối với ...:" topic that opens an item (its dates are not deadlines)."""
    topic = _TOPIC.match(key, start, end)
    return topic.end() if topic else start


_PAST_VERB = cues("assignment_cues.toml")["past_before_verb"]  # "đã | yêu cầu"


def no_order_at(reader: AgencyReader, pos: int) -> bool:
    """Whether the assigning verb at ``pos`` gives no order: "giao ban" is a meeting ("giao Ban X"
    assigns to a board), and "UBND tỉnh đã yêu cầu ..." tells what was asked before (genre g05)."""
    past = _PAST_VERB.search(reader.key, max(0, pos - 12), pos)
    return bool(past) or (reader.key.startswith("giao ban", pos) and not reader.text[pos + 5 : pos + 6].isupper())


_SOURCE_DASH = re.compile(r"\([^()\n]{2,40}\)\s*[-–—]\s+")  # "(Cổng TTĐT) - ", a news item's source


def past_source(key: str, pos: int, end: int) -> int:
    """Past a news item's source that opens its paragraph ("(Chinhphu.vn) - Phó Thủ tướng ...")."""
    source = _SOURCE_DASH.match(key, pos, end) if key[pos : pos + 1] == "(" else None
    return source.end() if source else pos


def assignment_at_colon(reader: AgencyReader, start: int, end: int, cues: Cues | None = None) -> bool:
    """Whether a long lead-in ends by naming its addressee: "..., giao Trung tâm X:"."""
    if cues is not None and not cues.assign.within(start, end):
        return False
    for match in _ASSIGNING.finditer(reader.key, start, end):
        mentions, after = reader.read_list(match.end(), lenient=True, limit=end)
        if mentions and reader.key[after:end].strip() == ":":
            return True
    return False
