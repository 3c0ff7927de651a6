"""A forgiving element tree built with the standard library's ``html.parser``.

Portal pages are tag soup: unclosed ``<p>``, ``<li>`` and ``<td>``, stray end tags. We only
need enough structure to find the main content and the block boundaries, so the builder
repairs the common cases (HTML's implied end tags) and ignores what it cannot place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from chidao.text.readers.errors import Failure, Unreadable

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# A start tag implies the end of these open elements, up to a scope boundary.
_IMPLIED_END = {
    "p": frozenset({"p"}),
    "li": frozenset({"li", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
    "tr": frozenset({"tr", "td", "th", "p"}),
    "td": frozenset({"td", "th", "p"}),
    "th": frozenset({"td", "th", "p"}),
    "option": frozenset({"option"}),
}
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "div",
        "dl",
        "fieldset",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "table",
        "ul",
    ]
)
_SCOPES = frozenset(
    [
        "#root",
        "html",
        "body",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "dl",
        "li",
        "div",
        "article",
        "main",
        "section",
        "blockquote",
        "form",
        "nav",
        "aside",
        "header",
        "footer",
    ]
)
MAX_DEPTH = 200  # deeper elements are attached flat: no recursion limit on absurd pages
# Start and end tags: a Word document saved as HTML, 10 MB of spans, has about 300,000. Each costs
# up to MAX_DEPTH steps (closing what a tag implies), so this also bounds the time a deep page takes.
MAX_TAGS = 500_000


@dataclass(eq=False)
class Element:
    """One element: lowercase ``tag``, ``attrs`` and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def elements(self) -> list[Element]:
        """All descendant elements, in document order (iteratively: pages can be deep)."""
        found: list[Element] = []
        stack = [child for child in reversed(self.children) if isinstance(child, Element)]
        while stack:
            element = stack.pop()
            found.append(element)
            stack.extend(child for child in reversed(element.children) if isinstance(child, Element))
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]
        self.tags = 0

    def _count(self) -> None:
        self.tags += 1
        if self.tags > MAX_TAGS:
            raise Unreadable(f"HTML page too complex (over {MAX_TAGS:,} tags)", Failure.HTML_TOO_COMPLEX)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count()
        self._imply_end(tag)
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count()
        self._imply_end(tag)
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self._count()
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _imply_end(self, tag: str) -> None:
        """Close what HTML closes implicitly: an open ``<p>`` before a block, ``<li>`` before ``<li>``."""
        closes = _IMPLIED_END.get(tag) or (_IMPLIED_END["p"] if tag in _CLOSES_P else None)
        if closes is None:
            return
        cut = None
        for index in range(len(self.stack) - 1, 0, -1):
            current = self.stack[index].tag
            if current in closes:
                cut = index
            elif current in _SCOPES:
                break
        if cut is not None:
            del self.stack[cut:]


def parse(markup: str) -> Element:
    """The element tree of ``markup`` under a ``#root`` element."""
    builder = _Builder()
    builder.feed(_text_tail(markup))
    builder.close()
    return builder.root


def _text_tail(markup: str) -> str:
    """``markup`` with each "<" after its last ">" written "&lt;".

    ``html.parser`` makes text of a tag left open at the end anyway, but it looks for the tag's
    end from each such "<" to the end of the page again: 160 KB of "<a<a<a..." took 13 s.
    """
    end = markup.rfind(">") + 1
    tail = markup[end:]
    return markup if "<" not in tail else markup[:end] + tail.replace("<", "&lt;")
