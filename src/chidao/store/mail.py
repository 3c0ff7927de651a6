"""Tables of reminders and e-mail (migration 0015): who receives digests, what was built for
which day, what was sent, and who may send.

- ``agency_contacts``: an agency's contact addresses (its officers' digest goes to each);
- ``user_contacts``: a clerk's or a leader's own address;
- ``mail_optouts``: an address that asked for no more of one kind of digest;
- ``mail_outbox``: one row per recipient, kind and day; the unique key makes building a day's
  digests idempotent, the row's state makes sending it once;
- ``mail_runs``: the days whose digests were built (a missed day is caught up once);
- ``job_leases``: who holds the right to send (one worker, one host at a time);
- ``mail_settings``: the reminder policy's overrides and the key that signs preference links.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from chidao.store.models import Base, UTCDateTime

EMAIL_LENGTH = 254  # RFC 5321's longest forward path


class AgencyContact(Base):
    __tablename__ = "agency_contacts"
    __table_args__ = (UniqueConstraint("agency_id", "email", name="uq_agency_contacts_agency_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class UserContact(Base):
    __tablename__ = "user_contacts"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_LENGTH))


class MailOptOut(Base):
    __tablename__ = "mail_optouts"

    email: Mapped[str] = mapped_column(String(EMAIL_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # a DigestKind
    at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class OutboxMail(Base):
    __tablename__ = "mail_outbox"
    __table_args__ = (
        UniqueConstraint("recipient", "kind", "day", name="uq_mail_outbox_recipient_kind_day"),
        Index("ix_mail_outbox_state", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    kind: Mapped[str] = mapped_column(String(20))  # a DigestKind
    day: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | sending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class MailRun(Base):
    __tablename__ = "mail_runs"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    mails: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class JobLease(Base):
    __tablename__ = "job_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MailSetting(Base):
    __tablename__ = "mail_settings"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
