"""What a reader's failure means for a clerk, in Vietnamese: its kind (how the upload pages file
it: "empty", "unreadable", "unsupported", "too_large", "failed") and message, by the reader's
code. Shared by the upload pages and the upload queue, whose failed jobs keep the message."""

from __future__ import annotations

from chidao.messages import msg
from chidao.text import ReadError
from chidao.text.readers.errors import Failure

UNREADABLE = msg("tracking.read_failures.unreadable")
# What a reader's failure means for the clerk: its kind (how the result page files it) and
# message (the catalogue's ``tracking.read_failures.<code>``), by the reader's code. Codes not
# listed (a file too large for the reader, which the size check before it already refuses; the
# path errors of the command line) get UNREADABLE.
_KINDS: dict[Failure, str] = {
    Failure.EMPTY: "empty",
    Failure.NO_TEXT: "empty",
    Failure.NO_TEXT_LAYER: "unreadable",
    Failure.GARBLED: "unreadable",
    Failure.PDF_TOO_LONG: "too_large",
    Failure.PDF_PAGE_TOO_DENSE: "too_large",
    Failure.ENCRYPTED: "unreadable",
    Failure.LEGACY_ENCODING: "unreadable",
    Failure.UNSUPPORTED_TYPE: "unsupported",
    Failure.UNKNOWN_ENCODING: "unreadable",
    Failure.DOCX_TOO_LARGE: "too_large",
    Failure.DOCX_TOO_MANY_PARTS: "too_large",
    Failure.DOCX_COMPRESSION: "unreadable",
    Failure.DOCX_UNSAFE_XML: "unreadable",
    Failure.DOCX_XML_LIMIT: "unreadable",
    Failure.PDF_TOO_MUCH_TEXT: "too_large",
    Failure.HTML_TOO_LARGE: "too_large",
    Failure.HTML_TOO_COMPLEX: "too_large",
    Failure.NEEDS_MEMORY: "too_large",
    Failure.NEEDS_TIME: "too_large",
    Failure.READER_CRASHED: "unreadable",
    Failure.BUSY: "failed",
    Failure.NO_CONVERTER: "unsupported",
    Failure.CONVERSION_FAILED: "unreadable",
    Failure.NO_OCR: "unsupported",
    Failure.TOO_MANY_TASKS: "too_large",
    Failure.WRONG_TYPE: "unreadable",
    Failure.BINARY: "unreadable",
    Failure.INVALID_TEXT: "unreadable",
    Failure.CORRUPT: "unreadable",
}
READ_FAILURES: dict[Failure, tuple[str, str]] = {
    failure: (kind, msg(f"tracking.read_failures.{failure.value}")) for failure, kind in _KINDS.items()
}


def read_reason(error: ReadError) -> tuple[str, str]:
    """The kind ("empty", "unreadable", "unsupported", "too_large") and Vietnamese message of a
    read failure, by its code."""
    return READ_FAILURES.get(error.code, ("unreadable", UNREADABLE))
