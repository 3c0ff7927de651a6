"""Cut a document's outline into tasks (ANNOTATION.md, "How to cut a document into tasks").

An item that directs an action is one task; an item whose clauses name
different leads is one task per lead; a heading or lead-in sentence that
names an agency gives it to the items under it; plan lines "Đơn vị chủ trì:"
give theirs to the items above them. Assessments, preambles and closing
formulas are not tasks.
"""

from __future__ import annotations

import re

from chidao.document.outline import Node, rank
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cues
from chidao.extract.higher_bodies import asks_upward
from chidao.extract.leads import (
    Assignment,
    Cues,
    coordinators,
    duty_holder,
    find_assignment,
    is_vague_list,
)
from chidao.extract.quotations import quoted_spans
from chidao.extract.task_addressees import AddresseeChecks
from chidao.extract.task_checks import ClauseChecks
from chidao.extract.task_clauses import heads_no_tasks
from chidao.extract.task_covering import CoveringTimes
from chidao.extract.task_outline import OutlineReading
from chidao.extract.task_plans import PlanReading
from chidao.extract.task_tables import TableTasks
from chidao.extract.task_types import Context, PlanLines, Task
from chidao.extract.task_units import UnitCutting
from chidao.extract.task_voice import VoiceChecks
from chidao.extract.task_words import (
    _CLOSING_WORDS,
    _CONCLUDES,
    _DATED_LEAD_IN,
    _DRAFT_MUST_HOLD,
    _OPTIONS_LEAD_IN,
    _REPORT_CONTENTS,
)
from chidao.extract.timing import TimingReader
from chidao.text.occurrences import Occurrences

__all__ = ["Context", "PlanLines", "Task", "TaskCutter"]

_BACK_AFTER = cues("agency_cues.toml")["back_after"]  # "Các cơ quan, đơn vị | nêu trên ..."
_POINTS_FOLLOW = cues("task_cues.toml")["points_follow"]  # "... một số nhiệm vụ trọng tâm." over "Thứ nhất, ..."
_FIRST_POINT = cues("task_cues.toml")["first_point"]  # "Thứ nhất, ...", "Một là, ..."
_POINT = cues("task_cues.toml")["point"]  # "Thứ hai, ..."


class TaskCutter(
    ClauseChecks, VoiceChecks, AddresseeChecks, OutlineReading, PlanReading, UnitCutting, TableTasks, CoveringTimes
):
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
        self.named_above: list[list[list[Mention]]] = []  # per list walked: the leads its items named
        self.paragraph_starts: set[int] = set()  # where the body's paragraphs' text begins
        self.label_starts: dict[int, int] = {}  # a labelled item's text start → its label's ("Nhiệm vụ 1:")
        # A letter's addressees ("Kính gửi: - Các cơ quan, đơn vị dự toán cấp tỉnh; - UBND các xã"):
        # who "đề nghị các cơ quan, đơn vị thực hiện ...:" asks (genre g226).
        self.letter_addressees: list[Mention] = []
        self.root_fallback: list[Mention] = []  # what the document gives items that name no one (rule 16)
        self._closing_words = Occurrences(self.key, _CLOSING_WORDS)  # asked of every clause
        self.cues = Cues(self.key)  # where the assignment and coordination words are
        self.quoted = quoted_spans(self.key)  # what an urging letter quotes of an earlier document

    def skip(self, start: int, reason: str) -> None:
        self.skipped.setdefault(start, reason)

    # -- helpers ---------------------------------------------------------------------------
    def _body(self, node: Node) -> tuple[int, int]:
        p = node.paragraph
        assert p is not None
        return p.body, p.end

    # -- walking -----------------------------------------------------------------------------------
    def walk(self, node: Node, ctx: Context) -> None:
        """Process the children of ``node`` under the context ``ctx``."""
        self.named_above.append([])
        try:
            self._walk(node, ctx)
        finally:
            self.named_above.pop()

    def _walk(self, node: Node, ctx: Context) -> None:
        if node.paragraph is None:
            self._lift_trailing_statements(node)
        plans, section_time = self._plan_groups(node)
        plan_nodes = set().union(*(p.nodes for p in plans.values())) if plans else set()
        if section_time is not None:
            ctx = ctx.but(timing=section_time)
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
                local = local.but(fallback=last_leads)
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
                # ... and only an item that opens with its task: "2. Thực hiện ... . Ủy ban nhân dân
                # tỉnh chỉ đạo Sở Tài chính ..." lends no one to "3. Phát triển du lịch ..." (g321)
                named = own[-1].leads[0].start if own and own[-1].leads else -1
                body = child.paragraph.body  # type: ignore[union-attr]
                opens = named >= 0 and ". " not in self.key[body : max(body, named)]
                last_leads = own[-1].leads if opens else []
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
        run = self._trimmed_run(run)
        if not run:
            return None
        for i, node in enumerate(run[:-1]):
            if (self._ends_lead_in(node) or self._announces_points(node, run[i + 1])) and self._introduces_tasks(node):
                # "..., yêu cầu UBND tỉnh, thành phố thực hiện một số nội dung sau:" and the
                # paragraphs after it, each an item under it.
                if i and self.sentences:
                    self._unmarked_run(run[:i], ctx)
                for before in run[:i] if not self.sentences else ():
                    self.skip(before.paragraph.start, "preamble")  # type: ignore[union-attr]
                inner = self._lead_in(node, ctx)
                items = run[i + 1 :]
                if not self._ends_lead_in(node):  # the points only: "Thứ nhất, ...", "Thứ hai, ..."
                    count = next(
                        (k for k, p in enumerate(items) if not _POINT.match(self.key, self._body(p)[0])), len(items)
                    )
                    items, rest = items[:count], items[count:]
                    if rest:
                        self._unmarked_run(rest, ctx)
                for item in items:
                    if self._ends_lead_in(item) and self._introduces_tasks(item):
                        inner = self._lead_in(item, ctx)
                    elif inner.active:
                        self._unit(item.paragraph.body, item.last_end(), inner, marked=False)  # type: ignore[union-attr]
                return inner
        if self._ends_lead_in(run[-1]) and _DRAFT_MUST_HOLD.search(self.key, *self._body(run[-1])):
            return self._draft_points(run, ctx)
        if self._ends_lead_in(run[-1]):
            if len(run) > 1 and self.sentences:  # running text: what comes before assigns on its own (g819)
                self._unmarked_run(run[:-1], ctx)
            for before in run[:-1] if not self.sentences else ():
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

    def _trimmed_run(self, run: list[Node]) -> list[Node]:
        """The run without a news item's byline ("Thanh Hương") and the closing formulas at its end."""
        while run and self._is_byline(run[-1]):
            run = run[:-1]
        while run and self._is_closing(*self._body(run[-1]), running=True):
            self.skip(run[-1].paragraph.start, "closing")  # type: ignore[union-attr]
            run = run[:-1]
            # "Chánh Văn phòng ...; Giám đốc các sở ...;" + "... chịu trách nhiệm thi hành": one sentence.
            while run and self.text[self._body(run[-1])[1] - 1] in ";,":
                self.skip(run[-1].paragraph.start, "closing")  # type: ignore[union-attr]
                run = run[:-1]
        return run

    def _draft_points(self, run: list[Node], ctx: Context) -> Context:
        """ "... đề nghị Quý Sở khẩn trương hoàn thiện dự thảo Đề án ..." then "Trong quá trình hoàn
        thiện, dự thảo Đề án cần làm rõ các nội dung sau:": the request is the task, the points after
        it what the draft must hold (rule 14; genre g924)."""
        if len(run) > 1:
            self._unmarked_run(run[:-1], ctx)
        self.skip(run[-1].paragraph.start, "contents")  # type: ignore[union-attr]
        return ctx.but(active=False, leads=[], trace="contents of a document asked for")

    def _announces_points(self, node: Node, after: Node) -> bool:
        """ "Bí thư Tỉnh ủy đề nghị Sở X cần tập trung thực hiện tốt một số nhiệm vụ trọng tâm." with
        a full stop, then "Thứ nhất, ...": a lead-in for the points (genre g647)."""
        return bool(_POINTS_FOLLOW.search(self.key, *self._body(node))) and bool(
            _FIRST_POINT.match(self.key, self._body(after)[0])
        )

    def _lead_in(self, node: Node, ctx: Context) -> Context:
        """The context a lead-in paragraph ("... yêu cầu Sở X thực hiện các nội dung sau:") gives."""
        last_start, last_end = self._body(node)
        # Only the last sentence of a lead-in names who acts; the ones before describe the meeting.
        last_start = self._last_sentence(last_start, last_end)
        if heads_no_tasks(self.reader, last_start, last_end):
            # "... kính đề nghị Bộ Tài chính:": the items are what the issuer asks of a higher level
            self.skip(node.paragraph.start, "proposal")  # type: ignore[union-attr]
            return ctx.but(active=False, leads=[], trace="request to a higher level")
        assignment = find_assignment(self.reader, last_start, last_end, self.cues)
        if self._asks_the_issuer(assignment):
            self.skip(node.paragraph.start, "proposal")  # type: ignore[union-attr]
            return ctx.but(active=False, leads=[], trace="requests made to the issuer")
        if _CONCLUDES.search(self.key, last_start, last_end) or self._issuer_speaks(assignment):
            assignment = None  # "..., Thủ tướng ... kết luận như sau:", "Sở Tài chính hướng dẫn ... như sau:"
        origin = node.paragraph.start  # type: ignore[union-attr]
        dated = assignment is None and _DATED_LEAD_IN.match(self.key, last_start, last_end) is not None
        covering = self._covering_timing(last_start, last_end, assignment, after_assignment=not dated)
        if covering is not None:
            ctx = ctx.but(timing=covering)
        if (
            assignment
            and self.letter_addressees
            and (
                is_vague_list(self.reader, assignment.leads)
                or self._names_addressees(assignment.leads)
                or self._shortens_addressee(assignment.leads)
            )
        ):
            # "Sở Tài chính đề nghị các cơ quan, đơn vị thực hiện ...:" in a letter: its addressees;
            # "Bộ đề nghị Ủy ban nhân dân các tỉnh, thành phố ...:" to four provinces by name: those four
            assignment = Assignment(self.letter_addressees, assignment.start, assignment.explicit)
        if assignment:
            coord = coordinators(self.reader, last_start, last_end, assignment.leads, self.cues)
            return ctx.but(
                leads=assignment.leads,
                coordinators=coord or ctx.coordinators,
                active=True,
                trace="lead-in",
                origin=origin,
                fallback=[],
            )
        self.skip(origin, "preamble")  # "..., đồng chí chủ trì kết luận và chỉ đạo như sau:"
        return ctx.but(active=True, trace="lead-in without agency", origin=origin)

    def _heading_assignment(self, start: int, end: int) -> Assignment | None:
        """Who a heading over items names. A long heading that ends as a lead-in names them in its
        last sentence, the ones before it judging or describing: "Điều 1. Hội đồng nhân dân tỉnh
        cơ bản đồng tình với ... Giám đốc Sở Y tế. Để khắc phục ..., yêu cầu Ủy ban nhân dân tỉnh
        tập trung chỉ đạo thực hiện các nội dung sau:" (genre g183)."""
        last = self._last_sentence(start, end)
        if last > start and self.text[start:end].rstrip().endswith(":"):
            found = find_assignment(self.reader, last, end, self.cues)
            if found is not None:
                return found
        return find_assignment(self.reader, start, end, self.cues) or duty_holder(self.reader, start, end)

    def _container(self, node: Node, ctx: Context, start: int, end: int) -> None:
        """A heading or lead-in over its items: the agency it names (or, naming none, the partners it
        adds to the items' own lead) and the deadline it states go to the items under it."""
        assignment = self._heading_assignment(start, end)
        if assignment and asks_upward(self.reader, start, assignment.leads):
            self.skip(node.paragraph.start, "proposal")  # "1. Đối với Chính phủ, Bộ ...": asked upward (rule 10)
            self.walk(node, ctx.but(active=False))
            return
        inner = ctx
        if assignment:
            coord = coordinators(self.reader, start, end, assignment.leads, self.cues)
            inner = ctx.but(
                leads=assignment.leads,
                coordinators=coord or ctx.coordinators,
                trace="heading",
                fallback=[],
                origin=node.paragraph.start,  # type: ignore[union-attr]
            )
        elif ctx.leads:
            # "b) Chủ trì, phối hợp với Công ty X:" under "1. Phòng Công nghệ thông tin:": the
            # items under it keep their lead and take its partners (genre h11)
            coord = coordinators(self.reader, start, end, ctx.leads, self.cues)
            if coord:
                inner = ctx.but(coordinators=coord)
        # its last sentence only: "... phấn đấu bàn giao trước ngày 30/9. Để bảo đảm ...:" (g330)
        heading_time = self._covering_timing(self._last_sentence(start, end), end, assignment)
        if node.paragraph.kind == "period":  # type: ignore[union-attr]
            heading_time = self.timing.read_cell(start, end)  # a schedule's "Tháng 10/2026" (g365)
        if heading_time is not None:
            inner = inner.but(timing=heading_time)
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

    def _item(self, node: Node, ctx: Context) -> None:
        start, end = self._body(node)
        key = self.key
        own = self._own_plan(node)
        if own is not None and ctx.active:
            lines, text_end = own
            local = self._with_plan(ctx, lines).but(own_plan=lines.timing is not None)
            if lines.action is not None:
                # The lead line says who does what, clause by clause: its clauses are the tasks.
                self._unit(lines.action[0], lines.action[1], local)
            else:
                self._unit(start, text_end, local)
            for other in lines.others:
                self._item(other, ctx)
            self.used.update(lines.starts)
            return
        if any(a <= start < b for a, b in self.quoted):
            # an earlier document's item, quoted: no task, and no lead for what follows it (g954)
            self.skip(node.paragraph.start, "quoted")  # type: ignore[union-attr]
            self.walk(node, ctx)
            return
        heading_text = key[start:end].strip()
        inactive = self.inactive_heads.match(heading_text)
        # "1. Ưu điểm: ..." / "2. Hạn chế, vi phạm: ...": a label that says what the item assesses (g1528)
        colon = heading_text.find(":", 0, 40)
        labelled = inactive is not None and colon > 0 and "." not in heading_text[:colon]
        if inactive and (node.children or labelled or len(heading_text.split()) <= 12):
            self.skip(node.paragraph.start, "inactive_section")  # type: ignore[union-attr]
            self.walk(node, ctx.but(active=False, leads=[], trace="assessment section"))
            return
        if ctx.active and node.children and _OPTIONS_LEAD_IN.search(key, start, end):
            self._unit(start, node.last_end(), ctx)  # "... xử lý theo thứ tự ưu tiên sau:" and its options
            return
        if self._is_container(node):
            self._container(node, ctx, start, end)
            return
        if self._is_closing(start, end):
            self.skip(node.paragraph.start, "closing")  # type: ignore[union-attr]
            return
        if _REPORT_CONTENTS.match(key, start, end):
            self.skip(node.paragraph.start, "report_contents")  # type: ignore[union-attr]
            return
        if ctx.active and self._actions_below(node, start, end):  # "- ... 15/4/2026." / "+ Rà soát ..."
            self._unit(start, end, ctx)
            for child in node.children:
                self._item(child, ctx)
        elif ctx.active:
            self._unit(start, node.last_end(), ctx)
        else:
            self.skip(node.paragraph.start, "inactive_section")  # type: ignore[union-attr]
