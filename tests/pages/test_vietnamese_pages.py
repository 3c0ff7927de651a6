"""Every page speaks Vietnamese (issue 14, item 4): each page the site serves is rendered for each
role, and its visible text (with the labels a screen reader or a tooltip gives: ``title``,
``placeholder``, ``aria-label``, ``alt``) may hold no English word.

A word is English here when it is written in plain ASCII letters, is not spelt like any
Vietnamese syllable (``chidao.text.syllables``: "Choose", "Files", "error", "not a PDF"), and is
not in the short list of names and file types a Vietnamese page uses as they are; plus a few
English function words that happen to be spelt like a syllable ("the", "not"). The pages are
found from the site's own routes, so a new page is checked without being listed here."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from pagekit import conversion
from siteclient import HEALTH
from sqlalchemy import text

from chidao.text.syllables import is_syllable
from chidao.web.pages.routes import ROUTERS

# Names and terms the pages use untranslated: formats, standards, products, the tests' users and
# token name, the date pattern, and the search hint's example typed without diacritics.
_ALLOWED = """
    chidao api json csv pdf docx doc odt rtf xlsx xls txt md html htm png jpg jpeg tif tiff ocr
    ical ics icalendar url email e-mail smtp http https www webhook webhooks hmac sha token tokens
    outlook google thunderbird excel word libreoffice tesseract swagger openapi id utc csrf
    admin clerk viewer officer finance health robot tests qr kb mb gb byte dd mm yyyy
    mail eoffice calendar ctrl chuyen
"""
ALLOWED = frozenset(_ALLOWED.split())
# English words spelt like a Vietnamese syllable, which a Vietnamese page never writes bare.
ENGLISH_SYLLABLES = frozenset({"the", "to", "not", "at", "is", "on", "no", "be", "by", "it", "or", "of"})
SKIPPED_PATHS = ("/api", "/static", "/logout", "/mail/preferences")  # the API; files; actions; token links
DOWNLOADS = re.compile(r"\.(csv|ics|docx|xlsx|pdf)$|/original$|/print$|/attachments/")
LABELS = re.compile(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"')
# File names and addresses are the users' data, not the page's words.
NAMES = re.compile(r"https?://\S+|[\w.-]+\.(?:txt|md|html?|docx?|odt|rtf|pdf|png|jpe?g|tiff?|csv|xlsx|ics)\b", re.I)


def visible_text(page: str) -> str:
    """What a person reads or hears of the page's body: text and the labelling attributes."""
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<(script|style|code|pre|datalist|select)\b.*?</\1>", " ", body, flags=re.S)
    labels = " ".join(LABELS.findall(body))
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + labels)


def english_words(page: str) -> set[str]:
    found = set()
    for word in re.findall(r"[A-Za-zÀ-ỹĐđ]+", NAMES.sub(" ", visible_text(page))):
        low = word.lower()
        if not word.isascii() or low in ALLOWED or len(low) < 2 or word.isupper():
            continue  # Vietnamese abbreviations (UBND, TB, KT) and Roman numerals are capitals
        if low in ENGLISH_SYLLABLES or not is_syllable(low):
            found.add(word)
    return found


def page_paths(ids: dict[str, str]) -> list[str]:
    """Every GET page of the site, its path parameters filled with ``ids``."""
    paths = []
    for route in (route for router in ROUTERS for route in router.routes):
        path = getattr(route, "path", "")
        if "GET" not in getattr(route, "methods", set()) or path.startswith(SKIPPED_PATHS) or DOWNLOADS.search(path):
            continue
        filled = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: ids.get(m.group(1), "{?}"), path)
        if "{?}" not in filled:
            paths.append(filled)
    return sorted(set(paths))


@pytest.fixture
def ids(site) -> dict[str, str]:
    document, task = conversion(site)
    draft = site.document(HEALTH, confirm=False)
    with site.engine.connect() as connection:
        agency = connection.scalar(text("SELECT id FROM agencies WHERE name = 'Sở Tài chính'"))
        user = connection.scalar(text("SELECT id FROM users WHERE username = 'officer'"))
        job = connection.scalar(text("SELECT max(id) FROM ingest_jobs"))  # the draft's upload
    return {
        "document_id": str(document["id"]),
        "task_id": str(task),
        "agency_id": str(agency),
        "user_id": str(user),
        "draft_id": str(draft["id"]),
        "job_id": str(job),
        "reorganization": "2025",
        "name": "2025",
    }


@pytest.mark.parametrize("role", ["admin", "clerk", "officer", "viewer"])
def test_no_page_speaks_english(site, ids, role):
    site.today = date(2024, 4, 1)
    browser = site.login(role)
    leaks: dict[str, set[str]] = {}
    paths = page_paths(ids)
    assert len(paths) >= 15, paths  # the routes were found
    extra = [f"/documents/{ids['draft_id']}/review", "/tasks?q=khong-co-gi", "/documents/999999", "/tasks?page=x"]
    for path in [*paths, *extra]:  # error pages (403, 404, 422) too
        response = browser.get(path)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        english = english_words(response.text)
        if english:
            leaks[path] = english
    assert not leaks, "\n".join(f"{path}: {sorted(found)}" for path, found in sorted(leaks.items()))


def test_the_checker_finds_english_and_lets_vietnamese_through():
    page = '<body><main><p>Chọn tệp <button title="Choose Files">Tải lên</button> Chi tiết: not a PDF file</p>'
    assert english_words(page) == {"Choose", "Files", "not", "file"}
    clean = "<body><main><h1>Nhiệm vụ quá hạn</h1><p>Tệp PDF, DOCX; cho ban; Uỷ ban nhân dân</p></main>"
    assert english_words(clean) == set()
