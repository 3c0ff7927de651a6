"""One item's text cut into tasks, a task per run of clauses that share a lead (rules 1-3,
10, 11), and each task emitted with its coordinators and timing."""

from __future__ import annotations

from chidao.extract.agencies import Mention
from chidao.extract.aside_leads import item_aside_assignment
from chidao.extract.coordination import partners_after_lead
from chidao.extract.cues import cues
from chidao.extract.doer_leads import reported_subject
from chidao.extract.leads import (
    Assignment,
    coordinators,
    demands_overseen,
    find_assignment,
    is_vague_list,
    past_spaces,
    strip_label,
    subject_position,
    topic_end,
)
from chidao.extract.proposal_answers import is_verdict
from chidao.extract.task_clauses import SentenceState, label_end, points_to_annex
from chidao.extract.task_splits import clause_spans
from chidao.extract.task_types import Context, Task
from chidao.extract.task_words import (
    _ASSESSMENT,
    _BACK,
    _BARE_REQUEST,
    _CAPTION,
    _DUTY,
    _ENCOURAGEMENT,
    _ENUMERATED,
    _FUNDING,
    _GENERAL_REQUIREMENT,
    _GROUP_OPENING,
    _INSTRUCTION_WORDS,
    _LIABILITY,
    _NAME_ONLY,
    _NARRATED_PAST,
    _QUOTED_PETITION,
    _REPORTED,
    _REQUEST_OPENING,
    _SPECIFICS,
    _TOLD_NOT_ASKED,
    _same_leads,
    points_to_table,
)
from chidao.extract.unassigned import lists_attendance, sentence_kind

# "Dự án là công trình trọng điểm ...": an item that says what something is, before any comma.
_STATEMENT = cues("task_cues.toml")["statement_opening"]
_PROPOSAL_ANSWER, _RIGHT, _ASKS = (cues("task_cues.toml")[name] for name in ("proposal_answer", "right", "asks"))
_PAST_ASSIGNING, _BARE_ASSIGNING = cues("task_cues.toml")["past_assigning"], cues("task_cues.toml")["bare_assigning"]
_DOCUMENT_ASSIGNED = cues("task_cues.toml")["document_assigned"]  # "Thông báo số ... giao Sở X ..."
_PAST_DOCUMENT = cues("task_cues.toml")["past_document_assigning"]  # "đã có Văn bản số ... giao ..."

# A run of clauses: its span, its leads, and whether the text names them.
_Group = tuple[int, int, list[Mention], bool]


class UnitCutting:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

    # -- task units --------------------------------------------------------------------------------
    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        label = label_end(self.reader, start, end)  # "Các sở, ban, ngành; UBND các xã, phường: ..." is one label
        return clause_spans(self.reader, (start, label, end), self.cues)

    def _unit(self, start: int, end: int, ctx: Context, *, marked: bool = True) -> None:
        """One item's text: a task per run of clauses that share a lead."""
        opening = past_spaces(self.reader, start)
        if self._fact_line(opening, end, ctx, marked):
            return
        start = strip_label(self.key, opening)
        if start != opening:
            self.label_starts.setdefault(start, opening)  # "Nội dung: Ban hành ...": the task's text keeps it
        if not marked and _CAPTION.search(self.key, start, end):
            self.skip(start, "narration")  # "... kiểm tra công trường. Ảnh: VGP/Minh Khôi": a photo's caption
            return
        if not any(c.islower() for c in self.text[start:end]):
            self.skip(start, "heading")  # "BỘ TRƯỞNG GIAO NHIỆM VỤ", "SỐ LIỆU VỤ ĐÔNG XUÂN (VÙNG ĐBSCL)": a title
            return
        if self.sentences and not marked and self._narrated(start, end):
            self.skip(start, "narration")  # "... đã lãnh đạo hoàn thành ...; Trung tâm X tiếp nhận 9.412 hồ sơ"
            return
        groups = self._drop_summaries(self._clause_groups(start, end, ctx, marked))
        if not any(explicit for *_, explicit in groups):
            aside = item_aside_assignment(self.reader, start, end)
            if aside is not None:
                groups = [(start, end, aside.leads, True)]  # "Rà soát ... (giao Sở X chủ trì; ...)."
        for g_start, g_end, leads, explicit in self._lend_leads(groups, start, end, ctx):
            if not leads:
                self.skip(g_start, "no_agency")
                continue
            if (not explicit and _ASSESSMENT.match(self.key, g_start)) or (
                _PROPOSAL_ANSWER.match(self.key, start, end) and is_verdict(self.reader, start, (g_start, g_end), leads)
            ):
                self.skip(g_start, "assessment")  # "Về đề nghị ...: UBND tỉnh không thống nhất." (rule 5)
                continue
            self._emit(g_start, g_end, leads, explicit, ctx, marked=marked)

    def _encourages(self, assignment: Assignment, end: int) -> bool:
        """Whether what the named bodies are asked is only to keep up their results (genre g745)."""
        after = past_spaces(self.reader, max(m.end for m in assignment.leads))
        return _ENCOURAGEMENT.match(self.key, after, end) is not None

    def _narrated(self, start: int, end: int) -> bool:
        """Whether a news paragraph only tells what was done: a past marker, no word of an
        instruction ("Năm 2026, Đảng bộ xã đã lãnh đạo hoàn thành ...; Trung tâm ... tiếp nhận 9.412
        hồ sơ", genre g740)."""
        return bool(_NARRATED_PAST.search(self.key, start, end)) and not _INSTRUCTION_WORDS.search(self.key, start, end)

    def _clause_groups(self, start: int, end: int, ctx: Context, marked: bool) -> list[_Group]:
        """The item's clauses, those that are no task left out, grouped into runs that share a lead."""
        groups: list[_Group] = []
        clauses = self._clauses(topic_end(self.key, start, end), end)
        if clauses:
            clauses[0] = (start, clauses[0][1])
        pending: list[Mention] | None = None
        reported: list[Mention] | None = None  # the agency a past clause reports on
        state = SentenceState()
        for i, (c_start, c_end) in enumerate(clauses):
            opening = past_spaces(self.reader, c_start)  # read once: every rule below starts there
            skipped = self._sentence_says(state, i == 0, (c_start, c_end, opening), marked)
            if skipped is not None:
                self.skip(c_start, skipped)
                continue
            assignment = find_assignment(self.reader, c_start, c_end, self.cues, pos=opening)
            if assignment and demands_overseen(self.reader, opening, c_end, ctx.leads):
                assignment = None  # "yêu cầu nhà thầu ...": the heading's body asks, its own task (g1089)
            if assignment is not None and groups and partners_after_lead(self.key, c_start, assignment.leads):
                assignment = None  # "Giao Sở A chủ trì; Sở B phối hợp ...": one task, B coordinates
            if _LIABILITY.search(self.key, c_start, c_end) and not _DUTY.search(self.key, c_start, c_end):
                # "X chịu trách nhiệm trước ... về ...": answerability, not a task (rule 12); the
                # clauses after it that name no one are still X's ("...; lưu ý phải bảo đảm ...").
                self.skip(c_start, "liability")
                if assignment is not None:
                    pending = assignment.leads
                continue
            if assignment is None and points_to_table(self.key, c_start, c_end):
                self.skip(c_start, "not_read")  # "Các nhiệm vụ khác được giao tại Phụ lục kèm theo"
                continue
            if assignment is not None and points_to_annex(self.reader, assignment, c_start, c_end):
                self.skip(c_start, "not_read")  # "...; không đề nghị gia hạn thêm.": the rest is the summary's
                state.summary = True
                continue
            if state.summary and assignment is None:
                self.skip(c_start, "not_read")
                continue
            why = self._voice_says(assignment, (c_start, c_end, opening), clauses[i + 1 : i + 2], state)
            if why is not None:
                self.skip(c_start, why)
                continue
            if assignment is None and pending:
                assignment = Assignment(pending, c_start, True)
            if assignment is None and reported and _BARE_REQUEST.match(self.key, opening, c_end):
                assignment = Assignment(reported, c_start, True)  # "Sở X đã hoàn thành ...; đề nghị tiếp tục ..."
                if groups and not groups[-1][2]:
                    groups.pop()  # the report before the request is no part of its task
            pending = None
            reported = reported_subject(self.reader, opening, c_end) if assignment is None else None
            assignment = self._settled(assignment, c_end, ctx, groups)
            self._place_clause(groups, (c_start, c_end, opening), assignment, ctx, marked)
        return groups

    def _sentence_says(
        self, state: SentenceState, first: bool, clause: tuple[int, int, int], marked: bool
    ) -> str | None:
        """Why a clause is no task because of what its sentence already told, or of its own
        ("narration", "proposal", ...), updating ``state``; None if it may be one."""
        c_start, c_end, opening = clause
        new = not first and self._new_sentence(c_start)
        if first or new:
            state.attendance = lists_attendance(self.key, opening, c_end)
        if state.attendance or state.quoting:
            return "narration"  # "Cùng đi có ...; Ban Quản lý dự án ...": who came; a petition's quote
        if new:
            state.new_sentence()
        if state.reporting and find_assignment(self.reader, c_start, c_end, self.cues, pos=opening) is None:
            return "narration"  # "Theo Tờ trình, ...; đến nay mới có 05 dự án ...": the report goes on
        if state.assigned_before and _BARE_ASSIGNING.match(self.key, opening, c_end):
            return "narration"  # "...; đã giao Sở X chủ trì ...; giao Sở Y ...": still what was done
        if _DOCUMENT_ASSIGNED.match(self.key, opening, c_end) or _PAST_DOCUMENT.search(self.key, opening, c_end):
            state.assigned_before = True
            return "quoted"  # "Thông báo số 377/TB-UBND ... giao Sở Tài chính ...": the old task (g1022)
        state.assigned_before = state.assigned_before or bool(_PAST_ASSIGNING.search(self.key, opening, c_end))
        not_task = self._not_a_task(opening, c_end, marked) or self._reported_fact(opening, c_end)
        if not_task is None and state.proposing and _REQUEST_OPENING.match(self.key, opening, c_end):
            not_task = "proposal"  # "lãnh đạo xã kiến nghị tỉnh ...; đề nghị Sở X ...": still the commune's
        if not_task is not None:
            # "- Nội dung kiến nghị: “... . Đề nghị tỉnh có giải pháp ...”.": the petition's own words (g777)
            state.quoting = _QUOTED_PETITION.match(self.key, opening, c_end) is not None
            state.proposing = not_task == "proposal"
            # "Kinh phí ... được bố trí ...; trong đó: mua vắc xin ...; hóa chất ...": the rest goes on
            state.reporting = (
                _REPORTED.match(self.key, opening, c_end) or _FUNDING.match(self.key, opening, c_end)
            ) is not None
        return not_task

    def _settled(
        self, assignment: Assignment | None, end: int, ctx: Context, groups: list[_Group]
    ) -> Assignment | None:
        """A clause's assignment with references back resolved ("các đơn vị nêu trên"); none for
        a vague one under a heading that names the agency ("3. Đề nghị UBND các huyện:" ...
        "- Đề nghị các đơn vị ...": the heading's agency)."""
        if assignment is not None:
            recent = groups[-1][2] if groups and groups[-1][3] else None
            assignment = self._resolve_back(assignment, end, recent)
        if assignment and ctx.leads and is_vague_list(self.reader, assignment.leads):
            return None
        return assignment

    def _place_clause(
        self,
        groups: list[_Group],
        clause: tuple[int, int, int],
        assignment: Assignment | None,
        ctx: Context,
        marked: bool,
    ) -> None:
        """Add a clause to the run before it (same lead, or none named) or start a run of its own."""
        c_start, c_end, opening = clause
        if self.sentences and not marked and groups and groups[-1][2] and self._new_sentence(c_start):
            # Running text: each sentence that assigns is a task of its own (rule 10).
            kind = sentence_kind(self.key, c_start, c_end)
            if kind == "narration" and assignment is None:
                return
            if kind == "action" and (assignment is None or _same_leads(assignment.leads, groups[-1][2])):
                groups.append((c_start, c_end, groups[-1][2], groups[-1][3]))
                return
            if kind == "elaboration" and assignment is not None and assignment.start - c_start <= 25:
                # "Đồng thời, Sở Tài chính tham mưu ...": a sentence that names who acts is a
                # task of its own, whatever connector opens it.
                groups.append((c_start, c_end, assignment.leads, True))
                return
        if groups and assignment is not None and opening in self.paragraph_starts and assignment.start <= opening + 40:
            # A paragraph of its own that names its own subject is a task of its own, even for
            # the same agency ("6. UBND các xã A, B ..." / "Các đơn vị nêu trên chủ động ...").
            groups.append((c_start, c_end, assignment.leads, True))
            return
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
            return
        if groups and (assignment is None or _same_leads(assignment.leads, groups[-1][2])):
            g_start, _, g_leads, g_explicit = groups[-1]
            groups[-1] = (g_start, c_end, g_leads, g_explicit)
            return
        if groups and not groups[-1][2] and not marked:
            groups.pop()  # narration before an assignment in running text: not the task
        if groups and not groups[-1][2]:
            groups[-1] = (groups[-1][0], c_end, assignment.leads, True)  # type: ignore[union-attr]
        elif assignment is None:
            groups.append((c_start, c_end, ctx.leads, False))
        else:
            groups.append((c_start, c_end, assignment.leads, True))

    def _lend_leads(self, groups: list[_Group], start: int, end: int, ctx: Context) -> list[_Group]:
        """Runs that name no one take the lead of the item before ("a) Yêu cầu Nhà đầu tư ...",
        "b) Hồ sơ điều chỉnh ... phải ...": the same addressee) or of a letter's single
        addressee (rule 16); not in the answer to a proposal ("Về đề nghị ...: thống nhất chủ
        trương ..."), which gives work only to whom it names (genre g319, g456)."""
        if _PROPOSAL_ANSWER.match(self.key, start, end):
            if ctx.addressee and not ctx.leads and _ASKS.search(self.key, start, end):
                return [(s, e, leads or ctx.addressee, explicit) for s, e, leads, explicit in groups]
            return groups  # "... đề nghị Quý Ủy ban chỉ đạo ...": the letter's addressee is asked
        if (
            groups
            and ctx.fallback
            and not ctx.leads
            and not ctx.addressee  # a letter to one body gives it what names no one (rule 16; genre g269)
            and not any(g[3] for g in groups)
            and self.reader.acts(start, end)
            # the letter's or the visited province's: only items that open with an action ("1. Dự
            # án là công trình trọng điểm ..." is no task of theirs; genre g319)
            and (ctx.fallback is not self.root_fallback or not _STATEMENT.match(self.key, start, end))
            and not self.reader.starts_agency(start)  # "Sở Y tế là cơ quan thường trực ...": its own subject
            # "Qua theo dõi, Sở Xây dựng chưa trình hồ sơ ...": a report on a body (genre g954)
            and reported_subject(self.reader, subject_position(self.reader, start, end), end) is None
            and not (_GENERAL_REQUIREMENT.match(self.key, start) or self.key[start:end].rstrip().endswith(":"))
        ):
            return [(s, e, ctx.fallback, False) for s, e, _, _ in groups]
        if ctx.addressee and not ctx.leads:
            return [(s, e, leads or ctx.addressee, explicit) for s, e, leads, explicit in groups]
        return groups

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
                and all(self.reader.is_vague(m) or _is_group(m) for m in out[-1][2])
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

    def _after_names(self, start: int, end: int) -> tuple[int, int]:
        """Where the words after the agencies that open ``[start, end)`` begin."""
        pos = past_spaces(self.reader, start)
        if self.reader.starts_agency(pos):
            _, pos = self.reader.read_list(pos, lenient=True, limit=end)
        return pos, end

    def _emit(
        self, start: int, end: int, leads: list[Mention], explicit: bool, ctx: Context, *, marked: bool = True
    ) -> None:
        text = self.text[start:end]
        if _NAME_ONLY.fullmatch(self.key, *self._after_names(start, end)):
            self.skip(start, "no_agency")  # "Các bệnh viện tuyến tỉnh;": a name in a list, no action
            return
        if _RIGHT.match(self.key, *self._after_names(start, end)):
            self.skip(start, "not_read")  # "Được mời đại diện ...", "Tổ trưởng được sử dụng con dấu": a right
            return
        trimmed_end = start + len(text.rstrip(" \n;,"))
        coord = coordinators(self.reader, start, end, leads, self.cues)
        named = self.letter_addressees if self.refers_to_addressees(leads) else leads  # "... nêu trên"
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
        elif ctx.timing is not None and (
            deadline_source == "none" or (timing.kind == "history" and ctx.timing.deadline)
        ):
            timing = ctx.timing
            deadline_source = "inherited"
        if explicit:
            lead_source = "explicit"
        elif leads is ctx.leads:
            lead_source = ctx.trace
        else:
            lead_source = "addressee" if leads is ctx.addressee else "fallback"
        if lead_source == "addressee" and _TOLD_NOT_ASKED.match(self.key, past_spaces(self.reader, start), end):
            self.skip(start, "narration")  # a letter to one body telling it the law or what was done (g945)
            return
        if not explicit and leads is ctx.leads and ctx.origin is not None:
            self.used.add(ctx.origin)
        trace = ["lead: " + ("explicit" if explicit else f"inherited ({ctx.trace})")]
        if timing.deadline_text:
            trace.append(f"deadline: {timing.deadline_text!r} ({timing.kind})")
        if timing.recurrence:
            trace.append(f"recurrence: {timing.recurrence}")
        start = self.label_starts.get(start, start)  # "Nhiệm vụ 1: ..." keeps its label (genre g535)
        self.tasks.append(Task(start, trimmed_end, named, coord, timing, trace, lead_source, deadline_source, marked))


def _is_group(mention: Mention) -> bool:
    """ "Các sở chuyên ngành": a group whose members the specifics after it name (rule 11)."""
    return mention.name.lower().startswith(_GROUP_OPENING)
