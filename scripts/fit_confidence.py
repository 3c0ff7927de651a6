#!/usr/bin/env python3
"""Fit the confidence weights of data/vi/review.toml on labelled predictions.

Usage: fit_confidence.py SCORE_PY GOLD_DIR PRED.jsonl [GOLD_DIR PRED.jsonl ...]

The predictions must come from ``chidao extract --format jsonl --trace`` so that every task
carries its ``signals``. Each task is labelled right or wrong as ``confidence_table.py`` does;
a logistic regression (L2-regularised, plain gradient descent: no dependency) gives one
log-odds weight per code and a bias, printed as TOML lines to paste into review.toml.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import confidence_table


def main(argv: list[str]) -> int:
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__)
        return 2
    sc = confidence_table._score_module(argv[0])
    rows: list[tuple[list[str], bool]] = []
    for gold_dir, pred in zip(argv[1::2], argv[2::2], strict=True):
        rows.extend((task.get("signals", []), right) for task, right in confidence_table.labelled(sc, gold_dir, pred))
    codes = sorted({c for feats, _ in rows for c in feats})
    index = {c: i for i, c in enumerate(codes)}
    w = [0.0] * len(codes)
    bias = 0.0
    rate, l2 = 0.5, 0.005
    for _ in range(4000):
        grad_w = [0.0] * len(codes)
        grad_b = 0.0
        for feats, right in rows:
            z = bias + sum(w[index[c]] for c in feats)
            p = 1 / (1 + math.exp(-z))
            err = p - (1.0 if right else 0.0)
            grad_b += err
            for c in feats:
                grad_w[index[c]] += err
        n = len(rows)
        bias -= rate * grad_b / n
        for i in range(len(w)):
            w[i] -= rate * (grad_w[i] / n + l2 * w[i])
    print(f"bias = {bias:.2f}")
    for c in codes:
        count = sum(1 for feats, _ in rows if c in feats)
        wrong = sum(1 for feats, r in rows if c in feats and not r)
        print(f"{c:28} weight = {w[index[c]]:+.2f}   # {count} tasks, {wrong} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
