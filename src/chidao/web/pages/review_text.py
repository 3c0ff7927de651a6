"""The document text with each task's source passage highlighted, for the review page.

The text is the uploader's, so every piece of it is escaped; only the ``<mark>`` and link tags
written here are HTML. Passages nest properly: one inside another becomes a nested mark, and
one that starts inside another but runs past its end is cut at that end (tags must nest).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Passage:
    """A task's source span in the document text, and the task's number in the list."""

    task_id: int
    number: int
    start: int
    end: int


def _opening(passage: Passage) -> str:
    """A numbered link back to the task (keyboard and no-JS users), then the mark itself."""
    label = escape(f"Đến nhiệm vụ {passage.number}")
    link = f'<a class="src-ref" href="#task-{passage.task_id}" aria-label="{label}">{passage.number}</a>'
    return f'{link}<mark id="src-{passage.task_id}" class="src" data-task="{passage.task_id}" tabindex="-1">'


def valid_passages(passages: list[Passage], length: int) -> list[Passage]:
    """The passages that lie inside the text, in reading order (longest first at one start)."""
    inside = [p for p in passages if 0 <= p.start < p.end <= length]
    return sorted(inside, key=lambda p: (p.start, -p.end, p.task_id))


def highlight(text: str, passages: list[Passage]) -> Markup:
    """``text`` as HTML with a ``<mark id="src-{task}">`` around each passage."""
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(str(escape(text[pos:end])) + "</mark>")
            pos = end

    for passage in valid_passages(passages, len(text)):
        close_until(passage.start)
        end = min(passage.end, open_ends[-1]) if open_ends else passage.end
        if end <= passage.start:
            continue
        out.append(str(escape(text[pos : passage.start])) + _opening(passage))
        pos = passage.start
        open_ends.append(end)
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
