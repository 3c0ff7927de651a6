"""Bodies of tasks and of following them up: changes, review operations, reports, extensions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from chidao.messages import msg
from chidao.vocab import AgencyRole
from chidao.web.schemas.common import (
    Day,
    Key,
    Names,
    Note,
    NotNull,
    Recurrence,
    ShortText,
    Strict,
    TaskStatus,
    Text,
    TimingState,
    Version,
)


class TaskPublic(BaseModel):
    id: int
    document_id: int
    position: int
    text: str
    lead: list[str]
    coordinators: list[str]
    deadline: date | None
    deadline_text: str | None
    recurrence: str | None
    recurrence_text: str | None = Field(
        description=f"the words saying how often (“{msg('api_schemas.recurrence_example')}”), "
        "also when `recurrence` cannot name the period"
    )
    recurrence_day: str | None = Field(
        None, description="the day the rounds fall on: “25”, “15/12”, “20/q3”, “fri”, “wd3” (docs/recurring-rounds.md)"
    )
    recurrence_until: date | None = Field(None, description="the last day a round may fall on, when the text gives one")
    confidence: float | None = Field(
        ge=0, le=1, description="how sure extraction was of this task; null for tasks it did not propose"
    )
    doubts: list[str] = Field(description="why extraction is not sure, in Vietnamese, most telling first")
    doubt_codes: list[str] = Field(description="the same doubts as codes (lead_from_heading, deadline_unread, ...)")
    status: str
    timing_state: TimingState
    progress: int
    completed_on: date | None
    tracked: bool
    deleted: bool
    origin: str
    version: int


class AssignmentPublic(BaseModel):
    agency_id: int
    agency: str
    role: AgencyRole
    written: str | None


class AttachmentPublic(BaseModel):
    id: int
    filename: str
    media_type: str
    size: int


class ProgressReportPublic(BaseModel):
    id: int
    task_id: int
    kind: str
    percent: int | None
    note: str
    user_id: int | None
    agency_id: int | None
    created_at: datetime | None
    attachments: list[AttachmentPublic]
    round_on: date | None = Field(None, description="a recurring task's round the report is about (its due date)")


class ExtensionPublic(BaseModel):
    id: int
    task_id: int
    status: str
    original_deadline: date | None
    requested_deadline: date
    reason: str
    requested_by_id: int | None
    decided_by_id: int | None
    decided_at: datetime | None
    decision_note: str
    created_at: datetime | None


class AuditPublic(BaseModel):
    id: int
    at: datetime | None
    user_id: int | None
    entity: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class DocumentRef(BaseModel):
    id: int
    number: str | None
    title: str | None
    status: str


class TaskDetail(TaskPublic):
    span_start: int | None
    span_end: int | None
    proposed: dict[str, Any] | None
    document: DocumentRef
    assignments: list[AssignmentPublic]
    progress_reports: list[ProgressReportPublic]
    extensions: list[ExtensionPublic]
    history: list[AuditPublic]


class TaskFields(Strict):
    lead: Names | None = None
    coordinators: Names | None = None
    deadline: Day | None = None
    deadline_text: ShortText | None = None
    recurrence: Recurrence | None = None


class TaskCreate(TaskFields):
    text: Text


class TaskUpdate(TaskFields, NotNull):
    not_null = ("text", "lead", "coordinators", "status", "progress")
    version: Version
    text: Text | None = None
    status: TaskStatus | None = None
    progress: Annotated[int, Field(ge=0, le=100)] | None = None


class SplitPart(TaskFields, NotNull):
    not_null = ("lead", "coordinators")
    text: Text


class SplitRequest(Strict):
    parts: Annotated[list[SplitPart], Field(min_length=2, max_length=50)]
    version: Version | None = None


class MergeRequest(TaskFields, NotNull):
    not_null = ("lead", "coordinators")
    task_ids: Annotated[list[Key], Field(min_length=2, max_length=50)]
    text: Text | None = None


class ProgressCreate(Strict):
    kind: Literal["progress", "completion"] = "progress"
    percent: Annotated[int, Field(ge=0, le=100)] | None = None
    note: Note = ""


class ProgressResult(BaseModel):
    report: ProgressReportPublic
    task: TaskPublic


class ExtensionCreate(Strict):
    requested_deadline: Day
    reason: Note = ""


class ExtensionDecision(Strict):
    decision: Literal["approve", "refuse"]
    note: Note = ""


class ExtensionResult(BaseModel):
    extension: ExtensionPublic
    task: TaskPublic


class OccurrencePublic(BaseModel):
    due_on: date
    done_on: date | None
    timing_state: TimingState  # the round's own: a round reported after its due date is done_late
    progress: int = Field(0, description="the round's own progress (0-100)")
    current: bool = Field(False, description="the round the task's deadline and timing state are those of")


class OccurrenceList(BaseModel):
    task_id: int
    recurrence: str | None
    start: date = Field(serialization_alias="from")
    end: date = Field(serialization_alias="to")
    items: list[OccurrencePublic]
