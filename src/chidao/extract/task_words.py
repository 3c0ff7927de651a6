"""The cutter's patterns and small helpers, compiled once (the words themselves are in the data
files where they could move; issue 9 moves the rest)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from chidao.extract.agencies import Mention
from chidao.extract.task_types import Task
from chidao.extract.vocabulary import Sections
from chidao.text.guarded import Guarded, guarded

# ". ", "; ", "! ", "? ", a blank line, a line that opens a bullet, ", trong đó". Each alternative
# opens with its own literal, so that ``re`` can skip ahead to those characters.
_CLAUSE_END = re.compile(
    r"(?:\.(?:\s+|$)|;(?:\s+|$)|!(?:\s+|$)|\?(?:\s+|$)|\n\s*\n|\n(?=\s*[-+•*]\s)|,\s*(?=trong đó\s))"
)
# "... các sở, ngành tập trung triển khai ..., trong đó yêu cầu Sở A ...; Công an tỉnh ...": the
# specifics after "trong đó" are the tasks, the summary before them is not (rule 11).
_SPECIFICS = re.compile(r"\s*trong đó\s*,?\s*")


def _spaced(pattern: str) -> re.Pattern[str] | Guarded:
    """Literal spaces in ``pattern`` match any whitespace: wrapped lines cut phrases anywhere.

    A pattern that opens with a lookbehind is compiled with ``guarded``, to search it fast."""
    spaced = pattern.replace(" ", r"\s+")
    return guarded(spaced) if spaced.startswith("(?<") else re.compile(spaced)


_CLOSING_START = _spaced(
    r"(?:trên đây là|trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện|quá trình thực hiện|"
    r"trường hợp có khó khăn|nhận được (?:văn bản|công văn|thông báo) này)"
)
# Only searched for: "(tổ chức |giám sát việc )thực hiện nghị quyết này" is found by its last words.
# Every alternative opens with a letter, so that ``re`` skips ahead to those letters.
_CLOSING_ANY = _spaced(
    r"(?:biết,?\s*(?:để\s+)?(?:phối hợp\s*,?\s*)?(?:chỉ đạo\s*,?\s*)?(?:triển khai\s*)?(?:tổ chức\s*)?"
    r"(?:triển khai\s*)?thực hiện\s*\.?/?\.|trân trọng thông báo|xin thông báo|thông báo\s*\./\.|"
    r"chịu trách nhiệm thi hành|thực hiện nghiêm túc(?:,? (?:và )?(?:có )?(?:hiệu quả|kịp thời|đầy đủ))* "
    r"(?:chỉ thị|kế hoạch|quyết định|công văn|công điện|thông báo) này|"
    r"nội dung chỉ đạo nêu trên|khẩn trương triển khai thực hiện\s*\./\.|"
    r"thực hiện nghị quyết này|nghị quyết này đã được)"
)
# "đề nghị các cơ quan, đơn vị nêu trên thực hiện tốt nội dung Công văn này", "... phối hợp với
# các cơ quan, đơn vị liên quan triển khai thực hiện./.": carry the document out, nothing more.
_EXHORTATION = _spaced(
    r"(?:[^.;:]{0,50}, )?(?:(?:đề nghị|yêu cầu) [^.;:]{0,160}? )?"
    r"(?:(?:triển khai|tổ chức|khẩn trương|nghiêm túc)[\s,]*)*thực hiện(?:,? (?:tốt|nghiêm túc|nghiêm|kịp thời|"
    r"có hiệu quả|hiệu quả|đầy đủ|đúng))*(?: (?:các |những )?(?:nội dung|nhiệm vụ|yêu cầu|ý kiến|chỉ đạo)[^.;:]{0,70}"
    r"| (?:chỉ thị|kế hoạch|công văn|công điện|thông báo|quyết định|nghị quyết|văn bản) này)?"
    # "...; quá trình thực hiện có vướng mắc, báo cáo ... để chỉ đạo./.": the usual closing goes on
    r"(?:\s*;\s*(?:trong\s+)?quá trình (?:triển khai\s+)?thực hiện[^;]*?)?"
    r"\s*(?:\./\.|\.)?\s*$"
)
# Every _CLOSING_ANY phrase contains one of these; a cheap test before the regex.
_CLOSING_WORDS = ("biết", "thông báo", "thi hành", "này", "nêu trên", "./.")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
_LEAD_IN_END = re.compile(r":\s*$")
# "báo cáo ... trước ngày 15/4, gồm các nội dung sau:", "Báo cáo phải nêu rõ:": what follows is the
# report's contents, not tasks.
_CONTENTS_LEAD_IN = _spaced(
    r"(?:(?:gồm|bao gồm|với) (?:các |những )?(?:nội dung|thông tin|số liệu)(?: chủ yếu| chính)?(?: như)?(?: sau)?"
    r"|(?:phải|cần) nêu rõ(?: các nội dung sau)?|nội dung báo cáo gồm)\s*:\s*$"
)
# "Báo cáo kết quả ...", "Gửi báo cáo ...", "Định kỳ báo cáo ...": a paragraph that opens by reporting.
_REPORT_OPENER = re.compile(r"(?:định kỳ\s+)?(?:gửi\s+)?báo cáo(?![\w])")
# A lead-in whose items are the places of its action ("... trang thiết bị tại:").
_PLACES_LEAD_IN = re.compile(r"(?<![\w])(?:tại|ở|trên địa bàn|trong)\s*:\s*$")
# "Việc xây dựng phần mềm phải xuất phát từ ...", "Việc xử lý tài sản phải bảo đảm ...": a general
# requirement on an activity, no one's task unless someone is named.
_GENERAL_REQUIREMENT = re.compile(r"việc\s")
# "- Báo cáo phải nêu rõ: diện tích ..., số chuỗi liên kết ...": what a report must hold (rule 12).
_REPORT_CONTENTS = _spaced(
    r"(?:nội dung )?báo cáo (?:phải|cần) (?:nêu rõ|thể hiện|có|gồm|bao gồm)(?: các nội dung)?\s*:"
)
# "Báo cáo (kết quả) gửi về ... trước ngày ...", "Các nhiệm vụ trên hoàn thành ...", "Thời hạn ...".
_COVERING_OPENER = re.compile(r"(?:báo cáo|các nhiệm vụ|các nội dung|thời hạn|thời gian)(?![\w])")
# "Các nhiệm vụ cụ thể khác được giao tại Phụ lục kèm theo": a pointer to the table, no task (rule 17).
_POINTER = _spaced(r"(?:nhiệm vụ|nội dung)[^.;]{0,40}(?:tại|theo|trong) (?:các )?(?:phụ lục|biểu|bảng)(?![\w])")
# "3. Phạm vi, thời gian", "Phạm vi và thời gian thực hiện": where a plan states its time frame.
_SCOPE = _spaced(r"(?:phạm vi|đối tượng)[, ]*(?:và )?(?:phạm vi[, ]*(?:và )?)?thời gian")
_CONCLUDES = _spaced(
    r"(?:kết luận|có ý kiến(?: chỉ đạo| kết luận)?|chỉ đạo|thông báo|ý kiến) (?:như sau|sau đây)\s*:\s*$"
)
_NAME_ONLY = re.compile(r"[\s.;,:]*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SENTENCE_STOP = re.compile(r"\.\s+")  # what is left of an item that only names an agency
_BACK = guarded(r"(?<![\w])(?:nêu trên|trên đây|kể trên)(?![\w])")
# "chịu trách nhiệm trước Chủ tịch UBND tỉnh về ...", "... trước pháp luật nếu để xảy ra ...".
_LIABILITY = _spaced(
    r"(?<![\w])chịu trách nhiệm(?: hoàn toàn| cá nhân)? "
    r"(?:trước(?![\w])|về (?:những |các )?(?:nội dung|kết quả|tính)(?![\w]))"
)
# "chịu trách nhiệm (chính) về việc thực hiện ...": that assigns the work.
_DUTY = _spaced(r"(?<![\w])chịu trách nhiệm(?: chính)? (?:về việc|thực hiện|triển khai|tổ chức)(?![\w])")
# Assessments and approvals that give nobody an action (rule 5): "Thống nhất về nguyên tắc phương
# án ... theo đề xuất của Sở Tài chính", "Chấp thuận chủ trương ...".
_ASSESSMENT = re.compile(
    r"(?:đánh giá cao|ghi nhận|biểu dương|cảm ơn|hoan nghênh|nhất trí|chúc mừng"
    r"|(?:thống nhất|đồng ý|chấp thuận)(?: về)? "
    r"(?:chủ trương|nội dung|nguyên tắc|phương án|đề xuất|đề nghị|với đề xuất))"
)
_LEAD_IN_PHRASE = re.compile(r"(?:sau|sau đây|như sau|cụ thể|gồm|các nội dung|một số nội dung[^:]*)\s*:\s*$")


def _plan_labels(vocab: Sections) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The plan line labels, in the order a line is read for them."""
    return (
        (vocab.plan_lead, "lead"),
        (vocab.plan_coordinators, "coord"),
        (vocab.plan_time, "time"),
        (vocab.plan_content, "content"),
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
    if not (a.startswith("các ") and b.startswith("các ")):
        return False
    words_a, words_b = set(a.replace(",", " ").split()), set(b.replace(",", " ").split())
    return words_a <= words_b or words_b <= words_a


def _more_than(n: int, items: Iterator[object]) -> bool:
    """Whether ``items`` yields more than ``n`` items; it stops at the first one more."""
    return next(islice(items, n, None), None) is not None


def _words(key: str, start: int, end: int) -> list[str]:
    return re.findall(r"[^\W_]+", key[start:end])


_ROW_POINTER = re.compile(r"nhiệm vụ (?:số |thứ )?(\d{1,3}) (?:tại|trong|của) (?:phụ lục|bảng)")


def _row_pointers(key: str, task: Task) -> set[str]:
    """The table rows a body task points to: "(nhiệm vụ số 3 tại Phụ lục)"."""
    return {m.group(1) for m in _ROW_POINTER.finditer(key, task.start, task.end)}


def _repeats(key: str, task: tuple[int, int], content: tuple[int, int]) -> bool:
    """Whether a body task says what a table row's content cell says (most of the shorter
    one's runs of three words)."""
    a, b = _words(key, *task), _words(key, *content)
    if len(a) < 3 or len(b) < 3:
        return False
    grams_a = {tuple(a[i : i + 3]) for i in range(len(a) - 2)}
    grams_b = {tuple(b[i : i + 3]) for i in range(len(b) - 2)}
    return len(grams_a & grams_b) >= 0.5 * min(len(grams_a), len(grams_b))


# "Thứ năm, ...": a point of a speech enumerated in words.
_ENUMERATED = re.compile(r"thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,")
# "Sở A chủ trì" + nothing or its partners: a bullet that only says who leads.
_LEADS_ONLY = re.compile(r"\s*chủ\s+trì\s*(?:$|[.;]|,?\s*phối\s+hợp)")
