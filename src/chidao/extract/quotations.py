"""Quotations of an earlier document: an urging letter quotes the notice it follows up ("Ngày
14/4/2026, Văn phòng UBND tỉnh ban hành Thông báo số 236/TB-VPUBND ... Trong đó, Chủ tịch UBND
tỉnh đã chỉ đạo: “1. Giao Sở Xây dựng ... 4. Giao Sở Tài chính ...”"). What it quotes was
assigned then, by that notice; the letter's own requests come after it (genre g954)."""

from __future__ import annotations

import re

from chidao.extract.cues import cues

_EARLIER_DOCUMENT = cues("task_cues.toml")["earlier_document"]
_OPENING = re.compile(r":[ \t]*\n?[ \t]*([“\"])")  # a colon, then the quote (on its line or the next)
_CLOSING = {"“": "”", '"': '"'}
_INTRO_CHARS = 600  # how far back the paragraph that names the earlier document may begin


def quoted_spans(key: str) -> list[tuple[int, int]]:
    """The spans of ``key`` (the match key) quoting an earlier document: from the opening quote to
    its closing one, where the paragraph before the colon names a document by its number."""
    spans: list[tuple[int, int]] = []
    for match in _OPENING.finditer(key):
        opening = match.start(1)
        closing = key.find(_CLOSING[match.group(1)], opening + 1)
        if closing < 0 or (spans and opening < spans[-1][1]):
            continue
        paragraph = max(key.rfind("\n\n", 0, match.start()), match.start() - _INTRO_CHARS, 0)
        if _EARLIER_DOCUMENT.search(key, paragraph, match.start()):
            spans.append((opening, closing + 1))
    return spans
