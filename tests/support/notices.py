"""A notice's standard parts around a body written for a test: the issuer's header, the number,
place and date, the kind and subject, and the closing recipients and signature. Rule tests write
only the part their rule is about, so each file does not carry its own copy of the furniture."""

from __future__ import annotations


def notice(
    body: str,
    *,
    issuer: str = "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH",
    number: str = "215/TB-UBND",
    dated: str = "Ninh Bình, ngày 04 tháng 6 năm 2026",
    kind: str = "THÔNG BÁO",
    subject: str = "Về việc thực hiện các nhiệm vụ được giao",
    signature: str = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Minh",
) -> str:
    """The whole text of a notice whose ``body`` sits between its subject and "Nơi nhận:"."""
    return (
        f"{issuer}\nSố: {number}\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{dated}\n\n{kind}\n{subject}\n\n{body.strip()}\n\n"
        f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{signature}\n"
    )


def pipes(*rows: tuple[str, ...]) -> str:
    """A table as pipe-delimited lines, each row's cells between "|" (Markdown's layout)."""
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)
