"""Cue patterns kept in the data files (``task_cues.toml``, ``assignment_cues.toml``,
``timing_cues.toml``): each a row with its name, its regex and an example it must find, compiled
once here. The code asks for a cue by name; the words are edited in the data file, and
``tests/test_cues.py`` runs every row's example."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.text.guarded import Guarded, guarded

CUE_FILES = ("task_cues.toml", "assignment_cues.toml", "timing_cues.toml")


def compile_row(row: dict) -> re.Pattern[str] | Guarded:
    """The compiled regex of one ``[[pattern]]`` row."""
    regex = row["regex"].replace(" ", r"\s+") if row.get("spaced") else row["regex"]
    return guarded(regex) if row.get("engine") == "guarded" else re.compile(regex)


@cache
def cues(name: str) -> dict[str, re.Pattern[str] | Guarded]:
    """The cues of data file ``name``, by their names."""
    return {row["name"]: compile_row(row) for row in load_toml(name)["pattern"]}
