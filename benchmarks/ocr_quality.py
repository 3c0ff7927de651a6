"""How well chidao reads scans: OCR of scanned copies of real notices against their originals.

    python benchmarks/ocr_quality.py [--dpi 200 300] [--no-binarize] [--keep DIR] [--seed 15]

The notices are the corpus originals ($CHIDAO_CORPUS/dev/originals, or ../shared/corpus), which
have gold annotations. Each DOCX is printed to PDF by LibreOffice (one run), every page rasterized
by poppler's ``pdftoppm`` at each DPI, turned by a random 0.3-1.5 degrees either way, speckled
with noise and blurred a little (a flatbed scan of a printed copy), and the pages put back
together as an image-only PDF: the "scan". chidao reads the DOCX (original) and the scan (OCR),
extracts the tasks from each, and this prints per DPI:

* CER: character error rate of the scan's text against the original's (edit distance over the
  original's length, whitespace made single spaces; words aligned first, characters inside
  differing stretches);
* task F1 and e2e F1 of each against the gold annotations, by ``../shared/tools/score.py``'s own
  ``score`` function, and the scan's difference from the original's;
* OCR time per page (rendering, cleaning and Tesseract), and the pages' mean confidence.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter

from chidao.extract import extract_text
from chidao.text.readers import ocr, read_text, read_upload
from chidao.text.readers.ocr import tesseract


def corpus() -> Path:
    return Path(os.environ.get("CHIDAO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def load_score():
    """``score.py`` of the shared tools, imported from its file."""
    path = corpus().parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_to_pdf(documents: list[Path], folder: Path) -> list[Path]:
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    profile = (folder / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir"]
    subprocess.run([*command, str(folder), *map(str, documents)], check=True, capture_output=True, timeout=600)
    return [folder / f"{path.stem}.pdf" for path in documents]


def scanned(pdf: Path, dpi: int, folder: Path, chance: random.Random) -> bytes:
    """An image-only PDF of ``pdf`` as a scanner would give it at ``dpi``."""
    prefix = folder / f"{pdf.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=600)
    pages = []
    for path in sorted(folder.glob(f"{prefix.name}-*.png")):
        page = Image.open(path).convert("RGB")
        angle = chance.uniform(0.3, 1.5) * chance.choice((-1, 1))
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
        pixels = page.load()
        for _ in range(page.width * page.height // 400):  # a speck every 400 pixels
            grey = chance.randrange(60, 200)
            pixels[chance.randrange(page.width), chance.randrange(page.height)] = (grey, grey, grey)
        pages.append(page.filter(ImageFilter.GaussianBlur(0.6)))
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return out.getvalue()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (two rows)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def cer(original: str, found: str) -> float:
    """Character error rate of ``found`` against ``original`` (words aligned first)."""
    words, other = original.split(), found.split()
    errors = 0
    matcher = difflib.SequenceMatcher(None, words, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            left, right = " ".join(words[i1:i2]), " ".join(other[j1:j2])
            errors += edit_distance(left, right) if len(left) * len(right) < 4_000_000 else max(len(left), len(right))
    return errors / max(len(" ".join(words)), 1)


def scores(score, gold: Path, predictions: list[dict], folder: Path, name: str) -> dict:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8")
    summary, _ = score.score(str(gold), str(path))
    return summary


def gold_folder(notices: list[Path], folder: Path) -> Path:
    """A folder with only these notices' gold files (score.py scores every gold file it finds)."""
    gold = folder / "gold"
    gold.mkdir()
    for notice in notices:
        for suffix in (".gold.json", ".txt"):
            source = corpus() / "dev" / f"{notice.stem}{suffix}"
            if source.exists():
                shutil.copy(source, gold / source.name)
    return gold


def measure(notices: list[Path], dpis: list[int], folder: Path, seed: int, binarize: bool) -> None:
    score = load_score()
    gold = gold_folder(notices, folder)
    originals = {notice.stem: read_text(notice) for notice in notices}
    original_predictions = [{"source": f"{stem}.txt", **extract_text(text)} for stem, text in originals.items()]
    base = scores(score, gold, original_predictions, folder, "original")
    pdfs = print_to_pdf(notices, folder)
    print(f"{len(notices)} notices; original (DOCX): task F1 {base['task_f1']:.3f}, e2e F1 {base['e2e_f1']:.3f}")
    print("dpi  pages  CER     task F1  (Δ)      e2e F1  (Δ)      s/page  confidence")
    for dpi in dpis:
        chance = random.Random(seed)
        predictions, errors, pages, seconds, confidences = [], [], 0, 0.0, []
        for pdf in pdfs:
            data = scanned(pdf, dpi, folder, chance)
            started = time.perf_counter()
            reading = read_upload(data, pdf.name) if binarize else _grey(data)
            seconds += time.perf_counter() - started
            pages += len(reading.ocr)
            confidences += [page.confidence for page in reading.ocr]
            errors.append((cer(originals[pdf.stem], reading.text), len(originals[pdf.stem])))
            predictions.append({"source": f"{pdf.stem}.txt", **extract_text(reading.text)})
        found = scores(score, gold, predictions, folder, f"scan-{dpi}")
        rate = sum(e * n for e, n in errors) / sum(n for _, n in errors)
        task, e2e = found["task_f1"], found["e2e_f1"]
        print(
            f"{dpi:<4} {pages:<6} {rate:.4f}  {task:.3f}    {task - base['task_f1']:+.3f}   {e2e:.3f}   "
            f"{e2e - base['e2e_f1']:+.3f}   {seconds / max(pages, 1):.2f}    {sum(confidences) / len(confidences):.1f}"
        )


def _grey(data: bytes):
    from chidao.text.readers import Reading

    found = ocr.ocr_pdf(data, binarize=False)
    return Reading(found.text, found.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notices", nargs="*", type=Path, help="DOCX notices (default: the corpus originals)")
    parser.add_argument("--dpi", nargs="+", type=int, default=[200, 300])
    parser.add_argument(
        "--no-binarize", dest="binarize", action="store_false", help="give Tesseract grey pages (not binarized)"
    )
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep the PDFs and scans in this folder")
    arguments = parser.parse_args()
    ocr.PAGE_TIMEOUT_SECONDS = 600  # a shared, loaded machine must not turn a slow page into a refusal here
    if not tesseract() or not shutil.which("pdftoppm"):
        sys.exit("Tesseract with its Vietnamese model and pdftoppm are needed (scripts/ensure-tesseract)")
    notices = arguments.notices or sorted((corpus() / "dev" / "originals").glob("*.docx"))
    if not notices:
        sys.exit(f"no DOCX notices given and none in {corpus()}/dev/originals")
    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
        measure(notices, arguments.dpi, arguments.keep, arguments.seed, arguments.binarize)
    else:
        with tempfile.TemporaryDirectory(prefix="chidao-ocr-") as folder:
            measure(notices, arguments.dpi, Path(folder), arguments.seed, arguments.binarize)


if __name__ == "__main__":
    main()
