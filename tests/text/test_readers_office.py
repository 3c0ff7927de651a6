"""Word 97 ``.doc``, ``.odt`` and ``.rtf`` read through LibreOffice (issue 15).

The ``.doc`` is made by LibreOffice from a notice written with python-docx (one run of it in
".VnTime", as old files have), and read back through the upload worker's limits; the ``.odt`` is
written by hand (a ZIP of three parts), in the fonts LibreOffice's own ODT files name. A
conversion costs LibreOffice's start (1-3 s), so there are three; the failures are reached without
one where they can be.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from office import NOTICES, require_soffice, write_docx

from chidao.extract import extract_text
from chidao.text import ReadError, read_text
from chidao.text.readers import detect, read_bytes
from chidao.text.readers.errors import Failure, Unreadable
from chidao.text.readers.legacy_codec import encode
from chidao.text.readers.office import convert_to_docx
from chidao.tracking.sandbox import read_and_extract

NOTICE = NOTICES["tb-ket-luan"]
LEGACY_LINE = "Giao Sở Tài chính bố trí kinh phí thực hiện trước ngày 30/9/2026."


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family="'.VnTime'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="T1" style:family="text">
<style:text-properties style:font-name=".VnTime"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:p>THÔNG BÁO</text:p>
<text:p>1. Giao Sở Nội vụ chủ trì rà soát biên chế, báo cáo UBND tỉnh trước ngày 30/6/2026.</text:p>
<text:p><text:span text:style-name="T1">{legacy}</text:span></text:p>
</office:text></office:body></office:document-content>"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The notice as DOCX and as the .doc LibreOffice writes of it; an .odt written by hand."""
    soffice = require_soffice()
    folder = tmp_path_factory.mktemp("office")
    source = write_docx(folder / "tb-ket-luan.docx", NOTICE, "Liberation Serif")
    document = docx.Document(str(source))
    run = document.add_paragraph().add_run(encode(LEGACY_LINE, "tcvn3").decode("latin-1"))
    run.font.name = ".VnTime"
    document.save(str(source))
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc"]
    subprocess.run([*command, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=120)
    odt = folder / "tb.odt"
    with zipfile.ZipFile(odt, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", ODT_CONTENT.format(legacy=encode(LEGACY_LINE, "tcvn3").decode("latin-1")))
        package.writestr("META-INF/manifest.xml", ODT_MANIFEST)
    return {"docx": source, "doc": folder / "tb-ket-luan.doc", "odt": odt}


def test_sniffed_kinds(converted):
    assert detect.sniff(converted["doc"].read_bytes()) == "ole"
    assert detect.is_word97(converted["doc"].read_bytes())
    assert detect.sniff(converted["odt"].read_bytes()) == "odt"


def test_word97_doc_reads_like_its_docx_through_the_worker(converted):
    expected = read_text(converted["docx"])
    assert expected.endswith(LEGACY_LINE)  # the .VnTime run was converted
    data = converted["doc"].read_bytes()
    extraction = read_and_extract(data, "tb-ket-luan.doc")
    assert extraction.to_dict() == extract_text(expected)


def test_odt_is_read_with_its_legacy_font_span_converted(converted):
    assert read_text(converted["odt"]).split("\n") == [
        "THÔNG BÁO",
        "1. Giao Sở Nội vụ chủ trì rà soát biên chế, báo cáo UBND tỉnh trước ngày 30/6/2026.",
        LEGACY_LINE,
    ]


def test_a_word97_file_renamed_docx_is_converted_too(converted):
    assert detect.choose_reader(".docx", converted["doc"].read_bytes()) == detect.OFFICE


def test_a_conversion_past_its_timeout_is_killed_with_its_children(converted, tmp_path, monkeypatch):
    require_soffice()
    # this conversion's folder under tmp_path: the conversions of other tests (another pytest-xdist
    # worker's) run under the system's temporary folder, and are none of this test's business
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(Unreadable) as caught:
        convert_to_docx(converted["odt"].read_bytes(), "odt", timeout=0.3)
    assert caught.value.code == Failure.NEEDS_TIME
    assert "LibreOffice took longer than 0.3 s" in caught.value.reason
    leftover = subprocess.run(["pgrep", "-f", f"{tmp_path}/chidao-soffice-"], capture_output=True, text=True).stdout
    assert leftover == ""


def test_without_libreoffice_the_reason_says_so(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ReadError) as caught:
        read_bytes(b"{\\rtf1\\ansi Th\\'f4ng b\\'e1o}", "tb.rtf")
    assert caught.value.code == Failure.NO_CONVERTER
    assert caught.value.reason == "cannot read RTF files: LibreOffice (soffice) is not installed"


@pytest.mark.parametrize(
    ("name", "data", "code", "reason"),
    [
        ("tb.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), Failure.ENCRYPTED, "encrypted or not a Word"),
        ("tb.rtf", "Thông báo kết luận".encode(), Failure.WRONG_TYPE, "not a Word 97, OpenDocument or RTF file"),
        ("tb.doc", b"%PDF-1.4\n1 0 obj\n", Failure.WRONG_TYPE, "not a Word 97, OpenDocument or RTF file (looks"),
    ],
)
def test_what_is_not_a_word_file_is_refused_before_libreoffice(name, data, code, reason):
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    assert caught.value.code == code and caught.value.reason.startswith(reason)


def test_a_file_too_large_to_convert_is_refused_before_libreoffice():
    with pytest.raises(ReadError) as caught:
        read_bytes(b"{\\rtf1 " + b"x" * (21 * 1024 * 1024) + b"}", "tb.rtf")
    assert caught.value.code == Failure.TOO_LARGE


def test_two_conversions_at_once_do_not_share_a_profile():
    require_soffice()
    rtf = b"{\\rtf1\\ansi Giao S\\u7903? Y t\\u7871? ch\\u7911? tr\\u236?.\\par}"
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(read_bytes(rtf, "tb.rtf"))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["Giao Sở Y tế chủ trì."] * 2
