"""Properties of the PDF path: any Vietnamese paragraphs, typeset and printed, read back as written.

Paragraphs of real Vietnamese words (any tone, any case, with numbers, dates, abbreviations and
list markers) are typeset by reportlab's platypus in DejaVu Sans, justified or ragged, with a
first-line indent or none, in several sizes and widths, over as many pages as they need. The
reader must give them back one per line, every word in order, and the quality check must
never take them for garbage.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("reportlab")
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from chidao.text.readers.errors import Unreadable
from chidao.text.readers.pdf import read_pdf
from chidao.text.readers.quality import garbled

WORDS = (  # noqa: SIM905 -- read as prose
    "giao sở khoa học và công nghệ chủ trì phối hợp với các cơ quan đơn vị liên quan rà soát hoàn thiện kế"
    " hoạch chuyển đổi số năm của tỉnh trình ủy ban nhân dân trước ngày tháng quý báo cáo kết quả thực hiện"
    " nội vụ tài chính xây dựng nông nghiệp môi trường công an y tế giáo dục đào tạo văn hóa thể thao du"
    " lịch tư pháp thanh tra đẩy nhanh tiến độ giải phóng mặt bằng bảo đảm an toàn giao thông đường bộ"
    " huyện xã phường thị trấn hướng dẫn kiểm tra đôn đốc theo dõi tổng hợp đề xuất nghiên cứu khẩn trương"
    " quyết định nghị quyết chỉ thị thông báo kết luận đồng chí phó chủ tịch hội đồng nguyễn trần lê phạm"
    " hoàng huỳnh vũ võ đặng bùi đỗ hồ ngô dương lý ưu tiên nguồn vốn ngân sách nhà nước giải ngân"
).split()
PUNCTUATION = st.sampled_from(["", "", "", "", ",", ";", ":", "."])
# A one-letter word ("y" of "y tế") takes no punctuation: "y." or "Y." wrapped to a line's start
# is a list marker ("a.", "b.") to any reader, a printed page cannot tell them apart.
TOKENS = st.one_of(
    st.tuples(st.sampled_from(WORDS), PUNCTUATION).map(lambda t: t[0] + t[1] if len(t[0]) > 1 else t[0]),
    st.tuples(st.sampled_from(WORDS).map(str.capitalize), PUNCTUATION).map(
        lambda t: t[0] + t[1] if len(t[0]) > 1 else t[0]
    ),
    st.sampled_from(["UBND", "HĐND", "GPMB", "NĐ-CP", "30/6/2026", "15/8/2026", "02", "2026", "(DCCI)", "Km186+819"]),
)
MARKERS = st.sampled_from(["", "", "", "1. ", "2. ", "a) ", "b) ", "đ) ", "- ", "+ ", "II. "])


@st.composite
def paragraphs(draw: st.DrawFn) -> list[str]:
    """A few paragraphs: an optional list marker, then words, some followed by punctuation."""
    result = []
    for _ in range(draw(st.integers(1, 5))):
        words = [*[draw(TOKENS) for _ in range(draw(st.integers(0, 60)))], draw(st.sampled_from(WORDS))]
        words[0] = draw(st.sampled_from(WORDS)).capitalize()  # a paragraph starts with a capital
        # and ends with a word: a bare number alone on a page's last line would be a page number
        result.append(draw(MARKERS) + " ".join(words).rstrip(",;:") + draw(st.sampled_from([".", ":", ";", ""])))
    return result


@st.composite
def layouts(draw: st.DrawFn) -> dict:
    return {
        "size": draw(st.sampled_from([11, 12, 13, 14])),
        "justified": draw(st.booleans()),
        "indent": draw(st.sampled_from([0, 20, 36])),
        "margin": draw(st.sampled_from([56, 72, 90])),
        "space": draw(st.sampled_from([0, 6])),
    }


def _style(font: str, layout: dict) -> ParagraphStyle:
    size = layout["size"]
    return ParagraphStyle(
        "body",
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_JUSTIFY if layout["justified"] else TA_LEFT,
        firstLineIndent=layout["indent"],
        spaceBefore=layout["space"],
    )


def _typeset(texts: list[str], font: str, layout: dict) -> bytes:
    buffer = io.BytesIO()
    margin = layout["margin"]
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin)
    document.build([Paragraph(escape(text), _style(font, layout)) for text in texts])
    return buffer.getvalue()


def _breaks_visible(texts: list[str], font: str, layout: dict) -> bool:
    """Whether the page shows where its paragraphs end.

    It does when they are told apart by an indent or by space between them, and when one of
    them wraps: its lines show the margins and the distance between lines of one paragraph.
    Without that (a few one-line paragraphs, or ragged text with neither indent nor space) a
    printed page does not say where a paragraph ends: the Word file would look the same with
    two paragraphs merged. Such pages need only give every word back, in order.
    """
    if not (layout["indent"] or layout["space"]):
        return False
    width = A4[0] - 2 * layout["margin"] - 12  # the frame's padding: 6 pt on either side
    wrapped = []
    for text in texts:
        paragraph = Paragraph(escape(text), _style(font, layout))
        paragraph.wrap(width, A4[1])
        wrapped.append(len(paragraph.blPara.lines) > 1)
    return any(wrapped)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=paragraphs(), layout=layouts())
def test_typeset_paragraphs_read_back_as_written(pdf_font, texts, layout):
    data = _typeset(texts, pdf_font, layout)
    try:
        text = read_pdf(data)
    except Unreadable as error:  # the only exception allowed; a notice of one short line is "no text layer"
        assert sum(len(t) for t in texts) < 40, error.reason
        return
    assert garbled(text) is None
    assert text.split() == " ".join(texts).split()  # no word lost, added or moved
    if _breaks_visible(texts, pdf_font, layout):
        assert text.split("\n") == texts  # one paragraph per line, none lost or merged
