"""Which successor of a split agency a task most likely belongs to, read from the task's text.

When a body is split (Sở Thông tin và Truyền thông: digital transformation to Khoa học và Công
nghệ, press and publishing to Văn hóa, Thể thao và Du lịch) nobody can move its open tasks by a
rule of the decree alone: the clerk decides task by task. To spare them reading every one, each
task comes with a suggestion, computed as follows (deterministic: the same text and successors
give the same suggestion, whatever the database):

1. The task's text is folded (``agency_key``: no diacritics, lowercase, punctuation dropped),
   and every mention of the old body (its name and aliases) is taken out: it names the body
   being split, so it says nothing of which successor should have the task.
2. Each successor has *duty phrases*: the words of its field in ``data/vi/agency_duties.toml``
   (the field is the successor's name without "Sở"/"Bộ": "Sở Khoa học và Công nghệ" → "Khoa học
   và Công nghệ"), plus the parts of its own name (cut at commas and "và", the ``generic`` words
   of the data file left out: "Văn hóa", "Thể thao", "Du lịch").
3. A successor scores, for each of its distinct phrases found in the text as whole words, the
   number of syllables of the phrase ("chuyển đổi số" 3, "dữ liệu" 2): a longer phrase is a
   surer sign than a single common word.
4. The highest score wins; a tie (no word found at all included) goes to the successor given
   first, the one the decision names as taking the body's main duties.

The matched phrases are returned with the suggestion, so the page can say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml
from chidao.store.agencies import agency_key

_HEADS = ("Sở ", "Bộ ")


@dataclass(frozen=True)
class Suggestion:
    """The successor suggested (its index in the list given), its score and the phrases found."""

    index: int
    score: int
    words: tuple[str, ...]


@cache
def _duties() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    data = load_toml("agency_duties.toml")
    generic = frozenset(agency_key(word) for word in data["generic"])
    fields = {agency_key(row["field"]): tuple(row["words"]) for row in data["duties"]}
    return generic, fields


def _field(name: str) -> str:
    for head in _HEADS:
        if name.startswith(head):
            return name[len(head) :]
    return name


def duty_phrases(name: str) -> tuple[str, ...]:
    """The phrases that speak for the body called ``name`` (step 2), as written, no duplicates."""
    generic, fields = _duties()
    field = _field(name)
    parts = [_trimmed(p.split(), generic) for p in re.split(r",|\bvà\b|-", field)]
    own = [p for p in parts if agency_key(p)]
    phrases = [*fields.get(agency_key(field), ()), *own]
    seen: dict[str, str] = {}
    for phrase in phrases:
        seen.setdefault(agency_key(phrase), phrase)
    return tuple(seen.values())


def _trimmed(words: list[str], generic: frozenset[str]) -> str:
    """A name's part without the generic words it starts or ends with ("Ban … tỉnh")."""
    changed = True
    while words and changed:
        changed = False
        for size in (3, 2, 1):
            if len(words) > size and agency_key(" ".join(words[:size])) in generic:
                words, changed = words[size:], True
            if len(words) > size and agency_key(" ".join(words[-size:])) in generic:
                words, changed = words[:-size], True
    return "" if agency_key(" ".join(words)) in generic else " ".join(words)


def _without(text: str, names: list[str]) -> str:
    """The folded ``text`` with every whole-word occurrence of ``names`` blanked out (step 1)."""
    padded = f" {agency_key(text)} "
    for key in sorted({agency_key(n) for n in names if agency_key(n)}, key=len, reverse=True):
        padded = padded.replace(f" {key} ", " | ")
    return padded


def suggest(text: str, successors: list[str], old_names: list[str]) -> Suggestion:
    """The successor (among ``successors``, names in the decision's order) that ``text`` most
    likely belongs to, ``old_names`` being the split body's name and aliases (see the module)."""
    if not successors:
        raise ValueError("a split has successors")
    padded = _without(text, old_names)
    best = Suggestion(0, 0, ())
    for index, name in enumerate(successors):
        found = [p for p in duty_phrases(name) if f" {agency_key(p)} " in padded]
        score = sum(len(agency_key(p).split()) for p in found)
        if score > best.score:
            best = Suggestion(index, score, tuple(found))
        elif index == 0:
            best = Suggestion(0, score, tuple(found))
    return best
