"""Scans read by OCR (issue 15): a one-page notice drawn by the test in Noto Serif, turned by a
degree and a half, speckled, with a red stamp over the signature; as a PNG and as an image-only
PDF. OCR costs a few seconds a page, so there are two pages to read; the rest needs no Tesseract."""

from __future__ import annotations

import random
import shutil

import pytest
from PIL import Image, ImageDraw, ImageOps

from chidao.data import load_toml
from chidao.extract import extract_text
from chidao.text import ReadError
from chidao.text.readers import read_upload
from chidao.text.readers.errors import Failure
from chidao.text.readers.ocr_fix import correct
from chidao.text.readers.ocr_image import clean, otsu_threshold, skew_angle
from chidao.tracking.sandbox import read_and_extract
from support.scans import EXPECTED, encoded, require_tesseract, scan


def test_png_scan_is_read_as_ocr_with_its_paragraphs_and_confidence():
    require_tesseract()
    reading = read_upload(encoded(scan(), "PNG"), "tb-quet.png")
    lines = reading.text.split("\n")
    assert lines[:4] == EXPECTED
    assert "ỦY BAN NHÂN DÂN" not in reading.text  # the red stamp is not read
    (page,) = reading.ocr
    assert page.number == 1 and page.confidence > 80 and abs(page.angle + 1.5) <= 0.3


def test_image_only_pdf_is_read_by_ocr_in_the_worker():
    require_tesseract()
    extraction = read_and_extract(encoded(scan(angle=-1.0, stamp=False), "PDF"), "tb-quet.pdf")
    original = extract_text("\n".join(EXPECTED))["tasks"]
    tasks = extraction.to_dict()["tasks"]
    assert len(tasks) == len(original) == 2
    assert [(t["lead"], t["deadline"]) for t in tasks] == [(t["lead"], t["deadline"]) for t in original]


def test_without_tesseract_a_scan_is_refused_with_its_own_code(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert shutil.which("tesseract") is None
    with pytest.raises(ReadError) as caught:
        read_upload(encoded(Image.new("L", (40, 40), 255), "PNG"), "a.png")
    assert caught.value.code == Failure.NO_OCR


def test_a_broken_image_is_refused_as_corrupt():
    with pytest.raises(ReadError) as caught:
        read_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png")
    assert caught.value.code == Failure.CORRUPT


@pytest.mark.parametrize("angle", [-2.5, -0.8, 0.0, 1.2, 3.0])
def test_skew_is_measured(angle):
    assert abs(skew_angle(scan(angle, stamp=False).convert("L")) + angle) <= 0.25


def test_stamps_and_signatures_in_colour_are_removed():
    page = Image.new("RGB", (100, 40), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 30, 40), fill=(200, 20, 20))  # a red stamp
    draw.rectangle((35, 0, 65, 40), fill=(20, 40, 190))  # a blue signature
    draw.rectangle((70, 0, 100, 40), fill=(30, 30, 30))  # black text
    cleaned, _ = clean(page, binarize=False)
    assert cleaned.getpixel((10, 20)) == 255 and cleaned.getpixel((50, 20)) == 255
    assert cleaned.getpixel((85, 20)) < 60
    assert 30 < otsu_threshold(cleaned) < 255


@pytest.mark.parametrize(("read", "meant"), load_toml("ocr.toml")["examples"]["fixed"])
def test_known_confusions_are_corrected(read, meant):
    assert correct(read) == meant


@pytest.mark.parametrize("text", load_toml("ocr.toml")["examples"]["kept"])
def test_what_no_known_word_decides_is_kept(text):
    assert correct(text) == text


def test_a_near_blank_speckled_page_keeps_only_dark_marks():
    page = Image.new("L", (400, 400), 255)
    specks = random.Random(4)
    for _ in range(800):
        page.putpixel((specks.randrange(400), specks.randrange(400)), specks.randrange(150, 200))
    ImageDraw.Draw(page).rectangle((180, 20, 220, 60), fill=0)  # a page number's ink
    cleaned, _ = clean(page)
    left, top, right, bottom = ImageOps.invert(cleaned).getbbox()
    assert right - left <= 43 and bottom - top <= 43  # the mark alone (perhaps turned a little): no speck
    assert cleaned.histogram()[0] >= 41 * 41 - 8
