"""The two exceptions of the readers: one for callers, one between the readers and ``read_text``.

Each carries a ``code`` (a ``Failure``) beside its English ``reason``: the reason is the line the
CLI and the API print, the code is what a caller that words failures its own way (the pages, in
Vietnamese) looks up, so that nobody has to match the start of an English sentence (issue 9).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Failure(StrEnum):
    """Why a file could not be read, one code per kind of refusal."""

    EMPTY = "empty"  # no bytes but white space
    NO_TEXT = "no_text"  # a well-formed HTML page or DOCX with no words
    NO_TEXT_LAYER = "no_text_layer"  # a scanned PDF
    GARBLED = "garbled"  # a PDF whose fonts map glyphs to the wrong letters
    PDF_TOO_LONG = "pdf_too_long"
    PDF_PAGE_TOO_DENSE = "pdf_page_too_dense"
    PDF_TOO_MUCH_TEXT = "pdf_too_much_text"  # every page within its cap, the whole past its own
    ENCRYPTED = "encrypted"  # password-protected, or an old encrypted .doc
    LEGACY_ENCODING = "legacy_encoding"  # TCVN3/VNI and other pre-Unicode Vietnamese
    UNKNOWN_ENCODING = "unknown_encoding"
    INVALID_TEXT = "invalid_text"  # bytes that break the encoding they declare
    BINARY = "binary"  # a text file that is not text
    UNSUPPORTED_TYPE = "unsupported_type"
    WRONG_TYPE = "wrong_type"  # the content is not what the extension says
    CORRUPT = "corrupt"
    DOCX_TOO_LARGE = "docx_too_large"  # once uncompressed (a ZIP bomb)
    DOCX_TOO_MANY_PARTS = "docx_too_many_parts"  # an archive of thousands of members
    DOCX_COMPRESSION = "docx_compression"  # a part packed tighter than any real document (a ZIP bomb)
    DOCX_UNSAFE_XML = "docx_unsafe_xml"  # a DTD or entity declarations, which Word never writes
    DOCX_XML_LIMIT = "docx_xml_limit"  # XML nested deeper, or a text longer, than the XML parser allows
    HTML_TOO_LARGE = "html_too_large"
    HTML_TOO_COMPLEX = "html_too_complex"  # too many tags to build a tree of
    NEEDS_MEMORY = "needs_memory"  # the worker reading the file ran out of its memory
    NEEDS_TIME = "needs_time"  # the worker reading the file ran out of its CPU or wall-clock time
    READER_CRASHED = "reader_crashed"  # the worker reading the file died (a parser's crash)
    BUSY = "busy"  # every worker slot stayed taken while the file waited
    TOO_LARGE = "too_large"
    NO_FILE = "no_file"
    NOT_A_FILE = "not_a_file"  # a directory, a device, a pipe
    PERMISSION_DENIED = "permission_denied"
    CANNOT_OPEN = "cannot_open"
    INVALID_NAME = "invalid_name"
    NO_CONVERTER = "no_converter"  # a .doc/.odt/.rtf, and LibreOffice is not installed
    CONVERSION_FAILED = "conversion_failed"  # LibreOffice could not convert the .doc/.odt/.rtf
    NO_OCR = "no_ocr"  # a scan or an image, and Tesseract (or its Vietnamese model) is not installed
    TOO_MANY_TASKS = "too_many_tasks"  # read fine, but assigns more tasks than one document may hold


class ReadError(Exception):
    """A file that cannot be read as a document; ``reason`` is one line for the user, ``code``
    the kind of failure."""

    def __init__(self, path: str | Path, reason: str, code: Failure) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.code = code


class Unreadable(Exception):
    """Raised by a format reader, which sees only bytes; ``read_text`` adds the path.

    Keeping the path out of the format readers lets them be called (and tested) on bytes.
    """

    def __init__(self, reason: str, code: Failure) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
