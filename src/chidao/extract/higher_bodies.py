"""Bodies above a province: the Prime Minister, the ministries, the centre. A province asks them
("đề nghị Bộ Xây dựng hỗ trợ tỉnh ...") and reports to them; it gives them no task (rule 10)."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.registry import phrase_key

_UPWARD = load_toml("assignment.toml")  # "đề nghị Bộ ...": asking a higher body (rule 10)
_HIGHER_NOT = tuple(_UPWARD["higher_not"])  # "bộ chỉ huy"
_LOCAL_ENDS = tuple(f" {word}" for word in _UPWARD["local_ends"])  # "... tỉnh"
_LOCAL_WORDS = tuple(f" {word} " for word in _UPWARD["local_words"])  # "... khu vực ..."


@cache
def _higher() -> re.Pattern[str]:
    data = load_toml("assignment.toml")
    words = "|".join(re.escape(w) for w in sorted(data["higher"], key=len, reverse=True))
    return re.compile(rf"(?:{words})(?![\w])")


def upward(reader: AgencyReader, match: re.Match[str], mentions: list[Mention]) -> bool:
    """A province asking the centre ("đề nghị Bộ Xây dựng hỗ trợ tỉnh ..."): no task (rule 10)."""
    if reader.place.national or not match.group(0).strip().startswith(_UPWARD["upward_verb"]):
        return False
    return all(is_higher(mention) for mention in mentions)


def is_higher(mention: Mention) -> bool:
    """Whether a body is above a province ("Bộ Xây dựng"): not the province's own ("Bộ Chỉ huy Quân
    sự tỉnh") nor a regional branch ("Cục Thuế khu vực"), whose names hold such a word inside."""
    name = phrase_key(mention.name)
    local = name.endswith(_LOCAL_ENDS) or any(word in f" {name} " for word in _LOCAL_WORDS)
    return bool(_higher().match(name)) and not name.startswith(_HIGHER_NOT) and not local
