"""Whatever the text, the pipeline never raises and every span points at its task's text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao import extract_text
from chidao.text import normalize

PIECES = [
    "THÔNG BÁO\n",
    "Số: 12/TB-UBND\n",
    "Hà Nội, ngày 5 tháng 3 năm 2024\n",
    "1. ",
    "2.1. ",
    "a) ",
    "- ",
    "+ ",
    "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính ",
    "rà soát biên chế ",
    "trước ngày 30/6/2024",
    "; ",
    ". ",
    ":\n",
    "\n",
    "\n\n",
    "đề nghị UBND các huyện, thành phố ",
    "trong quý II/2024 ",
    "Báo cáo hằng ngày ",
    "Nơi nhận:\n",
    "TL. CHỦ TỊCH\n",
    "Nguyễn Văn A\n",
    "Trên đây là ",
    "./.",
    "Về công tác chuyển đổi số: ",
    "các Tập đoàn: Bưu chính Viễn thông Việt Nam, ",
    "trong vòng 10 ngày làm việc",
]


def _check(text):
    result = extract_text(text)
    normalized = normalize(text).text
    assert isinstance(result["document"]["is_directive"], bool)
    for task in result["tasks"]:
        start, end = task["span"]
        assert 0 <= start <= end <= len(normalized)
        assert normalized[start:end] == task["text"]
        assert task["lead"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_shuffled_notice_pieces(pieces):
    _check("".join(pieces))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    _check(text)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=3000))
def test_truncated_real_notice(cut):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "examples" / "tb-ket-luan-chuyen-doi-so.txt").read_text()
    _check(text[:cut])
