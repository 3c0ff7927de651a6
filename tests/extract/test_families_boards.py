"""Families met on arrival of genre examples g43-g50, each with a short notice written for the
test: a title that runs straight into its intro, boards named by what they manage ("Ban Quản lý
dự án ...", "Ban Quản lý các khu công nghiệp"), police units, ranks before a signer's name."""

from __future__ import annotations

from test_annotation_rules import NATIONAL, task_containing

from chidao import extract_text

TITLE = "Kết luận của Chủ tịch UBND tỉnh về tiến độ dự án cầu Phú Hội"
OFFICE = "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Bình"


def notice(
    body: str,
    *,
    title: str = TITLE,
    issuer: str = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
    signature: str = OFFICE,
    kind: str = "THÔNG BÁO",
    blank: str = "\n",
) -> str:
    """A notice whose title line is followed by the body after ``blank`` (no blank line when "")."""
    return (
        f"{issuer}\nSố: 77/TB-UBND\n{NATIONAL}\nLâm Đồng, ngày 10 tháng 11 năm 2026\n\n{kind}\n{title}\n{blank}"
        f"{body.strip()}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{signature}\n"
    )


def test_a_title_line_followed_directly_by_the_intro_keeps_the_intro_out_of_the_title():
    body = (
        "Chủ tịch UBND tỉnh kết luận như sau:\n"
        "1. Sở Xây dựng hoàn thiện hồ sơ thiết kế cầu Phú Hội, trình trước ngày 30/11/2026.\n"
        "2. Sở Tài chính bố trí vốn cho dự án trong tháng 12/2026.\n"
    )
    result = extract_text(notice(body, blank=""))
    assert result["document"]["title"] == "Kết luận của Chủ tịch UBND tỉnh về tiến độ dự án cầu Phú Hội"
    assert result["document"]["is_directive"] is True
    assert len(result["tasks"]) == 2
    assert task_containing(result, "hồ sơ thiết kế")["deadline"] == "2026-11-30"
