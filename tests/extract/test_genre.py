"""The project's own genre examples (tests/extract/genre) keep their accuracy.

They use the official metric (../shared/tools/score.py when the shared corpus is beside the
repository, as in CI); the thresholds are today's figures and only ever go up.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from chidao import extract_text

GENRE = Path(__file__).parent / "genre"
# Set to the figures of the third 2026-12-07 session when its batches g626-g733 came in (measured
# on arrival first: genre/README.md), raised as their families are handled. The metadata figure fell
# with them: news pages whose headline and chair some golds record and others leave null (rule 18),
# and Party committees' signatures ("T/M BAN THƯỜNG VỤ / BÍ THƯ") read as no signer.
# Set again to the grown set's figures when the sixth 2026-12-07 session's batches g950-g1093 came in
# (measured on arrival first: 0.90 / 0.78 weighted by tasks); few-task documents and uncommon tables
# pull the directive and e2e figures down. Raised as the session's later rules came in.
# Set again to the grown set's figures (1253 documents) when the seventh 2026-12-07 session's batches
# g1094-g1255 came in (measured on arrival first: 0.91 / 0.76 weighted by tasks, 0.94 / 0.81 after
# the session's rules): uncommon tables, People's Council resolutions and news pages pull e2e down.
# Set again to the grown set's figures (1349 documents) when the eighth 2026-12-07 session's batches
# g1256-g1351 came in (measured on arrival first: 0.93 / 0.84 weighted by tasks, 0.93 / 0.85 after
# the session's rules); on the 1253 documents before them the session's rules held 0.966 / 0.894.
# And again (1457 documents) when its later batches g1352-g1459 came in (0.90 / 0.71 on arrival, 0.92 /
# 0.76 after the session's rules): follow-up lists grouped by agency, grid tables and long division names.
# directive_accuracy set to 0.981 when g1460-g1495 came in (a report of open tasks read as no directive)
TARGETS = {"task_f1": 0.961, "e2e_f1": 0.884, "directive_accuracy": 0.981, "metadata_accuracy": 0.977}
# g51-g349, written on 2026-12-06 before the engine ran on them (arrival figures in genre/README.md):
# their figures once the rules they showed missing were added. g73's "Ủy ban nhân dân các xã,
# phường có diện tích chuyển đổi" is cut before "chuyển đổi".
LATEST = tuple(f"g{n}" for n in range(51, 350))
LATEST_TARGETS = {
    # missed: g116 a monthly report at a meeting, g127's "Sờ Nông nghiệp ..." (a scan's text with
    # tone confusions no rule repairs), g150's "Hồ sơ của Công ty còn thiếu ..." (a finding lent to
    # the letter's addressee), g217's "phối hợp với tỉnh"; g234's "Phòng KH-TC" defined in the body,
    # g238's time line for two clauses; g258, g259, g261's names; g275's members' duties; g283,
    # g284, g288, g289; g291's unframed wrapped table, g294's chair, g298, g299; g315's tab table
    # whose rows wrap, g320's unmarked lead-in over "+" items, g323's report with a tasks section
    # g325's "o" items under a lead-in, g329's project parties by what they build, g332's steering
    # committee's member list, g338's telegram quoted, g339's Party cells, g340's petitions (set to the
    # figures of the fourth 2026-12-06 session when g300-g349 came in)
    "task_f1": 0.986,
    "lead_accuracy": 0.982,
    "deadline_accuracy": 0.993,
    "e2e_f1": 0.948,  # g156's "Tổng công ty ... - CTCP (ACV)" cut before its legal form
    "directive_accuracy": 0.993,
    "metadata_accuracy": 0.998,
}


def _score(corpus, tmp_path, stems):
    spec = importlib.util.spec_from_file_location("score", corpus.parent / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = tmp_path / "gold"
    gold.mkdir()
    pred = tmp_path / "genre.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(GENRE.glob("*.txt")):
            if not stems(path.name):
                continue
            for name in (path.name, path.name.replace(".txt", ".gold.json")):
                (gold / name).write_bytes((GENRE / name).read_bytes())
            result = {"source": str(path), **extract_text(path.read_text(encoding="utf-8"))}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    summary, _ = score.score(gold, pred)
    return summary


def test_genre_examples_keep_their_accuracy(corpus, tmp_path):
    summary = _score(corpus, tmp_path, lambda name: True)
    for metric, target in TARGETS.items():
        assert summary[metric] >= target, f"genre {metric} = {summary[metric]} < {target}"


def test_latest_genre_examples_keep_their_accuracy(corpus, tmp_path):
    summary = _score(corpus, tmp_path, lambda name: name.split("_")[0] in LATEST)
    assert summary["docs"] == len(LATEST)
    for metric, target in LATEST_TARGETS.items():
        assert summary[metric] >= target, f"g51-g118 {metric} = {summary[metric]} < {target}"


@pytest.mark.parametrize("gold", sorted(GENRE.glob("*.gold.json")), ids=lambda p: p.name.split("_")[0])
def test_genre_gold_files_are_valid(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    for task in data["tasks"]:
        assert 25 <= len(task["anchor"]) <= 90 or " | " in task["anchor"], task["anchor"]
        assert task["lead"], task["anchor"]
    assert text.strip()
