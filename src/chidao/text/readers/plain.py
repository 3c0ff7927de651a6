"""Plain text and Markdown: decode UTF-8 / UTF-16, refuse legacy Vietnamese 8-bit encodings.

Before Unicode, Vietnamese offices typed in TCVN3 (ABC) and VNI fonts; such files decode as
Latin-1 garbage ("Th«ng b¸o", "Thoâng baùo") and would be read as nonsense, so they are
refused with a clear message instead.
"""

from __future__ import annotations

import re

from chidao.text.readers.errors import ReadError

# Latin-1 characters that TCVN3 uses for Vietnamese letters.
# Only the symbols: TCVN3 puts "á" at "¸", "ô" at "«", "đ" at "®"; French or German text has none.
_TCVN3 = set("¸µ¶·¹¨©ª«¬®¾»¼½")
_VNI_PATTERN = re.compile("[a-zA-Z](?:[øùûõïâêôöñ])")
_VIETNAMESE = re.compile("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵđươĐƯƠ]")


def looks_legacy(text: str) -> str | None:
    """Name the legacy encoding ``text`` seems to be written in, or None."""
    sample = text[:20000]
    letters = sum(c.isalpha() for c in sample) or 1
    if len(_VIETNAMESE.findall(sample)) / letters > 0.01:
        return None
    tcvn = sum(c in _TCVN3 for c in sample)
    if tcvn / letters > 0.03:
        return "TCVN3 (ABC)"
    if len(_VNI_PATTERN.findall(sample)) / letters > 0.04 and re.search("\\b(?:Soá|soá|thoâng|Thoâng|UÛY|Uûy)", sample):
        return "VNI"
    return None


def decode(data: bytes, path: str) -> str:
    """Bytes of a text file → str, or ReadError saying why not."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "binary file, not text")
    try:
        text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        legacy = looks_legacy(data.decode("latin-1"))
        if legacy:
            raise ReadError(path, f"legacy Vietnamese encoding ({legacy}); convert it to Unicode first") from None
        raise ReadError(path, "not UTF-8 text and not a known encoding") from None
    legacy = looks_legacy(text)
    if legacy:
        raise ReadError(path, f"legacy Vietnamese encoding ({legacy}); convert it to Unicode first")
    return text
