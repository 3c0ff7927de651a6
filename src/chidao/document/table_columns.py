"""The columns of a task table, named in its header cell by cell ("STT", "Nội dung", "Đơn vị chủ
trì", ...): which role each plays. The names are data (``data/vi/tables.toml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml
from chidao.text.fold import match_key


@dataclass(frozen=True)
class _Vocabulary:
    roles: tuple[tuple[str, re.Pattern[str]], ...]  # (role, pattern on the header cell's key)
    number: re.Pattern[str]  # the "STT" column
    number_size: tuple[int, int]  # the most words, and letters, of a name of it ("số thứ tự.": 3, 8)
    number_head: re.Pattern[str]  # a line that opens, after any whitespace, like a name of it


@cache
def vocabulary() -> _Vocabulary:
    data = load_toml("tables.toml")
    roles = []
    for role in ("schedule", "ignore", "notes", "coordinators", "lead", "time", "content"):
        words = sorted((match_key(w) for w in data["columns"][role]), key=len, reverse=True)
        roles.append((role, re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")))
    names = [match_key(w) for w in data["columns"]["number"]]
    number = "|".join(re.escape(name) for name in names)
    size = (max(len(n.split()) for n in names), max(len(n.replace(" ", "")) for n in names) + 1)  # "." after
    return _Vocabulary(tuple(roles), re.compile(rf"(?:{number})\.?$"), size, _line_opening(names))


def _line_opening(names: list[str]) -> re.Pattern[str]:
    """The line breaks before lines of at most 40 characters whose key (``match_key``, spaces
    collapsed) may start like one of ``names``: their first character but whitespace lowercases
    to the first letter of a name. Only a letter's own capital does so for the ASCII letters the
    names start with ("s", "t"; "K", the Kelvin sign, would give "k")."""
    initials = {name[0] for name in names}
    assert all(c.isascii() and c.isalpha() and c != "k" for c in initials)
    letters = "".join(sorted(initials | {c.upper() for c in initials}))
    # After a line break, which ``re`` finds fast; "^" would be tried at every position.
    return re.compile(rf"\n(?=[^\S\n]*[{letters}])(?=.{{0,40}}$)", re.MULTILINE)


def names_numbers(line: str) -> bool:
    """Whether a line names the "STT" column. Most short lines of a notice have more words or
    letters than any name of it, which rules them out before their key is made and matched."""
    vocab = vocabulary()
    words = line.split()
    most_words, most_letters = vocab.number_size
    if len(words) > most_words or sum(map(len, words)) > most_letters:
        return False
    return vocab.number.match(" ".join(match_key(line).split())) is not None


def column_role(label: str) -> str | None:
    """The role of a column from its header cell ("Đơn vị chủ trì" → "lead")."""
    key = " ".join(match_key(label).split())
    vocab = vocabulary()
    if not key or vocab.number.match(key):
        return "number"
    for role, pattern in vocab.roles:
        if pattern.search(key):
            return None if role == "ignore" else role
    return None


_SUB_COLUMNS: dict[str, str] = {match_key(k): v for k, v in load_toml("tables.toml")["sub_columns"].items()}


def sub_columns(
    text: str, tops: list[tuple[int, int]], subs: list[tuple[int, int]]
) -> tuple[list[str | None], list[tuple[int, int]]] | None:
    """A header's second line that names sub-columns under a merged cell ("Thời gian" and an empty
    cell over "Bắt đầu" | "Hoàn thành", genre g583): each column's role and header cell, given the
    header's cells (``tops``, one per tab) and the second line's filled ones (``subs``; its leading
    tabs may be lost), or None when that line is no such line."""
    labels = [match_key(text[a:b]).strip() for a, b in subs]
    if any(label not in _SUB_COLUMNS for label in labels):
        return None
    first = next((k for k in range(1, len(tops)) if tops[k][0] == tops[k][1]), None)
    if first is None or tops[first - 1][0] == tops[first - 1][1]:
        return None
    size = 1
    while first - 1 + size < len(tops) and tops[first - 1 + size][0] == tops[first - 1 + size][1]:
        size += 1
    if size != len(labels):
        return None  # the sub-columns do not fill the merged cell
    roles = [column_role(text[a:b]) if b > a else None for a, b in tops]
    cells = list(tops)
    for offset, (cell, label) in enumerate(zip(subs, labels, strict=True)):
        role = _SUB_COLUMNS[label]
        roles[first - 1 + offset] = None if role == "ignore" else role
        cells[first - 1 + offset] = cell
    return roles, cells
