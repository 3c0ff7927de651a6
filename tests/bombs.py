"""Hostile files for the bounded-reading tests (issue 10), each built in a few milliseconds.

ZIP members are written by hand so that a part that inflates to hundreds of megabytes costs no
compression time: one fully flushed deflate block, repeated (each such block stands alone), and
so that a header can state a size other than the real one.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

import docx

MB = 1024 * 1024
XML_RUN = b"<w:p><w:r><w:t>Giao So Y te chu tri thuc hien</w:t></w:r></w:p>"


@dataclass(frozen=True)
class Repeat:
    """A member's content: ``chunk`` ``times`` over, stored as one deflate block repeated."""

    chunk: bytes
    times: int
    declared: int | None = None  # the size the headers state, when it is to lie


def _deflate(content: bytes | Repeat) -> tuple[bytes, int, int]:
    """The raw deflate stream, CRC-32 and size the headers state."""
    if isinstance(content, bytes):
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(content) + packer.flush(), zlib.crc32(content), len(content)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(content.chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(content.times):
        crc = zlib.crc32(content.chunk, crc)
    size = len(content.chunk) * content.times
    return block * content.times + b"\x03\x00", crc, size if content.declared is None else content.declared


def zip_bytes(members: dict[str, bytes | Repeat]) -> bytes:
    """A ZIP archive of these members, all deflated."""
    out = io.BytesIO()
    directory = []
    for name, content in members.items():
        data, crc, size = _deflate(content)
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        directory.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    out.write(b"".join(directory))
    size = out.tell() - start
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(directory), len(directory), size, start, 0))
    return out.getvalue()


def docx_parts(text: str = "Giao Sở Y tế chủ trì thực hiện.") -> dict[str, bytes | Repeat]:
    """The members of a real one-paragraph DOCX (python-docx's template), to replace some of."""
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    import zipfile

    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_with(**replaced: bytes | Repeat) -> bytes:
    """A DOCX whose named parts (``word/document.xml`` as ``document``) are replaced."""
    parts = docx_parts()
    for key, content in replaced.items():
        parts[f"word/{key}.xml"] = content
    return zip_bytes(parts)


def pdf_bytes(objects: dict[int, str]) -> bytes:
    """A PDF of these objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n{objects[number]}\nendobj\n".encode()
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in range(1, size))
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def page_tree_bomb(fan: tuple[int, ...] = (30, 30, 100)) -> bytes:
    """A 1.5 KB PDF whose page tree repeats one page 90,000 times: each level's node lists the
    next level's one node ``fan[i]`` times, the last level lists the page."""
    first = 3
    page = first + len(fan)
    total = 1
    for count in fan:
        total *= count
    objects = {1: "<< /Type /Catalog /Pages 2 0 R >>", 2: f"<< /Type /Pages /Kids [{first} 0 R] /Count {total} >>"}
    below = total
    for level, count in enumerate(fan):
        number = first + level
        kid = number + 1 if level < len(fan) - 1 else page
        kids = " ".join([f"{kid} 0 R"] * count)
        parent = 2 if level == 0 else number - 1
        objects[number] = f"<< /Type /Pages /Parent {parent} 0 R /Kids [{kids}] /Count {below} >>"
        below //= count
    objects[page] = f"<< /Type /Page /Parent {page - 1} 0 R /MediaBox [0 0 612 792] >>"
    return pdf_bytes(objects)


def nested_html(size: int) -> bytes:
    """A page of ``size`` bytes that is nothing but nested ``<div>`` elements."""
    head = b"<html><body>"
    return head + b"<div>" * ((size - len(head)) // 5)
