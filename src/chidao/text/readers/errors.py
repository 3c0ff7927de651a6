"""The one error a reader raises."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read as a document; ``reason`` is one line for the user."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
