"""Cue patterns kept in the data files (``CUE_FILES``: ``task_cues.toml``, ``assignment_cues.toml``,
``timing_cues.toml``, ``deadline_cues.toml``, ``agency_cues.toml``): each a row with its name, its
regex and an example it must find, compiled once here. The code asks for a cue by name (or, to
splice it into a pattern of its own, for its regex text); the words are edited in the data file,
and ``tests/extract/test_cues.py`` runs every row's example."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.text.guarded import Guarded, guarded

CUE_FILES = ("task_cues.toml", "assignment_cues.toml", "timing_cues.toml", "deadline_cues.toml", "agency_cues.toml")


def row_regex(row: dict) -> str:
    """The regex text of one ``[[pattern]]`` row (a space made any whitespace when it is ``spaced``)."""
    return row["regex"].replace(" ", r"\s+") if row.get("spaced") else row["regex"]


def compile_row(row: dict) -> re.Pattern[str] | Guarded:
    """The compiled regex of one ``[[pattern]]`` row."""
    regex = row_regex(row)
    return guarded(regex) if row.get("engine") == "guarded" else re.compile(regex)


@cache
def cues(name: str) -> dict[str, re.Pattern[str] | Guarded]:
    """The cues of data file ``name``, by their names."""
    return {row["name"]: compile_row(row) for row in load_toml(name)["pattern"]}


@cache
def cue_regex(name: str, cue: str) -> str:
    """The regex text of cue ``cue`` of data file ``name``, for a grammar that splices it into
    its own patterns (a row compiled with the guarded engine cannot be spliced)."""
    for row in load_toml(name)["pattern"]:
        if row["name"] == cue:
            if row.get("engine") == "guarded":
                raise ValueError(f"{name}: the cue {cue!r} is guarded, it cannot be spliced into a regex")
            return row_regex(row)
    raise KeyError(f"{name}: no cue {cue!r}")
