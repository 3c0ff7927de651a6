"""Cue patterns kept in the data files (``CUE_FILES``: ``task_cues.toml``, ``assignment_cues.toml``,
``timing_cues.toml``, ``deadline_cues.toml``, ``agency_cues.toml``; ``layout_cues.toml`` is compiled
the same way by ``chidao.document.lexicon``): each a row with its name, its
regex and an example it must find, compiled once here. The code asks for a cue by name (or, to
splice it into a pattern of its own, for its regex text); the words are edited in the data file,
and ``tests/extract/test_cues.py`` runs every row's example."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.text.guarded import Guarded
from chidao.text.patterns import compile_row, row_regex

__all__ = ["CUE_FILES", "compile_row", "cue_regex", "cues", "row_regex"]

CUE_FILES = (
    "task_cues.toml",
    "assignment_cues.toml",
    "timing_cues.toml",
    "deadline_cues.toml",
    "agency_cues.toml",
    "layout_cues.toml",  # compiled for chidao.document by its lexicon (it reads no extract module)
)


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
