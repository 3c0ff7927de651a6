"""Uploading notices (clerks and admins): one or several files through the API's own steps; one
new draft goes straight to its review, several get a line each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from chidao.web.deps import CsrfChecked, PageStaff, SessionDep, SettingsDep
from chidao.web.limits import MAX_UPLOAD_FILES
from chidao.web.pages.templating import render
from chidao.web.pages.upload_files import ACCEPTED, chosen_files, size_label, store_one

router = APIRouter()


@dataclass(frozen=True)
class UploadRequest:
    files: list[UploadFile]
    confirm: bool


async def upload_request(request: Request) -> UploadRequest:
    """The chosen files and the "confirm at once" box (the form is parsed once, by the CSRF check)."""
    form = await request.form()
    files = chosen_files([value for key, value in form.multi_items() if key == "files"])
    return UploadRequest(files=files, confirm=form.get("confirm") in ("1", "on", "true"))


def _upload_page(request: Request, limit: int, error: str = "", code: int = 200) -> Response:
    context = {"title": "Tải văn bản lên", "error": error, "accepted": ACCEPTED}
    context.update(max_files=MAX_UPLOAD_FILES, max_size=size_label(limit))
    return render(request, "upload.html", context, status_code=code)


@router.get("/documents/upload")
def upload_form(request: Request, user: PageStaff, settings: SettingsDep) -> Response:
    return _upload_page(request, settings.max_upload_bytes)


@router.post("/documents/upload", dependencies=[CsrfChecked])
def upload_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: PageStaff,
    form: Annotated[UploadRequest, Depends(upload_request)],
) -> Response:
    """Store each file on its own; one new draft goes straight to its review, otherwise a report."""
    limit = settings.max_upload_bytes
    if not form.files:
        return _upload_page(request, limit, "Hãy chọn ít nhất một tệp để tải lên.", 422)
    if len(form.files) > MAX_UPLOAD_FILES:
        return _upload_page(request, limit, f"Mỗi lần chỉ tải được tối đa {MAX_UPLOAD_FILES} tệp.", 422)
    outcomes = [store_one(session, f, limit, user.id, form.confirm) for f in form.files]
    only = outcomes[0]
    if len(outcomes) == 1 and only.status == "created" and not form.confirm and only.document:
        message = f"Đã tải lên {only.filename}: trích xuất được {only.task_count} nhiệm vụ. Hãy rà soát."
        return RedirectResponse(f"/documents/{only.document.id}/review?msg={quote(message)}", status.HTTP_303_SEE_OTHER)
    context = {"title": "Kết quả tải lên", "outcomes": outcomes, "confirm": form.confirm}
    return render(request, "upload_result.html", context, status_code=200 if any(o.ok for o in outcomes) else 422)
