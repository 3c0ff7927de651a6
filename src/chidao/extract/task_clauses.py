"""What a clause of an item says besides who acts: where an opening label of agencies ends, whether
it points to an annex's rows, and what the sentence it sits in already told (a proposal upward, a
report, a summary), so that the clauses after it in the same sentence follow it."""

from __future__ import annotations

from dataclasses import dataclass

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader
from chidao.extract.leads import Assignment, is_vague_list, past_spaces
from chidao.extract.task_words import _PETITIONS_LEAD_IN, _POINTER, _REPORT_CONTENTS, _UPWARD_REQUEST

_ROLE_ENDINGS = tuple(load_toml("agency_grammar.toml")["roles"])  # "cơ quan chủ trì"


@dataclass
class SentenceState:
    """What the clauses read so far in an item told about the ones after them."""

    attendance: bool = False  # the sentence lists who attended ("Cùng đi có ...")
    summary: bool = False  # a clause pointed to the annex's rows: the rest that names no one is its
    proposing: bool = False  # a clause of this sentence proposed to a higher level (rule 10)
    reporting: bool = False  # a clause of this sentence reported what a document said
    assigned_before: bool = False  # a clause of this sentence told what was assigned ("đã giao ...")
    quoting: bool = False  # the item quotes a petition ("Nội dung kiến nghị: “...”"): every sentence of it

    def new_sentence(self) -> None:
        self.proposing = self.reporting = self.assigned_before = False


def roles_only(assignment: Assignment) -> bool:
    """Whether every lead is a body named by its role in the text ("các cơ quan chủ trì")."""
    return all(m.name.lower().endswith(_ROLE_ENDINGS) for m in assignment.leads)


def points_to_annex(reader: AgencyReader, assignment: Assignment, start: int, end: int) -> bool:
    """ "Đối với 09 nhiệm vụ chậm tiến độ (chi tiết tại Phụ lục): các cơ quan chủ trì tập trung hoàn
    thành ...": a summary of the table's rows, which are the tasks (rules 11, 17; genre j04)."""
    if not (is_vague_list(reader, assignment.leads) or roles_only(assignment)):
        return False
    return _POINTER.search(reader.key, start, min(m.start for m in assignment.leads)) is not None


def label_end(reader: AgencyReader, start: int, end: int) -> int:
    """Where an item's opening label of agencies ends when a ";" parts them and a colon closes them
    ("6. Các sở, ban, ngành; UBND các xã, phường: Căn cứ ...", genre j02) or their action follows
    ("UBND các xã, phường; Trung tâm Kiểm soát bệnh tật tỉnh định kỳ hằng tháng báo cáo ...", genre
    g270), else ``start``."""
    key = reader.key
    semi = key.find(";", start, end)
    if semi < 0 or key.find(":", start, semi) >= 0:
        return start
    pos = past_spaces(reader, start)
    if not reader.starts_agency(pos):
        return start
    mentions, after = reader.read_list(pos, lenient=True, limit=end)
    if len(mentions) < 2 or after <= semi:
        return start
    nxt = past_spaces(reader, after)
    if key.startswith(":", nxt):
        return after
    return after if reader.acts(nxt, min(end, nxt + 40)) else start


def heads_no_tasks(reader: AgencyReader, start: int, end: int) -> bool:
    """Whether a lead-in's last sentence heads items that are no tasks: what the issuer asks of a
    higher level ("... kính đề nghị Bộ Tài chính:"), what others raised ("các doanh nghiệp đã nêu 27
    kiến nghị ...:", genre g742), or what a form holds ("Biểu mẫu số 01 (...) gồm các chỉ tiêu:", g783)."""
    key = reader.key
    return bool(
        _UPWARD_REQUEST.search(key, start, end)
        or _PETITIONS_LEAD_IN.search(key, start, end)
        or _REPORT_CONTENTS.match(key, past_spaces(reader, start), end)
    )
