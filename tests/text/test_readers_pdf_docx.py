"""A notice's PDF reads like its DOCX: the same paragraphs, one per line, and the same tasks.

The notices are written for this test with python-docx (``office.NOTICES``) and printed to PDF
by LibreOffice, once for the whole module, in two fonts: Liberation Serif (what Times New Roman
becomes on Linux; it lacks letters such as "Ỉ" and "Ồ", which LibreOffice draws with a fallback
font after the rest of the line) and DejaVu Sans (wide: the motto wraps in its cell).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from office import NOTICES, convert_to_pdf, require_soffice, write_docx

from chidao.extract import extract_text
from chidao.text import read_text

FONTS = ["Liberation Serif", "DejaVu Sans"]
CASES = [(name, font) for name in NOTICES for font in FONTS]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, Path]]:
    """(DOCX, PDF) of every notice in every font, printed by one LibreOffice run."""
    require_soffice()
    folder = tmp_path_factory.mktemp("notices")
    documents = {
        (name, font): write_docx(folder / f"{name}-{font.replace(' ', '-')}.docx", notice, font)
        for name, notice in NOTICES.items()
        for font in FONTS
    }
    pdfs = convert_to_pdf(list(documents.values()), folder)
    return {key: (docx, pdf) for (key, docx), pdf in zip(documents.items(), pdfs, strict=True)}


def _words(text: str) -> list[str]:
    return text.split()


def _tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(" ".join(t["text"].split()), t["lead"], t["deadline"]) for t in extract_text(text)["tasks"]]


@pytest.mark.parametrize(("name", "font"), CASES)
def test_the_pdf_has_the_paragraphs_of_the_docx(printed, name, font):
    docx, pdf = printed[name, font]
    notice = NOTICES[name]
    expected = read_text(docx).split("\n")
    assert expected == notice.lines()  # the DOCX reader sees what was written
    lines = read_text(pdf).split("\n")
    body = [line.removeprefix("#") for line in notice.body]
    start = lines.index(body[0])
    assert lines[start : start + len(body)] == body  # wrapped sentences joined, items and headings on their own
    title = start - len(notice.subject) - 1
    assert lines[title:start] == [notice.kind, *notice.subject]
    # The header block, left column then right: the issuer's lines as written; the motto may wrap in
    # its cell in a wide font ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM"), its words stay in order.
    assert lines[: len(notice.issuer) + 1] == [*notice.issuer, notice.number]
    assert _words(" ".join(lines[:title])) == _words(" ".join(expected[: expected.index(notice.kind)]))
    # "Nơi nhận:" and its list, then the signature column
    assert lines[start + len(body) :] == expected[expected.index(body[-1]) + 1 :]


@pytest.mark.parametrize(("name", "font"), CASES)
def test_the_pdf_gives_the_tasks_of_the_docx(printed, name, font):
    docx, pdf = printed[name, font]
    expected = _tasks(read_text(docx))
    assert len(expected) >= 3  # the notices assign tasks, with leads and deadlines
    assert any(deadline for _, _, deadline in expected) and all(lead for _, lead, _ in expected)
    found = _tasks(read_text(pdf))
    assert [len(found), [lead for _, lead, _ in found]] == [len(expected), [lead for _, lead, _ in expected]]
    assert [deadline for _, _, deadline in found] == [deadline for _, _, deadline in expected]
    assert found == expected
