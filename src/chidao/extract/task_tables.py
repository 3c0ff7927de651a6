"""Task tables (rule 17): one task per row, and a body task that a row repeats dropped."""

from __future__ import annotations

from chidao.document import Table
from chidao.extract.agencies import Mention
from chidao.extract.leads import (
    clean_leads,
    coordinators,
)
from chidao.extract.task_types import Context, Task
from chidao.extract.task_words import (
    _repeats,
    _row_pointers,
    _same_leads,
)
from chidao.extract.timing import Timing


class TableTasks:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

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
            # "...; phối hợp với Sở Xây dựng thống nhất số liệu" written in the task's own cell (genre j04)
            named = {m.name.lower() for m in (*leads, *partners)}
            partners += [
                m
                for m in coordinators(self.reader, content.start, content.end, leads, self.cues)
                if m.name.lower() not in named
            ]
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
