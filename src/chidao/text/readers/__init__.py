"""Readers: a file on disk → its raw text in reading order, or one clear ReadError.

Dispatch is by extension checked against the content: a ".pdf" that is not a PDF is refused,
a file without a known extension is sniffed.
"""

from __future__ import annotations

from pathlib import Path

from chidao.text.readers.docx import docx_to_text
from chidao.text.readers.errors import ReadError
from chidao.text.readers.html import charset_of, html_to_text
from chidao.text.readers.pdf import pdf_to_text
from chidao.text.readers.plain import decode

__all__ = ["MAX_BYTES", "ReadError", "read_bytes", "read_text"]

MAX_BYTES = 50 * 1024 * 1024
_TEXT = {".txt", ".md", ".markdown", ".text", ""}
_HTML = {".html", ".htm", ".xhtml"}


def _sniff(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    head = data[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head or b"<body" in head:
        return ".html"
    return ".txt"


def read_bytes(data: bytes, name: str) -> str:
    """Raw text of a document given its bytes and file name (for uploads)."""
    if not data.strip():
        raise ReadError(name, "file is empty")
    suffix = Path(name).suffix.lower()
    if suffix not in _TEXT | _HTML | {".docx", ".pdf"}:
        sniffed = _sniff(data)
        if sniffed == ".txt" and suffix in (".doc", ".xls", ".xlsx", ".ppt", ".odt", ".rtf", ".zip", ".exe"):
            raise ReadError(name, f"unsupported file type {suffix}")
        suffix = sniffed
    if suffix == ".pdf":
        return pdf_to_text(data, name)
    if suffix == ".docx":
        return docx_to_text(data, name)
    if suffix in _HTML:
        try:
            markup = data.decode(charset_of(data), errors="strict")
        except (LookupError, UnicodeDecodeError):
            markup = decode(data, name)
        return html_to_text(markup)
    if data.startswith((b"%PDF-", b"PK\x03\x04")):
        raise ReadError(name, f"not a text file (looks like {_sniff(data)[1:].upper()})")
    return decode(data, name)


def read_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Raw text of the document at ``path`` (not yet normalized), or ReadError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReadError(path, "is a directory")
        if size > max_bytes:
            raise ReadError(path, f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, f"cannot open ({exc.strerror})") from None
    return read_bytes(data, str(path))
