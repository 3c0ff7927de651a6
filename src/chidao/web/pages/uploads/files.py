"""Several notices uploaded through the page form, queued one by one with the API's own steps
(same size limit, same type check; the queue's reader and dedupe by content hash after).

A file refused before queuing (too large, empty, of a kind chidao does not read) is reported
with a Vietnamese reason and leaves nothing behind, while the others are queued as usual.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from urllib.parse import quote

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from chidao.messages import msg
from chidao.tracking.documents import document_refs, task_counts
from chidao.tracking.ingest_queue import JobInfo
from chidao.tracking.read_failures import READ_FAILURES as READ_FAILURES
from chidao.tracking.read_failures import UNREADABLE as UNREADABLE
from chidao.tracking.read_failures import read_reason as read_reason
from chidao.web.upload_queue import queue_upload
from chidao.web.uploads import clean_filename, unsupported

log = logging.getLogger("chidao.web.pages")
FRESH = timedelta(minutes=2)  # a status page seen this soon after the reading moves on to the review
ACCEPTED = ".docx,.doc,.odt,.rtf,.pdf,.html,.htm,.txt,.md,.png,.jpg,.jpeg,.tif,.tiff"


@dataclass(frozen=True)
class UploadOutcome:
    """What became of one file: "queued" (its ``job``) or "error" (with ``reason`` and ``message``)."""

    filename: str
    status: str
    job: JobInfo | None = None
    reason: str = ""
    message: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "error"


def size_label(size: int) -> str:
    """A size as people read it: "256 KB", "20 MB" (decimal comma, the Vietnamese way)."""
    if size >= 1024 * 1024:
        value, unit = size / (1024 * 1024), "MB"
    elif size >= 1024:
        value, unit = size / 1024, "KB"
    else:
        return f"{size} byte"
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} {unit}"


def chosen_files(values: list[object]) -> list[UploadFile]:
    """The files of the form field; a browser sends one nameless empty part when none was chosen."""
    return [v for v in values if isinstance(v, UploadFile) and (v.filename or v.size)]


def _refused(filename: str, reason: str, message: str, detail: str = "") -> UploadOutcome:
    return UploadOutcome(filename=filename, status="error", reason=reason, message=message, detail=detail)


def _precheck(filename: str, data: bytes, limit: int) -> UploadOutcome | None:
    """The checks that need no reader, in the API's order of importance: size, emptiness, type."""
    if len(data) > limit:
        return _refused(filename, "too_large", msg("upload.refused.too_large", limit=size_label(limit)))
    if not data.strip():
        return _refused(filename, "empty", msg("upload.refused.empty"))
    if unsupported(filename, data):
        extension = PurePosixPath(filename).suffix.lower() or msg("upload.refused.no_extension")
        message = msg("upload.refused.unsupported", extension=extension)
        return _refused(filename, "unsupported", message)
    return None


def queue_one(
    request: Request, session: Session, upload: UploadFile, limit: int, user_id: int, confirm: bool
) -> UploadOutcome:
    """Check one file and queue it (committed), or say why not (nothing written)."""
    filename = clean_filename(upload.filename)
    data = upload.file.read(limit + 1)
    refused = _precheck(filename, data, limit)
    if refused:
        return refused
    job = queue_upload(request, session, filename, data, user_id, confirm)
    return UploadOutcome(filename=filename, status="queued", job=job)


@dataclass(frozen=True)
class JobLinks:
    """Where a finished upload leads: its document (review while a draft) and how many tasks."""

    href: str
    draft: bool
    task_count: int


def job_links(session: Session, job: JobInfo) -> JobLinks | None:
    if job.document_id is None:
        return None
    document = document_refs(session, [job.document_id]).get(job.document_id)
    if document is None:
        return None
    draft = document.status == "draft"
    href = f"/documents/{document.id}/review" if draft else f"/documents/{document.id}"
    count = task_counts(session, [document.id]).get(document.id, 0)
    return JobLinks(href=href, draft=draft, task_count=count)


def fresh_review(job: JobInfo, links: JobLinks | None) -> str:
    """The review a just-read new draft's status page moves on to by itself (empty: it stays)."""
    if job.status != "done" or links is None or not links.draft or job.finished_at is None:
        return ""
    if datetime.now(UTC) - job.finished_at > FRESH:
        return ""
    message = msg("upload.read_review", filename=job.filename, count=links.task_count)
    return f"{links.href}?msg={quote(message)}"
