"""The ZIP package of a DOCX, checked before anything inflates it for good.

A DOCX is a ZIP archive, and a ZIP archive can say anything about itself: a 480 KB file whose
``document.xml`` inflates to 300 MB, a 1 MB file with a 1 GB ``styles.xml``, an archive of a
hundred thousand members. python-docx reads every member into memory and parses every XML part,
so each limit is checked here first, cheapest first:

1. the number of members, from the end-of-central-directory record (before ``zipfile`` builds
   an object per member);
2. each member's declared size and compression ratio, and their declared total;
3. each member inflated in chunks and counted, never more than the caps, so that a size the
   header understates is caught too (``zipfile`` itself stops at the declared size and fails
   the CRC there), and every XML part scanned for a DTD or entity declarations, which Word
   never writes and which are the way into entity expansion.
"""

from __future__ import annotations

import zipfile
import zlib

from chidao.text.readers.errors import Failure, Unreadable

MB = 1024 * 1024
MAX_PARTS = 1_000  # a notice has about 20 members; one with many pictures, a few hundred
MAX_PART_BYTES = 64 * MB  # any member, inflated (a 300-page plan's document.xml is about 10 MB)
MAX_TOTAL_BYTES = 160 * MB  # all members, inflated
MAX_RATIO = 300  # inflated / compressed size of a member over RATIO_FLOOR (real parts: under 60)
RATIO_FLOOR = 1 * MB
_CHUNK = 1 * MB
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 65_535
_XML_SUFFIXES = (".xml", ".rels")
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_OVERLAP = max(len(marker) for marker in _DECLARATIONS) - 1


def declared_parts(data: bytes) -> int | None:
    """How many members the archive's end-of-central-directory record declares, read without
    parsing the directory; None when there is no such record (``zipfile`` will say it is bad)."""
    start = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - _MAX_COMMENT))
    if start < 0 or start + _EOCD_SIZE > len(data):
        return None
    return int.from_bytes(data[start + 10 : start + 12], "little")  # 0xFFFF for ZIP64: too many anyway


def check_part_count(data: bytes) -> None:
    """Refuse an archive that declares more than ``MAX_PARTS`` members."""
    count = declared_parts(data)
    if count is not None and count > MAX_PARTS:
        raise Unreadable(f"DOCX archive has too many parts ({count:,} > {MAX_PARTS:,})", Failure.DOCX_TOO_MANY_PARTS)


def check_members(archive: zipfile.ZipFile) -> None:
    """Check every member of an opened archive: count, encryption, sizes, ratio, then inflate
    each in chunks, counting and scanning. Raises ``Unreadable``."""
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise Unreadable(
            f"DOCX archive has too many parts ({len(members):,} > {MAX_PARTS:,})", Failure.DOCX_TOO_MANY_PARTS
        )
    for member in members:
        _check_declared(member)
    declared = sum(member.file_size for member in members)
    if declared > MAX_TOTAL_BYTES:
        raise Unreadable(_too_large("all parts together", declared, MAX_TOTAL_BYTES), Failure.DOCX_TOO_LARGE)
    total = 0
    for member in members:
        total += _inflate(archive, member, MAX_TOTAL_BYTES - total)


def _check_declared(member: zipfile.ZipInfo) -> None:
    if member.flag_bits & 0x1:
        raise Unreadable("encrypted DOCX file", Failure.ENCRYPTED)
    if member.file_size > MAX_PART_BYTES:
        raise Unreadable(_too_large(member.filename, member.file_size, MAX_PART_BYTES), Failure.DOCX_TOO_LARGE)
    ratio = member.file_size / max(member.compress_size, 1)
    if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
        raise Unreadable(
            f"DOCX part {_name(member)} is compressed {ratio:,.0f} to 1 (> {MAX_RATIO} to 1): a ZIP bomb",
            Failure.DOCX_COMPRESSION,
        )


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int) -> int:
    """Inflate one member in chunks and return its real size; ``Unreadable`` past the part's cap
    or the ``budget`` left of the total, on a DTD in an XML part, or on a corrupt member."""
    cap = min(MAX_PART_BYTES, budget)
    scan = member.filename.lower().endswith(_XML_SUFFIXES)
    size, tail = 0, b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cap:
                    what = member.filename if size > MAX_PART_BYTES else "all parts together"
                    raise Unreadable(_too_large(what, size, cap, more=True), Failure.DOCX_TOO_LARGE)
                if scan:
                    window = tail + chunk
                    if any(marker in window for marker in _DECLARATIONS):
                        raise Unreadable(
                            f"DOCX part {_name(member)} declares a DTD or entities, which Word never writes",
                            Failure.DOCX_UNSAFE_XML,
                        )
                    tail = window[-_OVERLAP:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise Unreadable(f"corrupt DOCX file (bad ZIP member {_name(member)})", Failure.CORRUPT) from None
    return size


def _too_large(what: str, size: int, cap: int, *, more: bool = False) -> str:
    amount = f"over {cap // MB} MB" if more else f"{size / MB:,.0f} MB > {cap // MB} MB"
    return f"DOCX file too large once uncompressed ({what[:80]}: {amount})"


def _name(member: zipfile.ZipInfo) -> str:
    return member.filename[:80]
