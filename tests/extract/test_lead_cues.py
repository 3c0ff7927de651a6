"""The lead rules' shortcuts (a document's cue words, the clause opening read once) find what the
plain rules find: every span of the example documents is read both ways by fresh readers."""

import re
from itertools import pairwise
from pathlib import Path

import pytest

from chidao.extract.agencies import AgencyReader, Place
from chidao.extract.leads import (
    Cues,
    addressed_assignment,
    coordinators,
    explicit_assignment,
    find_assignment,
    heading_assignment,
    past_spaces,
    subject_assignment,
)
from chidao.text import match_key, normalize

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.txt"))


def _reader(text: str) -> AgencyReader:
    return AgencyReader(text, match_key(text), Place(province="Kiên Giang"))


def _plain(reader: AgencyReader, start: int, end: int):
    """``find_assignment`` as its rules read one after another, without shortcuts."""
    return (
        heading_assignment(reader, start, end)
        or subject_assignment(reader, start, end)
        or explicit_assignment(reader, start, end)
        or addressed_assignment(reader, start, end)
    )


def _spans(text: str) -> list[tuple[int, int]]:
    """Every sentence and clause of the text, as the cutter cuts them roughly."""
    stops = [0] + [m.end() for m in re.finditer(r"[.;:\n]\s*", text)] + [len(text)]
    return [(a, b) for a, b in pairwise(stops) if b > a]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_shortcuts_find_what_the_rules_find(path):
    text = normalize(path.read_text()).text
    plain, quick = _reader(text), _reader(text)
    cues = Cues(quick.key)
    for start, end in _spans(text):
        expected = _plain(plain, start, end)
        found = find_assignment(quick, start, end, cues)
        assert found == expected, text[start:end]
        leads = expected.leads if expected else []
        assert coordinators(quick, start, end, leads, cues) == coordinators(plain, start, end, leads)
        assert explicit_assignment(quick, start, end, cues) == explicit_assignment(plain, start, end)


def test_past_spaces_is_skip_space():
    text = "  Sở Y tế\n\n  chủ trì;\t phối hợp  "
    reader = _reader(text)
    for pos in range(len(text) + 1):
        assert past_spaces(reader, pos) == reader.skip_space(pos)
