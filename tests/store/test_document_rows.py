"""``store.document_rows``: bulk ingest folds a task's words in the reading worker and each
agency's name once in the parent (``agency_key``, cached) instead of folding the whole search text
per task; the result must be what ``search_text`` gives (issue 15), whatever the names."""

from __future__ import annotations

from pathlib import Path

import pytest

from chidao.store.agencies import agency_key
from chidao.store.document_rows import TaskDraft, prepare_document, task_row
from chidao.store.documents import search_text
from chidao.store.models import Agency
from chidao.text import fold_words
from chidao.tracking.sandbox import read_document

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("renamed", [False, True])
def test_a_task_row_has_the_search_text_search_text_gives(path, renamed):
    data = path.read_bytes()
    prepared = prepare_document(read_document(data, path.name), path.name, data)
    names = {name for draft in prepared.tasks for name in (*draft.lead, *draft.coordinators)}
    # ``renamed``: each body stored under another name (a successor, a name edited since; "—" folds to nothing)
    agencies = {
        agency_key(name): Agency(id=index, name=f"Ban {name} —" if renamed else name)
        for index, name in enumerate(sorted(names))
    }
    for draft in prepared.tasks:
        row = task_row(7, draft, agencies)
        stored = [agencies[agency_key(name)].name for name in (*draft.lead, *draft.coordinators)]
        expected = search_text(draft.row["text"], list(dict.fromkeys([*draft.lead, *draft.coordinators, *stored])))
        assert row["search_text"] == expected
        assert row["document_id"] == 7


@pytest.mark.parametrize(
    "text, names",
    [
        ("", []),
        ("—", ["", "—"]),  # parts that fold to nothing leave no double space
        ("Giao Sở Y tế", ["Sở Y tế", "UBND huyện Đức Trọng"]),
    ],
)
def test_folding_a_part_at_a_time_is_folding_the_whole(text, names):
    draft = TaskDraft({"text": text, "deadline": None, "recurrence": None}, names, [], {}, fold_words(text))
    agencies = {agency_key(name): Agency(id=1, name=name) for name in names}
    assert task_row(1, draft, agencies)["search_text"] == search_text(text, list(dict.fromkeys(names)))
