"""Tables of the tracking store (SQLAlchemy 2). Migrations in ``migrations/`` create them.

Statuses, roles and kinds are stored as short English codes, the members of ``chidao.vocab``'s
enums (which also hold the Vietnamese labels the UI shows).
Every task row carries a ``version`` for optimistic locking: two people saving the same task
at once cannot silently overwrite each other.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chidao.vocab import DocumentStatus, ExtensionStatus, TaskOrigin, TaskStatus


class UTCDateTime(TypeDecorator):
    """A timestamp that always comes back timezone-aware (UTC).

    PostgreSQL keeps the zone; SQLite does not, and a naive datetime would serialize without an
    offset, which is not a valid RFC 3339 date-time in the API.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict: JSON, list: JSON}


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # folded name, for lookups and search
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    # Set when a reorganization ended the body (migration 0012): who took over its open tasks,
    # and from when. The row and its name stay: completed tasks remain attributed to it.
    successor_id: Mapped[int | None] = mapped_column(Integer)
    ended_on: Mapped[date | None] = mapped_column(Date)


class AgencyChange(Base):
    """One body's part in a reorganization: merged into, renamed to or ended, by which decision,
    from when, and how many open tasks and officers passed to the successor."""

    __tablename__ = "agency_changes"
    __table_args__ = (UniqueConstraint("agency_id", "reorganization", name="uq_agency_changes_agency_reorganization"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    kind: Mapped[str] = mapped_column(String(20))  # merge | rename | dissolve
    effective: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(300))
    reorganization: Mapped[str] = mapped_column(String(40))
    moved_tasks: Mapped[int] = mapped_column(Integer)
    moved_users: Mapped[int] = mapped_column(Integer)
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class User(Base):
    __tablename__ = "users"
    # An id is never given again after its user is deleted (SQLite would reuse the largest).
    __table_args__: ClassVar = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    # The username NFKC-normalized and case-folded: what must be unique, what a login looks up.
    username_key: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    password_hash: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    # Set when an admin gives a one-time password; only the password form is open until it changes.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    agency: Mapped[Agency | None] = relationship(lazy="joined")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LoginSession(Base):
    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoginFailure(Base):
    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text_hash: Mapped[str | None] = mapped_column(String(64), index=True)  # chidao.text.identity (0020)
    original: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(50))
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    place: Mapped[str | None] = mapped_column(String(100))
    doc_date: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    chair: Mapped[str | None] = mapped_column(String(200))
    signer: Mapped[str | None] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(String(300), index=True)  # cơ quan ban hành (migration 0019)
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")  # folded particulars
    is_directive: Mapped[bool] = mapped_column(Boolean, default=True)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=DocumentStatus.DRAFT.value, index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    tasks: Mapped[list[Task]] = relationship(back_populates="document", order_by="Task.position")
    passages: Mapped[list[UnassignedPassage]] = relationship(
        back_populates="document", order_by="UnassignedPassage.position"
    )


# The condition of the partial index of done tasks (migration 0009): queries repeat it verbatim.
DONE_TASK = "status = 'done' AND tracked AND NOT deleted AND completed_on IS NOT NULL"


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_tracked_deadline", "tracked", "status", "deadline"),
        Index("ix_tasks_document_position", "document_id", "position"),
        Index("ix_tasks_timing", "tracked", "deleted", "status", "deadline", "completed_on"),
        Index("ix_tasks_tracked_order", "tracked", "deleted", "deadline", "id"),
        Index(
            "ix_tasks_completed",
            "completed_on",
            "id",
            sqlite_where=text(DONE_TASK),
            postgresql_where=text(DONE_TASK),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(300))
    recurrence: Mapped[str | None] = mapped_column(String(20))
    # The words saying how often ("định kỳ 02 tuần/lần"), kept even when ``recurrence`` cannot say it.
    recurrence_text: Mapped[str | None] = mapped_column(String(300))
    # The day the rounds fall on, as extraction read it ("25", "15/12", "20/q3", "fri", "wd3"), and
    # the last day a round may fall on ("... đến hết năm 2026"); see tracking/rounds.py.
    recurrence_day: Mapped[str | None] = mapped_column(String(16))
    recurrence_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=TaskStatus.ASSIGNED.value)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    completed_on: Mapped[date | None] = mapped_column(Date)
    tracked: Mapped[bool] = mapped_column(Boolean, default=False)  # confirmed and not deleted
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(20), default=TaskOrigin.EXTRACTED.value)  # a TaskOrigin
    proposed: Mapped[dict | None] = mapped_column(JSON)  # what extraction proposed, for review statistics
    # How sure extraction was of what it proposed (0..1) and why not more: [{"code", "label"}],
    # most telling first, labels as extraction wrote them. None on tasks extraction did not assess
    # (added, split or merged in review, or stored before migration 0011).
    confidence: Mapped[float | None] = mapped_column(Float)
    doubts: Mapped[list | None] = mapped_column(JSON)
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now(), onupdate=func.now())

    document: Mapped[Document] = relationship(back_populates="tasks")
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="task", cascade="all, delete-orphan", lazy="selectin", order_by="Assignment.position"
    )

    __mapper_args__: ClassVar = {"version_id_col": version}


class UnassignedPassage(Base):
    """A passage of a document's body that uses an assignment verb ("giao", "yêu cầu", ...) yet
    gave no task, with extraction's reason. A clerk may make it a task (``task_id``); it is then
    no longer listed as unassigned."""

    __tablename__ = "unassigned_passages"
    __table_args__ = (Index("ix_unassigned_passages_document", "document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    verb: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(40))  # a code of data/vi/review.toml [unassigned]
    label: Mapped[str] = mapped_column(String(300))  # its Vietnamese words, as extraction wrote them
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    document: Mapped[Document] = relationship(back_populates="passages")


class Assignment(Base):
    """An agency's role in a task: lead (chủ trì) or coordinator (phối hợp)."""

    __tablename__ = "task_agencies"
    __table_args__ = (
        UniqueConstraint("task_id", "agency_id", "role"),
        Index("ix_task_agencies_agency_role", "agency_id", "role", "task_id"),
        Index("ix_task_agencies_open", "agency_id", "task_open", "task_deadline", "task_id", "role"),
        Index("ix_task_agencies_overdue", "role", "task_open", "task_deadline", "agency_id"),
        Index("ix_task_agencies_documents", "agency_id", "document_id", "task_status"),
        Index(
            "ix_task_agencies_by_deadline", "agency_id", "task_deadline", "task_id", "task_status", "task_late", "role"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[str] = mapped_column(String(20))
    written: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Copies of the task's state, kept by database triggers (migration 0002), so that "this agency's
    # overdue tasks" and "overdue tasks per agency" are index range scans instead of joins.
    task_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    task_deadline: Mapped[date | None] = mapped_column(Date)
    # The task's status while tracked and not deleted, and whether it was finished late (migration 0008).
    task_status: Mapped[str | None] = mapped_column(String(20))
    task_late: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # The task's document (migration 0010): an agency's documents are an index range.
    document_id: Mapped[int | None] = mapped_column(Integer)

    task: Mapped[Task] = relationship(back_populates="assignments")
    agency: Mapped[Agency] = relationship(lazy="joined")


class ProgressReport(Base):
    __tablename__ = "progress_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    kind: Mapped[str] = mapped_column(String(20))  # a ReportKind
    percent: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    round_on: Mapped[date | None] = mapped_column(Date)  # a recurring task's round it reports on (its due date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())

    attachments: Mapped[list[Attachment]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Extension(Base):
    """A request to move a deadline; the original deadline stays in history."""

    __tablename__ = "extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    original_deadline: Mapped[date | None] = mapped_column(Date)
    requested_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=ExtensionStatus.PENDING.value)  # an ExtensionStatus
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class Occurrence(Base):
    """One dated round of a recurring task ("báo cáo hằng tháng" → one per month)."""

    __tablename__ = "occurrences"
    __table_args__ = (UniqueConstraint("task_id", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # of this round, 0..100


class AuditEntry(Base):
    """Append-only history: who changed what, when, from what to what."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
