"""Task tables (rule 17): one task per row, and a body task that a row repeats dropped."""

from __future__ import annotations

import re

from chidao.document import Table
from chidao.document.table_groups import lead_group_title
from chidao.document.tables import Cell, Row
from chidao.extract.agencies import Mention
from chidao.extract.cues import cues
from chidao.extract.lead_basics import _COORDINATE_WORDS, _LEAD_THEN_WORDS
from chidao.extract.leads import (
    clean_leads,
    coordinators,
)
from chidao.extract.task_types import Context, Task
from chidao.extract.task_words import (
    _ROW_NUMBER_BREAK,
    _ROWS_REDATED,
    _repeats,
    _row_pointers,
    _same_leads,
)
from chidao.extract.timing import Timing

_ROLE_WORDS = (*_LEAD_THEN_WORDS, *_COORDINATE_WORDS)  # "chủ trì", "phối"
# Parts of a lead or partner cell: "A; B", and "Phòng Kế hoạch - Tài chính/Văn phòng Sở" (genre g682)
_PART_BREAK = re.compile(r";|(?<=\w)/(?=[^\W\d])")
_CLAUSE_END = re.compile(r"[.;\n]")
_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")  # a cell's line break and the spaces around it


_MARK = re.compile(r"\s*[xX✓✔•+]\s*")  # a cell that only marks its column
_TABLE_CUES = cues("task_cues.toml")
_RENEWED = _TABLE_CUES["renewed_time"]  # "Thời hạn mới": the date due where the old one stands too
_PARTNER_MARK = _TABLE_CUES["partner_mark"]  # "(phối hợp)" after the partners in a lead cell
_PARTNERS_NOTE = _TABLE_CUES["partners_note"]  # "Phối hợp: ..." opening a remarks cell


_LEAD_MARK = _TABLE_CUES["lead_mark"]
_DONE_NOTE = _TABLE_CUES["done_note"]  # "(chủ trì)" after the lead in a doer cell


def _partner_parts(key: str, start: int, end: int, mark_cue: re.Pattern[str] = _PARTNER_MARK) -> list[tuple[int, int]]:
    """The parts of a lead cell, between ";", that end with "(phối hợp)": their bodies are partners
    (with ``_LEAD_MARK``: those that end with "(chủ trì)")."""
    parts = []
    for mark in mark_cue.finditer(key, start, end):
        opening = key.rfind(";", start, mark.start()) + 1 or start
        parts.append((max(opening, start), mark.start()))
    return parts


_LEAD_LABEL = _TABLE_CUES["lead_label"]  # "Chủ trì: ..." opening a doer cell
_PARTNER_LABEL = _TABLE_CUES["partner_label"]  # "; Phối hợp: ..." within it


def _labelled_cell(key: str, cell: Cell) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The lead's and the partners' spans of a cell that labels them ("Chủ trì: A; Phối hợp: B"),
    or None for a cell that does not open with "Chủ trì:"."""
    label = _LEAD_LABEL.match(key, cell.start, cell.end)
    if label is None:
        return None
    partner = _PARTNER_LABEL.search(key, label.end(), cell.end)
    if partner is None:
        return (label.end(), cell.end), (cell.end, cell.end)
    return (label.end(), partner.start()), (partner.end(), cell.end)


_BRACKETED_REST = re.compile(r"\s*\([^()]*\)[\s.,]*")


class TableTasks:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, timing, tasks and caches)."""

    # -- task tables (rule 17) ----------------------------------------------------------------
    def _row_people(
        self, table: Table, row: Row, content: Cell, above: list[Mention]
    ) -> tuple[list[Mention], list[Mention]]:
        """A row's leads and partners: its lead cell ("Sở A chủ trì, phối hợp Sở B"), its partner
        cell (vague partners left out) and its task's own cell ("...; phối hợp với Sở Xây dựng ...",
        genre j04). A blank lead cell is a cell merged with the one above: ``above``'s leads
        (genre g462)."""
        leads: list[Mention] = []
        partners: list[Mention] = []
        lead_cell = table.cell(row, "lead")
        labelled = _labelled_cell(self.key, lead_cell) if lead_cell is not None else None
        if labelled is not None:
            # "Chủ trì: Chi cục ATVSTP; Phối hợp: Văn phòng Sở" in a "Đơn vị thực hiện" column (g761)
            (lead_start, lead_end), (partner_start, partner_end) = labelled
            leads = clean_leads(self._cell_mentions(lead_start, lead_end)[0])
            partners = [m for m in self._cell_mentions(partner_start, partner_end)[0] if not self.reader.is_vague(m)]
        elif lead_cell is not None and lead_cell.end > lead_cell.start:
            mentions, after = self._cell_mentions(lead_cell.start, lead_cell.end)
            # "Phòng Kinh tế (chủ trì); Công an phường, Tổ Quản lý trật tự đô thị phường (phối hợp)"
            marked = _partner_parts(self.key, lead_cell.start, lead_cell.end)
            leading = _partner_parts(self.key, lead_cell.start, lead_cell.end, _LEAD_MARK)
            partners = [
                m
                for m in mentions
                if any(a <= m.start < b for a, b in marked)
                or (leading and not any(a <= m.start < b for a, b in leading) and not self.reader.is_vague(m))
            ]
            mentions = [
                m for m in mentions if m in partners or not leading or any(a <= m.start < b for a, b in leading)
            ]
            leads = clean_leads([m for m in mentions if m not in partners])
            partners += coordinators(self.reader, after, lead_cell.end, leads, self.cues)
        elif table.lead_groups and (named := self._content_leads(content)):
            leads = named  # "UBND phường Phủ Lý: Hoàn thành ..." under "UBND CÁC XÃ, PHƯỜNG" (genre g1461)
        elif (lead_cell is not None and table.merged_blanks) or table.lead_groups:
            leads = list(above)  # the lead merged from above, or the group's ("1. Sở Xây dựng")
        if not leads:
            return [], []
        coord_cell = table.cell(row, "coordinators")
        if coord_cell is not None and coord_cell.end > coord_cell.start:
            # "Phối hợp: Công an tỉnh; Sở Y tế": a cell that repeats its column's label (genre g1386)
            label = _PARTNER_LABEL.match(self.key, coord_cell.start, coord_cell.end)
            mentions, _ = self._cell_mentions(label.end() if label else coord_cell.start, coord_cell.end)
            lead_names = {m.name.lower() for m in leads}
            partners += [m for m in mentions if not self.reader.is_vague(m) and m.name.lower() not in lead_names]
        notes = table.cell(row, "notes")
        for note in [*([notes] if notes is not None else []), *row.partner_lines]:
            label = _PARTNERS_NOTE.match(self.key, note.start, note.end)
            if label is None:
                continue
            lead_names = {m.name.lower() for m in (*leads, *partners)}
            mentions, _ = self._cell_mentions(label.end(), note.end)
            partners += [m for m in mentions if not self.reader.is_vague(m) and m.name.lower() not in lead_names]
        named = {m.name.lower() for m in (*leads, *partners)}
        partners += [
            m
            for m in coordinators(self.reader, content.start, content.end, leads, self.cues)
            if m.name.lower() not in named
        ]
        return leads, partners

    def _content_leads(self, content: Cell) -> list[Mention]:
        """The bodies a task cell opens with, before a colon ("UBND xã Gia Viễn, UBND xã Gia Hưng:
        Xử lý ..."), in a table whose leads are otherwise its group rows'; none without the colon."""
        mentions, after = self.reader.read_list(content.start, lenient=True, limit=content.end)
        opens = bool(mentions) and mentions[0].start <= content.start + 1
        if not opens or not self.key.startswith(":", self.reader.skip_space(after)):
            return []
        return clean_leads(mentions)

    def _done(self, table: Table, row: Row) -> bool:
        """Whether a row's remarks say its task is done: "Đã hoàn thành (Báo cáo số ...)"."""
        notes = table.cell(row, "notes")
        return notes is not None and _DONE_NOTE.match(self.key, notes.start, notes.end) is not None

    def _group_leads(self, table: Table, row: Row) -> list[Mention]:
        """The leads a group row gives the rows under it, in a table with no lead column ("1. Sở
        Xây dựng", genre g933, g989): its title read as bodies, nobody when it names none."""
        title = lead_group_title(self.text, row) if table.lead_groups else None
        if title is None:
            return []
        return clean_leads(self._cell_mentions(title.start, title.end)[0])

    def _cell_mentions(self, start: int, end: int) -> tuple[list[Mention], int]:
        """The bodies a lead or partner cell names, and where the last one read ends.

        Each part between ";" is read as a list; a part the reader takes only
        the opening of, that opens with a capital and says no "chủ trì" / "phối hợp", is one
        name as written — the column says it is a body ("Tổ đội quần chúng bảo vệ rừng các thôn",
        "Hạt Kiểm lâm khu vực Bắc Sơn"; genre h03, j12)."""
        found: list[Mention] = []
        after = start
        pos = start
        for brk in (*self._part_breaks(start, end), None):
            part_end = brk.start() if brk else end
            mentions, read_to = self.reader.read_list(pos, lenient=True, limit=part_end)
            whole = self._whole_name(pos, part_end, mentions, read_to)
            if whole is not None:
                found.append(whole)
                after = part_end
            else:
                found.extend(mentions)
                after = read_to if mentions else after
            pos = brk.end() if brk else end
        return found, after

    def _part_breaks(self, start: int, end: int) -> list[re.Match[str]]:
        """Where a cell's parts end: ";", "A/B", and a line break before a capital ("Phòng Kinh tế,
        Hạ tầng và Đô thị" / "Công an phường": two bodies, one a line; genre g886)."""
        breaks = list(_PART_BREAK.finditer(self.key, start, end))
        for line in _LINE_BREAK.finditer(self.text, start, end):
            if line.end() < end and self.text[line.end()].isupper() and self._ends_name(start, line.start()):
                breaks.append(line)  # not "Hiệp hội" / "Doanh nghiệp tỉnh", one name wrapped (g291)
        return sorted(breaks, key=lambda m: m.start())

    def _ends_name(self, start: int, at: int) -> bool:
        """Whether the cell's line up to ``at`` ends with a whole body's name."""
        opening = max(self.key.rfind(";", start, at) + 1, self.key.rfind("\n", start, at) + 1, start)
        pos = self.reader.skip_space(opening)
        limit = self.reader.limit
        mentions, read_to = self.reader.read_list(pos, lenient=True, limit=at)
        self.reader.bounded(limit)
        return bool(mentions) and not self.text[read_to:at].strip()

    def _whole_name(self, start: int, end: int, mentions: list[Mention], read_to: int) -> Mention | None:
        """The part ``[start, end)`` as one name, when the reader read less of it (see above)."""
        first = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
        written = self.text[first:end].strip().rstrip(".,")
        words = len(written.split())
        if not written or not written[0].isupper() or words > 12 or (words < 3 and not mentions):
            return None  # "Đơn vị", "Trạm": a form's unit column, no body
        if mentions and (mentions[0].start != first or len(mentions) > 1 or read_to >= first + len(written)):
            return None
        if mentions and _BRACKETED_REST.fullmatch(self.text, read_to, end):
            return None  # "Ban Quản lý KKT (01 nhiệm vụ)": the name read, then a note in brackets
        if any(word in self.key[first:end] for word in _ROLE_WORDS) or "," in written:
            return None
        return Mention(first, first + len(written), written, self.reader.canonical(written))

    def table(self, table: Table, ctx: Context) -> None:
        """One task per row that gives an action to a lead: the row's own lead, coordinators
        and deadline; its text is the whole row. A body task that the table repeats is dropped."""
        if table.schedule:
            for row in table.rows:
                self.skip(row.start, "not_read")  # a meeting's row: who chairs it, where
            return
        rows: list[Task] = []
        contents: list[tuple[int, int]] = []  # each row task's content cell
        numbers: list[str] = []  # and its number ("3")
        above: list[Mention] = []  # the leads of the row above, for a lead cell merged with it
        last: Row | None = None  # the row above, a task's
        merged_last = False  # whether its time cell was merged with the one above it
        for row in table.rows:
            content = table.cell(row, "content")
            if row.group or content is None or content.end <= content.start:
                above = self._group_leads(table, row) if row.group else above
                continue
            leads, partners = self._row_people(table, row, content, above)
            if table.cell(row, "lead") is not None:  # a group's leads stay the group's (genre g1569)
                above = leads
            if not leads or self._done(table, row):
                self.skip(row.start, "done" if leads else "no_agency")
                continue
            time_cell = table.cell(row, "time")
            timing = self._row_timing(table, row)
            merged = time_cell is not None and time_cell.end <= time_cell.start and rows
            merged = bool(merged) and _merged_below(table, row, last, merged_last)
            if merged:
                timing = rows[-1].timing  # a time cell merged with the one above (genre g1137)
            source = "own" if timing.deadline_text or timing.recurrence or timing.recurrence_text else "none"
            if source == "none" and ctx.timing is not None and time_cell is None:
                timing, source = ctx.timing, "inherited"
            trace = ["lead: table row"]
            if timing.deadline_text:
                trace.append(f"deadline: {timing.deadline_text!r} ({timing.kind})")
            rows.append(Task(row.start, row.end, leads, partners, timing, trace, "table", source, True))
            last, merged_last = row, merged
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
        self._redate_rows(table, rows, numbers)
        # "... giao các cơ quan, đơn vị thực hiện các nhiệm vụ cụ thể sau:" right above the table:
        # its work is the rows'
        self.tasks = [t for t in self.tasks if not _introduces(self.text, t, table)]
        self.tasks.extend(rows)

    def _row_timing(self, table: Table, row: Row) -> Timing:
        """A row's deadline: its time cell, the first filled one where there are several; a mere
        mark ("x") there stands for its column's period ("Quý II", genre g513)."""
        cells = table.time_cells(row)
        marked = [c for _, c in cells if _MARK.fullmatch(self.text, c.start, c.end)]
        if len(marked) > 1 and len(marked) == table.roles.count("time"):
            return Timing()  # every quarter marked: work all year round, no deadline
        if len(marked) > 1 and len(marked) == len(cells):
            # "Quý II" and "Quý III" marked: by the end of III (g1042); "Quý II" and "Quý IV": by II (g513)
            cells = _first_run(table, row, cells)[-1:]
        renewed = [(h, c) for h, c in cells if h is not None and _RENEWED.search(self.key, h.start, h.end)]
        for header, cell in renewed or cells:
            # "Thời hạn đã giao | Thời hạn mới" in an urging letter: the new one is due (genre g754)
            if _MARK.fullmatch(self.text, cell.start, cell.end) and header is not None:
                return self.timing.read_cell(header.start, header.end)
            return self.timing.read_cell(cell.start, cell.end)
        return Timing()

    def _redate_rows(self, table: Table, rows: list[Task], numbers: list[str]) -> None:
        """An urging letter's new deadlines for rows it names by number ("hoàn thành các nhiệm vụ
        tại các mục 1, 2 và 5 trước ngày 30/11/2026"): the rows take them, and the body clause
        that only re-dates them is no task of its own (genre g364)."""
        redating: list[tuple[int, int]] = []
        for match in _ROWS_REDATED.finditer(self.key):
            if any(row.start <= match.start() < row.end for row in table.rows):
                continue
            stop = _CLAUSE_END.search(self.key, match.end())  # the clause's end, no copy of the rest
            end = stop.start() if stop else len(self.key)
            timing = self.timing.read(match.end(), end)
            if timing.deadline is None:
                continue
            wanted = _row_numbers(match.group(1))
            for i, number in enumerate(numbers):
                if number in wanted:
                    rows[i].timing, rows[i].deadline_source = timing, "own"
                    kept = [t for t in rows[i].trace if not t.startswith("deadline:")]
                    rows[i].trace = [*kept, f"deadline: {timing.deadline_text!r} (a new date for the row)"]
            redating.append((match.start(), end))
        if redating:
            self.tasks = [t for t in self.tasks if not any(t.start <= s < t.end for s, _ in redating)]


def _merged_below(table: Table, row: Row, above: Row | None, merged_above: bool) -> bool:
    """Whether ``row``'s blank time cell is merged with the one above: the table's only time column,
    and another cell of the row blank where the row above has one filled (its lead, its "Cấp
    trình": cells merged down over several rows, genre g1137), or blank there too when the row above
    was itself merged; a row blank in its time cell alone has no deadline."""
    if above is None or not table.merged_blanks or table.roles.count("time") != 1:
        return False
    return any(
        role in _MERGED_DOWN
        and index < len(row.cells)
        and index < len(above.cells)
        and row.cells[index].end <= row.cells[index].start
        and (above.cells[index].end > above.cells[index].start or merged_above)
        for index, role in enumerate(table.roles)
    )


# The columns whose blank cell is merged with the one above: the lead, and a column of no role
# ("Cấp trình"); a blank partner cell only says the row has none.
_MERGED_DOWN = frozenset({"lead", None})


def _first_run(table: Table, row: Row, cells: list[tuple[Cell | None, Cell]]) -> list[tuple[Cell | None, Cell]]:
    """The marked time cells of ``row`` up to the first unmarked time column after them: the first
    stretch of adjacent quarters marked."""
    columns = [i for i, role in enumerate(table.roles) if role == "time"]
    filled = {row.cells[i] for i in columns if i < len(row.cells) and row.cells[i].end > row.cells[i].start}
    run: list[Cell] = []
    for i in columns:
        cell = row.cells[i] if i < len(row.cells) else None
        if cell in filled:
            run.append(cell)  # type: ignore[arg-type]
        elif run:
            break
    return [(h, c) for h, c in cells if c in run]


def _introduces(text: str, task: Task, table: Table) -> bool:
    """Whether ``task`` is the lead-in of ``table``: it ends with a colon, and only blank space
    parts it from the table's header."""
    return (
        task.end <= table.start
        and text[task.start : task.end].rstrip().endswith(":")
        and not text[task.end : table.start].strip()
    )


def _row_numbers(written: str) -> set[str]:
    """ "1, 2, 3 và 5" → {"1", "2", "3", "5"}; "1 - 4" and "1 đến 4" are ranges."""
    numbers: set[str] = set()
    for part in _ROW_NUMBER_BREAK.split(written):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] < bounds[1]:
            numbers.update(str(n) for n in range(bounds[0], bounds[1] + 1))
        else:
            numbers.update(str(n) for n in bounds)
    return numbers
