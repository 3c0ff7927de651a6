"""Scans for the OCR tests: a one-page notice drawn in Noto Serif at about 200 dpi, turned,
speckled and stamped in red, and the text it holds; Tesseract required unless it may be skipped."""

from __future__ import annotations

import io
import os
import random

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"  # it has every Vietnamese letter
LINES = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về chuyển đổi số",
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí,",
    "hoàn thành trước ngày 30/6/2026.",
    "2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.",
]
EXPECTED = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về chuyển đổi số",
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí, hoàn thành trước ngày 30/6/2026.",
    "2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.",
]


def require_tesseract() -> None:
    """Skip without Tesseract's Vietnamese model, unless CI says it must be there."""
    from chidao.text.readers.ocr import tesseract

    if tesseract():
        return
    if os.environ.get("CHIDAO_REQUIRE_TESSERACT"):
        pytest.fail("tesseract-ocr-vie is missing but CHIDAO_REQUIRE_TESSERACT is set (make test installs it)")
    pytest.skip("Tesseract's Vietnamese model is not installed (make test installs tesseract-ocr-vie)")


def scan(angle: float = 1.5, *, stamp: bool = True) -> Image.Image:
    """The notice drawn at about 200 dpi (12 pt text), turned, speckled, stamped in red."""
    if not os.path.exists(FONT):
        pytest.skip("Noto Serif is not installed (make test installs fonts-noto-core)")
    page = Image.new("RGB", (1600, 820), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 34)
    y = 60
    for index, line in enumerate(LINES):
        x = (1600 - draw.textlength(line, font=font)) / 2 if index < 2 else 110
        draw.text((x, y), line, font=font, fill="black")
        y += 90 if index < 2 else 56
    draw.text((1100, 650), "Nguyễn Văn An", font=font, fill="black")
    if stamp:
        draw.ellipse((1040, 560, 1380, 800), outline=(210, 30, 30), width=12)
        draw.text((1090, 660), "ỦY BAN NHÂN DÂN", font=ImageFont.truetype(FONT, 30), fill=(210, 30, 30))
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
    speckled = turned.load()
    noise = random.Random(15)
    for _ in range(4000):
        speckled[noise.randrange(turned.width), noise.randrange(turned.height)] = (90, 90, 90)
    return turned


def encoded(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=kind, resolution=200.0)
    return out.getvalue()
