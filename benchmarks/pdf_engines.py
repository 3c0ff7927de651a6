"""Which PDF text engine reads Vietnamese notices best: pypdf, pdfminer.six, pypdfium2, and chidao's reader.

    python benchmarks/pdf_engines.py [DOCX ...] [--fonts "Liberation Serif" ...] [--rounds 3] [--keep DIR]

Without DOCX arguments the notices are the corpus originals ($CHIDAO_CORPUS/dev/originals, or
../shared/corpus). Each is copied once per font with every font of the document set to that font
(python-docx), and once as it is (Times New Roman becomes Liberation Serif on Linux); LibreOffice
prints all the copies to PDF in one run. Every engine then reads every PDF, and its text is
measured against what chidao's DOCX reader reads from the same copy:

* characters: difflib's ratio (2 × matching characters / both lengths) after NFC and with all
  whitespace as single spaces; words are aligned first, characters inside differing stretches;
* diacritics: the share of the DOCX's non-ASCII letters (ạ, ế, ư, đ...) found in the text;
* paragraphs: the share of the DOCX's paragraphs (of 30 characters or more) found whole, in the
  DOCX's order, in the text with whitespace made single spaces (line order and reading order);
* lines as DOCX: the share of the DOCX's lines that are lines of the text (one paragraph per line);
* ms/page: extraction time only, best of --rounds.

Engines: pypdf's extract_text (plain and layout mode), pdfminer.six's extract_text, pypdfium2's
text page (stream order), and chidao's reader (pypdfium2 glyphs placed by position, lines joined
into paragraphs). Install pdfminer.six with the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from docx import Document
from docx.oxml.ns import qn

from chidao.text import read_text
from chidao.text.readers.errors import Unreadable
from chidao.text.readers.pdf import read_pdf

FONTS = ["Liberation Serif", "DejaVu Sans", "Noto Serif", "Noto Sans"]
AS_IS = "as written"
_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def pypdf_plain(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pypdf_layout(data: bytes) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return "\n".join(page.extract_text(extraction_mode="layout") or "" for page in pages)


def pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pypdfium2(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def chidao(data: bytes) -> str:
    try:
        return read_pdf(data)
    except Unreadable:
        return ""


ENGINES: dict[str, Callable[[bytes], str]] = {
    "pypdf": pypdf_plain,
    "pypdf (layout mode)": pypdf_layout,
    "pdfminer.six": pdfminer,
    "pypdfium2": pypdfium2,
    "chidao (pypdfium2 + layout)": chidao,
}


def refont(source: Path, target: Path, font: str | None) -> Path:
    """Copy a DOCX with every run, style and default set to ``font`` (None: copy as it is)."""
    if font is None:
        shutil.copyfile(source, target)
        target.chmod(0o644)
        return target
    document = Document(str(source))
    for part in document.part.package.iter_parts():  # body, styles, numbering, headers, footnotes...
        element = getattr(part, "element", None)
        for fonts in element.iter(qn("w:rFonts")) if element is not None else ():
            for attribute in _THEME_ATTRIBUTES:
                fonts.attrib.pop(qn(attribute), None)
            for attribute in _FONT_ATTRIBUTES:
                fonts.set(qn(attribute), font)
    normal = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _FONT_ATTRIBUTES:
        normal.set(qn(attribute), font)
    document.save(str(target))
    return target


def print_to_pdf(documents: list[Path], folder: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    profile = (folder / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir"]
    subprocess.run([*command, str(folder), *map(str, documents)], check=True, capture_output=True, timeout=600)
    return [folder / (path.stem + ".pdf") for path in documents]


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def char_ratio(expected: str, found: str) -> float:
    """difflib's ratio on characters, word-aligned: plain difflib takes seconds on 10,000 characters.

    Words (each with the space after it) are matched first; inside stretches that differ, the
    characters are matched.
    """
    a, b = [word + " " for word in expected.split(" ")], [word + " " for word in found.split(" ")]
    matched = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            matched += sum(map(len, a[i1:i2]))
        elif tag == "replace":
            left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
            matched += sum(block.size for block in difflib.SequenceMatcher(None, left, right).get_matching_blocks())
    total = sum(map(len, a)) + sum(map(len, b))
    return 2 * matched / total if total else 1.0


def diacritics_kept(expected: str, found: str) -> float:
    wanted = Counter(char for char in expected if char.isalpha() and not char.isascii())
    got = Counter(char for char in found if char.isalpha() and not char.isascii())
    total = sum(wanted.values())
    return sum(min(count, got[char]) for char, count in wanted.items()) / total if total else 1.0


def paragraphs_in_order(paragraphs: list[str], found: str) -> float:
    """Share of the long paragraphs found whole, each after the one before."""
    long = [p for p in paragraphs if len(p) >= 30]
    position, hits = 0, 0
    for paragraph in long:
        at = found.find(paragraph, position)
        if at >= 0:
            hits += 1
            position = at + len(paragraph)
    return hits / len(long) if long else 1.0


def lines_as_docx(paragraphs: list[str], found: str) -> float:
    lines = Counter(flat(line) for line in found.split("\n"))
    hits = 0
    for paragraph in paragraphs:
        if lines[paragraph]:
            lines[paragraph] -= 1
            hits += 1
    return hits / len(paragraphs) if paragraphs else 1.0


def timed(engine: Callable[[bytes], str], data: bytes, rounds: int) -> tuple[str, float]:
    best, text = float("inf"), ""
    for _ in range(rounds):
        start = time.perf_counter()
        text = engine(data)
        best = min(best, time.perf_counter() - start)
    return text, best


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def default_notices() -> list[Path]:
    corpus = Path(os.environ.get("CHIDAO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    notices = sorted((corpus / "dev" / "originals").glob("*.docx"))
    if not notices:
        sys.exit(f"no DOCX notices given and none in {corpus}/dev/originals")
    return notices


def measure(notices: list[Path], fonts: list[str], folder: Path, rounds: int) -> dict:
    copies: dict[tuple[str, str], Path] = {}
    for notice in notices:
        for font in [AS_IS, *fonts]:
            chosen = None if font == AS_IS else font
            tag = (chosen or "as-is").replace(" ", "-")
            copies[notice.stem, font] = refont(notice, folder / f"{notice.stem}--{tag}.docx", chosen)
    pdfs = dict(zip(copies, print_to_pdf(list(copies.values()), folder), strict=True))
    rows: dict[str, dict[str, list[float]]] = {name: {} for name in ENGINES}
    pages = 0
    for key, pdf in pdfs.items():
        data = pdf.read_bytes()
        pages += page_count(data)
        expected_lines = [flat(line) for line in read_text(copies[key]).split("\n") if line.strip()]
        expected = " ".join(expected_lines)
        for name, engine in ENGINES.items():
            text, seconds = timed(engine, data, rounds)
            found = flat(text)
            values = {
                "characters": char_ratio(expected, found),
                "diacritics": diacritics_kept(expected, found),
                "paragraphs": paragraphs_in_order(expected_lines, found),
                "lines as DOCX": lines_as_docx(expected_lines, text),
                "seconds": seconds,
            }
            for metric, value in values.items():
                rows[name].setdefault(metric, []).append(value)
                rows[name].setdefault(f"{metric} {key[1]}", []).append(value)
    return {"rows": rows, "pages": pages, "pdfs": len(pdfs)}


def report(result: dict, fonts: list[str]) -> None:
    rows, pages = result["rows"], result["pages"]
    print(f"{result['pdfs']} PDFs, {pages} pages; means over the PDFs\n")
    header = ["engine", "characters", "diacritics", "paragraphs", "lines as DOCX", "ms/page"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, figures in rows.items():
        ms = 1000 * sum(figures["seconds"]) / pages
        cells = [f"{mean(figures[k]):.3f}" for k in ("characters", "diacritics", "paragraphs", "lines as DOCX")]
        print(f"| {name} | " + " | ".join(cells) + f" | {ms:.1f} |")
    columns = [AS_IS, *fonts]
    for metric in ("characters", "paragraphs"):
        print(f"\n{metric} by font\n")
        print("| engine | " + " | ".join(columns) + " |")
        print("|" + "---|" * (len(columns) + 1))
        for name, figures in rows.items():
            print(f"| {name} | " + " | ".join(f"{mean(figures[f'{metric} {font}']):.3f}" for font in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notices", nargs="*", type=Path, help="DOCX notices (default: the corpus originals)")
    parser.add_argument("--fonts", nargs="+", default=FONTS)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is reported")
    parser.add_argument("--keep", type=Path, help="write the DOCX copies and PDFs here instead of a temporary folder")
    args = parser.parse_args()
    notices = args.notices or default_notices()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report(measure(notices, args.fonts, args.keep, args.rounds), args.fonts)
        return
    with tempfile.TemporaryDirectory(prefix="pdf-engines-") as folder:
        report(measure(notices, args.fonts, Path(folder), args.rounds), args.fonts)


if __name__ == "__main__":
    main()
