"""What each hostile file of the outside test costs now: time, and the server process's memory.

    python benchmarks/hostile_files.py

Each bomb (built by ``tests/bombs.py``) goes through ``chidao.tracking.sandbox.read_and_extract``,
the path of the web upload and ``chidao ingest``: a worker process reads it under the default
limits. Printed per bomb: its size, the code it was refused with, the wall-clock time, and this
process's resident memory (VmRSS) and peak (VmHWM) before and after. Two more rows show the
worker's own limits at work on a file the caps let through (9 MB of nested tags, about 250 MB
and 2.5 s of CPU to parse): under 200 MB of address space, and under 1 s of CPU.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bombs import MB, XML_RUN, Repeat, docx_parts, docx_with, nested_html, page_tree_bomb, zip_bytes
from chidao.text.readers.errors import ReadError
from chidao.tracking.sandbox import Limits, read_and_extract

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "cv-giao-nhiem-vu-y-te.txt"
BOMBS: list[tuple[str, str, Callable[[], bytes], Limits | None]] = [
    ("document.xml inflating to 288 MB", "a.docx", lambda: docx_with(document=Repeat(XML_RUN * 16_000, 300)), None),
    ("styles.xml of 1 GB", "a.docx", lambda: docx_with(styles=Repeat(b" " * MB, 1024)), None),
    ("5,000 members", "a.docx", lambda: zip_bytes({**docx_parts(), **{f"m/{i}": b"x" for i in range(5_000)}}), None),
    ("page tree: one page 90,000 times", "a.pdf", page_tree_bomb, None),
    ("nested HTML, 19 MB", "a.html", lambda: nested_html(19 * MB), None),
    ("nested HTML, 9 MB", "a.html", lambda: nested_html(9_000_000), None),
    ("nested HTML, 9 MB, 200 MB limit", "a.html", lambda: nested_html(9_000_000), Limits(memory_bytes=200 * MB)),
    ("nested HTML, 9 MB, 1 s CPU limit", "a.html", lambda: nested_html(9_000_000), Limits(cpu_seconds=1)),
]


def memory() -> tuple[float, float]:
    """This process's VmRSS and VmHWM in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    started = time.monotonic()
    read_and_extract(EXAMPLE.read_bytes(), EXAMPLE.name)  # the fork server starts and warms up
    print(f"first file (fork server started): {time.monotonic() - started:.2f} s")
    print("| bomb | size | refused as | time | server RSS before → after | server peak before → after |")
    print("|---|---|---|---|---|---|")
    for label, name, build, limits in BOMBS:
        data = build()
        rss, peak = memory()
        started = time.monotonic()
        try:
            read_and_extract(data, name, limits)
            code = "read (!)"
        except ReadError as error:
            code = str(error.code)
        elapsed = time.monotonic() - started
        rss_after, peak_after = memory()
        size = f"{len(data) / 1024:,.1f} KB" if len(data) < MB else f"{len(data) / MB:,.1f} MB"
        print(
            f"| {label} | {size} | `{code}` | {elapsed:.2f} s | {rss:.0f} → {rss_after:.0f} MB"
            f" | {peak:.0f} → {peak_after:.0f} MB |"
        )


if __name__ == "__main__":
    main()
