"""Readers: a file on disk → its raw text in reading order, one paragraph per line.

``read_text`` is the only door: it checks the file (exists, regular, not too large, not
empty), picks a reader from the extension checked against the content (``detect``), and
turns every failure — including a parser's own exception on a corrupt file — into one
``ReadError`` whose ``reason`` is a single line for the user. Normalization (NFC, spaces,
markdown) is the next step's job (``chidao.text.normalize``), not the readers'.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chidao.text.readers import detect, legacy, ocr
from chidao.text.readers.docx import read_docx
from chidao.text.readers.errors import Failure, ReadError, Unreadable
from chidao.text.readers.html import read_html
from chidao.text.readers.ocr import OcrPage
from chidao.text.readers.office import read_office
from chidao.text.readers.pdf import read_pdf
from chidao.text.readers.plain import read_plain

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "OcrPage",
    "ReadError",
    "Reading",
    "read_bytes",
    "read_file",
    "read_text",
    "read_upload",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# The file names chidao reads (the web's uploads, ``chidao ingest DIR``); content decides the reader.
SUPPORTED_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".doc", ".odt", ".rtf"}
    | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
)
_READERS: dict[str, Callable[[bytes], str]] = {
    detect.PLAIN: read_plain,
    detect.HTML: read_html,
    detect.DOCX: read_docx,
    detect.PDF: read_pdf,
    detect.OFFICE: read_office,
}
_NO_TEXT = {
    detect.PLAIN: ("file is empty", Failure.EMPTY),
    detect.HTML: ("no text in the HTML page", Failure.NO_TEXT),
    detect.DOCX: ("the document has no text", Failure.NO_TEXT),
    detect.PDF: ("no text layer (scanned image?); OCR it first", Failure.NO_TEXT_LAYER),
    detect.OFFICE: ("the document has no text", Failure.NO_TEXT),
    detect.IMAGE: ("no text found by OCR in the image", Failure.NO_TEXT),
}
_LABEL = {
    detect.PLAIN: "text",
    detect.HTML: "HTML",
    detect.DOCX: "DOCX",
    detect.PDF: "PDF",
    detect.OFFICE: "Word",
    detect.IMAGE: "image",
}
_WORD_CHAR = re.compile(r"\w")
_SCANNED = (Failure.NO_TEXT_LAYER,)  # a PDF whose text is OCR's to read (a garbled layer is still refused)


@dataclass(frozen=True)
class Reading:
    """A document's raw text, and how it was read: ``ocr`` holds the pages read by OCR (with
    Tesseract's confidence), empty when the file had its text; OCR text is for the clerk to check."""

    text: str
    ocr: tuple[OcrPage, ...] = ()

    @property
    def confidence(self) -> float | None:
        """The lowest page confidence of an OCR reading (0-100), None for a text document."""
        return min(page.confidence for page in self.ocr) if self.ocr else None


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the raw text of the document at ``path`` (not yet normalized).

    Raises ``ReadError`` — and nothing else — when the file cannot be read as a document.
    """
    return read_file(path, max_bytes=max_bytes).text


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Reading:
    """``read_text`` with how the text was read (OCR pages and their confidence)."""
    path = Path(path)
    try:
        return _read(_load(path, max_bytes), path.suffix.lower())
    except Unreadable as error:
        raise ReadError(path, error.reason, error.code) from None


def read_bytes(data: bytes, name: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Like ``read_text`` for a document received as bytes (an upload) under the file ``name``.

    ``name`` gives the extension to check the content against, and the ``ReadError``'s path.
    """
    return read_upload(data, name, max_bytes=max_bytes).text


def read_upload(data: bytes, name: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Reading:
    """``read_bytes`` with how the text was read (OCR pages and their confidence)."""
    try:
        if len(data) > max_bytes:
            raise Unreadable(f"file too large ({_size(len(data))} > {_size(max_bytes)})", Failure.TOO_LARGE)
        return _read(data, Path(name).suffix.lower())
    except Unreadable as error:
        raise ReadError(name, error.reason, error.code) from None


def _read(data: bytes, extension: str) -> Reading:
    """The text of ``data`` by the reader its extension and content call for, or ``Unreadable``."""
    if not data.strip():
        raise Unreadable("file is empty", Failure.EMPTY)
    kind = detect.choose_reader(extension, data)
    try:
        if kind == detect.IMAGE:
            return _scanned(ocr.ocr_image_file(data), kind)
        try:
            text = _READERS[kind](data)
        except Unreadable as error:
            if kind != detect.PDF or error.code not in _SCANNED:
                raise
            return _scanned(_ocr_pdf(data, error), kind, refusal=error)
    except (Unreadable, MemoryError):  # out of memory is not corrupt: the worker's limit says so
        raise
    except Exception as error:  # a parser's surprise on a corrupt file must not become a traceback
        raise Unreadable(f"corrupt or unreadable {_LABEL[kind]} file ({_describe(error)})", Failure.CORRUPT) from None
    if not text.strip():
        raise Unreadable(*_NO_TEXT[kind])
    return Reading(_unicode(text))


def _ocr_pdf(data: bytes, refusal: Unreadable) -> ocr.OcrText:
    """OCR of a PDF without a text layer; a PDF whose pages PDFium cannot render keeps its refusal."""
    try:
        return ocr.ocr_pdf(data)
    except (Unreadable, MemoryError):
        raise
    except Exception:  # PDFium's error on a page it cannot load: nothing a scan would have
        raise refusal from None


def _scanned(found: ocr.OcrText, kind: str, refusal: Unreadable | None = None) -> Reading:
    """An OCR reading, or the refusal that called for it when OCR found no words either."""
    if len(_WORD_CHAR.findall(found.text)) < max(20, 5 * len(found.pages)):  # the PDF reader's own bar
        if refusal is not None and found.pages:
            raise Unreadable("no text layer, and OCR found no text on its scanned pages", Failure.NO_TEXT_LAYER)
        raise refusal or Unreadable("no text found by OCR in the image", Failure.NO_TEXT)
    return Reading(found.text, found.pages)


def _unicode(text: str) -> str:
    """``text`` with its lines typed in TCVN3 or VNI converted (a whole file, or paragraphs of a
    mixed one); refused when what remains still looks legacy."""
    name = legacy.legacy_signature(text)
    if name is None:
        return text
    converted = legacy.convert(text, name)
    still = legacy.legacy_encoding(converted)
    if still is not None:
        raise Unreadable(legacy.legacy_reason(still), Failure.LEGACY_ENCODING)
    return converted


def _load(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after the checks that need no content (kind of file, size)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("is a directory, not a file", Failure.NOT_A_FILE)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file", Failure.NOT_A_FILE)
        if info.st_size > max_bytes:
            raise Unreadable(f"file too large ({_size(info.st_size)} > {_size(max_bytes)})", Failure.TOO_LARGE)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise Unreadable("no such file", Failure.NO_FILE) from None
    except PermissionError:
        raise Unreadable("permission denied", Failure.PERMISSION_DENIED) from None
    except IsADirectoryError:
        raise Unreadable("is a directory, not a file", Failure.NOT_A_FILE) from None
    except OSError as error:
        raise Unreadable(f"cannot open ({error.strerror or error})", Failure.CANNOT_OPEN) from None
    except ValueError:  # e.g. a NUL byte in the path
        raise Unreadable("invalid file name", Failure.INVALID_NAME) from None
    if len(data) > max_bytes:
        raise Unreadable(f"file too large (> {_size(max_bytes)})", Failure.TOO_LARGE)
    return data


def _size(count: int) -> str:
    """A byte count for a message: "50 MB", "1.5 MB", "12 KB", "300 bytes"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _describe(error: Exception) -> str:
    """The exception's type and the first line of its message, short enough for one line."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text if len(text) <= 100 else text[:97] + "..."
