"""Word tables written as WordprocessingML in one piece: python-docx's ``add_row`` and ``cell``
walk the whole grid at every call, which makes a table of a few thousand cells take seconds;
one XML string parsed once takes milliseconds. Borders, widths and the header row repeated on
every page are set here, in the table itself, so that any template's styles will do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567
TABLE_FONT_HALF_POINTS = 24  # 12 pt: tables may be smaller than the 14 pt body (Nghị định 30/2020)


@dataclass(frozen=True)
class Column:
    title: str
    cm: float
    align: str = "left"  # left | center | right


def _run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    props = f'<w:rPr>{"<w:b/>" if bold else ""}{"<w:i/>" if italic else ""}<w:sz w:val="{TABLE_FONT_HALF_POINTS}"/>'
    props += f'<w:szCs w:val="{TABLE_FONT_HALF_POINTS}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _cell(text: str, column: Column, *, bold: bool = False, shade: bool = False) -> str:
    width = round(column.cm * TWIPS_PER_CM)
    fill = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if shade else ""
    align = "center" if shade else {"left": "left", "center": "center", "right": "right"}[column.align]
    paragraph = (
        f'<w:p><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>{_run(text, bold=bold)}</w:p>'
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}<w:vAlign w:val="center"/></w:tcPr>{paragraph}</w:tc>'
    )


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_element(columns: Sequence[Column], rows: Sequence[Sequence[str]], *, bold_last: bool = False):
    """A bordered table: a shaded header row (repeated on each page), then ``rows`` of text."""
    total = sum(round(c.cm * TWIPS_PER_CM) for c in columns)
    grid = "".join(f'<w:gridCol w:w="{round(c.cm * TWIPS_PER_CM)}"/>' for c in columns)
    header = "".join(_cell(c.title, c, bold=True, shade=True) for c in columns)
    body = []
    for index, row in enumerate(rows):
        bold = bold_last and index == len(rows) - 1
        cells = "".join(_cell(text, column, bold=bold) for text, column in zip(row, columns, strict=True))
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    xml = (
        f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>{''.join(body)}</w:tbl>"
    )
    return parse_xml(xml)
