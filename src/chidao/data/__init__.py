"""The package's vocabulary files (``chidao/data/vi/*.toml``), read through one loader that checks them.

Every module that needs words, rules or calendars reads its file with ``load_toml``: parsed once,
checked once, handed out as a fresh copy (a reader that reshapes what it got cannot change what
the next one sees). The checks catch what a person editing a word list gets wrong and no rule
would notice: a file or a table missing or renamed, text not in NFC (a word typed with
decomposed diacritics never matches the normalized documents), an empty word in a list. A
failure names the file and the key, at first use, never as a silently missing rule.

This package is the lowest layer: it imports nothing of chidao.
"""

from __future__ import annotations

import copy
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

# The tables each file must hold: what its readers look up without a default.
REQUIRED: dict[str, frozenset[str]] = {
    "agencies.toml": frozenset({"abbreviations", "body", "field", "places"}),
    "agency_duties.toml": frozenset({"generic", "duties"}),
    "agency_kinds.toml": frozenset({"kind"}),
    "agency_grammar.toml": frozenset(
        {"bare", "heads", "localities", "tails", "vague_words", "group_nouns"}
        | {"group_committees", "group_links", "function_words", "name_compounds", "project_roles"}
        | {"field_openings", "subject_endings", "comrade_words", "department", "council_names"}
        | {"plural_words", "tail_links", "under_words", "comma_compound", "ending_verbs", "route_words"}
        | {"field_groups", "group_singulars", "of_word", "description_links", "commune_kinds", "role_verbs"}
        | {"units_plural", "and_word", "centre", "number_word", "social_word"}
    ),
    "assignment.toml": frozenset(
        {"verbs", "speakers", "self_references", "relayed_documents", "example"}
        | {"higher", "upward_verb", "higher_not", "local_ends", "local_words"}
    ),
    "deadlines.toml": frozenset({"numbers", "rule", "units"}),
    "holidays.toml": frozenset(),
    "layout.toml": frozenset(
        {"doc_types", "boilerplate", "signature_titles", "surnames", "issuer"}
        | {"dangling_words", "co_chair_words", "meeting_sessions", "locality_kinds", "motto", "number_label"}
        | {"motto_line", "recipients_labels", "archive_label", "chair_verb", "subject_line_doc_type"}
    ),
    "reorganizations.toml": frozenset({"reorganization"}),
    "provinces.toml": frozenset({"effective", "reference", "bodies", "province", "merged_kind"}),
    "reminders.toml": frozenset({"policy", "bounds", "example"}),
    "reports.toml": frozenset({"period", "scores", "lists"}),
    "recurrence.toml": frozenset(
        {"every", "periods", "recurring_deadlines", "example", "sentence_end_periods", "noun_before_period"}
        | {"part_link", "irregular"}
    ),
    "recurring_days.toml": frozenset({"day", "weekdays", "quarter_parts", "ordinals"}),
    "review.toml": frozenset(
        {"bias", "doubts", "signals", "unassigned", "vague_lead_nouns", "unusual_lead"}
        | {"lead_group_openings", "coordinator_group_openings"}
    ),
    "sections.toml": frozenset({"inactive", "plan_labels", "resolution_closing"}),
    "syllables.toml": frozenset({"onsets", "rhymes", "examples"}),
    "tables.toml": frozenset({"columns", "cell_openers"}),
    "task_cues.toml": frozenset({"pattern", "prefilter", "words"}),
    "assignment_cues.toml": frozenset({"pattern", "prefilter", "words"}),
    "timing_cues.toml": frozenset({"pattern", "words"}),
    "deadline_cues.toml": frozenset({"pattern"}),
    "agency_cues.toml": frozenset({"pattern"}),
    "layout_cues.toml": frozenset({"pattern"}),
    "ocr.toml": frozenset({"confusions", "onsets", "words", "examples"}),
    "legacy_encodings.toml": frozenset({"fonts", "examples", "tcvn3", "vni", "viscii"}),
    "messages.toml": frozenset({"common"}),
}
# The keys every row of a table of patterns holds: a pattern is never without its example.
PATTERN_ROWS: dict[str, tuple[str, ...]] = {
    "pattern": ("name", "regex", "example"),  # the cue files
    "day": ("recurrence", "pattern", "code", "example", "expect"),  # recurring_days.toml
}


class DataFileError(ValueError):
    """A data file that is missing, not TOML, or breaks a rule every data file keeps."""


def data_files() -> list[str]:
    """The names of the package's vocabulary files."""
    return sorted(entry.name for entry in resources.files("chidao.data.vi").iterdir() if entry.name.endswith(".toml"))


def load_toml(name: str) -> dict[str, Any]:
    """The parsed, checked contents of ``chidao/data/vi/<name>`` (a copy of its own)."""
    return copy.deepcopy(_parsed(name))


@cache
def _parsed(name: str) -> dict[str, Any]:
    path = resources.files("chidao.data.vi").joinpath(name)
    if not path.is_file():
        raise DataFileError(f"{name}: no such data file in chidao/data/vi")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DataFileError(f"{name}: {error}") from None
    problems = check(name, data)
    if problems:
        raise DataFileError("; ".join(problems[:5]))
    return data


def check(name: str, data: dict[str, Any]) -> list[str]:
    """What is wrong with the parsed contents of data file ``name``: nothing, for a good one."""
    missing = REQUIRED.get(name, frozenset()) - set(data)
    problems = [f"{name}: missing table(s) {', '.join(sorted(missing))}"] if missing else []
    return problems + list(_row_problems(name, data)) + list(_problems(data, name))


def _row_problems(name: str, data: dict[str, Any]):
    """Pattern rows without their name, regex or example; a name given twice."""
    for table, keys in PATTERN_ROWS.items():
        rows = data.get(table)
        if not isinstance(rows, list):
            continue
        names: set[str] = set()
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                yield f"{name}.{table}[{index}]: not a table"
                continue
            lacking = [key for key in keys if key not in row]
            if lacking:
                yield f"{name}.{table}[{index}]: no {', '.join(lacking)} (every pattern carries its example)"
            if "name" in row and row["name"] in names:
                yield f"{name}.{table}[{index}]: the name {row['name']!r} twice"
            names.add(row.get("name", ""))


def _problems(value: Any, where: str, in_list: bool = False):
    """Text not in NFC anywhere; empty words in a list of words (a prefix such as "TL " may end
    with its space)."""
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            yield f"{where}: {value!r} is not in Unicode NFC (retype its diacritics)"
        if in_list and not value.strip():
            yield f"{where}: an empty word in a list"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _problems(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _problems(item, f"{where}[{index}]", in_list=True)
