"""The document text with each task's source passage highlighted, for the review page, and the
passages that assign work but gave no task highlighted in another way.

The text is the uploader's, so every piece of it is escaped; only the ``<mark>`` and link tags
written here are HTML. Passages nest properly: one inside another becomes a nested mark, and
one that starts inside another but runs past its end is cut at that end (tags must nest).
Colour is never the only sign: a task's passage opens with its number, an unassigned one with
a "?" (both links to their card), and the two kinds are underlined differently (review.css).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from chidao.messages import msg


@dataclass(frozen=True)
class Passage:
    """A task's source span in the document text, and the task's number in the list."""

    task_id: int
    number: int
    start: int
    end: int

    @property
    def rank(self) -> tuple[int, int]:
        return 0, self.task_id

    def opening(self) -> str:
        """A numbered link back to the task (keyboard and no-JS users), then the mark itself."""
        label = escape(msg("review.text.to_task", number=self.number))
        link = f'<a class="src-ref" href="#task-{self.task_id}" aria-label="{label}">{self.number}</a>'
        return f'{link}<mark id="src-{self.task_id}" class="src" data-task="{self.task_id}" tabindex="-1">'


@dataclass(frozen=True)
class Loose:
    """A passage with an assignment verb that gave no task (``passage_id``), and why not."""

    passage_id: int
    start: int
    end: int
    why: str

    @property
    def rank(self) -> tuple[int, int]:
        return 1, self.passage_id

    def opening(self) -> str:
        """A "?" link to the passage's card (its reason and the "Tạo nhiệm vụ" button), then the mark."""
        label = escape(msg("review.text.to_passage", why=self.why))
        link = f'<a class="loose-ref" href="#unassigned-{self.passage_id}" aria-label="{label}">?</a>'
        mark = f'<mark id="passage-{self.passage_id}" class="loose" data-passage="{self.passage_id}" tabindex="-1">'
        return link + mark


Highlight = Passage | Loose


def valid_passages(passages: list[Highlight], length: int) -> list[Highlight]:
    """The passages that lie inside the text, in reading order (longest first at one start)."""
    inside = [p for p in passages if 0 <= p.start < p.end <= length]
    return sorted(inside, key=lambda p: (p.start, -p.end, p.rank))


def highlight(text: str, passages: list[Highlight]) -> Markup:
    """``text`` as HTML with a ``<mark id="src-{task}">`` around each task's passage and a
    ``<mark id="passage-{id}">`` around each unassigned one."""
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
        out.append(str(escape(text[pos : passage.start])) + passage.opening())
        pos = passage.start
        open_ends.append(end)
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
