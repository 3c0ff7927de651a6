"""The pages' form layer: reading submitted fields as text, checked here with messages in
Vietnamese (FastAPI's own form validation would answer in English, with a bare 422), and the
one error type every page form refuses with (``FormError``: the task page's forms and the
review's alike).

``check_csrf`` has already parsed the body (Starlette keeps the parsed form on the request), so
``PageForm`` hands the same form to the route and closes its temporary files afterwards.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData, UploadFile

from chidao.messages import msg
from chidao.tracking.numbers import MAX_KEY, in_calendar, whole_number
from chidao.tracking.progress import Upload
from chidao.web.downloads import detected_type
from chidao.web.limits import MAX_ATTACHMENTS
from chidao.web.pages.formats import filesize
from chidao.web.uploads import clean_filename

MAX_NOTE = 10_000


class FormError(Exception):
    """A field the user must correct: ``message`` is one Vietnamese sentence shown at the form,
    ``status_code`` what the page answers with (422, or 413 for a file too large, 409 for a
    task no longer open to the change)."""

    def __init__(self, message: str, status_code: int = 422) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


async def read_form(request: Request) -> AsyncIterator[FormData]:
    """The parsed form (cached on the request by the CSRF check); its spooled files are closed after."""
    form = await request.form()
    try:
        yield form
    finally:
        await form.close()


PageForm = Annotated[FormData, Depends(read_form)]


def text_field(form: FormData, name: str, *, limit: int = MAX_NOTE) -> str:
    """A text field, trimmed; missing (or a file where text was expected) reads as empty."""
    value = form.get(name)
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > limit:
        raise FormError(msg("forms.too_long", limit=limit))
    return text


def version_field(form: FormData) -> int:
    """The task version the form was built from; without it nothing can be saved safely."""
    found = whole_number(text_field(form, "version", limit=12), 0, MAX_KEY)
    if found is None:
        raise FormError(msg("forms.no_version"))
    return found


def percent_field(form: FormData, *, required: bool) -> int | None:
    """A progress percentage, 0 to 100 (None when optional and empty)."""
    raw = text_field(form, "percent", limit=5)
    if not raw:
        if required:
            raise FormError(msg("forms.progress_missing"))
        return None
    found = whole_number(raw, 0, 100)
    if found is None:
        raise FormError(msg("forms.progress_invalid"))
    return found


def date_field(form: FormData, name: str, label: str) -> date:
    """A date from a date input (yyyy-mm-dd) or typed as Vietnamese write it (dd/mm/yyyy)."""
    raw = text_field(form, name, limit=20)
    if not raw:
        raise FormError(msg("forms.date_missing", label=label))
    try:
        found = read_day(raw)
        if found is None:
            raise ValueError(raw)
        return found
    except ValueError:
        raise FormError(msg("forms.date_invalid", label=label[:1].upper() + label[1:])) from None


def choice_field(form: FormData, name: str, allowed: dict[str, str], label: str) -> str:
    """One of the ``allowed`` codes (a select or a button's value), never anything else."""
    raw = text_field(form, name, limit=40)
    if raw not in allowed:
        raise FormError(msg("forms.choice_invalid", label=label))
    return raw


def uploads_field(form: FormData, name: str, max_bytes: int) -> list[Upload]:
    """The files of a file input; an empty input (no file chosen) gives none."""
    files = [v for v in form.getlist(name) if isinstance(v, UploadFile) and v.filename]
    if len(files) > MAX_ATTACHMENTS:
        raise FormError(msg("forms.too_many_files", count=MAX_ATTACHMENTS))
    uploads = []
    for file in files:
        content = file.file.read(max_bytes + 1)
        filename = clean_filename(file.filename, "tep-dinh-kem")
        if len(content) > max_bytes:
            raise FormError(msg("forms.file_too_large", filename=filename, limit=filesize(max_bytes)), 413)
        uploads.append(Upload(filename=filename, media_type=detected_type(content, filename), content=content))
    return uploads


def done(url: str, message: str) -> RedirectResponse:
    """Post/Redirect/Get: back to ``url`` with the message shown once at the top of the page."""
    return RedirectResponse(f"{url}?msg={quote(message)}", status_code=303)


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


def read_day(raw: str) -> date | None:
    """A date from a date input (yyyy-mm-dd) or typed by hand (dd/mm/yyyy) where the browser has
    no date picker; None when empty. ValueError when it is neither."""
    raw = raw.strip()
    if not raw:
        return None
    found = _DMY.fullmatch(raw)
    if found:
        day, month, year = (int(g) for g in found.groups())
        result = date(year, month, day)
    elif raw.isascii():
        result = date.fromisoformat(raw)
    else:
        raise ValueError(f"not a date: {raw!r}")
    if not in_calendar(result):
        raise ValueError(f"out of range: {raw!r}")
    return result
