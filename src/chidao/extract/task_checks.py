"""What a paragraph or clause is before it is cut: a closing formula, a byline, a heading
over items, a lead-in, a sentence that dates the items above it."""

from __future__ import annotations

from chidao.document.outline import Node
from chidao.document.people import person_names
from chidao.extract.agency_words import _FUNCTION_WORDS
from chidao.extract.doer_leads import described_subject
from chidao.extract.lead_basics import assignment_at_colon
from chidao.extract.leads import (
    Assignment,
    duty_holder,
    explicit_assignment,
    find_assignment,
    heading_assignment,
    is_vague_list,
    past_spaces,
    subject_assignment,
    topic_end,
)
from chidao.extract.task_types import PlanLines
from chidao.extract.task_words import (
    _ABBREVIATION_NOTE,
    _ASKS_REPORT,
    _BACK,
    _BREAKDOWN_LEAD_IN,
    _CHAIRED,
    _CLOSING_ANY,
    _CLOSING_START,
    _CONSEQUENCE,
    _CONTENTS_LEAD_IN,
    _COVERING_OPENER,
    _EXHORTATION,
    _FACT_LABEL,
    _FIGURES_ROW,
    _FUNDING,
    _LEAD_IN_PHRASE,
    _LOCAL_PROPOSAL,
    _MANDATE_TERMS,
    _MEMBER_ENTRY,
    _OBJECTS_LEAD_IN,
    _PARTY_PROPOSAL,
    _PETITION,
    _PLACES_LEAD_IN,
    _PROVINCE_PROPOSAL,
    _REPORT_OPENER,
    _REPORTED,
    _SENTENCE_END,
    _SENTENCE_STOP,
    _STANCE,
    _UPWARD_PETITION,
    _UPWARD_REQUEST,
    _more_than,
)
from chidao.extract.unassigned import issuer_promise, promises_after
from chidao.extract.vocabulary import sections


class ClauseChecks:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

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
        # A clause that ends its sentence takes no duty from the next one ("... thực hiện Chỉ thị
        # này. Giao Sở Y tế theo dõi ... trước ngày 31/3/2027": genre h10).
        if key[start:end].rstrip().endswith((".", "!", "?")):
            stop_at = end
        else:
            stop = _SENTENCE_END.search(self.key, end, min(len(self.key), end + 400))
            stop_at = stop.start() if stop else end
        timing = self.timing.read(start, stop_at)
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
            if (
                heading_assignment(self.reader, start, end) is not None
                or assignment_at_colon(self.reader, start, end, self.cues)
                or duty_holder(self.reader, start, end) is not None  # "Đối với các dự án do X làm chủ đầu tư:"
            ):
                return True
            if len(node.children) > 1 and all(c.marked and self._opens_with_actor(c) for c in node.children):
                # "X tập trung lãnh đạo ...; trực tiếp chỉ đạo:" over "a) Tổ chức sơ tán ...", "b) Bố
                # trí lực lượng ...": actions under a long lead-in are the tasks (rules 11, 14); so are
                # items that name who acts, under "Đối với dự án ... (còn 11,2 ha chưa bàn giao):"
                return True
            # "Điều 2. Để khắc phục ... (a long purpose), Hội đồng nhân dân tỉnh yêu cầu:" over
            # "1. Giao Ủy ban nhân dân tỉnh:" and its items: numbered items that are the work
            return all(child.marked for child in node.children) and any(child.children for child in node.children)
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
        if words > 16 and all_marked and self._acts_after_lead(node):
            # "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc ... báo cáo ..." over "- ...": a duty
            # written out, whose bullets go on with it, no heading (dev d08)
            return False
        return (words <= 16 or (all_marked and words <= 80)) and not text.endswith((".", ";"))

    def _actions_below(self, node: Node, start: int, end: int) -> bool:
        """Whether an item that is a whole sentence ("- Chủ trì xây dựng Kế hoạch ..., trình UBND tỉnh
        trước ngày 15/4/2026.") has sub-bullets ("+ Rà soát, cập nhật Đề án ...") that each open with
        an action of their own, none a list of its objects: each is a task (rule 1; genre g686)."""
        if not node.children or self.text[start:end].rstrip()[-1:] != ".":
            return False
        return all(child.paragraph.kind == "plus" and self._opens_with_verb(child) for child in node.children)  # type: ignore[union-attr]

    def _issuer_speaks(self, assignment: Assignment | None) -> bool:
        """Whether a lead-in's subject is the issuer itself, speaking ("Sở Tài chính hướng dẫn một số
        nội dung như sau:"), not asked by someone ("... yêu cầu Ủy ban nhân dân tỉnh ..."): its items
        are others' (the letter's addressee's), not its own (genre g707)."""
        if assignment is None or assignment.start != assignment.leads[0].start:
            return False
        return all(self.reader.speaks_for_issuer(m) or self.reader.is_organ(m) for m in assignment.leads)

    def _opens_with_actor(self, node: Node) -> bool:
        """Whether an item opens with a verb or with the agency that acts ("UBND xã A chủ trì ...")."""
        return self._opens_with_verb(node) or self.reader.starts_agency(self._body(node)[0])

    def _opens_with_verb(self, node: Node) -> bool:
        """Whether an item opens with a verb of its own ("Rà soát ...", not "Đối với dự án A: ...")."""
        start, end = self._body(node)
        verb = self.reader.reg.stop_words.match(self.key, start, end)
        return verb is not None and " ".join(verb.group(0).split()) not in _FUNCTION_WORDS

    def _lists_objects(self, node: Node, text: str) -> bool:
        """Whether the items under ``node`` only list what its own action is about (rule 14):
        short noun phrases ("+ đất đai;", "- Số lượng đơn vị sự nghiệp trước và sau sắp xếp;"),
        or the contents a report it asks for must give ("..., gồm các nội dung sau:"). Both follow
        a colon: only a ``text`` that ends with one is asked."""
        if _CONTENTS_LEAD_IN.search(self.key, *self._body(node)):
            return True
        if _BREAKDOWN_LEAD_IN.search(self.key, *self._body(node)):
            return not all(c.marked and self._opens_with_verb(c) for c in node.children)
        if _OBJECTS_LEAD_IN.search(self.key, *self._body(node)):
            return self._objects_below(node)
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

    def _objects_below(self, node: Node) -> bool:
        """Whether every item below ``node``, at any depth, is a thing and not a doer or an action
        ("- Khu vực ven biển Thuận An:" over "+ Các trường hợp lấn chiếm hành lang đê;")."""
        for at, child in enumerate(node.children):
            start, end = self._body(child)
            if not child.marked and at == len(node.children) - 1 and (at or node.marked):
                continue  # the item's own text going on after its list ("Công bố danh mục ...")
            if not child.marked or self.reader.starts_agency(start):
                return False
            opening = self.reader.reg.stop_words.match(self.key, start, end)
            if opening and self.reader.acts(start, opening.end()):
                return False  # "- Kiểm tra ...": an action of its own ("Các ..." is no verb)
            if child.children and not self._objects_below(child):
                return False
        return True

    def _standing_report(self, node: Node) -> bool:
        """ "Báo cáo kết quả thực hiện về UBND tỉnh ... trước 16 giờ thứ Sáu hằng tuần.": a
        recurring report asked of everyone after the last item, a duty of its own (rule 13)."""
        if node.marked or node.children:
            return False
        start, end = self._body(node)
        if not _REPORT_OPENER.match(self.key, start, end):
            return False
        return self.timing.read(start, end).recurrence is not None

    def _acts_after_lead(self, node: Node) -> bool:
        """Whether a paragraph opens by naming who acts and then says what ("Sở X theo dõi, đôn
        đốc ..."), not only whom it addresses ("3. Đề nghị Ủy ban Mặt trận ..., Hội Liên hiệp Phụ
        nữ ... và các tổ chức thành viên" over its items, dev d25)."""
        start, end = self._body(node)
        assignment = find_assignment(self.reader, start, end, self.cues)
        if assignment is None or assignment.start > past_spaces(self.reader, start) + 12:
            return False
        after = max(m.end for m in assignment.leads)
        if self.key[past_spaces(self.reader, after) : after + 2].startswith("(") and self.key[:end].rstrip().endswith(
            ")"
        ):
            return False  # "2. Các chủ đầu tư (bao gồm các Ban Quản lý dự án ...)" over its items (genre g690)
        return self.reader.acts(after, end)

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
        if assignment is not None:
            return assignment.start <= past_spaces(self.reader, start) + 2
        return self._issuer_opens(past_spaces(self.reader, start), end)

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
        if self._sentence_ends_over(2, start, end) or self.text[start:end].rstrip().endswith(":"):
            return False  # "Mục tiêu ... trong quý I/2027. Để bảo đảm ..., yêu cầu ...:" leads in (g1205)
        timing = self.timing.read(start, end)
        if timing.deadline is None or timing.kind in ("year_span", "in_year"):
            return False
        assignment = find_assignment(self.reader, start, end, self.cues)
        if assignment is not None and _ASKS_REPORT.match(self.key, past_spaces(self.reader, start), end):
            return False  # "Yêu cầu các đơn vị báo cáo kết quả về Sở X trước ...": a duty of its own (rule 13)
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

    def _is_stance(self, assignment: Assignment, end: int, following: list[tuple[int, int]]) -> bool:
        """An attitude asked of the lead and nothing to do: "Các bộ, cơ quan, địa phương phải xác
        định đây là nhiệm vụ chính trị trọng tâm." (genre g186); not when the clause after it goes
        on with what the lead does ("...; rà soát từng dự án, lập kế hoạch ..."): it opens that task."""
        after = past_spaces(self.reader, max(m.end for m in assignment.leads))
        if after >= end or _STANCE.match(self.key, after, end) is None:
            return False
        return not following or find_assignment(self.reader, *following[0], self.cues) is not None

    def _is_promise(self, assignment: Assignment, end: int) -> bool:
        """The issuer speaking of itself: "Ủy ban nhân dân tỉnh sẽ ưu tiên bố trí nguồn lực ..."
        is its own promise, not a task (rule 12)."""
        if all(self.reader.is_issuer(m) for m in assignment.leads):
            return True
        # "Bộ Y tế sẽ tiếp tục hỗ trợ ..." in the ministry's own letter (genre g301); in a news
        # item, what anyone "sẽ" do is reported intent, not an assignment ("UBND tỉnh sẽ xem xét")
        leads = assignment.leads
        own = self.sentences or all(self.reader.is_organ(m) for m in leads)
        return own and promises_after(self.key, leads[-1].end, end)

    def _not_a_task(self, opening: int, end: int, marked: bool) -> str | None:
        """Why the clause opening at ``opening`` gives no task whoever it names, or None."""
        key = self.key
        if self._closes(opening, end, running=not marked):
            return "closing"
        if _UPWARD_REQUEST.search(key, opening, end):
            return "proposal"  # "UBND tỉnh kính đề nghị Bộ Tài chính ..." (rule 10)
        member = _MEMBER_ENTRY.match(key, opening, end)
        named = self.reader.read_list(member.start("person"), lenient=True, limit=end)[1] if member else end
        if member and not self.reader.acts(named, end):
            return "narration"  # "Tổ trưởng: Ông Lê Anh Quân, Phó Chủ tịch UBND thành phố.": who sits on it
        if (
            _REPORTED.match(key, opening, end)
            or _PETITION.match(key, opening, end)
            or _PARTY_PROPOSAL.match(key, opening, end)
            or _CONSEQUENCE.match(key, opening, end)
            or _FUNDING.match(key, opening, end)
            or _CHAIRED.match(key, opening, end)
            or _ABBREVIATION_NOTE.match(key, opening, end)
            or _FIGURES_ROW.match(key, opening, end)
            or _MANDATE_TERMS.match(key, opening, end)
            or _FACT_LABEL.match(key, opening, end)
        ):
            return "narration"  # a petition (rule 10), a missed deadline's consequence, the funds' source
        subject = past_spaces(self.reader, topic_end(key, opening, end))
        if (
            _LOCAL_PROPOSAL.match(key, subject, end)
            or _UPWARD_PETITION.match(key, subject, end)
            or _PROVINCE_PROPOSAL.match(key, subject, end)
        ):
            return "proposal"  # "Chủ tịch UBND xã ... kiến nghị tỉnh ..." in the news (rule 10)
        if issuer_promise(key, subject, end) or described_subject(self.reader, subject, end):
            return "narration"  # "Bộ ghi nhận và sẽ tổng hợp ...": the issuer's promise; "X là chủ đầu tư"
        return None
