"""``chidao.vocab``: one enum per stored vocabulary, each code with its Vietnamese label (issue 9).
It sits below every layer, so it must import nothing of chidao."""

from __future__ import annotations

import ast
import inspect
import unicodedata

import pytest

from chidao import vocab
from chidao.messages import section

ENUMS = [
    value
    for value in vars(vocab).values()
    if inspect.isclass(value) and issubclass(value, vocab.Coded) and value is not vocab.Coded
]


def test_vocab_imports_nothing_of_chidao_but_the_catalogue():
    tree = ast.parse(inspect.getsource(vocab))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert [name for name in imported if name.split(".")[0] == "chidao"] == ["chidao.messages"]


def test_every_label_in_the_catalogue_belongs_to_a_code():
    """The catalogue's ``[labels]`` hold exactly the codes' labels (no stale one a rename left)."""
    import chidao.reports.classes  # noqa: F401  (a Coded enum outside vocab)

    enums = {vocab._snake(enum.__name__): enum for enum in _subclasses(vocab.Coded)}
    for key in section("labels"):
        table, _, code = key.partition(".")
        assert table in enums and code in enums[table].values(), f"labels.{key}"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_code_has_a_vietnamese_label_and_a_tone(enum):
    for member in enum:
        assert member == member.value and member.value.isascii() and member.value.islower()
        assert member.label and unicodedata.is_normalized("NFC", member.label)
        assert member.tone in {"ok", "warn", "late", "done", "done-late", "none"}
    assert len(set(enum.labels().values())) == len(enum)  # two codes never read alike


@pytest.mark.parametrize(
    ("enum", "values"),
    [  # what the tables hold (migrations write these strings): changing one needs a migration
        (vocab.TaskStatus, ("assigned", "in_progress", "done", "paused", "cancelled")),
        (vocab.ExtensionStatus, ("pending", "approved", "refused")),
        (vocab.DocumentStatus, ("draft", "confirmed")),
        (vocab.UserRole, ("admin", "clerk", "agency", "viewer")),
        (vocab.AgencyRole, ("lead", "coordinator")),
        (vocab.ReportKind, ("progress", "contribution", "completion")),
        (vocab.TaskOrigin, ("extracted", "added", "split", "merged", "passage")),
        (vocab.Recurrence, ("daily", "weekly", "monthly", "quarterly", "yearly")),
    ],
)
def test_the_stored_values_stay(enum, values):
    assert enum.values() == values


def test_open_statuses_come_first_on_a_form():
    assert vocab.TaskStatus.open() == ("assigned", "in_progress", "paused")
    assert set(vocab.TaskStatus.form_order()) == set(vocab.TaskStatus)
