"""Sending stored files (report attachments, original notices) back to the browser.

The files were uploaded by users, so they are always sent as downloads, never shown inline on
this site's origin: a crafted HTML or SVG attachment must not run as a page of the site.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import Response


def download(content: bytes, filename: str, media_type: str) -> Response:
    """``content`` as an attachment named ``filename`` (UTF-8 names kept, RFC 5987)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "").replace("?", "_") or "tep"
    headers = {
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
    }
    return Response(content, media_type=media_type or "application/octet-stream", headers=headers)
