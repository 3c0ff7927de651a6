"""DOCX: the body's paragraphs and tables in document order, one paragraph per line.

python-docx's ``Document.paragraphs`` skips tables and loses their order, so we walk the
body XML (``w:p``, ``w:tbl``, content controls) ourselves. Section headers and footers
are not part of the body and are never read. Automatic numbering is made visible
(``docx_numbering``). Tables that lay out the page (the notice's two-column header, the
"Nơi nhận" / signature block) are read cell by cell so each paragraph keeps its own line;
data tables become one line per row with cells joined by " | ".
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from chidao.text.readers import archive, legacy_codec
from chidao.text.readers.docx_fonts import RunFonts
from chidao.text.readers.docx_numbering import Numbering, Xml
from chidao.text.readers.errors import Failure, Unreadable

_P, _TBL, _SDT, _SDT_CONTENT, _R = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent"), qn("w:r")
_TR, _TC, _T, _TAB, _BR, _CR = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN, _TEXT_BOX, _SOFT_HYPHEN = qn("w:noBreakHyphen"), qn("w:txbxContent"), qn("w:softHyphen")
_SKIPPED = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:delText")}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LAYOUT_MAX_ROWS, _LAYOUT_MAX_COLUMNS = 4, 3


def read_docx(data: bytes) -> str:
    """The text of a DOCX file's body, one line per paragraph or table row."""
    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        if error.code == etree.ErrorTypes.ERR_NO_MEMORY:
            raise MemoryError from None
        raise _xml_error(error) from None
    except MemoryError:
        raise  # not a corrupt file: a worker's limit (``tracking.sandbox``) says so
    except Exception as error:  # python-docx raises KeyError, ValueError...
        raise Unreadable(f"corrupt DOCX file ({type(error).__name__})", Failure.CORRUPT) from None
    styles = document.styles.element
    walker = _Walker(Numbering(_numbering_xml(document), styles), RunFonts(styles))
    return "\n".join(walker.blocks(document.element.body))


def _check_package(data: bytes) -> None:
    """Refuse what is not a readable Word package, or one that would cost more than a document
    may (``archive``), before python-docx inflates and parses it."""
    archive.check_part_count(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "word/document.xml" not in package.namelist():
                raise Unreadable("not a DOCX file (a ZIP archive without word/document.xml)", Failure.WRONG_TYPE)
            archive.check_members(package)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise Unreadable("corrupt DOCX file (bad ZIP archive)", Failure.CORRUPT) from None


def _xml_error(error: etree.XMLSyntaxError) -> Unreadable:
    """A parse error of a DOCX part: past the XML parser's limits (depth 256, a text node of 10 MB,
    entity amplification: lxml's ``huge_tree`` stays off), or corrupt."""
    message = str(error).split(",")[0][:100]
    if error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in message:
        return Unreadable(f"DOCX XML beyond the parser's limits ({message})", Failure.DOCX_XML_LIMIT)
    return Unreadable("corrupt DOCX file (XMLSyntaxError)", Failure.CORRUPT)


def _numbering_xml(document: Document) -> Xml | None:
    """numbering.xml's root, or None when the document has no lists."""
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return getattr(part, "element", None)


class _Walker:
    """Turns body-level XML into lines; holds the numbering counters across the document, and
    the styles' fonts (runs in a legacy font are converted)."""

    def __init__(self, numbering: Numbering, fonts: RunFonts) -> None:
        self.numbering = numbering
        self.fonts = fonts

    def blocks(self, container: Xml) -> list[str]:
        """Lines of the paragraphs and tables directly in ``container`` (body, cell, text box)."""
        lines: list[str] = []
        for child in container.iterchildren():
            if child.tag == _P:
                lines.extend(self.paragraph(child))
            elif child.tag == _TBL:
                lines.extend(self.table(child))
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    lines.extend(self.blocks(content))
        return lines

    def paragraph(self, paragraph: Xml) -> list[str]:
        """The paragraph's line (with its list marker), then the lines of its text boxes."""
        parts: list[str] = []
        boxes: list[Xml] = []
        _collect_runs(paragraph, parts, boxes, _Fonts(self.fonts, self.fonts.paragraph_font(paragraph)))
        text = "".join(parts).strip()
        lines: list[str] = []
        if text:
            marker = self.numbering.marker(paragraph)
            lines.extend((marker + text if marker else text).split("\n"))
        for box in boxes:
            lines.extend(self.blocks(box))
        return [line for line in lines if line.strip()]

    def table(self, table: Xml) -> list[str]:
        rows = [[cell for cell in row.iterchildren(_TC)] for row in table.iterchildren(_TR)]
        cells = [[self.blocks(cell) for cell in row] for row in rows]
        if _is_layout(cells, _has_borders(table)):
            return [line for row in cells for cell in row for line in cell]
        lines = []
        for row in cells:
            texts = [" ".join(line.strip() for line in cell) for cell in row]
            if any(texts):
                lines.append(" | ".join(texts))
        return lines


def _is_layout(cells: list[list[list[str]]], bordered: bool) -> bool:
    """A small table whose cells hold several lines lays out the page rather than data.

    The notice's header and signature block are 1-2 rows of 2 borderless cells; a data
    table with three columns is drawn with borders.
    """
    if not cells or len(cells) > _LAYOUT_MAX_ROWS:
        return False
    columns = max(len(row) for row in cells)
    if columns > _LAYOUT_MAX_COLUMNS or (columns == _LAYOUT_MAX_COLUMNS and bordered):
        return False
    return any(len(cell) >= 2 for row in cells for cell in row)


def _has_borders(table: Xml) -> bool:
    """Whether the table draws borders: explicit ``w:tblBorders``, else any named table style."""
    properties = table.find(qn("w:tblPr"))
    if properties is None:
        return False
    borders = properties.find(qn("w:tblBorders"))
    if borders is not None:
        return any(edge.get(qn("w:val")) not in ("nil", "none", None) for edge in borders.iterchildren())
    style = properties.find(qn("w:tblStyle"))
    return style is not None and style.get(qn("w:val")) not in ("TableNormal", "NormalTable", None)


class _Fonts:
    """A paragraph's run fonts: the styles, and the font its runs have by default."""

    def __init__(self, fonts: RunFonts, paragraph_font: str | None) -> None:
        self.fonts = fonts
        self.paragraph_font = paragraph_font

    def convert(self, run: Xml, parts: list[str]) -> list[str]:
        """A run's texts, converted to Unicode when the run is set in a legacy font."""
        found = self.fonts.encoding(run, self.paragraph_font)
        if found is None:  # a soft hyphen is invisible in Unicode text
            return [part.replace("\xad", "") for part in parts]
        return [legacy_codec.decode(part, found[0], uppercase=found[1]) for part in parts]


def _collect_runs(element: Xml, parts: list[str], boxes: list[Xml], fonts: _Fonts) -> None:
    """Text of a paragraph in order: runs, tabs, breaks; text boxes are set aside."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _R:
            run: list[str] = []
            _collect_runs(child, run, boxes, fonts)
            parts.extend(fonts.convert(child, run))
        elif tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _SOFT_HYPHEN:  # byte 0xAD: "ư" in TCVN3, which LibreOffice and Word write so
            parts.append("\xad")
        elif tag == _TEXT_BOX:
            boxes.append(child)
        elif tag not in _SKIPPED and tag != _FALLBACK and isinstance(tag, str):
            _collect_runs(child, parts, boxes, fonts)
