"""Kinds of document told by the header or the closing: a leaders' schedule, a letter of comments
on a draft, a notice that only informs. None gives a task the way a directive does."""

from __future__ import annotations

from chidao.document.header import Header
from chidao.document.lexicon import layout_cues, lexicon
from chidao.document.paragraphs import Paragraph
from chidao.text.occurrences import find_words

_CLOSING_PARAGRAPHS = 3  # the closing formula stands in one of the body's last paragraphs


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


def informs_only(key: str, paragraphs: list[Paragraph]) -> bool:
    """Whether the body closes by informing and asks nothing ("... trân trọng thông báo để Quý cơ
    quan, đơn vị biết, thuận tiện trong việc liên hệ công tác./.", genre g960, g1122): a new office
    address, a change of director, a postponed meeting. Its numbered items tell facts ("Kể từ ngày
    01/4/2026, Văn phòng ... chuyển về làm việc tại ..."), never tasks. A closing that asks to act
    ("biết, thực hiện"), a body that asks in so many words ("đề nghị") or one with a part that sets
    out who does what ("III. TỔ CHỨC THỰC HIỆN", genre g1133) is no such notice."""
    if not paragraphs:
        return False
    vocab = lexicon()
    closing = layout_cues()["informing_closing"]
    for paragraph in paragraphs[-_CLOSING_PARAGRAPHS:]:
        found = closing.search(key, paragraph.start, paragraph.end)
        if found is None:
            continue
        if any(act in found.group("rest") for act in vocab.informing_acts):
            return False
        body = key[paragraphs[0].start : paragraph.start]
        if any(find_words(body, ask.split()) for ask in vocab.informing_asks):
            return False
        return not any(key[p.body : p.end].startswith(vocab.informing_parts) for p in paragraphs)
    return False
