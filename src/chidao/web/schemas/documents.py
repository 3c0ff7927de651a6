"""Bodies of documents and statistics."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from chidao.messages import msg
from chidao.vocab import DocumentStatus
from chidao.web.schemas.common import Day, Strict
from chidao.web.schemas.tasks import TaskPublic


class DocumentSummary(BaseModel):
    id: int
    filename: str
    media_type: str
    status: DocumentStatus
    doc_type: str | None
    number: str | None
    place: str | None
    doc_date: date | None
    title: str | None
    chair: str | None
    signer: str | None
    issuer: str | None = None  # cơ quan ban hành
    is_directive: bool
    created_at: datetime | None
    confirmed_at: datetime | None
    task_count: int


class PassagePublic(BaseModel):
    """A passage of the document's text that uses an assignment verb but gave no task."""

    id: int
    document_id: int
    text: str
    span_start: int = Field(description="offset of the passage in the document's text")
    span_end: int
    verb: str = Field(description=f"the assignment verb found ({msg('api_schemas.verbs')}, ...)")
    reason: str = Field(description="why it gave no task, as a code (inactive_section, no_agency, closing, ...)")
    why: str = Field(description="the same reason in Vietnamese")
    task_id: int | None = Field(description="the task a clerk made of it; null while it is unassigned")
    taken_at: datetime | None


class DocumentDetail(DocumentSummary):
    details_version: str = Field(description="fingerprint of the particulars, to send back when correcting them")
    missing: list[str] = Field(description="particulars a document should have and lacks: number, doc_date")
    text: str
    meta: dict[str, Any]
    tasks: list[TaskPublic]
    unassigned: list[PassagePublic] = Field(
        description="passages that assign work by their words but gave no task (and were not made tasks since)"
    )


class UploadResult(DocumentDetail):
    created: bool


class IngestJobPublic(BaseModel):
    """An upload in the queue: ``status`` is queued, running, done, duplicate (of the stored
    ``document_id``) or failed (``error`` says why, in Vietnamese; ``reason`` is the reader's
    failure code and ``detail`` its own words)."""

    id: int
    filename: str
    size: int
    status: Literal["queued", "running", "done", "duplicate", "failed"]
    status_label: str = Field(description="the status in Vietnamese, as the upload page shows it")
    confirm: bool
    document_id: int | None
    reason: str | None
    error: str | None
    detail: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    url: str = Field(description="this job in the API")
    page: str = Field(description="the upload's status page")


def _words(limit: int) -> Any:
    return Annotated[str, StringConstraints(strip_whitespace=True, max_length=limit)] | None


class DocumentDetailsUpdate(Strict):
    """The particulars to correct; a field left out stays, one sent as null or "" is cleared."""

    version: str | None = Field(
        None, max_length=64, description="details_version as read; another one answers 409 (optional)"
    )
    number: _words(100) = Field(None, description=f"{msg('api_schemas.number')} (e.g. 125/TB-UBND)")
    doc_date: Day | None = Field(None, description=msg("api_schemas.doc_date"))
    doc_type: _words(50) = Field(
        None, description=f"{msg('api_schemas.doc_type')} ({msg('api_schemas.doc_types')}, ...)"
    )
    place: _words(100) = Field(None, description=msg("api_schemas.place"))
    title: _words(2000) = Field(None, description=msg("api_schemas.title"))
    chair: _words(200) = Field(None, description=msg("api_schemas.chair"))
    signer: _words(200) = Field(None, description=msg("api_schemas.signer"))


# Statistics


class AgencyOverdue(BaseModel):
    agency_id: int
    agency: str
    overdue: int


class Stats(BaseModel):
    total: int
    by_timing_state: dict[str, int]
    by_status: dict[str, int]
    overdue_by_agency: list[AgencyOverdue]
    rounds_done: dict[str, int] = Field(
        default_factory=dict, description="rounds of recurring tasks reported done: done_on_time, done_late"
    )
    today: date
    due_soon_until: date


class FieldStats(BaseModel):
    changed: int
    unchanged: int
    share_changed: float


class ExtractionStats(BaseModel):
    documents: int
    tasks: int
    proposed: int
    counts: dict[str, int]
    shares: dict[str, float]
    fields: dict[str, FieldStats]
