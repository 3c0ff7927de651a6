"""Word's automatic list numbering, rendered as the text a reader sees ("1.", "a)", "-").

Word does not store "1." or "a)" in the paragraph: the paragraph points (directly or through
its style) to a numbering definition in numbering.xml, and Word counts. Vietnamese notices
number their tasks that way, and the layout layer finds tasks by those markers, so we count
the same way: per list, per level, deeper levels restarting after a shallower item.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from docx.oxml.ns import qn

Xml = Any  # an lxml element of python-docx's oxml layer
_BULLETS_KEPT = frozenset("-+–—*")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


@dataclass(frozen=True)
class Level:
    """One level of a list: number format, template ("%1.%2."), start value, separator."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = " "


@dataclass
class _Num:
    """A ``w:num``: its abstract definition and what it overrides (which restarts the count)."""

    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)

    @property
    def restarts(self) -> bool:
        return bool(self.levels or self.starts)


class Numbering:
    """Numbering definitions of one document, and the running counters of its lists."""

    def __init__(self, numbering_xml: Xml | None, styles_xml: Xml | None) -> None:
        self._abstract = {
            node.get(qn("w:abstractNumId")): _levels(node) for node in _children(numbering_xml, "w:abstractNum")
        }
        self._nums = {node.get(qn("w:numId")): _num(node) for node in _children(numbering_xml, "w:num")}
        self._styles = {node.get(qn("w:styleId")): _style(node) for node in _children(styles_xml, "w:style")}
        self._counters: dict[str, dict[int, int]] = {}

    def marker(self, paragraph: Xml) -> str | None:
        """The list marker of this ``w:p`` with its separator ("1. "), or None; counts the item."""
        found = self._num_and_level(paragraph)
        if found is None:
            return None
        num, ilvl = found
        levels = self._levels_of(num)
        if ilvl not in levels:
            return None
        key = f"num:{id(num)}" if num.restarts else f"abstract:{num.abstract}"
        counts = self._counters.setdefault(key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        for deeper in [level for level in counts if level > ilvl]:
            del counts[deeper]
        text = _render(levels, counts, ilvl)
        return text + levels[ilvl].suffix if text else None

    def _levels_of(self, num: _Num) -> dict[int, Level]:
        levels = {**self._abstract.get(num.abstract, {}), **num.levels}
        for ilvl, start in num.starts.items():
            levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
        return levels

    def _num_and_level(self, paragraph: Xml) -> tuple[_Num, int] | None:
        """The paragraph's list and level, from its own properties, else from its style chain."""
        ppr = paragraph.find(qn("w:pPr"))
        num_id, ilvl, style_id = _num_pr(ppr) if ppr is not None else (None, None, None)
        seen: set[str] = set()
        while style_id and style_id not in seen and (num_id is None or ilvl is None):
            seen.add(style_id)
            style_num, style_ilvl, style_id = self._styles.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id not in self._nums:  # numId 0 ("no list") is never defined
            return None
        return self._nums[num_id], ilvl or 0


def _render(levels: dict[int, Level], counts: dict[int, int], ilvl: int) -> str:
    """The level's template with each %N replaced by level N-1's count in its own format."""
    level = levels[ilvl]
    if level.fmt == "bullet":
        return level.text if level.text in _BULLETS_KEPT else "-"
    text = level.text
    for index in range(8, -1, -1):
        placeholder = f"%{index + 1}"
        if placeholder in text:
            other = levels.get(index, Level())
            text = text.replace(placeholder, format_number(counts.get(index, other.start), other.fmt))
    return text.strip()


def format_number(value: int, fmt: str) -> str:
    """``value`` in a Word number format (decimal, lowerLetter, upperRoman, ...)."""
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, symbol in _ROMAN:
            while value >= amount:
                roman, value = roman + symbol, value - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _children(parent: Xml | None, tag: str) -> list[Xml]:
    return [] if parent is None else parent.findall(qn(tag))


def _val(parent: Xml, tag: str) -> str | None:
    child = parent.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _num_pr(ppr: Xml) -> tuple[str | None, int | None, str | None]:
    """(numId, ilvl, styleId) of a ``w:pPr``."""
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None, None, _val(ppr, "w:pStyle")
    return _val(num_pr, "w:numId"), _int(_val(num_pr, "w:ilvl"), None), _val(ppr, "w:pStyle")


def _levels(abstract: Xml) -> dict[int, Level]:
    return {_int(lvl.get(qn("w:ilvl")), 0) or 0: _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}


def _level(lvl: Xml) -> Level:
    suffix = {"nothing": "", "space": " ", "tab": " "}.get(_val(lvl, "w:suff") or "tab", " ")
    return Level(
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText") or "",
        start=_int(_val(lvl, "w:start"), 1) or 0,
        suffix=suffix,
    )


def _num(node: Xml) -> _Num:
    num = _Num(abstract=_val(node, "w:abstractNumId") or "")
    for override in node.findall(qn("w:lvlOverride")):
        ilvl = _int(override.get(qn("w:ilvl")), 0) or 0
        lvl = override.find(qn("w:lvl"))
        if lvl is not None:
            num.levels[ilvl] = _level(lvl)
        start = _int(_val(override, "w:startOverride"), None)
        if start is not None:
            num.starts[ilvl] = start
    return num


def _style(style: Xml) -> tuple[str | None, int | None, str | None]:
    """(numId, ilvl, basedOn) of a style."""
    ppr = style.find(qn("w:pPr"))
    num_id, ilvl, _ = _num_pr(ppr) if ppr is not None else (None, None, None)
    return num_id, ilvl, _val(style, "w:basedOn")


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
