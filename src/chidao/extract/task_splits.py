"""Where one clause gives two bodies their own actions with only a comma between them: "Giao Sở
Xây dựng tham mưu quy hoạch, Sở Tài chính bố trí kinh phí" is a task per lead clause
(ANNOTATION.md rule 2), as it would be with a semicolon."""

from __future__ import annotations

import re

from chidao.extract.agencies import AgencyReader
from chidao.extract.coordination import coordinates_after, names_partners
from chidao.extract.leads import Cues, find_assignment, subject_assignment
from chidao.extract.task_words import _CLAUSE_END

_COMMA = re.compile(r",[ \t]+")
_WORD = re.compile(r"\w+")
_CLOSING_QUOTES = frozenset('"”’»')
# How far back a list that the comma would continue may start ("phối hợp với Sở Tài chính, UBND
# các xã thực hiện": the comma goes on with the partners' list, no new clause).
_LIST_REACH = 80


def clause_spans(reader: AgencyReader, span: tuple[int, int, int], cues: Cues | None) -> list[tuple[int, int]]:
    """An item's clauses: cut at each clause end past its opening label (``span``: the item's
    start, where the label ends, its end), not inside brackets ("(Cục X chủ trì; Vụ Y phối hợp;
    thời gian: quý III/2027)" is one aside; genre g337), and again where a comma opens another
    body's own action."""
    start, label, end = span
    key = reader.key
    out: list[tuple[int, int]] = []
    pos = start
    for match in _CLAUSE_END.finditer(key, label, end):
        if "(" in key[pos : match.start()] and key.count("(", pos, match.start()) > key.count(")", pos, match.start()):
            continue  # inside brackets
        if match.end() - pos > 1:
            _add_clause(reader, out, (pos, match.end()), cues)
        pos = match.end()
    if end > pos:
        _add_clause(reader, out, (pos, end), cues)
    return out


def _add_clause(reader: AgencyReader, out: list[tuple[int, int]], span: tuple[int, int], cues: Cues | None) -> None:
    start, end = span
    for cut in lead_commas(reader, start, end, cues) if "," in reader.key[start:end] else ():
        out.append((start, cut))
        start = cut
    out.append((start, end))


def lead_commas(reader: AgencyReader, start: int, end: int, cues: Cues | None) -> list[int]:
    """Where, inside ``key[start:end]``, a part opened by another body and its own action starts.

    A comma splits only where the part before it is itself an assignment that has gone on to
    its action and does not end with a name (a list would go on), and the part after it opens
    with a capitalized body that acts."""
    text = reader.text
    cuts: list[int] = []
    limit = reader.limit
    part = start
    try:
        for comma in _COMMA.finditer(reader.key, start, end):
            after = comma.end()
            if after >= end or not text[after].isupper() or text.count("(", part, after) > text.count(")", part, after):
                continue  # "(Nhà văn hóa thôn, Trường Tiểu học X)": places in brackets
            if not reader.starts_agency(after) or text[comma.start() - 1 : comma.start()] in _CLOSING_QUOTES:
                continue  # "“...”, Chủ tịch UBND tỉnh lưu ý.": who said the quote, no clause of its own
            if _splits(reader, (part, comma.start(), after, end), cues):
                cuts.append(after)
                part = after
    finally:
        reader.bounded(limit)
    return cuts


def _splits(reader: AgencyReader, span: tuple[int, int, int, int], cues: Cues | None) -> bool:
    part, comma, after, end = span
    before = find_assignment(reader, part, comma, cues)
    if before is None or not before.leads:
        return False
    lead_end = max(m.end for m in before.leads)
    if lead_end >= comma or not reader.acts(lead_end, comma) or names_partners(reader.key, lead_end, comma):
        return False
    if _ends_with_name(reader, part, comma):
        return False
    second = subject_assignment(reader.bounded(end), after, end)
    if second is None or not second.leads:
        return False
    acting = max(m.end for m in second.leads)
    if coordinates_after(reader.key, acting):
        return False  # "Sở A chủ trì, Sở B phối hợp thẩm định": B is A's partner in one task
    if not reader.acts(acting, min(end, _two_words_end(reader.key, acting))):
        return False  # "..., Sở Tài chính và các cơ quan liên quan": no action of its own
    return {m.name for m in second.leads}.isdisjoint(m.name for m in before.leads)


def _two_words_end(key: str, pos: int) -> int:
    """Where the two words after ``pos`` end (a verb of two syllables: "bố trí")."""
    words = _WORD.finditer(key, pos)
    last = pos
    for _, word in zip(range(2), words, strict=False):
        last = word.end()
    return last


def _ends_with_name(reader: AgencyReader, part: int, comma: int) -> bool:
    """Whether a body's name ends at the comma (the comma then goes on with a list)."""
    text = reader.text
    reader.bounded(comma)
    for pos in range(max(part, comma - _LIST_REACH), comma):
        if not text[pos].isupper() or (pos > 0 and text[pos - 1].isalnum()):
            continue
        mention = reader.read(pos) if reader.starts_agency(pos) else None
        if mention is not None and mention.end >= comma - 1:
            return True
    return False
