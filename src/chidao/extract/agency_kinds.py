"""Kinds of a group written by their abbreviations: "Các trường THPT, PTDTNT" is two groups."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from chidao.extract.agency_words import _WORDS
from chidao.extract.mention import Mention

_AND = _WORDS["and_word"]  # "và"

# A group and kinds of it written as abbreviations: "Các trường THPT, PTDTNT".
_KINDS_LISTED = re.compile(r"(?P<head>\w+\s+\w+)\s+(?P<kinds>[A-ZĐ][\w&-]*[A-ZĐ](?:\s*,\s*[A-ZĐ][\w&-]*[A-ZĐ])+)$")


def kinds_listed(mention: Mention, full: Mapping[str, str], canonical: Callable[[str], str]) -> list[Mention]:
    """ "Các trường THPT, PTDTNT", "Các trường THPT, TTGDNN-GDTX": kinds of a group written by
    their abbreviations, one group each ("Các trường trung học phổ thông", "Các trường phổ thông
    dân tộc nội trú"); a kind that names its own head keeps only the plural ("Các Trung tâm
    Giáo dục nghề nghiệp - Giáo dục thường xuyên", genre g365, g465). ``full``: the registry's
    abbreviations; ``canonical``: the reader's canonical name."""
    match = _KINDS_LISTED.match(mention.written)
    if match is None:
        return []
    kinds = [k.strip() for k in match["kinds"].split(",")]
    if len(kinds) < 2 or any(k not in full for k in kinds):
        return []
    plural = match["head"].split()[0]
    out = []
    for kind in kinds:
        at = mention.start + mention.written.index(kind)
        name = f"{match['head']} {full[kind]}" if full[kind][:1].islower() else f"{plural} {full[kind]}"
        out.append(Mention(at if out else mention.start, at + len(kind), kind, canonical(name)))
    return out


# A unit and several numbers: "Tổ dân phố số 1, 2, 3", "Khu phố 4 và 5" (genre g507).
_NUMBERED = re.compile(
    rf"(?P<head>.*?\s)(?P<first>\d{{1,3}}[A-Za-z]?)(?P<more>(?:\s*(?:,|{_AND})\s*\d{{1,3}}[A-Za-z]?)+)$"
)


def numbered_members(mention: Mention, canonical: Callable[[str], str]) -> list[Mention]:
    """ "Tổ dân phố số 1, 2, 3" is three residential groups, each a lead ("Tổ dân phố số 1", ...)."""
    match = _NUMBERED.match(mention.written)
    if match is None:
        return []
    numbers = [match["first"], *re.findall(r"\d{1,3}[A-Za-z]?", match["more"])]
    out = []
    for number in numbers:
        name = f"{match['head']}{number}"
        out.append(Mention(mention.start, mention.end, name, canonical(name)))
    return out
