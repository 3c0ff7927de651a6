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
    for role in ("schedule", "ignore", "coordinators", "lead", "time", "content"):
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
