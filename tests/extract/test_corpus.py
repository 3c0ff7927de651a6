"""Accuracy on the shared real corpus with the official metric (runs when CHIDAO_CORPUS is set)."""

import importlib.util
import json
from pathlib import Path

import pytest

from chidao import extract_text

TARGETS = {
    "seeds": {"task_f1": 0.98, "e2e_f1": 0.95, "metadata_accuracy": 0.95, "directive_accuracy": 1.0},
    "dev": {"task_f1": 0.95, "e2e_f1": 0.90, "metadata_accuracy": 0.95},
}


def _score_module(corpus):
    spec = importlib.util.spec_from_file_location("score", corpus.parent / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_corpus_targets(corpus, tmp_path, name):
    folder = corpus / name
    pred = tmp_path / f"{name}.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(folder.glob("*.txt")):
            result = {"source": str(path), **extract_text(path.read_text(encoding="utf-8"))}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    summary, _ = _score_module(corpus).score(folder, pred)
    for metric, target in TARGETS[name].items():
        assert summary[metric] >= target, f"{name} {metric} = {summary[metric]} < {target}"


def test_confidence_ranks_the_wrong_tasks_first(corpus, tmp_path):
    """The least-confident third of dev's tasks holds at least two thirds of the wrong ones."""
    folder = corpus / "dev"
    pred = tmp_path / "dev.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(folder.glob("*.txt")):
            result = {"source": str(path), **extract_text(path.read_text(encoding="utf-8"))}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    spec = importlib.util.spec_from_file_location(
        "confidence_table", Path(__file__).parents[2] / "scripts" / "confidence_table.py"
    )
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    pairs = [(t["confidence"], right) for t, right in table.labelled(_score_module(corpus), folder, pred)]
    _, held = table.report(pairs)
    assert held >= 2 / 3, held
