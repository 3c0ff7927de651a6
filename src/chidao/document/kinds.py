"""Kinds of document told by the header: a leaders' schedule, a letter of comments on a draft.
Both give no task the way a directive does."""

from __future__ import annotations

from chidao.document.header import Header
from chidao.document.lexicon import lexicon


def is_schedule(header: Header) -> bool:
    """Whether the document is a leaders' schedule: a "LỊCH CÔNG TÁC", or a notice whose subject
    is one ("Lịch làm việc của Chủ tịch, các Phó Chủ tịch UBND tỉnh", genre g763)."""
    vocab = lexicon()
    return header.doc_type in vocab.schedule_types or (header.title or "").lower().startswith(vocab.schedule_titles)


def is_commenting(header: Header) -> bool:
    """Whether the document comments on another body's draft ("V/v góp ý dự thảo Quyết định ..."):
    a peer's suggestions, no task for anyone (genre g1028)."""
    vocab, title = lexicon(), (header.title or "").lower()
    return title.startswith(vocab.commenting_titles) and vocab.commenting_object in title[:60]
