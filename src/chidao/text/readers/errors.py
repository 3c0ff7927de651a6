"""The two exceptions of the readers: one for callers, one between the readers and ``read_text``."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read as a document; ``reason`` is one line for the user."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class Unreadable(Exception):
    """Raised by a format reader, which sees only bytes; ``read_text`` adds the path.

    Keeping the path out of the format readers lets them be called (and tested) on bytes.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
