"""PDF with a text layer: pages in order, running headers and footers and page numbers dropped,
words hyphenated across a line break joined."""

from __future__ import annotations

import io
import re
from collections import Counter

from chidao.text.readers.errors import ReadError

_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Lines that repeat at the top or bottom of most pages are headers or footers."""
    if len(pages) < 2:
        return [[ln for ln in page if not _PAGE_NUMBER.match(ln)] for page in pages]
    edges: Counter[str] = Counter()
    for page in pages:
        for line in {*page[:2], *page[-2:]}:
            edges[_shape(line)] += 1
    running = {shape for shape, count in edges.items() if count >= max(2, len(pages) * 0.6) and shape}
    cleaned = []
    for page in pages:
        kept = [
            ln
            for i, ln in enumerate(page)
            if not _PAGE_NUMBER.match(ln) and not ((i < 2 or i >= len(page) - 2) and _shape(ln) in running)
        ]
        cleaned.append(kept)
    return cleaned


def _join_hyphens(text: str) -> str:
    return re.sub(r"(\w)-\n(?=[a-zà-ỹđ])", r"\1", text)


def pdf_to_text(data: bytes, path: str) -> str:
    """Text of a PDF's text layer, or ReadError (encrypted, damaged, scanned)."""
    if not data.startswith(b"%PDF-"):
        raise ReadError(path, "not a PDF file")
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "encrypted PDF")
        pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(path, f"damaged PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises assorted errors on hostile files
        message = str(exc).lower()
        if "decrypt" in message or "encrypt" in message or "cryptography" in message:
            raise ReadError(path, "encrypted PDF") from None
        raise ReadError(path, f"damaged PDF ({type(exc).__name__})") from None
    text = "\n".join("\n".join(page) for page in _drop_running_lines(pages))
    if sum(c.isalpha() for c in text) < 20:
        raise ReadError(path, "no text layer (scanned image?); OCR it first")
    return _join_hyphens(text)
