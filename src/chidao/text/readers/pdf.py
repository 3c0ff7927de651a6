"""PDF: the text layer of every page, without the running headers and footers.

A PDF only has the lines as printed: each page repeats the issuer's header, "Trang 3/5" or
"- 3 -", which would otherwise land in the middle of a sentence that runs across pages.
We drop lines that recur at the top or bottom of most pages (digits ignored, so page
numbers match each other) and bare page numbers. A PDF without a text layer is a scan: we
say so instead of returning nothing, because OCR is the user's next step.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from chidao.text.readers.errors import Unreadable

_ZONE = 3  # lines at the top and at the bottom of a page where running headers live
_MIN_PAGES_SHARE = 0.6
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—.(\[]*(?:(?:trang|page|tr\.)\s*)?\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?[\s\-–—.)\]]*$", re.I
)
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")


def read_pdf(data: bytes) -> str:
    """The text of a PDF, page after page, one printed line per line."""
    with _quiet_pypdf():
        pages = _page_lines(_open(data))
    if sum(len(re.findall(r"\w", line)) for page in pages for line in page) < max(20, 5 * len(pages)):
        raise Unreadable("no text layer (scanned image?); OCR it first")
    lines = [line for page in strip_running_lines(pages) for line in page]
    return "\n".join(join_hyphenated(lines))


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF")
        len(reader.pages)  # reads the page tree: fails here, not in the middle
    except DependencyError:
        raise Unreadable("encrypted PDF (AES; the optional 'cryptography' package is needed)") from None
    except FileNotDecryptedError:
        raise Unreadable("encrypted PDF") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise Unreadable(f"corrupt PDF file ({type(error).__name__})") from None
    return reader


def _page_lines(reader: PdfReader) -> list[list[str]]:
    """Non-blank lines of each page; a page whose text cannot be extracted counts as empty."""
    pages: list[list[str]] = []
    failures = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except DependencyError:
            raise Unreadable("encrypted PDF (AES; the optional 'cryptography' package is needed)") from None
        except Exception:  # one broken content stream must not lose the other pages
            failures += 1
            text = ""
        pages.append([line.rstrip() for line in text.splitlines() if line.strip()])
    if pages and failures == len(pages):
        raise Unreadable("corrupt PDF file (no page could be read)")
    return pages


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers (lines recurring at a page edge) and bare page numbers."""
    repeated = _repeated_edge_lines(pages)
    kept = []
    for page in pages:
        last = len(page) - _ZONE
        kept.append(
            [
                line
                for index, line in enumerate(page)
                if not ((index < _ZONE or index >= last) and (_key(line) in repeated or _PAGE_NUMBER.match(line)))
            ]
        )
    return kept


def _repeated_edge_lines(pages: list[list[str]]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(line) for line in page[:_ZONE] + page[-_ZONE:]})
    needed = max(2, math.ceil(_MIN_PAGES_SHARE * len(pages)))
    return {key for key, count in counts.items() if count >= needed}


def _key(line: str) -> str:
    """A line's identity across pages: digits and spacing ignored ("Trang 2/5" ~ "Trang 3/5")."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join a line ending in "letter-" to the next when that starts in lowercase.

    Vietnamese is not hyphenated at line ends: a hyphen there is a real one ("kinh tế-xã
    hội"), so it is kept and only the line break goes. Only a break inside an ASCII word
    ("infor-" / "mation") loses its hyphen.
    """
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if previous and _HYPHEN_END.search(previous) and line[:1].islower():
            left = previous[:-1].rsplit(None, 1)[-1]
            right = line.split(None, 1)[0]
            joined[-1] = (previous[:-1] if (left + right).isascii() else previous) + line
        else:
            joined.append(line)
    return joined


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings about sloppy PDFs; they are noise on the command line's stderr."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
