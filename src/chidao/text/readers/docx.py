"""DOCX: body paragraphs and tables in document order, list numbering made visible.

Word stores automatic numbering outside the text ("1.", "a)" come from numbering.xml), so a
numbered item would lose its marker; we rebuild it from the numbering definitions.
"""

from __future__ import annotations

import io
import zipfile

from chidao.text.readers.errors import ReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _numbering_formats(document) -> dict[tuple[str, str], str]:
    """(numId, ilvl) → numFmt ("decimal", "lowerLetter", "bullet", ...)."""
    formats: dict[tuple[str, str], str] = {}
    try:
        numbering = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return formats
    abstract: dict[str, dict[str, str]] = {}
    for node in numbering.findall(f"{_W}abstractNum"):
        levels = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[lvl.get(f"{_W}ilvl")] = fmt.get(f"{_W}val") if fmt is not None else "decimal"
        abstract[node.get(f"{_W}abstractNumId")] = levels
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(f"{_W}val"), {}).items():
            formats[(num.get(f"{_W}numId"), ilvl)] = fmt
    return formats


def _style_numbering(document) -> dict[str, tuple[str, str]]:
    """styleId → (numId, ilvl) for list styles such as "List Number" that carry their numbering."""
    out: dict[str, tuple[str, str]] = {}
    for style in document.styles.element.findall(f"{_W}style"):
        num = style.find(f"{_W}pPr/{_W}numPr")
        if num is None:
            continue
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        if num_id is not None:
            out[style.get(f"{_W}styleId")] = (num_id.get(f"{_W}val"), ilvl.get(f"{_W}val") if ilvl is not None else "0")
    return out


def _numbering_key(paragraph, styles: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    num = paragraph.find(f"{_W}pPr/{_W}numPr")
    if num is not None:
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        return (
            num_id.get(f"{_W}val") if num_id is not None else "0",
            ilvl.get(f"{_W}val") if ilvl is not None else "0",
        )
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return styles.get(style.get(f"{_W}val")) if style is not None else None


def _marker(fmt: str, count: int) -> str:
    if fmt == "bullet":
        return "- "
    if fmt == "lowerLetter":
        letters = "abcdđeghiklmnopqrstuvxy"
        return f"{letters[(count - 1) % len(letters)]}) "
    if fmt == "upperRoman":
        romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        return f"{romans[(count - 1) % 10]}. "
    return f"{count}. "


def _paragraph_text(element) -> str:
    return (
        "".join(node.text or "" for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br") if node.tag == f"{_W}t")
        if element is not None
        else ""
    )


def docx_to_text(data: bytes, path: str) -> str:
    """Text of a DOCX file, one paragraph or table row a line."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(path, "encrypted or legacy .doc file, not DOCX")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(path, "not a DOCX file (not a zip archive)")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ReadError(path, f"not a readable DOCX file ({type(exc).__name__})") from None
    formats = _numbering_formats(document)
    styles = _style_numbering(document)
    counters: dict[tuple[str, str], int] = {}
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            text = _paragraph_text(child)
            key = _numbering_key(child, styles)
            if key is not None and key[0] != "0" and text.strip():
                counters[key] = counters.get(key, 0) + 1
                for other in list(counters):
                    if other[0] == key[0] and other[1] > key[1]:
                        del counters[other]
                text = _marker(formats.get(key, "decimal"), counters[key]) + text
            lines.append(text)
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [
                    " ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.iter(f"{_W}tc")
                ]
                lines.append(" | ".join(c for c in cells if c))
    return "\n".join(lines)
