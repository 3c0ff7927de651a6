"""The font of each DOCX run, to convert the runs typed in a legacy Vietnamese font (issue 15).

Documents from before Unicode, and many edited since, hold runs set in ".VnTime" (TCVN3) or
"VNI-Times" (VNI) beside runs in Times New Roman: the legacy runs' characters are the legacy
bytes, which only the font draws as Vietnamese. A run's font is its own ``w:rFonts``, else its
character style's, else its paragraph style's (through ``w:basedOn``), else the default
paragraph style's, else the document defaults'. Characters above ASCII are drawn with the
``w:hAnsi`` font, ASCII with ``w:ascii``: legacy letters are the former.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from chidao.text.readers import legacy_codec
from chidao.text.readers.docx_numbering import Xml

_RPR, _RFONTS, _RSTYLE, _PPR, _PSTYLE = qn("w:rPr"), qn("w:rFonts"), qn("w:rStyle"), qn("w:pPr"), qn("w:pStyle")
_STYLE, _STYLE_ID, _BASED_ON, _VAL = qn("w:style"), qn("w:styleId"), qn("w:basedOn"), qn("w:val")
_FONT_ATTRIBUTES = (qn("w:hAnsi"), qn("w:ascii"))
_MAX_BASED_ON = 20  # a style chain longer than this is a loop


def _font_of(properties: Xml | None) -> str | None:
    """The font named by a ``w:rPr``, or None."""
    if properties is None:
        return None
    fonts = properties.find(_RFONTS)
    if fonts is None:
        return None
    return next((fonts.get(name) for name in _FONT_ATTRIBUTES if fonts.get(name)), None)


class RunFonts:
    """Resolves the legacy encoding of a run from the document's styles."""

    def __init__(self, styles: Xml | None) -> None:
        self._styles: dict[str, Xml] = {}
        self._default_paragraph: str | None = None
        self._document_font: str | None = None
        self._cache: dict[str, str | None] = {}
        if styles is None:
            return
        for style in styles.iterchildren(_STYLE):
            style_id = style.get(_STYLE_ID)
            if style_id:
                self._styles[style_id] = style
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
                    self._default_paragraph = style_id
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{_RPR}")
        self._document_font = _font_of(defaults)

    def style_font(self, style_id: str | None) -> str | None:
        """The font a style sets, itself or through the styles it is based on."""
        if style_id is None:
            return None
        if style_id not in self._cache:
            font, current = None, style_id
            for _ in range(_MAX_BASED_ON):
                style = self._styles.get(current)
                if style is None:
                    break
                font = _font_of(style.find(_RPR))
                based_on = style.find(_BASED_ON)
                if font or based_on is None:
                    break
                current = based_on.get(_VAL)
            self._cache[style_id] = font
        return self._cache[style_id]

    def paragraph_font(self, paragraph: Xml) -> str | None:
        """The font a paragraph's runs have unless they say otherwise."""
        properties = paragraph.find(_PPR)
        style = properties.find(_PSTYLE) if properties is not None else None
        style_id = style.get(_VAL) if style is not None else self._default_paragraph
        return self.style_font(style_id) or self.style_font(self._default_paragraph) or self._document_font

    def encoding(self, run: Xml, paragraph_font: str | None) -> tuple[str, bool] | None:
        """``(encoding, all capitals)`` of a run set in a legacy font, else None."""
        properties = run.find(_RPR)
        font = _font_of(properties)
        if font is None and properties is not None:
            style = properties.find(_RSTYLE)
            font = self.style_font(style.get(_VAL)) if style is not None else None
        return legacy_codec.legacy_fonts().encoding(font or paragraph_font)
