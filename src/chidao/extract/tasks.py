"""Cut a document's outline into tasks (ANNOTATION.md, "How to cut a document into tasks").

An item that directs an action is one task; an item whose clauses name
different leads is one task per lead; a heading or lead-in sentence that
names an agency gives it to the items under it; plan lines "Đơn vị chủ trì:"
give theirs to the items above them. Assessments, preambles and closing
formulas are not tasks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from chidao.document import Table
from chidao.document.outline import Node, rank
from chidao.document.people import person_names
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.leads import (
    Assignment,
    Cues,
    assignment_at_colon,
    clean_leads,
    coordinators,
    duty_holder,
    explicit_assignment,
    find_assignment,
    heading_assignment,
    is_vague_list,
    past_spaces,
    strip_label,
    subject_assignment,
    topic_end,
)
from chidao.extract.timing import Timing, TimingReader
from chidao.extract.unassigned import issuer_promise, lists_attendance, sentence_kind
from chidao.extract.vocabulary import Sections, sections
from chidao.text.guarded import Guarded, guarded
from chidao.text.occurrences import Occurrences

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


@dataclass
class Task:
    start: int
    end: int
    leads: list[Mention]
    coordinators: list[Mention]
    timing: Timing
    trace: list[str] = field(default_factory=list)
    lead_source: str = "explicit"  # explicit, heading, lead-in, plan lines, fallback, addressee
    deadline_source: str = "own"  # own, inherited, none
    marked: bool = True  # an outline item, not a sentence of running text


@dataclass
class Context:
    """What an item inherits from the headings and lead-ins above it."""

    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    timing: Timing | None = None
    active: bool = True
    trace: str = ""
    fallback: list[Mention] = field(default_factory=list)  # the previous item's lead, if no other
    origin: int | None = None  # start of the heading or lead-in that gave ``leads``
    own_plan: bool = False  # ``timing`` comes from the item's own plan lines: it beats the text's
    addressee: list[Mention] = field(default_factory=list)  # a letter's "Kính gửi:" (rule 16)


# "Thứ năm, ...": a point of a speech enumerated in words.
_ENUMERATED = re.compile(r"thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,")
# "Sở A chủ trì" + nothing or its partners: a bullet that only says who leads.
_LEADS_ONLY = re.compile(r"\s*chủ\s+trì\s*(?:$|[.;]|,?\s*phối\s+hợp)")


@dataclass
class PlanLines:
    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    timing: Timing | None = None
    content: tuple[int, int] | None = None  # "Nội dung thực hiện: ..." after its label
    action: tuple[int, int] | None = None  # a lead line that is a sentence: "Sở A chủ trì ...; Sở B ..."
    time_only: bool = True  # no lead, coordinator or content line: a section's "Thời gian: ..."
    nodes: set[int] = field(default_factory=set)
    starts: set[int] = field(default_factory=set)  # where the lines' paragraphs start
    others: list[Node] = field(default_factory=list)  # bullets under the lead label that act on their own


class TaskCutter:
    """Walks the outline of one document and collects its tasks."""

    def __init__(self, reader: AgencyReader, timing: TimingReader, inactive_heads: re.Pattern[str]) -> None:
        self.reader = reader
        self.key = reader.key
        self.text = reader.text
        self.timing = timing
        self.inactive_heads = inactive_heads
        self.tasks: list[Task] = []
        # Why a paragraph gave no task (paragraph start → reason code), and the headings and
        # lead-ins whose agency went to tasks: what ``unassigned`` passages are made from.
        self.skipped: dict[int, str] = {}
        self.used: set[int] = set()
        self.sentences = False  # running text (a news item): a task per sentence that assigns (rule 10)
        # Per list being walked: the lead lists its items named; their vague members are left out
        # when ``_resolve_back`` asks, which few clauses do.
        self.named_above: list[list[list[Mention]]] = []
        self.paragraph_starts: set[int] = set()  # where the body's paragraphs' text begins
        self._closing_words = Occurrences(self.key, _CLOSING_WORDS)  # asked of every clause
        self.cues = Cues(self.key)  # where the assignment and coordination words are

    def skip(self, start: int, reason: str) -> None:
        self.skipped.setdefault(start, reason)

    # -- helpers ---------------------------------------------------------------------------
    def _body(self, node: Node) -> tuple[int, int]:
        p = node.paragraph
        assert p is not None
        return p.body, p.end

    def _is_closing(self, start: int, end: int, *, running: bool = False) -> bool:
        """Closing formulas (ANNOTATION rule 9): "Trên đây là ...", "... biết, thực hiện./.", and
        in running text an exhortation to carry the document out ("đề nghị các cơ quan, đơn vị
        nêu trên thực hiện tốt nội dung Công văn này"). A closing sentence that sets a concrete
        dated or recurring duty is a task all the same (rule 13)."""
        return self._closes(past_spaces(self.reader, start), end, running=running)

    def _closes(self, start: int, end: int, *, running: bool = False) -> bool:
        """``_is_closing`` of a span whose ``start`` is past its spaces."""
        key = self.key
        if self.reader.place.council and sections().resolution_closing.search(key, start, end):
            return True
        if _CLOSING_START.match(key, start, end):
            return True
        closing = self._closing_words.within(start, end) and bool(_CLOSING_ANY.search(key, start, end))
        if not closing and running:
            closing = bool(_EXHORTATION.match(key, start, end))
        if not closing:
            return False
        # The duty may come after a ";" in the same sentence: "Văn phòng Chính phủ theo dõi, đôn
        # đốc việc thực hiện Nghị quyết này; định kỳ hằng tháng báo cáo ..." is a task (rule 13).
        stop = _SENTENCE_END.search(self.key, end, min(len(self.key), end + 400))
        timing = self.timing.read(start, stop.start() if stop else end)
        concrete = timing.deadline is not None and timing.kind not in ("year_span", "in_year")
        return not (concrete or timing.recurrence)

    def _is_byline(self, node: Node) -> bool:
        """A paragraph that is only a person's name, as under a portal news item."""
        start, end = self._body(node)
        line = self.text[start:end].strip()
        words = line.split()
        if node.children or not 2 <= len(words) <= 5:
            return False
        names = person_names(line)
        whole_name = bool(names) and names[0][0] == 0 and names[0][1] == len(line)
        return whole_name or all(w[:1].isupper() and w.isalpha() for w in words)

    def _is_container(self, node: Node) -> bool:
        """A heading or lead-in: its text introduces the items under it."""
        if not node.children:
            return False
        start, end = self._body(node)
        text = self.text[start:end].strip()
        words = len(text.split())
        if text.endswith(":"):  # a lead-in; only one can list objects
            if self._lists_objects(node, text):
                return False  # "Rà soát các văn bản trong các lĩnh vực:" + "+ đất đai;" "+ khoáng sản.": one task
            if words <= 25 or _LEAD_IN_PHRASE.search(text):
                return True
            return heading_assignment(self.reader, start, end) is not None or assignment_at_colon(
                self.reader, start, end, self.cues
            )
        if words > 40 and (words > 80 or text.endswith((".", ";"))):
            return False  # no rule below takes it: they want few words, or many and no full stop
        # "5. Về ..." over "Giao Sở X chủ trì, phối hợp với ...:" and its lettered items
        all_marked = all(child.marked or self._ends_lead_in(child) for child in node.children)
        if words <= 6 and all_marked and text.endswith("."):
            return True  # "Điều 3. Tổ chức thực hiện." over "1. ...", "2. ..."
        if words <= 40 and all_marked and all(child.children for child in node.children):
            # "2. Duy trì, phát triển các mô hình ... ." over "a) Hoạt động 1" / "- Nội dung: ..." /
            # "- Cơ quan thực hiện: ...": sub-items with sub-items of their own are the work.
            return True
        return (words <= 16 or (all_marked and words <= 80)) and not text.endswith((".", ";"))

    def _lists_objects(self, node: Node, text: str) -> bool:
        """Whether the items under ``node`` only list what its own action is about (rule 14):
        short noun phrases ("+ đất đai;", "- Số lượng đơn vị sự nghiệp trước và sau sắp xếp;"),
        or the contents a report it asks for must give ("..., gồm các nội dung sau:"). Both follow
        a colon: only a ``text`` that ends with one is asked."""
        if _CONTENTS_LEAD_IN.search(self.key, *self._body(node)):
            return True
        if any(not c.marked or c.children for c in node.children):
            return False
        # "... phục vụ phòng, chống dịch tại:" over "+ Các bệnh viện tuyến tỉnh;": places, even
        # when they are bodies, are where the action happens, not who does it.
        places = bool(_PLACES_LEAD_IN.search(self.key, *self._body(node)))
        for child in node.children:
            start, end = self._body(child)
            words = self.key[start:end].split()
            if places:
                if len(words) > 8 or self.reader.acts(start, end):
                    return False
                continue
            verb = self.reader.reg.stop_words.match(self.key, start, end)
            if len(words) > 6 or verb or self.reader.starts_agency(start):
                return False
        return True

    # -- plan lines ------------------------------------------------------------------------------
    def _plan_line(self, node: Node, lines: PlanLines, *, content: bool = False) -> bool:
        """Read one "Đơn vị chủ trì: ...", "Đơn vị phối hợp: ...", "Thời gian thực hiện: ...",
        "Nội dung thực hiện: ..." line (or a "Cơ quan thực hiện:" head whose children are such
        lines) into ``lines``."""
        start, end = self._body(node)
        end = node.last_end() if not node.children else end
        key = self.key
        found = False
        vocab = sections()
        # Most lines open with no label at all: one match of their union tells.
        labeled = vocab.plan_label.match(key, start, end)
        for pattern, kind in _plan_labels(vocab) if labeled else ():
            if kind == "content" and not content:
                continue
            match = pattern.match(key, start, end)
            if match is None and kind in ("coord", "time") and found:
                # "Đơn vị chủ trì: X; Đơn vị phối hợp: Y." on one line
                match = pattern.search(key, start, end)
            if not match:
                continue
            if node.children and not key[match.end() : end].strip(" .;:\n"):
                # A label heading its own lines: "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: ...";
                # "a) Nhiệm vụ:" over the task items is no plan line but their heading.
                if kind == "content":
                    return False
                if kind == "time":
                    lines.timing = self.timing.read_cell(match.end(), node.last_end())
                    found = True
                    continue
                if kind == "lead" and self._lead_bullets(node, lines):
                    found = True
                    lines.time_only = False
                    continue
                break
            found = True
            if kind == "time":
                lines.timing = self.timing.read_cell(match.end(), end)
                continue
            lines.time_only = False
            if kind == "content":
                lines.content = (match.end(), end)
                continue
            mentions, after = self.reader.read_list(match.end(), lenient=True, limit=end)
            if kind == "lead":
                if self._is_action_line(match.end(), end, mentions):
                    lines.action = (match.end(), end)
                    continue
                lines.leads = clean_leads(mentions)
                # "Đơn vị thực hiện: Văn phòng UBND tỉnh chủ trì, phối hợp với Sở X và ..."
                partners = coordinators(self.reader, after, end, lines.leads, self.cues)
                if partners:
                    lines.coordinators = partners
            else:
                lines.coordinators = [m for m in mentions if not self.reader.is_vague(m)]
        if not found and node.children and vocab.plan_head.match(key, start, end):
            found = all(self._plan_line(child, lines) for child in node.children)
        if not found and not content and not node.marked and not node.children:
            found = self._covering_sentence(node, lines)
        if found:
            lines.nodes.add(id(node))
            lines.starts.add(node.paragraph.start)  # type: ignore[union-attr]
        return found

    def _lead_bullets(self, node: Node, lines: PlanLines) -> bool:
        """A lead label over bullets: "- Cơ quan thực hiện:" / "+ Sở A chủ trì, phối hợp với ..." /
        "+ Sở B đăng tải ...". The first bullet, which only says who leads, gives the lead to
        the content above; the bullets after it give their own agencies their own actions."""
        first = node.children[0]
        if not first.marked or first.children:
            return False
        start, end = self._body(first)
        mentions, after = self.reader.read_list(start, limit=end)
        if not mentions or not _LEADS_ONLY.match(self.key, after, end):
            return False
        lines.leads = clean_leads(mentions)
        lines.coordinators = coordinators(self.reader, after, end, lines.leads, self.cues)
        lines.others = node.children[1:]
        lines.starts.add(first.paragraph.start)  # type: ignore[union-attr]
        return True

    def _is_action_line(self, start: int, end: int, mentions: list[Mention]) -> bool:
        """A lead line written as sentences that give different agencies different actions:
        "Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp và ... chủ động tổ chức ..."."""
        if not mentions:
            return False
        leads = []
        for c_start, c_end in self._clauses(start, end):
            assignment = find_assignment(self.reader, c_start, c_end, self.cues)
            if not assignment or any(_same_leads(assignment.leads, seen) for seen in leads):
                continue
            _, after = self.reader.read_list(assignment.start, lenient=True, limit=c_end)
            if len(self.key[after:c_end].strip(" .;,:").split()) >= 3:  # a verb and its object
                leads.append(assignment.leads)
        return len(leads) >= 2

    def _plan_groups(self, node: Node) -> tuple[dict[int, PlanLines], Timing | None]:
        """Plan lines among ``node``'s children, by the children they give their agencies to,
        and a time line that covers the whole section.

        A run of plan lines belongs to the items above it, back to the previous run (rule 7):
        "(1) ... / - Đơn vị chủ trì: A / (2) ... / - Đơn vị chủ trì: B" gives A to (1) only. A
        lone time line marked like the items around it ("b) Thời gian: Từ ngày 15/11 đến ngày
        15/12/2025." among "a) Chủ đề", "d) Các hoạt động chính") is the section's deadline.
        """
        self._hoist_plan_lines(node)
        out: dict[int, PlanLines] = {}
        section: Timing | None = None
        waiting: list[Node] = []
        current: PlanLines | None = None
        kinds = {child.paragraph.kind for child in node.children if child.paragraph is not None}
        for child in node.children:
            lines = current or PlanLines()
            if self._plan_line(child, lines):
                current = lines
                continue
            if current is not None:
                if self._section_time(current, waiting, child, kinds):
                    section = current.timing
                    waiting = []
                for item in waiting:
                    out[id(item)] = current
                out[id(current)] = current  # remembers the lines' nodes
                waiting, current = [], None
            waiting.append(child)
        if current is not None:
            if self._section_time(current, waiting, None, kinds):
                section = current.timing
                waiting = []
            for item in waiting:
                out[id(item)] = current
            out[id(current)] = current
        return out, section

    def _hoist_plan_lines(self, node: Node) -> None:
        """Unmarked plan lines after a list item belong to the list, not to its last item.

        The outline nests "Đơn vị chủ trì: ..." under the "- ..." bullet above it because the
        line has no marker; rule 7 gives it to every bullet back to the previous plan lines, so
        it is moved up beside them. Marked plan lines ("- Đơn vị chủ trì: ..." under "(1) ...")
        stay the item's own.
        """
        children: list[Node] = []
        last = len(node.children) - 1
        for i, child in enumerate(node.children):
            children.append(child)
            if not child.marked:
                continue
            keep = len(child.children)
            while keep and (
                self._unmarked_plan_line(child.children[keep - 1])
                or (i == last and self._closing_statement(child.children[keep - 1]))
            ):
                keep -= 1
            if i == last and node.paragraph is None:
                # After the last item of the body, a paragraph with its own subject is a statement
                # of its own ("Các đơn vị nêu trên ...", "Ban Chỉ đạo ... tổ chức ..."), not that item's.
                complete = self.text[self._body(child)[1] - 1 : self._body(child)[1]] in ".;"
                while keep > (0 if complete else 1) and self._own_statement(child.children[keep - 1]):
                    keep -= 1
            if keep < len(child.children):
                children.extend(child.children[keep:])
                child.children = child.children[:keep]
        node.children = children

    def _unmarked_plan_line(self, node: Node) -> bool:
        return not node.marked and self._plan_line(node, PlanLines())

    def _standing_report(self, node: Node) -> bool:
        """ "Báo cáo kết quả thực hiện về UBND tỉnh ... trước 16 giờ thứ Sáu hằng tuần.": a
        recurring report asked of everyone after the last item, a duty of its own (rule 13)."""
        if node.marked or node.children:
            return False
        start, end = self._body(node)
        if not _REPORT_OPENER.match(self.key, start, end):
            return False
        return self.timing.read(start, end).recurrence is not None

    def _assigns(self, node: Node) -> bool:
        """Whether a paragraph opens by naming who acts ("Sở X ...", "Yêu cầu các sở ...")."""
        start, end = self._body(node)
        assignment = find_assignment(self.reader, start, end, self.cues)
        return assignment is not None and assignment.start <= past_spaces(self.reader, start) + 12

    def _own_statement(self, node: Node) -> bool:
        if node.marked or node.children:
            return False
        start, end = self._body(node)
        assignment = subject_assignment(self.reader, start, end)
        return assignment is not None and assignment.start <= past_spaces(self.reader, start) + 2

    def _closing_statement(self, node: Node) -> bool:
        """A paragraph after the last item that closes the list: an exhortation ("Đề nghị các cơ
        quan, đơn vị nêu trên thực hiện tốt ..."), not part of that item."""
        return not node.marked and not node.children and self._is_closing(*self._body(node), running=True)

    def _covering_sentence(self, node: Node, lines: PlanLines) -> bool:
        """A sentence after the items that dates them all ("Báo cáo của các cơ quan, đơn vị gửi về
        UBND tỉnh trước ngày 12/6/2026", "Các nhiệm vụ nêu trên hoàn thành trước ngày ...")."""
        if node.marked or node.children:
            return False
        start, end = self._body(node)
        if self._sentence_ends_over(2, start, end):
            return False
        timing = self.timing.read(start, end)
        if timing.deadline is None or timing.kind in ("year_span", "in_year"):
            return False
        assignment = find_assignment(self.reader, start, end, self.cues)
        generic = (assignment is not None and is_vague_list(self.reader, assignment.leads)) or bool(
            _BACK.search(self.key, start, end) or _COVERING_OPENER.match(self.key, start, end)
        )
        if not generic or (assignment and not is_vague_list(self.reader, assignment.leads)):
            return False
        lines.timing = timing
        return True

    def _sentence_ends_over(self, n: int, start: int, end: int) -> bool:
        """Whether more than ``n`` sentences end in ``text[start:end]``; the stops are counted
        first, as there are never fewer of them than sentence ends."""
        text = self.text[start:end]
        if text.count(".") + text.count("!") + text.count("?") <= n:
            return False
        return _more_than(n, _SENTENCE_END.finditer(text))

    @staticmethod
    def _section_time(lines: PlanLines, above: list[Node], below: Node | None, kinds: set[str | None]) -> bool:
        """Whether a run of plan lines is only a time line marked like its sibling items."""
        if not lines.time_only or lines.timing is None or len(lines.nodes) != 1:
            return False
        marked_items = [n for n in [*above, *([below] if below else [])] if n.marked]
        return bool(marked_items) and len(kinds - {None}) == 1

    @staticmethod
    def _with_plan(ctx: Context, plan: PlanLines) -> Context:
        return replace(
            ctx,
            leads=plan.leads or ctx.leads,
            coordinators=plan.coordinators or ([] if plan.leads else ctx.coordinators),
            timing=plan.timing or ctx.timing,
            trace="plan lines" if plan.leads else ctx.trace,
            origin=None if plan.leads else ctx.origin,
        )

    def document_timing(self, root: Node) -> Timing | None:
        """A "Thời gian thực hiện: ..." stated for the whole document, outside any task item.

        Plans give it in their purpose or scope section ("II. ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN
        THỰC HIỆN" / "3. Thời gian thực hiện:" / "Từ nay đến hết năm 2025."); it is the deadline
        of every task that states none of its own. Sections that hold no tasks are searched at
        any depth ("I. MỤC ĐÍCH, YÊU CẦU" / "3. Phạm vi, thời gian" / "- Thời gian thực hiện: ...").
        """
        label = sections().document_time
        nodes = list(root.children)
        i = 0
        while i < len(nodes):
            node = nodes[i]
            i += 1
            if node.paragraph is None:
                continue
            start, end = self._body(node)
            match = label.match(self.key, start, end)
            if match is not None:
                if self.key[match.end() : end].strip():
                    return self.timing.read_cell(match.end(), end)
                if node.children:
                    return self.timing.read_cell(node.children[0].paragraph.start, node.last_end())  # type: ignore[union-attr]
                continue
            if self.inactive_heads.match(self.key[start:end].strip()) or _SCOPE.match(self.key, start, end):
                nodes.extend(node.children)
        return None

    # -- walking -----------------------------------------------------------------------------------
    def walk(self, node: Node, ctx: Context) -> None:
        """Process the children of ``node`` under the context ``ctx``."""
        self.named_above.append([])
        try:
            self._walk(node, ctx)
        finally:
            self.named_above.pop()

    def _lift_trailing_statements(self, root: Node) -> None:
        """Paragraphs after the body's last item that open with their own subject ("Yêu cầu các
        sở, ban, ngành ... gửi báo cáo ... hằng tuần") are statements of the document, however
        deep the outline nested them under that item's last line ("- Thời gian hoàn thành: ...")."""
        marked = [i for i, child in enumerate(root.children) if child.marked]
        if not marked:
            return
        place = marked[-1] + 1  # after the last item, before the closing paragraphs the root holds
        chain: list[Node] = []
        node = root.children[marked[-1]]
        chain.append(node)
        while node.children:
            node = node.children[-1]
            chain.append(node)
        lifted: list[Node] = []
        for holder in reversed(chain[:-1]):  # the deepest holder first
            if not holder.marked:
                continue
            tail = len(holder.children)
            while tail and not holder.children[tail - 1].marked and not holder.children[tail - 1].children:
                tail -= 1
            keep = next(
                (
                    i
                    for i in range(tail, len(holder.children))
                    if self._assigns(holder.children[i])
                    or self._closing_statement(holder.children[i])
                    or self._standing_report(holder.children[i])
                ),
                None,
            )
            complete = self.text[self._body(holder)[1] - 1 : self._body(holder)[1]] in ".;"
            if keep is None or (keep == 0 and not complete):
                continue  # "a) Sở X:" over "Yêu cầu ...": the item's own text goes on below it
            lifted = holder.children[keep:] + lifted
            holder.children = holder.children[:keep]
        root.children[place:place] = lifted

    def _walk(self, node: Node, ctx: Context) -> None:
        if node.paragraph is None:
            self._lift_trailing_statements(node)
        plans, section_time = self._plan_groups(node)
        plan_nodes = set().union(*(p.nodes for p in plans.values())) if plans else set()
        if section_time is not None:
            ctx = replace(ctx, timing=section_time)
        lead_in: Context | None = None
        lead_in_kind: float | None = None
        pending: list[Node] = []
        last_leads: list[Mention] = []
        for child in node.children:
            if id(child) in plan_nodes:
                continue
            local = ctx
            if lead_in is not None and child.marked:
                level = rank(child.paragraph)  # type: ignore[arg-type]
                if lead_in_kind is None:
                    lead_in_kind = level
                if level == lead_in_kind:
                    local = lead_in
                else:
                    lead_in = None
            if not child.marked:
                pending.append(child)
                continue
            if not local.leads and last_leads:
                local = replace(local, fallback=last_leads)
            if pending:
                lead_in = self._unmarked_run(pending, self._planned(ctx, plans, pending[0])) or lead_in
                lead_in_kind = None
                local = lead_in or ctx
                if lead_in is not None:
                    lead_in_kind = rank(child.paragraph)  # type: ignore[arg-type]
                pending = []
            before = len(self.tasks)
            self._item(child, self._planned(local, plans, child))
            explicit = [t for t in self.tasks[before:] if t.trace and t.trace[0] == "lead: explicit"]
            # Only the item's own words set the lead a next item falls back to: an agency named
            # deep inside its sub-items ("+ Sở Xây dựng đăng tải ...") is no lead for item 2.
            own = [t for t in explicit if t.start < child.paragraph.end]  # type: ignore[union-attr]
            if not ctx.leads:
                # only the item right before lends its lead: "5. UBND các xã:" and its sub-items
                # between "4. Sở Y tế rà soát ..." and "6. Việc xử lý ..." end the loan
                last_leads = own[-1].leads if own else []
            self.named_above[-1].extend(task.leads for task in explicit)
        if pending:
            self._unmarked_run(pending, self._planned(ctx, plans, pending[0]))
        for lines in {id(p): p for p in plans.values()}.values():
            for other in lines.others:
                self._item(other, ctx)
            if lines.leads or lines.coordinators or lines.timing:
                self.used.update(lines.starts)  # their agencies and dates went to the items above

    def _planned(self, ctx: Context, plans: dict[int, PlanLines], child: Node) -> Context:
        plan = plans.get(id(child))
        return self._with_plan(ctx, plan) if plan else ctx

    def _unmarked_run(self, run: list[Node], ctx: Context) -> Context | None:
        """Consecutive unmarked paragraphs: tasks split by lead, or a lead-in for what follows."""
        while run and self._is_byline(run[-1]):
            run = run[:-1]  # a news item's author: "Thanh Hương"
        while run and self._is_closing(*self._body(run[-1]), running=True):
            self.skip(run[-1].paragraph.start, "closing")  # type: ignore[union-attr]
            run = run[:-1]
            # "Chánh Văn phòng ...; Giám đốc các sở ...;" + "... chịu trách nhiệm thi hành": one sentence.
            while run and self.text[self._body(run[-1])[1] - 1] in ";,":
                self.skip(run[-1].paragraph.start, "closing")  # type: ignore[union-attr]
                run = run[:-1]
        if not run:
            return None
        for i, node in enumerate(run[:-1]):
            if self._ends_lead_in(node) and self._introduces_tasks(node):
                # "..., yêu cầu UBND tỉnh, thành phố thực hiện một số nội dung sau:" and the
                # paragraphs after it, each an item under it.
                if i and self.sentences:
                    self._unmarked_run(run[:i], ctx)
                for before in run[:i] if not self.sentences else ():
                    self.skip(before.paragraph.start, "preamble")  # type: ignore[union-attr]
                inner = self._lead_in(node, ctx)
                for item in run[i + 1 :]:
                    if self._ends_lead_in(item) and self._introduces_tasks(item):
                        inner = self._lead_in(item, ctx)
                    elif inner.active:
                        self._unit(item.paragraph.body, item.last_end(), inner, marked=False)  # type: ignore[union-attr]
                return inner
        if self._ends_lead_in(run[-1]):
            for before in run[:-1]:
                self.skip(before.paragraph.start, "preamble")  # type: ignore[union-attr]
            return self._lead_in(run[-1], ctx)
        start = run[0].paragraph.body  # type: ignore[union-attr]
        end = run[-1].last_end()
        if len(run) == 1 and not run[0].children:
            fragment = self.text[start:end].strip()
            if len(fragment.split()) <= 8 and not fragment.endswith((".", ";")):
                return None  # the rest of a heading cut across lines: "Trạch 3 và Nhơn Trạch 4"
        if not ctx.active:
            for node in run:
                self.skip(node.paragraph.start, "inactive_section")  # type: ignore[union-attr]
        elif self.sentences:
            for node in run:  # running text: every paragraph stands alone
                self._unit(node.paragraph.body, node.last_end(), ctx, marked=False)  # type: ignore[union-attr]
        else:
            self._unit(start, end, ctx, marked=False)
        return None

    def _introduces_tasks(self, node: Node) -> bool:
        """A lead-in that introduces tasks ("... kết luận như sau:", "yêu cầu Sở X ...:"), not a
        list of who attended ("... lãnh đạo các Bộ, cơ quan là Ủy viên Ban Chỉ đạo:")."""
        start, end = self._body(node)
        last = self._last_sentence(start, end)
        if _LEAD_IN_PHRASE.search(self.key, last, end):
            return True
        return explicit_assignment(self.reader, last, end, self.cues) is not None

    def _last_sentence(self, start: int, end: int) -> int:
        """Where the last sentence of ``key[start:end]`` starts (after the last ". ")."""
        last = start
        for stop in _SENTENCE_STOP.finditer(self.key, start, end):
            last = stop.end()
        return last

    def _ends_lead_in(self, node: Node) -> bool:
        start, end = self._body(node)
        return self.text[start:end].rstrip().endswith(":")  # _LEAD_IN_END on the stripped text

    def _lead_in(self, node: Node, ctx: Context) -> Context:
        """The context a lead-in paragraph ("... yêu cầu Sở X thực hiện các nội dung sau:") gives."""
        last_start, last_end = self._body(node)
        # Only the last sentence of a lead-in names who acts; the ones before describe the meeting.
        last_start = self._last_sentence(last_start, last_end)
        assignment = find_assignment(self.reader, last_start, last_end, self.cues)
        if _CONCLUDES.search(self.key, last_start, last_end):
            assignment = None  # "..., Thủ tướng Chính phủ ... kết luận như sau:": the speaker, no lead
        origin = node.paragraph.start  # type: ignore[union-attr]
        covering = self._covering_timing(last_start, last_end, assignment, after_assignment=True)
        if covering is not None:
            ctx = replace(ctx, timing=covering)
        if assignment:
            coord = coordinators(self.reader, last_start, last_end, assignment.leads, self.cues)
            return replace(
                ctx,
                leads=assignment.leads,
                coordinators=coord or ctx.coordinators,
                active=True,
                trace="lead-in",
                origin=origin,
                fallback=[],
            )
        self.skip(origin, "preamble")  # "..., đồng chí chủ trì kết luận và chỉ đạo như sau:"
        return replace(ctx, active=True, trace="lead-in without agency", origin=origin)

    def _covering_timing(
        self, start: int, end: int, assignment: Assignment | None, *, after_assignment: bool = False
    ) -> Timing | None:
        """A deadline a heading or lead-in states for the items under it ("2. Hoàn thành trong
        quý I/2026 các việc sau:"). In a lead-in it must follow the assignment ("yêu cầu các sở
        hoàn thành trước ngày 30/6 các việc sau:"); a date that sets the scene before it ("Từ
        nay đến hết năm 2025 chỉ còn 2 tháng; do vậy, yêu cầu ...:") covers nothing."""
        if after_assignment:
            if assignment is None:
                return None
            start = assignment.start
        timing = self.timing.read(start, end)
        if timing.deadline is None or timing.kind == "year_opening":
            return None  # "2. Năm 2019, để ngành ...": the programme's year frames the items
        if after_assignment and timing.kind in ("year_span", "in_year"):
            return None  # "tập trung thực hiện trong 02 tháng cuối năm 2025 và ...": a period, not a deadline
        return timing

    def _own_plan(self, node: Node) -> tuple[PlanLines, int] | None:
        """Plan lines that are the only marked children of an item: they are that item's own.

        "(1) Sao lưu ... / - Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh. / - Thời gian hoàn
        thành: Trong tháng 8/2025." Returns the lines and where the item's text ends (its
        content line's end, or the first plan line's start).
        """
        if not node.children:
            return None
        lines = PlanLines()
        first: int | None = None
        for child in node.children:
            if self._plan_line(child, lines, content=True):
                first = child.paragraph.start if first is None else first  # type: ignore[union-attr]
            elif child.marked or child.children:
                return None
        if first is None:
            return None
        return lines, (lines.content[1] if lines.content else first)

    def _item(self, node: Node, ctx: Context) -> None:
        start, end = self._body(node)
        key = self.key
        own = self._own_plan(node)
        if own is not None and ctx.active:
            lines, text_end = own
            local = replace(self._with_plan(ctx, lines), own_plan=lines.timing is not None)
            if lines.action is not None:
                # The lead line says who does what, clause by clause: its clauses are the tasks.
                self._unit(lines.action[0], lines.action[1], local)
            else:
                self._unit(start, text_end, local)
            for other in lines.others:
                self._item(other, ctx)
            self.used.update(lines.starts)
            return
        heading_text = key[start:end].strip()
        if self.inactive_heads.match(heading_text) and (node.children or len(heading_text.split()) <= 12):
            self.skip(node.paragraph.start, "inactive_section")  # type: ignore[union-attr]
            self.walk(node, replace(ctx, active=False, leads=[], trace="assessment section"))
            return
        if self._is_container(node):
            assignment = find_assignment(self.reader, start, end, self.cues) or duty_holder(self.reader, start, end)
            inner = ctx
            if assignment:
                coord = coordinators(self.reader, start, end, assignment.leads, self.cues)
                inner = replace(
                    ctx,
                    leads=assignment.leads,
                    coordinators=coord or ctx.coordinators,
                    trace="heading",
                    fallback=[],
                    origin=node.paragraph.start,  # type: ignore[union-attr]
                )
            heading_time = self._covering_timing(start, end, assignment)
            if heading_time is not None:
                inner = replace(inner, timing=heading_time)
            before = len(self.tasks)
            self.walk(node, inner)
            if assignment and any(t.leads is inner.leads for t in self.tasks[before:]):
                # "2. Giao Sở Tài chính:" over its items names Sở Tài chính for "các cơ quan nêu trên"
                self.named_above[-1].append(assignment.leads)
            elif assignment is None:
                # a heading with no agency ("Trách nhiệm chung", "Để ..., đề nghị:"): it heads the
                # tasks under it, or, if there are none, the clerk is told it was a heading
                if len(self.tasks) > before:
                    self.used.add(node.paragraph.start)  # type: ignore[union-attr]
                else:
                    self.skip(node.paragraph.start, "heading")  # type: ignore[union-attr]
            return
        if self._is_closing(start, end):
            self.skip(node.paragraph.start, "closing")  # type: ignore[union-attr]
            return
        if _REPORT_CONTENTS.match(key, start, end):
            self.skip(node.paragraph.start, "report_contents")  # type: ignore[union-attr]
            return
        if ctx.active:
            self._unit(start, node.last_end(), ctx)
        else:
            self.skip(node.paragraph.start, "inactive_section")  # type: ignore[union-attr]

    # -- task units --------------------------------------------------------------------------------
    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        pos = start
        for match in _CLAUSE_END.finditer(self.key, start, end):
            if match.end() - pos > 1:
                out.append((pos, match.end()))
            pos = match.end()
        if end > pos:
            out.append((pos, end))
        return out

    def _unit(self, start: int, end: int, ctx: Context, *, marked: bool = True) -> None:
        """One item's text: a task per run of clauses that share a lead."""
        start = strip_label(self.key, past_spaces(self.reader, start))
        groups: list[tuple[int, int, list[Mention], bool]] = []
        clauses = self._clauses(topic_end(self.key, start, end), end)
        if clauses:
            clauses[0] = (start, clauses[0][1])
        pending: list[Mention] | None = None
        attendance = False
        for i, (c_start, c_end) in enumerate(clauses):
            opening = past_spaces(self.reader, c_start)  # read once: every rule below starts there
            if i == 0 or self._new_sentence(c_start):
                attendance = lists_attendance(self.key, opening, c_end)
            if attendance:
                self.skip(c_start, "narration")  # "Cùng đi có ...; Ban Quản lý dự án ...": who came
                continue
            if self._closes(opening, c_end, running=not marked):
                self.skip(c_start, "closing")
                continue
            if issuer_promise(self.key, past_spaces(self.reader, topic_end(self.key, opening, c_end)), c_end):
                self.skip(c_start, "narration")  # "Bộ ghi nhận và sẽ tổng hợp ...": the issuer's promise
                continue
            assignment = find_assignment(self.reader, c_start, c_end, self.cues, pos=opening)
            if _LIABILITY.search(self.key, c_start, c_end) and not _DUTY.search(self.key, c_start, c_end):
                # "X chịu trách nhiệm trước ... về ...": answerability, not a task (rule 12); the
                # clauses after it that name no one are still X's ("...; lưu ý phải bảo đảm ...").
                self.skip(c_start, "liability")
                if assignment is not None:
                    pending = assignment.leads
                continue
            if assignment is None and _POINTER.search(self.key, c_start, c_end):
                self.skip(c_start, "not_read")  # "Các nhiệm vụ khác được giao tại Phụ lục kèm theo"
                continue
            if assignment is not None and self._is_promise(assignment, c_end):
                self.skip(c_start, "narration")  # "Ủy ban nhân dân tỉnh sẽ ...": the issuer's promise
                continue
            if assignment is None and pending:
                assignment = Assignment(pending, c_start, True)
            pending = None
            if assignment is not None:
                recent = groups[-1][2] if groups and groups[-1][3] else None
                assignment = self._resolve_back(assignment, c_end, recent)
            if assignment and ctx.leads and is_vague_list(self.reader, assignment.leads):
                # "3. Đề nghị UBND các huyện:" ... "- Đề nghị các đơn vị ...": the heading's agency.
                assignment = None
            if self.sentences and not marked and groups and groups[-1][2] and self._new_sentence(c_start):
                # Running text: each sentence that assigns is a task of its own (rule 10).
                kind = sentence_kind(self.key, c_start, c_end)
                if kind == "narration" and assignment is None:
                    continue
                if kind == "action" and (assignment is None or _same_leads(assignment.leads, groups[-1][2])):
                    groups.append((c_start, c_end, groups[-1][2], groups[-1][3]))
                    continue
                if kind == "elaboration" and assignment is not None and assignment.start - c_start <= 25:
                    # "Đồng thời, Sở Tài chính tham mưu ...": a sentence that names who acts is a
                    # task of its own, whatever connector opens it.
                    groups.append((c_start, c_end, assignment.leads, True))
                    continue
            if (
                groups
                and assignment is not None
                and opening in self.paragraph_starts
                and assignment.start <= opening + 40
            ):
                # A paragraph of its own that names its own subject is a task of its own, even for
                # the same agency ("6. UBND các xã A, B ..." / "Các đơn vị nêu trên chủ động ...").
                groups.append((c_start, c_end, assignment.leads, True))
                continue
            if (
                not marked
                and not self.sentences
                and assignment is None
                and groups
                and groups[-1][2]
                and opening in self.paragraph_starts
                and _ENUMERATED.match(self.key, opening)
            ):
                # "Thứ năm, việc đẩy nhanh ..." after "Thứ tư, các địa phương cần ...": a new point
                # of the speech, not the last one's task going on.
                groups.append((c_start, c_end, [], False))
                continue
            if groups and (assignment is None or _same_leads(assignment.leads, groups[-1][2])):
                g_start, _, g_leads, g_explicit = groups[-1]
                groups[-1] = (g_start, c_end, g_leads, g_explicit)
                continue
            if groups and not groups[-1][2] and not marked:
                groups.pop()  # narration before an assignment in running text: not the task
            if groups and not groups[-1][2]:
                g_start = groups[-1][0]
                groups[-1] = (g_start, c_end, assignment.leads, True)  # type: ignore[union-attr]
                continue
            if assignment is None:
                groups.append((c_start, c_end, ctx.leads, False))
            else:
                groups.append((c_start, c_end, assignment.leads, True))
        groups = self._drop_summaries(groups)
        if (
            groups
            and ctx.fallback
            and not ctx.leads
            and not any(g[3] for g in groups)
            and self.reader.acts(start, end)
            and not self.reader.starts_agency(start)  # "Sở Y tế là cơ quan thường trực ...": its own subject
            and not _GENERAL_REQUIREMENT.match(self.key, start)
        ):
            # "a) Yêu cầu Nhà đầu tư ...", "b) Hồ sơ điều chỉnh ... phải ...": the same addressee.
            groups = [(s, e, ctx.fallback, False) for s, e, _, _ in groups]
        elif ctx.addressee and not ctx.leads:
            # A letter to one body: items that name no actor are its (rule 16).
            groups = [(s, e, leads or ctx.addressee, explicit) for s, e, leads, explicit in groups]
        for g_start, g_end, leads, explicit in groups:
            if not leads:
                self.skip(g_start, "no_agency")
                continue
            if not explicit and _ASSESSMENT.match(self.key, g_start):
                self.skip(g_start, "assessment")
                continue
            self._emit(g_start, g_end, leads, explicit, ctx, marked=marked)

    def _drop_summaries(
        self, groups: list[tuple[int, int, list[Mention], bool]]
    ) -> list[tuple[int, int, list[Mention], bool]]:
        """A vague summary followed by its specifics ("..., trong đó yêu cầu Sở A ...") is no task."""
        out: list[tuple[int, int, list[Mention], bool]] = []
        for group in groups:
            if (
                out
                and group[3]
                and _SPECIFICS.match(self.key, group[0])
                and all(self.reader.is_vague(m) for m in out[-1][2])
            ):
                out.pop()
                self.skip(group[0], "not_read")
            out.append(group)
        return out

    def _resolve_back(self, assignment: Assignment, end: int, recent: list[Mention] | None) -> Assignment:
        """ "Các đơn vị nêu trên báo cáo ...": the bodies named just before in the same item, or
        else those the items above gave tasks to (ANNOTATION.md, agencies in detail)."""
        if not is_vague_list(self.reader, assignment.leads):
            return assignment
        _, after = self.reader.read_list(assignment.start, lenient=True, limit=end)
        if not _BACK.match(self.key, past_spaces(self.reader, after), end):
            return assignment
        earlier = recent if recent and not is_vague_list(self.reader, recent) else None
        above = self._named_above() if earlier is None else []
        if earlier is None and not above:
            return assignment
        named: list[Mention] = []
        for mention in earlier or above:
            if mention.name.lower() not in {m.name.lower() for m in named}:
                named.append(mention)
        return Assignment(named, assignment.start, True)

    def _named_above(self) -> list[Mention]:
        """The agencies, vague ones left out, that the items above in the current list named."""
        if not self.named_above:
            return []
        return [m for leads in self.named_above[-1] for m in leads if not self.reader.is_vague(m)]

    def _new_sentence(self, pos: int) -> bool:
        """Whether ``pos`` starts a sentence (after ".", "!" or "?"), not a clause after ";"."""
        before = self.text[max(0, pos - 3) : pos].rstrip()
        return bool(before) and before[-1] in ".!?"

    def _after_names(self, start: int, end: int) -> tuple[int, int]:
        """Where the words after the agencies that open ``[start, end)`` begin."""
        pos = past_spaces(self.reader, start)
        if self.reader.starts_agency(pos):
            _, pos = self.reader.read_list(pos, lenient=True, limit=end)
        return pos, end

    def _is_promise(self, assignment: Assignment, end: int) -> bool:
        """The issuer speaking of itself: "Ủy ban nhân dân tỉnh sẽ ưu tiên bố trí nguồn lực ..."
        is its own promise, not a task (rule 12)."""
        return all(self.reader.is_issuer(m) for m in assignment.leads)

    def _emit(
        self, start: int, end: int, leads: list[Mention], explicit: bool, ctx: Context, *, marked: bool = True
    ) -> None:
        text = self.text[start:end]
        if _NAME_ONLY.fullmatch(self.key, *self._after_names(start, end)):
            self.skip(start, "no_agency")  # "Các bệnh viện tuyến tỉnh;": a name in a list, no action
            return
        trimmed_end = start + len(text.rstrip(" \n;,"))
        coord = coordinators(self.reader, start, end, leads, self.cues)
        if not explicit or not coord:
            lead_names = {m.name.lower() for m in leads}
            coord = coord + [
                m
                for m in ctx.coordinators
                if m.name.lower() not in lead_names and m.name.lower() not in {c.name.lower() for c in coord}
            ]
        timing = self.timing.read(start, end)
        deadline_source = "own" if timing.deadline_text or timing.recurrence or timing.recurrence_text else "none"
        if ctx.own_plan and ctx.timing is not None:
            timing, deadline_source = ctx.timing, "own"
        elif deadline_source == "none" and ctx.timing is not None:
            timing = ctx.timing
            deadline_source = "inherited"
        if explicit:
            lead_source = "explicit"
        elif leads is ctx.leads:
            lead_source = ctx.trace
        else:
            lead_source = "addressee" if leads is ctx.addressee else "fallback"
        if not explicit and leads is ctx.leads and ctx.origin is not None:
            self.used.add(ctx.origin)
        trace = ["lead: " + ("explicit" if explicit else f"inherited ({ctx.trace})")]
        if timing.deadline_text:
            trace.append(f"deadline: {timing.deadline_text!r} ({timing.kind})")
        if timing.recurrence:
            trace.append(f"recurrence: {timing.recurrence}")
        self.tasks.append(
            Task(start, trimmed_end, leads, coord, timing, trace, lead_source, deadline_source, marked)
        )

    # -- task tables (rule 17) ----------------------------------------------------------------
    def table(self, table: Table, ctx: Context) -> None:
        """One task per row that gives an action to a lead: the row's own lead, coordinators
        and deadline; its text is the whole row. A body task that the table repeats is dropped."""
        rows: list[Task] = []
        contents: list[tuple[int, int]] = []  # each row task's content cell
        numbers: list[str] = []  # and its number ("3")
        for row in table.rows:
            content = table.cell(row, "content")
            if row.group or content is None or content.end <= content.start:
                continue
            leads: list[Mention] = []
            partners: list[Mention] = []
            lead_cell = table.cell(row, "lead")
            if lead_cell is not None and lead_cell.end > lead_cell.start:
                mentions, after = self.reader.read_list(lead_cell.start, lenient=True, limit=lead_cell.end)
                leads = clean_leads(mentions)
                # "Sở A chủ trì, phối hợp Sở B"
                partners = coordinators(self.reader, after, lead_cell.end, leads, self.cues)
            if not leads:
                self.skip(row.start, "no_agency")
                continue
            coord_cell = table.cell(row, "coordinators")
            if coord_cell is not None and coord_cell.end > coord_cell.start:
                mentions, _ = self.reader.read_list(coord_cell.start, lenient=True, limit=coord_cell.end)
                lead_names = {m.name.lower() for m in leads}
                partners += [m for m in mentions if not self.reader.is_vague(m) and m.name.lower() not in lead_names]
            time_cell = table.cell(row, "time")
            timing = Timing()
            if time_cell is not None and time_cell.end > time_cell.start:
                timing = self.timing.read_cell(time_cell.start, time_cell.end)
            source = "own" if timing.deadline_text or timing.recurrence or timing.recurrence_text else "none"
            if source == "none" and ctx.timing is not None and time_cell is None:
                timing, source = ctx.timing, "inherited"
            trace = ["lead: table row"]
            if timing.deadline_text:
                trace.append(f"deadline: {timing.deadline_text!r} ({timing.kind})")
            rows.append(Task(row.start, row.end, leads, partners, timing, trace, "table", source, True))
            contents.append((content.start, content.end))
            number = table.cell(row, "number")
            numbers.append(self.text[number.start : number.end].strip(" .") if number is not None else "")
        if not rows:
            return
        # A body task is the row's repetition only if it gives the same work to the same lead:
        # "Đề nghị Bảo hiểm xã hội tỉnh thực hiện giám định, thanh toán chi phí ..." shares words
        # with the hospitals' row "Kết nối, gửi dữ liệu ... phục vụ giám định, thanh toán chi phí".
        self.tasks = [
            t
            for t in self.tasks
            if not any(
                _same_leads(t.leads, row_task.leads)
                and (_repeats(self.key, (t.start, t.end), content) or number in _row_pointers(self.key, t))
                for row_task, content, number in zip(rows, contents, numbers, strict=True)
            )
        ]
        self.tasks.extend(rows)


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
