"""Page images for OCR: scanned PDF pages rendered, image files opened, each page cleaned.

A scan from the document-exchange system is a grey or colour page, turned by a degree or two,
with a red stamp over the signature and a blue signature. Tesseract reads straight black text
best, so each page is (1) stripped of strongly red and blue ink (stamps, signatures: they are
never text to read, and Tesseract turns them into words), (2) turned upright by the angle that
makes its text lines sharpest (a projection profile: rows of ink alternate with rows of paper
only when the lines are level), and (3) binarized by Otsu's threshold and despeckled (a 3×3
median): on a near-blank speckled page (the last page of a notice) Tesseract took from 30 s to
over 10 minutes chasing the specks as text (``benchmarks/ocr_quality.py``); on such a page Otsu
splits paper from specks, so only marks darker than mid-grey are kept there.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from PIL import Image, ImageChops, ImageFilter, ImageOps

from chidao.text.readers.errors import Failure, Unreadable

MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 Mpx; a decompression bomb is billions
RENDER_DPI = 300
_INK_COLOUR = 70  # a channel above both others by this much is coloured ink, not black text
_SKEW_COARSE = [step * 0.5 for step in range(-10, 11)]  # ±5°
_SKEW_FINE = [step * 0.1 for step in range(-5, 6)]
_PROFILE_WIDTH = 1000
_BLANK_PAGE = 0.02  # a page with less ink than this is near blank (a signature page, a last page)
_DARK = 128  # on such a page only marks darker than this are ink


def pdf_pages(data: bytes, max_pages: int) -> Iterator[Image.Image]:
    """The pages of a PDF that hold an image (a page without one has nothing to OCR), rendered at
    ``RENDER_DPI`` (refused past ``max_pages``)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(data)
    try:
        if len(document) > max_pages:
            raise Unreadable(f"scanned PDF too long to OCR ({len(document)} pages > {max_pages})", Failure.PDF_TOO_LONG)
        for index in range(len(document)):
            page = document[index]
            if next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3), None) is None:
                page.close()
                continue
            width, height = page.get_size()
            if width * height * (RENDER_DPI / 72) ** 2 > MAX_PIXELS:
                raise Unreadable(f"page {index + 1} is too large to OCR", Failure.TOO_LARGE)
            yield page.render(scale=RENDER_DPI / 72).to_pil()
            page.close()
    finally:
        document.close()


def image_pages(data: bytes, max_pages: int) -> Iterator[Image.Image]:
    """The pages of a PNG, JPEG or (multi-page) TIFF file, checked for size before decoding."""
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only: the size is checked below
    except Image.DecompressionBombError:
        raise Unreadable("image too large to OCR", Failure.TOO_LARGE) from None
    frames = getattr(image, "n_frames", 1)
    if frames > max_pages:
        raise Unreadable(f"image has too many pages to OCR ({frames} > {max_pages})", Failure.PDF_TOO_LONG)
    for index in range(frames):
        image.seek(index)
        if image.width * image.height > MAX_PIXELS:
            raise Unreadable("image too large to OCR", Failure.TOO_LARGE)
        yield ImageOps.exif_transpose(image.copy())


def clean(page: Image.Image, *, binarize: bool = True) -> tuple[Image.Image, float]:
    """The page in grey without coloured ink, turned upright (and in black and white when
    ``binarize``); and the angle it was turned by, in degrees."""
    grey = _without_coloured_ink(page)
    angle = skew_angle(grey)
    if angle:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if binarize:
        threshold = otsu_threshold(grey)
        if _ink_share(grey, threshold) < _BLANK_PAGE:
            threshold = min(threshold, _DARK)  # a near-blank page: Otsu splits paper from specks
        grey = grey.point(lambda value: 255 if value > threshold else 0).filter(ImageFilter.MedianFilter(3))
    return grey, angle


def _ink_share(grey: Image.Image, threshold: int) -> float:
    histogram = grey.histogram()[:256]
    return sum(histogram[: threshold + 1]) / max(sum(histogram), 1)


def _without_coloured_ink(page: Image.Image) -> Image.Image:
    if page.mode in ("L", "1", "I", "I;16", "F"):
        return page.convert("L")
    rgb = page.convert("RGB")
    red, green, blue = rgb.split()
    redness = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    blueness = ImageChops.subtract(blue, ImageChops.lighter(red, green))
    ink = ImageChops.lighter(redness, blueness).point(lambda value: 255 if value > _INK_COLOUR else 0)
    grey = rgb.convert("L")
    grey.paste(255, mask=ink.convert("1"))
    return grey


def skew_angle(grey: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that levels the page's text lines."""
    scale = _PROFILE_WIDTH / max(grey.width, 1)
    small = grey.resize((_PROFILE_WIDTH, max(1, round(grey.height * scale))), Image.Resampling.BOX)
    threshold = otsu_threshold(small)
    ink = small.point(lambda value: 255 if value <= threshold else 0)
    coarse = max(_SKEW_COARSE, key=lambda angle: _sharpness(ink, angle))
    best = max((coarse + step for step in _SKEW_FINE), key=lambda angle: _sharpness(ink, angle))
    return round(best, 2) if abs(best) >= 0.1 else 0.0


def _sharpness(ink: Image.Image, angle: float) -> float:
    """How much the row sums of the turned page vary: most when the lines are level."""
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0) if angle else ink
    rows = list(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes())
    mean = sum(rows) / len(rows)
    return sum((value - mean) ** 2 for value in rows)


def otsu_threshold(grey: Image.Image) -> int:
    """Otsu's threshold of a grey image: the level that best splits ink from paper."""
    histogram = grey.histogram()[:256]
    total = sum(histogram)
    sum_all = sum(level * count for level, count in enumerate(histogram))
    sum_back = weight_back = 0
    best, threshold = -1.0, 127
    for level, count in enumerate(histogram):
        weight_back += count
        if weight_back == 0:
            continue
        weight_fore = total - weight_back
        if weight_fore == 0:
            break
        sum_back += level * count
        mean_back = sum_back / weight_back
        mean_fore = (sum_all - sum_back) / weight_fore
        between = weight_back * weight_fore * (mean_back - mean_fore) ** 2
        if between > best:
            best, threshold = between, level
    return threshold
