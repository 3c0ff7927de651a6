#!/usr/bin/env python3
"""How well extraction's confidence ranks its mistakes (printed by ``make eval``).

Usage: confidence_table.py SCORE_PY GOLD_DIR PRED.jsonl [GOLD_DIR PRED.jsonl ...]

Each predicted task is paired with a gold task exactly as the official metric pairs them
(``score.py``): it is *right* when it matches a gold anchor and its lead, coordinators,
deadline and recurrence are all right, *wrong* otherwise (a wrong field, or no gold task at
all). The table gives the error rate per confidence band, and the share of all wrong tasks
that the least-confident third of tasks holds: the review page shows doubtful tasks first, so
that share is how much of a clerk's correcting the first third of the list covers.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path


def _score_module(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled(sc, gold_dir: str, pred_path: str) -> list[tuple[dict, bool]]:
    """(task, right) for every scored predicted task, paired as score.py pairs them."""
    gold = sc.load_gold(gold_dir)
    out: list[tuple[dict, bool]] = []
    for line in Path(pred_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        stem = Path(obj.get("source", "")).name
        stem = stem[:-4] if stem.endswith(".txt") else Path(stem).stem
        if stem not in gold:
            continue
        g, _ = gold[stem]
        tasks = obj.get("tasks") or []
        skip = [sc.fold(u) for u in g.get("unanchored", []) if sc.fold(u)]
        tasks = [t for t in tasks if not any(u in sc.fold(t.get("text", "")) for u in skip)]
        right = [False] * len(tasks)
        used: set[int] = set()
        for t in g.get("tasks", []):
            anchor = sc.fold(t["anchor"])
            cands = [
                (sc.fold(p.get("text", "")).find(anchor), len(p.get("text", "")), i)
                for i, p in enumerate(tasks)
                if i not in used
            ]
            cands = [c for c in cands if c[0] >= 0]
            if not cands:
                continue
            i = min(cands)[2]
            used.add(i)
            p = tasks[i]
            ok = True
            for field in ("lead", "coordinators"):
                tp, ng, npred = sc.match_sets(t.get(field, []), p.get(field, []) or [])
                ok = ok and tp == ng == npred
            ok = ok and (t.get("deadline") or None) == (p.get("deadline") or None)
            ok = ok and (t.get("recurrence") or None) == (p.get("recurrence") or None)
            right[i] = ok
        out.extend(zip(tasks, right, strict=True))
    return out


def report(pairs: list[tuple[float, bool]]) -> tuple[str, float]:
    """The table and the share of wrong tasks held by the least-confident third."""
    pairs = sorted(pairs, key=lambda p: p[0])
    wrong_total = sum(1 for _, r in pairs if not r)
    lines = ["confidence band    tasks  wrong  error rate"]
    bands = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]
    for low, high in bands:
        band = [r for c, r in pairs if low <= c < high]
        wrong = sum(1 for r in band if not r)
        rate = f"{wrong / len(band):.0%}" if band else "-"
        close = ")" if high < 1 else "]"
        lines.append(f"[{low:.2f}, {min(high, 1.0):.2f}{close}   {len(band):6} {wrong:6}  {rate:>10}")
    third = pairs[: max(1, len(pairs) // 3)] if pairs else []
    held = sum(1 for _, r in third if not r) / wrong_total if wrong_total else 1.0
    lines.append(
        f"least-confident third: {len(third)} tasks hold {held:.0%} of the {wrong_total} wrong ones (target ≥ 67%)"
    )
    return "\n".join(lines), held


def main(argv: list[str]) -> int:
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__)
        return 2
    sc = _score_module(argv[0])
    pairs: list[tuple[float, bool]] = []
    for gold_dir, pred in zip(argv[1::2], argv[2::2], strict=True):
        pairs.extend((float(task.get("confidence", 1.0)), right) for task, right in labelled(sc, gold_dir, pred))
    table, _ = report(pairs)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
