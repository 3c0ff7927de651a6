"""The issuer's block of a header: the lines before the national motto ("UBND TỈNH PHÚ THỌ" /
"SỞ GIÁO DỤC VÀ ĐÀO TẠO"), whether laid out above it or beside it line by line."""

from __future__ import annotations

import re

from chidao.data import load_toml
from chidao.text.fold import match_key, tone_spellings

_LAYOUT = load_toml("layout.toml")
_MOTTOS = tone_spellings(_LAYOUT["motto"])  # "CỘNG HÒA", then "CỘNG HOÀ"
_MOTTO_BROKEN = re.compile("|".join(r"\s+".join(map(re.escape, m.split())) for m in _MOTTOS))
_MOTTO_FULL = match_key(_LAYOUT["motto_full"])  # "cộng hòa xã hội chủ nghĩa việt nam": its parts are no issuer
_MOTTO_LINE = _LAYOUT["motto_line"]  # "Độc lập"


def _before_motto_line(line: str) -> str:
    """The part of a header line before the motto's second line, laid beside it."""
    at = line.find(_MOTTO_LINE)
    return line[:at] if at > 0 else line


def issuer_block(text: str) -> str:
    """The issuer's lines of ``text``'s header, up to the motto or the number line."""
    cut = -1
    for motto in _MOTTOS:
        cut = text.find(motto)
        if cut >= 0:
            break
    if cut < 0:
        # the motto broken across lines by a PDF copy: "CỘNG\nHÒA XÃ HỘI ..." (genre k01)
        broken = _MOTTO_BROKEN.search(text)
        cut = broken.start() if broken else -1
    number = text.find(_LAYOUT["number_label"])
    ends = [c for c in (cut, number) if c >= 0]
    block = text[: min(ends)] if ends else ""
    if 0 <= cut < number:
        # Two columns laid out line by line: "UBND TỈNH BẮC NINH" / "CỘNG HÒA ..." / "SỞ XÂY DỰNG" /
        # "Độc lập - Tự do - Hạnh phúc" (genre g329): the issuer's lines after the motto's first one.
        # Side by side: "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc" (genre g585): what comes
        # before the motto's second line is the issuer's.
        rest = [_before_motto_line(ln).strip() for ln in text[cut:number].split("\n")[1:]]
        block += "".join(
            f"{ln}\n"
            for ln in rest
            if ln.isupper() and any(c.isalpha() for c in ln) and match_key(ln) not in _MOTTO_FULL
        )
    return block
