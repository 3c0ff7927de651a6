"""The rows of the data files' ``[[pattern]]`` tables compiled: one regex each, with its name and
an example it must find (``chidao.data`` refuses a row without it). Here, below the document and
extraction layers, so that both read their cue files the same way."""

from __future__ import annotations

import re

from chidao.text.guarded import Guarded, guarded


def row_regex(row: dict) -> str:
    """The regex text of one ``[[pattern]]`` row (a space made any whitespace when it is ``spaced``)."""
    return row["regex"].replace(" ", r"\s+") if row.get("spaced") else row["regex"]


def compile_row(row: dict) -> re.Pattern[str] | Guarded:
    """The compiled regex of one ``[[pattern]]`` row."""
    regex = row_regex(row)
    return guarded(regex) if row.get("engine") == "guarded" else re.compile(regex)
