"""The part of a report that gives work: a report tells results and proposes upwards, so it is
not read for tasks, except where its issuer hands its own units work under a lead-in ("III.
NHIỆM VỤ THỜI GIAN TỚI ... đồng thời giao các đơn vị thuộc Sở thực hiện các nhiệm vụ sau:",
genre g323), and its "TỔ CHỨC THỰC HIỆN" section. Those are read as a directive's would be,
without what the issuer says it will do itself; the rest of the report stays unread, its
annex's table too unless a task read points to it ("giao các sở ... thực hiện các nhiệm vụ tại Phụ lục", genre g1577).

A People's Council's supervision report is the other way round: its "IV. KIẾN NGHỊ" part tells the
bodies the Council oversees what to do ("2. Đối với Ủy ban nhân dân tỉnh: - Chỉ đạo rà soát ...",
genre g1258); what it asks of higher bodies is left out as any proposal upward is (rule 10).
"""

from __future__ import annotations

import re

from chidao.document import Layout
from chidao.document.outline import Node
from chidao.extract.cues import cues
from chidao.extract.tasks import Context, TaskCutter
from chidao.extract.vocabulary import sections

_CUES = cues("assignment_cues.toml")
_LEAD_IN = _CUES["report_assigning_lead_in"]
_PROPOSAL = _CUES["report_proposal_before"]
_TO_ANNEX = cues("task_cues.toml")["urge_annex"]  # "... tại Phụ lục"


def read_report(cutter: TaskCutter, layout: Layout, key: str) -> None:
    """Cut the parts of a report that give work (see above) into ``cutter``'s tasks."""
    root = Context(timing=cutter.document_timing(layout.outline))
    commissioned = commissioned_parts(layout.outline, key)
    for part in commissioned:
        cutter.walk(part, root)
    walked = {id(child) for part in commissioned for child in part.children}
    for part in recommending_parts(layout.outline, key, sections().organizing):  # "V. TỔ CHỨC THỰC HIỆN"
        if not any(id(child) in walked for child in part.children):
            cutter.walk(part, root)
    if cutter.reader.place.council:  # a People's Council's supervision report: its recommendations
        for part in recommending_parts(layout.outline, key, sections().recommending):
            cutter.walk(part, root)
    _drop_own_work(cutter)
    if any(_TO_ANNEX.search(key, task.start, task.end) for task in cutter.tasks):
        for table in layout.tables:
            cutter.table(table, root)


def _drop_own_work(cutter: TaskCutter) -> None:
    """No task of what a report says its issuer will do itself ("Sở Y tế tiếp tục phối hợp ..." in
    the department's report, the items under its own name): its plans, not work it hands out."""
    reader = cutter.reader
    kept = []
    for task in cutter.tasks:
        if task.leads and all(reader.is_issuer(m) or reader.is_organ(m) for m in task.leads):
            cutter.skip(task.start, "narration")
        else:
            kept.append(task)
    cutter.tasks = kept


def commissioned_parts(outline: Node, key: str) -> list[Node]:
    """Pseudo-roots, each holding an assigning lead-in and the items after it in its section."""
    parts: list[Node] = []
    _collect(outline, key, parts)
    return parts


def _collect(node: Node, key: str, parts: list[Node]) -> None:
    for index, child in enumerate(node.children):
        paragraph = child.paragraph
        if paragraph is not None and _assigns(key, paragraph.body, paragraph.end):
            parts.append(Node(None, node.children[index:]))
            return  # the rest of this section is read from the lead-in on
        _collect(child, key, parts)


def _assigns(key: str, start: int, end: int) -> bool:
    """Whether the paragraph's last sentence gives work by an assigning verb, not proposing it."""
    paragraph = key[start:end].rstrip()
    opening = max(paragraph.rfind(". ", 0, len(paragraph) - 1), paragraph.rfind("; ", 0, len(paragraph) - 1)) + 1
    sentence = paragraph[opening:]
    found = _LEAD_IN.search(sentence)
    return found is not None and not _PROPOSAL.search(sentence, 0, found.start())


def recommending_parts(outline: Node, key: str, heads: re.Pattern[str]) -> list[Node]:
    """Pseudo-roots, each holding the items under a heading that ``heads`` matches in full
    ("IV. KIẾN NGHỊ", "V. ĐỀ XUẤT, KIẾN NGHỊ")."""
    parts: list[Node] = []
    stack = [outline]
    while stack:
        node = stack.pop()
        for child in node.children:
            paragraph = child.paragraph
            if paragraph is not None and child.children and heads.match(key[paragraph.body : paragraph.end].strip()):
                parts.append(Node(None, child.children))
            else:
                stack.append(child)
    return sorted(parts, key=lambda part: part.children[0].paragraph.start)  # type: ignore[union-attr]
