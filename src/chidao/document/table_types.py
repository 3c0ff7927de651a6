"""The rows and cells a task table is read into (``chidao.document.tables``): spans into the
normalized text, one list of cells per row, each column's role."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    start: int
    end: int


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]
    group: bool = False  # "I | Nhóm nhiệm vụ về ...": a heading row, not a task
    # The second half of a doer cell wrapped onto a line of its own, out of its column ("Phối hợp:
    # Sở Tài chính" under "Chủ trì: UBND xã A;", genre g1075): read for the row's partners.
    partner_lines: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    start: int
    end: int
    roles: list[str | None]  # per column: content, lead, coordinators, time, or None (STT, monitor...)
    rows: list[Row] = field(default_factory=list)
    header: list[Cell] = field(default_factory=list)  # the header's cells
    merged_blanks: bool = True  # a blank lead cell is merged with the one above (False: nobody in it)

    @property
    def lead_groups(self) -> bool:
        """A table with no lead column whose rows stand under group rows that name their lead ("1.
        Sở Xây dựng" / "1.1 | Rà soát ..."): each row's lead is its group's (genre g933, g989)."""
        return "lead" not in self.roles and not self.schedule

    @property
    def schedule(self) -> bool:
        """A schedule of meetings ("Thời gian | Nội dung | Chủ trì | Thành phần | Địa điểm"): who
        chairs what and where, no task in any row (genre l10)."""
        return "schedule" in self.roles

    def cell(self, row: Row, role: str) -> Cell | None:
        """The cell of ``row`` that plays ``role``, if the table has such a column."""
        if role not in self.roles:
            return None
        index = self.roles.index(role)
        return row.cells[index] if index < len(row.cells) else None

    def time_cells(self, row: Row) -> list[tuple[Cell | None, Cell]]:
        """Each time column's header cell and ``row``'s cell in it, the filled ones: a plan by
        quarter has four ("Quý I | Quý II | ...", an "x" in the quarter of each task, genre g513)."""
        out = []
        for index, role in enumerate(self.roles):
            if role == "time" and index < len(row.cells) and row.cells[index].end > row.cells[index].start:
                out.append((self.header[index] if index < len(self.header) else None, row.cells[index]))
        return out
