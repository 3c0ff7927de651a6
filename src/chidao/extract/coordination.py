"""Who coordinates: the agencies named with "phối hợp (với)", "thống nhất với", "cùng",
"làm việc với ... để thống nhất", and "A chủ trì, B phối hợp"; vague partners left out."""

from __future__ import annotations

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cues
from chidao.extract.lead_basics import _STOP, Cues, _dedupe

_CUES = cues("assignment_cues.toml")

_COORDINATE = _CUES["coordinate"]  # "...; phối hợp: Trung tâm Y tế các khu vực; ..."

# "A chỉ đạo B phối hợp với C ...": the coordination after it is B's.
_DIRECTED = _CUES["directed"]
_DIRECTS_WHOM = _CUES["directs_whom"]

_SUBORDINATES = _CUES["subordinates"]  # "chỉ đạo lực lượng phối hợp với ..."

_TO_AGREE = _CUES["to_agree"]
_MEETING = tuple(load_toml("assignment_cues.toml")["words"]["to_agree"])  # "làm việc" with: only to agree

# "A chủ trì, B phối hợp", "A (chủ trì), B, C (phối hợp)" (genre g108)
_LEAD_THEN_COORD = _CUES["lead_then_coordinate"]

_THEN_COORD = _CUES["then_coordinate"]


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
        if match.group(0).startswith(_MEETING) and not _TO_AGREE.search(key, match.end(), end):
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
        sub = _SUBORDINATES.match(reader.key, match.end())
        if sub is not None and sub.end() >= pos:
            return True  # "Công an tỉnh chỉ đạo lực lượng phối hợp với C": C works with the force (g118)
        # "chỉ đạo trạm y tế phối hợp với ...": the directed body may be written in lowercase
        directed, _ = reader.read_list(match.end(), lenient=True, limit=pos)
        if directed and not {m.name.lower() for m in directed} & lead_names:
            return True
        if not directed and _DIRECTS_WHOM.match(reader.key, match.start()) and _whom(reader, match.end(), pos):
            return True  # "chỉ đạo bộ phận chuyên môn, nhân viên thú y cấp xã phối hợp với C" (g309)
    return False


def _whom(reader: AgencyReader, start: int, pos: int) -> bool:
    """Whether a noun (who is directed), not a verb (what is directed), follows "chỉ đạo" at
    ``start`` and runs up to the partner word at ``pos``."""
    at = reader.skip_space(start)
    return at < pos and reader.key[at].isalpha() and not reader.acts(at, pos)


_LEAD_ENDS = _CUES["lead_ends"]


def partners_after_lead(key: str, clause_start: int, partners: list[Mention]) -> bool:
    """ "Giao Sở Du lịch chủ trì; Sở Văn hóa và Thể thao, Sở Tài chính phối hợp xây dựng ...": the
    clause after "chủ trì;" names the partners of the lead before it, not a lead of its own."""
    if not partners or not _LEAD_ENDS.search(key, max(0, clause_start - 20), clause_start):
        return False
    return coordinates_after(key, max(m.end for m in partners))


def coordinates_after(key: str, pos: int) -> bool:
    """Whether a coordinating verb follows a list that ends at ``pos`` ("... | phối hợp ...")."""
    return _THEN_COORD.match(key, pos) is not None


def names_partners(key: str, start: int, end: int) -> bool:
    """Whether ``key[start:end]`` names partners ("phối hợp với ...", "cùng ..."): a comma after
    them most often goes on with their list ("phối hợp với các sở, ngành, UBND các xã ...")."""
    return _COORDINATE.search(key, start, end) is not None
