"""Files received by the API: names, supported kinds, size checks, and the progress report body
(JSON, or a multipart form with attached files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from chidao.text.readers import SUPPORTED_EXTENSIONS, detect
from chidao.tracking.progress import Upload
from chidao.web.deps import SettingsDep
from chidao.web.downloads import detected_type, printable_name
from chidao.web.limits import MAX_ATTACHMENTS
from chidao.web.schemas import ProgressCreate

SUPPORTED = SUPPORTED_EXTENSIONS
SNIFFABLE = frozenset({"pdf", "docx", "html", "odt", "rtf", "image"})
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")


def clean_filename(raw: str | None, default: str = "upload") -> str:
    """The upload's base name (no folders), at most 300 characters, extension kept."""
    name = PurePosixPath(printable_name(raw or "").replace("\\", "/")).name.strip() or default
    if len(name) > 300:
        suffix = PurePosixPath(name).suffix[:20]
        name = name[: 300 - len(suffix)] + suffix
    return name


def unsupported(filename: str, data: bytes) -> str | None:
    """Why the file is not a kind chidao reads (None when it is, or its content says so)."""
    extension = PurePosixPath(filename).suffix.lower()
    if extension in SUPPORTED or detect.sniff(data) in SNIFFABLE:
        return None
    return (
        f"unsupported file type {extension or '(no extension)'}: send .txt, .md, .html, .docx, .doc, .odt, .rtf or .pdf"
    )


def too_large(what: str, limit: int) -> HTTPException:
    return HTTPException(413, f"{what} is larger than {limit} bytes")


@dataclass(frozen=True)
class ProgressInput:
    body: ProgressCreate
    uploads: list[Upload]


async def _attachment(file: UploadFile, limit: int) -> Upload:
    content = await file.read(limit + 1)
    name = clean_filename(file.filename, "attachment")
    if len(content) > limit:
        raise too_large(f"attachment {name!r}", limit)
    return Upload(filename=name, media_type=detected_type(content, name), content=content)


async def _form(request: Request, limit: int) -> tuple[dict[str, str], list[Upload]]:
    form = await request.form(max_files=MAX_ATTACHMENTS, max_fields=20)
    try:
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str) and v != ""}
        files = [v for k, v in form.multi_items() if k == "attachments" and not isinstance(v, str) and v.filename]
        return fields, [await _attachment(f, limit) for f in files]
    finally:
        await form.close()


async def _json(request: Request) -> object:
    try:
        return await request.json()
    except ValueError:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": "JSON decode error", "input": None}]
        ) from None


async def progress_input(request: Request, settings: SettingsDep) -> ProgressInput:
    """The report from a JSON body, or from a form whose files are the ``attachments`` field."""
    content_type = request.headers.get("content-type", "").lower()
    uploads: list[Upload] = []
    if content_type.startswith(_FORMS):
        data, uploads = await _form(request, settings.max_upload_bytes)
    elif content_type.startswith("application/json"):
        data = await _json(request)
    else:
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "send JSON or a multipart form")
    try:
        body = ProgressCreate.model_validate(data)
    except ValidationError as error:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)]
        raise RequestValidationError(errors) from None
    return ProgressInput(body=body, uploads=uploads)


ProgressInputDep = Annotated[ProgressInput, Depends(progress_input)]

_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "kind": {"type": "string", "enum": ["progress", "completion"], "default": "progress"},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100},
        "note": {"type": "string"},
        "attachments": {"type": "array", "items": {"type": "string", "format": "binary"}},
    },
}
PROGRESS_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ProgressCreate.model_json_schema()},
            "multipart/form-data": {"schema": _FORM_SCHEMA},
        },
    }
}
