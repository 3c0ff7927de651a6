"""A document's identity by its words: the same notice saved as DOCX and printed to PDF, or
re-saved by another program, has other bytes but the same ``text_hash``.

The key keeps only what every format carries alike: letters and digits (NFC, casefolded), in
reading order. Spaces, punctuation, line breaks, bullets and numbering styles, which readers of
different formats render differently, are dropped; so are lines that hold only a page number
("- 2 -", "Trang 3", "3/5"), which a printed PDF has and its DOCX has not.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_ALNUM = re.compile(r"[^\W_]+")
# A line that is only a page number: "2", "- 2 -", "Trang 2", "2/5", "Trang 2/5".
_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.]*$", re.IGNORECASE)


def text_key(text: str) -> str:
    """The canonical form two copies of one document share: letters and digits only, NFC,
    casefolded, page-number lines dropped."""
    lines = (line for line in unicodedata.normalize("NFC", text).splitlines() if not _PAGE_NUMBER.match(line))
    return "".join(_ALNUM.findall("\n".join(lines).casefold()))


def text_hash(text: str) -> str:
    """SHA-256 (hex) of ``text_key``: what ``documents.text_hash`` holds."""
    return hashlib.sha256(text_key(text).encode("utf-8")).hexdigest()
