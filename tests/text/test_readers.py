"""read_text as a whole: dispatch by extension and content, and every way a file can be unreadable."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.text import ReadError, read_text
from chidao.text.chars import LOWER
from chidao.text.readers import read_bytes

NOTICE = "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n1. Giao Sở Nội vụ rà soát biên chế."
VIETNAMESE_LETTER = re.compile(f"[{LOWER[3:]}]")  # LOWER opens with "a-z": keep the accented letters


def _reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(ReadError) as caught:
        read_text(path, **kwargs)
    assert caught.value.path == str(path)
    assert "\n" not in caught.value.reason
    return caught.value.reason


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_utf8_text_is_returned_as_is(write):
    assert read_text(write("tb.txt", NOTICE)) == NOTICE


@pytest.mark.parametrize("name", ["tb.md", "tb.markdown", "tb", "TB.TXT", "tb.text"])
def test_text_extensions_and_no_extension_read_as_plain_text(write, name):
    assert read_text(write(name, "## **Kết luận**\n- Giao Sở Tài chính")) == "## **Kết luận**\n- Giao Sở Tài chính"


def test_string_paths_are_accepted(write):
    assert read_text(str(write("tb.txt", NOTICE))) == NOTICE


def test_missing_file(tmp_path):
    assert _reason(tmp_path / "missing.txt") == "no such file"


def test_directory(tmp_path):
    assert _reason(tmp_path) == "is a directory, not a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(write):
    path = write("secret.txt", NOTICE)
    path.chmod(0)
    try:
        assert _reason(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_permission_error_is_a_read_error(write, monkeypatch):
    path = write("secret.txt", NOTICE)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert _reason(path) == "permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert _reason(pipe) == "not a regular file"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\r\n  "),
        ("bom.txt", b"\xef\xbb\xbf"),
        ("bom-blank.txt", b"\xef\xbb\xbf \n"),
        ("utf16-blank.txt", " \n ".encode("utf-16")),
        ("empty.pdf", b""),
        ("empty.docx", b"\n"),
        ("empty.html", b""),
    ],
)
def test_empty_files(write, name, data):
    assert _reason(write(name, data)) == "file is empty"


@pytest.mark.parametrize(
    ("size", "limit", "reason"),
    [
        (2000, 1000, "file too large (2 KB > 1000 bytes)"),
        (3 * 1024 * 1024, 2 * 1024 * 1024, "file too large (3 MB > 2 MB)"),
    ],
)
def test_oversized_files_are_refused(write, size, limit, reason):
    assert _reason(write("big.txt", b"a" * size), max_bytes=limit) == reason


def test_default_limit_is_50_mb(write, monkeypatch):
    path = write("big.txt", NOTICE)
    real_stat = Path.stat

    def huge(self, *args, **kwargs):
        result = real_stat(self, *args, **kwargs)
        return os.stat_result((result.st_mode, *result[1:6], 60 * 1024 * 1024, *result[7:]))

    monkeypatch.setattr(Path, "stat", huge)
    assert _reason(path) == "file too large (60 MB > 50 MB)"


def test_file_at_the_limit_is_read(write):
    assert read_text(write("tb.txt", NOTICE), max_bytes=len(NOTICE.encode())) == NOTICE


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tb.pdf", NOTICE, "not a PDF file"),
        ("tb.pdf", _zip({"word/document.xml": "<w:document/>"}), "not a PDF file (looks like a DOCX file)"),
        ("tb.docx", NOTICE, "not a DOCX file (not a ZIP/OOXML package)"),
        ("tb.docx", b"%PDF-1.7\n%\xe2\xe3\n", "not a DOCX file (looks like a PDF file)"),
        (
            "tb.docx",
            _zip({"content.xml": "<office/>"}),
            "not a DOCX file (a ZIP archive without word/document.xml)",
        ),
        (
            "tb.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "encrypted or legacy .doc file, not DOCX",
        ),
        ("tb.txt", b"%PDF-1.4\n1 0 obj\n", "not a text file (looks like a PDF file)"),
        ("tb.md", _zip({"word/document.xml": "<w:document/>"}), "not a text file (looks like a DOCX file)"),
        ("tb.html", b"%PDF-1.4\n1 0 obj\n", "not an HTML file (looks like a PDF file)"),
    ],
)
def test_content_must_match_the_extension(write, name, data, reason):
    assert _reason(write(name, data)) == reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tb.xyz", b"GIF89a\x01\x00\x01\x00\x00\x00\x00", "unsupported file type .xyz"),
        ("tb.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported file type .xls"),
        ("tb.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "encrypted or not a Word document"),
        ("tb.odt", _zip({"content.xml": "<office/>"}), "not a Word 97, OpenDocument or RTF file (looks like a ZIP"),
    ],
)
def test_unknown_extensions_with_unreadable_content(write, name, data, reason):
    assert _reason(write(name, data)).startswith(reason)


def test_unknown_extension_is_sniffed_as_html(write):
    page = "<!DOCTYPE html><html><body><nav>Trang chủ</nav><p>Kết luận của Chủ tịch</p></body></html>"
    assert read_text(write("notice.aspx", page)) == "Kết luận của Chủ tịch"


def test_unknown_extension_with_text_is_plain_text(write):
    assert read_text(write("notice.v2", NOTICE)) == NOTICE


def test_no_extension_pdf_is_sniffed(write):
    with pytest.raises(ReadError) as caught:
        read_text(write("download", b"%PDF-1.4\n" + b"x" * 200))
    assert "PDF" in caught.value.reason  # read as a PDF (a corrupt one), not as text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4),
        ("bad.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>"),
        ("bad.docx", b"PK\x03\x04" + bytes(200)),
        ("bad.docx", _zip({"word/document.xml": "<w:document><unclosed>"})),
        ("bad.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<x/>"})),
        ("bad.html", b"<html><body><p>\xff\xfe\x00\x00garbage</p>"),
    ],
)
def test_corrupt_files_raise_read_error_only(write, name, data):
    reason = _reason(write(name, data))
    assert reason and len(reason) < 160


def test_read_bytes_for_uploads():
    assert read_bytes(NOTICE.encode("utf-16"), "upload.txt") == NOTICE
    with pytest.raises(ReadError) as caught:
        read_bytes(NOTICE.encode(), "upload.pdf")
    assert (caught.value.path, caught.value.reason) == ("upload.pdf", "not a PDF file")
    with pytest.raises(ReadError) as caught:
        read_bytes(b"x" * 11, "upload.txt", max_bytes=10)
    assert caught.value.reason == "file too large (11 bytes > 10 bytes)"


_HEADERS = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html><p>"])


@settings(max_examples=150, deadline=None)
@given(
    header=_HEADERS,
    body=st.binary(max_size=600),
    name=st.sampled_from(["a.txt", "a.md", "a", "a.html", "a.docx", "a.pdf", "a.xyz"]),
)
def test_any_bytes_give_text_or_read_error(header, body, name):
    try:
        text = read_bytes(header + body, name)
    except ReadError as error:
        assert error.reason and "\n" not in error.reason
    else:
        assert isinstance(text, str) and text.strip()


def test_corpus_texts_read(corpus):
    paths = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "dev").glob("*.txt"))
    assert paths, f"no *.txt under {corpus}/seeds or {corpus}/dev"
    for path in paths:
        text = read_text(path)
        assert text.strip(), path
        assert len(VIETNAMESE_LETTER.findall(text)) > 50, path
        assert text == path.read_text(encoding="utf-8-sig"), path
