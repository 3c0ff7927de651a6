"""Readers: one module per file kind, each returning the document's text in reading order."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read as a document; ``reason`` is one line for the user."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def read_text(path: str | Path) -> str:
    """Return the raw text of the document at ``path`` (not yet normalized)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except OSError as exc:
        raise ReadError(path, f"cannot open ({exc.strerror})") from None
    if not data.strip():
        raise ReadError(path, "file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(path, "not UTF-8 text") from None
