"""HTML pages (portal copies of notices): the main content as lines, without the site around it.

A notice published on a portal is wrapped in menus, breadcrumbs, share buttons and
footers whose words ("Trang chủ", "Tin tức") would otherwise be read as the document.
We keep the ``<article>`` / ``<main>`` / "content" element when the page has one that
holds a fair share of the text, and drop the usual boilerplate elements inside it.
"""

from __future__ import annotations

import codecs
import re

from chidao.text.readers import html_tree
from chidao.text.readers.errors import Failure, Unreadable
from chidao.text.readers.html_render import render
from chidao.text.readers.html_tree import Element
from chidao.text.readers.plain import bom_encoding, decode_text

MAX_BYTES = 10 * 1024 * 1024  # a portal's page is 0.1-2 MB; Word's "save as web page" of a long plan, 5-10
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_SKIP = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "button",
        "select",
        "textarea",
        "datalist",
        "dialog",
        "menu",
    ]
)
# Substrings, as site templates glue words together ("leftnav", "topmenu"), minus known false hits.
_BOILERPLATE_ATTR = re.compile(r"(?<!u)nav|menu|breadcrumb|sidebar|ribbon|share(?!point)|social|comment", re.I)
_CHROME_ATTR = re.compile(r"header|footer", re.I)
_CONTENT_ATTR = re.compile(r"content|article|detail|post-body|entry-body", re.I)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MIN_SHARE = 0.3  # a main-content candidate must hold this share of the page's text
_SMALL_FORM = 200  # a form with less text is a search or login box; SharePoint wraps whole pages in one


def read_html(data: bytes) -> str:
    """The main text of an HTML page, one block per line."""
    if len(data) > MAX_BYTES:
        raise Unreadable(
            f"HTML page too large ({len(data) / 1024 / 1024:.1f} MB > {MAX_BYTES // 1024 // 1024} MB)",
            Failure.HTML_TOO_LARGE,
        )
    root = html_tree.parse(decode_html(data))
    body = _find(root, "body") or root
    for form in [element for element in body.elements() if element.tag == "form"]:
        if _text_length(form) < _SMALL_FORM:
            form.children.clear()
    main = _main_content(body)
    return render(main or body, keep=lambda element: _keep(element, inside_main=main is not None))


def decode_html(data: bytes) -> str:
    """Decode by BOM, then UTF-8 if valid, then the ``<meta charset>``, then the text fallbacks."""
    if bom_encoding(data) is not None:
        return decode_text(data)
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else None
    if declared is not None:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    return decode_text(data, declared)


def _keep(element: Element, *, inside_main: bool) -> bool:
    """Whether ``element`` may hold document text (False for menus, scripts, hidden parts)."""
    tag = element.tag
    if tag in _SKIP or (tag == "footer") or (tag == "header" and not inside_main):
        return False
    attrs = element.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return False
    if attrs.get("role", "").lower() in _BOILERPLATE_ROLES:
        return False
    names = f"{attrs.get('id', '')} {attrs.get('class', '')}"
    if _BOILERPLATE_ATTR.search(names):
        return False
    return inside_main or not _CHROME_ATTR.search(names)


def _main_content(body: Element) -> Element | None:
    """The element that holds the document: an article, main, or "content" block, in that order.

    Each group's largest candidate wins if it holds at least ``_MIN_SHARE`` of the text, so a
    teaser ``<article>`` in a sidebar does not hide the page.
    """
    elements = [element for element in body.elements() if _keep(element, inside_main=False)]
    total = _text_length(body)
    groups = [
        [e for e in elements if e.tag == "article"],
        [e for e in elements if e.tag == "main" or e.attrs.get("role", "").lower() == "main"],
        [e for e in elements if _CONTENT_ATTR.search(f"{e.attrs.get('id', '')} {e.attrs.get('class', '')}")],
    ]
    for group in groups:
        if not group:
            continue
        length, best = max(((_text_length(e), i) for i, e in enumerate(group)), key=lambda pair: pair[0])
        if total and length >= _MIN_SHARE * total:
            return group[best]
    return None


def _text_length(element: Element) -> int:
    """Characters of text that would be kept from ``element`` (boilerplate excluded)."""
    total = 0
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            total += len(node.strip())
        elif node is element or _keep(node, inside_main=False):
            stack.extend(node.children)
    return total


def _find(root: Element, tag: str) -> Element | None:
    return next((element for element in root.elements() if element.tag == tag), None)
