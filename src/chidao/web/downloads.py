"""Sending stored files (report attachments, original notices) back, by the API and the pages.

The files were uploaded by users, so they are always sent as downloads, never shown inline on
this site's origin: a crafted HTML or SVG attachment must not run as a page of the site. Their
type is what the bytes are (``detected_type``), never what the uploader's browser claimed, and
their name goes into the header encoded (RFC 6266 / RFC 5987): quotes, NUL, newlines and other
control characters can neither break the header nor drop the connection.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote

from fastapi.responses import Response

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OCTETS = "application/octet-stream"
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_PACKAGES = {".docx": DOCX, ".xlsx": XLSX, ".pptx": PPTX}
_TEXT = frozenset({".txt", ".text", ".md", ".markdown", ".csv"})
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9 !#$&+,.=@^_`{}~()\[\]-]")


def detected_type(content: bytes, filename: str) -> str:
    """The media type of ``content`` as chidao reads it: PDF, the common images, Office
    packages (a ZIP, named by its extension), UTF-8 plain text; anything else (HTML, SVG, scripts,
    unknown bytes) is ``application/octet-stream``, which no browser renders."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    extension = PurePosixPath(filename).suffix.lower()
    if content.startswith(b"PK\x03\x04"):
        return _PACKAGES.get(extension, "application/zip")
    if extension in _TEXT and b"\x00" not in content[:4096]:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return OCTETS
        return "text/plain; charset=utf-8"
    return OCTETS


def printable_name(raw: str) -> str:
    """``raw`` without control or format characters (NUL, newlines, bidi overrides, zero-width
    marks), NFC; what is left of it may be empty."""
    text = unicodedata.normalize("NFC", raw)
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")).strip()


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback name and the UTF-8 name (RFC 5987 ``filename*``)."""
    name = printable_name(filename) or "tep"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _UNSAFE_ASCII.sub("_", ascii_name).strip() or "tep"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def download(content: bytes, filename: str) -> Response:
    """``content`` as an attachment named ``filename``, its type detected from the bytes."""
    headers = {
        "Content-Disposition": content_disposition(filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
    }
    return Response(content, media_type=detected_type(content, filename), headers=headers)
