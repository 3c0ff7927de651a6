"""The outline tree of a document body: numbered, lettered and bulleted items.

Vietnamese administrative texts nest their items in a conventional order
(I. > 1. > 1.1. > a) > (i) > - > +), so a marker's kind tells its level even
when a document skips one ("2." right after a "-" list closes the list).
Unmarked paragraphs belong to the item open above them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from chidao.document.lexicon import lexicon
from chidao.document.paragraphs import Paragraph

_RANK = {
    "article": 0,
    "part": 0.5,  # "A. MỤC TIÊU" over "I." or "1."
    "roman": 1,
    "decimal": 2,
    "period": 4.5,  # a schedule's "Tháng 10/2026" over the items done in it, above their letters
    "task_no": 2,  # "Nhiệm vụ 1:", as "1."
    "alpha": 5,
    "roman_lower": 5,  # "i)" reads as a letter, "ii)" after it as its sibling
    "alpha_dot": 5,
    "paren": 6,
    "ordinal": 6,
    "symbol": 6.5,  # the Symbol font's bullet over "•" in a text that uses both (``_symbol_bullets``)
    "dash": 7,
    "plus": 8,
    "star": 9,
    "circle": 8.5,  # Word's "o" under its "•"
}


def rank(paragraph: Paragraph) -> float:
    """Nesting level of a marker kind; "2.1." sits below "2." and "2.1.1." below "2.1."."""
    if paragraph.kind == "decimal2":
        depth = (paragraph.marker or "").strip(".").count(".")
        return 2 + min(depth, 2)
    return _RANK.get(paragraph.kind or "", 10)


@dataclass
class Node:
    """An item of the outline, or (``paragraph`` None) the root."""

    paragraph: Paragraph | None
    children: list[Node] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return self.paragraph is not None and self.paragraph.kind is not None

    def last_end(self) -> int:
        """End offset of this item including everything nested in it."""
        node = self
        while node.children:
            node = node.children[-1]
        return node.paragraph.end if node.paragraph else 0


def build_outline(paragraphs: list[Paragraph], text: str = "") -> Node:
    """Nest ``paragraphs`` by marker rank; unmarked ones go under the item open above them, but
    for a lead-in line ("Giao Sở Xây dựng:") over items of the kind just closed, which opens a
    new run of them beside the earlier ones (genre g447)."""
    root = Node(None)
    stack: list[tuple[Node, float]] = [(root, -1.0)]  # the open items and their ranks
    paragraphs = _symbol_bullets(paragraphs)
    bullets = _bullet_ranks(paragraphs)
    for k, paragraph in enumerate(paragraphs):
        node = Node(paragraph, [])
        if paragraph.kind is None:
            following = paragraphs[k + 1 : k + 2]
            if (len(stack) > 1 and _leads_in_beside(text, paragraph, following, stack[-1][1], bullets)) or (
                len(stack) == 2 and _prose_after_list(text, paragraphs[:k], paragraph, stack[-1][0])
            ):
                stack.pop()
            stack[-1][0].children.append(node)
            continue
        level = bullets.get(paragraph.kind, 0) or _task_no_rank(stack, paragraph) or rank(paragraph)
        same = _open_bullet(stack, paragraph.kind)
        if same is not None:
            # "*" over "+" ... then "*" again: a bullet of a kind open above is that one's sibling,
            # whatever the usual order of the kinds (genre g534)
            del stack[same:]
        while len(stack) > 1 and stack[-1][1] >= level:
            stack.pop()
        stack[-1][0].children.append(node)
        stack.append((node, level))
    return root


def _prose_after_list(text: str, above: list[Paragraph], paragraph: Paragraph, open_item: Node) -> bool:
    """Whether an unmarked paragraph is running text after a list of bullets under running text,
    not the last bullet's continuation: a news item's "Tại Hội nghị, ... các nhóm vấn đề:" / "-
    ...;" / "- ... .", a blank line, then "Trả lời tại Hội nghị, ..." (genre g742). Not after the
    addressees of a letter ("Kính gửi:" / "- Các Bộ: ...;"), whose body the next paragraph opens."""
    item, before = open_item.paragraph, above[-1]
    if not text or item is None or item.kind not in _BULLETS or open_item.children:
        return False
    if text[before.end : paragraph.start].count("\n") < 2 or text[before.end - 1 : before.end] not in ".;":
        return False
    if not text[paragraph.body : paragraph.body + 1].isupper():
        return False
    run = len(above)
    while run > 0 and above[run - 1].kind == item.kind:
        run -= 1
    lead = above[run - 1] if run > 0 else None
    return (
        lead is not None
        and lead.kind is None
        and not text[lead.body : lead.end].startswith(lexicon().addressee_openers)
    )


_BULLETS = frozenset({"dash", "plus", "star", "circle", "symbol"})
_NUMBERED = frozenset({"decimal", "decimal2"})
_SYMBOL_MARKS = frozenset(lexicon().symbol_bullets)  # "\uf0b7": Word's first-level bullet as a copy keeps it


def _task_no_rank(stack: list[tuple[Node, float]], paragraph: Paragraph) -> float:
    """The rank of "Nhiệm vụ 1:" under an open numbered heading ("1. Hoàn thiện cơ chế, chính
    sách" / "Nhiệm vụ 1: ..." / "Nhiệm vụ 2: ..."): just below it, the heading's items (genre g377);
    0 (the usual rank, as "1.") when no such heading is open."""
    if paragraph.kind != "task_no":
        return 0
    for node, level in reversed(stack):
        kind = node.paragraph.kind if node.paragraph is not None else None
        if kind in _NUMBERED:
            return level + 0.5
    return 0


def _bullet_ranks(paragraphs: list[Paragraph]) -> dict[str | None, float]:
    """The rank of "*" in this text: below "-" and above "+" when its first "*" comes before its
    first "+" ("* Giao Sở Xây dựng ...:" over "+ ..." items, genre g534), else the usual, below "+"."""
    first: dict[str, int] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind in ("star", "plus") and paragraph.kind not in first:
            first[paragraph.kind] = index
    if "star" in first and first["star"] < first.get("plus", len(paragraphs)):
        return {"star": (_RANK["dash"] + _RANK["plus"]) / 2}
    return {}


def _symbol_bullets(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A text that marks some items with the Symbol font's bullet (U+F0B7, as Word's copy keeps
    it) and others with "•" or "-" uses two levels: the first kind used is the upper one, its
    headings ("Sở Tài chính", "TỔ CHỨC THỰC HIỆN") over the other's items (genre g1165)."""
    symbol = next((i for i, p in enumerate(paragraphs) if p.kind == "dash" and p.marker in _SYMBOL_MARKS), None)
    if symbol is None:
        return paragraphs
    other = next((i for i, p in enumerate(paragraphs) if p.kind == "dash" and p.marker not in _SYMBOL_MARKS), None)
    if other is None or other < symbol:
        return paragraphs
    return [replace(p, kind="symbol") if p.kind == "dash" and p.marker in _SYMBOL_MARKS else p for p in paragraphs]


def _open_bullet(stack: list[tuple[Node, float]], kind: str | None) -> int | None:
    """Where in ``stack`` an item of the bullet ``kind`` is open, if one is."""
    if kind not in _BULLETS:
        return None
    for index in range(len(stack) - 1, 0, -1):
        paragraph = stack[index][0].paragraph
        if paragraph is not None and paragraph.kind == kind:
            return index
    return None


_LEAD_IN_WORDS = 16  # the most words of a lead-in line that names who does the items under it


def _leads_in_beside(
    text: str, paragraph: Paragraph, following: list[Paragraph], open_rank: float, bullets: dict[str | None, float]
) -> bool:
    """Whether an unmarked ``paragraph`` is a short line ending with a colon, followed by an item
    of the same rank as the item open above it: the items after it are its own."""
    if not text or not following or following[0].kind is None:
        return False
    if (bullets.get(following[0].kind, 0) or rank(following[0])) != open_rank:
        return False
    line = text[paragraph.body : paragraph.end].rstrip()
    return line.endswith(":") and "\n" not in line and len(line.split()) <= _LEAD_IN_WORDS
