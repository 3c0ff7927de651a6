"""A portal page around its article: the headings that close it ("Tin liên quan"), its tool bars
and bylines, and a box of related articles printed inside the article."""

from __future__ import annotations

from functools import cache

from chidao.document.lexicon import layout_cues, lexicon
from chidao.document.paragraphs import Paragraph

_BYLINE = layout_cues()["byline"]
_BOX_LINES = 8  # a box of related articles lists a few headlines
_HEADLINE = 160  # characters: a headline is a line at most this long
_PROSE = 200  # characters: a paragraph of the article is longer and ends a sentence


@cache
def closing_initials() -> frozenset[str]:
    """The characters a paragraph that closes the body ("Nơi nhận:", "Tin liên quan") can open
    with: the first letters of those words, or a character stripped before they are read."""
    return frozenset("N" + "".join(tail[:1] for tail in lexicon().page_tail) + "*#: \n")


@cache
def _page_tails() -> frozenset[str]:
    """The headings that close a portal article, in lowercase: pages print them in capitals too
    ("TIN LIÊN QUAN")."""
    return frozenset(tail.lower() for tail in lexicon().page_tail)


def ends_article(content: str) -> bool:
    """ "Tin liên quan:", "Các tin khác": a portal page goes on with other articles."""
    line = content.strip("*#: \n")
    return len(line) < 40 and line.lower() in _page_tails()


def page_tools(text: str, paragraph: Paragraph) -> bool:
    """A short paragraph that is only a portal page's tool bar or counter, in any line of it."""
    content = text[paragraph.start : paragraph.end]
    if len(content) > 120:
        return False
    tools = lexicon().page_tools
    if _BYLINE.fullmatch(content.strip()):
        return True  # "Thu Hằng (Trung tâm Thông tin - Văn phòng UBND tỉnh)": who wrote the item
    return all(line.strip().lower().startswith(tools) for line in content.splitlines() if line.strip())


def contact_block(text: str, paragraphs: list[Paragraph], index: int) -> int | None:
    """Past the last paragraph of a block that says whom to call, when paragraph ``index`` opens
    with a line that is only its label ("Thông tin liên hệ:"): the lines under it up to a blank
    line; None when it is no such label."""
    paragraph = paragraphs[index]
    line_end = text.find("\n", paragraph.start, paragraph.end)
    label = text[paragraph.start : line_end if line_end >= 0 else paragraph.end].strip("*#_ \t")
    if not label.endswith(":") or label[:-1].strip().lower() not in lexicon().contact_labels:
        return None
    end = index + 1
    while end < len(paragraphs) and "\n\n" not in text[paragraphs[end - 1].end : paragraphs[end].start]:
        end += 1
    return end


def tail_inside(text: str, paragraph: Paragraph) -> int | None:
    """Where a line of its own that closes a portal article ("Bài viết liên quan:") starts inside a
    paragraph of several lines, past its first line; None if there is none."""
    first = text.find("\n", paragraph.start, paragraph.end)
    if first < 0:
        return None
    tails = _page_tails()
    pos = first + 1
    while pos < paragraph.end:
        stop = text.find("\n", pos, paragraph.end)
        stop = paragraph.end if stop < 0 else stop
        if stop - pos < 40 and text[pos:stop].strip("*#: ").lower() in tails:
            return pos
        pos = stop + 1
    return None


@cache
def _inline_boxes() -> tuple[str, ...]:
    """The headings of a box a page may print inside its article, in lowercase."""
    return tuple(box.lower() for box in lexicon().inline_boxes)


def article_resumes(text: str, paragraphs: list[Paragraph], index: int) -> int | None:
    """Where the article goes on after a box of related articles that a page prints inside it
    ("Tin liên quan" and two headlines, then "Để hoàn thành ..., Phó Thủ tướng yêu cầu ...", genre
    g1116); None when the heading at ``index`` closes the article. The box is the heading and a
    few headline lines; the article goes on when a long paragraph that ends a sentence follows
    them at once."""
    heading = text[paragraphs[index].start : paragraphs[index].end].strip("*#: \n").lower()
    if not heading.startswith(_inline_boxes()):
        return None  # "Các tin khác", "Tin mới nhất": the page's own lists, after the article
    lines = 0
    for paragraph in paragraphs[index + 1 :]:
        content = text[paragraph.start : paragraph.end].strip()
        if not content:
            continue
        if ends_article(content):
            return None
        if len(content) >= _PROSE and content[-1] in ".:;":
            return paragraph.start if lines and content[0] != "(" else None  # "(Chinhphu.vn) - ...": a teaser
        lines += content.count("\n") + 1
        if lines > _BOX_LINES or any(len(line) > _HEADLINE for line in content.splitlines()):
            return None
    return None
