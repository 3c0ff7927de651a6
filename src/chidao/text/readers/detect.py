"""Which reader a file needs: its extension, checked against what its bytes really are.

Files are renamed, mis-saved and downloaded without extensions, so the extension alone is
not trusted: a ".pdf" that is really text is refused with a reason saying so instead of
failing deep inside a parser, and a file with an unknown extension is sniffed.
"""

from __future__ import annotations

import io
import re
import zipfile

from chidao.text.readers import archive
from chidao.text.readers.errors import Failure, Unreadable

PLAIN, HTML, DOCX, PDF, OFFICE, IMAGE = "plain", "html", "docx", "pdf", "office", "image"
OFFICE_KINDS = frozenset({"ole", "odt", "rtf"})  # what ``sniff`` calls the files LibreOffice converts
_BY_EXTENSION = {
    "": PLAIN,
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": PLAIN,
    ".markdown": PLAIN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".docx": DOCX,
    ".pdf": PDF,
    ".doc": OFFICE,
    ".odt": OFFICE,
    ".rtf": OFFICE,
    ".png": IMAGE,
    ".jpg": IMAGE,
    ".jpeg": IMAGE,
    ".tif": IMAGE,
    ".tiff": IMAGE,
}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_PDF_MAGIC = re.compile(rb"%PDF-\d\.\d")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream names of an OLE file's directory, in UTF-16: a Word 97 document, or an encrypted DOCX.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:html|head|body|meta|title|div|p|table|article|main|br|span|h[1-6])\b[^>]*>", re.I)
_LABELS = {
    "pdf": "a PDF file",
    "docx": "a DOCX file",
    "zip": "a ZIP archive",
    "ole": "an old binary Office file",
    "rtf": "an RTF file",
    "odt": "an OpenDocument text file",
    "image": "an image",
}


def sniff(data: bytes) -> str | None:
    """What the bytes are: "pdf", "docx", "odt", "zip", "badzip", "bigzip", "ole", "rtf", "image",
    "html", or None (text/binary)."""
    if _PDF_MAGIC.search(data[:1024]):  # the PDF header may follow some junk
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.lstrip()[:6].lower() == b"{\\rtf1":
        return "rtf"
    if _looks_like_html(data):
        return "html"
    return None


def _zip_kind(data: bytes) -> str:
    """A Word package ("docx"), another archive ("zip"), one that does not open ("badzip"), or one
    of more members than a DOCX may have ("bigzip", not opened: ``zipfile`` builds an object per
    member first)."""
    count = archive.declared_parts(data)
    if count is not None and count > archive.MAX_PARTS:
        return "bigzip"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and package.getinfo("mimetype").file_size < 100:
                return "odt" if package.read("mimetype").strip() == _ODT_MIMETYPE else "zip"
            return "zip"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "badzip"


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith(b"<") and len(_HTML_TAGS.findall(head)) >= 2


def choose_reader(extension: str, data: bytes) -> str:
    """The reader for a file with this (lowercase) extension and content, or ``Unreadable``."""
    kind = _BY_EXTENSION.get(extension)
    found = sniff(data)
    if kind is None or extension == "":
        return _by_content(extension, found, data)
    if kind == PDF and found != "pdf":
        raise Unreadable("not a PDF file" + _looks_like(found), Failure.WRONG_TYPE)
    if kind == DOCX and found == "ole" and is_word97(data):  # a Word 97 file renamed .docx
        return OFFICE
    if kind == DOCX and found != "docx":
        raise Unreadable(*_not_docx(found, data))
    if kind == OFFICE:
        return _office(found, data)
    if kind == IMAGE and found != "image":
        raise Unreadable("not a PNG, JPEG or TIFF image" + _looks_like(found), Failure.WRONG_TYPE)
    if kind == HTML and found in _LABELS:
        raise Unreadable("not an HTML file" + _looks_like(found), Failure.WRONG_TYPE)
    if kind == PLAIN and found in _LABELS:
        raise Unreadable("not a text file" + _looks_like(found), Failure.WRONG_TYPE)
    return kind


def is_word97(data: bytes) -> bool:
    """Whether an OLE file holds a Word 97 document (not an encrypted DOCX, a spreadsheet...)."""
    return _WORD_STREAM in data[: 2 * 1024 * 1024] or _WORD_STREAM in data[-64 * 1024 :]


def _office(found: str | None, data: bytes) -> str:
    """A ``.doc``, ``.odt`` or ``.rtf``: LibreOffice's when it is one of those, the DOCX or HTML
    reader's when Word saved it so under that name."""
    if found in ("odt", "rtf") or (found == "ole" and is_word97(data)):
        return OFFICE
    if found in (DOCX, HTML):
        return found
    if found == "ole":
        return _raise("encrypted or not a Word document (an OLE file without a Word stream)", Failure.ENCRYPTED)
    return _raise("not a Word 97, OpenDocument or RTF file" + _looks_like(found), Failure.WRONG_TYPE)


def _raise(reason: str, code: Failure) -> str:
    raise Unreadable(reason, code)


def _not_docx(found: str | None, data: bytes) -> tuple[str, Failure]:
    if found == "ole":
        return "encrypted or legacy .doc file, not DOCX", Failure.ENCRYPTED
    if found == "zip":
        return "not a DOCX file (a ZIP archive without word/document.xml)", Failure.WRONG_TYPE
    if found == "badzip":
        return "corrupt DOCX file (bad ZIP archive)", Failure.CORRUPT
    if found == "bigzip":
        count = archive.declared_parts(data) or 0
        return f"DOCX archive has too many parts ({count:,} > {archive.MAX_PARTS:,})", Failure.DOCX_TOO_MANY_PARTS
    if found in _LABELS:
        return "not a DOCX file" + _looks_like(found), Failure.WRONG_TYPE
    return "not a DOCX file (not a ZIP/OOXML package)", Failure.WRONG_TYPE


def _by_content(extension: str, found: str | None, data: bytes) -> str:
    """No extension, or one we do not know: trust the content when it is a kind we read."""
    if found in (PDF, DOCX, HTML, IMAGE):
        return found
    if found in OFFICE_KINDS and (found != "ole" or is_word97(data)):
        return OFFICE
    if found == "bigzip":  # perhaps a DOCX, but one that may not be opened
        raise Unreadable(*_not_docx(found, data))
    if extension == "" or (found is None and (data.startswith(_TEXT_BOMS) or b"\x00" not in data[:4096])):
        return PLAIN
    raise Unreadable(f"unsupported file type {extension}" + _looks_like(found), Failure.UNSUPPORTED_TYPE)


def _looks_like(found: str | None) -> str:
    return f" (looks like {_LABELS[found]})" if found in _LABELS else ""
