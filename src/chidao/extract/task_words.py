"""The cutter's patterns and small helpers. The patterns that hold words are rows of
``data/vi/task_cues.toml``, each with its example; only punctuation is left here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import islice

from chidao.data import load_toml
from chidao.extract.agencies import Mention
from chidao.extract.cues import cues
from chidao.extract.task_types import Task
from chidao.extract.vocabulary import Sections

_CUES = cues("task_cues.toml")  # the words of these patterns, each row with its example

_CLAUSE_END = _CUES["clause_end"]
_SPECIFICS = _CUES["specifics"]
_CLOSING_START = _CUES["closing_start"]
_CLOSING_ANY = _CUES["closing_any"]
_EXHORTATION = _CUES["exhortation"]
# Every _CLOSING_ANY phrase contains one of these; a cheap test before the regex.
_CLOSING_WORDS = tuple(load_toml("task_cues.toml")["prefilter"]["closing_any"])
_GROUP_OPENING = tuple(f"{word} " for word in load_toml("task_cues.toml")["words"]["group_opening"])  # "các "
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
_LEAD_IN_END = re.compile(r":\s*$")
_CONTENTS_LEAD_IN = _CUES["contents_lead_in"]
_DRAFT_MUST_HOLD = _CUES["draft_must_hold"]  # "dự thảo Đề án cần làm rõ các nội dung sau:"
_TOLD_NOT_ASKED = _CUES["told_not_asked"]  # "Theo quy định ...", "Dự án được UBND tỉnh ..."
_BREAKDOWN_LEAD_IN = _CUES["breakdown_lead_in"]
_REPORT_OPENER = _CUES["report_opener"]
_PLACES_LEAD_IN = _CUES["places_lead_in"]
_OBJECTS_LEAD_IN = _CUES["objects_lead_in"]
_CAPTION = _CUES["caption"]
_GENERAL_REQUIREMENT = _CUES["general_requirement"]
_REPORT_CONTENTS = _CUES["report_contents"]
_OPTIONS_LEAD_IN = _CUES["options_lead_in"]  # "xử lý theo thứ tự ưu tiên sau:" over its options
_WORK_BEFORE_PERIOD = _CUES["work_before_period"]  # "các nhiệm vụ, giải pháp | trong quý IV"
_COVERING_OPENER = _CUES["covering_opener"]
_POINTER = _CUES["pointer"]
_ASKS_REPORT = _CUES["asks_report"]
_POINTER_BASIS = _CUES["pointer_basis"]
_SCOPE = _CUES["scope"]
_CONCLUDES = _CUES["concludes"]
_DATED_LEAD_IN = _CUES["dated_lead_in"]  # "Hoàn thành trong quý I/2026 các việc sau:"
_NAME_ONLY = re.compile(r"[\s.;,:]*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SENTENCE_STOP = re.compile(r"\.\s+")  # what is left of an item that only names an agency
_BACK = _CUES["back"]
_LIABILITY = _CUES["liability"]
_DUTY = _CUES["duty"]
_ASSESSMENT = _CUES["assessment"]
_PETITION = _CUES["petition"]
_PARTY_PROPOSAL = _CUES["party_proposal"]
_LOCAL_PROPOSAL = _CUES["local_proposal"]
_PROVINCE_PROPOSAL = _CUES["province_proposal"]
_UPWARD_PETITION = _CUES["upward_petition"]
_REPORTED = _CUES["reported"]
_CHAIRED = _CUES["chaired_meeting"]
_FACT_LABEL = _CUES["fact_label"]  # "Địa điểm: ...", "Thành phần: ..." (genre g779)
_QUOTED_PETITION = _CUES["quoted_petition"]  # "Nội dung kiến nghị: “..." (genre g777)
_MANDATE_TERMS = _CUES["mandate_terms"]  # "Hội đồng làm việc theo nguyên tắc tập thể" (genre g775)
_FIGURES_ROW = _CUES["figures_row"]  # "1\tHà Nội\t4.670\t2.315\t49,6" (genre g772)
_ENCOURAGEMENT = _CUES["encouragement"]  # "... tiếp tục phát huy những kết quả đã đạt được" (g745)
_NARRATED_PAST = _CUES["narrated_past"]  # a news paragraph of what was done (genre g740)
_INSTRUCTION_WORDS = _CUES["instruction_words"]
_ABBREVIATION_NOTE = _CUES["abbreviation_note"]  # "(Trong Kế hoạch này viết tắt: ...)" (genre g749)
_MEMBER_ENTRY = _CUES["member_entry"]
_REQUEST_OPENING = _CUES["request_opening"]
_STANCE = _CUES["stance"]
_UPWARD_REQUEST = _CUES["upward_request"]
_PETITIONS_LEAD_IN = _CUES["petitions_lead_in"]  # "các doanh nghiệp đã nêu 27 kiến nghị ...:" (g742)
_CONSEQUENCE = _CUES["consequence"]
_FUNDING = _CUES["funding_statement"]
_BARE_REQUEST = _CUES["bare_request"]
_LEAD_IN_PHRASE = _CUES["lead_in_phrase"]


def _plan_labels(vocab: Sections) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The plan line labels, in the order a line is read for them."""
    return (
        (vocab.plan_lead, "lead"),
        (vocab.plan_coordinators, "coord"),
        (vocab.plan_time, "time"),
        (vocab.plan_content, "content"),
        (vocab.plan_product, "product"),
    )


def _same_leads(a: list[Mention], b: list[Mention]) -> bool:
    """Same agencies, one written shorter ("các phòng chuyên môn" / "... trực thuộc Sở"), or the
    same plural group with one noun more or less ("các sở, ngành" / "các sở, ban, ngành")."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        nx, ny = x.name.lower(), y.name.lower()
        if not (nx.startswith(ny) or ny.startswith(nx) or _same_group(nx, ny)):
            return False
    return True


def _same_group(a: str, b: str) -> bool:
    if not (a.startswith(_GROUP_OPENING) and b.startswith(_GROUP_OPENING)):
        return False
    words_a, words_b = set(a.replace(",", " ").split()), set(b.replace(",", " ").split())
    return words_a <= words_b or words_b <= words_a


def _more_than(n: int, items: Iterator[object]) -> bool:
    """Whether ``items`` yields more than ``n`` items; it stops at the first one more."""
    return next(islice(items, n, None), None) is not None


def _words(key: str, start: int, end: int) -> list[str]:
    return re.findall(r"[^\W_]+", key[start:end])


_ROW_POINTER = _CUES["row_pointer"]
_ROWS_REDATED = _CUES["rows_redated"]  # "các nhiệm vụ tại các mục 1, 2 và 5 trước ngày ..."
_ROW_NUMBER_BREAK = _CUES["row_number_break"]  # "1, 2 | và 5"


def _row_pointers(key: str, task: Task) -> set[str]:
    """The table rows a body task points to: "(nhiệm vụ số 3 tại Phụ lục)"."""
    return {m.group(1) or m.group(2) for m in _ROW_POINTER.finditer(key, task.start, task.end)}


_SAME_RUN_WORDS = 8  # words in a row that a body task and a row's content share: the same work


def _repeats(key: str, task: tuple[int, int], content: tuple[int, int]) -> bool:
    """Whether a body task says what a table row's content cell says (most of the shorter
    one's runs of three words)."""
    a, b = _words(key, *task), _words(key, *content)
    if len(a) < 3 or len(b) < 3:
        return False
    grams_a = {tuple(a[i : i + 3]) for i in range(len(a) - 2)}
    grams_b = {tuple(b[i : i + 3]) for i in range(len(b) - 2)}
    if len(grams_a & grams_b) >= 0.5 * min(len(grams_a), len(grams_b)):
        return True
    # or the row's work named word for word, from its first words, inside a longer sentence: "...;
    # trong đó, giao Sở Tài chính chủ trì xây dựng Đề án thành lập Quỹ Hỗ trợ doanh nghiệp nhỏ và
    # vừa thành phố, ..." (g967); a phrase the two only share midway is the subject's jargon
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return run.b <= 1 and run.size >= _SAME_RUN_WORDS


_ENUMERATED = _CUES["enumerated"]
_LEADS_ONLY = _CUES["leads_only"]


def points_to_table(key: str, start: int, end: int) -> bool:
    """Whether ``key[start:end]`` points to the tasks of an annex or a table ("Các nhiệm vụ khác
    được giao tại Phụ lục kèm theo"), not as the basis of its own action ("Căn cứ nhiệm vụ được
    giao tại Phụ lục, xây dựng kế hoạch ...")."""
    pointer = _POINTER.search(key, start, end)
    return pointer is not None and _POINTER_BASIS.search(key, start, pointer.start()) is None
