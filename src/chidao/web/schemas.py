"""Request and response bodies of the API, kept apart from the database models.

``*Create`` and ``*Update`` are what clients send, ``*Public`` what they get back. Updates
tell "not sent" from "sent as null" through pydantic's ``model_fields_set``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

TaskStatus = Literal["assigned", "in_progress", "done", "paused", "cancelled"]
Recurrence = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]
TimingState = Literal["not_due", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline"]
Role = Literal["admin", "clerk", "agency", "viewer"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]
Names = Annotated[list[Name], Field(max_length=50)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NotNull(Strict):
    """Fields listed in ``not_null`` may be left out, but not sent as null."""

    not_null: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _check_nulls(self) -> Any:
        for name in self.not_null:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self, *exclude: str) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.model_fields_set if k not in exclude}


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int


# Users and sessions


class UserPublic(BaseModel):
    id: int
    username: str
    role: Role
    agency_id: int | None
    agency: str | None
    is_active: bool


class UserCreate(Strict):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    role: Role
    password: Annotated[str, StringConstraints(min_length=8, max_length=200)] | None = None
    agency: Name | None = Field(None, description="agency name (for role agency); or give agency_id")
    agency_id: int | None = None


class UserUpdate(NotNull):
    not_null = ("role", "is_active")
    role: Role | None = None
    agency: Name | None = None
    agency_id: int | None = None
    password: Annotated[str, StringConstraints(min_length=8, max_length=200)] | None = None
    is_active: bool | None = None


class LoginRequest(Strict):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class LoginResponse(BaseModel):
    user: UserPublic
    csrf_token: str


class Me(BaseModel):
    user: UserPublic
    auth: Literal["token", "session"]
    csrf_token: str | None = None


# Agencies


class AgencyPublic(BaseModel):
    id: int
    name: str
    aliases: list[str]


class AgencyCounts(BaseModel):
    lead: int
    coordinator: int
    overdue_as_lead: int


class AgencyDetail(AgencyPublic):
    tasks: AgencyCounts


class AgencyUpdate(NotNull):
    not_null = ("name", "aliases")
    name: Name | None = None
    aliases: Names | None = None


# Tasks


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
    role: Literal["lead", "coordinator"]
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
    deadline: date | None = None
    deadline_text: ShortText | None = None
    recurrence: Recurrence | None = None


class TaskCreate(TaskFields):
    text: Text


class TaskUpdate(TaskFields, NotNull):
    not_null = ("text", "lead", "coordinators", "status", "progress")
    version: int = Field(description="the version you read; a different current version answers 409")
    text: Text | None = None
    status: TaskStatus | None = None
    progress: Annotated[int, Field(ge=0, le=100)] | None = None


class SplitPart(TaskFields, NotNull):
    not_null = ("lead", "coordinators")
    text: Text


class SplitRequest(Strict):
    parts: Annotated[list[SplitPart], Field(min_length=2, max_length=50)]
    version: int | None = None


class MergeRequest(TaskFields, NotNull):
    not_null = ("lead", "coordinators")
    task_ids: Annotated[list[int], Field(min_length=2, max_length=50)]
    text: Text | None = None


class ProgressCreate(Strict):
    kind: Literal["progress", "completion"] = "progress"
    percent: Annotated[int, Field(ge=0, le=100)] | None = None
    note: Note = ""


class ProgressResult(BaseModel):
    report: ProgressReportPublic
    task: TaskPublic


class ExtensionCreate(Strict):
    requested_deadline: date
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
    timing_state: TimingState


class OccurrenceList(BaseModel):
    task_id: int
    recurrence: str | None
    start: date = Field(serialization_alias="from")
    end: date = Field(serialization_alias="to")
    items: list[OccurrencePublic]


# Documents


class DocumentSummary(BaseModel):
    id: int
    filename: str
    media_type: str
    status: Literal["draft", "confirmed"]
    doc_type: str | None
    number: str | None
    place: str | None
    doc_date: date | None
    title: str | None
    chair: str | None
    signer: str | None
    is_directive: bool
    created_at: datetime | None
    confirmed_at: datetime | None
    task_count: int


class DocumentDetail(DocumentSummary):
    text: str
    meta: dict[str, Any]
    tasks: list[TaskPublic]


class UploadResult(DocumentDetail):
    created: bool


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
