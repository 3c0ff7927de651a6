"""Plan lines ("Đơn vị chủ trì: ...", "Thời gian thực hiện: ...") and the time frames that
cover several items."""

from __future__ import annotations

from dataclasses import replace

from chidao.data import load_toml
from chidao.document.outline import Node
from chidao.extract.agencies import Mention
from chidao.extract.leads import (
    clean_leads,
    coordinators,
    find_assignment,
)
from chidao.extract.task_types import Context, PlanLines
from chidao.extract.task_words import (
    _LEADS_ONLY,
    _SCOPE,
    _plan_labels,
    _same_leads,
)
from chidao.extract.timing import Timing
from chidao.extract.vocabulary import sections

_NUMBERED = frozenset({"decimal", "decimal2", "roman", "alpha", "task_no"})  # items, not plan lines
_UNTIL = load_toml("sections.toml")["plan_labels"]["frame_until"]  # "... | đến hết tháng 12/2026": a time frame's end


class PlanReading:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

    # -- plan lines ------------------------------------------------------------------------------
    def _plan_line(self, node: Node, lines: PlanLines, *, content: bool = False, covering: bool = True) -> bool:
        """Read one "Đơn vị chủ trì: ...", "Đơn vị phối hợp: ...", "Thời gian thực hiện: ...",
        "Nội dung thực hiện: ..." line (or a "Cơ quan thực hiện:" head whose children are such
        lines) into ``lines``; ``covering``: whether a sentence dating the items above may be one."""
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
                verdict = self._label_over_lines(node, lines, kind, match.end())
                if verdict is None:
                    return False
                if not verdict:
                    break
                found = True
                continue
            found = True
            self._read_label(lines, kind, match.end(), end)
        if not found and node.children and vocab.plan_head.match(key, start, end):
            found = all(self._plan_line(child, lines) for child in node.children)
        if not found and covering and not content and not node.marked and not node.children:
            found = self._covering_sentence(node, lines)
        if found:
            lines.nodes.add(id(node))
            lines.starts.add(node.paragraph.start)  # type: ignore[union-attr]
        return found

    def _label_over_lines(self, node: Node, lines: PlanLines, kind: str, after: int) -> bool | None:
        """A label with nothing after it over lines of its own: a time frame or a lead over
        bullets is read (True); "Nhiệm vụ:" over the tasks is their heading (None); any other
        label ends the reading (False)."""
        if kind == "content":
            return None
        if kind == "time":
            lines.timing = self.timing.read_cell(after, node.last_end())
            return True
        if kind == "lead" and self._lead_bullets(node, lines):
            lines.time_only = False
            return True
        return False

    def _read_label(self, lines: PlanLines, kind: str, start: int, end: int) -> None:
        """What one label's value says, into ``lines``: a time frame, the content, the lead (or
        an action line: "Đơn vị thực hiện: Văn phòng UBND tỉnh chủ trì, phối hợp với Sở X ...")
        or the coordinators."""
        if kind == "time":
            lines.timing = self.timing.read_cell(start, end)
            return
        if kind == "product":
            return  # "Sản phẩm: Kế hoạch của UBND tỉnh.": what is delivered, no one to name
        lines.time_only = False
        if kind == "content":
            lines.content = (start, end)
            return
        mentions, after = self.reader.read_list(start, lenient=True, limit=end)
        if kind != "lead":
            lines.coordinators = [m for m in mentions if not self.reader.is_vague(m)]
        elif self._is_action_line(start, end, mentions):
            lines.action = (start, end)
        else:
            lines.leads = clean_leads(mentions)
            partners = coordinators(self.reader, after, end, lines.leads, self.cues)
            if partners:
                lines.coordinators = partners

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
        leading: PlanLines | None = None  # lines before any item: "Cơ quan thực hiện: X." / "- ..."
        timed: list[Node] = []  # items whose own lines gave a time only: a later lead line is theirs too
        marked_run = False  # the current run of lines opens with a marker ("b) Thời gian: ...")
        kinds = {child.paragraph.kind for child in node.children if child.paragraph is not None}
        for child in node.children:
            lines = current or PlanLines()
            # A sentence dates the items above it only when there are items: "Các địa phương ...
            # được yêu cầu hoàn thành ... trong quý I/2027." among a news item's sentences is a task.
            covering = current is not None or any(item.marked for item in waiting)
            if self._plan_line(child, lines, covering=covering):
                marked_run = child.marked if current is None else marked_run
                current = lines
                continue
            if current is not None:
                if not waiting and not current.time_only and child.marked:
                    leading = current  # the lines name who does the items after them (genre g414)
                    out[id(current)] = current
                    current = None
                    waiting.append(child)
                    continue
                if marked_run and self._section_time(current, waiting, child, kinds):
                    section = current.timing
                    waiting = []
                for item in waiting:
                    out[id(item)] = _with_leading(current, leading)
                timed = _lend_leads(out, timed, waiting, current, leading)
                out[id(current)] = current  # remembers the lines' nodes
                waiting, current, leading = [], None, None
            waiting.append(child)
        if current is not None:
            out[id(current)] = current
            if self._section_time(current, waiting, None, kinds):
                section = current.timing
                waiting = [] if leading is None else waiting  # the section's time; the lead still theirs
                current = None
        if current is not None or leading is not None:
            for item in waiting:
                out[id(item)] = _with_leading(current, leading)
            _lend_leads(out, timed, waiting, current, leading)
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
        # Marked plan lines under the last of short items ("a) ...", "b) ...", "c) ..." with nothing
        # under them) are the list's, not the last item's alone.
        kind = node.children[-1].paragraph.kind if node.children and node.children[-1].paragraph else None
        earlier = node.children[:-1]
        shared = bool(earlier) and all(
            not child.children and child.paragraph is not None and child.paragraph.kind == kind for child in earlier
        )
        for i, child in enumerate(node.children):
            children.append(child)
            if not child.marked:
                continue
            keep = len(child.children)
            while keep and (
                # a dated sentence that is all an item has ("5. Sở Y tế" over "Báo cáo UBND tỉnh ...
                # Hoàn thành chậm nhất ngày 25/11/2025.") is the item's own text, not a covering line
                self._unmarked_plan_line(child.children[keep - 1], covering=keep > 1 or not self._names_only(child))
                or (i == last and shared and self._marked_plan_line(child, child.children[keep - 1]))
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

    def _unmarked_plan_line(self, node: Node, *, covering: bool = True) -> bool:
        return not node.marked and self._plan_line(node, PlanLines(), covering=covering)

    def _marked_plan_line(self, item: Node, node: Node) -> bool:
        """ "- Cơ quan phối hợp: ...; Thời gian: ..." under the last of the lettered items "a) ...",
        "b) ...", "c) ...", marked otherwise than they are: the items' run of plan lines, which
        rule 7 gives back to the previous run (genre g816)."""
        kind = item.paragraph.kind if item.paragraph is not None else None
        own = node.paragraph.kind if node.paragraph is not None else None
        return node.marked and own != kind and own not in _NUMBERED and self._plan_line(node, PlanLines())

    @staticmethod
    def _section_time(lines: PlanLines, above: list[Node], below: Node | None, kinds: set[str | None]) -> bool:
        """Whether a run of plan lines is only a time line marked like its sibling items."""
        if not lines.time_only or lines.timing is None or len(lines.nodes) != 1:
            return False
        marked_items = [n for n in [*above, *([below] if below else [])] if n.marked]
        return bool(marked_items) and len(kinds - {None}) == 1

    @staticmethod
    def _with_plan(ctx: Context, plan: PlanLines) -> Context:
        return ctx.but(
            leads=plan.leads or ctx.leads,
            coordinators=plan.coordinators or ([] if plan.leads else ctx.coordinators),
            timing=plan.timing or ctx.timing,
            trace="plan lines" if plan.leads else ctx.trace,
            origin=None if plan.leads else ctx.origin,
        )

    def _own_plan(self, node: Node) -> tuple[PlanLines, int] | None:
        """Plan lines that are the only marked children of an item: they are that item's own.

        "(1) Sao lưu ... / - Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh. / - Thời gian hoàn
        thành: Trong tháng 8/2025." Returns the lines and where the item's text ends (its
        content line's end, or the first plan line's start).
        """
        if not node.children:
            return None
        contents = [child for child in node.children if self._opens_with_content(child)]
        if len(contents) > 1 or any(child.paragraph.kind in _NUMBERED for child in contents):  # type: ignore[union-attr]
            # "- Nội dung: ...; Đơn vị chủ trì: ..." lines, each a task of its own (genre g525); "VI. CẢI
            # CÁCH TÀI CHÍNH CÔNG" over one "13. Nội dung: ..." item: a heading over its item (g693)
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

    def _opens_with_content(self, node: Node) -> bool:
        """Whether an item opens with a content label ("Nội dung: ...")."""
        if node.paragraph is None:
            return False
        start, end = self._body(node)
        return sections().plan_content.match(self.key, start, end) is not None

    def document_timing(self, root: Node) -> Timing | None:
        """A "Thời gian thực hiện: ..." stated for the whole document, outside any task item.

        Plans give it in their purpose or scope section ("II. ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN
        THỰC HIỆN" / "3. Thời gian thực hiện:" / "Từ nay đến hết năm 2025."); it is the deadline
        of every task that states none of its own. Sections that hold no tasks are searched at
        any depth ("I. MỤC ĐÍCH, YÊU CẦU" / "3. Phạm vi, thời gian" / "- Thời gian thực hiện: ...").
        """
        label = sections().document_time
        label_heading = sections().document_time_heading
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
                    return self._time_frame(match.end(), end)
                if node.children and not _a_schedule(node):
                    return self._time_frame(node.children[0].paragraph.start, node.last_end())  # type: ignore[union-attr]
                continue  # "V. TIẾN ĐỘ THỰC HIỆN" over "Tháng 9/2026", "Tháng 10/2026": a schedule, no frame
            if node.marked and node.children and label_heading.fullmatch(self.key, start, end):
                # "II. THỜI GIAN" / "Từ ngày 15/12/2026 đến ngày 28/02/2027." (genre g208)
                return self._time_frame(node.children[0].paragraph.start, node.last_end())  # type: ignore[union-attr]
            if self.inactive_heads.match(self.key[start:end].strip()) or _SCOPE.match(self.key, start, end):
                nodes.extend(node.children)
        return self._numbered_time(root)

    def _time_frame(self, start: int, end: int) -> Timing:
        """The document's time frame: a range's end is its deadline, "Từ tháng 4/2026 đến hết tháng
        12/2026" too, which in a task's own words is the period of the work (genre g1209)."""
        timing = self.timing.read_cell(start, end)
        until = self.key.rfind(_UNTIL, start, end)
        if timing.deadline is None and until > start:
            return self.timing.read_cell(until, end)
        return timing

    def _numbered_time(self, root: Node) -> Timing | None:
        """ "II. NỘI DUNG" / "4. Thời gian thực hiện: Từ ngày 01/01/2027 đến hết ngày 31/12/2027."
        (genre g355): a numbered item of a section that is only its time line is the document's,
        as a task's own time line is a bullet or a line under it, never an item of its own."""
        label = sections().document_time
        for section in root.children:
            for node in section.children if section.marked else ():
                if not node.marked or node.children or node.paragraph.kind == "dash":  # type: ignore[union-attr]
                    continue
                start, end = self._body(node)
                match = label.match(self.key, start, end)
                if match is not None and self.key[match.end() : end].strip():
                    return self.timing.read_cell(match.end(), end)
        return None


def _a_schedule(node: Node) -> bool:
    """Whether a time section's items are a schedule, not one time frame: month lines ("Tháng
    9/2026"), or several numbered steps ("1. Giai đoạn 1 (từ ... đến ...): ...", genre g489)."""
    children = [c for c in node.children if c.paragraph is not None]
    return (
        any(c.paragraph.kind == "period" for c in children)
        or sum(c.marked and c.paragraph.kind != "dash" for c in children) > 1
    )  # type: ignore[union-attr]


def _with_leading(trailing: PlanLines | None, leading: PlanLines | None) -> PlanLines:
    """The lines an item gets: those after it (rule 7), given the agencies of lines that opened its
    list when they name none ("Cơ quan thực hiện: X." / bullets / "Thời gian hoàn thành: ...")."""
    if leading is None:
        return trailing  # type: ignore[return-value]
    if trailing is None:
        return leading
    if trailing.time_only:
        return replace(leading, timing=trailing.timing, nodes=leading.nodes | trailing.nodes)
    return trailing


def _lend_leads(
    out: dict[int, PlanLines],
    timed: list[Node],
    waiting: list[Node],
    lines: PlanLines | None,
    leading: PlanLines | None,
) -> list[Node]:
    """Items whose own lines gave only a time ("a) Tổ chức ra quân ... / Thời gian: Từ ngày ... /
    b) Duy trì ... / Thời gian: Hằng tuần. / Đơn vị thực hiện: Công an phường chủ trì"): the lead
    line after them is theirs too (rule 7), each keeping its own time (genre g576). Returns the
    items still waiting for a lead."""
    if lines is None or leading is not None:
        return []
    if lines.time_only:
        return [*timed, *(item for item in waiting if item.marked)]
    for item in timed:
        own = out.get(id(item))
        out[id(item)] = replace(lines, timing=own.timing if own and own.timing else lines.timing)
    return []
