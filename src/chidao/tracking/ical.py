"""Writing iCalendar (RFC 5545) lines: TEXT values escaped, lines folded at 75 octets without
cutting a UTF-8 character, CRLF endings. A few lines of code where a library spent most of a
feed's time folding (``benchmarks/events.py``); the tests read every feed back with the
``icalendar`` library, as calendar programs would."""

from __future__ import annotations

from datetime import date, datetime

LIMIT = 75  # octets per line, CRLF excluded


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def day(value: date) -> str:
    return value.strftime("%Y%m%d")


def utc(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded: each continuation starts with a space."""
    data = line.encode("utf-8")
    if len(data) <= LIMIT:
        return data + b"\r\n"
    parts, start, limit = [], 0, LIMIT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character: step back
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LIMIT - 1  # the leading space counts
    return b"\r\n ".join(parts) + b"\r\n"


def lines(*pairs: tuple[str, str]) -> bytes:
    """``NAME:value`` lines (the name may carry parameters: ``DTSTART;VALUE=DATE``), folded."""
    return b"".join(fold(f"{name}:{value}") for name, value in pairs)
