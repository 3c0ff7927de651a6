"""The extraction pipeline: its stages and their order, declared once.

text → normalize (text layer) → layout (document layer) → agencies, tasks,
deadlines, recurrence (this layer) → the result dict of the jsonl contract.
Each stage can note what it decided; ``chidao extract --trace`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chidao.data import load_toml
from chidao.document import Layout, informs_only, is_commenting, is_schedule, parse_layout, print_marks, unbox
from chidao.document.lexicon import lexicon
from chidao.extract.agencies import AgencyReader, Mention, Place
from chidao.extract.confidence import Assessment, assess
from chidao.extract.cues import cues
from chidao.extract.higher_bodies import is_higher
from chidao.extract.issuer_keys import issuer_key, organ_keys
from chidao.extract.quotations import quoted_spans
from chidao.extract.redating import date_from_below, drop_annex_pointer, drop_done, redate_overdue, redate_within
from chidao.extract.registry import phrase_key, registry
from chidao.extract.report_parts import read_report
from chidao.extract.succession import Successor, successors
from chidao.extract.tasks import Context, Task, TaskCutter
from chidao.extract.timing import TimingReader
from chidao.extract.unassigned import Unassigned, find_unassigned
from chidao.extract.vocabulary import sections
from chidao.text import NormalizedText, match_key, normalize
from chidao.text.readers.ocr import OcrPage

_ASSIGNING_OPENING = cues("assignment_cues.toml")["assigning_opening"]
_ASSIGNING_HEADING = cues("assignment_cues.toml")["assigning_heading"]


@dataclass
class Extraction:
    """What the pipeline read from one document."""

    normalized: NormalizedText
    layout: Layout
    tasks: list[Task]
    trace: list[str] = field(default_factory=list)
    unassigned: list[Unassigned] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)  # one per task, same order
    ocr: tuple[OcrPage, ...] = ()  # the pages read by OCR from a scan, for the clerk to check

    @property
    def is_directive(self) -> bool:
        return bool(self.tasks)

    def to_dict(self) -> dict[str, Any]:
        header = self.layout.header
        text = self.normalized.text
        return {
            "document": {
                "doc_type": header.doc_type,
                "number": header.number,
                "place": header.place,
                "date": header.date.isoformat() if header.date else None,
                "title": header.title,
                "chair": self.layout.chair,
                "signer": self.layout.signer,
                "is_directive": self.is_directive,
                "issuer": self.layout.issuer,
                "meeting_date": self.layout.meeting_date.isoformat() if self.layout.meeting_date else None,
                "signature": self.layout.signature,
                "recipients": self.layout.recipients,
                **({"ocr": [page.to_dict() for page in self.ocr]} if self.ocr else {}),
            },
            "tasks": [_task_dict(task, text, a) for task, a in zip(self.tasks, self.assessments, strict=True)],
            "unassigned": [passage.to_dict(text) for passage in self.unassigned],
            "successors": {name: s.to_dict() for name, s in self.successors().items()},
        }

    def successors(self) -> dict[str, Successor]:
        """The bodies the tasks name that a reorganization had ended by the document's date."""
        names = [m.name for task in self.tasks for m in (*task.leads, *task.coordinators)]
        return successors(names, self.layout.header.date)


def _task_dict(task: Task, text: str, assessment: Assessment) -> dict[str, Any]:
    timing = task.timing
    start, end = task.start, task.end
    return {
        "text": text[start:end],
        "span": [start, end],
        "lead": [m.name for m in task.leads],
        "lead_written": [m.written for m in task.leads],
        "coordinators": [m.name for m in task.coordinators],
        "coordinators_written": [m.written for m in task.coordinators],
        "deadline": timing.deadline.isoformat() if timing.deadline else None,
        "deadline_text": timing.deadline_text,
        "deadline_span": list(timing.span) if timing.span else None,
        "recurrence": timing.recurrence,
        "recurrence_text": timing.recurrence_text,
        "recurrence_day": timing.recurrence_day,
        "recurrence_until": timing.recurrence_until.isoformat() if timing.recurrence_until else None,
        "confidence": assessment.confidence,
        "doubts": assessment.labels,
    }


# How the issuer is named as a lead (layout.toml [issuer]); what opens a group lead (review.toml).
_ISSUER = load_toml("layout.toml")["issuer"]
_GROUP_OPENINGS = tuple(load_toml("review.toml")["unusual_lead"]["group_openings"])


def _unusual(task: Task) -> bool:
    """A lead that is only a head word or a title with no body ("Trưởng Ban", "Ủy ban")."""
    reg = registry()
    for mention in task.leads:
        words = mention.name.split()
        if phrase_key(mention.name) in reg.bodies:
            continue
        if (
            len(words) <= 2
            and not any(w[:1].isupper() for w in words[1:])
            and not mention.name.startswith(_GROUP_OPENINGS)
        ):
            return True
        if len(words) > 14:
            return True
    return False


def _lead_offset(task: Task) -> int:
    """Where the task's text first names a lead (-1: it names none, the lead is inherited)."""
    offsets = [m.start - task.start for m in task.leads if m.start >= task.start]
    return min(offsets) if offsets else -1


def _assess(task: Task, text: str, key: str, doc_date: Any, reader: TimingReader) -> Assessment:
    timing = task.timing
    own = task.deadline_source == "own"
    return assess(
        text=text[task.start : task.end],
        key=key[task.start : task.end],
        leads=[m.name for m in task.leads],
        coordinators=[m.name for m in task.coordinators],
        lead_source=task.lead_source,
        lead_offset=_lead_offset(task),
        deadline=timing.deadline,
        deadline_text=timing.deadline_text,
        deadline_source=task.deadline_source,
        recurrence=timing.recurrence,
        recurrence_text=timing.recurrence_text,
        marked=task.marked,
        doc_date=doc_date,
        unusual_lead=_unusual(task),
        deadlines_found=reader.count_deadlines(task.start, task.end) if own else None,
    )


def _sorted_tasks(cutter: TaskCutter) -> list[Task]:
    """The cutter's tasks in the text's order, a letter's one addressee named in full."""
    # a line in capitals is a heading or a signature's title ("CHÁNH VĂN PHÒNG"), never a task (g1105, g1159)
    tasks = sorted((t for t in cutter.tasks if not _in_capitals(cutter.text, t)), key=lambda t: t.start)
    if len(cutter.letter_addressees) == 1:
        _addressee_in_full(tasks, cutter.letter_addressees[0])
    return tasks


def _in_capitals(text: str, task: Task) -> bool:
    """Whether the task's text has letters, none of them lowercase."""
    words = text[task.start : task.end]
    return any(c.isalpha() for c in words) and not any(c.islower() for c in words)


def _addressee_in_full(tasks: list[Task], addressee: Mention) -> None:
    """A letter to "Ủy ban nhân dân tỉnh Quảng Ninh" that asks "Ủy ban nhân dân tỉnh ..." names its
    one addressee short: the lead is the addressee as the letter names it (genre g331)."""
    full = addressee.name.lower()
    for task in tasks:
        if any(full.startswith(f"{m.name.lower()} ") for m in task.leads):
            task.leads = [addressee if full.startswith(f"{m.name.lower()} ") else m for m in task.leads]


def _visited(reader: AgencyReader, layout: Layout) -> list[Mention]:
    """Rule 16: a Government Office notice of a working visit to one province, addressed to no one,
    gives the province's committee the items that name no actor ("1. Rà soát, cập nhật ...")."""
    if not layout.national or not layout.subject or layout.subject_kind not in _ISSUER["visited_kinds"]:
        return []
    title = (layout.header.title or "").lower()
    if layout.header.doc_type != _ISSUER["notice_doc_type"] or not any(w in title for w in _ISSUER["visit_words"]):
        return []  # "... tại cuộc họp với các địa phương về Dự án ... Ninh Bình - Hải Phòng": no visit
    kind = _ISSUER["city_kind" if layout.subject_kind == "city" else "province_kind"]
    name = f"{_ISSUER['committee_lead']} {kind} {layout.subject}"
    at = max(0, layout.header.body_start - 1)
    return [Mention(at, at, name, reader.canonical(name))]


def _addressees(reader: AgencyReader, layout: Layout) -> list[Mention]:
    """The bodies a letter's "Kính gửi:" names, when they can lead items that name no actor."""
    found: list[Mention] = []
    for start, end in layout.addressees:
        mentions, _ = reader.read_list(start, lenient=True, limit=end)
        found.extend(m for m in mentions if m.name.lower() not in {f.name.lower() for f in found})
    return found


def _unwrapped(key: str, layout: Layout) -> str:
    """The match key with the line breaks inside a paragraph read as spaces.

    A notice printed to PDF or pasted from one is wrapped at any word ("chủ trì, phối\nhợp với
    Bộ ..."); the rules read words, so a wrap must not break a phrase. Breaks between
    paragraphs stay: they end a clause. Same length as ``key``.
    """
    if "\n" not in key:
        return key
    parts: list[str] = []
    pos = 0
    for paragraph in layout.read_paragraphs:
        if paragraph.start < pos:
            continue
        inner = key[paragraph.start : paragraph.end]
        if "\n" in inner.rstrip("\n"):
            parts.append(key[pos : paragraph.start])
            for mark_start, mark_end in print_marks(key, paragraph.start, paragraph.end):
                # a browser's "https://... 2/3" and "12/12/2026 10:47 <title>" inside a paragraph
                start, stop = mark_start - paragraph.start, mark_end - paragraph.start
                inner = inner[:start] + " " * (stop - start) + inner[stop:]
            body = inner.rstrip("\n")
            parts.append(body.replace("\n", " ") + inner[len(body) :])
            pos = paragraph.end
    parts.append(key[pos:])
    return "".join(parts)


def _read(cutter: TaskCutter, reader: AgencyReader, layout: Layout, key: str) -> str:
    """Walk what the document's kind has tasks in; returns why the rest is left unread ("not_read"
    in a directive, "non_directive" in a report, a submission or minutes)."""
    if (
        layout.header.doc_type not in lexicon().non_directive_types
        and not is_commenting(layout.header)
        and not informs_only(key, layout.read_paragraphs)
    ):
        # A province writes to the centre to propose or report: the Prime Minister or a ministry is
        # given nothing by what names no actor (rules 10 and 16; genre g687).
        addressees = [m for m in _addressees(reader, layout) if reader.place.national or not is_higher(m)]
        # Rule 16: a letter to one body gives it the items that name no actor; a letter to
        # several names no one for them ("Việc xử lý tài sản phải bảo đảm ...").
        lent = addressees if len(addressees) == 1 else []
        cutter.letter_addressees = addressees
        # A letter to several bodies gives them, all together, its items that open with an action
        # and name no actor ("1. Khẩn trương cắm biển cảnh báo ..."), as an item's lead falls back
        # to the one before it; a statement ("Việc xử lý ... phải bảo đảm ...") stays no task.
        # So does a national notice of a working visit to one province, addressed to no one (rule 16).
        several = addressees if len(addressees) > 1 else _visited(reader, layout) if not addressees else []
        root = Context(timing=cutter.document_timing(layout.outline), addressee=lent, fallback=several)
        cutter.root_fallback = several
        cutter.walk(layout.outline, root)
        if layout.annex is not None:
            cutter.walk(layout.annex, root)
        for table in layout.tables:
            cutter.table(table, root)
        _drop_quoted(cutter, key)
        if layout.header.doc_type in lexicon().agenda_types or is_schedule(layout.header):
            cutter.tasks = [t for t in cutter.tasks if _opens_assigning(key, t.start) or _handed_out(key, t.start)]
        return "not_read"
    if layout.header.doc_type in lexicon().reports_with_assignments:
        read_report(cutter, layout, key)
    return "non_directive"


def _drop_quoted(cutter: TaskCutter, key: str) -> None:
    """No task of what the document quotes from an earlier one (``quotations``, genre g954)."""
    spans = quoted_spans(key)
    if not spans:
        return
    kept = []
    for task in cutter.tasks:
        if any(a <= task.start < b for a, b in spans):
            cutter.skip(task.start, "quoted")
        else:
            kept.append(task)
    cutter.tasks = kept


def _opens_assigning(key: str, pos: int) -> bool:
    """Whether the item at ``pos`` opens by assigning ("Giao Sở Công Thương chuẩn bị ..."), perhaps
    after a short label of its own ("5. Chuẩn bị nội dung: Giao Sở Công Thương ...", genre g1217)."""
    if _ASSIGNING_OPENING.match(key, pos):
        return True
    colon = key.find(":", pos, pos + 40)
    label = key[pos:colon] if colon >= 0 else ""
    if not label or "\n" in label:
        return False
    return _ASSIGNING_OPENING.match(key, colon + 1 + (key[colon + 1 : colon + 2] == " ")) is not None


def _handed_out(key: str, pos: int) -> bool:
    """Whether the item at ``pos`` is under an invitation's "Phân công chuẩn bị ...:" heading: the
    last line before it that ends with a colon is that heading."""
    line_end = key.rfind("\n", 0, pos)
    while line_end > 0:
        line_start = key.rfind("\n", 0, line_end) + 1
        line = key[line_start:line_end].strip()
        if line.endswith(":"):
            return _ASSIGNING_HEADING.match(line) is not None
        if pos - line_start > 1500:
            return False
        line_end = line_start - 1
    return False


# Item markers that are words of the task's text: "Nhiệm vụ 1: Hoàn thành ..." (genre g535).
_LABEL_KINDS = frozenset({"task_no"})


def _running(layout: Layout) -> bool:
    """Running text (a news item): no kind, number nor date in a header (rule 10)."""
    header = layout.header
    return header.doc_type is None and header.number is None and header.date is None


def _inspection(layout: Layout) -> bool:
    """An inspection's conclusion ("KẾT LUẬN THANH TRA", or "KẾT LUẬN" / "Thanh tra việc ...")."""
    kind, title = layout.header.doc_type or "", (layout.header.title or "").lower()
    if kind in _ISSUER["recommending_kinds"]:
        return True
    return kind == _ISSUER["recommending_plain_kind"] and title.startswith(tuple(_ISSUER["recommending_titles"]))


def extract(raw: str) -> Extraction:
    """Run every stage on the raw text of one document."""
    normalized = normalize(unbox(raw))  # same length: offsets still map to the raw text
    text = normalized.text
    layout = parse_layout(text)
    lowered = text.lower()  # for the match key and the deadline grammar: the text is lowercased once
    key = _unwrapped(match_key(text, lowered), layout)
    council = (
        layout.header.doc_type == _ISSUER["council_doc_type"]
        and _ISSUER["council"] in text[: layout.header.body_start + 400]
    ) or (layout.issuer or "").upper().startswith(tuple(_ISSUER["council_issuers"]))
    place = Place(
        province=layout.province,
        subject=layout.subject,
        subject_kind=layout.subject_kind,
        council=council,
        issuer=issuer_key(layout.issuer),
        national=layout.national,
        organ=organ_keys(layout.issuer),
        title=layout.header.title or "",
        running=_running(layout),
    )
    reader = AgencyReader(text, key, place)
    reader.prime_references()
    reader.prime_defined()
    # A date without a year takes the year of the document's date; with no date (a blank day or
    # month), none (ANNOTATION.md, deadlines in detail).
    doc_date = layout.header.date
    timing = TimingReader(text, key, doc_date=doc_date, year=doc_date.year if doc_date else None, lowered=lowered)
    recommends = council or _inspection(layout)  # its "Kiến nghị" goes down to the bodies it oversees
    cutter = TaskCutter(reader, timing, sections().inactive_council if recommends else sections().inactive)
    cutter.sentences = place.running
    cutter.paragraph_starts = {p.body for p in layout.read_paragraphs}
    cutter.label_starts = {p.body: p.start for p in layout.read_paragraphs if p.kind in _LABEL_KINDS}
    default = _read(cutter, reader, layout, key)
    tasks = redate_within(redate_overdue(_sorted_tasks(cutter), reader, timing, doc_date), timing, doc_date)
    tasks = drop_annex_pointer(date_from_below(tasks, reader, timing), reader.key)
    tasks = drop_done(tasks, reader.key, cutter.skip)
    unassigned = find_unassigned(
        key, layout.read_paragraphs, [(t.start, t.end) for t in tasks], cutter.skipped, cutter.used, default=default
    )
    assessments = [_assess(task, text, key, layout.header.date, timing) for task in tasks]
    return Extraction(normalized, layout, tasks, unassigned=unassigned, assessments=assessments)


def extract_text(text: str) -> dict[str, Any]:
    """The jsonl object of ``chidao extract`` for one document, without ``source``."""
    return extract(text).to_dict()
