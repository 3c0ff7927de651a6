"""Speed of the whole extraction pipeline, with underthesea's word_tokenize as the peer.

    python benchmarks/extract_speed.py CORPUS_DIR [CORPUS_DIR ...] [--repeat N] [--clock cpu]

Files are read into memory first; the timed loop runs ``chidao.extract_text`` on each text
(normalize → layout → agencies, tasks, deadlines) and, in the same run, underthesea's
``word_tokenize`` on the same texts (install the ``bench`` extra). Prints documents/s and MB/s
for both (best of several rounds) and their ratio, plus peak memory after one and five passes
over the corpus to show memory stays flat. ``--clock cpu`` times with this process's CPU time
instead of the wall clock: on a machine shared with other jobs, the time the process waits for a
core is left out of both figures.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

from chidao import extract_text


def load(dirs: list[str]) -> list[str]:
    texts = []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    if not texts:
        sys.exit(f"no .txt files in {' '.join(dirs)}")
    return texts


def timed(func, texts: list[str], repeat: int, rounds: int, clock=time.perf_counter) -> float:
    """Best of ``rounds`` timings of ``repeat`` passes: the machine's noise only ever adds time."""
    func(texts[0])  # warm caches (compiled patterns, data files)
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        for _ in range(repeat):
            for text in texts:
                func(text)
        best = min(best, clock() - start)
    return best


def report(name: str, seconds: float, docs: int, megabytes: float) -> float:
    rate = docs / seconds
    print(f"{name:28} {rate:10.1f} docs/s {megabytes / seconds:8.3f} MB/s  ({docs} docs in {seconds:.2f} s)")
    return rate


def peak_memory(texts: list[str], rounds: int) -> float:
    tracemalloc.start()
    for _ in range(rounds):
        for text in texts:
            extract_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds; the best is reported")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall", help="cpu: this process's CPU time")
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    texts = load(args.dirs)
    docs = len(texts) * args.repeat
    megabytes = sum(len(t.encode("utf-8")) for t in texts) * args.repeat / 1e6
    print(f"corpus: {len(texts)} documents, {megabytes / args.repeat:.3f} MB; repeat {args.repeat}; {args.clock} clock")
    ours = report("chidao extract_text", timed(extract_text, texts, args.repeat, args.rounds, clock), docs, megabytes)
    try:
        from underthesea import word_tokenize
    except ImportError:
        print("underthesea word_tokenize      not installed (pip install -e '.[bench]')")
    else:
        peer_repeat = max(1, args.repeat // 10)
        peer_docs = len(texts) * peer_repeat
        peer = report(
            "underthesea word_tokenize",
            timed(word_tokenize, texts, peer_repeat, args.rounds, clock),
            peer_docs,
            megabytes / args.repeat * peer_repeat,
        )
        print(f"ratio (chidao / underthesea)  {ours / peer:10.1f}x")
    one, many = peak_memory(texts, 1), peak_memory(texts, 5)
    print(f"peak memory: {one:.1f} MB after 1 pass, {many:.1f} MB after 5 passes")


if __name__ == "__main__":
    main()
