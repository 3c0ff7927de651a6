"""HTML pages: the main content only, block elements as lines.

Portal pages wrap a notice in navigation ("Skip Ribbon Commands", menus, breadcrumbs, share
buttons); we prefer <article>/<main> or a content-like container and drop the rest.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "button",
    "select",
    "svg",
    "iframe",
}
_BLOCK = {
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "main",
    "dd",
    "dt",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
_NOISE = re.compile(
    r"nav|menu|breadcrumb|footer|header|sidebar|ribbon|share|social|comment|banner|toolbar", re.IGNORECASE
)
_CONTENT = re.compile(r"content|article|detail|news|body|main|post|entry", re.IGNORECASE)
BOILERPLATE = {"Skip Ribbon Commands", "Skip to main content", "Bỏ qua nội dung chính"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, content)
        self.parts: list[tuple[str, bool]] = []  # (text, inside a content container)

    @property
    def skipping(self) -> bool:
        return any(s for _, s, _ in self.stack)

    @property
    def in_content(self) -> bool:
        return any(c for _, _, c in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marks = " ".join(v or "" for k, v in attrs if k in ("id", "class", "role"))
        skip = tag in _SKIP or bool(marks and _NOISE.search(marks) and not _CONTENT.search(marks))
        content = tag in ("article", "main") or bool(marks and _CONTENT.search(marks) and not skip)
        if tag in _BLOCK:
            self.parts.append(("\n", self.in_content))
        if tag == "li" and not self.skipping:
            self.parts.append(("- ", self.in_content or content))
        if tag in ("td", "th"):
            self.parts.append((" | ", self.in_content))
        if tag not in _VOID:
            self.stack.append((tag, skip, content))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self.parts.append(("\n", self.in_content))

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append((data, self.in_content))


def html_to_text(markup: str) -> str:
    """Main content of an HTML page as lines of text."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    content = [t for t, inside in parser.parts if inside]
    chosen = content if "".join(content).strip() else [t for t, _ in parser.parts]
    lines = []
    for line in "".join(chosen).split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip().strip("|").strip()
        if line and line not in BOILERPLATE:
            lines.append(line)
    return "\n".join(lines)


def charset_of(data: bytes) -> str:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii", "replace") if match else "utf-8"
