"""OCR of scanned PDFs and images with Tesseract and its Vietnamese model (issue 15).

Each page (``ocr_image``: rendered, stripped of stamps, turned upright) is sent to the
``tesseract`` command (Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie``), which answers with
its words as TSV: position, block / paragraph / line numbers and a confidence per word. That is
what pytesseract's ``image_to_data`` returns, called directly so that Tesseract runs on one
thread (two cores, several workers) in a process group killed past its timeout. The words become
one line per paragraph, as the other readers give; a numbered or lettered item that Tesseract put
inside the paragraph before it starts its own line. Each page keeps its mean confidence, so the
text can be shown as OCR for the clerk to check; known confusions are then corrected where the
genre's dictionary decides (``ocr_fix``).
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image

from chidao.text.readers import ocr_fix, ocr_image
from chidao.text.readers.errors import Failure, Unreadable

MAX_PAGES = 20  # a notice is 1-4 pages; OCR costs 2-5 s a page, and the worker has 90 s
PAGE_TIMEOUT_SECONDS = 60.0
LANGUAGE = "vie"
_ITEM_START = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\)|[IVX]{1,5}\.|[-+•])\s")
_MIN_CONFIDENCE = 20  # a line below this, shorter than a word or two, is a stamp or a scribble
_COLUMN_GAP = 0.06  # of the page's width: a gap between words this wide separates two columns
_INDENT = 0.12  # of the page's width: a line starting further left than the one before is another column
_SHORT_LINE = 0.06  # of the page's width: a line ending this far before its paragraph's right edge ends it


@dataclass(frozen=True)
class OcrPage:
    """One page's OCR: its number (from 1), Tesseract's mean word confidence (0-100), the angle
    it was turned by, and the seconds it took."""

    number: int
    confidence: float
    angle: float
    seconds: float

    def to_dict(self) -> dict[str, float]:
        """What a reader of the text needs: the page and how sure Tesseract was of it."""
        return {"page": self.number, "confidence": self.confidence}


@dataclass(frozen=True)
class OcrText:
    text: str
    pages: tuple[OcrPage, ...]


def tesseract() -> str | None:
    """The ``tesseract`` command when it and its Vietnamese model are installed, else None."""
    command = shutil.which("tesseract")
    if command is None:
        return None
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return command if LANGUAGE in listed.split() else None


def ocr_pdf(data: bytes, *, binarize: bool = True) -> OcrText:
    """The text of a scanned PDF, page by page."""
    return _ocr(ocr_image.pdf_pages(data, MAX_PAGES), binarize)


def ocr_image_file(data: bytes, *, binarize: bool = True) -> OcrText:
    """The text of a PNG, JPEG or TIFF image (each TIFF frame a page)."""
    return _ocr(ocr_image.image_pages(data, MAX_PAGES), binarize)


def _ocr(pages: Iterable[Image.Image], binarize: bool) -> OcrText:
    command = tesseract()
    if command is None:
        raise Unreadable(
            "a scan needs OCR, and Tesseract with its Vietnamese model (tesseract-ocr-vie) is not installed",
            Failure.NO_OCR,
        )
    texts: list[str] = []
    results: list[OcrPage] = []
    for number, page in enumerate(pages, start=1):
        started = time.perf_counter()
        cleaned, angle = ocr_image.clean(page, binarize=binarize)
        words = _recognize(command, cleaned)
        text, confidence = paragraphs(words, cleaned.width)
        texts.append(text)
        results.append(OcrPage(number, confidence, angle, round(time.perf_counter() - started, 2)))
    return OcrText(text=ocr_fix.correct("\n".join(t for t in texts if t)), pages=tuple(results))


def _recognize(command: str, page: Image.Image) -> list[dict[str, str]]:
    """Tesseract's words of one page (TSV rows with text)."""
    image = io.BytesIO()
    page.save(image, format="PPM")
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    arguments = [command, "stdin", "stdout", "-l", LANGUAGE, "--oem", "1", "--psm", "3", "tsv"]
    try:
        done = subprocess.run(
            arguments,
            input=image.getvalue(),
            capture_output=True,
            timeout=PAGE_TIMEOUT_SECONDS,
            env=environment,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        raise Unreadable(f"OCR took longer than {PAGE_TIMEOUT_SECONDS:g} s on one page", Failure.NEEDS_TIME) from None
    except OSError as error:
        raise Unreadable(f"cannot start Tesseract ({error.strerror or error})", Failure.NO_OCR) from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.decode("utf-8", "replace").split()[:12])[:80]
        raise Unreadable(f"Tesseract failed on this scan ({detail or done.returncode})", Failure.CORRUPT)
    rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [row for row in rows if row.get("level") == "5" and (row.get("text") or "").strip()]


@dataclass
class _Line:
    """A line of words (or a piece of one, cut at a wide gap) with its box and confidence."""

    block: tuple[int, int]
    words: list[dict[str, str]]

    @property
    def left(self) -> int:
        return int(self.words[0]["left"])

    @property
    def right(self) -> int:
        return int(self.words[-1]["left"]) + int(self.words[-1]["width"])

    @property
    def text(self) -> str:
        return " ".join(word["text"].strip() for word in self.words)

    @property
    def size(self) -> int:
        return sum(len(word["text"]) for word in self.words)

    @property
    def weighted(self) -> float:
        return sum(float(word["conf"]) * len(word["text"]) for word in self.words)


def _lines(words: list[dict[str, str]], page_width: int) -> list[_Line]:
    """Tesseract's lines, each cut where its words are a column apart (the notice's two-column
    header: "ỦY BAN NHÂN DÂN" and "CỘNG HÒA XÃ HỘI..." on one row)."""
    grouped: dict[tuple[int, int, int], list[dict[str, str]]] = {}
    for word in words:
        grouped.setdefault((int(word["block_num"]), int(word["par_num"]), int(word["line_num"])), []).append(word)
    lines: list[_Line] = []
    for (block, paragraph, _), line_words in grouped.items():
        piece = [line_words[0]]
        for previous, word in itertools.pairwise(line_words):
            gap = int(word["left"]) - int(previous["left"]) - int(previous["width"])
            if gap > _COLUMN_GAP * page_width or gap < -_COLUMN_GAP * page_width:  # a column, or back left
                lines.append(_Line((block, paragraph), piece))
                piece = []
            piece.append(word)
        lines.append(_Line((block, paragraph), piece))
    return lines


def paragraphs(words: list[dict[str, str]], page_width: int) -> tuple[str, float]:
    """One line per paragraph, and the page's mean word confidence weighted by word length.

    A line joins the paragraph before it when Tesseract put both in one paragraph, the line
    before reached the paragraph's right edge (a line that stops short ends its paragraph: a
    centred title, the last line of a paragraph), it does not start an item ("2.", "a)"), and
    neither is a heading in capitals."""
    lines = [line for line in _lines(words, page_width) if not _noise(line)]
    right_edge: dict[tuple[int, int], int] = {}
    for line in lines:
        right_edge[line.block] = max(right_edge.get(line.block, 0), line.right)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        joins = (
            previous is not None
            and previous.block == line.block
            and previous.right >= right_edge[line.block] - _SHORT_LINE * page_width
            and line.left > previous.left - _INDENT * page_width
            and not _ITEM_START.match(line.text)
            and not _capitals(line.text)
            and not _capitals(previous.text)
        )
        if joins and out:
            out[-1] += " " + line.text
        else:
            out.append(line.text)
        previous = line
    letters = sum(line.size for line in lines)
    confidence = sum(line.weighted for line in lines) / letters if letters else 0.0
    return "\n".join(out), round(confidence, 1)


def _capitals(text: str) -> bool:
    """A line in capitals is a heading ("THÔNG BÁO", "CHỦ TỊCH"): a paragraph of its own."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _noise(line: _Line) -> bool:
    """A short line Tesseract is unsure of: a stamp's or a signature's remains."""
    return line.weighted / max(line.size, 1) < _MIN_CONFIDENCE and line.size < 8
