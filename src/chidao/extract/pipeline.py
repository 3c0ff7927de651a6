"""The extraction pipeline: its stages and their order, declared once.

text → normalize (text layer) → layout (document layer) → agencies, tasks,
deadlines, recurrence (this layer) → the result dict of the jsonl contract.
Each stage can note what it decided; ``chidao extract --trace`` prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from chidao.document import Layout, parse_layout
from chidao.document.lexicon import lexicon
from chidao.extract.agencies import AgencyReader, Place
from chidao.extract.registry import alternation
from chidao.extract.tasks import Context, Task, TaskCutter
from chidao.extract.timing import TimingReader
from chidao.text import NormalizedText, match_key, normalize

# Headings of sections that assess or describe, where items are not tasks (a lead-in that
# ends with "sau:" inside them turns tasks back on, as in VPCP notices).
_INACTIVE_HEADINGS = [
    "đánh giá chung",
    "đánh giá",
    "tình hình",
    "kết quả",
    "mục đích",
    "mục đích, yêu cầu",
    "yêu cầu",
    "đối tượng",
    "phạm vi",
    "bối cảnh",
    "tồn tại",
    "một số tồn tại",
    "hạn chế",
    "khó khăn",
    "nguyên nhân",
    "căn cứ",
    "sự cần thiết",
    "quan điểm",
    "nội dung, hình thức",
    "hình thức",
    "thời gian thực hiện",
    "kinh phí thực hiện",
    "đối tượng, phạm vi",
    "về tình hình",
]


@cache
def _inactive_heads() -> re.Pattern[str]:
    pattern = alternation(_INACTIVE_HEADINGS).pattern
    return re.compile(pattern + r"(?:[\s:.]*$|\s*(?:chung|\d|của|trong|năm|[-–:,]))")


@dataclass
class Extraction:
    """What the pipeline read from one document."""

    normalized: NormalizedText
    layout: Layout
    tasks: list[Task]
    trace: list[str] = field(default_factory=list)

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
            },
            "tasks": [_task_dict(task, text) for task in self.tasks],
        }


def _task_dict(task: Task, text: str) -> dict[str, Any]:
    timing = task.timing
    return {
        "text": text[task.start : task.end],
        "span": [task.start, task.end],
        "lead": [m.name for m in task.leads],
        "lead_written": [m.written for m in task.leads],
        "coordinators": [m.name for m in task.coordinators],
        "coordinators_written": [m.written for m in task.coordinators],
        "deadline": timing.deadline.isoformat() if timing.deadline else None,
        "deadline_text": timing.deadline_text,
        "deadline_span": list(timing.span) if timing.span else None,
        "recurrence": timing.recurrence,
    }


def extract(raw: str) -> Extraction:
    """Run every stage on the raw text of one document."""
    normalized = normalize(raw)
    text = normalized.text
    key = match_key(text)
    layout = parse_layout(text)
    place = Place(province=layout.province, subject=layout.subject, subject_kind=layout.subject_kind)
    reader = AgencyReader(text, key, place)
    timing = TimingReader(text, key, doc_date=layout.header.date, year=layout.header.year)
    cutter = TaskCutter(reader, timing, _inactive_heads())
    if layout.header.doc_type not in lexicon().non_directive_types:
        cutter.walk(layout.outline, Context())
    tasks = sorted(cutter.tasks, key=lambda t: t.start)
    return Extraction(normalized, layout, tasks)


def extract_text(text: str) -> dict[str, Any]:
    """The jsonl object of ``chidao extract`` for one document, without ``source``."""
    return extract(text).to_dict()
